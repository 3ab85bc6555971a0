"""The engine, assembled once for both faces: folders, the library, profiles, settings, the
service.

    engine = Engine.open(paths)                 # folders made, the library opened (or repaired)
    engine = Engine.open_on_use(paths)          # folders made, the library opened when first
                                                # used or by engine.open_library() (the window)
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

import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

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


class _LibraryOnUse:
    """Stands for the library of an :meth:`Engine.open_on_use` engine: the first attribute
    asked of it opens the library (``Engine.store``) and hands the attribute over."""

    __slots__ = ("_engine",)

    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    def __getattr__(self, name: str) -> Any:
        return getattr(self._engine.store, name)


class Engine:
    """Everything the engine needs, made once (see the module)."""

    def __init__(self, paths: AppPaths, store: JobStore | None, moved_aside: Path | None) -> None:
        self.paths = paths
        self._store = store
        self._moved_aside = moved_aside
        self._opening = threading.Lock()
        #: the library as the faces hold it: the store itself, or (opened on use) a stand-in
        #: that opens it at the first call
        on_use = cast("JobStore", _LibraryOnUse(self))
        self.library: JobStore = store if store is not None else on_use
        self.history = History(self.library)
        self._profiles: ProfileStore | None = None

    @classmethod
    def open(cls, paths: AppPaths) -> Engine:
        """Make the folders (``OSError`` when one can't be made) and open the library."""
        paths.ensure()
        store, moved = open_library(paths)
        return cls(paths, store, moved)

    @classmethod
    def open_on_use(cls, paths: AppPaths) -> Engine:
        """Make the folders (``OSError`` when one can't be made); the library is opened by
        :meth:`open_library` or by its first use, whichever comes first (the window opens
        it right after its first paint: importing and checking SQLite need not delay it)."""
        paths.ensure()
        return cls(paths, None, None)

    @property
    def is_open(self) -> bool:
        return self._store is not None

    def open_library(self) -> JobStore:
        """The library, opened now if it was not yet (a damaged one moved aside first:
        :attr:`moved_aside`); raises the :class:`SoraError` or ``OSError`` of the open."""
        store = self._store
        if store is None:
            with self._opening:
                if self._store is None:
                    self._store, self._moved_aside = open_library(self.paths)
                store = self._store
        return store

    @property
    def store(self) -> JobStore:
        """The library (opened on first use for an :meth:`open_on_use` engine)."""
        return self._store if self._store is not None else self.open_library()

    @property
    def moved_aside(self) -> Path | None:
        """Where a damaged library was moved when it was opened (None: it wasn't)."""
        return self._moved_aside

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
        if self._store is not None:  # never opened: nothing to close
            self._store.close()
