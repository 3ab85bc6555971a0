"""The fal, Replicate and Runway dialects through the real service, against the simulator's
routes for them: headers, models from the catalogue and from schemas, images, results,
errors in the app's terms, cancel, "test connection" and "send again"."""

from __future__ import annotations

import asyncio
import io
import json
from pathlib import Path

import pytest
from PIL import Image

from sora_desktop.core.errors import ErrorKind, ExitCode, InvalidRequestError
from sora_desktop.core.models import ConnectionKind, JobStatus
from sora_desktop.core.service import GenerationService, error_for_job
from sora_desktop.simulator.server import SimulatorServer
from sora_desktop.usecases.connections import ConnectionReport, check_connection
from tests.provider_support import (
    KEY,
    KINDS,
    Run,
    assert_no_key_on_results,
    assert_ready,
    connection,
    generate,
    no_part_files,
    request,
    run_service,
)


def _png(width: int, height: int, noisy: bool = False) -> bytes:
    if noisy:
        import random

        rng = random.Random(7)
        data = bytes(rng.getrandbits(8) for _ in range(width * height * 3))
        image = Image.frombytes("RGB", (width, height), data)
    else:
        image = Image.new("RGB", (width, height), (250, 250, 250))
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


@pytest.mark.parametrize("kind", KINDS, ids=lambda k: k.value)
def test_a_video_is_made_downloaded_and_kept_with_one_create(
    kind: ConnectionKind, provider_sim: SimulatorServer, tmp_path: Path
) -> None:
    job = generate(tmp_path, request(kind), connection(provider_sim, kind))
    assert_ready(job)
    assert provider_sim.created_count == 1
    assert job.remote_id is not None
    assert provider_sim.result_requests, "the clip came from the results origin"
    assert_no_key_on_results(provider_sim)
    assert not no_part_files(tmp_path)


@pytest.mark.parametrize("kind", KINDS, ids=lambda k: k.value)
def test_test_connection_says_what_it_learned_and_refuses_a_wrong_key(
    kind: ConnectionKind, provider_sim: SimulatorServer, tmp_path: Path
) -> None:
    async def body(key: str) -> ConnectionReport:
        return await check_connection(connection(provider_sim, kind), key=key)

    report = asyncio.run(body(KEY))
    assert report.ok, report.error
    assert report.facts
    wrong = asyncio.run(body("not-the-key"))
    assert not wrong.ok
    assert wrong.error is not None and wrong.error.kind is ErrorKind.AUTHENTICATION


def test_each_provider_gets_its_key_the_way_it_wants(
    provider_sim: SimulatorServer, tmp_path: Path
) -> None:
    """fal: ``Key``; Replicate: ``Bearer``; Runway: ``Bearer`` + ``X-Runway-Version`` (the
    simulator refuses anything else, so a ready clip proves the headers)."""
    for kind in KINDS:
        assert_ready(generate(tmp_path / kind.value, request(kind), connection(provider_sim, kind)))
    assert provider_sim.created_count == 3


def test_the_catalogue_maps_the_common_settings_onto_each_models_own_fields(
    provider_sim: SimulatorServer, tmp_path: Path
) -> None:
    """``"8s"`` on fal's Veo, an integer on Wan, ``"1280:720"`` on Runway."""
    cases = [
        (
            ConnectionKind.FAL,
            "fal-ai/veo3.1",
            4,
            {"duration": "4s", "aspect_ratio": "16:9", "resolution": "720p"},
        ),
        (
            ConnectionKind.FAL,
            "fal-ai/wan/v2.7/text-to-video",
            2,
            {"duration": 2, "aspect_ratio": "16:9"},
        ),
        (
            ConnectionKind.RUNWAY,
            "gen4.5",
            2,
            {"duration": 2, "ratio": "1280:720", "model": "gen4.5"},
        ),
        (ConnectionKind.REPLICATE, "google/veo-3.1", 4, {"duration": 4, "aspect_ratio": "16:9"}),
    ]
    for i, (kind, model, seconds, expected) in enumerate(cases):
        job = generate(
            tmp_path / str(i),
            request(
                kind, model=model, seconds=seconds, seed=7, audio=False if "veo" in model else None
            ),
            connection(provider_sim, kind),
        )
        assert_ready(job, seconds)
        sent = _sim_input(provider_sim, job.remote_id or "")
        for key, value in expected.items():
            assert sent[key] == value, (model, key, sent)
        assert sent.get("seed") == 7
        if "veo" in model:
            assert sent["generate_audio"] is False


