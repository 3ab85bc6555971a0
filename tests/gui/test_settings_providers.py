"""The settings panel for fal, Replicate and Runway: the catalogue's models (and any model
id), only the settings the chosen model has with its allowed values, the cost estimate from
the catalogue ("price unknown" said plainly), and "More settings" built from the model's
schema, fetched through an operation, cached, with a quiet note when it can't be had."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtWidgets import QCheckBox, QComboBox, QDoubleSpinBox, QLineEdit, QSpinBox

from sora_desktop.core.errors import ServiceUnavailableError
from sora_desktop.core.models import PROVIDER_KINDS, AuthStyle, ConnectionKind, Profile
from sora_desktop.core.schema_form import form_fields
from sora_desktop.gui.image_picker import ImagePicker
from sora_desktop.gui.operations import Op, Operations
from sora_desktop.gui.settings_panel import SettingsPanel
from sora_desktop.usecases.models import ModelDetails, estimate_cost, list_models

SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {
        "prompt": {"type": "string"},
        "style": {"type": "string", "enum": ["cinematic", "anime"]},
        "loop": {"type": "boolean", "default": False},
        "motion_strength": {"type": "number", "minimum": 0, "maximum": 1},
        "steps": {"type": "integer", "minimum": 1, "maximum": 50},
        "mask_image": {"type": "string", "format": "uri"},
        "camera": {"type": "string"},
    },
}


def _profile(kind: ConnectionKind, default_model: str = "") -> Profile:
    return Profile(
        id=f"my-{kind.value}",
        name=f"My {kind.value}",
        kind=kind,
        base_url="https://provider.example.com",
        auth_style=AuthStyle.BEARER,
        default_model=default_model or list_models(kind)[0].id,
    )


@pytest.fixture
def panel(qtbot: Any) -> SettingsPanel:
    widget = SettingsPanel()
    qtbot.addWidget(widget)
    widget.show()
    return widget


def _visible(widget: Any) -> bool:
    return bool(widget.isVisibleTo(widget.window()))


@pytest.mark.parametrize(
    "summary",
    [m for kind in PROVIDER_KINDS for m in list_models(kind)],
    ids=lambda m: f"{m.provider}:{m.id}",
)
def test_only_what_the_model_supports_is_offered(panel: SettingsPanel, summary: Any) -> None:
    kind = ConnectionKind(summary.provider)
    panel.set_profiles([_profile(kind)])
    index = panel.model_combo.findData(summary.id)
    assert index >= 0, "every catalogue model is listed"
    panel.model_combo.setCurrentIndex(index)
    assert panel.model() == summary.id
    assert panel.model_combo.currentText() == summary.name
    assert set(panel.offered_seconds()) == set(summary.seconds)
    for orientation in ("portrait", "landscape"):
        panel.orientation_combo.setCurrentIndex(panel.orientation_combo.findData(orientation))
        assert set(panel.offered_sizes()) <= set(summary.sizes)
    opts = panel.options
    assert _visible(opts.audio_check) == summary.has_audio
    assert _visible(opts.negative_edit) == summary.has_negative_prompt
    assert _visible(opts.seed_edit) == summary.has_seed
    assert _visible(opts.end_picker) == summary.takes_end_image
    assert _visible(panel.image_box) == summary.takes_image
    if summary.takes_image:
        assert panel.image_box.title().startswith("Start image")
    assert _visible(panel.more)  # "More settings" is there for every provider model


def test_a_videos_api_profile_keeps_its_own_rows(panel: SettingsPanel) -> None:
    panel.set_profiles([_profile(ConnectionKind.RUNWAY), _sim_profile()])
    panel.profile_combo.setCurrentIndex(1)
    assert not panel.model_combo.isEditable()
    opts = panel.options
    for row in (opts.audio_check, opts.negative_edit, opts.seed_edit, opts.end_picker):
        assert not _visible(row)
    assert not _visible(panel.more)
    assert panel.image_box.title() == "Reference image (optional)"
    assert panel.options.audio() is None and panel.options.seed() is None


def _sim_profile() -> Profile:
    return Profile(
        id="sim",
        name="Sim",
        kind=ConnectionKind.SIMULATOR,
        base_url="",
        auth_style=AuthStyle.BEARER,
        default_model="sora-2",
    )


def test_the_choices_reach_the_options_only_where_the_model_has_them(
    panel: SettingsPanel,
) -> None:
    veo = next(m for m in list_models(ConnectionKind.FAL) if m.id == "fal-ai/veo3.1")
    assert veo.has_audio and veo.has_seed and veo.has_negative_prompt
    panel.set_profiles([_profile(ConnectionKind.FAL, veo.id)])
    panel.options.audio_check.setChecked(False)
    panel.options.seed_edit.setText("42")
    panel.options.negative_edit.setText("text on screen")
    assert panel.options.audio() is False
    assert panel.options.seed() == 42
    assert panel.options.negative_prompt() == "text on screen"
    # a model without a seed sends none, whatever was typed before
    no_seed = next((m for m in list_models(ConnectionKind.RUNWAY) if not m.has_seed), None)
    assert no_seed is not None
    panel.set_profiles([_profile(ConnectionKind.RUNWAY, no_seed.id)])
    assert panel.options.seed() is None


def test_the_cost_comes_from_the_catalogue_and_follows_audio(panel: SettingsPanel) -> None:
    panel.set_profiles([_profile(ConnectionKind.FAL, "fal-ai/veo3.1")])
    size, seconds = panel.video_size(), panel.seconds()
    on = estimate_cost(ConnectionKind.FAL, "fal-ai/veo3.1", size, seconds, True)
    assert on.usd is not None
    assert panel.cost_label.text().startswith(f"≈ ${on.usd:.2f}")
    assert on.checked in panel.cost_label.toolTip()
    panel.options.audio_check.setChecked(False)
    off = estimate_cost(ConnectionKind.FAL, "fal-ai/veo3.1", size, seconds, False)
    assert off.usd is not None and off.usd < on.usd
    assert panel.cost_label.text().startswith(f"≈ ${off.usd:.2f}")


def test_any_model_id_can_be_typed_and_its_price_is_unknown(panel: SettingsPanel) -> None:
    panel.set_profiles([_profile(ConnectionKind.REPLICATE)])
    assert panel.model_combo.isEditable()
    panel.model_combo.setEditText("acme/new-video-model")
    edit = panel.model_combo.lineEdit()
    assert edit is not None
    edit.editingFinished.emit()
    assert panel.model() == "acme/new-video-model"
    assert panel.offered_sizes() and panel.offered_seconds()  # the plain entry's
    assert panel.cost_label.text().startswith("price unknown")
    assert panel.problem() is None


class _Fetcher:
    """Stands in for the model-details operation: answers with ``details`` or fails."""

    def __init__(self, details: ModelDetails | None, error: Exception | None = None) -> None:
        self.details = details
        self.error = error
        self.calls: list[tuple[str, str]] = []
        self.ops = Operations.inline(show_error=lambda e: None)

    def __call__(self, profile: Profile, model: str) -> Op[ModelDetails]:
        self.calls.append((profile.id, model))

        def work(_report: Any) -> ModelDetails:
            if self.error is not None:
                raise self.error
            assert self.details is not None
            return self.details

        return Op(self.ops, None, work)


def _details(model_id: str, kind: ConnectionKind) -> ModelDetails:
    summary = next(m for m in list_models(kind) if m.id == model_id)
    fields = tuple(form_fields(SCHEMA))
    extra = tuple(f for f in fields if f.name != "prompt")
    return ModelDetails(summary=summary, fields=fields, extra_fields=extra, schema_found=True)


def test_more_settings_are_built_from_the_schema_and_become_params(
    panel: SettingsPanel,
) -> None:
    model = "google/veo-3.1"
    fetcher = _Fetcher(_details(model, ConnectionKind.REPLICATE))
    panel.set_profiles([_profile(ConnectionKind.REPLICATE, model)])
    panel.set_details_op(fetcher)
    more = panel.more
    assert fetcher.calls == [("my-replicate", model)]
    assert more.toggle.isEnabled() and not more.is_expanded()
    more.toggle.click()
    assert more.is_expanded()
    kinds = {
        "style": QComboBox,
        "loop": QCheckBox,
        "motion_strength": QDoubleSpinBox,
        "steps": QSpinBox,
        "mask_image": ImagePicker,
        "camera": QLineEdit,
    }
    for name, kind in kinds.items():
        assert isinstance(more.widget_for(name), kind), name
    assert panel.params() == ()  # nothing changed: the model's defaults apply
    style = more.widget_for("style")
    assert isinstance(style, QComboBox)
    style.setCurrentIndex(style.findData("anime"))
    steps = more.widget_for("steps")
    assert isinstance(steps, QSpinBox)
    steps.setValue(30)
    loop = more.widget_for("loop")
    assert isinstance(loop, QCheckBox)
    loop.setChecked(True)
    camera = more.widget_for("camera")
    assert isinstance(camera, QLineEdit)
    camera.setText("dolly in")
    assert dict(panel.params()) == {
        "style": '"anime"',
        "steps": "30",
        "loop": "true",
        "camera": '"dolly in"',
    }
    # cached: back and forth between models asks once per model
    panel.model_combo.setCurrentIndex(panel.model_combo.findData("google/veo-3.1-fast"))
    panel.model_combo.setCurrentIndex(panel.model_combo.findData(model))
    assert fetcher.calls.count(("my-replicate", model)) == 1


def test_a_schema_that_cannot_be_fetched_leaves_a_quiet_note(panel: SettingsPanel) -> None:
    fetcher = _Fetcher(None, ServiceUnavailableError("Replicate didn't answer.", "Try later."))
    panel.set_profiles([_profile(ConnectionKind.REPLICATE, "google/veo-3.1")])
    panel.set_details_op(fetcher)
    more = panel.more
    assert more.note_label.isVisibleTo(panel)
    assert "Replicate didn't answer." in more.note_label.text()
    assert "still work" in more.note_label.text()
    assert not more.toggle.isEnabled()
    # the catalogue's fields still work: the request can go
    assert panel.problem() is None and panel.params() == ()


def test_a_model_without_a_schema_says_so_quietly(panel: SettingsPanel) -> None:
    """Runway publishes no schema: the details come back without one."""
    summary = next(m for m in list_models(ConnectionKind.RUNWAY) if m.id == "gen4.5")
    details = ModelDetails(summary=summary, fields=(), extra_fields=(), schema_found=False)
    fetcher = _Fetcher(details)
    panel.set_profiles([_profile(ConnectionKind.RUNWAY, "gen4.5")])
    panel.set_details_op(fetcher)
    note = panel.more.note_label.text()
    assert note.startswith("Runway gave no list of this model's own settings")
    assert "still work" in note
    assert not panel.more.toggle.isEnabled()
    assert panel.problem() is None


def test_the_provider_rows_made_on_first_use_take_their_place_in_the_tab_order(
    qtbot: Any,
) -> None:
    """A simulator start makes neither the provider rows nor "More settings" (they are no
    part of the first frame); made when a provider model is first shown, Tab reaches them
    where they appear (under the duration, and after the reference image), as if they had
    been made with the panel, not after the rest of the window."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QVBoxLayout, QWidget

    window = QWidget()
    qtbot.addWidget(window)
    layout = QVBoxLayout(window)
    panel = SettingsPanel(window)
    after = QLineEdit(window)  # what follows the panel in the window
    after.setObjectName("after_the_panel")
    layout.addWidget(panel)
    layout.addWidget(after)
    fal = _profile(ConnectionKind.FAL)
    panel.set_profiles([_sim_profile(), fal], "sim")
    window.show()
    assert panel.findChild(QCheckBox, "audio_check") is None  # not made for the simulator
    assert panel.findChild(QWidget, "more_settings") is None
    assert panel.audio() is None and panel.seed() is None and panel.more_values() == {}

    panel.profile_combo.setCurrentIndex(panel.profile_combo.findData(fal.id))
    assert _visible(panel.more)
    tab: list[str] = []
    widget = panel.profile_combo
    while widget is not after:
        if widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
            pickers = {id(panel.options.end_picker): "end/", id(panel.image_picker): "image/"}
            tab.append(pickers.get(id(widget.parent()), "") + widget.objectName())
        widget = widget.nextInFocusChain()
    made_with_the_panel = ["profile_combo", "model_combo", "", "orientation_combo"]
    made_with_the_panel += ["size_combo", "duration_combo"]
    rows = ["audio_check", "negative_prompt_edit", "seed_edit"]
    end_picker = ["end/", "end/", "end/image_fit_mode"]  # its Choose… and Clear buttons
    reference = ["image/", "image/", "image/image_fit_mode"]
    assert tab == made_with_the_panel + rows + end_picker + reference + ["more_settings_toggle"]
