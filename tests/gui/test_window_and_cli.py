"""Money safety across processes: the window opened while ``sora-desktop generate`` on the
same library has its create in flight. The window resumes unfinished jobs at every start;
it must wait for the command (core/job_locks.py), saying so, and never send that create
again. The real window and the real CLI in a subprocess, against the simulator behind the
fault proxy that counts the creates."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from pytestqt.qtbot import QtBot

from sora_desktop.core.job_locks import HELD_ELSEWHERE
from sora_desktop.core.models import JobEvent, JobStatus
from sora_desktop.gui.app import AppContext
from sora_desktop.simulator.server import SimulatorServer
from tests.reliability.faultserver import Delay, FaultServer

ROOT = Path(__file__).resolve().parents[2]
CREATE = r"^/v1/videos$"


def test_the_window_started_while_the_cli_sends_a_create_never_sends_it_again(
    make_app: Callable[..., AppContext],
    data_dir: Path,
    simulator: SimulatorServer,
    qtbot: QtBot,
    tmp_path: Path,
) -> None:
    with FaultServer(simulator.url) as proxy:
        proxy.add("POST", CREATE, Delay(4.0))  # in flight while the window starts
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT)]))}
        cli = subprocess.Popen(
            [
                *(sys.executable, "-m", "sora_desktop", "generate"),
                *("--prompt", "a paper boat", "--out", str(tmp_path / "out")),
                *("--base-url", proxy.url + "/v1", "--kind", "simulator"),
                *("--data-dir", str(data_dir)),
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        try:
            qtbot.waitUntil(lambda: proxy.count("POST", CREATE) == 1, timeout=60_000)
            ctx = make_app()
            said: list[str] = []

            def heard(event: JobEvent) -> None:
                if event.message:
                    said.append(event.message)

            ctx.controller.job_event.connect(heard)
            with qtbot.waitSignal(ctx.controller.resumed, timeout=30_000) as resumed:
                ctx.start_background()  # what the window does after its first paint
            (job,) = resumed.args[0]
            _out, err = cli.communicate(timeout=120)
        finally:
            if cli.poll() is None:
                cli.kill()
                cli.communicate()
        assert cli.returncode == 0, err
        qtbot.waitUntil(lambda: not ctx.controller.service.is_running(job.id), timeout=30_000)
        assert proxy.count("POST", CREATE) == 1, "the window sent the CLI's create again"
    stored = ctx.engine.store.get(job.id)
    assert stored is not None and stored.status is JobStatus.READY
    assert simulator.created_count == 1
    assert any(m == HELD_ELSEWHERE for m in said), said
