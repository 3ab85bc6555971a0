"""About and Preferences dialogs."""

from __future__ import annotations

import platform
from pathlib import Path
from typing import Any

import av
import PySide6
from PySide6.QtCore import qVersion
from PySide6.QtGui import QGuiApplication

from sora_desktop import __version__
from sora_desktop.core import settings as settings_mod
from sora_desktop.core.paths import AppPaths
from sora_desktop.core.settings import Settings
from sora_desktop.gui.about_dialog import AboutDialog, about_details
from sora_desktop.gui.preferences_dialog import PreferencesDialog


def test_about_lists_versions_and_folders(qtbot: Any, tmp_path: Path) -> None:
    paths = AppPaths.default(tmp_path / "portable")
    dialog = AboutDialog(paths)
    qtbot.addWidget(dialog)
    values = dict(about_details(paths))
    assert values["Sora Desktop"] == __version__
    assert platform.python_version() in values["Python"]
    assert qVersion() in values["Qt / PySide6"] and PySide6.__version__ in values["Qt / PySide6"]
    assert av.__version__ in values["Video decoding"] and "FFmpeg" in values["Video decoding"]
    assert "MemoryKeyring" in values["Keyring"]  # the test backend conftest selects
    assert values["Library folder"] == str(paths.data_dir)
    assert values["Log file"] == str(paths.log_path)
    assert dialog.value_labels["Settings folder"].text() == str(paths.config_dir)
    assert "2026-09-24" in " ".join(
        w.text() for w in dialog.findChildren(type(dialog.value_labels["Python"]))
    )
    dialog.copy_details()
    copied = QGuiApplication.clipboard().text()
    assert f"Library folder: {paths.data_dir}" in copied


def test_about_defaults_to_the_environment_paths(qtbot: Any, data_dir: Path) -> None:
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    assert dialog.value_labels["Library folder"].text() == str(data_dir.resolve() / "data")


def test_preferences_save_language_banner_and_export_defaults(qtbot: Any, tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    settings = Settings()
    dialog = PreferencesDialog(settings, save_settings=lambda s: settings_mod.save(path, s))
    qtbot.addWidget(dialog)
    assert dialog.language_combo.currentData() == ""
    assert [dialog.language_combo.itemData(i) for i in range(3)] == ["", "en", "zh_CN"]
    assert dialog.language_combo.itemText(2) == "简体中文"
    dialog.language_combo.setCurrentIndex(2)
    dialog.banner_check.setChecked(False)
    dialog.export_dir_edit.setText(str(tmp_path))
    dialog.template_edit.setText("{date}_{id}")
    dialog.sidecar_check.setChecked(False)
    with qtbot.waitSignal(dialog.language_changed) as changed:
        dialog.accept()
    assert changed.args == ["zh_CN"]
    reloaded = settings_mod.load(path)
    assert reloaded.language == "zh_CN"
    assert reloaded.show_simulator_banner is False
    assert reloaded.export_dir == str(tmp_path)
    assert reloaded.filename_template == "{date}_{id}"
    assert reloaded.export_sidecar is False


def test_preferences_refuse_a_broken_template(qtbot: Any) -> None:
    settings = Settings()
    saved: list[Settings] = []
    dialog = PreferencesDialog(settings, save_settings=saved.append)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.template_edit.setText("{title}")
    dialog.accept()
    assert saved == [] and dialog.isVisible()
    assert "{title}" in dialog.template_error.text()
    assert settings.filename_template == Settings().filename_template
