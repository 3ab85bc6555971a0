"""A damaged or unwritable library: clear errors, and recovery that keeps the bad file."""

from __future__ import annotations

from pathlib import Path

import pytest

from sora_desktop.core.errors import ErrorKind, StoreError
from sora_desktop.core.store import JobStore, StoreCorruptError
from tests.core.test_store import make_job


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


def test_damaged_pages_are_detected(tmp_path: Path) -> None:
    path = tmp_path / "library.db"
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
    store, moved = JobStore.open_or_recover(path)
    try:
        assert moved is not None and moved.exists()
        assert store.count() == 0
    finally:
        store.close()


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
