"""resume_all: every active or interrupted job continues where it stopped, never resent blindly."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from sora_desktop.core.errors import NetworkError
from sora_desktop.core.models import Job, JobStatus
from sora_desktop.core.status_change import StatusChange
from tests.core.test_service_support import MP4_BYTES, REQUEST, SIM, Harness, Step
from tests.fail_on_unexpected import ExpectLog


@pytest.fixture
def harness(tmp_path: Path) -> Harness:
    return Harness(tmp_path)


def stored_job(
    harness: Harness,
    status: JobStatus,
    *,
    remote_id: str | None = None,
    history: tuple[JobStatus, ...] = (),
    expires_at: float | None = None,
) -> Job:
    now = harness.clock() - 30
    path = (JobStatus.DRAFT, JobStatus.SUBMITTING, *history, status)
    job = Job(
        id=f"job{len(harness.store.list_jobs())}",
        request=REQUEST,
        connection=SIM,
        status=status,
        remote_id=remote_id,
        created_at=now,
        updated_at=now,
        submitted_at=now,
        expires_at=expires_at,
        history=[StatusChange(s, now) for s in path],
    )
    harness.store.add(job)
    return job


def remote(harness: Harness) -> str:
    """A video the (fake) server already has, as if created by an earlier run."""
    video = harness.client._make(REQUEST)
    return video.id


def resume(harness: Harness) -> list[Job]:
    async def main() -> list[Job]:
        try:
            ids = await harness.service.resume_all()
            return [await harness.service.wait(i) for i in ids]
        finally:
            await harness.close()

    return asyncio.run(main())


def test_submitting_without_remote_id_adopts_the_job_the_server_has(harness: Harness) -> None:
    remote_id = remote(harness)
    stored_job(harness, JobStatus.SUBMITTING)
    (job,) = resume(harness)
    assert job.status is JobStatus.READY
    assert job.remote_id == remote_id
    assert "create" not in harness.client.calls  # reconciled, never resent
    assert len(harness.client.videos) == 1


def test_submitting_without_remote_id_resends_when_the_create_never_landed(
    harness: Harness,
) -> None:
    stored_job(harness, JobStatus.SUBMITTING)
    (job,) = resume(harness)
    assert job.status is JobStatus.READY
    assert harness.client.calls[:2] == ["list", "create"]
    assert harness.client.calls.count("create") == 1


def test_submitting_keeps_reconciling_while_the_list_fails(
    harness: Harness, expect_log: ExpectLog
) -> None:
    remote_id = remote(harness)
    harness.client.list_errors = [NetworkError("down")] * 3
    stored_job(harness, JobStatus.SUBMITTING)
    with expect_log("sora_desktop.core.jobrunner", "can't list videos to reconcile") as failed:
        (job,) = resume(harness)
    assert len(failed) == 3
    assert job.status is JobStatus.READY and job.remote_id == remote_id
    assert harness.client.calls.count("list") == 4
    assert "create" not in harness.client.calls


def test_old_unconfirmed_submission_is_not_resent(harness: Harness) -> None:
    job = stored_job(harness, JobStatus.SUBMITTING)
    harness.clock.now = job.created_at + 2 * 3600
    (job,) = resume(harness)
    assert job.status is JobStatus.FAILED
    assert "create" not in harness.client.calls


@pytest.mark.parametrize("status", [JobStatus.QUEUED, JobStatus.IN_PROGRESS])
def test_queued_or_in_progress_is_polled(harness: Harness, status: JobStatus) -> None:
    remote_id = remote(harness)
    stored_job(harness, status, remote_id=remote_id)
    harness.client.poll_script = [Step("in_progress", 90), Step("completed")]
    (job,) = resume(harness)
    assert job.status is JobStatus.READY
    assert harness.client.calls.count("retrieve") == 2
    assert "create" not in harness.client.calls and "list" not in harness.client.calls


def test_submitting_with_remote_id_is_polled(harness: Harness) -> None:
    remote_id = remote(harness)
    stored_job(harness, JobStatus.SUBMITTING, remote_id=remote_id)
    (job,) = resume(harness)
    assert job.status is JobStatus.READY
    assert harness.client.calls == ["retrieve"]


@pytest.mark.parametrize("status", [JobStatus.COMPLETED, JobStatus.DOWNLOADING])
def test_completed_or_downloading_is_downloaded(harness: Harness, status: JobStatus) -> None:
    remote_id = remote(harness)
    history = (JobStatus.QUEUED, JobStatus.COMPLETED) if status is JobStatus.DOWNLOADING else ()
    stored_job(
        harness, status, remote_id=remote_id, history=history, expires_at=harness.clock() + 600
    )
    (job,) = resume(harness)
    assert job.status is JobStatus.READY
    assert job.file_path is not None and job.file_path.read_bytes() == MP4_BYTES
    assert harness.downloads == [remote_id]
    assert harness.client.calls == []  # no create, no poll


def test_completed_past_expiry_ends_expired_without_a_request(harness: Harness) -> None:
    remote_id = remote(harness)
    stored_job(harness, JobStatus.COMPLETED, remote_id=remote_id, expires_at=harness.clock() - 1)
    (job,) = resume(harness)
    assert job.status is JobStatus.EXPIRED
    assert JobStatus.DOWNLOADING not in [h.status for h in job.history]
    assert harness.downloads == [] and harness.client.calls == []


@pytest.mark.parametrize(
    ("before", "expect_calls"),
    [
        (JobStatus.IN_PROGRESS, ["retrieve"]),
        (JobStatus.DOWNLOADING, []),
    ],
)
def test_interrupted_job_continues_from_its_last_status(
    harness: Harness, before: JobStatus, expect_calls: list[str]
) -> None:
    remote_id = remote(harness)
    history = (
        (JobStatus.QUEUED, before)
        if before is JobStatus.IN_PROGRESS
        else (JobStatus.QUEUED, JobStatus.COMPLETED, before)
    )
    stored_job(
        harness,
        JobStatus.INTERRUPTED,
        remote_id=remote_id,
        history=history,
        expires_at=harness.clock() + 600,
    )
    (job,) = resume(harness)
    assert job.status is JobStatus.READY
    assert harness.client.calls == expect_calls
    statuses = [h.status for h in job.history]
    assert statuses[statuses.index(JobStatus.INTERRUPTED) + 1] is before


def test_interrupted_before_the_remote_id_reconciles(harness: Harness) -> None:
    remote_id = remote(harness)
    stored_job(harness, JobStatus.INTERRUPTED)
    (job,) = resume(harness)
    assert job.status is JobStatus.READY and job.remote_id == remote_id
    assert "create" not in harness.client.calls


def test_terminal_and_running_jobs_are_not_resumed(harness: Harness) -> None:
    stored_job(harness, JobStatus.READY, remote_id="video_x")
    stored_job(harness, JobStatus.FAILED)

    async def main() -> list[str]:
        try:
            return await harness.service.resume_all()
        finally:
            await harness.close()

    assert asyncio.run(main()) == []


def test_clip_already_in_the_library_is_not_downloaded_again(harness: Harness) -> None:
    remote_id = remote(harness)
    job = stored_job(
        harness,
        JobStatus.DOWNLOADING,
        remote_id=remote_id,
        history=(JobStatus.QUEUED, JobStatus.COMPLETED),
        expires_at=harness.clock() - 1,  # even past expiry: the verified clip is here
    )
    (harness.paths.library_dir / f"{job.id}.mp4").write_bytes(MP4_BYTES)
    (job,) = resume(harness)
    assert job.status is JobStatus.READY
    assert harness.downloads == [] and harness.client.calls == []
