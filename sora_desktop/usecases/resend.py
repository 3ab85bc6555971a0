"""Send again: a job whose outcome is unknown (its create's reply was lost and the provider
can't say whether it arrived: fal, Runway), or any ended job, sent again as a NEW job after
the creator saw what it costs.

    is_outcome_unknown(job) -> bool
    resend_quote(service, job_id) -> ResendOffer    # the same request, its estimate, where to
                                                    # look first whether the old one was made
    await resend(service, job_id) -> Job            # a NEW paid job; the old one untouched

The old create is never repeated by the engine; this is the creator's explicit choice.
``resend_quote`` reads the library: run it off the GUI thread.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from sora_desktop.core.errors import ErrorKind
from sora_desktop.core.models import Job, JobStatus
from sora_desktop.usecases.models import CostEstimate, request_cost

if TYPE_CHECKING:
    from sora_desktop.core.service import GenerationService


@dataclass(frozen=True, slots=True)
class ResendOffer:
    """What "send again" would do, for the face to show before it asks."""

    job: Job  # the job whose request is sent again
    estimate: CostEstimate  # "price unknown" is ``estimate.usd is None``
    dashboard_url: str | None  # the provider's dashboard: was the old one made (and billed)?
    outcome_unknown: bool  # the old create may have been made and charged


def is_outcome_unknown(job: Job) -> bool:
    """The job ended without knowing whether its paid create arrived."""
    return job.status is JobStatus.FAILED and job.error_code == ErrorKind.OUTCOME_UNKNOWN.value


def resend_quote(service: GenerationService, job_id: str) -> ResendOffer:
    """The offer for sending ``job_id``'s request again (``NotFoundError`` when the job is
    gone)."""
    quote = service.resend_quote(job_id)
    job = quote.job
    request = job.request
    estimate = request_cost(job.connection.kind, request)
    return ResendOffer(
        job=job,
        estimate=estimate,
        dashboard_url=quote.dashboard_url,
        outcome_unknown=is_outcome_unknown(job),
    )


async def resend(service: GenerationService, job_id: str) -> Job:
    """Send ``job_id``'s request again as a NEW job (refused for a job still running)."""
    return await service.resend(job_id)
