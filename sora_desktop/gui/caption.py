"""A caption that wraps a long text over a few lines and elides the rest.

The prompt under the player: shown whole when it fits in ``max_lines`` lines at the
caption's width, otherwise those lines with the last one cut by "…"; the tooltip always
holds the full text. The cut is recomputed when the width changes; the caption never asks
for more width than its layout gives it, so a long prompt can't widen the window.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

if TYPE_CHECKING:
    from PySide6.QtGui import QFont, QResizeEvent


def elide_lines(text: str, font: QFont, width: int, max_lines: int) -> str:
    """``text`` wrapped at ``width`` px, cut to ``max_lines`` lines (the last one ends in
    "…" when something was left out). Lines are joined with newlines."""
    if not text or width <= 0:
        return text
    # imported here: PySide6 makes a class (and its enums) when its name is first imported,
    # and the caption is empty until a clip plays (none is made before the first paint)
    from PySide6.QtGui import QFontMetrics, QTextLayout

    layout = QTextLayout(text, font)
    layout.beginLayout()
    spans: list[tuple[int, int]] = []
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        spans.append((line.textStart(), line.textLength()))
    layout.endLayout()
    if len(spans) <= max_lines:
        return text
    kept = [text[start : start + length].rstrip() for start, length in spans[: max_lines - 1]]
    rest = text[spans[max_lines - 1][0] :]
    last = QFontMetrics(font).elidedText(rest, Qt.TextElideMode.ElideRight, width)
    return "\n".join([*kept, last])


class ElidedCaption(QLabel):
    """Plain text (a prompt is never read as HTML), wrapped, at most ``max_lines`` lines."""

    def __init__(self, parent: QWidget | None = None, *, max_lines: int = 3) -> None:
        super().__init__(parent)
        self.max_lines = max_lines
        self._full = ""
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

    def full_text(self) -> str:
        return self._full

    def set_full_text(self, text: str) -> None:
        self._full = text
        self.setToolTip(text)
        self._refit()

    def clear(self) -> None:
        self.set_full_text("")

    def is_elided(self) -> bool:
        return self.text() != self._full

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self._refit()

    def _refit(self) -> None:
        if not self._full:  # nothing to fit (nor a font to ask: the empty caption at start)
            shown = ""
        else:
            width = self.contentsRect().width()
            shown = elide_lines(self._full, self.font(), width, self.max_lines)
        if shown != self.text():
            self.setText(shown)
