"""The preview's frame grab: the frame at the player's position, decoded from the file at
full resolution (not a screen grab), saved as a PNG or made the next start image, off the
GUI thread."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtMultimedia import QMediaPlayer
from pytestqt.qtbot import QtBot

from sora_desktop.core.frames import frame_at
from sora_desktop.core.paths import AppPaths
from sora_desktop.gui.app import AppContext, build
from sora_desktop.gui.controller import Controller
from sora_desktop.gui.frame_grab import frame_file_name
from sora_desktop.gui.operations import Operations
from sora_desktop.gui.preview import PreviewPane
from sora_desktop.usecases.library import LibraryFolders
from tests.gui.conftest import make_clip

PAUSED_AT_MS = 1000


def _paused_at(qtbot: QtBot, pane: PreviewPane, clip: Path, ms: int) -> None:
    with qtbot.waitSignal(pane.loaded, timeout=10000):
        pane.load(clip, autoplay=False)
    player = pane.player
    assert player is not None
    qtbot.waitUntil(lambda: player.duration() > 0, timeout=10000)
    pane.seek(ms)
    qtbot.waitUntil(lambda: abs(player.position() - ms) < 5, timeout=5000)
    assert player.playbackState() != QMediaPlayer.PlaybackState.PlayingState


@pytest.fixture
def big_clip(tmp_path: Path) -> Path:
    # bigger than the pane shows it, so a screen grab could not pass for the frame; every
    # frame a different grey
    return make_clip(tmp_path / "harbour.mp4", width=320, height=240, seconds=2.0, fps=25)


@pytest.fixture
def pane(qtbot: QtBot) -> PreviewPane:
    pane = PreviewPane()
    qtbot.addWidget(pane)
    pane.resize(200, 160)
    pane.show()
    qtbot.waitExposed(pane)
    return pane


def _same_pixels(a: Image.Image, b: Image.Image) -> bool:
    return a.size == b.size and a.convert("RGB").tobytes() == b.convert("RGB").tobytes()


def test_save_frame_writes_the_decoded_frame_at_the_players_position(
    qtbot: QtBot, pane: PreviewPane, big_clip: Path, tmp_path: Path, controller: Controller
) -> None:
    ops = Operations(controller, lambda exc: pytest.fail(str(exc)), LibraryFolders(()))
    grab = pane.frame_grab
    grab.operations = ops
    assert not grab.save_action.isEnabled()  # nothing loaded yet
    _paused_at(qtbot, pane, big_clip, PAUSED_AT_MS)
    assert grab.save_action.isEnabled() and pane.save_frame_button.isEnabled()
    asked: list[Path] = []

    def ask(suggested: Path) -> Path:
        asked.append(suggested)
        return tmp_path / "out" / "still"  # no suffix typed: .png is added

    (tmp_path / "out").mkdir()
    grab.ask_save_path = ask
    with qtbot.waitSignal(grab.saved, timeout=20000) as saved:
        pane.save_frame_button.click()
        assert grab.busy()  # the decoding runs elsewhere: the click returned first
    assert asked[0].name == frame_file_name(big_clip, 1.0) == "harbour-0m01.000s.png"
    path = Path(saved.args[0])
    assert path == tmp_path / "out" / "still.png"
    with Image.open(path) as png:
        assert png.format == "PNG"
        assert png.size == (320, 240)  # full resolution, not the 200 px pane
        expected = frame_at(big_clip, PAUSED_AT_MS / 1000)
        assert _same_pixels(png, expected)
        assert not _same_pixels(png, frame_at(big_clip, 0.0))  # it is that frame, not any
    assert not grab.busy()


def test_use_frame_puts_it_in_the_settings_panel_in_one_click(
    qtbot: QtBot, data_dir: Path, big_clip: Path
) -> None:
    ctx: AppContext = build(AppPaths.default(data_dir))
    try:
        window = ctx.window
        window.show()
        qtbot.waitExposed(window)
        _paused_at(qtbot, window.preview, big_clip, 440)
        picker = window.settings_panel.image_picker
        assert picker.path() is None
        with qtbot.waitSignal(window.preview.frame_grab.start_image_ready, timeout=20000):
            window.preview.use_frame_button.click()
        image = picker.path()
        assert image is not None
        assert image.parent == ctx.paths.images_dir
        with Image.open(image) as png:
            assert _same_pixels(png, frame_at(big_clip, 0.44))
        # the Clip menu offers the same actions, with their shortcuts
        texts = [a.text() for a in window.clip_menu.actions()]
        assert "Save &frame…" in texts and "&Use frame as start image" in texts
        assert "Ctrl+Shift+S" in window.preview.frame_grab.save_action.toolTip()
    finally:
        ctx.close()


def test_a_frame_that_cant_be_decoded_is_reported_and_nothing_is_written(
    qtbot: QtBot, pane: PreviewPane, big_clip: Path, tmp_path: Path
) -> None:
    errors: list[BaseException] = []
    pane.frame_grab.operations = Operations.inline(show_error=errors.append)
    _paused_at(qtbot, pane, big_clip, 200)
    pane.frame_grab.ask_save_path = lambda _s: tmp_path / "missing-folder" / "x.png"
    pane.frame_grab.save_frame()
    assert len(errors) == 1
    assert not (tmp_path / "missing-folder").exists()
    assert not pane.frame_grab.busy()


def test_nothing_loaded_says_what_to_do(qtbot: QtBot, pane: PreviewPane) -> None:
    with qtbot.waitSignal(pane.frame_grab.message) as said:
        pane.frame_grab.use_frame()
    assert "Play a clip first" in said.args[0]
