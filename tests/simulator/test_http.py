"""The simulator over loopback with httpx: auth, validation, jobs, listing, content."""

from __future__ import annotations

import base64
import io
import json
import socket
import threading
from collections.abc import Callable, Iterator

import av
import httpx
import pytest

from sora_desktop.simulator.server import SimulatorServer
from tests.simulator.conftest import CLIP, honour_poll_hint, png_bytes, wait_for

VIDEO_FIELDS = {
    "id", "object", "model", "status", "progress", "created_at", "completed_at", "expires_at",
    "prompt", "size", "seconds", "remixed_from_video_id", "error",
}  # fmt: skip


def multipart_fields(fields: dict[str, str]) -> tuple[bytes, str]:
    """A multipart/form-data body of text fields only (httpx makes one only with a file)."""
    boundary = "sim-test-boundary"
    body = b"".join(
        f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'.encode()
        + value.encode()
        + b"\r\n"
        for name, value in fields.items()
    )
    return body + f"--{boundary}--\r\n".encode(), f"multipart/form-data; boundary={boundary}"


def _envelope(r: httpx.Response) -> dict[str, object]:
    body = r.json()
    assert set(body) == {"error"}
    assert set(body["error"]) == {"message", "type", "param", "code"}
    assert body["error"]["message"]
    return dict(body["error"])


@pytest.mark.parametrize("prefix", ["/v1", "/openai/v1"])
def test_auth_styles_and_401(make_server: Callable[..., SimulatorServer], prefix: str) -> None:
    sim = make_server(api_key="right")
    with httpx.Client(base_url=sim.url + prefix) as c:
        assert c.get("/videos", headers={"Authorization": "Bearer right"}).status_code == 200
        assert c.get("/videos", headers={"api-key": "right"}).status_code == 200
        for headers in ({}, {"Authorization": "Bearer wrong"}, {"api-key": "wrong"}):
            r = c.get("/videos", headers=headers)
            assert r.status_code == 401
            _envelope(r)


def test_any_key_accepted_without_api_key_but_not_none(sim: SimulatorServer) -> None:
    with httpx.Client(base_url=sim.url + "/openai/v1") as c:
        assert (
            c.get("/videos?api-version=preview", headers={"api-key": "anything"}).status_code == 200
        )
        assert c.get("/videos", headers={"Authorization": "Basic abc"}).status_code == 401
        assert c.get("/videos").status_code == 401


def test_unknown_paths_are_404_envelopes(client: httpx.Client, sim: SimulatorServer) -> None:
    r = client.get("/videos/video_nope")
    assert r.status_code == 404
    assert _envelope(r)["code"] == "not_found"
    r = httpx.get(sim.url + "/v2/videos", headers={"api-key": "k"})
    assert r.status_code == 404
    _envelope(r)


@pytest.mark.parametrize(
    ("body", "param"),
    [
        ({"prompt": "p", "seconds": 4}, "seconds"),
        ({"prompt": "p", "seconds": "7"}, "seconds"),
        ({"prompt": "p", "size": "1024x1792"}, "size"),
        ({"prompt": ""}, "prompt"),
        ({"prompt": "x" * 32001}, "prompt"),
        ({"prompt": "p", "model": "gpt-video"}, "model"),
    ],
)
def test_400_names_the_param(client: httpx.Client, body: dict[str, object], param: str) -> None:
    r = client.post("/videos", json=body)
    assert r.status_code == 400
    err = _envelope(r)
    assert err["param"] == param
    assert err["type"] == "invalid_request_error"


def test_multipart_image_of_wrong_size_is_refused(
    client: httpx.Client, sim: SimulatorServer
) -> None:
    r = client.post(
        "/videos",
        data={"prompt": "p", "size": "1280x720", "seconds": "4"},
        files={"input_reference": ("ref.png", png_bytes(720, 1280), "image/png")},
    )
    assert r.status_code == 400
    err = _envelope(r)
    assert err["param"] == "input_reference"
    assert err["message"] == "Inpaint image must match the requested width and height"
    assert sim.created_count == 0


