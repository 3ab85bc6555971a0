"""Retrying a job that ended without a video: a NEW job with the same request.

A retry never re-sends the old job's create and never touches the old job: it is a fresh,
explicit, paid request (the window confirms it with the estimated cost first). The old job
stays in the library as it ended.
"""

from __future__ import annotations

from sora_desktop.core.errors import InvalidRequestError
from sora_desktop.core.i18n import _
from sora_desktop.core.models import Job, JobStatus, VideoRequest

#: jobs that ended without a video, which a creator may want to try again
RETRYABLE_STATUSES: frozenset[JobStatus] = frozenset(
    {JobStatus.FAILED, JobStatus.CANCELLED, JobStatus.EXPIRED}
)


def can_retry(job: Job) -> bool:
    return job.status in RETRYABLE_STATUSES


def retry_request(job: Job) -> VideoRequest:
    """The request to send again: same prompt, model, size, duration and reference image.

    Raises :class:`InvalidRequestError` when the job can't be retried (still running or
    finished with a video) or its reference image is no longer on this computer."""
    if not can_retry(job):
        raise InvalidRequestError(
            _("Only a job that failed, expired or was cancelled can be retried."),
            _("Generate a new video instead."),
        )
    image = job.request.reference_image
    if image is not None and not image.is_file():
        raise InvalidRequestError(
            _("The reference image of this job is no longer on this computer: {path}").format(
                path=image
            ),
            _("Put the image back there, or reuse the prompt and choose the image again."),
        )
    return VideoRequest(
        prompt=job.request.prompt,
        model=job.request.model,
        size=job.request.size,
        seconds=job.request.seconds,
        reference_image=image,
        remix_of=job.request.remix_of,
    )
