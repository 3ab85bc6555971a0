"""A batch and its rows as the library keeps them (plain data, read by ``store.py``).

:class:`BatchInfo` is what was asked and the batch's :class:`BatchState`; :class:`BatchRow`
is one planned job with its latest attempt's job. A row's status (:class:`RowStatus`) is
read from that job, and :func:`row_status_text` is the creator's word for it.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from sora_desktop.core.i18n import N_, translate
from sora_desktop.core.models import Connection, JobStatus, VideoRequest


class BatchState(StrEnum):
    ACTIVE = "active"
    DONE = "done"
    CANCELLED = "cancelled"


class RowStatus(StrEnum):
    """Where one row of a batch is. Not a job status: a row may have no job yet."""

    INVALID = "invalid"  # the model (or the image) refuses it: never sent
    PENDING = "pending"  # to be sent
    HELD = "held"  # held by the cap (waits; raise the cap to send it)
    SENDING = "sending"  # its job's id is recorded, the job not stored yet (a crash then)
    RUNNING = "running"  # its job is being made (submitting to downloading)
    INTERRUPTED = "interrupted"  # its job waits for the next resume
    READY = "ready"
    FAILED = "failed"
    EXPIRED = "expired"
    CANCELLED = "cancelled"
    GONE = "gone"  # its job was deleted from the library (never sent again by itself)

    @property
    def is_final(self) -> bool:
        """Nothing more happens to the row unless someone acts (retry, raise the cap)."""
        return self in _FINAL


_FINAL = frozenset(
    {
        RowStatus.INVALID,
        RowStatus.HELD,
        RowStatus.READY,
        RowStatus.FAILED,
        RowStatus.EXPIRED,
        RowStatus.CANCELLED,
        RowStatus.GONE,
    }
)

_JOB_ROW_STATUS: dict[JobStatus, RowStatus] = {
    JobStatus.DRAFT: RowStatus.SENDING,
    JobStatus.SUBMITTING: RowStatus.RUNNING,
    JobStatus.QUEUED: RowStatus.RUNNING,
    JobStatus.IN_PROGRESS: RowStatus.RUNNING,
    JobStatus.COMPLETED: RowStatus.RUNNING,
    JobStatus.DOWNLOADING: RowStatus.RUNNING,
    JobStatus.INTERRUPTED: RowStatus.INTERRUPTED,
    JobStatus.READY: RowStatus.READY,
    JobStatus.FAILED: RowStatus.FAILED,
    JobStatus.EXPIRED: RowStatus.EXPIRED,
    JobStatus.CANCELLED: RowStatus.CANCELLED,
}

_ROW_STATUS_WORDS: dict[RowStatus, str] = {
    RowStatus.INVALID: N_("invalid"),
    RowStatus.PENDING: N_("waiting"),
    RowStatus.HELD: N_("held by the cap"),
    RowStatus.SENDING: N_("sending"),
    RowStatus.RUNNING: N_("running"),
    RowStatus.INTERRUPTED: N_("interrupted"),
    RowStatus.READY: N_("ready"),
    RowStatus.FAILED: N_("failed"),
    RowStatus.EXPIRED: N_("expired"),
    RowStatus.CANCELLED: N_("cancelled"),
    RowStatus.GONE: N_("deleted from the library"),
}


def row_status_text(status: RowStatus) -> str:
    """The creator's word for a row's status, translated."""
    return translate(_ROW_STATUS_WORDS[status])


#: Job statuses "retry failed" makes a new job for (nothing came of the paid render).
RETRY_STATUSES = frozenset({JobStatus.FAILED, JobStatus.EXPIRED})


@dataclass(frozen=True, slots=True)
class BatchInfo:
    id: str
    name: str
    created_at: float
    updated_at: float
    source: str | None
    template: str | None
    sweeps: tuple[tuple[str, tuple[str, ...]], ...]
    connection: Connection
    cap: float | None
    concurrency: int
    out_dir: Path | None
    state: BatchState


@dataclass(frozen=True, slots=True)
class BatchRow:
    """One row of a batch with its latest job (as the library has it)."""

    batch_id: str
    index: int
    label: str
    source_row: int
    line: int
    request: VideoRequest
    seed: int | None
    sweep: tuple[tuple[str, str], ...]
    estimated_cost: float | None
    problem: str | None
    wanted: int
    held: bool
    attempts: int  # jobs recorded for it (the latest may be an unsent intent)
    job_id: str | None = None  # the latest attempt's job
    sent: bool = False  # the service accepted the latest attempt
    job_exists: bool = False
    job_status: JobStatus | None = None
    remote_id: str | None = None
    file_path: Path | None = None
    error_message: str | None = None
    exported_path: Path | None = None
    export_error: str | None = None

    @property
    def unsent_intent(self) -> str | None:
        """The latest attempt's job id when that job was never stored (send it under it)."""
        if self.job_id is not None and not self.sent and not self.job_exists:
            return self.job_id
        return None

    @property
    def needs_send(self) -> bool:
        if self.problem is not None:
            return False
        return self.attempts < self.wanted or self.unsent_intent is not None

    @property
    def status(self) -> RowStatus:
        if self.problem is not None:
            return RowStatus.INVALID
        if self.attempts < self.wanted:
            return RowStatus.HELD if self.held else RowStatus.PENDING
        if self.unsent_intent is not None:
            return RowStatus.SENDING
        if not self.job_exists or self.job_status is None:
            return RowStatus.GONE
        return _JOB_ROW_STATUS[self.job_status]

    @property
    def error(self) -> str | None:
        """Why the row has no clip: its problem, or its job's error."""
        if self.problem is not None:
            return self.problem
        if self.status in (RowStatus.FAILED, RowStatus.EXPIRED, RowStatus.INTERRUPTED):
            return self.error_message
        return None
