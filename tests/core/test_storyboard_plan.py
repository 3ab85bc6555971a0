"""Planning a storyboard: what is missing, what waits for which take, what to submit."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image

from sora_desktop.core.errors import InvalidRequestError
from sora_desktop.core.models import Connection, ConnectionKind, Job, JobStatus, VideoRequest
from sora_desktop.core.storyboard import (
    Shot,
    StartImage,
    StartKind,
    Storyboard,
    add_take,
    choose_take,
)
from sora_desktop.core.storyboard_plan import (
    ShotStatus,
    counting_take,
    film_clips,
    is_complete,
    plan,
    prepare_request,
    shots_to_submit,
)
from tests.core.media_clips import sim_clip

CONN = Connection(ConnectionKind.SIMULATOR, "", profile_id="simulator")


def job(job_id: str, status: JobStatus, clip: Path | None = None, error: str | None = None) -> Job:
    return Job(
        id=job_id,
        request=VideoRequest(prompt="x"),
        connection=CONN,
        status=status,
        file_path=clip,
        error_message=error,
    )


def board(*chained: bool) -> Storyboard:
    shots = tuple(
        Shot(
            id=f"s{i + 1}",
            name=f"Shot {i + 1}",
            prompt=f"Prompt {i + 1}",
            size="1280x720",
            seconds=4,
            start=StartImage(StartKind.PREVIOUS if c else StartKind.NONE),
        )
        for i, c in enumerate(chained)
    )
    return Storyboard(id="b", name="Board", shots=shots)


def statuses(b: Storyboard, jobs: dict[str, Job]) -> list[ShotStatus]:
    return [s.status for s in plan(b, jobs)]


def test_empty_storyboard_everything_missing_but_chained_shots_wait() -> None:
    b = board(False, True, False, True)
    assert statuses(b, {}) == [
        ShotStatus.MISSING,
        ShotStatus.WAITING,
        ShotStatus.MISSING,
        ShotStatus.WAITING,
    ]
    assert [s.id for s in shots_to_submit(b, {})] == ["s1", "s3"]
    assert not is_complete(b, {})


def test_a_chained_shot_waits_for_the_take_it_continues(tmp_path: Path) -> None:
    b = add_take(board(False, True), "s1", "j1")
    jobs = {"j1": job("j1", JobStatus.IN_PROGRESS)}
    states = plan(b, jobs)
    assert states[0].status is ShotStatus.RUNNING and states[0].take == "j1"
    assert states[1].status is ShotStatus.WAITING and states[1].waits_for == "j1"
    assert "Shot 1" in (states[1].message or "")
    assert shots_to_submit(b, jobs) == []

    clip = tmp_path / "j1.mp4"
    clip.write_bytes(b"video")
    jobs["j1"] = job("j1", JobStatus.READY, clip)
    assert statuses(b, jobs) == [ShotStatus.READY, ShotStatus.MISSING]
    assert [s.id for s in shots_to_submit(b, jobs)] == ["s2"]


def test_a_shot_whose_previous_take_failed_says_so() -> None:
    b = add_take(board(False, True, True), "s1", "j1")
    jobs = {"j1": job("j1", JobStatus.FAILED, error="Blocked by the content rules.")}
    states = plan(b, jobs)
    assert states[0].status is ShotStatus.FAILED
    assert states[1].status is ShotStatus.BLOCKED
    assert "Shot 1" in (states[1].message or "")
    assert "content rules" in (states[1].message or "")
    assert states[2].status is ShotStatus.BLOCKED  # and the one after it too
    assert shots_to_submit(b, jobs) == []
    assert [s.id for s in shots_to_submit(b, jobs, retry_failed=True)] == ["s1"]


def test_first_shot_cannot_continue() -> None:
    states = plan(board(True), {})
    assert states[0].status is ShotStatus.BLOCKED and "first shot" in (states[0].message or "")


def test_the_chosen_take_counts_else_the_newest_ready(tmp_path: Path) -> None:
    clips = {}
    for name in ("a", "b"):
        clips[name] = tmp_path / f"{name}.mp4"
        clips[name].write_bytes(b"v")
    b = add_take(add_take(board(False), "s1", "a"), "s1", "b")
    jobs = {"a": job("a", JobStatus.READY, clips["a"]), "b": job("b", JobStatus.READY, clips["b"])}
    assert counting_take(b.shots[0], jobs) == "b"
    b = choose_take(b, "s1", "a")
    assert counting_take(b.shots[0], jobs) == "a"
    clips["a"].unlink()  # the chosen take's file is gone: the other counts
    assert counting_take(b.shots[0], jobs) == "b"


def test_a_regenerated_shot_keeps_its_ready_take_while_the_new_one_runs(tmp_path: Path) -> None:
    clip = tmp_path / "a.mp4"
    clip.write_bytes(b"v")
    b = add_take(add_take(board(False), "s1", "a"), "s1", "b")
    jobs = {"a": job("a", JobStatus.READY, clip), "b": job("b", JobStatus.QUEUED)}
    assert plan(b, jobs)[0].status is ShotStatus.READY


def test_takes_of_an_unknown_library_count_by_their_clip(tmp_path: Path) -> None:
    clip = tmp_path / "elsewhere.mp4"
    clip.write_bytes(b"v")
    b = add_take(board(False, False), "s1", "job-from-another-computer", clip)
    b = add_take(b, "s2", "gone-job", tmp_path / "missing.mp4")
    assert statuses(b, {}) == [ShotStatus.READY, ShotStatus.MISSING]
    with pytest.raises(InvalidRequestError, match="Shot 2"):
        film_clips(b, {})


def test_prepare_request_continues_from_the_previous_take(tmp_path: Path) -> None:
    clip = sim_clip(tmp_path / "sim", "A lighthouse at dusk", size="320x180")
    first = board(False).shots[0]
    b = add_take(Storyboard(id="b", name="Board", shots=(first, _shot2())), "s1", "j1")
    jobs = {"j1": job("j1", JobStatus.READY, clip)}
    request = prepare_request(b, "s2", jobs, tmp_path / "images")
    assert request.prompt == "Prompt 2" and request.size == "720x1280" and request.seconds == 8
    assert request.reference_image is not None
    with Image.open(request.reference_image) as image:
        assert image.size == (720, 1280)
    with pytest.raises(InvalidRequestError, match="Shot 2"):
        film_clips(b, jobs)  # shot 2 has no take yet
    # not yet possible: the previous shot has nothing ready
    with pytest.raises(InvalidRequestError, match="Shot 1"):
        prepare_request(b, "s2", {"j1": job("j1", JobStatus.IN_PROGRESS)}, tmp_path / "img")


def _shot2() -> Shot:
    return Shot(
        id="s2",
        name="Shot 2",
        prompt="Prompt 2",
        size="720x1280",
        seconds=8,
        start=StartImage(StartKind.PREVIOUS, fit="crop"),
    )


def test_prepare_request_fits_a_start_file(tmp_path: Path) -> None:
    picture = tmp_path / "start.png"
    Image.new("RGB", (400, 300), (10, 200, 30)).save(picture)
    b = Storyboard(
        id="b",
        name="B",
        shots=(
            Shot(id="s1", prompt="P", size="1280x720", start=StartImage(StartKind.FILE, picture)),
        ),
    )
    request = prepare_request(b, "s1", {}, tmp_path / "images")
    assert request.reference_image is not None
    with Image.open(request.reference_image) as image:
        assert image.size == (1280, 720)
