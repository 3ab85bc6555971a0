"""The engine, assembled once for both faces: folders, the library, profiles, settings, the
service.

    engine = Engine.open(paths)                 # folders made, the library opened (or repaired)
    engine.store / engine.moved_aside           # the library; where a damaged one was moved
    engine.history                              # the library read-only (usecases.history)
    engine.profiles                             # connection profiles (profiles.json)
    engine.settings()                           # the user settings (settings.json), read now
    engine.service(builtin_simulator=..., key_lookup=..., pacing=..., **kw) -> GenerationService
    engine.close()

    ensure_folders(paths, hint) / open_library(paths) / make_service(store, paths, ...)
        # the same steps one at a time (the CLI opens the library per command)

The window (``gui/app.py``) opens one :class:`Engine` for its life; each CLI command opens the
library through :func:`open_library` and makes its service with :func:`make_service`. A
service is paced by the user settings both faces share (settings.json) unless told otherwise;
keys are looked up the engine's way unless a face passes its own wording (``key_lookup``).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from sora_desktop.core.errors import DiskError
from sora_desktop.core.paths import AppPaths
from sora_desktop.usecases.history import History

if TYPE_CHECKING:
    from sora_desktop.core.profiles import ProfileStore
    from sora_desktop.core.service import GenerationService
    from sora_desktop.core.settings import Settings
    from sora_desktop.core.store import JobStore


def ensure_folders(paths: AppPaths, *, hint: str) -> None:
    """Make the app's folders; a folder that can't be made is a :class:`DiskError` whose
    next step is ``hint`` (the face's way to pick another folder)."""
    try:
        paths.ensure()
    except OSError as exc:
        raise DiskError(f"Can't create the app's folders ({exc.strerror or exc}).", hint) from None


def open_library(paths: AppPaths) -> tuple[JobStore, Path | None]:
    """The library (SQLite); a damaged file is moved aside (its new name returned) and an
    empty library started."""
    from sora_desktop.core.store import JobStore

    return JobStore.open_or_recover(paths.db_path)


def make_service(store: JobStore, paths: AppPaths, **kw: Any) -> GenerationService:
    """The job engine over ``store``, paced by the user settings (settings.json) unless
    ``pacing`` is given; ``kw`` as ``GenerationService`` takes it."""
    from sora_desktop.core import settings
    from sora_desktop.core.service import GenerationService

    if kw.get("pacing") is None:
        kw["pacing"] = settings.load(paths.settings_path).pacing()
    return GenerationService(store, paths, **kw)


class Engine:
    """Everything the engine needs, made once (see the module)."""

    def __init__(self, paths: AppPaths, store: JobStore, moved_aside: Path | None) -> None:
        self.paths = paths
        self.store = store
        self.moved_aside = moved_aside
        self.history = History(store)
        self._profiles: ProfileStore | None = None

    @classmethod
    def open(cls, paths: AppPaths) -> Engine:
        """Make the folders (``OSError`` when one can't be made) and open the library."""
        paths.ensure()
        store, moved = open_library(paths)
        return cls(paths, store, moved)

    @property
    def profiles(self) -> ProfileStore:
        """The connection profiles (read on first use)."""
        if self._profiles is None:
            from sora_desktop.core.profiles import ProfileStore

            self._profiles = ProfileStore(self.paths.profiles_path)
        return self._profiles

    def settings(self) -> Settings:
        """The user settings as settings.json holds them now."""
        from sora_desktop.core import settings

        return settings.load(self.paths.settings_path)

    def service(self, **kw: Any) -> GenerationService:
        """A job engine over this library (see :func:`make_service`)."""
        return make_service(self.store, self.paths, **kw)

    def close(self) -> None:
        self.store.close()
