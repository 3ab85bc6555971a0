"""The stitcher's re-encode path: clips that can't share one stream, and crossfades.

Every clip is decoded and brought to the first clip's parameters: its size (a clip of
another shape is scaled to fit and letterboxed on black, never stretched), pixel format
(8-bit planar YUV; anything else becomes yuv420p), frame rate (each output frame shows the
source frame on screen at that moment, so other rates are dropped or repeated), and for the
sound its sample rate and channel layout (a clip without sound gets silence). The video
codec is the first clip's where an encoder for it is available (H.264 with libx264, HEVC
with libx265), else H.264; the sound is AAC.

Timing is exact by construction: shot *k* starts at output frame ``F(k)`` and its sound at
sample ``round(F(k) * rate / fps)``; each clip's sound is taken from the moment of its
first video frame, cut or padded with silence to the shot's length.

**Crossfade** of ``c`` frames (the seconds asked, rounded to frames): the last ``c``
frames of a shot and the first ``c`` of the next are blended (a linear cross-dissolve,
plane by plane in YUV), and their sound is mixed with linear fades over the same span, so
each join shortens the film by the crossfade. The whole film is re-encoded: copying the
middle of each shot and encoding only the joins would need an encoder that reproduces the
source's exact H.264 parameter sets, which nothing here can promise. Only two decoders are
open at a time (the ending shot and the starting one), so memory stays flat.
"""

from __future__ import annotations

import array
import itertools
from collections.abc import Callable, Generator
from fractions import Fraction
from pathlib import Path

import av
import av.filter
from PIL import Image

from sora_desktop.core.clipinfo import ClipInfo, open_clip
from sora_desktop.core.stitch import CancelFlag, ShotSpan, StitchPlan, check_cancel

#: FFmpeg codec name -> encoder used to re-encode to it.
ENCODERS: dict[str, str] = {"h264": "libx264", "hevc": "libx265"}
#: Pixel formats kept as the first clip has them (8-bit planar YUV: blendable per plane).
PLANAR_FORMATS = frozenset({"yuv420p", "yuvj420p", "yuv422p", "yuvj422p", "yuv444p", "yuvj444p"})
AUDIO_FRAME = 1024


class _Target:
    """The film's parameters: the first clip's, as far as they can be encoded."""

    def __init__(self, plan: StitchPlan) -> None:
        first = plan.clips[0].video
        self.width, self.height = first.width, first.height
        self.pix_fmt = first.pix_fmt if first.pix_fmt in PLANAR_FORMATS else "yuv420p"
        self.fps = first.frame_rate
        self.encoder = ENCODERS.get(first.codec, "libx264")
        if self.encoder not in av.codecs_available:
            self.encoder = "libx264"
        sound = next((c.audio for c in plan.clips if c.audio is not None), None)
        self.has_audio = sound is not None
        base = plan.clips[0].audio or sound
        self.rate = base.sample_rate if base is not None else 48000
        self.layout = base.layout if base is not None else "stereo"
        self.channels = len(av.AudioLayout(self.layout).channels)


def encode(
    plan: StitchPlan,
    tmp: Path,
    fmt: str,
    progress: Callable[[float], None],
    cancel: CancelFlag | None,
    *,
    preset: str,
) -> tuple[ShotSpan, ...]:
    target = _Target(plan)
    fade = round(Fraction(plan.crossfade) * target.fps)
    lengths = [max(1, round(c.duration * target.fps)) for c in plan.clips]
    starts = [0]
    for length in lengths[:-1]:
        starts.append(starts[-1] + length - fade)
    with av.open(str(tmp), mode="w", format=fmt) as output:
        video = output.add_stream(target.encoder, rate=target.fps)
        assert isinstance(video, av.VideoStream)
        video.width, video.height, video.pix_fmt = target.width, target.height, target.pix_fmt
        video.codec_context.time_base = 1 / target.fps
        if target.encoder in ("libx264", "libx265"):
            video.options = {"preset": preset, "crf": "20"}
        audio = None
        if target.has_audio:
            audio = output.add_stream("aac", rate=target.rate, layout=target.layout)
            audio.codec_context.time_base = Fraction(1, target.rate)
        sound = _Sound(output, audio, target) if audio is not None else None
        pictures = _Pictures(output, video, target, progress, cancel)
        current: Generator[av.VideoFrame, None, None] | None = None
        for index, clip in enumerate(plan.clips):
            if sound is not None:
                keep = _samples(lengths[index], target)
                overlap = keep - (
                    _samples(starts[index + 1], target) - _samples(starts[index], target)
                    if index + 1 < len(plan.clips)
                    else keep
                )
                sound.add(_clip_sound(clip, target, keep), hold=overlap)
            if current is None:
                current = _frames(clip, target)
            head = fade if index > 0 else 0
            tail = fade if index + 1 < len(plan.clips) else 0
            for _ in range(lengths[index] - head - tail):
                pictures.emit(next(current))
            if tail:
                following = _frames(plan.clips[index + 1], target)
                for step in range(tail):
                    pictures.emit(_blend(next(current), next(following), (step + 1) / (tail + 1)))
                current.close()
                current = following
            else:
                current.close()
                current = None
        if sound is not None:
            sound.finish()
        pictures.finish()
    return tuple(
        ShotSpan(clip.path, float(start / target.fps), float(length / target.fps))
        for clip, start, length in zip(plan.clips, starts, lengths, strict=True)
    )


