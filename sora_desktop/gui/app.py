"""Composition root: builds every object, wires them, runs the window.

``run(argv, data_dir)`` is what ``sora-desktop`` with no arguments calls. :func:`build` makes
the whole app without entering the event loop (tests drive it the same way). The threads:
the GUI thread, ONE ``sora-io`` thread running the asyncio loop and the
:class:`GenerationService` (both made right after the first paint, or on first use), and
(only with the built-in simulator) the simulator's threads.

``SORA_DESKTOP_QUIT_AFTER_SHOWN=1`` quits right after the window's first paint (start-up
benchmark), printing ``first-paint-perf-counter: <time.perf_counter()>`` on stdout then.
Heavy modules (asyncio, QtMultimedia, PyAV, httpx, the simulator, the log setup) are imported
after the first paint or on first use; the library panel is built right after it.
"""

from __future__ import annotations

import gc
import logging
import os
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEvent, QSettings, Qt
from PySide6.QtWidgets import QApplication

from sora_desktop import APP_NAME, ORG_NAME, __version__
from sora_desktop.core.errors import ExitCode, SoraError
from sora_desktop.core.models import Connection, Profile
from sora_desktop.core.paths import ENV_DATA_DIR, AppPaths
from sora_desktop.gui.gui_gc import GuiGarbageCollector
from sora_desktop.gui.simulator_handle import SimulatorHandle
from sora_desktop.usecases.connections import is_builtin_simulator

if TYPE_CHECKING:
    from sora_desktop.core.loop_thread import LoopThread
    from sora_desktop.core.service import GenerationService
    from sora_desktop.gui.controller import Controller
    from sora_desktop.gui.main_window import MainWindow
    from sora_desktop.gui.operations import Operations
    from sora_desktop.gui.user_settings import UserSettings
    from sora_desktop.usecases.context import Engine
    from sora_desktop.usecases.history import History

log = logging.getLogger(__name__)

ENV_QUIT_AFTER_SHOWN = "SORA_DESKTOP_QUIT_AFTER_SHOWN"
PAINT_STAMP = "first-paint-perf-counter:"  # printed on stdout at the first paint in that mode
ENV_SIM_LATENCY = "SORA_DESKTOP_SIM_LATENCY"
DEFAULT_SIM_LATENCY = 6.0


