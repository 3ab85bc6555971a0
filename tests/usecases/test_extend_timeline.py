"""Extending a library clip (the service's extensions, or a continuation joined to its
source) and a storyboard's timeline, as both faces call them."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import opentimelineio as otio
import pytest

from sora_desktop.core.errors import InvalidRequestError
from sora_desktop.core.job_sources import SourceKind, source_ids
from sora_desktop.core.models import JobStatus, VideoRequest
from sora_desktop.usecases import storyboards as boards
from sora_desktop.usecases.extend import (
    ExtendRoute,
    continued_source,
    extend,
    extend_plan,
    finish_extension,
    start_extension,
)
from sora_desktop.usecases.timeline import export_storyboard, timeline_format
from tests.usecases.story_support import World, in_world, open_world


async def _clip(world: World, prompt: str = "a paper boat on a pond") -> Any:
    request = VideoRequest(prompt=prompt, model="sora-2", size="720x1280", seconds=4)
    return await world.service.generate(request, world.connection)


def test_the_service_extends_a_clip_it_still_has(simulator: Any, tmp_path: Path) -> None:
    async def body(world: World) -> Any:
        source = await _clip(world)
        assert extend_plan(source).route is ExtendRoute.VIDEOS_API
        outcome = await extend(
            world.service, world.store, world.paths, source.id, "the boat sails on", 4
        )
        return source, outcome

    source, outcome = in_world(simulator, tmp_path, body)
    assert outcome.route is ExtendRoute.VIDEOS_API and outcome.film is None
    assert outcome.job.status is JobStatus.READY
    assert outcome.job.request.extend_of == source.remote_id
    assert simulator.created_count == 2


def test_a_clip_deleted_from_the_service_is_continued_and_joined(
    simulator: Any, tmp_path: Path
) -> None:
    async def body(world: World) -> Any:
        source = await _clip(world)
        source = await world.service.delete_remote(source.id)
        plan = extend_plan(source)
        assert plan.route is ExtendRoute.CONTINUATION and "last frame" in plan.description
        started = await start_extension(
            world.service, world.store, source.id, "the boat sinks", 4, world.paths.images_dir
        )
        assert continued_source(world.store, started.job.id) is not None  # linked at once
        continuation = await world.service.wait(started.job.id)
        film = await asyncio.to_thread(finish_extension, world.store, world.paths, continuation.id)
        return source, continuation, film

    source, continuation, film = in_world(simulator, tmp_path, body)
    assert simulator.created_count == 2  # the source and ONE continuation
    assert continuation.request.reference_image is not None  # started on the last frame
    assert film.copied and film.job is not None
    assert film.result.duration == pytest.approx(8.0, abs=0.1)
    store, _paths = open_world(tmp_path)
    try:
        assert source_ids(store, continuation.id) == [(source.id, SourceKind.CONTINUES)]
        assert source_ids(store, film.job.id) == [
            (source.id, SourceKind.EXTENSION),
            (continuation.id, SourceKind.EXTENSION),
        ]
        assert continued_source(store, continuation.id) is None  # joined: not twice
        with pytest.raises(InvalidRequestError, match="not a continuation"):
            finish_extension(store, _paths, continuation.id)
    finally:
        store.close()


def test_a_storyboard_timeline_reads_back_with_relative_clips(
    simulator: Any, tmp_path: Path
) -> None:
    async def body(world: World) -> Any:
        board = boards.create(world.store, "Two shots")
        for name in ("Dawn", "Noon"):
            boards.add_shot(
                world.store,
                board.id,
                boards.new_shot(name=name, prompt=f"{name} over a bay", size="720x1280", seconds=4),
            )
        with pytest.raises(InvalidRequestError, match="no finished take"):
            export_storyboard(world.store, board.id, "otio", tmp_path / "early")
        await boards.run(
            world.service, world.store, board.id, world.connection_for, world.paths.images_dir
        )
        return await asyncio.to_thread(
            export_storyboard, world.store, board.id, timeline_format("OTIO"), tmp_path / "edit"
        )

    exported = in_world(simulator, tmp_path, body)
    assert not (tmp_path / "early").exists()
    timeline = otio.adapters.read_from_file(str(exported.path))
    clips = list(timeline.find_clips())
    assert [c.name for c in clips] == ["Dawn", "Noon"]
    for clip, placed in zip(clips, exported.clips, strict=True):
        target = clip.media_reference.target_url
        assert not Path(target).is_absolute()
        assert (exported.path.parent / target).resolve() == placed.resolve()
        assert clip.duration().to_seconds() == pytest.approx(4.0, abs=0.1)
    with pytest.raises(InvalidRequestError, match="not a timeline format"):
        timeline_format("mov")
