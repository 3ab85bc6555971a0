"""The dialogs the window opens when asked (each imported on first use): Connections,
About, Preferences, Export (with the "Exported …" notice), the export folder, Spending.

    wire_dialogs(window, profile_store, user, connection_for, simulator, controller, paths,
                 operations)   # called once by the composition root (app.build)
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication

if TYPE_CHECKING:
    from sora_desktop.core.paths import AppPaths
    from sora_desktop.gui.controller import Controller
    from sora_desktop.gui.export_notice import ExportNotice
    from sora_desktop.gui.main_window import MainWindow
    from sora_desktop.gui.operations import Operations
    from sora_desktop.gui.simulator_handle import SimulatorHandle
    from sora_desktop.gui.user_settings import UserSettings


def wire_dialogs(
    window: MainWindow,
    profile_store: Any,
    user: UserSettings,
    connection_for: Any,
    simulator: SimulatorHandle,
    controller: Controller,
    paths: AppPaths,
    operations: Operations,
) -> None:
    """Open the other GUI owner's dialogs when the window asks (imported on first use)."""

    def save(_settings: Any) -> None:
        user.save()

    def connections(add_new: bool = False) -> None:
        from sora_desktop.gui.connections_dialog import ConnectionsDialog, connection_tester

        dialog = ConnectionsDialog(
            profile_store,
            connection_tester(operations, connection_for, simulator),
            window,
            operations=operations,
        )
        dialog.profiles_changed.connect(lambda: window.reload_profiles(profile_store.list()))
        if add_new:
            dialog.start_new()
        dialog.exec()
        dialog.deleteLater()

    def about() -> None:
        from sora_desktop.gui.about_dialog import AboutDialog

        dialog = AboutDialog(paths, window)
        dialog.exec()
        dialog.deleteLater()

    def preferences() -> None:
        from sora_desktop.gui.preferences_dialog import PreferencesDialog

        dialog = PreferencesDialog(user.data, window, save)
        dialog.settings_saved.connect(
            lambda: window.set_simulator_banner_allowed(user.data.show_simulator_banner)
        )
        changed: list[str] = []
        dialog.language_changed.connect(changed.append)
        dialog.exec()
        dialog.deleteLater()
        if changed:  # a new language shows after a restart: offer it now
            from sora_desktop.gui.restart import ask_restart_for_language

            if ask_restart_for_language(window, changed[-1]):
                window.request_restart()

    def show_open_failed(folder: str) -> None:
        window.statusBar().showMessage(
            QCoreApplication.translate(
                "App", "The file manager could not be opened. The folder is {0}"
            ).format(folder),
            10000,
        )

    made: list[ExportNotice] = []

    def notice() -> ExportNotice:
        """The "Exported …" notice in the status bar, made with the first export: hidden
        until then, it is no part of the first frame (~3 M instructions before the paint)."""
        if not made:
            from sora_desktop.gui.export_notice import ExportNotice

            made.append(ExportNotice(window))
            window.statusBar().addPermanentWidget(made[0])
            made[0].open_failed.connect(show_open_failed)
            window.export_notice = made[0]
        return made[0]

    def export(job_ids: list[str]) -> None:
        from sora_desktop.gui.export_dialog import ExportDialog

        jobs = controller.history.jobs(job_ids)
        if not jobs:
            return
        dialog = ExportDialog(jobs, user.data, window, save, operations)
        dialog.exported.connect(notice().show_exported)  # "Exported …" with Show in folder
        dialog.exec()
        dialog.deleteLater()

    def open_export_folder() -> None:
        from sora_desktop.core.errors import SoraError
        from sora_desktop.core.export import prepare_export_folder
        from sora_desktop.gui.export_dialog import export_folder
        from sora_desktop.gui.file_actions import open_folder

        folder = export_folder(user.data)
        try:
            prepare_export_folder(folder)  # ~/Videos may not exist yet: as an export would
        except SoraError as err:
            window.errors.show(err)
            return
        if not open_folder(folder):
            show_open_failed(str(folder))

    def spending() -> None:
        from sora_desktop.gui.library_filters import connection_label
        from sora_desktop.gui.spending_dialog import SpendingDialog

        dialog = SpendingDialog(
            controller.history.spending(),
            lambda line: connection_label(
                line.connection, line.kind, line.base_url, profile_store.get
            ),
            window,
        )
        dialog.exec()
        dialog.deleteLater()

    def new_batch() -> None:
        from sora_desktop.core.batch.plan import Defaults
        from sora_desktop.gui.batch_dialog import NewBatchDialog

        profile = window.settings_panel.current_profile()
        if profile is None:
            window.open_connections()
            return
        panel = window.settings_panel
        defaults = Defaults(
            model=panel.model() or Defaults().model,
            seconds=panel.seconds() or Defaults().seconds,
            size=panel.video_size() or Defaults().size,
        )
        dialog = NewBatchDialog(operations, connection_for(profile), defaults, profile.name, window)

        def started(info: Any) -> None:
            window.show_batches(info.id)
            window.statusBar().showMessage(
                QCoreApplication.translate("App", "Batch started: {0} jobs.").format(
                    dialog.preview.to_send if dialog.preview else 0
                ),
                10000,
            )

        dialog.started.connect(started)
        dialog.exec()
        dialog.deleteLater()

    window.new_batch_requested.connect(new_batch)
    window.connections_requested.connect(connections)
    window.about_requested.connect(about)
    window.preferences_requested.connect(preferences)
    window.export_requested.connect(export)
    window.export_folder_requested.connect(open_export_folder)
    window.spending_requested.connect(spending)
