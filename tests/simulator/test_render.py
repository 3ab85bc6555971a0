"""Rendering: decode the MP4s with PyAV and check what a creator (and a player) would see."""

from __future__ import annotations

import io
import threading
from pathlib import Path

import av
import numpy as np
import pytest
from PIL import Image

from sora_desktop.simulator.render import (
    FPS,
    RenderCancelled,
    RenderSpec,
    Segment,
    _Scene,
    _video_frame,
    render_clip,
)
from tests.simulator.conftest import png_bytes

W, H = 320, 192  # small sizes keep the suite fast; the renderer takes any even size


def _frames(path: Path, count: int | None = None) -> list[np.ndarray]:
    out = []
    with av.open(str(path)) as c:
        for frame in c.decode(video=0):
            out.append(frame.to_ndarray(format="rgb24"))
            if count is not None and len(out) >= count:
                break
    return out


def test_clip_has_size_duration_h264_and_aac(tmp_path: Path) -> None:
    assets = render_clip(RenderSpec(W, H, (Segment("A lighthouse in a storm", 4),)), tmp_path)
    with av.open(str(assets.video)) as c:
        video = c.streams.video[0]
        audio = c.streams.audio[0]
        assert video.codec_context.name == "h264"
        assert (video.codec_context.width, video.codec_context.height) == (W, H)
        assert audio.codec_context.name == "aac"
        assert audio.codec_context.sample_rate > 0
        assert c.duration is not None
        assert abs(c.duration / 1_000_000 - 4.0) <= 1 / FPS + 0.03
        frames = sum(1 for _ in c.decode(video=0))
    assert abs(frames - 4 * FPS) <= 1
    # the moov box is up front (+faststart) so players can start before the end arrives
    head = assets.video.read_bytes()[: 64 * 1024]
    assert head[4:8] == b"ftyp"
    assert head.find(b"moov") != -1 and (
        head.find(b"mdat") == -1 or head.find(b"moov") < head.find(b"mdat")
    )


def test_audio_is_not_silent(tmp_path: Path) -> None:
    assets = render_clip(RenderSpec(W, H, (Segment("Birdsong at dawn", 4),)), tmp_path)
    with av.open(str(assets.video)) as c:
        samples = np.concatenate([f.to_ndarray().ravel() for f in c.decode(audio=0)])
    assert np.abs(samples).max() > 0.02


def test_audio_is_a_panned_chord_that_fades_in_and_out(tmp_path: Path) -> None:
    assets = render_clip(RenderSpec(W, H, (Segment("A harbour at dusk", 4),)), tmp_path)
    with av.open(str(assets.video)) as c:
        rate = c.streams.audio[0].codec_context.sample_rate
        stereo = np.concatenate([f.to_ndarray() for f in c.decode(audio=0)], axis=1)
    assert stereo.shape[0] == 2 and abs(stereo.shape[1] / rate - 4.0) < 0.1
    left, right = stereo[0], stereo[1]

    def rms(x: np.ndarray) -> float:
        return float(np.sqrt(np.mean(x.astype(np.float64) ** 2)))

    middle = slice(rate, 3 * rate)
    assert rms(left[middle]) > 0.02 and rms(right[middle]) > 0.02
    # the tones are panned: the two channels are different signals, not one copied twice
    assert rms(left[middle] - right[middle]) > 0.1 * rms(left[middle])
    # a 0.3 s fade-in and a 0.5 s fade-out: the first and last 50 ms are much quieter
    edge = rate // 20
    assert rms(left[:edge]) < 0.3 * rms(left[middle])
    end = round(4.0 * rate)
    assert rms(left[end - edge : end]) < 0.3 * rms(left[middle])


@pytest.mark.parametrize("width", [320, 330])  # 330 x 4 bytes: FFmpeg pads the rows
def test_video_frame_holds_exactly_the_drawn_picture(width: int) -> None:
    picture = _Scene("Stride check", width, 186).draw(0.5)
    frame = _video_frame(picture)
    assert (frame.width, frame.height) == (width, 186)
    assert frame.to_image().tobytes() == picture.tobytes()


