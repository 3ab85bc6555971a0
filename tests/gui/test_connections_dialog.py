"""ConnectionsDialog: keys go to the keyring only, bad URLs are refused inline, and "Test
connection" talks to the real simulator over loopback."""

from __future__ import annotations

from typing import Any

import pytest

from sora_desktop.core import secrets
from sora_desktop.core.models import AuthStyle, ConnectionKind, KeySource, Profile
from sora_desktop.core.profiles import SERVICE_STATUS, SIMULATOR_ID, ProfileStore
from sora_desktop.gui.connection_form import service_note
from sora_desktop.gui.connections_dialog import ConnectionsDialog, connection_tester
from sora_desktop.gui.operations import Operations

KEY = "sk-test-5f2c9a0d7e11b3"


def _new(dialog: ConnectionsDialog, name: str, kind: ConnectionKind, url: str) -> None:
    dialog.start_new()
    form = dialog.form
    form.kind_combo.setCurrentIndex(form.kind_combo.findData(kind))
    form.name_edit.setText(name)
    if url:
        form.url_edit.setText(url)


def test_key_goes_to_the_keyring_never_to_profiles_json(
    dialog: ConnectionsDialog, profiles: ProfileStore
) -> None:
    _new(dialog, "Studio gateway", ConnectionKind.COMPATIBLE, "https://gw.example.com/v1/")
    assert dialog.form.key_edit.echoMode() == dialog.form.key_edit.EchoMode.Password
    dialog.form.key_edit.setText(KEY)
    assert dialog.save()
    profile = profiles.get("studio-gateway")
    assert profile is not None
    assert profile.base_url == "https://gw.example.com/v1"
    assert secrets.get_key(KeySource(keyring_user=profile.id)) == KEY
    on_disk = profiles.path.read_text(encoding="utf-8")
    assert KEY not in on_disk
    assert "studio-gateway" in on_disk
    # The list now shows it, and reopening it says a key is stored without showing it.
    assert dialog.current_profile() == profile
    assert dialog.form.key_edit.text() == ""
    assert "stored" in dialog.form.key_edit.placeholderText()


@pytest.mark.parametrize(
    ("url", "words"),
    [
        ("http://gw.example.com/v1", "not encrypted"),
        ("not a url at all", "not a valid URL"),
        ("ftp://files.example.com/v1", "must start with https://"),
        ("https://bad host/v1", "not a valid URL"),
        ("", "Enter the address"),
    ],
)
def test_invalid_base_url_is_refused_naming_the_field(
    dialog: ConnectionsDialog, profiles: ProfileStore, url: str, words: str
) -> None:
    before = profiles.ids()
    _new(dialog, "Bad", ConnectionKind.COMPATIBLE, url)
    dialog.form.key_edit.setText(KEY)
    assert not dialog.save()
    assert dialog.error_label.isVisibleTo(dialog)
    assert "Gateway base URL" in dialog.error_label.text()
    assert words in dialog.error_label.text()
    assert profiles.ids() == before
    assert secrets.get_key(KeySource(keyring_user="bad")) is None


def test_loopback_http_is_accepted_for_a_simulator_elsewhere(
    dialog: ConnectionsDialog, profiles: ProfileStore
) -> None:
    _new(dialog, "Sim on port 8000", ConnectionKind.SIMULATOR, "http://127.0.0.1:8000/v1")
    assert dialog.save()
    saved = profiles.get("sim-on-port-8000")
    assert saved is not None and saved.base_url == "http://127.0.0.1:8000/v1"


def test_azure_endpoint_and_deployment(dialog: ConnectionsDialog, profiles: ProfileStore) -> None:
    _new(dialog, "Foundry", ConnectionKind.AZURE, "https://myres.openai.azure.com/")
    form = dialog.form
    assert "Resource endpoint" in form.url_label.text()
    assert "new Sora 2 deployments" in form.note_label.text()
    form.models.setRowCount(0)
    form.add_model_row("video-prod", "sora-2")
    form.key_edit.setText(KEY)
    assert dialog.save()
    saved = profiles.get("foundry")
    assert saved is not None
    assert saved.base_url == "https://myres.openai.azure.com/openai/v1"
    assert saved.auth_style is AuthStyle.API_KEY
    assert saved.models == ("video-prod",) and saved.default_model == "video-prod"
    assert saved.model_aliases == (("video-prod", "sora-2"),)


