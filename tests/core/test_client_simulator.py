"""VideoClient against the real simulator over loopback: no mocks between them."""

from __future__ import annotations

import asyncio
import contextlib
import threading
import time
from pathlib import Path
from typing import Any

import av
import pytest
from PIL import Image

from sora_desktop.core import errors
from sora_desktop.core.backoff import Backoff
from sora_desktop.core.client import Polled, VideoClient
from sora_desktop.core.download import download_video
from sora_desktop.core.models import Connection, ConnectionKind, VideoRequest
from sora_desktop.core.thumbnails import fetch_thumbnail
from tests.core.test_client_support import run
from tests.fail_on_unexpected import ExpectLog


def _client(simulator: Any, key: str | None = "sim-key") -> VideoClient:
    conn = Connection(kind=ConnectionKind.SIMULATOR, base_url=f"{simulator.url}/v1")
    return VideoClient(conn, key)


async def _until_done(client: VideoClient, video_id: str, deadline: float = 60.0) -> Polled:
    """Poll with the server's hint until the job leaves queued/in_progress (with a deadline)."""
    end = time.monotonic() + deadline
    while True:
        polled = await client.retrieve(video_id)
        if polled.video.status not in ("queued", "in_progress"):
            return polled
        assert time.monotonic() < end, f"render of {video_id} did not finish in {deadline} s"
        await asyncio.sleep(min(polled.poll_after or 0.2, 0.5))


async def _no_sleep(delay: float) -> None:
    return None


def _probe(path: Path) -> tuple[int, int, float]:
    with av.open(str(path)) as container:
        stream = container.streams.video[0]
        frames = sum(1 for _ in container.decode(stream))
        assert frames > 0
        duration = float(container.duration or 0) / 1_000_000
        return stream.codec_context.width, stream.codec_context.height, duration


def test_create_poll_download_decode(simulator: Any, tmp_path: Path) -> None:
    final = tmp_path / "lib" / "clip.mp4"
    progress: list[tuple[int, int | None]] = []

    async def go() -> tuple[Polled, Polled, Path]:
        async with _client(simulator) as client:
            created = await client.create(
                VideoRequest(prompt="a paper boat on a pond", size="1280x720", seconds=4)
            )
            done = await _until_done(client, created.video.id)
            path = await download_video(
                client,
                created.video.id,
                final,
                tmp_path / "lib" / ".partial",
                on_progress=lambda d, t: progress.append((d, t)),
            )
            return created, done, path

    created, done, path = run(go())
    assert created.video.status in ("queued", "in_progress")
    assert created.video.seconds == "4" and created.video.size == "1280x720"
    assert created.poll_after is not None and created.poll_after > 0
    assert done.video.status == "completed" and done.video.progress == 100
    assert simulator.created_count == 1
    width, height, duration = _probe(path)
    assert (width, height) == (1280, 720)
    assert duration == pytest.approx(4.0, abs=0.5)
    assert progress[-1][0] == path.stat().st_size == progress[-1][1]


