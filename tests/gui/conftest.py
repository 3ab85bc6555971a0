"""GUI fixtures: QSettings in a temp dir, app identity, small real media files, the real
window (``make_app``, ``make_loopback_app``, ``sim_app``), a Controller over a real library,
the Connections dialog over a profiles file of its own (``profiles``, ``dialog``)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from fractions import Fraction
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QMessageBox, QWidget

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

    from sora_desktop.core.profiles import ProfileStore
    from sora_desktop.core.store import JobStore
    from sora_desktop.gui.app import AppContext
    from sora_desktop.gui.connections_dialog import ConnectionsDialog
    from sora_desktop.gui.controller import Controller
    from sora_desktop.gui.library_view import LibraryPanel
    from sora_desktop.gui.operations import Operations
    from sora_desktop.gui.storyboard_panel import StoryboardPanel
    from sora_desktop.simulator.server import SimulatorServer


@pytest.fixture(autouse=True, scope="session")
def _release_clipboard_at_exit() -> Iterator[None]:
    """As the app does on quit: no Python-made clipboard data may outlive the interpreter."""
    yield
    from sora_desktop.gui.file_actions import release_clipboard

    release_clipboard()


@pytest.fixture(autouse=True, scope="session")
def _english_as_the_app_shows_it(qapp: QCoreApplication) -> Iterator[None]:
    """The English translator the app installs (its plurals: "1 remix", "2 remixes"), for
    every test, whichever language test ran before (they restore English the same way)."""
    from sora_desktop.gui.i18n import install_translator

    install_translator(qapp, "en")
    yield


@pytest.fixture
def boxes(monkeypatch: pytest.MonkeyPatch) -> list[QMessageBox]:
    """Message boxes are recorded instead of shown (``exec`` returns at once)."""
    shown: list[QMessageBox] = []

    def fake_exec(box: QMessageBox) -> int:
        shown.append(box)
        return 0

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    return shown


@pytest.fixture(autouse=True)
def _qsettings_in_tmp(tmp_path: Path, qapp: QCoreApplication) -> Iterator[Path]:
    """UI state (QSettings) goes to a temp dir, never the developer's real settings."""
    folder = tmp_path / "qsettings"
    folder.mkdir()
    QCoreApplication.setOrganizationName("Sora Desktop Tests")
    QCoreApplication.setApplicationName("Sora Desktop")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    yield folder


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_teardown(item: pytest.Item) -> Iterator[None]:
    """pytest-qt closes every widget after a test (its own teardown hook, run after this
    one's first half); a Connections dialog still holding what a test typed would ask
    Save / Discard / Cancel in a real, blocking box. It is discarded: the test is over
    (tests/gui/test_connections_unsaved.py answers that box)."""
    import sys

    module = sys.modules.get("sora_desktop.gui.connections_dialog")
    if module is not None:
        from PySide6.QtWidgets import QApplication

        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, module.ConnectionsDialog):
                widget.form.mark_unchanged()
    return (yield)


def make_clip(
    path: Path, *, width: int = 64, height: int = 48, seconds: float = 1.0, fps: int = 24
) -> Path:
    """A real H.264 + AAC MP4 written with PyAV (frames change colour over time)."""
    import av
    import numpy as np

    with av.open(str(path), "w") as out:
        video = out.add_stream("libx264", rate=fps)
        video.width, video.height, video.pix_fmt = width, height, "yuv420p"
        audio = out.add_stream("aac", rate=44100)
        for i in range(round(seconds * fps)):
            frame = np.full((height, width, 3), (i * 9) % 255, np.uint8)
            for packet in video.encode(av.VideoFrame.from_ndarray(frame, format="rgb24")):
                out.mux(packet)
        for packet in video.encode():
            out.mux(packet)
        samples = 1024
        for start in range(0, round(44100 * seconds), samples):
            chunk = np.zeros((1, samples), np.float32)
            frame = av.AudioFrame.from_ndarray(chunk, format="fltp", layout="mono")
            frame.sample_rate = 44100
            frame.pts = start
            frame.time_base = Fraction(1, 44100)
            for packet in audio.encode(frame):
                out.mux(packet)
        for packet in audio.encode():
            out.mux(packet)
    return path


def make_png(path: Path, width: int, height: int) -> Path:
    from PIL import Image

    Image.new("RGB", (width, height), (200, 120, 40)).save(path, "PNG")
    return path


@pytest.fixture
def profiles(tmp_path: Path) -> ProfileStore:
    """A profiles file of the test's own (the Connections dialog tests)."""
    from sora_desktop.core.profiles import ProfileStore

    return ProfileStore(tmp_path / "config" / "profiles.json")


@pytest.fixture
def dialog(qtbot: QtBot, profiles: ProfileStore) -> ConnectionsDialog:
    """The Connections dialog over :func:`profiles`, shown."""
    from sora_desktop.gui.connections_dialog import ConnectionsDialog

    dlg = ConnectionsDialog(profiles, None)
    qtbot.addWidget(dlg)
    dlg.show()
    return dlg


@pytest.fixture
def clip(tmp_path: Path) -> Path:
    return make_clip(tmp_path / "clip.mp4")


@pytest.fixture
def controller_store(data_dir: Path) -> Iterator[JobStore]:
    """The library (a real SQLite file) under :func:`controller`: tests set up rows in it
    directly (closed after the controller has shut down)."""
    from sora_desktop.core.paths import AppPaths
    from sora_desktop.core.store import JobStore

    paths = AppPaths.default(data_dir)
    paths.ensure()
    store = JobStore(paths.db_path)
    try:
        yield store
    finally:
        store.close()


