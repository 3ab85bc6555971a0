"""What can still be done with a job, decided from what the library knows (no I/O).

The window greys out what these refuse and the service refuses the same things before any
network call, so a creator never gets a remote error (and a failed job) for something the
app already knew could not work:

- :func:`remix_problem`: a remix needs the service's copy of a finished video. After
  "Delete from the service" (``Job.remote_deleted_at``) the service answers "not found".
- :func:`extend_problem`: an extension (``POST /videos/extensions``) needs the same.
- :func:`remote_delete_problem`: there must be a service copy left to delete.
- :func:`remote_copy_gone`: the service's copy was deleted from this app.
"""

from __future__ import annotations

import datetime as _dt

from sora_desktop.core.errors import InvalidRequestError
from sora_desktop.core.i18n import _
from sora_desktop.core.models import Job, JobStatus


def remote_copy_gone(job: Job) -> bool:
    """True after the service's copy was deleted from this app."""
    return job.remote_deleted_at is not None


def deleted_on(job: Job) -> str:
    """When the service's copy was deleted, as local date and time (``""`` if it wasn't)."""
    if job.remote_deleted_at is None:
        return ""
    return _dt.datetime.fromtimestamp(job.remote_deleted_at).strftime("%Y-%m-%d %H:%M")


def remix_problem(job: Job) -> InvalidRequestError | None:
    """Why ``job`` can't be remixed, or None when it can."""
    if job.remote_id is None:
        return InvalidRequestError(
            _("This job never reached the service, so it can't be remixed."),
            _("Remix a finished video."),
            param="remix_of",
        )
    if remote_copy_gone(job):
        return InvalidRequestError(
            _(
                "This video was deleted from the service on {when}, so it can't be remixed "
                "there any more."
            ).format(when=deleted_on(job)),
            _("Remix another video, or generate this one again from its prompt."),
            param="remix_of",
        )
    if job.status is not JobStatus.READY:
        return InvalidRequestError(
            _("Only a finished video can be remixed."),
            _("Wait until the video is ready, or remix another one."),
            param="remix_of",
        )
    return None


def extend_problem(job: Job) -> InvalidRequestError | None:
    """Why the service can't extend ``job``, or None when it can. (A continuation from the
    clip's last frame needs only the local file: see core/extend.py.)"""
    if job.remote_id is None:
        return InvalidRequestError(
            _("This job never reached the service, so the service can't extend it."),
            _("Continue it from its last frame instead."),
            param="extend_of",
        )
    if remote_copy_gone(job):
        return InvalidRequestError(
            _(
                "This video was deleted from the service on {when}, so the service can't "
                "extend it any more."
            ).format(when=deleted_on(job)),
            _("Continue it from its last frame instead."),
            param="extend_of",
        )
    if job.status is not JobStatus.READY:
        return InvalidRequestError(
            _("Only a finished video can be extended."),
            _("Wait until the video is ready."),
            param="extend_of",
        )
    return None


def remote_delete_problem(job: Job) -> InvalidRequestError | None:
    """Why there is nothing to delete on the service for ``job``, or None."""
    if job.remote_id is None:
        return InvalidRequestError(
            _("This job never reached the service, so there is nothing to delete there."),
            "",
            param="remote_id",
        )
    if remote_copy_gone(job):
        return InvalidRequestError(
            _("This video was already deleted from the service on {when}.").format(
                when=deleted_on(job)
            ),
            "",
            param="remote_id",
        )
    return None
