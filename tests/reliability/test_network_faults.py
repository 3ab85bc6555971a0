"""Network and service trouble, injected by the fault proxy over loopback: the real CLI (in a
subprocess) or the real service and client retry what retrying can fix, wait as told, and
still end with ONE remote job and an intact clip."""

from __future__ import annotations

import itertools
import socket
from collections.abc import Iterator
from pathlib import Path
from subprocess import CompletedProcess

import httpx
import pytest

from sora_desktop.core.errors import ExitCode
from sora_desktop.core.models import Job, JobStatus
from sora_desktop.core.service import GenerationService
from sora_desktop.simulator.server import SimulatorServer
from tests.fail_on_unexpected import ExpectLog
from tests.reliability.conftest import error_line, history, proxied, run_cli
from tests.reliability.engine import assert_intact, assert_ready, connection, request, run_service
from tests.reliability.faultserver import FaultServer, Hang, Respond, error_body

POLL = r"^/v1/videos/[^/]+$"
CREATE = r"^/v1/videos$"


def generate(
    fault: FaultServer, data_dir: Path, out_dir: Path, prompt: str, *extra: str
) -> CompletedProcess[str]:
    return run_cli(
        "generate",
        "--prompt",
        prompt,
        "--out",
        str(out_dir),
        *proxied(fault),
        *extra,
        data_dir=data_dir,
    )


def gaps(fault: FaultServer, method: str, path: str) -> list[float]:
    times = [s.at for s in fault.requests(method, path)]
    return [b - a for a, b in itertools.pairwise(times)]


def test_429_with_retry_after_on_create_is_waited_out_then_sent_again(
    sim: SimulatorServer, fault: FaultServer, data_dir: Path, out_dir: Path
) -> None:
    fault.add(
        "POST",
        CREATE,
        Respond(
            429, error_body("Too many running tasks", "rate_limit_exceeded"), {"Retry-After": "1"}
        ),
    )
    result = generate(fault, data_dir, out_dir, "a paper boat on a pond")
    assert result.returncode == 0, result.stderr
    assert fault.count("POST", CREATE) == 2  # a 429 is an answer: the job was not taken
    assert gaps(fault, "POST", CREATE)[0] >= 0.9  # waited the second it was told to
    assert sim.created_count == 1
    assert_intact(Path(result.stdout.splitlines()[-1]))


def test_429_with_retry_after_ms_on_polls_waits_the_milliseconds(
    sim: SimulatorServer, fault: FaultServer, data_dir: Path, out_dir: Path
) -> None:
    fault.add(
        "GET",
        POLL,
        Respond(429, error_body("Slow down", "rate_limit_exceeded"), {"retry-after-ms": "700"}),
        times=2,
    )
    result = generate(fault, data_dir, out_dir, "a paper boat on a pond")
    assert result.returncode == 0, result.stderr
    polls = gaps(fault, "GET", POLL)
    assert len(polls) >= 2
    # after each 429 the next poll came no sooner than 0.7 s (and not the 2 s default backoff)
    assert 0.65 <= polls[0] < 1.9 and 0.65 <= polls[1] < 1.9, polls
    assert sim.created_count == 1
    assert_intact(Path(result.stdout.splitlines()[-1]))


@pytest.mark.parametrize("status", [500, 502, 503])
def test_5xx_on_polls_is_retried_to_a_ready_clip(
    sim: SimulatorServer, fault: FaultServer, data_dir: Path, out_dir: Path, status: int
) -> None:
    fault.add(
        "GET", POLL, Respond(status, error_body("upstream trouble", None, "server_error")), times=2
    )
    result = generate(fault, data_dir, out_dir, "a paper boat on a pond")
    assert result.returncode == 0, result.stderr
    assert fault.count("GET", POLL) >= 3
    assert fault.count("POST", CREATE) == 1 and sim.created_count == 1
    (record,) = history(data_dir)
    assert record["status"] == "ready"
    assert_intact(Path(result.stdout.splitlines()[-1]))


