"""settings.json as the window uses it: recent prompts, the draft, the simulator banner.

``UserSettings.save`` serializes on the calling (GUI) thread and writes on a background
thread (:class:`~sora_desktop.core.atomic.LatestTextWriter`): an fsync on a busy disk would
freeze the window. The thread waits :data:`WRITER_LINGER_S` for the next save before it
ends: each Generate saves, and so does the draft half a second after a change, and a new
thread for each made the GUI thread wait for it to start (100+ ms on a busy machine).
``flush`` before exit. Saving failures are logged, never fatal.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sora_desktop.gui.main_window import MainWindow

log = logging.getLogger(__name__)

#: how long the writer thread waits for the next save before it ends (seconds)
WRITER_LINGER_S = 2.0


class UserSettings:
    """Core ``Settings`` (settings.json), saved off the GUI thread (see the module doc)."""

    def __init__(self, path: Path) -> None:
        from sora_desktop.core import settings as settings_mod
        from sora_desktop.core.atomic import LatestTextWriter

        self._mod = settings_mod
        self.path = path
        self.data = settings_mod.load(path)
        self._writer = LatestTextWriter(
            path,
            on_error=lambda exc: log.warning("could not save settings: %s", exc),
            thread_name="sora-settings-writer",
            linger=WRITER_LINGER_S,
        )

    def save(self) -> None:
        self._writer.write(self._mod.dumps(self.data))

    def flush(self) -> None:
        self._writer.flush()

    def remember(self, prompt: str, window: MainWindow | None = None) -> list[str]:
        self.data.remember_prompt(prompt)
        if window is not None:
            panel = window.settings_panel
            profile = panel.current_profile()
            if profile is not None:
                self.data.active_profile_id = profile.id
            self.data.last_model = panel.model() or self.data.last_model
            self.data.last_size = panel.video_size() or self.data.last_size
            self.data.last_seconds = panel.seconds() or self.data.last_seconds
        self.save()
        return list(self.data.recent_prompts)

    def hide_banner(self) -> None:
        self.data.show_simulator_banner = False
        self.save()
