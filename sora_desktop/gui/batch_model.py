"""Read-only table models of a batch: its preview (before anything is sent) and its rows
(each with its latest job). Plain data in (``core.batch``); no I/O here."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from sora_desktop.core.batch.preview import PreviewRow
from sora_desktop.core.batch.store import BatchRow, RowStatus
from sora_desktop.usecases.row_status import row_status_word

Index = QModelIndex | QPersistentModelIndex
_PROBLEM = QColor(200, 60, 40)
_HELD = QColor(150, 110, 20)


def _t(text: str) -> str:
    return QCoreApplication.translate("BatchModel", text)


def money(value: float | None) -> str:
    return _t("unknown") if value is None else f"${value:,.2f}"


def _headers_preview() -> list[str]:
    return [
        "#",
        _t("Row"),
        _t("Prompt"),
        _t("Model"),
        _t("Size"),
        _t("Seconds"),
        _t("Seed"),
        _t("Cost"),
        _t("Status"),
    ]


def _headers_rows() -> list[str]:
    return [
        "#",
        _t("Row"),
        _t("Prompt"),
        _t("Model"),
        _t("Seconds"),
        _t("Cost"),
        _t("Status"),
        _t("File or reason"),
    ]


class _RowsTable(QAbstractTableModel):
    """A flat table of ``_rows`` under the column titles ``_headers`` (both models below)."""

    _rows: Sequence[object]
    _headers: Sequence[str]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._headers[section]
        return None


class BatchPreviewModel(_RowsTable):
    """Every job of a previewed batch; invalid rows say why, held rows say so."""

    STATUS = 8

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[PreviewRow] = []
        self._headers = _headers_preview()

    def set_rows(self, rows: Sequence[PreviewRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> PreviewRow:
        return self._rows[row]

    @staticmethod
    def status_text(row: PreviewRow) -> str:
        if not row.valid:
            return _t("Invalid: {reason}").format(reason=row.problem)
        if row.held:
            return _t("Held by the cap")
        if row.note:
            return _t("To send (seed not sent)")
        return _t("To send")

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            request = row.request
            values = (
                row.job.index,
                row.job.label,
                " ".join(request.prompt.split()),
                request.model,
                request.size,
                request.seconds,
                "" if row.job.seed is None else row.job.seed,
                money(row.estimated_cost),
                self.status_text(row),
            )
            return values[column]
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == self.STATUS:
                return row.problem or row.note or None
            if column == 2:
                return row.request.prompt
        if role == Qt.ItemDataRole.ForegroundRole and column == self.STATUS:
            if not row.valid:
                return QBrush(_PROBLEM)
            if row.held:
                return QBrush(_HELD)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (0, 5, 6, 7):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class BatchRowsModel(_RowsTable):
    """A kept batch's rows with their status; a failed row says why, a ready one its file."""

    STATUS = 6

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[BatchRow] = []
        self._headers = _headers_rows()

    def set_rows(self, rows: Sequence[BatchRow]) -> None:
        new = list(rows)
        if len(new) == len(self._rows) and [r.index for r in new] == [r.index for r in self._rows]:
            # same rows, new states: repaint only the rows that changed (a batch is read
            # again every few hundred ms while it runs; most of its rows did not move)
            old, self._rows = self._rows, new
            last = len(self._headers) - 1
            for first, end in _changed_spans(old, new):
                self.dataChanged.emit(self.index(first, 0), self.index(end, last))
            return
        self.beginResetModel()
        self._rows = new
        self.endResetModel()

    def rows(self) -> list[BatchRow]:
        return list(self._rows)

    def count(self, *statuses: RowStatus) -> int:
        return sum(1 for r in self._rows if r.status in statuses)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            file = row.exported_path or row.file_path
            detail = str(file) if row.status is RowStatus.READY and file is not None else row.error
            values = (
                row.index,
                row.label,
                " ".join(row.request.prompt.split()),
                row.request.model,
                row.request.seconds,
                money(row.estimated_cost),
                row_status_word(row.status),
                detail or "",
            )
            return values[column]
        if role == Qt.ItemDataRole.ToolTipRole and column in (2, 7):
            return row.request.prompt if column == 2 else (row.error or None)
        if role == Qt.ItemDataRole.ForegroundRole and column == self.STATUS:
            if row.status in (RowStatus.FAILED, RowStatus.EXPIRED, RowStatus.INVALID):
                return QBrush(_PROBLEM)
            if row.status is RowStatus.HELD:
                return QBrush(_HELD)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (0, 4, 5):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


def _changed_spans(old: Sequence[BatchRow], new: Sequence[BatchRow]) -> list[tuple[int, int]]:
    """(first, last) of each run of rows that differ between ``old`` and ``new`` (as long)."""
    spans: list[tuple[int, int]] = []
    for i, (was, now) in enumerate(zip(old, new, strict=True)):
        if was == now:
            continue
        if spans and spans[-1][1] == i - 1:
            spans[-1] = (spans[-1][0], i)
        else:
            spans.append((i, i))
    return spans
