"""The Help menu's two windows: the keyboard shortcuts and the documentation viewer.

Public API::

    shortcut_rows(root: QWidget) -> list[tuple[str, str]]   # (what, keys) from live objects
    ShortcutsDialog(root, parent)
    DocsDialog(index: Path, parent)

Imported when one of them first opens (``help_menu``), not while the window starts: their
Qt types (tables, a text browser, dialogs) are not in the first frame.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)


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
