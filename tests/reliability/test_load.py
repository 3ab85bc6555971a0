"""Twenty concurrent generations through one engine: all complete, one client (one pool), no
thread per job, and the process is nearly idle between polls.

The simulator runs in its own process so its renders don't count as this process's CPU time
or threads.
"""

from __future__ import annotations

import asyncio
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from sora_desktop.core.client import VideoClient
from sora_desktop.core.models import Job, JobStatus
from sora_desktop.core.pacing import Pacing
from sora_desktop.core.service import GenerationService
from tests.reliability.engine import assert_ready, connection, request, run_service

pytestmark = pytest.mark.slow

JOBS = 20
SERVE = """
import sys
from sora_desktop.simulator.server import SimulatorServer
with SimulatorServer(latency=6.0, max_concurrent=32) as sim:
    print(sim.url, flush=True)
    sys.stdin.read()  # until the test closes our stdin
"""


@pytest.fixture
def sim_process() -> Iterator[str]:
    proc = subprocess.Popen(
        [sys.executable, "-c", SERVE], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    assert proc.stdout is not None and proc.stdin is not None
    try:
        url = proc.stdout.readline().strip()
        assert url.startswith("http://127.0.0.1:"), url
        yield url
    finally:
        proc.stdin.close()
        proc.wait(timeout=60)
        proc.stdout.close()


def test_twenty_concurrent_generations_one_pool_few_threads_idle_cpu(
    sim_process: str, data_dir: Path, caplog: pytest.LogCaptureFixture
) -> None:
    clients: list[VideoClient] = []
    threads_seen: list[int] = []
    windows: list[tuple[float, float]] = []  # (cpu seconds, wall seconds) while only polling
    baseline = threading.active_count()

    async def body(service: GenerationService) -> tuple[list[Job], int]:
        conn = connection(sim_process + "/v1")
        jobs = [await service.submit(request(f"clip number {i}"), conn) for i in range(JOBS)]
        done = asyncio.gather(*(service.wait(j.id) for j in jobs))

        async def sample() -> None:
            while not done.done():
                threads_seen.append(threading.active_count())
                await asyncio.sleep(0.05)

        sampler = asyncio.ensure_future(sample())
        # a quiet stretch: every job submitted and polling, no render finished yet (6 s)
        await asyncio.sleep(1.0)
        cpu, wall = time.process_time(), time.monotonic()
        await asyncio.sleep(2.5)
        statuses = {j.status for j in (service._store.get(x.id) for x in jobs) if j is not None}
        assert statuses <= {JobStatus.QUEUED, JobStatus.IN_PROGRESS}, statuses
        windows.append((time.process_time() - cpu, time.monotonic() - wall))
        result = await done
        await sampler
        return result, service.client_count

    # twenty at once: the creator's limit (max_concurrent_jobs, 4 by default) raised to it,
    # as for a provider quota that allows it (this simulator allows 32)
    jobs, client_count = run_service(
        data_dir, body, clients=clients, pacing=Pacing(max_concurrent_jobs=JOBS)
    )
    assert [j.status for j in jobs] == [JobStatus.READY] * JOBS, [j.error_message for j in jobs]
    assert len({j.remote_id for j in jobs}) == JOBS
    listed = httpx.get(
        sim_process + "/v1/videos",
        params={"limit": 100},
        headers={"Authorization": "Bearer sim"},
        timeout=30,
    ).json()["data"]
    assert len(listed) == JOBS  # exactly one remote (paid) job each, none twice
    # a healthy server over loopback loses no create reply, even with twenty at once
    assert "reply lost" not in caplog.text
    assert client_count == 1 and len(clients) == 1  # one VideoClient: one connection pool
    assert_ready(jobs[0])
    assert_ready(jobs[-1])
    # asyncio.to_thread's small shared pool may add a few threads; never one per job
    assert threads_seen and max(threads_seen) - baseline < 10 < JOBS, (baseline, threads_seen)
    ((cpu, wall),) = windows
    assert cpu < 0.25 * wall, f"{cpu:.2f} s of CPU in {wall:.2f} s of polling"
