"""Sending a storyboard's shots from the window, through Generate's one send path.

"Generate missing shots" and "Regenerate shot" are paid requests: they go through
``gui/sending.py::send`` under the window's send guard (a double click sends once; the
use case, ``usecases.storyboards``, also records each take before its create is sent, so
a second call never sends the same shot again). Each shot's connection comes from its
profile, by the same rule the command line uses (``connection_for_profiles``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from sora_desktop.gui import sending

if TYPE_CHECKING:
    from sora_desktop.gui.main_window import MainWindow
    from sora_desktop.gui.operations import Operations


class StoryboardSender:
    """What the storyboard panel sends with: the window's service, guard and folders."""

    def __init__(self, window: MainWindow, operations: Operations) -> None:
        self._window = window
        self._ops = operations

    def generate_missing(
        self,
        board_id: str,
        *,
        retry_failed: bool,
        after: Callable[[], None],
        quiet: bool = False,
    ) -> bool:
        """Send every shot of ``board_id`` that can go now; False when the guard held it
        back (the same click is on its way, or was accepted a moment ago; ``quiet``: say
        nothing then, the panel tries again)."""
        from sora_desktop.usecases import storyboards

        window = self._window
        key = ("storyboard", board_id)
        if window.send_guard.blocked(key):
            if not quiet:
                self._held()
            return False
        submit = self._ops.library_send(
            lambda service, store, paths: storyboards.generate_missing(
                service,
                store,
                board_id,
                storyboards.connection_for_profiles(paths.profiles_path),
                paths.images_dir,
                retry_failed=retry_failed,
            )
        )
        sending.send(window, key, submit, after)
        return True

    def regenerate(self, board_id: str, shot_id: str, after: Callable[[], None]) -> bool:
        """Send a new take of one shot (False when the guard held it back)."""
        from sora_desktop.usecases import storyboards

        window = self._window
        key = ("storyboard", board_id, shot_id)
        if window.send_guard.blocked(key):
            self._held()
            return False
        submit = self._ops.library_send(
            lambda service, store, paths: storyboards.regenerate_shot(
                service,
                store,
                board_id,
                shot_id,
                storyboards.connection_for_profiles(paths.profiles_path),
                paths.images_dir,
            )
        )
        sending.send(window, key, submit, after)
        return True

    def _held(self) -> None:
        self._window._status(
            QCoreApplication.translate(
                "Storyboard", "Already sent. Wait a moment to send these shots again."
            )
        )
