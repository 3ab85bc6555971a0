"""Render real, deterministic clips for the simulator with PyAV (H.264 + AAC in MP4).

A clip is one or more *segments* (an extension appends one). Each segment draws the words
of its prompt over a procedural animated scene whose palette and motion are seeded from the
prompt's hash, so the same prompt, size and duration always give the same frames, and
different prompts visibly differ. An optional reference image is the exact first frame and
fades into the scene over the first second. The sound track is a soft chord derived from the
prompt.

Alongside the MP4 the renderer writes the thumbnail (WebP of the first frame) and the
spritesheet (JPEG grid of frames), the API's ``thumbnail`` and ``spritesheet`` variants.
"""

from __future__ import annotations

import hashlib
import io
import math
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from pathlib import Path
from typing import Protocol

import av
import numpy as np
from PIL import Image, ImageDraw, ImageFont

FPS = 24
SAMPLE_RATE = 48000
AUDIO_FRAME = 1024
SPRITE_COLUMNS = 5
SPRITE_TILE_WIDTH = 192
FADE_SECONDS = 1.0


class RenderCancelled(Exception):
    """The server stopped while this clip was rendering."""


class CancelFlag(Protocol):
    """What a render polls between frames: a ``threading.Event`` or, in a render worker
    process, a ``multiprocessing`` event."""

    def is_set(self) -> bool: ...


@dataclass(frozen=True, slots=True)
class Segment:
    """A stretch of the clip drawn from one prompt (directives already stripped)."""

    text: str
    seconds: int


@dataclass(frozen=True, slots=True)
class RenderSpec:
    width: int
    height: int
    segments: tuple[Segment, ...]
    reference: bytes | None = None  # encoded image (PNG/JPEG/WebP) of exactly width x height

    @property
    def seconds(self) -> int:
        return sum(s.seconds for s in self.segments)

    def cache_key(self) -> str:
        h = hashlib.sha256()
        h.update(f"{self.width}x{self.height}|".encode())
        for seg in self.segments:
            h.update(f"{seg.seconds}|{len(seg.text)}|".encode())
            h.update(seg.text.encode())
        if self.reference is not None:
            h.update(b"|ref|")
            h.update(hashlib.sha256(self.reference).digest())
        return h.hexdigest()[:32]


@dataclass(frozen=True, slots=True)
class RenderedAssets:
    video: Path
    thumbnail: Path
    spritesheet: Path
    first_frame: bytes = field(repr=False, default=b"")  # PNG of frame 0 (for edits)


def _seed(text: str) -> int:
    return int.from_bytes(hashlib.sha256(text.encode()).digest()[:8], "big")


def _font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    return ImageFont.load_default(size=size)


