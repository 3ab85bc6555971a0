"""The preview's frame grab: "Save frame…" and "Use frame as start image".

Public API (the preview pane makes one; the window connects its signals)::

    grab = FrameGrab(pane)             # pane: PreviewPane (source() and position_seconds())
    grab.operations = operations       # what runs the decoding (the composition root's)
    grab.images_dir = paths.images_dir  # where a start image is kept
    grab.save_action, grab.use_action  # QActions (buttons, the Clip menu, shortcuts)
    grab.save_frame(); grab.use_frame()
    # signals
    grab.saved(str path)               # the PNG is on disk
    grab.start_image_ready(str path)   # put it in the settings panel's reference image
    grab.message(str)                  # for the status bar

The frame is decoded from the file at the player's position (``usecases.frames``: PyAV,
full resolution, the frame a player shows at that time), never grabbed from the screen, and
off the GUI thread. The save question goes through ``grab.ask_save_path`` (replaceable, so
tests need no modal dialog).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QStyle

if TYPE_CHECKING:
    from sora_desktop.gui.operations import Operations
    from sora_desktop.gui.preview import PreviewPane

SAVE_KEYS = QKeySequence(Qt.Modifier.CTRL | Qt.Modifier.SHIFT | Qt.Key.Key_S)
USE_KEYS = QKeySequence(Qt.Modifier.CTRL | Qt.Modifier.SHIFT | Qt.Key.Key_I)


def frame_file_name(clip: Path, seconds: float) -> str:
    """``harbour-0m01.040s.png``: the clip's name and the frame's time."""
    from sora_desktop.core.filenames import sanitize_filename

    ms = max(0, round(seconds * 1000))
    at = f"{ms // 60000}m{ms // 1000 % 60:02d}.{ms % 1000:03d}s"
    return sanitize_filename(f"{clip.stem}-{at}.png")


class FrameGrab(QObject):
    saved = Signal(str)
    start_image_ready = Signal(str)
    message = Signal(str)

    def __init__(self, pane: PreviewPane) -> None:
        super().__init__(pane)
        self._pane = pane
        self.operations: Operations | None = None
        self.images_dir: Path | None = None
        self.ask_save_path: Callable[[Path], Path | None] = self._ask_save_path
        self._folder: Path | None = None  # the last folder a frame was saved in
        self._busy = 0
        style = pane.style()

        def make(text: str, keys: QKeySequence, tip: str, icon: QStyle.StandardPixmap) -> QAction:
            action = QAction(style.standardIcon(icon), text, pane)
            action.setShortcut(keys)
            # anywhere in the window (the focus is often in the library after a double click)
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            native = keys.toString(QKeySequence.SequenceFormat.NativeText)
            action.setToolTip(f"{tip} ({native})")
            action.setWhatsThis(tip)
            pane.addAction(action)
            return action

        self.save_action = make(
            self.tr("Save &frame…"),
            SAVE_KEYS,
            self.tr("Save the frame on screen as a full-size PNG picture"),
            QStyle.StandardPixmap.SP_DialogSaveButton,
        )
        self.save_action.triggered.connect(self.save_frame)
        self.use_action = make(
            self.tr("&Use frame as start image"),
            USE_KEYS,
            self.tr("Start a new video from the frame on screen: it becomes the reference image"),
            QStyle.StandardPixmap.SP_ArrowLeft,
        )
        self.use_action.triggered.connect(self.use_frame)
        self.set_available(False)

    def set_available(self, available: bool) -> None:
        """A clip is loaded (the pane calls this as its controls go on and off)."""
        for action in (self.save_action, self.use_action):
            action.setEnabled(available)

    def _ops(self) -> Operations:
        if self.operations is None:
            from sora_desktop.gui.operations import Operations

            self.operations = Operations.inline()
        return self.operations

    def _where(self) -> tuple[Path, float] | None:
        clip = self._pane.source()
        if clip is None:
            self.message.emit(self.tr("Play a clip first: its frame on screen is saved."))
            return None
        return clip, self._pane.position_seconds()

    def save_frame(self) -> None:
        """Ask where, then save the frame at the player's position as a PNG."""
        where = self._where()
        if where is None:
            return
        clip, seconds = where
        folder = self._folder or _pictures_folder()
        dest = self.ask_save_path(folder / frame_file_name(clip, seconds))
        if dest is None:
            return
        if dest.suffix.lower() != ".png":
            dest = dest.with_name(dest.name + ".png")
        self._folder = dest.parent
        self._started()
        self._ops().save_frame(parent=self, clip=clip, seconds=seconds, dest=dest).success(
            self._saved
        ).failure(self._failed).run_in_background()

    def use_frame(self) -> None:
        """The frame at the player's position becomes the next generation's start image."""
        where = self._where()
        if where is None:
            return
        clip, seconds = where
        images_dir = self.images_dir or clip.parent
        self._started()
        self._ops().frame_as_start_image(
            parent=self, clip=clip, seconds=seconds, images_dir=images_dir
        ).success(self._ready).failure(self._failed).run_in_background()

    def busy(self) -> bool:
        return self._busy > 0

    def _started(self) -> None:
        self._busy += 1
        self.message.emit(self.tr("Decoding the frame…"))

    def _saved(self, path: Path) -> None:
        self._busy -= 1
        self.message.emit(self.tr("Frame saved: {0}").format(path))
        self.saved.emit(str(path))

    def _ready(self, path: Path) -> None:
        self._busy -= 1
        self.message.emit(self.tr("The frame is the start image of your next video."))
        self.start_image_ready.emit(str(path))

    def _failed(self, error: BaseException) -> None:
        self._busy -= 1
        self._ops().show_error(error)

    def _ask_save_path(self, suggested: Path) -> Path | None:
        from PySide6.QtWidgets import QFileDialog  # where the dialog opens, not at start-up

        chosen, _filter = QFileDialog.getSaveFileName(
            self._pane.window(),
            self.tr("Save frame"),
            str(suggested),
            self.tr("PNG picture (*.png)"),
        )
        return Path(chosen) if chosen else None


def _pictures_folder() -> Path:
    from PySide6.QtCore import QStandardPaths  # (made when first used, not with the window)

    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.PicturesLocation)
    folder = Path(found) if found else Path.home()
    return folder if folder.is_dir() else Path.home()
