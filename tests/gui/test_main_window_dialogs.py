"""The window opens its dialogs through the composition root (gui/app.py)."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from sora_desktop.core.models import (
    Connection,
    ConnectionKind,
    Job,
    JobStatus,
    Profile,
    VideoRequest,
)
from sora_desktop.core.paths import AppPaths
from sora_desktop.gui.app import AppContext, build


@pytest.fixture
def ctx(data_dir: Path, qtbot: QtBot) -> Iterator[AppContext]:
    context = build(AppPaths.default(data_dir), sim_latency=1.0)
    context.window.show()
    qtbot.waitExposed(context.window)
    qtbot.waitUntil(lambda: context.window.library is not None)  # made after the first paint
    yield context
    context.close()


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[QDialog]:
    dialogs: list[QDialog] = []

    def fake_exec(self: QDialog) -> int:
        dialogs.append(self)
        return 0

    monkeypatch.setattr(QDialog, "exec", fake_exec)
    return dialogs


def test_banner_button_opens_the_connections_dialog(ctx: AppContext, opened: list[QDialog]) -> None:
    ctx.window.sim_banner.action_button.click()
    assert [type(d).__name__ for d in opened] == ["ConnectionsDialog"]
    # "Add a connection…" opens on a new connection's form, ready to type its name (it
    # opened on the built-in simulator's greyed-out form)
    form = opened[0].form  # type: ignore[attr-defined]
    assert form.is_new() and form.name_edit.isEnabled() and form.name_edit.text() == ""
    assert opened[0].focusWidget() is form.name_edit
    # a profile added there shows up in the settings panel
    ctx.profile_store.add(
        Profile(
            id="gw",
            name="My gateway",
            kind=ConnectionKind.COMPATIBLE,
            base_url="https://gw.example/v1",
            env_var="GW_KEY",
        )
    )
    opened[0].profiles_changed.emit()  # type: ignore[attr-defined]
    combo = ctx.window.settings_panel.profile_combo
    assert combo.findData("gw") >= 0
    assert ctx.window.settings_panel.current_profile().id == "simulator"  # type: ignore[union-attr]


def test_the_connections_menu_opens_the_dialog_on_the_connections_list(
    ctx: AppContext, opened: list[QDialog]
) -> None:
    ctx.window.open_connections()
    assert [type(d).__name__ for d in opened] == ["ConnectionsDialog"]
    assert not opened[0].form.is_new()  # type: ignore[attr-defined]


def test_about_and_preferences(ctx: AppContext, opened: list[QDialog]) -> None:
    ctx.window.open_about()
    ctx.window.preferences_requested.emit()
    assert [type(d).__name__ for d in opened] == ["AboutDialog", "PreferencesDialog"]


def test_export_from_the_library(ctx: AppContext, opened: list[QDialog], tmp_path: Path) -> None:
    video = tmp_path / "v.mp4"
    video.write_bytes(b"\x00\x00\x00\x18ftypmp42")
    now = time.time()
    job = Job(
        id="j1",
        request=VideoRequest(prompt="export me"),
        connection=Connection(kind=ConnectionKind.SIMULATOR, base_url="http://127.0.0.1:9/v1"),
        status=JobStatus.READY,
        created_at=now,
        updated_at=now,
        file_path=video,
    )
    ctx.engine.store.add(job)
    assert ctx.window.library is not None
    ctx.window.library.export_requested.emit(["j1"])  # type: ignore[attr-defined]
    assert [type(d).__name__ for d in opened] == ["ExportDialog"]
