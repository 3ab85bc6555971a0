"""System notifications when a job ends while the window is not active (tray balloon).

``QSystemTrayIcon`` and ``QStyle`` are imported when a notification is first raised: the
window makes its ``Notifier`` before its first paint, and PySide makes a Qt class's Python
type (and its enums) on first import.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from PySide6.QtWidgets import QSystemTrayIcon

_TIMEOUT_MS = 8000


class Notifier:
    """Shows ``QSystemTrayIcon.showMessage`` when a tray exists and ``window`` isn't active.

    ``last`` keeps the last (title, text) sent, so tests can check what a creator would see.
    """

    def __init__(self, window: QWidget, icon: QIcon) -> None:
        self._window = window
        self._icon = icon
        self._tray: QSystemTrayIcon | None = None
        self.last: tuple[str, str] | None = None
        self.enabled: Callable[[], bool] = lambda: True  # Settings.notify_on_complete

    def available(self) -> bool:
        from PySide6.QtWidgets import QSystemTrayIcon

        return QSystemTrayIcon.isSystemTrayAvailable()

    def notify(self, title: str, text: str, *, error: bool = False) -> bool:
        """Returns True when a notification was raised."""
        if not self.enabled() or self._window.isActiveWindow() or not self.available():
            return False
        from PySide6.QtWidgets import QStyle, QSystemTrayIcon

        if self._tray is None:
            icon = self._icon
            if icon.isNull():  # no app icon shipped: the tray refuses an empty icon
                icon = self._window.style().standardIcon(QStyle.StandardPixmap.SP_MediaPlay)
            self._tray = QSystemTrayIcon(icon, self._window)
            self._tray.activated.connect(self._raise_window)
            self._tray.messageClicked.connect(self._raise_window)
        self._tray.show()
        kind = (
            QSystemTrayIcon.MessageIcon.Warning
            if error
            else QSystemTrayIcon.MessageIcon.Information
        )
        self._tray.showMessage(title, text, kind, _TIMEOUT_MS)
        self.last = (title, text)
        return True

    def _raise_window(self, *_args: object) -> None:
        self._window.showNormal()
        self._window.raise_()
        self._window.activateWindow()

    def close(self) -> None:
        if self._tray is not None:
            self._tray.hide()
            self._tray.deleteLater()
            self._tray = None
