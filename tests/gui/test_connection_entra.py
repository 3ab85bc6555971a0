"""The Connections dialog's Azure auth row: an API key, or Microsoft Entra ID sign-in, which
keeps no key (no key field, nothing in the keyring, ``auth_style: "entra"`` on disk)."""

from __future__ import annotations

from sora_desktop.core import secrets
from sora_desktop.core.models import AuthStyle, ConnectionKind, KeySource
from sora_desktop.core.profiles import ProfileStore
from sora_desktop.gui.connections_dialog import ConnectionsDialog


def test_entra_sign_in_hides_the_key_and_saves_no_key(
    dialog: ConnectionsDialog, profiles: ProfileStore
) -> None:
    assert secrets.get_key(KeySource(keyring_user="entra-only")) is None
    dialog.start_new()
    form = dialog.form
    assert not form.fields.isRowVisible(form.azure_auth_combo)  # not for a gateway
    form.kind_combo.setCurrentIndex(form.kind_combo.findData(ConnectionKind.AZURE))
    form.name_edit.setText("Entra only")
    form.url_edit.setText("https://myres.openai.azure.com/")
    assert form.fields.isRowVisible(form.azure_auth_combo)
    assert form.fields.isRowVisible(form.key_row)
    form.key_edit.setText("typed-before-switching")
    form.azure_auth_combo.setCurrentIndex(form.azure_auth_combo.findData(AuthStyle.ENTRA))
    assert form.azure_auth_combo.currentText() == "Microsoft Entra ID sign-in"
    assert not form.fields.isRowVisible(form.key_row)
    assert not form.fields.isRowVisible(form.auth_combo)
    assert dialog.save()
    assert dialog.test_result.text() == "Saved."  # no "no API key is stored" warning
    saved = profiles.get("entra-only")
    assert saved is not None and saved.auth_style is AuthStyle.ENTRA and saved.env_var is None
    assert secrets.get_key(KeySource(keyring_user="entra-only")) is None
    on_disk = profiles.path.read_text(encoding="utf-8")
    assert '"entra"' in on_disk and "typed-before-switching" not in on_disk

    form.azure_auth_combo.setCurrentIndex(0)  # back to a key: its rows return
    assert form.fields.isRowVisible(form.key_row)
    dialog.start_new()
    assert dialog.form.azure_auth_combo.currentData() == AuthStyle.API_KEY


def test_an_entra_profile_opens_with_its_choice(
    dialog: ConnectionsDialog, profiles: ProfileStore
) -> None:
    dialog.start_new()
    form = dialog.form
    form.kind_combo.setCurrentIndex(form.kind_combo.findData(ConnectionKind.AZURE))
    form.name_edit.setText("Signed in")
    form.url_edit.setText("myres")
    form.azure_auth_combo.setCurrentIndex(1)
    assert dialog.save()
    saved = profiles.get("signed-in")
    assert saved is not None
    form.load(saved, has_stored_key=False)
    assert form.azure_auth_combo.currentData() == AuthStyle.ENTRA
    assert not form.fields.isRowVisible(form.key_row) and not form.uses_keyring()