def _samples(frames: int, target: _Target) -> int:
    return round(frames * target.rate / target.fps)


# ------------------------------------------------------------------------------ video


class _Pictures:
    def __init__(
        self,
        output: av.container.OutputContainer,
        stream: av.VideoStream,
        target: _Target,
        progress: Callable[[float], None],
        cancel: CancelFlag | None,
    ) -> None:
        self._output, self._stream, self._target = output, stream, target
        self._progress, self._cancel = progress, cancel
        self._count = 0

    def emit(self, frame: av.VideoFrame) -> None:
        check_cancel(self._cancel)
        frame.pts = self._count
        frame.time_base = 1 / self._target.fps
        frame.pict_type = av.video.frame.PictureType.NONE
        self._output.mux(self._stream.encode(frame))
        self._count += 1
        self._progress(float(self._count / self._target.fps))

    def finish(self) -> None:
        self._output.mux(self._stream.encode(None))


def _frames(clip: ClipInfo, target: _Target) -> Generator[av.VideoFrame, None, None]:
    """Frame ``i`` of the shot: what is on screen ``i / fps`` after the clip's first frame,
    in the film's size and format. Repeats the last frame if the clip ends early; endless."""
    epsilon = Fraction(1, 1000)
    with open_clip(clip.path) as source:
        stream = source.streams.video[0]
        stream.codec_context.thread_type = "AUTO"
        convert = _Converter(target)
        decoded = (f for f in source.decode(stream) if f.pts is not None)
        shown: av.VideoFrame | None = None
        upcoming = next(decoded, None)
        index = 0
        while True:
            at = clip.video.start + index / target.fps
            while upcoming is not None and (
                shown is None or Fraction(upcoming.pts or 0) * clip.video.time_base <= at + epsilon
            ):
                shown = upcoming
                upcoming = next(decoded, None)
            if shown is None:  # no frame at all: black
                shown = av.VideoFrame(target.width, target.height, target.pix_fmt)
            yield convert(shown)
            index += 1


class _Converter:
    """Scale to fit and letterbox (other shapes), or just convert the pixel format."""

    def __init__(self, target: _Target) -> None:
        self._target = target
        self._graph: tuple[av.filter.Graph, tuple[int, int, str]] | None = None

    def __call__(self, frame: av.VideoFrame) -> av.VideoFrame:
        t = self._target
        if (frame.width, frame.height) == (t.width, t.height):
            if frame.format.name == t.pix_fmt:
                return frame
            return frame.reformat(format=t.pix_fmt)
        key = (frame.width, frame.height, frame.format.name)
        if self._graph is None or self._graph[1] != key:
            graph = av.filter.Graph()
            source = graph.add_buffer(
                width=frame.width,
                height=frame.height,
                format=frame.format,
                time_base=Fraction(1, 1000),
            )
            chain = [
                source,
                graph.add("scale", f"{t.width}:{t.height}:force_original_aspect_ratio=decrease"),
                graph.add("pad", f"{t.width}:{t.height}:(ow-iw)/2:(oh-ih)/2:black"),
                graph.add("setsar", "1"),
                graph.add("format", t.pix_fmt),
                graph.add("buffersink"),
            ]
            for upstream, downstream in itertools.pairwise(chain):
                upstream.link_to(downstream)
            graph.configure()
            self._graph = (graph, key)
        graph = self._graph[0]
        frame.pts = None
        graph.push(frame)
        out = graph.pull()
        assert isinstance(out, av.VideoFrame)
        return out


