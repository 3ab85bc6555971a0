"""The window's words for a batch row's status, in the job statuses' vocabulary.

The command line prints :func:`~sora_desktop.core.batch.store.row_status_text` (lowercase
words inside its sentences and the results file). The Batches panel shows a row's status as
a word of its own, capitalised like the queue's and the library's, and a row whose job has a
job status's name says that status's word (:func:`~sora_desktop.usecases.status.status_word`),
so "Ready" or "Failed" reads, and translates, the same in the queue, the library and a batch::

    row_status_word(status) -> str     # "Held by the cap", "Ready", ... (translated)
"""

from __future__ import annotations

from sora_desktop.core.batch.store import RowStatus
from sora_desktop.core.i18n import N_, translate
from sora_desktop.core.models import JobStatus
from sora_desktop.usecases.status import status_word

#: rows whose status is a job's status: the job status's own word
_AS_JOB: dict[RowStatus, JobStatus] = {
    RowStatus.SENDING: JobStatus.SUBMITTING,
    RowStatus.READY: JobStatus.READY,
    RowStatus.FAILED: JobStatus.FAILED,
    RowStatus.EXPIRED: JobStatus.EXPIRED,
    RowStatus.CANCELLED: JobStatus.CANCELLED,
}

#: rows with no job (yet, or any more), or whose job is somewhere between sent and downloaded
_WORDS: dict[RowStatus, str] = {
    RowStatus.INVALID: N_("Invalid (never sent)"),
    RowStatus.PENDING: N_("Waiting"),
    RowStatus.HELD: N_("Held by the cap"),
    RowStatus.RUNNING: N_("In progress"),
    RowStatus.INTERRUPTED: N_("Interrupted (resumes)"),
    RowStatus.GONE: N_("Deleted from the library"),
}


def row_status_word(status: RowStatus) -> str:
    """The Batches panel's word for a row's status, translated."""
    job_status = _AS_JOB.get(status)
    if job_status is not None:
        return status_word(job_status)
    return translate(_WORDS[status])
