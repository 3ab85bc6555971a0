"""Settings panel: capability-filtered choices, cost, reference image checks and fit/crop."""

from __future__ import annotations

from pathlib import Path

from PIL import Image
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from sora_desktop.core.models import ConnectionKind, Profile
from sora_desktop.gui.image_picker import render_fitted
from sora_desktop.gui.settings_panel import SettingsPanel
from tests.gui.conftest import make_png

SIM = Profile(id="simulator", name="Built-in simulator", kind=ConnectionKind.SIMULATOR, base_url="")
AZURE = Profile(
    id="az",
    name="Azure",
    kind=ConnectionKind.AZURE,
    base_url="https://x.openai.azure.com/openai/v1",
    default_model="my-sora",
    models=("my-sora",),
    model_aliases=(("my-sora", "sora-2"),),
)
GATEWAY = Profile(
    id="gw",
    name="Gateway",
    kind=ConnectionKind.COMPATIBLE,
    base_url="https://gw.example/v1",
    default_model="veo-3",
    models=("veo-3",),
)


def _panel(qtbot: QtBot, *profiles: Profile) -> SettingsPanel:
    panel = SettingsPanel()
    qtbot.addWidget(panel)
    panel.set_profiles(list(profiles or (SIM,)), None)
    return panel


def _choose(panel: SettingsPanel, combo_name: str, data: object) -> None:
    combo = getattr(panel, combo_name)
    index = combo.findData(data)
    assert index >= 0, f"{data!r} not offered in {combo_name}"
    combo.setCurrentIndex(index)


def test_sizes_follow_model_and_orientation(qtbot: QtBot) -> None:
    panel = _panel(qtbot)
    assert [panel.model_combo.itemData(i) for i in range(panel.model_combo.count())] == [
        "sora-2",
        "sora-2-pro",
    ]
    assert panel.model() == "sora-2"
    assert panel.offered_sizes() == ["720x1280"]
    _choose(panel, "orientation_combo", "landscape")
    assert panel.offered_sizes() == ["1280x720"]
    assert "1920x1080" not in panel.offered_sizes()  # sora-2 can't make it
    _choose(panel, "model_combo", "sora-2-pro")
    assert panel.offered_sizes() == ["1280x720", "1792x1024", "1920x1080"]
    _choose(panel, "size_combo", "1920x1080")
    # back to sora-2: the size it can't make is dropped, a valid one chosen
    _choose(panel, "model_combo", "sora-2")
    assert panel.video_size() == "1280x720"
    assert panel.offered_seconds() == [4, 8, 12, 16, 20]
    assert panel.problem() is None


def test_azure_deployment_alias_limits_durations(qtbot: QtBot) -> None:
    panel = _panel(qtbot, AZURE)
    assert panel.model() == "my-sora"
    assert panel.offered_seconds() == [4, 8, 12]
    assert panel.offered_sizes() == ["720x1280"]


def test_cost_estimate(qtbot: QtBot) -> None:
    panel = _panel(qtbot, GATEWAY, SIM)
    assert panel.cost_label.text() == "price unknown"
    _choose(panel, "profile_combo", "simulator")
    _choose(panel, "duration_combo", 8)
    assert panel.cost_label.text().startswith("≈ $0.80 at $0.10/s")
    _choose(panel, "model_combo", "sora-2-pro")
    _choose(panel, "duration_combo", 4)
    assert panel.cost_label.text().startswith("≈ $1.20 at $0.30/s")


def test_set_choice_ignores_what_the_model_cannot_make(qtbot: QtBot) -> None:
    panel = _panel(qtbot)
    panel.set_choice(model="sora-2", size="1920x1080", seconds=12)
    assert panel.video_size() == "720x1280"
    assert panel.seconds() == 12
    panel.set_choice(model="sora-2-pro", size="1792x1024")
    assert (panel.model(), panel.video_size()) == ("sora-2-pro", "1792x1024")
    assert panel.orientation_combo.currentData() == "landscape"


def test_image_of_exact_size_is_sent_as_is(qtbot: QtBot, tmp_path: Path) -> None:
    panel = _panel(qtbot)
    png = make_png(tmp_path / "right.png", 720, 1280)
    assert panel.image_picker.set_path(png)
    assert not panel.image_picker.needs_conversion()
    assert not panel.image_picker.mode_combo.isEnabled()
    assert panel.image_picker.prepare(tmp_path / "out") == png
    assert "720x1280" in panel.image_picker.info_label.text()


