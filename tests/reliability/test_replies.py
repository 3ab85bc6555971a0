"""Lost and strange replies: a create whose reply never came, bodies that are not JSON,
unknown statuses, missing and extra fields. The real CLI runs in a subprocess against the
fault proxy in front of the simulator; the simulator's count proves "one remote job"."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sora_desktop.simulator.server import SimulatorServer
from tests.reliability.conftest import history, proxied, run_cli
from tests.reliability.engine import assert_intact
from tests.reliability.faultserver import Drop, FaultServer, Mutate, Respond

POLL = r"^/v1/videos/[^/]+$"
VIDEOS = r"^/v1/videos$"


def generate(
    fault: FaultServer, data_dir: Path, out_dir: Path, prompt: str = "a paper boat"
) -> dict[str, Any]:
    result = run_cli(
        "generate", "--prompt", prompt, "--out", str(out_dir), *proxied(fault), data_dir=data_dir
    )
    assert result.returncode == 0, result.stderr
    clip = Path(result.stdout.splitlines()[-1])
    assert clip.parent == out_dir
    assert_intact(clip)
    (record,) = history(data_dir)
    assert record["status"] == "ready"
    return record


def test_create_reply_lost_after_the_server_registered_it_is_found_by_listing(
    sim: SimulatorServer, fault: FaultServer, data_dir: Path, out_dir: Path
) -> None:
    fault.add("POST", VIDEOS, Drop(forward_first=True))
    record = generate(fault, data_dir, out_dir)
    assert fault.count("POST", VIDEOS) == 1  # never resent
    assert fault.count("GET", VIDEOS) >= 1  # found again through GET /videos
    assert sim.created_count == 1
    assert sim.video_ids() == [record["remote_id"]]


def test_create_that_provably_never_arrived_is_resent_once_after_listing(
    sim: SimulatorServer, fault: FaultServer, data_dir: Path, out_dir: Path
) -> None:
    fault.add("POST", VIDEOS, Drop(forward_first=False))  # dropped before reaching the server
    generate(fault, data_dir, out_dir)
    posts = fault.requests("POST", VIDEOS)
    lists = fault.requests("GET", VIDEOS)
    assert len(posts) == 2 and sim.created_count == 1
    assert lists and lists[0].at < posts[1].at  # the list proved it absent before the resend


def test_create_answered_with_something_not_a_video_is_reconciled_not_resent(
    sim: SimulatorServer, fault: FaultServer, data_dir: Path, out_dir: Path
) -> None:
    fault.add("POST", VIDEOS, Mutate(lambda _video: "<html>gateway</html>"))
    generate(fault, data_dir, out_dir)
    assert fault.count("POST", VIDEOS) == 1 and sim.created_count == 1


def test_create_that_made_the_job_but_answered_502_is_adopted_not_resent(
    sim: SimulatorServer, fault: FaultServer, data_dir: Path, out_dir: Path
) -> None:
    def bad_gateway(_video: Any) -> dict[str, Any]:
        return {"error": {"message": "Bad gateway", "type": "server_error", "param": None}}

    fault.add("POST", VIDEOS, Mutate(bad_gateway, status=502))  # forwarded: the job exists
    record = generate(fault, data_dir, out_dir)
    assert fault.count("POST", VIDEOS) == 1 and fault.count("GET", VIDEOS) >= 1
    assert sim.created_count == 1 and sim.video_ids() == [record["remote_id"]]


def test_poll_bodies_that_are_not_json_are_retried(
    sim: SimulatorServer, fault: FaultServer, data_dir: Path, out_dir: Path
) -> None:
    fault.add(
        "GET", POLL, Respond(200, b"<html>captive portal</html>", content_type="text/html"), times=2
    )
    generate(fault, data_dir, out_dir)
    assert fault.count("GET", POLL) >= 3 and sim.created_count == 1


def test_unknown_status_values_keep_polling(
    sim: SimulatorServer, fault: FaultServer, data_dir: Path, out_dir: Path
) -> None:
    def unknown(video: dict[str, Any]) -> dict[str, Any]:
        return {**video, "status": "preprocessing"}

    fault.add("GET", POLL, Mutate(unknown), times=3)
    generate(fault, data_dir, out_dir)
    assert fault.count("GET", POLL) >= 4 and sim.created_count == 1


def test_missing_optional_and_extra_fields_are_accepted(
    sim: SimulatorServer, fault: FaultServer, data_dir: Path, out_dir: Path
) -> None:
    optional = (
        "object",
        "progress",
        "completed_at",
        "expires_at",
        "remixed_from_video_id",
        "error",
        "size",
        "seconds",
        "model",
        "prompt",
    )

    def sparse(video: dict[str, Any]) -> dict[str, Any]:
        kept = {k: v for k, v in video.items() if k not in optional}
        return {**kept, "future_field": {"nested": [1, 2]}, "usage": None}

    fault.add("POST", VIDEOS, Mutate(sparse))
    fault.add("GET", POLL, Mutate(sparse), times=None)
    record = generate(fault, data_dir, out_dir)
    assert fault.count("GET", POLL) >= 1 and sim.created_count == 1
    assert record["size"] == "720x1280" and record["seconds"] == 4  # ours, not the reply's
