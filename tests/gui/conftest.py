"""GUI fixtures: QSettings in a temp dir, app identity, small real media files."""

from __future__ import annotations

from collections.abc import Iterator
from fractions import Fraction
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QMessageBox

if TYPE_CHECKING:
    from sora_desktop.gui.controller import Controller
    from sora_desktop.gui.operations import Operations


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
def clip(tmp_path: Path) -> Path:
    return make_clip(tmp_path / "clip.mp4")


@pytest.fixture
def controller(data_dir: Path) -> Iterator[Controller]:
    """A real Controller over a real store, service and I/O thread (shut down after)."""
    from sora_desktop.core.loop_thread import LoopThread
    from sora_desktop.core.paths import AppPaths
    from sora_desktop.core.service import GenerationService
    from sora_desktop.core.store import JobStore
    from sora_desktop.gui.controller import Controller
    from sora_desktop.usecases.history import History

    paths = AppPaths.default(data_dir)
    paths.ensure()
    store = JobStore(paths.db_path)
    loop = LoopThread()
    loop.start()
    ctl = Controller(GenerationService(store, paths), loop, History(store))
    ctl.test_store = store  # type: ignore[attr-defined]  # tests set up rows directly
    try:
        yield ctl
    finally:
        ctl.shutdown()
        store.close()


@pytest.fixture
def ops(controller: Controller, data_dir: Path) -> Operations:
    """The window's operation API over a real Controller (its I/O loop runs the work)."""
    from sora_desktop.core.paths import AppPaths
    from sora_desktop.gui.operations import Operations
    from sora_desktop.usecases.library import LibraryFolders

    def raise_it(error: BaseException) -> None:
        raise error

    return Operations(controller, raise_it, LibraryFolders.of(AppPaths.default(data_dir)))
