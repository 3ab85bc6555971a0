#!/usr/bin/env python3
"""Write the tiny clip the self-test plays: 1 s, 64x64, H.264 + AAC in MP4, a few KB.

    .venv/bin/python packaging/make_sample_clip.py

The result, ``sora_desktop/resources/sample/sample.mp4``, is committed and bundled, so the
frozen app can prove that its multimedia plugins decode real H.264 and AAC.
"""

from __future__ import annotations

import math
import sys
from fractions import Fraction
from pathlib import Path

import av
import numpy as np

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

        yy, xx = np.mgrid[0:SIZE, 0:SIZE]
        for i in range(FPS * SECONDS):
            t = i / FPS
            rgb = np.zeros((SIZE, SIZE, 3), dtype=np.uint8)
            rgb[..., 0] = (91 + 120 * xx / SIZE).astype(np.uint8)
            rgb[..., 1] = 60
            rgb[..., 2] = (240 - 80 * yy / SIZE).astype(np.uint8)
            cx = int(12 + 40 * t)  # a white square crossing the frame
            rgb[24:40, cx : cx + 12] = 255
            frame = av.VideoFrame.from_ndarray(rgb, format="rgb24")
            frame.pts = i
            frame.time_base = Fraction(1, FPS)
            for packet in video.encode(frame):
                container.mux(packet)
        for packet in video.encode():
            container.mux(packet)

        samples = RATE * SECONDS
        tone = np.array(
            [0.2 * math.sin(2 * math.pi * 440 * n / RATE) for n in range(samples)],
            dtype=np.float32,
        )
        chunk = 1024
        for start in range(0, samples, chunk):
            part = tone[start : start + chunk].reshape(1, -1)
            aframe = av.AudioFrame.from_ndarray(part, format="fltp", layout="mono")
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
