from __future__ import annotations

import httpx
import pytest

from sora_desktop.core import errors
from sora_desktop.core.client import VideoClient, network_error, validate_base_url
from sora_desktop.core.models import AuthStyle, Connection, ConnectionKind, VideoRequest
from tests.core.test_client_support import (
    VIDEO,
    Recorder,
    body_json,
    client_for,
    json_response,
    run,
)

KEY = "sk-test-secret-key-1234"


# --------------------------------------------------------------------------- base URL


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://api.openai.com/v1/", "https://api.openai.com/v1"),
        ("  HTTPS://Res.OpenAI.Azure.com/openai/v1 ", "https://res.openai.azure.com/openai/v1"),
        ("http://127.0.0.1:8123/v1", "http://127.0.0.1:8123/v1"),
        ("http://127.8.9.10/v1", "http://127.8.9.10/v1"),
        ("http://localhost:9000/v1//", "http://localhost:9000/v1"),
        ("http://[::1]:8080/v1", "http://[::1]:8080/v1"),
        ("https://gateway.example:4000", "https://gateway.example:4000"),
    ],
)
def test_base_url_accepted_and_normalised(url: str, expected: str) -> None:
    assert validate_base_url(url) == expected


@pytest.mark.parametrize(
    ("url", "why"),
    [
        ("http://api.openai.com/v1", "not encrypted"),
        ("http://192.168.1.5:8000/v1", "not encrypted"),
        ("http://localhost.evil.com/v1", "not encrypted"),
        ("ftp://example.com/v1", "https://"),
        ("api.openai.com/v1", "https://"),
        ("", "empty"),
        ("https://", "no host"),
        ("https://user:pw@example.com/v1", "user name or password"),
        ("https://example.com/v1?x=1", "'?'"),
        ("https://exa mple.com:99999/v1", "not a valid URL"),
        ("https://bad host/v1", "contains a space"),
        ("https://bad%20host/v1", "bad host name"),
    ],
)
def test_base_url_refused_with_a_clear_message(url: str, why: str) -> None:
    with pytest.raises(errors.InvalidRequestError) as info:
        validate_base_url(url)
    assert info.value.param == "base_url"
    assert why in info.value.message


def test_client_refuses_plain_http_to_a_remote_host() -> None:
    conn = Connection(kind=ConnectionKind.COMPATIBLE, base_url="http://gateway.example/v1")
    with pytest.raises(errors.InvalidRequestError):
        VideoClient(conn, KEY)


# --------------------------------------------------------------------------- auth and URLs


def test_bearer_auth_and_url() -> None:
    rec = Recorder(lambda r: json_response(200, VIDEO))

    async def go() -> None:
        async with client_for(rec) as client:
            await client.retrieve("video_123")

    run(go())
    assert str(rec.last.url) == "https://api.openai.com/v1/videos/video_123"
    assert rec.last.headers["authorization"] == f"Bearer {KEY}"
    assert "api-key" not in rec.last.headers


def test_azure_api_key_header() -> None:
    rec = Recorder(lambda r: json_response(200, VIDEO))

    async def go() -> None:
        async with client_for(
            rec,
            kind=ConnectionKind.AZURE,
            base_url="https://res.openai.azure.com/openai/v1/",
            auth_style=AuthStyle.API_KEY,
        ) as client:
            await client.create(VideoRequest(prompt="p", model="my-sora-deployment"))

    run(go())
    assert str(rec.last.url) == "https://res.openai.azure.com/openai/v1/videos"
    assert rec.last.headers["api-key"] == KEY
    assert "authorization" not in rec.last.headers
    assert body_json(rec.last)["model"] == "my-sora-deployment"


def test_no_key_no_auth_header() -> None:
    rec = Recorder(lambda r: json_response(200, VIDEO))

    async def go() -> None:
        async with client_for(
            rec, kind=ConnectionKind.SIMULATOR, base_url="http://127.0.0.1:1/v1", key=None
        ) as client:
            await client.retrieve("video_123")

    run(go())
    assert "authorization" not in rec.last.headers and "api-key" not in rec.last.headers


def test_ids_of_any_shape_are_escaped_in_the_path() -> None:
    rec = Recorder(lambda r: json_response(200, {**VIDEO, "id": "gw/abc?x=1"}))

    async def go() -> str:
        async with client_for(rec, kind=ConnectionKind.COMPATIBLE) as client:
            return (await client.retrieve("gw/abc?x=1")).video.id

    assert run(go()) == "gw/abc?x=1"
    assert rec.last.url.raw_path == b"/v1/videos/gw%2Fabc%3Fx%3D1"


# --------------------------------------------------------------------------- create / remix


def test_create_sends_json_with_seconds_as_a_string() -> None:
    rec = Recorder(lambda r: json_response(200, VIDEO, {"openai-poll-after-ms": "1500"}))
    request = VideoRequest(prompt="a red fox in snow", model="sora-2", size="1280x720", seconds=8)

    async def go():  # type: ignore[no-untyped-def]
        async with client_for(rec) as client:
            return await client.create(request)

    polled = run(go())
    assert rec.last.method == "POST"
    assert rec.last.headers["content-type"] == "application/json"
    assert body_json(rec.last) == {
        "prompt": "a red fox in snow",
        "model": "sora-2",
        "size": "1280x720",
        "seconds": "8",
    }
    assert polled.video.id == "video_123"
    assert polled.poll_after == 1.5


