"""Faults per provider (fal, Replicate, Runway), with the real engine over loopback against
the simulator (and the fault proxy where a fault needs byte-level control).

Every test also proves: no double create (the simulator counts creates), no key on the
results origin, no ``.part`` left behind."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from sora_desktop.core.errors import ErrorKind, ExitCode
from sora_desktop.core.models import ConnectionKind, JobStatus
from sora_desktop.core.service import error_for_job
from sora_desktop.simulator.server import SimulatorServer
from tests.provider_support import (
    KINDS,
    assert_no_key_on_results,
    assert_ready,
    connection,
    generate,
    no_part_files,
    request,
)
from tests.reliability.faultserver import Drop, FaultServer

ids = lambda k: k.value  # noqa: E731
CREATE = {
    ConnectionKind.FAL: r"^/fal/fal-ai/wan/v2\.7/text-to-video$",
    ConnectionKind.REPLICATE: r"^/replicate/v1/models/sim/any-video/predictions$",
    ConnectionKind.RUNWAY: r"^/runway/v1/text_to_video$",
}


def _clean(provider_sim: SimulatorServer, data_dir: Path) -> None:
    assert_no_key_on_results(provider_sim)
    assert not no_part_files(data_dir)


@pytest.mark.parametrize("kind", KINDS, ids=ids)
def test_429_with_retry_after_on_create_is_waited_out_then_sent_again(
    kind: ConnectionKind, provider_sim: SimulatorServer, tmp_path: Path
) -> None:
    """A 429 is an answer (nothing was made): wait as told (1 s), then send again."""
    start = time.monotonic()
    job = generate(
        tmp_path, request(kind, "a kite [sim:429-create=1]"), connection(provider_sim, kind)
    )
    assert_ready(job)
    assert time.monotonic() - start >= 1.0
    assert provider_sim.created_count == 1
    _clean(provider_sim, tmp_path)


@pytest.mark.parametrize("kind", [ConnectionKind.FAL, ConnectionKind.RUNWAY], ids=ids)
def test_a_lost_create_reply_ends_outcome_unknown_and_is_never_resent(
    kind: ConnectionKind, provider_sim: SimulatorServer, tmp_path: Path, expect_log: object
) -> None:
    """fal and Runway can't say whether a create arrived: the job ends "outcome unknown:
    it may have been charged" (exit 8) with the dashboard named; nothing is sent again."""
    with expect_log("sora_desktop.core.jobrunner", "reply lost"):  # type: ignore[operator]
        job = generate(tmp_path, request(kind, "a boat [sim:drop]"), connection(provider_sim, kind))
    assert job.status is JobStatus.FAILED
    assert job.error_code == "outcome_unknown"
    err = error_for_job(job)
    assert err is not None and err.kind is ErrorKind.OUTCOME_UNKNOWN
    assert err.exit_code is ExitCode.OUTCOME_UNKNOWN == 8
    dashboard = {"fal": "https://fal.ai/dashboard/requests", "runway": "https://dev.runwayml.com"}
    assert dashboard[kind.value] in (job.error_message or "")
    assert "may have been made, and charged" in (job.error_message or "")
    assert provider_sim.created_count == 1  # the create arrived once; it was not sent again
    _clean(provider_sim, tmp_path)


def test_replicate_finds_a_lost_create_in_its_prediction_list(
    provider_sim: SimulatorServer, tmp_path: Path, expect_log: object
) -> None:
    kind = ConnectionKind.REPLICATE
    with FaultServer(provider_sim.url) as proxy:
        with expect_log("sora_desktop.core.jobrunner", "reply lost"):  # type: ignore[operator]
            job = generate(
                tmp_path,
                request(kind, "a boat [sim:drop]"),
                connection(provider_sim, kind, proxy.url),
            )
        assert proxy.count("POST", CREATE[kind]) == 1
        assert proxy.count("GET", r"^/replicate/v1/predictions$") >= 1
    assert_ready(job)
    assert provider_sim.created_count == 1
    _clean(provider_sim, tmp_path)


def test_replicate_resends_once_a_create_its_list_proves_never_arrived(
    provider_sim: SimulatorServer, tmp_path: Path, expect_log: object
) -> None:
    kind = ConnectionKind.REPLICATE
    with FaultServer(provider_sim.url) as proxy:
        proxy.add("POST", CREATE[kind], Drop(forward_first=False))
        with expect_log("sora_desktop.core.jobrunner", "reply lost"):  # type: ignore[operator]
            job = generate(tmp_path, request(kind), connection(provider_sim, kind, proxy.url))
        assert proxy.count("POST", CREATE[kind]) == 2
    assert_ready(job)
    assert provider_sim.created_count == 1
    _clean(provider_sim, tmp_path)


