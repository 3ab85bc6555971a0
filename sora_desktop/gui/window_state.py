"""UI state kept in QSettings (never a secret, never job data): window geometry, splitters
and the last generation choices. ``QSettings(organization, application)`` is set up by the
composition root; tests point QSettings at a temp dir."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QByteArray, QSettings

if TYPE_CHECKING:
    from .main_window import MainWindow
    from .settings_panel import SettingsPanel

DEFAULT_SIZE = (1360, 840)


def save_choices(s: QSettings, panel: SettingsPanel) -> None:
    profile = panel.current_profile()
    s.setValue("choices/profile", profile.id if profile else "")
    s.setValue("choices/model", panel.model())
    s.setValue("choices/size", panel.video_size())
    s.setValue("choices/seconds", panel.seconds())
    s.setValue("choices/fit_mode", panel.image_picker.mode())


def save_state(s: QSettings, window: MainWindow) -> None:
    s.setValue("window/geometry", window.saveGeometry())
    s.setValue("window/state", window.saveState())
    s.setValue("window/main_splitter", window.main_splitter.saveState())
    s.setValue("window/centre_splitter", window.centre_splitter.saveState())
    save_choices(s, window.settings_panel)
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
    panel = window.settings_panel
    profile_id = str(s.value("choices/profile", "") or "")
    if profile_id:
        index = panel.profile_combo.findData(profile_id)
        if index >= 0:
            panel.profile_combo.setCurrentIndex(index)
    seconds: Any = s.value("choices/seconds", 0)
    panel.set_choice(
        model=str(s.value("choices/model", "") or "") or None,
        size=str(s.value("choices/size", "") or "") or None,
        seconds=int(seconds) if str(seconds).isdigit() else None,
    )
    panel.image_picker.set_mode(str(s.value("choices/fit_mode", "fit")))
