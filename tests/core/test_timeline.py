"""Storyboards as editors' timelines: every format read back with OpenTimelineIO."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import opentimelineio as otio
import pytest

from sora_desktop.core.errors import InvalidRequestError
from sora_desktop.core.storyboard import Shot, Storyboard, add_take
from sora_desktop.core.timeline import export_timeline, replaced_files
from tests.core.media_clips import marker_clip, sim_clip

ADAPTERS = {"otio": None, "fcpxml": "fcpx_xml", "edl": "cmx_3600"}


def _board(tmp_path: Path) -> tuple[Storyboard, list[Path]]:
    clips = [
        sim_clip(tmp_path / "sim", "A harbour at dawn", size="320x180", seconds=2),
        marker_clip(tmp_path / "short.mp4", seconds=1.5, width=320, height=180),
        sim_clip(tmp_path / "sim", "Boats leave the harbour", size="320x180", seconds=4),
    ]
    shots = (
        Shot(id="a", name="Dawn", prompt="A harbour at dawn, slow dolly in"),
        Shot(id="b", name="Gulls / wind", prompt="海鸥在风中"),
        Shot(id="c", name="", prompt="Boats leave the harbour"),
    )
    board = Storyboard(id="sb", name="Harbour: a film", shots=shots)
    for shot, job in zip(shots, ("j1", "j2", "j3"), strict=True):
        board = add_take(board, shot.id, job)
    return board, clips


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


@pytest.mark.parametrize("fmt", ["otio", "fcpxml", "edl"])
def test_every_format_reads_back_in_order_with_durations_and_relative_paths(
    tmp_path: Path, fmt: Any
) -> None:
    board, clips = _board(tmp_path)
    out = tmp_path / "handoff"
    result = export_timeline(board, clips, fmt, out)
    assert result.path.parent == out and result.path.suffix == f".{fmt}"
    assert [p.name for p in result.clips] == ["01-Dawn.mp4", "02-Gulls _ wind.mp4", "03-shot.mp4"]
    assert all(p.is_file() and p.parent == out / "clips" for p in result.clips)

    timeline = _read(result.path, fmt)
    found = list(timeline.find_clips())
    assert [c.duration().to_seconds() for c in found] == pytest.approx([2.0, 1.5, 4.0])
    urls = [c.media_reference.target_url for c in found]
    assert urls == [f"clips/{p.name}" for p in result.clips]
    assert all((out / url).is_file() for url in urls)  # relative to the timeline's folder
    starts = [timeline.tracks[0].range_of_child_at_index(i).start_time for i in range(3)]
    assert [s.to_seconds() for s in starts] == pytest.approx([0.0, 2.0, 3.5])

    markers = [m.name for c in found for m in c.markers]
    if fmt == "edl":  # the EDL keeps the name and prompt as LOC comments, in capitals
        assert markers[0] == "DAWN: A HARBOUR AT DAWN, SLOW DOLLY IN"
        assert markers[1] == "GULLS / WIND: 海鸥在风中"
    else:
        assert [c.name for c in found] == ["Dawn", "Gulls / wind", "Shot 3"]
        assert markers[1] == "Gulls / wind: 海鸥在风中"
    if fmt == "otio":
        assert found[1].metadata["sora_desktop"]["prompt"] == "海鸥在风中"
        assert found[2].metadata["sora_desktop"]["job"] == "j3"
    if fmt == "fcpxml":
        assert found[0].media_reference.metadata["fcpx"]["note"] == board.shots[0].prompt
        text = result.path.read_text("utf-8")
        assert text.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE fcpxml>')
        assert text.count('hasAudio="1"') == 3  # every clip has sound


def test_what_an_export_would_replace_is_named_and_replaced_only_when_asked(
    tmp_path: Path,
) -> None:
    """The faces ask replaced_files before replacing (usecases/timeline.py refuses without
    overwrite): the timeline file, and clips that are other files than their takes."""
    board, clips = _board(tmp_path)
    out = tmp_path / "out"
    assert replaced_files(board, clips, "otio", out) == ()
    first = export_timeline(board, clips, "otio", out)
    assert replaced_files(board, clips, "otio", out) == (first.path,)
    # another format beside it: the hard-linked clips are the same takes, nothing replaced
    linked = all(p.samefile(c) for p, c in zip(first.clips, clips, strict=True))
    assert replaced_files(board, clips, "edl", out) == (() if linked else first.clips)
    # a clip the creator edited in place is another file now
    first.clips[1].unlink()
    first.clips[1].write_bytes(b"edited")
    assert first.clips[1] in replaced_files(board, clips, "edl", out)
    again = export_timeline(board, clips, "otio", out)  # replacing, as asked
    assert first == again
    assert [c.duration().to_seconds() for c in _read(again.path, "otio").find_clips()] == (
        pytest.approx([2.0, 1.5, 4.0])
    )


def test_refusals(tmp_path: Path) -> None:
    board, clips = _board(tmp_path)
    with pytest.raises(InvalidRequestError, match="one clip per shot"):
        export_timeline(board, clips[:2], "otio", tmp_path / "out")
    with pytest.raises(InvalidRequestError, match="aaf"):
        export_timeline(board, clips, "aaf", tmp_path / "out")  # type: ignore[arg-type]
