"""Responses of the simulator (JSON, error envelopes, ranged asset bodies) and the probe of
an uploaded source video for edits and extensions."""

from __future__ import annotations

import io
import json
from dataclasses import dataclass, field
from typing import Any

from sora_desktop.simulator.assets import MAX_PAD, Asset
from sora_desktop.simulator.multipart import FilePart
from sora_desktop.simulator.render import RenderedAssets, Segment
from sora_desktop.simulator.validation import ALLOWED_SECONDS, ApiError, invalid

VARIANTS = {"video": "video/mp4", "thumbnail": "image/webp", "spritesheet": "image/jpeg"}


@dataclass
class Response:
    status: int = 200
    body: bytes = b""
    content_type: str = "application/json"
    headers: dict[str, str] = field(default_factory=dict)
    asset: Asset | None = None  # streamed body (bytes start..end inclusive)
    start: int = 0
    end: int = -1
    fault: str | None = None  # "drop" | "reset-half" | "truncate"


def json_response(obj: Any, status: int = 200, headers: dict[str, str] | None = None) -> Response:
    return Response(status, json.dumps(obj).encode(), headers=dict(headers or {}))


def error_response(err: ApiError) -> Response:
    return Response(err.status, err.envelope(), headers=dict(err.headers))


def asset_for(assets: RenderedAssets, variant: str, pad_bytes: int) -> Asset:
    if variant == "thumbnail":
        return Asset(assets.thumbnail, VARIANTS[variant])
    if variant == "spritesheet":
        return Asset(assets.spritesheet, VARIANTS[variant])
    return Asset(assets.video, VARIANTS[variant], min(pad_bytes, MAX_PAD))


def ranged(asset: Asset, range_header: str | None, fault: str | None) -> Response:
    length = asset.length
    headers = {"Accept-Ranges": "bytes"}
    if not range_header:
        return Response(
            200,
            content_type=asset.content_type,
            headers=headers,
            asset=asset,
            start=0,
            end=length - 1,
            fault=fault,
        )
    unit, _, spec = range_header.partition("=")
    first, _, last = spec.strip().partition("-")
    try:
        if unit.strip().lower() != "bytes" or "," in spec or not first:
            raise ValueError(range_header)
        start = int(first)
        end = int(last) if last else length - 1
    except ValueError:
        # an unsupported Range form is ignored, as RFC 9110 allows
        return Response(
            200,
            content_type=asset.content_type,
            headers=headers,
            asset=asset,
            start=0,
            end=length - 1,
            fault=fault,
        )
    if start >= length or end < start:
        headers["Content-Range"] = f"bytes */{length}"
        err = ApiError(
            416,
            f"Range {range_header} is not satisfiable (length {length}).",
            code="range_not_satisfiable",
            headers=headers,
        )
        return error_response(err)
    end = min(end, length - 1)
    headers["Content-Range"] = f"bytes {start}-{end}/{length}"
    return Response(
        206,
        content_type=asset.content_type,
        headers=headers,
        asset=asset,
        start=start,
        end=end,
        fault=fault,
    )


def probe_upload(
    part: FilePart, *, exact: bool = False
) -> tuple[str, str, int, tuple[Segment, ...], bytes | None]:
    """Size, duration and first frame of an uploaded source video (edits/extensions): the
    duration as the nearest Videos API length, or (``exact``) rounded to whole seconds."""
    import av

    try:
        with av.open(io.BytesIO(part.data), mode="r") as container:
            stream = container.streams.video[0]
            frame = next(container.decode(stream))
            width, height = frame.width, frame.height
            duration = (container.duration or 0) / 1_000_000
            png = io.BytesIO()
            frame.to_image().save(png, format="PNG")  # type: ignore[no-untyped-call]
    except (av.FFmpegError, IndexError, StopIteration) as exc:
        raise invalid("The uploaded video could not be read.", "video") from exc
    seconds = min((int(s) for s in ALLOWED_SECONDS), key=lambda s: abs(s - duration))
    if exact:
        seconds = max(1, round(duration))
    return "sora-2", f"{width}x{height}", seconds, (Segment("", seconds),), png.getvalue()
