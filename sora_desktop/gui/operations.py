"""The window's one operation API: each use case a named one-liner, run off the GUI thread.

After Anki's ``aqt.operations``: a panel or dialog asks for an operation by name, says what
to do with its outcome, and starts it::

    ops.export_clips(parent=self, jobs=jobs, options=options)
        .with_progress(lambda done, total: ...)
        .success(lambda paths: ...)
        .failure(lambda exc: ...)          # optional: else the one error presenter shows it
        .run_in_background()

The work runs on the I/O side (blocking disk, SQLite and keyring work in the I/O loop's
worker threads, coroutines such as a connection test on the loop itself) through the
Controller, the one seam between the threads; success, failure and progress come back on the
GUI thread, and not at all once the ``parent`` widget is gone. Panels and dialogs get an
:class:`Operations` and read-only models: never the store, the keyring, the client or the
loop thread.

A widget built on its own (a unit test, the self-test) gets ``Operations.inline()``: the
same API, run at once on the calling thread.

A new operation: a method that calls the use case (``sora_desktop/usecases``), here or in the
mixin that owns its kind (``gui/story_operations.py``, ``gui/batch_operations.py``).
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Coroutine, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject

from sora_desktop.core.models import Job
from sora_desktop.gui.batch_operations import BatchEvents, BatchOperations
from sora_desktop.gui.op import AsyncWork, Op, Report, Work
from sora_desktop.gui.story_operations import EDITS, StoryOperations
from sora_desktop.usecases import library as library_usecase

if TYPE_CHECKING:
    from sora_desktop.core.builtin_simulator import SimulatorLink
    from sora_desktop.core.models import Connection, Profile
    from sora_desktop.core.paths import AppPaths
    from sora_desktop.core.profiles import ProfileStore
    from sora_desktop.gui.controller import Controller
    from sora_desktop.usecases import export as export_usecase
    from sora_desktop.usecases.connections import ConnectionReport
    from sora_desktop.usecases.library import Library as JobStore
    from sora_desktop.usecases.models import ModelDetails
    from sora_desktop.usecases.profiles import ProfileSaved

__all__ = ["EDITS", "AsyncWork", "BatchEvents", "Op", "Operations", "Report", "Work"]


class Operations(StoryOperations, BatchOperations):
    """Runs :class:`Op` s through ``controller`` (None: inline, on the calling thread)."""

    def __init__(
        self,
        controller: Controller | None,
        show_error: Callable[[BaseException], None],
        folders: library_usecase.LibraryFolders,
        store: library_usecase.Marks | None = None,
        paths: AppPaths | None = None,
        library: JobStore | None = None,
    ) -> None:
        self._controller = controller
        self.show_error = show_error
        self.folders = folders
        self._store = store  # the library's writes, handed over by the composition root
        #: the app's folders (a film is filed in the library's); None: a widget on its own
        self.paths = paths
        self._library = library
        #: the batch runner's events on the GUI thread (the runner is made on first use)
        self.batch_events = BatchEvents()
        self._batch_runner = None

    @classmethod
    def inline(
        cls,
        store: library_usecase.Marks | None = None,
        folders: library_usecase.LibraryFolders | None = None,
        show_error: Callable[[BaseException], None] | None = None,
        paths: AppPaths | None = None,
        library: JobStore | None = None,
    ) -> Operations:
        def raise_it(error: BaseException) -> None:
            raise error

        return cls(
            None,
            show_error or raise_it,
            folders or library_usecase.LibraryFolders(()),
            store,
            paths,
            library,
        )

    def start(self, op: Op[Any]) -> None:
        if self._controller is not None and self._controller.closed:
            return  # the window is closing: a late refresh (e.g. a timer's) has nowhere to go
        if self._controller is None:
            try:
                if op._coroutine is not None:
                    import asyncio

                    result = asyncio.run(op._coroutine())
                else:
                    assert op._work is not None
                    result = op._work(op._progressed)
            except Exception as exc:
                op._failed(exc)
                return
            op._succeeded(result)
            return
        if op._coroutine is not None:
            self._controller.call(op._coroutine(), op._succeeded, op._failed)
            return
        assert op._work is not None
        self._controller.run_blocking(op._work, op._succeeded, op._failed, op._progressed)

    # ----- the operations ------------------------------------------------------------------

    def model_details(
        self, *, parent: QObject | None, connection: Connection, model_id: str
    ) -> Op[ModelDetails]:
        """One provider model's settings (``usecases.models.model_details``): its schema
        fetched once on the I/O loop and cached on disk."""
        from sora_desktop.usecases import models as models_usecase

        controller = self._controller

        def make() -> Coroutine[Any, Any, ModelDetails]:
            assert controller is not None, "model details need the I/O service"
            return models_usecase.model_details(controller.service, connection, model_id)

        return Op(self, parent, coroutine=make)

    def export_clips(
        self,
        *,
        parent: QObject | None,
        jobs: Sequence[Job],
        options: export_usecase.ExportOptions,
        stop: Callable[[], bool] | None = None,
    ) -> Op[list[Path]]:
        """Copy clips into a folder (``usecases.export``); fails with ``ExportStopped``."""
        from sora_desktop.usecases import (
            export as export_usecase,  # loads the copying code on first use
        )

        chosen = list(jobs)
        return Op(
            self,
            parent,
            lambda report: export_usecase.export_clips(chosen, options, report, stop),
        )

    def delete_locally(
        self,
        *,
        parent: QObject | None,
        jobs: Sequence[Job],
        cached_files: Mapping[str, Path] | None = None,
    ) -> Op[library_usecase.LocalDeletion]:
        """Remove clips, thumbnails and rows under the one safety rule
        (``usecases.library``), then the window's cached files (``cached_files``: job id ->
        e.g. its cached first frame) of the jobs deleted."""
        chosen = list(jobs)
        cached = dict(cached_files or {})
        store = self._store
        assert store is not None, "Operations made without a store can't delete"
        folders = self.folders

        def work(report: Report) -> library_usecase.LocalDeletion:
            done = library_usecase.delete_locally(store, folders, chosen)
            for job_id in done.deleted:
                path = cached.get(job_id)
                if path is not None:
                    with contextlib.suppress(OSError):
                        path.unlink(missing_ok=True)
            return done

        return Op(self, parent, work)

    def set_favourite(
        self, *, parent: QObject | None, job_ids: Sequence[str], favourite: bool
    ) -> Op[list[str]]:
        """Mark (or unmark) jobs as favourites (``usecases.library``); the ids done."""
        chosen = list(job_ids)
        store = self._store
        assert store is not None, "Operations made without a store can't mark favourites"
        return Op(
            self,
            parent,
            lambda _report: library_usecase.set_favourite(store, chosen, favourite),
        )

    def test_connection(
        self,
        *,
        parent: QObject | None,
        connection: Connection,
        key: str | None,
        simulator: SimulatorLink | None,
        hint: str | None = None,
    ) -> Op[ConnectionReport]:
        """List videos once with a fresh client (``usecases.connections.check_connection``),
        on the I/O loop; the built-in simulator (``simulator``) is started there if needed."""
        from sora_desktop.usecases.connections import check_connection

        return Op(
            self,
            parent,
            coroutine=lambda: check_connection(connection, key=key, simulator=simulator, hint=hint),
        )

    def save_profile(
        self,
        *,
        parent: QObject | None,
        profiles: ProfileStore,
        profile: Profile,
        key: str | None,
        new: bool,
        keyring: bool,
    ) -> Op[ProfileSaved]:
        """Keep the key in the keyring, then the profile (``usecases.profiles``); fails with
        ``ProfileNotSaved`` naming the part refused."""
        from sora_desktop.usecases.profiles import save_profile

        return Op(
            self,
            parent,
            lambda _report: save_profile(profiles, profile, key, new=new, keyring=keyring),
        )

    def remove_profile(
        self, *, parent: QObject | None, profiles: ProfileStore, profile_id: str
    ) -> Op[None]:
        """Remove a profile and forget its key (``usecases.profiles``)."""
        from sora_desktop.usecases.profiles import remove_profile

        return Op(self, parent, lambda _report: remove_profile(profiles, profile_id))
