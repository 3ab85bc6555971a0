"""Stitching clips into a library film, and frames out of a clip, as both faces call them."""

from __future__ import annotations

import threading
import uuid
from pathlib import Path

import pytest
from PIL import Image, ImageStat

from sora_desktop.core.errors import CancelledByUser, InvalidRequestError
from sora_desktop.core.frames import frame_at, last_frame
from sora_desktop.core.job_sources import SourceKind, made_from, source_ids, sources_of
from sora_desktop.core.models import Connection, ConnectionKind, Job, JobStatus, VideoRequest
from sora_desktop.core.store import JobStore
from sora_desktop.usecases.frames import frame_as_start_image, save_frame
from sora_desktop.usecases.stitch import resolve_clip, resolve_clips, stitch_film, stitch_plan
from tests.core.media_clips import marker_clip, sim_clip
from tests.usecases.story_support import open_world


def _ready_job(store: JobStore, clip: Path, prompt: str) -> Job:
    job = Job(
        id=uuid.uuid4().hex,
        request=VideoRequest(prompt=prompt, model="sora-2", size="320x180", seconds=2),
        connection=Connection(ConnectionKind.SIMULATOR, "", profile_id="simulator"),
        status=JobStatus.READY,
        remote_id="video_" + prompt,
        file_path=clip,
    )
    store.add(job)
    return job


def test_a_job_and_a_file_become_one_film_linked_to_the_job(tmp_path: Path) -> None:
    store, paths = open_world(tmp_path)
    try:
        a = sim_clip(tmp_path / "sim", "A lighthouse at night")
        b = sim_clip(tmp_path / "sim", "Waves on the rocks")
        job = _ready_job(store, a, "lighthouse")
        clips = resolve_clips(store, [job.id[:8], str(b)])
        assert clips[0].job is not None and clips[0].job.id == job.id and clips[1].job is None
        preview = stitch_plan(clips)
        assert preview.can_copy and preview.reasons == ()
        assert preview.duration == pytest.approx(4.0)
        progress: list[tuple[float, float]] = []
        film = stitch_film(
            store,
            paths,
            clips,
            tmp_path / "out.mp4",
            on_progress=lambda done, total: progress.append((done, total)),
        )
        assert film.copied and film.path == tmp_path / "out.mp4" and film.path.is_file()
        assert progress[-1][0] == pytest.approx(progress[-1][1])
        assert film.job is not None
        stored = store.get(film.job.id)
        assert stored is not None and stored.status is JobStatus.READY
        assert stored.file_path == film.path and stored.estimated_cost == 0.0
        assert stored.request.size == "320x180" and stored.request.seconds == 4
        assert stored.thumbnail_path is None  # the library makes it from the first frame
        assert [j.id for j in sources_of(store, film.job.id)] == [job.id]
        assert source_ids(store, film.job.id) == [(job.id, SourceKind.FILM)]
        assert made_from(store, job.id) == [film.job.id]
    finally:
        store.close()


def test_copy_only_refuses_clips_of_another_size_and_leaves_nothing(tmp_path: Path) -> None:
    store, paths = open_world(tmp_path)
    try:
        a = marker_clip(tmp_path / "a.mp4", width=160, height=96)
        b = marker_clip(tmp_path / "b.mp4", width=320, height=180)
        clips = resolve_clips(store, [a, b])
        preview = stitch_plan(clips)
        assert not preview.can_copy and "320x180" in preview.reasons[0]
        with pytest.raises(InvalidRequestError, match="without re-encoding"):
            stitch_film(store, paths, clips, tmp_path / "film.mp4", copy_only=True)
        assert not (tmp_path / "film.mp4").exists()
        assert store.count() == 0
        # allowed to re-encode, it says so and why
        film = stitch_film(store, paths, clips, tmp_path / "film.mp4")
        assert not film.copied and any("320x180" in r for r in film.reasons)
        assert "re-encoded" in film.summary()
    finally:
        store.close()


def test_a_cancelled_stitch_leaves_no_file_and_no_library_item(tmp_path: Path) -> None:
    store, paths = open_world(tmp_path)
    try:
        a = marker_clip(tmp_path / "a.mp4")
        cancel = threading.Event()
        cancel.set()
        with pytest.raises(CancelledByUser):
            stitch_film(store, paths, resolve_clips(store, [a, a]), cancel=cancel)
        assert list(paths.library_dir.glob("*.mp4")) == []
        assert store.count() == 0
    finally:
        store.close()


def test_missing_clips_and_unfinished_jobs_are_named(tmp_path: Path) -> None:
    store, _paths = open_world(tmp_path)
    try:
        with pytest.raises(InvalidRequestError, match="can't be found"):
            resolve_clip(store, str(tmp_path / "gone.mp4"))
        with pytest.raises(InvalidRequestError, match="no job"):
            resolve_clip(store, "abcdef12")
        job = _ready_job(store, tmp_path / "not-there.mp4", "gone")
        with pytest.raises(InvalidRequestError, match="not on disk"):
            resolve_clip(store, job.id)
    finally:
        store.close()


def test_a_frame_is_saved_at_full_resolution_where_the_player_stands(tmp_path: Path) -> None:
    clip = marker_clip(tmp_path / "m.mp4", seconds=2.0, marks=(1.0,), width=320, height=180)
    at_mark = save_frame(clip, tmp_path / "mark.png", 1.0)
    with Image.open(at_mark) as image:
        assert image.size == (320, 180)
        assert image.convert("RGB").tobytes() == frame_at(clip, 1.0).tobytes()
        assert ImageStat.Stat(image.convert("L")).mean[0] > 200  # the white flash
    last = save_frame(clip, tmp_path / "last.png")
    with Image.open(last) as image:
        assert image.convert("RGB").tobytes() == last_frame(clip).tobytes()
    with pytest.raises(InvalidRequestError, match=r"\.png"):
        save_frame(clip, tmp_path / "frame.jpg", 1.0)
    with pytest.raises(InvalidRequestError):
        save_frame(clip, tmp_path / "neg.png", -1.0)
    assert not (tmp_path / "neg.png").exists() and not (tmp_path / "frame.jpg").exists()


def test_a_frame_becomes_a_start_image_in_the_images_folder(tmp_path: Path) -> None:
    store, paths = open_world(tmp_path)
    store.close()
    clip = marker_clip(tmp_path / "m.mp4", seconds=2.0, marks=(0.5,), width=320, height=180)
    path = frame_as_start_image(clip, paths.images_dir, 0.5)
    assert path.parent == paths.images_dir and path.suffix == ".png"
    with Image.open(path) as image:
        assert image.size == (320, 180)
        assert image.convert("RGB").tobytes() == frame_at(clip, 0.5).tobytes()
    assert frame_as_start_image(clip, paths.images_dir, 0.5) == path  # stored once
