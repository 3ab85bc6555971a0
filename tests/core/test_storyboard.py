"""The storyboard model and its portable JSON file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sora_desktop.core.errors import InvalidRequestError
from sora_desktop.core.storyboard import (
    FORMAT,
    FORMAT_VERSION,
    Shot,
    StartImage,
    StartKind,
    Storyboard,
    add_shot,
    add_take,
    choose_take,
    load_storyboard,
    move_shot,
    new_storyboard,
    remove_shot,
    save_storyboard,
    set_take_clip,
)


def sample_board(folder: Path) -> Storyboard:
    board = new_storyboard("Harbour film", now=1_700_000_000)
    board = add_shot(
        board,
        Shot(
            id="s1",
            name="Dawn",
            prompt="A harbour at dawn, slow dolly in",
            recipe=(("subject", "a harbour"), ("camera", "slow dolly in")),
            profile_id="simulator",
            size="1280x720",
            seconds=8,
            start=StartImage(StartKind.FILE, folder / "images" / "dawn.png", "fit"),
        ),
    )
    board = add_shot(
        board,
        Shot(
            id="s2",
            name="Boats",
            prompt="The boats leave, 港口",
            start=StartImage(StartKind.PREVIOUS),
        ),
    )
    board = add_take(board, "s1", "job-a", folder / "clips" / "a.mp4")
    board = add_take(board, "s1", "job-b", folder / "clips" / "b.mp4")
    board = choose_take(board, "s1", "job-b")
    return add_take(board, "s2", "job-c")


def test_round_trip_with_paths_relative_to_the_file(tmp_path: Path) -> None:
    board = sample_board(tmp_path)
    path = save_storyboard(board, tmp_path / "film.storyboard.json")
    doc = json.loads(path.read_text("utf-8"))
    assert doc["format"] == FORMAT and doc["version"] == FORMAT_VERSION
    assert doc["created_at"] == "2023-11-14T22:13:20+00:00"
    shot1 = doc["shots"][0]
    assert shot1["start"] == {"kind": "file", "fit": "fit", "path": "images/dawn.png"}
    assert [t["clip"] for t in shot1["takes"]] == ["clips/a.mp4", "clips/b.mp4"]
    assert shot1["recipe"] == {"subject": "a harbour", "camera": "slow dolly in"}
    assert doc["shots"][1]["takes"] == [{"job": "job-c", "clip": None}]
    assert load_storyboard(path) == board

    # the folder moves to another computer: the paths follow it
    moved = tmp_path / "elsewhere"
    moved.mkdir()
    (moved / "film.storyboard.json").write_text(path.read_text("utf-8"), "utf-8")
    again = load_storyboard(moved / "film.storyboard.json")
    assert again.shots[0].takes[1].clip == moved / "clips" / "b.mp4"
    assert again.shots[0].start.path == moved / "images" / "dawn.png"
    assert again.shots[1].prompt == "The boats leave, 港口"


def test_a_file_from_a_newer_version_is_refused_clearly(tmp_path: Path) -> None:
    path = tmp_path / "new.json"
    path.write_text(json.dumps({"format": FORMAT, "version": FORMAT_VERSION + 1, "shots": []}))
    with pytest.raises(InvalidRequestError) as caught:
        load_storyboard(path)
    assert "newer version" in caught.value.message
    assert "Update Sora Desktop" in caught.value.next_step
    assert caught.value.param == "storyboard"


@pytest.mark.parametrize(
    ("content", "words"),
    [
        ("{not json", "not valid JSON"),
        (json.dumps({"format": "something else"}), "not a Sora Desktop storyboard"),
        (json.dumps({"format": FORMAT}), "no format version"),
        (json.dumps({"format": FORMAT, "version": 1, "shots": [{"seconds": "8"}]}), "shot 1"),
        (
            json.dumps(
                {"format": FORMAT, "version": 1, "shots": [{"start": {"kind": "teleport"}}]}
            ),
            "teleport",
        ),
        (
            json.dumps({"format": FORMAT, "version": 1, "shots": [{"id": "x"}, {"id": "x"}]}),
            "same id",
        ),
    ],
)
def test_malformed_files_say_what_is_wrong(tmp_path: Path, content: str, words: str) -> None:
    path = tmp_path / "bad.json"
    path.write_text(content)
    with pytest.raises(InvalidRequestError, match=words):
        load_storyboard(path)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InvalidRequestError, match="can't be found"):
        load_storyboard(tmp_path / "nope.json")


def test_edits_reorder_remove_choose(tmp_path: Path) -> None:
    board = sample_board(tmp_path)
    moved = move_shot(board, "s2", 0)
    assert [s.id for s in moved.shots] == ["s2", "s1"]
    assert [s.id for s in move_shot(moved, "s2", 99).shots] == ["s1", "s2"]
    assert [s.id for s in remove_shot(moved, "s1").shots] == ["s2"]
    with pytest.raises(KeyError):
        choose_take(moved, "s2", "job-nope")
    with_clip = set_take_clip(moved, "s2", "job-c", tmp_path / "c.mp4")
    assert with_clip.shot("s2").takes[0].clip == tmp_path / "c.mp4"
    assert add_take(with_clip, "s2", "job-c") == with_clip  # a take is recorded once
