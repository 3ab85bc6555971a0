"""SendGuard: the same request is refused while it is sent and for a moment after."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from sora_desktop.gui.send_guard import SendGuard


def test_the_same_request_waits_a_different_one_goes(qtbot: QtBot) -> None:
    guard = SendGuard(hold_ms=200)
    changes: list[bool] = []
    guard.changed.connect(lambda: changes.append(True))
    assert guard.begin("a")
    assert guard.is_sending("a") and guard.blocked("a")
    assert not guard.begin("a")  # the second click while it is being sent
    assert guard.begin("b")  # another request is not held back
    guard.accepted("a")
    assert not guard.is_sending("a") and guard.blocked("a")  # the tail of a double click
    assert guard.last_sent == "a"
    qtbot.waitUntil(lambda: not guard.blocked("a"), timeout=5000)
    assert guard.begin("a")  # now an explicit "again"
    guard.failed("a")  # refused before any create: may go again at once
    assert not guard.blocked("a")
    assert changes  # the window updates its button on each step


def test_each_request_has_its_own_hold(qtbot: QtBot) -> None:
    guard = SendGuard(hold_ms=300)
    guard.begin("a")
    guard.accepted("a")
    guard.begin("b")
    guard.accepted("b")
    assert guard.last_sent == "b"
    qtbot.waitUntil(lambda: not guard.blocked("a") and not guard.blocked("b"), timeout=5000)
