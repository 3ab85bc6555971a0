"""LatestTextWriter: the caller never waits for the disk, the newest text wins, flush waits."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from sora_desktop.core import atomic
from sora_desktop.core.atomic import LatestTextWriter


def test_write_returns_before_the_disk_and_flush_waits_for_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "sub" / "settings.json"
    disk_busy = threading.Event()  # holds the write, as a slow fsync would
    writing = threading.Event()
    written: list[str] = []
    real_write = atomic.atomic_write_text

    def slow_write(p: Path, text: str) -> None:
        writing.set()
        disk_busy.wait(10)
        real_write(p, text)
        written.append(text)

    monkeypatch.setattr(atomic, "atomic_write_text", slow_write)
    writer = LatestTextWriter(path)
    writer.write("one")  # returns although the disk is busy
    assert writing.wait(10)
    assert not path.exists()
    for text in ("two", "three", "four"):  # a burst while the first write is under way
        writer.write(text)
    disk_busy.set()
    writer.flush()
    assert path.read_text() == "four"
    assert written == ["one", "four"]  # "two" and "three" were replaced before being written
    assert [t for t in threading.enumerate() if t.name == "sora-file-writer"] == []
    assert [p.name for p in path.parent.iterdir()] == ["settings.json"]  # no temp file left


def test_a_failed_write_is_reported_and_the_writer_keeps_working(tmp_path: Path) -> None:
    blocker = tmp_path / "data"
    blocker.write_text("a file where the settings folder should be")
    errors: list[OSError] = []
    writer = LatestTextWriter(blocker / "settings.json", on_error=errors.append)
    writer.write("new")
    writer.flush()
    assert len(errors) == 1 and isinstance(errors[0], OSError)
    blocker.unlink()
    writer.write("again")
    writer.flush()
    assert (blocker / "settings.json").read_text() == "again"
    assert len(errors) == 1


def test_flush_without_writes_returns_at_once(tmp_path: Path) -> None:
    LatestTextWriter(tmp_path / "x").flush()
    assert not (tmp_path / "x").exists()


def test_saves_a_little_apart_start_one_thread_and_flush_ends_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Starting a thread makes the caller wait until it runs (a CPU and the GIL: 100+ ms on
    a busy machine, the GUI thread's stall in issue 11's heartbeat): a writer that lingers
    serves a burst of saves with one thread, and flush ends it without waiting out the
    linger."""
    path = tmp_path / "settings.json"
    writers: list[threading.Thread] = []
    landed = threading.Semaphore(0)
    real_write = atomic.atomic_write_text

    def recorded(p: Path, text: str) -> None:
        real_write(p, text)
        writers.append(threading.current_thread())
        landed.release()

    monkeypatch.setattr(atomic, "atomic_write_text", recorded)
    writer = LatestTextWriter(path, linger=600.0)  # longer than the test may take
    for text in ("one", "two", "three"):
        writer.write(text)
        assert landed.acquire(timeout=10)  # on disk: the thread now waits for more
    assert len(writers) == 3 and len(set(writers)) == 1  # one thread served all three
    assert writers[0].is_alive()
    writer.flush()
    assert not writers[0].is_alive()
    assert path.read_text() == "three"
    writer.write("four")  # a write after a flush starts a thread again
    writer.flush()
    assert path.read_text() == "four" and len(set(writers)) == 2
    assert [t for t in threading.enumerate() if t.name == "sora-file-writer"] == []


def _held_open(winerror: int) -> PermissionError:
    exc = PermissionError(13, "Access is denied")
    exc.winerror = winerror  # type: ignore[attr-defined]  # set by Windows, absent elsewhere
    return exc


@pytest.mark.parametrize("winerror", [5, 32])
def test_a_target_held_open_for_a_moment_is_replaced_once_it_is_let_go(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, winerror: int
) -> None:
    """Windows refuses the replace while another handle has the file open (seen in CI: the
    settings writer lost a save while a reader had settings.json open)."""
    path = tmp_path / "settings.json"
    path.write_text("old", encoding="utf-8")
    real_replace = Path.replace
    refusals = [_held_open(winerror), _held_open(winerror)]
    tries: list[Path] = []

    def replace(src: Path, dst: Path) -> Path:
        tries.append(dst)
        if refusals:
            raise refusals.pop()
        return real_replace(src, dst)

    monkeypatch.setattr(Path, "replace", replace)
    monkeypatch.setattr(atomic.time, "sleep", lambda _s: None)
    atomic.atomic_write_text(path, "new")
    assert path.read_text(encoding="utf-8") == "new"
    assert len(tries) == 3
    assert [p.name for p in tmp_path.iterdir()] == ["settings.json"]  # no temporary left


def test_a_refusal_that_is_not_a_held_file_is_raised_at_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "settings.json"
    path.write_text("old", encoding="utf-8")
    tries: list[Path] = []

    def replace(src: Path, dst: Path) -> Path:
        tries.append(dst)
        raise PermissionError(13, "Permission denied")  # POSIX: no winerror, a real refusal

    monkeypatch.setattr(Path, "replace", replace)
    with pytest.raises(PermissionError):
        atomic.atomic_write_text(path, "new")
    assert len(tries) == 1
    assert path.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["settings.json"]


def test_a_file_a_reader_has_open_is_still_replaced(tmp_path: Path) -> None:
    """The real thing on Windows (a reader without delete sharing); elsewhere the replace
    never waits, and the test checks the reader's handle still reads the old text."""
    path = tmp_path / "settings.json"
    path.write_text("old", encoding="utf-8")
    reader = path.open(encoding="utf-8")
    letting_go = threading.Timer(0.15, reader.close)
    letting_go.start()
    try:
        atomic.atomic_write_text(path, "new")
    finally:
        letting_go.join()
        reader.close()
    assert path.read_text(encoding="utf-8") == "new"
