"""The editor form of one connection profile (used by ``ConnectionsDialog``).

Public API::

    form = ConnectionForm(parent)
    form.load(profile, has_stored_key=bool, keyring=True)
    form.load_new(kind=ConnectionKind.COMPATIBLE, keyring=True)
        # keyring=False: this computer has no system keychain; new profiles default to the
        # environment-variable option and a note says why
    form.edited: Signal()                              # the user changed any field
    form.to_profile(existing: list[str]) -> Profile    # raises FormError naming the field
    form.typed_key() -> str                            # "" when the key field is empty
    form.is_new() / form.profile_id()
    form.is_modified() -> bool        # a field differs from what load()/load_new() put in
    form.mark_unchanged()             # what the fields hold now counts as loaded
    ConnectionForm.kind_label(kind) -> str

Per kind the form asks for what that service needs: OpenAI a base URL (prefilled), Azure
OpenAI / Microsoft Foundry the resource endpoint and deployment names, a compatible gateway
its base URL, the simulator nothing (or a URL for one running elsewhere). Base URLs are
checked with ``usecases.connections.check_base_url`` (https, except on this computer).
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QWidget

from sora_desktop.core.capabilities import KNOWN_MODELS
from sora_desktop.core.errors import InvalidRequestError
from sora_desktop.core.models import (
    AuthStyle,
    ConnectionKind,
    Profile,
)
from sora_desktop.core.profiles import (
    OPENAI_BASE_URL,
    PROVIDER_BASE_URLS,
    SIMULATOR_ID,
    azure_base_url,
    default_auth_style,
    make_profile_id,
)
from sora_desktop.gui.connection_form_widgets import ConnectionFormWidgets
from sora_desktop.gui.connection_kinds import (
    DEFAULT_MODELS,
    default_env,
    defaults_for,
    first_catalogue_model,
    kind_label,
    links_html,
    service_note,
)
from sora_desktop.gui.i18n import profile_name
from sora_desktop.gui.wheel_guard import guard_wheel
from sora_desktop.usecases.connections import check_base_url

translate = QCoreApplication.translate


class FormError(Exception):
    """A refused field: ``field_label`` names it, ``widget`` is where to put the focus."""

    def __init__(self, field_label: str, message: str, widget: QWidget | None) -> None:
        super().__init__(f"{field_label}: {message}")
        self.field_label = field_label
        self.message = message
        self.widget = widget


class ConnectionForm(ConnectionFormWidgets):
    """What the form's widgets do: load a profile, follow the kind, read it back."""

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._profile: Profile | None = None
        # the fields as last loaded (is_modified compares with them)
        self._loaded: tuple[object, ...] | None = None
        self._build()  # the widgets: gui/connection_form_widgets.py
        # the form scrolls in a small dialog: a wheel turned over the Service combo must
        # scroll it, not switch the connection to another service (and refill the form)
        guard_wheel(self)
        self.kind_combo.currentIndexChanged.connect(self._on_kind)
        self.azure_auth_combo.currentIndexChanged.connect(self._on_azure_auth)
        self.keyring_radio.toggled.connect(self._on_key_mode)
        self.add_model_button.clicked.connect(lambda: self.add_model_row("", "sora-2", edit=True))
        self.remove_model_button.clicked.connect(self._remove_model_row)
        for line in (
            self.name_edit,
            self.url_edit,
            self.key_edit,
            self.env_edit,
            self.proxy_edit,
        ):
            line.textEdited.connect(self.edited)
        for radio in (self.keyring_radio, self.env_radio):
            radio.clicked.connect(self.edited)
        self.kind_combo.activated.connect(self.edited)
        self.models.itemChanged.connect(self.edited)

    @staticmethod
    def kind_label(kind: ConnectionKind) -> str:
        return kind_label(kind)

    # ----- loading -------------------------------------------------------------------------

    def _set_keyring(self, available: bool) -> None:
        self.keyring_note.setVisible(not available)

    def load(self, profile: Profile, *, has_stored_key: bool, keyring: bool = True) -> None:
        self._profile = profile
        self._set_keyring(keyring)
        self.name_edit.setText(profile_name(profile))
        self.kind_combo.blockSignals(True)
        self.kind_combo.setCurrentIndex(self.kind_combo.findData(profile.kind))
        self.kind_combo.blockSignals(False)
        self.url_edit.setText(profile.base_url)
        entra = profile.auth_style is AuthStyle.ENTRA
        style = AuthStyle.API_KEY if entra else profile.auth_style
        self.auth_combo.setCurrentIndex(self.auth_combo.findData(style))
        self.azure_auth_combo.setCurrentIndex(int(entra))
        self.proxy_edit.setText(profile.proxy or "")
        self.key_edit.clear()
        self.key_edit.setPlaceholderText(
            self.tr("A key is stored. Type a new one to replace it.")
            if has_stored_key
            else self.tr("Paste the API key (kept in the system keychain, never in a file)")
        )
        self.env_edit.setText(profile.env_var or default_env(profile.kind))
        (self.env_radio if profile.env_var else self.keyring_radio).setChecked(True)
        aliases = dict(profile.model_aliases)
        names = profile.models or (profile.default_model,)
        self.models.setRowCount(0)
        for name in names:
            self.add_model_row(name, aliases.get(name, name if name in KNOWN_MODELS else ""))
        self._apply_kind(profile.kind)
        self.setEnabled(True)
        builtin = profile.id == SIMULATOR_ID
        for w in self._editable_fields():
            w.setEnabled(not builtin)
        if builtin:
            self.url_edit.setPlaceholderText(self.tr("Started by the app on this computer"))
        self.mark_unchanged()

    def _editable_fields(self) -> tuple[QWidget, ...]:
        """The fields a user profile can change (the built-in simulator's are read-only)."""
        return (
            self.name_edit,
            self.kind_combo,
            self.url_edit,
            self.key_row,
            self.proxy_edit,
            self.auth_combo,
            self.azure_auth_combo,
            self.models,
            self.add_model_button,
            self.remove_model_button,
        )

    def load_new(
        self, kind: ConnectionKind = ConnectionKind.COMPATIBLE, *, keyring: bool = True
    ) -> None:
        self._profile = None
        self._set_keyring(keyring)
        self.name_edit.clear()
        self.url_edit.clear()
        self.proxy_edit.clear()
        self.key_edit.clear()
        self.key_edit.setPlaceholderText(
            self.tr("Paste the API key (kept in the system keychain, never in a file)")
        )
        # without a keychain a stored key can't work: the environment variable is the default
        (self.keyring_radio if keyring else self.env_radio).setChecked(True)
        for w in self._editable_fields():
            w.setEnabled(True)
        self.kind_combo.setCurrentIndex(self.kind_combo.findData(kind))
        self._on_kind(self.kind_combo.currentIndex())
        self.mark_unchanged()

    def is_new(self) -> bool:
        return self._profile is None

    def _state(self) -> tuple[object, ...]:
        """Every value the creator can change, to tell an edited form from the loaded one."""
        return (
            self.name_edit.text().strip(),
            self.kind_combo.currentData(),
            self.url_edit.text().strip(),
            self.auth_combo.currentData(),
            self.azure_auth_combo.currentIndex(),
            self.keyring_radio.isChecked(),
            self.key_edit.text().strip(),
            self.env_edit.text().strip(),
            self.proxy_edit.text().strip(),
            tuple(self.model_rows()),
        )

    def is_modified(self) -> bool:
        """Does a field differ from what :meth:`load` or :meth:`load_new` put in (a new
        connection with a name typed, an edited one, a key pasted)?"""
        return self._loaded is not None and self._state() != self._loaded

    def mark_unchanged(self) -> None:
        """What the fields hold now is what :meth:`is_modified` compares with."""
        self._loaded = self._state()

    def profile_id(self) -> str:
        return self._profile.id if self._profile is not None else ""

    def kind(self) -> ConnectionKind:
        return ConnectionKind(self.kind_combo.currentData())

    def _on_kind(self, _index: int) -> None:
        """A new kind chosen by the user: put that kind's defaults in."""
        kind = self.kind()
        self.auth_combo.setCurrentIndex(self.auth_combo.findData(default_auth_style(kind)))
        self.azure_auth_combo.setCurrentIndex(0)
        url = self.url_edit.text().strip().rstrip("/")
        defaults = {OPENAI_BASE_URL: ConnectionKind.OPENAI} | {
            u: k for k, u in PROVIDER_BASE_URLS.items()
        }
        if not url or defaults.get(url, kind) is not kind:  # empty, or another kind's default
            default = defaults_for(kind)
            if default or url:
                self.url_edit.setText(default)
        self.env_edit.setText(default_env(kind))
        self.models.setRowCount(0)
        for name, base in DEFAULT_MODELS.get(kind, ()):
            self.add_model_row(name, base)
        self._apply_kind(kind)

    def _apply_kind(self, kind: ConnectionKind) -> None:
        self.note_label.setText(service_note(kind))
        placeholders = {
            ConnectionKind.OPENAI: (self.tr("Base URL"), OPENAI_BASE_URL),
            ConnectionKind.AZURE: (
                self.tr("Resource endpoint"),
                self.tr("https://NAME.openai.azure.com or just the resource NAME"),
            ),
            ConnectionKind.COMPATIBLE: (
                self.tr("Gateway base URL"),
                "https://gateway.example.com/v1",
            ),
            ConnectionKind.SIMULATOR: (
                self.tr("Simulator URL"),
                "http://127.0.0.1:8000/v1",
            ),
        }
        label, placeholder = placeholders.get(kind, (self.tr("Base URL"), defaults_for(kind)))
        self.url_label.setText(label)
        self.url_edit.setPlaceholderText(placeholder)
        links = links_html(kind)
        self.links_label.setText(links)
        self.links_label.setVisible(bool(links))
        # a provider's dialect sends the key its own way and lists its models itself
        # (the catalogue, or any model id in the settings panel)
        videos_api = not kind.is_provider
        for w in (
            self.models_label,
            self.models,
            self.add_model_button,
            self.remove_model_button,
        ):
            w.setVisible(videos_api)
        self.models_label.setText(
            self.tr("Deployments (the names you gave them in Azure AI Foundry):")
            if kind is ConnectionKind.AZURE
            else self.tr("Models this connection offers (the first is the default):")
        )
        self._on_azure_auth()

    def signs_in(self) -> bool:
        """An Azure connection that signs in with Microsoft Entra ID (no key)."""
        return (
            self.kind() is ConnectionKind.AZURE
            and self.azure_auth_combo.currentData() == AuthStyle.ENTRA
        )

    def _on_azure_auth(self, _index: int = 0) -> None:
        kind = self.kind()
        self.fields.setRowVisible(self.azure_auth_combo, kind is ConnectionKind.AZURE)
        keyless = kind is ConnectionKind.SIMULATOR or self.signs_in()
        self.fields.setRowVisible(self.key_row, not keyless)
        # a provider's dialect sends the key its own way: no header to choose
        self.fields.setRowVisible(self.auth_combo, not kind.is_provider and not self.signs_in())

    def _on_key_mode(self, keyring_mode: bool) -> None:
        self.key_edit.setEnabled(keyring_mode)
        self.env_edit.setEnabled(not keyring_mode)

    # ----- reading -------------------------------------------------------------------------

    def typed_key(self) -> str:
        if self.signs_in():
            return ""
        return self.key_edit.text().strip() if self.keyring_radio.isChecked() else ""

    def uses_keyring(self) -> bool:
        """The key is to come from the system keychain (not a variable; not a simulator)."""
        if self.signs_in():
            return False
        return self.kind() is not ConnectionKind.SIMULATOR and self.keyring_radio.isChecked()

    def _base_url(self, kind: ConnectionKind) -> str:
        label = self.url_label.text()
        text = self.url_edit.text().strip()
        if kind is ConnectionKind.SIMULATOR and (not text or self.profile_id() == SIMULATOR_ID):
            return ""  # the built-in simulator: the app fills the URL in
        try:
            if kind is ConnectionKind.AZURE:
                return check_base_url(azure_base_url(text))
            if not text:
                raise InvalidRequestError(
                    translate("ConnectionForm", "Enter the address."), "", param="base_url"
                )
            if any(c.isspace() for c in text):
                raise InvalidRequestError(
                    translate(
                        "ConnectionForm",
                        "The address {url!r} is not a valid URL (it contains a space).",
                    ).format(url=text),
                    "",
                    param="base_url",
                )
            return check_base_url(text)
        except InvalidRequestError as err:
            raise FormError(label, err.one_line(), self.url_edit) from err

    def to_profile(self, existing: list[str]) -> Profile:
        """The profile as edited. Raises :class:`FormError` naming the refused field."""
        name = self.name_edit.text().strip()
        if self._profile is not None and self.profile_id() == SIMULATOR_ID:
            name = self._profile.name  # shown translated, stored in English
        if not name:
            raise FormError(self.tr("Name"), self.tr("Give the connection a name."), self.name_edit)
        kind = self.kind()
        base_url = self._base_url(kind)
        env_var = None
        entra = self.signs_in()
        if kind is not ConnectionKind.SIMULATOR and not entra and self.env_radio.isChecked():
            env_var = self.env_edit.text().strip()
            if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", env_var):
                raise FormError(
                    self.tr("Environment variable"),
                    self.tr("Use letters, digits and underscores, e.g. OPENAI_API_KEY."),
                    self.env_edit,
                )
        proxy = self.proxy_edit.text().strip() or None
        if proxy is not None:
            parts = urlsplit(proxy)
            if parts.scheme not in ("http", "https", "socks5", "socks5h") or not parts.hostname:
                raise FormError(
                    self.tr("Proxy"),
                    self.tr("Enter a proxy address like http://proxy.example:3128."),
                    self.proxy_edit,
                )
        if kind.is_provider:
            return self._provider_profile(name, kind, base_url, env_var, proxy, existing)
        rows = self.model_rows()
        if not rows:
            raise FormError(
                self.tr("Models"),
                self.tr("Add at least one model or deployment name."),
                self.models,
            )
        names = tuple(dict.fromkeys(name for name, _ in rows))
        aliases = tuple((n, b) for n, b in rows if b and b != n)
        profile_id = self.profile_id() or make_profile_id(name, existing)
        return Profile(
            id=profile_id,
            name=name,
            kind=kind,
            base_url=base_url,
            auth_style=AuthStyle.ENTRA if entra else AuthStyle(self.auth_combo.currentData()),
            default_model=names[0],
            models=names,
            env_var=env_var,
            proxy=proxy,
            model_aliases=aliases,
        )

    def _provider_profile(
        self,
        name: str,
        kind: ConnectionKind,
        base_url: str,
        env_var: str | None,
        proxy: str | None,
        existing: list[str],
    ) -> Profile:
        """A fal, Replicate or Runway profile: the dialect sends the key its own way, and
        the settings panel offers the catalogue's models (and any other model id)."""
        old = self._profile
        same_kind = old is not None and old.kind is kind
        default_model = old.default_model if same_kind and old is not None else ""
        models = old.models if same_kind and old is not None else ()
        return Profile(
            id=self.profile_id() or make_profile_id(name, existing),
            name=name,
            kind=kind,
            base_url=base_url,
            auth_style=default_auth_style(kind),
            default_model=default_model or first_catalogue_model(kind),
            models=models,
            env_var=env_var,
            proxy=proxy,
        )


__all__ = ["ConnectionForm", "FormError", "defaults_for", "links_html", "service_note"]
