"""The window says what happened to a create: "Sending…" until it went out, then "Sent";
and while the service can't be reached, the queue row says so, with why."""

from __future__ import annotations

import socket
import time
import uuid
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from sora_desktop.gui.app import AppContext
from sora_desktop.gui.main_window import CLOSE_CANCEL
from sora_desktop.gui.queue_model import COL_PROGRESS
from sora_desktop.simulator.server import SimulatorServer


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
    return port  # nothing listens there now: a connection is refused


def test_a_service_that_cant_be_reached_is_never_said_to_be_sent(
    make_app: Callable[..., AppContext], qtbot: QtBot
) -> None:
    """The walk: a wrong base URL, Generate, and the status bar said "Sent. Rendering…" while
    the row said "Sending" for minutes, with nothing to act on."""
    ctx = make_app(simulator_url=f"http://127.0.0.1:{_closed_port()}/v1")
    w = ctx.window
    w.ask_close = lambda _running: CLOSE_CANCEL  # type: ignore[method-assign]
    w.prompt.set_text("A heron takes off from a misty lake")
    with qtbot.waitSignal(ctx.controller.job_submitted, timeout=20000):
        w.generate()
    assert w.statusBar().currentMessage() == "Sending…"
    model = w.queue.model
    cell = model.index(0, COL_PROGRESS)
    qtbot.waitUntil(
        lambda: str(model.data(cell)).startswith("Can't reach the service"), timeout=20000
    )
    tip = str(model.data(cell, Qt.ItemDataRole.ToolTipRole))
    why = tip.splitlines()[1]  # why, and what to check
    assert "connect" in why and "base URL" in why
    assert "Sent" not in w.statusBar().currentMessage()


def test_a_create_that_went_out_is_said_to_be_sent(
    make_loopback_app: Callable[[], AppContext], qtbot: QtBot
) -> None:
    ctx = make_loopback_app()
    w = ctx.window
    said: list[str] = []
    w.statusBar().messageChanged.connect(said.append)
    w.prompt.set_text("A kite over a windy beach")
    w.generate()
    qtbot.waitUntil(lambda: "Sent. Rendering…" in said, timeout=20000)
    assert said.index("Sending…") < said.index("Sent. Rendering…")


def test_a_job_resumed_before_its_create_was_confirmed_says_it_checks_first(
    simulator: SimulatorServer,
    make_app: Callable[..., AppContext],
    data_dir: Path,
    qtbot: QtBot,
) -> None:
    """The window closed (or crashed) between the create going out and its reply: on the
    next start the service is asked whether it arrived before anything is sent again. The
    row said plain "Sending" meanwhile; it says it checks, then sends it once."""
    from sora_desktop.core.models import Connection, ConnectionKind, Job, JobStatus, VideoRequest
    from sora_desktop.core.paths import AppPaths
    from sora_desktop.core.store import JobStore

    now = time.time()
    job = Job(
        id=uuid.uuid4().hex,
        request=VideoRequest(prompt="A lighthouse in fog", model="sora-2", size="1280x720",
                             seconds=4),
        connection=Connection(kind=ConnectionKind.SIMULATOR, base_url=simulator.url + "/v1"),
        status=JobStatus.SUBMITTING,
        created_at=now,
        updated_at=now,
        submitted_at=now,
    )  # fmt: skip
    with JobStore(AppPaths.default(data_dir).db_path) as store:
        store.add(job)
    ctx = make_app(simulator_url=simulator.url)
    ctx.window.ask_close = lambda _running: CLOSE_CANCEL  # type: ignore[method-assign]
    model = ctx.window.queue.model
    seen: list[str] = []

    def look(*_args: object) -> None:
        row = model.row_of(job.id)
        if row is not None:
            text = str(model.data(model.index(row, COL_PROGRESS)))
            if not seen or seen[-1] != text:
                seen.append(text)

    model.dataChanged.connect(look)
    model.rowsInserted.connect(look)
    with qtbot.waitSignal(ctx.controller.job_finished, timeout=60000):
        ctx.start_background()
    checking = "Checking whether the earlier send reached the service"
    assert checking in seen, seen
    assert seen.index(checking) < seen.index("Sending"), seen  # checked, then sent again
    assert simulator.created_count == 1  # it had not arrived: sent once
