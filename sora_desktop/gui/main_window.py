"""The main window: prompt + settings on the left, preview and queue in the centre, the
library on the right. All I/O goes through the :class:`Controller`.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEvent, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent
from PySide6.QtWidgets import (
    QApplication,
    QMainWindow,
    QMenu,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from .. import APP_NAME
from ..core.models import Connection, Job, JobEvent, JobStatus, Profile
from ..usecases.connections import is_builtin_simulator
from . import sending, window_state
from .banner import Banner
from .controller import Controller
from .cost import job_cost_text
from .error_presenter import ErrorPresenter
from .help_menu import HelpActions
from .menus import build_menus
from .notifications import Notifier
from .preview import PreviewPane
from .prompt_editor import PromptEditor
from .questions import ask_cancel_job
from .queue_view import QueueView
from .retry import ask_retry
from .send_guard import SendGuard
from .settings_panel import SettingsPanel
from .theme import app_icon
from .wheel_guard import guard_wheel

if TYPE_CHECKING:
    from ..core.paths import AppPaths

log = logging.getLogger(__name__)

CLOSE_KEEP, CLOSE_CANCEL, CLOSE_STAY = "keep", "cancel", "stay"


def simulator_notice() -> str:
    return QCoreApplication.translate(
        "MainWindow",
        "You're using the built-in simulator: clips are made on this computer, no account "
        "needed. OpenAI's Sora API shut down on 2026-09-24.",
    )


class MainWindow(QMainWindow):
    """Signals: ``first_painted`` once, after the first paint of the window; the
    ``*_requested`` ones ask the composition root to open a dialog."""

    first_painted = Signal()
    #: the composition root (gui/app.py) opens the dialogs for these
    connections_requested = Signal()
    about_requested = Signal()
    preferences_requested = Signal()
    export_requested = Signal(list)  # job ids
    export_folder_requested = Signal()  # File > Open export folder (the folder is a setting)
    spending_requested = Signal()
    #: made by ``menus.build_menus``
    open_export_folder_action: QAction
    open_library_folder_action: QAction
    connections_menu: QMenu
    spending_action: QAction
    help_actions: HelpActions

    def __init__(
        self,
        controller: Controller,
        paths: AppPaths,
        profiles: Sequence[Profile],
        *,
        connection_for: Callable[[Profile], Connection],
        active_profile_id: str | None = None,
        recent_prompts: Sequence[str] = (),
        remember_prompt: Callable[[str], Sequence[str]] | None = None,
        show_simulator_banner: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.controller = controller
        self.paths = paths
        self._connection_for = connection_for
        self._remember_prompt = remember_prompt
        self._painted = False
        self.first_painted_at = 0.0  # time.perf_counter() at the first paint
        self._show_sim_banner = show_simulator_banner
        self._closing_done = False
        self._submitting = 0
        #: asks before a retry (a new paid job): (parent, job, estimate) -> go ahead?
        self.ask_retry: Callable[[QWidget, Job, str], bool] = ask_retry
        #: the creator asked to restart (a new language): ``app.run`` relaunches after closing
        self.restart_requested = False
        self.setWindowTitle(APP_NAME)
        icon = QApplication.windowIcon()  # run() has set it; a test's window makes its own
        self.setWindowIcon(app_icon() if icon.isNull() else icon)
        self.setObjectName("main_window")

        # --- banners ---------------------------------------------------------------
        self.sim_banner = Banner(self)
        self.sim_banner.setObjectName("simulator_banner")
        self.sim_banner.set_message(simulator_notice(), self.tr("Add a connection…"))
        self.sim_banner.action_clicked.connect(self.open_connections)
        self.sim_banner.dismissed.connect(self._remember_banner_dismissed)
        self.error_banner = Banner(self)
        self.error_banner.setObjectName("error_banner")
        self.error_banner.hide()
        self.errors = ErrorPresenter(self, paths.log_path, self.error_banner)

        # --- left column: prompt, settings, generate ---------------------------------
        self.prompt = PromptEditor(self)
        self.prompt.set_recent_prompts(recent_prompts)
        self.settings_panel = SettingsPanel(self)
        self.generate_button = QPushButton(self.tr("Generate"), self)
        self.generate_button.setObjectName("generate_button")
        self.generate_button.setDefault(True)
        self.generate_button.setMinimumHeight(36)
        self.generate_button.clicked.connect(self.generate)
        self.send_guard = SendGuard(self)
        self.send_guard.changed.connect(self._update_generate)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.addWidget(self.prompt, 1)
        left_layout.addWidget(self.settings_panel)
        self.left_scroll = QScrollArea(self)
        self.left_scroll.setObjectName("left_scroll")
        self.left_scroll.setWidget(left)
        self.left_scroll.setWidgetResizable(True)
        self.left_scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.left_scroll.setMinimumWidth(360)
        # the column reflows to its width; only tall content scrolls (vertically)
        self.left_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        guard_wheel(left)  # the wheel scrolls the column; a setting changes only when focused
        # Generate is pinned under the scrolling part: whatever opens above (the recipe, an
        # error banner), it stays on screen
        self.left_column = QWidget(self)
        self.left_column.setObjectName("left_column")
        column_layout = QVBoxLayout(self.left_column)
        column_layout.setContentsMargins(0, 0, 0, 0)
        column_layout.addWidget(self.left_scroll, 1)
        column_layout.addWidget(self.generate_button)

        # --- centre: preview over queue ----------------------------------------------
        self.preview = PreviewPane(self)
        self.preview.media_error.connect(self._status)
        self.queue = QueueView(parent=self)
        self.queue.cancel_requested.connect(self.confirm_cancel)
        self.queue.retry_requested.connect(self.retry_job)
        self.queue.activated.connect(self.play_job)
        self.centre_splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.centre_splitter.setObjectName("centre_splitter")
        self.centre_splitter.addWidget(self.preview)
        self.centre_splitter.addWidget(self.queue)
        self.centre_splitter.setStretchFactor(0, 3)
        self.centre_splitter.setStretchFactor(1, 1)

        # --- right: the library (set_library, by the composition root after the paint) --
        self.library_slot = QWidget(self)
        self.library_slot.setObjectName("library_slot")
        QVBoxLayout(self.library_slot).setContentsMargins(0, 0, 0, 0)
        self.library: QWidget | None = None

        self.main_splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.main_splitter.setObjectName("main_splitter")
        self.main_splitter.addWidget(self.left_column)
        self.main_splitter.addWidget(self.centre_splitter)
        self.main_splitter.addWidget(self.library_slot)
        self.main_splitter.setStretchFactor(0, 0)
        self.main_splitter.setStretchFactor(1, 3)
        self.main_splitter.setStretchFactor(2, 2)
        self.main_splitter.setSizes([340, 660, 380])
        self.centre_splitter.setSizes([480, 220])

        central = QWidget(self)
        outer = QVBoxLayout(central)
        outer.setContentsMargins(6, 6, 6, 6)
        outer.addWidget(self.sim_banner)
        outer.addWidget(self.error_banner)
        outer.addWidget(self.main_splitter, 1)
        self.setCentralWidget(central)
        build_menus(self)

        self.export_notice: QWidget | None = None  # "Exported …" (the composition root's)
        self.notifier = Notifier(self, self.windowIcon())
        self.statusBar().showMessage(self.tr("Ready"))

        # --- wiring --------------------------------------------------------------------
        self.prompt.changed.connect(self._update_generate)
        self.prompt.generate_requested.connect(self.generate)
        self.settings_panel.changed.connect(self._on_settings_changed)
        self.settings_panel.profile_changed.connect(self._on_profile_changed)
        controller.job_submitted.connect(self._on_submitted)
        controller.job_event.connect(self._on_event)
        controller.job_finished.connect(self._on_finished)
        controller.job_failed.connect(self._on_failed)
        controller.job_cancelled.connect(self._on_cancelled)
        controller.error.connect(self.errors.show)
        controller.resumed.connect(self._on_resumed)

        self.settings_panel.set_profiles(profiles, active_profile_id)
        self.restore_state()
        self._update_generate()

    # --- the library slot ------------------------------------------------------------
    def set_library(self, widget: QWidget) -> None:
        layout = self.library_slot.layout()
        assert layout is not None
        if self.library is not None:
            layout.removeWidget(self.library)
            self.library.deleteLater()
        self.library = widget
        layout.addWidget(widget)
        if hasattr(widget, "ask_remix_prompt"):  # a remix is a new paid job: show its cost
            from .remix_dialog import ask_remix_prompt

            def ask(job: Job) -> str | None:
                estimate = job_cost_text(job, self.settings_panel.profiles())
                return ask_remix_prompt(job, widget, estimate=estimate)

            widget.ask_remix_prompt = ask
        for name, slot in (
            ("play_requested", self.play_job),
            ("reuse_requested", self.reuse_job),
            ("remix_requested", self.controller.remix),
            ("retry_requested", self.retry_job),
        ):
            signal = getattr(widget, name, None)
            if signal is not None:
                signal.connect(slot)
        delete_remote = getattr(widget, "delete_remote_requested", None)
        if delete_remote is not None:
            delete_remote.connect(self._delete_remote)
        export = getattr(widget, "export_requested", None)
        if export is not None:
            export.connect(self.export_requested)
        deleted = getattr(widget, "locally_deleted", None)
        if deleted is not None:
            deleted.connect(self._forget_jobs)

    # --- generate ----------------------------------------------------------------------
    def generate_problem(self) -> str | None:
        return self.prompt.problem() or self.settings_panel.problem()

    def request_key(self) -> tuple[object, ...]:
        """Everything that makes the editor's request: the same key is the same paid job."""
        return sending.request_key(self)

    def _update_generate(self) -> None:
        sending.update_generate(self)

    def _on_settings_changed(self) -> None:
        self.prompt.set_max_chars(self.settings_panel.capabilities().max_prompt_chars)
        self._update_generate()

    def _on_profile_changed(self, _profile_id: str) -> None:
        profile = self.settings_panel.current_profile()
        self.sim_banner.setVisible(
            profile is not None and is_builtin_simulator(profile) and not self._banner_dismissed()
        )

    def generate(self) -> None:
        """Send the editor's request, unless the very same one is already on its way."""
        sending.generate(self)

    def retry_job(self, job_id: str) -> None:
        """Make a job that ended without a video again, as a new job (confirmed first)."""
        sending.retry_job(self, job_id)

    # --- controller events -----------------------------------------------------------
    def _on_submitted(self, job: Job) -> None:
        self.error_banner.hide()
        self.queue.model.upsert(job)
        self._status(self.tr("Sent. Rendering…"))

    def _on_event(self, event: JobEvent) -> None:
        if not self.queue.model.apply_event(event):
            job = self.controller.store.get(event.job_id)
            if job is not None and not job.status.is_terminal:
                self.queue.model.upsert(job)
        library: Any = self.library
        if library is not None and hasattr(library, "job_changed"):
            if event.status in (JobStatus.DRAFT, JobStatus.SUBMITTING):
                library.refresh()
            else:
                library.job_changed(event.job_id)

    def _on_resumed(self, job_ids: list[str]) -> None:
        for job_id in job_ids:
            job = self.controller.store.get(job_id)
            if job is not None:
                self.queue.model.upsert(job)
        if job_ids:
            self._status(self.tr("Resumed {0} unfinished job(s).").format(len(job_ids)))

    def _on_finished(self, job: Job) -> None:
        self.queue.model.upsert(job)
        title = " ".join(job.request.prompt.split())
        if job.file_path is not None:
            self.preview.load(job.file_path, title=title)
        self._status(self.tr("Your video is ready."))
        self.notifier.notify(self.tr("Video ready"), title[:120])

    def _on_failed(self, job: Job) -> None:
        from ..core.service import error_for_job

        self.queue.model.upsert(job)
        error = error_for_job(job)
        text = job.error_message or self.tr("The job did not finish.")
        self._status(text)
        if error is not None:
            self.errors.show(error, job_id=job.id)  # taken down if the job is deleted
        self.notifier.notify(self.tr("Video failed"), text[:200], error=True)

    def _on_cancelled(self, job: Job) -> None:
        self.queue.model.upsert(job)
        self._status(self.tr("Cancelled."))

    # --- actions -----------------------------------------------------------------------
    def confirm_cancel(self, job_id: str) -> None:
        """Ask, as a question naming the clip, before cancelling."""
        job = self.controller.store.get(job_id)
        if ask_cancel_job(self, job.request.prompt if job is not None else None):
            self.controller.cancel(job_id)

    def play_job(self, job_id: str) -> None:
        job = self.controller.store.get(job_id)
        if job is None or job.file_path is None or not Path(job.file_path).is_file():
            self._status(self.tr("This video is not on this computer (yet)."))
            return
        self.preview.load(job.file_path, title=" ".join(job.request.prompt.split()))

    def reuse_job(self, job_id: str) -> None:
        job = self.controller.store.get(job_id)
        if job is None:
            return
        self.prompt.set_text(job.request.prompt)
        self.settings_panel.set_choice(
            model=job.request.model, size=job.request.size, seconds=job.request.seconds
        )

    def _forget_jobs(self, job_ids: list[str]) -> None:
        self.errors.forget_jobs(job_ids)
        for job_id in job_ids:
            self.queue.model.remove(job_id)
            if self.preview.source() is not None:
                job_file = self.preview.source()
                if job_file is not None and not job_file.exists():
                    self.preview.unload()

    def _delete_remote(self, job_ids: list[str]) -> None:
        for job_id in job_ids:  # when done, the row says so and Remix is off
            self.controller.delete_remote(job_id, lambda job: self._job_updated(job.id))

    def _job_updated(self, job_id: str) -> None:
        library: Any = self.library
        if library is not None and hasattr(library, "job_changed"):
            library.job_changed(job_id)

    def open_connections(self) -> None:
        self.connections_requested.emit()

    def open_library_folder(self) -> bool:
        """Show the folder holding the library's videos in the OS file manager."""
        from .file_actions import open_folder

        folder = self.paths.library_dir
        if open_folder(folder):
            return True
        self._status(
            self.tr("The file manager could not be opened. The folder is {0}").format(folder)
        )
        return False

    def open_about(self) -> None:
        self.about_requested.emit()

    def _export_selected(self) -> None:
        library: Any = self.library
        ids = library.selected_ids() if hasattr(library, "selected_ids") else []
        if ids:
            self.export_requested.emit(list(ids))
        else:
            self._status(self.tr("Select videos in the library to export them."))

    def reload_profiles(self, profiles: Sequence[Profile]) -> None:
        """The profiles changed (connections dialog): refill, keeping the current choice."""
        current = self.settings_panel.current_profile()
        self.settings_panel.set_profiles(profiles, current.id if current else None)

    def _status(self, text: str) -> None:
        self.statusBar().showMessage(text, 10000)

    # --- persistence (UI state only) -------------------------------------------------
    def _qsettings(self) -> QSettings:
        return QSettings()

    def _banner_dismissed(self) -> bool:
        return not self._show_sim_banner

    def set_simulator_banner_allowed(self, allowed: bool) -> None:
        self._show_sim_banner = allowed
        self._on_profile_changed("")

    def _remember_banner_dismissed(self) -> None:
        self._show_sim_banner = False  # the composition root saves it in Settings

    def save_state(self) -> None:
        window_state.save_state(self._qsettings(), self)

    def restore_state(self) -> None:
        window_state.restore_state(self._qsettings(), self)
        self._on_profile_changed("")

    # --- first paint and closing -----------------------------------------------------
    def event(self, event: QEvent) -> bool:
        result = super().event(event)
        if event.type() == QEvent.Type.Paint and not self._painted:
            self._painted = True
            self.first_painted_at = time.perf_counter()
            QTimer.singleShot(0, self, self.first_painted.emit)  # dropped if we die first
        return result

    def request_restart(self) -> bool:
        """Close the normal way (running jobs are asked about), then start again. False
        when the creator chose to stay."""
        self.restart_requested = True
        if not self.close():
            self.restart_requested = False
        return self.restart_requested

    def ask_close(self, running: int) -> str:
        """Ask what to do with running jobs: CLOSE_KEEP, CLOSE_CANCEL or CLOSE_STAY."""
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Jobs are still running"))
        box.setText(self.tr("%n video(s) still being made.", "", running))
        box.setInformativeText(
            self.tr(
                "Keep them and they continue the next time you open Sora Desktop, or cancel "
                "them now (a render the service already started may still be billed)."
            )
        )
        keep = box.addButton(self.tr("Keep for next start"), QMessageBox.ButtonRole.AcceptRole)
        cancel = box.addButton(self.tr("Cancel them"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(self.tr("Don't close"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep)
        box.exec()
        clicked = box.clickedButton()
        if clicked is keep:
            return CLOSE_KEEP
        if clicked is cancel:
            return CLOSE_CANCEL
        return CLOSE_STAY

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._closing_done:
            event.accept()
            return
        running = len(self.controller.running_jobs()) + self._submitting
        choice = self.ask_close(running) if running else CLOSE_KEEP
        if choice == CLOSE_STAY:
            event.ignore()
            return
        self.save_state()
        self.preview.shutdown()
        if self.library is not None and hasattr(self.library, "shutdown"):
            self.library.shutdown()
        self.notifier.close()
        self.controller.shutdown(cancel_running=choice == CLOSE_CANCEL)
        self._closing_done = True
        event.accept()
