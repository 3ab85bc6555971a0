"""The preview pane: QMediaPlayer + QAudioOutput + QVideoWidget with the usual controls.

Play/pause, seek slider with time labels, loop, volume + mute, frame step (±1 frame while
paused), full screen, and the frame grab (``frame_grab.py``: Save frame…, Use frame as start
image). Shortcuts: Space, Left/Right (±5 s, or ±1 frame while paused), F, Esc, Ctrl+Shift+S,
Ctrl+Shift+I.
QtMultimedia is imported only when the first clip is loaded (or just after the first paint,
via :meth:`ensure_player`), so start-up stays lean. The player's media is torn down through
``player_calls.py`` (queued on the event loop); the controls give way in a narrow pane as
``control_fit.py`` says.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QEvent,
    QObject,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QSlider,
    QStackedLayout,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from sora_desktop.gui.caption import ElidedCaption
from sora_desktop.gui.control_fit import Tiers, essential_width, fit_controls
from sora_desktop.gui.frame_grab import FrameGrab
from sora_desktop.gui.player_calls import from_event_loop, set_source, shut_down, stop_and_unload
from sora_desktop.gui.seek_slider import SeekSlider

if TYPE_CHECKING:
    from PySide6.QtMultimedia import QAudioOutput, QMediaPlayer
    from PySide6.QtMultimediaWidgets import QVideoWidget

__all__ = ["SEEK_MIN_WIDTH", "SEEK_STEP_MS", "PreviewPane", "format_ms", "stop_and_unload"]

SEEK_STEP_MS = 5000
_DEFAULT_FPS = 30.0


def format_ms(ms: int) -> str:
    s = max(0, ms) // 1000
    return f"{s // 60}:{s % 60:02d}"


#: The seek bar's narrowest width. In a narrow pane the secondary controls give way, so the
#: seek bar keeps its room: first the volume slider (the mute button stays), then Save frame
#: and Use frame (also in the Clip menu), then the time labels.
SEEK_MIN_WIDTH = 80
#: the video's least height (px) in a small window
MIN_PICTURE_HEIGHT = 96


class PreviewPane(QWidget):
    """Signals: ``media_error(str)`` for the status bar, ``loaded(str)`` with the file path."""

    media_error = Signal(str)
    loaded = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.player: QMediaPlayer | None = None
        self.audio: QAudioOutput | None = None
        self.video: QVideoWidget | None = None
        self._source: Path | None = None
        self._fps = _DEFAULT_FPS
        self._seeking = False
        self._autoplay = True
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self._stack_host = QFrame(self)
        self.picture_area = self._stack_host  # the video (or what stands for it)
        self._stack_host.setFrameShape(QFrame.Shape.StyledPanel)
        self._stack_host.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        # a picture, not a strip: a dock under a small window gives way before it does
        self._stack_host.setMinimumHeight(MIN_PICTURE_HEIGHT)
        self._stack = QStackedLayout(self._stack_host)
        self.placeholder = QLabel(
            self.tr("Your video plays here.\nWrite a prompt and press Generate."),
            self._stack_host,
        )
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self._stack.addWidget(self.placeholder)
        layout.addWidget(self._stack_host, 1)

        # the whole prompt, wrapped; past three lines it is cut with "…" (the tooltip has
        # it all), and it never widens the window
        self.title_label = ElidedCaption(self, max_lines=3)
        self.title_label.setObjectName("preview_caption")
        layout.addWidget(self.title_label)

        controls = QHBoxLayout()
        self._controls = controls
        style = self.style()
        self.play_button = self._tool(
            style.standardIcon(QStyle.StandardPixmap.SP_MediaPlay), self.tr("Play (Space)")
        )
        self.play_button.clicked.connect(self.toggle_play)
        controls.addWidget(self.play_button)
        self.back_frame = self._tool(
            style.standardIcon(QStyle.StandardPixmap.SP_MediaSeekBackward),
            self.tr("Previous frame"),
        )
        self.back_frame.clicked.connect(lambda: self.step_frames(-1))
        controls.addWidget(self.back_frame)
        self.next_frame = self._tool(
            style.standardIcon(QStyle.StandardPixmap.SP_MediaSeekForward), self.tr("Next frame")
        )
        self.next_frame.clicked.connect(lambda: self.step_frames(1))
        controls.addWidget(self.next_frame)
        self.position_label = QLabel("0:00", self)
        controls.addWidget(self.position_label)
        self.seek_slider = SeekSlider(self)  # a click goes to that moment
        self.seek_slider.setObjectName("seek_slider")
        self.seek_slider.setAccessibleName(self.tr("Position"))
        self.seek_slider.setRange(0, 0)
        self.seek_slider.sliderPressed.connect(self._seek_started)
        self.seek_slider.sliderReleased.connect(self._seek_finished)
        self.seek_slider.sliderMoved.connect(self._seek_moved)
        # never squeezed to a dot: the volume slider gives way first (see resizeEvent)
        self.seek_slider.setMinimumWidth(SEEK_MIN_WIDTH)
        controls.addWidget(self.seek_slider, 1)
        self.duration_label = QLabel("0:00", self)
        controls.addWidget(self.duration_label)
        self.loop_button = QToolButton(self)
        self.loop_button.setText(self.tr("Loop"))
        self.loop_button.setCheckable(True)
        self.loop_button.setChecked(True)
        self.loop_button.setToolTip(self.tr("Play the clip over and over"))
        self.loop_button.toggled.connect(self._apply_loop)
        controls.addWidget(self.loop_button)
        self.mute_button = self._tool(
            style.standardIcon(QStyle.StandardPixmap.SP_MediaVolume), self.tr("Mute")
        )
        self.mute_button.setCheckable(True)
        self.mute_button.toggled.connect(self._apply_mute)
        controls.addWidget(self.mute_button)
        self.volume_slider = QSlider(Qt.Orientation.Horizontal, self)
        self.volume_slider.setAccessibleName(self.tr("Volume"))
        self.volume_slider.setRange(0, 100)
        self.volume_slider.setValue(80)
        self.volume_slider.setMaximumWidth(90)
        self.volume_slider.hide()  # shown by resizeEvent once the pane is wide enough
        self.volume_slider.valueChanged.connect(self._apply_volume)
        controls.addWidget(self.volume_slider)
        self.fullscreen_button = self._tool(
            style.standardIcon(QStyle.StandardPixmap.SP_TitleBarMaxButton),
            self.tr("Full screen (F)"),
        )
        self.fullscreen_button.clicked.connect(self.toggle_full_screen)
        # the frame on screen, decoded from the file: saved as a PNG, or the next start image
        self.frame_grab = FrameGrab(self)
        self.save_frame_button = self._action_button(self.frame_grab.save_action)
        self.save_frame_button.setObjectName("save_frame_button")
        controls.addWidget(self.save_frame_button)
        self.use_frame_button = self._action_button(self.frame_grab.use_action)
        self.use_frame_button.setObjectName("use_frame_button")
        controls.addWidget(self.use_frame_button)
        controls.addWidget(self.fullscreen_button)
        layout.addLayout(controls)
        #: shown while the pane has room, kept in this order (the last give way first)
        self._optional: Tiers = (
            (self.position_label, self.duration_label),
            (self.save_frame_button, self.use_frame_button),
            (self.volume_slider,),
        )

        self._shortcuts: list[QShortcut] = []
        for key, slot, what in (
            (Qt.Key.Key_Space, self.toggle_play, self.tr("Play or pause the clip")),
            (
                Qt.Key.Key_Left,
                lambda: self._arrow(-1),
                self.tr("Back 5 seconds (one frame while paused)"),
            ),
            (
                Qt.Key.Key_Right,
                lambda: self._arrow(1),
                self.tr("Forward 5 seconds (one frame while paused)"),
            ),
            (Qt.Key.Key_F, self.toggle_full_screen, self.tr("Full screen on or off")),
            (Qt.Key.Key_Escape, self.leave_full_screen, self.tr("Leave full screen")),
        ):
            sc = QShortcut(QKeySequence(key), self)
            sc.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            sc.setWhatsThis(what)  # listed in Help > Keyboard shortcuts
            sc.activated.connect(slot)
            self._shortcuts.append(sc)
        self._set_controls_enabled(False)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        fit_controls(self._controls, self._optional, event.size().width())

    def minimumSizeHint(self) -> QSize:
        """As narrow as the essential controls: the secondary ones hide to fit."""
        hint = super().minimumSizeHint()
        others = max(
            self._stack_host.minimumSizeHint().width(), self.title_label.minimumSizeHint().width()
        )
        return QSize(
            min(hint.width(), max(essential_width(self._controls, self._optional), others)),
            hint.height(),
        )

    def _tool(self, icon: Any, tip: str) -> QToolButton:
        b = QToolButton(self)
        b.setIcon(icon)
        b.setToolTip(tip)
        b.setAccessibleName(tip)
        b.setAutoRaise(True)
        return b

    def _action_button(self, action: Any) -> QToolButton:
        b = QToolButton(self)
        b.setDefaultAction(action)
        b.setAccessibleName(action.text().rstrip("…"))
        b.setAutoRaise(True)
        return b

    # --- the player (created lazily) -------------------------------------------------
    def ensure_player(self) -> QMediaPlayer:
        if self.player is not None:
            return self.player
        from PySide6.QtMultimedia import QAudioOutput, QMediaPlayer
        from PySide6.QtMultimediaWidgets import QVideoWidget

        self.video = QVideoWidget(self._stack_host)
        self.video.setObjectName("video_widget")
        self.video.installEventFilter(self)
        self._stack.addWidget(self.video)
        self.audio = QAudioOutput(self)
        self.player = QMediaPlayer(self)
        self.player.setAudioOutput(self.audio)
        self.player.setVideoOutput(self.video)
        self.player.positionChanged.connect(self._on_position)
        self.player.durationChanged.connect(self._on_duration)
        self.player.playbackStateChanged.connect(self._on_state)
        self.player.mediaStatusChanged.connect(self._on_status)
        self.player.errorOccurred.connect(self._on_error)
        self.player.metaDataChanged.connect(self._on_metadata)
        self._apply_volume(self.volume_slider.value())
        self._apply_mute(self.mute_button.isChecked())
        self._apply_loop(self.loop_button.isChecked())
        return self.player

    def load(self, path: Path, *, title: str = "", autoplay: bool = True) -> None:
        """Show ``path``; plays at once unless ``autoplay`` is False."""
        player = self.ensure_player()
        self._source = Path(path)
        self._autoplay = autoplay
        self._fps = _DEFAULT_FPS
        self.title_label.set_full_text(title)
        if self.video is not None:
            self._stack.setCurrentWidget(self.video)
        set_source(player, path)
        self._set_controls_enabled(True)
        if autoplay:
            from_event_loop(player, "play")

    def source(self) -> Path | None:
        return self._source

    def position_seconds(self) -> float:
        """The player's position in the clip (seconds from its first frame)."""
        return self.player.position() / 1000 if self.player is not None else 0.0

    def unload(self) -> None:
        if self.player is not None:
            from_event_loop(self.player, "stop")
            set_source(self.player, None)
        self._source = None
        self._stack.setCurrentWidget(self.placeholder)
        self.title_label.clear()
        self._set_controls_enabled(False)

    def shutdown(self) -> None:
        """Stop playback (before the window closes, so no decoder outlives it)."""
        if self.player is not None:
            shut_down(self.player)

    # --- controls ----------------------------------------------------------------------
    def is_playing(self) -> bool:
        from PySide6.QtMultimedia import QMediaPlayer

        return (
            self.player is not None
            and self.player.playbackState() == QMediaPlayer.PlaybackState.PlayingState
        )

    def toggle_play(self) -> None:
        if self.player is None or self._source is None:
            return
        if self.is_playing():
            self.player.pause()
        else:
            self.player.play()

    def seek(self, ms: int) -> None:
        if self.player is not None:
            self.player.setPosition(max(0, min(ms, self.player.duration())))

    def step_frames(self, n: int) -> None:
        """Move ±n frames; pauses first, the way editors do."""
        if self.player is None or self._source is None:
            return
        if self.is_playing():
            self.player.pause()
        self.seek(self.player.position() + round(n * 1000 / self._fps))

    def _arrow(self, direction: int) -> None:
        if self.player is None:
            return
        if self.is_playing():
            self.seek(self.player.position() + direction * SEEK_STEP_MS)
        else:
            self.step_frames(direction)

    def toggle_full_screen(self) -> None:
        if self.video is None:
            return
        self.video.setFullScreen(not self.video.isFullScreen())

    def leave_full_screen(self) -> None:
        if self.video is not None and self.video.isFullScreen():
            self.video.setFullScreen(False)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # The full-screen video widget is a top-level window: route its keys here.
        if watched is self.video and event.type() == QEvent.Type.KeyPress:
            key = event.key()  # type: ignore[attr-defined]
            if key == Qt.Key.Key_Escape:
                self.leave_full_screen()
                return True
            if key == Qt.Key.Key_F:
                self.toggle_full_screen()
                return True
            if key == Qt.Key.Key_Space:
                self.toggle_play()
                return True
        return super().eventFilter(watched, event)

    # --- player callbacks -----------------------------------------------------------
    def _apply_volume(self, value: int) -> None:
        if self.audio is not None:
            self.audio.setVolume(value / 100)

    def _apply_mute(self, muted: bool) -> None:
        icon = (
            QStyle.StandardPixmap.SP_MediaVolumeMuted
            if muted
            else QStyle.StandardPixmap.SP_MediaVolume
        )
        self.mute_button.setIcon(self.style().standardIcon(icon))
        if self.audio is not None:
            self.audio.setMuted(muted)

    def _apply_loop(self, looping: bool) -> None:
        if self.player is not None:
            from PySide6.QtMultimedia import QMediaPlayer

            self.player.setLoops(
                QMediaPlayer.Loops.Infinite if looping else QMediaPlayer.Loops.Once
            )

    def _set_controls_enabled(self, enabled: bool) -> None:
        for w in (
            self.play_button,
            self.back_frame,
            self.next_frame,
            self.seek_slider,
            self.fullscreen_button,
        ):
            w.setEnabled(enabled)
        self.frame_grab.set_available(enabled)

    def _seek_started(self) -> None:
        self._seeking = True

    def _seek_moved(self, value: int) -> None:
        self.position_label.setText(format_ms(value))

    def _seek_finished(self) -> None:
        self._seeking = False
        self.seek(self.seek_slider.value())

    def _on_position(self, ms: int) -> None:
        if not self._seeking:
            self.seek_slider.setValue(ms)
        self.position_label.setText(format_ms(ms))

    def _on_duration(self, ms: int) -> None:
        self.seek_slider.setRange(0, ms)
        self.seek_slider.setPageStep(max(1000, ms // 10))
        self.duration_label.setText(format_ms(ms))

    def _on_state(self, _state: object) -> None:
        icon = (
            QStyle.StandardPixmap.SP_MediaPause
            if self.is_playing()
            else QStyle.StandardPixmap.SP_MediaPlay
        )
        self.play_button.setIcon(self.style().standardIcon(icon))
        self.play_button.setToolTip(
            self.tr("Pause (Space)") if self.is_playing() else self.tr("Play (Space)")
        )

    def _on_status(self, status: object) -> None:
        from PySide6.QtMultimedia import QMediaPlayer

        if status == QMediaPlayer.MediaStatus.LoadedMedia and self._source is not None:
            self.loaded.emit(str(self._source))

    def _on_metadata(self) -> None:
        from PySide6.QtMultimedia import QMediaMetaData

        if self.player is None:
            return
        rate = self.player.metaData().value(QMediaMetaData.Key.VideoFrameRate)
        try:
            fps = float(rate)
        except (TypeError, ValueError):
            return
        if fps > 0:
            self._fps = fps

    def _on_error(self, _error: object, text: str) -> None:
        name = self._source.name if self._source else ""
        self.media_error.emit(self.tr("Can't play {0}: {1}").format(name, text))