def _sim_input(provider_sim: SimulatorServer, remote_id: str) -> dict[str, object]:
    job_id = remote_id.rsplit("/", 1)[-1]
    for job in provider_sim._table.all():
        if job.id == job_id:
            return dict(job.extra["input"])
    raise AssertionError(f"the simulator has no job {remote_id}")


@pytest.mark.parametrize("kind", [ConnectionKind.FAL, ConnectionKind.REPLICATE])
def test_a_model_the_catalogue_doesnt_list_works_from_its_schema_cached_on_disk(
    kind: ConnectionKind, provider_sim: SimulatorServer, tmp_path: Path
) -> None:
    job = generate(
        tmp_path,
        request(kind, model="sim/any-video", size="720x720", seconds=3),
        connection(provider_sim, kind),
    )
    assert_ready(job, 3)
    sent = _sim_input(provider_sim, job.remote_id or "")
    # from the schema: duration an integer, aspect and resolution from their enums
    assert sent["duration"] == 3 and sent["aspect_ratio"] == "1:1" and sent["resolution"] == "720p"
    cached = list((tmp_path / "cache" / "schemas" / kind.value).glob("*.json"))
    assert len(cached) == 1
    assert "motion_strength" in cached[0].read_text()


def test_a_model_whose_schema_cant_be_had_still_works_with_the_prompt(
    provider_sim: SimulatorServer, tmp_path: Path
) -> None:
    kind = ConnectionKind.FAL
    job = generate(
        tmp_path,
        request(kind, model="acme/no-schema-video", seconds=4),
        connection(provider_sim, kind),
    )
    assert_ready(job, 4)
    assert _sim_input(provider_sim, job.remote_id or "") == {
        "prompt": "a red kite over green hills"
    }


def test_model_params_go_as_typed_json(provider_sim: SimulatorServer, tmp_path: Path) -> None:
    kind = ConnectionKind.REPLICATE
    req = request(kind, params=(("motion_strength", "0.25"), ("duration", "2")))
    job = generate(tmp_path, req, connection(provider_sim, kind))
    assert_ready(job)
    sent = _sim_input(provider_sim, job.remote_id or "")
    assert sent["motion_strength"] == 0.25 and sent["duration"] == 2


@pytest.mark.parametrize(
    ("kind", "model", "param"),
    [
        (ConnectionKind.FAL, "fal-ai/veo3.1", "duration"),
        (ConnectionKind.REPLICATE, "google/veo-3.1", "duration"),
        (ConnectionKind.RUNWAY, "gen4.5", "duration"),
    ],
    ids=["fal-422-detail", "replicate-problem-json", "runway-400-error"],
)
def test_a_refused_field_is_named_with_the_providers_words(
    kind: ConnectionKind, model: str, param: str, provider_sim: SimulatorServer, tmp_path: Path
) -> None:
    req = request(
        kind,
        model=model,
        seconds=4,
        params=(("duration", '"99s"' if kind is ConnectionKind.FAL else "99"),),
    )
    job = generate(tmp_path, req, connection(provider_sim, kind))
    assert job.status is JobStatus.FAILED
    err = error_for_job(job)
    assert err is not None and err.kind is ErrorKind.INVALID_REQUEST
    assert param in (job.error_message or "")
    assert provider_sim.created_count == 0