def test_progress_rises_to_completed_then_content(
    client: httpx.Client, sim: SimulatorServer
) -> None:
    r = client.post("/videos", json={"prompt": CLIP, "size": "1280x720", "seconds": "4"})
    assert r.status_code == 200
    video = r.json()
    assert set(video) == VIDEO_FIELDS
    assert video["status"] == "queued" and video["seconds"] == "4" and video["object"] == "video"
    assert video["id"].startswith("video_") and video["error"] is None
    assert int(r.headers["openai-poll-after-ms"]) > 0
    seen = [video["progress"]]
    while True:
        honour_poll_hint(r)
        r = client.get(f"/videos/{video['id']}")
        v = r.json()
        assert v["progress"] >= seen[-1]
        seen.append(v["progress"])
        if v["status"] == "completed":
            break
        assert v["status"] in ("queued", "in_progress")
        assert len(seen) < 300, "never completed"
    assert v["progress"] == 100 and v["completed_at"] >= v["created_at"]
    assert v["expires_at"] == v["completed_at"] + 3600
    assert sim.created_count == 1
    r = client.get(f"/videos/{video['id']}/content")
    assert r.status_code == 200 and r.headers["content-type"] == "video/mp4"
    with av.open(io.BytesIO(r.content)) as c:
        vs = c.streams.video[0]
        assert (vs.codec_context.width, vs.codec_context.height) == (1280, 720)
        assert len(c.streams.audio) == 1
    for variant, ctype, magic in [
        ("thumbnail", "image/webp", b"RIFF"),
        ("spritesheet", "image/jpeg", b"\xff\xd8"),
    ]:
        r = client.get(f"/videos/{video['id']}/content", params={"variant": variant})
        assert r.status_code == 200 and r.headers["content-type"] == ctype
        assert r.content.startswith(magic)
    r = client.get(f"/videos/{video['id']}/content", params={"variant": "poster"})
    assert r.status_code == 400 and _envelope(r)["param"] == "variant"


def test_content_before_completion_is_refused(make_server: Callable[..., SimulatorServer]) -> None:
    sim = make_server(latency=30)
    with httpx.Client(base_url=sim.url + "/v1", headers={"api-key": "k"}) as c:
        vid = c.post("/videos", json={"prompt": "slow"}).json()["id"]
        r = c.get(f"/videos/{vid}/content")
        assert r.status_code == 400
        assert _envelope(r)["code"] == "video_not_ready"


def test_range_download_and_head(client: httpx.Client) -> None:
    vid = client.post("/videos", json={"prompt": CLIP, "size": "1280x720"}).json()["id"]
    wait_for(client, vid)
    full = client.get(f"/videos/{vid}/content").content
    r = client.get(f"/videos/{vid}/content", headers={"Range": "bytes=1000-"})
    assert r.status_code == 206
    assert r.headers["content-range"] == f"bytes 1000-{len(full) - 1}/{len(full)}"
    assert r.content == full[1000:]
    r = client.get(f"/videos/{vid}/content", headers={"Range": "bytes=10-19"})
    assert r.status_code == 206 and r.content == full[10:20]
    r = client.get(f"/videos/{vid}/content", headers={"Range": f"bytes={len(full)}-"})
    assert r.status_code == 416
    r = client.head(f"/videos/{vid}/content")
    assert r.status_code == 200 and int(r.headers["content-length"]) == len(full)


def test_expired_assets_are_404(make_server: Callable[..., SimulatorServer]) -> None:
    sim = make_server(asset_ttl=0.0)
    with httpx.Client(base_url=sim.url + "/v1", headers={"api-key": "k"}) as c:
        vid = c.post("/videos", json={"prompt": CLIP, "size": "1280x720"}).json()["id"]
        v = wait_for(c, vid)
        assert v["expires_at"] == v["completed_at"]
        r = c.get(f"/videos/{vid}/content")
        assert r.status_code == 404
        err = _envelope(r)
        assert err["code"] == "video_expired" and "expired" in str(err["message"])


def test_429_when_too_many_running(make_server: Callable[..., SimulatorServer]) -> None:
    sim = make_server(max_concurrent=2, latency=30)
    with httpx.Client(base_url=sim.url + "/v1", headers={"api-key": "k"}) as c:
        for i in range(2):
            assert c.post("/videos", json={"prompt": f"busy {i}"}).status_code == 200
        r = c.post("/videos", json={"prompt": "one too many"})
        assert r.status_code == 429
        assert int(r.headers["retry-after"]) >= 1
        assert "Too many running tasks" in str(_envelope(r)["message"])
        assert sim.created_count == 2


