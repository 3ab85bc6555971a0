"""The small dialog that asks for a remix prompt, prefilled with the original prompt.

Public API::

    ask_remix_prompt(job, parent=None) -> str | None   # modal; None when cancelled
    dialog = RemixDialog(job: Job, parent: QWidget | None = None)
    if dialog.exec() == QDialog.DialogCode.Accepted:
        prompt = dialog.prompt()        # stripped; the Remix button is off while it is empty

``LibraryPanel`` uses it by default for its Remix action (``panel.ask_remix_prompt``).
"""

from __future__ import annotations

from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from sora_desktop.core.models import Job


class RemixDialog(QDialog):
    """Asks for the prompt of a remix, prefilled with the original prompt."""

    def __init__(self, job: Job, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Remix video"))
        layout = QVBoxLayout(self)
        hint = QLabel(
            self.tr(
                "Describe what should change. The remix keeps the original's structure, "
                "so small, specific changes work best."
            )
        )
        hint.setWordWrap(True)
        layout.addWidget(hint)
        self.editor = QPlainTextEdit(job.request.prompt)
        self.editor.setMinimumSize(420, 140)
        self.editor.moveCursor(QTextCursor.MoveOperation.End)
        layout.addWidget(self.editor)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Remix"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.editor.textChanged.connect(self._update_ok)
        layout.addWidget(self.buttons)
        self._update_ok()

    def prompt(self) -> str:
        return self.editor.toPlainText().strip()

    def _update_ok(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(self.prompt()))


def ask_remix_prompt(job: Job, parent: QWidget | None = None) -> str | None:
    """Show the dialog modally; the new prompt, or None when cancelled."""
    dialog = RemixDialog(job, parent)
    if dialog.exec() == QDialog.DialogCode.Accepted:
        return dialog.prompt()
    return None
