"""The left column with real geometry: the wheel scrolls it without changing a setting, and
Generate stays on screen whatever opens above it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, QPoint, Qt
from PySide6.QtWidgets import QAbstractSpinBox, QComboBox, QSlider, QWidget
from pytestqt.qtbot import QtBot

from sora_desktop.core.errors import NetworkError
from sora_desktop.core.models import ConnectionKind, Profile
from sora_desktop.core.paths import AppPaths
from sora_desktop.gui.app import AppContext, build
from tests.gui.conftest import settle, wheel_notch

GATEWAY = Profile(
    id="gw",
    name="Paid gateway",
    kind=ConnectionKind.COMPATIBLE,
    base_url="https://gw.example/v1",
    default_model="sora-2",
)


@pytest.fixture
def ctx(data_dir: object, qtbot: QtBot) -> Iterator[AppContext]:
    made = build(AppPaths.default(data_dir))  # type: ignore[arg-type]
    with qtbot.waitSignal(made.window.first_painted, timeout=10000):
        made.window.show()
    qtbot.waitExposed(made.window)
    column = made.window.left_scroll.widget()
    qtbot.waitUntil(lambda: column.findChild(QObject, "wheel_guard") is not None)  # guarded
    try:
        yield made
    finally:
        made.close()


def _small(ctx: AppContext) -> None:
    """As small as the window goes: the left column has to scroll."""
    w = ctx.window
    w.resize(w.minimumSizeHint())
    settle()
    assert w.left_scroll.verticalScrollBar().maximum() > 0


@pytest.mark.parametrize("name", ["duration_combo", "orientation_combo", "profile_combo"])
def test_the_wheel_over_an_unfocused_setting_scrolls_the_column(
    ctx: AppContext, qtbot: QtBot, name: str
) -> None:
    w = ctx.window
    panel = w.settings_panel
    panel.set_profiles([*ctx.profiles, GATEWAY], ctx.profiles[0].id)
    _small(ctx)
    combo: QComboBox = getattr(panel, name)
    assert combo.count() > 1
    before = combo.currentIndex()
    bar = w.left_scroll.verticalScrollBar()
    w.left_scroll.ensureWidgetVisible(combo)
    settle()
    scrolled = bar.value()
    assert not combo.hasFocus()
    wheel_notch(combo)
    assert combo.currentIndex() == before, "the wheel changed a setting nobody had focused"
    assert bar.value() > scrolled, "the column did not scroll"
    assert panel.current_profile() == ctx.profiles[0]  # never moved to the paid connection

    # focused (clicked or tabbed into), the wheel changes it as usual
    w.activateWindow()
    combo.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(combo.hasFocus, timeout=5000)
    at = bar.value()
    wheel_notch(combo)
    assert combo.currentIndex() == before + 1
    assert bar.value() == at


def test_every_setting_in_the_column_is_guarded(ctx: AppContext) -> None:
    """Settings panel, image picker, connection and the recipe (built when first opened)."""
    w = ctx.window
    w.prompt.template_button.click()
    kinds = (QComboBox, QAbstractSpinBox, QSlider)
    found = [c for kind in kinds for c in w.left_scroll.widget().findChildren(kind)]
    names = {c.objectName() for c in found}
    assert {"profile_combo", "duration_combo", "image_fit_mode", "template_camera"} <= names
    for widget in found:
        assert widget.focusPolicy() == Qt.FocusPolicy.StrongFocus, widget.objectName()
    recipe = w.prompt.template.combos["camera"]
    _small(ctx)
    w.left_scroll.ensureWidgetVisible(recipe)
    settle()
    at = w.left_scroll.verticalScrollBar().value()
    wheel_notch(recipe, steps=1)  # away from the user: scrolls up
    assert recipe.currentIndex() == 0 and recipe.currentText() == ""
    assert w.left_scroll.verticalScrollBar().value() < at


def test_the_wheel_over_a_provider_models_own_settings_scrolls_the_column(
    ctx: AppContext,
) -> None:
    """More settings is rebuilt for each model, after the column was guarded at the first
    paint: its new combo and spin boxes are guarded too (a wheel turn over them changed a
    resolution or a frame count, and what the clip costs, with no focus on them)."""
    from sora_desktop.core.schema_form import FormField

    w = ctx.window
    more = w.settings_panel.more
    more.set_fields(
        [
            FormField(
                name="resolution", widget="choice", label="Resolution", choices=("720p", "1080p")
            ),
            FormField(
                name="steps", widget="spin", label="Steps", minimum=1, maximum=50, integer=True
            ),
        ]
    )
    more.set_expanded(True)
    _small(ctx)
    bar = w.left_scroll.verticalScrollBar()
    for widget in (more.widget_for("resolution"), more.widget_for("steps")):
        assert isinstance(widget, QComboBox | QAbstractSpinBox)
        assert widget.focusPolicy() == Qt.FocusPolicy.StrongFocus
        w.left_scroll.ensureWidgetVisible(widget)
        settle()
        at = bar.value()
        assert at > 0 and not widget.hasFocus()
        wheel_notch(widget, steps=1)  # away from the user: scrolls up
        assert more.values() == {}, "the wheel changed a setting nobody had focused"
        assert bar.value() < at, "the column did not scroll"


def test_a_start_image_with_a_long_file_name_fits_the_column(
    ctx: AppContext, qtbot: QtBot, tmp_path: Path
) -> None:
    """The walk's "use as start image": the column's content grew wider than the column (its
    new needs were not passed on) and its right edge (Recipe, the settings, Choose image…)
    was cut off. And a grabbed frame is named frame-<job id>-<size>.png, one long word the
    image's note could not wrap: the note shortens it, so the column doesn't jump wider."""
    from tests.gui.conftest import make_png

    w = ctx.window
    column = w.left_scroll
    picker = w.settings_panel.image_picker

    def fits() -> bool:
        return column.widget().width() <= column.viewport().width()

    picker.set_path(make_png(tmp_path / "boat.png", 720, 1280))
    qtbot.waitUntil(fits)
    width = column.width()
    name = "frame-4f917e5aa83e874bad366e5b9c1d2e7f-720x1280.png"
    w.use_start_image(str(make_png(tmp_path / name, 720, 1280)))
    settle()
    qtbot.waitUntil(fits)
    assert picker.info_label.geometry().right() <= column.viewport().width()
    assert column.width() == width, "the column jumped wider for a file name"
    assert name in picker.info_label.toolTip()  # the whole name is a hover away
    _small(ctx)  # and at the smallest window
    assert fits()


def _fully_visible(w: QWidget, button: QWidget) -> bool:
    top_left = button.mapTo(w, QPoint(0, 0))
    inside = w.rect().contains(top_left) and w.rect().contains(
        top_left + QPoint(button.width() - 1, button.height() - 1)
    )
    status_top = w.statusBar().mapTo(w, QPoint(0, 0)).y()
    unclipped = button.visibleRegion().boundingRect() == button.rect()
    return (
        button.isVisible() and inside and unclipped and top_left.y() + button.height() <= status_top
    )


@pytest.mark.parametrize("size", [(1360, 840), None])
def test_generate_stays_on_screen_whatever_opens(
    ctx: AppContext, size: tuple[int, int] | None
) -> None:
    w = ctx.window
    if size is None:
        w.resize(w.minimumSizeHint())
    else:
        w.resize(*size)
    settle()
    button = w.generate_button
    assert _fully_visible(w, button)
    w.prompt.template_button.click()  # the recipe opens under the editor
    settle()
    assert w.prompt.template.isVisible()
    assert _fully_visible(w, button), "the recipe pushed Generate off the window"
    w.errors.show(
        NetworkError(
            "The service could not be reached. " * 4,
            next_step="Check your internet connection, then try again.",
        )
    )
    settle()
    assert w.error_banner.isVisible()
    assert _fully_visible(w, button), "the error banner pushed Generate off the window"
    # and what scrolled out of view is still reachable: the column scrolls
    assert w.left_scroll.verticalScrollBar().maximum() > 0
