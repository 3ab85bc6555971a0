"""Errors that retrying can't fix end with ONE plain line, a distinct exit code and no retry
storm: the fault proxy counts every request the real CLI sent."""

from __future__ import annotations

from pathlib import Path
from subprocess import CompletedProcess

import pytest

from sora_desktop.core.errors import ExitCode
from sora_desktop.simulator.server import SimulatorServer
from tests.reliability.conftest import error_line, history, proxied, run_cli
from tests.reliability.faultserver import FaultServer, Respond, error_body

POLL = r"^/v1/videos/[^/]+$"
VIDEOS = r"^/v1/videos$"
ANY = r"^/v1/"

REFUSALS = {
    401: (error_body("Incorrect API key provided.", "invalid_api_key"), "key was refused"),
    403: (error_body("You do not have access to sora-2.", "model_not_found"), "not granted"),
    404: (
        error_body(
            "The API deployment 'sora-prod' for this resource does not exist.",
            "DeploymentNotFound",
        ),
        "deployment was not found",
    ),
}


def generate(
    fault: FaultServer, data_dir: Path, out_dir: Path, prompt: str = "a paper boat"
) -> CompletedProcess[str]:
    return run_cli(
        "generate",
        "--prompt",
        prompt,
        "--out",
        str(out_dir),
        "--give-up-after",
        "30",
        *proxied(fault),
        data_dir=data_dir,
    )


@pytest.mark.parametrize("status", sorted(REFUSALS))
def test_refused_create_is_sent_exactly_once(
    sim: SimulatorServer, fault: FaultServer, data_dir: Path, out_dir: Path, status: int
) -> None:
    body, words = REFUSALS[status]
    fault.add("POST", VIDEOS, Respond(status, body))
    result = generate(fault, data_dir, out_dir)
    assert result.returncode == ExitCode.AUTH, result.stderr
    line = error_line(result)
    assert words in line
    assert len(fault.seen) == 1  # one request in all: no retry, no reconcile
    assert sim.created_count == 0
    (record,) = history(data_dir)
    assert record["status"] == "failed" and record["remote_id"] is None
    assert not out_dir.exists() or not any(out_dir.iterdir())


@pytest.mark.parametrize("status", [401, 403])
def test_refused_poll_stops_after_one(
    sim: SimulatorServer, fault: FaultServer, data_dir: Path, out_dir: Path, status: int
) -> None:
    body, words = REFUSALS[status]
    fault.add("GET", POLL, Respond(status, body), times=None)
    result = generate(fault, data_dir, out_dir)
    assert result.returncode == ExitCode.AUTH, result.stderr
    assert words in error_line(result)
    assert fault.count("GET", POLL) == 1
    assert fault.count("POST", VIDEOS) == 1 and sim.created_count == 1
    assert history(data_dir)[0]["status"] == "failed"


def test_other_remote_failure_exits_4_with_the_reason(
    sim: SimulatorServer, fault: FaultServer, data_dir: Path, out_dir: Path
) -> None:
    result = generate(fault, data_dir, out_dir, "a paper boat [sim:fail]")
    assert result.returncode == ExitCode.REMOTE_FAILED, result.stderr
    line = error_line(result)
    assert "could not make this video" in line and "Try again" in line
    assert fault.count("POST", VIDEOS) == 1 and sim.created_count == 1
    assert fault.count("GET", r"/content$") == 0
    assert history(data_dir)[0]["status"] == "failed"


def test_moderation_exits_4_and_is_not_retried(
    sim: SimulatorServer, fault: FaultServer, data_dir: Path, out_dir: Path
) -> None:
    result = generate(fault, data_dir, out_dir, "a famous actor [sim:moderation]")
    assert result.returncode == ExitCode.REMOTE_FAILED, result.stderr
    line = error_line(result)
    assert "content rules" in line and "Rephrase" in line
    assert fault.count("POST", VIDEOS) == 1 and sim.created_count == 1
    (record,) = history(data_dir)
    assert record["status"] == "failed" and record["error_code"] == "moderation_blocked"


def test_expired_assets_exit_5_without_recreating(
    sim: SimulatorServer, fault: FaultServer, data_dir: Path, out_dir: Path
) -> None:
    result = generate(fault, data_dir, out_dir, "a sunset [sim:expired]")
    assert result.returncode == ExitCode.EXPIRED, result.stderr
    assert "never re-creates" in error_line(result)
    assert fault.count("POST", VIDEOS) == 1 and sim.created_count == 1
    assert fault.count("GET", r"/content$") <= 1
    assert history(data_dir)[0]["status"] == "expired"
