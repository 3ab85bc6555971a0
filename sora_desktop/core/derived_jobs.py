"""Jobs made from another job: remix, extend, send again (``GenerationService``'s part).

Each makes a NEW job through ``submit`` (stored before its create is sent); the source job
is never changed and its create never repeated. Refusals come before anything is sent
(``job_rules``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from sora_desktop.core.errors import InvalidRequestError, NotFoundError
from sora_desktop.core.i18n import _
from sora_desktop.core.job_errors import dashboard_url
from sora_desktop.core.job_rules import extend_problem, remix_problem
from sora_desktop.core.models import Connection, Job, VideoRequest
from sora_desktop.core.spending import estimate_job_cost

if TYPE_CHECKING:
    from sora_desktop.core.store import JobStore


@dataclass(frozen=True, slots=True)
class ResendQuote:
    """What "send again" would do for a job: the same request as a NEW job, at this cost."""

    job: Job
    estimated_cost: float | None  # US dollars; None: price unknown
    dashboard_url: str | None  # where to look first whether the old one was made


class DerivedJobs:
    """Remix, extend and resend, for :class:`~.service.GenerationService` (which provides
    ``_store`` and ``submit``)."""

    _store: JobStore

    if TYPE_CHECKING:

        async def submit(
            self, request: VideoRequest, connection: Connection, *, job_id: str | None = None
        ) -> Job: ...

    async def remix(self, job_id: str, prompt: str) -> Job:
        """A new job that remixes a finished one with a new prompt (same connection)."""
        source = self._store.get(job_id)
        if source is None:
            raise NotFoundError(_("This job is no longer in the library."), "")
        problem = remix_problem(source)  # e.g. its service copy was deleted: refused here,
        if problem is not None:  # before a job is made or anything is sent
            raise problem
        assert source.remote_id is not None
        request = VideoRequest(
            prompt=prompt,
            model=source.request.model,
            size=source.request.size,
            seconds=source.request.seconds,
            remix_of=source.remote_id,
        )
        return await self.submit(request, source.connection)

    async def extend(self, job_id: str, prompt: str, seconds: int) -> Job:
        """A new job extending a finished one by ``seconds`` through the Videos API's
        extensions endpoint (same connection, model and size). The new job keeps the link
        (``request.extend_of``, the source's remote id). Refused before anything is sent
        when the source can't be extended there (job_rules.extend_problem) or the model
        can't (capabilities); core/extend.py says which route to take instead."""
        source = self._store.get(job_id)
        if source is None:
            raise NotFoundError(_("This job is no longer in the library."), "")
        problem = extend_problem(source)
        if problem is not None:
            raise problem
        assert source.remote_id is not None
        request = VideoRequest(
            prompt=prompt,
            model=source.request.model,
            size=source.request.size,
            seconds=seconds,
            extend_of=source.remote_id,
        )
        return await self.submit(request, source.connection)

    def resend_quote(self, job_id: str) -> ResendQuote:
        """What :meth:`resend` would send, and its estimated cost (for the face to ask)."""
        job = self._store.get(job_id)
        if job is None:
            raise NotFoundError(_("This job is no longer in the library."), "")
        return ResendQuote(
            job=job,
            estimated_cost=estimate_job_cost(job.request, job.connection),
            dashboard_url=dashboard_url(job.connection.kind),
        )

    async def resend(self, job_id: str) -> Job:
        """Send a finished job's request again as a NEW job (a new paid create, asked for
        explicitly). The old job and whatever its create made are left as they are; the
        old create is never repeated. Refused for a job still running."""
        job = self._store.get(job_id)
        if job is None:
            raise NotFoundError(_("This job is no longer in the library."), "")
        if not job.status.is_terminal:
            raise InvalidRequestError(
                _("This job is still running; it can be sent again once it has ended."),
                _("Wait for it to finish, or cancel it first."),
                param="job",
            )
        return await self.submit(job.request, job.connection)