class AppContext:
    """The running window and what it was built from (``build``), closed with ``close``.

    A plain class, not a dataclass: Python 3.11 compiles a dataclass's methods as it is
    created (~5 M instructions before the first paint), and nothing compares contexts."""

    def __init__(
        self,
        *,
        paths: AppPaths,
        engine: Engine,
        controller: Controller,
        window: MainWindow,
        simulator: SimulatorHandle,
        moved_aside: Path | None = None,
        profiles: list[Profile] | None = None,
        gc: GuiGarbageCollector | None = None,
        profile_store: Any = None,
        user: UserSettings | None = None,
        draft: Any = None,
        operations: Any = None,
        story: Any = None,
    ) -> None:
        self.paths = paths
        self.engine = engine  # the library, profiles and settings (usecases.context), made once
        self.controller = controller
        self.window = window
        self.simulator = simulator
        self.moved_aside = moved_aside
        self.profiles: list[Profile] = profiles if profiles is not None else []
        self.gc = gc
        self.profile_store = profile_store  # core.profiles.ProfileStore
        self.user = user
        self.draft = draft  # gui.draft.DraftKeeper
        self.operations = operations  # gui.operations.Operations: what panels and dialogs run
        self.story = story  # gui.story_actions.StoryActions: Extend… and Stitch…
        self._closed = False
        self._refused = False  # the library could not be opened: nothing more is built

    def ensure_library(self) -> None:
        """Build the library panel (once). It fills its slot right after the first paint:
        the window shows without waiting for its model, view and thumbnail cache."""
        if self.window.library is None and not (self._closed or self._refused):
            library = _make_library(
                self.controller.history, self.paths, self.profile_store, self.operations
            )
            if library is not None:
                self.window.set_library(library)
                if self.story is not None:
                    self.story.attach(library)

    def ensure_batches(self) -> None:
        """Build the Batches panel (once, after the first paint: the window shows first)."""
        if self.window.batch_panel is None and not (self._closed or self._refused):
            from sora_desktop.gui.batch_view import BatchPanel

            self.window.set_batch_panel(BatchPanel(self.operations))

    def open_library(self) -> bool:
        """Open the library (SQLite) now, after the first paint. A library that can't be
        opened says so in a box and ends the app with its exit code, as before the window
        showed; False then."""
        try:
            self.engine.open_library()
        except SoraError as err:
            self._refuse(f"{err.message}\n\n{err.next_step}", int(err.exit_code))
            return False
        except OSError as exc:
            self._refuse(str(exc), int(ExitCode.LOCAL_IO))
            return False
        self.moved_aside = self.engine.moved_aside
        return True

    def _refuse(self, text: str, code: int) -> None:
        log.error("the library could not be opened: %s", text)
        _critical(text)
        self._refused = True  # nothing else starts; run() closes what there is
        QCoreApplication.exit(code)

    def start_background(self) -> None:
        """After the first paint: the library, the player, the I/O thread, the simulator if
        needed, resume jobs and unfinished batches."""
        if not self.open_library():
            return
        self.ensure_library()
        self.ensure_batches()
        self.controller.start_io()
        self.window.preview.ensure_player()
        profile = self.window.settings_panel.current_profile()
        if profile is not None and is_builtin_simulator(profile):
            try:
                self.simulator.base_url()  # ready before the first Generate
            except SoraError as err:
                log.error("the built-in simulator could not start: %s", err)
        self.controller.warm_up()
        self.controller.resume_all()
        if self.window.batch_panel is not None:
            self.window.batch_panel.resume_unfinished()  # says so in the status bar
        if self.gc is not None:
            self.gc.freeze()  # start-up objects live on: keep them out of full collections

    def close(self) -> None:
        """Close the window (asks about running jobs), then stop everything we started."""
        if self._closed:
            return
        self._closed = True
        if self.window.isVisible():
            self.window.close()
        if self.draft is not None:
            self.draft.save_now()  # the last keystrokes too (the writer is flushed below)
        self.controller.shutdown()  # no-op when the window already did it
        self.simulator.stop()
        gc.unfreeze()  # frozen after the warm-up (Controller._warmed): collectable again
        if self.user is not None:
            self.user.flush()  # what the window saved last (and on closing) is on disk
        # Destroy the widgets now, on the GUI thread, rather than whenever (and on whichever
        # thread) Python's cyclic GC gets to them.
        self.window.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        if self.gc is not None:
            self.gc.stop()
            self.gc.deleteLater()
        self.engine.close()


