"""ConnectionsDialog: leaving a form with unsaved changes asks Save / Discard / Cancel,
closing the dialog (Close, Escape and the window's close box alike), picking another
connection in the list (a click, the arrow keys) or pressing Add; with nothing changed it
goes on without a word."""

from __future__ import annotations

from collections.abc import Callable
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


# ----- picking another connection, or Add, with unsaved changes ----------------------------


def _row(dialog: ConnectionsDialog, profile_id: str) -> int:
    ids = [dialog.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(dialog.list.count())]
    return ids.index(profile_id)


def _click(dialog: ConnectionsDialog, profile_id: str) -> None:
    item = dialog.list.item(_row(dialog, profile_id))
    where = dialog.list.visualItemRect(item).center()
    QTest.mouseClick(dialog.list.viewport(), Qt.MouseButton.LeftButton, pos=where)


def _arrow_keys(dialog: ConnectionsDialog, profile_id: str) -> None:
    dialog.list.setFocus()
    target = _row(dialog, profile_id)
    start = dialog.list.currentRow()
    if start < 0:  # a new connection: nothing selected yet
        QTest.keyClick(dialog.list, Qt.Key.Key_Home)
        start = 0
    key = Qt.Key.Key_Down if target > start else Qt.Key.Key_Up
    for _ in range(abs(target - start)):
        QTest.keyClick(dialog.list, key)


PICKERS: dict[str, Callable[[ConnectionsDialog, str], None]] = {
    "click": _click,
    "arrow keys": _arrow_keys,
}


def _selected_id(dialog: ConnectionsDialog) -> str | None:
    item = dialog.list.currentItem()
    selected = dialog.list.selectedItems()
    assert selected == ([item] if item is not None else []), "selection and current differ"
    return None if item is None else item.data(Qt.ItemDataRole.UserRole)


def _pick_and_wait(qtbot: Any, dialog: ConnectionsDialog, answers: Answers, how: str) -> None:
    """Pick the simulator while the form has changes: the question comes once the click or
    key press is over."""
    PICKERS[how](dialog, SIMULATOR_ID)
    qtbot.waitUntil(lambda: answers.asked != [])


def _edit_gateway(dialog: ConnectionsDialog) -> None:
    dialog.select_profile("unsaved-gateway")
    dialog.form.name_edit.setText("Gateway (renamed)")
    dialog.form.key_edit.setText(KEY)


def test_picking_or_adding_without_changes_asks_nothing(
    qtbot: Any, dialog: ConnectionsDialog, profiles: ProfileStore, answers: Answers
) -> None:
    _saved_gateway(profiles)
    dialog.select_profile("unsaved-gateway")
    for how, target in (("click", SIMULATOR_ID), ("arrow keys", "unsaved-gateway")):
        PICKERS[how](dialog, target)
        assert dialog.form.profile_id() == target and _selected_id(dialog) == target, how
    dialog.add_button.click()
    assert dialog.form.is_new() and _selected_id(dialog) is None
    assert dialog.form.name_edit.text() == ""
    _click(dialog, SIMULATOR_ID)  # from an untouched new form
    assert dialog.form.profile_id() == SIMULATOR_ID
    assert answers.asked == []


@pytest.mark.parametrize("how", PICKERS)
def test_picking_another_then_cancel_stays_on_the_edited_one(
    qtbot: Any, dialog: ConnectionsDialog, profiles: ProfileStore, answers: Answers, how: str
) -> None:
    original = _saved_gateway(profiles)
    _edit_gateway(dialog)
    answers.answer = Button.Cancel
    _pick_and_wait(qtbot, dialog, answers, how)
    assert answers.asked == [("Save the changes to “Gateway (renamed)”?", SAVE_DISCARD_CANCEL)]
    assert dialog.form.profile_id() == "unsaved-gateway"
    assert dialog.form.name_edit.text() == "Gateway (renamed)"
    assert dialog.form.key_edit.text() == KEY
    assert _selected_id(dialog) == "unsaved-gateway"  # the list went back to it ...
    QTest.qWait(0)  # (every event posted by then handled)
    assert len(answers.asked) == 1  # ... without a second question
    assert dialog.form.is_modified()
    assert profiles.get("unsaved-gateway") == original
    assert secrets.get_key(KeySource(keyring_user="unsaved-gateway")) is None


