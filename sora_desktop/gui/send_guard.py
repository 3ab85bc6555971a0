"""Money safety for Generate: the same request is never sent twice by accident.

A double click, two quick Ctrl+Enter presses or a held-down key each call the window's
``generate`` more than once. :class:`SendGuard` remembers the request being sent (keyed by
everything that makes it: connection, prompt, model, size, duration, image) and refuses the
same key again while it is on its way, and for a moment after it was accepted (the tail of a
double click can arrive after a fast acceptance). A different request goes through at once;
the same one again is an explicit "Generate again" once that moment has passed.
"""

from __future__ import annotations

from collections.abc import Hashable

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication


class SendGuard(QObject):
    """Signals: ``changed`` when a request starts, is accepted, fails or its hold ends."""

    changed = Signal()

    def __init__(self, parent: QObject | None = None, *, hold_ms: int | None = None) -> None:
        super().__init__(parent)
        # at least a double click's length: its second click never starts a second job
        self.hold_ms = hold_ms if hold_ms is not None else QApplication.doubleClickInterval()
        self._sending: set[Hashable] = set()
        self._held: dict[Hashable, int] = {}
        self._tokens = 0
        self.last_sent: Hashable | None = None

    def is_sending(self, key: Hashable) -> bool:
        return key in self._sending

    def blocked(self, key: Hashable) -> bool:
        """Whether ``key`` must not be sent now (being sent, or accepted a moment ago)."""
        return key in self._sending or key in self._held

    def begin(self, key: Hashable) -> bool:
        """Claim ``key`` for sending; False when it is blocked (send nothing then)."""
        if self.blocked(key):
            return False
        self._sending.add(key)
        self.changed.emit()
        return True

    def accepted(self, key: Hashable) -> None:
        """The service accepted ``key``'s job: hold it briefly, then allow "again"."""
        self._sending.discard(key)
        self.last_sent = key
        self._tokens += 1
        token = self._held[key] = self._tokens
        QTimer.singleShot(self.hold_ms, self, lambda: self._release(key, token))
        self.changed.emit()

    def failed(self, key: Hashable) -> None:
        """Nothing was sent (refused before the create): the same request may go again."""
        self._sending.discard(key)
        self.changed.emit()

    def _release(self, key: Hashable, token: int) -> None:
        if self._held.get(key) == token:
            del self._held[key]
            self.changed.emit()
