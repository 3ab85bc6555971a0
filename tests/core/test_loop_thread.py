"""LoopThread: one named I/O thread, coroutines in, futures out, clean stop."""

from __future__ import annotations

import asyncio
import threading
from pathlib import Path

import pytest

from sora_desktop.core.loop_thread import THREAD_NAME, LoopThread
from sora_desktop.core.models import JobStatus
from tests.core.test_service_support import REQUEST, SIM, Harness


def test_runs_coroutines_on_the_named_thread() -> None:
    async def where() -> str:
        await asyncio.sleep(0)
        return threading.current_thread().name

    with LoopThread() as io:
        assert io.submit(where()).result(5) == THREAD_NAME == "sora-io"
        assert io.run(where(), timeout=5) == "sora-io"
    assert not any(t.name == "sora-io" for t in threading.enumerate())


def test_stop_cancels_pending_tasks_and_is_idempotent() -> None:
    io = LoopThread()
    io.start()
    cancelled = threading.Event()
    started = threading.Event()

    async def forever() -> None:
        started.set()
        try:
            await asyncio.Event().wait()
        except asyncio.CancelledError:
            cancelled.set()
            raise

    future = io.submit(forever())
    assert started.wait(5)
    io.stop()
    assert cancelled.is_set()
    assert future.cancelled()
    assert not io.is_running
    io.stop()  # safe twice


def test_submit_after_stop_is_refused_without_leaking_a_coroutine() -> None:
    io = LoopThread()
    io.start()
    io.stop()

    async def nothing() -> None:
        return None

    with pytest.raises(RuntimeError):
        io.submit(nothing())


def test_stop_without_start_is_harmless() -> None:
    LoopThread().stop()


def test_exceptions_reach_the_caller() -> None:
    async def boom() -> None:
        raise ValueError("boom")

    with LoopThread() as io, pytest.raises(ValueError, match="boom"):
        io.run(boom(), timeout=5)


def test_service_runs_on_the_io_thread_and_stop_interrupts_its_jobs(tmp_path: Path) -> None:
    harness = Harness(tmp_path)
    threads: set[str] = set()
    harness.service.subscribe(lambda _e: threads.add(threading.current_thread().name))
    io = LoopThread()
    io.start()
    try:
        job = io.run(harness.service.generate(REQUEST, SIM), timeout=30)
        assert job.status is JobStatus.READY
        harness.client.retrieve_gate = asyncio.Event()  # the next job's polls hang
        harness.client.retrieve_entered = asyncio.Event()
        second = io.run(harness.service.submit(REQUEST, SIM), timeout=30)
        io.run(harness.client.retrieve_entered.wait(), timeout=30)
    finally:
        io.stop()  # cancels the hanging job's task: it is marked interrupted
    stored = harness.store.get(second.id)
    assert stored is not None and stored.status is JobStatus.INTERRUPTED
    assert stored.remote_id is not None  # it was polling when the loop stopped
    assert threads == {"sora-io"}
    harness.store.close()
