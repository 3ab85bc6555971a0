"""File helpers for the library: reveal in the file manager, copy a path, drag-out MIME data.

Public API::

    reveal_command(path: Path, platform: str = sys.platform) -> list[str] | None
    reveal_in_file_manager(path: Path) -> bool
    copy_paths_to_clipboard(paths: Sequence[Path]) -> None
    file_mime_data(paths: Sequence[Path]) -> QMimeData      # text/uri-list + plain text

Windows selects the file with ``explorer /select,<path>``, macOS with ``open -R <path>``;
elsewhere the containing folder is opened with ``QDesktopServices.openUrl`` (file managers
have no common "select this file" command).
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QMimeData, QProcess, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication


def reveal_command(path: Path, platform: str = sys.platform) -> list[str] | None:
    """The command that shows ``path`` selected in the OS file manager, or None (Linux etc.)."""
    if platform.startswith("win"):
        return ["explorer", f"/select,{path}"]
    if platform == "darwin":
        return ["open", "-R", str(path)]
    return None


def reveal_in_file_manager(path: Path) -> bool:
    """Show ``path`` in Explorer/Finder/the file manager. False when nothing could be opened."""
    target = path if path.exists() else path.parent
    command = reveal_command(target) if target == path else None
    if command is not None:
        # Detached: explorer.exe exits 1 even on success, and nothing waits for it.
        return QProcess.startDetached(command[0], command[1:])[0]
    folder = target if target.is_dir() else target.parent
    if not folder.exists():
        return False
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))


def copy_paths_to_clipboard(paths: Sequence[Path]) -> None:
    """Put the paths (one a line) on the clipboard as text and as file URLs."""
    QGuiApplication.clipboard().setMimeData(file_mime_data(paths))


def file_mime_data(paths: Sequence[Path]) -> QMimeData:
    """MIME data that other apps accept as dropped/pasted files."""
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    data.setText("\n".join(str(p) for p in paths))
    return data
