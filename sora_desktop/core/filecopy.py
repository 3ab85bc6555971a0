"""Copying a clip with the operating system's own copy, never a Python loop over chunks.

:func:`copy_new_file` makes a new file holding another file's bytes. It tries, in turn:

- a copy-on-write clone where the file system has them (instant, shares the blocks until
  either file changes): ``FICLONE`` on Linux (btrfs, XFS, bcachefs), ``clonefile`` on macOS
  (APFS);
- the kernel's own copy: ``copy_file_range`` on Linux (in the kernel; server-side on NFS 4.2
  and SMB3), ``CopyFile2`` (Python 3.12+) or ``CopyFileExW`` on Windows (block cloning on
  ReFS and Dev Drives), ``fcopyfile`` on macOS and ``sendfile`` on other POSIX systems
  through :func:`shutil.copyfile`.

It neither fsyncs nor publishes the new file: :mod:`.export` does both, so a half copy never
carries the final name. On Linux the kernel copy goes in :data:`WRITEBACK_STEP` pieces and
:func:`start_writeback` sends each piece to the disk while the next is copied, so the fsync
that follows finds little left to write.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import sys
from collections.abc import Callable
from pathlib import Path

#: Bytes between two :func:`start_writeback` calls (a download, a kernel copy).
WRITEBACK_STEP = 8 * 1024 * 1024
#: Linux ``SYNC_FILE_RANGE_WRITE``: start writing the dirty pages, don't wait for them.
_SYNC_FILE_RANGE_WRITE = 2
#: Linux ``FICLONE`` (``_IOW(0x94, 9, int)``); ``fcntl.FICLONE`` exists from Python 3.12.
_FICLONE = 0x40049409
#: Windows ``COPY_FILE_FAIL_IF_EXISTS``.
_COPY_FILE_FAIL_IF_EXISTS = 0x1
#: copy_file_range errors that mean "not between these two files", before anything is copied.
_NO_RANGE_COPY = {
    errno.EXDEV,
    errno.ENOSYS,
    errno.EINVAL,
    errno.EBADF,
    errno.EPERM,
    errno.EOPNOTSUPP,
    getattr(errno, "ENOTSUP", errno.EOPNOTSUPP),
}


def copy_new_file(src: Path, dst: Path) -> str:
    """Create ``dst`` (which must not exist) holding the bytes of ``src``; returns the means.

    Raises :class:`FileExistsError` when ``dst`` exists and :class:`OSError` when the copy
    fails (a full disk, no permission); ``dst`` is then removed. The means returned is one
    of ``"clone"``, ``"copy_file_range"``, ``"CopyFile2"``, ``"CopyFileExW"`` and
    ``"copyfile"`` (:func:`shutil.copyfile`'s own fast path).
    """
    if sys.platform == "win32":
        return _copy_windows(src, dst)
    if sys.platform == "darwin" and _clonefile(src, dst):
        return "clone"
    fd = os.open(dst, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    try:
        if sys.platform.startswith("linux"):
            with src.open("rb") as fin:
                how = _copy_linux(fin.fileno(), fd)
            if how is not None:
                return how
        os.close(fd)
        fd = -1
        shutil.copyfile(src, dst)  # fcopyfile on macOS, sendfile elsewhere
        return "copyfile"
    except BaseException:
        with contextlib.suppress(OSError):
            dst.unlink()
        raise
    finally:
        if fd >= 0:
            os.close(fd)


def _copy_linux(src_fd: int, dst_fd: int) -> str | None:
    """Clone, else copy in the kernel; None when neither works between these two files
    (nothing was written then)."""
    if sys.platform != "linux":  # as mypy reads it: fcntl.ioctl and copy_file_range are Linux's
        return None
    import fcntl

    try:
        fcntl.ioctl(dst_fd, getattr(fcntl, "FICLONE", _FICLONE), src_fd)
        return "clone"
    except OSError:
        pass  # no reflinks on this file system (ext4, tmpfs...) or across two of them
    size = os.fstat(src_fd).st_size
    copied = 0
    try:
        while copied < size:
            n = os.copy_file_range(src_fd, dst_fd, min(size - copied, WRITEBACK_STEP))
            if n == 0:  # the source got shorter while we copied: keep what is there
                break
            start_writeback(dst_fd, copied, n)
            copied += n
    except OSError as exc:
        if copied or exc.errno not in _NO_RANGE_COPY:
            raise
        return None
    return "copy_file_range"


def _clonefile(src: Path, dst: Path) -> bool:
    """macOS ``clonefile(2)``: True when ``dst`` is now a clone of ``src``; False where the
    volume can't clone (not APFS, another volume); raises for other errors."""
    import ctypes

    libc = ctypes.CDLL(None, use_errno=True)
    clonefile = getattr(libc, "clonefile", None)
    if clonefile is None:  # macOS before 10.12
        return False
    clonefile.argtypes = [ctypes.c_char_p, ctypes.c_char_p, ctypes.c_uint32]
    clonefile.restype = ctypes.c_int
    if clonefile(os.fsencode(src), os.fsencode(dst), 0) == 0:
        return True
    err = ctypes.get_errno()
    if err in (errno.ENOTSUP, errno.EXDEV, errno.ENOSYS, errno.EINVAL):
        return False
    raise OSError(err, os.strerror(err), str(dst))


def _copy_windows(src: Path, dst: Path) -> str:  # pragma: no cover - Windows only
    """``CopyFile2`` (Python 3.12+ exposes it) or ``CopyFileExW``; both refuse an existing
    ``dst`` and delete a half-made one."""
    try:
        if sys.platform == "win32":
            import _winapi

            copy2 = getattr(_winapi, "CopyFile2", None)
            if copy2 is not None:
                copy2(str(src), str(dst), _COPY_FILE_FAIL_IF_EXISTS)
                return "CopyFile2"
            import ctypes
            from ctypes import wintypes

            kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
            copy_ex = kernel32.CopyFileExW
            copy_ex.argtypes = [
                wintypes.LPCWSTR,
                wintypes.LPCWSTR,
                ctypes.c_void_p,
                ctypes.c_void_p,
                ctypes.c_void_p,
                wintypes.DWORD,
            ]
            copy_ex.restype = wintypes.BOOL
            if not copy_ex(str(src), str(dst), None, None, None, _COPY_FILE_FAIL_IF_EXISTS):
                code = ctypes.get_last_error()
                raise OSError(None, ctypes.FormatError(code).strip(), str(dst), code)
            return "CopyFileExW"
    except FileExistsError:
        raise  # not ours to delete
    except BaseException:
        with contextlib.suppress(OSError):
            dst.unlink()
        raise
    raise AssertionError("Windows only")


_sync_file_range: Callable[[int, int, int, int], int] | None = None


def start_writeback(fd: int, offset: int, length: int) -> bool:
    """Ask the OS to start writing ``length`` bytes at ``offset`` of ``fd`` to the disk now,
    without waiting for them; True when it was asked.

    Linux only (``sync_file_range(SYNC_FILE_RANGE_WRITE)``): the disk then writes a file while
    it is still being received or copied, instead of all of it in the final ``fsync``. It is
    a hint and makes nothing durable: the ``fsync`` still follows. Elsewhere, and where the
    call fails, nothing happens (the ``fsync`` does all the work, as before).
    """
    global _sync_file_range
    if not sys.platform.startswith("linux") or length <= 0:
        return False
    if _sync_file_range is None:
        import ctypes

        try:
            func = ctypes.CDLL(None, use_errno=True).sync_file_range
        except (OSError, AttributeError):  # pragma: no cover - a libc without it
            return False
        func.argtypes = [ctypes.c_int, ctypes.c_int64, ctypes.c_int64, ctypes.c_uint]
        func.restype = ctypes.c_int
        _sync_file_range = func
    return _sync_file_range(fd, offset, length, _SYNC_FILE_RANGE_WRITE) == 0