def test_create_is_never_retried() -> None:
    rec = Recorder(lambda r: httpx.Response(503, text="busy"))

    async def go() -> None:
        async with client_for(rec) as client:
            await client.create(VideoRequest(prompt="p"))

    with pytest.raises(errors.ServiceUnavailableError):
        run(go())
    assert len(rec.requests) == 1


def test_create_lost_response_may_have_reached_the_server() -> None:
    calls: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(request)
        raise httpx.ReadTimeout("timed out", request=request)

    async def go() -> None:
        async with client_for(handler) as client:
            await client.create(VideoRequest(prompt="p"))

    with pytest.raises(errors.NetworkError) as info:
        run(go())
    assert info.value.may_have_reached_server is True
    assert len(calls) == 1


def test_remix_posts_the_prompt() -> None:
    rec = Recorder(lambda r: json_response(200, {**VIDEO, "remixed_from_video_id": "video_1"}))

    async def go():  # type: ignore[no-untyped-def]
        async with client_for(rec) as client:
            return await client.remix("video_1", "make it night")

    polled = run(go())
    assert rec.last.url.path == "/v1/videos/video_1/remix"
    assert body_json(rec.last) == {"prompt": "make it night"}
    assert polled.video.remixed_from_video_id == "video_1"


def test_create_with_remix_of_goes_to_remix() -> None:
    rec = Recorder(lambda r: json_response(200, VIDEO))

    async def go() -> None:
        async with client_for(rec) as client:
            await client.create(VideoRequest(prompt="again", remix_of="video_9"))

    run(go())
    assert rec.last.url.path == "/v1/videos/video_9/remix"


