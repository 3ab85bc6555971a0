"""UI state kept in QSettings (never a secret, never job data): window geometry and
splitters. (The draft and the generation choices live in settings.json: ``gui/draft.py``.)
``QSettings(organization, application)`` is set up by the composition root; tests point
QSettings at a temp dir."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QSettings

if TYPE_CHECKING:
    from sora_desktop.gui.main_window import MainWindow

DEFAULT_SIZE = (1360, 840)


def save_state(s: QSettings, window: MainWindow) -> None:
    s.setValue("window/geometry", window.saveGeometry())
    s.setValue("window/state", window.saveState())
    s.setValue("window/main_splitter", window.main_splitter.saveState())
    s.setValue("window/centre_splitter", window.centre_splitter.saveState())
    s.sync()


def restore_state(s: QSettings, window: MainWindow) -> None:
    geometry = s.value("window/geometry")
    if isinstance(geometry, QByteArray):
        window.restoreGeometry(geometry)
    else:
        width, height = DEFAULT_SIZE
        screen = window.screen()
        if screen is not None:  # never open bigger than the screen
            available = screen.availableGeometry()
            width = min(width, int(available.width() * 0.95))
            height = min(height, int(available.height() * 0.9))
        window.resize(width, height)
    state = s.value("window/state")
    if isinstance(state, QByteArray):
        window.restoreState(state)
    for key, splitter in (
        ("window/main_splitter", window.main_splitter),
        ("window/centre_splitter", window.centre_splitter),
    ):
        value = s.value(key)
        if isinstance(value, QByteArray):
            splitter.restoreState(value)
