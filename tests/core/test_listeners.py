"""core.listeners: a broken listener is reported through one hook; the rest carry on.

The test suite's own hook (tests/fail_on_unexpected.py) turns a report into a failure; these
tests put their own hook in place, or the app's default, to see what each does.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Iterator
from pathlib import Path

import pytest

from sora_desktop.core import listeners
from sora_desktop.core.models import JobEvent, JobStatus
from tests.core.test_service_support import REQUEST, SIM, Harness, Step
from tests.fail_on_unexpected import ExpectLog


@pytest.fixture
def reported() -> Iterator[list[tuple[BaseException, str]]]:
    """Listener failures, recorded by a hook of the test's own (the suite's is put back)."""
    seen: list[tuple[BaseException, str]] = []
    previous = listeners.set_error_hook(lambda exc, what: seen.append((exc, what)))
    try:
        yield seen
    finally:
        listeners.set_error_hook(previous)


def _broken(value: object) -> None:
    raise RuntimeError(f"broken on {value}")


def test_every_listener_runs_and_the_failure_goes_to_the_hook(
    reported: list[tuple[BaseException, str]],
) -> None:
    heard: list[int] = []
    listeners.notify([heard.append, _broken, heard.append], 3, what="a test listener")
    assert heard == [3, 3]
    assert [(str(exc), what) for exc, what in reported] == [("broken on 3", "a test listener")]


def test_a_listener_may_unsubscribe_while_being_called(
    reported: list[tuple[BaseException, str]],
) -> None:
    subscribed: list[object] = []
    heard: list[int] = []

    def once(value: int) -> None:
        subscribed.remove(once)
        heard.append(value)

    subscribed += [once, heard.append]
    listeners.notify(subscribed, 1, what="a test listener")  # type: ignore[arg-type]
    assert heard == [1, 1] and subscribed == [heard.append] and not reported


def test_the_app_logs_a_failure_with_its_traceback_and_carries_on(expect_log: ExpectLog) -> None:
    previous = listeners.set_error_hook(None)  # the app's default
    heard: list[int] = []
    try:
        with expect_log("sora_desktop.core.listeners", "a test listener failed", "ERROR") as seen:
            listeners.notify([_broken, heard.append], 5, what="a test listener")
    finally:
        listeners.set_error_hook(previous)
    assert heard == [5]
    (record,) = seen
    assert record.levelno == logging.ERROR
    assert record.exc_info is not None and str(record.exc_info[1]) == "broken on 5"


def test_set_error_hook_hands_back_the_previous_hook() -> None:
    def mine(exc: BaseException, what: str) -> None:
        pass

    previous = listeners.set_error_hook(mine)
    try:
        assert listeners.set_error_hook(previous) is mine
    finally:
        listeners.set_error_hook(previous)


def test_a_job_listener_that_raises_is_reported_and_the_job_still_finishes(
    tmp_path: Path, reported: list[tuple[BaseException, str]]
) -> None:
    harness = Harness(tmp_path)
    calls: list[JobStatus] = []

    def broken(event: JobEvent) -> None:
        calls.append(event.status)
        raise KeyError("panel gone")

    harness.service.subscribe(broken)
    harness.client.poll_script = [Step("queued", 0), Step("completed")]

    async def main() -> JobStatus:
        try:
            return (await harness.service.generate(REQUEST, SIM)).status
        finally:
            await harness.close()

    assert asyncio.run(main()) is JobStatus.READY
    assert harness.statuses()[-1] is JobStatus.READY  # the other listener heard everything
    assert len(reported) == len(calls) > 0
    assert all(isinstance(exc, KeyError) and what == "a job listener" for exc, what in reported)
