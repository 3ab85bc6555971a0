"""The window's one operation API: each use case a named one-liner, run off the GUI thread.

After Anki's ``aqt.operations``: a panel or dialog asks for an operation by name, says what
to do with its outcome, and starts it::

    ops.export_clips(parent=self, jobs=jobs, options=options)
        .with_progress(lambda done, total: ...)
        .success(lambda paths: ...)
        .failure(lambda exc: ...)          # optional: else the one error presenter shows it
        .run_in_background()

The work runs on the I/O side (blocking disk and SQLite work in the I/O loop's worker
threads, coroutines on the loop itself) through the Controller, the one seam between the
threads; success, failure and progress come back on the GUI thread, and not at all once the
``parent`` widget is gone. Panels and dialogs get an :class:`Operations` and read-only
models: never the store, the keyring, the client or the loop thread.

A widget built on its own (a unit test, the self-test) gets ``Operations.inline()``: the
same API, run at once on the calling thread.

A new operation: a method here that calls the use case (``sora_desktop/usecases``).
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from PySide6.QtCore import QObject
from shiboken6 import isValid

from ..core.models import Job
from ..usecases import library as library_usecase

if TYPE_CHECKING:
    from ..usecases import export as export_usecase
    from .controller import Controller

T = TypeVar("T")
Report = Callable[[int, int], None]
Work = Callable[[Report], T]


def _no_progress(_done: int, _total: int) -> None:
    pass


class Op(Generic[T]):
    """One operation, configured with chained calls, started by :meth:`run_in_background`."""

    def __init__(self, ops: Operations, parent: QObject | None, work: Work[T]) -> None:
        self._ops = ops
        self._parent = parent
        self._work = work
        self._on_success: Callable[[T], None] | None = None
        self._on_failure: Callable[[BaseException], None] | None = None
        self._on_progress: Report | None = None

    def success(self, fn: Callable[[T], None]) -> Op[T]:
        self._on_success = fn
        return self

    def failure(self, fn: Callable[[BaseException], None]) -> Op[T]:
        """Handle a failure here instead of the error presenter."""
        self._on_failure = fn
        return self

    def with_progress(self, fn: Report) -> Op[T]:
        self._on_progress = fn
        return self

    def _alive(self) -> bool:
        return self._parent is None or isValid(self._parent)

    def _succeeded(self, result: Any) -> None:
        if self._alive() and self._on_success is not None:
            self._on_success(result)

    def _failed(self, error: BaseException) -> None:
        if not self._alive():
            return
        if self._on_failure is not None:
            self._on_failure(error)
        else:
            self._ops.show_error(error)

    def _progressed(self, done: int, total: int) -> None:
        if self._alive() and self._on_progress is not None:
            self._on_progress(done, total)

    def run_in_background(self) -> None:
        self._ops.start(self)


class Operations:
    """Runs :class:`Op` s through ``controller`` (None: inline, on the calling thread)."""

    def __init__(
        self,
        controller: Controller | None,
        show_error: Callable[[BaseException], None],
        folders: library_usecase.LibraryFolders,
        store: library_usecase.Deletes | None = None,
    ) -> None:
        self._controller = controller
        self.show_error = show_error
        self.folders = folders
        self._store = store if store is not None or controller is None else controller.store

    @classmethod
    def inline(
        cls,
        store: library_usecase.Deletes | None = None,
        folders: library_usecase.LibraryFolders | None = None,
        show_error: Callable[[BaseException], None] | None = None,
    ) -> Operations:
        def raise_it(error: BaseException) -> None:
            raise error

        return cls(
            None, show_error or raise_it, folders or library_usecase.LibraryFolders(()), store
        )

    def start(self, op: Op[Any]) -> None:
        if self._controller is None:
            try:
                result = op._work(op._progressed)
            except Exception as exc:
                op._failed(exc)
                return
            op._succeeded(result)
            return
        self._controller.run_blocking(op._work, op._succeeded, op._failed, op._progressed)

    # ----- the operations ------------------------------------------------------------------

    def export_clips(
        self,
        *,
        parent: QObject | None,
        jobs: Sequence[Job],
        options: export_usecase.ExportOptions,
        stop: Callable[[], bool] | None = None,
    ) -> Op[list[Path]]:
        """Copy clips into a folder (``usecases.export``); fails with ``ExportStopped``."""
        from ..usecases import export as export_usecase  # loads the copying code on first use

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
