"""Schema migrations: from an empty file, v1 -> v2 and v2 -> v3 with data in them."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from sora_desktop.core import migrations
from sora_desktop.core.models import JobStatus
from sora_desktop.core.store import JobStore


def _tables(conn: sqlite3.Connection) -> set[str]:
    return {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}


def test_empty_file_migrates_to_latest(tmp_path: Path) -> None:
    path = tmp_path / "library.db"
    path.write_bytes(b"")  # an empty file is a valid empty database
    store = JobStore(path)
    store.close()
    conn = sqlite3.connect(path)
    try:
        assert migrations.user_version(conn) == migrations.SCHEMA_VERSION == 6
        names = _tables(conn)
        assert {"jobs", "status_history", "jobs_fts", "storyboards", "storyboard_takes"} <= names
        assert {
            "ix_jobs_created",
            "ix_jobs_status",
            "ix_jobs_favourite",
            "ix_jobs_model",
            "ix_jobs_size",
            "ix_jobs_seconds",
            "ix_jobs_connection",
            "ix_jobs_remix_of",
            "ix_jobs_extend_of",
            "ix_storyboard_takes_job",
        } <= names
        assert {"jobs_fts_ai", "jobs_fts_ad", "jobs_fts_au"} <= names
    finally:
        conn.close()


def _v1_row(conn: sqlite3.Connection, job_id: str, prompt: str, created: float) -> None:
    conn.execute(
        "INSERT INTO jobs (id, prompt, model, size, seconds, conn_kind, base_url, auth_style,"
        " key_source, status, created_at, updated_at) VALUES"
        " (?, ?, 'sora-2', '720x1280', 4, 'simulator', '', 'bearer', 'none', 'ready', ?, ?)",
        (job_id, prompt, created, created),
    )
    conn.execute(
        "INSERT INTO status_history (job_id, status, at) VALUES (?, 'ready', ?)",
        (job_id, created),
    )


def test_v1_to_v2_keeps_data_and_indexes_it(tmp_path: Path) -> None:
    path = tmp_path / "library.db"
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        assert migrations.migrate(conn, target=1) == 1
        assert "jobs_fts" not in _tables(conn)
        conn.execute("BEGIN")
        _v1_row(conn, "a" * 32, "A koi pond under cherry blossoms", 10.0)
        _v1_row(conn, "b" * 32, "Neon city street in the rain", 20.0)
        conn.execute("COMMIT")
    finally:
        conn.close()

    store = JobStore(path)  # migrates v1 -> v2 -> v3
    try:
        assert store.uses_fts
        assert migrations.user_version(store._conn()) == migrations.SCHEMA_VERSION
        hits = store.list_jobs(search="cherry")
        assert [j.id for j in hits] == ["a" * 32]
        assert hits[0].status is JobStatus.READY
        assert [h.status for h in hits[0].history] == [JobStatus.READY]
        assert store.count(search="neon ra") == 1
        assert store.count() == 2
    finally:
        store.close()


def test_failed_migration_rolls_back(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "library.db"
    conn = sqlite3.connect(path, isolation_level=None)

    def broken(c: sqlite3.Connection) -> None:
        c.execute("CREATE TABLE half_done (x)")
        raise RuntimeError("boom")

    monkeypatch.setattr(migrations, "MIGRATIONS", (migrations.MIGRATIONS[0], broken))
    monkeypatch.setattr(migrations, "SCHEMA_VERSION", 2)
    try:
        with pytest.raises(RuntimeError):
            migrations.migrate(conn)
        assert migrations.user_version(conn) == 1
        assert "half_done" not in _tables(conn)
        assert not conn.in_transaction
    finally:
        conn.close()


def test_migrate_is_idempotent(tmp_path: Path) -> None:
    conn = sqlite3.connect(tmp_path / "x.db", isolation_level=None)
    try:
        assert migrations.migrate(conn) == migrations.SCHEMA_VERSION
        assert migrations.migrate(conn) == migrations.SCHEMA_VERSION
        with pytest.raises(ValueError):
            migrations.migrate(conn, target=7)
    finally:
        conn.close()


def _v2_row(
    conn: sqlite3.Connection,
    job_id: str,
    *,
    kind: str,
    model: str,
    size: str,
    seconds: int,
    remote_id: str | None,
    remix_of: str | None = None,
    favourite: int = 0,
) -> None:
    conn.execute(
        "INSERT INTO jobs (id, prompt, model, size, seconds, remix_of, conn_kind, base_url,"
        " auth_style, key_source, profile_id, status, remote_id, progress, created_at,"
        " updated_at, error_message, file_path, favourite) VALUES"
        " (?, ?, ?, ?, ?, ?, ?, 'https://gw.example.com/v1', 'bearer', 'keyring:work', 'work',"
        " 'ready', ?, 100, 1760000000.0, 1760000100.0, NULL, ?, ?)",
        (
            job_id,
            f"prompt of {job_id[:4]}",
            model,
            size,
            seconds,
            remix_of,
            kind,
            remote_id,
            f"/videos/{job_id[:4]}.mp4",
            favourite,
        ),
    )
    conn.execute(
        "INSERT INTO status_history (job_id, status, at, note) VALUES (?, 'ready', 1.0, 'n')",
        (job_id,),
    )


def test_v2_to_v3_keeps_every_job_and_estimates_their_cost(tmp_path: Path) -> None:
    """An old library (v2) opens in this version: nothing lost, costs estimated, the new
    columns empty, and the new filters work on it."""
    path = tmp_path / "library.db"
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        assert migrations.migrate(conn, target=2) == 2
        columns = {r[1] for r in conn.execute("PRAGMA table_info(jobs)")}
        assert "estimated_cost" not in columns and "remote_deleted_at" not in columns
        conn.execute("BEGIN")
        _v2_row(
            conn,
            "a" * 32,
            kind="openai",
            model="sora-2-pro",
            size="1792x1024",
            seconds=8,
            remote_id="video_a",
            favourite=1,
        )
        _v2_row(
            conn,
            "b" * 32,
            kind="simulator",
            model="sora-2",
            size="720x1280",
            seconds=4,
            remote_id="video_b",
            remix_of="video_a",
        )
        _v2_row(
            conn,
            "c" * 32,
            kind="compatible",
            model="veo-3.1",
            size="1280x720",
            seconds=8,
            remote_id=None,
        )
        _v2_row(
            conn,
            "d" * 32,
            kind="azure",
            model="sora-2",
            size="1280x720",
            seconds=12,
            remote_id="video_d",
        )
        conn.execute("COMMIT")
        before = conn.execute("SELECT * FROM jobs ORDER BY seq").fetchall()
        history_before = conn.execute("SELECT * FROM status_history ORDER BY seq").fetchall()
    finally:
        conn.close()

    store = JobStore(path)  # migrates v2 -> v3 (and on to the newest)
    try:
        assert migrations.user_version(store._conn()) == migrations.SCHEMA_VERSION
        after = store._conn().execute("SELECT * FROM jobs ORDER BY seq").fetchall()
        # every old column kept its value; the new columns were added at the end
        assert [row[: len(before[0])] for row in after] == before
        history_after = (
            store._conn().execute("SELECT * FROM status_history ORDER BY seq").fetchall()
        )
        assert history_after == history_before
        jobs = {j.id[0]: j for j in store.list_jobs()}
        assert jobs["a"].estimated_cost == 4.0  # sora-2-pro at 1792x1024: $0.50/s x 8 s
        assert jobs["b"].estimated_cost == 0.0  # a simulator never bills
        assert jobs["c"].estimated_cost is None  # a gateway model with no known price
        assert jobs["d"].estimated_cost == 1.2  # Azure sora-2: $0.10/s x 12 s
        assert all(j.remote_deleted_at is None for j in jobs.values())
        assert jobs["a"].favourite and jobs["a"].file_path == Path("/videos/aaaa.mp4")
        assert [h.note for h in jobs["a"].history] == ["n"]
        # the new queries work on the upgraded file
        assert [j.id for j in store.remixes_of(jobs["a"])] == [jobs["b"].id]
        assert store.source_of(jobs["b"]) == jobs["a"]
        assert store.count(sizes=["1280x720"]) == 2
        assert store.count(connections=["work"]) == 4
    finally:
        store.close()
