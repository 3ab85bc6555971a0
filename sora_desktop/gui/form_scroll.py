"""A scroll area for a dialog's form that never squashes its fields.

It scrolls the form vertically; it is never narrower than the form needs (no clipped fields),
and tall enough to show several fields at the dialog's minimum size. When the form's needs
change (a note appears, another kind of service), the dialog's minimum follows.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSize
from PySide6.QtWidgets import QScrollArea, QWidget


class FormScroll(QScrollArea):
    """Scrolls the form vertically; never narrower than the form needs (no clipped fields),
    and tall enough to show several fields at the dialog's minimum size. When the form's
    needs change (a note appears, another kind of service), the dialog's minimum follows."""

    def setWidget(self, widget: QWidget) -> None:
        super().setWidget(widget)
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LayoutRequest and watched is self.widget():
            self.updateGeometry()  # QScrollArea doesn't pass its widget's new hints on
        return super().eventFilter(watched, event)

    def follow_form(self) -> None:
        """The form was refilled: take its new needs into account now."""
        form = self.widget()
        layout = form.layout() if form is not None else None
        if layout is not None:
            layout.activate()
        self.updateGeometry()

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        form = self.widget()
        if form is None:
            return hint
        bar = self.verticalScrollBar().sizeHint().width()
        width = form.minimumSizeHint().width() + bar + 2 * self.frameWidth()
        # room for the note and the first fields at the dialog's minimum size
        return QSize(max(hint.width(), width), max(hint.height(), self.fontMetrics().height() * 16))
