"""Clips with known content for the stitch, frame and timeline tests, and what they measure.

``marker_clip`` writes black video with single white frames at given times and silent sound
with a loud 1 kHz click starting at the same times, so a test that decodes a film can find
each flash and each click and compare them. ``sim_clip`` renders a real clip with the
simulator's renderer (the app's own H.264 + AAC output).
"""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction
from pathlib import Path

import av
import numpy as np

from sora_desktop.simulator.render import RenderSpec, Segment, render_clip


def marker_clip(
    path: Path,
    *,
    seconds: float = 2.0,
    fps: int = 24,
    width: int = 160,
    height: int = 96,
    rate: int = 48000,
    layout: str = "mono",
    marks: Sequence[float] = (),
    audio_seconds: float | None = None,
    audio_delay: float = 0.0,
    preset: str = "ultrafast",
    shade: int = 0,
    audio: bool = True,
) -> Path:
    """Video of ``seconds`` (``shade`` grey, white frames at ``marks``); sound of
    ``audio_seconds`` (default: as long as the video) starting ``audio_delay`` late, with a
    click at each mark."""
    frames = round(seconds * fps)
    flash = {round(m * fps) for m in marks}
    with av.open(str(path), "w", format="mp4") as out:
        video = out.add_stream("libx264", rate=fps, options={"preset": preset, "crf": "30"})
        video.width, video.height, video.pix_fmt = width, height, "yuv420p"
        sound = out.add_stream("aac", rate=rate, layout=layout) if audio else None
        for i in range(frames):
            level = 255 if i in flash else shade
            image = np.full((height, width, 3), level, np.uint8)
            frame = av.VideoFrame.from_ndarray(image, format="rgb24")
            frame.pts = i
            frame.time_base = Fraction(1, fps)
            out.mux(video.encode(frame))
        out.mux(video.encode())
        if sound is not None:
            length = round((seconds if audio_seconds is None else audio_seconds) * rate)
            channels = len(av.AudioLayout(layout).channels)
            samples = np.zeros(length, np.float32)
            burst = 0.8 * np.sin(2 * np.pi * 1000 * np.arange(int(0.02 * rate)) / rate)
            for m in marks:
                at = round((m - audio_delay) * rate)
                if 0 <= at < length:
                    part = burst[: length - at]
                    samples[at : at + len(part)] = part
            first = round(audio_delay * rate)
            for start in range(0, length, 1024):
                chunk = samples[start : start + 1024]
                if len(chunk) < 1024:
                    chunk = np.pad(chunk, (0, 1024 - len(chunk)))
                planar = np.tile(chunk, (channels, 1)).astype(np.float32)
                frame = av.AudioFrame.from_ndarray(planar, format="fltp", layout=layout)
                frame.sample_rate = rate
                frame.pts = first + start
                frame.time_base = Fraction(1, rate)
                out.mux(sound.encode(frame))
            out.mux(sound.encode())
    return path


def sim_clip(folder: Path, prompt: str, *, size: str = "320x180", seconds: int = 2) -> Path:
    """A real clip from the simulator's renderer (cached per folder and prompt)."""
    width, height = (int(v) for v in size.split("x"))
    spec = RenderSpec(width, height, (Segment(prompt, seconds),))
    return render_clip(spec, folder).video


def flashes(path: Path) -> list[float]:
    """Presentation times (s) of the white frames."""
    times = []
    with av.open(str(path)) as container:
        for frame in container.decode(video=0):
            luma = frame.to_ndarray(format="gray")
            if luma.mean() > 200:
                times.append(float(frame.pts * frame.time_base))
    return times


def clicks(path: Path, *, threshold: float = 0.4, quiet: float = 0.1) -> list[float]:
    """Start times (s) of the clicks: a loud sample after at least ``quiet`` s of quiet."""
    times: list[float] = []
    last_loud = -1e9
    with av.open(str(path)) as container:
        for frame in container.decode(audio=0):
            data = frame.to_ndarray()
            if data.ndim == 2:
                data = np.abs(data).max(axis=0)
            start = float(frame.pts * frame.time_base)
            loud = np.nonzero(np.abs(data) > threshold)[0]
            for index in loud:
                at = start + index / frame.sample_rate
                if at - last_loud > quiet:
                    times.append(at)
                last_loud = at
    return times


def frame_times(path: Path) -> list[float]:
    with av.open(str(path)) as container:
        return [float(f.pts * f.time_base) for f in container.decode(video=0)]
