"""The app's dot folders beside a creator's files are hidden on Windows too (core/hidden_dirs.py):
checked with Windows' own GetFileAttributesW under Wine or on Windows, by the name elsewhere."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from sora_desktop.core.hidden_dirs import FILE_ATTRIBUTE_HIDDEN, is_hidden, make_hidden_dir
from sora_desktop.core.paths import AppPaths


def windows_hidden(path: Path) -> bool:
    """Whether Windows gives ``path`` the hidden attribute (True where there is no such
    attribute: Linux and macOS hide a dot name, which the callers check)."""
    if sys.platform != "win32":
        return True
    import ctypes

    get = ctypes.windll.kernel32.GetFileAttributesW
    get.argtypes = [ctypes.c_wchar_p]
    get.restype = ctypes.c_uint32
    attributes = get(str(path))
    assert attributes != 0xFFFFFFFF, path
    return bool(attributes & FILE_ATTRIBUTE_HIDDEN)


def test_make_hidden_dir_creates_and_hides(tmp_path: Path) -> None:
    folder = tmp_path / "videos" / ".last-frames"
    assert make_hidden_dir(folder) == folder
    assert folder.is_dir() and windows_hidden(folder) and is_hidden(folder)
    assert make_hidden_dir(folder) == folder  # again: still there, still hidden
    assert windows_hidden(folder)
    assert not windows_hidden(tmp_path / "videos") or sys.platform != "win32"
    assert not is_hidden(tmp_path / "videos")


@pytest.mark.skipif(sys.platform != "win32", reason="Windows' hidden attribute")
def test_the_attribute_is_set_not_read_off_the_dot(tmp_path: Path) -> None:
    # Wine reports a dot name as hidden by itself: a plain name shows the attribute is set
    plain = tmp_path / "plain"
    plain.mkdir()
    assert not windows_hidden(plain) and not is_hidden(plain)
    make_hidden_dir(plain)
    assert windows_hidden(plain) and is_hidden(plain)


def test_the_library_partial_downloads_folder_is_hidden(tmp_path: Path) -> None:
    paths = AppPaths.default(tmp_path)
    paths.ensure()
    assert paths.partial_dir.name.startswith(".")
    assert windows_hidden(paths.partial_dir)
    assert not is_hidden(paths.library_dir)
