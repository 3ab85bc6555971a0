"""The caption under the player: the whole prompt, wrapped, cut past three lines."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QFontMetrics
from pytestqt.qtbot import QtBot

from sora_desktop.gui.caption import ElidedCaption, elide_lines
from sora_desktop.gui.preview import PreviewPane

TWO_LINES = "A paper boat drifts down a rainy street past glowing shop windows at night"
LONG = " ".join(f"word{i}" for i in range(200))


def _lines(caption: ElidedCaption) -> int:
    return caption.text().count("\n") + 1 if caption.text() else 0


def test_a_prompt_that_fits_in_three_lines_is_shown_whole(qtbot: QtBot, clip: Path) -> None:
    pane = PreviewPane()
    qtbot.addWidget(pane)
    pane.resize(300, 360)
    pane.show()
    qtbot.waitExposed(pane)
    pane.load(clip, title=TWO_LINES, autoplay=False)
    caption = pane.title_label
    line = QFontMetrics(caption.font()).lineSpacing()
    assert caption.full_text() == caption.text() == TWO_LINES
    assert caption.toolTip() == TWO_LINES
    # wrapped: the label is as tall as the lines it needs (not one cut line)
    qtbot.waitUntil(lambda: caption.height() >= 2 * line, timeout=5000)
    assert caption.wordWrap()
    pane.unload()
    assert caption.text() == "" and caption.toolTip() == ""


def test_a_very_long_prompt_is_cut_with_the_full_text_in_the_tooltip(qtbot: QtBot) -> None:
    caption = ElidedCaption(max_lines=3)
    qtbot.addWidget(caption)
    caption.resize(300, 80)
    caption.show()
    qtbot.waitExposed(caption)
    caption.set_full_text(LONG)
    assert caption.is_elided() and caption.text().endswith("…")
    assert _lines(caption) == 3
    assert caption.toolTip() == LONG
    metrics = QFontMetrics(caption.font())
    width = caption.contentsRect().width()
    assert all(metrics.horizontalAdvance(part) <= width for part in caption.text().split("\n"))
    shown_words = caption.text().replace("\n", " ").rstrip("…").split()
    assert shown_words[0] == "word0"
    # wider: more of it fits
    before = len(caption.text())
    caption.resize(600, 80)
    qtbot.waitUntil(lambda: len(caption.text()) > before, timeout=5000)
    assert _lines(caption) == 3


def test_a_prompt_is_plain_text_never_html(qtbot: QtBot) -> None:
    caption = ElidedCaption()
    qtbot.addWidget(caption)
    caption.set_full_text("<b>bold</b> & <i>more</i>")
    assert caption.textFormat().name == "PlainText"
    assert caption.text() == "<b>bold</b> & <i>more</i>"


def test_elide_lines_keeps_short_text() -> None:
    caption = ElidedCaption()
    assert elide_lines("short", caption.font(), 400, 3) == "short"
    assert elide_lines("", caption.font(), 400, 3) == ""
    assert elide_lines("x", caption.font(), 0, 3) == "x"  # not laid out yet
