"""The export dialog: copy (or hard-link) clips into a folder under template names.

Public API::

    dialog = ExportDialog(jobs: list[Job], settings: Settings, parent: QWidget | None = None,
                          save_settings: Callable[[Settings], None] | None = None,
                          operations: Operations | None = None)   # None: run inline
    dialog.exported: Signal(list)        # the paths written (str), after a successful export
    dialog.exec()
    dialog.start_export()                # what the Export button does (tests call it)
    dialog.preview_names() -> list[str]  # the names the selected jobs will get

The folder is checked as it is typed (``usecases.export.folder_problem``): a folder that
does not exist yet is created when exporting (``~/Videos`` is missing on many Linux desktops),
and Export is disabled, with the reason shown, only for one that can't be created or written.
The folder, template, sidecar and copy/link choices start from ``Settings.export_dir``,
``filename_template``, ``export_sidecar`` and ``export_link``; after a successful export they
are written back into ``settings`` and ``save_settings(settings)`` is called. The name
preview uses ``usecases.export.preview_names`` (sanitized, as the export names them) and
updates as the template is typed. The export runs as an operation (``ops.export_clips``) in
a worker thread, with progress, so the window stays responsive; errors are shown in plain
words (missing or read-only folder, disk full) and nothing half-written is left.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt, Signal, Slot
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from sora_desktop.core.errors import SoraError
from sora_desktop.core.export import TEMPLATE_FIELDS
from sora_desktop.core.models import Job
from sora_desktop.core.settings import Settings
from sora_desktop.gui.operations import Operations
from sora_desktop.usecases.export import (
    DEFAULT_TEMPLATE,
    ExportOptions,
    ExportStopped,
    folder_problem,
    preview_names,
)

PREVIEW_LIMIT = 50


def default_export_dir() -> str:
    movies = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.MoviesLocation)
    return movies or str(Path.home())


def export_folder(settings: Settings) -> Path:
    """The folder exports go to: the last one used, else the OS's videos folder."""
    return Path(settings.export_dir or default_export_dir()).expanduser()


def nearest_existing(folder: Path) -> Path:
    """``folder`` or its closest parent that exists (where a folder picker can start)."""
    for candidate in (folder, *folder.parents):
        try:
            if candidate.is_dir():
                return candidate
        except OSError:
            continue
    return Path.home()


