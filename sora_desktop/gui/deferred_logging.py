"""Start the log file right after the first paint, keeping earlier records until then.

Installing ``core.logsetup`` (the rotating file handler and ``logging.handlers`` with its
socket/pickle/queue imports, the redaction patterns) costs several milliseconds that the
window's first paint does not need.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from sora_desktop.core.paths import AppPaths


class _KeptRecords(logging.Handler):
    def __init__(self) -> None:
        super().__init__()
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


class DeferredLogging:
    """The log file (``core.logsetup``: its handlers, their imports and the redaction patterns)
    starts right after the first paint; records made before are kept in memory meanwhile and
    then handed to the real handlers, in order and with their own timestamps."""

    def __init__(self, paths: AppPaths) -> None:
        self.paths = paths
        self.log_path: Path | None = paths.log_path
        self._kept = _KeptRecords()
        self._root = logging.getLogger()
        self._level = self._root.level
        self._started = False
        self._root.addHandler(self._kept)
        if self._root.getEffectiveLevel() > logging.INFO:  # the file keeps INFO and up
            self._root.setLevel(logging.INFO)

    def start(self) -> Path | None:
        """Install the log file (once) and replay what was kept. Returns the log file, or
        None when logging is disabled (the folder can't be written)."""
        if self._started:
            return self.log_path
        self._started = True
        self._root.removeHandler(self._kept)
        self._root.setLevel(self._level)
        try:
            from sora_desktop.core.logsetup import setup_logging

            self.log_path = setup_logging(self.paths)
        except OSError as exc:
            print(f"sora-desktop: logging disabled: {exc}", file=sys.stderr)
            self.log_path = None
        records, self._kept.records = self._kept.records, []
        for record in records:  # without handlers, WARNING and up still reach stderr
            self._root.handle(record)
        return self.log_path
