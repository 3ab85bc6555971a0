"""The app's own folders beside a creator's files, hidden on every OS.

A name starting with a dot (``videos/.last-frames``, ``videos/.partial``) hides a folder on
Linux and macOS, not on Windows, where Explorer shows it unless it has the hidden attribute
(``FILE_ATTRIBUTE_HIDDEN``). :func:`make_hidden_dir` creates such a folder and, on Windows,
gives it that attribute (keeping its other attributes); :func:`is_hidden` says whether the
OS hides it.
"""

from __future__ import annotations

import contextlib
import sys
from pathlib import Path

__all__ = ["FILE_ATTRIBUTE_HIDDEN", "is_hidden", "make_hidden_dir"]

#: winnt.h
FILE_ATTRIBUTE_HIDDEN = 0x2
_INVALID_FILE_ATTRIBUTES = 0xFFFFFFFF


def _attributes(path: Path) -> int | None:
    """The Windows attributes of ``path`` (GetFileAttributesW), None when unknown."""
    if sys.platform != "win32":
        return None
    import ctypes

    kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
    kernel32.GetFileAttributesW.argtypes = [ctypes.c_wchar_p]
    kernel32.GetFileAttributesW.restype = ctypes.c_uint32
    value = int(kernel32.GetFileAttributesW(str(path)))
    return None if value == _INVALID_FILE_ATTRIBUTES else value


def _hide_on_windows(path: Path) -> None:
    if sys.platform != "win32":
        return
    attributes = _attributes(path)
    if attributes is None or attributes & FILE_ATTRIBUTE_HIDDEN:
        return
    import ctypes

    kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
    kernel32.SetFileAttributesW.argtypes = [ctypes.c_wchar_p, ctypes.c_uint32]
    kernel32.SetFileAttributesW.restype = ctypes.c_int
    if not kernel32.SetFileAttributesW(str(path), attributes | FILE_ATTRIBUTE_HIDDEN):
        raise ctypes.WinError(ctypes.get_last_error())


def make_hidden_dir(path: Path) -> Path:
    """Create the folder ``path`` (and its parents) if missing; on Windows give it the
    hidden attribute (its name's dot hides it elsewhere). OSError when it can't be made; a
    folder that can't be hidden is still made (a share may refuse attributes)."""
    path = Path(path)
    path.mkdir(parents=True, exist_ok=True)
    with contextlib.suppress(OSError):  # not hidden (a share may refuse): shown, still works
        _hide_on_windows(path)
    return path


def is_hidden(path: Path) -> bool:
    """Whether the OS hides ``path``: the hidden attribute on Windows, a leading dot
    elsewhere."""
    if sys.platform == "win32":
        attributes = _attributes(Path(path))
        return attributes is not None and bool(attributes & FILE_ATTRIBUTE_HIDDEN)
    return Path(path).name.startswith(".")
