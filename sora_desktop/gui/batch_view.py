"""The Batches panel: each batch's rows and their status (held by the cap, failed and why,
ready and where), with "Retry failed", "Export results…" and "Contact sheet…".

Everything it reads or writes runs as an operation (``usecases.batch`` off the GUI thread).
Row events from the runner are coalesced: the rows are read again at most every
:data:`REFRESH_MS`, so a hundred jobs finishing keep the window responsive; and such a
refresh reads only what had events since the last one (the batches that had them counted
again, the shown batch's rows that had them), not every row of every batch.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Callable, Hashable
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDockWidget,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMainWindow,
    QPushButton,
    QStyle,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from sora_desktop.core.batch.store import BatchRow, BatchState, RowStatus
from sora_desktop.core.models import ConnectionKind
from sora_desktop.gui.batch_model import BatchRowsModel, money
from sora_desktop.gui.cost import free_note
from sora_desktop.gui.latest import LatestReads
from sora_desktop.gui.operations import Operations
from sora_desktop.usecases.row_status import row_status_word

if TYPE_CHECKING:  # the window is built before asyncio (and the runner) are imported
    from sora_desktop.core.batch.runner import BatchEvent, BatchSummary
    from sora_desktop.usecases.batch import BatchOverview

REFRESH_MS = 400
_Key = TypeVar("_Key", bound=Hashable)
#: #, row, prompt, model, seconds, cost, status (the file or reason takes the rest)
COLUMN_WIDTHS = (44, 200, 300, 110, 64, 70, 110)


def status_column_width(table: QTableView) -> int:
    """Wide enough for every row status's word (and the cell's margins)."""
    metrics = table.fontMetrics()
    widest = max(metrics.horizontalAdvance(row_status_word(s)) for s in RowStatus)
    margin = 2 * table.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin) + 16
    return max(COLUMN_WIDTHS[BatchRowsModel.STATUS], widest + margin)


class BatchPanel(QWidget):
    """``status(str)``: a line for the window's status bar."""

    status = Signal(str)

    def __init__(self, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("batch_panel")
        self._ops = ops
        self._batches: list[BatchOverview] = []
        self._loading = False
        self._reads = LatestReads()  # the batches and the rows are read in worker threads
        # what had events since it was last read, each with its event's number (a read
        # forgets only what it saw: an event during the read is read next time)
        self._events = 0
        self._changed_batches: dict[str, int] = {}
        self._changed_rows: dict[tuple[str, int | None], int] = {}  # None: all its rows
        self._shown: str | None = None  # the batch whose rows the table holds (all read)
        self._list_exact = False  # the last whole read of a kind was shown: the changes
        self._rows_exact = False  # alone bring it up to date
        self.chooser = QComboBox(self)
        self.chooser.setObjectName("batch_chooser")
        self.chooser.setMinimumContentsLength(30)
        self.chooser.currentIndexChanged.connect(lambda _i: self.refresh_rows())
        self.summary = QLabel(self.tr("No batches yet: File ▸ New batch…"), self)
        self.summary.setObjectName("batch_view_summary")
        self.retry_button = QPushButton(self.tr("Retry failed"), self)
        self.retry_button.setObjectName("batch_retry_button")
        self.retry_button.setToolTip(self.tr("A new job for each failed row (a new paid render)"))
        self.retry_button.clicked.connect(self.retry_failed)
        self.export_button = QPushButton(self.tr("Export results…"), self)
        self.export_button.setObjectName("batch_export_button")
        self.export_button.clicked.connect(self.export_results)
        self.sheet_button = QPushButton(self.tr("Contact sheet…"), self)
        self.sheet_button.setObjectName("batch_sheet_button")
        self.sheet_button.clicked.connect(self.contact_sheet)
        self.stop_button = QPushButton(self.tr("Stop sending"), self)
        self.stop_button.setObjectName("batch_stop_button")
        self.stop_button.setToolTip(self.tr("Send no more rows; jobs already sent finish"))
        self.stop_button.clicked.connect(self.stop_sending)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Batch:"), self))
        top.addWidget(self.chooser, 1)
        for button in (self.retry_button, self.export_button, self.sheet_button, self.stop_button):
            top.addWidget(button)
        self.model = BatchRowsModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("batch_rows_table")
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        # fixed widths: measuring every cell of a big batch would pause the GUI thread
        for column, width in enumerate(COLUMN_WIDTHS):
            self.table.setColumnWidth(column, width)
        # the status column fits its longest word (a handful, measured once), in any language
        self.table.setColumnWidth(BatchRowsModel.STATUS, status_column_width(self.table))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.summary)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(REFRESH_MS)
        self._timer.timeout.connect(self._refresh_changed)
        ops.batch_events.happened.connect(self._on_event)
        self._update_buttons()

    # -- reading ------------------------------------------------------------------------

    def made_job(self, job_id: str) -> bool:
        """Did a batch make this job (this session)?"""
        return job_id in self._ops.batch_events.job_ids

    def current_id(self) -> str | None:
        data = self.chooser.currentData()
        return str(data) if data else None

    def _on_event(self, event: BatchEvent) -> None:
        self._events += 1
        self._changed_batches[event.batch_id] = self._events
        # the batch itself, or the cap holding this row and every one after it: all rows
        whole = event.index is None or event.status is RowStatus.HELD
        self._changed_rows[(event.batch_id, None if whole else event.index)] = self._events
        if not self._timer.isActive():
            self._timer.start()

    def refresh(self, select: str | None = None) -> None:
        """Read the batches (and the chosen one's rows) again, all of them."""
        self._read_list(select, changed_only=False)

    def _refresh_changed(self) -> None:
        """Read again only what had events since the last read."""
        self._read_list(None, changed_only=True)

    def _read_list(self, select: str | None, *, changed_only: bool) -> None:
        chosen = select or self.current_id()
        read = self._reads.start("list")
        seen = self._events
        changed_only = changed_only and self._list_exact
        if not changed_only:
            self._list_exact = False
        known = {o.info.id: o for o in self._batches} if changed_only else None
        changed = set(self._changed_batches) if changed_only else None
        # the shown batch is counted from its rows (only those that changed are read)
        counted = [self._shown] if changed_only and self._rows_exact and self._shown else []
        self._ops.batch_list(parent=self, known=known, changed=changed, counted=counted).success(
            lambda found: self._listed(found, chosen, read=read, seen=seen, whole=not changed_only)
        ).run_in_background()

    def _listed(
        self,
        found: list[BatchOverview],
        chosen: str | None,
        *,
        read: int | None = None,
        seen: int | None = None,
        whole: bool = True,
    ) -> None:
        if read is not None and not self._reads.is_latest("list", read):
            return  # a later read was started: it shows a newer state
        if seen is not None:
            _forget(self._changed_batches, seen)
            self._list_exact = self._list_exact or whole
        self._batches = found
        self._loading = True
        ids = [o.info.id for o in found]
        texts = [self._chooser_text(o) for o in found]
        listed = [self.chooser.itemData(i) for i in range(self.chooser.count())]
        if listed == ids:  # the same batches, further on: only the texts that changed
            for i, text in enumerate(texts):
                if self.chooser.itemText(i) != text:
                    self.chooser.setItemText(i, text)
        else:
            self.chooser.clear()
            for text, batch_id in zip(texts, ids, strict=True):
                self.chooser.addItem(text, batch_id)
        self.chooser.setCurrentIndex(ids.index(chosen) if chosen in ids else 0)
        self._loading = False
        self.refresh_rows(changed_only=not whole)

    def _chooser_text(self, overview: BatchOverview) -> str:
        info = overview.info
        return self.tr("{name} · {ready}/{rows} ready · {state}").format(
            name=info.name,
            ready=overview.count(RowStatus.READY),
            rows=overview.rows,
            state=self._state_text(info.state),
        )

    def _state_text(self, state: BatchState) -> str:
        return {
            BatchState.ACTIVE: self.tr("running"),
            BatchState.DONE: self.tr("done"),
            BatchState.CANCELLED: self.tr("stopped"),
        }[state]

    def refresh_rows(self, *, changed_only: bool = False) -> None:
        """Read the chosen batch's rows again (``changed_only``: those that had events, when
        the table holds that batch's rows as a whole read showed them)."""
        if self._loading:
            return
        batch_id = self.current_id()
        if batch_id is None:
            self.model.set_rows([])
            self._shown = None
            self.summary.setText(self.tr("No batches yet: File ▸ New batch…"))
            self._update_buttons()
            return
        seen = self._events
        indexes: set[int] | None = None
        changed = {i for (b, i) in self._changed_rows if b == batch_id}
        if changed_only and self._rows_exact and self._shown == batch_id and None not in changed:
            indexes = {i for i in changed if i is not None}
            if not indexes:  # none of its rows moved: its line may have (the summary)
                self._rows_read(batch_id, [], seen=seen, part=True)
                return
        else:
            self._rows_exact = False
        read = self._reads.start("rows")
        self._ops.batch_rows(parent=self, batch_id=batch_id, indexes=indexes).success(
            lambda rows: self._rows_read(
                batch_id, rows, read=read, seen=seen, part=indexes is not None
            )
        ).run_in_background()

    def _rows_read(
        self,
        batch_id: str,
        rows: list[BatchRow],
        *,
        read: int | None = None,
        seen: int | None = None,
        part: bool = False,
    ) -> None:
        if batch_id != self.current_id() or (
            read is not None and not self._reads.is_latest("rows", read)
        ):
            return  # another batch is shown now, or a later read shows a newer state
        if part and self._shown != batch_id:
            self.refresh_rows()  # the table holds another batch now: read them all
            return
        if seen is not None:
            _forget(self._changed_rows, seen, lambda key: key[0] == batch_id)
        if part:
            fresh = {r.index: r for r in rows}
            rows = [fresh.get(r.index, r) for r in self.model.rows()]
        else:
            self._shown = batch_id
            self._rows_exact = True
        self.model.set_rows(rows)
        self._count_shown(batch_id)
        overview = next((o for o in self._batches if o.info.id == batch_id), None)
        self.summary.setText(self._summary(rows, overview))
        self._update_buttons()

    def _count_shown(self, batch_id: str) -> None:
        """The shown batch's counts from its rows as the table holds them (its line too)."""
        counts = Counter(r.status for r in self.model.rows())
        for i, overview in enumerate(self._batches):
            if overview.info.id == batch_id and overview.counts != counts:
                self._batches[i] = dataclasses.replace(overview, counts=dict(counts))
                at = self.chooser.findData(batch_id)
                if at >= 0:
                    self.chooser.setItemText(at, self._chooser_text(self._batches[i]))

    def _summary(self, rows: list[BatchRow], overview: BatchOverview | None) -> str:
        m = self.model
        text = self.tr(
            "{ready} ready, {running} running, {waiting} waiting, {failed} failed of {total}."
        ).format(
            ready=m.count(RowStatus.READY),
            running=m.count(RowStatus.RUNNING, RowStatus.SENDING),
            waiting=m.count(RowStatus.PENDING, RowStatus.INTERRUPTED),
            failed=m.count(RowStatus.FAILED, RowStatus.EXPIRED),
            total=len(rows),
        )
        held = m.count(RowStatus.HELD)
        invalid = m.count(RowStatus.INVALID)
        if invalid:
            text += " " + self.tr("{n} invalid (never sent).").format(n=invalid)
        if overview is not None:
            cap = overview.info.cap
            spent = money(overview.committed)
            if overview.info.connection.kind is ConnectionKind.SIMULATOR:
                # notional (what the Videos API would charge, so the cap can be tried)
                spent += " " + free_note()
            text += " " + self.tr("Estimated spent: {spent} (cap: {cap}).").format(
                spent=spent,
                cap=money(cap) if cap is not None else self.tr("none"),
            )
        if held:
            text += " " + self.tr("{n} held by the cap.").format(n=held)
        return text

    def _update_buttons(self) -> None:
        chosen = self.current_id() is not None
        m = self.model
        self.retry_button.setEnabled(chosen and m.count(RowStatus.FAILED, RowStatus.EXPIRED) > 0)
        self.export_button.setEnabled(chosen and m.rowCount() > 0)
        self.sheet_button.setEnabled(chosen and m.count(RowStatus.READY) > 0)
        overview = next((o for o in self._batches if o.info.id == self.current_id()), None)
        self.stop_button.setEnabled(
            overview is not None and overview.info.state is BatchState.ACTIVE
        )

    # -- acting -------------------------------------------------------------------------

    def resume_unfinished(self) -> None:
        """On start: continue every unfinished batch, and say so in the status bar."""

        def listed(found: list[BatchOverview]) -> None:
            active = [o for o in found if o.info.state is BatchState.ACTIVE]
            self._listed(found, None)
            if not active:
                return
            self.status.emit(
                self.tr("Continuing {n} unfinished batch(es): nothing is sent twice.").format(
                    n=len(active)
                )
            )
            self._ops.batch_resume(parent=self).success(self._resumed).run_in_background()

        self._ops.batch_list(parent=self).success(listed).run_in_background()

    def _resumed(self, summaries: list[BatchSummary]) -> None:
        self.refresh()
        done = sum(1 for s in summaries if s.finished)
        self.status.emit(self.tr("{n} batch(es) finished.").format(n=done))

    def show_batch(self, batch_id: str) -> None:
        self.refresh(select=batch_id)

    def retry_failed(self) -> None:
        batch_id = self.current_id()
        if batch_id is None:
            return
        self.retry_button.setEnabled(False)

        def retried(rows: list[int]) -> None:
            self.status.emit(self.tr("Retrying {n} failed rows as new jobs.").format(n=len(rows)))
            self.refresh()

        self._ops.batch_retry_failed(parent=self, batch_id=batch_id).success(
            retried
        ).run_in_background()

    def stop_sending(self) -> None:
        batch_id = self.current_id()
        if batch_id is None:
            return
        self._ops.batch_cancel(parent=self, batch_id=batch_id).success(
            lambda _none: self.refresh()
        ).run_in_background()

    def export_results(self) -> None:
        batch_id = self.current_id()
        if batch_id is None:
            return
        path, chosen = QFileDialog.getSaveFileName(
            self,
            self.tr("Export results"),
            "results.csv",
            self.tr("CSV (*.csv);;JSON (*.json)"),
        )
        if path:
            self.export_to(
                Path(path), json=path.lower().endswith(".json") or "json" in chosen.lower()
            )

    def export_to(self, path: Path, *, json: bool) -> None:
        batch_id = self.current_id()
        if batch_id is None:
            return
        self._ops.batch_export_results(
            parent=self,
            batch_id=batch_id,
            csv=None if json else path,
            json=path if json else None,
        ).success(
            lambda paths: self.status.emit(self.tr("Results saved to {path}").format(path=paths[0]))
        ).run_in_background()

    def contact_sheet(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Contact sheet"), "contact-sheet.png", self.tr("Images (*.png *.jpg)")
        )
        if path:
            self.sheet_to(Path(path))

    def sheet_to(self, path: Path) -> None:
        batch_id = self.current_id()
        if batch_id is None:
            return
        self._ops.batch_contact_sheet(parent=self, batch_id=batch_id, dest=path).success(
            lambda made: self.status.emit(
                self.tr("Contact sheet saved to {path}").format(path=made)
            )
        ).run_in_background()


def dock_panel(window: QMainWindow, panel: BatchPanel) -> QDockWidget:
    """Dock ``panel`` under the window's library and queue; hidden until a batch starts or
    File ▸ Batches asks for it."""
    dock = QDockWidget(QCoreApplication.translate("BatchPanel", "Batches"), window)
    dock.setObjectName("batch_dock")
    dock.setWidget(panel)
    dock.setAllowedAreas(
        Qt.DockWidgetArea.BottomDockWidgetArea | Qt.DockWidgetArea.RightDockWidgetArea
    )
    window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
    dock.hide()
    return dock


def _forget(
    changed: dict[_Key, int], seen: int, read: Callable[[_Key], bool] = lambda _key: True
) -> None:
    """Drop what a read that started after event number ``seen`` has shown (of the keys
    it ``read``)."""
    for key in [k for k, n in changed.items() if n <= seen and read(k)]:
        del changed[key]
