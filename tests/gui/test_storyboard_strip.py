"""The shot strip at a normal window width (the walk: 1292 px showed about 1.5 cards): the
cards are compact enough that several show side by side, in English and Chinese, their
texts end in "…" with the whole text in the tooltip, and the wheel scrolls them sideways."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from sora_desktop.core import storyboard as sb
from sora_desktop.gui.app import AppContext
from sora_desktop.gui.storyboard_panel import StoryboardPanel
from sora_desktop.gui.storyboard_tab import show_storyboards
from tests.gui.conftest import settle

#: the window's usual size on a 1360x840 screen (the walk's screenshots)
NORMAL = (1292, 757)
SHOTS = 7


@pytest.fixture
def ctx(language: str, library_window: AppContext) -> AppContext:
    """The window, in each language (``language`` is installed before it is built)."""
    return library_window


def _board(ctx: AppContext, qtbot: QtBot) -> StoryboardPanel:
    panel = show_storyboards(ctx.window)
    assert panel is not None
    panel.ensure_loaded()
    panel.new_storyboard("Harbour at dawn, the whole sequence")
    qtbot.waitUntil(lambda: panel.board is not None, timeout=10000)
    names = [f"Shot number {n} with a long name that can't fit a card" for n in range(SHOTS)]
    shots = [sb.Shot(id=sb.new_id(), name=name, prompt="boats") for name in names]
    panel.ask_shot = lambda _shot, first: shots.pop(0)  # type: ignore[method-assign]
    for n in range(SHOTS):
        panel.add_shot()
        qtbot.waitUntil(lambda n=n: panel.model.rowCount() == n + 1, timeout=10000)
    panel.select_shot(panel.model.shot_at(0).id)  # type: ignore[union-attr]
    settle()
    return panel


def _whole_cards(panel: StoryboardPanel) -> list[int]:
    """The rows whose card is wholly inside the strip's visible area."""
    area = panel.strip.viewport().rect()
    rows = range(panel.model.rowCount())
    return [r for r in rows if area.contains(panel.strip.visualRect(panel.model.index(r)))]


def test_a_normal_window_shows_several_whole_cards(ctx: AppContext, qtbot: QtBot) -> None:
    w = ctx.window
    w.resize(*NORMAL)
    panel = _board(ctx, qtbot)
    settle()
    assert w.width() == NORMAL[0]
    whole = _whole_cards(panel)
    assert len(whole) >= 4, (whole, panel.strip.width())
    assert whole == list(range(len(whole)))  # the first ones, side by side
    # a card's text is cut with "…", the tooltip has it whole
    tip = panel.model.index(0).data(Qt.ItemDataRole.ToolTipRole)
    assert "Shot number 0 with a long name that can't fit a card" in tip
    # the chooser shows the storyboard (elided when narrow); its tooltip names it whole
    assert panel.boards_combo.currentText() == "Harbour at dawn, the whole sequence"
    assert panel.boards_combo.toolTip().startswith("Harbour at dawn, the whole sequence")
    # the rest is reached with the wheel: the strip scrolls sideways
    bar = panel.strip.horizontalScrollBar()
    assert bar.maximum() > bar.value() + panel.strip.gridSize().width()
    for _ in range(10):
        _wheel_down(panel)
    settle()
    assert bar.value() == bar.maximum()
    assert SHOTS - 1 in _whole_cards(panel)  # the last card is in view
    _wheel_down(panel, up=True)
    assert bar.value() < bar.maximum()


def _wheel_down(panel: StoryboardPanel, *, up: bool = False) -> None:
    viewport = panel.strip.viewport()
    at = QPointF(viewport.rect().center())
    event = QWheelEvent(
        at,
        QPointF(viewport.mapToGlobal(QPoint(int(at.x()), int(at.y())))),
        QPoint(0, 0),
        QPoint(0, 120 if up else -120),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(viewport, event)
