"""Look helpers: the app icon and palette-derived colours (light/dark aware, no fixed theme).

The native style is kept (no Fusion); colours are taken from the palette so dark mode works.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QColor, QIcon, QPalette
from PySide6.QtWidgets import QWidget

RESOURCES = Path(__file__).resolve().parent.parent / "resources"


def app_icon() -> QIcon:
    """The app icon from ``resources/icons`` when the packaging engineer has shipped it."""
    icon = QIcon()
    for name in ("app.svg", "app.png"):
        path = RESOURCES / "icons" / name
        if path.is_file():
            icon.addFile(str(path))
    return icon


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def error_color(palette: QPalette) -> QColor:
    """A red readable on the current window colour (light or dark)."""
    return QColor("#ff7b72") if is_dark(palette) else QColor("#c62828")


def set_error_style(widget: QWidget, error: bool) -> None:
    """Colour ``widget``'s text as an error (or restore the palette's normal text colour)."""
    palette = widget.palette()
    parent = widget.parentWidget()
    base = parent.palette() if parent is not None else palette
    colour = error_color(base) if error else base.color(QPalette.ColorRole.WindowText)
    palette.setColor(QPalette.ColorRole.WindowText, colour)
    palette.setColor(QPalette.ColorRole.Text, colour)
    widget.setPalette(palette)
