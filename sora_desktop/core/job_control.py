"""Cancel a job and delete its remote copy (``GenerationService``'s part).

Cancel stops the work here; a provider with a cancel call (fal, Replicate, Runway) is asked
to stop the render too (best effort), and the job says which of the two happened and what
may still be billed. Delete removes the video on the server and remembers it
(``remote_deleted_at``: remix is refused from then on); the local copy stays.
"""

from __future__ import annotations

import asyncio
import logging
from typing import TYPE_CHECKING, Any

from sora_desktop.core.errors import ErrorKind, NotFoundError, SoraError
from sora_desktop.core.i18n import N_, _
from sora_desktop.core.job_rules import remote_delete_problem
from sora_desktop.core.models import Connection, Job, JobStatus

if TYPE_CHECKING:
    from sora_desktop.core.dialects.base import Dialect
    from sora_desktop.core.jobrunner import RunnerContext
    from sora_desktop.core.store import JobStore

log = logging.getLogger(__name__)

CANCEL_MESSAGE = N_(
    "Cancelled here. A render the service already started keeps running and may still be billed."
)
#: a provider with a cancel call (fal, Replicate, Runway) was asked to stop the render too
CANCEL_REMOTE_MESSAGE = N_(
    "Cancelled here and at the service. What it had already rendered may still be billed."
)


class JobControl:
    """Cancel and remote delete, for :class:`~.service.GenerationService` (which provides
    the store, the running tasks, ``_move`` and the clients)."""

    _store: JobStore
    _tasks: dict[str, asyncio.Task[Job]]
    _cancel_reasons: dict[str, str]
    _ctx: RunnerContext

    if TYPE_CHECKING:

        def _move(
            self, job_id: str, status: JobStatus, *, note: str | None = None, **changes: Any
        ) -> Job: ...

        async def _client_for(self, connection: Connection, *, resuming: bool) -> Dialect: ...

    async def cancel(self, job_id: str) -> Job:
        """Stop working on a job here; a provider with a cancel call (fal, Replicate, Runway)
        is asked to stop the render too. On the Videos API it keeps running remotely."""
        before = self._store.get(job_id)
        task = self._tasks.get(job_id)
        if task is not None:
            self._cancel_reasons[job_id] = "user"
            task.cancel()
            await asyncio.wait({task})
        job = self._store.get(job_id)
        if job is None:
            raise NotFoundError(_("This job is no longer in the library."), "")
        remote = before is not None and not before.status.is_terminal
        remote = remote and before is not None and await self._cancel_remote(before)
        message = _(CANCEL_REMOTE_MESSAGE) if remote else _(CANCEL_MESSAGE)
        if not job.status.is_terminal:
            job = self._move(
                job_id,
                JobStatus.CANCELLED,
                note="cancelled by the user",
                error_code=ErrorKind.CANCELLED.value,
                error_message=message,
            )
        elif remote and job.status is JobStatus.CANCELLED:
            job = self._store.update_fields(job_id, error_message=message)
        return job

    async def _cancel_remote(self, job: Job) -> bool:
        """Ask a provider with a cancel call to stop the render (best effort); True when it
        took the request. The Videos API has none."""
        if job.remote_id is None or not job.connection.kind.is_provider:
            return False
        if job.status in (JobStatus.COMPLETED, JobStatus.DOWNLOADING):
            return False  # already made: nothing left to stop
        try:
            client = await self._client_for(job.connection, resuming=True)
            await client.cancel(job.remote_id)
        except SoraError as err:
            log.info("job %s: the service did not take the cancel (%s)", job.id, err.kind)
            return False
        return True

    async def delete_remote(self, job_id: str) -> Job:
        """Delete the job's video on the server (the local copy stays) and remember that it
        is gone (``remote_deleted_at``), so remix is refused from now on. Returns the job."""
        job = self._store.get(job_id)
        if job is None:
            raise NotFoundError(_("This job is no longer in the library."), "")
        if remote_delete_problem(job) is not None or job.remote_id is None:
            return job  # never sent, or already deleted: nothing to do
        try:
            client = await self._client_for(job.connection, resuming=True)
            await client.delete(job.remote_id)
        except NotFoundError:
            log.info("job %s: remote video %s was already gone", job_id, job.remote_id)
        return self._store.update_fields(job_id, remote_deleted_at=self._ctx.clock())
