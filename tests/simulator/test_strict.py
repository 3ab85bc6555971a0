"""The simulator is as strict as the real API and its own docs (docs/simulator.md): unknown
fields, content types, methods and malformed bodies are refused with the error envelope, and
the clients that speak the API properly (the official SDK, the app's own client) still work.
"""

from __future__ import annotations

import asyncio
import json
import socket
from collections.abc import Iterator
from pathlib import Path

import httpx
import openai
import pytest
from openai import OpenAI

from sora_desktop.core.client import VideoClient
from sora_desktop.core.models import Connection, ConnectionKind, VideoRequest
from sora_desktop.simulator.server import SimulatorServer
from tests.simulator.conftest import CLIP, png_bytes, wait_for
from tests.simulator.test_http import multipart_fields

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")  # the SDK's Sora notice


def _error(r: httpx.Response) -> dict[str, object]:
    body = r.json()
    assert set(body) == {"error"}, body
    error = body["error"]
    assert set(error) == {"message", "type", "param", "code"}, error
    return dict(error)


@pytest.mark.parametrize(
    ("path", "body", "param"),
    [
        ("/videos", {"prompt": "p", "duration": "4"}, "duration"),
        ("/videos", {"prompt": "p", "seed": 7, "size": "720x1280"}, "seed"),
        (
            "/videos",
            {"prompt": "p", "input_reference": {"url": "https://example.com/a.png"}},
            "input_reference.url",
        ),
        ("/videos/edits", {"prompt": "p", "video": {"id": "v", "name": "x"}}, "video.name"),
        ("/videos/extensions", {"prompt": "p", "seconds": "4", "loop": True}, "loop"),
    ],
)
def test_unknown_json_fields_are_refused_naming_the_field(
    client: httpx.Client, path: str, body: dict[str, object], param: str
) -> None:
    r = client.post(path, json=body)
    assert r.status_code == 400, r.text
    error = _error(r)
    assert error["type"] == "invalid_request_error"
    assert error["param"] == param
    assert error["code"] == "unknown_parameter"
    assert f"'{param}'" in str(error["message"])


def test_unknown_fields_are_refused_in_multipart_and_remix(
    client: httpx.Client, sim: SimulatorServer
) -> None:
    body, ctype = multipart_fields({"prompt": "p", "fps": "30"})
    r = client.post("/videos", content=body, headers={"content-type": ctype})
    assert r.status_code == 400 and _error(r)["param"] == "fps"
    video = client.post("/videos", json={"prompt": CLIP, "size": "1280x720"}).json()
    wait_for(client, video["id"])
    r = client.post(f"/videos/{video['id']}/remix", json={"prompt": "p", "model": "sora-2"})
    assert r.status_code == 400 and _error(r)["param"] == "model"
    assert sim.created_count == 1  # nothing refused was registered


@pytest.mark.parametrize(
    ("content_type", "content"),
    [
        ("text/plain", json.dumps({"prompt": "p"})),
        ("application/x-www-form-urlencoded", "prompt=p"),
        (None, json.dumps({"prompt": "p"})),
    ],
)
def test_a_body_that_is_neither_json_nor_multipart_is_415(
    sim: SimulatorServer, content_type: str | None, content: str
) -> None:
    headers = {"Authorization": "Bearer k"}
    if content_type is not None:
        headers["Content-Type"] = content_type
    request = httpx.Request("POST", sim.url + "/v1/videos", headers=headers, content=content)
    assert request.headers.get("Content-Type") == content_type  # httpx adds none of its own
    with httpx.Client() as c:
        r = c.send(request)
    assert r.status_code == 415, r.text
    error = _error(r)
    assert error["code"] == "unsupported_content_type"
    assert "application/json" in str(error["message"])
    assert sim.created_count == 0


def test_json_with_a_charset_is_still_json(client: httpx.Client) -> None:
    r = client.post(
        "/videos",
        content=json.dumps({"prompt": "[sim:fail] p"}).encode(),
        headers={"Content-Type": "Application/JSON; charset=utf-8"},
    )
    assert r.status_code == 200, r.text


@pytest.mark.parametrize(
    ("method", "path", "allow"),
    [
        ("PUT", "/videos/video_x", "GET, HEAD, DELETE"),
        ("PATCH", "/videos/video_x", "GET, HEAD, DELETE"),
        ("PUT", "/videos", "GET, HEAD, POST"),
        ("DELETE", "/videos", "GET, HEAD, POST"),
        ("GET", "/videos/video_x/remix", "POST"),
        ("POST", "/videos/video_x/content", "GET, HEAD"),
        ("GET", "/videos/edits", "POST"),
    ],
)
def test_wrong_methods_are_405_with_allow(
    client: httpx.Client, method: str, path: str, allow: str
) -> None:
    r = client.request(method, path)
    assert r.status_code == 405, r.text
    assert r.headers["Allow"] == allow
    error = _error(r)
    assert error["code"] == "method_not_allowed" and method in str(error["message"])