def test_delete_and_not_found() -> None:
    def respond(request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("/gone"):
            return json_response(404, {"error": {"message": "No video found", "code": None}})
        return json_response(200, {"id": "v", "object": "video.deleted", "deleted": True})

    rec = Recorder(respond)

    async def go() -> None:
        async with client_for(rec) as client:
            await client.delete("video_1")
            assert rec.last.method == "DELETE"
            await client.delete("gone")

    with pytest.raises(errors.NotFoundError):
        run(go())


# --------------------------------------------------------------------------- list


def test_list_page_params_and_parse() -> None:
    page_body = {"object": "list", "data": [VIDEO], "last_id": "video_123", "has_more": False}
    rec = Recorder(lambda r: json_response(200, page_body))

    async def go():  # type: ignore[no-untyped-def]
        async with client_for(rec) as client:
            return await client.list_page(after="video_0", limit=500, order="asc")

    page = run(go())
    assert dict(rec.last.url.params) == {"after": "video_0", "limit": "100", "order": "asc"}
    assert [v.id for v in page.data] == ["video_123"]
    assert page.has_more is False


def test_list_recent_pages_until_older_than_since() -> None:
    pages = {
        None: [("v5", 500), ("v4", 400)],
        "v4": [("v3", 300), ("v2", 200)],
        "v2": [("v1", 100)],
    }

    def respond(request: httpx.Request) -> httpx.Response:
        after = request.url.params.get("after")
        items = [{**VIDEO, "id": i, "created_at": t} for i, t in pages[after]]
        return json_response(
            200, {"data": items, "has_more": after != "v2", "last_id": items[-1]["id"]}
        )

    rec = Recorder(respond)

    async def go(since: float | None, max_pages: int = 10) -> list[str]:
        async with client_for(rec) as client:
            return [v.id for v in await client.list_recent(since=since, max_pages=max_pages)]

    assert run(go(250)) == ["v5", "v4", "v3"]
    assert len(rec.requests) == 2
    assert run(go(None)) == ["v5", "v4", "v3", "v2", "v1"]
    assert run(go(None, max_pages=1)) == ["v5", "v4"]


# --------------------------------------------------------------------------- errors


@pytest.mark.parametrize(
    ("status", "body", "kind"),
    [
        (400, {"error": {"message": "bad size", "param": "size"}}, errors.InvalidRequestError),
        (401, {"error": {"message": "bad key"}}, errors.AuthenticationError),
        (403, {"error": {"message": "no access"}}, errors.PermissionDeniedError),
        (404, {"error": {"message": "no video"}}, errors.NotFoundError),
        (
            404,
            {
                "error": {
                    "code": "DeploymentNotFound",
                    "message": "The API deployment 'x' for this resource does not exist.",
                }
            },
            errors.DeploymentNotFoundError,
        ),
        (408, {}, errors.ServiceUnavailableError),
        (409, {}, errors.ServiceUnavailableError),
        (429, {"error": {"message": "Too many running tasks"}}, errors.RateLimitedError),
        (500, {}, errors.ServiceUnavailableError),
        (503, {}, errors.ServiceUnavailableError),
    ],
)
def test_http_errors_are_mapped(status: int, body: object, kind: type[Exception]) -> None:
    rec = Recorder(lambda r: json_response(status, body, {"Retry-After": "3"}))

    async def go() -> None:
        async with client_for(rec) as client:
            await client.retrieve("video_123")

    with pytest.raises(kind) as info:
        run(go())
    assert type(info.value) is kind
    assert KEY not in str(info.value) and KEY not in info.value.one_line()


def test_rate_limit_carries_retry_after() -> None:
    rec = Recorder(lambda r: json_response(429, {}, {"Retry-After": "12"}))

    async def go() -> None:
        async with client_for(rec) as client:
            await client.list_page()

    with pytest.raises(errors.RateLimitedError) as info:
        run(go())
    assert info.value.retry_after == 12.0


def test_html_error_body() -> None:
    rec = Recorder(lambda r: httpx.Response(502, text="<html><h1>Bad Gateway</h1></html>"))

    async def go() -> None:
        async with client_for(rec) as client:
            await client.retrieve("v")

    with pytest.raises(errors.ServiceUnavailableError) as info:
        run(go())
    assert "HTTP 502 Bad Gateway" in info.value.message


def test_html_success_body_is_a_clear_error() -> None:
    rec = Recorder(lambda r: httpx.Response(200, text="<html>captive portal</html>"))

    async def go() -> None:
        async with client_for(rec) as client:
            await client.retrieve("v")

    with pytest.raises(errors.ServiceUnavailableError) as info:
        run(go())
    assert "not JSON" in info.value.message
    assert "base URL" in info.value.next_step


def test_compatible_gateway_quirks() -> None:
    body = {"id": 987, "status": "rendering", "seconds": 8, "progress": "150", "extra": [1]}
    rec = Recorder(lambda r: json_response(200, body, {"Retry-After": "2"}))

    async def go():  # type: ignore[no-untyped-def]
        async with client_for(
            rec, kind=ConnectionKind.COMPATIBLE, base_url="https://llm.gateway.example/v1"
        ) as client:
            return await client.retrieve("987")

    polled = run(go())
    assert polled.video.id == "987"
    assert polled.video.status == "rendering"
    assert polled.video.seconds == "8"
    assert polled.video.progress == 100
    assert polled.poll_after == 2.0


@pytest.mark.parametrize(
    ("url", "suggested"),
    [
        ("127.0.0.1:1/v1", "http://127.0.0.1:1/v1"),
        ("localhost:8000/v1", "http://localhost:8000/v1"),
        ("gateway.example.com/v1", "https://gateway.example.com/v1"),
    ],
)
def test_a_url_without_its_scheme_is_told_the_real_rule(url: str, suggested: str) -> None:
    with pytest.raises(errors.InvalidRequestError) as info:
        validate_base_url(url)
    err = info.value
    # plain http is allowed on this computer: the message must not say "https only"
    assert "http:// for this computer" in err.message
    assert err.next_step == f"Did you mean {suggested}?"
    assert validate_base_url(suggested) == suggested


# --------------------------------------------------------------------------- transport


@pytest.mark.parametrize(
    ("exc", "reached"),
    [
        (httpx.ConnectError("[Errno 111] Connection refused"), False),
        (httpx.ConnectError("[Errno -2] Name or service not known"), False),
        (httpx.ConnectTimeout("timed out"), False),
        (httpx.PoolTimeout("pool"), False),
        (httpx.ReadTimeout("timed out"), True),
        (httpx.WriteTimeout("timed out"), True),
        (httpx.ReadError("reset"), True),
        (httpx.WriteError("broken pipe"), True),
        (httpx.RemoteProtocolError("peer closed connection"), True),
    ],
)
def test_transport_errors(exc: httpx.TransportError, reached: bool) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        raise exc

    async def go() -> None:
        async with client_for(handler) as client:
            await client.retrieve("v")

    with pytest.raises(errors.NetworkError) as info:
        run(go())
    assert info.value.may_have_reached_server is reached
    assert KEY not in info.value.one_line()


def test_dns_failure_message() -> None:
    err = network_error(httpx.ConnectError("[Errno -2] Name or service not known"))
    assert "DNS" in err.message and not err.may_have_reached_server


def test_real_connection_refused_on_loopback() -> None:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    conn = Connection(kind=ConnectionKind.SIMULATOR, base_url=f"http://127.0.0.1:{port}/v1")

    async def go() -> None:
        async with VideoClient(conn, None) as client:
            await client.retrieve("v")

    with pytest.raises(errors.NetworkError) as info:
        run(go())
    assert info.value.may_have_reached_server is False


def test_one_pool_for_every_call() -> None:
    rec = Recorder(lambda r: json_response(200, VIDEO))

    async def go() -> None:
        client = client_for(rec)
        pool = client._http
        await client.retrieve("a")
        await client.retrieve("b")
        assert client._http is pool
        await client.aclose()
        assert pool.is_closed

    run(go())
    assert len(rec.requests) == 2
