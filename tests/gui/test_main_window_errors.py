"""One error presenter (SoraError in plain words, crashes with the log path) and the
notifications raised when a job ends while the window is in the background."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox, QSystemTrayIcon, QWidget
from pytestqt.qtbot import QtBot

from sora_desktop.core.errors import RateLimitedError
from sora_desktop.core.paths import AppPaths
from sora_desktop.gui.app import AppContext, build
from sora_desktop.gui.banner import Banner
from sora_desktop.gui.error_presenter import ErrorPresenter
from sora_desktop.gui.notifications import Notifier
from tests.fail_on_unexpected import ExpectLog

# These tests pretend this headless platform has a system tray; Qt then notices it has none.
FAKE_TRAY = pytest.mark.qt_log_ignore(
    "QObject::connect: No such signal QPlatformNativeInterface::systemTrayWindowChanged.*"
)


def test_sora_error_goes_to_the_inline_banner(qtbot: QtBot, boxes: list[QMessageBox]) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    banner = Banner(parent)
    banner.hide()
    presenter = ErrorPresenter(parent, Path("/logs/x.log"), banner)
    err = RateLimitedError("Too many requests <now>.", "Wait 20 seconds and try again.")
    with qtbot.waitSignal(presenter.shown) as blocker:
        presenter.show(err)
    assert not banner.isHidden()
    assert "Too many requests &lt;now&gt;." in banner.label.text()  # escaped, not markup
    assert "Wait 20 seconds" in banner.label.text()
    assert blocker.args[0] == "Too many requests <now>. Wait 20 seconds and try again."
    assert boxes == []
    presenter.show(err, modal=True)
    assert len(boxes) == 1
    assert boxes[0].text() == "Too many requests <now>."
    assert boxes[0].informativeText() == "Wait 20 seconds and try again."


def test_unexpected_exceptions_open_the_crash_dialog(
    qtbot: QtBot, boxes: list[QMessageBox], tmp_path: Path, expect_log: ExpectLog
) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    log_path = tmp_path / "logs" / "sora-desktop.log"
    presenter = ErrorPresenter(parent, log_path)
    previous = sys.excepthook
    presenter.install_excepthook()
    try:
        assert sys.excepthook != previous
        with expect_log("sora_desktop.gui", "unexpected error", "ERROR"):
            try:
                raise ZeroDivisionError("boom")
            except ZeroDivisionError as exc:
                sys.excepthook(type(exc), exc, exc.__traceback__)
    finally:
        presenter.uninstall_excepthook()
    assert sys.excepthook == previous
    assert len(boxes) == 1
    box = boxes[0]
    assert box.icon() == QMessageBox.Icon.Critical
    assert str(log_path) in box.informativeText()
    assert "ZeroDivisionError: boom" in box.detailedText()
    with expect_log("sora_desktop.gui", "unexpected error", "ERROR"):
        presenter.show(ValueError("not a SoraError"))  # also a crash
    assert len(boxes) == 2 and "ValueError" in boxes[1].detailedText()


@pytest.fixture
def ctx(data_dir: Path, qtbot: QtBot) -> Iterator[AppContext]:
    context = build(AppPaths.default(data_dir), sim_latency=1.0)
    context.window.show()
    qtbot.waitExposed(context.window)
    yield context
    context.close()


@FAKE_TRAY
def test_a_failed_job_is_explained_and_notified(
    ctx: AppContext, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    messages: list[tuple[str, str]] = []
    monkeypatch.setattr(QSystemTrayIcon, "isSystemTrayAvailable", staticmethod(lambda: True))
    monkeypatch.setattr(
        QSystemTrayIcon,
        "showMessage",
        lambda _self, title, text, *_a: messages.append((title, text)),
    )
    monkeypatch.setattr(QWidget, "isActiveWindow", lambda _self: False)
    w = ctx.window
    w.prompt.set_text("[sim:moderation] a forbidden thing")
    with qtbot.waitSignal(ctx.controller.job_failed, timeout=60000):
        w.generate()
    assert w.error_banner.isVisible()
    assert w.error_banner.label.text()
    assert messages and messages[-1][0] == "Video failed"
    row = w.queue.model.job_row(ctx.engine.store.list_jobs()[0].id)
    assert row is not None and row.status.value == "failed"


@FAKE_TRAY
def test_notifier_stays_quiet_when_the_window_is_active(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    notifier = Notifier(window, window.windowIcon())
    monkeypatch.setattr(QSystemTrayIcon, "isSystemTrayAvailable", staticmethod(lambda: False))
    assert not notifier.notify("Video ready", "x")  # no tray on this system
    monkeypatch.setattr(QSystemTrayIcon, "isSystemTrayAvailable", staticmethod(lambda: True))
    monkeypatch.setattr(QWidget, "isActiveWindow", lambda _self: True)
    assert not notifier.notify("Video ready", "x")
    monkeypatch.setattr(QWidget, "isActiveWindow", lambda _self: False)
    sent: list[str] = []
    monkeypatch.setattr(QSystemTrayIcon, "showMessage", lambda _s, t, m, *_a: sent.append(t))
    assert notifier.notify("Video ready", "a fox")
    assert sent == ["Video ready"] and notifier.last == ("Video ready", "a fox")
    notifier.enabled = lambda: False  # the creator turned notifications off
    assert not notifier.notify("Video ready", "again")
    assert sent == ["Video ready"]
    notifier.close()


def test_a_corrupt_library_is_moved_aside_and_told(
    data_dir: Path, qtbot: QtBot, boxes: list[QMessageBox]
) -> None:
    from sora_desktop.gui.app import _tell_moved_aside

    paths = AppPaths.default(data_dir)
    paths.ensure()
    paths.db_path.write_bytes(b"this is not a database" * 100)
    context = build(paths, sim_latency=1.0)
    try:
        assert context.open_library()  # after the first paint, in the app
        assert context.moved_aside is not None and context.moved_aside.exists()
        assert context.engine.store.count() == 0  # a fresh library
        _tell_moved_aside(context)
        assert len(boxes) == 1 and str(context.moved_aside) in boxes[0].text()
    finally:
        context.close()
