"""Retrying a job that ended without a video: a NEW job with the same request.

A retry never re-sends the old job's create and never touches the old job: it is a fresh,
explicit, paid request (the window confirms it with the estimated cost first). The old job
stays in the library as it ended.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

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
    """The request to send again: the whole request as it was sent (prompt, model, size,
    duration, images, audio, seed, negative prompt, the model's own settings, remix or
    extension source).

    Raises :class:`InvalidRequestError` when the job can't be retried (still running or
    finished with a video) or one of its images is no longer on this computer."""
    if not can_retry(job):
        raise InvalidRequestError(
            _("Only a job that failed, expired or was cancelled can be retried."),
            _("Generate a new video instead."),
        )
    for image in _local_files(job.request):
        if not image.is_file():
            raise InvalidRequestError(
                _("The reference image of this job is no longer on this computer: {path}").format(
                    path=image
                ),
                _("Put the image back there, or reuse the prompt and choose the image again."),
            )
    return dataclasses.replace(job.request)


def _local_files(request: VideoRequest) -> list[Path]:
    files = [request.reference_image, request.end_image]
    files += [path for _name, path in request.image_params]
    return [path for path in files if path is not None]
