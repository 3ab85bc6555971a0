"""A failed upload is not a lost create: Replicate's ``POST /v1/files`` and Runway's
``/v1/uploads`` (and the file sent to its upload URL) happen before the paid create, so when
they fail (a 5xx, a dropped connection) the job ends there as a plain failure that says
nothing was charged (``upload_failed``), the way fal's storage upload fails
(``test_dialects_fal_upload.py``): no "did my create arrive?" search, no "outcome unknown",
no create. Over loopback against the simulator, the faults made by the fault proxy."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pytest

from sora_desktop.core.dialects import base
from sora_desktop.core.errors import ErrorKind
from sora_desktop.core.models import ConnectionKind, Job, JobStatus
from sora_desktop.core.service import GenerationService, error_for_job
from sora_desktop.simulator.server import SimulatorServer
from tests.provider_support import (
    assert_ready,
    connection,
    generate,
    padded_image,
    request,
    run_service,
    sim_uploads,
)
from tests.reliability.faultserver import Action, Drop, FaultServer, Hang, Mutate, Respond

FIELD = "style_image"
MODEL = {ConnectionKind.REPLICATE: "sim/any-video", ConnectionKind.RUNWAY: "gen4.5"}
UPLOAD = {
    ConnectionKind.REPLICATE: r"^/replicate/v1/files$",
    ConnectionKind.RUNWAY: r"^/runway/v1/uploads$",
}
CREATE = {
    ConnectionKind.REPLICATE: r"^/replicate/v1/(models/.+/)?predictions$",
    ConnectionKind.RUNWAY: r"^/runway/v1/(text|image)_to_video$",
}
#: Replicate's "did my create arrive?" search
LIST = r"^/replicate/v1/predictions$"
FAULTS: dict[str, Action] = {
    "500": Respond(500, b'{"detail": "uploads are down", "error": "uploads are down"}'),
    "dropped": Drop(forward_first=False),
}
KINDS = (ConnectionKind.REPLICATE, ConnectionKind.RUNWAY)
#: an upload that keeps failing is sent this often: once, then after each retry wait
TRIES = 1 + len(base.UPLOAD_RETRY_WAITS_S)


@pytest.fixture(autouse=True)
def _upload_retries_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """A failed upload is tried again (UPLOAD_RETRY_WAITS_S) without the waits here."""
    monkeypatch.setattr(base, "UPLOAD_RETRY_WAITS_S", (0.0, 0.0))


def _assert_failed_before_the_create(job: Any, sim: SimulatorServer) -> None:
    assert job.status is JobStatus.FAILED, (job.status, job.error_code, job.error_message)
    assert job.error_code == "upload_failed"
    err = error_for_job(job)
    assert err is not None and err.kind is ErrorKind.REMOTE_FAILED  # not "outcome unknown"
    assert "nothing was charged" in (job.error_message or "")
    assert "Try again in a few minutes" in (job.error_message or "")
    assert sim.created_count == 0 and not sim_uploads(sim)


@pytest.mark.parametrize("fault", list(FAULTS))
@pytest.mark.parametrize("kind", KINDS, ids=lambda k: k.value)
def test_a_failed_upload_fails_the_job_before_the_paid_create(
    kind: ConnectionKind, fault: str, provider_sim: SimulatorServer, tmp_path: Path
) -> None:
    image = padded_image(tmp_path / "style.png", 6 << 20)
    req = request(kind, model=MODEL[kind], image_params=((FIELD, image),))
    with FaultServer(provider_sim.url) as proxy:
        proxy.add("POST", UPLOAD[kind], FAULTS[fault], times=None)
        job = generate(
            tmp_path / "d", req, connection(provider_sim, kind, proxy.url), give_up_after=3.0
        )
        assert proxy.count("POST", UPLOAD[kind]) == TRIES  # free, so tried again; never a create
        assert proxy.count("POST", CREATE[kind]) == 0
        assert proxy.count("GET", LIST) == 0  # nothing to look for: no create was sent
    _assert_failed_before_the_create(job, provider_sim)
    assert provider_sim.result_requests == []  # Runway: nothing went to the upload URL


@pytest.mark.parametrize("fault", list(FAULTS))
def test_runways_upload_url_failing_fails_the_job_before_the_paid_create(
    fault: str, provider_sim: SimulatorServer, tmp_path: Path
) -> None:
    """The second leg of Runway's upload: the file to the upload URL (another host, here the
    simulator's results origin behind a second proxy) answers 500 or drops the connection."""
    assert provider_sim._httpd is not None
    image = padded_image(tmp_path / "start.png", 6 << 20)
    req = request(ConnectionKind.RUNWAY, model=MODEL[ConnectionKind.RUNWAY], reference_image=image)
    with (
        FaultServer(provider_sim._httpd.api.results_url) as files,
        FaultServer(provider_sim.url) as proxy,
    ):
        results_url = provider_sim._httpd.api.results_url.rstrip("/")

        def via_files(answer: Any) -> Any:
            answer["uploadUrl"] = answer["uploadUrl"].replace(results_url, files.url)
            return answer

        proxy.add("POST", UPLOAD[ConnectionKind.RUNWAY], Mutate(via_files), times=None)
        files.add("POST", r"^/uploads/", FAULTS[fault], times=None)
        conn = connection(provider_sim, ConnectionKind.RUNWAY, proxy.url)
        job = generate(tmp_path / "d", req, conn, give_up_after=3.0)
        assert files.count("POST", r"^/uploads/") == TRIES
        assert proxy.count("POST", CREATE[ConnectionKind.RUNWAY]) == 0
    _assert_failed_before_the_create(job, provider_sim)