@pytest.mark.parametrize("kind", KINDS, ids=lambda k: k.value)
def test_moderation_reads_as_the_providers_content_rules_with_its_own_words(
    kind: ConnectionKind, provider_sim: SimulatorServer, tmp_path: Path
) -> None:
    job = generate(
        tmp_path,
        request(kind, "a forbidden scene [sim:moderation]"),
        connection(provider_sim, kind),
    )
    assert job.status is JobStatus.FAILED
    err = error_for_job(job)
    assert err is not None and err.kind is ErrorKind.MODERATION
    assert err.exit_code is ExitCode.REMOTE_FAILED
    provider = {"fal": "fal", "replicate": "Replicate", "runway": "Runway"}[kind.value]
    assert f"{provider} blocked this request for its content rules" in (job.error_message or "")
    own = {
        "fal": "content checker",
        "replicate": "flagged as sensitive",
        "runway": "SAFETY.INPUT.TEXT",
    }
    assert own[kind.value] in (job.error_message or "")
    assert provider_sim.created_count == 1


def test_runway_throttled_shows_as_waiting_in_its_queue(
    provider_sim: SimulatorServer, tmp_path: Path
) -> None:
    kind = ConnectionKind.RUNWAY
    run = Run()
    job = generate(
        tmp_path,
        request(kind, "a quiet lake [sim:throttled]"),
        connection(provider_sim, kind),
        run=run,
    )
    assert_ready(job)
    notes = [e.note for e in run.events if e.note]
    assert notes and "Runway's queue" in notes[0]
    assert any(e.note is None and e.status is JobStatus.IN_PROGRESS for e in run.events)


@pytest.mark.parametrize(
    ("kind", "size", "upload_path"),
    [
        (ConnectionKind.FAL, "1280x720", "/fal/cdn/files/upload"),
        (ConnectionKind.REPLICATE, "1280x720", "/replicate/v1/files"),
        (ConnectionKind.RUNWAY, "1280x720", "/uploads/"),
    ],
    ids=lambda v: getattr(v, "value", str(v)),
)
def test_a_large_start_image_goes_through_the_providers_upload(
    kind: ConnectionKind,
    size: str,
    upload_path: str | None,
    provider_sim: SimulatorServer,
    tmp_path: Path,
) -> None:
    """fal past 5 MB: its storage upload (tests/core/test_dialects_fal_upload.py); Replicate
    past 1 MB: POST /v1/files; Runway past 5 MB: /v1/uploads, the file itself sent to the
    upload host without the key."""
    w, h = (int(v) for v in size.split("x"))
    image = tmp_path / "start.png"
    big = kind is not ConnectionKind.REPLICATE
    image.write_bytes(
        _png(w, h, noisy=True) if not big else _png(w, h, noisy=True) + b"\0" * (6 << 20)
    )
    model = {"fal": "fal-ai/veo3.1", "replicate": "sim/any-video", "runway": "gen4.5"}[kind.value]
    seconds = 4 if kind is ConnectionKind.FAL else 2
    job = generate(
        tmp_path / "d",
        request(kind, model=model, seconds=seconds, reference_image=image),
        connection(provider_sim, kind),
    )
    assert_ready(job, seconds)
    sent = _sim_input(provider_sim, job.remote_id or "")
    start = {"fal": "image_url", "replicate": "image", "runway": "promptImage"}[kind.value]
    value = str(sent[start])
    if upload_path is None:
        assert value.startswith("data:image/png;base64,")
    else:
        assert not value.startswith("data:")
    if kind is ConnectionKind.FAL:
        assert value.startswith(f"{provider_sim.url}/fal/cdn/files/")
    if kind is ConnectionKind.RUNWAY:
        assert value.startswith("runway://uploads/")
        assert any(r.path.startswith("/uploads/") for r in provider_sim.result_requests)
    assert_no_key_on_results(provider_sim)


