"""Render real, deterministic clips for the simulator with PyAV (H.264 + AAC in MP4).

A clip is one or more *segments* (an extension appends one). Each segment draws the words
of its prompt over a procedural animated scene whose palette and motion are seeded from the
prompt's hash, so the same prompt, size and duration always give the same frames, and
different prompts visibly differ. An optional reference image is the exact first frame and
fades into the scene over the first second. The sound track is a soft chord derived from the
prompt.

Frames are composed with Pillow and the sound with an FFmpeg filter graph (through PyAV), so
the renderer needs no numpy: the frozen app leaves numpy and its OpenBLAS out (~41 MB).

Alongside the MP4 the renderer writes the thumbnail (WebP of the first frame) and the
spritesheet (JPEG grid of frames), the API's ``thumbnail`` and ``spritesheet`` variants.
"""

from __future__ import annotations

import hashlib
import io
import itertools
import math
import random
from collections.abc import Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from pathlib import Path
from typing import Protocol

import av
import av.filter
from PIL import Image, ImageChops

from sora_desktop.simulator.textlayer import text_layer

FPS = 24
SAMPLE_RATE = 48000
AUDIO_FRAME = 1024
SPRITE_COLUMNS = 5
SPRITE_TILE_WIDTH = 192
FADE_SECONDS = 1.0
#: The chord is computed at this rate and resampled to SAMPLE_RATE by FFmpeg: its highest
#: tone is below 800 Hz, far under this rate's 4 kHz Nyquist limit, and evaluating the
#: expressions for a sixth of the samples makes the sound ~5x cheaper.
SYNTH_RATE = 8000


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


def _colour(rng: random.Random, low: int, high: int) -> tuple[int, int, int]:
    """An RGB colour with each channel in ``low..high`` (inclusive)."""
    return (rng.randint(low, high), rng.randint(low, high), rng.randint(low, high))


def _add_saturating(base: Image.Image, light: Image.Image) -> Image.Image:
    """``min(255, base + light)`` per channel: ``ImageChops.add`` without its per-byte float
    division, which made it the renderer's slowest step. The light is first capped to the
    headroom left (``min(light, 255 - base)``), so the wrapping add cannot wrap."""
    return ImageChops.add_modulo(base, ImageChops.darker(light, ImageChops.invert(base)))


class _Scene:
    """The procedural scene and cached layers (gradient, orb glows, text) of one segment."""

    def __init__(self, text: str, width: int, height: int) -> None:
        rng = random.Random(_seed(text))
        self.width, self.height = width, height
        top = _colour(rng, 20, 139)
        bottom = _colour(rng, 60, 229)
        self.gradient = self._gradient(top, bottom, width, height)
        self.scroll_speed = rng.uniform(0.05, 0.2)  # frame heights per second
        n_orbs = rng.randint(3, 5)
        short = min(width, height)
        self.orbs = [
            (
                rng.uniform(0.1, 0.9),  # centre x (fraction)
                rng.uniform(0.1, 0.9),  # centre y
                rng.uniform(0.08, 0.3),  # path amplitude x
                rng.uniform(0.08, 0.3),  # path amplitude y
                rng.uniform(0.2, 0.9),  # angular speed (rad/s)
                rng.uniform(0.0, 2 * math.pi),  # phase
                max(1, int(short * rng.uniform(0.08, 0.2))),  # radius (px)
                _colour(rng, 40, 255),  # colour
            )
            for _ in range(n_orbs)
        ]
        self.sprites = [self._orb_sprite(orb[6], orb[7]) for orb in self.orbs]
        self._text_layer(text)

    @staticmethod
    def _gradient(
        top: tuple[int, int, int], bottom: tuple[int, int, int], width: int, height: int
    ) -> Image.Image:
        """A vertical gradient twice the frame height (top -> bottom -> top), which scrolls:
        free motion per frame. Built as one column and stretched (one row = one colour)."""
        rows = 2 * height
        column = bytearray()
        for y in range(rows):
            mix = 0.5 - 0.5 * math.cos(2.0 * math.pi * y / max(1, rows - 1))
            column += bytes(
                int(a * (1.0 - mix) + b * mix) for a, b in zip(top, bottom, strict=True)
            )
        strip = Image.frombytes("RGB", (1, rows), bytes(column))
        return strip.resize((width, rows), Image.Resampling.NEAREST)

    @staticmethod
    def _orb_sprite(radius: int, colour: tuple[int, int, int]) -> Image.Image:
        """A soft glow (Gaussian falloff) of ``colour``, 4 radii wide, drawn once per scene.

        The Gaussian is separable: one row and one column of falloff, stretched to a square
        and multiplied (``a * b / 255``), then scaled per channel by the colour."""
        size = 4 * radius
        falloff = bytes(
            round(255 * math.exp(-((k - 2 * radius + 0.5) ** 2) / (radius * radius)))
            for k in range(size)
        )
        across = Image.frombytes("L", (size, 1), falloff).resize(
            (size, size), Image.Resampling.NEAREST
        )
        down = Image.frombytes("L", (1, size), falloff).resize(
            (size, size), Image.Resampling.NEAREST
        )
        glow = ImageChops.multiply(across, down)
        bands = [glow.point([round(v * c / 255) for v in range(256)]) for c in colour]
        return Image.merge("RGB", bands)

    def _text_layer(self, text: str) -> None:
        layer = text_layer(text, self.width, self.height)
        self.text_y = layer.y
        self.text_rgb = layer.rgb
        self.text_mask = layer.mask

    def draw(self, t: float) -> Image.Image:
        """The scene at ``t`` seconds (segment-local): a new RGB image of the frame size."""
        h, w = self.height, self.width
        offset = int(t * self.scroll_speed * h) % h
        out = self.gradient.crop((0, offset, w, offset + h))
        for (cx, cy, ax, ay, speed, phase, radius, _), sprite in zip(
            self.orbs, self.sprites, strict=True
        ):
            px = int((cx + ax * math.sin(speed * t + phase)) * w) - 2 * radius
            py = int((cy + ay * math.cos(speed * 1.3 * t + phase)) * h) - 2 * radius
            x0, x1 = max(0, px), min(w, px + 4 * radius)
            y0, y1 = max(0, py), min(h, py + 4 * radius)
            if x0 >= x1 or y0 >= y1:
                continue
            box = (x0, y0, x1, y1)
            glow = sprite
            if box != (px, py, px + 4 * radius, py + 4 * radius):  # partly off-frame
                glow = sprite.crop((x0 - px, y0 - py, x1 - px, y1 - py))
            out.paste(_add_saturating(out.crop(box), glow), box)  # light adds up
        # text box: out = text * alpha + out * (1 - alpha)
        out.paste(self.text_rgb, (0, self.text_y), self.text_mask)
        return out