@pytest.mark.parametrize("kind", KINDS, ids=lambda k: k.value)
def test_a_job_stopped_between_its_upload_and_its_create_sends_nothing_paid_twice(
    kind: ConnectionKind, provider_sim: SimulatorServer, tmp_path: Path
) -> None:
    """The app stops (the job ``interrupted``) after the upload, with the create held by the
    proxy (never reaching the provider). Resumed: Runway can't say whether a create arrived,
    so the job ends "outcome unknown" with neither the upload nor the create sent again;
    Replicate's list proves the create never arrived, so it is sent once more (the image
    uploaded again: uploads are free) and exactly one prediction is made."""
    image = padded_image(tmp_path / "style.png", 6 << 20)
    req = request(kind, model=MODEL[kind], image_params=((FIELD, image),))
    data_dir = tmp_path / "d"
    with FaultServer(provider_sim.url) as proxy:
        conn = connection(provider_sim, kind, proxy.url)
        proxy.add("POST", CREATE[kind], Hang())

        async def stopped(service: GenerationService) -> str:
            job = await service.submit(req, conn)
            for _ in range(1500):  # up to 30 s for the upload, then the held create
                if proxy.count("POST", CREATE[kind]) == 1:
                    break
                await asyncio.sleep(0.02)
            else:
                raise AssertionError("the create never went out")
            return job.id  # run_service shuts the service down: the job is interrupted

        job_id = run_service(data_dir, stopped)
        assert proxy.count("POST", UPLOAD[kind]) == 1

        async def resumed(service: GenerationService) -> Job:
            assert await service.resume(job_id)
            return await service.wait(job_id)

        job = run_service(data_dir, resumed)
        sent = (proxy.count("POST", UPLOAD[kind]), proxy.count("POST", CREATE[kind]))
    if kind is ConnectionKind.RUNWAY:
        assert job.status is JobStatus.FAILED and job.error_code == "outcome_unknown"
        assert sent == (1, 1)
        assert provider_sim.created_count == 0
    else:
        assert_ready(job)
        assert sent == (2, 2)
        assert provider_sim.created_count == 1


@pytest.mark.parametrize("fault", list(FAULTS))
@pytest.mark.parametrize("kind", KINDS, ids=lambda k: k.value)
def test_an_upload_that_fails_once_is_sent_again_and_the_video_made_once(
    kind: ConnectionKind, fault: str, provider_sim: SimulatorServer, tmp_path: Path
) -> None:
    """An upload is free: a passing 5xx or dropped connection costs the creator nothing but
    a moment, never the job."""
    image = padded_image(tmp_path / "style.png", 6 << 20)
    req = request(kind, model=MODEL[kind], image_params=((FIELD, image),))
    with FaultServer(provider_sim.url) as proxy:
        proxy.add("POST", UPLOAD[kind], FAULTS[fault], times=1)
        job = generate(tmp_path / "d", req, connection(provider_sim, kind, proxy.url))
        assert proxy.count("POST", UPLOAD[kind]) == 2
        assert proxy.count("POST", CREATE[kind]) == 1
    assert_ready(job)
    assert provider_sim.created_count == 1 and len(sim_uploads(provider_sim)) == 1