def test_an_end_image_goes_with_the_start_image_as_runway_wants(
    provider_sim: SimulatorServer, tmp_path: Path
) -> None:
    kind = ConnectionKind.RUNWAY
    start, end = tmp_path / "a.png", tmp_path / "b.png"
    start.write_bytes(_png(1280, 720))
    end.write_bytes(_png(1280, 720))
    req = request(kind, model="veo3.1", seconds=4, reference_image=start, end_image=end)
    job = generate(tmp_path / "d", req, connection(provider_sim, kind))
    assert_ready(job, 4)
    image = _sim_input(provider_sim, job.remote_id or "")["promptImage"]
    assert isinstance(image, list) and [i["position"] for i in image] == ["first", "last"]


def test_what_a_model_cant_do_is_refused_before_any_request(
    provider_sim: SimulatorServer, tmp_path: Path
) -> None:
    kind = ConnectionKind.FAL
    cases = [
        (request(kind, model="fal-ai/veo3.1", seconds=5), "seconds"),
        (request(kind, model="fal-ai/veo3.1", seconds=4, size="720x720"), "size"),
        (
            request(
                kind, model="fal-ai/kling-video/v3/pro/image-to-video", seconds=5, size="1920x1080"
            ),
            "input_reference",
        ),
        (request(kind, model="fal-ai/wan/v2.7/text-to-video", audio=True), "audio"),
    ]

    async def body(service: GenerationService) -> list[str | None]:
        params = []
        for req, _param in cases:
            with pytest.raises(InvalidRequestError) as info:
                await service.submit(req, connection(provider_sim, kind))
            params.append(info.value.param)
        return params

    assert run_service(tmp_path, body) == [p for _r, p in cases]
    assert provider_sim.created_count == 0


@pytest.mark.parametrize("kind", KINDS, ids=lambda k: k.value)
def test_cancel_stops_the_render_at_the_provider_too(
    kind: ConnectionKind, provider_sim: SimulatorServer, tmp_path: Path
) -> None:
    async def body(service: GenerationService) -> JobStatus:
        job = await service.submit(
            request(kind, "a long one [sim:slow=30]"), connection(provider_sim, kind)
        )
        for _ in range(200):
            if (service._store.get(job.id) or job).remote_id:
                break
            await asyncio.sleep(0.02)
        cancelled = await service.cancel(job.id)
        return cancelled.status

    assert run_service(tmp_path, body) is JobStatus.CANCELLED
    [sim_job] = provider_sim._table.all()
    assert sim_job.extra.get("cancelled") is True


def test_send_again_makes_a_new_job_and_a_new_create(
    provider_sim: SimulatorServer, tmp_path: Path
) -> None:
    kind = ConnectionKind.RUNWAY

    async def body(service: GenerationService) -> tuple[str, str, float | None]:
        first = await service.generate(request(kind), connection(provider_sim, kind))
        quote = service.resend_quote(first.id)
        second = await service.wait((await service.resend(first.id)).id)
        return first.id, second.id, quote.estimated_cost

    first, second, cost = run_service(tmp_path, body)
    assert first != second
    assert provider_sim.created_count == 2
    # the quote is the new create's price: Gen-4.5 at 12 credits a second, $0.01 a credit
    assert cost == pytest.approx(0.12 * request(kind).seconds)


def test_a_fal_job_is_priced_from_the_catalogue_with_audio(
    provider_sim: SimulatorServer, tmp_path: Path
) -> None:
    kind = ConnectionKind.FAL
    job = generate(
        tmp_path,
        request(kind, model="fal-ai/veo3.1", seconds=4, audio=False),
        connection(provider_sim, kind),
    )
    assert job.estimated_cost == 0.8  # $0.20/s without audio at 720p, 4 s
    assert json.loads(json.dumps(job.estimated_cost)) == 0.8
