"""fal's storage upload (``core/dialects/fal_storage.py``): an image too large to go inline
is uploaded the way ``fal_client.upload()`` does it (a storage token from fal's REST host
with the key, then the bytes to its CDN with that token only) and the create names the
returned URL. Over loopback against the simulator (through the fault proxy, which sees
every request), and against fal's real host names with a mock transport."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import httpx
import pytest

from sora_desktop.core.dialects import base
from sora_desktop.core.dialects.fal import FalDialect
from sora_desktop.core.dialects.fal_storage import storage_hosts
from sora_desktop.core.errors import ErrorKind
from sora_desktop.core.models import Connection, ConnectionKind, JobStatus
from sora_desktop.core.service import error_for_job
from sora_desktop.simulator.server import SimulatorServer
from tests.provider_support import (
    KEY,
    assert_no_key_on_results,
    assert_ready,
    connection,
    generate,
    padded_image,
    request,
    sim_uploads,
)
from tests.reliability.faultserver import FaultServer, Respond

KIND = ConnectionKind.FAL
MODEL = "fal-ai/veo3.1"
TOKEN = r"^/fal/storage/auth/token$"
UPLOAD = r"^/fal/cdn/files/upload$"
INITIATE = r"^/fal/storage/upload/initiate$"
CREATE = r"^/fal/fal-ai/veo3\.1"


@pytest.fixture(autouse=True)
def _upload_retries_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """A failed upload is tried again (UPLOAD_RETRY_WAITS_S) without the waits here."""
    monkeypatch.setattr(base, "UPLOAD_RETRY_WAITS_S", (0.0, 0.0))


def _sent(sim: SimulatorServer, remote_id: str) -> dict[str, object]:
    job_id = remote_id.rsplit("/", 1)[-1]
    for job in sim._table.all():
        if job.id == job_id:
            return dict(job.extra["input"])
    raise AssertionError(f"the simulator has no job {remote_id}")


@pytest.mark.parametrize("where", ["start image", "image field"])
def test_a_6_mb_image_is_uploaded_once_and_the_create_names_it_unshrunk(
    where: str, provider_sim: SimulatorServer, tmp_path: Path
) -> None:
    image = padded_image(tmp_path / "big.png", 6 << 20)
    if where == "start image":
        req, field = request(KIND, model=MODEL, seconds=4, reference_image=image), "image_url"
    else:
        req = request(KIND, model=MODEL, seconds=4, image_params=(("style_image", image),))
        field = "style_image"
    with FaultServer(provider_sim.url) as proxy:
        job = generate(tmp_path / "d", req, connection(provider_sim, KIND, proxy.url))
        (token_req,) = proxy.requests("POST", TOKEN)
        (upload_req,) = proxy.requests("POST", UPLOAD)
        assert proxy.count("POST", CREATE) == 1
    assert_ready(job, 4)
    assert token_req.query == "storage_type=fal-cdn-v3"
    assert token_req.headers["authorization"] == f"Key {KEY}"
    # the bytes go with the storage token only, never the key
    assert upload_req.headers["authorization"].startswith("Bearer ")
    assert KEY not in repr(upload_req.headers)
    assert upload_req.headers["x-fal-file-name"] == "big.png"
    value = str(_sent(provider_sim, job.remote_id or "")[field])
    assert value.startswith(f"{provider_sim.url}/fal/cdn/files/")  # served back on loopback
    uploads = sim_uploads(provider_sim)
    assert list(uploads) == [value.rsplit("/", 1)[-1]]
    assert uploads[value.rsplit("/", 1)[-1]] == image.read_bytes()  # the very file: not shrunk
    assert httpx.get(value).content == image.read_bytes()
    assert provider_sim.created_count == 1
    assert_no_key_on_results(provider_sim)


def test_when_the_cdn_upload_fails_fals_storage_upload_takes_the_image(
    provider_sim: SimulatorServer, tmp_path: Path
) -> None:
    """fal-client's fallback: an upload URL from the REST host (with the key), the bytes PUT
    there (another host: without the key), and the create names the file URL."""
    image = padded_image(tmp_path / "big.png", 6 << 20)
    req = request(KIND, model=MODEL, seconds=4, reference_image=image)
    with FaultServer(provider_sim.url) as proxy:
        proxy.add("POST", UPLOAD, Respond(500, b'{"detail": "cdn is down"}'))
        job = generate(tmp_path / "d", req, connection(provider_sim, KIND, proxy.url))
        (initiate,) = proxy.requests("POST", INITIATE)
        assert proxy.count("POST", CREATE) == 1
    assert_ready(job, 4)
    assert initiate.headers["authorization"] == f"Key {KEY}"
    (put,) = [r for r in provider_sim.result_requests if r.method == "PUT"]
    assert put.path.startswith("/uploads/")
    value = str(_sent(provider_sim, job.remote_id or "")["image_url"])
    assert value == f"{provider_sim.url}/fal/cdn/files/{put.path.rsplit('/', 1)[-1]}"
    assert sim_uploads(provider_sim) == {put.path.rsplit("/", 1)[-1]: image.read_bytes()}
    assert_no_key_on_results(provider_sim)  # the PUT went there without the key


@pytest.mark.parametrize(
    "down", [(r"^/fal/storage/",), (UPLOAD, INITIATE)], ids=["rest host", "cdn and fallback"]
)
def test_a_failed_upload_fails_the_job_before_the_paid_create(
    down: tuple[str, ...], provider_sim: SimulatorServer, tmp_path: Path
) -> None:
    image = padded_image(tmp_path / "big.png", 6 << 20)
    req = request(KIND, model=MODEL, seconds=4, reference_image=image)
    with FaultServer(provider_sim.url) as proxy:
        for path in down:
            proxy.add("POST", path, Respond(500, b'{"detail": "storage is down"}'), times=None)
        job = generate(tmp_path / "d", req, connection(provider_sim, KIND, proxy.url))
        # the fallback was tried, and the whole upload again after each retry wait
        assert proxy.count("POST", INITIATE) == 1 + len(base.UPLOAD_RETRY_WAITS_S)
        assert proxy.count("POST", CREATE) == 0
    assert job.status is JobStatus.FAILED
    assert job.error_code == "upload_failed"
    err = error_for_job(job)
    assert err is not None and err.kind is ErrorKind.REMOTE_FAILED
    assert "nothing was charged" in (job.error_message or "")
    assert "Try again in a few minutes" in (job.error_message or "")
    assert provider_sim.created_count == 0 and not sim_uploads(provider_sim)


def test_a_refused_key_is_said_as_such_and_nothing_else_is_tried(
    provider_sim: SimulatorServer, tmp_path: Path
) -> None:
    image = padded_image(tmp_path / "big.png", 6 << 20)
    req = request(KIND, model=MODEL, seconds=4, reference_image=image)
    with FaultServer(provider_sim.url) as proxy:
        job = generate(
            tmp_path / "d", req, connection(provider_sim, KIND, proxy.url), key="not-the-key"
        )
        assert proxy.count("POST", TOKEN) == 1
        assert proxy.count("POST", INITIATE) == 0 and proxy.count("POST", CREATE) == 0
    assert job.status is JobStatus.FAILED
    err = error_for_job(job)
    assert err is not None and err.kind is ErrorKind.AUTHENTICATION


def test_storage_hosts_follow_the_base_url() -> None:
    real = storage_hosts("https://queue.fal.run")
    assert (real.rest, real.cdn, real.separate) == (
        "https://rest.fal.ai",
        "https://v3.fal.media",
        True,
    )
    proxy = storage_hosts("https://fal-proxy.example.com/api/fal/")
    assert (proxy.rest, proxy.cdn, proxy.separate) == (
        "https://fal-proxy.example.com/api/fal",
        "https://fal-proxy.example.com/api/fal/cdn",
        False,
    )


class _FalHosts:
    """fal's three hosts, answered in memory; every request is kept."""

    def __init__(
        self, *, redirect_token: bool = False, cdn_down: bool = False, put_status: int = 200
    ) -> None:
        self.seen: list[httpx.Request] = []
        self.put_status = put_status
        self.redirect_token = redirect_token
        self.cdn_down = cdn_down

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.seen.append(request)
        host, path = request.url.host, request.url.path
        if host == "rest.fal.ai" and self.redirect_token:
            return httpx.Response(307, headers={"Location": "https://elsewhere.example/t"})
        if host == "rest.fal.ai" and path == "/storage/auth/token":
            return httpx.Response(
                200,
                json={
                    "token": "cdn-token-1",
                    "token_type": "Bearer",
                    "base_url": "https://v3.fal.media",
                    "expires_at": "2999-01-01T00:00:00Z",
                },
            )
        if host == "elsewhere.example":
            return httpx.Response(500, json={"detail": "no"})
        if host == "rest.fal.ai" and path == "/storage/upload/initiate":
            return httpx.Response(
                200,
                json={
                    "upload_url": "https://storage.googleapis.com/fal/up?sig=1",
                    "file_url": "https://v3.fal.media/files/gcs/a.png",
                },
            )
        if host == "storage.googleapis.com" and request.method == "PUT":
            return httpx.Response(self.put_status)
        if self.cdn_down and host == "v3.fal.media":
            return httpx.Response(503, json={"detail": "down"})
        if host == "v3.fal.media" and path == "/files/upload":
            n = sum(1 for r in self.seen if r.url.host == "v3.fal.media")
            return httpx.Response(200, json={"access_url": f"https://v3.fal.media/files/x/{n}"})
        return httpx.Response(404, json={"detail": "not found"})


