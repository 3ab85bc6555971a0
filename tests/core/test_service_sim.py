"""GenerationService against the REAL simulator over loopback, with the real client and store."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any, TypeVar

import av
import pytest

from sora_desktop.core.models import Connection, ConnectionKind, Job, JobStatus, VideoRequest
from sora_desktop.core.paths import AppPaths
from sora_desktop.core.service import GenerationService
from sora_desktop.core.store import JobStore
from tests.fail_on_unexpected import ExpectLog

T = TypeVar("T")


def sim_connection(simulator: Any) -> Connection:
    return Connection(kind=ConnectionKind.SIMULATOR, base_url=simulator.url + "/v1")


def request(prompt: str = "a paper boat on a pond", **kw: Any) -> VideoRequest:
    kw.setdefault("size", "720x1280")
    kw.setdefault("seconds", 4)
    return VideoRequest(prompt=prompt, **kw)


def with_service(tmp_path: Path, body: Callable[[GenerationService], Awaitable[T]]) -> T:
    paths = AppPaths.default(tmp_path / "appdata")
    paths.ensure()
    store = JobStore(paths.db_path)

    async def main() -> T:
        service = GenerationService(store, paths, give_up_after=60.0)
        try:
            return await body(service)
        finally:
            await service.shutdown()

    try:
        return asyncio.run(main())
    finally:
        store.close()


def assert_intact_clip(job: Job, size: str = "720x1280", seconds: int = 4) -> None:
    assert job.status is JobStatus.READY, (job.status, job.error_message)
    assert job.file_path is not None and job.file_path.is_file()
    width, height = (int(x) for x in size.split("x"))
    with av.open(str(job.file_path)) as container:
        video = container.streams.video[0]
        assert (video.codec_context.width, video.codec_context.height) == (width, height)
        assert container.streams.audio, "the clip has no audio stream"
        assert container.duration is not None
        assert abs(container.duration / 1_000_000 - seconds) < 0.5
        frames = sum(1 for _ in container.decode(video=0))
        assert frames > 0
    assert not list(job.file_path.parent.glob(".partial/*.part"))


def test_generate_to_ready_with_a_decodable_clip_and_thumbnail(
    simulator: Any, tmp_path: Path
) -> None:
    async def body(service: GenerationService) -> Job:
        return await service.generate(request(), sim_connection(simulator))

    job = with_service(tmp_path, body)
    assert_intact_clip(job)
    assert job.thumbnail_path is not None and job.thumbnail_path.stat().st_size > 0
    assert job.remote_id is not None and simulator.created_count == 1
    assert job.expires_at is not None and job.completed_at is not None


def test_dropped_create_reply_makes_exactly_one_remote_job(
    simulator: Any, tmp_path: Path, expect_log: ExpectLog
) -> None:
    async def body(service: GenerationService) -> Job:
        return await service.generate(request("a lighthouse [sim:drop]"), sim_connection(simulator))

    with expect_log("sora_desktop.core.jobrunner", "create reply lost"):
        job = with_service(tmp_path, body)
    assert_intact_clip(job)
    assert simulator.created_count == 1
    assert simulator.video_ids() == [job.remote_id]


@pytest.mark.parametrize("directive", ["drop-download", "truncate", "notmp4"])
def test_broken_downloads_still_end_with_an_intact_clip(
    simulator: Any, tmp_path: Path, directive: str, expect_log: ExpectLog
) -> None:
    async def body(service: GenerationService) -> Job:
        return await service.generate(
            request(f"a windmill [sim:{directive}]"), sim_connection(simulator)
        )

    with (
        expect_log("sora_desktop.core.download", "attempt 1: not an MP4")
        if directive == "notmp4"
        else contextlib.nullcontext()
    ):
        job = with_service(tmp_path, body)
    assert_intact_clip(job)
    assert simulator.created_count == 1


def test_moderation_ends_failed_with_the_plain_message(simulator: Any, tmp_path: Path) -> None:
    async def body(service: GenerationService) -> Job:
        return await service.generate(
            request("a famous actor [sim:moderation]"), sim_connection(simulator)
        )

    job = with_service(tmp_path, body)
    assert job.status is JobStatus.FAILED
    assert job.error_code == "moderation_blocked"
    assert job.error_message is not None and "content rules" in job.error_message
    assert job.file_path is None


def test_remix_of_a_finished_clip(simulator: Any, tmp_path: Path) -> None:
    async def body(service: GenerationService) -> tuple[Job, Job]:
        first = await service.generate(request(), sim_connection(simulator))
        remix = await service.remix(first.id, "the same boat at sunset")
        return first, await service.wait(remix.id)

    first, remix = with_service(tmp_path, body)
    assert_intact_clip(remix)
    assert remix.request.remix_of == first.remote_id
    assert simulator.created_count == 2


@pytest.mark.slow
def test_twenty_concurrent_generations_share_one_pool(simulator: Any, tmp_path: Path) -> None:
    async def body(service: GenerationService) -> tuple[list[Job], int]:
        conn = sim_connection(simulator)
        jobs = [await service.submit(request(f"clip number {i}"), conn) for i in range(20)]
        done = await asyncio.gather(*(service.wait(j.id) for j in jobs))
        return list(done), service.client_count

    jobs, clients = with_service(tmp_path, body)
    assert clients == 1
    assert [j.status for j in jobs] == [JobStatus.READY] * 20, [j.error_message for j in jobs]
    assert len({j.remote_id for j in jobs}) == 20
    assert simulator.created_count == 20
    assert_intact_clip(jobs[-1])


def test_rate_limited_polls_are_waited_out(simulator: Any, tmp_path: Path) -> None:
    async def body(service: GenerationService) -> Job:
        return await service.generate(request("a tram [sim:429=2]"), sim_connection(simulator))

    job = with_service(tmp_path, body)
    assert_intact_clip(job)
    assert simulator.created_count == 1
