"""The preview pane plays a real MP4 (decoded by Qt Multimedia) and its controls work."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtMultimedia import QMediaPlayer
from PySide6.QtWidgets import QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from sora_desktop.gui.preview import PreviewPane, format_ms
from tests.gui.conftest import make_clip

LOADED = (
    QMediaPlayer.MediaStatus.LoadedMedia,
    QMediaPlayer.MediaStatus.BufferedMedia,
    QMediaPlayer.MediaStatus.BufferingMedia,
    QMediaPlayer.MediaStatus.EndOfMedia,
)


def _pane(qtbot: QtBot) -> PreviewPane:
    pane = PreviewPane()
    qtbot.addWidget(pane)
    pane.resize(480, 360)
    pane.show()
    qtbot.waitExposed(pane)
    return pane


def test_player_is_created_lazily(qtbot: QtBot) -> None:
    pane = PreviewPane()
    qtbot.addWidget(pane)
    assert pane.player is None
    assert not pane.play_button.isEnabled()
    pane.toggle_play()  # nothing loaded: harmless
    assert pane.ensure_player() is pane.ensure_player()


def test_plays_pauses_seeks_and_steps(qtbot: QtBot, tmp_path: Path) -> None:
    clip = make_clip(tmp_path / "two.mp4", seconds=2.0, fps=25)
    pane = _pane(qtbot)
    with qtbot.waitSignal(pane.loaded, timeout=10000):
        pane.load(clip, title="a fox")
    player = pane.player
    assert player is not None
    qtbot.waitUntil(lambda: player.mediaStatus() in LOADED, timeout=10000)
    qtbot.waitUntil(lambda: abs(player.duration() - 2000) < 150, timeout=10000)
    assert pane.duration_label.text() == format_ms(player.duration())
    assert pane.seek_slider.maximum() == player.duration()
    qtbot.waitUntil(pane.is_playing, timeout=5000)  # autoplay
    assert player.loops() == QMediaPlayer.Loops.Infinite  # loop is on by default

    pane.toggle_play()
    qtbot.waitUntil(lambda: not pane.is_playing(), timeout=5000)
    pane.seek(1000)
    qtbot.waitUntil(lambda: abs(player.position() - 1000) < 60, timeout=5000)
    qtbot.waitUntil(lambda: pane._fps == 25.0, timeout=5000)  # from the file's metadata
    pane.step_frames(1)
    qtbot.waitUntil(lambda: abs(player.position() - 1040) < 10, timeout=5000)
    # Left while paused = one frame back
    pane.setFocus()
    qtbot.keyClick(pane, Qt.Key.Key_Left)
    qtbot.waitUntil(lambda: abs(player.position() - 1000) < 10, timeout=5000)
    assert not pane.is_playing()
    # Space plays again; Right while playing seeks forward 5 s (clamped to the end)
    qtbot.keyClick(pane, Qt.Key.Key_Space)
    qtbot.waitUntil(pane.is_playing, timeout=5000)

    pane.loop_button.setChecked(False)
    assert player.loops() == QMediaPlayer.Loops.Once
    pane.volume_slider.setValue(30)
    assert pane.audio is not None and abs(pane.audio.volume() - 0.3) < 0.01
    pane.mute_button.setChecked(True)
    assert pane.audio.isMuted()

    pane.unload()
    assert pane.source() is None and not pane.play_button.isEnabled()


def test_a_click_on_the_position_bar_seeks_there(qtbot: QtBot, tmp_path: Path) -> None:
    """As in every player, a click on the bar goes to that moment. It moved the knob one page
    towards the click and the video not at all (the walk: paused at 0:02, the knob left it)."""
    from PySide6.QtCore import QPoint
    from PySide6.QtWidgets import QStyle, QStyleOptionSlider

    clip = make_clip(tmp_path / "four.mp4", seconds=4.0, fps=25)
    pane = _pane(qtbot)
    with qtbot.waitSignal(pane.loaded, timeout=10000):
        pane.load(clip, title="a fox")
    player = pane.player
    assert player is not None
    qtbot.waitUntil(lambda: abs(player.duration() - 4000) < 150, timeout=10000)
    qtbot.waitUntil(pane.is_playing, timeout=5000)  # autoplay
    pane.toggle_play()
    qtbot.waitUntil(lambda: not pane.is_playing(), timeout=5000)
    pane.seek(3000)
    qtbot.waitUntil(lambda: abs(player.position() - 3000) < 60, timeout=5000)
    slider = pane.seek_slider
    option = QStyleOptionSlider()
    slider.initStyleOption(option)
    style = slider.style()
    groove = style.subControlRect(
        QStyle.ComplexControl.CC_Slider, option, QStyle.SubControl.SC_SliderGroove, slider
    )
    handle = style.subControlRect(
        QStyle.ComplexControl.CC_Slider, option, QStyle.SubControl.SC_SliderHandle, slider
    )
    # a quarter of the way along the knob's travel
    x = groove.left() + handle.width() // 2 + (groove.width() - handle.width()) // 4
    qtbot.mouseClick(slider, Qt.MouseButton.LeftButton, pos=QPoint(x, groove.center().y()))
    qtbot.waitUntil(lambda: abs(player.position() - 1000) < 200, timeout=5000)
    assert abs(slider.value() - 1000) < 200
    assert not pane.is_playing()  # a seek, not a play


def test_full_screen_toggle_and_escape(qtbot: QtBot, clip: Path) -> None:
    pane = _pane(qtbot)
    with qtbot.waitSignal(pane.loaded, timeout=10000):
        pane.load(clip, autoplay=False)
    assert pane.video is not None
    pane.toggle_full_screen()
    qtbot.waitUntil(pane.video.isFullScreen, timeout=5000)
    qtbot.keyClick(pane.video, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not pane.video.isFullScreen(), timeout=5000)  # type: ignore[union-attr]
    pane.shutdown()


@pytest.mark.qt_log_ignore("Could not open media.*")  # the error this test provokes
def test_broken_file_reports_an_error(qtbot: QtBot, tmp_path: Path) -> None:
    bad = tmp_path / "broken.mp4"
    bad.write_bytes(b"\x00\x00\x00\x18ftypmp42 this is not a video" * 10)
    pane = _pane(qtbot)
    with qtbot.waitSignal(pane.media_error, timeout=10000) as blocker:
        pane.load(bad)
    assert "broken.mp4" in blocker.args[0]


_SWITCH_CLIPS_UNDER_A_PYTHON_LOG_HANDLER = """
import faulthandler, sys
faulthandler.dump_traceback_later(60, exit=True)  # a deadlock ends the process, loudly
from pathlib import Path
from PySide6.QtCore import QEventLoop, QTimer, qInstallMessageHandler
from PySide6.QtWidgets import QApplication
app = QApplication([])
logged = []
def handler(mode, context, message):  # Python, as pytest-qt's: needs the GIL
    logged.append(message)
