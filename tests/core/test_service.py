"""GenerationService state machine with a scripted client (no network, no real waiting)."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest

from sora_desktop.core.errors import (
    AssetExpiredError,
    AuthenticationError,
    ExitCode,
    InvalidRequestError,
    NetworkError,
    RateLimitedError,
    ServiceUnavailableError,
)
from sora_desktop.core.jobrunner import MODERATION_MESSAGE, MODERATION_NEXT
from sora_desktop.core.models import Connection, ConnectionKind, JobStatus, KeySource, VideoRequest
from sora_desktop.core.remote_video import RemoteError
from sora_desktop.core.service import CANCEL_MESSAGE, error_for_job
from tests.core.test_service_support import MP4_BYTES, REQUEST, SIM, Harness, Step
from tests.fail_on_unexpected import ExpectLog


@pytest.fixture
def harness(tmp_path: Path) -> Harness:
    return Harness(tmp_path)


def run(harness: Harness, body: Callable[[], Awaitable[None]]) -> None:
    async def main() -> None:
        try:
            await body()
        finally:
            await harness.close()

    asyncio.run(main())


def test_generate_to_ready_stores_every_step_before_emitting(harness: Harness) -> None:
    seen: list[tuple[JobStatus, JobStatus]] = []

    def check(event: object) -> None:
        job = harness.store.get(event.job_id)  # type: ignore[attr-defined]
        assert job is not None
        seen.append((event.status, job.status))  # type: ignore[attr-defined]

    harness.service.subscribe(check)
    harness.client.poll_script = [Step("queued", 0), Step("in_progress", 40), Step("completed")]

    async def body() -> None:
        job = await harness.service.generate(REQUEST, SIM)
        assert job.status is JobStatus.READY
        assert job.file_path == harness.paths.library_dir / f"{job.id}.mp4"
        assert job.file_path.read_bytes() == MP4_BYTES
        assert job.thumbnail_path is not None and job.thumbnail_path.is_file()
        assert job.remote_id == "video_1"
        assert job.completed_at is not None and job.expires_at is not None
        assert job.progress == 100

    run(harness, body)
    assert all(emitted == stored for emitted, stored in seen)
    statuses = harness.statuses()
    for expected in ("draft", "submitting", "queued", "in_progress", "completed", "downloading"):
        assert JobStatus(expected) in statuses
    assert statuses[-1] is JobStatus.READY
    downloading = [e for e in harness.events if e.downloaded is not None]
    assert [e.progress for e in downloading] == [50, 100]  # one event per percent step
    assert downloading[-1].total == len(MP4_BYTES)
    # the simulator kind needs no key: a dummy one is sent
    assert harness.factory_calls == [(SIM, "sim")]


def test_draft_and_submitting_are_stored_before_the_create_is_sent(harness: Harness) -> None:
    seen_at_create: list[tuple[JobStatus, float | None, list[JobStatus]]] = []

    def on_create(request: VideoRequest) -> None:
        (job,) = harness.store.list_jobs()
        seen_at_create.append((job.status, job.submitted_at, [h.status for h in job.history]))

    harness.client.on_create = on_create

    async def body() -> None:
        job = await harness.service.generate(REQUEST, SIM)
        assert job.status is JobStatus.READY

    run(harness, body)
    assert len(seen_at_create) == 1
    status, submitted_at, history = seen_at_create[0]
    assert status is JobStatus.SUBMITTING
    assert submitted_at is not None
    assert history == [JobStatus.DRAFT, JobStatus.SUBMITTING]


def test_invalid_request_is_refused_before_anything_is_stored_or_sent(harness: Harness) -> None:
    async def body() -> None:
        with pytest.raises(InvalidRequestError) as info:
            await harness.service.submit(VideoRequest(prompt="x", size="999x999"), SIM)
        assert info.value.param == "size"
        with pytest.raises(InvalidRequestError):
            await harness.service.submit(VideoRequest(prompt="   "), SIM)

    run(harness, body)
    assert harness.store.list_jobs() == []
    assert harness.client.calls == []


@pytest.mark.parametrize("kind", [ConnectionKind.SIMULATOR, ConnectionKind.OPENAI])
def test_a_model_the_connection_cant_serve_is_refused_before_anything_is_sent(
    harness: Harness, kind: ConnectionKind
) -> None:
    conn = Connection(kind=kind, base_url="http://127.0.0.1:9/v1")
    request = VideoRequest(prompt="a red kite", model="sora-3")

    async def body() -> None:
        with pytest.raises(InvalidRequestError) as info:
            await harness.service.submit(request, conn)
        err = info.value
        assert err.param == "model" and err.exit_code is ExitCode.INVALID_INPUT
        assert "'sora-3'" in err.message and "sora-2, " in err.message
        assert "sora-2-pro" in err.message
        with pytest.raises(InvalidRequestError) as worded:  # the face words the next step
            harness.service.validate(request, conn, hints={"model": "Use --model."})
        assert worded.value.next_step == "Use --model."

    run(harness, body)
    assert harness.store.list_jobs() == []
    assert harness.client.calls == [] and harness.factory_calls == []


def test_gateways_and_azure_deployments_take_any_model_name(harness: Harness) -> None:
    for kind in (ConnectionKind.COMPATIBLE, ConnectionKind.AZURE):
        conn = Connection(kind=kind, base_url="https://gw.example/v1")
        harness.service.validate(VideoRequest(prompt="a red kite", model="veo-3.1"), conn)


def test_an_openai_profile_serves_the_models_it_lists(harness: Harness) -> None:
    from sora_desktop.core.profiles import ProfileStore, make_profile

    profile = make_profile(
        "Old gateway",
        ConnectionKind.OPENAI,
        base_url="https://gw.example/v1",
        models=("house-model",),
        model_aliases=(("house-model", "sora-2"),),
    )
    ProfileStore(harness.paths.profiles_path).add(profile)
    conn = profile.connection()
    harness.service.validate(VideoRequest(prompt="a kite", model="house-model"), conn)
    with pytest.raises(InvalidRequestError) as info:  # it works like sora-2: up to 20 s
        harness.service.validate(
            VideoRequest(prompt="a kite", model="house-model", size="1920x1080"), conn
        )
    assert info.value.param == "size"
    with pytest.raises(InvalidRequestError):
        harness.service.validate(VideoRequest(prompt="a kite", model="sora-3"), conn)


def test_missing_key_is_refused_before_anything_is_stored(harness: Harness) -> None:
    conn = Connection(
        kind=ConnectionKind.OPENAI,
        base_url="https://api.openai.com/v1",
        key_source=KeySource(env_var="NO_SUCH_VARIABLE_FOR_TEST"),
    )

    async def body() -> None:
        with pytest.raises(AuthenticationError) as info:
            await harness.service.submit(REQUEST, conn)
        assert "NO_SUCH_VARIABLE_FOR_TEST" in info.value.one_line()

    run(harness, body)
    assert harness.store.list_jobs() == []
    assert harness.client.calls == []


def test_lost_create_reply_is_reconciled_to_exactly_one_remote_job(
    harness: Harness, expect_log: ExpectLog
) -> None:
    harness.client.create_script = ["lost"]
    harness.client.list_errors = [ServiceUnavailableError("down"), NetworkError("reset")]

    async def body() -> None:
        job = await harness.service.generate(REQUEST, SIM)
        assert job.status is JobStatus.READY
        assert job.remote_id == "video_1"

    with (
        expect_log("sora_desktop.core.jobrunner", "create reply lost"),
        expect_log("sora_desktop.core.jobrunner", "can't list videos to reconcile") as list_failed,
    ):
        run(harness, body)
    assert len(list_failed) == 2
    assert harness.client.calls.count("create") == 1
    assert harness.client.calls.count("list") == 3  # two failed lists retried, never a resend
    assert len(harness.client.videos) == 1


def test_identical_lost_creates_adopt_different_remote_jobs(
    harness: Harness, expect_log: ExpectLog
) -> None:
    harness.client.create_script = ["lost"]

    async def body() -> None:
        a = await harness.service.submit(REQUEST, SIM)
        b = await harness.service.submit(REQUEST, SIM)
        a, b = await harness.service.wait(a.id), await harness.service.wait(b.id)
        assert a.status is b.status is JobStatus.READY
        assert {a.remote_id, b.remote_id} == {"video_1", "video_2"}

    with expect_log("sora_desktop.core.jobrunner", "create reply lost") as lost:
        run(harness, body)
    assert len(lost) == 2
    assert harness.client.calls.count("create") == 2


def test_create_that_never_landed_is_resent_after_a_complete_list(
    harness: Harness, expect_log: ExpectLog
) -> None:
    harness.client.create_script = ["lost-nothing", "ok"]

    async def body() -> None:
        job = await harness.service.generate(REQUEST, SIM)
        assert job.status is JobStatus.READY

    with expect_log("sora_desktop.core.jobrunner", "create reply lost"):
        run(harness, body)
    assert harness.client.calls[:3] == ["create", "list", "create"]
    assert len(harness.client.videos) == 1


def test_connect_refused_create_is_resent_once(harness: Harness) -> None:
    harness.client.create_script = ["refused", "ok"]

    async def body() -> None:
        job = await harness.service.generate(REQUEST, SIM)
        assert job.status is JobStatus.READY

    run(harness, body)
    assert harness.client.calls.count("create") == 2
    assert "list" not in harness.client.calls  # provably never reached: no reconcile needed
    assert len(harness.client.videos) == 1


def test_a_create_that_never_went_out_says_so_while_it_is_sent_again(harness: Harness) -> None:
    """A wrong base URL refused every create, and the queue said "Sending" for as long as it
    kept trying: it says the service can't be reached, why, and what to check, until the
    create goes out."""
    harness.client.create_script = ["refused", "refused", "ok"]

    async def body() -> None:
        job = await harness.service.generate(REQUEST, SIM)
        assert job.status is JobStatus.READY

    run(harness, body)
    events = harness.events
    said = [i for i, e in enumerate(events) if e.status is JobStatus.SUBMITTING and e.message]
    sending = [events[i] for i in said]
    assert len(sending) == 2 and all(e.retrying for e in sending)
    first_line, why = sending[0].message.split("\n", 1)  # type: ignore[union-attr]
    assert first_line == "Can't reach the service: trying again"
    assert why == "Connection refused."  # the error as the client raised it
    # once sent, the note is gone before the job moves on
    after = events[said[-1] + 1]
    assert (after.status, after.message, after.retrying) == (JobStatus.SUBMITTING, "", False)
    assert not any(e.retrying for e in harness.events if e.status is not JobStatus.SUBMITTING)


def test_5xx_on_create_reconciles_instead_of_resending(
    harness: Harness, expect_log: ExpectLog
) -> None:
    harness.client.create_script = [ServiceUnavailableError("bad gateway", status_code=502), "ok"]

    async def body() -> None:
        job = await harness.service.generate(REQUEST, SIM)
        assert job.status is JobStatus.READY

    with expect_log("sora_desktop.core.jobrunner", "create answered bad gateway; reconciling"):
        run(harness, body)
    # nothing was made by the 502, so the complete list allowed exactly one resend
    assert harness.client.calls[:3] == ["create", "list", "create"]
    assert len(harness.client.videos) == 1


def test_poll_waits_honour_server_hints_and_retry_after(harness: Harness) -> None:
    harness.client.poll_script = [
        Step("queued", 0, poll_after=3.5),
        Step(error=RateLimitedError("slow down", retry_after=12.0)),
        Step("in_progress", 30, poll_after=7.0),
        Step(error=NetworkError("reset")),
        Step("completed"),
    ]

    async def body() -> None:
        job = await harness.service.generate(REQUEST, SIM)
        assert job.status is JobStatus.READY

    run(harness, body)
    assert harness.clock.sleeps[:3] == [3.5, 12.0, 7.0]
    # without a hint the capped backoff is used (2 s ± 20 % jitter at first)
    assert 1.6 <= harness.clock.sleeps[3] <= 2.4


def test_unknown_remote_status_keeps_polling(harness: Harness) -> None:
    harness.client.poll_script = [
        Step("in_progress", 10),
        Step("upscaling", 70),
        Step("queued", 80),  # a step back is ignored, not a crash
        Step("completed"),
    ]

    async def body() -> None:
        job = await harness.service.generate(REQUEST, SIM)
        assert job.status is JobStatus.READY

    run(harness, body)
    progress = [e.progress for e in harness.events if e.status is JobStatus.IN_PROGRESS]
    assert 70 in progress and 80 in progress


def test_moderation_failure_fails_the_job_with_a_plain_message(harness: Harness) -> None:
    harness.client.poll_script = [
        Step("failed", 0, fields={"error": RemoteError("moderation_blocked", "nope")})
    ]

    async def body() -> None:
        job = await harness.service.generate(REQUEST, SIM)
        assert job.status is JobStatus.FAILED
        assert job.error_code == "moderation_blocked"
        assert job.error_message == f"{MODERATION_MESSAGE} {MODERATION_NEXT}"
        err = error_for_job(job)
        assert err is not None and err.exit_code is ExitCode.REMOTE_FAILED

    run(harness, body)
    assert harness.events[-1].message is not None
    assert MODERATION_MESSAGE in harness.events[-1].message
    assert harness.downloads == []


def test_other_remote_failure_keeps_the_servers_reason(harness: Harness) -> None:
    harness.client.poll_script = [
        Step("failed", 0, fields={"error": RemoteError("internal", "render crashed")})
    ]

    async def body() -> None:
        job = await harness.service.generate(REQUEST, SIM)
        assert job.status is JobStatus.FAILED
        assert job.error_message is not None and "render crashed" in job.error_message

    run(harness, body)


def test_auth_error_while_polling_fails_with_its_message(harness: Harness) -> None:
    harness.client.poll_script = [Step(error=AuthenticationError("Key refused.", "Check it."))]

    async def body() -> None:
        job = await harness.service.generate(REQUEST, SIM)
        assert job.status is JobStatus.FAILED
        assert job.error_message == "Key refused. Check it."
        err = error_for_job(job)
        assert err is not None and err.exit_code is ExitCode.AUTH

    run(harness, body)


def test_assets_already_expired_end_expired_without_downloading(harness: Harness) -> None:
    harness.client.poll_script = [
        Step("completed", 100, fields={"expires_at": 1_000_000_000}),
    ]

    async def body() -> None:
        job = await harness.service.generate(REQUEST, SIM)
        assert job.status is JobStatus.EXPIRED
        assert job.error_message is not None and "never re-creates a paid job" in job.error_message
        err = error_for_job(job)
        assert err is not None and err.exit_code is ExitCode.EXPIRED

    run(harness, body)
    assert harness.downloads == []
    assert harness.client.calls.count("create") == 1


def test_download_refused_as_expired_ends_expired(harness: Harness) -> None:
    harness.download_error = AssetExpiredError("gone")

    async def body() -> None:
        job = await harness.service.generate(REQUEST, SIM)
        assert job.status is JobStatus.EXPIRED

    run(harness, body)
    assert harness.client.calls.count("create") == 1


def test_cancel_stops_polling_and_says_the_remote_render_continues(harness: Harness) -> None:
    async def body() -> None:
        harness.client.retrieve_gate = asyncio.Event()  # polls hang until cancelled
        job = await harness.service.submit(REQUEST, SIM)
        await harness.client.retrieve_entered.wait()
        job = await harness.service.cancel(job.id)
        assert job.status is JobStatus.CANCELLED
        assert job.error_message == CANCEL_MESSAGE
        assert not harness.service.is_running(job.id)
        assert (await harness.service.wait(job.id)).status is JobStatus.CANCELLED
        err = error_for_job(job)
        assert err is not None and err.exit_code is ExitCode.CANCELLED

    run(harness, body)
    assert "keeps running" in CANCEL_MESSAGE
    assert harness.events[-1].status is JobStatus.CANCELLED


def test_network_trouble_past_the_limit_interrupts_a_submitted_job(
    tmp_path: Path, expect_log: ExpectLog
) -> None:
    harness = Harness(tmp_path, give_up_after=60.0)
    harness.client.poll_script = [Step(error=NetworkError("down"))]

    async def body() -> None:
        job = await harness.service.generate(REQUEST, SIM)
        assert job.status is JobStatus.INTERRUPTED  # the remote job exists: resume later
        err = error_for_job(job)
        assert err is not None and err.exit_code is ExitCode.NETWORK

    with expect_log("sora_desktop.core.service", "giving up for now: down"):
        run(harness, body)
    assert 60.0 <= sum(harness.clock.sleeps) < 200.0


def test_refused_connection_past_the_limit_fails_without_a_remote_job(
    tmp_path: Path, expect_log: ExpectLog
) -> None:
    harness = Harness(tmp_path, give_up_after=30.0)
    harness.client.create_script = ["refused"]

    async def body() -> None:
        job = await harness.service.generate(REQUEST, SIM)
        assert job.status is JobStatus.FAILED
        assert job.error_code == "network"
        err = error_for_job(job)
        assert err is not None and err.exit_code is ExitCode.NETWORK

    with expect_log("sora_desktop.core.service", "giving up for now: Connection refused"):
        run(harness, body)
    assert harness.client.videos == {}
    assert "list" not in harness.client.calls


def test_shutdown_interrupts_active_jobs_and_closes_clients(harness: Harness) -> None:
    async def body() -> None:
        harness.client.retrieve_gate = asyncio.Event()
        job = await harness.service.submit(REQUEST, SIM)
        await harness.client.retrieve_entered.wait()
        await harness.service.shutdown(interrupt=True)
        stored = harness.store.get(job.id)
        assert stored is not None and stored.status is JobStatus.INTERRUPTED
        assert stored.remote_id == "video_1"
        assert harness.client.closed
        assert harness.service.client_count == 0

    run(harness, body)


def test_twenty_jobs_share_one_client(harness: Harness) -> None:
    async def body() -> None:
        jobs = [
            await harness.service.submit(
                VideoRequest(prompt=f"clip {i}", size="1280x720", seconds=4), SIM
            )
            for i in range(20)
        ]
        done = await asyncio.gather(*(harness.service.wait(j.id) for j in jobs))
        assert {j.status for j in done} == {JobStatus.READY}
        assert len({j.remote_id for j in done}) == 20

    run(harness, body)
    assert len(harness.factory_calls) == 1


def test_remix_and_delete_remote(harness: Harness) -> None:
    async def body() -> None:
        first = await harness.service.generate(REQUEST, SIM)
        remix = await harness.service.remix(first.id, "the same kite at night")
        assert remix.request.remix_of == first.remote_id
        remix = await harness.service.wait(remix.id)
        assert remix.status is JobStatus.READY
        assert harness.client.videos[remix.remote_id or ""].remixed_from_video_id == "video_1"
        await harness.service.delete_remote(first.id)
        assert first.remote_id not in harness.client.videos

    run(harness, body)
    assert harness.client.calls.count("remix") == 1


def test_repeatedly_lost_creates_back_off_between_rounds(
    harness: Harness, expect_log: ExpectLog
) -> None:
    harness.client.create_script = ["lost-nothing", "lost-nothing", "lost-nothing", "ok"]

    async def body() -> None:
        job = await harness.service.generate(REQUEST, SIM)
        assert job.status is JobStatus.READY

    with expect_log("sora_desktop.core.jobrunner", "create reply lost") as lost:
        run(harness, body)
    assert len(lost) == 3
    assert harness.client.calls[:7] == ["create", "list"] * 3 + ["create"]
    assert len(harness.clock.sleeps) >= 2 and all(s > 0 for s in harness.clock.sleeps[:2])
    assert len(harness.client.videos) == 1


def test_submit_stores_the_estimated_cost(tmp_path: Path) -> None:
    harness = Harness(tmp_path, key_lookup=lambda _source: "sk-test")
    paid = Connection(kind=ConnectionKind.COMPATIBLE, base_url="https://gw.example.com/v1")

    async def body() -> None:
        sim_job = await harness.service.generate(REQUEST, SIM)
        assert sim_job.estimated_cost == 0.0  # a simulator never bills
        pro = VideoRequest(prompt="a kite", model="sora-2-pro", size="1792x1024", seconds=8)
        paid_job = await harness.service.generate(pro, paid)
        assert paid_job.estimated_cost == 4.0
        stored = harness.store.get(paid_job.id)
        assert stored is not None and stored.estimated_cost == 4.0

    run(harness, body)


def test_after_a_remote_delete_remix_is_refused_before_anything_is_sent(
    harness: Harness,
) -> None:
    async def body() -> None:
        first = await harness.service.generate(REQUEST, SIM)
        deleted = await harness.service.delete_remote(first.id)
        assert deleted.remote_deleted_at == harness.clock.now
        stored = harness.store.get(first.id)
        assert stored is not None and stored.remote_deleted_at is not None
        assert stored.file_path is not None and stored.file_path.is_file()  # local copy stays
        calls = list(harness.client.calls)
        jobs_before = harness.store.count()
        with pytest.raises(InvalidRequestError, match="deleted from the service") as refused:
            await harness.service.remix(first.id, "the same kite at night")
        assert refused.value.exit_code is ExitCode.INVALID_INPUT
        assert harness.client.calls == calls  # nothing reached the service
        assert harness.store.count() == jobs_before  # and no failed job was left behind
        # deleting again asks nothing of the service either
        await harness.service.delete_remote(first.id)
        assert harness.client.calls == calls

    run(harness, body)


def test_submit_under_a_chosen_id_and_never_twice_under_one(harness: Harness) -> None:
    async def body() -> None:
        job = await harness.service.submit(REQUEST, SIM, job_id="a" * 32)
        assert job.id == "a" * 32
        await harness.service.wait(job.id)
        with pytest.raises(ValueError, match="already in the library"):
            await harness.service.submit(REQUEST, SIM, job_id="a" * 32)
        assert harness.client.calls.count("create") == 1  # the second one sent nothing

    run(harness, body)


def test_the_create_leaves_only_after_the_caller_yields(harness: Harness) -> None:
    """What a caller stores right after submit returns is stored before the create is sent
    (a batch records the job as sent there)."""

    async def body() -> None:
        job = await harness.service.submit(REQUEST, SIM)
        assert harness.client.calls == []  # nothing sent yet
        stored = harness.store.get(job.id)
        assert stored is not None and stored.status is JobStatus.SUBMITTING
        await harness.service.wait(job.id)
        assert harness.client.calls[0] == "create"

    run(harness, body)


def test_resume_one_job(harness: Harness, tmp_path: Path) -> None:
    async def body() -> None:
        harness.client.poll_script = [Step("in_progress", 30)]
        job = await harness.service.submit(REQUEST, SIM)
        await harness.client.retrieve_entered.wait()
        assert not await harness.service.resume(job.id)  # already running
        await harness.service.shutdown()

    run(harness, body)
    interrupted = harness.store.get(next(iter(j.id for j in harness.store.list_jobs())))
    assert interrupted is not None and interrupted.status is JobStatus.INTERRUPTED

    again = Harness(tmp_path)  # the next start, on the same library

    async def resumed() -> None:
        assert interrupted is not None
        again.client.videos = harness.client.videos
        again.client.poll_script = [Step("completed", 100)]
        assert await again.service.resume(interrupted.id)
        done = await again.service.wait(interrupted.id)
        assert done.status is JobStatus.READY
        assert not await again.service.resume(interrupted.id)  # finished: nothing to do
        assert not await again.service.resume("f" * 32)  # not in the library
        assert "create" not in again.client.calls

    run(again, resumed)


def test_a_changed_profile_is_read_again_when_validating(harness: Harness) -> None:
    """Validation remembers a profile (a batch asks for it once per job) only while the
    profiles file is unchanged: a model added to the profile is served at once."""
    import dataclasses

    from sora_desktop.core.profiles import ProfileStore, make_profile

    profiles = ProfileStore(harness.paths.profiles_path)
    profile = profiles.add(make_profile("Gateway", ConnectionKind.OPENAI, models=("house-model",)))
    conn = profile.connection()
    harness.service.validate(VideoRequest(prompt="a kite", model="house-model"), conn)
    with pytest.raises(InvalidRequestError):
        harness.service.validate(VideoRequest(prompt="a kite", model="night-model"), conn)
    profiles.update(dataclasses.replace(profile, models=("house-model", "night-model")))
    harness.service.validate(VideoRequest(prompt="a kite", model="night-model"), conn)


def test_a_start_image_is_checked_again_once_the_file_changes(
    harness: Harness, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An unchanged start image is decoded once for many jobs; replaced by one of another
    size, it is checked again (and refused)."""
    import os

    from PIL import Image

    from sora_desktop.core import images

    decoded: list[Path] = []
    real_check = images.check_reference_image

    def counting_check(path: Path, size: str, **kwargs: object) -> images.ImageCheck:
        decoded.append(path)
        return real_check(path, size)

    monkeypatch.setattr(images, "check_reference_image", counting_check)
    start = tmp_path / "start.png"
    Image.new("RGB", (720, 1280), (200, 40, 40)).save(start)
    request = VideoRequest(prompt="a kite", size="720x1280", reference_image=start)
    for _ in range(5):
        harness.service.validate(request, SIM)
    assert decoded == [start]

    Image.new("RGB", (300, 200), (40, 200, 40)).save(start)
    later = start.stat().st_mtime_ns + 5_000_000_000
    os.utime(start, ns=(later, later))
    with pytest.raises(InvalidRequestError) as refused:
        harness.service.validate(request, SIM)
    assert refused.value.param == "input_reference"
    assert decoded == [start, start]
