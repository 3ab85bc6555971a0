"""The preview's position bar: a click on it goes to that moment, as in every player.

Qt's slider pages one step towards a click on its groove instead; for the preview that moved
the knob and not the video (a page step is no drag, so no seek followed). A left press off
the knob first puts the knob under the pointer, then goes on as Qt's own press on the knob:
pressed, (moved), released, which the preview turns into one seek.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QSlider, QStyle, QWidget


class SeekSlider(QSlider):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.maximum() > self.minimum():
            # the style option's class is made on the first click, not at start-up
            from PySide6.QtWidgets import QStyleOptionSlider

            option = QStyleOptionSlider()
            self.initStyleOption(option)
            style = self.style()
            handle = style.subControlRect(
                QStyle.ComplexControl.CC_Slider, option, QStyle.SubControl.SC_SliderHandle, self
            )
            point = event.position().toPoint()
            if not handle.contains(point):
                groove = style.subControlRect(
                    QStyle.ComplexControl.CC_Slider, option, QStyle.SubControl.SC_SliderGroove, self
                )
                travel = groove.width() - handle.width()
                x = point.x() - groove.left() - handle.width() // 2
                self.setSliderPosition(
                    QStyle.sliderValueFromPosition(
                        self.minimum(), self.maximum(), x, travel, option.upsideDown
                    )
                )
        super().mousePressEvent(event)  # the knob is under the pointer now: Qt drags it
