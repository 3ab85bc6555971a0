"""A batch stopped at each instant of sending a row (a crash leaves the library as it was),
then run again: the row is sent exactly once, and a job already sent is never sent again.

Each test builds the library as a process killed at that instant leaves it, then runs the
batch with a fresh service and runner against the real simulator, which counts creates.
(The whole-process version, SIGKILL mid-batch, is tests/test_batch_kill_resume.py.)
"""

from __future__ import annotations

import asyncio
import time
import uuid
from pathlib import Path
from typing import Any

import pytest

from sora_desktop.core.batch.runner import BatchRunner
from sora_desktop.core.batch.store import RowStatus
from sora_desktop.core.client import VideoClient
from sora_desktop.core.errors import ServiceUnavailableError
from sora_desktop.core.filelock import FileLock
from sora_desktop.core.models import Job, JobEvent, JobStatus
from sora_desktop.core.paths import AppPaths
from sora_desktop.core.service import GenerationService
from sora_desktop.simulator.server import SimulatorServer
from tests.core.batch.test_runner import Env, sim, with_runner


def one_row(env: Env, server: SimulatorServer, prompt: str = "a lantern on a lake") -> str:
    return env.create(sim(server), [prompt]).id


async def rerun(env: Env, batch_id: str) -> Any:
    """What the next start does: a new runner on the same library runs the batch."""
    runner = BatchRunner(env.service, env.store)
    summary = await runner.run(batch_id)
    return summary, runner.batches.rows(batch_id)


def test_killed_after_recording_the_job_before_storing_it(
    simulator: SimulatorServer, tmp_path: Path
) -> None:
    job_id = uuid.uuid4().hex

    async def body(env: Env) -> Any:
        batch = one_row(env, simulator)
        assert env.runner.batches.record_intent(batch, 1, 1, job_id, 0.0)
        assert env.runner.batches.rows(batch)[0].status is RowStatus.SENDING
        return await rerun(env, batch)

    summary, (row,) = with_runner(tmp_path, body)
    assert summary.counts == {RowStatus.READY: 1}
    assert (row.job_id, row.attempts) == (job_id, 1)  # sent under the recorded id
    assert simulator.created_count == 1


def test_killed_with_the_job_stored_as_a_draft(simulator: SimulatorServer, tmp_path: Path) -> None:
    job_id = uuid.uuid4().hex

    async def body(env: Env) -> Any:
        batch = one_row(env, simulator)
        row = env.runner.batches.rows(batch)[0]
        env.runner.batches.record_intent(batch, 1, 1, job_id, 0.0)
        env.store.add(Job(id=job_id, request=row.request, connection=sim(simulator)))
        return await rerun(env, batch)

    summary, (row,) = with_runner(tmp_path, body)
    assert summary.counts == {RowStatus.READY: 1} and row.job_id == job_id
    assert simulator.created_count == 1


def test_killed_after_the_create_left_before_anything_else_was_stored(
    simulator: SimulatorServer, tmp_path: Path
) -> None:
    """The job is ``submitting`` (no remote id) and the batch never heard back: the create
    did reach the service. The next run resumes the job, which finds it by listing."""
    job_id = uuid.uuid4().hex

    async def body(env: Env) -> Any:
        batch = one_row(env, simulator)
        row = env.runner.batches.rows(batch)[0]
        env.runner.batches.record_intent(batch, 1, 1, job_id, 0.0)
        env.store.add(
            Job(
                id=job_id,
                request=row.request,
                connection=sim(simulator),
                status=JobStatus.SUBMITTING,
                submitted_at=time.time(),
            )
        )
        async with VideoClient(sim(simulator), "sim") as client:
            await client.create(row.request)  # the create that left before the crash
        assert simulator.created_count == 1
        return await rerun(env, batch)

    summary, (row,) = with_runner(tmp_path, body)
    assert summary.counts == {RowStatus.READY: 1}
    assert row.job_id == job_id and row.sent
    assert simulator.created_count == 1  # adopted, not sent again
    assert simulator.video_ids() == [row.remote_id]


def test_killed_while_its_job_was_rendering(simulator: SimulatorServer, tmp_path: Path) -> None:
    async def body(env: Env) -> Any:
        batch = one_row(env, simulator, "a slow lantern [sim:slow=2]")
        row = env.runner.batches.rows(batch)[0]
        job_id = uuid.uuid4().hex
        env.runner.batches.record_intent(batch, 1, 1, job_id, 0.0)
        rendering = asyncio.Event()

        def watch(event: JobEvent) -> None:
            if event.job_id == job_id and event.status is JobStatus.IN_PROGRESS:
                rendering.set()

        env.service.subscribe(watch)
        await env.service.submit(row.request, sim(simulator), job_id=job_id)
        env.runner.batches.mark_sent(job_id)
        await asyncio.wait_for(rendering.wait(), 60)
        await env.service.shutdown()  # the app closed mid-render: the job is interrupted
        assert env.store.get(job_id).status is JobStatus.INTERRUPTED  # type: ignore[union-attr]
        paths = AppPaths.default(tmp_path / "appdata")
        fresh = GenerationService(env.store, paths, give_up_after=60.0)
        try:
            return await rerun(Env(fresh, env.runner, env.store), batch)
        finally:
            await fresh.shutdown()

    summary, (row,) = with_runner(tmp_path, body)
    assert summary.counts == {RowStatus.READY: 1} and row.attempts == 1
    assert simulator.created_count == 1


def test_a_job_deleted_from_the_library_is_not_sent_again(
    simulator: SimulatorServer, tmp_path: Path
) -> None:
    async def body(env: Env) -> Any:
        batch = one_row(env, simulator, "a quick sketch [sim:fail]")
        await env.runner.run(batch)
        (row,) = env.runner.batches.rows(batch)
        assert row.job_id is not None
        env.store.delete(row.job_id)
        return await rerun(env, batch)

    summary, (row,) = with_runner(tmp_path, body)
    assert row.status is RowStatus.GONE and row.job_id is not None and row.attempts == 1
    assert summary.counts == {RowStatus.GONE: 1} and summary.finished
    assert simulator.created_count == 1


def test_a_batch_another_process_runs_is_busy(simulator: SimulatorServer, tmp_path: Path) -> None:
    async def body(env: Env) -> Any:
        batch = one_row(env, simulator)
        other = FileLock(env.store.path.parent / "batches" / f"{batch}.lock")
        (env.store.path.parent / "batches").mkdir(exist_ok=True)
        assert other.acquire()
        try:
            with pytest.raises(ServiceUnavailableError) as caught:
                await env.runner.run(batch)
        finally:
            other.release()
        assert caught.value.code == "batch_busy"
        assert "another Sora Desktop" in caught.value.message
        return env.store.count()

    assert with_runner(tmp_path, body) == 0
    assert simulator.created_count == 0