@pytest.fixture
def controller(data_dir: Path, controller_store: JobStore) -> Iterator[Controller]:
    """A real Controller over a real store, service and I/O thread (shut down after)."""
    from sora_desktop.core.loop_thread import LoopThread
    from sora_desktop.core.paths import AppPaths
    from sora_desktop.core.service import GenerationService
    from sora_desktop.gui.controller import Controller
    from sora_desktop.usecases.history import History

    paths = AppPaths.default(data_dir)
    loop = LoopThread()
    loop.start()
    ctl = Controller(GenerationService(controller_store, paths), loop, History(controller_store))
    try:
        yield ctl
    finally:
        ctl.shutdown()


@pytest.fixture
def ops(controller: Controller, data_dir: Path) -> Operations:
    """The window's operation API over a real Controller (its I/O loop runs the work)."""
    from sora_desktop.core.paths import AppPaths
    from sora_desktop.gui.operations import Operations
    from sora_desktop.usecases.library import LibraryFolders

    def raise_it(error: BaseException) -> None:
        raise error

    return Operations(controller, raise_it, LibraryFolders.of(AppPaths.default(data_dir)))


@pytest.fixture
def make_app(data_dir: Path, qtbot: QtBot) -> Iterator[Callable[..., AppContext]]:
    """Opens the real window: ``make_app(**kw)`` is ``gui.app.build(paths, **kw)``, shown and
    exposed; every window made is closed after the test."""
    from sora_desktop.core.paths import AppPaths
    from sora_desktop.gui.app import build

    made: list[AppContext] = []

    def make(**kw: object) -> AppContext:
        ctx = build(AppPaths.default(data_dir), **kw)  # type: ignore[arg-type]
        made.append(ctx)
        ctx.window.show()
        qtbot.waitExposed(ctx.window)
        return ctx

    yield make
    for ctx in made:
        ctx.close()


@pytest.fixture
def make_loopback_app(
    simulator: SimulatorServer, make_app: Callable[..., AppContext]
) -> Iterator[Callable[[], AppContext]]:
    """The real window over the ``simulator`` fixture on loopback (it counts the creates it
    takes); a job still running at the end is cancelled when the window closes, not asked
    about. (``simulator`` first: it stops after the windows are closed.)"""
    from sora_desktop.gui.main_window import CLOSE_CANCEL

    made: list[AppContext] = []

    def make() -> AppContext:
        ctx = make_app(simulator_url=simulator.url)
        made.append(ctx)
        return ctx

    yield make
    for ctx in made:  # before make_app closes them
        ctx.window.ask_close = lambda _running: CLOSE_CANCEL  # type: ignore[method-assign]


@pytest.fixture
def sim_app(data_dir: Path, qtbot: QtBot) -> Iterator[AppContext]:
    """The real window over the built-in simulator (in-process, ~1 s renders), its library
    panel made (see :func:`library_of`); closed after the test."""
    from sora_desktop.core.paths import AppPaths
    from sora_desktop.gui.app import build

    context = build(AppPaths.default(data_dir), sim_latency=1.0)
    context.window.show()
    qtbot.waitExposed(context.window)
    context.ensure_library()
    yield context
    context.close()


@pytest.fixture(params=["en", "zh_CN"])
def language(request: pytest.FixtureRequest, qapp: QCoreApplication) -> Iterator[str]:
    """Each test that asks for it runs in English and in Simplified Chinese."""
    from sora_desktop.core import i18n as core_i18n
    from sora_desktop.gui import i18n

    i18n.install_translator(qapp, request.param)
    try:
        yield request.param
    finally:
        i18n.install_translator(qapp, "en")
        core_i18n.install(None)


@pytest.fixture
def library_window(data_dir: Path, qtbot: QtBot) -> Iterator[AppContext]:
    """The real window, its library panel made before it is shown; closed after the test."""
    from sora_desktop.core.paths import AppPaths
    from sora_desktop.gui.app import build

    made = build(AppPaths.default(data_dir))
    made.ensure_library()
    made.window.show()
    qtbot.waitExposed(made.window)
    try:
        yield made
    finally:
        made.close()


def settle() -> None:
    """Let posted layout requests run (no waiting: only what is already queued)."""
    from PySide6.QtWidgets import QApplication

    for _ in range(3):
        QApplication.sendPostedEvents()
        QApplication.processEvents()


def wheel_notch(widget: QWidget, steps: int = -1) -> None:
    """One notch of the mouse wheel over the middle of ``widget`` (negative: towards the
    user, which scrolls down)."""
    from PySide6.QtCore import QPoint, QPointF, Qt
    from PySide6.QtGui import QWheelEvent
    from PySide6.QtWidgets import QApplication

    centre = widget.rect().center()
    event = QWheelEvent(
        QPointF(centre),
        QPointF(widget.mapToGlobal(centre)),
        QPoint(0, 0),
        QPoint(0, 120 * steps),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(widget, event)


def board_with_a_shot(panel: StoryboardPanel, qtbot: QtBot) -> None:
    """A new storyboard open in ``panel`` with one shot, its strip laid out."""
    from sora_desktop.core import storyboard as sb

    panel.ensure_loaded()
    panel.new_storyboard("Harbour")
    qtbot.waitUntil(lambda: panel.board is not None, timeout=10000)
    shot = sb.Shot(id=sb.new_id(), name="Boats", prompt="boats", profile_id="simulator")
    panel.ask_shot = lambda _shot, first: shot  # type: ignore[method-assign]
    panel.add_shot()
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1, timeout=10000)
    settle()


def library_of(ctx: AppContext) -> LibraryPanel:
    """The window's library panel (made: it is built after the first paint)."""
    from sora_desktop.gui.library_view import LibraryPanel

    library = ctx.window.library
    assert isinstance(library, LibraryPanel)
    return library
