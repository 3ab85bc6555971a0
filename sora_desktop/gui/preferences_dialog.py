"""The Preferences dialog: language, export defaults, the simulator banner, notifications.

Public API::

    dialog = PreferencesDialog(settings: Settings, parent: QWidget | None = None,
                               save_settings: Callable[[Settings], None] | None = None)
    dialog.language_changed: Signal(str)   # the new Settings.language ("" = follow the system)
    dialog.settings_saved: Signal()        # OK pressed, settings updated and saved
    dialog.apply() -> None                # what OK does, without closing

OK writes the choices into ``settings`` and calls ``save_settings(settings)``. A new language
shows after a restart, which the dialog says: the composition root then offers "Restart
now" (``gui/restart.py``).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sora_desktop.core.errors import SoraError
from sora_desktop.core.export import DEFAULT_TEMPLATE, render_filename
from sora_desktop.core.models import Connection, ConnectionKind, Job, VideoRequest
from sora_desktop.core.settings import Settings
from sora_desktop.gui.i18n import available_languages


class PreferencesDialog(QDialog):
    language_changed = Signal(str)
    settings_saved = Signal()

    def __init__(
        self,
        settings: Settings,
        parent: QWidget | None = None,
        save_settings: Callable[[Settings], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self._settings = settings
        self._save = save_settings
        self.setWindowTitle(self.tr("Preferences"))
        layout = QVBoxLayout(self)

        general = QGroupBox(self.tr("General"))
        form = QFormLayout(general)
        self.language_combo = QComboBox()
        self.language_combo.addItem(self.tr("System language"), "")
        for code, native in available_languages():
            self.language_combo.addItem(native, code)
        index = self.language_combo.findData(settings.language)
        self.language_combo.setCurrentIndex(max(0, index))
        form.addRow(self.tr("Language"), self.language_combo)
        self.restart_note = QLabel(
            self.tr(
                "Sora Desktop changes to this language when it restarts. After OK you can "
                "restart it now or later."
            )
        )
        self.restart_note.setObjectName("restart_note")
        self.restart_note.setWordWrap(True)
        self.restart_note.setVisible(False)
        keep_place = self.restart_note.sizePolicy()  # hidden, it keeps its place: OK stays put
        keep_place.setRetainSizeWhenHidden(True)
        self.restart_note.setSizePolicy(keep_place)
        self.language_combo.currentIndexChanged.connect(self._show_restart_note)
        note_place = QWidget()  # a form row drops a hidden field's place; a box keeps it
        note_layout = QVBoxLayout(note_place)
        note_layout.setContentsMargins(0, 0, 0, 0)
        note_layout.addWidget(self.restart_note)
        form.addRow("", note_place)
        self.banner_check = QCheckBox(self.tr("Show the banner while using the simulator"))
        self.banner_check.setChecked(settings.show_simulator_banner)
        form.addRow("", self.banner_check)
        self.notify_check = QCheckBox(self.tr("Notify me when a video is ready"))
        self.notify_check.setChecked(settings.notify_on_complete)
        form.addRow("", self.notify_check)
        layout.addWidget(general)

        export = QGroupBox(self.tr("Export"))
        eform = QFormLayout(export)
        row = QHBoxLayout()
        self.export_dir_edit = QLineEdit(settings.export_dir or "")
        self.export_dir_edit.setPlaceholderText(self.tr("Ask when exporting"))
        browse = QPushButton(self.tr("Choose…"))
        browse.clicked.connect(self._choose_folder)
        row.addWidget(self.export_dir_edit, 1)
        row.addWidget(browse)
        eform.addRow(self.tr("Folder"), row)
        self.template_edit = QLineEdit(settings.filename_template)
        self.template_edit.setPlaceholderText(DEFAULT_TEMPLATE)
        eform.addRow(self.tr("File names"), self.template_edit)
        self.template_error = QLabel()
        self.template_error.setWordWrap(True)
        self.template_error.hide()
        eform.addRow("", self.template_error)
        self.sidecar_check = QCheckBox(self.tr("Save a .json file with the prompt and settings"))
        self.sidecar_check.setChecked(settings.export_sidecar)
        eform.addRow("", self.sidecar_check)
        self.link_check = QCheckBox(self.tr("Hard-link instead of copying when possible"))
        self.link_check.setChecked(settings.export_link)
        eform.addRow("", self.link_check)
        layout.addWidget(export)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)

    def _choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Default export folder"), self.export_dir_edit.text()
        )
        if folder:
            self.export_dir_edit.setText(folder)

    def _show_restart_note(self) -> None:
        self.restart_note.setVisible(self.language_combo.currentData() != self._settings.language)
        # a wrapped label's height depends on its width, which the dialog's size doesn't
        # follow by itself: grow to fit it (else its two lines are cut to one line's height)
        layout = self.layout()
        if layout is not None:
            layout.activate()
        self.resize(self.width(), max(self.height(), self.heightForWidth(self.width())))

    def apply(self) -> None:
        s = self._settings
        old_language = s.language
        s.language = str(self.language_combo.currentData())
        s.show_simulator_banner = self.banner_check.isChecked()
        s.notify_on_complete = self.notify_check.isChecked()
        s.export_dir = self.export_dir_edit.text().strip() or None
        s.filename_template = self.template_edit.text().strip() or DEFAULT_TEMPLATE
        s.export_sidecar = self.sidecar_check.isChecked()
        s.export_link = self.link_check.isChecked()
        if self._save is not None:
            self._save(s)
        self.settings_saved.emit()
        if s.language != old_language:
            self.language_changed.emit(s.language)

    def template_problem(self) -> str | None:
        """Why the file name template can't work, or None."""
        template = self.template_edit.text().strip() or DEFAULT_TEMPLATE
        sample = Job(
            id="0" * 32,
            request=VideoRequest(prompt="sample"),
            connection=Connection(kind=ConnectionKind.SIMULATOR, base_url=""),
        )
        try:
            render_filename(template, sample)
        except SoraError as err:
            return err.one_line()
        return None

    def accept(self) -> None:
        problem = self.template_problem()
        if problem is not None:
            self.template_error.setText("⚠ " + problem)
            self.template_error.show()
            self.template_edit.setFocus()
            return
        self.apply()
        super().accept()
