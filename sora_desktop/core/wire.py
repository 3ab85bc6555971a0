"""Lenient reading of what a Videos API server sends, and the one HTTP error mapping.

Servers speaking the OpenAI Videos dialect differ (OpenAI, Azure, LiteLLM and other
gateways): ``seconds`` may be a number or a string, fields may be missing, statuses may be new,
ids may have any shape and error bodies may be HTML. Nothing here crashes on such input: a
missing field becomes ``None``, an unknown status is kept as text.
"""

from __future__ import annotations

import json
import math
import re
import time
from collections.abc import Mapping
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from typing import Any

from sora_desktop.core.errors import (
    AssetExpiredError,
    AuthenticationError,
    DeploymentNotFoundError,
    InvalidRequestError,
    ModerationBlockedError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitedError,
    ServiceUnavailableError,
    SoraError,
)
from sora_desktop.core.i18n import _
from sora_desktop.core.remote_video import RemoteError, RemoteVideo

_MAX_MESSAGE = 500


@dataclass(frozen=True, slots=True)
class Polled:
    """A Video object plus how long the server asked us to wait before asking again."""

    video: RemoteVideo
    poll_after: float | None  # seconds


@dataclass(frozen=True, slots=True)
class VideoPage:
    data: list[RemoteVideo]
    has_more: bool
    last_id: str | None


@dataclass(frozen=True, slots=True)
class ErrorEnvelope:
    message: str | None
    type: str | None
    param: str | None
    code: str | None


class WireFormatError(ValueError):
    """The body is not the object the dialect promises (e.g. no ``id``)."""


# --------------------------------------------------------------------------- values


def _text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else str(value)
    return None


def _int(value: Any) -> int | None:
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return int(value) if math.isfinite(value) else None
    if isinstance(value, str):
        try:
            number = float(value.strip())
        except ValueError:
            return None
        return int(number) if math.isfinite(number) else None
    return None


def _seconds(value: Any) -> str | None:
    """``4``, ``4.0``, ``"4"`` -> ``"4"``; other text is kept as sent."""
    if isinstance(value, str):
        stripped = value.strip()
        number = _int(stripped)
        if number is not None and float(stripped) == number:
            return str(number)
        return stripped or None
    return _text(value)


def _remote_error(value: Any) -> RemoteError | None:
    if value is None or value == {} or value == "":
        return None
    if isinstance(value, str):
        return RemoteError(code=None, message=value)
    if isinstance(value, Mapping):
        code = _text(value.get("code")) or _text(value.get("type"))
        message = _text(value.get("message")) or code or _("The video could not be made.")
        return RemoteError(code=code, message=message)
    return RemoteError(code=None, message=str(value)[:_MAX_MESSAGE])


# --------------------------------------------------------------------------- objects


def parse_video(obj: Any) -> RemoteVideo:
    """A Video object, leniently. Raises :class:`WireFormatError` only when there is no id."""
    if not isinstance(obj, Mapping):
        raise WireFormatError("expected a JSON object for a video")
    video_id = _text(obj.get("id"))
    if not video_id:
        raise WireFormatError("the video object has no id")
    status = (_text(obj.get("status")) or "unknown").strip().lower() or "unknown"
    progress = _int(obj.get("progress"))
    if progress is None:
        progress = 100 if status == "completed" else 0
    size = _text(obj.get("size"))
    if size is None and _int(obj.get("width")) and _int(obj.get("height")):
        size = f"{_int(obj.get('width'))}x{_int(obj.get('height'))}"
    return RemoteVideo(
        id=video_id,
        status=status,
        progress=max(0, min(100, progress)),
        model=_text(obj.get("model")),
        prompt=_text(obj.get("prompt")),
        size=size,
        seconds=_seconds(obj.get("seconds")),
        created_at=_int(obj.get("created_at")),
        completed_at=_int(obj.get("completed_at")),
        expires_at=_int(obj.get("expires_at")),
        remixed_from_video_id=_text(obj.get("remixed_from_video_id")),
        error=_remote_error(obj.get("error")),
    )


