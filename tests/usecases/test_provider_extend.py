"""A model's own extend endpoint (fal's ``fal-ai/veo3.1/extend-video``), through
``usecases.extend`` against the simulator's /fal routes: one create that names the endpoint
and carries the source clip, the whole longer clip as a new library item linked to its
source; a clip over the dialect's limit refused with nothing sent; a lost create reply ends
"outcome unknown" (fal can't say whether it arrived)."""

from __future__ import annotations

import base64
from pathlib import Path

import pytest

from sora_desktop.core.dialects.fal import FalDialect
from sora_desktop.core.errors import InvalidRequestError
from sora_desktop.core.extend import ExtendRoute
from sora_desktop.core.job_sources import SourceKind, source_ids
from sora_desktop.core.models import ConnectionKind, Job, JobStatus
from sora_desktop.core.paths import AppPaths
from sora_desktop.core.service import GenerationService
from sora_desktop.core.store import JobStore
from sora_desktop.simulator.server import SimulatorServer
from sora_desktop.usecases.extend import extend, extend_plan
from tests.fail_on_unexpected import ExpectLog
from tests.provider_support import KEY, connection, decoded_seconds, request, run_service

pytestmark = pytest.mark.slow

VEO = "fal-ai/veo3.1"


def _source(
    provider_sim: SimulatorServer, data_dir: Path, prompt: str = "a lantern on a pier"
) -> Job:
    conn = connection(provider_sim, ConnectionKind.FAL)

    async def body(service: GenerationService) -> Job:
        return await service.generate(
            request(ConnectionKind.FAL, prompt, model=VEO, seconds=4), conn
        )

    job = run_service(data_dir, body)
    assert job.status is JobStatus.READY, job.error_message
    return job


def _extend(data_dir: Path, job_id: str, prompt: str, seconds: int | None = None) -> Job:
    paths = AppPaths.default(data_dir)

    async def body(service: GenerationService) -> Job:
        store = JobStore(paths.db_path)
        try:
            outcome = await extend(service, store, paths, job_id, prompt, seconds)
        finally:
            store.close()
        assert outcome.route is ExtendRoute.PROVIDER and outcome.film is None
        return outcome.job

    return run_service(data_dir, body)


def test_the_extend_endpoint_makes_the_whole_longer_clip_linked_to_its_source(
    provider_sim: SimulatorServer, data_dir: Path
) -> None:
    source = _source(provider_sim, data_dir)
    plan = extend_plan(source)
    assert plan.route is ExtendRoute.PROVIDER
    assert plan.capabilities is not None and plan.capabilities.seconds == (7,)
    assert plan.capabilities.price_per_second("1280x720") == pytest.approx(0.4)

    job = _extend(data_dir, source.id, "the lantern swings in the wind")

    assert job.status is JobStatus.READY, job.error_message
    assert job.file_path is not None and job.file_path != source.file_path
    assert decoded_seconds(job.file_path) == pytest.approx(4 + 7, abs=0.5)
    assert job.request.extend_endpoint == "fal-ai/veo3.1/extend-video"
    assert job.request.extend_video == source.file_path
    assert job.request.seconds == 7
    assert job.estimated_cost == pytest.approx(2.8)  # 7 s at $0.40/s
    assert provider_sim.created_count == 2  # the source, then one extension
    store = JobStore(AppPaths.default(data_dir).db_path)
    try:
        assert source_ids(store, job.id) == [(source.id, SourceKind.EXTENSION)]
        stored = store.get(job.id)
    finally:
        store.close()
    assert stored is not None and stored.request.extend_video == source.file_path


def test_a_clip_over_the_dialects_limit_is_refused_and_nothing_is_sent(
    provider_sim: SimulatorServer, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = _source(provider_sim, data_dir)
    assert source.file_path is not None
    monkeypatch.setattr(FalDialect, "video_data_uri_limit", source.file_path.stat().st_size - 1)
    before = provider_sim.created_count

    with pytest.raises(InvalidRequestError) as info:
        _extend(data_dir, source.id, "the lantern goes out")

    assert info.value.param == "extend_video"
    assert "MB" in info.value.message and "last frame" in (info.value.next_step or "")
    assert provider_sim.created_count == before
    store = JobStore(AppPaths.default(data_dir).db_path)
    try:
        assert store.count() == 1  # no job was made: the source only
    finally:
        store.close()


def test_a_lost_create_reply_ends_outcome_unknown_and_is_not_sent_again(
    provider_sim: SimulatorServer, data_dir: Path, expect_log: ExpectLog
) -> None:
    source = _source(provider_sim, data_dir)
    before = provider_sim.created_count

    with expect_log("sora_desktop.core.jobrunner", "create reply lost"):
        job = _extend(data_dir, source.id, "[sim:drop] the pier at night")

    assert job.status is JobStatus.FAILED
    assert job.error_code == "outcome_unknown"
    assert provider_sim.created_count == before + 1  # it arrived once; never sent again


def test_the_simulator_refuses_an_extension_without_a_readable_video(
    provider_sim: SimulatorServer,
) -> None:
    import httpx

    junk = "data:video/mp4;base64," + base64.b64encode(b"not a video").decode()
    with httpx.Client(headers={"Authorization": f"Key {KEY}"}, timeout=30) as client:
        missing = client.post(
            provider_sim.url + "/fal/fal-ai/veo3.1/extend-video", json={"prompt": "more"}
        )
        unreadable = client.post(
            provider_sim.url + "/fal/fal-ai/veo3.1/extend-video",
            json={"prompt": "more", "video_url": junk, "duration": "8s"},
        )
    assert missing.status_code == 422
    assert [d["loc"] for d in missing.json()["detail"]] == [["body", "video_url"]]
    assert unreadable.status_code == 422
    locs = sorted(tuple(d["loc"]) for d in unreadable.json()["detail"])
    assert locs == [("body", "duration"), ("body", "video_url")]
    assert provider_sim.created_count == 0
