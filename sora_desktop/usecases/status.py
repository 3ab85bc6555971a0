"""The one status vocabulary: what each job status is called, and what it allows.

The queue, the library and the command line all read a status through these, so the same
status has the same word everywhere and "is it still working?" has one answer::

    status_word(status) -> str                 # "Waiting in line", "Ready", ... (translated)
    status_text(status, message=None) -> str   # "Failed: why" for a status that says why
    progress_text(status, progress, message=None) -> str  # "Rendering 40%": how far it is
    is_working(status) / is_terminal(status) / is_retryable(status) -> bool
    can_retry(job) / can_remix(job) / can_export(job) / can_delete_locally(job) -> bool
    WORKING_STATUSES                           # every status of a job not finished yet
"""

from __future__ import annotations

from sora_desktop.core.i18n import N_, translate
from sora_desktop.core.models import TERMINAL_STATUSES, Job, JobStatus
from sora_desktop.core.retry import RETRYABLE_STATUSES

_WORDS: dict[JobStatus, str] = {
    JobStatus.DRAFT: N_("Preparing"),
    JobStatus.SUBMITTING: N_("Sending"),
    JobStatus.QUEUED: N_("Waiting in line"),
    JobStatus.IN_PROGRESS: N_("Rendering"),
    JobStatus.COMPLETED: N_("Rendered"),
    JobStatus.DOWNLOADING: N_("Downloading"),
    JobStatus.READY: N_("Ready"),
    JobStatus.FAILED: N_("Failed"),
    JobStatus.EXPIRED: N_("Expired"),
    JobStatus.CANCELLED: N_("Cancelled"),
    JobStatus.INTERRUPTED: N_("Interrupted (resumes)"),
}

#: the statuses whose text carries the reason (the job's error message)
SAYS_WHY: frozenset[JobStatus] = frozenset({JobStatus.FAILED, JobStatus.EXPIRED})

#: every status of a job that has not finished yet (the library's "In progress" filter)
WORKING_STATUSES: tuple[JobStatus, ...] = tuple(s for s in JobStatus if s not in TERMINAL_STATUSES)


def status_word(status: JobStatus) -> str:
    """The creator-facing name of ``status``, translated."""
    word = _WORDS.get(status)
    return translate(word) if word is not None else str(status)


def status_text(status: JobStatus, message: str | None = None) -> str:
    """The word, followed by ``message`` for a status that ended for a reason; a job
    waiting for its turn (``SUBMITTING`` with a message) shows what it waits for."""
    if status is JobStatus.SUBMITTING and message:
        return message  # waiting for a free slot on its connection: core says what for
    word = status_word(status)
    return f"{word}: {message}" if message and status in SAYS_WHY else word


def progress_text(status: JobStatus, progress: int, message: str | None = None) -> str:
    """What a job is doing and how far it got, as the queue's bar and a library row being
    made say it: "Waiting in line 0%", "Rendering 40%"; else :func:`status_text` with the
    first line of ``message``."""
    if status in (JobStatus.QUEUED, JobStatus.IN_PROGRESS):
        return f"{status_text(status)} {progress}%"
    first_line = (message or "").strip().split("\n", 1)[0]
    return status_text(status, first_line or None)


def is_terminal(status: JobStatus) -> bool:
    """The job ended (with or without a video): nothing more will happen to it."""
    return status in TERMINAL_STATUSES


def is_working(status: JobStatus) -> bool:
    """The job has not ended yet (it is being made, or resumes on the next start)."""
    return status not in TERMINAL_STATUSES


def is_retryable(status: JobStatus) -> bool:
    """It ended without a video: a new job with the same request may be made."""
    return status in RETRYABLE_STATUSES


def can_retry(job: Job) -> bool:
    return is_retryable(job.status)


def can_remix(job: Job) -> bool:
    """A finished video the service still has."""
    # the job rules (and datetime) load with the first library row that asks, not at
    # the window's start-up (the queue's status texts need only the functions above)
    from sora_desktop.core.job_rules import remix_problem

    return remix_problem(job) is None


def can_export(job: Job) -> bool:
    """There is a clip in the library to copy."""
    return job.status is JobStatus.READY and job.file_path is not None


def can_delete_locally(job: Job) -> bool:
    """Nothing is working on it (a working job must be cancelled or finished first)."""
    return not job.status.is_active
