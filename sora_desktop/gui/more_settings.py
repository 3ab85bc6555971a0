""" "More settings": a collapsible form built from a provider model's own schema.

    box = MoreSettings(parent)
    box.set_fields(fields, note=None)   # FormField rows (core.schema_form): rebuilt each time
    box.set_note(text)                  # a quiet line, e.g. why there is no schema
    box.set_target_size("1280x720")     # image fields fit/crop to the video's size
    box.values() -> dict[str, Any]      # only what the creator changed (typed by widget)
    box.image_values() -> list[tuple[str, Path, str | None]]   # (field, file, fit or None)
    box.changed: Signal()
    box.error() -> str | None           # an image field's refusal

Widgets per field: a choice is a combo box, a boolean a check box, a bounded number a spin
box, an image URI an image picker with fit/crop (``gui/image_picker.py``), the rest a line
edit. Every widget starts on "the model's default": nothing is sent for a field the creator
left alone, so the provider's own default applies.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from sora_desktop.gui.image_picker import ImagePicker

if TYPE_CHECKING:  # a provider model's form, made when one is first shown
    from sora_desktop.core.schema_form import FormField

_UNSET = "__default__"


class MoreSettings(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._fields: list[FormField] = []
        self._widgets: dict[str, QWidget] = {}
        self._size = "1280x720"
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.toggle = QToolButton(self)
        self.toggle.setObjectName("more_settings_toggle")
        self.toggle.setText(self.tr("More settings"))
        self.toggle.setCheckable(True)
        self.toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toggle.setArrowType(Qt.ArrowType.RightArrow)
        self.toggle.setAutoRaise(True)
        self.toggle.toggled.connect(self.set_expanded)
        layout.addWidget(self.toggle)
        self.note_label = QLabel(self)
        self.note_label.setObjectName("more_settings_note")
        self.note_label.setWordWrap(True)
        self.note_label.setEnabled(False)  # quiet: greyed
        self.note_label.hide()
        layout.addWidget(self.note_label)
        self.body = QWidget(self)
        self.body.setObjectName("more_settings_body")
        self.form = QFormLayout(self.body)
        self.form.setContentsMargins(12, 0, 0, 0)
        self.body.hide()
        layout.addWidget(self.body)

    # ----- building ------------------------------------------------------------------------

    def set_fields(self, fields: Sequence[FormField], note: str | None = None) -> None:
        """Rebuild the form for ``fields`` (the model changed, or its schema arrived)."""
        self.body.setUpdatesEnabled(False)
        while self.form.rowCount():
            self.form.removeRow(0)
        self._fields = list(fields)
        self._widgets = {}
        for field in self._fields:
            widget = self._make(field)
            widget.setObjectName(f"param_{field.name}")
            if field.description:
                widget.setToolTip(field.description)
            self._widgets[field.name] = widget
            label = field.label + (" *" if field.required else "")
            self.form.addRow(label, widget)
        self.body.setUpdatesEnabled(True)
        self._guard_wheel()
        self.toggle.setText(
            self.tr("More settings ({count})").format(count=len(self._fields))
            if self._fields
            else self.tr("More settings")
        )
        self.toggle.setEnabled(bool(self._fields))
        # greyed out, it says why (a disabled control without a reason is a dead end): the
        # note when there is one (e.g. the service's list could not be read), else that
        # there is nothing more to choose
        self.toggle.setToolTip(
            "" if self._fields else note or self.tr("This model has no other settings to choose")
        )
        if not self._fields:
            self.set_expanded(False)
        self.set_note(note)

    def _guard_wheel(self) -> None:
        """The new combo and spin boxes scroll the column under an unfocused wheel, as the
        rest of it does (a turn over them changed e.g. a resolution, and its price).

        Before the first paint the window's own guard (run just after it, the module
        imported then) finds them; from then on the form guards what it rebuilds."""
        guard = sys.modules.get("sora_desktop.gui.wheel_guard")
        if guard is not None and self._widgets:
            guard.guard_wheel(self.body)

    def _make(self, field: FormField) -> QWidget:
        if field.widget == "choice":
            combo = QComboBox(self.body)
            combo.addItem(self._default_text(field), _UNSET)
            for choice in field.choices:
                combo.addItem(str(choice), choice)
            combo.currentIndexChanged.connect(self.changed)
            return combo
        if field.widget == "check":
            check = QCheckBox(self.body)
            check.setChecked(bool(field.default))
            check.toggled.connect(self.changed)
            return check
        if field.widget == "spin":
            return self._spin(field)
        if field.widget == "image":
            picker = ImagePicker(self.body)
            picker.set_target_size(self._size)
            picker.changed.connect(self.changed)
            return picker
        edit = QLineEdit(self.body)
        if field.default is not None:
            edit.setPlaceholderText(str(field.default))
        edit.textChanged.connect(self.changed)
        return edit

    def _default_text(self, field: FormField) -> str:
        if field.default is None:
            return self.tr("(model's default)")
        return self.tr("(default: {value})").format(value=field.default)

    def _spin(self, field: FormField) -> QWidget:
        low = field.minimum if field.minimum is not None else -1_000_000.0
        high = field.maximum if field.maximum is not None else 1_000_000.0
        spin: QSpinBox | QDoubleSpinBox
        if field.integer:
            spin = QSpinBox(self.body)
            step = 1.0
            spin.setRange(int(low - step), int(high))
        else:
            spin = QDoubleSpinBox(self.body)
            span = high - low
            step = 0.01 if span <= 2 else 0.1 if span <= 100 else 1.0
            spin.setDecimals(2 if step < 0.1 else 1 if step < 1 else 0)
            spin.setSingleStep(step)
            spin.setRange(low - step, high)
        # the value below the range is "the model's default": nothing sent
        spin.setSpecialValueText(self._default_text(field))
        if isinstance(spin, QSpinBox):
            spin.setValue(spin.minimum())
        else:
            spin.setValue(spin.minimum())
        spin.valueChanged.connect(self.changed)
        return spin

    # ----- state ---------------------------------------------------------------------------

    def set_expanded(self, expanded: bool) -> None:
        expanded = expanded and bool(self._fields)
        self.toggle.blockSignals(True)
        self.toggle.setChecked(expanded)
        self.toggle.blockSignals(False)
        self.toggle.setArrowType(Qt.ArrowType.DownArrow if expanded else Qt.ArrowType.RightArrow)
        self.body.setVisible(expanded)

    def is_expanded(self) -> bool:
        return self.body.isVisibleTo(self)

    def set_note(self, note: str | None) -> None:
        self.note_label.setText(note or "")
        self.note_label.setVisible(bool(note))

    def set_target_size(self, size: str) -> None:
        self._size = size
        for widget in self._widgets.values():
            if isinstance(widget, ImagePicker):
                widget.set_target_size(size)

    def fields(self) -> list[FormField]:
        return list(self._fields)

    def widget_for(self, name: str) -> QWidget | None:
        return self._widgets.get(name)

    def values(self) -> dict[str, Any]:
        """The fields the creator set (images aside: :meth:`image_values`)."""
        out: dict[str, Any] = {}
        for field in self._fields:
            widget = self._widgets[field.name]
            if isinstance(widget, QComboBox):
                data = widget.currentData()
                if data != _UNSET:
                    out[field.name] = data
            elif isinstance(widget, QCheckBox):
                if widget.isChecked() != bool(field.default):
                    out[field.name] = widget.isChecked()
            elif isinstance(widget, QSpinBox | QDoubleSpinBox):
                if widget.value() != widget.minimum():
                    out[field.name] = widget.value()
            elif isinstance(widget, QLineEdit):
                text = widget.text().strip()
                if text:
                    out[field.name] = text
        return out

    def image_values(self) -> list[tuple[str, Path, str | None]]:
        """(field, picked file, fit/crop when it must be converted to the video's size)."""
        out: list[tuple[str, Path, str | None]] = []
        for name, widget in self._widgets.items():
            if isinstance(widget, ImagePicker):
                path = widget.path()
                if path is not None:
                    out.append((name, path, widget.mode() if widget.needs_conversion() else None))
        return out

    def error(self) -> str | None:
        for widget in self._widgets.values():
            if isinstance(widget, ImagePicker) and widget.error():
                return widget.error()
        return None


__all__ = ["MoreSettings"]