def test_5xx_on_polls_past_give_up_exits_6_and_resume_finishes(
    sim: SimulatorServer, fault: FaultServer, data_dir: Path, out_dir: Path
) -> None:
    rule = fault.add(
        "GET", POLL, Respond(503, error_body("down", None, "server_error")), times=None
    )
    result = generate(fault, data_dir, out_dir, "a paper boat on a pond", "--give-up-after", "2")
    assert result.returncode == ExitCode.NETWORK, result.stderr
    assert "unavailable" in error_line(result)
    (record,) = history(data_dir)
    assert record["status"] == "interrupted" and record["remote_id"]
    rule.times = 0  # the service is back
    resumed = run_cli("resume", data_dir=data_dir)
    assert resumed.returncode == 0, resumed.stderr
    assert sim.created_count == 1 and fault.count("POST", CREATE) == 1
    assert history(data_dir)[0]["status"] == "ready"


def test_read_timeout_on_a_poll_is_retried(
    sim: SimulatorServer, fault: FaultServer, data_dir: Path
) -> None:
    fault.add("GET", POLL, Hang())

    async def body(service: GenerationService) -> Job:
        return await service.generate(request(), connection(fault.url + "/v1"))

    job = run_service(data_dir, body, timeout=httpx.Timeout(5.0, read=0.5))
    assert_ready(job)
    assert fault.count("GET", POLL) >= 2
    assert sim.created_count == 1


def test_read_timeout_on_a_create_that_never_landed_reconciles_then_sends_once_more(
    sim: SimulatorServer, fault: FaultServer, data_dir: Path, expect_log: ExpectLog
) -> None:
    fault.add("POST", CREATE, Hang())  # not forwarded: the server never saw it

    async def body(service: GenerationService) -> Job:
        return await service.generate(request(), connection(fault.url + "/v1"))

    with expect_log("sora_desktop.core.jobrunner", r"create reply lost \(.*timeout"):
        job = run_service(data_dir, body, timeout=httpx.Timeout(5.0, read=0.5))
    assert_ready(job)
    assert fault.count("GET", CREATE) >= 1  # listed before any resend
    first_list = fault.requests("GET", CREATE)[0].at
    second_post = fault.requests("POST", CREATE)[1].at
    assert first_list < second_post
    assert fault.count("POST", CREATE) == 2 and sim.created_count == 1


@pytest.fixture
def full_backlog() -> Iterator[int]:
    """A port whose accept queue is full: a connect there times out (SYNs are dropped)."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(0)
    filler = socket.create_connection(listener.getsockname())
    try:
        yield int(listener.getsockname()[1])
    finally:
        filler.close()
        listener.close()


def test_connect_timeout_fails_without_a_remote_job(
    full_backlog: int, data_dir: Path, expect_log: ExpectLog
) -> None:
    async def body(service: GenerationService) -> Job:
        return await service.generate(request(), connection(f"http://127.0.0.1:{full_backlog}/v1"))

    with expect_log("sora_desktop.core.service", "giving up for now: Could not connect"):
        job = run_service(
            data_dir, body, timeout=httpx.Timeout(5.0, connect=0.3), give_up_after=1.0
        )
    assert job.status is JobStatus.FAILED and job.remote_id is None
    assert job.error_message is not None and "connect" in job.error_message.lower()


def test_dns_failure_exits_6_naming_dns(data_dir: Path, out_dir: Path) -> None:
    result = run_cli(
        "generate",
        "--prompt",
        "a cat",
        "--base-url",
        "https://sora-desktop-test.invalid/v1",
        "--kind",
        "compatible",
        "--give-up-after",
        "1",
        "--out",
        str(out_dir),
        data_dir=data_dir,
    )
    assert result.returncode == ExitCode.NETWORK, result.stderr
    assert "DNS" in error_line(result)
    (record,) = history(data_dir)
    assert record["status"] == "failed" and record["remote_id"] is None
    assert not out_dir.exists() or not any(out_dir.iterdir())