qInstallMessageHandler(handler)
from sora_desktop.gui.preview import PreviewPane
def spin(ms):
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()
pane = PreviewPane()
pane.show()
for i in range(300):  # open, play and drop a clip at varying moments of its opening
    pane.load(Path(sys.argv[1]), title="clip")
    spin(i % 7)
    pane.unload()
    spin(1)
pane.load(Path(sys.argv[1]), title="clip")
spin(3)
pane.shutdown()
print("cycles done, messages logged:", len(logged))
"""


def test_switching_and_closing_clips_never_deadlocks_with_a_python_log_handler(
    tmp_path: Path,
) -> None:
    """setSource/stop wait for FFmpeg's threads, and those threads log through the Qt
    message handler. Called from Python (GIL held) with a Python handler installed, as
    pytest-qt does, that deadlocked (5 of 6 runs of this script before the fix; seen in CI
    as a window stuck closing). The preview makes those calls from the event loop."""
    clip = make_clip(tmp_path / "c.mp4", seconds=1)
    done = subprocess.run(
        [sys.executable, "-c", _SWITCH_CLIPS_UNDER_A_PYTHON_LOG_HANDLER, str(clip)],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert "cycles done" in done.stdout


def test_a_narrow_pane_keeps_a_usable_seek_bar(qtbot: QtBot) -> None:
    # At a small window the seek bar was squeezed to a few pixels (it looked like a check
    # box) while the volume slider kept its room.
    pane = PreviewPane()
    qtbot.addWidget(pane)
    pane.resize(300, 400)
    pane.show()
    qtbot.waitExposed(pane)
    qtbot.waitUntil(lambda: pane.width() >= 300)
    assert pane.seek_slider.width() >= 80
    assert not pane.volume_slider.isVisible()  # it gives way; the mute button stays
    assert pane.mute_button.isVisible()
    pane.resize(700, 400)
    qtbot.waitUntil(lambda: pane.volume_slider.isVisible())
    assert pane.seek_slider.width() > pane.volume_slider.width()


def test_a_narrow_pane_lets_its_secondary_controls_go(qtbot: QtBot) -> None:
    # the controls row asked for 407 px (all of it shown at any width), so the window could
    # not be narrower than 1258 px; now the secondary ones give way, in order
    host = QWidget()  # in a layout, as in the window (a top-level keeps its layout's minimum)
    qtbot.addWidget(host)
    pane = PreviewPane()
    layout = QVBoxLayout(host)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(pane)
    host.resize(900, 400)
    host.show()
    qtbot.waitExposed(host)
    secondary = (pane.position_label, pane.save_frame_button, pane.volume_slider)
    qtbot.waitUntil(lambda: all(w.isVisible() for w in secondary))
    narrowest = pane.minimumSizeHint().width()
    assert narrowest < 300
    host.resize(narrowest, 400)
    qtbot.waitUntil(lambda: pane.width() == narrowest)
    qtbot.waitUntil(lambda: not pane.position_label.isVisible())
    # once the layout has settled, the last button ends inside the pane
    qtbot.waitUntil(lambda: pane.fullscreen_button.geometry().right() < pane.width())
    assert not pane.duration_label.isVisible()
    assert not pane.save_frame_button.isVisible() and not pane.use_frame_button.isVisible()
    assert not pane.volume_slider.isVisible()
    for essential in (
        pane.play_button,
        pane.next_frame,
        pane.loop_button,
        pane.mute_button,
        pane.fullscreen_button,
    ):
        assert essential.isVisible()
        assert essential.width() >= essential.minimumSizeHint().width()
    assert pane.seek_slider.width() >= 80
    # a little wider: the time labels come back before the frame buttons
    host.resize(narrowest + 70, 400)
    qtbot.waitUntil(pane.position_label.isVisible)
    assert not pane.save_frame_button.isVisible()
