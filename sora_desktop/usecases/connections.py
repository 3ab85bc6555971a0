"""Connections: which one a job runs on, testing one, and its key in the OS keyring.

    is_builtin_simulator(profile_or_connection) -> bool   # the one rule (core's)
    api_key_for(connection, lookup, hint=None) -> str | None
    await check_connection(connection, key=None, simulator=None, ...) -> ConnectionReport
    check_base_url(url) -> str                            # normalised, or InvalidRequestError
    keyring_available() / keyring_backend() / has_stored_key(profile)
    store_key(profile_id, key) / forget_key(profile_id)

The engine modules behind these (the HTTP client, the keyring) load on first use, not when
the window imports this module.
"""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from sora_desktop.core.api_keys import KeyLookup, api_key_for
from sora_desktop.core.builtin_simulator import SimulatorLink, is_builtin_simulator, resolve
from sora_desktop.core.errors import SoraError
from sora_desktop.core.models import Connection, KeySource, Profile
from sora_desktop.core.profiles import SIMULATOR_ID

if TYPE_CHECKING:
    from sora_desktop.core.dialects.base import Dialect

__all__ = [
    "ConnectionReport",
    "api_key_for",
    "check_base_url",
    "check_connection",
    "forget_key",
    "has_stored_key",
    "is_builtin_simulator",
    "keyring_available",
    "keyring_backend",
    "store_key",
]

ClientFactory = Callable[[Connection, "str | None"], "Dialect"]


@dataclasses.dataclass(frozen=True, slots=True)
class ConnectionReport:
    """The answer to "Test connection"."""

    ok: bool
    videos_listed: int = 0
    latency: float = 0.0  # seconds for one list call
    error: SoraError | None = None
    model: str | None = None
    #: what the call learned, e.g. (("Account", "studio-a"),) (labels translated)
    facts: tuple[tuple[str, str], ...] = ()


def _stored_key(source: KeySource) -> str | None:
    from sora_desktop.core import secrets  # the keyring loads on first use

    return secrets.get_key(source)


def _client(connection: Connection, key: str | None) -> Dialect:
    from sora_desktop.core.dialects import make_dialect  # the I/O side, loaded on first use

    return make_dialect(connection, key)


async def check_connection(
    connection: Connection,
    *,
    key: str | None = None,
    simulator: SimulatorLink | None = None,
    lookup: KeyLookup | None = None,
    hint: str | None = None,
    client_factory: ClientFactory | None = None,
    model: str | None = None,
) -> ConnectionReport:
    """One cheap authenticated call with a fresh client (the Videos API lists videos; a
    provider answers its own, see ``Dialect.check``): reachable, key accepted, how fast.

    ``key``: a key typed but not saved yet (None: the connection's own, as a job would use
    it). ``simulator``: the running built-in simulator, for a connection to it. ``hint``:
    the next step when no key is saved (the face's wording). Never raises a ``SoraError``:
    a failure is the report's ``error``."""
    try:
        connection = await resolve(connection, simulator, resuming=False)
        if key is None:
            key = api_key_for(connection, lookup or _stored_key, hint=hint)
        client = (client_factory or _client)(connection, key)
    except SoraError as err:
        return ConnectionReport(ok=False, error=err, model=model)
    start = time.monotonic()
    try:
        learned = await client.check()
    except SoraError as err:
        return ConnectionReport(ok=False, latency=time.monotonic() - start, error=err, model=model)
    finally:
        await client.aclose()
    return ConnectionReport(
        ok=True,
        videos_listed=learned.videos_listed,
        latency=time.monotonic() - start,
        model=model,
        facts=learned.facts,
    )


def check_base_url(url: str) -> str:
    """``url`` normalised, or :class:`InvalidRequestError` saying what is wrong with it."""
    from sora_desktop.core.client import validate_base_url

    return validate_base_url(url)


def keyring_available() -> bool:
    from sora_desktop.core import secrets

    return secrets.is_available()


def keyring_backend() -> str | None:
    """The keyring in use, by name; None when there is none."""
    from sora_desktop.core import secrets

    return secrets.backend_name() if secrets.is_available() else None


def has_stored_key(profile: Profile) -> bool:
    """A key for ``profile`` is in the keyring (its environment variable aside)."""
    if profile.id == SIMULATOR_ID:
        return False
    try:
        source = dataclasses.replace(profile, env_var=None).connection().key_source
        return bool(_stored_key(source))
    except SoraError:
        return False


def store_key(profile_id: str, key: str) -> None:
    """Keep ``key`` for ``profile_id`` in the OS keyring (replacing any old one)."""
    from sora_desktop.core import secrets

    secrets.set_key(profile_id, key)


def forget_key(profile_id: str) -> None:
    """Forget the key of ``profile_id`` (one that isn't there is not an error)."""
    from sora_desktop.core import secrets

    secrets.delete_key(profile_id)
