"""Keys: env var first, keyring otherwise, a clear error when the OS keyring is unusable."""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

import keyring
import keyring.backend
import keyring.errors
import pytest

from sora_desktop.core import logsetup, secrets
from sora_desktop.core.errors import ErrorKind, KeyringUnavailableError
from sora_desktop.core.models import KeySource
from sora_desktop.core.secrets import MemoryKeyring


class BrokenKeyring(keyring.backend.KeyringBackend):
    """A backend that fails like a locked or crashed Secret Service."""

    priority: ClassVar[float] = -1

    def get_password(self, service: str, username: str) -> str | None:
        raise keyring.errors.KeyringLocked("the collection is locked")

    def set_password(self, service: str, username: str, password: str) -> None:
        raise keyring.errors.PasswordSetError("cannot write")

    def delete_password(self, service: str, username: str) -> None:
        raise keyring.errors.KeyringError("dbus went away")


@pytest.fixture(autouse=True)
def _clean_memory_keyring() -> Iterator[None]:
    MemoryKeyring.clear()
    yield
    MemoryKeyring.clear()
    logsetup._forget_secrets()


def test_memory_backend_selected_from_env() -> None:
    assert isinstance(secrets.current_backend(), MemoryKeyring)
    assert "MemoryKeyring" in secrets.backend_name()
    assert secrets.is_available()


def test_set_get_delete_round_trip() -> None:
    secrets.set_key("my-openai", "  sk-proj-abcdef123456  ")
    source = KeySource(keyring_user="my-openai")
    assert secrets.get_key(source) == "sk-proj-abcdef123456"
    assert keyring.get_password(secrets.SERVICE, "my-openai") == "sk-proj-abcdef123456"
    secrets.delete_key("my-openai")
    assert secrets.get_key(source) is None
    secrets.delete_key("my-openai")  # deleting twice is fine


def test_empty_key_refused() -> None:
    with pytest.raises(ValueError):
        secrets.set_key("p", "   ")


def test_env_var_source(monkeypatch: pytest.MonkeyPatch) -> None:
    secrets.set_key("gw", "from-the-keyring-123")
    monkeypatch.setenv("MY_GATEWAY_KEY", "from-the-env-456")
    assert secrets.get_key(KeySource(env_var="MY_GATEWAY_KEY")) == "from-the-env-456"
    monkeypatch.setenv("MY_GATEWAY_KEY", "")
    assert secrets.get_key(KeySource(env_var="MY_GATEWAY_KEY")) is None
    assert secrets.get_key(KeySource()) is None


def test_keys_read_are_redacted_from_logs() -> None:
    secrets.set_key("az", "0123456789abcdef0123456789abcdef")  # Azure-style 32 hex digits
    assert logsetup.redact("key=0123456789abcdef0123456789abcdef!") == f"key={logsetup.REDACTED}!"


def test_env_change_between_calls_is_honoured(monkeypatch: pytest.MonkeyPatch) -> None:
    secrets.set_key("p", "memory-secret-1")
    monkeypatch.setenv(secrets.ENV_BACKEND, "keyring.backends.fail.Keyring")
    with pytest.raises(KeyringUnavailableError):
        secrets.get_key(KeySource(keyring_user="p"))
    monkeypatch.setenv(secrets.ENV_BACKEND, "sora_desktop.core.secrets.MemoryKeyring")
    assert secrets.get_key(KeySource(keyring_user="p")) == "memory-secret-1"


def test_no_backend_gives_plain_error_with_next_step(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(secrets.ENV_BACKEND, "keyring.backends.fail.Keyring")
    assert not secrets.is_available()
    with pytest.raises(KeyringUnavailableError) as info:
        secrets.set_key("my-azure", "abc123456789")
    err = info.value
    assert err.kind is ErrorKind.KEYRING
    assert "OS keyring is not available" in err.message
    assert "environment variable" in err.next_step
    assert "Key from environment variable" in err.next_step
    assert "my-azure" in err.next_step
    assert "abc123456789" not in err.one_line()
    # an env-var source still works without any keyring
    monkeypatch.setenv("AZ_KEY", "env-key-123")
    assert secrets.get_key(KeySource(env_var="AZ_KEY")) == "env-key-123"


@pytest.mark.parametrize("backend", ["keyring.backends.fail.Keyring", f"{__name__}.BrokenKeyring"])
@pytest.mark.parametrize("call", ["get", "set", "delete"])
def test_each_face_words_the_next_step(
    monkeypatch: pytest.MonkeyPatch, backend: str, call: str
) -> None:
    monkeypatch.setenv(secrets.ENV_BACKEND, backend)
    hint = "Use: sora-desktop profile set-key p --api-key-env VAR"
    with pytest.raises(KeyringUnavailableError) as info:
        if call == "get":
            secrets.get_key(KeySource(keyring_user="p"), hint=hint)
        elif call == "set":
            secrets.set_key("p", "secret-value-1", hint=hint)
        else:
            secrets.delete_key("p", hint=hint)
    assert "OS keyring is not available" in info.value.message  # what happened: shared
    assert info.value.next_step == hint  # what to do: the asking face's own words


@pytest.mark.parametrize("call", ["get", "set", "delete"])
def test_backend_failures_are_mapped(monkeypatch: pytest.MonkeyPatch, call: str) -> None:
    monkeypatch.setenv(secrets.ENV_BACKEND, f"{__name__}.BrokenKeyring")
    with pytest.raises(KeyringUnavailableError, match="OS keyring is not available"):
        if call == "get":
            secrets.get_key(KeySource(keyring_user="p"))
        elif call == "set":
            secrets.set_key("p", "secret-value-1")
        else:
            secrets.delete_key("p")


def test_unloadable_backend(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(secrets.ENV_BACKEND, "no_such_module.Keyring")
    with pytest.raises(KeyringUnavailableError):
        secrets.get_key(KeySource(keyring_user="p"))
    assert secrets.backend_name() == "unavailable"