class ExportDialog(QDialog):
    exported = Signal(list)

    def __init__(
        self,
        jobs: list[Job],
        settings: Settings,
        parent: QWidget | None = None,
        save_settings: Callable[[Settings], None] | None = None,
        operations: Operations | None = None,
    ) -> None:
        super().__init__(parent)
        self._jobs = [j for j in jobs if j.file_path is not None]
        self._settings = settings
        self._save_settings = save_settings
        self._ops = operations if operations is not None else Operations.inline()
        self._written: list[str] = []
        self._running = False
        self.setWindowTitle(self.tr("Export videos"))
        self._build()
        self._update_state()
        self.resize(640, 480)

    # ----- construction --------------------------------------------------------------------

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        self.summary = QLabel(
            self.tr("Export 1 video.")
            if len(self._jobs) == 1
            else self.tr("Export {count} videos.").format(count=len(self._jobs))
        )
        layout.addWidget(self.summary)
        form = QFormLayout()
        folder_row = QHBoxLayout()
        self.folder_edit = QLineEdit(str(export_folder(self._settings)))
        self.folder_edit.textChanged.connect(self._update_state)
        self.browse_button = QPushButton(self.tr("Choose…"))
        self.browse_button.clicked.connect(self._choose_folder)
        folder_row.addWidget(self.folder_edit, 1)
        folder_row.addWidget(self.browse_button)
        form.addRow(self.tr("Folder"), folder_row)
        self.folder_note = QLabel()
        self.folder_note.setWordWrap(False)  # one line, cut to the width (the path is typed above)
        self.folder_note.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.folder_note.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        # always one line high, empty when the folder exists: typing a path shows and
        # clears the note at each keystroke, and File names must not jump with it
        self.folder_note.setMinimumHeight(self.folder_note.fontMetrics().lineSpacing())
        form.addRow("", self.folder_note)
        self.template_edit = QLineEdit(self._settings.filename_template or DEFAULT_TEMPLATE)
        self.template_edit.textChanged.connect(self._update_state)
        form.addRow(self.tr("File names"), self.template_edit)
        fields = " ".join(
            "{" + ("prompt:40" if f == "prompt" else f) + "}" for f in TEMPLATE_FIELDS
        )
        hint = QLabel(self.tr("Fields you can use: {fields}").format(fields=fields))
        hint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        hint.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        form.addRow("", hint)
        layout.addLayout(form)

        layout.addWidget(QLabel(self.tr("The files will be named:")))
        self.preview = QListWidget()
        self.preview.setSelectionMode(QListWidget.SelectionMode.NoSelection)
        layout.addWidget(self.preview, 1)

        self.sidecar_check = QCheckBox(
            self.tr("Also save the prompt and settings as a .json file next to each video")
        )
        self.sidecar_check.setChecked(self._settings.export_sidecar)
        layout.addWidget(self.sidecar_check)
        self.copy_radio = QRadioButton(self.tr("Copy the files"))
        self.link_radio = QRadioButton(
            self.tr("Hard-link the files (no extra disk space; same drive only, else copied)")
        )
        group = QButtonGroup(self)
        group.addButton(self.copy_radio)
        group.addButton(self.link_radio)
        (self.link_radio if self._settings.export_link else self.copy_radio).setChecked(True)
        layout.addWidget(self.copy_radio)
        layout.addWidget(self.link_radio)

        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setTextFormat(Qt.TextFormat.PlainText)
        self.error_label.hide()
        layout.addWidget(self.error_label)
        self.progress = QProgressBar()
        self.progress.setRange(0, max(1, len(self._jobs)))
        self.progress.hide()
        layout.addWidget(self.progress)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.export_button = self.buttons.addButton(
            self.tr("Export"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.export_button.setEnabled(bool(self._jobs))
        self.buttons.accepted.connect(self.start_export)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        # only now, inside the dialog: made default earlier, the dialog never learns of it
        # and makes the first button (Choose…) the default, so Return opened the chooser
        self.export_button.setDefault(True)

    # ----- preview -------------------------------------------------------------------------

    def preview_names(self) -> list[str]:
        """Names in export order; repeats get " (2)", " (3)" as the export will do."""
        return preview_names(self._jobs, self.template_edit.text().strip() or DEFAULT_TEMPLATE)

    @Slot()
    def _update_state(self) -> None:
        """Re-check the template (the name preview) and the folder; Export is enabled only
        when both can be used, and the reason is shown when not."""
        self.preview.clear()
        problem: str | None = None
        try:
            names = self.preview_names()
        except SoraError as err:
            names = []
            problem = self.tr("File names: {problem}").format(problem=err.one_line())
        self.preview.addItems(names[:PREVIEW_LIMIT])
        if len(names) > PREVIEW_LIMIT:
            self.preview.addItem(
                self.tr("… and {count} more").format(count=len(names) - PREVIEW_LIMIT)
            )
        folder = self._chosen_folder()
        folder_problem = self._folder_problem(folder)
        creates = folder_problem is None and not folder.is_dir()
        self.folder_note.setText(
            self.tr("{folder} does not exist yet; it will be created.").format(folder=folder)
            if creates
            else ""
        )
        problem = problem or folder_problem
        if problem is not None:
            self._show_error(problem)
        else:
            self._clear_error()
        self.export_button.setEnabled(bool(self._jobs) and not self._running and not problem)

    def _chosen_folder(self) -> Path:
        return Path(self.folder_edit.text().strip()).expanduser()

    # ----- export --------------------------------------------------------------------------

    def _choose_folder(self) -> None:
        # start where something exists: a picker opened on a missing folder starts elsewhere
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Export to folder"), str(nearest_existing(self._chosen_folder()))
        )
        if folder:
            self.folder_edit.setText(folder)

    def _folder_problem(self, folder: Path) -> str | None:
        if not self.folder_edit.text().strip():
            return self.tr("Choose a folder to export to.")
        problem = folder_problem(folder)
        return None if problem is None else problem.one_line()

    @Slot()
    def start_export(self) -> None:
        if self._running or not self._jobs:
            return
        folder = self._chosen_folder()
        problem = self._folder_problem(folder)
        if problem is not None:
            self._show_error(problem)
            self.folder_edit.setFocus()
            return
        try:
            self.preview_names()
        except SoraError as err:
            self._show_error(self.tr("File names: {problem}").format(problem=err.one_line()))
            return
        self._clear_error()
        self._folder = folder
        self._written = []
        self._running = True
        self._set_inputs_enabled(False)
        self.progress.setValue(0)
        self.progress.show()
        options = ExportOptions(
            folder,
            template=self.template_edit.text().strip() or DEFAULT_TEMPLATE,
            sidecar=self.sidecar_check.isChecked(),
            link=self.link_radio.isChecked(),
        )
        self._ops.export_clips(
            parent=self, jobs=self._jobs, options=options, stop=lambda: not self._running
        ).with_progress(self._on_progress).success(self._on_exported).failure(
            self._on_failed
        ).run_in_background()

    def is_running(self) -> bool:
        return self._running

    def _on_progress(self, done: int, _total: int) -> None:
        self.progress.setValue(done)

    def _on_exported(self, paths: list[Path]) -> None:
        if not self._running:  # closed meanwhile: the rest was skipped
            return
        self._written = [str(p) for p in paths]
        self.progress.setValue(len(self._written))
        self._finish()

    def _on_failed(self, error: BaseException) -> None:
        if not isinstance(error, ExportStopped):
            raise error
        self._written = [str(p) for p in error.written]
        if self._running:
            self._fail(error.error.one_line())

    def _set_inputs_enabled(self, on: bool) -> None:
        for w in (
            self.export_button,
            self.folder_edit,
            self.template_edit,
            self.browse_button,
            self.sidecar_check,
            self.copy_radio,
            self.link_radio,
        ):
            w.setEnabled(on)

    def _fail(self, message: str) -> None:
        self._running = False
        done = len(self._written)
        if done:
            message += "\n" + self.tr("Exported before this: %n file(s).", "", done)
        self._show_error(message)
        self.progress.hide()
        self._set_inputs_enabled(True)
        if done:
            self.exported.emit(list(self._written))

    def _finish(self) -> None:
        self._running = False
        settings = self._settings
        settings.export_dir = str(self._folder)
        settings.filename_template = self.template_edit.text().strip() or DEFAULT_TEMPLATE
        settings.export_sidecar = self.sidecar_check.isChecked()
        settings.export_link = self.link_radio.isChecked()
        if self._save_settings is not None:
            self._save_settings(settings)
        self.exported.emit(list(self._written))
        self.accept()

    # ----- messages ------------------------------------------------------------------------

    def _show_error(self, text: str) -> None:
        self.error_label.setText("⚠ " + text)
        self.error_label.show()

    @Slot()
    def _clear_error(self) -> None:
        self.error_label.hide()
        self.error_label.clear()

    def reject(self) -> None:
        self._running = False  # the file being written finishes; the rest are skipped
        super().reject()