def test_list_paging_after_limit_order(client: httpx.Client, sim: SimulatorServer) -> None:
    ids = [
        client.post("/videos", json={"prompt": f"[sim:fail] list {i}"}).json()["id"]
        for i in range(5)
    ]
    page = client.get("/videos", params={"limit": 2, "order": "asc"}).json()
    assert page["object"] == "list"
    assert [v["id"] for v in page["data"]] == ids[:2]
    assert page["first_id"] == ids[0] and page["last_id"] == ids[1] and page["has_more"] is True
    page = client.get("/videos", params={"limit": 2, "order": "asc", "after": ids[1]}).json()
    assert [v["id"] for v in page["data"]] == ids[2:4] and page["has_more"] is True
    page = client.get("/videos", params={"limit": 2, "order": "asc", "after": ids[3]}).json()
    assert [v["id"] for v in page["data"]] == ids[4:] and page["has_more"] is False
    desc = client.get("/videos").json()
    assert [v["id"] for v in desc["data"]] == ids[::-1]
    empty = client.get("/videos", params={"limit": 0}).json()
    assert empty["data"] == [] and empty["has_more"] is True and empty["first_id"] is None
    for bad in ({"limit": 101}, {"limit": -1}, {"order": "up"}, {"after": "video_nope"}):
        r = client.get("/videos", params=bad)
        assert r.status_code == 400 and _envelope(r)["param"] == next(iter(bad))


def test_delete(client: httpx.Client) -> None:
    vid = client.post("/videos", json={"prompt": "[sim:fail] delete me"}).json()["id"]
    r = client.delete(f"/videos/{vid}")
    assert r.status_code == 200
    assert r.json() == {"id": vid, "object": "video.deleted", "deleted": True}
    assert client.get(f"/videos/{vid}").status_code == 404
    assert client.delete(f"/videos/{vid}").status_code == 404
    assert vid not in [v["id"] for v in client.get("/videos").json()["data"]]


def test_remix_edit_extend(client: httpx.Client, sim: SimulatorServer) -> None:
    src = client.post("/videos", json={"prompt": CLIP, "size": "1280x720"}).json()["id"]
    # only completed videos can be remixed
    early = client.post(f"/videos/{src}/remix", json={"prompt": "too early"})
    assert early.status_code == 400
    wait_for(client, src)
    remix = client.post(f"/videos/{src}/remix", json={"prompt": CLIP + ", at night"}).json()
    assert remix["remixed_from_video_id"] == src and remix["size"] == "1280x720"
    edit = client.post(
        "/videos/edits", json={"prompt": "Make it snow", "video": {"id": src}}
    ).json()
    assert edit["prompt"] == "Make it snow" and edit["seconds"] == "4"
    body, ctype = multipart_fields(
        {"prompt": "Then the sun rises", "seconds": "4", "video[id]": src}
    )
    ext = client.post("/videos/extensions", content=body, headers={"content-type": ctype}).json()
    assert ext["seconds"] == "8", ext
    assert sim.created_count == 4
    for vid in (remix["id"], edit["id"], ext["id"]):
        assert wait_for(client, vid)["status"] == "completed"
    with av.open(io.BytesIO(client.get(f"/videos/{ext['id']}/content").content)) as c:
        assert abs(c.duration / 1_000_000 - 8.0) < 0.1
    r = client.post("/videos/extensions", json={"prompt": "p", "seconds": "4"})
    assert r.status_code == 400 and _envelope(r)["param"] == "video"
    r = client.post("/videos/extensions", json={"prompt": "p", "video": {"id": src}})
    assert r.status_code == 400 and _envelope(r)["param"] == "seconds"
    assert client.post("/videos/video_nope/remix", json={"prompt": "p"}).status_code == 404


def test_json_input_reference_data_url(client: httpx.Client) -> None:
    url = "data:image/png;base64," + base64.b64encode(png_bytes(1280, 720)).decode()
    body = {"prompt": "With an image", "size": "1280x720", "input_reference": {"image_url": url}}
    r = client.post("/videos", json=body)
    assert r.status_code == 200, r.text
    body["size"] = "720x1280"
    r = client.post("/videos", json=body)
    assert r.status_code == 400 and _envelope(r)["param"] == "input_reference"