def test_openai_shows_the_shutdown_note(dialog: ConnectionsDialog) -> None:
    _new(dialog, "OpenAI", ConnectionKind.OPENAI, "")
    assert dialog.form.note_label.isVisible()
    assert "2026-09-24" in dialog.form.note_label.text()
    assert dialog.form.url_edit.text() == "https://api.openai.com/v1"  # prefilled


def test_service_notes_say_what_core_says(qapp: object) -> None:
    for kind in ConnectionKind:
        assert service_note(kind) == SERVICE_STATUS[kind]


def test_environment_variable_instead_of_a_stored_key(
    dialog: ConnectionsDialog, profiles: ProfileStore
) -> None:
    _new(dialog, "CI gateway", ConnectionKind.COMPATIBLE, "https://gw.example.com/v1")
    dialog.form.env_radio.setChecked(True)
    dialog.form.env_edit.setText("GATEWAY_KEY")
    assert not dialog.form.key_edit.isEnabled()
    assert dialog.save()
    saved = profiles.get("ci-gateway")
    assert saved is not None and saved.env_var == "GATEWAY_KEY"
    assert secrets.get_key(KeySource(keyring_user="ci-gateway")) is None

    dialog.form.env_edit.setText("not valid!")
    assert not dialog.save()
    assert "Environment variable" in dialog.error_label.text()


def test_edit_keeps_the_id_and_remove_forgets_the_key(
    dialog: ConnectionsDialog, profiles: ProfileStore
) -> None:
    _new(dialog, "Gateway", ConnectionKind.COMPATIBLE, "https://gw.example.com/v1")
    dialog.form.key_edit.setText(KEY)
    assert dialog.save()
    dialog.form.name_edit.setText("Gateway (renamed)")
    assert dialog.save()
    assert [p.name for p in profiles.list() if p.id == "gateway"] == ["Gateway (renamed)"]
    assert secrets.get_key(KeySource(keyring_user="gateway")) == KEY  # untouched
    dialog.remove_profile("gateway")
    assert profiles.get("gateway") is None
    assert secrets.get_key(KeySource(keyring_user="gateway")) is None


def test_builtin_simulator_is_read_only(dialog: ConnectionsDialog) -> None:
    dialog.select_profile(SIMULATOR_ID)
    assert not dialog.remove_button.isEnabled()
    assert not dialog.save_button.isEnabled()
    assert not dialog.form.url_edit.isEnabled()


class _Link:
    """The built-in simulator as the tester reaches it (here: a server already running)."""

    def __init__(self, simulator: Any) -> None:
        self.url = f"{simulator.url}/v1"

    def base_url(self, *, resuming: bool = False) -> str:
        return self.url


def _tester(ops: Operations, simulator: Any) -> Any:
    return connection_tester(ops, Profile.connection, _Link(simulator))


def test_test_connection_against_the_simulator_reports_ok(
    qtbot: Any, profiles: ProfileStore, simulator: Any, ops: Operations
) -> None:
    dlg = ConnectionsDialog(profiles, _tester(ops, simulator))
    qtbot.addWidget(dlg)
    dlg.show()
    dlg.select_profile(SIMULATOR_ID)
    dlg.run_test()
    assert dlg.is_testing() and not dlg.test_button.isEnabled()
    qtbot.waitUntil(lambda: dlg.last_report is not None, timeout=10_000)
    report = dlg.last_report
    assert report is not None and report.ok, report
    assert report.videos_listed == 0 and report.latency > 0
    assert not dlg.is_testing()
    assert dlg.test_result.text().startswith("Connected in ")
    assert "lists 0 videos." in dlg.test_result.text()


