"""A damaged or unwritable library: clear errors, and recovery that keeps the bad file."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from sora_desktop.core.errors import ErrorKind, StoreError
from sora_desktop.core.store import JobStore, StoreCorruptError
from tests.core.test_store import make_job

ROOT = Path(__file__).resolve().parents[2]


def test_garbage_file_is_reported_as_corrupt(tmp_path: Path) -> None:
    path = tmp_path / "library.db"
    path.write_bytes(b"this is not a database at all, just bytes\x00" * 200)
    with pytest.raises(StoreCorruptError) as info:
        JobStore(path)
    err = info.value
    assert err.kind is ErrorKind.STORE
    assert "damaged" in err.message and str(path) in err.message
    assert err.next_step  # tells the user what happens next


def test_open_or_recover_moves_corrupt_file_aside(tmp_path: Path) -> None:
    path = tmp_path / "library.db"
    garbage = b"\x13\x37garbage" * 1000
    path.write_bytes(garbage)
    Path(f"{path}-wal").write_bytes(b"junk wal")
    Path(f"{path}-shm").write_bytes(b"junk shm")
    store, moved = JobStore.open_or_recover(path)
    try:
        assert moved is not None
        assert moved.name.startswith("library.db.corrupt-")
        assert moved.read_bytes() == garbage
        assert Path(f"{moved}-wal").read_bytes() == b"junk wal"
        assert Path(f"{moved}-shm").read_bytes() == b"junk shm"
        job = make_job()
        store.add(job)  # the fresh library works
        assert store.get(job.id) == job
    finally:
        store.close()


def damaged_library(path: Path) -> Path:
    """A library of 300 jobs whose pages after the second are overwritten (header kept)."""
    s = JobStore(path)
    for i in range(300):
        s.add(make_job(f"prompt {i} " + "x" * 200, created_at=float(i)))
    s._conn().execute("PRAGMA wal_checkpoint(TRUNCATE)")
    s.close()
    data = bytearray(path.read_bytes())
    page = 4096
    assert len(data) > 6 * page
    for off in range(2 * page, len(data) - page, page):  # keep the header page intact
        data[off : off + 64] = b"\xff" * 64
    path.write_bytes(bytes(data))
    return path


def test_damaged_pages_are_detected(tmp_path: Path) -> None:
    path = damaged_library(tmp_path / "library.db")
    store, moved = JobStore.open_or_recover(path)
    try:
        assert moved is not None and moved.exists()
        assert store.count() == 0
    finally:
        store.close()


# The same damage on a newer SQLite (sqlean.py's build, 3.45+ like Windows'), in a fresh
# interpreter where it stands in for the standard sqlite3 module.
_ON_NEWER_SQLITE = r"""
import sys
import sqlean
sys.modules["sqlite3"] = sqlean
from pathlib import Path
from sora_desktop.core.store import JobStore
from tests.core.test_store_recovery import damaged_library

path = damaged_library(Path(sys.argv[1]) / "library.db")
store, moved = JobStore.open_or_recover(path)
print(sqlean.sqlite_version, moved is not None and moved.exists(), store.count())
store.close()
"""


def test_damaged_pages_are_detected_on_a_newer_sqlite(tmp_path: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-c", _ON_NEWER_SQLITE, str(tmp_path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    version, moved, count = proc.stdout.split()
    assert tuple(int(n) for n in version.split(".")[:2]) >= (3, 45), version
    assert (moved, count) == ("True", "0")


def test_damage_is_recognised_by_sqlites_code_not_its_wording(tmp_path: Path) -> None:
    # SQLite 3.45+ words damaged FTS pages "vtable constructor failed: jobs_fts"; its code
    # is SQLITE_CORRUPT (11), here with the extended SQLITE_CORRUPT_VTAB (267)
    from sora_desktop.core.store_errors import translate as _translate

    for code in (11, 267, 26):
        exc = sqlite3.DatabaseError("vtable constructor failed: jobs_fts")
        exc.sqlite_errorcode = code
        assert isinstance(_translate(tmp_path / "library.db", exc), StoreCorruptError), code
    busy = sqlite3.OperationalError("database is locked")
    busy.sqlite_errorcode = 5  # SQLITE_BUSY
    assert not isinstance(_translate(tmp_path / "library.db", busy), StoreCorruptError)


def test_healthy_file_is_not_moved(tmp_path: Path) -> None:
    path = tmp_path / "library.db"
    s = JobStore(path)
    s.add(make_job())
    s.close()
    store, moved = JobStore.open_or_recover(path)
    try:
        assert moved is None
        assert store.count() == 1
    finally:
        store.close()


def test_unwritable_folder(tmp_path: Path) -> None:
    # chmod can't stop root (CI runs as root), so make the library's parent a regular
    # file: creating the folder and opening the database then fail on every OS.
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("I am a file")
    with pytest.raises(StoreError, match="read-only or locked") as info:
        JobStore(blocker / "library.db")
    assert not isinstance(info.value, StoreCorruptError)
    with pytest.raises(StoreError, match="read-only or locked"):
        JobStore.open_or_recover(blocker / "library.db")
    assert blocker.read_text() == "I am a file"


def test_newer_schema_is_refused(tmp_path: Path) -> None:
    import sqlite3

    path = tmp_path / "library.db"
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    with pytest.raises(StoreError, match="newer version"):
        JobStore(path)
