"""The settings only some provider models have: audio, negative prompt, seed, end image.

    options = ModelOptions(form, parent)   # its rows go into the panel's own form
    options.show_for(summary)          # a ModelSummary (usecases.models): rows it supports
    options.audio() / negative_prompt() / seed() / end_image() / end_fit()
        # None where the model doesn't have the setting or the creator left it alone
    options.set_target_size(size)
    options.changed: Signal()

The settings panel shows this box under the size and duration for fal, Replicate and Runway
models; a row is shown only when the chosen model supports it (its catalogue entry or its
schema says so), so nothing is offered that the model would ignore.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QIntValidator
from PySide6.QtWidgets import QCheckBox, QFormLayout, QLineEdit, QWidget

from sora_desktop.gui.image_picker import FitMode, ImagePicker

if TYPE_CHECKING:  # the catalogue's modules load when a provider model is first shown
    from sora_desktop.usecases.models import ModelSummary


class ModelOptions(QObject):
    """The rows, added to ``form`` (the settings panel's, so the labels line up); their
    widgets belong to ``parent``."""

    changed = Signal()

    def __init__(self, form: QFormLayout, parent: QWidget) -> None:
        super().__init__(parent)
        self.form = form
        self.audio_check = QCheckBox(self.tr("Make sound"), parent)
        self.audio_check.setObjectName("audio_check")
        self.audio_check.setChecked(True)
        self.audio_check.setToolTip(self.tr("Sound often costs more: the estimate follows it"))
        self.audio_check.toggled.connect(self.changed)
        self.form.addRow(self.tr("Audio"), self.audio_check)
        self.negative_edit = QLineEdit(parent)
        self.negative_edit.setObjectName("negative_prompt_edit")
        self.negative_edit.setPlaceholderText(self.tr("What the video should not show"))
        self.negative_edit.textChanged.connect(self.changed)
        self.form.addRow(self.tr("Negative prompt"), self.negative_edit)
        self.seed_edit = QLineEdit(parent)
        self.seed_edit.setObjectName("seed_edit")
        self.seed_edit.setValidator(QIntValidator(0, 2_147_483_647, self.seed_edit))
        self.seed_edit.setPlaceholderText(self.tr("random"))
        self.seed_edit.setToolTip(self.tr("The same seed and settings give a similar video"))
        self.seed_edit.textChanged.connect(self.changed)
        self.form.addRow(self.tr("Seed"), self.seed_edit)
        self.end_picker = ImagePicker(parent)
        self.end_picker.setObjectName("end_image_picker")
        self.end_picker.changed.connect(self.changed)
        self.form.addRow(self.tr("End image"), self.end_picker)
        self._summary: ModelSummary | None = None
        self._shown: dict[QWidget, bool] = {}
        self.show_for(None)

    def show_for(self, summary: ModelSummary | None) -> None:
        """Show the rows ``summary``'s model supports (none for a Videos API model)."""
        self._summary = summary
        rows = (
            (self.audio_check, summary is not None and summary.has_audio),
            (self.negative_edit, summary is not None and summary.has_negative_prompt),
            (self.seed_edit, summary is not None and summary.has_seed),
            (self.end_picker, summary is not None and summary.takes_end_image),
        )
        self._shown = {widget: shown for widget, shown in rows}
        for widget, shown in rows:
            self.form.setRowVisible(widget, shown)

    def _has(self, widget: QWidget) -> bool:
        return self._shown.get(widget, False)

    def audio(self) -> bool | None:
        return self.audio_check.isChecked() if self._has(self.audio_check) else None

    def negative_prompt(self) -> str | None:
        text = self.negative_edit.text().strip()
        return text if text and self._has(self.negative_edit) else None

    def seed(self) -> int | None:
        text = self.seed_edit.text().strip()
        return int(text) if text and self._has(self.seed_edit) else None

    def end_image(self) -> Path | None:
        return self.end_picker.path() if self._has(self.end_picker) else None

    def end_fit(self) -> FitMode | None:
        return self.end_picker.mode() if self.end_picker.needs_conversion() else None

    def error(self) -> str | None:
        return self.end_picker.error() if self._has(self.end_picker) else None

    def set_target_size(self, size: str) -> None:
        self.end_picker.set_target_size(size)


__all__ = ["ModelOptions"]
