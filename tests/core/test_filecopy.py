"""copy_new_file: the operating system's own copy (or a clone), exact bytes, no half files."""

from __future__ import annotations

import errno
import os
import shutil
import sys
from pathlib import Path
from typing import Any

import pytest

from sora_desktop.core import filecopy
from sora_desktop.core.filecopy import copy_new_file

NATIVE = {
    "linux": {"clone", "copy_file_range"},
    "darwin": {"clone", "copyfile"},  # clonefile on APFS, else fcopyfile
    "win32": {"CopyFile2", "CopyFileExW"},
}
linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux calls")


@pytest.fixture
def clip(tmp_path: Path) -> Path:
    src = tmp_path / "clip.mp4"
    src.write_bytes(os.urandom(3 * 1024 * 1024 + 123))  # not a multiple of any block size
    return src


@pytest.fixture
def no_python_loop(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_a: Any, **_k: Any) -> None:
        raise AssertionError("copied through a Python read/write loop")

    monkeypatch.setattr(shutil, "copyfileobj", refuse)


def test_the_copy_is_exact_and_made_by_the_os(
    clip: Path, tmp_path: Path, no_python_loop: None
) -> None:
    dst = tmp_path / "out" / "copy.mp4"
    dst.parent.mkdir()
    how = copy_new_file(clip, dst)
    platform = "linux" if sys.platform.startswith("linux") else sys.platform
    assert how in NATIVE.get(platform, {"copyfile"})
    assert dst.read_bytes() == clip.read_bytes()


def test_an_existing_file_is_never_overwritten(clip: Path, tmp_path: Path) -> None:
    dst = tmp_path / "taken.mp4"
    dst.write_bytes(b"someone else's")
    with pytest.raises(FileExistsError):
        copy_new_file(clip, dst)
    assert dst.read_bytes() == b"someone else's"


def test_an_empty_file_copies(tmp_path: Path) -> None:
    src = tmp_path / "empty"
    src.write_bytes(b"")
    copy_new_file(src, tmp_path / "copy")
    assert (tmp_path / "copy").read_bytes() == b""


@linux_only
def test_a_disk_full_midway_leaves_no_file(
    clip: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = os.copy_file_range

    def no_clone(*_a: Any) -> None:
        raise OSError(errno.EOPNOTSUPP, "Operation not supported")

    def half_then_full(src: int, dst: int, count: int, *a: Any) -> int:
        if os.fstat(dst).st_size:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(src, dst, count // 2, *a)

    monkeypatch.setattr("fcntl.ioctl", no_clone)
    monkeypatch.setattr(os, "copy_file_range", half_then_full)
    dst = tmp_path / "copy.mp4"
    with pytest.raises(OSError) as info:
        copy_new_file(clip, dst)
    assert info.value.errno == errno.ENOSPC
    assert not dst.exists()


@linux_only
def test_without_clones_the_kernel_copies(
    clip: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, no_python_loop: None
) -> None:
    def cross_device(*_a: Any) -> None:
        raise OSError(errno.EXDEV, "Invalid cross-device link")

    monkeypatch.setattr("fcntl.ioctl", cross_device)
    dst = tmp_path / "copy.mp4"
    assert copy_new_file(clip, dst) == "copy_file_range"
    assert dst.read_bytes() == clip.read_bytes()


@linux_only
def test_without_copy_file_range_shutil_sendfile_copies(
    clip: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, no_python_loop: None
) -> None:
    def unsupported(*_a: Any) -> None:
        raise OSError(errno.ENOSYS, "Function not implemented")

    monkeypatch.setattr("fcntl.ioctl", unsupported)
    monkeypatch.setattr(os, "copy_file_range", unsupported)
    dst = tmp_path / "copy.mp4"
    assert copy_new_file(clip, dst) == "copyfile"
    assert dst.read_bytes() == clip.read_bytes()


@linux_only
def test_a_clone_is_tried_first(
    clip: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Where FICLONE works (btrfs, XFS) nothing else runs; emulated here on any file system."""
    calls: list[int] = []

    def clone(dst_fd: int, request: int, src_fd: int) -> int:
        calls.append(request)
        os.sendfile(dst_fd, src_fd, 0, os.fstat(src_fd).st_size)
        return 0

    def never(*_a: Any) -> int:
        raise AssertionError("copied after a successful clone")

    monkeypatch.setattr("fcntl.ioctl", clone)
    monkeypatch.setattr(os, "copy_file_range", never)
    dst = tmp_path / "copy.mp4"
    assert copy_new_file(clip, dst) == "clone"
    assert calls == [0x40049409]  # FICLONE
    assert dst.read_bytes() == clip.read_bytes()


@pytest.mark.skipif(sys.platform != "darwin", reason="macOS clonefile")
def test_macos_clones_on_apfs(clip: Path, tmp_path: Path) -> None:  # pragma: no cover
    """The temporary folder is on APFS on every supported macOS (10.13+ boot volumes)."""
    dst = tmp_path / "copy.mp4"
    assert filecopy._clonefile(clip, dst) is True
    assert dst.read_bytes() == clip.read_bytes()


@linux_only
def test_the_kernel_copy_starts_writeback_piece_by_piece(
    clip: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The copy goes in WRITEBACK_STEP pieces, each handed to the disk while the next is
    copied, so the export's fsync finds little left to write."""
    import fcntl

    def no_clone(*_a: Any) -> None:
        raise OSError(errno.EOPNOTSUPP, "no reflinks here")

    monkeypatch.setattr(fcntl, "ioctl", no_clone)
    monkeypatch.setattr(filecopy, "WRITEBACK_STEP", 1024 * 1024)
    calls: list[tuple[int, int, int]] = []
    real = filecopy.start_writeback

    def writeback(fd: int, offset: int, length: int) -> bool:
        calls.append((os.fstat(fd).st_ino, offset, length))
        return real(fd, offset, length)

    monkeypatch.setattr(filecopy, "start_writeback", writeback)
    dst = tmp_path / "copy.mp4"
    assert copy_new_file(clip, dst) == "copy_file_range"
    assert dst.read_bytes() == clip.read_bytes()
    size, mib = clip.stat().st_size, 1024 * 1024
    inode = dst.stat().st_ino
    assert calls == [
        (inode, 0, mib),
        (inode, mib, mib),
        (inode, 2 * mib, mib),
        (inode, 3 * mib, size - 3 * mib),
    ]


@linux_only
def test_start_writeback_asks_linux_and_is_only_a_hint(tmp_path: Path) -> None:
    target = tmp_path / "f"
    with target.open("wb") as handle:
        handle.write(b"x" * 100_000)
        handle.flush()
        assert filecopy.start_writeback(handle.fileno(), 0, 100_000) is True
        assert filecopy.start_writeback(handle.fileno(), 0, 0) is False  # nothing to write
    assert filecopy.start_writeback(-1, 0, 10) is False  # a failure is not an error
    assert target.read_bytes() == b"x" * 100_000


def test_start_writeback_does_nothing_off_linux(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setattr(filecopy, "_sync_file_range", None)
    with (tmp_path / "f").open("wb") as handle:
        handle.write(b"x" * 1000)
        assert filecopy.start_writeback(handle.fileno(), 0, 1000) is False
    assert filecopy._sync_file_range is None  # libc never looked up
