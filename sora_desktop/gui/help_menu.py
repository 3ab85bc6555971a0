"""The Help menu: the documentation, the keyboard shortcuts, the log folder, About.

Public API::

    add_help_actions(window, menu) -> HelpActions   # Documentation, Keyboard shortcuts, Logs
    docs_index() -> Path | None          # the bundled README (None: not installed)
    shortcut_rows(root: QWidget) -> list[tuple[str, str]]   # (what, keys) from live objects
    ShortcutsDialog(root, parent)
    open_folder(folder: Path) -> bool    # the folder in the file manager (made if missing)

The shortcuts are read from the window's real ``QAction`` and ``QShortcut`` objects when the
dialog opens (a ``QShortcut`` names what it does in its ``whatsThis``), so the list can't
drift from what the keys do. The documentation is the README and ``docs/`` shipped with the
app (``sora_desktop/resources/docs`` in a bundle, the source tree in a checkout), shown in
an in-app viewer that works offline on every platform.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QAction, QDesktopServices, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QMenu,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    from .main_window import MainWindow

_PACKAGE = Path(__file__).resolve().parent.parent


def _t(text: str) -> str:
    return QCoreApplication.translate("HelpMenu", text)


@dataclass(frozen=True)
class HelpActions:
    docs: QAction
    shortcuts: QAction
    logs: QAction


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
    dialog = window.findChild(DocsDialog)
    if dialog is None:
        dialog = DocsDialog(index, window)
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()
    return dialog


def show_shortcuts(window: MainWindow) -> None:
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
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))


def _plain(text: str) -> str:
    """A menu text as a sentence: no mnemonic ampersands, no trailing ellipsis."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…").strip()


def shortcut_rows(root: QWidget) -> list[tuple[str, str]]:
    """(what it does, its keys) for every action and shortcut under ``root`` with keys."""
    found: dict[str, list[str]] = {}
    for action in root.findChildren(QAction):
        keys = [k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts()]
        keys = [k for k in keys if k]
        if keys and _plain(action.text()):
            found.setdefault(_plain(action.text()), []).extend(keys)
    for shortcut in root.findChildren(QShortcut):
        key = shortcut.key().toString(QKeySequence.SequenceFormat.NativeText)
        if key and shortcut.whatsThis():
            found.setdefault(shortcut.whatsThis(), []).append(key)
    rows = []
    for what, keys in found.items():
        unique = list(dict.fromkeys(keys))
        rows.append((what, ", ".join(unique)))
    return sorted(rows, key=lambda row: row[0].casefold())


class ShortcutsDialog(QDialog):
    """A two-column table: what, and the keys that do it."""

    def __init__(self, root: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        layout = QVBoxLayout(self)
        rows = shortcut_rows(root)
        self.table = QTableWidget(len(rows), 2, self)
        self.table.setObjectName("shortcuts_table")
        self.table.setHorizontalHeaderLabels([self.tr("Action"), self.tr("Keys")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for i, (what, keys) in enumerate(rows):
            self.table.setItem(i, 0, QTableWidgetItem(what))
            self.table.setItem(i, 1, QTableWidgetItem(keys))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        layout.addWidget(self.table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(460, 420)

    def rows(self) -> list[tuple[str, str]]:
        def text(row: int, column: int) -> str:
            item = self.table.item(row, column)
            return item.text() if item is not None else ""

        return [(text(i, 0), text(i, 1)) for i in range(self.table.rowCount())]


class DocsDialog(QDialog):
    """The bundled Markdown docs in a browser pane; web links open in the real browser."""

    def __init__(self, index: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Sora Desktop documentation"))
        layout = QVBoxLayout(self)
        self.browser = QTextBrowser(self)
        self.browser.setObjectName("docs_browser")
        self.browser.setOpenExternalLinks(True)  # https:// links: the system browser
        self.browser.setSource(QUrl.fromLocalFile(str(index)))
        layout.addWidget(self.browser)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(820, 640)
