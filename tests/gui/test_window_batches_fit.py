"""The Batches panel docked under a small window (960x600) leaves the video a picture:
the dock gives way, not the preview (it was squeezed to a 20 px strip)."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from sora_desktop.gui.app import AppContext
from sora_desktop.gui.preview import MIN_PICTURE_HEIGHT
from sora_desktop.gui.storyboard_tab import show_storyboards
from tests.gui.conftest import board_with_a_shot, settle

NARROW = (960, 600)


def test_the_batches_dock_leaves_the_video_its_height(
    library_window: AppContext, qtbot: QtBot
) -> None:
    w = library_window.window
    panel = show_storyboards(w)
    assert panel is not None
    board_with_a_shot(panel, qtbot)
    w.show_batches(None)
    assert w.batch_dock is not None
    qtbot.waitUntil(w.batch_dock.isVisible)
    settle()
    assert w.minimumSizeHint().height() <= NARROW[1]
    w.resize(*NARROW)
    settle()
    assert (w.width(), w.height()) == NARROW
    picture = w.preview.picture_area
    assert picture.height() >= MIN_PICTURE_HEIGHT >= 90
    assert w.batch_dock.height() > 100  # still there, with a few rows
    assert panel.generate_button.isVisible()
