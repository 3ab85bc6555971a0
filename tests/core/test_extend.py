"""Extending a clip: the Videos API's extensions endpoint, its guards, and the continuation."""

from __future__ import annotations

import asyncio
import dataclasses
import json
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any, TypeVar

import httpx
import pytest

from sora_desktop.core.client import VideoClient
from sora_desktop.core.clipinfo import probe
from sora_desktop.core.errors import InvalidRequestError
from sora_desktop.core.extend import (
    ExtendRoute,
    continuation_request,
    extend_route,
    join_continuation,
)
from sora_desktop.core.models import Connection, ConnectionKind, Job, JobStatus, VideoRequest
from sora_desktop.core.pacing import Pacing
from sora_desktop.core.paths import AppPaths
from sora_desktop.core.reconcile import matches_request
from sora_desktop.core.remote_video import RemoteVideo
from sora_desktop.core.service import GenerationService
from sora_desktop.core.store import JobStore
from tests.core.media_clips import sim_clip
from tests.core.test_service_sim import assert_intact_clip, request, sim_connection
from tests.fail_on_unexpected import ExpectLog

T = TypeVar("T")


def with_service(tmp_path: Path, body: Callable[[GenerationService], Awaitable[T]]) -> T:
    """The real service, store and client against the simulator, polling briskly."""
    paths = AppPaths.default(tmp_path / "appdata")
    paths.ensure()
    store = JobStore(paths.db_path)

    async def main() -> T:
        service = GenerationService(
            store,
            paths,
            give_up_after=60.0,
            pacing=Pacing(poll_initial_seconds=0.2, poll_max_seconds=0.5),
        )
        try:
            return await body(service)
        finally:
            await service.shutdown()

    try:
        return asyncio.run(main())
    finally:
        store.close()


def test_extend_sends_the_extensions_request() -> None:
    seen: list[httpx.Request] = []

    def handler(req: httpx.Request) -> httpx.Response:
        seen.append(req)
        return httpx.Response(200, json={"id": "video_ext", "status": "queued"})

    async def run() -> None:
        conn = Connection(ConnectionKind.OPENAI, "https://api.openai.com/v1")
        async with VideoClient(conn, "sk-test", transport=httpx.MockTransport(handler)) as c:
            polled = await c.create(VideoRequest(prompt="then", seconds=8, extend_of="video_1"))
            assert polled.video.id == "video_ext"

    asyncio.run(run())
    assert seen[0].url.path == "/v1/videos/extensions"
    assert json.loads(seen[0].content) == {
        "prompt": "then",
        "seconds": "8",
        "video": {"id": "video_1"},
    }


def test_extension_of_a_finished_clip_on_the_simulator(simulator: Any, tmp_path: Path) -> None:
    async def body(service: GenerationService) -> tuple[Job, Job]:
        first = await service.generate(request(seconds=4), sim_connection(simulator))
        extension = await service.extend(first.id, "the boat sails out of frame", 4)
        return first, await service.wait(extension.id)

    first, extension = with_service(tmp_path, body)
    assert_intact_clip(extension, seconds=8)  # the source and the new part
    assert extension.request.extend_of == first.remote_id
    assert extension.request.seconds == 4
    assert simulator.created_count == 2


def test_a_lost_extension_reply_is_reconciled_not_resent(
    simulator: Any, tmp_path: Path, expect_log: ExpectLog
) -> None:
    async def body(service: GenerationService) -> Job:
        first = await service.generate(request(), sim_connection(simulator))
        extension = await service.extend(first.id, "and on [sim:drop]", 4)
        return await service.wait(extension.id)

    with expect_log("sora_desktop.core.jobrunner", "create reply lost"):
        extension = with_service(tmp_path, body)
    assert_intact_clip(extension, seconds=8)
    assert simulator.created_count == 2  # the source and ONE extension


def test_reconcile_matches_an_extension_by_prompt_model_and_size() -> None:
    req = VideoRequest(prompt="more", model="sora-2", size="1280x720", seconds=4, extend_of="v1")
    total = RemoteVideo(id="v2", status="queued", prompt="more", model="sora-2", seconds="12")
    assert matches_request(dataclasses.replace(total, size="1280x720"), req)
    assert not matches_request(dataclasses.replace(total, size="720x1280"), req)
    assert not matches_request(dataclasses.replace(total, prompt="less"), req)


def _job(**kw: Any) -> Job:
    fields: dict[str, Any] = {
        "id": "j" * 32,
        "request": VideoRequest(prompt="p", model="sora-2", size="1280x720", seconds=4),
        "connection": Connection(ConnectionKind.OPENAI, "https://api.openai.com/v1"),
        "status": JobStatus.READY,
        "remote_id": "video_1",
    }
    fields.update(kw)
    return Job(**fields)


def test_the_route_is_chosen_by_what_the_connection_and_source_allow() -> None:
    assert extend_route(_job()) is ExtendRoute.VIDEOS_API
    azure = Connection(ConnectionKind.AZURE, "https://x.openai.azure.com/openai/v1")
    assert extend_route(_job(connection=azure)) is ExtendRoute.CONTINUATION
    assert extend_route(_job(remote_deleted_at=1.0)) is ExtendRoute.CONTINUATION
    assert extend_route(_job(remote_id=None)) is ExtendRoute.CONTINUATION

    class Catalogue:
        def can_extend(self, connection: Connection, model: str) -> bool:
            return model == "sora-2"

    assert extend_route(_job(connection=azure), provider=Catalogue()) is ExtendRoute.PROVIDER


def test_extension_refused_before_anything_is_sent(simulator: Any, tmp_path: Path) -> None:
    async def body(service: GenerationService) -> list[str]:
        first = await service.generate(request(), sim_connection(simulator))
        await service.delete_remote(first.id)
        messages = []
        try:
            await service.extend(first.id, "more", 4)
        except InvalidRequestError as err:
            messages.append(err.message)
        try:
            await service.extend(first.id + "x", "more", 4)
        except Exception as err:  # not in the library
            messages.append(type(err).__name__)
        return messages

    messages = with_service(tmp_path, body)
    assert "deleted from the service" in messages[0]
    assert messages[1] == "NotFoundError"
    assert simulator.created_count == 1


def test_azure_model_cannot_extend_through_the_api(tmp_path: Path) -> None:
    from sora_desktop.core.capabilities import capabilities_for, validate_request

    caps = capabilities_for("sora-2", azure=True)
    with pytest.raises(InvalidRequestError, match="can't extend"):
        validate_request(VideoRequest(prompt="p", seconds=4, extend_of="v"), caps)


def test_continuation_starts_on_the_last_frame_and_joins_the_source(tmp_path: Path) -> None:
    source_clip = sim_clip(tmp_path / "sim", "A kite over the dunes", size="320x180")
    source = _job(file_path=source_clip, request=VideoRequest(prompt="k", size="320x180"))
    req = continuation_request(source, "the kite lands", 4, tmp_path / "images")
    assert req.reference_image is not None and req.size == "320x180" and req.seconds == 4
    assert req.extend_of is None and req.remix_of is None  # an ordinary create
    follow_clip = sim_clip(tmp_path / "sim", "The kite lands softly", size="320x180")
    follow = _job(id="k" * 32, file_path=follow_clip)
    result = join_continuation(source, follow, tmp_path / "extended.mp4")
    assert result.copied
    assert float(probe(result.path).duration) == pytest.approx(4.0)
    with pytest.raises(InvalidRequestError, match="finished"):
        continuation_request(_job(status=JobStatus.FAILED), "x", 4, tmp_path / "images")
