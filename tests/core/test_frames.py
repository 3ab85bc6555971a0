"""Exact frames from clips: the last one (B-frames, edit lists), the one at a time."""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import av
import numpy as np
import pytest
from PIL import Image

from sora_desktop.core.errors import InvalidRequestError
from sora_desktop.core.frames import (
    continuation_image,
    frame_at,
    last_frame,
    save_png,
    to_image,
)
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


def noise_clip(
    path: Path,
    frames: int,
    *,
    options: dict[str, str],
    codec: str = "libx264",
    fps: int = 24,
    audio: bool = True,
    width: int = 192,
    height: int = 112,
) -> Path:
    """Moving noise (every frame differs everywhere, so a wrong reference shows), encoded by
    ``codec`` with ``options``, and a tone when ``audio``."""
    rng = np.random.default_rng(frames)
    base = rng.integers(0, 255, (height, width + 2 * frames, 3), dtype=np.uint8)
    with av.open(str(path), "w", format="mp4") as out:
        video = out.add_stream(codec, rate=fps, options=options)
        video.width, video.height, video.pix_fmt = width, height, "yuv420p"
        sound = out.add_stream("aac", rate=48000, layout="mono") if audio else None
        for i in range(frames):
            data = base[:, 2 * i : 2 * i + width].copy()
            data[:: 5 + i % 3] = rng.integers(0, 255, data[:: 5 + i % 3].shape, dtype=np.uint8)
            frame = av.VideoFrame.from_ndarray(data, format="rgb24")
            frame.pts = i
            frame.time_base = Fraction(1, fps)
            out.mux(video.encode(frame))
        out.mux(video.encode())
        if sound is not None:
            samples = round(frames / fps * 48000)
            tone = (0.2 * np.sin(np.arange(samples) * 0.05)).astype(np.float32)
            for start in range(0, samples, 1024):
                chunk = np.pad(tone[start : start + 1024], (0, max(0, start + 1024 - samples)))
                sound_frame = av.AudioFrame.from_ndarray(
                    chunk[None, :], format="fltp", layout="mono"
                )
                sound_frame.sample_rate = 48000
                sound_frame.pts = start
                sound_frame.time_base = Fraction(1, 48000)
                out.mux(sound.encode(sound_frame))
            out.mux(sound.encode())
    return path


def fully_decoded_last(path: Path) -> bytes:
    """What a player shows last: every frame decoded from the top, the latest one wins."""
    best: av.VideoFrame | None = None
    with av.open(str(path)) as container:
        for frame in container.decode(container.streams.video[0]):
            if frame.pts is not None and (best is None or frame.pts >= (best.pts or 0)):
                best = frame
    assert best is not None
    return to_image(best).tobytes()


def video_packets(path: Path) -> list[tuple[int, bool, bytes]]:
    """(pts, keyframe, data) of every video packet, in file (decoding) order."""
    with av.open(str(path)) as container:
        return [
            (p.pts, p.is_keyframe, bytes(p))
            for p in container.demux(container.streams.video[0])
            if p.size and p.pts is not None
        ]


def nal_types(data: bytes) -> set[int]:
    """The NAL unit types in an MP4 (length-prefixed) H.264 packet."""
    types, at = set(), 0
    while at + 4 < len(data):
        size = int.from_bytes(data[at : at + 4], "big")
        types.add(data[at + 4] & 0x1F)
        at += 4 + size
    return types


# x264's default preset (three B-frames, B-pyramid: some B-frames nothing refers to; on
# noise x264 would choose P-frames, so its B-frame choice is fixed), GOPs of a second; and
# x264's open GOP: keyframes that are I-frames, not IDR, whose leading B-frames refer to the
# GOP before
B_FRAMES = {"preset": "medium", "crf": "20", "g": "24", "x264-params": "b-adapt=0:scenecut=0"}
OPEN_GOP = {
    "preset": "medium",
    "crf": "20",
    "g": "20",
    "x264-params": "b-adapt=0:scenecut=0:open-gop=1",
}
# x265: three B-frames, open GOPs (CRA keyframes with leading pictures) of 20 frames
HEVC = {
    "preset": "fast",
    "crf": "20",
    "x265-params": "keyint=20:min-keyint=20:scenecut=0:b-adapt=0:bframes=3:open-gop=1"
    ":log-level=error",
}
H264_IDR, HEVC_CRA = 5, 21


def first_nal_type(codec: str, data: bytes) -> int:
    """The type of the first NAL unit of an MP4 (length-prefixed) packet."""
    return data[4] & 0x1F if codec == "libx264" else (data[4] >> 1) & 0x3F


