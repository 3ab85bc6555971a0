"""A job's recorded error rebuilt as the app's exception, and each provider's dashboard.

error_for_job(job) -> SoraError | None     # for exit codes and display
dashboard_url(kind) -> str | None          # where the provider shows jobs and the bill
"""

from __future__ import annotations

from sora_desktop.core.errors import (
    AssetExpiredError,
    CancelledByUser,
    ErrorKind,
    NetworkError,
    RemoteJobFailedError,
    SoraError,
)
from sora_desktop.core.i18n import _
from sora_desktop.core.models import ConnectionKind, Job, JobStatus


def error_for_job(job: Job) -> SoraError | None:
    """Rebuild the error a finished (or interrupted) job recorded, for exit codes and display."""
    if job.status is JobStatus.READY or (job.error_message is None and job.error_code is None):
        return None
    message = job.error_message or _("The job did not finish.")
    if job.status is JobStatus.EXPIRED:
        return AssetExpiredError(message, code=job.error_code)
    if job.status is JobStatus.CANCELLED:
        return CancelledByUser(message, code=job.error_code)
    kind: ErrorKind | None
    try:
        kind = ErrorKind(job.error_code) if job.error_code else None
    except ValueError:
        kind = None
    cls: type[SoraError] = RemoteJobFailedError
    if kind is not None:
        cls = next((c for c in SoraError.__subclasses__() if c.kind is kind), cls)
    if cls is NetworkError:
        return NetworkError(message)
    return cls(message, code=job.error_code)


def dashboard_url(kind: ConnectionKind) -> str | None:
    """The provider's dashboard (jobs and bill), for messages and the faces."""
    from sora_desktop.core.dialects.fal import FalDialect
    from sora_desktop.core.dialects.replicate import ReplicateDialect
    from sora_desktop.core.dialects.runway import RunwayDialect

    return {
        ConnectionKind.FAL: FalDialect.dashboard_url,
        ConnectionKind.REPLICATE: ReplicateDialect.dashboard_url,
        ConnectionKind.RUNWAY: RunwayDialect.dashboard_url,
    }.get(kind)
