"""The optional reference image: pick or drop a file, see it fitted to the chosen size.

The API wants the image's pixel size to equal the video size exactly (docs/architecture.md,
"The video APIs"), so the picker shows how the image will be fitted (bars) or cropped, and
:meth:`prepare` converts it with ``core.images.fit_reference_image`` right before upload
when sizes differ.
Files the API would refuse are refused here with the reason shown inline.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Literal

from PySide6.QtCore import QRect, QSize, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QLabel,
    QPushButton,
    QWidget,
)

from sora_desktop.gui.theme import set_error_style

if TYPE_CHECKING:  # PySide6 makes a class (and its enums) when its name is first imported:
    # the image types are imported where an image is read or drawn, not with the window
    from PySide6.QtGui import QImage

FitMode = Literal["fit", "crop"]
_PREVIEW_BOX = 150  # the longest side of the preview, in pixels
IMAGE_FILTER = "*.png *.jpg *.jpeg *.webp"


def parse_size(size: str) -> tuple[int, int]:
    w, _, h = size.partition("x")
    return int(w), int(h)


def render_fitted(image: QImage, size: str, mode: FitMode, box: int = _PREVIEW_BOX) -> QImage:
    """``image`` placed in a frame of ``size``'s aspect ratio (at most ``box`` px long).

    ``fit`` keeps the whole image with black bars, ``crop`` fills the frame and cuts the
    overflow evenly on both sides: the same rule ``core.images.fit_reference_image`` uses.
    """
    from PySide6.QtGui import QColor, QImage, QPainter

    tw, th = parse_size(size)
    scale = box / max(tw, th)
    fw, fh = max(1, round(tw * scale)), max(1, round(th * scale))
    out = QImage(fw, fh, QImage.Format.Format_RGB32)
    out.fill(QColor(0, 0, 0))
    if image.isNull():
        return out
    iw, ih = image.width(), image.height()
    factor = min(fw / iw, fh / ih) if mode == "fit" else max(fw / iw, fh / ih)
    dw, dh = round(iw * factor), round(ih * factor)
    painter = QPainter(out)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    painter.drawImage(QRect((fw - dw) // 2, (fh - dh) // 2, dw, dh), image)
    painter.end()
    return out


#: The longest file name the note shows whole (the rest is in its tooltip).
NAME_CHARS = 28
_BREAK_AFTER = "-_.…"


def shown_name(path: Path | None) -> str:
    """``path``'s file name for the note: a long one shortened in the middle, and free to
    wrap after its dashes, underscores and dots. The note wraps only where a line may break,
    and "frame-4f91…-720x1280.png" has no such place (no break after a dash before a digit):
    a grabbed frame's name made the note, and the whole left column, wider."""
    if path is None:
        return ""
    name = path.name
    if len(name) > NAME_CHARS:
        tail = len(path.suffix) + 9  # the end tells frames apart: "-720x1280.png"
        name = f"{name[: NAME_CHARS - tail - 1]}…{name[-tail:]}"
    return "".join(f"{c}\u200b" if c in _BREAK_AFTER else c for c in name)


