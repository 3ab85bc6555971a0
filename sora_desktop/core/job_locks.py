"""One process at a time drives a job: a lock file per job while a process works on it.

The window and ``sora-desktop resume`` (or two windows, or a window and ``storyboard run``)
may open one library at once, and each continues the unfinished jobs it finds. Without a
lock, two of them could reconcile the same job while its create is in flight, both find
nothing (the create has not landed yet) and both send it again: a paid create twice. With
it, the second process waits until the first lets go (it ends, or closes, or dies: the OS
lets go of a dead process's lock) and then continues the job from what was stored.

The files are ``<data>/running/<job id>.lock``, removed by the holder when it lets go.
The holder removes it while still holding it (POSIX), and a process that locked a file
checks it still has that name (:meth:`FileLock.names_its_file`), so a waiter that opened
the file just before it was removed never holds a lock that a newer file's holder holds
too. Windows can't remove a file another process has open: there the file goes once the
last process closed it, and a removal that fails leaves an empty file behind.
"""

from __future__ import annotations

import contextlib
import sys
from pathlib import Path

from sora_desktop.core.filelock import FileLock
from sora_desktop.core.i18n import N_

#: What a job says while another process (the window, the command line) works on it.
HELD_ELSEWHERE = N_(
    "Another Sora Desktop (a window or the command line) is working on this job right now; "
    "it continues here if that one stops."
)
#: How often a job held by another process looks again whether it was let go (seconds).
RECHECK_EVERY = 1.0


class JobLocks:
    """The lock files of one library's running jobs."""

    def __init__(self, directory: Path) -> None:
        self.directory = Path(directory)

    def try_take(self, job_id: str) -> FileLock | None:
        """The job's lock, taken; None while another process (or another service of this
        one) holds it. OSError when the folder or file can't be made."""
        self.directory.mkdir(parents=True, exist_ok=True)
        for _attempt in range(3):
            lock = FileLock(self.directory / f"{job_id}.lock")
            try:
                if not lock.acquire():
                    return None
            except PermissionError:
                if sys.platform != "win32":
                    raise
                return None  # Windows: the file is being removed by its last holder
            # Windows never removes a file someone has open, so the name is always its own
            if sys.platform == "win32" or lock.names_its_file():
                return lock
            lock.release()  # removed by the holder that let go just now: the new file's turn
        return None

    def let_go(self, lock: FileLock) -> None:
        """Remove the file, then let go of it (Windows: let go first, then remove)."""
        removed = True
        try:
            lock.path.unlink(missing_ok=True)
        except OSError:
            removed = False  # Windows: an open file can't be removed
        lock.release()
        if not removed:
            with contextlib.suppress(OSError):
                lock.path.unlink(missing_ok=True)
