"""The window's batch operations (a mixin of :class:`~sora_desktop.gui.operations.Operations`:
``ops.batch_start(...)`` etc.) and :class:`BatchEvents`, the runner's events on the GUI thread."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal

from sora_desktop.gui.op import Op, OperationsBase, Report

if TYPE_CHECKING:
    from sora_desktop.core.batch.preview import BatchPreview
    from sora_desktop.core.batch.runner import BatchEvent, BatchRunner, BatchSummary
    from sora_desktop.core.batch.store import BatchInfo, BatchRow
    from sora_desktop.core.models import Connection
    from sora_desktop.gui.controller import Controller
    from sora_desktop.usecases import batch as batch_usecase


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


class BatchOperations(OperationsBase):
    """Batches (usecases.batch): one runner, made on first use."""

    #: the batch runner's events on the GUI thread (set by the constructor of Operations)
    batch_events: BatchEvents
    _batch_runner: BatchRunner | None

    def _batches(self) -> tuple[Controller, BatchRunner]:
        """The window's one batch runner, on the controller's service (made on first use;
        its events reach :attr:`batch_events`)."""
        controller = self._controller
        assert controller is not None, "batches need the I/O thread"
        if self._batch_runner is None:
            from sora_desktop.core.batch.runner import BatchRunner

            assert self._library is not None, "batches need the library"
            runner = BatchRunner(controller.service, self._library)
            runner.subscribe(self.batch_events.deliver)
            self._batch_runner = runner
        return controller, self._batch_runner

    def batch_preview(
        self, *, parent: QObject | None, order: batch_usecase.BatchOrder, connection: Connection
    ) -> Op[BatchPreview]:
        """Read the file and preview every job (nothing is sent)."""
        from sora_desktop.usecases import batch as batch_usecase

        controller, _runner = self._batches()
        service, store = controller.service, self._library
        return Op(
            self,
            parent,
            lambda _report: batch_usecase.preview(order, connection, service, store=store),
        )

    def batch_start(
        self, *, parent: QObject | None, preview: BatchPreview, out_dir: Path | None
    ) -> Op[BatchInfo]:
        """Keep the previewed batch and start running it (its end comes as events)."""
        from sora_desktop.usecases import batch as batch_usecase

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
        from sora_desktop.usecases import batch as batch_usecase

        _controller, runner = self._batches()
        return Op(self, parent, coroutine=lambda: batch_usecase.resume(runner, batch_id))

    def batch_retry_failed(self, *, parent: QObject | None, batch_id: str) -> Op[list[int]]:
        """One more job for each failed row, sent at once (the rest of the batch is untouched)."""
        from sora_desktop.usecases import batch as batch_usecase

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

    def batch_list(
        self,
        *,
        parent: QObject | None,
        known: Mapping[str, batch_usecase.BatchOverview] | None = None,
        changed: Collection[str] | None = None,
        counted: Collection[str] = (),
    ) -> Op[list[batch_usecase.BatchOverview]]:
        """The batches, counted; with ``known`` only the ``changed`` ones counted again
        (``usecases.batch.list_batches``)."""
        from sora_desktop.usecases import batch as batch_usecase

        _controller, _runner = self._batches()
        store = self._library
        assert store is not None
        return Op(
            self,
            parent,
            lambda _report: batch_usecase.list_batches(
                store, known=known, changed=changed, counted=counted
            ),
        )

    def batch_rows(
        self, *, parent: QObject | None, batch_id: str, indexes: Collection[int] | None = None
    ) -> Op[list[BatchRow]]:
        """A batch's rows (only ``indexes`` when given)."""
        from sora_desktop.usecases import batch as batch_usecase

        _controller, _runner = self._batches()
        store = self._library
        assert store is not None
        return Op(self, parent, lambda _report: batch_usecase.batch_rows(store, batch_id, indexes))

    def batch_export_results(
        self, *, parent: QObject | None, batch_id: str, csv: Path | None, json: Path | None
    ) -> Op[list[Path]]:
        from sora_desktop.usecases import batch as batch_usecase

        _controller, _runner = self._batches()
        store = self._library
        assert store is not None
        return Op(
            self,
            parent,
            lambda _report: batch_usecase.export_results(store, batch_id, csv=csv, json=json),
        )

    def batch_contact_sheet(self, *, parent: QObject | None, batch_id: str, dest: Path) -> Op[Path]:
        from sora_desktop.usecases import batch as batch_usecase

        _controller, _runner = self._batches()
        store = self._library
        assert store is not None
        return Op(self, parent, lambda _report: batch_usecase.contact_sheet(store, batch_id, dest))
