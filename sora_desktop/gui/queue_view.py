"""The queue: jobs with a progress bar, status, elapsed time and a Cancel button per row."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QMouseEvent, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from sora_desktop.gui.queue_model import (
    COL_CANCEL,
    COL_ELAPSED,
    COL_FORMAT,
    COL_MODEL,
    COL_PROGRESS,
    COL_PROMPT,
    COL_STATUS,
    JOB_ID_ROLE,
    PROGRESS_ROLE,
    QueueModel,
)
from sora_desktop.usecases.status import is_retryable

if TYPE_CHECKING:
    # the delegates' style options are made when a row is first painted (PySide6 makes a
    # class and its enums when its name is first imported): none is before the first paint
    from PySide6.QtGui import QPainter
    from PySide6.QtWidgets import QStyleOptionButton, QStyleOptionViewItem

_Index = QModelIndex | QPersistentModelIndex
#: the prompt column keeps room for about this many characters before Format is hidden
PROMPT_MIN_CHARS = 24


class _QueueTable(QTableView):
    """Reports its viewport's new width (as the library's table does)."""

    viewport_resized = Signal(int)

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and isinstance(event, QResizeEvent):
            self.viewport_resized.emit(event.size().width())
        return super().viewportEvent(event)


class ProgressDelegate(QStyledItemDelegate):
    """Paints the progress column as a native progress bar."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        from PySide6.QtWidgets import QStyleOptionProgressBar

        bar = QStyleOptionProgressBar()
        bar.rect = option.rect.adjusted(3, 4, -3, -4)
        bar.minimum = 0
        bar.maximum = 100
        bar.progress = int(index.data(PROGRESS_ROLE) or 0)
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")  # e.g. "Failed: why"
        room = bar.rect.width() - 8
        bar.text = option.fontMetrics.elidedText(text, Qt.TextElideMode.ElideRight, room)
        bar.textVisible = True
        bar.state = option.state | QStyle.StateFlag.State_Horizontal
        bar.palette = option.palette
        QApplication.style().drawControl(QStyle.ControlElement.CE_ProgressBar, bar, painter)


class CancelDelegate(QStyledItemDelegate):
    """Paints a push button in the last column (Cancel, or Retry… once a job ended without
    a video); a click emits ``clicked(job_id)``."""

    clicked = Signal(str)

    def _button(self, option: QStyleOptionViewItem, index: _Index) -> QStyleOptionButton | None:
        text = index.data(Qt.ItemDataRole.DisplayRole)
        if not text:
            return None
        from PySide6.QtWidgets import QStyleOptionButton

        button = QStyleOptionButton()
        button.rect = option.rect.adjusted(2, 2, -2, -2)
        button.text = str(text)
        button.state = QStyle.StateFlag.State_Enabled
        button.palette = option.palette
        return button

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        button = self._button(option, index)
        if button is not None:
            QApplication.style().drawControl(QStyle.ControlElement.CE_PushButton, button, painter)

    def editorEvent(
        self,
        event: QEvent,
        model: QAbstractItemModel,
        option: QStyleOptionViewItem,
        index: _Index,
    ) -> bool:
        if (
            event.type() == QEvent.Type.MouseButtonRelease
            and isinstance(event, QMouseEvent)
            and event.button() == Qt.MouseButton.LeftButton
            and index.data(Qt.ItemDataRole.DisplayRole)
            and QRect(option.rect).contains(event.position().toPoint())
        ):
            self.clicked.emit(str(index.data(JOB_ID_ROLE)))
            return True
        return False