def build(
    paths: AppPaths,
    *,
    simulator_url: str | None = None,
    sim_latency: float | None = None,
) -> AppContext:
    """Make the engine (``usecases.context``), I/O thread, controller and window (not shown
    yet).

    ``simulator_url`` points the built-in simulator profile at a simulator that is already
    running (another process); otherwise one starts in-process when first needed."""
    from sora_desktop.gui.controller import Controller
    from sora_desktop.gui.dialogs import wire_dialogs
    from sora_desktop.gui.draft import DraftKeeper
    from sora_desktop.gui.main_window import MainWindow
    from sora_desktop.gui.operations import Operations
    from sora_desktop.gui.story_actions import StoryActions
    from sora_desktop.gui.user_settings import UserSettings
    from sora_desktop.usecases.context import Engine
    from sora_desktop.usecases.library import LibraryFolders

    # the library is opened right after the first paint (AppContext.open_library), or on
    # first use if something asks for it sooner
    engine = Engine.open_on_use(paths)
    collector = GuiGarbageCollector()
    try:
        profile_store = engine.profiles
        profiles = profile_store.list()
        user = UserSettings(paths.settings_path)
    except Exception:
        engine.close()
        collector.stop()
        raise
    latency = sim_latency
    if latency is None:
        try:
            latency = float(os.environ.get(ENV_SIM_LATENCY, DEFAULT_SIM_LATENCY))
        except ValueError:
            latency = DEFAULT_SIM_LATENCY
    simulator = SimulatorHandle(latency, simulator_url, paths.simulator_dir)

    def connection_for(profile: Profile) -> Connection:
        """What a job stores: for the built-in simulator no address (it changes with every
        start); the service asks ``simulator`` for it when it runs the job."""
        return profile.connection()

    def make_io() -> tuple[GenerationService, LoopThread]:
        # asyncio and the engine load on first use or right after the first paint
        from sora_desktop.core.loop_thread import LoopThread

        # each ready clip's last frame is stored in the background: a chained shot or a
        # continuation started later reads a PNG instead of decoding the clip's last GOP
        service = engine.service(
            builtin_simulator=simulator, pacing=user.data.pacing(), keep_last_frames=True
        )
        return service, LoopThread()

    controller = Controller.deferred(engine.history, make_io)
    window = MainWindow(
        controller,
        paths,
        profiles,
        connection_for=connection_for,
        active_profile_id=user.data.active_profile_id,
        recent_prompts=user.data.recent_prompts,
        remember_prompt=lambda prompt: user.remember(prompt, window),
        show_simulator_banner=user.data.show_simulator_banner,
    )
    window.sim_banner.dismissed.connect(user.hide_banner)
    draft = DraftKeeper(window, user)
    draft.restore()
    draft.watch()
    window.notifier.enabled = lambda: bool(user.data.notify_on_complete)
    window.preview.volume_slider.setValue(max(0, min(100, int(user.data.volume))))
    window.preview.loop_button.setChecked(bool(user.data.loop_preview))

    def remember_player() -> None:
        user.data.volume = window.preview.volume_slider.value()
        user.data.loop_preview = window.preview.loop_button.isChecked()
        user.save()

    window.preview.volume_slider.sliderReleased.connect(remember_player)
    window.preview.loop_button.toggled.connect(lambda _on: remember_player())
    controller.setParent(window)
    operations = Operations(
        controller,
        window.errors.show,
        LibraryFolders.of(paths),
        engine.library,
        paths=paths,
        library=engine.library,
    )
    window.preview.frame_grab.operations = operations
    wire_dialogs(
        window, profile_store, user, connection_for, simulator, controller, paths, operations
    )
    window.make_storyboards = lambda: _make_storyboards(window, operations)
    ctx = AppContext(
        paths=paths,
        engine=engine,
        controller=controller,
        window=window,
        simulator=simulator,
        moved_aside=engine.moved_aside,
        profiles=profiles,
        gc=collector,
        profile_store=profile_store,
        user=user,
        draft=draft,
        operations=operations,
        story=StoryActions(window, operations),
    )
    # queued: the library is made in the event-loop turn after the first frame, not in it
    window.first_painted.connect(ctx.ensure_library, Qt.ConnectionType.QueuedConnection)
    panel = window.settings_panel

    def details_op(profile: Profile, model: str) -> Any:
        return operations.model_details(
            parent=panel, connection=connection_for(profile), model_id=model
        )

    # after the first frame too: reading a provider model's settings starts the I/O side
    window.first_painted.connect(
        lambda: panel.set_details_op(details_op), Qt.ConnectionType.QueuedConnection
    )
    window.batches_needed.connect(ctx.ensure_batches)
    return ctx


def _make_library(
    history: History, paths: AppPaths, profile_store: Any, operations: Operations | None
) -> Any:
    from sora_desktop.gui.library_filters import connection_label
    from sora_desktop.gui.library_view import LibraryPanel
    from sora_desktop.gui.thumbnails import ThumbnailCache

    cache = ThumbnailCache(cache_dir=paths.thumbnail_dir)
    panel = LibraryPanel(history, cache, operations=operations)
    cache.setParent(panel)  # owned by Qt, destroyed with the panel (not by Python's GC)
    if profile_store is not None:  # the Filter menu names connections as the profiles do
        panel.filter_button.connection_name = lambda facet: connection_label(
            facet.key, facet.kind, facet.base_url, profile_store.get
        )
    return panel


def _make_storyboards(window: MainWindow, operations: Operations) -> Any:
    from PySide6.QtCore import QSize

    from sora_desktop.gui.storyboard_panel import StoryboardPanel
    from sora_desktop.gui.storyboard_sending import StoryboardSender
    from sora_desktop.gui.thumbnails import ThumbnailCache

    cache = ThumbnailCache(QSize(160, 90), capacity=200)
    panel = StoryboardPanel(
        operations,
        profiles=window.settings_panel.profiles,
        shot_sender=StoryboardSender(window, operations),
        thumbnails=cache,
    )
    cache.setParent(panel)  # destroyed with the panel
    return panel


def configure_application(app: QCoreApplication) -> None:
    app.setOrganizationName(ORG_NAME)
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)


