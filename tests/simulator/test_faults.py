"""The prompt directives over HTTP: the faults other parts' tests rely on."""

from __future__ import annotations

import io
import socket
import time
from collections.abc import Callable

import av
import httpx
import pytest

from sora_desktop.simulator.server import SimulatorServer
from tests.simulator.conftest import CLIP, wait_for


def _create(client: httpx.Client, prompt: str) -> str:
    r = client.post("/videos", json={"prompt": prompt, "size": "1280x720"})
    assert r.status_code == 200, r.text
    return str(r.json()["id"])


@pytest.mark.parametrize(
    ("directive", "code"),
    [("[sim:moderation]", "moderation_blocked"), ("[sim:fail]", "internal_error")],
)
def test_failed_jobs(client: httpx.Client, directive: str, code: str) -> None:
    vid = _create(client, f"A castle {directive}")
    v = wait_for(client, vid)
    assert v["status"] == "failed"
    assert v["error"]["code"] == code and v["error"]["message"]
    assert v["prompt"] == f"A castle {directive}"  # the prompt is kept as sent
    assert client.get(f"/videos/{vid}/content").status_code == 404


def test_create_500(client: httpx.Client, sim: SimulatorServer) -> None:
    r = client.post("/videos", json={"prompt": "boom [sim:5xx]"})
    assert r.status_code == 500
    assert r.json()["error"]["type"] == "server_error"
    assert sim.created_count == 0


def test_polls_503_then_normal(client: httpx.Client) -> None:
    vid = _create(client, f"{CLIP} [sim:5xx=2]")
    assert client.get(f"/videos/{vid}").status_code == 503
    assert client.get(f"/videos/{vid}").status_code == 503
    assert client.get(f"/videos/{vid}").status_code == 200


def test_polls_429_with_retry_after(client: httpx.Client) -> None:
    vid = _create(client, f"{CLIP} [sim:429=2]")
    for _ in range(2):
        r = client.get(f"/videos/{vid}")
        assert r.status_code == 429
        assert r.headers["retry-after"] == "1" and r.headers["retry-after-ms"] == "1000"
    assert client.get(f"/videos/{vid}").status_code == 200


def test_drop_registers_the_job_but_sends_nothing(
    client: httpx.Client, sim: SimulatorServer
) -> None:
    with pytest.raises(httpx.RemoteProtocolError):
        client.post("/videos", json={"prompt": "lost reply [sim:drop]"})
    assert sim.created_count == 1
    listed = client.get("/videos").json()["data"]
    assert [v["prompt"] for v in listed] == ["lost reply [sim:drop]"]


def test_drop_download_then_resume_with_range(client: httpx.Client) -> None:
    vid = _create(client, f"{CLIP} [sim:drop-download]")
    wait_for(client, vid)
    got = b""
    with (
        pytest.raises(httpx.RemoteProtocolError),
        client.stream("GET", f"/videos/{vid}/content") as r,
    ):
        total = int(r.headers["content-length"])
        for chunk in r.iter_bytes():
            got += chunk
    assert 0 < len(got) < total
    r = client.get(f"/videos/{vid}/content", headers={"Range": f"bytes={len(got)}-"})
    assert r.status_code == 206
    whole = got + r.content
    assert len(whole) == total
    assert whole == client.get(f"/videos/{vid}/content").content


def test_truncate_sends_fewer_bytes_than_promised(client: httpx.Client) -> None:
    vid = _create(client, f"{CLIP} [sim:truncate]")
    wait_for(client, vid)
    got = b""
    with (
        pytest.raises(httpx.RemoteProtocolError),
        client.stream("GET", f"/videos/{vid}/content") as r,
    ):
        total = int(r.headers["content-length"])
        for chunk in r.iter_bytes():
            got += chunk
    assert total // 2 < len(got) < total
    assert len(client.get(f"/videos/{vid}/content").content) == total  # only the first