def test_test_connection_with_a_wrong_key_says_what_to_do(
    qtbot: Any, profiles: ProfileStore, ops: Operations
) -> None:
    from sora_desktop.simulator.server import SimulatorServer

    with SimulatorServer(port=0, api_key="the-right-key", latency=1.0) as server:
        dlg = ConnectionsDialog(profiles, _tester(ops, server))
        qtbot.addWidget(dlg)
        _new(dlg, "Local", ConnectionKind.COMPATIBLE, f"{server.url}/v1")
        dlg.form.key_edit.setText("a-wrong-key")  # tested before saving: typed key is used
        dlg.run_test()
        qtbot.waitUntil(lambda: dlg.last_report is not None, timeout=10_000)
        assert dlg.last_report is not None and not dlg.last_report.ok
        text = dlg.test_result.text()
        assert text.startswith("The connection failed:")
        assert "Next step:" in text
        assert profiles.get("local") is None  # testing saves nothing
        dlg.form.key_edit.setText("the-right-key")
        dlg.last_report = None
        dlg.run_test()
        qtbot.waitUntil(lambda: dlg.last_report is not None, timeout=10_000)
        assert dlg.last_report is not None and dlg.last_report.ok


def _no_keyring(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    assert not secrets.is_available()


def test_without_a_keychain_new_connections_take_the_key_from_a_variable(
    qtbot: Any, profiles: ProfileStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    _no_keyring(monkeypatch)
    dlg = ConnectionsDialog(profiles, None)
    qtbot.addWidget(dlg)
    dlg.show()
    _new(dlg, "Headless", ConnectionKind.COMPATIBLE, "https://gw.example.com/v1")
    form = dlg.form
    assert form.env_radio.isChecked() and not form.keyring_radio.isChecked()
    assert form.keyring_note.isVisibleTo(dlg)
    assert "no system keychain" in form.keyring_note.text()
    assert dlg.save()
    saved = profiles.get("headless")
    assert saved is not None and saved.env_var == "VIDEO_GATEWAY_API_KEY"
    assert dlg.test_result.text() == "Saved."


def test_with_a_keychain_it_stays_the_default(dialog: ConnectionsDialog) -> None:
    _new(dialog, "Gateway", ConnectionKind.COMPATIBLE, "https://gw.example.com/v1")
    assert dialog.form.keyring_radio.isChecked()
    assert not dialog.form.keyring_note.isVisibleTo(dialog)


@pytest.mark.parametrize("key", ["", KEY])
def test_without_a_keychain_saving_a_key_there_is_refused_and_the_key_stays(
    dialog: ConnectionsDialog, profiles: ProfileStore, monkeypatch: pytest.MonkeyPatch, key: str
) -> None:
    _no_keyring(monkeypatch)
    before = profiles.ids()
    _new(dialog, "Headless", ConnectionKind.COMPATIBLE, "https://gw.example.com/v1")
    dialog.form.keyring_radio.setChecked(True)
    dialog.form.key_edit.setText(key)
    assert not dialog.save()
    text = dialog.error_label.text()
    assert "API key" in text and "no system keychain" in text
    assert "Key from environment variable" in text  # names the option to choose instead
    assert dialog.test_result.text() != "Saved."
    assert profiles.ids() == before  # nothing saved, not even the profile
    assert dialog.form.key_edit.text() == key  # what was pasted is still there
    assert dialog.form.name_edit.text() == "Headless"
    if key:
        assert (
            KEY not in profiles.path.read_text(encoding="utf-8") if profiles.path.exists() else True
        )


def test_a_failed_key_store_keeps_the_pasted_key(
    dialog: ConnectionsDialog, profiles: ProfileStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sora_desktop.core.errors import KeyringUnavailableError

    def locked(_profile_id: str, _key: str) -> None:
        raise KeyringUnavailableError("The keyring is locked.", "Unlock it and try again.")

    monkeypatch.setattr(secrets, "set_key", locked)
    _new(dialog, "Gateway", ConnectionKind.COMPATIBLE, "https://gw.example.com/v1")
    dialog.form.key_edit.setText(KEY)
    assert not dialog.save()
    assert "locked" in dialog.error_label.text()
    assert dialog.form.key_edit.text() == KEY
    assert profiles.get("gateway") is None  # saved all together or not at all


def test_an_empty_key_is_saved_with_a_warning(
    dialog: ConnectionsDialog, profiles: ProfileStore
) -> None:
    _new(dialog, "Gateway", ConnectionKind.COMPATIBLE, "https://gw.example.com/v1")
    assert dialog.save()
    assert "no API key is stored" in dialog.test_result.text()
    dialog.form.key_edit.setText(KEY)
    assert dialog.save()
    assert dialog.test_result.text() == "Saved."


def test_a_message_goes_as_soon_as_the_field_is_fixed(
    qtbot: Any, dialog: ConnectionsDialog
) -> None:
    _new(dialog, "", ConnectionKind.COMPATIBLE, "https://gw.example.com/v1")
    assert not dialog.save()
    assert "Name" in dialog.error_label.text()
    qtbot.keyClicks(dialog.form.name_edit, "G")
    assert not dialog.error_label.isVisibleTo(dialog)
    dialog.form.url_edit.clear()
    qtbot.keyClicks(dialog.form.url_edit, "ftp://x")
    assert not dialog.save()
    assert "must start with https://" in dialog.error_label.text()
    dialog.form.url_edit.clear()
    qtbot.keyClicks(dialog.form.url_edit, "http://gw.example.com")  # still wrong: updated
    assert dialog.error_label.isVisibleTo(dialog)
    assert "not encrypted" in dialog.error_label.text()
    dialog.form.url_edit.clear()
    qtbot.keyClicks(dialog.form.url_edit, "https://gw.example.com/v1")
    assert not dialog.error_label.isVisibleTo(dialog)


def test_the_keychain_message_goes_when_the_variable_is_chosen(
    qtbot: Any, dialog: ConnectionsDialog, monkeypatch: pytest.MonkeyPatch
) -> None:
    _no_keyring(monkeypatch)
    _new(dialog, "Headless", ConnectionKind.COMPATIBLE, "https://gw.example.com/v1")
    dialog.form.keyring_radio.setChecked(True)
    assert not dialog.save()
    dialog.form.env_radio.click()  # as a mouse click or the keyboard does
    assert dialog.form.env_radio.isChecked()
    assert not dialog.error_label.isVisibleTo(dialog)


def test_the_builtin_simulator_is_listed_once(dialog: ConnectionsDialog) -> None:
    texts = [dialog.list.item(i).text() for i in range(dialog.list.count())]
    name = "Simulator (this computer)"
    assert sum(t.count(name) for t in texts) == 1


def test_nothing_is_squashed_at_the_minimum_size_with_a_long_message(
    qtbot: Any, profiles: ProfileStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    _no_keyring(monkeypatch)
    dlg = ConnectionsDialog(profiles, None)
    qtbot.addWidget(dlg)
    dlg.show()
    _new(dlg, "Work Azure", ConnectionKind.AZURE, "myres")
    dlg.form.keyring_radio.setChecked(True)
    dlg.form.key_edit.setText(KEY)
    dlg.resize(1, 1)  # as small as it lets itself be made
    qtbot.waitUntil(lambda: dlg.size() == dlg.minimumSize())
    assert not dlg.save()  # a long, wrapped message under the form: the minimum grows
    qtbot.waitUntil(lambda: dlg.size() == dlg.minimumSize() and dlg.error_label.height() > 40)
    qtbot.waitUntil(lambda: dlg.form_scroll.verticalScrollBar().value() > 0)
    dlg.layout().activate()
    form = dlg.form
    viewport = dlg.form_scroll.viewport()
    right_edge = viewport.mapTo(dlg, viewport.rect().topRight()).x()
    for widget in (
        form.name_edit,
        form.kind_combo,
        form.url_edit,
        form.auth_combo,
        form.keyring_note,
        form.keyring_radio,
        form.key_edit,
        form.env_radio,
        form.env_edit,
        form.proxy_edit,
    ):
        assert widget.height() >= widget.minimumSizeHint().height(), widget
        assert widget.mapTo(dlg, widget.rect().topRight()).x() <= right_edge, widget
    label = dlg.error_label
    assert label.height() >= label.heightForWidth(label.width())  # every line of it shows
    # the form keeps room for several fields, and the field to change is scrolled into view
    assert dlg.form_scroll.height() >= dlg.form_scroll.minimumSizeHint().height()
    radio = dlg.form.env_radio
    top_left = radio.mapTo(viewport, radio.rect().topLeft())
    assert viewport.rect().contains(top_left), (top_left, viewport.rect())
    assert label.parentWidget() is dlg and dlg.rect().contains(label.geometry())
    assert dlg.form.key_edit.text() == KEY


def test_saving_and_removing_run_off_the_gui_thread(
    qtbot: Any, profiles: ProfileStore, ops: Operations, monkeypatch: pytest.MonkeyPatch
) -> None:
    import threading

    on_gui: list[tuple[str, bool]] = []
    real_set, real_delete = secrets.set_key, secrets.delete_key

    def set_key(profile_id: str, key: str, **kw: Any) -> None:
        on_gui.append(("set", threading.current_thread() is threading.main_thread()))
        real_set(profile_id, key, **kw)

    def delete_key(profile_id: str, **kw: Any) -> None:
        on_gui.append(("delete", threading.current_thread() is threading.main_thread()))
        real_delete(profile_id, **kw)

    monkeypatch.setattr(secrets, "set_key", set_key)
    monkeypatch.setattr(secrets, "delete_key", delete_key)
    dlg = ConnectionsDialog(profiles, None, operations=ops)
    qtbot.addWidget(dlg)
    _new(dlg, "Studio gateway", ConnectionKind.COMPATIBLE, "https://gw.example.com/v1/")
    dlg.form.key_edit.setText(KEY)
    with qtbot.waitSignal(dlg.profiles_changed, timeout=10_000):
        assert dlg.save()
    assert profiles.get("studio-gateway") is not None
    assert secrets.get_key(KeySource(keyring_user="studio-gateway")) == KEY
    assert dlg.test_result.text() == "Saved."
    with qtbot.waitSignal(dlg.profiles_changed, timeout=10_000):
        dlg.remove_profile("studio-gateway")
    assert profiles.get("studio-gateway") is None
    assert on_gui == [("set", False), ("delete", False)]


def test_test_and_save_stay_put_when_a_result_shows(dialog: ConnectionsDialog, qtbot: Any) -> None:
    # 45-fal-test.png / 46-fal-saved.png: the buttons jumped up 40 px when a two-line result
    # appeared under them, and back when it became "Saved."
    dialog.resize(900, 600)
    dialog.layout().activate()
    buttons = (dialog.test_button, dialog.save_button)
    before = [b.mapTo(dialog, b.rect().topLeft()) for b in buttons]
    dialog.test_result.setText("The connection failed: no API key.\nNext step: set FAL_KEY.")
    dialog.layout().activate()
    assert [b.mapTo(dialog, b.rect().topLeft()) for b in buttons] == before
    dialog.test_result.setText("Saved.")
    dialog.layout().activate()
    assert [b.mapTo(dialog, b.rect().topLeft()) for b in buttons] == before


def test_the_wheel_over_an_unfocused_choice_scrolls_the_form_and_changes_nothing(
    qtbot: Any, dialog: ConnectionsDialog
) -> None:
    """A wheel turn over Service switched a half-typed gateway to another service (the form
    refilled), and over "Works like" made a model price as sora-2-pro; the walk through the
    window showed both. Unfocused, they scroll; clicked or tabbed into, they change."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QComboBox

    from tests.gui.conftest import wheel_notch

    _new(dialog, "Studio gateway", ConnectionKind.COMPATIBLE, "https://gw.example.com/v1")
    form = dialog.form
    form.add_model_row("veo-3", "sora-2")  # added after the form was built
    dialog.resize(1, 1)  # as small as it goes: the form scrolls
    bar = dialog.form_scroll.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    bar.setValue(0)
    assert not form.kind_combo.hasFocus()
    wheel_notch(form.kind_combo)
    assert form.kind_combo.currentData() == ConnectionKind.COMPATIBLE
    assert form.name_edit.text() == "Studio gateway"
    assert bar.value() > 0, "the form did not scroll"
    for row in range(form.models.rowCount()):
        works_like = form.models.cellWidget(row, 1)
        assert isinstance(works_like, QComboBox)
        assert works_like.focusPolicy() == Qt.FocusPolicy.StrongFocus
        before = works_like.currentIndex()
        wheel_notch(works_like)
        assert works_like.currentIndex() == before, "the wheel changed what a model works like"
    assert form.model_rows() == [("sora-2", "sora-2"), ("veo-3", "sora-2")]

    # focused (clicked or tabbed into), the wheel changes it as usual
    dialog.activateWindow()
    form.kind_combo.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(form.kind_combo.hasFocus)
    wheel_notch(form.kind_combo, steps=1)
    assert form.kind_combo.currentData() != ConnectionKind.COMPATIBLE