def test_head_answers_like_get_without_a_body(client: httpx.Client) -> None:
    r = client.head("/videos")
    assert r.status_code == 200 and r.content == b""
    assert int(r.headers["Content-Length"]) == len(client.get("/videos").content)


def _raw(sim: SimulatorServer, request: bytes) -> tuple[str, dict[str, str], dict[str, object]]:
    """Send raw bytes; return the status line, headers and the JSON body."""
    with socket.create_connection(("127.0.0.1", sim.port), timeout=10) as sock:
        sock.sendall(request)
        data = b""
        while True:
            head, sep, rest = data.partition(b"\r\n\r\n")
            if sep:
                lines = head.decode().split("\r\n")
                headers = {
                    k.strip().lower(): v.strip()
                    for k, _, v in (x.partition(":") for x in lines[1:])
                }
                if len(rest) >= int(headers["content-length"]):
                    return lines[0], headers, json.loads(rest[: int(headers["content-length"])])
            chunk = sock.recv(65536)
            assert chunk, data
            data += chunk


def _post(length_headers: str, body: bytes = b'{"prompt": "p"}') -> bytes:
    return (
        b"POST /v1/videos HTTP/1.1\r\nHost: x\r\napi-key: k\r\n"
        b"Content-Type: application/json\r\n" + length_headers.encode() + b"\r\n" + body
    )


@pytest.mark.parametrize(
    "length_headers",
    [
        "Content-Length: -5\r\n",
        "Content-Length: +15\r\n",
        "Content-Length: 1_5\r\n",
        "Content-Length: 15\r\nContent-Length: 16\r\n",
    ],
)
def test_an_invalid_content_length_is_400_not_a_missing_prompt(
    sim: SimulatorServer, length_headers: str
) -> None:
    line, _, body = _raw(sim, _post(length_headers))
    assert line.startswith("HTTP/1.1 400"), (line, body)
    error = body["error"]
    assert isinstance(error, dict)
    assert error["code"] == "invalid_content_length"
    assert "Content-Length" in error["message"] and "prompt" not in error["message"]
    assert sim.created_count == 0


def test_a_too_large_body_is_413_with_a_code(sim: SimulatorServer) -> None:
    line, _, body = _raw(sim, _post("Content-Length: 999999999999\r\n", b""))
    assert line.startswith("HTTP/1.1 413")
    error = body["error"]
    assert isinstance(error, dict) and error["code"] == "request_too_large"


def test_http_layer_errors_carry_a_code(sim: SimulatorServer) -> None:
    line, _, body = _raw(sim, b"BREW /v1/videos HTTP/1.1\r\nHost: x\r\napi-key: k\r\n\r\n")
    assert line.startswith("HTTP/1.1 501")
    error = body["error"]
    assert isinstance(error, dict) and error["code"] == "not_implemented"


@pytest.fixture
def sdk(sim: SimulatorServer) -> Iterator[OpenAI]:
    with OpenAI(base_url=sim.url + "/v1", api_key="x", max_retries=0) as client:
        yield client


def test_the_sdk_works_and_gets_the_real_apis_error_for_an_unknown_field(
    sdk: OpenAI, sim: SimulatorServer
) -> None:
    video = sdk.videos.create(prompt=CLIP, size="1280x720", seconds="4")  # multipart
    assert sdk.videos.poll(video.id, poll_interval_ms=50).status == "completed"
    with pytest.raises(openai.BadRequestError) as info:
        sdk.videos.create(prompt=CLIP, extra_body={"style": "noir"})
    assert info.value.param == "style" and info.value.code == "unknown_parameter"
    assert sim.created_count == 1


@pytest.mark.parametrize("kind", [ConnectionKind.COMPATIBLE, ConnectionKind.OPENAI])
def test_the_apps_client_sends_only_known_fields(
    sim: SimulatorServer, tmp_path: Path, kind: ConnectionKind
) -> None:
    image = tmp_path / "ref.png"
    image.write_bytes(png_bytes(1280, 720))
    conn = Connection(kind=kind, base_url=sim.url + "/v1")

    async def go() -> None:
        async with VideoClient(conn, "k") as c:
            plain = await c.create(VideoRequest(prompt=CLIP, size="1280x720"))
            with_image = await c.create(
                VideoRequest(prompt=CLIP, size="1280x720", reference_image=image)
            )
            assert plain.video.status == with_image.video.status == "queued"

    asyncio.run(go())
    assert sim.created_count == 2
