"""Connection profiles: saving one with its key, removing one with its key.

    save_profile(profiles, profile, key, *, new, keyring) -> ProfileSaved
        # the key to the keyring first, then profiles.json; ProfileNotSaved says which part
    remove_profile(profiles, profile_id, hint=None)    # and its key, when a keyring has it

The window runs these as operations (the keyring and the JSON file's fsync stay off the GUI
thread); ``sora-desktop profile remove`` calls :func:`remove_profile`. A key goes only to the
OS keyring, never into ``profiles.json``.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from sora_desktop.core.errors import KeyringUnavailableError, SoraError
from sora_desktop.core.models import Profile
from sora_desktop.usecases.connections import forget_key, has_stored_key, store_key

if TYPE_CHECKING:
    from sora_desktop.core.profiles import ProfileStore


@dataclass(frozen=True, slots=True)
class ProfileSaved:
    """What :func:`save_profile` did."""

    profile: Profile
    key_stored: bool  # the key given went to the keyring now
    has_key: bool  # the keyring holds a key for it now (stored now or before)


class ProfileNotSaved(Exception):
    """Saving refused: ``part`` is what failed ("key": the keyring, "profile": the file);
    ``message`` says why, in the creator's terms. Nothing is left half-saved."""

    def __init__(self, part: Literal["key", "profile"], message: str) -> None:
        super().__init__(message)
        self.part = part
        self.message = message


def save_profile(
    profiles: ProfileStore, profile: Profile, key: str | None, *, new: bool, keyring: bool
) -> ProfileSaved:
    """Store ``key`` in the keyring (when ``keyring``: the profile keeps its key there),
    then add (``new``) or update the profile. A new profile whose file write fails takes
    its just-stored key away again. Keyring and disk work: run it off the GUI thread."""
    key_stored = False
    if key and keyring:
        try:
            store_key(profile.id, key)
        except SoraError as err:
            raise ProfileNotSaved("key", err.one_line()) from err
        key_stored = True
    try:
        if new:
            profiles.add(profile)
        else:
            profiles.update(profile)
    except (SoraError, ValueError, KeyError) as exc:
        if key_stored and new:
            with contextlib.suppress(SoraError):  # don't leave a key for no profile
                forget_key(profile.id)
        raise ProfileNotSaved("profile", str(getattr(exc, "message", exc))) from exc
    has_key = key_stored or (keyring and has_stored_key(profile))
    return ProfileSaved(profile, key_stored=key_stored, has_key=has_key)


def remove_profile(profiles: ProfileStore, profile_id: str, *, hint: str | None = None) -> None:
    """Remove a profile and forget its key (no keyring: no key can be in one). Raises
    ``ValueError`` for the built-in simulator, ``KeyError`` for an unknown id."""
    profiles.remove(profile_id)
    from sora_desktop.core import secrets

    with contextlib.suppress(KeyringUnavailableError):
        secrets.delete_key(profile_id, hint=hint)
