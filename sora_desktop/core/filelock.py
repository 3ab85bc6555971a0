"""An exclusive lock on a file, held by one process at a time and let go by the OS when
the process ends (a crash included): ``fcntl.flock`` on POSIX, ``msvcrt.locking`` on
Windows. A second handle on the same file fails to lock it too, in this process as in
another. Used for the built-in simulator's state folder and for a running batch.
"""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path
from typing import IO


class FileLock:
    """A non-blocking exclusive lock on ``path`` (created if missing)."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._handle: IO[bytes] | None = None

    @property
    def held(self) -> bool:
        return self._handle is not None

    def acquire(self) -> bool:
        """Take the lock; False when another holder has it. OSError when the file can't
        be made or opened."""
        if self._handle is not None:
            return True
        handle = self.path.open("a+b")
        try:
            _lock(handle)
        except OSError:
            handle.close()
            return False
        self._handle = handle
        return True

    def names_its_file(self) -> bool:
        """The locked handle is still the file at ``path`` (not one removed meanwhile by
        a holder that let go of it: see core/job_locks.py)."""
        if self._handle is None:
            return False
        try:
            here = os.fstat(self._handle.fileno())
            there = self.path.stat()
        except OSError:
            return False
        return (here.st_dev, here.st_ino) == (there.st_dev, there.st_ino)

    def release(self) -> None:
        handle, self._handle = self._handle, None
        if handle is not None:
            with contextlib.suppress(OSError):
                _unlock(handle)
            handle.close()


if sys.platform == "win32":  # pragma: no cover - exercised on Windows CI
    import msvcrt

    def _lock(handle: IO[bytes]) -> None:
        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)

    def _unlock(handle: IO[bytes]) -> None:
        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _lock(handle: IO[bytes]) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)

    def _unlock(handle: IO[bytes]) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
