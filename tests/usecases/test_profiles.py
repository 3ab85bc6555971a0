"""Saving and removing connection profiles with their keys (``usecases.profiles``): what the
connections dialog runs as operations and ``sora-desktop profile remove`` calls."""

from __future__ import annotations

from pathlib import Path

import pytest

from sora_desktop.core import secrets
from sora_desktop.core.models import ConnectionKind, KeySource, Profile
from sora_desktop.core.profiles import SIMULATOR_ID, ProfileStore, make_profile
from sora_desktop.usecases.profiles import ProfileNotSaved, remove_profile, save_profile

KEY = "sk-test-5f2c9a0d7e11b3"


@pytest.fixture
def profiles(tmp_path: Path) -> ProfileStore:
    return ProfileStore(tmp_path / "config" / "profiles.json")


def _gateway(profiles: ProfileStore) -> Profile:
    return make_profile(
        "Gateway",
        ConnectionKind.COMPATIBLE,
        base_url="https://gw.example/v1",
        existing=profiles.ids(),
    )


def _stored(profile_id: str) -> str | None:
    return secrets.get_key(KeySource(keyring_user=profile_id))


def test_a_new_profile_and_its_key_are_saved(profiles: ProfileStore) -> None:
    profile = _gateway(profiles)
    done = save_profile(profiles, profile, KEY, new=True, keyring=True)
    assert done.key_stored and done.has_key
    assert profiles.get(done.profile.id) == profile and _stored(done.profile.id) == KEY
    again = save_profile(profiles, profile, None, new=False, keyring=True)
    assert not again.key_stored and again.has_key  # the key saved before is still there


def test_a_refused_profile_leaves_no_key_behind(profiles: ProfileStore) -> None:
    profile = _gateway(profiles)
    save_profile(profiles, profile, None, new=True, keyring=True)
    with pytest.raises(ProfileNotSaved) as refused:  # the same id again: the file refuses
        save_profile(profiles, profile, KEY, new=True, keyring=True)
    assert refused.value.part == "profile" and refused.value.message
    assert _stored(profile.id) is None


def test_without_a_keychain_the_key_part_is_named_and_nothing_is_saved(
    profiles: ProfileStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    profile = _gateway(profiles)
    with pytest.raises(ProfileNotSaved) as refused:
        save_profile(profiles, profile, KEY, new=True, keyring=True)
    assert refused.value.part == "key"
    assert profiles.get(profile.id) is None


def test_removing_forgets_the_key_too(profiles: ProfileStore) -> None:
    profile = _gateway(profiles)
    save_profile(profiles, profile, KEY, new=True, keyring=True)
    remove_profile(profiles, profile.id)
    assert profiles.get(profile.id) is None and _stored(profile.id) is None
    with pytest.raises(ValueError):
        remove_profile(profiles, SIMULATOR_ID)
