#!/usr/bin/env python3
"""Write the tiny clip the self-test plays: 1 s, 64x64, H.264 + AAC in MP4, a few KB.

    .venv/bin/python packaging/make_sample_clip.py

The result, ``sora_desktop/resources/sample/sample.mp4``, is committed and bundled, so the
frozen app can prove that its multimedia plugins decode real H.264 and AAC.
"""

from __future__ import annotations

import array
import math
import sys
from fractions import Fraction
from pathlib import Path

import av
from PIL import Image, ImageDraw

ROOT = Path(__file__).resolve().parent.parent
DEST = ROOT / "sora_desktop" / "resources" / "sample" / "sample.mp4"
SIZE = 64
FPS = 12
SECONDS = 1
RATE = 22050


def write_clip(dest: Path) -> Path:
    dest.parent.mkdir(parents=True, exist_ok=True)
    with av.open(str(dest), mode="w", format="mp4") as container:
        video = container.add_stream("libx264", rate=FPS)
        video.width = SIZE
        video.height = SIZE
        video.pix_fmt = "yuv420p"
        video.options = {"crf": "32", "preset": "veryslow", "tune": "animation"}
        audio = container.add_stream("aac", rate=RATE)
        audio.layout = "mono"
        audio.bit_rate = 24000

        # a horizontal red ramp and a vertical blue ramp (the app itself needs no numpy)
        ramp = Image.new("RGB", (SIZE, SIZE))
        ramp.putdata(
            [
                (int(91 + 120 * x / SIZE), 60, int(240 - 80 * y / SIZE))
                for y in range(SIZE)
                for x in range(SIZE)
            ]
        )
        for i in range(FPS * SECONDS):
            t = i / FPS
            rgb = ramp.copy()
            cx = int(12 + 40 * t)  # a white square crossing the frame
            ImageDraw.Draw(rgb).rectangle((cx, 24, cx + 11, 39), fill=(255, 255, 255))
            frame = av.VideoFrame.from_image(rgb)
            frame.pts = i
            frame.time_base = Fraction(1, FPS)
            for packet in video.encode(frame):
                container.mux(packet)
        for packet in video.encode():
            container.mux(packet)

        samples = RATE * SECONDS
        tone = array.array(
            "f", (0.2 * math.sin(2 * math.pi * 440 * n / RATE) for n in range(samples))
        )
        chunk = 1024
        for start in range(0, samples, chunk):
            part = tone[start : start + chunk]
            aframe = av.AudioFrame(format="fltp", layout="mono", samples=len(part))
            aframe.planes[0].update(part.tobytes())  # align=1: no padding after the samples
            aframe.sample_rate = RATE
            aframe.pts = start
            aframe.time_base = Fraction(1, RATE)
            for packet in audio.encode(aframe):
                container.mux(packet)
        for packet in audio.encode():
            container.mux(packet)
    return dest


def main() -> int:
    path = write_clip(DEST)
    print(f"{path.relative_to(ROOT)}  {path.stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
