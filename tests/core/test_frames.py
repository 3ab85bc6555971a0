"""Exact frames from clips: the last one (B-frames, edit lists), the one at a time."""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import av
import numpy as np
import pytest
from PIL import Image

from sora_desktop.core.errors import InvalidRequestError
from sora_desktop.core.frames import continuation_image, frame_at, last_frame, save_png
from tests.core.media_clips import sim_clip


def numbered_clip(
    path: Path,
    frames: int,
    *,
    fps: int = 24,
    width: int = 160,
    height: int = 96,
    preset: str = "medium",
    gop: int = 250,
) -> Path:
    """Frame ``i`` is a flat grey of level ``(i * 5) % 250`` (its number can be read back)."""
    with av.open(str(path), "w", format="mp4") as out:
        stream = out.add_stream(
            "libx264", rate=fps, options={"preset": preset, "crf": "1", "g": str(gop)}
        )
        stream.width, stream.height, stream.pix_fmt = width, height, "yuv420p"
        for i in range(frames):
            image = np.full((height, width, 3), (i * 5) % 250, np.uint8)
            frame = av.VideoFrame.from_ndarray(image, format="rgb24")
            frame.pts = i
            frame.time_base = Fraction(1, fps)
            out.mux(stream.encode(frame))
        out.mux(stream.encode())
    return path


def level(image: Image.Image) -> int:
    return round(float(np.asarray(image.convert("L")).mean()))


def test_last_frame_with_b_frames_is_the_last_shown(tmp_path: Path) -> None:
    clip = numbered_clip(tmp_path / "b.mp4", 100)  # medium preset: B-frames; last is 99
    # B-frames start decoding before the first frame is shown: FFmpeg's MP4 muxer writes an
    # edit list that hides the offset, and the decoder hands frames over out of file order
    assert b"elst" in clip.read_bytes()
    image = last_frame(clip)
    assert image.size == (160, 96)
    assert abs(level(image) - (99 * 5) % 250) <= 2


def test_last_frame_after_a_long_gop_and_a_short_one(tmp_path: Path) -> None:
    long_gop = numbered_clip(tmp_path / "long.mp4", 150, gop=300)  # one keyframe only
    assert abs(level(last_frame(long_gop)) - (149 * 5) % 250) <= 2
    short = numbered_clip(tmp_path / "short.mp4", 7, gop=2)
    assert abs(level(last_frame(short)) - 30) <= 2


def test_frame_at_is_the_frame_on_screen(tmp_path: Path) -> None:
    clip = numbered_clip(tmp_path / "n.mp4", 96)
    assert abs(level(frame_at(clip, 0)) - 0) <= 2
    assert abs(level(frame_at(clip, 1.0)) - 120) <= 2  # frame 24
    assert abs(level(frame_at(clip, 1.0 + 0.9 / 24)) - 120) <= 2  # still frame 24
    assert abs(level(frame_at(clip, 2.5)) - (60 * 5) % 250) <= 2
    assert abs(level(frame_at(clip, 99.0)) - (95 * 5) % 250) <= 2  # past the end: the last
    with pytest.raises(InvalidRequestError):
        frame_at(clip, -1)


def test_full_resolution_png_and_a_fitted_continuation(tmp_path: Path) -> None:
    clip = sim_clip(tmp_path / "sim", "A red kite over the dunes", size="1280x720")
    png = save_png(frame_at(clip, 1.0), tmp_path / "grab.png")
    with Image.open(png) as grabbed:
        assert grabbed.size == (1280, 720) and grabbed.format == "PNG"
    start = continuation_image(clip, "720x1280", tmp_path / "images")
    with Image.open(start) as fitted:
        assert fitted.size == (720, 1280)
    again = continuation_image(clip, "720x1280", tmp_path / "images")
    assert again == start  # the same frame is stored once


def test_a_missing_or_broken_clip_is_refused_by_name(tmp_path: Path) -> None:
    with pytest.raises(InvalidRequestError, match="nope"):
        last_frame(tmp_path / "nope.mp4")
    bad = tmp_path / "bad.mp4"
    bad.write_bytes(b"not a video at all")
    with pytest.raises(InvalidRequestError, match="bad"):
        frame_at(bad, 0.5)
