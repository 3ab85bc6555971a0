"""Money safety: a double click or Ctrl+Enter pressed twice sends ONE create, never two.

The real window against the real simulator over loopback; the simulator counts the creates
it accepted, the library (a real SQLite file) the jobs it holds.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from sora_desktop.core.models import JobStatus
from sora_desktop.gui.app import AppContext
from sora_desktop.simulator.server import SimulatorServer


def _finish_all(qtbot: QtBot, ctx: AppContext) -> None:
    """Wait until every stored job has ended: a second create, had one been sent, has
    reached the simulator by then."""
    qtbot.waitUntil(
        lambda: (
            bool(ctx.engine.store.list_jobs())
            and all(j.status.is_terminal for j in ctx.engine.store.list_jobs())
        ),
        timeout=60000,
    )


def test_a_double_click_on_generate_sends_one_create(
    make_loopback_app: Callable[[], AppContext], qtbot: QtBot, simulator: SimulatorServer
) -> None:
    ctx = make_loopback_app()
    w = ctx.window
    qtbot.keyClicks(w.prompt.edit, "A heron takes off from a misty lake")
    button = w.generate_button
    with qtbot.waitSignal(ctx.controller.job_submitted, timeout=20000):
        # what the window system delivers for a double click: a click, then a press that
        # is also a double-click event, then its release
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        qtbot.mouseDClick(button, Qt.MouseButton.LeftButton)
        qtbot.mouseRelease(button, Qt.MouseButton.LeftButton)
    _finish_all(qtbot, ctx)
    assert simulator.created_count == 1
    assert len(ctx.engine.store.list_jobs()) == 1
    assert w.queue.model.rowCount() == 1


def test_two_quick_clicks_send_one_create_and_generate_again_is_explicit(
    make_loopback_app: Callable[[], AppContext], qtbot: QtBot, simulator: SimulatorServer
) -> None:
    ctx = make_loopback_app()
    w = ctx.window
    button = w.generate_button
    # a generous hold, so a slow test machine can't outlast it between two statements
    w.send_guard.hold_ms = 3000
    qtbot.keyClicks(w.prompt.edit, "A kite over a windy beach")
    with qtbot.waitSignal(ctx.controller.job_submitted, timeout=20000):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)  # while it is being sent
        assert not button.isEnabled()
        assert button.text() == "Sending…"
    # accepted a moment ago: a click right now is still the same double click
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    w.generate()  # nor does a direct call get through
    _finish_all(qtbot, ctx)
    assert simulator.created_count == 1
    assert len(ctx.engine.store.list_jobs()) == 1
    # then the button says what another click does, and it does make a second job
    qtbot.waitUntil(button.isEnabled, timeout=10000)
    assert button.text() == "Generate again"
    assert "billed again" in button.toolTip()
    with qtbot.waitSignal(ctx.controller.job_submitted, timeout=20000):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    _finish_all(qtbot, ctx)
    assert simulator.created_count == 2
    assert len(ctx.engine.store.list_jobs()) == 2
    # a changed prompt is a new request: plain "Generate" again
    qtbot.keyClicks(w.prompt.edit, " at dusk")
    assert button.text() == "Generate"


def test_ctrl_enter_pressed_twice_sends_one_create(
    make_loopback_app: Callable[[], AppContext], qtbot: QtBot, simulator: SimulatorServer
) -> None:
    ctx = make_loopback_app()
    w = ctx.window
    w.activateWindow()
    w.prompt.edit.setFocus()
    qtbot.waitUntil(w.prompt.edit.hasFocus, timeout=5000)
    qtbot.keyClicks(w.prompt.edit, "Lanterns float down a river")
    with qtbot.waitSignal(ctx.controller.job_submitted, timeout=20000):
        for _ in range(2):
            qtbot.keyClick(w.prompt.edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(w.prompt.edit, Qt.Key.Key_Enter, Qt.KeyboardModifier.ControlModifier)
    _finish_all(qtbot, ctx)
    assert simulator.created_count == 1
    jobs = ctx.engine.store.list_jobs()
    assert len(jobs) == 1 and jobs[0].status is JobStatus.READY
    assert w.prompt.text() == "Lanterns float down a river"  # no newline typed either


def test_a_different_request_is_not_held_back(
    make_loopback_app: Callable[[], AppContext], qtbot: QtBot, simulator: SimulatorServer
) -> None:
    """The guard is per request: a new prompt goes at once (several jobs at a time work)."""
    ctx = make_loopback_app()
    w = ctx.window
    submitted: list[object] = []
    ctx.controller.job_submitted.connect(submitted.append)
    w.prompt.set_text("First: a red door")
    w.generate()
    w.prompt.set_text("Second: a blue door")
    assert w.generate_button.isEnabled()
    w.generate()
    qtbot.waitUntil(lambda: len(submitted) == 2, timeout=20000)
    _finish_all(qtbot, ctx)
    assert simulator.created_count == 2


def test_clicks_while_the_first_send_is_still_being_prepared_send_one_create(
    make_loopback_app: Callable[[], AppContext],
    qtbot: QtBot,
    simulator: SimulatorServer,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Before the paid create, a send prepares its images off the GUI thread (a big one
    takes a while to convert). A double click, Ctrl+Enter and a direct call meanwhile are
    the same request: refused, however long the preparation takes."""
    from sora_desktop.usecases import generate as usecase

    gate = threading.Event()
    preparing = threading.Event()
    prepare = usecase.prepare_reference_image

    def slow_prepare(*args: Any, **kw: Any) -> Any:
        preparing.set()
        gate.wait(30)
        return prepare(*args, **kw)

    monkeypatch.setattr(usecase, "prepare_reference_image", slow_prepare)
    ctx = make_loopback_app()
    w = ctx.window
    button = w.generate_button
    qtbot.keyClicks(w.prompt.edit, "A tram crosses a bridge at night")
    submitted: list[object] = []
    ctx.controller.job_submitted.connect(submitted.append)
    try:
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(preparing.is_set, timeout=10000)
        assert button.text() == "Sending…" and not button.isEnabled()
        qtbot.mouseDClick(button, Qt.MouseButton.LeftButton)
        qtbot.keyClick(w.prompt.edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
        w.generate()
    finally:
        gate.set()
    qtbot.waitUntil(lambda: len(submitted) == 1, timeout=20000)
    _finish_all(qtbot, ctx)
    assert simulator.created_count == 1
    assert len(ctx.engine.store.list_jobs()) == 1
    assert len(submitted) == 1