def test_a_download_receives_up_to_a_megabyte_at_a_time_in_its_own_thread(
    simulator: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """httpcore asks the socket for 64 KiB per receive unless told otherwise, which runs a
    300 MB video through its parser in some 5,000 steps (see ``transport.READ_SIZE``). The body
    is received by a blocking client in a thread of the download's own (no event loop per
    piece), while progress is still reported on the event loop's thread, in order."""
    from httpcore._backends.sync import SyncStream

    asked: list[tuple[int, str]] = []
    real_read = SyncStream.read

    def read(self: SyncStream, max_bytes: int, timeout: float | None = None) -> bytes:
        asked.append((max_bytes, threading.current_thread().name))
        return real_read(self, max_bytes, timeout)

    monkeypatch.setattr(SyncStream, "read", read)
    dest = tmp_path / "clip.mp4.part"
    progress: list[tuple[int, str]] = []

    async def go() -> tuple[int, str]:
        async with _client(simulator) as client:
            created = await client.create(VideoRequest(prompt="a kite over dunes [sim:pad=3]"))
            await _until_done(client, created.video.id)
            asked.clear()
            size = await client.download(
                created.video.id,
                dest,
                on_progress=lambda d, _t: progress.append((d, threading.current_thread().name)),
            )
            return size, threading.current_thread().name

    size, loop_thread = run(go())
    assert size == dest.stat().st_size > 3 * 1024 * 1024
    assert asked and min(n for n, _ in asked) >= 1024 * 1024
    assert {name for _, name in asked} == {"sora-download"}
    assert {name for _, name in progress} == {loop_thread}
    assert [d for d, _ in progress] == sorted(d for d, _ in progress)
    assert progress[0][0] == 0 and progress[-1][0] == size
    assert not any(t.name == "sora-download" for t in threading.enumerate())


def test_list_remix_delete(simulator: Any) -> None:
    async def go() -> None:
        async with _client(simulator) as client:
            first = await client.create(VideoRequest(prompt="a lighthouse at dusk"))
            await _until_done(client, first.video.id)
            remix = await client.remix(first.video.id, "the same lighthouse in a storm")
            assert remix.video.id != first.video.id
            assert remix.video.remixed_from_video_id == first.video.id

            page = await client.list_page(limit=1, order="desc")
            assert len(page.data) == 1 and page.has_more
            recent = await client.list_recent(since=time.time() - 600)
            assert {first.video.id, remix.video.id} <= {v.id for v in recent}

            await _until_done(client, remix.video.id)
            await client.delete(remix.video.id)
            with pytest.raises(errors.NotFoundError):
                await client.retrieve(remix.video.id)

    run(go())


def test_reference_image_multipart_is_accepted(simulator: Any, tmp_path: Path) -> None:
    image = tmp_path / "ref.png"
    Image.new("RGB", (720, 1280), (20, 120, 200)).save(image)

    async def go() -> Polled:
        async with _client(simulator) as client:
            return await client.create(
                VideoRequest(prompt="a blue wall", size="720x1280", reference_image=image)
            )

    assert run(go()).video.size == "720x1280"


def test_wrong_size_reference_image_is_a_400_with_param(simulator: Any, tmp_path: Path) -> None:
    image = tmp_path / "ref.png"
    Image.new("RGB", (640, 480)).save(image)

    async def go() -> None:
        async with _client(simulator) as client:
            await client.create(VideoRequest(prompt="x", size="720x1280", reference_image=image))

    with pytest.raises(errors.InvalidRequestError) as info:
        run(go())
    assert info.value.status_code == 400


@pytest.mark.parametrize("directive", ["[sim:drop-download]", "[sim:truncate]", "[sim:notmp4]"])
def test_download_recovers_from_broken_first_attempt(
    simulator: Any, tmp_path: Path, directive: str, expect_log: ExpectLog
) -> None:
    final = tmp_path / "clip.mp4"

    async def go() -> Path:
        async with _client(simulator) as client:
            created = await client.create(VideoRequest(prompt=f"a kite {directive}"))
            await _until_done(client, created.video.id)
            return await download_video(
                client,
                created.video.id,
                final,
                tmp_path / ".partial",
                backoff=Backoff(initial=0.0),
                sleep=_no_sleep,
            )

    with (
        expect_log("sora_desktop.core.download", "attempt 1: not an MP4")
        if directive == "[sim:notmp4]"
        else contextlib.nullcontext()
    ):
        path = run(go())
    assert _probe(path)[:2] == (720, 1280)
    assert list((tmp_path / ".partial").iterdir()) == []


def test_expired_assets(simulator: Any, tmp_path: Path) -> None:
    async def go() -> None:
        async with _client(simulator) as client:
            created = await client.create(VideoRequest(prompt="a comet [sim:expired]"))
            await _until_done(client, created.video.id)
            await download_video(client, created.video.id, tmp_path / "c.mp4", tmp_path / "p")

    with pytest.raises(errors.AssetExpiredError):
        run(go())


def test_rate_limited_poll_carries_the_wait(simulator: Any) -> None:
    async def go() -> None:
        async with _client(simulator) as client:
            created = await client.create(VideoRequest(prompt="a snail [sim:429]"))
            with pytest.raises(errors.RateLimitedError) as info:
                await client.retrieve(created.video.id)
            assert info.value.retry_after == 1.0
            assert (await client.retrieve(created.video.id)).video.id == created.video.id

    run(go())


def test_failed_job_carries_the_moderation_code(simulator: Any) -> None:
    async def go() -> Polled:
        async with _client(simulator) as client:
            created = await client.create(VideoRequest(prompt="a dragon [sim:moderation]"))
            return await _until_done(client, created.video.id)

    done = run(go())
    assert done.video.status == "failed"
    assert done.video.error is not None and done.video.error.code == "moderation_blocked"


def test_thumbnail_variant_from_the_simulator(simulator: Any, tmp_path: Path) -> None:
    async def go() -> Path | None:
        async with _client(simulator) as client:
            created = await client.create(VideoRequest(prompt="a tram", size="1280x720"))
            await _until_done(client, created.video.id)
            return await fetch_thumbnail(
                client, created.video.id, tmp_path / "missing.mp4", tmp_path / "t" / "a.png"
            )

    thumb = run(go())
    assert thumb is not None
    with Image.open(thumb) as image:
        assert image.format == "PNG"
        assert max(image.size) == 320 and image.size[0] > image.size[1]


def test_wrong_key_is_refused_and_never_echoed() -> None:
    from sora_desktop.simulator.server import SimulatorServer

    with SimulatorServer(api_key="the-right-key", latency=1.0) as server:

        async def go(key: str) -> None:
            async with _client(server, key) as client:
                await client.list_page()

        run(go("the-right-key"))
        with pytest.raises(errors.AuthenticationError) as info:
            run(go("sk-wrong-key-0000"))
    assert "sk-wrong-key-0000" not in info.value.one_line()
    assert info.value.status_code == 401
