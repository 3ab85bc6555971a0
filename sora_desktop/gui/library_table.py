"""The library's table: one row per generation, thumbnail and prompt first.

``LibraryTable(model, icon_size)`` sets itself up for the library (row selection, drag-out,
a fixed row height that fits the thumbnail and the prompt's three lines, the prompt column
painted by ``library_rows.PromptDelegate``). While the panel is narrow it hides the least
useful columns so the prompt keeps room to be read (:meth:`fit_columns`, also on resize);
the lines under the prompt still say size, length, model and date.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QSize, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from sora_desktop.gui.library_model import (
    COLUMN_WIDTHS,
    SORT_KEYS,
    Column,
    LibraryModel,
    columns_to_hide,
)
from sora_desktop.gui.library_rows import PromptDelegate


class LibraryTable(QTableView):
    """Reports its viewport's new width (``viewport_resized``). (Not an event filter on
    ``viewport()``: PySide's first ``viewport()`` call costs ~10 ms of type discovery, before
    the window's first paint.)"""

    viewport_resized = Signal(int)

    def __init__(
        self, model: LibraryModel, icon_size: QSize, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setModel(model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setDragEnabled(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.setDefaultDropAction(Qt.DropAction.CopyAction)
        self.setIconSize(icon_size)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setShowGrid(False)
        self.setAlternatingRowColors(True)
        rows = self.verticalHeader()
        rows.hide()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        # the thumbnail, or the prompt and its two lines of details, whichever is taller
        lines = self.fontMetrics().lineSpacing() * 3 + 10
        rows.setDefaultSectionSize(max(icon_size.height() + 8, lines))
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(Column.PROMPT, QHeaderView.ResizeMode.Stretch)
        header.setHighlightSections(False)
        for col, width in COLUMN_WIDTHS.items():
            header.resizeSection(col, width)
        self.viewport_resized.connect(self.fit_columns)
        self.setItemDelegateForColumn(Column.PROMPT, PromptDelegate(self))
        self.setSortingEnabled(True)
        self.sortByColumn(Column.DATE, Qt.SortOrder.DescendingOrder)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self._model = model

    def sort_by(self, key: str, descending: bool) -> None:
        """Sort by a store sort key: through the column header when the key has a column
        (its arrow shows), else with no column marked."""
        order = Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder
        column = next((c for c, k in SORT_KEYS.items() if k == key), None)
        if column is not None:
            self.sortByColumn(column, order)
        else:
            self.horizontalHeader().setSortIndicator(-1, order)  # the model ignores column -1
            self._model.set_order(key, descending)

    def reveal(self, job_id: str) -> bool:
        """Load pages until the job's row is there, then select it and scroll to it."""
        model = self._model
        while model.row_of(job_id) < 0 and model.canFetchMore(QModelIndex()):
            model.fetchMore(QModelIndex())
        row = model.row_of(job_id)
        if row < 0:
            return False
        self.selectionModel().select(
            model.index(row, 0),
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.scrollTo(model.index(row, 0))
        return True

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and isinstance(event, QResizeEvent):
            self.viewport_resized.emit(event.size().width())
        return super().viewportEvent(event)

    def fit_columns(self, viewport_width: int | None = None) -> None:
        """Hide the least useful columns while the panel is narrow, so the prompt (with its
        thumbnail) always keeps room to be read; show them again when there is space."""
        width = self.viewport().width() if viewport_width is None else viewport_width
        hidden = columns_to_hide(width)
        for col in COLUMN_WIDTHS:
            self.setColumnHidden(col, col in hidden)
