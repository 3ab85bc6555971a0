"""The stored last frame: kept beside a ready clip once, read by the chained step while it
still matches the clip, decoded again when it does not (core/frames.py, core/last_frames.py)."""

from __future__ import annotations

import asyncio
import os
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import av
import pytest
from PIL import Image

from sora_desktop.core import frames
from sora_desktop.core.errors import InvalidRequestError
from sora_desktop.core.extend import continuation_request
from sora_desktop.core.frames import (
    FrameStopped,
    continuation_image,
    last_frame,
    last_frame_of,
    store_last_frame,
    stored_last_frame,
)
from sora_desktop.core.last_frames import LastFrameKeeper
from sora_desktop.core.models import Connection, ConnectionKind, Job, JobStatus, VideoRequest
from sora_desktop.core.paths import AppPaths, stored_frame_path
from sora_desktop.core.service import GenerationService
from sora_desktop.core.store import JobStore
from sora_desktop.core.storyboard import Shot, StartImage, StartKind, Storyboard, add_take
from sora_desktop.core.storyboard_plan import prepare_request
from tests.core.test_frames import B_FRAMES, fully_decoded_last, noise_clip, numbered_clip
from tests.core.test_hidden_dirs import windows_hidden


class Decodes:
    """Counts the decodes of a clip's last GOP (``frames._last_frame``); ``gate``, when
    set, holds each decode until it is opened."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.count = 0
        self.entered = threading.Event()
        self.gate: threading.Event | None = None
        real = frames._last_frame

        def counting(path: Path, stop: threading.Event | None = None) -> Any:
            self.count += 1
            self.entered.set()
            if self.gate is not None:
                assert self.gate.wait(30)
            return real(path, stop)

        monkeypatch.setattr(frames, "_last_frame", counting)


@pytest.fixture
def decodes(monkeypatch: pytest.MonkeyPatch) -> Iterator[Decodes]:
    yield Decodes(monkeypatch)


@pytest.fixture
def clip(tmp_path: Path) -> Path:
    library = tmp_path / "videos"
    library.mkdir()
    return noise_clip(library / "job1.mp4", 60, options=B_FRAMES)


def test_the_stored_frame_is_bit_for_bit_a_full_decode(clip: Path, decodes: Decodes) -> None:
    stored = store_last_frame(clip)
    assert stored == clip.parent / ".last-frames" / "job1.mp4.png" == stored_frame_path(clip)
    image = stored_last_frame(clip)
    assert image is not None and image.mode == "RGB"
    assert image.tobytes() == fully_decoded_last(clip)
    assert store_last_frame(clip) == stored  # already there: not decoded again
    assert decodes.count == 1


def test_a_chained_step_reads_the_stored_frame(
    tmp_path: Path, clip: Path, decodes: Decodes
) -> None:
    store_last_frame(clip)
    assert decodes.count == 1
    from_stored = continuation_image(clip, "96x160", tmp_path / "images")
    assert decodes.count == 1  # a PNG read, no decode
    # the same picture as the decode gives (its content hash names the same file)
    (stored_frame_path(clip)).unlink()
    from_decode = continuation_image(clip, "96x160", tmp_path / "images2")
    assert decodes.count == 2
    assert from_stored.name == from_decode.name
    assert from_stored.read_bytes() == from_decode.read_bytes()


def test_a_storyboard_shot_and_a_continuation_use_the_stored_frame(
    tmp_path: Path, clip: Path, decodes: Decodes
) -> None:
    store_last_frame(clip)
    conn = Connection(ConnectionKind.SIMULATOR, "", profile_id="simulator")
    source = Job(
        id="job1",
        request=VideoRequest(prompt="x", size="192x112"),
        connection=conn,
        status=JobStatus.READY,
        file_path=clip,
    )
    shots = (
        Shot(id="s1", name="Shot 1", prompt="one", size="192x112", seconds=4),
        Shot(
            id="s2",
            name="Shot 2",
            prompt="two",
            size="112x192",
            seconds=4,
            start=StartImage(StartKind.PREVIOUS, fit="crop"),
        ),
    )
    board = add_take(Storyboard(id="b", name="Board", shots=shots), "s1", "job1")
    shot = prepare_request(board, "s2", {"job1": source}, tmp_path / "images")
    extension = continuation_request(source, "on", 4, tmp_path / "images")
    assert decodes.count == 1  # only the store
    assert shot.reference_image is not None and extension.reference_image is not None
    with Image.open(extension.reference_image) as image:
        assert image.tobytes() == fully_decoded_last(clip)  # same size: the exact frame


def test_a_changed_clip_or_a_missing_frame_is_decoded_again(
    tmp_path: Path, decodes: Decodes
) -> None:
    library = tmp_path / "videos"
    library.mkdir()
    clip = numbered_clip(library / "job2.mp4", 30)  # last frame: grey (29 * 5) % 250
    store_last_frame(clip)
    first = stored_last_frame(clip)
    assert first is not None
    # the clip replaced by another one (a new last frame): the stored one no longer matches
    numbered_clip(library / "other.mp4", 20).replace(clip)
    assert stored_last_frame(clip) is None
    image = last_frame_of(clip)
    assert decodes.count == 2
    assert image.tobytes() == fully_decoded_last(clip) != first.tobytes()
    # ... and the decoded one is stored in its place (the library keeps stored frames)
    refreshed = stored_last_frame(clip)
    assert refreshed is not None and refreshed.tobytes() == image.tobytes()
    # the same bytes with a new modification time: not trusted either
    info = clip.stat()
    os.utime(clip, ns=(info.st_atime_ns, info.st_mtime_ns + 1_000_000_000))
    assert stored_last_frame(clip) is None
    # a missing or damaged stored frame: decoded
    stored_frame_path(clip).write_bytes(b"not a png")
    assert stored_last_frame(clip) is None
    stored_frame_path(clip).unlink()
    assert last_frame_of(clip).tobytes() == image.tobytes()
    assert decodes.count == 3


def test_a_clip_outside_the_library_gets_nothing_written_beside_it(
    tmp_path: Path, decodes: Decodes
) -> None:
    clip = numbered_clip(tmp_path / "mine.mp4", 10)
    assert last_frame_of(clip).tobytes() == fully_decoded_last(clip)
    assert not stored_frame_path(clip).parent.exists()


def test_a_chained_step_waits_for_the_store_under_way_instead_of_decoding(
    clip: Path, decodes: Decodes
) -> None:
    decodes.gate = threading.Event()
    storing = threading.Thread(target=store_last_frame, args=(clip,))
    storing.start()
    try:
        assert decodes.entered.wait(30)  # the engine is decoding the clip
        got: list[Image.Image] = []
        asking = threading.Thread(target=lambda: got.append(last_frame_of(clip)))
        asking.start()
        decodes.gate.set()
        asking.join(30)
    finally:
        decodes.gate.set()
        storing.join(30)
    assert decodes.count == 1
    assert got and got[0].tobytes() == fully_decoded_last(clip)


def test_the_stored_frames_folder_is_hidden_on_windows_too(clip: Path) -> None:
    folder = store_last_frame(clip).parent
    assert folder.name == ".last-frames"  # Linux and macOS hide it by its name
    assert windows_hidden(folder)  # Windows by its attribute


def test_clip_locks_are_kept_only_while_someone_holds_or_waits(
    tmp_path: Path, clip: Path, decodes: Decodes
) -> None:
    decodes.gate = threading.Event()
    storing = threading.Thread(target=store_last_frame, args=(clip,))
    storing.start()
    try:
        assert decodes.entered.wait(30)
        assert list(frames._locks) == [clip.absolute()]  # held while the frame is made
    finally:
        decodes.gate.set()
        storing.join(30)
    others = [numbered_clip(tmp_path / f"mine{n}.mp4", 3) for n in range(5)]
    for other in others:
        last_frame_of(other)
        store_last_frame(other)
    with pytest.raises(InvalidRequestError):
        last_frame_of(tmp_path / "gone.mp4")
    assert frames._locks == {}  # a long session asking about many clips keeps none


def test_a_stopped_store_stores_nothing(clip: Path) -> None:
    stop = threading.Event()
    stop.set()
    with pytest.raises(FrameStopped):
        store_last_frame(clip, stop=stop)
    assert stored_last_frame(clip) is None
    assert last_frame(clip).tobytes() == fully_decoded_last(clip)


def test_the_service_stores_the_last_frame_after_ready(simulator: Any, tmp_path: Path) -> None:
    paths = AppPaths.default(tmp_path / "appdata")
    paths.ensure()
    store = JobStore(paths.db_path)
    seen: list[tuple[JobStatus, bool]] = []

    async def main() -> Job:
        service = GenerationService(store, paths, give_up_after=60.0, keep_last_frames=True)

        def listener(event: Any) -> None:
            job = store.get(event.job_id)
            if event.status is JobStatus.READY and job is not None and job.file_path:
                seen.append((event.status, stored_frame_path(job.file_path).exists()))

        service.subscribe(listener)
        try:
            conn = Connection(kind=ConnectionKind.SIMULATOR, base_url=simulator.url + "/v1")
            job = await service.generate(
                VideoRequest(prompt="a lantern", size="720x1280", seconds=4), conn
            )
            assert service.last_frames is not None
            await service.last_frames.idle()
            return job
        finally:
            await service.shutdown()

    try:
        job = asyncio.run(main())
    finally:
        store.close()
    assert job.status is JobStatus.READY and job.file_path is not None
    assert seen and seen[0] == (JobStatus.READY, False)  # ready first, the frame after
    image = stored_last_frame(job.file_path)
    assert image is not None and image.tobytes() == fully_decoded_last(job.file_path)
    with av.open(str(job.file_path)) as container:
        assert container.streams.video[0].codec_context.width == 720


def test_the_keeper_stores_one_clip_at_a_time_and_stops_at_shutdown(
    tmp_path: Path, clip: Path, decodes: Decodes
) -> None:
    second = numbered_clip(clip.parent / "job2.mp4", 30)
    decodes.gate = threading.Event()

    async def main() -> None:
        keeper = LastFrameKeeper()
        keeper.keep("job1", clip)
        keeper.keep("job2", second)
        assert await asyncio.to_thread(decodes.entered.wait, 30)
        assert decodes.count == 1  # the second waits for its turn
        closing = asyncio.create_task(keeper.close())
        await asyncio.sleep(0)  # close has asked the decode under way to stop
        decodes.gate.set()
        await closing

    try:
        asyncio.run(main())
    finally:
        decodes.gate.set()
    assert decodes.count == 1  # the waiting clip was dropped
    assert stored_last_frame(clip) is None and stored_last_frame(second) is None