def test_width_with_padded_rows_renders_upright(tmp_path: Path) -> None:
    """A width whose rows FFmpeg pads takes the other path into the encoder: the video's
    first frame still matches the thumbnail (a wrong stride would shear it)."""
    assets = render_clip(RenderSpec(330, 186, (Segment("Odd width", 1),)), tmp_path)
    first = _frames(assets.video, 1)[0].astype(int)
    assert first.shape == (186, 330, 3)
    with Image.open(assets.thumbnail) as thumb:
        assert np.abs(np.asarray(thumb.convert("RGB")).astype(int) - first).mean() < 8


def test_same_prompt_same_frames_different_prompt_differs(tmp_path: Path) -> None:
    spec = RenderSpec(W, H, (Segment("A red fox in the snow", 4),))
    a = render_clip(spec, tmp_path / "a")
    b = render_clip(spec, tmp_path / "b")
    c = render_clip(RenderSpec(W, H, (Segment("A blue whale in the deep sea", 4),)), tmp_path / "c")
    assert a.video.read_bytes() == b.video.read_bytes()
    fa, fb, fc = _frames(a.video, 10), _frames(b.video, 10), _frames(c.video, 10)
    assert all(np.array_equal(x, y) for x, y in zip(fa, fb, strict=True))
    diff = np.abs(fa[5].astype(int) - fc[5].astype(int)).mean()
    assert diff > 10, diff
    # and the scene moves: frame 0 and frame 9 of one clip differ
    assert np.abs(fa[0].astype(int) - fa[9].astype(int)).mean() > 0.5


def test_reference_image_is_the_first_frame(tmp_path: Path) -> None:
    ref = png_bytes(W, H, colour=(30, 160, 60))
    assets = render_clip(RenderSpec(W, H, (Segment("A garden", 4),), reference=ref), tmp_path)
    first = _frames(assets.video, 1)[0].astype(int)
    expected = np.asarray(Image.open(io.BytesIO(ref)).convert("RGB")).astype(int)
    assert np.abs(first - expected).mean() < 8
    # without the image the first frame looks different
    plain = render_clip(RenderSpec(W, H, (Segment("A garden", 4),)), tmp_path / "plain")
    assert np.abs(_frames(plain.video, 1)[0].astype(int) - expected).mean() > 20


def test_thumbnail_and_spritesheet(tmp_path: Path) -> None:
    assets = render_clip(RenderSpec(W, H, (Segment("Thumbnails", 4),)), tmp_path)
    with Image.open(assets.thumbnail) as thumb:
        assert thumb.format == "WEBP" and thumb.size == (W, H)
        thumb_px = np.asarray(thumb.convert("RGB")).astype(int)
    first = _frames(assets.video, 1)[0].astype(int)
    assert np.abs(thumb_px - first).mean() < 8
    with Image.open(assets.spritesheet) as sheet:
        assert sheet.format == "JPEG"
        assert sheet.width > W and sheet.height > 0


def test_segments_stitch_durations_and_reuse(tmp_path: Path) -> None:
    spec = RenderSpec(W, H, (Segment("Part one", 4), Segment("Part two", 4)))
    assert spec.seconds == 8
    assets = render_clip(spec, tmp_path)
    with av.open(str(assets.video)) as c:
        assert abs(c.duration / 1_000_000 - 8.0) <= 1 / FPS + 0.03
    mtime = assets.video.stat().st_mtime_ns
    again = render_clip(spec, tmp_path)  # same key in the same folder: reused, not re-rendered
    assert again.video == assets.video and again.video.stat().st_mtime_ns == mtime
    assert again.first_frame == assets.first_frame


def test_cache_key_depends_on_everything() -> None:
    base = RenderSpec(W, H, (Segment("a", 4),))
    keys = {
        base.cache_key(),
        RenderSpec(H, W, (Segment("a", 4),)).cache_key(),
        RenderSpec(W, H, (Segment("b", 4),)).cache_key(),
        RenderSpec(W, H, (Segment("a", 8),)).cache_key(),
        RenderSpec(W, H, (Segment("a", 4),), reference=b"x").cache_key(),
    }
    assert len(keys) == 5
    assert base.cache_key() == RenderSpec(W, H, (Segment("a", 4),)).cache_key()


def test_cancel_stops_a_render(tmp_path: Path) -> None:
    cancel = threading.Event()
    cancel.set()
    with pytest.raises(RenderCancelled):
        render_clip(RenderSpec(W, H, (Segment("never", 4),)), tmp_path, cancel=cancel)
    assert not list(tmp_path.glob("*.mp4"))
