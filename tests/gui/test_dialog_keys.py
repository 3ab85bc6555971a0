"""The prompt dialogs (Remix, Extend) are used with the keyboard: Tab leaves the prompt for
the next control instead of typing a tab character into a paid prompt."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QPlainTextEdit
from pytestqt.qtbot import QtBot

from sora_desktop.core.capabilities import capabilities_for
from sora_desktop.core.extend import ExtendRoute
from sora_desktop.core.models import Connection, ConnectionKind, Job, JobStatus, VideoRequest
from sora_desktop.gui.extend_dialog import ExtendDialog
from sora_desktop.gui.remix_dialog import RemixDialog


def _job() -> Job:
    return Job(
        id="j",
        request=VideoRequest(prompt="A fox", model="sora-2", size="1280x720", seconds=8),
        connection=Connection(kind=ConnectionKind.COMPATIBLE, base_url="https://x.example/v1"),
        status=JobStatus.READY,
        remote_id="video_1",
    )


def _tab_leaves(qtbot: QtBot, dialog: QDialog, editor: QPlainTextEdit) -> None:
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    editor.setFocus()
    qtbot.waitUntil(editor.hasFocus, timeout=5000)
    editor.setPlainText("A fox at night")
    qtbot.keyClick(editor, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: not editor.hasFocus(), timeout=5000)
    assert editor.toPlainText() == "A fox at night"  # no tab typed
    assert dialog.isAncestorOf(QApplication.focusWidget())  # the next control, in the dialog


def test_tab_leaves_the_remix_prompt(qtbot: QtBot) -> None:
    dialog = RemixDialog(_job())
    _tab_leaves(qtbot, dialog, dialog.editor)


def test_tab_leaves_the_extend_prompt_for_the_length(qtbot: QtBot) -> None:
    dialog = ExtendDialog(
        _job(), ExtendRoute.CONTINUATION, "From the last frame.", capabilities_for("sora-2")
    )
    _tab_leaves(qtbot, dialog, dialog.editor)
    assert QApplication.focusWidget() is dialog.seconds_combo
