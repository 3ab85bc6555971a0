"""Thumbnails for the library: the API's ``thumbnail`` variant, else the clip's first frame.

A thumbnail is a nicety: nothing here ever fails a job. Every failure is logged and ends in
``None``.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from PIL import Image, ImageOps

from sora_desktop.core.errors import SoraError

if TYPE_CHECKING:
    from sora_desktop.core.dialects.base import Dialect

log = logging.getLogger(__name__)

#: The longest side of a thumbnail in pixels (a library row, with room for HiDPI).
THUMB_MAX = 320
_MAX_THUMB_SOURCE_PIXELS = 40_000_000
#: What the API's ``thumbnail`` variant may be (WebP per the API; JPEG and PNG from gateways).
THUMB_SOURCE_FORMATS = ("WEBP", "JPEG", "PNG")


def _save(image: Image.Image, dest: Path) -> Path:
    """Scale to fit ``THUMB_MAX`` and write atomically as PNG (or JPEG for .jpg/.jpeg)."""
    thumb = ImageOps.exif_transpose(image).convert("RGB")
    thumb.thumbnail((THUMB_MAX, THUMB_MAX), Image.Resampling.LANCZOS)
    fmt = "JPEG" if dest.suffix.lower() in (".jpg", ".jpeg") else "PNG"
    dest.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=".thumb-", suffix=".tmp", dir=dest.parent)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            if fmt == "JPEG":
                thumb.save(handle, fmt, quality=85)
            else:
                thumb.save(handle, fmt)
        tmp.replace(dest)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return dest


def _open_thumbnail(source: Path) -> Image.Image:
    """Open a server's thumbnail. Naming its possible formats (and importing only their
    plugins) keeps Pillow from importing all of its forty-odd format plugins first, which is
    most of a thumbnail's cost in a one-shot ``generate``; anything else raises."""
    from PIL import JpegImagePlugin, PngImagePlugin, WebPImagePlugin  # noqa: F401 - registers

    return Image.open(source, formats=THUMB_SOURCE_FORMATS)


def thumbnail_from_image(source: Path, dest: Path) -> Path:
    """Re-encode a downloaded thumbnail (WebP/JPEG/PNG) at row size. Raises on a bad image."""
    with _open_thumbnail(source) as image:
        width, height = image.size
        if width * height > _MAX_THUMB_SOURCE_PIXELS:
            raise ValueError("thumbnail source has too many pixels")
        image.load()
        return _save(image, dest)


def first_frame(video_path: Path, *, fit: int | None = None) -> Image.Image:
    """The first decodable video frame of ``video_path``, via PyAV; with ``fit``, scaled by
    FFmpeg to fit a ``fit`` x ``fit`` box (never enlarged) before it becomes a Pillow image.
    Raises when there is none (ValueError) or the file can't be opened (OSError, PyAV's
    errors).

    ``fit`` matters for the GUI: PyAV copies the picture into Pillow row by row holding the
    GIL, and a thumbnail made from a 720x1280 frame cost ~18 ms of CPU (mostly that copy and
    the resize) against ~5 ms from a frame scaled first; the window's thread waits for the
    GIL meanwhile (each finished fal, Replicate or Runway clip, which come without a
    thumbnail)."""
    import av  # imported late: only this fallback needs FFmpeg

    with av.open(str(video_path)) as container:
        if not container.streams.video:
            raise ValueError("the file has no video stream")
        for frame in container.decode(video=0):
            scale = 1.0 if fit is None else min(1.0, fit / frame.width, fit / frame.height)
            if scale < 1.0:
                size = {
                    "width": max(1, round(frame.width * scale)),
                    "height": max(1, round(frame.height * scale)),
                    "interpolation": "AREA",
                }
                first: Image.Image = frame.to_image(**size)  # type: ignore[no-untyped-call]
            else:
                first = frame.to_image()  # type: ignore[no-untyped-call]
            return first
    raise ValueError("the video has no decodable frame")


def thumbnail_from_video(video_path: Path, dest: Path) -> Path:
    """The first decodable video frame of ``video_path`` as a thumbnail at ``dest``."""
    return _save(first_frame(video_path, fit=THUMB_MAX), dest)


async def fetch_thumbnail(
    client: Dialect, remote_id: str, video_path: Path, dest: Path
) -> Path | None:
    """Save a thumbnail for a finished video at ``dest``; None when there is none to have."""
    scratch = dest.with_name(dest.name + ".download")
    try:
        await asyncio.to_thread(dest.parent.mkdir, parents=True, exist_ok=True)
        await asyncio.to_thread(scratch.unlink, missing_ok=True)
        await client.download(remote_id, scratch, variant="thumbnail")
        return await asyncio.to_thread(thumbnail_from_image, scratch, dest)
    except SoraError as exc:
        log.info("no thumbnail variant from the server (%s); using the first frame", exc.kind)
    except (OSError, ValueError, SyntaxError, Image.DecompressionBombError) as exc:
        log.info("the server's thumbnail is unusable (%s); using the first frame", exc)
    finally:
        with contextlib.suppress(OSError):
            await asyncio.to_thread(scratch.unlink, missing_ok=True)
    try:
        return await asyncio.to_thread(thumbnail_from_video, video_path, dest)
    except Exception:  # a thumbnail must never fail the job
        log.warning("could not make a thumbnail from %s", video_path.name, exc_info=True)
        return None
