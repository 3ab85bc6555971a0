"""JobStore against real SQLite files: round trips, transitions, history, search, threads."""

from __future__ import annotations

import sqlite3
import threading
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from sora_desktop.core.errors import StoreError
from sora_desktop.core.models import (
    AuthStyle,
    Connection,
    ConnectionKind,
    Job,
    JobStatus,
    KeySource,
    VideoRequest,
)
from sora_desktop.core.store import JobStore


def make_job(
    prompt: str = "a red fox runs through snow",
    *,
    created_at: float = 1_700_000_000.0,
    status: JobStatus = JobStatus.DRAFT,
    model: str = "sora-2",
    **kw: object,
) -> Job:
    return Job(
        id=uuid.uuid4().hex,
        request=VideoRequest(
            prompt=prompt,
            model=model,
            size="1280x720",
            seconds=8,
            reference_image=Path("/imgs/ref.png"),
            remix_of="video_parent",
        ),
        connection=Connection(
            kind=ConnectionKind.AZURE,
            base_url="https://res.openai.azure.com/openai/v1",
            auth_style=AuthStyle.API_KEY,
            key_source=KeySource(keyring_user="my-azure"),
            proxy="http://proxy:3128",
            profile_id="my-azure",
        ),
        status=status,
        created_at=created_at,
        updated_at=created_at,
        **kw,  # type: ignore[arg-type]
    )


@pytest.fixture
def store(tmp_path: Path) -> Iterator[JobStore]:
    s = JobStore(tmp_path / "lib" / "library.db")
    yield s
    s.close()


def test_round_trip_keeps_every_field(store: JobStore, tmp_path: Path) -> None:
    job = make_job(
        remote_id="video_123",
        progress=40,
        submitted_at=1_700_000_001.5,
        completed_at=1_700_000_050.0,
        expires_at=1_700_003_600.0,
        error_code="x",
        error_message="y",
        file_path=tmp_path / "v.mp4",
        thumbnail_path=tmp_path / "t.webp",
        favourite=True,
        estimated_cost=0.8,
        remote_deleted_at=1_700_009_000.0,
    )
    store.add(job)
    store.close()
    reopened = JobStore(store.path)
    try:
        got = reopened.get(job.id)
    finally:
        reopened.close()
    assert got == job
    assert got is not None and len(got.history) == 1
    assert got.history[0].status is JobStatus.DRAFT


def test_a_provider_requests_image_fields_are_kept_as_files(store: JobStore) -> None:
    """Image fields of a model's own settings are stored as the fitted files' paths (a
    resumed job sends the same file), beside its other settings."""
    import dataclasses

    job = make_job()
    request = dataclasses.replace(
        job.request,
        model="sim/any-video",
        params=(("motion_strength", "0.8"),),
        image_params=(("style_image", Path("/imgs/style.png")), ("mask", Path("/imgs/m.png"))),
    )
    job = dataclasses.replace(job, request=request)
    store.add(job)
    store.close()
    reopened = JobStore(store.path)
    try:
        got = reopened.get(job.id)
    finally:
        reopened.close()
    assert got is not None and got.request == request


def test_a_job_stored_before_image_fields_were_files_reads_as_it_was(store: JobStore) -> None:
    """The request's shape changed inside the ``options`` JSON (no column, no migration):
    a job stored by an earlier version, its image field inline as a data URI in
    ``params``, still reads with that value and is sent as it was."""
    job = make_job()
    store.add(job)
    old = '{"params": [["mask_image", "\\"data:image/png;base64,iVBORw0KGgo=\\""]], "seed": 7}'
    conn = sqlite3.connect(store.path)
    with conn:
        conn.execute("UPDATE jobs SET options = ? WHERE id = ?", (old, job.id))
    conn.close()
    got = store.get(job.id)
    assert got is not None
    assert got.request.params == (("mask_image", '"data:image/png;base64,iVBORw0KGgo="'),)
    assert got.request.seed == 7 and got.request.image_params == ()


def test_add_fills_timestamps_and_refuses_duplicates(store: JobStore) -> None:
    job = make_job(created_at=0.0)
    job.updated_at = 0.0
    store.add(job)
    assert job.created_at > 1_600_000_000
    with pytest.raises(ValueError, match="already"):
        store.add(job)


def test_pragmas(store: JobStore) -> None:
    conn = sqlite3.connect(store.path)
    try:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    finally:
        conn.close()
    c = store._conn()
    assert c.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert c.execute("PRAGMA synchronous").fetchone()[0] == 1  # NORMAL
    assert c.execute("PRAGMA busy_timeout").fetchone()[0] == 5000


def test_no_key_is_ever_stored(store: JobStore) -> None:
    job = make_job()
    store.add(job)
    raw = store._conn().execute("SELECT key_source FROM jobs").fetchone()[0]
    assert raw == "keyring:my-azure"


