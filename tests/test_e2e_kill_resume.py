"""Kill ``sora-desktop generate`` with SIGKILL mid-way, then ``sora-desktop resume``.

The simulator runs in the test process (its jobs outlive the killed CLI), so the test can
prove there is exactly one remote job. The CLI's progress is watched through its SQLite
library file (read-only), never through sleeps.
"""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import av
import pytest

from sora_desktop.core.paths import AppPaths
from sora_desktop.simulator.server import SimulatorServer
from tests.cli_helpers import command

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX"),
]

Row = tuple[str, str | None]


@pytest.fixture
def server() -> Iterator[SimulatorServer]:
    with SimulatorServer(latency=1.0) as sim:
        yield sim


def cli(data_dir: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "sora_desktop", *args, "--data-dir", str(data_dir)]


def read_job(db: Path) -> Row | None:
    """(status, remote_id) of the only job, or None before the CLI stored it."""
    if not db.exists():
        return None
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1.0)
    except sqlite3.Error:
        return None
    try:
        row = conn.execute("SELECT status, remote_id FROM jobs").fetchone()
    except sqlite3.Error:  # created but not migrated yet, or briefly locked
        return None
    finally:
        conn.close()
    return (str(row[0]), row[1]) if row else None


def wait_for(
    proc: subprocess.Popen[str], what: str, condition: Callable[[], bool], timeout: float = 60.0
) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if proc.poll() is not None:
            _out, err = proc.communicate()
            pytest.fail(f"the CLI ended (rc={proc.returncode}) before {what}: {err}")
        if time.monotonic() > deadline:
            proc.kill()
            proc.communicate()
            pytest.fail(f"timed out waiting for {what}")
        time.sleep(0.02)  # polling a condition with a deadline, not a fixed wait


def kill(proc: subprocess.Popen[str]) -> None:
    os.kill(proc.pid, signal.SIGKILL)
    proc.communicate(timeout=30)
    assert proc.returncode == -signal.SIGKILL


def resume_and_check(data_dir: Path, server: SimulatorServer, seconds: int = 4) -> Path:
    result = subprocess.run(
        cli(data_dir, "resume"), capture_output=True, text=True, timeout=300, check=False
    )
    assert result.returncode == 0, result.stderr
    history = subprocess.run(
        cli(data_dir, "history", "--json"),
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    (record,) = json.loads(history.stdout)
    assert record["status"] == "ready"
    assert server.created_count == 1  # exactly one remote (paid) job
    assert server.video_ids() == [record["remote_id"]]
    clip = Path(record["file"])
    assert f"{record['id']} ready {clip}" in result.stdout
    with av.open(str(clip)) as container:
        assert container.streams.video and container.streams.audio
        assert container.duration is not None
        assert abs(container.duration / 1_000_000 - seconds) < 0.5
        assert sum(1 for _ in container.decode(video=0)) > 0
    paths = AppPaths.default(data_dir)
    assert list(paths.partial_dir.glob("*")) == []  # no leftover .part file
    return clip


def test_killed_while_polling_resumes_to_one_intact_clip(
    server: SimulatorServer, data_dir: Path
) -> None:
    db = AppPaths.default(data_dir).db_path
    proc = subprocess.Popen(
        cli(
            data_dir,
            "generate",
            "--prompt",
            "a fox in snow [sim:slow=6]",
            "--base-url",
            server.url + "/v1",
            "--kind",
            "simulator",
            "--out",
            str(data_dir.parent / "out"),
        ),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )

    def polling() -> bool:
        row = read_job(db)
        return row is not None and row[1] is not None and row[0] in ("queued", "in_progress")

    wait_for(proc, "the remote id to be stored", polling)
    kill(proc)
    row = read_job(db)
    assert row is not None and row[0] in ("queued", "in_progress")  # killed: no clean-up ran
    resume_and_check(data_dir, server)


def test_killed_while_downloading_resumes_the_partial_file(
    server: SimulatorServer, data_dir: Path
) -> None:
    paths = AppPaths.default(data_dir)
    proc = subprocess.Popen(
        cli(
            data_dir,
            "generate",
            "--prompt",
            "a big river [sim:pad=200]",
            "--base-url",
            server.url + "/v1",
            "--kind",
            "simulator",
            "--out",
            str(data_dir.parent / "out"),
        ),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )

    def downloading() -> bool:
        row = read_job(paths.db_path)
        if row is None or row[0] != "downloading":
            return False
        try:
            return any(p.stat().st_size > 1024 * 1024 for p in paths.partial_dir.glob("*.part"))
        except FileNotFoundError:  # renamed into the library between glob and stat
            return False

    wait_for(proc, "the download to start", downloading)
    kill(proc)
    (part,) = paths.partial_dir.glob("*.part")
    assert part.stat().st_size > 0
    clip = resume_and_check(data_dir, server)
    assert clip.stat().st_size > 200 * 1024 * 1024


def test_sigterm_marks_the_job_interrupted_and_resume_finishes_it(
    server: SimulatorServer, data_dir: Path
) -> None:
    db = AppPaths.default(data_dir).db_path
    proc = subprocess.Popen(
        cli(
            data_dir,
            "generate",
            "--prompt",
            "a heron [sim:slow=5]",
            "--base-url",
            server.url + "/v1",
            "--kind",
            "simulator",
            "--out",
            str(data_dir.parent / "out"),
        ),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )

    def polling() -> bool:
        row = read_job(db)
        return row is not None and row[1] is not None and row[0] in ("queued", "in_progress")

    wait_for(proc, "the remote id to be stored", polling)
    proc.send_signal(signal.SIGTERM)
    _out, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err
    assert command(data_dir, "resume") in err  # on the same library
    row = read_job(db)
    assert row is not None and row[0] == "interrupted"
    resume_and_check(data_dir, server)


def test_killed_on_the_built_in_simulator_resumes_on_it(data_dir: Path) -> None:
    """No --base-url: the CLI's own simulator renders, and dies with the CLI. ``resume``
    starts it again (another port), and it still has the job: one create in all."""
    paths = AppPaths.default(data_dir)
    proc = subprocess.Popen(
        cli(
            data_dir,
            "generate",
            "--prompt",
            "a lantern on a pier [sim:slow=6]",
            "--out",
            str(data_dir.parent / "out"),
        ),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )

    def polling() -> bool:
        row = read_job(paths.db_path)
        return row is not None and row[1] is not None and row[0] in ("queued", "in_progress")

    wait_for(proc, "the remote id to be stored", polling)
    kill(proc)
    result = subprocess.run(
        cli(data_dir, "resume"), capture_output=True, text=True, timeout=300, check=False
    )
    assert result.returncode == 0, result.stderr
    history = subprocess.run(
        cli(data_dir, "history", "--json"), capture_output=True, text=True, timeout=60, check=True
    )
    (record,) = json.loads(history.stdout)
    assert record["status"] == "ready" and record["connection"]["base_url"] == ""
    saved = json.loads((paths.simulator_dir / "jobs.json").read_text())
    assert [job["id"] for job in saved["jobs"]] == [record["remote_id"]]  # one create
    with av.open(record["file"]) as container:
        assert abs((container.duration or 0) / 1_000_000 - 4) < 0.5
        assert sum(1 for _ in container.decode(video=0)) > 0
