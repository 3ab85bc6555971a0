"""Exact frames out of a clip, decoded with PyAV: the last one, or the one shown at a time.

- :func:`last_frame`: the clip's final displayed frame. The demuxer seeks to the keyframe
  before the last two seconds and everything from there is decoded; the frame with the
  highest presentation time wins, so B-frames (decoded out of order) and edit lists (FFmpeg
  drops the frames outside them) give the frame a player shows last, not the last packet.
- :func:`frame_at`: the frame on screen ``seconds`` after the clip's first frame (the
  player's position): the last frame whose presentation time is not after it.

Both return a Pillow RGB image at the clip's full resolution. :func:`save_png` writes one
atomically; :func:`continuation_image` fits a clip's last frame to another shot's size with
the reference-image rule (:func:`.images.fit_image`) and stores it like a converted
reference image, ready to be a generation's start image.
"""

from __future__ import annotations

import io
from fractions import Fraction
from pathlib import Path
from typing import Literal

import av
import av.error
from PIL import Image

from sora_desktop.core.atomic import atomic_write_bytes
from sora_desktop.core.clipinfo import ClipInfo, open_clip, probe, unreadable
from sora_desktop.core.errors import DiskError, InvalidRequestError
from sora_desktop.core.i18n import _
from sora_desktop.core.images import fit_image, save_reference_png

#: How far before the end :func:`last_frame` seeks (it lands on the keyframe before that).
TAIL_SECONDS = Fraction(2)


def to_image(frame: av.VideoFrame) -> Image.Image:
    """A decoded frame as a Pillow RGB image (no numpy needed)."""
    rgb = frame.reformat(format="rgb24")
    plane = rgb.planes[0]
    return Image.frombuffer(
        "RGB", (rgb.width, rgb.height), bytes(plane), "raw", "RGB", plane.line_size, 1
    ).copy()


def _decode_from(
    container: av.container.InputContainer, clip: ClipInfo, at: Fraction
) -> av.video.stream.VideoStream:
    stream = container.streams.video[0]
    stream.codec_context.thread_type = "AUTO"
    if at > clip.video.start:
        container.seek(
            round(at / clip.video.time_base), stream=stream, backward=True, any_frame=False
        )
    return stream


def last_frame(path: Path) -> Image.Image:
    """The last frame ``path`` displays, full resolution (InvalidRequestError otherwise)."""
    clip = probe(path)
    end = clip.video.start + clip.video.duration
    try:
        frame = _last_from(clip, max(clip.video.start, end - TAIL_SECONDS))
        if frame is None:  # the seek went past every frame (a broken index): from the top
            frame = _last_from(clip, clip.video.start)
    except (av.error.FFmpegError, OSError) as exc:
        raise unreadable(clip.path, type(exc).__name__) from None
    if frame is None:
        raise unreadable(clip.path, _("no frame could be decoded"))
    return to_image(frame)


def _last_from(clip: ClipInfo, at: Fraction) -> av.VideoFrame | None:
    best: av.VideoFrame | None = None
    with open_clip(clip.path) as container:
        stream = _decode_from(container, clip, at)
        for frame in container.decode(stream):
            if frame.pts is None:
                continue
            if best is None or best.pts is None or frame.pts >= best.pts:
                best = frame
    return best


def frame_at(path: Path, seconds: float) -> Image.Image:
    """The frame shown ``seconds`` after the clip's first frame, full resolution. Past the
    end: the last frame. Negative: InvalidRequestError (``param="at"``)."""
    if not seconds >= 0:
        raise InvalidRequestError(
            _("The time {seconds} is not a position in the clip.").format(seconds=seconds),
            _("Give a time from 0 seconds on."),
            param="at",
        )
    clip = probe(path)
    if Fraction(seconds) >= clip.video.duration:
        return last_frame(path)
    at = clip.video.start + Fraction(seconds)
    tolerance = Fraction(1, 1000)
    shown: av.VideoFrame | None = None
    try:
        with open_clip(clip.path) as container:
            stream = _decode_from(container, clip, at)
            for frame in container.decode(stream):
                if frame.pts is None:
                    continue
                if Fraction(frame.pts) * clip.video.time_base > at + tolerance:
                    if shown is None:
                        shown = frame  # the seek landed after ``at``: the first we have
                    break
                shown = frame
    except (av.error.FFmpegError, OSError) as exc:
        raise unreadable(clip.path, type(exc).__name__) from None
    if shown is None:
        raise unreadable(clip.path, _("no frame could be decoded"))
    return to_image(shown)


def save_png(image: Image.Image, dest: Path) -> Path:
    """Write ``image`` to ``dest`` as PNG, atomically (DiskError when that fails)."""
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    try:
        atomic_write_bytes(Path(dest), buffer.getvalue())
    except OSError as exc:
        raise DiskError(
            _("The picture could not be saved to {path} ({detail}).").format(
                path=dest, detail=exc.strerror or exc
            ),
            _("Check that the folder exists and is writable, and that the disk has space."),
        ) from None
    return Path(dest)


def continuation_image(
    clip: Path, size: str, dest_dir: Path, *, mode: Literal["fit", "crop"] = "crop"
) -> Path:
    """``clip``'s last frame at exactly ``size`` (another shot's), saved as a PNG in
    ``dest_dir`` (content-hash name, like a converted reference image); returns its path."""
    image = fit_image(last_frame(clip), size, mode)
    return save_reference_png(image, dest_dir, prefix="last")
