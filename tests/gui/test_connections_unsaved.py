"""ConnectionsDialog: closing it with unsaved changes asks Save / Discard / Cancel (Close,
Escape and the window's close box alike), and closes without a word when nothing changed."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from sora_desktop.core import secrets
from sora_desktop.core.models import ConnectionKind, KeySource, Profile
from sora_desktop.core.profiles import SIMULATOR_ID, ProfileStore
from sora_desktop.gui.connections_dialog import ConnectionsDialog

KEY = "sk-test-5f2c9a0d7e11b3"
Button = QMessageBox.StandardButton


@pytest.fixture
def profiles(tmp_path: Path) -> ProfileStore:
    return ProfileStore(tmp_path / "config" / "profiles.json")


@pytest.fixture
def dialog(qtbot: Any, profiles: ProfileStore) -> ConnectionsDialog:
    dlg = ConnectionsDialog(profiles, None)
    qtbot.addWidget(dlg)
    dlg.show()
    return dlg


class Answers:
    """Message boxes answered with one standard button; what they asked is kept."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.answer = Button.Cancel
        self.asked: list[tuple[str, int]] = []  # (text, its buttons)

        def fake_exec(box: QMessageBox) -> int:
            self.asked.append((box.text(), box.standardButtons().value))
            box.button(self.answer).click()
            return 0

        monkeypatch.setattr(QMessageBox, "exec", fake_exec)


@pytest.fixture
def answers(monkeypatch: pytest.MonkeyPatch) -> Answers:
    return Answers(monkeypatch)


def _close_button(dialog: ConnectionsDialog) -> None:
    box = dialog.findChild(QDialogButtonBox)
    assert box is not None
    box.button(QDialogButtonBox.StandardButton.Close).click()


def _escape(dialog: ConnectionsDialog) -> None:
    dialog.form.name_edit.setFocus()
    QTest.keyClick(dialog.form.name_edit, Qt.Key.Key_Escape)


def _close_box(dialog: ConnectionsDialog) -> None:
    dialog.close()  # what the window's close box does


CLOSERS: dict[str, Callable[[ConnectionsDialog], None]] = {
    "close button": _close_button,
    "escape": _escape,
    "close box": _close_box,
}
SAVE_DISCARD_CANCEL = (Button.Save | Button.Discard | Button.Cancel).value


def _type_new(dialog: ConnectionsDialog) -> None:
    dialog.start_new()
    form = dialog.form
    form.kind_combo.setCurrentIndex(form.kind_combo.findData(ConnectionKind.COMPATIBLE))
    form.name_edit.setText("Studio gateway")
    form.url_edit.setText("https://gw.example.com/v1")
    form.key_edit.setText(KEY)


def _saved_gateway(profiles: ProfileStore) -> Profile:
    profile = Profile(
        id="unsaved-gateway",  # the in-memory keyring outlives a test: an id of its own
        name="Gateway",
        kind=ConnectionKind.COMPATIBLE,
        base_url="https://gw.example.com/v1",
        default_model="sora-2",
        models=("sora-2",),
    )
    profiles.add(profile)
    return profile


@pytest.mark.parametrize("how", CLOSERS)
def test_nothing_changed_closes_without_asking(
    qtbot: Any, profiles: ProfileStore, answers: Answers, how: str
) -> None:
    _saved_gateway(profiles)
    for select in ("unsaved-gateway", SIMULATOR_ID, None):
        dlg = ConnectionsDialog(profiles, None)
        qtbot.addWidget(dlg)
        dlg.show()
        if select is None:
            dlg.start_new()  # a new, empty form: nothing typed
        else:
            dlg.select_profile(select)
        CLOSERS[how](dlg)
        assert not dlg.isVisible(), select
    assert answers.asked == []


@pytest.mark.parametrize("how", CLOSERS)
def test_cancel_keeps_the_dialog_open_with_what_was_typed(
    dialog: ConnectionsDialog, profiles: ProfileStore, answers: Answers, how: str
) -> None:
    before = profiles.ids()
    _type_new(dialog)
    answers.answer = Button.Cancel
    CLOSERS[how](dialog)
    assert answers.asked == [("Save the changes to “Studio gateway”?", SAVE_DISCARD_CANCEL)]
    assert dialog.isVisible()
    assert dialog.form.name_edit.text() == "Studio gateway"
    assert dialog.form.url_edit.text() == "https://gw.example.com/v1"
    assert dialog.form.key_edit.text() == KEY
    assert profiles.ids() == before


def test_save_saves_the_new_connection_and_closes(
    dialog: ConnectionsDialog, profiles: ProfileStore, answers: Answers
) -> None:
    _type_new(dialog)
    answers.answer = Button.Save
    _escape(dialog)
    assert len(answers.asked) == 1
    saved = profiles.get("studio-gateway")
    assert saved is not None and saved.base_url == "https://gw.example.com/v1"
    assert secrets.get_key(KeySource(keyring_user="studio-gateway")) == KEY
    assert not dialog.isVisible()


def test_save_that_is_refused_stays_open_and_names_the_field(
    dialog: ConnectionsDialog, profiles: ProfileStore, answers: Answers
) -> None:
    before = profiles.ids()
    _type_new(dialog)
    dialog.form.url_edit.setText("ftp://files.example.com/v1")
    answers.answer = Button.Save
    _close_button(dialog)
    assert dialog.isVisible()
    assert "must start with https://" in dialog.error_label.text()
    assert profiles.ids() == before


def test_discard_saves_nothing_and_closes(
    dialog: ConnectionsDialog, profiles: ProfileStore, answers: Answers
) -> None:
    original = _saved_gateway(profiles)
    assert secrets.get_key(KeySource(keyring_user="unsaved-gateway")) is None
    dialog.select_profile("unsaved-gateway")
    dialog.form.name_edit.setText("Gateway (renamed)")
    dialog.form.key_edit.setText(KEY)
    answers.answer = Button.Discard
    _close_box(dialog)
    assert answers.asked == [("Save the changes to “Gateway (renamed)”?", SAVE_DISCARD_CANCEL)]
    assert not dialog.isVisible()
    assert profiles.get("unsaved-gateway") == original
    assert secrets.get_key(KeySource(keyring_user="unsaved-gateway")) is None


def test_a_new_connection_without_a_name_is_asked_about_too(
    dialog: ConnectionsDialog, answers: Answers
) -> None:
    dialog.start_new()
    dialog.form.url_edit.setText("https://gw.example.com/v1")
    _close_button(dialog)
    assert answers.asked == [("Save the new connection?", SAVE_DISCARD_CANCEL)]
    assert dialog.isVisible()  # Cancel


def test_an_edit_undone_by_hand_is_no_change(
    dialog: ConnectionsDialog, profiles: ProfileStore, answers: Answers
) -> None:
    _saved_gateway(profiles)
    dialog.select_profile("unsaved-gateway")
    dialog.form.name_edit.setText("Something else")
    dialog.form.name_edit.setText("Gateway")
    _close_button(dialog)
    assert answers.asked == [] and not dialog.isVisible()