def _plane_image(plane: av.video.plane.VideoPlane) -> Image.Image:
    return Image.frombuffer(
        "L", (plane.width, plane.height), bytes(plane), "raw", "L", plane.line_size, 1
    )


def _blend(ending: av.VideoFrame, starting: av.VideoFrame, weight: float) -> av.VideoFrame:
    """``ending`` dissolving into ``starting`` (``weight`` of the latter), plane by plane."""
    out = av.VideoFrame(ending.width, ending.height, ending.format.name)
    for a, b, dest in zip(ending.planes, starting.planes, out.planes, strict=True):
        mixed = Image.blend(_plane_image(a), _plane_image(b), weight).tobytes()
        if dest.line_size != dest.width:
            pad = bytes(dest.line_size - dest.width)
            mixed = b"".join(
                mixed[row * dest.width : (row + 1) * dest.width] + pad for row in range(dest.height)
            )
        dest.update(mixed)
    return out


# ------------------------------------------------------------------------------ sound


def _clip_sound(clip: ClipInfo, target: _Target, length: int) -> list[array.array[float]]:
    """The clip's sound from its first video frame on, exactly ``length`` samples per
    channel in the film's rate and layout (silence where the clip has none)."""
    channels = [array.array("f", bytes(4 * length)) for _ in range(target.channels)]
    if clip.audio is None:
        return channels
    resampler = av.AudioResampler(format="fltp", layout=target.layout, rate=target.rate)
    offset: int | None = None  # output sample index of the next resampled sample
    with open_clip(clip.path) as source:
        stream = source.streams.audio[0]
        for frame in [*source.decode(stream), None]:
            if frame is not None and offset is None and frame.pts is not None:
                first = Fraction(frame.pts) * clip.audio.time_base
                offset = round((first - clip.video.start) * target.rate)
            for chunk in resampler.resample(frame):
                if offset is None:
                    offset = 0
                count = chunk.samples
                lo, hi = max(0, offset), min(length, offset + count)
                if lo < hi:
                    for channel, plane in zip(channels, chunk.planes, strict=False):
                        data = array.array("f", bytes(plane)[: 4 * count])
                        channel[lo:hi] = data[lo - offset : hi - offset]
                offset += count
                if offset >= length:
                    return channels
    return channels


class _Sound:
    """Encodes the film's sound shot by shot; the last ``hold`` samples of a shot wait to be
    mixed (faded) with the start of the next one."""

    def __init__(
        self, output: av.container.OutputContainer, stream: av.AudioStream, target: _Target
    ) -> None:
        self._output, self._stream, self._target = output, stream, target
        self._held: list[array.array[float]] | None = None
        self._pending = [array.array("f") for _ in range(target.channels)]
        self._written = 0

    def add(self, channels: list[array.array[float]], *, hold: int) -> None:
        if self._held is not None:
            overlap = len(self._held[0])
            for old, new in zip(self._held, channels, strict=True):
                for i in range(overlap):
                    w = (i + 1) / (overlap + 1)
                    new[i] = old[i] * (1 - w) + new[i] * w
            self._held = None
        length = len(channels[0])
        if hold > 0:
            self._held = [c[length - hold :] for c in channels]
            channels = [c[: length - hold] for c in channels]
        for pending, channel in zip(self._pending, channels, strict=True):
            pending.extend(channel)
        self._drain(final=False)

    def _drain(self, *, final: bool) -> None:
        while len(self._pending[0]) >= AUDIO_FRAME or (final and len(self._pending[0])):
            count = min(AUDIO_FRAME, len(self._pending[0]))
            frame = av.AudioFrame(format="fltp", layout=self._target.layout, samples=count)
            for plane, pending in zip(frame.planes, self._pending, strict=True):
                data = pending[:count].tobytes()
                plane.update(data + bytes(plane.buffer_size - len(data)))
            for pending in self._pending:
                del pending[:count]
            frame.sample_rate = self._target.rate
            frame.pts = self._written
            frame.time_base = Fraction(1, self._target.rate)
            self._written += count
            self._output.mux(self._stream.encode(frame))

    def finish(self) -> None:
        if self._held is not None:
            for pending, held in zip(self._pending, self._held, strict=True):
                pending.extend(held)
        self._drain(final=True)
        self._output.mux(self._stream.encode(None))
