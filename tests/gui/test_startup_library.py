"""The library (SQLite) is opened right after the window's first paint, not before it: the
window shows, then the library fills; a library that can't be opened still stops the app
with a message and its exit code; a damaged one is still moved aside and told."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

from pytestqt.qtbot import QtBot

from sora_desktop.core.models import Connection, ConnectionKind, Job, JobStatus, VideoRequest
from sora_desktop.core.paths import AppPaths
from sora_desktop.gui.app import build
from sora_desktop.usecases.context import Engine


def _library_with_one_job(paths: AppPaths) -> Job:
    engine = Engine.open(paths)
    try:
        job = Job(
            id="kept-1",
            request=VideoRequest(prompt="a kite over the dunes", model="sora-2"),
            connection=Connection(
                kind=ConnectionKind.SIMULATOR,
                base_url="http://127.0.0.1:9/v1",
                profile_id="simulator",
            ),
            status=JobStatus.FAILED,
            created_at=time.time() - 600,
            updated_at=time.time() - 600,
        )
        engine.store.add(job)
    finally:
        engine.close()
    return job


def test_the_window_paints_before_the_library_opens_and_fills_after(
    qtbot: QtBot, tmp_path: Path
) -> None:
    paths = AppPaths.default(tmp_path / "d")
    job = _library_with_one_job(paths)
    ctx = build(paths, simulator_url="http://127.0.0.1:9")
    try:
        assert not ctx.engine.is_open  # building the window opened nothing
        open_at_paint: list[bool] = []
        ctx.window.first_painted.connect(lambda: open_at_paint.append(ctx.engine.is_open))
        with qtbot.waitSignal(ctx.window.first_painted, timeout=10000):
            ctx.window.show()
        assert open_at_paint == [False]  # the first frame was drawn without the library
        with qtbot.waitSignal(ctx.controller.warmed, timeout=30000):
            ctx.start_background()
        assert ctx.engine.is_open and ctx.moved_aside is None
        library = ctx.window.library
        assert library is not None
        qtbot.waitUntil(lambda: library.model.rowCount() == 1, timeout=10000)
        assert ctx.engine.history.get(job.id) is not None
    finally:
        ctx.close()


_RUN = """
import sys
from PySide6.QtWidgets import QApplication, QMessageBox
from sora_desktop.gui import app as gui_app
shown = []
QMessageBox.critical = staticmethod(lambda parent, title, text: shown.append(text))
def tell(box):
    shown.append(box.text())
    QApplication.quit()  # the box was the last thing start-up does: end the run here
    return 0
QMessageBox.exec = tell
painted = []
real_build = gui_app.build
def build(*args, **kwargs):
    ctx = real_build(*args, **kwargs)
    ctx.window.first_painted.connect(lambda: painted.append(ctx.engine.is_open))
    return ctx
gui_app.build = build
code = gui_app.run([], data_dir={data_dir!r})
print(code, painted, len(shown))
print(shown[0].replace(chr(10), ' ') if shown else '')
"""


def _run(data_dir: Path, after: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", _RUN.format(data_dir=str(data_dir)) + after],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_a_library_that_cannot_be_opened_stops_the_app_with_a_message(tmp_path: Path) -> None:
    paths = AppPaths.default(tmp_path)
    paths.ensure()
    paths.db_path.mkdir()  # a folder where the library file should be: it can't be opened
    done = _run(tmp_path)
    assert done.returncode == 0, done.stderr
    first, message = done.stdout.strip().split("\n")[-2:]
    assert first == "7 [False] 1"  # ExitCode.LOCAL_IO, after the paint, one box
    assert message  # what happened and what to do, in the box


def test_a_damaged_library_is_moved_aside_and_told_after_the_paint(tmp_path: Path) -> None:
    paths = AppPaths.default(tmp_path)
    paths.ensure()
    paths.db_path.write_bytes(b"this is not a database" * 100)
    done = _run(tmp_path)
    assert done.returncode == 0, done.stderr
    first, message = done.stdout.strip().split("\n")[-2:]
    assert first == "0 [False] 1"  # told once, after the paint
    assert "The library file was damaged and has been moved aside" in message
    assert paths.db_path.is_file() and paths.db_path.read_bytes()[:6] == b"SQLite"
