"""The window's Extend… and Stitch… (issue 12): asked in a dialog, run as use cases.

    story = StoryActions(window, operations)   # the composition root makes one
    story.attach(library_panel)                # its Extend…/Stitch… requests, the Clip menu
    story.extend_clip(job_id); story.stitch_clips(job_ids)
    story.ask_extension = ...                  # replaceable (tests): the Extend dialog
    story.open_stitch = ...                    # replaceable (tests): runs the Stitch dialog

An extension is a paid request: it goes through ``sending.send`` under the window's send
guard, keyed by source, prompt and length, so a double click sends it once. Its route is
``usecases.extend``'s; a continuation (a new clip from the source's last frame) is joined to
its source when it is ready (on every finished job, :meth:`finish` asks the use case whether
it is one, off the GUI thread; a continuation finished after a restart is joined then too).
A stitch runs in its dialog (progress, Cancel) and the film lands in the library, linked to
its clips.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject

from sora_desktop.core.errors import SoraError
from sora_desktop.core.models import ConnectionKind, Job
from sora_desktop.gui import sending
from sora_desktop.gui.cost import capabilities_for_job

if TYPE_CHECKING:
    from sora_desktop.core.capabilities import ModelCapabilities
    from sora_desktop.gui.main_window import MainWindow
    from sora_desktop.gui.operations import Operations
    from sora_desktop.gui.stitch_dialog import StitchDialog
    from sora_desktop.usecases.extend import ExtendPlan

AskExtension = Callable[..., "tuple[str, int] | None"]


def ask_extension(*args: Any, **kwargs: Any) -> tuple[str, int] | None:
    """The Extend dialog (``extend_dialog.ask_extension``; it loads the engine's extend
    module, and PyAV with it, so only when first asked)."""
    from sora_desktop.gui.extend_dialog import ask_extension as ask

    return ask(*args, **kwargs)


class StoryActions(QObject):
    def __init__(self, window: MainWindow, operations: Operations) -> None:
        super().__init__(window)
        self._window = window
        self._ops = operations
        self.ask_extension: AskExtension = ask_extension
        self.open_stitch: Callable[[StitchDialog], None] = _exec
        self._library: Any = None
        window.controller.job_finished.connect(self.finish)

    def attach(self, library: Any) -> None:
        """Take the library panel's requests; its actions join the Clip menu."""
        self._library = library
        library.extend_requested.connect(self.extend_clip)
        library.stitch_requested.connect(self.stitch_clips)
        menu = self._window.clip_menu
        menu.addSeparator()
        menu.addAction(library.extend_action)
        menu.addAction(library.stitch_action)

    # --- Extend… -------------------------------------------------------------------
    def _aliases(self, job: Job) -> dict[str, str] | None:
        profiles = self._window.settings_panel.profiles()
        profile = next((p for p in profiles if p.id == job.connection.profile_id), None)
        return dict(profile.model_aliases) if profile is not None else None

    def extend_clip(self, job_id: str) -> None:
        """Ask what comes next (route and cost shown), then send it once."""
        from sora_desktop.usecases.extend import extend_plan

        window = self._window
        job = window.controller.history.get(job_id)
        if job is None:
            window._status(self.tr("This job is no longer in the library."))
            return
        aliases = self._aliases(job)
        try:
            plan: ExtendPlan = extend_plan(job, aliases=aliases)
        except SoraError as err:
            window.errors.show(err)
            return
        caps: ModelCapabilities = plan.capabilities or capabilities_for_job(
            job, window.settings_panel.profiles()
        )
        answer = self.ask_extension(
            job, plan, caps, window, simulator=job.connection.kind is ConnectionKind.SIMULATOR
        )
        if answer is None:
            return
        prompt, seconds = answer
        key = ("extend", job_id, prompt, seconds)
        if window.send_guard.blocked(key):  # a double click on Extend: it is on its way
            window._status(self.tr("Already sent. Wait a moment to extend it again."))
            return
        sending.send(
            window,
            key,
            self._ops.start_extension(
                job_id=job_id, prompt=prompt, seconds=seconds, aliases=aliases
            ),
        )

    def finish(self, job: Job) -> None:
        """A job is ready: when it is a continuation, join it to the clip it continues."""
        self._ops.finish_extension(parent=self._window, job_id=job.id).success(
            self._joined
        ).run_in_background()

    def _joined(self, film: Job | None) -> None:
        if film is None:
            return
        self._show_in_library(film)
        self._window._status(self.tr("The extended clip is in the library."))

    # --- Stitch… -------------------------------------------------------------------
    def stitch_clips(self, job_ids: list[str]) -> None:
        from sora_desktop.gui.stitch_dialog import StitchDialog

        history = self._window.controller.history
        jobs = [job for job in (history.get(i) for i in job_ids) if job is not None]
        if len(jobs) < 2:
            return
        dialog = StitchDialog(jobs, self._ops, self._window)
        dialog.stitched.connect(self._stitched)
        self.open_stitch(dialog)

    def _stitched(self, film: Job) -> None:
        self._show_in_library(film)
        self._window._status(self.tr("The film is in the library."))

    def _show_in_library(self, job: Job) -> None:
        library = self._library
        if library is not None:
            library.refresh()
            library.show_job(job.id)


def _exec(dialog: StitchDialog) -> None:
    try:
        dialog.exec()
    finally:
        dialog.deleteLater()
