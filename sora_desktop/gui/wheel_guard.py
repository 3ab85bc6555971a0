"""The mouse wheel scrolls a panel; it changes a setting only when that setting has focus.

Qt's combo boxes, spin boxes and sliders take every wheel event over them: scrolling a
column of settings changes whichever one passes under the cursor (a duration, the
connection) with nothing on screen pointing it out. :func:`guard_wheel` applies the usual
fix to every such widget under a root: ``Qt.StrongFocus`` (the wheel no longer gives them
focus) and an event filter that hands a wheel event over an unfocused one to the scroll area
around it, which scrolls instead. Click or Tab into the widget and the wheel
changes it again.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QSlider,
    QWidget,
)

GUARDED_TYPES: tuple[type[QWidget], ...] = (QComboBox, QAbstractSpinBox, QSlider)


class WheelGuard(QObject):
    """Event filter: a wheel event over an unfocused guarded widget scrolls the scroll area
    around it (or, with none, goes on to the parent widgets); the widget never sees it."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() != QEvent.Type.Wheel
            or not isinstance(watched, QWidget)
            or not isinstance(event, QWheelEvent)
            or watched.hasFocus()
        ):
            return False
        area = _scroll_area_around(watched)
        if area is None:
            event.ignore()  # not accepted: Qt offers it to the parent widgets
            return True
        # Handed to the scroll area's viewport, as if the wheel had turned over an empty
        # spot of it (Qt only passes *spontaneous* wheel events up to parents by itself).
        viewport = area.viewport()
        position = QPointF(watched.mapTo(viewport, event.position().toPoint()))
        forwarded = QWheelEvent(
            position,
            event.globalPosition(),
            event.pixelDelta(),
            event.angleDelta(),
            event.buttons(),
            event.modifiers(),
            event.phase(),
            event.inverted(),
            event.source(),
        )
        QApplication.sendEvent(viewport, forwarded)
        event.accept()
        return True


def _scroll_area_around(widget: QWidget) -> QAbstractScrollArea | None:
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QAbstractScrollArea):
            return parent
        parent = parent.parentWidget()
    return None


def guard_wheel(root: QWidget) -> WheelGuard:
    """Guard every combo box, spin box and slider under ``root`` (and ``root`` itself).

    Call it again after adding such widgets later; a widget is guarded once."""
    guard = root.findChild(WheelGuard, "wheel_guard", Qt.FindChildOption.FindDirectChildrenOnly)
    if guard is None:
        guard = WheelGuard(root)
        guard.setObjectName("wheel_guard")
    widgets: list[QWidget] = [root] if isinstance(root, GUARDED_TYPES) else []
    for kind in GUARDED_TYPES:
        widgets.extend(root.findChildren(kind))
    for widget in widgets:
        if widget.property("wheel_guarded"):
            continue
        widget.setProperty("wheel_guarded", True)
        widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        widget.installEventFilter(guard)
    return guard
