"""Atomic file writes: a reader sees the old file or the new one, never half of either.

The data goes to a temporary file in the same folder (same volume, so the rename is atomic),
is flushed and fsynced, then ``os.replace`` puts it in place and the folder is fsynced so the
rename itself survives a power cut (where the OS supports fsync on directories).
"""

from __future__ import annotations

import contextlib
import os
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path


def fsync_dir(path: Path) -> None:
    """Flush a folder's entries to disk. A no-op where folders can't be opened (Windows)."""
    if os.name == "nt":  # pragma: no cover - Windows can't open a directory for fsync
        return
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        with contextlib.suppress(OSError):
            os.fsync(fd)
    finally:
        os.close(fd)


#: Windows refuses to replace a file another handle has open without delete sharing (a
#: reader such as Python's ``open``, an antivirus scan, the search indexer): WinError 5
#: (access denied) or 32 (sharing violation), for as long as that handle lives, usually
#: milliseconds. The replace is tried again after each of these waits (seconds).
REPLACE_WAITS_S = (0.01, 0.02, 0.05, 0.1, 0.2, 0.4)
_HELD_OPEN_WINERRORS = (5, 32)


def replace_file(source: Path, target: Path) -> None:
    """``source.replace(target)``, waiting out a moment's sharing violation on Windows.

    Any other error, and one that lasts past :data:`REPLACE_WAITS_S`, is raised as it is.
    """
    for wait in REPLACE_WAITS_S:
        try:
            source.replace(target)
            return
        except PermissionError as exc:
            if getattr(exc, "winerror", None) not in _HELD_OPEN_WINERRORS:
                raise
        time.sleep(wait)
    source.replace(target)


def atomic_write_bytes(path: Path, data: bytes, *, mode: int | None = None) -> None:
    """Write ``data`` to ``path`` atomically. Raises OSError on failure (the old file stays).

    ``mode``, when given, sets the file's permission bits (e.g. 0o600 for private files).
    """
    path = Path(path)
    folder = path.parent
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        if mode is not None:
            tmp.chmod(mode)
        replace_file(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    fsync_dir(folder)


def atomic_write_text(
    path: Path, text: str, *, encoding: str = "utf-8", mode: int | None = None
) -> None:
    """Write ``text`` to ``path`` atomically (see :func:`atomic_write_bytes`)."""
    atomic_write_bytes(path, text.encode(encoding), mode=mode)


class LatestTextWriter:
    """Writes a file atomically on a background thread, newest content wins.

    For a caller that must not wait for the disk (the GUI thread saving settings on every
    Generate: an fsync can take 100 ms on a busy disk). ``write`` returns at once; while a
    write is under way, later contents replace each other and only the newest is written
    next, so a burst of saves costs at most two writes. The thread waits ``linger`` seconds
    for more before it ends: starting a thread makes the caller wait until the new thread has
    run (a CPU and the GIL), 100+ ms on a busy machine, so a burst of saves a little apart
    (twenty Generate clicks, then the draft) starts one thread, not one each. ``flush``
    waits until everything given so far is on disk and ends the thread (call it before
    exit). A failed write is passed to ``on_error`` (on the writer thread) and the old file
    stays.
    """

    def __init__(
        self,
        path: Path,
        *,
        on_error: Callable[[OSError], None] | None = None,
        thread_name: str = "sora-file-writer",
        linger: float = 0.0,
    ) -> None:
        self.path = Path(path)
        self._on_error = on_error
        self._thread_name = thread_name
        self._linger = linger
        self._wake = threading.Condition()
        self._pending: str | None = None
        self._running = False
        self._flushing = False  # flush asked the thread to end once nothing is pending
        self._thread: threading.Thread | None = None  # the latest writer thread

    def write(self, text: str) -> None:
        with self._wake:
            self._pending = text
            if self._running:
                self._wake.notify()
                return
            self._running = True
            self._thread = threading.Thread(target=self._run, name=self._thread_name)
            self._thread.start()

    def flush(self) -> None:
        while True:
            with self._wake:
                thread = self._thread
                if thread is None:
                    return
                self._flushing = True
                self._wake.notify()
            thread.join()  # joined, not just told it is done: no thread outlives flush
            with self._wake:
                if not self._running and self._thread is thread:
                    self._flushing = False
                    return

    def _run(self) -> None:
        while True:
            with self._wake:
                if self._pending is None and not self._flushing:
                    self._wake.wait_for(
                        lambda: self._pending is not None or self._flushing, self._linger
                    )
                text, self._pending = self._pending, None
                if text is None:
                    self._running = False
                    return
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                atomic_write_text(self.path, text)
            except OSError as exc:
                if self._on_error is not None:
                    self._on_error(exc)


@contextlib.contextmanager
def atomic_output(path: Path) -> Iterator[Path]:
    """A temporary file in ``path``'s folder for a writer that needs a file name (FFmpeg).

    When the block ends normally the file is fsynced and published with ``os.replace`` (the
    folder fsynced too); when it raises (an error, a cancel) the temporary file is removed,
    so nothing half-written is ever left under either name. The temporary file is made with
    the usual permissions (not private), since it becomes the result as it is.
    """
    path = Path(path)
    folder = path.parent
    # 8 random hex digits, as uuid4 would give (uuid imports platform: ~10 M instructions
    # at every start of the window for one name)
    tmp = folder / f".{path.name}.{os.urandom(4).hex()}.part"
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666)
    os.close(fd)
    try:
        yield tmp
        with tmp.open("r+b") as fh:
            os.fsync(fh.fileno())
        replace_file(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    fsync_dir(folder)
