"""The Help menu: the documentation, the keyboard shortcuts, the log folder, About.

Public API::

    add_help_actions(window, menu) -> HelpActions   # Documentation, Keyboard shortcuts, Logs
    docs_index() -> Path | None          # the bundled README (None: not installed)
    show_docs(window), show_shortcuts(window)   # the windows of ``help_dialogs``, made on use
    open_folder(folder: Path) -> bool    # the folder in the file manager (made if missing)

The shortcuts are read from the window's real ``QAction`` and ``QShortcut`` objects when the
dialog opens (a ``QShortcut`` names what it does in its ``whatsThis``), so the list can't
drift from what the keys do. The documentation is the README and ``docs/`` shipped with the
app (``sora_desktop/resources/docs`` in a bundle, the source tree in a checkout), shown in
an in-app viewer that works offline on every platform. The dialogs live in
``help_dialogs`` and are imported when first opened, not before the window's first paint.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

if TYPE_CHECKING:
    from sora_desktop.gui.help_dialogs import DocsDialog
    from sora_desktop.gui.main_window import MainWindow

_PACKAGE = Path(__file__).resolve().parent.parent


def _t(text: str) -> str:
    return QCoreApplication.translate("HelpMenu", text)


class HelpActions:
    """The Help menu's actions (the docs, the shortcuts, the log folder). A plain class,
    not a dataclass: Python 3.11 compiles a dataclass's methods as it is created (~3 M
    instructions before the window's first paint), and nothing compares these."""

    __slots__ = ("docs", "logs", "shortcuts")

    def __init__(self, docs: QAction, shortcuts: QAction, logs: QAction) -> None:
        self.docs = docs
        self.shortcuts = shortcuts
        self.logs = logs


def add_help_actions(window: MainWindow, menu: QMenu) -> HelpActions:
    """Documentation (F1), Keyboard shortcuts and Open the log folder, then a separator."""
    docs = QAction(_t("Sora Desktop &documentation"), window)
    docs.setShortcut(QKeySequence.StandardKey.HelpContents)
    docs.triggered.connect(lambda: show_docs(window))
    shortcuts = QAction(_t("&Keyboard shortcuts"), window)
    shortcuts.triggered.connect(lambda: show_shortcuts(window))
    logs = QAction(_t("Open the &log folder"), window)
    logs.setToolTip(_t("The log files help when something went wrong: attach them to a report"))
    logs.triggered.connect(lambda: open_log_folder(window))
    for action in (docs, shortcuts, logs):
        menu.addAction(action)
    menu.addSeparator()
    return HelpActions(docs, shortcuts, logs)


def show_docs(window: MainWindow) -> DocsDialog | None:
    """Open (or raise) the documentation window; it stays open beside the app."""
    index = docs_index()
    if index is None:
        window.statusBar().showMessage(
            _t("The documentation is not installed with this copy of Sora Desktop."), 10000
        )
        return None
    from sora_desktop.gui.help_dialogs import DocsDialog

    dialog = window.findChild(DocsDialog)
    if dialog is None:
        dialog = DocsDialog(index, window)
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()
    return dialog


def show_shortcuts(window: MainWindow) -> None:
    from sora_desktop.gui.help_dialogs import ShortcutsDialog

    dialog = ShortcutsDialog(window, window)
    dialog.exec()
    dialog.deleteLater()


def open_log_folder(window: MainWindow) -> bool:
    folder = window.paths.log_dir
    if open_folder(folder):
        return True
    window.statusBar().showMessage(
        _t("The file manager could not be opened. The logs are in {0}").format(folder), 10000
    )
    return False


def docs_index() -> Path | None:
    """The README to open: the copy bundled with the app, else the source checkout's."""
    for candidate in (
        _PACKAGE / "resources" / "docs" / "README.md",  # frozen bundles (packaging spec)
        _PACKAGE.parent / "README.md",  # a source checkout or an editable install
    ):
        if candidate.is_file():
            return candidate
    return None


def open_folder(folder: Path) -> bool:
    """Open ``folder`` in the OS file manager, creating it first if needed."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return False
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QDesktopServices

    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))
