"""The shot dialog: what it offers and the shot it gives back."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from sora_desktop.core import storyboard as sb
from sora_desktop.core.profiles import SIMULATOR_PROFILE
from sora_desktop.gui.shot_dialog import ShotDialog


def _ok(dialog: ShotDialog) -> bool:
    button = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert button is not None
    return button.isEnabled()


def test_the_dialog_edits_a_shot_and_keeps_its_takes(qtbot: QtBot, tmp_path: Path) -> None:
    shot = sb.Shot(
        id="s1", profile_id=SIMULATOR_PROFILE.id, takes=(sb.Take("job-1"),), chosen="job-1"
    )
    dialog = ShotDialog(shot, [SIMULATOR_PROFILE], first=False)
    qtbot.addWidget(dialog)
    assert not _ok(dialog)  # no prompt yet
    assert dialog.problem() == "Write a prompt for this shot."
    dialog.name_edit.setText("Gulls")
    dialog.prompt_edit.setPlainText("Gulls lift off the harbour wall")
    assert _ok(dialog)
    dialog.start_combo.setCurrentIndex(dialog.start_combo.findData("file"))
    assert not _ok(dialog)  # a file start needs its file
    assert not dialog.file_row.isHidden()
    image = tmp_path / "start.png"
    dialog.file_edit.setText(str(image))
    dialog.fit_combo.setCurrentIndex(dialog.fit_combo.findData("fit"))
    dialog.seconds_combo.setCurrentIndex(dialog.seconds_combo.findData(8))
    assert _ok(dialog)
    edited = dialog.shot()
    assert (edited.id, edited.name, edited.prompt) == (
        "s1",
        "Gulls",
        "Gulls lift off the harbour wall",
    )
    assert edited.start == sb.StartImage(sb.StartKind.FILE, image, "fit")
    assert edited.seconds == 8
    assert edited.takes == shot.takes and edited.chosen == "job-1"
    dialog.start_combo.setCurrentIndex(dialog.start_combo.findData("previous"))
    assert dialog.file_row.isHidden()
    assert dialog.shot().start == sb.StartImage(sb.StartKind.PREVIOUS, None, "fit")


def test_the_first_shot_cannot_continue_from_a_previous_one(qtbot: QtBot) -> None:
    dialog = ShotDialog(sb.Shot(id="s1", prompt="p"), [SIMULATOR_PROFILE], first=True)
    qtbot.addWidget(dialog)
    model = dialog.start_combo.model()
    previous = dialog.start_combo.findData("previous")
    assert not model.flags(model.index(previous, 0)) & model.flags(model.index(0, 0)).ItemIsEnabled
    dialog2 = ShotDialog(sb.Shot(id="s2", prompt="p"), [SIMULATOR_PROFILE], first=False)
    qtbot.addWidget(dialog2)
    model2 = dialog2.start_combo.model()
    assert model2.flags(model2.index(previous, 0)) & model2.flags(model2.index(0, 0)).ItemIsEnabled