def run(argv: list[str], data_dir: str | None = None) -> int:
    """Open the main window; returns the exit code when it closes."""
    started = time.perf_counter()
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication([sys.argv[0], *argv])
    configure_application(app)
    from sora_desktop.gui.theme import app_icon

    app.setWindowIcon(app_icon())
    paths = AppPaths.default(data_dir)
    if data_dir is not None or os.environ.get(ENV_DATA_DIR):
        # --data-dir redirects everything, UI state too (portable installs, tests, demos)
        QSettings.setDefaultFormat(QSettings.Format.IniFormat)
        QSettings.setPath(
            QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(paths.config_dir)
        )
    from sora_desktop.gui.deferred_logging import DeferredLogging

    logs = DeferredLogging(paths)
    _install_translator(app, paths)
    refused = _refuse_unsupported_qt()
    if refused is not None:
        return refused
    try:
        ctx = build(paths)
    except SoraError as err:
        logs.start()
        _critical(f"{err.message}\n\n{err.next_step}")
        return int(err.exit_code)
    except OSError as exc:
        logs.start()
        _critical(str(exc))
        return int(ExitCode.LOCAL_IO)
    except BaseException:
        logs.start()
        raise
    window = ctx.window
    window.errors.log_path = logs.log_path
    window.errors.install_excepthook()

    def start_logging() -> None:
        window.errors.log_path = logs.start()

    quit_after_shown = os.environ.get(ENV_QUIT_AFTER_SHOWN) == "1"
    if quit_after_shown:
        # for the start-up benchmark: when the paint happened, on the system-wide clock
        # (printed before anything else runs, so a count that stops here counts no more)
        window.first_painted.connect(lambda: print(f"{PAINT_STAMP} {window.first_painted_at!r}"))
    window.first_painted.connect(start_logging)  # first: the lines below are logged to the file
    window.first_painted.connect(
        lambda: log.info(
            "first paint %.0f ms after start", (window.first_painted_at - started) * 1000
        )
    )
    if quit_after_shown:
        window.first_painted.connect(ctx.open_library)  # as a real start does, after the paint
        window.first_painted.connect(app.quit)
    else:
        window.first_painted.connect(ctx.start_background)  # opens the library first
        window.first_painted.connect(
            lambda: _tell_moved_aside(ctx) if ctx.moved_aside is not None else None
        )
    app.lastWindowClosed.connect(app.quit)
    window.show()
    restart = False
    try:
        code = app.exec()
        restart = window.restart_requested
    finally:
        # quit() called outside exec() makes every later event loop return at once: an app
        # that outlives this window (a restart test, an embedding host) must not keep it
        app.lastWindowClosed.disconnect(app.quit)
        logs.start()  # no-op after the first paint; else what was kept reaches the log now
        window.errors.uninstall_excepthook()
        ctx.close()
        from sora_desktop.gui.file_actions import release_clipboard

        release_clipboard()
        from sora_desktop.core.logsetup import teardown_logging

        teardown_logging()
    if restart:  # everything above is shut down: the new process finds the library free
        from sora_desktop.gui.restart import relaunch

        relaunch(argv)
    return int(code)


def _critical(text: str) -> None:
    from PySide6.QtWidgets import QMessageBox  # only where a box opens (start-up: not at all)

    QMessageBox.critical(None, APP_NAME, text)


def _tell_moved_aside(ctx: AppContext) -> None:
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(ctx.window)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("App", "Library repaired"))
    box.setText(
        QCoreApplication.translate(
            "App",
            "The library file was damaged and has been moved aside to:\n{0}\n\n"
            "A new, empty library was started. Your video files are still in their folder.",
        ).format(ctx.moved_aside)
    )
    box.exec()


def _refuse_unsupported_qt() -> int | None:
    """The exit code when this PySide6 and Python don't work together (core/qt_pair.py),
    after saying so in a dialog and on stderr; None when they do."""
    import PySide6

    from sora_desktop.core.qt_pair import unsupported_pair

    problem = unsupported_pair(str(getattr(PySide6, "__version__", "")) or None)
    if problem is None:
        return None
    print(f"error: {problem.one_line()}", file=sys.stderr)
    _critical(f"{problem.message}\n\n{problem.next_step}")
    return int(problem.exit_code)


def _install_translator(app: QCoreApplication, paths: AppPaths) -> None:
    from sora_desktop.core import settings as settings_mod
    from sora_desktop.gui.i18n import install_translator

    install_translator(app, settings_mod.load(paths.settings_path).language)


def main(argv: Sequence[str] | None = None) -> int:
    return run(list(sys.argv[1:] if argv is None else argv))
