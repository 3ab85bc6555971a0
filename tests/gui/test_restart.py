"""A new language: the preferences say exactly what happens, and "Restart now" restarts."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QProcess, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from sora_desktop.core import settings as settings_mod
from sora_desktop.core.paths import AppPaths
from sora_desktop.core.settings import Settings
from sora_desktop.gui import restart
from sora_desktop.gui.app import AppContext, build, run
from sora_desktop.gui.main_window import MainWindow
from sora_desktop.gui.preferences_dialog import PreferencesDialog


@pytest.fixture
def ctx(data_dir: Path, qtbot: QtBot) -> Iterator[AppContext]:
    context = build(AppPaths.default(data_dir))
    context.window.show()
    qtbot.waitExposed(context.window)
    yield context
    context.close()


@pytest.fixture
def launched(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, list[str]]]:
    """QProcess.startDetached records what it would start instead of starting it."""
    calls: list[tuple[str, list[str]]] = []

    def fake(program: str, arguments: list[str], *_a: object) -> tuple[bool, int]:
        calls.append((program, list(arguments)))
        return True, 4242

    monkeypatch.setattr(QProcess, "startDetached", fake)
    return calls


def _choose_chinese_and_ok(monkeypatch: pytest.MonkeyPatch) -> None:
    def fake_exec(dialog: PreferencesDialog) -> int:
        dialog.language_combo.setCurrentIndex(dialog.language_combo.findData("zh_CN"))
        dialog.accept()
        return int(dialog.result())

    monkeypatch.setattr(PreferencesDialog, "exec", fake_exec)


def _answer(monkeypatch: pytest.MonkeyPatch, button: str) -> list[str]:
    asked: list[str] = []

    def fake_exec(box: QMessageBox) -> int:
        asked.append(box.text())
        next(b for b in box.buttons() if b.text() == button).click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    return asked


def test_the_note_says_what_happens(qtbot: QtBot) -> None:
    dialog = PreferencesDialog(Settings(language=""))
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.restart_note.isHidden()
    dialog.language_combo.setCurrentIndex(dialog.language_combo.findData("zh_CN"))
    assert dialog.restart_note.isVisible()
    text = dialog.restart_note.text()
    assert "when it restarts" in text and "restart it now or later" in text
    assert "fully" not in text  # nothing changes before the restart: don't suggest it does
    dialog.language_combo.setCurrentIndex(0)
    assert dialog.restart_note.isHidden()


def test_restart_now_closes_the_window_to_start_again(
    ctx: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    _choose_chinese_and_ok(monkeypatch)
    asked = _answer(monkeypatch, "Restart now")
    ctx.window.preferences_requested.emit()
    assert asked == ["Restart now to show Sora Desktop in 简体中文?"]
    assert ctx.window.restart_requested
    assert not ctx.window.isVisible()
    assert ctx.user is not None
    ctx.user.flush()
    assert settings_mod.load(ctx.paths.settings_path).language == "zh_CN"


def test_later_keeps_the_window(ctx: AppContext, monkeypatch: pytest.MonkeyPatch) -> None:
    _choose_chinese_and_ok(monkeypatch)
    _answer(monkeypatch, "Later")
    ctx.window.preferences_requested.emit()
    assert not ctx.window.restart_requested
    assert ctx.window.isVisible()


def test_staying_when_asked_about_running_jobs_cancels_the_restart(
    ctx: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ctx.window, "closeEvent", lambda event: event.ignore())
    assert not ctx.window.request_restart()
    assert not ctx.window.restart_requested
    assert ctx.window.isVisible()


def test_restart_command() -> None:
    assert restart.restart_command(["--data-dir", "D"], frozen=False) == (
        sys.executable,
        ["-m", "sora_desktop", "--data-dir", "D"],
    )
    assert restart.restart_command(["--data-dir", "D"], frozen=True) == (
        sys.executable,
        ["--data-dir", "D"],
    )


@pytest.mark.slow
def test_run_relaunches_after_everything_is_shut_down(
    data_dir: Path, qtbot: QtBot, launched: list[tuple[str, list[str]]]
) -> None:
    """The real ``run``: the window closes, the app shuts down, then the app starts again."""
    argv = ["--data-dir", str(data_dir)]
    seen: list[str] = []

    def restart_when_shown() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, MainWindow) and widget.isVisible():
                timer.stop()
                seen.append(widget.windowTitle())
                widget.request_restart()

    timer = QTimer()
    timer.setInterval(50)
    timer.timeout.connect(restart_when_shown)
    timer.start()
    try:
        assert run(argv, str(data_dir)) == 0
    finally:
        # The app's automatic quit on the last window leaves a Quit event behind, which
        # would end every later test's event loop at once: one more (empty) exec() takes it.
        app = QApplication.instance()
        assert app is not None
        QTimer.singleShot(0, app.quit)
        app.exec()
    assert seen == ["Sora Desktop"]
    assert launched == [(sys.executable, ["-m", "sora_desktop", *argv])]


def test_the_note_is_shown_whole(qtbot: QtBot) -> None:
    # It appeared squeezed into one line's height, its two lines cut at the top and bottom.
    dialog = PreferencesDialog(Settings(language=""))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.language_combo.setCurrentIndex(dialog.language_combo.findData("zh_CN"))
    note = dialog.restart_note
    qtbot.waitUntil(lambda: note.height() >= note.heightForWidth(note.width()))
    assert note.heightForWidth(note.width()) > note.fontMetrics().height()  # wrapped


def test_choosing_a_language_does_not_move_ok(qtbot: QtBot) -> None:
    """The note's place is kept while it is hidden: OK stays where the creator aims."""
    from PySide6.QtCore import QPoint
    from PySide6.QtWidgets import QDialogButtonBox

    dialog = PreferencesDialog(Settings(language=""))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    box = dialog.findChild(QDialogButtonBox)
    assert box is not None
    ok = box.button(QDialogButtonBox.StandardButton.Ok)
    before = (ok.mapTo(dialog, QPoint(0, 0)), dialog.height())
    dialog.language_combo.setCurrentIndex(dialog.language_combo.findData("zh_CN"))
    qtbot.waitUntil(dialog.restart_note.isVisible)
    QApplication.sendPostedEvents()
    QApplication.processEvents()
    assert (ok.mapTo(dialog, QPoint(0, 0)), dialog.height()) == before
