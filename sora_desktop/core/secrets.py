"""API keys: in the OS keyring (service ``sora-desktop``, user = profile id) or an env var.

Keys never go to settings, profiles, the library or logs. Every key read or written here is
registered with :func:`.logsetup.register_secret` so the log redacts it even if some library
prints it.

When the OS has no usable keyring (no Secret Service on a headless Linux, a locked or broken
backend) every call raises :class:`~.errors.KeyringUnavailableError` telling the user to put
the key in an environment variable and name it in the profile instead. That next step is
worded for the window by default; each call takes a ``hint`` to word it for another face
(the CLI names its ``--api-key-env`` option).

Tests select :class:`MemoryKeyring` with ``PYTHON_KEYRING_BACKEND=
sora_desktop.core.secrets.MemoryKeyring``; :func:`current_backend` re-reads that variable, so
a test may change it between calls.
"""

from __future__ import annotations

import os
import threading
from typing import Any, ClassVar

import keyring
import keyring.backend
import keyring.core
import keyring.errors

from sora_desktop.core.errors import KeyringUnavailableError
from sora_desktop.core.i18n import N_, _
from sora_desktop.core.logsetup import register_secret
from sora_desktop.core.models import KeySource

SERVICE = "sora-desktop"
ENV_BACKEND = "PYTHON_KEYRING_BACKEND"

#: the connection form's option, named as the GUI names it (translated where shown)
_ENV_OPTION = N_("Key from environment variable")


class MemoryKeyring(keyring.backend.KeyringBackend):
    """An in-process keyring for tests. Never picked automatically (negative priority).

    The passwords live on the class, so every instance (keyring creates new ones when the
    backend is re-initialised) sees the same store. :meth:`clear` empties it.
    """

    priority: ClassVar[float] = -1
    _passwords: ClassVar[dict[tuple[str, str], str]] = {}
    _lock: ClassVar[threading.Lock] = threading.Lock()

    def get_password(self, service: str, username: str) -> str | None:
        with self._lock:
            return self._passwords.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        with self._lock:
            self._passwords[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        with self._lock:
            if self._passwords.pop((service, username), None) is None:
                raise keyring.errors.PasswordDeleteError("no such password")

    @classmethod
    def clear(cls) -> None:
        with cls._lock:
            cls._passwords.clear()


def _qualname(obj: object) -> str:
    cls = type(obj)
    return f"{cls.__module__}.{cls.__qualname__}"


_init_lock = threading.Lock()


def current_backend() -> Any:
    """The keyring backend in use, re-initialised when ``PYTHON_KEYRING_BACKEND`` changed."""
    wanted = os.environ.get(ENV_BACKEND)
    with _init_lock:
        backend = keyring.get_keyring()
        if wanted and _qualname(backend) != wanted:
            try:
                keyring.core.init_backend()
            except Exception as exc:
                raise _unavailable(f"the backend {wanted} could not be loaded: {exc}") from exc
            backend = keyring.get_keyring()
        return backend


def _is_unusable(backend: Any) -> bool:
    name = _qualname(backend)
    if name in ("keyring.backends.fail.Keyring", "keyring.backends.null.Keyring"):
        return True
    if name == "keyring.backends.chainer.ChainerBackend":
        return not list(getattr(backend, "backends", []))
    return False


def _unavailable(
    reason: str, profile_id: str | None = None, hint: str | None = None
) -> KeyringUnavailableError:
    if hint is not None:
        next_step = hint
    elif profile_id:
        next_step = _(
            "Put the key in an environment variable (for example OPENAI_API_KEY) and enter its "
            'name in the "{option}" option of the profile {profile!r}.'
        ).format(option=_(_ENV_OPTION), profile=profile_id)
    else:
        next_step = _(
            "Put the key in an environment variable (for example OPENAI_API_KEY) and enter its "
            'name in the "{option}" option of the profile.'
        ).format(option=_(_ENV_OPTION))
    return KeyringUnavailableError(
        _(
            "The OS keyring is not available, so the API key can't be stored or read there "
            "({reason})."
        ).format(reason=reason),
        next_step,
    )


def _usable_backend(profile_id: str | None, hint: str | None = None) -> Any:
    backend = current_backend()
    if _is_unusable(backend):
        raise _unavailable(f"no keyring backend ({backend_name()})", profile_id, hint)
    return backend


def backend_name() -> str:
    """A readable name of the keyring in use (e.g. ``SecretService Keyring``)."""
    try:
        backend = current_backend()
    except KeyringUnavailableError:
        return "unavailable"
    name = getattr(backend, "name", None)
    return str(name) if name else _qualname(backend)


def is_available() -> bool:
    """True when keys can be kept in the OS keyring (no call to the backend is made)."""
    try:
        return not _is_unusable(current_backend())
    except KeyringUnavailableError:
        return False


def get_key(source: KeySource, *, hint: str | None = None) -> str | None:
    """The key for ``source``: from its environment variable, else from the keyring.

    Returns None when no key is set (an empty variable counts as unset). Raises
    :class:`KeyringUnavailableError` only when the keyring is needed and can't be used
    (``hint``, when given, is its next step).
    """
    if source.env_var:
        value = os.environ.get(source.env_var) or None
        if value:
            register_secret(value)
        return value
    if not source.keyring_user:
        return None
    user = source.keyring_user
    backend = _usable_backend(user, hint)
    try:
        value = backend.get_password(SERVICE, user)
    except Exception as exc:
        raise _unavailable(f"{type(exc).__name__}: {exc}", user, hint) from exc
    if value:
        register_secret(value)
        return str(value)
    return None


def set_key(profile_id: str, key: str, *, hint: str | None = None) -> None:
    """Store ``key`` for ``profile_id`` in the OS keyring (replacing any old one)."""
    key = key.strip()
    if not key:
        raise ValueError("the key is empty")
    register_secret(key)
    backend = _usable_backend(profile_id, hint)
    try:
        backend.set_password(SERVICE, profile_id, key)
    except Exception as exc:
        raise _unavailable(f"{type(exc).__name__}: {exc}", profile_id, hint) from exc


def delete_key(profile_id: str, *, hint: str | None = None) -> None:
    """Forget the key of ``profile_id``. Deleting a key that isn't there is not an error."""
    backend = _usable_backend(profile_id, hint)
    try:
        backend.delete_password(SERVICE, profile_id)
    except keyring.errors.PasswordDeleteError:
        return
    except Exception as exc:
        raise _unavailable(f"{type(exc).__name__}: {exc}", profile_id, hint) from exc