def _chord_graph(text: str, seconds: int) -> tuple[list[str], str]:
    """The soft chord derived from the prompt, as FFmpeg expressions: four tones (each an
    expression of ``t`` in seconds, slowly swelling at 0.25 Hz, under a 0.3 s fade-in and a
    0.5 s fade-out) and the ``pan`` filter's arguments that spread them across the stereo
    field. Each tone is evaluated once, not once per channel."""
    rng = random.Random(_seed(text) ^ 0x5EED)
    root = 196.0 * 2 ** (rng.randrange(12) / 12)  # somewhere from G3 upwards
    intervals = (0, 4, 7, 12) if rng.random() < 0.6 else (0, 3, 7, 10)
    swell = 2 * math.pi * 0.25
    envelope = f"0.12*min(1,max(0,min(t/0.3,({float(seconds)!r}-t)/0.5)))"
    tones = [
        f"{envelope}*sin({2 * math.pi * root * 2 ** (semis / 12)!r}*t)"
        f"*(0.5+0.5*sin({swell!r}*t+{i}))"
        for i, semis in enumerate(intervals)
    ]
    pans = [(i + 0.5) / len(intervals) for i in range(len(intervals))]
    left = "+".join(f"{1 - pan!r}*c{i}" for i, pan in enumerate(pans))
    right = "+".join(f"{pan!r}*c{i}" for i, pan in enumerate(pans))
    return tones, f"stereo|c0={left}|c1={right}"


def _chord(text: str, seconds: int) -> tuple[bytes, bytes]:
    """The chord of one segment: ``seconds * SAMPLE_RATE`` samples per channel, as native
    float32 bytes (left, right). FFmpeg evaluates the tones (``aevalsrc``), pans them to
    stereo and resamples them to SAMPLE_RATE."""
    tones, pan = _chord_graph(text, seconds)
    graph = av.filter.Graph()
    chain = [
        graph.add(
            "aevalsrc",
            f"exprs={'|'.join(tones)}:channel_layout=4.0:s={SYNTH_RATE}:d={seconds}:n=4096",
        ),
        graph.add("pan", pan),
        graph.add("aresample", str(SAMPLE_RATE)),
        graph.add("aformat", f"sample_fmts=fltp:channel_layouts=stereo:sample_rates={SAMPLE_RATE}"),
        graph.add("abuffersink"),
    ]
    for upstream, downstream in itertools.pairwise(chain):
        upstream.link_to(downstream)
    graph.configure()
    sink = chain[-1]
    left, right = bytearray(), bytearray()
    while True:
        try:
            frame = sink.pull()
        except EOFError:
            break
        assert isinstance(frame, av.AudioFrame)
        used = frame.samples * 4  # planes may be padded past the samples (alignment)
        left += bytes(frame.planes[0])[:used]
        right += bytes(frame.planes[1])[:used]
    wanted = seconds * SAMPLE_RATE * 4  # exactly the segment's length, whatever the resampler
    silence = bytes(max(0, wanted - len(left)))
    return bytes(left[:wanted]) + silence, bytes(right[:wanted]) + silence


