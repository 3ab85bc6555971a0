"""A row of controls that keeps its essential ones in a narrow pane.

The row's secondary controls come in tiers, in order: each tier is shown while it fits
beside the essential controls and the tiers before it, so the last tier gives way first
(the preview pane's volume slider, then Save frame and Use frame, then the time labels).
"""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QWidget

#: the secondary controls, tier by tier (the last give way first)
Tiers = tuple[tuple[QWidget, ...], ...]


def essential_width(controls: QHBoxLayout, optional: Tiers) -> int:
    """The row's width with its essential controls only (every tier hidden)."""
    secondary = {w for tier in optional for w in tier}
    spacing = max(0, controls.spacing())
    widths = []
    for i in range(controls.count()):
        item = controls.itemAt(i)
        widget = item.widget() if item is not None else None
        if widget is not None and widget not in secondary:
            widths.append(max(widget.minimumSizeHint().width(), widget.minimumWidth()))
    margins = controls.contentsMargins()
    return sum(widths) + spacing * (len(widths) - 1) + margins.left() + margins.right()


def fit_controls(controls: QHBoxLayout, optional: Tiers, width: int) -> None:
    """Show the secondary controls, in order, while they fit beside the essential ones."""
    spacing = max(0, controls.spacing())
    room = width - essential_width(controls, optional)
    fits = True
    for tier in optional:
        need = sum(min(w.sizeHint().width(), w.maximumWidth()) + spacing for w in tier)
        fits = fits and room >= need
        if fits:
            room -= need
        for widget in tier:
            widget.setVisible(fits)
