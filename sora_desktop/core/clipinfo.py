"""What a clip is made of, read from its container with PyAV (no decoding).

The stitcher compares these to decide between a stream copy and a re-encode, the timeline
export reads durations and frame rates from them, and the frame grabber reads the video
stream's timing. A clip that is missing, unreadable or has no video is refused with an
:class:`~.errors.InvalidRequestError` naming the file (``param="clips"``).
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path

import av
import av.error

from sora_desktop.core.errors import InvalidRequestError
from sora_desktop.core.i18n import _

PARAM = "clips"

#: FFmpeg reads up to 20 frames of a video stream when a file is opened, to guess its frame
#: rate; an MP4/MOV states its rate in its header, so one frame will do (a B-frame clip
#: still has a few decoded to learn its delay). About 30 ms less per 720p clip opened.
QUICK_OPEN: dict[str, str] = {"fpsprobesize": "1"}
#: For a stream copy nothing needs probing or decoding: the header's codec parameters are
#: copied as they are (the clip was probed already), so opening reads as little as it can
#: and decodes nothing (``skip_frame``: ~100 ms less per 8 Mbit/s 720p clip with B-frames).
#: Only for demuxing: a container opened so can't be decoded.
COPY_OPEN: dict[str, str] = {
    "fpsprobesize": "0",
    "probesize": "32",
    "analyzeduration": "0",
    "skip_frame": "all",
}


def open_clip(path: Path, options: dict[str, str] | None = None) -> av.container.InputContainer:
    """``path`` opened for reading (``QUICK_OPEN`` unless other ``options`` are given)."""
    return av.open(str(path), options=QUICK_OPEN if options is None else options)


@dataclass(frozen=True, slots=True)
class VideoInfo:
    codec: str  # FFmpeg's codec name: "h264", "hevc", ...
    profile: str | None
    width: int
    height: int
    pix_fmt: str | None
    frame_rate: Fraction  # frames per second (average, else FFmpeg's guess)
    time_base: Fraction
    start: Fraction  # seconds: the first frame's presentation time
    duration: Fraction  # seconds
    extradata: bytes  # H.264/HEVC: the SPS/PPS a stream copy must share

    @property
    def size(self) -> str:
        return f"{self.width}x{self.height}"

    @property
    def frame_seconds(self) -> Fraction:
        return 1 / self.frame_rate


@dataclass(frozen=True, slots=True)
class AudioInfo:
    codec: str
    profile: str | None
    sample_rate: int
    channels: int
    layout: str
    time_base: Fraction
    start: Fraction  # seconds (AAC: negative by its priming samples)
    extradata: bytes


@dataclass(frozen=True, slots=True)
class ClipInfo:
    path: Path
    video: VideoInfo
    audio: AudioInfo | None

    @property
    def duration(self) -> Fraction:
        """The clip's length as the film counts it: its video's."""
        return self.video.duration


def unreadable(path: Path, detail: object | None = None) -> InvalidRequestError:
    """The error for a clip that can't be used, naming it."""
    if detail is None:
        message = _("The clip {name!r} can't be read as a video.").format(name=path.name)
    else:
        message = _("The clip {name!r} can't be read as a video ({detail}).").format(
            name=path.name, detail=detail
        )
    return InvalidRequestError(message, _("Check the file, or leave it out."), param=PARAM)


def _fraction(value: object, default: Fraction) -> Fraction:
    if isinstance(value, Fraction) and value > 0:
        return value
    if isinstance(value, int) and value > 0:
        return Fraction(value)
    return default


def probe(path: Path) -> ClipInfo:
    """Read ``path``'s streams (the first video and audio stream count)."""
    path = Path(path)
    if not path.is_file():
        raise InvalidRequestError(
            _("The clip {name!r} can't be found ({path}).").format(name=path.name, path=path),
            _("Check the path, or leave it out."),
            param=PARAM,
        )
    try:
        with open_clip(path) as container:
            if not container.streams.video:
                raise InvalidRequestError(
                    _("The file {name!r} has no video.").format(name=path.name),
                    _("Pick a video clip."),
                    param=PARAM,
                )
            vs = container.streams.video[0]
            vcc = vs.codec_context
            tb = _fraction(vs.time_base, Fraction(1, 90000))
            rate = _fraction(vs.average_rate, _fraction(vs.guessed_rate, Fraction(24)))
            start = Fraction(vs.start_time or 0) * tb
            if vs.duration:
                duration = Fraction(vs.duration) * tb
            elif vs.frames:
                duration = Fraction(vs.frames) / rate
            elif container.duration:
                duration = Fraction(container.duration, av.time_base) - start
            else:
                raise unreadable(path, _("its length is unknown"))
            video = VideoInfo(
                codec=vcc.name,
                profile=vcc.profile,
                width=vcc.width,
                height=vcc.height,
                pix_fmt=vcc.pix_fmt,
                frame_rate=rate,
                time_base=tb,
                start=start,
                duration=duration,
                extradata=bytes(vcc.extradata or b""),
            )
            audio = None
            if container.streams.audio:
                ast = container.streams.audio[0]
                acc = ast.codec_context
                atb = _fraction(ast.time_base, Fraction(1, acc.sample_rate or 48000))
                audio = AudioInfo(
                    codec=acc.name,
                    profile=acc.profile,
                    sample_rate=acc.sample_rate,
                    channels=acc.channels,
                    layout=acc.layout.name,
                    time_base=atb,
                    start=Fraction(ast.start_time or 0) * atb,
                    extradata=bytes(acc.extradata or b""),
                )
    except InvalidRequestError:
        raise
    except PermissionError:
        raise unreadable(path, _("permission denied")) from None
    except (av.error.FFmpegError, OSError, ValueError, IndexError) as exc:
        raise unreadable(path, type(exc).__name__) from None
    if video.width <= 0 or video.height <= 0 or duration <= 0:
        raise unreadable(path)
    return ClipInfo(path=path, video=video, audio=audio)
