"""Which API key a connection uses, and what is said when there is none: one rule for
running jobs (the service) and for testing a connection (``usecases.connections``)."""

from __future__ import annotations

from collections.abc import Callable

from sora_desktop.core.errors import AuthenticationError
from sora_desktop.core.i18n import _
from sora_desktop.core.models import AuthStyle, Connection, ConnectionKind, KeySource

#: the key sent to a simulator without one of its own (it wants one, like the cloud)
SIMULATOR_KEY = "sim"

KeyLookup = Callable[[KeySource], "str | None"]


def api_key_for(
    connection: Connection, lookup: KeyLookup, *, hint: str | None = None
) -> str | None:
    """The key for ``connection`` (``lookup`` reads its environment variable or keyring
    entry); any key for a simulator; None for a gateway that needs no key.

    Raises :class:`AuthenticationError` when the key the connection names is missing;
    ``hint`` is the next step for a key to be saved in the keyring (the face's wording).
    A connection signed in with Microsoft Entra ID has no key (None; ``core/entra.py``)."""
    if connection.auth_style is AuthStyle.ENTRA:
        return None
    key = lookup(connection.key_source)
    if key:
        return key
    if connection.kind is ConnectionKind.SIMULATOR:
        return SIMULATOR_KEY
    source = connection.key_source
    if source.env_var:
        raise AuthenticationError(
            _("No API key: the environment variable {name} is not set.").format(
                name=source.env_var
            ),
            _("Set {name} to your API key and try again.").format(name=source.env_var),
        )
    if source.keyring_user:
        raise AuthenticationError(
            _("No API key is saved for this connection."),
            hint
            or _("Save it with: sora-desktop profile set-key {profile}").format(
                profile=source.keyring_user
            ),
        )
    return None  # a gateway that needs no key
