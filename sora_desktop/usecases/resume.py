"""Resuming: the jobs a closed app, a stopped command or a lost network left unfinished.

    await resume_unfinished(service, history) -> list[Job]   # started again, as stored now
    await finish_unfinished(service) -> ResumeReport          # ... and waited for to the end
    report_of(jobs) -> ResumeReport                           # ready ones and why others ended

The window resumes at every start (``resume_unfinished``: its queue shows the jobs, which
end on their own); ``sora-desktop resume`` waits for them (``finish_unfinished``) and says
how each ended. Both continue each job where it stopped, with the connection it was started
with (``core.jobrunner`` is the engine): a job whose create may have been sent is
reconciled with the service, never created again; a draft (never sent) is left alone.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sora_desktop.core.errors import ExitCode, SoraError
from sora_desktop.core.i18n import _
from sora_desktop.core.models import Job, JobStatus

if TYPE_CHECKING:
    from sora_desktop.core.service import GenerationService
    from sora_desktop.usecases.history import History


@dataclass(frozen=True, slots=True)
class Ended:
    """A resumed job that ended without its video, and why (in the creator's terms)."""

    job: Job
    error: SoraError


@dataclass(slots=True)
class ResumeReport:
    """How the resumed jobs ended, in the order they were resumed."""

    ready: list[Job] = field(default_factory=list)
    ended: list[Ended] = field(default_factory=list)
    jobs: list[Job] = field(default_factory=list)  # every one, in order

    @property
    def exit_code(self) -> int:
        """0 when every job is ready (or there was none), else the first failure's code."""
        return int(self.ended[0].error.exit_code) if self.ended else int(ExitCode.OK)


async def resume_unfinished(service: GenerationService, history: History) -> list[Job]:
    """Continue every unfinished job (active or interrupted, not a draft) that isn't
    running yet; the jobs resumed, read after they started. Runs on the I/O loop."""
    ids = await service.resume_all()
    return history.jobs(ids)


async def finish_unfinished(service: GenerationService) -> ResumeReport:
    """Continue every unfinished job and wait until each has ended (ready or not)."""
    ids = await service.resume_all()
    return report_of(await asyncio.gather(*(service.wait(job_id) for job_id in ids)))


def report_of(jobs: list[Job]) -> ResumeReport:
    """Sort ended jobs into the ready ones and the others, each with its error."""
    from sora_desktop.core.job_errors import error_for_job

    report = ResumeReport(jobs=list(jobs))
    for job in jobs:
        if job.status is JobStatus.READY:
            report.ready.append(job)
            continue
        error = error_for_job(job) or SoraError(
            _("The job ended {status}.").format(status=job.status.value)
        )
        report.ended.append(Ended(job, error))
    return report