def _video_frame(img: Image.Image) -> av.VideoFrame:
    """``img`` as a video frame. Pillow keeps RGB as 4 bytes a pixel, so handing it over as
    ``rgb0`` is one straight copy (packing it to ``rgb24`` cost ~3x as much). Where FFmpeg
    pads the frame's rows (a width that is not a multiple of 4), the picture is first put on
    a canvas as wide as a padded row, so each row of bytes lands at its row's start."""
    frame = av.VideoFrame(img.width, img.height, "rgb0")
    plane = frame.planes[0]
    if plane.line_size != 4 * img.width:
        canvas = Image.new("RGB", (plane.line_size // 4, img.height))
        canvas.paste(img)
        img = canvas
    plane.update(img.tobytes("raw", "RGBX"))
    return frame


def _load_reference(data: bytes, width: int, height: int) -> Image.Image:
    with Image.open(io.BytesIO(data)) as img:
        rgb = img.convert("RGB")
        if rgb.size != (width, height):
            rgb = rgb.resize((width, height))
        return rgb


def _encode(
    spec: RenderSpec, tmp: Path, cancel: CancelFlag | None, preset: str, name: str
) -> tuple[Image.Image, list[Image.Image]]:
    """Encode the clip into ``tmp``; return its first frame and the spritesheet tiles."""
    width, height = spec.width, spec.height
    total_frames = spec.seconds * FPS
    sprite_every = max(1, total_frames // 10)
    sprites: list[Image.Image] = []
    first: Image.Image | None = None
    reference = (
        _load_reference(spec.reference, width, height) if spec.reference is not None else None
    )
    fade_frames = int(FADE_SECONDS * FPS)
    chords = [_chord(s.text, s.seconds) for s in spec.segments]
    audio = (b"".join(c[0] for c in chords), b"".join(c[1] for c in chords))
    audio_samples = len(audio[0]) // 4

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
                img = scene.draw(local / FPS)
                if reference is not None and frame_index < fade_frames:
                    img = Image.blend(reference, img, frame_index / fade_frames)
                if frame_index == 0:
                    first = img
                if frame_index % sprite_every == 0 and len(sprites) < 10:
                    tile_h = max(1, round(SPRITE_TILE_WIDTH * height / width))
                    sprites.append(
                        img.resize((SPRITE_TILE_WIDTH, tile_h), Image.Resampling.BILINEAR)
                    )
                vf = _video_frame(img)
                vf.pts = frame_index
                for packet in vstream.encode(vf):
                    out.mux(packet)
                frame_index += 1
                # interleave audio up to the current video time
                target = min(audio_samples, (frame_index * SAMPLE_RATE) // FPS)
                while audio_pos + AUDIO_FRAME <= target:
                    audio_pos = _encode_audio(out, astream, audio, audio_pos)
        while audio_pos < audio_samples:
            audio_pos = _encode_audio(out, astream, audio, audio_pos)
        for packet in vstream.encode(None):
            out.mux(packet)
        for packet in astream.encode(None):
            out.mux(packet)
    assert first is not None
    return first, sprites


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
    reused = reuse_render(dest_dir, name)
    if reused is not None:
        return reused
    tmp = dest_dir / f"{name}.mp4.tmp"
    try:
        first, sprites = _encode(spec, tmp, cancel, preset, name)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    tmp.replace(final)
    thumb = dest_dir / f"{name}.webp"
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


def reuse_render(dest_dir: Path, name: str) -> RenderedAssets | None:
    """The assets of an earlier render of the same spec in ``dest_dir``, if complete."""
    paths = [dest_dir / f"{name}.{ext}" for ext in ("mp4", "webp", "jpg", "png")]
    if not all(p.is_file() for p in paths):
        return None
    return RenderedAssets(paths[0], paths[1], paths[2], first_frame=paths[3].read_bytes())


def _encode_audio(
    out: av.container.OutputContainer,
    stream: av.AudioStream,
    audio: tuple[bytes, bytes],
    pos: int,
) -> int:
    """Encode AUDIO_FRAME samples from ``pos`` (zero-padded at the end of the track)."""
    size = AUDIO_FRAME * 4
    af = av.AudioFrame(format="fltp", layout="stereo", samples=AUDIO_FRAME)  # unpadded planes
    for plane, channel in zip(af.planes, audio, strict=True):
        chunk = channel[pos * 4 : pos * 4 + size]
        plane.update(chunk + bytes(size - len(chunk)))
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
