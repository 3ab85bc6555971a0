"""The queue's table model: one row per job sent since the app started (and resumed ones).

Rows are fed with whole :class:`Job` objects (``upsert``) and :class:`JobEvent` updates
(``apply_event``). Elapsed times are refreshed by one timer in the view calling :meth:`tick`.
"""

from __future__ import annotations

import copy
import time
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from sora_desktop.core.models import Job, JobEvent, JobStatus
from sora_desktop.usecases.status import (
    is_retryable,
    is_terminal,
    is_working,
    progress_text,
    status_text,
)

COL_PROMPT, COL_MODEL, COL_FORMAT, COL_PROGRESS, COL_STATUS, COL_ELAPSED, COL_CANCEL = range(7)
_PROMPT_CHARS = 80
#: extra roles
JOB_ID_ROLE = Qt.ItemDataRole.UserRole + 1
STATUS_ROLE = Qt.ItemDataRole.UserRole + 2
PROGRESS_ROLE = Qt.ItemDataRole.UserRole + 3
#: ended without a video: the progress bar is shown empty, the text says why
_NO_VIDEO = frozenset({JobStatus.FAILED, JobStatus.EXPIRED, JobStatus.CANCELLED})

_Index = QModelIndex | QPersistentModelIndex


def _t(text: str) -> str:
    return QCoreApplication.translate("QueueModel", text)


def format_elapsed(seconds: float) -> str:
    s = max(0, int(seconds))
    return (
        f"{s // 3600}:{s // 60 % 60:02d}:{s % 60:02d}" if s >= 3600 else f"{s // 60}:{s % 60:02d}"
    )


class QueueRow:
    """One job as the queue shows it. A plain class, not a dataclass: Python 3.11
    compiles a dataclass's methods as it is created (~4 M instructions before the first
    paint, which shows no row)."""

    __slots__ = (
        "dashboard_url",
        "downloaded",
        "ended",
        "job_id",
        "message",
        "model",
        "outcome_unknown",
        "progress",
        "prompt",
        "seconds",
        "size",
        "started",
        "status",
        "total",
    )

    def __init__(
        self,
        *,
        job_id: str,
        prompt: str,
        model: str,
        size: str,
        seconds: int,
        status: JobStatus,
        progress: int,
        started: float,  # unix seconds
        ended: float | None = None,
        message: str | None = None,
        downloaded: int | None = None,
        total: int | None = None,
    ) -> None:
        self.job_id = job_id
        self.prompt = prompt
        self.model = model
        self.size = size
        self.seconds = seconds
        self.status = status
        self.progress = progress
        self.started = started
        self.ended = ended
        self.message = message
        self.downloaded = downloaded
        self.total = total
        #: its create's reply was lost and the provider can't say whether it arrived
        self.outcome_unknown = False
        self.dashboard_url: str | None = None  # where to look for it first

    def updated(self, **changes: Any) -> QueueRow:
        """A copy with ``changes`` (the row as it was stays as it was)."""
        row = copy.copy(self)
        for name, value in changes.items():
            setattr(row, name, value)
        return row


class QueueModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[QueueRow] = []
        #: what a job not in the queue yet says it does (a job resumed at start checking
        #: whether its create arrived: its first event can come before its row), shown when
        #: its row comes if the job is still where the event left it; dropped when it ends
        self._early: dict[str, JobEvent] = {}
        self._now = time.time

    # --- feeding -----------------------------------------------------------------------
    def upsert(self, job: Job) -> None:
        from sora_desktop.usecases.resend import is_outcome_unknown  # loaded with the first job

        row = QueueRow(
            job_id=job.id,
            prompt=job.request.prompt,
            model=job.request.model,
            size=job.request.size,
            seconds=job.request.seconds,
            status=job.status,
            progress=job.progress,
            started=job.created_at or self._now(),
            ended=job.updated_at if is_terminal(job.status) else None,
            message=job.error_message,
        )
        if is_outcome_unknown(job):
            from sora_desktop.usecases.provider_links import provider_links

            links = provider_links(job.connection.kind)
            row.outcome_unknown = True
            row.dashboard_url = links.dashboard_url if links is not None else None
        early = self._early.pop(job.id, None)
        if early is not None and early.status is job.status:
            row.message = early.message  # what it does now (the job read says nothing of it)
        i = self.row_of(job.id)
        if i is None:
            self.beginInsertRows(QModelIndex(), 0, 0)
            self._rows.insert(0, row)
            self.endInsertRows()
        else:
            self._rows[i] = row
            self._changed(i)

    def apply_event(self, event: JobEvent) -> bool:
        """Update a row from an event; False when the job is not in the queue."""
        i = self.row_of(event.job_id)
        if i is None:
            if event.message and not is_terminal(event.status):
                self._early[event.job_id] = event  # shown with its row (upsert)
            else:
                self._early.pop(event.job_id, None)  # it no longer says it
            return False
        row = self._rows[i]
        progress = row.progress
        if event.status in (JobStatus.QUEUED, JobStatus.IN_PROGRESS):
            progress = max(progress, event.progress) if event.progress else progress
        elif event.status in (JobStatus.COMPLETED, JobStatus.DOWNLOADING, JobStatus.READY):
            progress = 100
        message = event.message if event.message else row.message
        if event.status is JobStatus.SUBMITTING:  # waiting in line, then no longer
            message = event.message or None
        self._rows[i] = row.updated(
            status=event.status,
            progress=progress,
            message=message,
            downloaded=event.downloaded,
            total=event.total,
            ended=self._now() if is_terminal(event.status) else None,
        )
        self._changed(i)
        return True

    def remove(self, job_id: str) -> None:
        i = self.row_of(job_id)
        if i is not None:
            self.beginRemoveRows(QModelIndex(), i, i)
            del self._rows[i]
            self.endRemoveRows()

    def clear_finished(self) -> None:
        for row in [r for r in self._rows if is_terminal(r.status)]:
            self.remove(row.job_id)

    def tick(self) -> None:
        """Refresh the elapsed column of running rows (called by one timer per view)."""
        running = [i for i, r in enumerate(self._rows) if r.ended is None]
        if running:
            top = self.index(min(running), COL_ELAPSED)
            bottom = self.index(max(running), COL_ELAPSED)
            self.dataChanged.emit(top, bottom, [Qt.ItemDataRole.DisplayRole])

    # --- queries -----------------------------------------------------------------------
    def row_of(self, job_id: str) -> int | None:
        return next((i for i, r in enumerate(self._rows) if r.job_id == job_id), None)

    def job_row(self, job_id: str) -> QueueRow | None:
        i = self.row_of(job_id)
        return None if i is None else self._rows[i]

    def rows(self) -> list[QueueRow]:
        return list(self._rows)

    def active_count(self) -> int:
        return sum(1 for r in self._rows if is_working(r.status))

    # --- Qt model ----------------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 7

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            _t("Prompt"),
            _t("Model"),
            _t("Format"),
            _t("Progress"),
            _t("Status"),
            _t("Elapsed"),
            "",
        )[section]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row = self._rows[index.row()]
        col = index.column()
        if role == JOB_ID_ROLE:
            return row.job_id
        if role == STATUS_ROLE:
            return row.status
        if role == PROGRESS_ROLE:  # the bar: a job that ended without a video shows none
            return 0 if row.status in _NO_VIDEO else row.progress
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == COL_PROMPT:
                return row.prompt
            if col in (COL_STATUS, COL_PROGRESS, COL_CANCEL) and row.outcome_unknown:
                text = status_text(row.status, row.message)
                if row.dashboard_url:
                    text += "\n" + _t("Look for it in your dashboard first: {0}").format(
                        row.dashboard_url
                    )
                return text
            if col in (COL_STATUS, COL_PROGRESS):
                return status_text(row.status, row.message)
            return None
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if col == COL_PROMPT:
            flat = " ".join(row.prompt.split())
            return flat if len(flat) <= _PROMPT_CHARS else flat[: _PROMPT_CHARS - 1] + "…"
        if col == COL_MODEL:
            return row.model
        if col == COL_FORMAT:
            return _t("{0} · {1} · {2} s").format(row.model, row.size, row.seconds)
        if col == COL_PROGRESS:  # the bar's text: what is happening, how far, or why not
            return progress_text(row.status, row.progress, row.message)
        if col == COL_STATUS:
            text = status_text(row.status, row.message)
            if row.status is JobStatus.DOWNLOADING and row.downloaded:
                mb = row.downloaded / 1_000_000
                text += f" ({mb:.1f} MB)"
            return text
        if col == COL_ELAPSED:
            end = row.ended if row.ended is not None else self._now()
            return format_elapsed(end - row.started)
        if col == COL_CANCEL:  # the row's button: stop a running job, or retry one
            if is_working(row.status):
                return _t("Cancel")
            if row.outcome_unknown:  # it may exist (and be billed): sent again only if asked
                return _t("Send again…")
            return _t("Retry…") if is_retryable(row.status) else ""
        return None

    def _changed(self, i: int) -> None:
        self.dataChanged.emit(self.index(i, 0), self.index(i, self.columnCount() - 1))