def _upload_twice(hosts: _FalHosts) -> list[str]:
    conn = Connection(kind=KIND, base_url="https://queue.fal.run")

    async def body() -> list[str]:
        dialect = FalDialect(conn, "real-key", transport=httpx.MockTransport(hosts))
        try:
            return [await dialect.upload("a.png", b"\x89PNG...", "image/png") for _ in range(2)]
        finally:
            await dialect.aclose()

    return asyncio.run(body())


def test_on_fals_own_host_the_key_goes_to_its_rest_host_and_only_the_token_to_its_cdn() -> None:
    hosts = _FalHosts()
    assert _upload_twice(hosts) == [
        "https://v3.fal.media/files/x/1",
        "https://v3.fal.media/files/x/2",
    ]
    token_reqs = [r for r in hosts.seen if r.url.host == "rest.fal.ai"]
    cdn_reqs = [r for r in hosts.seen if r.url.host == "v3.fal.media"]
    assert len(token_reqs) == 1  # kept until it expires
    assert (
        str(token_reqs[0].url) == "https://rest.fal.ai/storage/auth/token?storage_type=fal-cdn-v3"
    )
    assert token_reqs[0].headers["authorization"] == "Key real-key"
    assert json.loads(token_reqs[0].content) == {}
    assert [r.headers["authorization"] for r in cdn_reqs] == ["Bearer cdn-token-1"] * 2
    assert all(r.content == b"\x89PNG..." for r in cdn_reqs)
    assert all(r.headers["content-type"] == "image/png" for r in cdn_reqs)
    assert all("real-key" not in repr(r.headers) for r in cdn_reqs)