@pytest.mark.parametrize(
    ("codec", "options", "audio"),
    [
        ("libx264", B_FRAMES, True),
        ("libx264", B_FRAMES, False),
        ("libx264", OPEN_GOP, True),
        ("libx265", HEVC, True),
    ],
    ids=["b-frames+audio", "b-frames-no-audio", "open-gop", "hevc-open-gop"],
)
def test_last_frame_is_pixel_identical_to_a_full_decode(
    tmp_path: Path, codec: str, options: dict[str, str], audio: bool
) -> None:
    clip = noise_clip(tmp_path / "c.mp4", 60, options=options, codec=codec, audio=audio)
    packets = video_packets(clip)
    # the last packet in the file is not the last frame shown (a B-frame comes after it)
    assert packets[-1][0] < max(pts for pts, _, _ in packets)
    keyframes = [data for _, key, data in packets if key]
    assert len(keyframes) >= 3  # the last keyframe is within the last two seconds
    if options is OPEN_GOP:
        assert any(H264_IDR not in nal_types(data) for data in keyframes[1:])  # not IDR
    if options is HEVC:
        assert first_nal_type(codec, keyframes[-1]) == HEVC_CRA  # open: leading pictures
    assert last_frame(clip).tobytes() == fully_decoded_last(clip)


@pytest.mark.parametrize(
    ("codec", "options"), [("libx264", B_FRAMES), ("libx265", HEVC)], ids=["h264", "hevc"]
)
def test_a_last_frame_nothing_refers_to_is_decoded_in_full(
    tmp_path: Path, codec: str, options: dict[str, str]
) -> None:
    """The frames nothing refers to are skipped on the way to the end, never the last one
    shown: here the last packet (a B-frame no other frame uses) is made the last shown."""
    source = noise_clip(tmp_path / "s.mp4", 40, options=options, codec=codec, audio=False)
    clip = tmp_path / "late_b.mp4"
    with av.open(str(source)) as src, av.open(str(clip), "w", format="mp4") as out:
        stream = out.add_stream_from_template(src.streams.video[0])
        packets = [p for p in src.demux(src.streams.video[0]) if p.size]
        last_pts = max(p.pts for p in packets if p.pts is not None)
        packets[-1].pts = last_pts + 512 * 4  # shown four frames after the former last
        for packet in packets:
            packet.stream = stream
            out.mux(packet)
    with av.open(str(clip)) as container:  # the decoder really may skip that frame
        stream = container.streams.video[0]
        stream.codec_context.skip_frame = "NONREF"
        shown = [f.pts for f in container.decode(stream)]
        assert shown and max(p for p in shown if p is not None) < last_pts + 512 * 4
    packets = video_packets(clip)
    assert packets[-1][0] == max(pts for pts, _, _ in packets)  # the last packet is last
    assert last_frame(clip).tobytes() == fully_decoded_last(clip)


def test_last_frame_of_an_mpeg_ts_clip_and_of_a_file_without_video(tmp_path: Path) -> None:
    """Not only MP4: a transport stream (no index, no edit list) gives the same last frame;
    a file without video is refused by name."""
    source = noise_clip(tmp_path / "s.mp4", 60, options=B_FRAMES)
    clip = tmp_path / "c.ts"
    with av.open(str(source)) as src, av.open(str(clip), "w", format="mpegts") as out:
        stream = out.add_stream_from_template(src.streams.video[0])
        for packet in src.demux(src.streams.video[0]):
            if packet.size:
                packet.stream = stream
                out.mux(packet)
    assert last_frame(clip).tobytes() == fully_decoded_last(clip)
    sound = tmp_path / "sound.m4a"
    with av.open(str(source)) as src, av.open(str(sound), "w", format="mp4") as out:
        stream = out.add_stream_from_template(src.streams.audio[0])
        for packet in src.demux(src.streams.audio[0]):
            if packet.size:
                packet.stream = stream
                out.mux(packet)
    with pytest.raises(InvalidRequestError, match=r"sound\.m4a.*no video"):
        last_frame(sound)


def test_frame_at_is_the_frame_on_screen(tmp_path: Path) -> None:
    clip = numbered_clip(tmp_path / "n.mp4", 96)
    assert abs(level(frame_at(clip, 0)) - 0) <= 2
    assert abs(level(frame_at(clip, 1.0)) - 120) <= 2  # frame 24
    assert abs(level(frame_at(clip, 1.0 + 0.9 / 24)) - 120) <= 2  # still frame 24
    assert abs(level(frame_at(clip, 2.5)) - (60 * 5) % 250) <= 2
    assert abs(level(frame_at(clip, 99.0)) - (95 * 5) % 250) <= 2  # past the end: the last
    with pytest.raises(InvalidRequestError):
        frame_at(clip, -1)


def test_frame_at_is_pixel_identical_to_a_full_decode(tmp_path: Path) -> None:
    clip = noise_clip(tmp_path / "c.mp4", 60, options=B_FRAMES)
    with av.open(str(clip)) as container:
        stream = container.streams.video[0]
        frames = sorted(
            (f for f in container.decode(stream) if f.pts is not None), key=lambda f: f.pts or 0
        )
        expected = to_image(frames[37]).tobytes()  # 37/24 s after the first frame
    assert frame_at(clip, 37 / 24 + 0.01).tobytes() == expected


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