class QueueView(QWidget):
    """Signals (the window confirms both requests): ``cancel_requested(job_id)`` from a
    running row's button, ``retry_requested(job_id)`` from the button of a row that ended
    without a video; ``activated(job_id)`` on a double click."""

    cancel_requested = Signal(str)
    retry_requested = Signal(str)
    activated = Signal(str)

    def __init__(self, model: QueueModel | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model or QueueModel(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        header = QHBoxLayout()
        self.title = QLabel(self)
        header.addWidget(self.title)
        header.addStretch(1)
        self.clear_button = QPushButton(self.tr("Clear finished"), self)
        self.clear_button.clicked.connect(self.model.clear_finished)
        header.addWidget(self.clear_button)
        layout.addLayout(header)
        self.table = _QueueTable(self)
        self.table.setObjectName("queue_table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setShowGrid(False)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        hh = self.table.horizontalHeader()
        # Fixed widths: ResizeToContents would re-measure every cell on every progress tick.
        hh.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        hh.setSectionResizeMode(COL_PROMPT, QHeaderView.ResizeMode.Stretch)
        metrics = self.fontMetrics()
        for col, sample in (
            (COL_FORMAT, "sora-2 · 1280x720 · 12 s"),
            (COL_PROGRESS, "Waiting in line 100%" + "      "),
            (COL_STATUS, "Waiting in line"),
            (COL_ELAPSED, "00:00"),
            (COL_CANCEL, self.tr("Cancel") + "  "),
        ):
            hh.resizeSection(col, metrics.horizontalAdvance(sample) + 20)
        hh.setMinimumSectionSize(40)
        hh.setStretchLastSection(False)
        self._prompt_min = metrics.averageCharWidth() * PROMPT_MIN_CHARS
        self._format_width = hh.sectionSize(COL_FORMAT)
        self._elapsed_width = hh.sectionSize(COL_ELAPSED)
        self.table.viewport_resized.connect(self.fit_columns)
        # The bar shows the status and the format the model: keep the table narrow.
        self.table.setColumnHidden(COL_MODEL, True)
        self.table.setColumnHidden(COL_STATUS, True)
        self.table.verticalHeader().setDefaultSectionSize(metrics.height() + 14)
        self.progress_delegate = ProgressDelegate(self.table)
        self.table.setItemDelegateForColumn(COL_PROGRESS, self.progress_delegate)
        self.cancel_delegate = CancelDelegate(self.table)
        self.cancel_delegate.clicked.connect(self._on_row_button)
        self.table.setItemDelegateForColumn(COL_CANCEL, self.cancel_delegate)
        self.table.doubleClicked.connect(self._on_double_click)
        layout.addWidget(self.table, 1)
        # ONE timer for every row's elapsed time.
        self.timer = QTimer(self)
        self.timer.setInterval(1000)
        self.timer.timeout.connect(self.model.tick)
        self.timer.start()
        for signal in (self.model.rowsInserted, self.model.rowsRemoved, self.model.dataChanged):
            signal.connect(self._update_title)
        self._update_title()

    def fit_columns(self, viewport_width: int | None = None) -> None:
        """The prompt takes the spare width (it stretches); when the queue is too narrow
        for it to stay readable, the Format column makes way, then (very narrow) Elapsed."""
        width = self.table.viewport().width() if viewport_width is None else viewport_width
        hh = self.table.horizontalHeader()
        kept = hh.sectionSize(COL_PROGRESS) + hh.sectionSize(COL_CANCEL)
        # the widths they have while shown (a hidden section reports 0)
        spare = width - kept - self._elapsed_width
        self.table.setColumnHidden(COL_FORMAT, spare - self._format_width < self._prompt_min)
        self.table.setColumnHidden(COL_ELAPSED, spare < self._prompt_min)

    def _on_row_button(self, job_id: str) -> None:
        row = self.model.job_row(job_id)
        if row is None:
            return
        if not row.status.is_terminal:
            self.cancel_requested.emit(job_id)
        elif is_retryable(row.status):
            self.retry_requested.emit(job_id)

    def _on_double_click(self, index: QModelIndex) -> None:
        self.activated.emit(str(index.data(JOB_ID_ROLE)))

    def _update_title(self) -> None:
        active = self.model.active_count()
        self.title.setText(
            self.tr("<b>Queue</b> — {0} running").format(active)
            if active
            else self.tr("<b>Queue</b> — nothing running")
        )
        has_finished = any(row.status.is_terminal for row in self.model.rows())
        self.clear_button.setEnabled(has_finished)
