"""The providers' official clients (``fal-client``, ``replicate``, ``runwayml``) drive the
simulator's routes as outside clients, as the ``openai`` SDK does for ``/v1``."""

from __future__ import annotations

import asyncio
import io
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import av
import httpx
import pytest

from sora_desktop.simulator.server import SimulatorServer

KEY = "sdk-provider-key"


@pytest.fixture
def sim(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SimulatorServer]:
    renders = tmp_path_factory.getbasetemp() / "sdk-provider-renders"
    with SimulatorServer(latency=0.3, api_key=KEY, storage_dir=renders) as server:
        yield server


def _decodes(data: bytes, size: tuple[int, int]) -> None:
    with av.open(io.BytesIO(data)) as container:
        stream = container.streams.video[0]
        assert (stream.codec_context.width, stream.codec_context.height) == size
        assert sum(1 for _ in container.decode(video=0)) > 0


class _ToSimulator(httpx.BaseTransport):
    """fal's client always submits to https://queue.fal.run: send that to the simulator
    (its status, result and cancel follow the URLs the submit answered, already ours)."""

    def __init__(self, sim: SimulatorServer) -> None:
        self.sim = sim
        self.inner = httpx.HTTPTransport()

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if request.url.host == "queue.fal.run":
            target = httpx.URL(self.sim.url + "/fal" + request.url.raw_path.decode())
            request.url = target
            request.headers["host"] = target.netloc.decode()
        return self.inner.handle_request(request)

    def close(self) -> None:
        self.inner.close()


@contextmanager
def _fal_client(sim: SimulatorServer) -> Iterator[Any]:
    """fal's own ``SyncClient`` with the key, its HTTP going to the simulator's /fal routes."""
    import fal_client

    client = fal_client.SyncClient(key=KEY)
    http = httpx.Client(
        transport=_ToSimulator(sim),
        headers={"Authorization": f"Key {KEY}"},
        timeout=30,
        follow_redirects=True,
    )
    client.__dict__["_client"] = http
    try:
        yield client
    finally:
        http.close()


def test_fal_client_submits_polls_and_fetches_the_result(sim: SimulatorServer) -> None:
    import fal_client

    with _fal_client(sim) as client:
        handle = client.submit(
            "fal-ai/wan/v2.7/text-to-video",
            {
                "prompt": "a heron in reeds",
                "duration": 2,
                "aspect_ratio": "16:9",
                "resolution": "720p",
            },
        )
        result = handle.get(interval=0.05)
        url = result["video"]["url"]
        assert url.startswith(sim.results_url)
        _decodes(httpx.get(url).content, (1280, 720))
        assert isinstance(handle.status(), fal_client.Completed)
        with pytest.raises(fal_client.FalClientHTTPError) as info:
            client.submit("fal-ai/veo3.1", {"prompt": "x", "duration": "5s"})
        assert info.value.status_code == 422
    assert sim.created_count == 1


def test_replicate_client_creates_waits_and_reads_the_schema(sim: SimulatorServer) -> None:
    import replicate

    client = replicate.Client(api_token=KEY, base_url=sim.url + "/replicate")
    try:
        _replicate_round(client, sim)
    finally:
        client._client.close()
    assert sim.created_count == 1


def _replicate_round(client: object, sim: SimulatorServer) -> None:
    import replicate

    assert isinstance(client, replicate.Client)
    prediction = client.predictions.create(
        model="google/veo-3.1", input={"prompt": "a snail on a leaf", "duration": 4}
    )
    assert prediction.status == "starting"
    prediction.wait()
    assert prediction.status == "succeeded"
    assert isinstance(prediction.output, str) and prediction.output.startswith(sim.results_url)
    _decodes(httpx.get(prediction.output).content, (1280, 720))
    model = client.models.get("google/veo-3.1")
    schema = model.latest_version.openapi_schema  # type: ignore[union-attr]
    assert "duration" in schema["components"]["schemas"]["Input"]["properties"]
    listed = [p.id for p in client.predictions.list().results]
    assert prediction.id in listed
    with pytest.raises(replicate.exceptions.ReplicateError) as info:
        client.predictions.create(model="google/veo-3.1", input={"prompt": "x", "duration": 5})
    assert info.value.status == 422


