"""The remix dialog: Ctrl+Enter remixes, the estimated cost of the new video is shown."""

from __future__ import annotations

import uuid

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from sora_desktop.core.models import (
    Connection,
    ConnectionKind,
    Job,
    JobStatus,
    Profile,
    VideoRequest,
)
from sora_desktop.gui.cost import job_cost_text
from sora_desktop.gui.remix_dialog import RemixDialog


def _job(kind: ConnectionKind, *, model: str = "sora-2", profile_id: str | None = None) -> Job:
    return Job(
        id=uuid.uuid4().hex,
        request=VideoRequest(prompt="A fox in the snow", model=model, size="1280x720", seconds=8),
        connection=Connection(kind=kind, base_url="https://gw.example/v1", profile_id=profile_id),
        status=JobStatus.READY,
        remote_id="video_1",
    )


def _shown(qtbot: QtBot, dialog: RemixDialog) -> RemixDialog:
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    dialog.editor.setFocus()
    qtbot.waitUntil(dialog.editor.hasFocus, timeout=5000)
    return dialog


@pytest.mark.parametrize("key", [Qt.Key.Key_Return, Qt.Key.Key_Enter])
def test_ctrl_enter_remixes(qtbot: QtBot, key: Qt.Key) -> None:
    dialog = _shown(qtbot, RemixDialog(_job(ConnectionKind.COMPATIBLE)))
    dialog.editor.setPlainText("A fox in the snow, at night")
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        qtbot.keyClick(dialog.editor, key, Qt.KeyboardModifier.ControlModifier)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.prompt() == "A fox in the snow, at night"  # no newline typed


def test_ctrl_enter_does_nothing_while_the_prompt_is_empty(qtbot: QtBot) -> None:
    dialog = _shown(qtbot, RemixDialog(_job(ConnectionKind.COMPATIBLE)))
    dialog.editor.setPlainText("  ")
    with qtbot.assertNotEmitted(dialog.accepted):
        qtbot.keyClick(dialog.editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert dialog.isVisible()


def test_the_estimated_cost_is_shown(qtbot: QtBot) -> None:
    paid = RemixDialog(_job(ConnectionKind.COMPATIBLE))
    qtbot.addWidget(paid)
    assert "≈ $0.80 at $0.10/s" in paid.cost_label.text()  # sora-2, 8 s
    assert "8 s" in paid.cost_label.text() and "1280×720" in paid.cost_label.text()
    free = RemixDialog(_job(ConnectionKind.SIMULATOR))
    qtbot.addWidget(free)
    assert "free on the simulator" in free.cost_label.text()


def test_the_estimate_is_the_settings_panels_with_the_profiles_aliases() -> None:
    """An Azure deployment name is priced as the model it maps to (as the panel does)."""
    azure = Profile(
        id="az",
        name="Azure",
        kind=ConnectionKind.AZURE,
        base_url="https://x.openai.azure.com/openai/v1",
        default_model="my-sora",
        models=("my-sora",),
        model_aliases=(("my-sora", "sora-2"),),
    )
    job = _job(ConnectionKind.AZURE, model="my-sora", profile_id="az")
    assert job_cost_text(job) == "price unknown"  # the profile is needed for the alias
    assert job_cost_text(job, [azure]).startswith("≈ $0.80 at $0.10/s")


def test_the_librarys_remix_asks_with_the_estimate(
    qtbot: QtBot, data_dir: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sora_desktop.core.paths import AppPaths
    from sora_desktop.gui.app import build

    ctx = build(AppPaths.default(data_dir))  # type: ignore[arg-type]
    try:
        ctx.ensure_library()
        shown: list[str] = []

        def fake_exec(dialog: RemixDialog) -> int:
            shown.append(dialog.cost_label.text())
            dialog.editor.setPlainText("now in autumn")
            return int(QDialog.DialogCode.Accepted)

        monkeypatch.setattr(RemixDialog, "exec", fake_exec)
        library = ctx.window.library
        assert library is not None
        job = _job(ConnectionKind.SIMULATOR, profile_id="simulator")
        assert library.ask_remix_prompt(job) == "now in autumn"  # type: ignore[attr-defined]
        assert shown and "≈ $0.80 at $0.10/s" in shown[0]
    finally:
        ctx.close()
