"""The window at small sizes (a 1366x768 laptop with a dock, half a screen): it goes down to
960x600 in English and Chinese with its primary controls whole, and what gives way in a
narrow library (its secondary buttons) is still reachable from the "»" menu."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QToolButton, QWidget
from pytestqt.qtbot import QtBot

from sora_desktop.gui.app import AppContext
from sora_desktop.gui.storyboard_tab import show_storyboards
from tests.gui.conftest import board_with_a_shot, library_of, settle

NARROW = (960, 600)


@pytest.fixture
def ctx(language: str, library_window: AppContext) -> AppContext:
    """The window, in each language (``language`` is installed before it is built)."""
    return library_window


def _whole(window: QWidget, widget: QWidget) -> bool:
    """Shown, inside the window, and not cut by anything around it."""
    top_left = widget.mapTo(window, QPoint(0, 0))
    bottom_right = top_left + QPoint(widget.width() - 1, widget.height() - 1)
    return (
        widget.isVisible()
        and widget.width() > 0
        and window.rect().contains(top_left)
        and window.rect().contains(bottom_right)
        and widget.visibleRegion().boundingRect() == widget.rect()
    )


def test_the_window_can_be_960_wide(ctx: AppContext, qtbot: QtBot) -> None:
    # it was 1258 px in English, 1208 in Chinese: the left column at a fixed 360, the
    # preview's controls and the library's button row each asked for their full width
    w = ctx.window
    settle()
    assert w.minimumSizeHint().width() <= NARROW[0]
    panel = show_storyboards(w)
    assert panel is not None
    settle()
    assert w.minimumSizeHint().width() <= NARROW[0]
    board_with_a_shot(panel, qtbot)
    assert panel.strip.isVisibleTo(panel)
    assert w.minimumSizeHint().width() <= NARROW[0]
    assert w.minimumSizeHint().height() <= NARROW[1]
    w.resize(*NARROW)
    settle()
    assert (w.width(), w.height()) == NARROW
    for button in (panel.add_button, panel.generate_button, panel.film_button):
        assert _whole(w, button), button.text()


@pytest.mark.parametrize("storyboard", [False, True])
def test_at_960x600_the_primary_controls_are_whole(ctx: AppContext, storyboard: bool) -> None:
    w = ctx.window
    if storyboard:
        assert show_storyboards(w) is not None
    w.resize(*NARROW)
    settle()
    assert (w.width(), w.height()) == NARROW
    library = library_of(ctx)
    export = library.buttons.widgetForAction(library.export_action)
    play = library.buttons.widgetForAction(library.play_action)
    assert export is not None and play is not None
    for widget in (
        w.generate_button,
        w.prompt.edit,
        library.search,
        w.preview.play_button,
        w.preview.seek_slider,
        play,
        export,
        library.stack,  # the table, or what says the library is empty
    ):
        assert _whole(w, widget), widget
    assert w.preview.seek_slider.width() >= 80
    # nothing clipped in the library's rows: each button has its whole width
    for widget in (library.favourites_only, library.status_filter, library.sort_button):
        assert _whole(w, widget), widget
        assert widget.width() >= widget.minimumSizeHint().width()


def test_a_narrow_library_offers_the_rest_in_its_more_menu(ctx: AppContext) -> None:
    w = ctx.window
    library = library_of(ctx)
    row = (
        library.play_action,
        library.remix_action,
        library.reuse_action,
        library.export_action,
        library.reveal_action,
        library.delete_menu_action,
    )
    w.resize(*NARROW)
    settle()
    more = library.buttons.findChild(QToolButton, "qt_toolbar_ext_button")
    assert more is not None and _whole(w, more)
    assert more.toolTip()
    menu = more.menu()
    assert menu is not None
    in_menu = menu.actions()
    assert in_menu, "nothing gave way at 960 px: the test checks nothing"
    for action in row:
        button = library.buttons.widgetForAction(action)
        shown = button is not None and button.isVisible() and _whole(w, button)
        assert shown != (action in in_menu), action.text()
    # Delete keeps its two choices wherever it is
    delete_menu = library.delete_menu_action.menu()
    assert delete_menu is not None
    assert delete_menu.actions() == [library.delete_local_action, library.delete_remote_action]
    # wide, every button is on the row again
    w.resize(1360, 840)
    settle()
    for action in row:
        button = library.buttons.widgetForAction(action)
        assert button is not None and _whole(w, button), action.text()
    assert not more.isVisible()


def test_a_narrow_column_ends_a_long_setting_in_an_ellipsis(ctx: AppContext, language: str) -> None:
    # en-960.png: the Connection box read "Simulator (this com", cut mid-word
    w = ctx.window
    combo = w.settings_panel.profile_combo
    w.resize(*NARROW)
    settle()
    full = combo.currentText()
    shown = combo.displayed_text()
    if language == "en":  # "Simulator (this computer)" is wider than the box at 960 px
        assert shown.endswith("…") and full.startswith(shown[:-1]), shown
    assert combo.fontMetrics().horizontalAdvance(shown) <= combo.width()
    w.resize(1360, 840)
    settle()
    assert combo.displayed_text() == full
