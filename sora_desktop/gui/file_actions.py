"""File helpers for the library: reveal in the file manager, copy a path, drag-out MIME data.

Public API::

    reveal_command(path: PurePath, platform: str = sys.platform) -> list[str] | None
    reveal_in_file_manager(path: Path) -> bool
    open_folder(folder: Path) -> bool                        # in the OS file manager
    copy_paths_to_clipboard(paths: Sequence[Path]) -> None
    release_clipboard() -> None                              # call once before the app exits
    file_mime_data(paths: Sequence[Path]) -> QMimeData      # text/uri-list + plain text

Windows selects the file with ``explorer /select,"<path>"``, macOS with ``open -R <path>``;
elsewhere the containing folder is opened with ``QDesktopServices.openUrl`` (file managers
have no common "select this file" command).
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path, PurePath, PureWindowsPath

from PySide6.QtCore import QMimeData, QProcess, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication


def reveal_command(path: PurePath, platform: str = sys.platform) -> list[str] | None:
    """The command that shows ``path`` selected in the OS file manager, or None (Linux etc.).

    On Windows the second item is explorer's command line after the program name, passed
    verbatim (``QProcess.setNativeArguments``). Explorer parses it itself and an unquoted comma
    ends the path (``Paris,2026.mp4``); QProcess's own quoting quotes only arguments with a
    space, and then ``/select,`` with them. So the path alone is quoted, with backslashes:
    ``/select,"C:\\My Videos\\Paris,2026.mp4"`` (a Windows path can't contain a quote).
    """
    if platform.startswith("win"):
        return ["explorer.exe", f'/select,"{PureWindowsPath(path)}"']
    if platform == "darwin":
        return ["open", "-R", str(path)]
    return None


def reveal_process(path: Path) -> QProcess | None:
    """A QProcess (not started) running :func:`reveal_command` for this OS, or None."""
    command = reveal_command(path)
    if command is None:
        return None
    process = QProcess()
    process.setProgram(command[0])
    if sys.platform == "win32":
        process.setNativeArguments(command[1])  # verbatim: see reveal_command
    else:
        process.setArguments(command[1:])
    return process


def reveal_in_file_manager(path: Path) -> bool:
    """Show ``path`` in Explorer/Finder/the file manager. False when nothing could be opened."""
    target = path if path.exists() else path.parent
    process = reveal_process(target) if target == path else None
    if process is not None:
        # Detached: explorer.exe exits 1 even on success, and nothing waits for it.
        started = process.startDetached()
        return bool(started[0] if isinstance(started, tuple) else started)
    folder = target if target.is_dir() else target.parent
    if not folder.exists():
        return False
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))


def open_folder(folder: Path) -> bool:
    """Open ``folder`` in the OS file manager. False when it is missing or nothing opened."""
    if not folder.is_dir():
        return False
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))


#: The paths text of the MIME data we last put on the clipboard (see release_clipboard).
_clipboard_text: str | None = None


def copy_paths_to_clipboard(paths: Sequence[Path]) -> None:
    """Put the paths (one a line) on the clipboard as text and as file URLs."""
    global _clipboard_text
    data = file_mime_data(paths)
    _clipboard_text = data.text()
    QGuiApplication.clipboard().setMimeData(data)


def release_clipboard() -> None:
    """Hand the clipboard's content over to Qt before Python shuts down.

    MIME data made in Python keeps a Python wrapper; the clipboard outlives the interpreter
    and destroying that wrapper after Python is gone crashes the process on exit. Replacing
    it with the same paths as plain text (made by Qt itself) keeps what the creator copied
    pasteable after the app quits, without the crash.
    """
    global _clipboard_text
    if _clipboard_text is None or QGuiApplication.instance() is None:
        return
    clipboard = QGuiApplication.clipboard()
    current = clipboard.mimeData()
    if current is not None and current.text() == _clipboard_text:
        clipboard.setText(_clipboard_text)
    _clipboard_text = None


def file_mime_data(paths: Sequence[Path]) -> QMimeData:
    """MIME data that other apps accept as dropped/pasted files."""
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    data.setText("\n".join(str(p) for p in paths))
    return data
