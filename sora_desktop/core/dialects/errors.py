"""The providers' error bodies in the app's terms.

- fal: ``422 {"detail": [{"loc": ["body", "field"], "msg", "type"}]}`` (validation; a
  ``content_policy_violation`` type is moderation) or a flat ``{"detail", "error_type"}``;
- Replicate: problem+json ``{"type", "title", "status", "detail"}``;
- Runway: ``400 {"error": "..."}``.

A validation error names the field (``param``) and keeps the provider's own words; auth,
not found, 429 (with ``Retry-After``) and 5xx go through the Videos API mapping
(:func:`sora_desktop.core.wire.error_from_response`), which also scrubs the key.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from typing import Any

from sora_desktop.core.errors import (
    AuthenticationError,
    InvalidRequestError,
    ModerationBlockedError,
    PermissionDeniedError,
    RemoteJobFailedError,
    SoraError,
)
from sora_desktop.core.i18n import _
from sora_desktop.core.models import ConnectionKind
from sora_desktop.core.wire import _redact, error_from_response

PROVIDER_NAMES: dict[ConnectionKind, str] = {
    ConnectionKind.FAL: "fal",
    ConnectionKind.REPLICATE: "Replicate",
    ConnectionKind.RUNWAY: "Runway",
}
_MAX = 500
_FIELD = re.compile(r"\binput\.([A-Za-z_][A-Za-z0-9_]*)|^\s*-?\s*([A-Za-z_][A-Za-z0-9_]*)\s*:")
_RUNWAY_FIELDS = re.compile(
    r"\b(promptText|promptImage|ratio|duration|seed|model|negativePrompt|audio|"
    r"contentModeration|outputFormat)\b"
)


def moderation_error(provider: str, text: str, **kw: Any) -> ModerationBlockedError:
    """Blocked by the provider's content rules, with the provider's own words beside."""
    return ModerationBlockedError(
        _("{provider} blocked this request for its content rules: {detail}").format(
            provider=provider, detail=text or _("(no reason given)")
        ),
        _(
            "Change the prompt or the image: no real people, no copyrighted characters or "
            "music, content suitable for all ages."
        ),
        code="moderation_blocked",
        **kw,
    )


def upload_failed(err: SoraError, *, provider: str, name: str, inline_mb: float) -> SoraError:
    """An image upload that failed, said as what it is. The upload goes before the paid
    create, so nothing paid was sent: the job fails here (``upload_failed``), never as a
    lost create ("outcome unknown", a "did it arrive?" search). A refused key stays what
    it is."""
    if isinstance(err, AuthenticationError | PermissionDeniedError):
        return err
    return RemoteJobFailedError(
        _(
            "{provider} didn't take the image {name!r} for upload ({detail}). The video was "
            "not requested, so nothing was charged."
        ).format(provider=provider, name=name, detail=err.message.rstrip(".")),
        _(
            "Try again in a few minutes. If it keeps failing, use a smaller image: up to "
            "{mb:.1f} MB is sent without an upload."
        ).format(mb=inline_mb),
        status_code=err.status_code,
        code="upload_failed",
    )


def _body(raw: bytes) -> Any:
    try:
        return json.loads(raw.decode("utf-8", errors="replace"))
    except ValueError:
        return None


def _fal_detail(body: Any) -> tuple[str | None, str | None, str | None]:
    """(message, field, type) of fal's first ``detail`` item (or its flat detail)."""
    if not isinstance(body, Mapping):
        return None, None, None
    detail = body.get("detail")
    if isinstance(detail, str):
        return detail, None, str(body.get("error_type") or "") or None
    if isinstance(detail, list) and detail and isinstance(detail[0], Mapping):
        item = detail[0]
        raw_loc = item.get("loc")
        loc: list[Any] = raw_loc if isinstance(raw_loc, list) else []
        names = [str(x) for x in loc if isinstance(x, str) and x not in ("body", "input")]
        msg = str(item.get("msg") or "")
        return msg, (names[-1] if names else None), str(item.get("type") or "") or None
    return None, None, None


def provider_error(
    kind: ConnectionKind,
    status: int,
    headers: Mapping[str, str],
    raw: bytes,
    *,
    reason: str = "",
    context: str = "api",
    secret: str | None = None,
) -> SoraError:
    provider = PROVIDER_NAMES.get(kind, kind.value)
    body = _body(raw)
    common: dict[str, Any] = {"status_code": status}
    if status in (400, 422):
        message: str | None = None
        param: str | None = None
        if kind is ConnectionKind.FAL:
            message, param, err_type = _fal_detail(body)
            if err_type and "content_policy" in err_type:
                return moderation_error(provider, _redact(message or "", secret)[:_MAX], **common)
        elif kind is ConnectionKind.REPLICATE and isinstance(body, Mapping):
            message = str(body.get("detail") or body.get("title") or "") or None
            match = _FIELD.search(message or "")
            param = (match.group(1) or match.group(2)) if match else None
        elif kind is ConnectionKind.RUNWAY and isinstance(body, Mapping):
            message = str(body.get("error") or "") or None
            issues = body.get("issues")
            if isinstance(issues, list) and issues and isinstance(issues[0], Mapping):
                path = issues[0].get("path")
                if isinstance(path, list) and path:
                    param = str(path[-1])
            if param is None:
                match = _RUNWAY_FIELDS.search(message or "")
                param = match.group(1) if match else None
            if message and "SAFETY" in message.upper() and "moderation" in message.lower():
                return moderation_error(provider, _redact(message, secret)[:_MAX], **common)
        if message:
            text = _redact(message, secret)[:_MAX]
            if param:
                return InvalidRequestError(
                    _("{provider} refused the field {param!r}: {detail}").format(
                        provider=provider, param=param, detail=text
                    ),
                    _("Change the field '{param}' and try again.").format(param=param),
                    param=param,
                    **common,
                )
            return InvalidRequestError(
                _("{provider} refused the request: {detail}").format(
                    provider=provider, detail=text
                ),
                _("Check the settings."),
                **common,
            )
    if isinstance(body, Mapping) and "detail" in body and "error" not in body:
        detail = body.get("detail")
        if isinstance(detail, list):  # fal's list shape on another status
            text = _fal_detail(body)[0] or ""
            raw = json.dumps({"error": {"message": text}}).encode()
    return error_from_response(status, headers, raw, reason=reason, context=context, secret=secret)