def parse_page(obj: Any) -> VideoPage:
    """A list page. Items that are not videos are skipped, not fatal."""
    if isinstance(obj, list):
        items: list[Any] = obj
        has_more_raw: Any = False
        last_id_raw: Any = None
    elif isinstance(obj, Mapping):
        raw = obj.get("data")
        items = raw if isinstance(raw, list) else []
        has_more_raw = obj.get("has_more", False)
        last_id_raw = obj.get("last_id")
    else:
        raise WireFormatError("expected a JSON object for a list of videos")
    data: list[RemoteVideo] = []
    for item in items:
        try:
            data.append(parse_video(item))
        except WireFormatError:
            continue
    last_id = _text(last_id_raw) or (data[-1].id if data else None)
    if isinstance(has_more_raw, str):
        has_more = has_more_raw.strip().lower() in ("true", "1", "yes")
    else:
        has_more = bool(has_more_raw)
    return VideoPage(data=data, has_more=has_more and bool(data), last_id=last_id)


def parse_error_envelope(body: Any) -> ErrorEnvelope | None:
    """``{"error": {...}}`` (or a bare ``{"message": ...}``, or a string) from bytes/str/JSON."""
    obj: Any = body
    if isinstance(body, bytes | bytearray):
        body = bytes(body).decode("utf-8", errors="replace")
    if isinstance(body, str):
        try:
            obj = json.loads(body)
        except ValueError:
            return None
    if not isinstance(obj, Mapping):
        return None
    err: Any = obj.get("error", obj)
    if isinstance(err, str):
        return ErrorEnvelope(message=err, type=None, param=None, code=_text(obj.get("code")))
    if not isinstance(err, Mapping):
        return None
    message = _text(err.get("message")) or _text(err.get("detail")) or _text(obj.get("detail"))
    envelope = ErrorEnvelope(
        message=message,
        type=_text(err.get("type")),
        param=_text(err.get("param")),
        code=_text(err.get("code")),
    )
    if envelope == ErrorEnvelope(None, None, None, None):
        return None
    return envelope


# --------------------------------------------------------------------------- headers


def _header(headers: Mapping[str, str], name: str) -> str | None:
    for key, value in headers.items():
        if key.lower() == name:
            return value
    return None


def parse_retry_after(headers: Mapping[str, str], *, now: float | None = None) -> float | None:
    """Seconds to wait from ``retry-after-ms`` or ``Retry-After`` (seconds or an HTTP date)."""
    ms = _header(headers, "retry-after-ms")
    if ms is not None:
        try:
            value = float(ms) / 1000.0
        except ValueError:
            value = math.nan
        if math.isfinite(value) and value >= 0:
            return value
    text = _header(headers, "retry-after")
    if text is None:
        return None
    text = text.strip()
    try:
        value = float(text)
    except ValueError:
        try:
            when = parsedate_to_datetime(text)
        except (TypeError, ValueError, IndexError):
            return None
        if when.tzinfo is None:
            return None
        current = time.time() if now is None else now
        return max(0.0, when.timestamp() - current)
    return value if math.isfinite(value) and value >= 0 else None


def parse_poll_after(headers: Mapping[str, str]) -> float | None:
    """The poll hint: ``openai-poll-after-ms`` (milliseconds), else ``Retry-After``."""
    ms = _header(headers, "openai-poll-after-ms")
    if ms is not None:
        try:
            value = float(ms) / 1000.0
        except ValueError:
            value = math.nan
        if math.isfinite(value) and value >= 0:
            return value
    return parse_retry_after(headers)


# --------------------------------------------------------------------------- errors

#: OpenAI-style keys (even partly masked, as in "Incorrect API key provided: sk-ab***yz")
#: and Azure-style 32+ hex digit keys.
_KEY_LIKE = re.compile(r"\bsk-[A-Za-z0-9_\-*.]{4,}|\b[0-9a-fA-F]{32,}\b")
_DEPLOYMENT = re.compile(r"deployment", re.IGNORECASE)
_EXPIRED = re.compile(r"expire|no longer available|gone", re.IGNORECASE)


def _redact(text: str, secret: str | None) -> str:
    if secret:
        text = text.replace(secret, "[redacted]")
    return _KEY_LIKE.sub("[redacted]", text)