def test_notmp4_first_download(client: httpx.Client) -> None:
    vid = _create(client, f"{CLIP} [sim:notmp4]")
    wait_for(client, vid)
    first = client.get(f"/videos/{vid}/content")
    assert first.status_code == 200 and first.content[4:8] != b"ftyp"
    assert client.get(f"/videos/{vid}/content").content[4:8] == b"ftyp"


def test_expired_directive(client: httpx.Client) -> None:
    vid = _create(client, f"{CLIP} [sim:expired]")
    v = wait_for(client, vid)
    assert v["status"] == "completed" and v["expires_at"] == v["completed_at"]
    r = client.get(f"/videos/{vid}/content")
    assert r.status_code == 404 and r.json()["error"]["code"] == "video_expired"


def test_slow_overrides_latency(client: httpx.Client) -> None:
    vid = _create(client, f"{CLIP} [sim:slow=30]")
    r = client.get(f"/videos/{vid}")
    assert r.json()["status"] in ("queued", "in_progress")
    assert int(r.headers["openai-poll-after-ms"]) == 2000  # hint follows the job's latency
    fast = _create(client, CLIP)
    assert wait_for(client, fast)["status"] == "completed"
    assert client.get(f"/videos/{vid}").json()["status"] in ("queued", "in_progress")


def test_pad_makes_a_large_valid_mp4(client: httpx.Client) -> None:
    vid = _create(client, f"{CLIP} [sim:pad=5]")
    wait_for(client, vid)
    plain = _create(client, CLIP)
    wait_for(client, plain)
    small = client.get(f"/videos/{plain}/content").content
    with client.stream("GET", f"/videos/{vid}/content") as r:
        total = int(r.headers["content-length"])
        body = r.read()
    assert total == len(body) == len(small) + 8 + 5 * 1024 * 1024
    assert body[: len(small)] == small
    assert body[len(small) + 4 : len(small) + 8] == b"free"
    with av.open(io.BytesIO(body)) as c:  # still a valid MP4
        assert sum(1 for _ in c.decode(video=0)) > 0


def test_directives_are_not_drawn(make_server: Callable[..., SimulatorServer]) -> None:
    sim = make_server()
    with httpx.Client(base_url=sim.url + "/v1", headers={"api-key": "k"}) as c:
        a = _create(c, f"{CLIP} [sim:notmp4]")
        b = _create(c, CLIP)
        wait_for(c, a)
        wait_for(c, b)
        ta = c.get(f"/videos/{a}/content", params={"variant": "thumbnail"}).content
        tb = c.get(f"/videos/{b}/content", params={"variant": "thumbnail"}).content
        assert ta == tb


def test_stop_closes_idle_keepalive_connections(
    make_server: Callable[..., SimulatorServer],
) -> None:
    sim = make_server()
    sock = socket.create_connection(("127.0.0.1", sim.port))
    try:
        sock.sendall(b"GET /v1/videos HTTP/1.1\r\nHost: x\r\napi-key: k\r\n\r\n")
        deadline = time.monotonic() + 5
        data = b""
        while b"\r\n\r\n" not in data and time.monotonic() < deadline:
            data += sock.recv(4096)
        assert data.startswith(b"HTTP/1.1 200")
        started = time.monotonic()
        sim.stop()  # must not wait for the idle connection's timeout
        assert time.monotonic() - started < 5
    finally:
        sock.close()


def test_stop_cancels_renders_in_flight(make_server: Callable[..., SimulatorServer]) -> None:
    sim = make_server(latency=30)
    with httpx.Client(base_url=sim.url + "/v1", headers={"api-key": "k"}) as c:
        body = {"prompt": "A long 1080p render", "model": "sora-2-pro", "size": "1920x1080"}
        for seconds in ("20", "16"):
            assert c.post("/videos", json={**body, "seconds": seconds}).status_code == 200
    started = time.monotonic()
    sim.stop()  # each of these renders alone takes several seconds on this machine
    assert time.monotonic() - started < 3