@pytest.mark.parametrize("kind", [ConnectionKind.FAL, ConnectionKind.RUNWAY], ids=ids)
def test_a_create_dropped_before_arriving_still_ends_outcome_unknown_there(
    kind: ConnectionKind, provider_sim: SimulatorServer, tmp_path: Path, expect_log: object
) -> None:
    """Where the provider can't be asked, a reply lost for any reason is never resent: the
    app can't tell "never arrived" from "arrived, reply lost"."""
    with FaultServer(provider_sim.url) as proxy:
        proxy.add("POST", CREATE[kind], Drop(forward_first=False))
        with expect_log("sora_desktop.core.jobrunner", "reply lost"):  # type: ignore[operator]
            job = generate(tmp_path, request(kind), connection(provider_sim, kind, proxy.url))
        assert proxy.count("POST", CREATE[kind]) == 1
    assert job.error_code == "outcome_unknown"
    assert provider_sim.created_count == 0


@pytest.mark.parametrize("kind", KINDS, ids=ids)
def test_5xx_on_polls_is_retried_to_a_ready_clip(
    kind: ConnectionKind, provider_sim: SimulatorServer, tmp_path: Path
) -> None:
    job = generate(tmp_path, request(kind, "a fox [sim:5xx=3]"), connection(provider_sim, kind))
    assert_ready(job)
    assert provider_sim.created_count == 1
    _clean(provider_sim, tmp_path)


@pytest.mark.parametrize("kind", KINDS, ids=ids)
def test_a_download_cut_half_way_resumes_with_range_from_the_result_host(
    kind: ConnectionKind, provider_sim: SimulatorServer, tmp_path: Path
) -> None:
    job = generate(
        tmp_path, request(kind, "a lighthouse [sim:drop-download]"), connection(provider_sim, kind)
    )
    assert_ready(job)
    gets = [
        r
        for r in provider_sim.result_requests
        if r.method == "GET" and r.path.startswith("/results/")
    ]
    assert len(gets) == 2
    assert "range" not in gets[0].headers and gets[1].headers["range"].startswith("bytes=")
    assert provider_sim.created_count == 1
    _clean(provider_sim, tmp_path)


@pytest.mark.parametrize("kind", [ConnectionKind.FAL, ConnectionKind.REPLICATE], ids=ids)
def test_a_result_removed_by_the_provider_ends_expired_without_a_new_create(
    kind: ConnectionKind, provider_sim: SimulatorServer, tmp_path: Path
) -> None:
    job = generate(tmp_path, request(kind, "a moth [sim:expired]"), connection(provider_sim, kind))
    assert job.status is JobStatus.EXPIRED, job.error_message
    err = error_for_job(job)
    assert err is not None and err.exit_code is ExitCode.EXPIRED
    assert provider_sim.created_count == 1
    _clean(provider_sim, tmp_path)


def test_runway_hands_out_a_fresh_url_when_the_first_expired(
    provider_sim: SimulatorServer, tmp_path: Path
) -> None:
    kind = ConnectionKind.RUNWAY
    job = generate(tmp_path, request(kind, "an owl [sim:expired]"), connection(provider_sim, kind))
    assert_ready(job)
    gets = [r for r in provider_sim.result_requests if r.path.startswith("/results/")]
    assert len(gets) == 2  # the expired URL (403), then the fresh one
    assert provider_sim.created_count == 1
    _clean(provider_sim, tmp_path)


@pytest.mark.parametrize("kind", KINDS, ids=ids)
def test_a_wrong_key_is_refused_after_exactly_one_create(
    kind: ConnectionKind, provider_sim: SimulatorServer, tmp_path: Path
) -> None:
    """One create, refused; nothing after it (Replicate first asks for the unlisted model's
    schema, which is refused too and then done without)."""
    with FaultServer(provider_sim.url) as proxy:
        job = generate(
            tmp_path, request(kind), connection(provider_sim, kind, proxy.url), key="wrong-key"
        )
        assert proxy.count("POST", CREATE[kind]) == 1
        assert proxy.seen[-1].method == "POST" and len(proxy.seen) <= 2
    assert job.status is JobStatus.FAILED
    err = error_for_job(job)
    assert err is not None and err.exit_code is ExitCode.AUTH
    assert "wrong-key" not in (job.error_message or "")
    assert provider_sim.created_count == 0


@pytest.mark.parametrize("kind", KINDS, ids=ids)
def test_moderation_is_final_and_not_retried(
    kind: ConnectionKind, provider_sim: SimulatorServer, tmp_path: Path
) -> None:
    job = generate(tmp_path, request(kind, "no [sim:moderation]"), connection(provider_sim, kind))
    err = error_for_job(job)
    assert err is not None and err.kind is ErrorKind.MODERATION
    assert provider_sim.created_count == 1
    assert not provider_sim.result_requests
    _clean(provider_sim, tmp_path)
