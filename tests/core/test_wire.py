from __future__ import annotations

import json
from datetime import UTC, datetime
from email.utils import format_datetime

import pytest

from sora_desktop.core import errors
from sora_desktop.core.wire import (
    WireFormatError,
    error_from_response,
    parse_error_envelope,
    parse_page,
    parse_poll_after,
    parse_retry_after,
    parse_video,
)

FULL = {
    "id": "video_abc",
    "object": "video",
    "model": "sora-2",
    "status": "in_progress",
    "progress": 42,
    "created_at": 1_700_000_000,
    "completed_at": None,
    "expires_at": None,
    "prompt": "a cat",
    "size": "720x1280",
    "seconds": "8",
    "remixed_from_video_id": None,
    "error": None,
}


def test_full_video_object() -> None:
    video = parse_video(FULL)
    assert video.id == "video_abc"
    assert video.status == "in_progress"
    assert video.progress == 42
    assert video.seconds == "8"
    assert video.size == "720x1280"
    assert video.created_at == 1_700_000_000
    assert video.error is None


@pytest.mark.parametrize(("raw", "expected"), [(8, "8"), (8.0, "8"), ("12", "12"), (" 4 ", "4")])
def test_seconds_number_or_string(raw: object, expected: str) -> None:
    assert parse_video({**FULL, "seconds": raw}).seconds == expected


def test_missing_fields_are_none_and_extra_fields_ignored() -> None:
    video = parse_video({"id": 12345, "status": "queued", "brand_new_field": {"x": 1}})
    assert video.id == "12345"
    assert video.model is None and video.prompt is None and video.seconds is None
    assert video.created_at is None and video.progress == 0


def test_unknown_status_kept_as_text() -> None:
    assert parse_video({**FULL, "status": "Preprocessing"}).status == "preprocessing"
    assert parse_video({"id": "x"}).status == "unknown"


@pytest.mark.parametrize(("raw", "expected"), [(-5, 0), (250, 100), ("55", 55), (33.7, 33)])
def test_progress_clamped(raw: object, expected: int) -> None:
    assert parse_video({**FULL, "progress": raw}).progress == expected


def test_error_object_or_string() -> None:
    failed = parse_video(
        {**FULL, "status": "failed", "error": {"code": "moderation_blocked", "message": "no"}}
    )
    assert failed.error is not None
    assert (failed.error.code, failed.error.message) == ("moderation_blocked", "no")
    text = parse_video({**FULL, "status": "failed", "error": "render crashed"})
    assert text.error is not None and text.error.message == "render crashed"
    assert text.error.code is None


def test_not_a_video() -> None:
    with pytest.raises(WireFormatError):
        parse_video(["video"])
    with pytest.raises(WireFormatError):
        parse_video({"status": "queued"})


def test_page_skips_garbage_and_reads_cursor() -> None:
    page = parse_page(
        {
            "object": "list",
            "data": [FULL, {"no": "id"}, {**FULL, "id": "video_2"}],
            "first_id": "video_abc",
            "last_id": "video_2",
            "has_more": True,
        }
    )
    assert [v.id for v in page.data] == ["video_abc", "video_2"]
    assert page.has_more is True
    assert page.last_id == "video_2"


def test_page_without_last_id_uses_the_last_item() -> None:
    page = parse_page({"data": [FULL, {**FULL, "id": "v9"}], "has_more": "true"})
    assert page.last_id == "v9" and page.has_more
    empty = parse_page({"data": [], "has_more": True})
    assert empty.data == [] and not empty.has_more


def test_error_envelope_forms() -> None:
    env = parse_error_envelope(
        b'{"error": {"message": "bad", "type": "invalid_request_error", '
        b'"param": "seconds", "code": "invalid_value"}}'
    )
    assert env is not None
    assert (env.message, env.type, env.param, env.code) == (
        "bad",
        "invalid_request_error",
        "seconds",
        "invalid_value",
    )
    bare = parse_error_envelope('{"error": "nope"}')
    assert bare is not None and bare.message == "nope"
    detail = parse_error_envelope({"detail": "gateway says no"})
    assert detail is not None and detail.message == "gateway says no"
    assert parse_error_envelope(b"<html>502 Bad Gateway</html>") is None
    assert parse_error_envelope(b"") is None


def test_retry_after_seconds_ms_and_date() -> None:
    assert parse_retry_after({"Retry-After": "7"}) == 7.0
    assert parse_retry_after({"retry-after-ms": "1500"}) == 1.5
    assert parse_retry_after({"retry-after-ms": "250", "Retry-After": "9"}) == 0.25
    now = 1_800_000_000.0
    when = format_datetime(datetime.fromtimestamp(now + 30, tz=UTC), usegmt=True)
    assert parse_retry_after({"Retry-After": when}, now=now) == pytest.approx(30.0)
    assert parse_retry_after({"Retry-After": "soon"}) is None
    assert parse_retry_after({}) is None