class _Scene:
    """The procedural scene and cached text layer of one segment."""

    def __init__(self, text: str, width: int, height: int) -> None:
        rng = np.random.default_rng(_seed(text))
        self.width, self.height = width, height
        top = rng.integers(20, 140, size=3).astype(np.float32)
        bottom = rng.integers(60, 230, size=3).astype(np.float32)
        # A gradient twice the frame height that scrolls: free motion per frame.
        t = np.linspace(0.0, 2.0 * math.pi, 2 * height, dtype=np.float32)
        mix = (0.5 - 0.5 * np.cos(t))[:, None]
        column = top[None, :] * (1.0 - mix) + bottom[None, :] * mix
        self.gradient = np.ascontiguousarray(
            np.broadcast_to(column[:, None, :], (2 * height, width, 3)).astype(np.uint8)
        )
        self.scroll_speed = float(rng.uniform(0.05, 0.2))  # frame heights per second
        n_orbs = int(rng.integers(3, 6))
        short = min(width, height)
        self.orbs = [
            (
                rng.uniform(0.1, 0.9),  # centre x (fraction)
                rng.uniform(0.1, 0.9),  # centre y
                rng.uniform(0.08, 0.3),  # path amplitude x
                rng.uniform(0.08, 0.3),  # path amplitude y
                rng.uniform(0.2, 0.9),  # angular speed (rad/s)
                rng.uniform(0.0, 2 * math.pi),  # phase
                int(short * rng.uniform(0.08, 0.2)),  # radius (px)
                rng.integers(40, 256, size=3).astype(np.float32),  # colour
            )
            for _ in range(n_orbs)
        ]
        self.sprites = [self._orb_sprite(orb[6], orb[7]) for orb in self.orbs]
        self._text_layer(text)

    @staticmethod
    def _orb_sprite(radius: int, colour: np.ndarray) -> np.ndarray:
        """A soft glow (Gaussian falloff) of ``colour``, 4 radii wide, drawn once per scene."""
        d = np.arange(-2 * radius, 2 * radius, dtype=np.float32) + 0.5
        g = np.exp(-(d * d) / float(radius * radius))
        glow = np.outer(g, g)[:, :, None] * colour
        return np.ascontiguousarray(np.rint(glow).astype(np.uint8))

    def _text_layer(self, text: str) -> None:
        w, h = self.width, self.height
        size = max(14, min(w, h) // 16)
        font = _font(size)
        chars = max(8, int(w * 0.85 / (size * 0.55)))
        lines = textwrap.wrap(text, width=chars)[:4] or [""]
        if len(textwrap.wrap(text, width=chars)) > 4:
            lines[-1] = lines[-1][: max(0, chars - 1)] + "…"
        line_h = int(size * 1.3)
        box_h = line_h * len(lines) + size
        img = Image.new("RGBA", (w, box_h), (0, 0, 0, 0))
        draw = ImageDraw.Draw(img)
        draw.rectangle((0, 0, w, box_h), fill=(0, 0, 0, 110))
        for i, line in enumerate(lines):
            x = max(0, (w - int(draw.textlength(line, font=font))) // 2)
            y = size // 2 + i * line_h
            draw.text((x + 2, y + 2), line, font=font, fill=(0, 0, 0, 200))
            draw.text((x, y), line, font=font, fill=(255, 255, 255, 255))
        rgba = np.asarray(img, dtype=np.uint16)
        alpha = rgba[:, :, 3:4]
        self.text_y = h - box_h - max(4, h // 20)
        self.text_alpha_inv = (255 - alpha).astype(np.uint16)
        self.text_premul = (rgba[:, :, :3] * alpha).astype(np.uint16)

    def draw(self, t: float, out: np.ndarray) -> None:
        """Draw the scene at ``t`` seconds (segment-local) into ``out`` (H x W x 3 uint8)."""
        h, w = self.height, self.width
        offset = int(t * self.scroll_speed * h) % h
        np.copyto(out, self.gradient[offset : offset + h])
        for (cx, cy, ax, ay, speed, phase, radius, _), sprite in zip(
            self.orbs, self.sprites, strict=True
        ):
            px = int((cx + ax * math.sin(speed * t + phase)) * w) - 2 * radius
            py = int((cy + ay * math.cos(speed * 1.3 * t + phase)) * h) - 2 * radius
            x0, x1 = max(0, px), min(w, px + 4 * radius)
            y0, y1 = max(0, py), min(h, py + 4 * radius)
            if x0 >= x1 or y0 >= y1:
                continue
            glow = sprite[y0 - py : y1 - py, x0 - px : x1 - px]
            region = out[y0:y1, x0:x1]
            # saturating add in uint8: region + min(glow, 255 - region)
            np.add(region, np.minimum(glow, 255 - region), out=region)
        y0 = self.text_y
        y1 = y0 + self.text_premul.shape[0]
        region = out[y0:y1]
        mixed = region.astype(np.uint16) * self.text_alpha_inv + self.text_premul
        region[...] = (mixed >> 8).astype(np.uint8)


def _chord(text: str, seconds: float) -> np.ndarray:
    """A soft stereo chord (float32, shape (2, samples)) derived from the prompt."""
    rng = np.random.default_rng(_seed(text) ^ 0x5EED)
    root = 196.0 * 2 ** (int(rng.integers(0, 12)) / 12)  # somewhere from G3 upwards
    intervals = (0, 4, 7, 12) if rng.random() < 0.6 else (0, 3, 7, 10)
    n = round(seconds * SAMPLE_RATE)
    t = np.arange(n, dtype=np.float64) / SAMPLE_RATE
    left = np.zeros(n)
    right = np.zeros(n)
    for i, semis in enumerate(intervals):
        f = root * 2 ** (semis / 12)
        wave = np.sin(2 * math.pi * f * t) * (0.5 + 0.5 * np.sin(2 * math.pi * 0.25 * t + i))
        pan = (i + 0.5) / len(intervals)
        left += wave * (1 - pan)
        right += wave * pan
    env = np.minimum(1.0, np.minimum(t / 0.3, (seconds - t) / 0.5).clip(0.0))
    gain = 0.12 * env
    return np.stack([left * gain, right * gain]).astype(np.float32)


def _load_reference(data: bytes, width: int, height: int) -> np.ndarray:
    with Image.open(io.BytesIO(data)) as img:
        rgb = img.convert("RGB")
        if rgb.size != (width, height):
            rgb = rgb.resize((width, height))
        return np.asarray(rgb, dtype=np.uint8).copy()


def _encode(
    spec: RenderSpec, tmp: Path, cancel: CancelFlag | None, preset: str, name: str
) -> tuple[np.ndarray, list[Image.Image]]:
    """Encode the clip into ``tmp``; return its first frame and the spritesheet tiles."""
    width, height = spec.width, spec.height
    total_frames = spec.seconds * FPS
    sprite_every = max(1, total_frames // 10)
    sprites: list[Image.Image] = []
    first_rgb: np.ndarray | None = None
    reference = (
        _load_reference(spec.reference, width, height) if spec.reference is not None else None
    )
    fade_frames = int(FADE_SECONDS * FPS)
    audio = np.concatenate([_chord(s.text, s.seconds) for s in spec.segments], axis=1)
    buf = np.empty((height, width, 3), dtype=np.uint8)

    with av.open(str(tmp), mode="w", format="mp4", options={"movflags": "+faststart"}) as out:
        vstream = out.add_stream(
            "libx264",
            rate=FPS,
            options={"preset": preset, "crf": "23", "threads": "2"},
        )
        vstream.width = width
        vstream.height = height
        vstream.pix_fmt = "yuv420p"
        vstream.codec_context.time_base = Fraction(1, FPS)
        astream = out.add_stream("aac", rate=SAMPLE_RATE, layout="stereo")
        astream.codec_context.time_base = Fraction(1, SAMPLE_RATE)

        frame_index = 0
        audio_pos = 0
        for seg in spec.segments:
            scene = _Scene(seg.text, width, height)
            for local in range(seg.seconds * FPS):
                if cancel is not None and cancel.is_set():
                    raise RenderCancelled(name)
                scene.draw(local / FPS, buf)
                if reference is not None and frame_index < fade_frames:
                    f = frame_index / fade_frames
                    mixed = reference * (1.0 - f) + buf * f
                    buf[...] = mixed.astype(np.uint8)
                if frame_index == 0:
                    first_rgb = buf.copy()
                if frame_index % sprite_every == 0 and len(sprites) < 10:
                    tile_h = max(1, round(SPRITE_TILE_WIDTH * height / width))
                    sprites.append(
                        Image.fromarray(buf).resize(
                            (SPRITE_TILE_WIDTH, tile_h), Image.Resampling.BILINEAR
                        )
                    )
                vf = av.VideoFrame.from_ndarray(buf, format="rgb24")
                vf.pts = frame_index
                for packet in vstream.encode(vf):
                    out.mux(packet)
                frame_index += 1
                # interleave audio up to the current video time
                target = min(audio.shape[1], (frame_index * SAMPLE_RATE) // FPS)
                while audio_pos + AUDIO_FRAME <= target:
                    audio_pos = _encode_audio(out, astream, audio, audio_pos)
        while audio_pos < audio.shape[1]:
            audio_pos = _encode_audio(out, astream, audio, audio_pos)
        for packet in vstream.encode(None):
            out.mux(packet)
        for packet in astream.encode(None):
            out.mux(packet)
    assert first_rgb is not None
    return first_rgb, sprites


def render_clip(
    spec: RenderSpec,
    dest_dir: Path,
    *,
    name: str | None = None,
    cancel: CancelFlag | None = None,
    preset: str = "ultrafast",
) -> RenderedAssets:
    """Render ``spec`` into ``dest_dir`` as ``<name>.mp4``, ``.webp`` and ``.jpg``.

    Files are written under temporary names and renamed when complete, so a reader never
    sees half a file. Raises :class:`RenderCancelled` when ``cancel`` is set mid-way.
    """
    name = name or spec.cache_key()
    dest_dir.mkdir(parents=True, exist_ok=True)
    final = dest_dir / f"{name}.mp4"
    reused = _reuse(dest_dir, name)
    if reused is not None:
        return reused
    tmp = dest_dir / f"{name}.mp4.tmp"
    try:
        first_rgb, sprites = _encode(spec, tmp, cancel, preset, name)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    tmp.replace(final)
    thumb = dest_dir / f"{name}.webp"
    first = Image.fromarray(first_rgb)
    first.save(dest_dir / f"{name}.webp.tmp", format="WEBP", quality=85)
    (dest_dir / f"{name}.webp.tmp").replace(thumb)
    sheet = dest_dir / f"{name}.jpg"
    _spritesheet(sprites).save(dest_dir / f"{name}.jpg.tmp", format="JPEG", quality=80)
    (dest_dir / f"{name}.jpg.tmp").replace(sheet)
    png = io.BytesIO()
    first.save(png, format="PNG")
    (dest_dir / f"{name}.png.tmp").write_bytes(png.getvalue())
    (dest_dir / f"{name}.png.tmp").replace(dest_dir / f"{name}.png")
    return RenderedAssets(final, thumb, sheet, first_frame=png.getvalue())


def _reuse(dest_dir: Path, name: str) -> RenderedAssets | None:
    """The assets of an earlier render of the same spec in ``dest_dir``, if complete."""
    paths = [dest_dir / f"{name}.{ext}" for ext in ("mp4", "webp", "jpg", "png")]
    if not all(p.is_file() for p in paths):
        return None
    return RenderedAssets(paths[0], paths[1], paths[2], first_frame=paths[3].read_bytes())


def _encode_audio(
    out: av.container.OutputContainer, stream: av.AudioStream, audio: np.ndarray, pos: int
) -> int:
    chunk = audio[:, pos : pos + AUDIO_FRAME]
    if chunk.shape[1] < AUDIO_FRAME:
        chunk = np.pad(chunk, ((0, 0), (0, AUDIO_FRAME - chunk.shape[1])))
    af = av.AudioFrame.from_ndarray(np.ascontiguousarray(chunk), format="fltp", layout="stereo")
    af.sample_rate = SAMPLE_RATE
    af.pts = pos
    for packet in stream.encode(af):
        out.mux(packet)
    return pos + AUDIO_FRAME


def _spritesheet(tiles: Sequence[Image.Image]) -> Image.Image:
    tw, th = tiles[0].size
    cols = min(SPRITE_COLUMNS, len(tiles))
    rows = math.ceil(len(tiles) / cols)
    sheet = Image.new("RGB", (tw * cols, th * rows), (0, 0, 0))
    for i, tile in enumerate(tiles):
        sheet.paste(tile, ((i % cols) * tw, (i // cols) * th))
    return sheet
