"""Generation settings: connection profile, model, orientation/size, duration, image, cost.

What is offered comes from the model: ``core.capabilities.capabilities_for`` for the Videos
API kinds, the catalogue (``usecases.models.list_models``) or the provider's schema for fal,
Replicate and Runway. A size or duration the model can't make is never in the lists, and
audio, negative prompt, seed, start and end image are shown only for a model that has them
(``gui/model_options.py``). A provider model's own settings are under "More settings"
(``gui/more_settings.py``), fetched through an operation (``details_op``), never on the GUI
thread, and cached per connection and model.

Those two parts (``options``, ``more``) are made when a provider model is first shown (or
first asked for): a start on the simulator never shows them, and their modules and Qt types
(spin boxes, validators) are then no part of the first frame. Until they exist, the values
they would give are those of hidden rows (``audio()`` and the others: None, nothing set).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QComboBox, QFormLayout, QGroupBox, QLabel, QVBoxLayout, QWidget

from sora_desktop.core.capabilities import ModelCapabilities
from sora_desktop.core.models import ConnectionKind, Profile
from sora_desktop.gui.cost import capabilities_for_profile, cost_text, provider_cost
from sora_desktop.gui.elided_combo import ElidedCombo
from sora_desktop.gui.i18n import profile_name
from sora_desktop.gui.image_picker import ImagePicker, parse_size
from sora_desktop.gui.model_details import DetailsOp, ModelDetailsCache

if TYPE_CHECKING:  # the catalogue's modules load when a provider profile is first shown
    from sora_desktop.gui.image_picker import FitMode
    from sora_desktop.gui.model_options import ModelOptions
    from sora_desktop.gui.more_settings import MoreSettings
    from sora_desktop.usecases.models import ModelDetails, ModelSummary

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


def _focusable(root: QWidget) -> list[QWidget]:
    """``root`` and the widgets under it that Tab can reach, in their Tab order."""
    found: list[QWidget] = []
    widget: QWidget | None = root
    while widget is not None and (widget is root or root.isAncestorOf(widget)):
        if widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
            found.append(widget)
        widget = widget.nextInFocusChain()
    return found


def _tab_after(previous: QWidget, root: QWidget) -> QWidget:
    """Put what Tab reaches in ``root`` right after ``previous`` (a widget made later
    comes last in the window's Tab order otherwise); returns the last one placed."""
    for widget in _focusable(root):
        QWidget.setTabOrder(previous, widget)
        previous = widget
    return previous


class SettingsPanel(QWidget):
    """Signals: ``changed`` on any choice, ``profile_changed(str)`` with the profile id.

    ``details_op``: set by the composition root; without it (a unit test) a provider
    model shows its catalogue settings only and "More settings" stays empty."""

    changed = Signal()
    profile_changed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._profiles: list[Profile] = []
        self._updating = False
        self._listed: list[ModelSummary] = []
        #: provider models' details (their schema's fields), per connection and model
        self.cache = ModelDetailsCache(self)
        self.cache.arrived.connect(self._details_arrived)
        self.cache.failed.connect(self._details_failed)
        self._shown_model = ""  # the model the rows below were made for
        self._watched_edit: QWidget | None = None  # the model combo's line edit, connected
        self._options: ModelOptions | None = None  # made by ``options`` on first use
        self._more: MoreSettings | None = None  # made by ``more`` on first use
        self.setAcceptDrops(True)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        form = QFormLayout()
        outer.addLayout(form)
        self._outer, self._form = outer, form

        self.profile_combo = ElidedCombo(self)
        self.profile_combo.setObjectName("profile_combo")
        self.profile_combo.setToolTip(self.tr("Where videos are made"))
        form.addRow(self.tr("Connection"), self.profile_combo)
        self.model_combo = ElidedCombo(self)
        self.model_combo.setObjectName("model_combo")
        form.addRow(self.tr("Model"), self.model_combo)
        self.orientation_combo = ElidedCombo(self)
        self.orientation_combo.setObjectName("orientation_combo")
        self.orientation_combo.addItem(self.tr("Portrait"), "portrait")
        self.orientation_combo.addItem(self.tr("Landscape"), "landscape")
        form.addRow(self.tr("Orientation"), self.orientation_combo)
        self.size_combo = ElidedCombo(self)
        self.size_combo.setObjectName("size_combo")
        form.addRow(self.tr("Size"), self.size_combo)
        self.duration_combo = ElidedCombo(self)
        self.duration_combo.setObjectName("duration_combo")
        form.addRow(self.tr("Duration"), self.duration_combo)
        self.cost_label = QLabel(self)
        self.cost_label.setObjectName("cost_label")
        self.cost_label.setWordWrap(True)
        self.cost_label.setToolTip(
            self.tr("An estimate from archived per-second prices; the service bills the truth")
        )
        form.addRow(self.tr("Cost"), self.cost_label)
        # (the provider models' rows come here, under the cost, when first needed: options)
        self.image_box = QGroupBox(self.tr("Reference image (optional)"), self)
        box_layout = QVBoxLayout(self.image_box)
        self.image_picker = ImagePicker(self.image_box)
        box_layout.addWidget(self.image_picker)
        outer.addWidget(self.image_box)
        # ("More settings" comes here, under the image, when first needed: more)

        self.profile_combo.currentIndexChanged.connect(self._on_profile)
        self.model_combo.currentIndexChanged.connect(self._on_model)
        self.model_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.orientation_combo.currentIndexChanged.connect(self._on_orientation)
        self.size_combo.currentIndexChanged.connect(self._on_size)
        self.duration_combo.currentIndexChanged.connect(self._on_duration)
        self.image_picker.changed.connect(self._emit_changed)

    # --- the provider models' parts, made on first use ---------------------------------
    @property
    def options(self) -> ModelOptions:
        """The rows only some provider models have (audio, negative prompt, seed, end
        image), in the form under the cost; made the first time they are needed."""
        if self._options is None:
            from sora_desktop.gui.model_options import ModelOptions

            options = ModelOptions(self._form, self)  # rows shown only where the model has them
            options.set_target_size(self.video_size())
            options.changed.connect(self._emit_changed)
            # Tab reaches them where they are shown, not after the rest of the window
            previous: QWidget = self.duration_combo
            for row in (options.audio_check, options.negative_edit, options.seed_edit):
                previous = _tab_after(previous, row)
            _tab_after(previous, options.end_picker)
            self._options = options
        return self._options

    @property
    def more(self) -> MoreSettings:
        """ "More settings" (a provider model's own), under the image; made the first time
        it is needed."""
        if self._more is None:
            from sora_desktop.gui.more_settings import MoreSettings

            more = MoreSettings(self)
            more.setObjectName("more_settings")
            more.hide()
            more.set_target_size(self.video_size())
            self._outer.addWidget(more)
            more.changed.connect(self.changed)
            _tab_after(_focusable(self.image_box)[-1], more)
            self._more = more
        return self._more

    def audio(self) -> bool | None:
        """The provider rows' values (``ModelOptions``): None where the row is not shown."""
        return self._options.audio() if self._options is not None else None

    def negative_prompt(self) -> str | None:
        return self._options.negative_prompt() if self._options is not None else None

    def seed(self) -> int | None:
        return self._options.seed() if self._options is not None else None

    def end_image(self) -> Path | None:
        return self._options.end_image() if self._options is not None else None

    def end_fit(self) -> FitMode | None:
        return self._options.end_fit() if self._options is not None else None

    def more_values(self) -> dict[str, object]:
        """ "More settings" as the creator set them (``MoreSettings.values``); none if unseen."""
        return self._more.values() if self._more is not None else {}

    def more_image_values(self) -> list[tuple[str, Path, str | None]]:
        return self._more.image_values() if self._more is not None else []

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

    def is_provider(self) -> bool:
        profile = self.current_profile()
        return profile is not None and profile.kind.is_provider

    # --- choices -----------------------------------------------------------------------
    def model(self) -> str:
        if self.model_combo.isEditable():  # a provider: a listed model, or any model id
            text = self.model_combo.currentText().strip()
            i = self.model_combo.findText(text)
            return str(self.model_combo.itemData(i)) if i >= 0 else text
        return str(self.model_combo.currentData() or "")

    def video_size(self) -> str:
        return str(self.size_combo.currentData() or "")

    def seconds(self) -> int:
        data = self.duration_combo.currentData()
        return int(data) if data is not None else 0

    def profiles(self) -> list[Profile]:
        return list(self._profiles)

    def summary(self) -> ModelSummary | None:
        """A provider model as the catalogue (or its schema) describes it; None otherwise."""
        profile = self.current_profile()
        if profile is None or not profile.kind.is_provider:
            return None
        model = self.model()
        details = self.cache.get(self.cache.key(profile, model))
        if details is not None:
            return details.summary
        listed = next((m for m in self._listed if m.id == model), None)
        if listed is not None:
            return listed
        from sora_desktop.core.catalogue import model_for  # an unlisted id: the plain entry for now
        from sora_desktop.core.model_settings import summarize

        return summarize(model_for(profile.kind, model or "unknown"))

    def details(self) -> ModelDetails | None:
        """The current provider model's details, once fetched."""
        profile = self.current_profile()
        if profile is None:
            return None
        return self.cache.get(self.cache.key(profile, self.model()))

    def capabilities(self) -> ModelCapabilities:
        summary = self.summary()
        if summary is None:
            return capabilities_for_profile(self.current_profile(), self.model())
        return ModelCapabilities(
            name=summary.name,
            sizes=summary.sizes or ("1280x720",),
            seconds=summary.seconds or (summary.default_seconds,),
            supports_remix=False,
            supports_image=summary.takes_image,
        )

    def set_choice(
        self, *, model: str | None = None, size: str | None = None, seconds: int | None = None
    ) -> None:
        """Restore earlier choices; values the current profile/model can't make are ignored."""
        if model:
            i = self.model_combo.findData(model)
            if i >= 0:
                self.model_combo.setCurrentIndex(i)
            elif self.model_combo.isEditable():
                self.model_combo.setEditText(model)
                self._on_model()
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
        if self.is_provider() and not self.model():
            return self.tr("Pick a model or type a model id.")
        if not self.video_size() or not self.seconds():
            return self.tr("Pick a size and a duration.")
        summary = self.summary()
        if summary is not None and self.image_picker.path() is None:
            if summary.needs_image:
                return self.tr("{model} makes videos from a start image: pick one.").format(
                    model=summary.name
                )
            if summary.text_sizes is not None and self.video_size() not in summary.text_sizes:
                return self.tr("This size needs a start image: pick one, or another size.")
        parts = (self.image_picker, self._options, self._more)
        for error in (part.error() for part in parts if part is not None):
            if error:
                return error
        return None

    def params(self) -> tuple[tuple[str, str], ...]:
        """The "More settings" values as the request's params (checked and typed by the
        models use case). Raises ``InvalidRequestError`` naming a field it refuses."""
        details = self.details()
        values = self.more_values()
        if details is None or not values:
            return ()
        from sora_desktop.usecases.models import coerce_form

        return coerce_form(values, details)

    def cost_text(self) -> str:
        profile = self.current_profile()
        if profile is not None and profile.kind.is_provider:
            text, tip = provider_cost(
                profile.kind, self.model(), self.video_size(), self.seconds(), self.audio()
            )
            self.cost_label.setToolTip(tip)
            return text
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

    def _fill_models(self, profile: Profile | None, previous: str) -> None:
        self.model_combo.clear()
        provider = profile is not None and profile.kind.is_provider
        if not provider:
            self._watched_edit = None  # the combo's line edit goes with its editability
        self.model_combo.setEditable(provider)
        if profile is None:
            return
        if not provider:
            self._listed = []
            for m in models_for(profile):
                self.model_combo.addItem(m, m)
            i = self.model_combo.findData(previous)
            if i < 0:
                i = self.model_combo.findData(profile.default_model)
            self.model_combo.setCurrentIndex(max(i, 0))
            return
        from sora_desktop.usecases.models import list_models

        self._listed = list_models(profile.kind)
        for summary in self._listed:
            self.model_combo.addItem(summary.name, summary.id)
            self.model_combo.setItemData(
                self.model_combo.count() - 1, summary.id, Qt.ItemDataRole.ToolTipRole
            )
        for model_id in (*profile.models, profile.default_model):
            if model_id and self.model_combo.findData(model_id) < 0:
                self.model_combo.addItem(model_id, model_id)
        edit = self.model_combo.lineEdit()
        if edit is not None and edit is not self._watched_edit:
            self._watched_edit = edit
            edit.setPlaceholderText(self.tr("or type any model id"))
            edit.editingFinished.connect(self._on_model_typed)
        i = self.model_combo.findData(previous)
        if i < 0:
            i = self.model_combo.findData(profile.default_model)
        self.model_combo.setCurrentIndex(max(i, 0))

    def _on_profile(self) -> None:
        if self._updating:
            return
        profile = self.current_profile()
        previous = self.model()
        self._updating = True
        self._fill_models(profile, previous)
        self._updating = False
        self._on_model()
        if profile is not None:
            self.profile_changed.emit(profile.id)

    def _on_model_typed(self) -> None:
        if not self._updating and self.model() != self._shown_model:
            self._on_model()

    def _on_model(self) -> None:
        if self._updating:
            return
        self._shown_model = self.model()
        caps = self.capabilities()
        summary = self.summary()
        previous_seconds = self.seconds()
        self._updating = True
        self.duration_combo.clear()
        for s in caps.seconds:
            self.duration_combo.addItem(self.tr("{0} seconds").format(s), s)
        i = self.duration_combo.findData(previous_seconds)
        if i < 0 and summary is not None:
            i = self.duration_combo.findData(summary.default_seconds)
        self.duration_combo.setCurrentIndex(i if i >= 0 else 0)
        self._updating = False
        if summary is not None or self._options is not None:
            self.options.show_for(summary)  # (none made for a Videos API model: none shown)
        self._show_image_box(summary)
        self._show_more()
        self._fill_sizes()

    def _show_image_box(self, summary: ModelSummary | None) -> None:
        if summary is None:
            self.image_box.setTitle(self.tr("Reference image (optional)"))
            self.image_box.setVisible(True)
            return
        self.image_box.setTitle(
            self.tr("Start image (required)")
            if summary.needs_image
            else self.tr("Start image (optional)")
        )
        self.image_box.setVisible(summary.takes_image)
        if not summary.takes_image and self.image_picker.path() is not None:
            self.image_picker.clear()

    # --- "More settings" -----------------------------------------------------------------
    @property
    def details_op(self) -> DetailsOp | None:
        return self.cache.details_op

    def set_details_op(self, details_op: DetailsOp | None) -> None:
        """Fetch provider models' settings with ``details_op`` from now on (the composition
        root sets it after the first paint: the I/O side starts on first use)."""
        self.cache.details_op = details_op
        self._show_more()

    def _show_more(self) -> None:
        """The provider model's own settings: from the cache, or fetched (once) in the
        background; until then (or when it fails) a quiet note."""
        profile = self.current_profile()
        model = self.model()
        if profile is None or not profile.kind.is_provider or not model:
            if self._more is not None:
                self._more.hide()
                self._more.set_fields(())
            return
        self.more.show()
        key = self.cache.key(profile, model)
        details = self.cache.get(key)
        if details is not None:
            self.more.set_fields(details.extra_fields, self.cache.note_for(profile, details))
            return
        self.more.set_fields(())
        note = self.cache.problem(key) or self.cache.fetch(profile, model)
        if self.cache.get(key) is None:  # (an answer at once has been shown already)
            self.more.set_note(self.cache.problem(key) or note)

    def _is_current(self, key: object) -> bool:
        profile = self.current_profile()
        return profile is not None and self.cache.key(profile, self.model()) == key

    def _details_arrived(self, key: tuple[str, str, str]) -> None:
        if not self._is_current(key):
            return
        if any(m.id == key[2] for m in self._listed):
            self._show_more()  # sizes and lengths stay the catalogue's
        else:
            self._on_model()  # an unlisted model: its schema says what it can make
        self._emit_changed()

    def _details_failed(self, key: tuple[str, str, str]) -> None:
        if self._is_current(key):
            self.more.set_note(self.cache.problem(key))

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
        for part in (self._options, self._more):
            if part is not None:
                part.set_target_size(self.video_size())
        self._emit_changed()

    def _on_duration(self) -> None:
        if not self._updating:
            self._emit_changed()

    def _emit_changed(self) -> None:
        self.cost_label.setText(self.cost_text())
        self.changed.emit()


__all__ = ["DetailsOp", "SettingsPanel", "models_for"]
