""" "Keep for next start" with the built-in simulator, through the app's composition root.

The app is closed mid-render (keeping the job), its built-in simulator stops with it, and
the next start finds the simulator on another port: the job still finishes, with a real
MP4, and the simulator saw one create in all. When the simulator's saved jobs are gone the
job ends with a reason instead of polling forever.
"""

from __future__ import annotations

import json
import shutil
import socket
from collections.abc import Callable

import av
import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from sora_desktop.core.models import Job, JobEvent, JobStatus
from sora_desktop.core.store import JobStore
from sora_desktop.gui.app import AppContext
from tests.gui.test_main_window import answer_close_dialog

SLOW = 8  # seconds the kept job renders ([sim:slow=8]): it is mid-way when the app closes


@pytest.fixture
def make_app(make_app: Callable[..., AppContext]) -> Callable[[], AppContext]:
    """Windows over the built-in simulator (``make_app`` of tests/gui/conftest.py)."""
    return lambda: make_app(sim_latency=1.0)


def start_and_keep(
    make_app: Callable[[], AppContext], qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> tuple[str, int]:
    """Generate on the built-in simulator, wait until it renders, close the app keeping the
    job. Returns the job id and the port the simulator had."""
    ctx = make_app()
    ctx.start_background()
    ctx.window.prompt.set_text(f"A lantern kept for later [sim:slow={SLOW}]")
    with qtbot.waitSignal(ctx.controller.job_submitted, timeout=30000) as submitted:
        ctx.window.generate()
    job: Job = submitted.args[0]

    def rendering(event: JobEvent) -> bool:
        return event.job_id == job.id and event.status is JobStatus.IN_PROGRESS

    with qtbot.waitSignal(ctx.controller.job_event, check_params_cb=rendering, timeout=30000):
        pass
    server = ctx.simulator.server
    assert server is not None and server.created_count == 1
    port = server.port
    answer_close_dialog(monkeypatch, QMessageBox.ButtonRole.AcceptRole)  # Keep for next start
    ctx.close()  # the app and its simulator stop
    with JobStore(ctx.paths.db_path) as store:
        kept = store.get(job.id)
    assert kept is not None and kept.status is JobStatus.INTERRUPTED
    assert kept.remote_id is not None
    assert kept.connection.base_url == ""  # the job keeps no port: the next one differs
    return job.id, port


def test_a_kept_job_finishes_on_the_next_start_with_the_simulator_on_another_port(
    make_app: Callable[[], AppContext], qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    job_id, old_port = start_and_keep(make_app, qtbot, monkeypatch)
    with socket.socket() as taken:  # the old port is someone else's now
        taken.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # past any TIME_WAIT
        taken.bind(("127.0.0.1", old_port))
        taken.listen()
        ctx = make_app()
        with qtbot.waitSignal(ctx.controller.job_finished, timeout=90000) as finished:
            ctx.start_background()
        server = ctx.simulator.server
        assert server is not None and server.port != old_port
    job: Job = finished.args[0]
    assert job.id == job_id and job.status is JobStatus.READY
    assert server.created_count == 0  # resumed, never created again
    saved = json.loads((ctx.paths.simulator_dir / "jobs.json").read_text())
    assert [j["id"] for j in saved["jobs"]] == [job.remote_id]  # one create in all
    assert job.file_path is not None
    with av.open(str(job.file_path)) as clip:
        assert (clip.streams.video[0].width, clip.streams.video[0].height) == (720, 1280)
        assert sum(1 for _ in clip.decode(video=0)) > 0


def test_a_kept_job_the_simulator_no_longer_has_ends_with_the_reason(
    make_app: Callable[[], AppContext], qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    job_id, _ = start_and_keep(make_app, qtbot, monkeypatch)
    ctx = make_app()
    shutil.rmtree(ctx.paths.simulator_dir)  # its saved jobs are gone
    with qtbot.waitSignal(ctx.controller.job_failed, timeout=60000) as failed:
        ctx.start_background()
    job: Job = failed.args[0]
    assert job.id == job_id and job.status is JobStatus.FAILED
    assert job.error_message is not None and "no longer has this job" in job.error_message
    server = ctx.simulator.server
    assert server is not None and server.created_count == 0  # not made again behind our back