def error_from_response(
    status: int,
    headers: Mapping[str, str],
    body: bytes,
    *,
    reason: str = "",
    context: str = "video",
    secret: str | None = None,
) -> SoraError:
    """Map one non-2xx response to the error taxonomy.

    ``context`` is ``"content"`` for downloads (a 404/410 that says "expired" means the
    assets are gone), anything else for the JSON endpoints. ``secret`` is scrubbed from every
    message, as is anything that looks like an API key.
    """
    envelope = parse_error_envelope(body)
    server_message = envelope.message if envelope and envelope.message else None
    plain = reason or _REASONS.get(status, "error")
    message = _redact((server_message or f"HTTP {status} {plain}").strip(), secret)
    message = message[:_MAX_MESSAGE]
    code = envelope.code if envelope else None
    param = envelope.param if envelope else None
    err_type = envelope.type if envelope else None
    retry_after = parse_retry_after(headers)
    common: dict[str, Any] = {"status_code": status, "code": code, "param": param}

    if status == 401:
        return AuthenticationError(
            _("The API key was refused ({detail}).").format(detail=message),
            _("Check the key, or replace it in Connections."),
            **common,
        )
    if status == 403:
        return PermissionDeniedError(
            _("Access to this model or deployment is not granted ({detail}).").format(
                detail=message
            ),
            _(
                "Ask the account owner to enable video generation for this key, or pick "
                "another model in Connections."
            ),
            **common,
        )
    if status in (404, 410):
        hints = " ".join(filter(None, (message, code, err_type)))
        if _DEPLOYMENT.search(hints) and context != "content":
            return DeploymentNotFoundError(
                _("The deployment was not found ({detail}).").format(detail=message),
                _(
                    "Check the deployment name in Connections; a new Azure deployment can "
                    "take minutes to hours before it answers."
                ),
                **common,
            )
        if context == "content" and (status == 410 or _EXPIRED.search(hints)):
            return AssetExpiredError(
                _("The video's files have expired on the server ({detail}).").format(
                    detail=message
                ),
                _("Generate it again; download promptly next time."),
                **common,
            )
        return NotFoundError(
            _("The server doesn't know this video ({detail}).").format(detail=message),
            _("It may have been deleted or made with another connection."),
            **common,
        )
    if status == 429:
        if retry_after is None:
            retry = _("The app will retry by itself.")
        else:
            retry = _("The app will retry by itself. Wait about {seconds:.0f} s.").format(
                seconds=retry_after
            )
        return RateLimitedError(
            _("Too many requests ({detail}).").format(detail=message),
            retry,
            retry_after=retry_after,
            **common,
        )
    if status in (408, 409) or status >= 500:
        return ServiceUnavailableError(
            _("The video service is unavailable right now ({detail}).").format(detail=message),
            _("The app will retry by itself; try again later if it persists."),
            retry_after=retry_after,
            **common,
        )
    moderation = " ".join(filter(None, (code, err_type))).lower()
    if "moderation" in moderation or "content_policy" in moderation:
        return ModerationBlockedError(
            _("The request was blocked by the content rules ({detail}).").format(detail=message),
            _(
                "Change the prompt or the image: no real people, no copyrighted characters or "
                "music, content suitable for all ages."
            ),
            **common,
        )
    param = param or _guess_param(message)
    common["param"] = param
    return InvalidRequestError(
        _("The server refused the request ({detail}).").format(detail=message),
        _("Change the field '{param}' and try again.").format(param=param)
        if param
        else _("Check the settings."),
        **common,
    )


#: When a 400 names no ``param``, the field its message is about (so the UI can point at it),
#: e.g. "Inpaint image must match the requested width and height" -> input_reference.
_PARAM_HINTS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"inpaint|input_reference|reference image|\bimage\b", re.I), "input_reference"),
    (re.compile(r"\bseconds\b|duration", re.I), "seconds"),
    (re.compile(r"\bsize\b|resolution|width|height", re.I), "size"),
    (re.compile(r"\bprompt\b", re.I), "prompt"),
    (re.compile(r"\bmodel\b|deployment", re.I), "model"),
)


def _guess_param(message: str) -> str | None:
    for pattern, name in _PARAM_HINTS:
        if pattern.search(message):
            return name
    return None


_REASONS: dict[int, str] = {
    400: "Bad Request",
    401: "Unauthorized",
    403: "Forbidden",
    404: "Not Found",
    408: "Request Timeout",
    409: "Conflict",
    410: "Gone",
    413: "Payload Too Large",
    415: "Unsupported Media Type",
    422: "Unprocessable Entity",
    429: "Too Many Requests",
    500: "Internal Server Error",
    502: "Bad Gateway",
    503: "Service Unavailable",
    504: "Gateway Timeout",
}
