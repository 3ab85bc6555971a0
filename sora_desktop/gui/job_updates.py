"""The controller's job events shown in the window: the queue, the library, the storyboard
tab, the status bar, the player and the notifications."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject

from sora_desktop.core.models import Job, JobEvent, JobStatus

if TYPE_CHECKING:
    from sora_desktop.gui.controller import Controller
    from sora_desktop.gui.main_window import MainWindow


_NOT_SENT = frozenset({JobStatus.DRAFT, JobStatus.SUBMITTING})


def _t(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)


class JobUpdates(QObject):
    """Connected to ``controller``'s job signals for as long as ``window`` lives."""

    def __init__(self, window: MainWindow, controller: Controller) -> None:
        super().__init__(window)
        self._w = window
        #: jobs stored but whose create has not gone out yet (the status bar says "Sending…")
        self._sending: set[str] = set()
        controller.job_submitted.connect(self.on_submitted)
        controller.job_event.connect(self.on_event)
        controller.job_finished.connect(self.on_finished)
        controller.job_failed.connect(self.on_failed)
        controller.job_cancelled.connect(self.on_cancelled)
        controller.resumed.connect(self.on_resumed)

    def on_submitted(self, job: Job) -> None:
        self._w.error_banner.hide()
        self._w.queue.model.upsert(job)
        # stored, not sent: the create goes out from the job's task, and a service that
        # can't be reached keeps it here (the queue row says why); "Sent" when it went out
        self._sending.add(job.id)
        self._w._status(_t("Sending…"))

    def on_event(self, event: JobEvent) -> None:
        if event.job_id in self._sending and event.status not in _NOT_SENT:
            self._sending.discard(event.job_id)
            if not event.status.is_terminal:
                self._w._status(_t("Sent. Rendering…"))
        # Nothing is read from the library here: a state change carries the job as stored
        # (event.job), a tick carries its progress; reads scale with state changes, not ticks.
        if not self._w.queue.model.apply_event(event):
            job = event.job  # a job the window did not send (a batch's): its first event has it
            if job is not None and not job.status.is_terminal:
                self._w.queue.model.upsert(job)
        library: Any = self._w.library
        if library is not None and hasattr(library, "job_event"):
            library.job_event(event)
        if self._w.storyboards is not None:
            self._w.storyboards.job_changed(
                event.job_id, ended=event.status.is_terminal, job=event.job
            )

    def on_resumed(self, jobs: list[Job]) -> None:
        for job in jobs:
            self._w.queue.model.upsert(job)
        if jobs:
            self._w._status(_t("Resumed {0} unfinished job(s).").format(len(jobs)))

    def on_finished(self, job: Job) -> None:
        self._w.queue.model.upsert(job)
        if self._w.batch_panel is not None and self._w.batch_panel.made_job(job.id):
            return  # a batch's clip: the Batches panel shows it; no player, no notification
        title = " ".join(job.request.prompt.split())
        if job.file_path is not None:
            self._w.preview.load(job.file_path, title=title)
        self._w._status(_t("Your video is ready."))
        self._w.notifier.notify(_t("Video ready"), title[:120])

    def on_failed(self, job: Job) -> None:
        from sora_desktop.core.job_errors import error_for_job

        self._w.queue.model.upsert(job)
        error = error_for_job(job)
        text = job.error_message or _t("The job did not finish.")
        self._w._status(text)
        if self._w.batch_panel is not None and self._w.batch_panel.made_job(job.id):
            return  # a batch's row: the Batches panel says why (and offers Retry failed)
        if error is not None:
            self._w.errors.show(error, job_id=job.id)  # taken down if the job is deleted
        self._w.notifier.notify(_t("Video failed"), text[:200], error=True)

    def on_cancelled(self, job: Job) -> None:
        self._w.queue.model.upsert(job)
        self._w._status(_t("Cancelled."))
