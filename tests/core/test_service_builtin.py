"""Jobs on the built-in simulator: the one rule that recognises it, the address looked up at
run time, and jobs that can't go on ending or waiting with a reason (never polling forever)."""

from __future__ import annotations

import asyncio

from sora_desktop.core.builtin_simulator import is_builtin_simulator
from sora_desktop.core.models import (
    Connection,
    ConnectionKind,
    JobEvent,
    JobStatus,
    VideoRequest,
)
from sora_desktop.core.paths import AppPaths
from sora_desktop.core.profiles import SIMULATOR_PROFILE, make_profile
from sora_desktop.core.service import GenerationService
from sora_desktop.core.store import JobStore
from sora_desktop.simulator.builtin import BuiltinSimulator
from tests.core.test_service_sim import assert_intact_clip
from tests.fail_on_unexpected import ExpectLog

BUILTIN = SIMULATOR_PROFILE.connection()
REQUEST = VideoRequest(prompt="a kite over dunes [sim:slow=3]", size="720x1280", seconds=4)


def test_one_rule_for_the_built_in_simulator() -> None:
    assert is_builtin_simulator(SIMULATOR_PROFILE) and is_builtin_simulator(BUILTIN)
    # a job stored by an older version kept the port it happened to have then
    legacy = Connection(
        ConnectionKind.SIMULATOR, "http://127.0.0.1:41234/v1", profile_id="simulator"
    )
    assert is_builtin_simulator(legacy)
    mine = make_profile("My simulator", ConnectionKind.SIMULATOR)
    assert is_builtin_simulator(mine)  # no address of its own: the app's simulator
    elsewhere = Connection(ConnectionKind.SIMULATOR, "http://10.0.0.5:8000/v1", profile_id="lab")
    assert not is_builtin_simulator(elsewhere)
    gateway = make_profile("Gateway", ConnectionKind.COMPATIBLE, base_url="https://gw.example/v1")
    assert not is_builtin_simulator(gateway) and not is_builtin_simulator(gateway.connection())


def simulator(paths: AppPaths) -> BuiltinSimulator:
    return BuiltinSimulator(paths.simulator_dir, latency=1.0)


async def _start(service: GenerationService) -> str:
    """Submit the request, stop once the render is under way (the app closing with "Keep
    for next start"); return the job id."""
    under_way = asyncio.Event()

    def on_event(event: JobEvent) -> None:
        if event.status in (JobStatus.QUEUED, JobStatus.IN_PROGRESS):
            under_way.set()  # stored with its remote id first

    service.subscribe(on_event)
    job = await service.submit(REQUEST, BUILTIN)
    await asyncio.wait_for(under_way.wait(), timeout=60)
    await service.shutdown()
    return job.id


def test_the_job_stores_no_address_and_resumes_on_a_restarted_simulator(
    paths: AppPaths, store: JobStore
) -> None:
    first = simulator(paths)
    try:
        job_id = asyncio.run(_start(GenerationService(store, paths, builtin_simulator=first)))
        assert first.server is not None and first.server.created_count == 1
    finally:
        first.stop()
    kept = store.get(job_id)
    assert kept is not None and kept.status is JobStatus.INTERRUPTED
    assert kept.connection == BUILTIN  # base_url "": no port to go stale

    second = simulator(paths)

    async def resume() -> None:
        service = GenerationService(store, paths, builtin_simulator=second)
        try:
            assert await service.resume_all() == [job_id]
            await service.wait(job_id)
        finally:
            await service.shutdown()

    try:
        asyncio.run(resume())
        assert second.server is not None and second.server.created_count == 0
    finally:
        second.stop()
    done = store.get(job_id)
    assert done is not None
    assert_intact_clip(done)


def _resume_with(store: JobStore, paths: AppPaths, link: BuiltinSimulator | None) -> str | None:
    async def resume() -> str | None:
        service = GenerationService(store, paths, builtin_simulator=link)
        try:
            (job_id,) = await service.resume_all()
            job = await service.wait(job_id)
            assert job.status is JobStatus.INTERRUPTED  # waits for a simulator that has it
            return job.error_message
        finally:
            await service.shutdown()

    return asyncio.run(resume())


def test_while_another_process_has_the_simulators_jobs_the_job_waits_with_the_reason(
    paths: AppPaths, store: JobStore, expect_log: ExpectLog
) -> None:
    owner = simulator(paths)
    try:
        asyncio.run(_start(GenerationService(store, paths, builtin_simulator=owner)))
        other = simulator(paths)  # e.g. `sora-desktop resume` while the window is open
        try:
            with expect_log("sora_desktop.simulator.builtin", "in use by another simulator"):
                reason = _resume_with(store, paths, other)
            assert reason is not None and "another Sora Desktop" in reason
            # new jobs still work there, without being kept
            assert other.base_url().startswith("http://127.0.0.1:")
            assert not other.keeps_state
        finally:
            other.stop()
    finally:
        owner.stop()


def test_without_a_simulator_the_job_waits_with_the_reason(
    paths: AppPaths, store: JobStore
) -> None:
    owner = simulator(paths)
    try:
        asyncio.run(_start(GenerationService(store, paths, builtin_simulator=owner)))
    finally:
        owner.stop()
    reason = _resume_with(store, paths, None)
    assert reason is not None and "built-in simulator, which isn't running here" in reason
