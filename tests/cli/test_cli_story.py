"""``storyboard``, ``export-timeline``, ``stitch``, ``frame`` and ``extend`` end to end, in
subprocesses, against the simulator over loopback; films decoded, timelines read back."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import av
import opentimelineio as otio
import pytest
from PIL import Image

from sora_desktop.core.errors import ExitCode
from sora_desktop.core.frames import frame_at
from tests.cli_helpers import history_records, run_cli
from tests.cli_helpers import one_error_line as assert_one_error_line
from tests.core.media_clips import marker_clip, sim_clip

ADAPTERS = {"otio": None, "fcpxml": "fcpx_xml", "edl": "cmx_3600"}


def sim_args(simulator: Any) -> list[str]:
    return ["--base-url", simulator.url + "/v1", "--kind", "simulator"]


def _seconds(path: Path) -> float:
    with av.open(str(path)) as container:
        frames = sum(1 for _ in container.decode(video=0))
        assert frames > 0 and container.duration is not None
        return container.duration / 1_000_000


def _new_board(data_dir: Path, path: Path, *prompts: str, chain: bool = True) -> None:
    shots = [arg for prompt in prompts for arg in ("--shot", prompt)]
    chained = ["--chain"] if chain else []
    made = run_cli(
        "storyboard", "new", str(path), "--name", "Pond", "--size", "720x1280",
        *shots, *chained, data_dir=data_dir,
    )  # fmt: skip
    assert made.returncode == 0, made.stderr
    assert Path(made.stdout.strip()) == path


def _read(path: Path, fmt: str) -> Any:
    adapter = ADAPTERS[fmt]
    result = (
        otio.adapters.read_from_file(str(path), adapter_name=adapter)
        if adapter
        else otio.adapters.read_from_file(str(path))
    )
    if isinstance(result, otio.schema.SerializableCollection):
        result = result[0]
    return result


def test_storyboard_run_makes_the_film_and_a_second_run_sends_nothing(
    simulator: Any, data_dir: Path, tmp_path: Path
) -> None:
    board = tmp_path / "story" / "pond.storyboard.json"
    board.parent.mkdir()
    _new_board(data_dir, board, "a paper boat on a pond", "the wind pushes it")
    result = run_cli("storyboard", "run", str(board), *sim_args(simulator), data_dir=data_dir)
    assert result.returncode == 0, result.stderr
    film = Path(result.stdout.strip().splitlines()[-1])
    assert film.is_file() and _seconds(film) == pytest.approx(8.0, abs=0.2)
    assert "shot 2/2" in result.stderr and "waiting" in result.stderr
    assert "without re-encoding" in result.stderr
    assert simulator.created_count == 2
    doc = json.loads(board.read_text(encoding="utf-8"))
    takes = [shot["takes"] for shot in doc["shots"]]
    assert [len(t) for t in takes] == [1, 1]
    assert all(not Path(t[0]["clip"]).is_absolute() for t in takes)  # portable paths
    records = {r["id"]: r for r in history_records(run_cli("history", "--json", data_dir=data_dir))}
    assert any(r["file"] == str(film) for r in records.values())  # the film is in the library

    again = run_cli(
        "storyboard", "run", str(board), "--out", str(tmp_path / "film.mp4"),
        *sim_args(simulator), data_dir=data_dir,
    )  # fmt: skip
    assert again.returncode == 0, again.stderr
    assert simulator.created_count == 2  # every shot has its take: nothing sent again
    assert Path(again.stdout.strip().splitlines()[-1]) == tmp_path / "film.mp4"

    shown = run_cli("storyboard", "show", str(board), data_dir=data_dir)
    assert shown.returncode == 0 and shown.stdout.count(": ready") == 2
    listed = run_cli("storyboard", "list", data_dir=data_dir)
    assert "2 shots  Pond" in listed.stdout

    for fmt in ("otio", "fcpxml", "edl"):
        out = tmp_path / f"edit-{fmt}"
        exported = run_cli(
            "export-timeline", str(board), "--format", fmt, "--out", str(out), data_dir=data_dir
        )
        assert exported.returncode == 0, exported.stderr
        timeline = _read(Path(exported.stdout.strip()), fmt)
        clips = list(timeline.find_clips())
        assert [c.duration().to_seconds() for c in clips] == pytest.approx([4.0, 4.0], abs=0.05)
        urls = [c.media_reference.target_url for c in clips]
        assert urls == ["clips/01-Shot 1.mp4", "clips/02-Shot 2.mp4"]
        assert all((out / url).is_file() for url in urls)

    # as stitch and frame: a timeline already there (maybe edited since) is not replaced
    out = tmp_path / "edit-otio"
    timeline_file = out / "Pond.otio"
    timeline_file.write_text("edited by hand", encoding="utf-8")
    refused = run_cli(
        "export-timeline", str(board), "--format", "otio", "--out", str(out), data_dir=data_dir
    )
    assert refused.returncode == ExitCode.INVALID_INPUT
    line = assert_one_error_line(refused)
    assert f'"{timeline_file}" already exists' in line and "--overwrite" in line
    assert timeline_file.read_text(encoding="utf-8") == "edited by hand"
    replaced = run_cli(
        "export-timeline", str(board), "--format", "otio", "--out", str(out), "--overwrite",
        data_dir=data_dir,
    )  # fmt: skip
    assert replaced.returncode == 0, replaced.stderr
    assert Path(replaced.stdout.strip()) == timeline_file
    assert len(list(_read(timeline_file, "otio").find_clips())) == 2


def test_storyboard_refusals_send_nothing(simulator: Any, data_dir: Path, tmp_path: Path) -> None:
    newer = tmp_path / "newer.storyboard.json"
    newer.write_text(
        json.dumps({"format": "sora-desktop/storyboard", "version": 7, "shots": []}),
        encoding="utf-8",
    )
    result = run_cli("storyboard", "run", str(newer), *sim_args(simulator), data_dir=data_dir)
    assert result.returncode == ExitCode.INVALID_INPUT
    assert "newer version of Sora Desktop" in assert_one_error_line(result)
    assert newer.read_text(encoding="utf-8").count('"version": 7') == 1  # untouched

    bad = tmp_path / "bad.storyboard.json"
    _new_board(data_dir, bad, "fine", "also fine", chain=False)
    doc = json.loads(bad.read_text(encoding="utf-8"))
    doc["shots"][1]["size"] = "999x999"
    bad.write_text(json.dumps(doc), encoding="utf-8")
    result = run_cli("storyboard", "run", str(bad), *sim_args(simulator), data_dir=data_dir)
    assert result.returncode == ExitCode.INVALID_INPUT
    assert "Shot 2" in assert_one_error_line(result)

    missing = run_cli("storyboard", "run", str(tmp_path / "gone.json"), data_dir=data_dir)
    assert missing.returncode == ExitCode.INVALID_INPUT
    assert "can't be found" in assert_one_error_line(missing)
    assert simulator.created_count == 0


def test_a_shot_whose_previous_take_failed_is_refused_until_retried(
    simulator: Any, data_dir: Path, tmp_path: Path
) -> None:
    board = tmp_path / "storm.storyboard.json"
    _new_board(data_dir, board, "a storm [sim:fail]", "then calm")
    first = run_cli("storyboard", "run", str(board), *sim_args(simulator), data_dir=data_dir)
    assert first.returncode == ExitCode.REMOTE_FAILED, first.stderr
    line = assert_one_error_line(first)
    assert "Shot 1" in line and "--retry-failed" in line
    assert first.stdout == ""  # no film
    assert simulator.created_count == 1
    doc = json.loads(board.read_text(encoding="utf-8"))
    assert len(doc["shots"][0]["takes"]) == 1  # the failed take is in the file
    again = run_cli("storyboard", "run", str(board), *sim_args(simulator), data_dir=data_dir)
    assert again.returncode == ExitCode.INVALID_INPUT
    assert "--retry-failed" in assert_one_error_line(again)
    assert simulator.created_count == 1  # refused before anything was sent


def test_stitch_joins_files_and_refuses_what_it_cannot_copy(data_dir: Path, tmp_path: Path) -> None:
    a = sim_clip(tmp_path / "sim", "A lighthouse at night")
    b = sim_clip(tmp_path / "sim", "Waves on the rocks")
    out = tmp_path / "film.mp4"
    result = run_cli("stitch", str(a), str(b), "--out", str(out), data_dir=data_dir)
    assert result.returncode == 0, result.stderr
    assert Path(result.stdout.strip().splitlines()[-1]) == out
    assert _seconds(out) == pytest.approx(4.0, abs=0.1)
    assert "without re-encoding" in result.stderr

    small = marker_clip(tmp_path / "small.mp4", width=160, height=96)
    refused_out = tmp_path / "refused.mp4"
    refused = run_cli(
        "stitch", str(a), str(small), "--out", str(refused_out), "--copy-only", data_dir=data_dir
    )
    assert refused.returncode == ExitCode.INVALID_INPUT
    assert "160x96" in assert_one_error_line(refused)
    assert not refused_out.exists() and not list(tmp_path.glob(".*refused*"))

    faded = run_cli(
        "stitch", str(a), str(b), "--out", str(tmp_path / "faded.mp4"), "--crossfade", "0.5",
        data_dir=data_dir,
    )  # fmt: skip
    assert faded.returncode == 0, faded.stderr
    assert "crossfade" in faded.stderr.lower()
    assert _seconds(tmp_path / "faded.mp4") == pytest.approx(3.5, abs=0.1)

    gone = run_cli(
        "stitch", str(a), str(tmp_path / "gone.mp4"), "--out", str(tmp_path / "x.mp4"),
        data_dir=data_dir,
    )  # fmt: skip
    assert gone.returncode == ExitCode.INVALID_INPUT
    assert "gone.mp4" in assert_one_error_line(gone)
    assert not (tmp_path / "x.mp4").exists()
    exists = run_cli("stitch", str(a), str(b), "--out", str(out), data_dir=data_dir)
    assert exists.returncode == ExitCode.INVALID_INPUT
    assert "--overwrite" in assert_one_error_line(exists)


def test_frame_saves_the_frame_at_a_time_and_extend_makes_a_longer_clip(
    simulator: Any, data_dir: Path, tmp_path: Path
) -> None:
    clip = marker_clip(tmp_path / "m.mp4", seconds=2.0, marks=(1.0,), width=320, height=180)
    png = tmp_path / "frame.png"
    result = run_cli("frame", str(clip), "--at", "1", "--out", str(png), data_dir=data_dir)
    assert result.returncode == 0, result.stderr
    assert Path(result.stdout.strip()) == png
    with Image.open(png) as image:
        assert image.size == (320, 180)
        assert image.convert("RGB").tobytes() == frame_at(clip, 1.0).tobytes()
    negative = run_cli("frame", str(clip), "--at", "-1", "--out", str(tmp_path / "n.png"),
                       data_dir=data_dir)  # fmt: skip
    assert negative.returncode == ExitCode.INVALID_INPUT

    made = run_cli(
        "generate", "--prompt", "a paper boat", "--out", str(tmp_path / "exports"),
        *sim_args(simulator), data_dir=data_dir,
    )  # fmt: skip
    assert made.returncode == 0, made.stderr
    job_id = history_records(run_cli("history", "--json", data_dir=data_dir))[0]["id"]
    extended = run_cli(
        "extend", job_id[:8], "--prompt", "the boat sails on", "--seconds", "4", data_dir=data_dir
    )
    assert extended.returncode == 0, extended.stderr
    assert "extensions endpoint" in extended.stderr
    path = Path(extended.stdout.strip().splitlines()[-1])
    assert _seconds(path) == pytest.approx(8.0, abs=0.5)
    assert simulator.created_count == 2
