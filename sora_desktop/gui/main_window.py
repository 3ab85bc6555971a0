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
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from sora_desktop import APP_NAME
from sora_desktop.core.models import Connection, Job, Profile
from sora_desktop.gui import sending, storyboard_tab, window_state
from sora_desktop.gui.banner import Banner
from sora_desktop.gui.column_scroll import ColumnScroll
from sora_desktop.gui.controller import Controller
from sora_desktop.gui.error_presenter import ErrorPresenter
from sora_desktop.gui.help_menu import HelpActions
from sora_desktop.gui.job_updates import JobUpdates
from sora_desktop.gui.library_wiring import connect_library
from sora_desktop.gui.menus import build_menus
from sora_desktop.gui.notifications import Notifier
from sora_desktop.gui.preview import PreviewPane
from sora_desktop.gui.prompt_editor import PromptEditor
from sora_desktop.gui.questions import (
    CLOSE_CANCEL,
    CLOSE_KEEP,
    CLOSE_STAY,
    ask_cancel_job,
    ask_close_running,
)
from sora_desktop.gui.queue_view import QueueView
from sora_desktop.gui.resend import ask_resend
from sora_desktop.gui.retry import ask_retry
from sora_desktop.gui.send_guard import SendGuard
from sora_desktop.gui.settings_panel import SettingsPanel
from sora_desktop.gui.theme import app_icon
from sora_desktop.usecases.connections import is_builtin_simulator

if TYPE_CHECKING:
    from sora_desktop.core.paths import AppPaths
    from sora_desktop.gui.batch_view import BatchPanel
    from sora_desktop.gui.storyboard_panel import StoryboardPanel
    from sora_desktop.usecases.resend import ResendOffer

log = logging.getLogger(__name__)


def simulator_notice() -> str:
    return QCoreApplication.translate(
        "MainWindow",
        "You're using the built-in simulator: clips are made on this computer, no account "
        "needed. For real videos add a fal, Replicate or Runway connection (Veo 3.1, Kling, "
        "Seedance, Wan, Gen-4.5…): OpenAI's Sora API shut down on 2026-09-24 and Azure takes "
        "no new Sora 2 deployments.",
    )


def _guard_wheel(column: QWidget) -> None:
    from sora_desktop.gui.wheel_guard import guard_wheel  # after the paint, with its types

    guard_wheel(column)


