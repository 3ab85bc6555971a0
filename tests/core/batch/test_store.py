"""Batches in the library: the v4 migration keeps an old library whole, rows read their
status from their latest job, the cap counts what may be billed, a row is taken once."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from sora_desktop.core import migrations
from sora_desktop.core.batch.plan import plan_batch
from sora_desktop.core.batch.preview import BatchPreview, preview_batch
from sora_desktop.core.batch.source import parse_source
from sora_desktop.core.batch.store import BatchState, BatchStore, RowStatus, row_status_text
from sora_desktop.core.models import (
    Connection,
    ConnectionKind,
    Job,
    JobStatus,
    KeySource,
)
from sora_desktop.core.paths import AppPaths
from sora_desktop.core.service import GenerationService
from sora_desktop.core.store import JobStore

OPENAI = Connection(
    kind=ConnectionKind.OPENAI,
    base_url="https://api.openai.com/v1",
    key_source=KeySource(env_var="OPENAI_API_KEY"),
    profile_id=None,
)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[JobStore]:
    opened = JobStore(tmp_path / "library.db")
    yield opened
    opened.close()


def preview_of(
    store: JobStore, tmp_path: Path, lines: list[str], cap: float | None = None
) -> BatchPreview:
    paths = AppPaths.default(tmp_path / "appdata")
    service = GenerationService(store, paths)
    text = "\n".join(["prompt", *lines]).encode()
    plan = plan_batch(parse_source(text, "csv", name="p.csv"))
    return preview_batch(plan, OPENAI, service, cap=cap, concurrency=3)


def test_a_v3_library_upgrades_to_the_batches_losing_nothing(tmp_path: Path) -> None:
    path = tmp_path / "library.db"
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        assert migrations.migrate(conn, target=3) == 3
        conn.execute("BEGIN")
        for n in range(3):
            conn.execute(
                "INSERT INTO jobs (id, prompt, model, size, seconds, conn_kind, base_url, "
                "auth_style, key_source, status, remote_id, created_at, updated_at, "
                "estimated_cost, file_path, favourite) VALUES (?, ?, 'sora-2', '720x1280', 8, "
                "'openai', 'https://api.openai.com/v1', 'bearer', 'env:K', 'ready', ?, ?, ?, "
                "0.8, ?, ?)",
                (
                    f"{n:032x}",
                    f"clip {n} 狐狸",
                    f"video_{n}",
                    10.0 + n,
                    11.0 + n,
                    f"/v/{n}.mp4",
                    n % 2,
                ),
            )
            conn.execute(
                "INSERT INTO status_history (job_id, status, at, note) VALUES (?, 'ready', 1.0, ?)",
                (f"{n:032x}", f"note {n}"),
            )
        conn.execute("COMMIT")
        before = conn.execute("SELECT * FROM jobs ORDER BY seq").fetchall()
        history = conn.execute("SELECT * FROM status_history ORDER BY seq").fetchall()
    finally:
        conn.close()

    upgraded = JobStore(path)  # migrates v3 -> v4 (options) -> v5 (storyboards) -> v6
    try:
        with upgraded.reading() as read:
            assert migrations.user_version(read) == migrations.SCHEMA_VERSION
            after = read.execute("SELECT * FROM jobs ORDER BY seq").fetchall()
            # every old column kept its value; later versions added columns at the end
            assert [row[: len(before[0])] for row in after] == before
            assert read.execute("SELECT * FROM status_history ORDER BY seq").fetchall() == history
            tables = {r[0] for r in read.execute("SELECT name FROM sqlite_master")}
        assert {"batches", "batch_rows", "batch_jobs"} <= tables
        assert upgraded.count(search="狐狸") == 3 and upgraded.spending().total == 2.4
        batches = BatchStore(upgraded)
        assert batches.batches() == []
        info = batches.create(preview_of(upgraded, tmp_path, ["a"]), name="n", batch_id="b1")
        assert info.state is BatchState.ACTIVE and batches.rows("b1")[0].status is RowStatus.PENDING
    finally:
        upgraded.close()


def test_a_batch_keeps_what_was_previewed(store: JobStore, tmp_path: Path) -> None:
    batches = BatchStore(store)
    preview = preview_of(store, tmp_path, ["a fox", "an owl"], cap=5.0)
    info = batches.create(preview, name="night", batch_id="b1", out_dir=tmp_path / "out", now=5.0)
    assert (info.name, info.cap, info.concurrency, info.out_dir) == (
        "night",
        5.0,
        3,
        tmp_path / "out",
    )
    assert info.connection == OPENAI and info.source == "p.csv" and info.template == "{prompt}"
    rows = batches.rows("b1")
    assert [(r.index, r.label, r.request.prompt, r.estimated_cost) for r in rows] == [
        (1, "r001", "a fox", 0.4),
        (2, "r002", "an owl", 0.4),
    ]
    assert batches.get("nope") is None and batches.rows("b1", [2])[0].label == "r002"
    batches.set_cap("b1", None)
    batches.set_state("b1", BatchState.CANCELLED)
    assert batches.get("b1") is not None and batches.get("b1").cap is None  # type: ignore[union-attr]
    assert [b.id for b in batches.batches([BatchState.CANCELLED])] == ["b1"]
    batches.delete("b1")
    assert batches.get("b1") is None and batches.rows("b1") == []


def _job(job_id: str, status: JobStatus, remote_id: str | None) -> Job:
    from sora_desktop.core.models import VideoRequest

    return Job(
        id=job_id,
        request=VideoRequest(prompt="x"),
        connection=OPENAI,
        status=status,
        remote_id=remote_id,
    )


def test_row_status_follows_the_latest_job_and_the_cap_counts_what_may_be_billed(
    store: JobStore, tmp_path: Path
) -> None:
    batches = BatchStore(store)
    batches.create(preview_of(store, tmp_path, list("abcdef")), name="n", batch_id="b")
    outcomes = [
        ("j1", JobStatus.READY, "video_1"),  # billed
        ("j2", JobStatus.FAILED, "video_2"),  # made, then failed: may be billed
        ("j3", JobStatus.FAILED, None),  # refused before anything was made
        ("j4", JobStatus.QUEUED, "video_4"),  # in flight
        ("j5", JobStatus.SUBMITTING, None),  # its create may have landed
    ]
    for n, (job_id, status, remote) in enumerate(outcomes, start=1):
        assert batches.record_intent("b", n, 1, job_id, 1.0)
        store.add(_job(job_id, status, remote))
        batches.mark_sent(job_id)
    assert not batches.record_intent("b", 1, 1, "again", 1.0)  # the attempt is taken
    assert batches.committed("b") == 4.0  # all but j3
    statuses = [r.status for r in batches.rows("b")]
    assert statuses == [
        RowStatus.READY,
        RowStatus.FAILED,
        RowStatus.FAILED,
        RowStatus.RUNNING,
        RowStatus.RUNNING,
        RowStatus.PENDING,
    ]
    assert batches.hold_from("b", 5) == 1  # only row 6 still needs sending
    assert batches.rows("b")[5].status is RowStatus.HELD
    assert batches.retry_failed("b") == [2, 3]
    assert [r.status for r in batches.rows("b", [2, 3])] == [RowStatus.PENDING] * 2
    store.delete("j1")
    assert batches.rows("b")[0].status is RowStatus.GONE
    assert batches.committed("b") == 4.0  # a deleted job still counts
    assert batches.find_job("j4") == ("b", 4) and batches.find_job("zz") is None
    assert row_status_text(RowStatus.HELD) == "held by the cap"
