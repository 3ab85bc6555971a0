"""The Connections dialog offers fal, Replicate and Runway: where to get a key, what it
costs and the dashboard, the default base URL prefilled (and overridable), the key in the
keyring, and "Test connection" showing what the provider said (over loopback)."""

from __future__ import annotations

from typing import Any

import pytest

from sora_desktop.core import secrets
from sora_desktop.core.catalogue import catalogue_models
from sora_desktop.core.dialects.fal import FalDialect
from sora_desktop.core.dialects.replicate import ReplicateDialect
from sora_desktop.core.dialects.runway import RunwayDialect
from sora_desktop.core.models import ConnectionKind, KeySource, Profile
from sora_desktop.core.profiles import PROVIDER_BASE_URLS, ProfileStore
from sora_desktop.gui.connections_dialog import ConnectionsDialog, connection_tester
from sora_desktop.gui.operations import Operations

KEY = "fal-key-5f2c9a0d7e11b3"
DIALECTS = {
    ConnectionKind.FAL: FalDialect,
    ConnectionKind.REPLICATE: ReplicateDialect,
    ConnectionKind.RUNWAY: RunwayDialect,
}


def _choose(dialog: ConnectionsDialog, kind: ConnectionKind, name: str) -> None:
    dialog.start_new()
    form = dialog.form
    index = form.kind_combo.findData(kind)
    assert index >= 0, f"{kind} is not offered"
    form.kind_combo.setCurrentIndex(index)
    form.name_edit.setText(name)


@pytest.mark.parametrize("kind", list(DIALECTS))
def test_each_provider_is_offered_with_its_links_and_default_url(
    dialog: ConnectionsDialog, kind: ConnectionKind
) -> None:
    _choose(dialog, kind, "Mine")
    form = dialog.form
    assert form.url_edit.text() == PROVIDER_BASE_URLS[kind]  # prefilled
    links = form.links_label.text()
    assert form.links_label.isVisible()
    assert DIALECTS[kind].dashboard_url in links  # the dialect's own dashboard
    assert "Get an API key" in links and "Prices" in links
    assert form.links_label.openExternalLinks()
    # the dialect decides how the key is sent, and the catalogue lists the models
    assert not form.auth_combo.isVisible()
    assert not form.models.isVisible()


def test_links_go_when_a_videos_api_kind_is_chosen(dialog: ConnectionsDialog) -> None:
    _choose(dialog, ConnectionKind.RUNWAY, "Mine")
    form = dialog.form
    form.kind_combo.setCurrentIndex(form.kind_combo.findData(ConnectionKind.COMPATIBLE))
    assert not form.links_label.isVisible()
    assert form.models.isVisible() and form.auth_combo.isVisible()
    # Runway's default address doesn't stay behind for a gateway
    assert form.url_edit.text() == ""


def test_a_fal_connection_is_saved_with_its_key_in_the_keyring(
    dialog: ConnectionsDialog, profiles: ProfileStore
) -> None:
    _choose(dialog, ConnectionKind.FAL, "My fal")
    dialog.form.key_edit.setText(KEY)
    assert dialog.save(), dialog.error_label.text()
    saved = profiles.get("my-fal")
    assert saved is not None
    assert saved.kind is ConnectionKind.FAL
    assert saved.base_url == "https://queue.fal.run"
    assert saved.default_model == catalogue_models(ConnectionKind.FAL)[0].id
    assert secrets.get_key(KeySource(keyring_user="my-fal")) == KEY
    assert KEY not in profiles.path.read_text(encoding="utf-8")
    # reopened: still fal, same address, no models table
    dialog.select_profile("my-fal")
    assert dialog.form.kind() is ConnectionKind.FAL
    assert dialog.form.url_edit.text() == "https://queue.fal.run"
    assert not dialog.form.models.isVisible()


def test_the_base_url_can_be_overridden(dialog: ConnectionsDialog, profiles: ProfileStore) -> None:
    _choose(dialog, ConnectionKind.REPLICATE, "Via proxy")
    dialog.form.url_edit.setText("https://replicate-proxy.example.com")
    dialog.form.env_radio.setChecked(True)
    assert dialog.form.env_edit.text() == "REPLICATE_API_TOKEN"  # the client's own variable
    assert dialog.save(), dialog.error_label.text()
    saved = profiles.get("via-proxy")
    assert saved is not None and saved.base_url == "https://replicate-proxy.example.com"
    assert saved.env_var == "REPLICATE_API_TOKEN"


@pytest.mark.parametrize(
    ("kind", "prefix", "fact"),
    [
        (ConnectionKind.RUNWAY, "/runway", "Credits: 1000"),
        (ConnectionKind.REPLICATE, "/replicate", "Account: "),
    ],
)
def test_test_connection_shows_what_the_provider_said(
    qtbot: Any,
    profiles: ProfileStore,
    simulator: Any,
    ops: Operations,
    kind: ConnectionKind,
    prefix: str,
    fact: str,
) -> None:
    dlg = ConnectionsDialog(profiles, connection_tester(ops, Profile.connection))
    qtbot.addWidget(dlg)
    _choose(dlg, kind, "Local")
    dlg.form.url_edit.setText(simulator.url + prefix)
    dlg.form.key_edit.setText("any-key")
    dlg.run_test()
    qtbot.waitUntil(lambda: dlg.last_report is not None, timeout=10_000)
    report = dlg.last_report
    assert report is not None and report.ok, report
    assert report.facts
    text = dlg.test_result.text()
    assert text.startswith("Connected in ") and "The key was accepted." in text
    assert fact in text
    assert "video(s)" not in text  # a provider lists no videos
