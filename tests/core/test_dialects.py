"""The provider dialects' own rules: result URLs, the key's origin, statuses, error bodies."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import httpx
import pytest

from sora_desktop.core.dialects import make_dialect
from sora_desktop.core.dialects.base import result_url_problem
from sora_desktop.core.dialects.errors import provider_error
from sora_desktop.core.dialects.fal import app_id, schema_url
from sora_desktop.core.dialects.replicate import ReplicateDialect
from sora_desktop.core.dialects.runway import RunwayDialect
from sora_desktop.core.errors import ErrorKind, InvalidRequestError, RemoteJobFailedError
from sora_desktop.core.jobrunner import remote_failure
from sora_desktop.core.models import Connection, ConnectionKind

KEY = "r8_secret_key_value"


def _conn(kind: ConnectionKind, base: str) -> Connection:
    return Connection(kind=kind, base_url=base)


@pytest.mark.parametrize(
    ("url", "ok"),
    [
        ("https://cdn.example.com/v.mp4", True),
        ("http://127.0.0.1:9/v.mp4", True),
        ("http://localhost:9/v.mp4", True),
        ("http://cdn.example.com/v.mp4", False),
        ("ftp://cdn.example.com/v.mp4", False),
        ("not a url", False),
    ],
)
def test_a_result_url_must_be_https_except_on_loopback(url: str, ok: bool) -> None:
    assert (result_url_problem(url) is None) is ok


def test_an_http_result_url_elsewhere_is_refused_before_any_request(tmp_path: Path) -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        if request.url.path.endswith("/v1/tasks/t1"):
            body = {"id": "t1", "status": "SUCCEEDED", "output": ["http://cdn.example.com/x.mp4"]}
            return httpx.Response(200, json=body)
        return httpx.Response(200, content=b"\x00\x00\x00\x18ftypmp42")

    async def run() -> None:
        client = make_dialect(
            _conn(ConnectionKind.RUNWAY, "https://api.dev.runwayml.com"),
            KEY,
            transport=httpx.MockTransport(handler),
        )
        try:
            with pytest.raises(RemoteJobFailedError, match="not encrypted"):
                await client.download("t1", tmp_path / "x.part")
        finally:
            await client.aclose()

    asyncio.run(run())
    assert [r.url.host for r in seen] == ["api.dev.runwayml.com"]


def test_the_key_goes_to_the_connections_origin_only_even_after_a_redirect(tmp_path: Path) -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        if request.url.host == "api.replicate.com" and request.url.path == "/v1/account":
            return httpx.Response(302, headers={"Location": "https://elsewhere.example/v1/account"})
        return httpx.Response(200, json={"username": "u", "type": "user"})

    async def run() -> None:
        client = make_dialect(
            _conn(ConnectionKind.REPLICATE, "https://api.replicate.com"),
            KEY,
            transport=httpx.MockTransport(handler),
        )
        try:
            await client.check()
        finally:
            await client.aclose()

    asyncio.run(run())
    assert seen[0].headers["authorization"] == f"Bearer {KEY}"
    assert seen[1].url.host == "elsewhere.example"
    assert "authorization" not in seen[1].headers


def test_runway_sends_its_version_header_and_fal_its_key_scheme() -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json={"creditBalance": 5})

    async def run() -> None:
        for kind, base in (
            (ConnectionKind.RUNWAY, "https://api.dev.runwayml.com"),
            (ConnectionKind.FAL, "https://queue.fal.run"),
        ):
            client = make_dialect(_conn(kind, base), KEY, transport=httpx.MockTransport(handler))
            try:
                await client.check()
            finally:
                await client.aclose()

    asyncio.run(run())
    assert seen[0].headers["x-runway-version"] == "2024-11-06"
    assert seen[0].headers["authorization"] == f"Bearer {KEY}"
    assert seen[1].headers["authorization"] == f"Key {KEY}"


def test_fal_ids_and_schema_host() -> None:
    assert app_id("fal-ai/veo3.1/image-to-video") == "fal-ai/veo3.1"
    assert app_id("workflows/me/flow/sub") == "workflows/me/flow"
    assert schema_url("https://queue.fal.run") == "https://fal.ai/api/openapi/queue/openapi.json"
    assert (
        schema_url("http://127.0.0.1:8/fal")
        == "http://127.0.0.1:8/fal/api/openapi/queue/openapi.json"
    )


def test_replicate_statuses_including_aborted_and_flagged() -> None:
    client = ReplicateDialect(_conn(ConnectionKind.REPLICATE, "https://api.replicate.com"), KEY)
    try:
        base = {"id": "p1", "created_at": "2026-11-30T10:00:00.000Z", "input": {"prompt": "x"}}
        assert client.parse({**base, "status": "starting"}).status == "queued"
        aborted = client.parse({**base, "status": "aborted"})
        assert aborted.status == "failed" and aborted.error is not None
        assert aborted.error.code == "aborted" and "not charged" in aborted.error.message
        flagged = client.parse({**base, "status": "failed", "error": "flagged as sensitive (E005)"})
        assert remote_failure(flagged).kind is ErrorKind.MODERATION
        done = client.parse(
            {
                **base,
                "status": "succeeded",
                "completed_at": "2026-11-30T10:01:00Z",
                "output": "https://x/y.mp4",
            }
        )
        assert done.expires_at == done.completed_at + 3600  # type: ignore[operator]
    finally:
        asyncio.run(client.aclose())


def test_runway_failure_codes() -> None:
    client = RunwayDialect(_conn(ConnectionKind.RUNWAY, "https://api.dev.runwayml.com"), KEY)
    try:
        failed = client.parse(
            {
                "id": "t",
                "status": "FAILED",
                "failure": "Blocked",
                "failureCode": "SAFETY.OUTPUT.VIDEO",
            }
        )
        err = remote_failure(failed)
        assert err.kind is ErrorKind.MODERATION and "SAFETY.OUTPUT.VIDEO" in err.message
        other = remote_failure(
            client.parse(
                {"id": "t", "status": "FAILED", "failure": "GPU lost", "failureCode": "INTERNAL.X"}
            )
        )
        assert (
            other.kind is ErrorKind.REMOTE_FAILED
            and "Runway could not make this video: GPU lost" in other.message
        )
        running = client.parse({"id": "t", "status": "RUNNING", "progress": 0.42})
        assert (running.status, running.progress) == ("in_progress", 42)
    finally:
        asyncio.run(client.aclose())


@pytest.mark.parametrize(
    ("kind", "status", "body", "param", "kind_out"),
    [
        (
            ConnectionKind.FAL,
            422,
            {"detail": [{"loc": ["body", "duration"], "msg": "bad", "type": "literal_error"}]},
            "duration",
            ErrorKind.INVALID_REQUEST,
        ),
        (
            ConnectionKind.FAL,
            422,
            {
                "detail": [
                    {"loc": ["body", "prompt"], "msg": "no", "type": "content_policy_violation"}
                ]
            },
            None,
            ErrorKind.MODERATION,
        ),
        (
            ConnectionKind.REPLICATE,
            422,
            {
                "title": "Input validation failed",
                "detail": "- input.seed: must be an integer",
                "status": 422,
            },
            "seed",
            ErrorKind.INVALID_REQUEST,
        ),
        (
            ConnectionKind.RUNWAY,
            400,
            {"error": "Invalid ratio '1:1' for gen4.5."},
            "ratio",
            ErrorKind.INVALID_REQUEST,
        ),
        (
            ConnectionKind.REPLICATE,
            429,
            {"detail": "Request was throttled."},
            None,
            ErrorKind.RATE_LIMITED,
        ),
        (ConnectionKind.RUNWAY, 401, {"error": f"bad key {KEY}"}, None, ErrorKind.AUTHENTICATION),
    ],
)
def test_error_bodies_in_the_apps_terms(
    kind: ConnectionKind,
    status: int,
    body: dict[str, object],
    param: str | None,
    kind_out: ErrorKind,
) -> None:
    headers = {"Retry-After": "3"} if status == 429 else {}
    err = provider_error(kind, status, headers, json.dumps(body).encode(), secret=KEY)
    assert err.kind is kind_out
    assert err.param == param
    assert KEY not in err.one_line()
    if status == 429:
        assert err.retry_after == 3


@pytest.mark.parametrize(
    ("kind", "base"),
    [
        (ConnectionKind.FAL, "https://queue.fal.run"),
        (ConnectionKind.REPLICATE, "https://api.replicate.com"),
        (ConnectionKind.RUNWAY, "https://api.dev.runwayml.com"),
    ],
)
def test_a_provider_refuses_the_videos_api_extend_before_any_request(
    kind: ConnectionKind, base: str
) -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(500)

    async def run() -> None:
        client = make_dialect(_conn(kind, base), KEY, transport=httpx.MockTransport(handler))
        try:
            await client.extend("some-video", "and then it rains", 4)
        finally:
            await client.aclose()

    with pytest.raises(InvalidRequestError, match="extend"):
        asyncio.run(run())
    assert seen == []  # nothing sent, nothing paid