def test_poll_hint_prefers_openai_header() -> None:
    assert parse_poll_after({"openai-poll-after-ms": "2500", "Retry-After": "9"}) == 2.5
    assert parse_poll_after({"Retry-After": "3"}) == 3.0
    assert parse_poll_after({"openai-poll-after-ms": "junk"}) is None
    assert parse_poll_after({}) is None


def _env(message: str, *, param: str | None = None, code: str | None = None) -> bytes:
    return json.dumps(
        {"error": {"message": message, "type": "x", "param": param, "code": code}}
    ).encode()


def test_400_names_the_field_and_keeps_the_server_message() -> None:
    err = error_from_response(400, {}, _env("seconds must be 4, 8 or 12", param="seconds"))
    assert isinstance(err, errors.InvalidRequestError)
    assert err.param == "seconds"
    assert "seconds must be 4, 8 or 12" in err.message
    assert "seconds" in err.next_step
    assert err.status_code == 400 and not err.retryable


def test_400_moderation() -> None:
    err = error_from_response(400, {}, _env("blocked", code="moderation_blocked"))
    assert isinstance(err, errors.ModerationBlockedError)


def test_401_authentication() -> None:
    err = error_from_response(401, {}, _env("Incorrect API key provided: sk-abc***wxyz."))
    assert isinstance(err, errors.AuthenticationError)
    assert "The API key was refused" in err.message
    assert "Connections" in err.next_step
    assert "sk-abc" not in err.message


def test_secret_is_scrubbed_from_server_messages() -> None:
    secret = "0123456789abcdef0123456789abcdef"
    err = error_from_response(401, {}, _env(f"key {secret} is invalid"), secret=secret)
    assert secret not in err.one_line()
    custom = error_from_response(400, {}, _env("bad key TOPSECRETVALUE"), secret="TOPSECRETVALUE")
    assert "TOPSECRETVALUE" not in custom.one_line()


def test_403_permission() -> None:
    err = error_from_response(403, {}, _env("not allowed"))
    assert isinstance(err, errors.PermissionDeniedError)
    assert "not granted" in err.message


def test_404_video_vs_deployment() -> None:
    missing = error_from_response(404, {}, _env("Video not found"))
    assert type(missing) is errors.NotFoundError
    azure = error_from_response(
        404,
        {},
        _env(
            "The API deployment for this resource does not exist. If you created the "
            "deployment within the last 5 minutes, please wait a moment and try again.",
            code="DeploymentNotFound",
        ),
    )
    assert isinstance(azure, errors.DeploymentNotFoundError)


def test_404_content_expired_is_lenient() -> None:
    by_message = error_from_response(404, {}, _env("Video content has expired"), context="content")
    assert isinstance(by_message, errors.AssetExpiredError)
    by_code = error_from_response(404, {}, _env("nope", code="asset_expired"), context="content")
    assert isinstance(by_code, errors.AssetExpiredError)
    gone = error_from_response(410, {}, b"", context="content")
    assert isinstance(gone, errors.AssetExpiredError)
    plain = error_from_response(404, {}, _env("no such video"), context="content")
    assert type(plain) is errors.NotFoundError
    # on a JSON endpoint "expired" text is still a not-found
    assert type(error_from_response(404, {}, _env("expired"))) is errors.NotFoundError


@pytest.mark.parametrize("status", [408, 409, 500, 502, 503, 504])
def test_retryable_service_errors(status: int) -> None:
    err = error_from_response(status, {"Retry-After": "4"}, b"<html>oops</html>", reason="Bad")
    assert isinstance(err, errors.ServiceUnavailableError)
    assert err.retryable
    assert err.retry_after == 4.0
    assert f"HTTP {status} Bad" in err.message  # non-JSON body: status text


def test_429_with_wait() -> None:
    err = error_from_response(429, {"retry-after-ms": "2000"}, _env("Too many running tasks"))
    assert isinstance(err, errors.RateLimitedError)
    assert err.retry_after == 2.0
    assert "Too many running tasks" in err.message
    assert "2 s" in err.next_step


def test_non_json_body_uses_status_text() -> None:
    err = error_from_response(400, {}, b"\xff\xfe garbage")
    assert isinstance(err, errors.InvalidRequestError)
    assert "HTTP 400 Bad Request" in err.message


@pytest.mark.parametrize(
    ("message", "param"),
    [
        ("Inpaint image must match the requested width and height", "input_reference"),
        ("Invalid value for seconds: 5", "seconds"),
        ("size 999x999 is not supported", "size"),
        ("prompt is too long", "prompt"),
        ("something else entirely", None),
    ],
)
def test_400_without_param_guesses_the_field(message: str, param: str | None) -> None:
    err = error_from_response(400, {}, _env(message))
    assert isinstance(err, errors.InvalidRequestError)
    assert err.param == param
