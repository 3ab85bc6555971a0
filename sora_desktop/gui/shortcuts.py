"""Ctrl+Enter (both Return and the keypad's Enter) as "send": the prompt editor's Generate
and the Remix and Extend dialogs' OK. One press is one request: a held key does not repeat."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QWidget


def ctrl_enter(widget: QWidget, slot: Callable[[], object]) -> list[QShortcut]:
    """Ctrl+Return and Ctrl+Enter on ``widget``, each calling ``slot`` once per press."""
    made = []
    for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
        shortcut = QShortcut(QKeySequence(Qt.Modifier.CTRL | key), widget)
        shortcut.setAutoRepeat(False)
        shortcut.activated.connect(slot)
        made.append(shortcut)
    return made
