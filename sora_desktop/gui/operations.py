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

from PySide6.QtCore import QObject, Qt, Signal
from shiboken6 import isValid

from ..core.models import Job
from ..usecases import library as library_usecase

if TYPE_CHECKING:
    from collections.abc import Coroutine

    from ..core.batch.preview import BatchPreview
    from ..core.batch.runner import BatchEvent, BatchRunner, BatchSummary
    from ..core.batch.store import BatchInfo, BatchRow
    from ..core.models import Connection
    from ..usecases import batch as batch_usecase
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


class LoopOp(Op[T]):
    """An operation that is a coroutine on the I/O loop (e.g. running a batch), not
    blocking work in a worker thread."""

    def __init__(
        self, ops: Operations, parent: QObject | None, coro: Callable[[], Coroutine[Any, Any, T]]
    ) -> None:
        super().__init__(ops, parent, lambda _report: _never())
        self.coro = coro


def _never() -> Any:
    raise RuntimeError("a loop operation runs on the I/O loop")


class BatchEvents(QObject):
    """The batch runner's events, delivered on the GUI thread (``happened(BatchEvent)``)."""

    happened = Signal(object)
    _from_io = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        #: the jobs batches made (the window neither plays nor announces each of them)
        self.job_ids: set[str] = set()
        self._from_io.connect(self.happened.emit, Qt.ConnectionType.QueuedConnection)

    def deliver(self, event: BatchEvent) -> None:  # the I/O thread
        if event.job_id is not None:
            self.job_ids.add(event.job_id)  # a set's add is atomic under the GIL
        self._from_io.emit(event)


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
        #: the batch runner's events on the GUI thread (the runner is made on first use)
        self.batch_events = BatchEvents()
        self._batch_runner: BatchRunner | None = None

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
        if self._controller is not None and self._controller.closed:
            return  # the window is closing: a late refresh (e.g. a timer's) has nowhere to go
        if isinstance(op, LoopOp):
            if self._controller is None:
                import asyncio

                try:
                    result = asyncio.run(op.coro())
                except Exception as exc:
                    op._failed(exc)
                    return
                op._succeeded(result)
                return
            self._controller.call(op.coro(), op._succeeded, op._failed)
            return
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

    # ----- batches (usecases.batch) --------------------------------------------------------

    def _batches(self) -> tuple[Controller, BatchRunner]:
        """The window's one batch runner, on the controller's service (made on first use;
        its events reach :attr:`batch_events`)."""
        controller = self._controller
        assert controller is not None, "batches need the I/O thread"
        if self._batch_runner is None:
            from ..core.batch.runner import BatchRunner

            runner = BatchRunner(controller.service, controller.store)
            runner.subscribe(self.batch_events.deliver)
            self._batch_runner = runner
        return controller, self._batch_runner

    def batch_preview(
        self, *, parent: QObject | None, order: batch_usecase.BatchOrder, connection: Connection
    ) -> Op[BatchPreview]:
        """Read the file and preview every job (nothing is sent)."""
        from ..usecases import batch as batch_usecase

        controller, _runner = self._batches()
        service, store = controller.service, controller.store
        return Op(
            self,
            parent,
            lambda _report: batch_usecase.preview(order, connection, service, store=store),
        )

    def batch_start(
        self, *, parent: QObject | None, preview: BatchPreview, out_dir: Path | None
    ) -> Op[BatchInfo]:
        """Keep the previewed batch and start running it (its end comes as events)."""
        from ..usecases import batch as batch_usecase

        controller, runner = self._batches()

        def work(_report: Report) -> BatchInfo:
            info = batch_usecase.start(runner, preview, out_dir=out_dir)
            controller.call(batch_usecase.run(runner, info.id), on_error=self.show_error)
            return info

        return Op(self, parent, work)

    def batch_resume(
        self, *, parent: QObject | None, batch_id: str | None = None
    ) -> Op[list[BatchSummary]]:
        """Continue one batch, or every unfinished one (after a restart)."""
        from ..usecases import batch as batch_usecase

        _controller, runner = self._batches()
        return LoopOp(self, parent, lambda: batch_usecase.resume(runner, batch_id))

    def batch_retry_failed(self, *, parent: QObject | None, batch_id: str) -> Op[list[int]]:
        """One more job for each failed row, sent at once (the rest of the batch is untouched)."""
        from ..usecases import batch as batch_usecase

        controller, runner = self._batches()

        def work(_report: Report) -> list[int]:
            rows = batch_usecase.retry_failed(runner, batch_id)
            if rows:
                controller.call(batch_usecase.run(runner, batch_id), on_error=self.show_error)
            return rows

        return Op(self, parent, work)

    def batch_cancel(self, *, parent: QObject | None, batch_id: str) -> Op[None]:
        """Send nothing more for the batch (jobs already sent carry on: they are paid)."""
        _controller, runner = self._batches()
        return Op(self, parent, lambda _report: runner.cancel(batch_id))

    def batch_list(self, *, parent: QObject | None) -> Op[list[batch_usecase.BatchOverview]]:
        from ..usecases import batch as batch_usecase

        controller, _runner = self._batches()
        store = controller.store
        return Op(self, parent, lambda _report: batch_usecase.list_batches(store))

    def batch_rows(self, *, parent: QObject | None, batch_id: str) -> Op[list[BatchRow]]:
        from ..usecases import batch as batch_usecase

        controller, _runner = self._batches()
        store = controller.store
        return Op(self, parent, lambda _report: batch_usecase.batch_rows(store, batch_id))

    def batch_export_results(
        self, *, parent: QObject | None, batch_id: str, csv: Path | None, json: Path | None
    ) -> Op[list[Path]]:
        from ..usecases import batch as batch_usecase

        controller, _runner = self._batches()
        store = controller.store
        return Op(
            self,
            parent,
            lambda _report: batch_usecase.export_results(store, batch_id, csv=csv, json=json),
        )

    def batch_contact_sheet(self, *, parent: QObject | None, batch_id: str, dest: Path) -> Op[Path]:
        from ..usecases import batch as batch_usecase

        controller, _runner = self._batches()
        store = controller.store
        return Op(self, parent, lambda _report: batch_usecase.contact_sheet(store, batch_id, dest))
