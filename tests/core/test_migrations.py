"""Schema migrations: from an empty file, and v1 -> v2 with data in it."""

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
        assert migrations.user_version(conn) == migrations.SCHEMA_VERSION == 2
        names = _tables(conn)
        assert {"jobs", "status_history", "jobs_fts"} <= names
        assert {
            "ix_jobs_created",
            "ix_jobs_status",
            "ix_jobs_favourite",
            "ix_jobs_model",
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

    store = JobStore(path)  # migrates v1 -> v2
    try:
        assert store.uses_fts
        assert migrations.user_version(store._conn()) == 2
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
        assert migrations.migrate(conn) == 2
        assert migrations.migrate(conn) == 2
        with pytest.raises(ValueError):
            migrations.migrate(conn, target=7)
    finally:
        conn.close()