def test_bad_json_body(client: httpx.Client) -> None:
    r = client.post("/videos", content=b"{nope", headers={"content-type": "application/json"})
    assert r.status_code == 400
    _envelope(r)
    r = client.post(
        "/videos", content=json.dumps([1]), headers={"content-type": "application/json"}
    )
    assert r.status_code == 400


def test_chunked_request_body_and_keepalive(client: httpx.Client) -> None:
    def body() -> Iterator[bytes]:
        yield b'{"prompt": "[sim:fail] chun'
        yield b'ked", "seconds": "8"}'

    r = client.post("/videos", content=body(), headers={"content-type": "application/json"})
    assert r.status_code == 200, r.text
    assert r.json()["prompt"] == "[sim:fail] chunked" and r.json()["seconds"] == "8"
    assert client.get("/videos").status_code == 200  # the connection is still in step


def _raw(sim: SimulatorServer, request: bytes) -> tuple[str, dict[str, object]]:
    with socket.create_connection(("127.0.0.1", sim.port), timeout=10) as sock:
        return _exchange(sock, request)


def _exchange(sock: socket.socket, request: bytes) -> tuple[str, dict[str, object]]:
    sock.sendall(request)
    data = b""
    while True:
        head, sep, rest = data.partition(b"\r\n\r\n")
        if sep:
            length = int(
                next(
                    line.split(b":", 1)[1]
                    for line in head.split(b"\r\n")
                    if line.lower().startswith(b"content-length:")
                )
            )
            if len(rest) >= length:
                return head.split(b"\r\n")[0].decode(), json.loads(rest[:length])
        chunk = sock.recv(65536)
        assert chunk, data
        data += chunk


def test_stop_ends_an_idle_keep_alive_connection_on_every_os(
    make_server: Callable[..., SimulatorServer],
) -> None:
    """The thread serving an idle keep-alive connection waits in recv(). Winsock's shutdown()
    does not wake it (closing the socket does), so on Windows stop() waited for the idle
    timeout (120 s) while the client kept the connection open."""
    sim = make_server()
    with socket.create_connection(("127.0.0.1", sim.port), timeout=30) as sock:
        get = b"GET /v1/videos HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer k\r\n\r\n"
        for _ in range(2):  # kept alive: the server waits for a third request
            line, _ = _exchange(sock, get)
            assert line.startswith("HTTP/1.1 200")
        stopper = threading.Thread(target=sim.stop, name="stopper", daemon=True)
        stopper.start()
        stopper.join(timeout=30)  # a hang, not a slow stop: it takes ~0 s on Linux
        assert not stopper.is_alive(), "stop() waits on the idle connection"
        assert sock.recv(1) == b""  # the server closed its end


@pytest.mark.parametrize(
    ("request_bytes", "status"),
    [
        (b"POST /v1/videos HTTP/1.1\r\nHost: x\r\napi-key: k\r\nContent-Length: abc\r\n\r\n", 400),
        (b"BREW /v1/videos HTTP/1.1\r\nHost: x\r\napi-key: k\r\n\r\n", 501),
        (b"GET /v1/videos HTTP/1.1\r\nHost: x\r\nContent-Length: 999999999999\r\n\r\n", 413),
    ],
)
def test_http_layer_errors_use_the_envelope(
    sim: SimulatorServer, request_bytes: bytes, status: int
) -> None:
    line, body = _raw(sim, request_bytes)
    assert line.startswith(f"HTTP/1.1 {status}")
    error = body["error"]
    assert isinstance(error, dict) and set(error) == {"message", "type", "param", "code"}


def test_a_create_answers_queued_however_slowly_the_server_got_to_it(
    make_server: Callable[..., SimulatorServer],
) -> None:
    """The API answers a create with the job as just made; the simulator's 'queued' window
    is a tenth of the latency (here 0.1 ms), shorter than handing the render to the pool."""
    sim = make_server(latency=0.001)
    with httpx.Client(base_url=sim.url + "/v1", headers={"Authorization": "Bearer k"}) as c:
        for _ in range(3):
            r = c.post("/videos", json={"prompt": CLIP, "size": "1280x720", "seconds": "4"})
            assert r.status_code == 200
            assert (r.json()["status"], r.json()["progress"]) == ("queued", 0)
            assert int(r.headers["openai-poll-after-ms"]) > 0
