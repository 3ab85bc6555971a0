"""Resuming (``usecases.resume``): what the window does at every start and what
``sora-desktop resume`` does, written once, on a real store (the fake client counts creates)."""

from __future__ import annotations

import asyncio
from pathlib import Path

from sora_desktop.core.errors import ExitCode
from sora_desktop.core.models import Job, JobStatus
from sora_desktop.usecases.history import History
from sora_desktop.usecases.resume import (
    ResumeReport,
    finish_unfinished,
    report_of,
    resume_unfinished,
)
from tests.core.test_service_resume import remote, stored_job
from tests.core.test_service_support import Harness


def test_the_window_resumes_unfinished_jobs_and_gets_them_back(tmp_path: Path) -> None:
    harness = Harness(tmp_path)
    kept = stored_job(harness, JobStatus.INTERRUPTED, remote_id=remote(harness))
    draft = stored_job(harness, JobStatus.DRAFT)
    stored_job(harness, JobStatus.READY, remote_id=remote(harness))

    async def body() -> tuple[list[Job], Job]:
        try:
            resumed = await resume_unfinished(harness.service, History(harness.store))
            return resumed, await harness.service.wait(kept.id)
        finally:
            await harness.close()

    resumed, done = asyncio.run(body())
    assert [j.id for j in resumed] == [kept.id]  # not the draft (never sent), not the ready one
    assert resumed[0].status is not JobStatus.DRAFT
    assert done.status is JobStatus.READY
    assert "create" not in harness.client.calls  # continued, never created again
    assert harness.store.get(draft.id).status is JobStatus.DRAFT  # type: ignore[union-attr]


def test_the_command_line_waits_for_each_and_says_how_it_ended(tmp_path: Path) -> None:
    harness = Harness(tmp_path)
    kept = stored_job(harness, JobStatus.INTERRUPTED, remote_id=remote(harness))

    async def body() -> ResumeReport:
        try:
            return await finish_unfinished(harness.service)
        finally:
            await harness.close()

    report = asyncio.run(body())
    assert [j.id for j in report.ready] == [kept.id] and report.ended == []
    assert report.exit_code == ExitCode.OK
    assert "create" not in harness.client.calls


def test_a_job_that_ended_without_its_video_gives_its_error_and_exit_code(
    tmp_path: Path,
) -> None:
    harness = Harness(tmp_path)
    ready = stored_job(harness, JobStatus.READY)
    failed = stored_job(harness, JobStatus.FAILED)
    harness.store.update_fields(failed.id, error_code="moderation_blocked", error_message="no")
    cancelled = stored_job(harness, JobStatus.CANCELLED)
    jobs = [harness.store.get(j.id) for j in (ready, failed, cancelled)]
    report = report_of([j for j in jobs if j is not None])
    assert [j.id for j in report.ready] == [ready.id]
    assert [e.job.id for e in report.ended] == [failed.id, cancelled.id]
    assert report.exit_code == int(report.ended[0].error.exit_code) != ExitCode.OK
    assert "cancelled" in report.ended[1].error.message
    assert report_of([]).exit_code == ExitCode.OK
    harness.store.close()