def test_legal_transitions_write_row_and_history(store: JobStore) -> None:
    job = make_job()
    store.add(job)
    store.transition(job.id, JobStatus.SUBMITTING, submitted_at=1_700_000_010.0)
    store.transition(job.id, JobStatus.QUEUED, remote_id="video_9", note="created")
    store.update_fields(job.id, progress=55)
    store.transition(job.id, JobStatus.IN_PROGRESS)
    store.transition(job.id, JobStatus.COMPLETED, progress=100)
    store.transition(job.id, JobStatus.DOWNLOADING)
    done = store.transition(job.id, JobStatus.READY, file_path=Path("/lib/v.mp4"))
    assert done.status is JobStatus.READY
    assert done.remote_id == "video_9"
    assert done.progress == 100
    assert done.file_path == Path("/lib/v.mp4")
    assert done.submitted_at == 1_700_000_010.0
    assert [h.status for h in done.history] == [
        JobStatus.DRAFT,
        JobStatus.SUBMITTING,
        JobStatus.QUEUED,
        JobStatus.IN_PROGRESS,
        JobStatus.COMPLETED,
        JobStatus.DOWNLOADING,
        JobStatus.READY,
    ]
    assert done.history[2].note == "created"
    assert done.updated_at >= done.history[-1].at
    assert store.find_by_remote_id("video_9") == done


def test_illegal_transition_changes_nothing(store: JobStore) -> None:
    job = make_job()
    store.add(job)
    with pytest.raises(ValueError, match="draft to ready"):
        store.transition(job.id, JobStatus.READY, progress=100)
    got = store.get(job.id)
    assert got is not None
    assert got.status is JobStatus.DRAFT and got.progress == 0 and len(got.history) == 1
    store.transition(job.id, JobStatus.CANCELLED)
    with pytest.raises(ValueError):
        store.transition(job.id, JobStatus.SUBMITTING)


def test_transition_unknown_job_and_bad_fields(store: JobStore) -> None:
    with pytest.raises(KeyError):
        store.transition("nope", JobStatus.SUBMITTING)
    job = make_job()
    store.add(job)
    with pytest.raises(ValueError, match="prompt"):
        store.update_fields(job.id, prompt="sneaky")
    with pytest.raises(ValueError, match="status"):
        store.update_fields(job.id, status=JobStatus.READY)
    with pytest.raises(KeyError):
        store.update_fields("nope", progress=1)


def test_list_sort_filter_page_count(store: JobStore) -> None:
    jobs = [make_job(f"clip number {i}", created_at=1000.0 + i) for i in range(30)]
    for j in jobs:
        store.add(j)
    for j in jobs[:5]:
        store.transition(j.id, JobStatus.SUBMITTING)
    store.set_favourite(jobs[7].id, True)
    store.set_favourite(jobs[9].id, True)

    page = store.list_jobs(limit=10)
    assert [j.id for j in page] == [j.id for j in reversed(jobs[-10:])]
    page2 = store.list_jobs(limit=10, offset=10, descending=False)
    assert [j.id for j in page2] == [j.id for j in jobs[10:20]]
    assert store.count() == 30
    assert store.count(statuses=[JobStatus.SUBMITTING]) == 5
    assert {j.id for j in store.active_jobs()} == {j.id for j in jobs[:5]}
    assert [j.id for j in store.list_jobs(favourites_only=True)] == [jobs[9].id, jobs[7].id]
    assert store.count(statuses=[]) == 0
    with pytest.raises(ValueError):
        store.list_jobs(order_by="created_at; DROP TABLE jobs")


def test_delete_removes_history_too(store: JobStore) -> None:
    job = make_job()
    store.add(job)
    store.transition(job.id, JobStatus.SUBMITTING)
    store.delete(job.id)
    assert store.get(job.id) is None
    n = store._conn().execute("SELECT count(*) FROM status_history").fetchone()[0]
    assert n == 0


def test_search_uses_fts_with_prefixes(store: JobStore) -> None:
    assert store.uses_fts
    a = make_job("A lighthouse at dawn, waves crashing", created_at=1.0)
    b = make_job("Café scene with a barista pouring latte art", created_at=2.0)
    c = make_job("Drone shot over a lighthouse in fog", created_at=3.0)
    for j in (a, b, c):
        store.add(j)
    assert [j.id for j in store.list_jobs(search="lighthouse")] == [c.id, a.id]
    assert [j.id for j in store.list_jobs(search="light")] == [c.id, a.id]  # prefix
    assert [j.id for j in store.list_jobs(search="lighthouse fog")] == [c.id]
    assert [j.id for j in store.list_jobs(search="cafe")] == [b.id]  # diacritics folded
    by_prompt = store.list_jobs(search="lighthouse", order_by="prompt", descending=False)
    assert [j.id for j in by_prompt] == [a.id, c.id]
    assert [j.id for j in store.list_jobs(search="light", limit=1, offset=1)] == [a.id]
    assert store.count(search="LIGHTHOUSE") == 2
    assert store.count(search="submarine") == 0


