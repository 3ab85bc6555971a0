"""Storyboards as the faces use them: kept and edited in the library, generated shot by shot
over the real simulator (a chained shot waits for the take it continues), made into a film."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path
from typing import Any

import av
import pytest
from PIL import Image

from sora_desktop.core import storyboard as sb
from sora_desktop.core.errors import InvalidRequestError, NotFoundError
from sora_desktop.core.frames import last_frame
from sora_desktop.core.job_sources import SourceKind, source_ids
from sora_desktop.core.models import JobStatus
from sora_desktop.core.storyboard import StartImage, StartKind
from sora_desktop.usecases import storyboards as boards
from sora_desktop.usecases.storyboards import ShotStatus
from tests.usecases.story_support import World, in_world, open_world


def _shot(name: str, prompt: str, *, chained: bool = False, seconds: int = 4) -> sb.Shot:
    start = StartImage(StartKind.PREVIOUS) if chained else StartImage()
    return boards.new_shot(
        name=name, prompt=prompt, size="720x1280", seconds=seconds, model="sora-2", start=start
    )


def test_edits_are_kept_in_the_library_and_the_file_round_trips(tmp_path: Path) -> None:
    store, _paths = open_world(tmp_path)
    try:
        board = boards.create(store, "Harbour")
        one, two, three = _shot("One", "a"), _shot("Two", "b"), _shot("Three", "c")
        for shot in (one, two, three):
            boards.add_shot(store, board.id, shot)
        boards.move_shot(store, board.id, three.id, 0)
        boards.remove_shot(store, board.id, two.id)
        boards.rename(store, board.id, "Harbour at dusk")
        stored = boards.get(store, board.id)
        assert [s.name for s in stored.shots] == ["Three", "One"]
        assert stored.name == "Harbour at dusk"
        assert [(s.id, s.name, s.shots) for s in boards.list_all(store)] == [
            (board.id, "Harbour at dusk", 2)
        ]
        with pytest.raises(InvalidRequestError, match="no shot or take"):
            boards.choose_take(store, board.id, one.id, "no-such-job")

        (tmp_path / "film").mkdir()
        path = boards.save_file(store, board.id, tmp_path / "film" / "harbour.storyboard.json")
        doc = json.loads(path.read_text(encoding="utf-8"))
        assert doc["format"] == "sora-desktop/storyboard" and len(doc["shots"]) == 2
        boards.delete(store, board.id)
        with pytest.raises(NotFoundError):
            boards.get(store, board.id)
        reopened = boards.open_file(store, path)
        assert reopened.id == board.id and [s.name for s in reopened.shots] == ["Three", "One"]
    finally:
        store.close()


def test_a_file_from_a_newer_version_is_refused_and_nothing_is_filed(tmp_path: Path) -> None:
    store, _paths = open_world(tmp_path)
    try:
        newer = tmp_path / "newer.storyboard.json"
        newer.write_text(
            json.dumps({"format": "sora-desktop/storyboard", "version": 99, "shots": []}),
            encoding="utf-8",
        )
        with pytest.raises(InvalidRequestError, match="newer version"):
            boards.open_file(store, newer)
        assert boards.list_all(store) == []
    finally:
        store.close()


def test_run_makes_a_chained_shot_from_the_last_frame_then_the_film(
    simulator: Any, tmp_path: Path
) -> None:
    async def body(world: World) -> tuple[Any, ...]:
        board = boards.create(world.store, "Pond")
        first, second = (
            _shot("Boat", "a paper boat on a pond"),
            _shot("Wind", "the wind pushes the boat", chained=True),
        )
        boards.add_shot(world.store, board.id, first)
        boards.add_shot(world.store, board.id, second)
        before = boards.plan_of(world.store, board.id)
        assert [s.status for s in before.states] == [ShotStatus.MISSING, ShotStatus.WAITING]
        seen: list[list[ShotStatus]] = []
        done = await boards.run(
            world.service,
            world.store,
            board.id,
            world.connection_for,
            world.paths.images_dir,
            on_update=lambda p: seen.append([s.status for s in p.states]),
        )
        film = await asyncio.to_thread(boards.make_film, world.store, world.paths, board.id)
        return done, seen, film

    done, seen, film = in_world(simulator, tmp_path, body)
    assert done.complete and not done.stuck()
    assert seen[0] == [ShotStatus.RUNNING, ShotStatus.WAITING]  # the second waited
    assert simulator.created_count == 2  # one create per shot, nothing twice
    store, paths = open_world(tmp_path)
    try:
        board = done.board
        jobs = boards.jobs_of(store, board)
        first_job = jobs[board.shots[0].takes[0].job_id]
        second_job = jobs[board.shots[1].takes[0].job_id]
        # the second shot started on the first take's exact last frame
        assert second_job.request.reference_image is not None
        assert first_job.file_path is not None
        with Image.open(second_job.request.reference_image) as start:
            assert start.size == (720, 1280)
            assert start.convert("RGB").tobytes() == last_frame(first_job.file_path).tobytes()
        # the film: in the library, linked to the two takes in order, 8 s of video
        assert film.job is not None and film.job.status is JobStatus.READY
        assert film.copied and film.path.parent == paths.library_dir
        assert source_ids(store, film.job.id) == [
            (first_job.id, SourceKind.FILM),
            (second_job.id, SourceKind.FILM),
        ]
        stored = store.get(film.job.id)
        assert stored is not None and stored.request.prompt == "Pond"
        with av.open(str(film.path)) as container:
            frames = sum(1 for _ in container.decode(video=0))
            assert container.duration is not None
            assert container.duration / 1_000_000 == pytest.approx(8.0, abs=0.2)
        assert frames > 0
    finally:
        store.close()


def test_generating_twice_at_once_sends_each_shot_once(simulator: Any, tmp_path: Path) -> None:
    async def body(world: World) -> list[Any]:
        board = boards.create(world.store, "Twice")
        boards.add_shot(world.store, board.id, _shot("One", "a kite"))
        args = (world.service, world.store, board.id, world.connection_for, world.paths.images_dir)
        both = await asyncio.gather(boards.generate_missing(*args), boards.generate_missing(*args))
        again = await boards.generate_missing(*args)  # the take is recorded: nothing to send
        for job in both[0] + both[1]:
            await world.service.wait(job.id)
        return [both, again, boards.get(world.store, board.id)]

    (first, second), again, board = in_world(simulator, tmp_path, body)
    assert len(first) + len(second) == 1 and again == []
    assert len(board.shots[0].takes) == 1
    assert simulator.created_count == 1


def test_a_failed_take_blocks_the_shot_that_continues_it(simulator: Any, tmp_path: Path) -> None:
    async def body(world: World) -> Any:
        board = boards.create(world.store, "Blocked")
        boards.add_shot(world.store, board.id, _shot("One", "a storm [sim:fail]"))
        boards.add_shot(world.store, board.id, _shot("Two", "then calm", chained=True))
        done = await boards.run(
            world.service, world.store, board.id, world.connection_for, world.paths.images_dir
        )
        with pytest.raises(InvalidRequestError, match="no finished take"):
            boards.make_film(world.store, world.paths, board.id)
        return done

    done = in_world(simulator, tmp_path, body)
    assert [s.status for s in done.states] == [ShotStatus.FAILED, ShotStatus.BLOCKED]
    assert [n for n, _state in done.stuck()] == [1, 2]
    assert simulator.created_count == 1  # the chained shot was never sent
    assert not list((tmp_path / "appdata" / "data" / "videos").glob("*.mp4"))


def test_regenerate_makes_a_new_take_that_counts(simulator: Any, tmp_path: Path) -> None:
    async def body(world: World) -> Any:
        board = boards.create(world.store, "Again")
        shot = _shot("One", "a lighthouse")
        boards.add_shot(world.store, board.id, shot)
        args = (world.service, world.store, board.id)
        rest = (world.connection_for, world.paths.images_dir)
        await boards.run(*args, *rest)
        first_take = boards.get(world.store, board.id).shots[0].takes[0].job_id
        boards.choose_take(world.store, board.id, shot.id, first_take)
        job = await boards.regenerate_shot(*args, shot.id, *rest)
        with pytest.raises(InvalidRequestError, match="being made"):
            await boards.regenerate_shot(*args, shot.id, *rest)
        await world.service.wait(job.id)
        return first_take, job, boards.plan_of(world.store, board.id)

    first_take, job, after = in_world(simulator, tmp_path, body)
    shot = after.board.shots[0]
    assert [t.job_id for t in shot.takes] == [first_take, job.id]
    assert after.states[0].status is ShotStatus.READY and after.states[0].take == job.id
    assert simulator.created_count == 2


def test_a_refused_shot_leaves_no_take(simulator: Any, tmp_path: Path) -> None:
    async def body(world: World) -> Any:
        board = boards.create(world.store, "Refused")
        bad = boards.new_shot(name="Huge", prompt="x", size="999x999", seconds=4)
        boards.add_shot(world.store, board.id, bad)
        with pytest.raises(InvalidRequestError):
            await boards.generate_missing(
                world.service, world.store, board.id, world.connection_for, world.paths.images_dir
            )
        return boards.get(world.store, board.id)

    board = in_world(simulator, tmp_path, body)
    assert board.shots[0].takes == ()
    assert simulator.created_count == 0


def test_run_stops_at_a_take_stored_but_never_sent(simulator: Any, tmp_path: Path) -> None:
    """A crash between storing a job and sending it leaves a draft: run must not wait for
    it forever (nothing is making it), and must not send the shot again by itself."""
    from sora_desktop.core import storyboard_store
    from sora_desktop.core.models import Job, VideoRequest

    async def body(world: World) -> Any:
        board = boards.create(world.store, "Draft")
        shot = _shot("One", "a lantern")
        board = boards.add_shot(world.store, board.id, shot)
        world.store.add(
            Job(id="d" * 32, request=VideoRequest(prompt="a lantern"), connection=world.connection)
        )
        storyboard_store.save(world.store, sb.add_take(board, shot.id, "d" * 32))
        return await asyncio.wait_for(
            boards.run(
                world.service, world.store, board.id, world.connection_for, world.paths.images_dir
            ),
            timeout=30,
        )

    done = in_world(simulator, tmp_path, body)
    assert not done.complete and done.running == ("d" * 32,)
    assert simulator.created_count == 0
