"""The service paced by the user settings (core/pacing.py): the waits between polls, a
per-connection limit on jobs created or polled at once, and what a job that gave up says."""

from __future__ import annotations

import asyncio
import dataclasses
from collections.abc import Awaitable, Callable
from pathlib import Path

from sora_desktop.core.errors import RateLimitedError
from sora_desktop.core.models import JobEvent, JobStatus
from sora_desktop.core.pacing import Pacing
from tests.core.test_service_support import REQUEST, SIM, Harness, Step
from tests.fail_on_unexpected import ExpectLog


def run(harness: Harness, body: Callable[[], Awaitable[None]]) -> None:
    async def main() -> None:
        try:
            await body()
        finally:
            await harness.close()

    asyncio.run(main())


async def until(condition: Callable[[], bool]) -> None:
    for _ in range(10_000):
        if condition():
            return
        await asyncio.sleep(0)
    raise AssertionError("the condition never came true")


def test_polls_wait_as_the_settings_say(tmp_path: Path) -> None:
    harness = Harness(tmp_path, pacing=Pacing(poll_initial_seconds=5.0, poll_max_seconds=8.0))
    harness.client.poll_script = [Step("in_progress", 10)] * 4 + [Step("completed", 100)]

    async def body() -> None:
        job = await harness.service.generate(REQUEST, SIM)
        assert job.status is JobStatus.READY

    run(harness, body)
    sleeps = harness.clock.sleeps
    assert len(sleeps) == 4
    assert 4.0 <= sleeps[0] <= 6.0  # 5 s +- the jitter
    assert all(s <= 8.0 * 1.2 for s in sleeps) and max(sleeps) > 6.0  # grew, capped at 8


def test_jobs_past_the_limit_wait_in_line_and_are_sent_one_by_one(tmp_path: Path) -> None:
    harness = Harness(tmp_path, pacing=Pacing(max_concurrent_jobs=2))
    client = harness.client

    async def body() -> None:
        client.retrieve_gate = asyncio.Event()  # renders "running" until the gate opens
        jobs = [await harness.service.submit(REQUEST, SIM) for _ in range(3)]
        await until(lambda: client.calls.count("retrieve") == 2)
        await until(lambda: any(e.message for e in harness.events))
        assert client.calls.count("create") == 2  # the third is not sent while two run
        third = harness.store.get(jobs[2].id)
        assert third is not None
        assert third.status is JobStatus.SUBMITTING and third.remote_id is None
        waiting = [e for e in harness.events if e.job_id == third.id and e.message]
        assert [e.status for e in waiting] == [JobStatus.SUBMITTING]
        assert waiting[0].message is not None
        assert waiting[0].message.startswith("Waiting in line: 2 jobs")
        client.retrieve_gate.set()
        done = [await harness.service.wait(j.id) for j in jobs]
        assert [j.status for j in done] == [JobStatus.READY] * 3
        assert client.calls.count("create") == 3
        # once it had its slot the job said so (an empty message: no longer waiting)
        after: list[JobEvent] = [e for e in harness.events if e.job_id == third.id]
        assert after[after.index(waiting[0]) + 1].message == ""

    run(harness, body)


def test_each_connection_has_its_own_line(tmp_path: Path) -> None:
    harness = Harness(tmp_path, pacing=Pacing(max_concurrent_jobs=1))
    client = harness.client
    other = dataclasses.replace(SIM, base_url="http://127.0.0.1:10/v1")

    async def body() -> None:
        client.retrieve_gate = asyncio.Event()
        first = await harness.service.submit(REQUEST, SIM)
        second = await harness.service.submit(REQUEST, other)
        await until(lambda: client.calls.count("retrieve") == 2)  # both sent, both polled
        assert not any(e.message for e in harness.events)
        client.retrieve_gate.set()
        for job in (first, second):
            assert (await harness.service.wait(job.id)).status is JobStatus.READY

    run(harness, body)


def test_a_job_cancelled_while_waiting_in_line_is_never_sent(tmp_path: Path) -> None:
    harness = Harness(tmp_path, pacing=Pacing(max_concurrent_jobs=1))
    client = harness.client

    async def body() -> None:
        client.retrieve_gate = asyncio.Event()
        first = await harness.service.submit(REQUEST, SIM)
        second = await harness.service.submit(REQUEST, SIM)
        await until(lambda: any(e.message for e in harness.events))
        cancelled = await harness.service.cancel(second.id)
        assert cancelled.status is JobStatus.CANCELLED
        client.retrieve_gate.set()
        assert (await harness.service.wait(first.id)).status is JobStatus.READY
        assert client.calls.count("create") == 1

    run(harness, body)


def test_a_create_refused_with_429_until_the_limit_does_not_promise_a_retry(
    tmp_path: Path, expect_log: ExpectLog
) -> None:
    harness = Harness(tmp_path, give_up_after=30.0)
    harness.client.create_script = [
        RateLimitedError("Too many requests (slow down).", "The app will retry by itself.")
    ]

    async def body() -> None:
        job = await harness.service.generate(REQUEST, SIM)
        assert job.status is JobStatus.FAILED
        assert job.error_message is not None
        assert "retry by itself" not in job.error_message
        assert "nothing was charged" in job.error_message

    with expect_log("sora_desktop.core.service", "giving up for now: Too many requests"):
        run(harness, body)
    assert harness.client.videos == {}


def test_a_submitted_job_that_gave_up_says_it_continues_later(
    tmp_path: Path, expect_log: ExpectLog
) -> None:
    harness = Harness(tmp_path, give_up_after=30.0)
    harness.client.poll_script = [
        Step(
            error=RateLimitedError(
                "Too many requests (slow down).", "The app will retry by itself."
            )
        )
    ]

    async def body() -> None:
        job = await harness.service.generate(REQUEST, SIM)
        assert job.status is JobStatus.INTERRUPTED
        assert job.error_message is not None
        assert "retry by itself" not in job.error_message
        assert "continues the next time the app starts" in job.error_message

    with expect_log("sora_desktop.core.service", "giving up for now: Too many requests"):
        run(harness, body)