@pytest.mark.parametrize(
    "hostile",
    ['"', "AND", "OR NOT", "prompt:x", "(((", "*", "NEAR(a b)", "'; DROP TABLE jobs; --", "^"],
)
def test_search_escapes_user_input(store: JobStore, hostile: str) -> None:
    store.add(make_job("plain prompt AND more"))
    store.list_jobs(search=hostile)  # must not raise
    store.count(search=hostile)
    assert store.count() == 1


def test_fts_follows_updates_and_deletes(store: JobStore) -> None:
    job = make_job("an orange cat")
    store.add(job)
    conn = store._conn()
    conn.execute("UPDATE jobs SET prompt = 'a purple dog' WHERE id = ?", (job.id,))
    assert store.count(search="cat") == 0
    assert store.count(search="purple") == 1
    store.delete(job.id)
    assert store.count(search="purple") == 0
    integrity = conn.execute("INSERT INTO jobs_fts(jobs_fts) VALUES ('integrity-check')")
    assert integrity is not None


def test_like_fallback_without_fts(tmp_path: Path) -> None:
    path = tmp_path / "library.db"
    s = JobStore(path)
    s.add(make_job("100% real_thing here", created_at=1.0))
    s.add(make_job("1000 unreal things", created_at=2.0))
    conn = s._conn()
    for name in ("jobs_fts_ai", "jobs_fts_ad", "jobs_fts_au"):
        conn.execute(f"DROP TRIGGER {name}")
    conn.execute("DROP TABLE jobs_fts")
    s.close()
    s = JobStore(path)
    try:
        assert not s.uses_fts
        assert s.count(search="100%") == 1  # % is literal, not a wildcard
        assert s.count(search="real_") == 1  # _ is literal
        assert s.count(search="thing") == 2
        assert s.count(search="unreal 1000") == 1
    finally:
        s.close()


def test_one_connection_per_thread_and_close_closes_all(store: JobStore) -> None:
    job = make_job()
    store.add(job)
    seen: list[sqlite3.Connection] = []
    errors: list[BaseException] = []

    def worker() -> None:
        try:
            seen.append(store._conn())
            store.update_fields(job.id, progress=77)
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    t = threading.Thread(target=worker, name="store-worker")
    t.start()
    t.join(timeout=10)
    assert not errors
    main_conn = store._conn()
    assert seen[0] is not main_conn
    assert store._conn() is main_conn
    store.close()
    with pytest.raises(sqlite3.ProgrammingError):
        seen[0].execute("SELECT 1")
    got = store.get(job.id)  # reopens lazily after close
    assert got is not None and got.progress == 77


def test_locked_database_raises_store_error(tmp_path: Path) -> None:
    path = tmp_path / "library.db"
    s = JobStore(path, busy_timeout=0.1)
    job = make_job()
    s.add(job)
    other = sqlite3.connect(path, isolation_level=None)
    try:
        other.execute("BEGIN EXCLUSIVE")
        with pytest.raises(StoreError, match="locked"):
            s.update_fields(job.id, progress=3)
    finally:
        other.execute("ROLLBACK")
        other.close()
        s.close()


def test_add_many_is_one_batch(store: JobStore) -> None:
    jobs = [make_job(f"batch {i}", created_at=float(i + 1)) for i in range(50)]
    assert store.add_many(jobs) == 50
    assert store.add_many([]) == 0
    assert store.count(search="batch") == 50
    assert store.get(jobs[3].id) == jobs[3]
    dup = [make_job("new one"), jobs[0]]
    with pytest.raises(ValueError):
        store.add_many(dup)
    assert store.get(dup[0].id) is None  # the whole batch was rolled back


def test_concurrent_writers_from_threads(store: JobStore) -> None:
    jobs = [make_job(f"thread job {i}") for i in range(4)]
    store.add_many(jobs)
    errors: list[BaseException] = []

    def worker(job: Job) -> None:
        try:
            for p in range(1, 51):
                store.update_fields(job.id, progress=p)
            store.transition(job.id, JobStatus.SUBMITTING)
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=worker, args=(j,), name=f"w{i}") for i, j in enumerate(jobs)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=30)
    assert not errors
    for job in jobs:
        got = store.get(job.id)
        assert got is not None and got.progress == 50 and got.status is JobStatus.SUBMITTING
    assert len(store._conns) == 5  # one per worker thread + this one
