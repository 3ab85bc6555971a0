"""Generation settings: connection profile, model, orientation/size, duration, image, cost.

What is offered comes from ``core.capabilities.capabilities_for``: a size or duration the
model can't make is never in the lists.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QComboBox, QFormLayout, QGroupBox, QLabel, QVBoxLayout, QWidget

from ..core.capabilities import ModelCapabilities
from ..core.models import ConnectionKind, Profile
from .cost import capabilities_for_profile, cost_text
from .i18n import profile_name
from .image_picker import ImagePicker, parse_size

#: the models offered when a profile lists none
KIND_MODELS: dict[ConnectionKind, tuple[str, ...]] = {
    ConnectionKind.SIMULATOR: ("sora-2", "sora-2-pro"),
    ConnectionKind.OPENAI: ("sora-2", "sora-2-pro"),
    ConnectionKind.AZURE: ("sora-2",),
    ConnectionKind.COMPATIBLE: ("sora-2",),
}
_IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".webp")


def models_for(profile: Profile) -> list[str]:
    models = list(profile.models) or list(KIND_MODELS.get(profile.kind, ("sora-2",)))
    if profile.default_model and profile.default_model not in models and not profile.models:
        models.insert(0, profile.default_model)
    return models


def is_portrait(size: str) -> bool:
    w, h = parse_size(size)
    return h >= w


class SettingsPanel(QWidget):
    """Signals: ``changed`` on any choice, ``profile_changed(str)`` with the profile id."""

    changed = Signal()
    profile_changed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._profiles: list[Profile] = []
        self._updating = False
        self.setAcceptDrops(True)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        form = QFormLayout()
        outer.addLayout(form)

        self.profile_combo = QComboBox(self)
        self.profile_combo.setObjectName("profile_combo")
        self.profile_combo.setToolTip(self.tr("Where videos are made"))
        form.addRow(self.tr("Connection"), self.profile_combo)
        self.model_combo = QComboBox(self)
        self.model_combo.setObjectName("model_combo")
        form.addRow(self.tr("Model"), self.model_combo)
        self.orientation_combo = QComboBox(self)
        self.orientation_combo.setObjectName("orientation_combo")
        self.orientation_combo.addItem(self.tr("Portrait"), "portrait")
        self.orientation_combo.addItem(self.tr("Landscape"), "landscape")
        form.addRow(self.tr("Orientation"), self.orientation_combo)
        self.size_combo = QComboBox(self)
        self.size_combo.setObjectName("size_combo")
        form.addRow(self.tr("Size"), self.size_combo)
        self.duration_combo = QComboBox(self)
        self.duration_combo.setObjectName("duration_combo")
        form.addRow(self.tr("Duration"), self.duration_combo)
        self.cost_label = QLabel(self)
        self.cost_label.setObjectName("cost_label")
        self.cost_label.setToolTip(
            self.tr("An estimate from archived per-second prices; the service bills the truth")
        )
        form.addRow(self.tr("Cost"), self.cost_label)

        self.image_box = QGroupBox(self.tr("Reference image (optional)"), self)
        box_layout = QVBoxLayout(self.image_box)
        self.image_picker = ImagePicker(self.image_box)
        box_layout.addWidget(self.image_picker)
        outer.addWidget(self.image_box)

        self.profile_combo.currentIndexChanged.connect(self._on_profile)
        self.model_combo.currentIndexChanged.connect(self._on_model)
        self.orientation_combo.currentIndexChanged.connect(self._on_orientation)
        self.size_combo.currentIndexChanged.connect(self._on_size)
        self.duration_combo.currentIndexChanged.connect(self._on_duration)
        self.image_picker.changed.connect(self._emit_changed)

    # --- profiles ----------------------------------------------------------------------
    def set_profiles(self, profiles: Sequence[Profile], active_id: str | None = None) -> None:
        self._profiles = list(profiles)
        self._updating = True
        self.profile_combo.clear()
        for p in self._profiles:
            self.profile_combo.addItem(profile_name(p), p.id)
        self._updating = False
        index = self.profile_combo.findData(active_id) if active_id else 0
        self.profile_combo.setCurrentIndex(max(index, 0))
        self._on_profile()

    def current_profile(self) -> Profile | None:
        pid = self.profile_combo.currentData()
        return next((p for p in self._profiles if p.id == pid), None)

    # --- choices -----------------------------------------------------------------------
    def model(self) -> str:
        return str(self.model_combo.currentData() or "")

    def video_size(self) -> str:
        return str(self.size_combo.currentData() or "")

    def seconds(self) -> int:
        data = self.duration_combo.currentData()
        return int(data) if data is not None else 0

    def profiles(self) -> list[Profile]:
        return list(self._profiles)

    def capabilities(self) -> ModelCapabilities:
        return capabilities_for_profile(self.current_profile(), self.model())

    def set_choice(
        self, *, model: str | None = None, size: str | None = None, seconds: int | None = None
    ) -> None:
        """Restore earlier choices; values the current profile/model can't make are ignored."""
        if model:
            i = self.model_combo.findData(model)
            if i >= 0:
                self.model_combo.setCurrentIndex(i)
        if size and size in self.capabilities().sizes:
            self._select_orientation("portrait" if is_portrait(size) else "landscape")
            i = self.size_combo.findData(size)
            if i >= 0:
                self.size_combo.setCurrentIndex(i)
        if seconds:
            i = self.duration_combo.findData(seconds)
            if i >= 0:
                self.duration_combo.setCurrentIndex(i)

    def offered_sizes(self) -> list[str]:
        return [str(self.size_combo.itemData(i)) for i in range(self.size_combo.count())]

    def offered_seconds(self) -> list[int]:
        return [int(self.duration_combo.itemData(i)) for i in range(self.duration_combo.count())]

    def problem(self) -> str | None:
        """Why these settings can't be sent, or None."""
        if self.current_profile() is None:
            return self.tr("Add a connection first.")
        if not self.video_size() or not self.seconds():
            return self.tr("Pick a size and a duration.")
        if self.image_picker.error():
            return self.image_picker.error()
        return None

    def cost_text(self) -> str:
        profile = self.current_profile()
        simulator = profile is not None and profile.kind is ConnectionKind.SIMULATOR
        return cost_text(
            self.capabilities(), self.video_size(), self.seconds(), simulator=simulator
        )

    # --- drag and drop -----------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._dropped_path(event) is not None:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        path = self._dropped_path(event)
        if path is None:
            event.ignore()
            return
        event.acceptProposedAction()
        self.image_picker.set_path(path)

    @staticmethod
    def _dropped_path(event: QDragEnterEvent | QDropEvent) -> Path | None:
        mime = event.mimeData()
        if mime is None or not mime.hasUrls():
            return None
        for url in mime.urls():
            if url.isLocalFile():
                return Path(url.toLocalFile())
        return None

    # --- internals ---------------------------------------------------------------------
    def _select_orientation(self, orientation: str) -> None:
        i = self.orientation_combo.findData(orientation)
        if i >= 0 and i != self.orientation_combo.currentIndex():
            self.orientation_combo.setCurrentIndex(i)

    def _on_profile(self) -> None:
        if self._updating:
            return
        profile = self.current_profile()
        previous = self.model()
        self._updating = True
        self.model_combo.clear()
        if profile is not None:
            for m in models_for(profile):
                self.model_combo.addItem(m, m)
            i = self.model_combo.findData(previous)
            if i < 0:
                i = self.model_combo.findData(profile.default_model)
            self.model_combo.setCurrentIndex(max(i, 0))
        self._updating = False
        self._on_model()
        if profile is not None:
            self.profile_changed.emit(profile.id)

    def _on_model(self) -> None:
        if self._updating:
            return
        caps = self.capabilities()
        previous_seconds = self.seconds()
        self._updating = True
        self.duration_combo.clear()
        for s in caps.seconds:
            self.duration_combo.addItem(self.tr("{0} seconds").format(s), s)
        i = self.duration_combo.findData(previous_seconds)
        self.duration_combo.setCurrentIndex(i if i >= 0 else 0)
        self._updating = False
        self._fill_sizes()

    def _on_orientation(self) -> None:
        if not self._updating:
            self._fill_sizes()

    def _fill_sizes(self) -> None:
        caps = self.capabilities()
        previous = self.video_size()
        portrait = self.orientation_combo.currentData() != "landscape"
        sizes = [s for s in caps.sizes if is_portrait(s) == portrait] or list(caps.sizes)
        self._updating = True
        self.size_combo.clear()
        for s in sizes:
            w, h = parse_size(s)
            self.size_combo.addItem(self.tr("{0} × {1}").format(w, h), s)
        i = self.size_combo.findData(previous)
        self.size_combo.setCurrentIndex(i if i >= 0 else 0)
        self._updating = False
        self._on_size()

    def _on_size(self) -> None:
        if self._updating:
            return
        self.image_picker.set_target_size(self.video_size())
        self._emit_changed()

    def _on_duration(self) -> None:
        if not self._updating:
            self._emit_changed()

    def _emit_changed(self) -> None:
        self.cost_label.setText(self.cost_text())
        self.changed.emit()