def test_removing_the_image_takes_its_picture_away(qtbot: QtBot, tmp_path: Path) -> None:
    panel = _panel(qtbot)
    picker = panel.image_picker
    assert picker.preview.pixmap().isNull()  # nothing read before an image is picked
    assert picker.preview.text().startswith("No image")
    assert picker.set_path(make_png(tmp_path / "square.png", 400, 400))
    assert not picker.preview.pixmap().isNull() and picker.preview.text() == ""
    picker.clear()
    assert picker.preview.pixmap().isNull()
    assert picker.preview.text().startswith("No image")
    assert picker.set_path(make_png(tmp_path / "again.png", 400, 400))
    (tmp_path / "broken.png").write_bytes(b"not a picture")
    assert not picker.set_path(tmp_path / "broken.png")  # refused: no picture either
    assert picker.preview.pixmap().isNull() and picker.error()


def test_image_of_wrong_size_is_fitted_or_cropped(qtbot: QtBot, tmp_path: Path) -> None:
    panel = _panel(qtbot)
    png = make_png(tmp_path / "square.png", 400, 400)
    assert panel.image_picker.set_path(png)
    picker = panel.image_picker
    assert picker.needs_conversion()
    assert picker.mode_combo.isEnabled()
    preview = picker.preview.pixmap().toImage()
    assert preview.height() > preview.width()  # framed at the video's portrait aspect
    # fit mode: bars (black) at the top, image colour in the middle
    assert preview.pixelColor(preview.width() // 2, 2).black() > 200
    out = picker.prepare(tmp_path / "converted")
    assert out is not None and out != png
    with Image.open(out) as im:
        assert im.size == (720, 1280)
        assert im.getpixel((360, 5)) == (0, 0, 0)  # bars
    picker.set_mode("crop")
    cropped = picker.preview.pixmap().toImage()
    assert cropped.pixelColor(cropped.width() // 2, 2).black() < 200  # no bars
    out2 = picker.prepare(tmp_path / "converted")
    assert out2 is not None and out2 != out
    with Image.open(out2) as im:
        assert im.size == (720, 1280)
        assert im.getpixel((360, 5)) != (0, 0, 0)
    # changing the size re-checks the image against the new size
    _choose(panel, "orientation_combo", "landscape")
    assert picker.needs_conversion()
    assert "1280x720" in picker.info_label.text()


def test_broken_image_is_refused_with_a_reason(qtbot: QtBot, tmp_path: Path) -> None:
    panel = _panel(qtbot)
    bad = tmp_path / "broken.png"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n not really")
    assert not panel.image_picker.set_path(bad)
    assert panel.image_picker.path() is None
    reason = panel.image_picker.error()
    assert reason and "broken.png" in reason
    assert panel.image_picker.info_label.text() == reason
    assert panel.problem() == reason
    panel.image_picker.remove_button.click()
    assert panel.problem() is None
    gif = tmp_path / "anim.gif"
    Image.new("RGB", (10, 10)).save(gif, "GIF")
    assert not panel.image_picker.set_path(gif)
    assert "GIF" in (panel.image_picker.error() or "")


def test_render_fitted_geometry() -> None:
    from PySide6.QtGui import QColor, QImage

    img = QImage(100, 100, QImage.Format.Format_RGB32)
    img.fill(QColor(255, 0, 0))
    fit = render_fitted(img, "1280x720", "fit", box=160)
    assert (fit.width(), fit.height()) == (160, 90)
    assert fit.pixelColor(2, 45).black() > 200  # side bars
    assert fit.pixelColor(80, 45).red() > 200
    crop = render_fitted(img, "1280x720", "crop", box=160)
    assert crop.pixelColor(2, 45).red() > 200


def test_drop_an_image_onto_the_panel(qtbot: QtBot, tmp_path: Path) -> None:
    panel = _panel(qtbot)
    png = make_png(tmp_path / "dropped.png", 720, 1280)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(png))])
    enter = QDragEnterEvent(
        QPoint(5, 5),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(panel, enter)
    assert enter.isAccepted()
    drop = QDropEvent(
        QPointF(5, 5),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(panel, drop)
    assert panel.image_picker.path() == png
    text_only = QMimeData()
    text_only.setText("hello")
    enter2 = QDragEnterEvent(
        QPoint(5, 5),
        Qt.DropAction.CopyAction,
        text_only,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(panel, enter2)
    assert not enter2.isAccepted()
