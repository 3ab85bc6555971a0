"""Reviewing a batch: the contact sheet shows each row's first frame (or why there is none),
labelled by row; the results come out as CSV and JSON."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import av
import pytest
from PIL import Image

from sora_desktop.core.batch.review import (
    RESULT_FIELDS,
    contact_sheet,
    result_records,
    results_csv,
    write_results,
)
from sora_desktop.core.batch.store import BatchRow, RowStatus
from sora_desktop.core.models import JobStatus, VideoRequest


def clip(path: Path, colour: tuple[int, int, int], size: tuple[int, int] = (128, 72)) -> Path:
    """A short real MP4 whose every frame is ``colour``."""
    with av.open(str(path), "w") as out:
        stream = out.add_stream("libx264", rate=12)
        stream.width, stream.height = size
        stream.pix_fmt = "yuv420p"
        for _n in range(3):
            frame = av.VideoFrame.from_image(Image.new("RGB", size, colour))
            for packet in stream.encode(frame):
                out.mux(packet)
        for packet in stream.encode():
            out.mux(packet)
    return path


def row(index: int, status: JobStatus | None, **kw: object) -> BatchRow:
    values: dict[str, object] = {
        "batch_id": "b",
        "index": index,
        "label": f"r{index:03d}_seconds-4",
        "source_row": index,
        "line": index + 1,
        "request": VideoRequest(prompt=f"一只狐狸 number {index}", size="1280x720"),
        "seed": None,
        "sweep": (("seconds", "4"),),
        "estimated_cost": 0.4,
        "problem": None,
        "wanted": 1,
        "held": False,
        "attempts": 1 if status else 0,
        "job_id": f"job{index}" if status else None,
        "sent": status is not None,
        "job_exists": status is not None,
        "job_status": status,
    }
    values.update(kw)
    return BatchRow(**values)  # type: ignore[arg-type]


def test_the_contact_sheet_has_each_rows_first_frame_in_order(tmp_path: Path) -> None:
    red = clip(tmp_path / "red.mp4", (220, 20, 20))
    blue = clip(tmp_path / "blue.mp4", (20, 20, 220))
    rows = [
        row(1, JobStatus.READY, file_path=red),
        row(2, JobStatus.FAILED, error_message="The service could not make this video."),
        row(3, JobStatus.READY, file_path=tmp_path / "elsewhere.mp4", exported_path=blue),
        row(4, None, held=True),
    ]
    sheet = contact_sheet(rows, tmp_path / "sheet.png", columns=2, tile_width=200)
    with Image.open(sheet) as image:
        pixels = image.convert("RGB")
        width, height = pixels.size
        assert width == 2 * 208 + 8

        # the middle of each tile's frame: tiles are 200 wide, frames 16:9 (112 high)
        def centre(n: int) -> tuple[int, int, int]:
            x = 8 + (n % 2) * 208 + 100
            tile_h = (height - 8) // 2
            y = 8 + (n // 2) * tile_h + 56
            found = pixels.getpixel((x, y))
            assert isinstance(found, tuple)
            return found[0], found[1], found[2]

        r, g, b = centre(0)
        assert r > 180 and g < 60 and b < 60  # row 1: red
        r, g, b = centre(2)
        assert b > 180 and r < 60  # row 3: its exported clip, blue
        assert max(centre(1)) < 60 and max(centre(3)) < 60  # no clip: a dark tile
        # each tile is labelled: light text under the frame
        label = pixels.crop((8, 8 + 112 + 2, 208, 8 + 112 + 22))
        assert label.getextrema()[0][1] > 200  # type: ignore[index]


def test_a_contact_sheet_needs_a_row_and_shrinks_tiles_for_big_batches(tmp_path: Path) -> None:
    with pytest.raises(ValueError):
        contact_sheet([], tmp_path / "x.png")
    many = [row(n, None) for n in range(1, 401)]
    path = contact_sheet(many, tmp_path / "many.jpg")
    with Image.open(path) as image:
        assert image.format == "JPEG"
        assert image.width * image.height <= 60_000_000


def test_results_as_json_and_csv(tmp_path: Path) -> None:
    rows = [
        row(1, JobStatus.READY, file_path=tmp_path / "a.mp4", seed=7),
        row(2, JobStatus.FAILED, error_message="Blocked, rephrase."),
        row(3, None, problem="sora-2 can't make 1792x1024 videos."),
        row(4, None, held=True, estimated_cost=None),
    ]
    records = result_records(rows)
    assert list(records[0]) == list(RESULT_FIELDS)
    assert [(r["status"], r["file"], r["error"], r["cost"]) for r in records] == [
        ("ready", str(tmp_path / "a.mp4"), None, 0.4),
        ("failed", None, "Blocked, rephrase.", 0.4),
        ("invalid", None, "sora-2 can't make 1792x1024 videos.", 0.4),
        ("held", None, None, None),
    ]
    assert records[0]["seed"] == 7 and records[0]["sweep"] == {"seconds": "4"}
    parsed = list(csv.DictReader(io.StringIO(results_csv(rows))))
    assert [p["status"] for p in parsed] == ["ready", "failed", "invalid", "held"]
    assert parsed[0]["prompt"] == "一只狐狸 number 1" and parsed[0]["sweep"] == "seconds=4"
    assert parsed[3]["cost"] == "" and parsed[0]["seed"] == "7"
    write_results(rows, tmp_path / "r.csv")
    write_results(rows, tmp_path / "r.json")
    assert (tmp_path / "r.csv").read_bytes().startswith("\ufeffrow,label".encode())
    assert json.loads((tmp_path / "r.json").read_text(encoding="utf-8")) == records
    assert RowStatus.HELD.value == "held"
