"""Two processes on one library: ``generate`` sending a create while ``resume`` runs in
another process (as the window resumes at start while a command runs, or the other way
round). Only one process drives a job at a time (core/job_locks.py): the create is sent
once; ``resume`` waits for the other process and reports the job it finished."""

from __future__ import annotations

from pathlib import Path

from sora_desktop.core.paths import AppPaths
from sora_desktop.simulator.server import SimulatorServer
from tests.reliability.conftest import history, run_cli
from tests.reliability.engine import assert_intact
from tests.reliability.faultserver import Delay, FaultServer
from tests.reliability.test_crashes import VIDEOS, read_job, start_generate, until


def test_resume_in_another_process_never_sends_a_create_that_is_in_flight_again(
    sim: SimulatorServer, fault: FaultServer, data_dir: Path, out_dir: Path
) -> None:
    fault.add("POST", VIDEOS, Delay(3.0))  # in flight, not yet landed, while resume starts
    db = AppPaths.default(data_dir).db_path
    proc = start_generate(fault, data_dir, out_dir)
    until(
        "the create to be in flight",
        lambda: fault.count("POST", VIDEOS) == 1 and read_job(db) == ("submitting", None),
        proc,
    )
    resumed = run_cli("resume", data_dir=data_dir)
    _out, err = proc.communicate(timeout=120)
    assert proc.returncode == 0, err
    assert resumed.returncode == 0, resumed.stderr
    assert fault.count("POST", VIDEOS) == 1, "the create was sent twice"
    (record,) = history(data_dir)
    assert record["status"] == "ready"
    assert sim.created_count == 1 and sim.video_ids() == [record["remote_id"]]
    assert_intact(Path(str(record["file"])))
