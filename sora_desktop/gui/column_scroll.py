"""A scroll area for a column that reflows to its width and scrolls only vertically.

Its narrowest width is its content's narrowest plus the vertical scroll bar, so the column is
never squeezed below what its content needs (the horizontal bar is off: nothing would show
what was cut), and never asks for more than that either: the window can be made narrow.
When the content's needs change (a reference image, a longer setting), the column follows.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSize, Qt
from PySide6.QtWidgets import QScrollArea, QStyle, QWidget


class ColumnScroll(QScrollArea):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def setWidget(self, widget: QWidget) -> None:
        super().setWidget(widget)
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # QScrollArea doesn't pass its widget's new needs on: a reference image made the
        # column's content wider than the column, which cut its right edge off
        if event.type() == QEvent.Type.LayoutRequest and watched is self.widget():
            self.updateGeometry()
        return super().eventFilter(watched, event)

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        content = self.widget()
        if content is None:
            return hint
        bar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent, None, self)
        width = content.minimumSizeHint().width() + bar + 2 * self.frameWidth()
        return QSize(width, hint.height())
