"""Add or edit one storyboard shot: name, prompt, connection, model, size, length, start.

The start is none (text only), an image file (fitted to the shot's size, cropped or
letterboxed), or "continue from the previous shot" (its take's last frame). What a model
can make comes from the same capabilities the Generate panel uses; nothing here touches
disk or network (the image is checked when the shot is generated).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from sora_desktop.core import storyboard as sb
from sora_desktop.core.models import Profile
from sora_desktop.gui.cost import capabilities_for_profile
from sora_desktop.gui.i18n import profile_name
from sora_desktop.gui.image_picker import parse_size
from sora_desktop.gui.settings_panel import models_for


class ShotDialog(QDialog):
    """``shot()`` after ``exec()`` returns the edited shot (a new one keeps a new id)."""

    def __init__(
        self,
        shot: sb.Shot,
        profiles: Sequence[Profile],
        *,
        first: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._shot = shot
        self._profiles = list(profiles)
        self.setWindowTitle(self.tr("Shot"))
        self.setObjectName("shot_dialog")
        form = QFormLayout(self)
        self.name_edit = QLineEdit(shot.name, self)
        self.name_edit.setPlaceholderText(self.tr("e.g. Harbour at dusk"))
        form.addRow(self.tr("Name"), self.name_edit)
        self.prompt_edit = QPlainTextEdit(shot.prompt, self)
        self.prompt_edit.setPlaceholderText(self.tr("Describe what happens in this shot"))
        self.prompt_edit.setTabChangesFocus(True)
        self.prompt_edit.setMinimumHeight(90)
        form.addRow(self.tr("Prompt"), self.prompt_edit)
        self.profile_combo = QComboBox(self)
        for profile in self._profiles:
            self.profile_combo.addItem(profile_name(profile), profile.id)
        form.addRow(self.tr("Connection"), self.profile_combo)
        self.model_combo = QComboBox(self)
        form.addRow(self.tr("Model"), self.model_combo)
        self.size_combo = QComboBox(self)
        form.addRow(self.tr("Size"), self.size_combo)
        self.seconds_combo = QComboBox(self)
        form.addRow(self.tr("Duration"), self.seconds_combo)
        self.start_combo = QComboBox(self)
        self.start_combo.addItem(self.tr("None (text only)"), sb.StartKind.NONE.value)
        self.start_combo.addItem(self.tr("An image file"), sb.StartKind.FILE.value)
        self.start_combo.addItem(
            self.tr("Continue from the previous shot"), sb.StartKind.PREVIOUS.value
        )
        form.addRow(self.tr("Start image"), self.start_combo)
        self.file_edit = QLineEdit(self)
        self.file_edit.setPlaceholderText(self.tr("PNG, JPEG or WebP"))
        self.browse_button = QPushButton(self.tr("Choose…"), self)
        self.browse_button.clicked.connect(self._browse)
        file_row = QWidget(self)
        row = QHBoxLayout(file_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.file_edit, 1)
        row.addWidget(self.browse_button)
        self.file_label = QLabel(self.tr("Image"), self)
        form.addRow(self.file_label, file_row)
        self.file_row = file_row
        self.fit_combo = QComboBox(self)
        self.fit_combo.addItem(self.tr("Crop to fill"), "crop")
        self.fit_combo.addItem(self.tr("Fit (letterbox)"), "fit")
        self.fit_label = QLabel(self.tr("Other sizes"), self)
        form.addRow(self.fit_label, self.fit_combo)
        self.problem_label = QLabel(self)
        self.problem_label.setWordWrap(True)
        self.problem_label.setObjectName("shot_problem")
        form.addRow(self.problem_label)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)

        if first:  # nothing before it to continue from
            items = self.start_combo.model()
            assert isinstance(items, QStandardItemModel)
            item = items.item(2)
            item.setEnabled(False)
            item.setToolTip(self.tr("The first shot has no shot before it to continue from."))
        i = self.profile_combo.findData(shot.profile_id)
        self.profile_combo.setCurrentIndex(max(i, 0))
        self._fill_models(shot.model)
        self._fill_choices(shot.size, shot.seconds)
        self.start_combo.setCurrentIndex(max(0, self.start_combo.findData(shot.start.kind.value)))
        self.file_edit.setText(str(shot.start.path) if shot.start.path else "")
        self.fit_combo.setCurrentIndex(max(0, self.fit_combo.findData(shot.start.fit)))
        self.profile_combo.currentIndexChanged.connect(lambda _i: self._fill_models(None))
        self.model_combo.currentIndexChanged.connect(lambda _i: self._fill_choices(None, None))
        self.start_combo.currentIndexChanged.connect(lambda _i: self._update())
        self.prompt_edit.textChanged.connect(self._update)
        self.file_edit.textChanged.connect(self._update)
        self._update()
        self.resize(520, self.sizeHint().height())

    def _profile(self) -> Profile | None:
        pid = self.profile_combo.currentData()
        return next((p for p in self._profiles if p.id == pid), None)

    def _fill_models(self, wanted: str | None) -> None:
        profile = self._profile()
        previous = wanted or self.model_combo.currentData()
        self.model_combo.blockSignals(True)
        self.model_combo.clear()
        for model in models_for(profile) if profile is not None else ["sora-2"]:
            self.model_combo.addItem(model, model)
        i = self.model_combo.findData(previous)
        if i < 0 and wanted:  # a model the profile doesn't list (an opened file): keep it
            self.model_combo.addItem(wanted, wanted)
            i = self.model_combo.count() - 1
        self.model_combo.setCurrentIndex(max(i, 0))
        self.model_combo.blockSignals(False)
        self._fill_choices(None, None)

    def _fill_choices(self, size: str | None, seconds: int | None) -> None:
        caps = capabilities_for_profile(self._profile(), str(self.model_combo.currentData() or ""))
        size = size or self.size_combo.currentData()
        seconds = seconds or self.seconds_combo.currentData()
        self.size_combo.clear()
        for s in caps.sizes:
            w, h = parse_size(s)
            self.size_combo.addItem(self.tr("{0} × {1}").format(w, h), s)
        self.seconds_combo.clear()
        for n in caps.seconds:
            self.seconds_combo.addItem(self.tr("{0} seconds").format(n), n)
        self.size_combo.setCurrentIndex(max(0, self.size_combo.findData(size)))
        self.seconds_combo.setCurrentIndex(max(0, self.seconds_combo.findData(seconds)))

    def _start_kind(self) -> sb.StartKind:
        return sb.StartKind(str(self.start_combo.currentData()))

    def _browse(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Start image"),
            self.file_edit.text(),
            self.tr("Images (*.png *.jpg *.jpeg *.webp)"),
        )
        if path:
            self.file_edit.setText(path)

    def problem(self) -> str | None:
        if not self.prompt_edit.toPlainText().strip():
            return self.tr("Write a prompt for this shot.")
        if self._start_kind() is sb.StartKind.FILE and not self.file_edit.text().strip():
            return self.tr("Choose the start image, or set the start to none.")
        return None

    def _update(self) -> None:
        kind = self._start_kind()
        is_file = kind is sb.StartKind.FILE
        for widget in (self.file_row, self.file_label):
            widget.setVisible(is_file)
        for widget in (self.fit_combo, self.fit_label):
            widget.setVisible(kind is not sb.StartKind.NONE)
        problem = self.problem()
        self.problem_label.setText(problem or "")
        self.problem_label.setVisible(problem is not None)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        if ok is not None:
            ok.setEnabled(problem is None)

    def shot(self) -> sb.Shot:
        kind = self._start_kind()
        text = self.file_edit.text().strip()
        fit: sb.FitMode = "fit" if self.fit_combo.currentData() == "fit" else "crop"
        start = sb.StartImage(
            kind=kind, path=Path(text) if kind is sb.StartKind.FILE and text else None, fit=fit
        )
        return dataclasses.replace(
            self._shot,
            name=self.name_edit.text().strip(),
            prompt=self.prompt_edit.toPlainText().strip(),
            profile_id=self.profile_combo.currentData(),
            model=str(self.model_combo.currentData() or self._shot.model),
            size=str(self.size_combo.currentData() or self._shot.size),
            seconds=int(self.seconds_combo.currentData() or self._shot.seconds),
            start=start,
        )
