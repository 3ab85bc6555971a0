"""The small dialog that asks for a remix prompt, prefilled with the original prompt.

Public API::

    ask_remix_prompt(job, parent=None, *, estimate=None) -> str | None   # modal; None: cancelled
    dialog = RemixDialog(job: Job, parent: QWidget | None = None, *, estimate: str | None = None)
    if dialog.exec() == QDialog.DialogCode.Accepted:
        prompt = dialog.prompt()        # stripped; the Remix button is off while it is empty

A remix is a new paid request: the dialog shows its estimated cost (``estimate``, worded by
``gui.cost``; by default worked out from the job alone). Ctrl+Enter (Cmd+Enter on macOS)
remixes, as it generates in the main window's editor. ``LibraryPanel`` uses it for its Remix
action (``panel.ask_remix_prompt``).
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
from sora_desktop.gui.cost import job_cost_text
from sora_desktop.gui.shortcuts import ctrl_enter


class RemixDialog(QDialog):
    """Asks for the prompt of a remix, prefilled with the original prompt."""

    def __init__(
        self, job: Job, parent: QWidget | None = None, *, estimate: str | None = None
    ) -> None:
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
        self.editor.setTabChangesFocus(True)  # Tab goes on to the next control
        self.editor.moveCursor(QTextCursor.MoveOperation.End)
        layout.addWidget(self.editor)
        self.cost_label = QLabel(
            self.tr("A new video ({0} s, {1}): {2}").format(
                job.request.seconds,
                job.request.size.replace("x", "×"),  # as the library and settings write it
                estimate or job_cost_text(job),
            )
        )
        self.cost_label.setObjectName("remix_cost")
        self.cost_label.setWordWrap(True)
        self.cost_label.setToolTip(
            self.tr("An estimate from archived per-second prices; the service bills the truth")
        )
        layout.addWidget(self.cost_label)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Remix"))
        ok.setToolTip(self.tr("Make the remix (Ctrl+Enter)"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.editor.textChanged.connect(self._update_ok)
        layout.addWidget(self.buttons)
        ctrl_enter(self, self._submit)
        self._update_ok()

    def prompt(self) -> str:
        return self.editor.toPlainText().strip()

    def _submit(self) -> None:
        if self.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled():
            self.accept()

    def _update_ok(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(self.prompt()))


def ask_remix_prompt(
    job: Job, parent: QWidget | None = None, *, estimate: str | None = None
) -> str | None:
    """Show the dialog modally; the new prompt, or None when cancelled."""
    dialog = RemixDialog(job, parent, estimate=estimate)
    try:
        if dialog.exec() == QDialog.DialogCode.Accepted:
            return dialog.prompt()
        return None
    finally:
        dialog.deleteLater()
