"""Our set_key/get_key/delete_key against the REAL Windows Credential Manager.

keyring's ``WinVaultKeyring`` keeps one generic credential per service; a second user of the
same service moves the first to ``<user>@<service>``. Two profiles must each get their own
key back, and forgetting one must leave the other. Runs on Windows (and under Wine, whose
Credential Manager is real too: ``python3 dev.py test-windows``); elsewhere it is skipped.
The credentials are written under a test-only service name, never ``sora-desktop``.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator

import pytest

from sora_desktop.core import secrets
from sora_desktop.core.models import KeySource

pytestmark = pytest.mark.skipif(
    sys.platform != "win32", reason="Credential Manager is the Windows keyring"
)

BACKEND = "keyring.backends.Windows.WinVaultKeyring"


@pytest.fixture
def vault(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    service = "sora-desktop-test"
    monkeypatch.setattr(secrets, "SERVICE", service)
    monkeypatch.setenv(secrets.ENV_BACKEND, BACKEND)
    yield service
    for user in ("win-a", "win-b"):
        secrets.delete_key(user)
    monkeypatch.setenv(secrets.ENV_BACKEND, "sora_desktop.core.secrets.MemoryKeyring")
    secrets.current_backend()  # back to the test keyring for the tests that follow


def _targets(service: str) -> list[str]:
    from win32ctypes.pywin32 import pywintypes, win32cred

    try:
        creds = win32cred.CredEnumerate(None, 0)
    except pywintypes.error as exc:
        if exc.winerror != 1168:  # ERROR_NOT_FOUND: no credentials at all
            raise
        creds = []
    return sorted(c["TargetName"] for c in creds if c["TargetName"].endswith(service))


def test_keys_round_trip_through_the_credential_manager(vault: str) -> None:
    assert secrets.is_available()
    assert "Windows" in type(secrets.current_backend()).__module__
    key_a = "sk-proj-Credential-Manager-A-0123456789"
    key_b = "sk-proj-Credential-Manager-B-ÄÖÜ-密钥"  # Credential Manager stores UTF-16
    secrets.set_key("win-a", key_a)
    secrets.set_key("win-b", key_b)
    assert secrets.get_key(KeySource(keyring_user="win-a")) == key_a
    assert secrets.get_key(KeySource(keyring_user="win-b")) == key_b
    # what a creator sees in Credential Manager (docs/install.md, Uninstall)
    assert _targets(vault) == sorted([vault, f"win-a@{vault}"])
    secrets.delete_key("win-a")
    assert secrets.get_key(KeySource(keyring_user="win-a")) is None
    assert secrets.get_key(KeySource(keyring_user="win-b")) == key_b
    secrets.delete_key("win-b")
    assert secrets.get_key(KeySource(keyring_user="win-b")) is None
    assert _targets(vault) == []