@pytest.mark.parametrize("how", PICKERS)
def test_picking_another_then_discard_drops_the_changes_and_shows_it(
    qtbot: Any, dialog: ConnectionsDialog, profiles: ProfileStore, answers: Answers, how: str
) -> None:
    original = _saved_gateway(profiles)
    _edit_gateway(dialog)
    answers.answer = Button.Discard
    _pick_and_wait(qtbot, dialog, answers, how)
    assert len(answers.asked) == 1
    assert dialog.form.profile_id() == SIMULATOR_ID and _selected_id(dialog) == SIMULATOR_ID
    assert not dialog.form.is_modified()
    assert profiles.get("unsaved-gateway") == original
    assert secrets.get_key(KeySource(keyring_user="unsaved-gateway")) is None


@pytest.mark.parametrize("how", PICKERS)
def test_picking_another_then_save_saves_and_shows_it(
    qtbot: Any, dialog: ConnectionsDialog, profiles: ProfileStore, answers: Answers, how: str
) -> None:
    _type_new(dialog)
    answers.answer = Button.Save
    _pick_and_wait(qtbot, dialog, answers, how)
    assert answers.asked == [("Save the changes to “Studio gateway”?", SAVE_DISCARD_CANCEL)]
    saved = profiles.get("studio-gateway")
    assert saved is not None and saved.base_url == "https://gw.example.com/v1"
    assert secrets.get_key(KeySource(keyring_user="studio-gateway")) == KEY
    assert dialog.form.profile_id() == SIMULATOR_ID and _selected_id(dialog) == SIMULATOR_ID
    assert not dialog.form.is_modified()


def test_picking_another_then_a_refused_save_stays_and_names_the_field(
    qtbot: Any, dialog: ConnectionsDialog, profiles: ProfileStore, answers: Answers
) -> None:
    before = profiles.ids()
    _type_new(dialog)
    dialog.form.url_edit.setText("ftp://files.example.com/v1")
    answers.answer = Button.Save
    _pick_and_wait(qtbot, dialog, answers, "click")
    assert "must start with https://" in dialog.error_label.text()
    assert dialog.form.is_new() and _selected_id(dialog) is None
    assert dialog.form.url_edit.text() == "ftp://files.example.com/v1"
    assert profiles.ids() == before


def test_add_then_cancel_keeps_what_was_typed(
    dialog: ConnectionsDialog, profiles: ProfileStore, answers: Answers
) -> None:
    original = _saved_gateway(profiles)
    _edit_gateway(dialog)
    answers.answer = Button.Cancel
    dialog.add_button.click()
    assert answers.asked == [("Save the changes to “Gateway (renamed)”?", SAVE_DISCARD_CANCEL)]
    assert dialog.form.profile_id() == "unsaved-gateway" and _selected_id(dialog) == (
        "unsaved-gateway"
    )
    assert dialog.form.name_edit.text() == "Gateway (renamed)"
    assert dialog.form.key_edit.text() == KEY
    assert profiles.get("unsaved-gateway") == original


def test_add_then_discard_drops_the_changes_for_a_new_form(
    dialog: ConnectionsDialog, profiles: ProfileStore, answers: Answers
) -> None:
    original = _saved_gateway(profiles)
    _edit_gateway(dialog)
    answers.answer = Button.Discard
    dialog.add_button.click()
    assert len(answers.asked) == 1
    assert dialog.form.is_new() and dialog.form.name_edit.text() == ""
    assert dialog.form.key_edit.text() == "" and _selected_id(dialog) is None
    assert profiles.get("unsaved-gateway") == original
    assert secrets.get_key(KeySource(keyring_user="unsaved-gateway")) is None


def test_add_then_save_saves_then_gives_a_new_form(
    dialog: ConnectionsDialog, profiles: ProfileStore, answers: Answers
) -> None:
    _saved_gateway(profiles)
    _edit_gateway(dialog)
    answers.answer = Button.Save
    dialog.add_button.click()
    assert len(answers.asked) == 1
    saved = profiles.get("unsaved-gateway")
    assert saved is not None and saved.name == "Gateway (renamed)"
    assert secrets.get_key(KeySource(keyring_user="unsaved-gateway")) == KEY
    assert dialog.form.is_new() and dialog.form.name_edit.text() == ""
    assert _selected_id(dialog) is None and not dialog.form.is_modified()