def test_a_redirect_off_fals_rest_host_never_carries_the_key() -> None:
    hosts = _FalHosts(redirect_token=True)
    with pytest.raises(Exception) as failed:
        _upload_twice(hosts)
    assert getattr(failed.value, "code", None) == "upload_failed"
    elsewhere = [r for r in hosts.seen if r.url.host == "elsewhere.example"]
    # the token request, then the fallback's initiate; the whole upload tried again
    assert len(elsewhere) == 2 * (1 + len(base.UPLOAD_RETRY_WAITS_S))
    assert all("authorization" not in r.headers for r in elsewhere)
    assert not [r for r in hosts.seen if r.url.host == "v3.fal.media"]


def test_on_fals_own_hosts_the_fallback_puts_the_bytes_without_the_key() -> None:
    hosts = _FalHosts(cdn_down=True)
    assert _upload_twice(hosts) == ["https://v3.fal.media/files/gcs/a.png"] * 2
    initiates = [r for r in hosts.seen if r.url.path == "/storage/upload/initiate"]
    assert [str(r.url.params) for r in initiates] == ["storage_type=gcs"] * 2
    assert all(r.headers["authorization"] == "Key real-key" for r in initiates)
    assert json.loads(initiates[0].content) == {"file_name": "a.png", "content_type": "image/png"}
    puts = [r for r in hosts.seen if r.url.host == "storage.googleapis.com"]
    assert len(puts) == 2 and all(r.content == b"\x89PNG..." for r in puts)
    assert all("authorization" not in r.headers for r in puts)


def test_a_signed_upload_url_that_refuses_the_file_is_an_upload_failure_not_a_bad_key() -> None:
    with pytest.raises(Exception) as failed:
        _upload_twice(_FalHosts(cdn_down=True, put_status=403))
    assert getattr(failed.value, "code", None) == "upload_failed"
    assert "HTTP 403" in str(failed.value)
