"""Python's cyclic garbage collector, run on the GUI thread only (see the class)."""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer


class GuiGarbageCollector(QObject):
    """Python's cyclic GC, run only on the GUI thread from a timer (the qutebrowser pattern).

    Left automatic, a collection runs on whichever thread happens to allocate: it can then
    destroy Qt objects away from the GUI thread (a crash) and, with the whole heap of PySide
    and the app to scan, stall the window for tens of milliseconds. Here the automatic GC is
    off, young generations are collected every ``interval_ms`` when due, and :meth:`freeze`
    (called after start-up) moves everything alive at that point out of future full scans.
    """

    def __init__(self, interval_ms: int = 500, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._was_enabled = gc.isenabled()
        self._thresholds = gc.get_threshold()
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.collect)
        gc.disable()
        self._timer.start()

    def collect(self) -> None:
        counts = gc.get_count()
        generation = -1
        for gen in (2, 1, 0):
            if counts[gen] > self._thresholds[gen]:
                generation = gen
                break
        if generation >= 0:
            gc.collect(generation)

    def freeze(self) -> None:
        gc.collect()
        gc.freeze()

    def stop(self) -> None:
        self._timer.stop()
        gc.unfreeze()
        if self._was_enabled:
            gc.enable()
