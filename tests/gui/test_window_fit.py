"""What a creator saw in the real window (the Xvfb walk-through, h16h): a tab that widened the
window past the screen, and a dialog whose Return key opened the wrong thing."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from sora_desktop.core import i18n as core_i18n
from sora_desktop.core.settings import Settings
from sora_desktop.gui import i18n
from sora_desktop.gui.app import AppContext
from sora_desktop.gui.export_dialog import ExportDialog
from sora_desktop.gui.storyboard_tab import show_storyboards
from tests.gui.conftest import board_with_a_shot, settle

#: how narrow the window may be made (a 1366 px laptop screen, halved with a dock)
NARROWEST = 960


@pytest.fixture
def ctx(language: str, library_window: AppContext) -> AppContext:
    """The window, in each language (``language`` is installed before it is built)."""
    return library_window


def test_opening_the_storyboard_tab_never_widens_the_window(ctx: AppContext, qtbot: QtBot) -> None:
    # 20-storyboard.png: the window grew from 1292 to 1376 px, past a 1360 px screen, and
    # the library's buttons were cut off (the Take box sat in the shot buttons' row). Since
    # the window goes down to 960 px (test_window_narrow.py) the preview's controls need
    # less than the storyboard: opening it may ask for more, never past those 960 px.
    w = ctx.window
    settle()
    before = max(w.minimumSizeHint().width(), NARROWEST)
    panel = show_storyboards(w)
    assert panel is not None
    settle()
    assert w.minimumSizeHint().width() <= before
    # with a storyboard open, its shot strip and actions shown (75-zh-min-storyboard.png:
    # the Chinese window still grew 28 px then)
    board_with_a_shot(panel, qtbot)
    assert panel.strip.isVisibleTo(panel)
    assert w.minimumSizeHint().width() <= before
    # a long take label ("Take 2 (not ready)") doesn't widen it either
    panel.take_combo.addItem("Take 12 (not ready) " * 3)
    settle()
    assert w.minimumSizeHint().width() <= before
    assert panel.take_combo.isVisibleTo(panel)


def test_return_in_the_export_dialog_exports(qtbot: QtBot) -> None:
    # 06-export.png / 07-exported.png: Return opened the folder chooser (Choose… had become
    # the default button), not Export
    dialog = ExportDialog([], Settings())
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.export_button.isDefault()
    assert not dialog.browse_button.isDefault()
    chosen: list[bool] = []
    dialog._choose_folder = lambda: chosen.append(True)  # type: ignore[method-assign]
    dialog.folder_edit.setFocus()
    qtbot.keyClick(dialog.folder_edit, Qt.Key.Key_Return)
    assert chosen == []


def test_english_counts_read_as_english(qapp: Any) -> None:
    # 12-context.png, 19-stitched.png, 09-exported.png: "1 remix(es)", "Film of 2 clip(s)",
    # "Used in 1 film(s) or extension(s)", "Exported 1 file(s) to …"
    assert i18n.install_translator(qapp, "en") == "en"
    tr = QApplication.translate
    assert tr("LibraryModel", "%n remix(es)", "", 1) == "1 remix"
    assert tr("LibraryModel", "%n remix(es)", "", 2) == "2 remixes"
    assert tr("LibraryModel", "%n remix(es)", "", 0) == "0 remixes"
    both = "Used in %n film(s) or extension(s)"
    assert tr("LibraryModel", both, "", 1) == "Used in 1 film or extension"
    assert tr("LibraryModel", both, "", 3) == "Used in 3 films or extensions"
    # only counted texts: one without a count, or with "(s)" not ending a word, stays
    assert tr("X", "Choose file(s)") == "Choose file(s)"
    assert tr("X", "%n clip (s)", "", 2) == "2 clip (s)"
    assert tr("X", "Plain text") == "Plain text"


def test_chinese_counts_are_still_chinese(qapp: Any) -> None:
    try:
        assert i18n.install_translator(qapp, "zh_CN") == "zh_CN"
        text = QApplication.translate("LibraryModel", "%n remix(es)", "", 2)
        assert text == "2 个再创作"
    finally:
        i18n.install_translator(qapp, "en")
        core_i18n.install(None)


def test_every_menu_item_has_its_own_access_key(ctx: AppContext) -> None:
    # 35-file-menu.png: New batch… and Batches shared B, Open storyboard… had none, and
    # nothing in the Clip menu (Save frame…, Extend…, Stitch…) could be reached by a key
    import re

    for top in ctx.window.menuBar().actions():
        menu = top.menu()
        assert menu is not None
        keys: list[str] = []
        for action in menu.actions():
            if action.isSeparator():
                continue
            found = re.search(r"&(\w)", action.text())
            assert found is not None, (top.text(), action.text())
            keys.append(found.group(1).lower())
        assert len(keys) == len(set(keys)), (top.text(), keys)


def test_a_greyed_more_settings_says_why(qtbot: QtBot) -> None:
    # 60-zh-more-settings.png: on fal's Veo 3.1, "More settings" was greyed with no reason
    from sora_desktop.core.schema_form import FormField
    from sora_desktop.gui.more_settings import MoreSettings

    box = MoreSettings()
    qtbot.addWidget(box)
    box.set_fields(())
    assert not box.toggle.isEnabled()
    assert box.toggle.toolTip() == "This model has no other settings to choose"
    # when the service's list could not be read, it says that instead (not "no settings")
    box.set_fields((), note="fal gave no list of this model's own settings")
    assert box.toggle.toolTip() == "fal gave no list of this model's own settings"
    box.set_fields([FormField(name="fps", widget="check", label="fps")])
    assert box.toggle.isEnabled() and box.toggle.toolTip() == ""


def test_tab_goes_through_the_window_in_reading_order(ctx: AppContext, qtbot: QtBot) -> None:
    # the keyboard-only walk: Tab stopped on the left column's scroll area (nothing showed
    # focus), and reached the queue's table before the Queue/Storyboard tabs above it
    w = ctx.window
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow)
    w.prompt.edit.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is w.prompt.edit)
    reached: list[object] = []
    for _ in range(40):
        focused = QApplication.focusWidget()
        assert focused is not None
        qtbot.keyClick(focused, Qt.Key.Key_Tab)
        reached.append(QApplication.focusWidget())
        if reached[-1] is w.prompt.edit:
            break
    assert w.left_scroll not in reached
    tab_bar = w.bottom_tabs.tabBar()
    assert tab_bar in reached and w.queue.table in reached
    assert reached.index(tab_bar) < reached.index(w.queue.table)
    # the settings come in the order they are shown, then the preview, then the library
    panel = w.settings_panel
    combos = [panel.profile_combo, panel.model_combo, panel.duration_combo]
    assert [reached.index(c) for c in combos] == sorted(reached.index(c) for c in combos)
    assert reached.index(panel.duration_combo) < reached.index(tab_bar)


def test_the_stitch_list_writes_length_and_size_in_the_window_language(qapp: Any) -> None:
    # 71-zh-stitch.png: the Chinese dialog listed "a red kite over hills  (4 s, 720x1280)"
    from sora_desktop.core.models import Connection, ConnectionKind, Job, JobStatus, VideoRequest
    from sora_desktop.gui.stitch_dialog import _label

    job = Job(
        id="j",
        request=VideoRequest(prompt="A fox", model="sora-2", size="720x1280", seconds=4),
        connection=Connection(kind=ConnectionKind.COMPATIBLE, base_url="https://x.example/v1"),
        status=JobStatus.READY,
    )
    assert _label(job) == "A fox  (4 s, 720×1280)"
    try:
        assert i18n.install_translator(qapp, "zh_CN") == "zh_CN"
        assert _label(job) == "A fox  (4 秒, 720×1280)"
    finally:
        i18n.install_translator(qapp, "en")
        core_i18n.install(None)


def test_counted_questions_read_as_english(qapp: Any) -> None:
    # "Delete 1 selected video(s) from this computer?": written with {count}, the English
    # plurals could not reach it
    from sora_desktop.gui.library_delete import local_delete_question

    assert local_delete_question(1).startswith("Delete 1 selected video from this computer?")
    assert local_delete_question(3).startswith("Delete 3 selected videos from this computer?")


def test_return_in_the_new_batch_dialog_previews_and_never_starts(
    qtbot: QtBot, tmp_path: Path, controller: Any, controller_store: Any
) -> None:
    # 36-new-batch.png: Choose… was the default button, so Return after typing the file's
    # path opened the chooser; Return must never be what starts a paid batch
    from sora_desktop.core.batch.plan import Defaults
    from sora_desktop.core.models import Connection, ConnectionKind
    from sora_desktop.gui.batch_dialog import NewBatchDialog
    from sora_desktop.gui.operations import Operations
    from sora_desktop.usecases.library import LibraryFolders

    def raise_it(error: BaseException) -> None:
        raise error

    ops = Operations(controller, raise_it, LibraryFolders(()), library=controller_store)

    ideas = tmp_path / "ideas.csv"
    ideas.write_text("prompt\na fox in the snow\n", "utf-8")
    connection = Connection(kind=ConnectionKind.SIMULATOR, base_url="http://127.0.0.1:9/v1")
    dialog = NewBatchDialog(ops, connection, Defaults(), "Simulator")
    qtbot.addWidget(dialog)
    chosen: list[bool] = []
    dialog._browse = lambda: chosen.append(True)  # type: ignore[method-assign]
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.preview_button.isDefault() and not dialog.start_button.autoDefault()
    dialog.file_edit.setText(str(ideas))
    dialog.file_edit.setFocus()
    qtbot.keyClick(dialog.file_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 1, timeout=10000)
    assert chosen == []
    started: list[object] = []
    dialog.started.connect(started.append)
    qtbot.keyClick(dialog.file_edit, Qt.Key.Key_Return)  # again: still a preview
    assert started == [] and dialog.isVisible()


def test_new_storyboard_asks_for_a_name_and_says_so(
    library_window: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A menu item that opens a dialog ends in "…" (the walk: File ▸ New storyboard asked
    for a name without saying it would)."""
    from PySide6.QtWidgets import QInputDialog

    asked: list[object] = []

    def get_text(*args: object, **kwargs: object) -> tuple[str, bool]:
        asked.append(args)
        return "", False  # cancelled

    monkeypatch.setattr(QInputDialog, "getText", get_text)
    file_menu = library_window.window.menuBar().actions()[0].menu()
    assert file_menu is not None
    action = next(
        a for a in file_menu.actions() if a.text().replace("&", "").startswith("New storyboard")
    )
    action.trigger()
    assert asked  # it asks for the storyboard's name first
    assert action.text().endswith("…")