class MainWindow(QMainWindow):
    """Signals: ``first_painted`` once, after the first paint of the window; the
    ``*_requested`` ones ask the composition root to open a dialog."""

    first_painted = Signal()
    #: the composition root (gui/app.py) opens the dialogs for these
    connections_requested = Signal(bool)  # True: open on a new connection's form
    about_requested = Signal()
    preferences_requested = Signal()
    export_requested = Signal(list)  # job ids
    export_folder_requested = Signal()  # File > Open export folder (the folder is a setting)
    spending_requested = Signal()
    new_batch_requested = Signal()  # File > New batch…
    batches_needed = Signal()  # the Batches panel is asked for before it was built
    #: made by ``menus.build_menus``
    new_batch_action: QAction
    batches_action: QAction
    open_export_folder_action: QAction
    open_library_folder_action: QAction
    connections_menu: QMenu
    spending_action: QAction
    clip_menu: QMenu
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
        #: asks before sending an outcome-unknown job again: (parent, offer) -> go ahead?
        self.ask_resend: Callable[[QWidget, ResendOffer], bool] = ask_resend
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
        self.sim_banner.action_clicked.connect(self.add_connection)
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
        # the column reflows to its width; only tall content scrolls (vertically), and it
        # is as narrow as its content allows (a window half a screen wide)
        self.left_scroll = ColumnScroll(self)
        self.left_scroll.setObjectName("left_scroll")
        self.left_scroll.setWidget(left)
        # no Tab stop of its own (it showed nothing when reached): the fields inside it take
        # the focus, and the column scrolls to the one focused
        self.left_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        # The wheel scrolls the column; a setting changes only when focused. Guarded right
        # after the first paint: finding the column's settings makes a Python wrapper for
        # each of its widgets (~22 M instructions), and no wheel turns over a window that
        # isn't on screen yet. (Queued: what the first paint starts elsewhere goes first.)
        self.first_painted.connect(lambda: _guard_wheel(left), Qt.ConnectionType.QueuedConnection)
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
        grab = self.preview.frame_grab
        grab.images_dir = paths.images_dir
        grab.message.connect(self._status)
        grab.start_image_ready.connect(self.use_start_image)
        self.queue = QueueView(parent=self)
        self.queue.cancel_requested.connect(self.confirm_cancel)
        self.queue.retry_requested.connect(self.retry_job)
        self.queue.activated.connect(self.play_job)
        # under the preview: the queue, and the storyboard view (made when first shown)
        self.bottom_tabs = QTabWidget(self)
        self.bottom_tabs.setObjectName("bottom_tabs")
        self.bottom_tabs.setDocumentMode(True)
        self.bottom_tabs.addTab(self.queue, self.tr("Queue"))
        self.storyboard_slot = QWidget(self)
        self.storyboard_slot.setObjectName("storyboard_slot")
        QVBoxLayout(self.storyboard_slot).setContentsMargins(0, 0, 0, 0)
        self.bottom_tabs.addTab(self.storyboard_slot, self.tr("Storyboard"))
        self.bottom_tabs.currentChanged.connect(self._on_bottom_tab)
        self.storyboards: StoryboardPanel | None = None
        #: makes the storyboard panel (the composition root sets it)
        self.make_storyboards: Callable[[], StoryboardPanel] | None = None
        self.centre_splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.centre_splitter.setObjectName("centre_splitter")
        self.centre_splitter.addWidget(self.preview)
        self.centre_splitter.addWidget(self.bottom_tabs)
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
        self.main_splitter.setStretchFactor(0, 1)  # gives way too in a narrow window
        self.main_splitter.setStretchFactor(1, 3)
        self.main_splitter.setStretchFactor(2, 2)
        # the library wide enough for its whole button row (at its narrowest it overflows)
        self.main_splitter.setSizes([360, 520, 470])
        self.centre_splitter.setSizes([480, 220])

        central = QWidget(self)
        outer = QVBoxLayout(central)
        outer.setContentsMargins(6, 6, 6, 6)
        outer.addWidget(self.sim_banner)
        outer.addWidget(self.error_banner)
        outer.addWidget(self.main_splitter, 1)
        self.setCentralWidget(central)
        build_menus(self)
        # Tab reaches the tabs (Queue, Storyboard) before what the chosen tab shows (the
        # queue was made first, so its table came first)
        QWidget.setTabOrder(self.bottom_tabs.tabBar(), self.queue.clear_button)
        QWidget.setTabOrder(self.queue.clear_button, self.queue.table)

        self.batch_panel: BatchPanel | None = None  # set_batch_panel (the composition root)
        self.batch_dock: QWidget | None = None
        self.export_notice: QWidget | None = None  # "Exported …" (the composition root's)
        self.notifier = Notifier(self, self.windowIcon())
        self.statusBar().showMessage(self.tr("Ready"))

        # --- wiring --------------------------------------------------------------------
        self.prompt.changed.connect(self._update_generate)
        self.prompt.generate_requested.connect(self.generate)
        self.settings_panel.changed.connect(self._on_settings_changed)
        self.settings_panel.profile_changed.connect(self._on_profile_changed)
        self.job_updates = JobUpdates(self, controller)
        controller.error.connect(self.errors.show)

        self.settings_panel.set_profiles(profiles, active_profile_id)
        self.restore_state()
        self._update_generate()

    # --- the library slot ------------------------------------------------------------
    def set_batch_panel(self, panel: BatchPanel) -> None:
        """The Batches panel (the composition root's), docked under the window."""
        from sora_desktop.gui.batch_view import dock_panel

        self.batch_dock = dock_panel(self, panel)
        panel.status.connect(self._status)
        self.batch_panel = panel

    def show_batches(self, batch_id: str | None) -> None:
        """Show the Batches panel (on ``batch_id`` when given)."""
        if self.batch_panel is None:
            self.batches_needed.emit()  # the composition root builds it
        if self.batch_panel is None or self.batch_dock is None:
            return
        self.batch_dock.show()
        self.batch_dock.raise_()
        if batch_id is not None:
            self.batch_panel.show_batch(batch_id)
        else:
            self.batch_panel.refresh()

    def set_library(self, widget: QWidget) -> None:
        layout = self.library_slot.layout()
        assert layout is not None
        if self.library is not None:
            layout.removeWidget(self.library)
            self.library.deleteLater()
        self.library = widget
        layout.addWidget(widget)
        connect_library(self, widget)

    # --- the storyboard view (gui/storyboard_tab.py) ---------------------------------------
    def _on_bottom_tab(self, index: int) -> None:
        storyboard_tab.on_bottom_tab(self, index)

    def ensure_storyboards(self) -> StoryboardPanel | None:
        return storyboard_tab.ensure_storyboards(self)

    def show_storyboards(self) -> StoryboardPanel | None:
        return storyboard_tab.show_storyboards(self)

    def new_storyboard(self) -> None:
        storyboard_tab.new_storyboard(self)

    def open_storyboard_file(self) -> None:
        storyboard_tab.open_storyboard_file(self)

    def save_storyboard_file(self) -> None:
        storyboard_tab.save_storyboard_file(self)

    def _on_film_made(self, job_id: str) -> None:
        storyboard_tab.on_film_made(self, job_id)

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

    def _on_finished(self, job: Job) -> None:
        self.job_updates.on_finished(job)

    # --- actions -----------------------------------------------------------------------
    def confirm_cancel(self, job_id: str) -> None:
        """Ask, as a question naming the clip, before cancelling."""
        job = self.controller.history.get(job_id)
        if ask_cancel_job(self, job.request.prompt if job is not None else None):
            self.controller.cancel(job_id)

    def play_job(self, job_id: str) -> None:
        job = self.controller.history.get(job_id)
        if job is None or job.file_path is None or not Path(job.file_path).is_file():
            self._status(self.tr("This video is not on this computer (yet)."))
            return
        self.preview.load(job.file_path, title=" ".join(job.request.prompt.split()))

    def use_start_image(self, path: str) -> None:
        """A frame grabbed in the preview becomes the next generation's reference image."""
        self.settings_panel.image_picker.set_path(Path(path))

    def reuse_job(self, job_id: str) -> None:
        job = self.controller.history.get(job_id)
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
        self.connections_requested.emit(False)

    def add_connection(self) -> None:
        """The banner's "Add a connection…": the dialog opens on a new connection's form
        (it opened on the simulator's greyed-out one, and Add had to be found)."""
        self.connections_requested.emit(True)

    def open_library_folder(self) -> bool:
        """Show the folder holding the library's videos in the OS file manager."""
        from sora_desktop.gui.file_actions import open_folder

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
        return ask_close_running(self, self.tr("%n video(s) still being made.", "", running))

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
        if self.storyboards is not None:
            self.storyboards.shutdown()
        self.notifier.close()
        self.controller.shutdown(cancel_running=choice == CLOSE_CANCEL)
        self._closing_done = True
        event.accept()
