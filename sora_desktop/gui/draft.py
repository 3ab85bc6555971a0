"""The draft survives a restart: prompt, connection, model, size, duration, reference image.

:class:`DraftKeeper` writes the window's draft into settings.json (through
:class:`~sora_desktop.gui.user_settings.UserSettings`, i.e. the background
``LatestTextWriter``) shortly after each change, and once more when the app closes;
:meth:`DraftKeeper.restore` puts it back at start. A reference image that is no longer
there (or no longer usable) is left out with a quiet note in the status bar. The image is
restored after the first paint: checking it loads Pillow, which start-up doesn't need.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer

if TYPE_CHECKING:
    from sora_desktop.gui.main_window import MainWindow
    from sora_desktop.gui.user_settings import UserSettings

#: a burst of typing is one write
SAVE_DELAY_MS = 500


class DraftKeeper(QObject):
    def __init__(
        self, window: MainWindow, user: UserSettings, *, delay_ms: int = SAVE_DELAY_MS
    ) -> None:
        super().__init__(window)
        self._window = window
        self._user = user
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self.save_now)
        self._watching = False

    def watch(self) -> None:
        """Save on every change from now on (after :meth:`restore`: restoring isn't one)."""
        if self._watching:
            return
        self._watching = True
        self._window.prompt.changed.connect(self._timer.start)
        self._window.settings_panel.changed.connect(self._timer.start)

    def pending(self) -> bool:
        return self._timer.isActive()

    def save_now(self) -> None:
        """Write the draft as it is now (the writer thread does the disk part)."""
        self._timer.stop()
        data = self._user.data
        panel = self._window.settings_panel
        picker = panel.image_picker
        profile = panel.current_profile()
        if profile is not None:
            data.active_profile_id = profile.id
        data.last_model = panel.model() or data.last_model
        data.last_size = panel.video_size() or data.last_size
        data.last_seconds = panel.seconds() or data.last_seconds
        data.draft_prompt = self._window.prompt.text()
        image = picker.path()
        data.draft_image = str(image) if image is not None else None
        data.draft_fit_mode = picker.mode()
        self._user.save()

    def restore(self) -> None:
        """Prompt and choices now; the reference image after the first paint."""
        data = self._user.data
        panel = self._window.settings_panel
        panel.set_choice(model=data.last_model, size=data.last_size, seconds=data.last_seconds)
        panel.image_picker.set_mode(data.draft_fit_mode)
        if data.draft_prompt:
            self._window.prompt.set_text(data.draft_prompt)
        if data.draft_image:
            self._window.first_painted.connect(self.restore_image)

    def restore_image(self) -> str | None:
        """Give the saved reference image back to the picker; the note shown when it was
        left out, else None."""
        saved = self._user.data.draft_image
        if not saved:
            return None
        path = Path(saved)
        picker = self._window.settings_panel.image_picker
        note: str | None = None
        if not path.is_file():
            note = self.tr("The reference image {0} is no longer there; it was left out.")
        elif not picker.set_path(path):
            picker.clear()  # no error left behind for a file the creator didn't just pick
            note = self.tr("The reference image {0} can't be used any more; it was left out.")
        if note is not None:
            self._user.data.draft_image = None
            self._user.save()
            text = note.format(path.name)
            self._window.statusBar().showMessage(text, 15000)
            return text
        return None
