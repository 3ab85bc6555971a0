"""An image as a provider takes it inline: its type read from its bytes, a data URI, and
a smaller JPEG of the same pixels when the image is too large for one
(:meth:`~sora_desktop.core.dialects.base.ProviderClient.image_uri` uses them).
"""

from __future__ import annotations

import base64
import io


def image_mime(data: bytes) -> str | None:
    if data.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp"
    return None


def data_uri(data: bytes, mime: str) -> str:
    return f"data:{mime};base64,{base64.b64encode(data).decode('ascii')}"


#: JPEG qualities tried, best first, for an image too large for a data URI
JPEG_QUALITIES = (90, 80, 65)


def as_jpeg(data: bytes, limit: int) -> bytes | None:
    """``data`` as a JPEG whose data URI fits ``limit`` bytes (same pixels: the image was
    fitted to the video's size), or None when even the lowest quality doesn't fit."""
    from PIL import Image

    with Image.open(io.BytesIO(data)) as image:
        rgb = image.convert("RGB")
    for quality in JPEG_QUALITIES:
        out = io.BytesIO()
        rgb.save(out, "JPEG", quality=quality)
        encoded = out.getvalue()
        if len(encoded) * 4 // 3 + 64 <= limit:
            return encoded
    return None