class ImagePicker(QWidget):
    """Signals: ``changed`` when the image, its fit mode or the refusal reason changes."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._path: Path | None = None
        self._image: QImage | None = None  # the accepted image, read
        self._image_size: tuple[int, int] | None = None
        self._size = "720x1280"
        self._error: str | None = None
        self._matches = True
        self._dialog_dir = ""
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        self.preview = QLabel(self)
        self.preview.setObjectName("image_preview")
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setMinimumSize(QSize(_PREVIEW_BOX // 2, _PREVIEW_BOX // 2))
        self.preview.setWordWrap(True)
        grid.addWidget(self.preview, 0, 0, 4, 1)
        self.choose_button = QPushButton(self.tr("Choose image…"), self)
        self.choose_button.clicked.connect(self.choose)
        grid.addWidget(self.choose_button, 0, 1)
        self.remove_button = QPushButton(self.tr("Remove"), self)
        self.remove_button.clicked.connect(self.clear)
        grid.addWidget(self.remove_button, 1, 1)
        self.mode_combo = QComboBox(self)
        self.mode_combo.setObjectName("image_fit_mode")
        self.mode_combo.addItem(self.tr("Fit (add bars)"), "fit")
        self.mode_combo.addItem(self.tr("Crop to fill"), "crop")
        self.mode_combo.setToolTip(
            self.tr("The image must match the video size exactly: fit it or crop it")
        )
        self.mode_combo.currentIndexChanged.connect(self._on_mode_changed)
        grid.addWidget(self.mode_combo, 2, 1)
        self.info_label = QLabel(self)
        self.info_label.setObjectName("image_info")
        self.info_label.setWordWrap(True)
        grid.addWidget(self.info_label, 4, 0, 1, 2)
        grid.setColumnStretch(0, 1)
        self._refresh()

    # --- public API --------------------------------------------------------------------
    def path(self) -> Path | None:
        """The accepted image (the original file), or None."""
        return self._path

    def mode(self) -> FitMode:
        return "crop" if self.mode_combo.currentData() == "crop" else "fit"

    def set_mode(self, mode: str) -> None:
        index = self.mode_combo.findData(mode)
        if index >= 0:
            self.mode_combo.setCurrentIndex(index)

    def error(self) -> str | None:
        """Why the last file offered was refused, or None."""
        return self._error

    def needs_conversion(self) -> bool:
        return self._path is not None and not self._matches

    def set_target_size(self, size: str) -> None:
        if size and size != self._size:
            self._size = size
            if self._path is not None:
                self._check_and_load(self._path)
            self._refresh()
            self.changed.emit()

    def set_path(self, path: Path | None) -> bool:
        """Offer a file. Returns False (reason in :meth:`error`) when it is refused."""
        if path is None:
            self.clear()
            return True
        ok = self._check_and_load(Path(path))
        self._refresh()
        self.changed.emit()
        return ok

    def clear(self) -> None:
        self._path = None
        self._image = None
        self._image_size = None
        self._matches = True
        self._error = None
        self._refresh()
        self.changed.emit()

    def choose(self) -> None:
        from PySide6.QtWidgets import QFileDialog  # where the dialog opens, not at start-up

        name, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose a reference image"),
            self._dialog_dir,
            self.tr("Images ({0})").format(IMAGE_FILTER),
        )
        if name:
            self._dialog_dir = str(Path(name).parent)
            self.set_path(Path(name))

    def prepare(self, dest_dir: Path) -> Path | None:
        """The file to upload: the original when it already has the exact size, else a copy
        converted into ``dest_dir`` (``usecases.generate.prepare_reference_image``). Call
        off the GUI thread for big images if you can; raises ``core.errors`` on failure."""
        from sora_desktop.usecases.generate import prepare_reference_image

        fit = self.mode() if self.needs_conversion() else None
        prepared = prepare_reference_image(self._path, self._size, fit, dest_dir)
        return prepared.path if prepared is not None else None

    # --- internals ---------------------------------------------------------------------
    def _check_and_load(self, path: Path) -> bool:
        from sora_desktop.core.errors import SoraError
        from sora_desktop.core.images import check_reference_image

        try:
            check = check_reference_image(path, self._size)
        except SoraError as err:
            self._reject(f"{err.message} {err.next_step}".strip())
            return False
        from PySide6.QtGui import QImageReader

        reader = QImageReader(str(path))
        reader.setAutoTransform(True)
        image = reader.read()
        if image.isNull():
            self._reject(self.tr("This image can't be read: {0}").format(reader.errorString()))
            return False
        self._path = path
        self._image = image
        self._image_size = (check.width, check.height)
        self._matches = check.matches_size
        self._error = None
        return True

    def _reject(self, reason: str) -> None:
        self._path = None
        self._image = None
        self._image_size = None
        self._matches = True
        self._error = reason

    def _on_mode_changed(self) -> None:
        self._refresh()
        self.changed.emit()

    def _refresh(self) -> None:
        has = self._path is not None
        # the whole path a hover away: the note shortens a long file name
        self.info_label.setToolTip(str(self._path) if self._path is not None else "")
        self.remove_button.setEnabled(has or self._error is not None)
        self.mode_combo.setEnabled(has and self.needs_conversion())
        if has and self._image is not None:
            from PySide6.QtGui import QPixmap

            self.preview.setPixmap(
                QPixmap.fromImage(render_fitted(self._image, self._size, self.mode()))
            )
        else:
            self.preview.setText(self.tr("No image\n(drop one here)"))
        if self._error:
            self.info_label.setText(self._error)
            set_error_style(self.info_label, True)
            return
        set_error_style(self.info_label, False)
        if not has or self._image_size is None:
            self.info_label.setText(
                self.tr("Optional: the first frame follows this image (PNG, JPEG or WebP).")
            )
        elif self.needs_conversion():
            w, h = self._image_size
            how = self.tr("fitted with bars") if self.mode() == "fit" else self.tr("cropped")
            self.info_label.setText(
                self.tr("{0}: {1}×{2}, will be {3} to {4}.").format(
                    shown_name(self._path), w, h, how, self._size
                )
            )
        else:
            self.info_label.setText(
                self.tr("{0}: exactly {1}, sent as is.").format(shown_name(self._path), self._size)
            )