def test_runway_client_creates_polls_deletes(sim: SimulatorServer, tmp_path: Path) -> None:
    import runwayml

    client = runwayml.RunwayML(api_key=KEY, base_url=sim.url + "/runway", max_retries=0)
    try:
        task = client.text_to_video.create(
            model="gen4.5", prompt_text="a comet over the sea", ratio="1280:720", duration=2
        )
        for _ in range(400):
            got = client.tasks.retrieve(task.id)
            if got.status in ("SUCCEEDED", "FAILED"):
                break
            import time

            time.sleep(0.05)
        assert got.status == "SUCCEEDED"
        url = got.output[0]  # type: ignore[union-attr]
        assert url.startswith(sim.results_url)
        _decodes(httpx.get(url).content, (1280, 720))
        client.tasks.delete(task.id)
        with pytest.raises(runwayml.NotFoundError):
            client.tasks.retrieve(task.id)
        with pytest.raises(runwayml.BadRequestError):
            client.text_to_video.create(
                model="gen4.5", prompt_text="x", ratio="1280:720", duration=30
            )
    finally:
        client.close()
    assert sim.created_count == 1


def test_fal_client_extends_a_video_through_the_extend_endpoint(
    sim: SimulatorServer, tmp_path: Path
) -> None:
    """fal's own client sends a clip to ``fal-ai/veo3.1/extend-video`` as a data URI (its
    ``encode_file``) and gets the whole longer clip back."""
    import fal_client

    from tests.core.media_clips import marker_clip

    source = marker_clip(tmp_path / "source.mp4", seconds=2.0, marks=(1.0,), width=320, height=180)
    with _fal_client(sim) as client:
        handle = client.submit(
            "fal-ai/veo3.1/extend-video",
            {
                "prompt": "the marker keeps moving",
                "video_url": fal_client.encode_file(source),
                "duration": "7s",
            },
        )
        result = handle.get(interval=0.05)
        data = httpx.get(result["video"]["url"]).content
    _decodes(data, (320, 180))
    with av.open(io.BytesIO(data)) as container:
        assert container.duration is not None
        assert container.duration / 1_000_000 == pytest.approx(2 + 7, abs=0.5)
    assert sim.created_count == 1


def test_fal_client_uploads_a_file_and_a_create_names_it(
    sim: SimulatorServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``fal_client.upload_file`` against the simulator's storage routes. fal-client has no
    setting for its storage hosts: ``REST_URL`` and ``CDN_URL`` are module constants (the
    queue host alone reads ``FAL_QUEUE_RUN_HOST``), so the test points those two at the
    simulator, where the dialect's own derivation puts them for a base URL other than fal's."""
    import fal_client
    import fal_client.client as fal_module
    from PIL import Image

    monkeypatch.setattr(fal_module, "REST_URL", sim.url + "/fal")
    monkeypatch.setattr(fal_module, "CDN_URL", sim.url + "/fal/cdn")
    image = tmp_path / "start.png"
    Image.new("RGB", (1280, 720), (200, 40, 40)).save(image)
    # the async client: the sync one leaves its CDN connection open (fal-client 1.0.3)
    url = asyncio.run(fal_client.AsyncClient(key=KEY).upload_file(image))
    with _fal_client(sim) as client:
        assert url.startswith(sim.url + "/fal/cdn/files/")
        assert httpx.get(url).content == image.read_bytes()
        handle = client.submit(
            "fal-ai/veo3.1/image-to-video",
            {"prompt": "a red field", "image_url": url, "duration": "4s", "aspect_ratio": "16:9"},
        )
        result = handle.get(interval=0.05)
    _decodes(httpx.get(result["video"]["url"]).content, (1280, 720))
    (job,) = sim._table.all()
    assert job.spec.reference == image.read_bytes()  # the create read the uploaded image
    with pytest.raises(httpx.HTTPStatusError) as refused:  # its token request raises
        wrong = fal_client.AsyncClient(key="not-the-key")
        asyncio.run(wrong.upload_file(image, fallback_repository=[]))
    assert refused.value.response.status_code == 401
