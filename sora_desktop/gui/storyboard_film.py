"""Make film… and Export timeline… for the storyboard panel.

"Make film" asks for a crossfade, then stitches the chosen takes off the GUI thread with a
progress dialog whose Cancel stops it (nothing is left on disk then); the film is filed in
the library. "Export timeline" asks for a format and a folder and writes the timeline with
the clips beside it; a timeline already there is replaced only after a Yes.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QStandardPaths, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressDialog,
    QPushButton,
    QWidget,
)

from sora_desktop.core.errors import CancelledByUser

if TYPE_CHECKING:
    from sora_desktop.core.storyboard import Storyboard
    from sora_desktop.core.timeline import TimelineExport
    from sora_desktop.gui.storyboard_panel import StoryboardPanel
    from sora_desktop.usecases.stitch import Film


def _t(text: str) -> str:
    return QCoreApplication.translate("StoryboardPanel", text)


#: the timeline formats offered, in order: (format name for the use case, label)
TIMELINE_FORMATS = ("otio", "fcpxml", "edl")


class FilmDialog(QDialog):
    """The film's options: a crossfade between shots (0: cut)."""

    def __init__(self, board: Storyboard, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Make film"))
        self.setObjectName("film_dialog")
        form = QFormLayout(self)
        intro = QLabel(
            self.tr(
                "The chosen take of each of the %n shot(s) becomes one MP4 in the library.",
                "",
                len(board.shots),
            ),
            self,
        )
        intro.setWordWrap(True)
        form.addRow(intro)
        self.crossfade = QDoubleSpinBox(self)
        self.crossfade.setObjectName("crossfade_spin")
        self.crossfade.setRange(0.0, 2.0)
        self.crossfade.setSingleStep(0.25)
        self.crossfade.setDecimals(2)
        self.crossfade.setSuffix(self.tr(" s"))
        self.crossfade.setSpecialValueText(self.tr("None (cut)"))
        self.crossfade.setToolTip(
            self.tr(
                "Blend each shot into the next. A crossfade re-encodes the film; "
                "without one the clips are joined as they are, which is fast and lossless."
            )
        )
        form.addRow(self.tr("Crossfade"), self.crossfade)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        if ok is not None:
            ok.setText(self.tr("Make film"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)


def ask_crossfade(panel: StoryboardPanel, board: Storyboard) -> float | None:
    """The crossfade in seconds, or None when the creator cancelled (a test replaces this)."""
    dialog = FilmDialog(board, panel)
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return float(dialog.crossfade.value())
    finally:
        dialog.deleteLater()


def make_film(panel: StoryboardPanel, board: Storyboard) -> threading.Event | None:
    """Ask, then stitch with progress and Cancel. Returns the cancel flag (None: not
    started)."""
    crossfade = panel.ask_crossfade(board)
    if crossfade is None:
        return None
    cancel = threading.Event()
    progress = QProgressDialog(_t("Making the film…"), _t("Cancel"), 0, 1000, panel.window())
    progress.setObjectName("film_progress")
    progress.setWindowTitle(_t("Make film"))
    progress.setWindowModality(Qt.WindowModality.WindowModal)
    progress.setMinimumDuration(0)
    progress.setAutoClose(False)
    progress.setAutoReset(False)
    progress.setValue(0)
    panel.film_progress = progress

    def on_cancel() -> None:
        cancel.set()
        progress.setLabelText(_t("Stopping…"))

    progress.canceled.connect(on_cancel)

    def finished() -> None:
        panel.film_progress = None
        progress.canceled.disconnect(on_cancel)
        progress.close()
        progress.deleteLater()

    def done(film: Film) -> None:
        finished()
        how = _t("joined as they are") if film.copied else _t("re-encoded")
        panel.status.emit(_t("Film ready ({0}): {1}").format(how, film.path))
        if film.job is not None:
            panel.film_made.emit(film.job.id)

    def failed(error: BaseException) -> None:
        finished()
        if isinstance(error, CancelledByUser):
            panel.status.emit(_t("Film cancelled; nothing was written."))
            return
        panel.ops.show_error(error)

    def report(done_tenths: int, total_tenths: int) -> None:
        if total_tenths > 0 and not cancel.is_set():
            progress.setValue(min(1000, done_tenths * 1000 // total_tenths))

    panel.ops.make_film(
        parent=panel, storyboard_id=board.id, crossfade=crossfade, cancel=cancel
    ).with_progress(report).success(done).failure(failed).run_in_background()
    return cancel


class TimelineDialog(QDialog):
    """Export timeline: the format and the folder."""

    def __init__(self, folder: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export timeline"))
        self.setObjectName("timeline_dialog")
        form = QFormLayout(self)
        intro = QLabel(
            self.tr(
                "The chosen takes are copied into a clips folder beside the timeline, so the "
                "folder can be moved or handed over whole."
            ),
            self,
        )
        intro.setWordWrap(True)
        form.addRow(intro)
        self.format_combo = QComboBox(self)
        self.format_combo.setObjectName("timeline_format")
        labels = (
            self.tr("OpenTimelineIO (.otio)"),
            self.tr("Final Cut Pro X XML (.fcpxml)"),
            self.tr("CMX 3600 EDL (.edl)"),
        )
        for fmt, label in zip(TIMELINE_FORMATS, labels, strict=True):
            self.format_combo.addItem(label, fmt)
        form.addRow(self.tr("Format"), self.format_combo)
        self.folder_edit = QLineEdit(str(folder), self)
        self.folder_edit.setObjectName("timeline_folder")
        browse = QPushButton(self.tr("Choose…"), self)
        browse.clicked.connect(self._browse)
        row_widget = QWidget(self)
        row = QHBoxLayout(row_widget)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.folder_edit, 1)
        row.addWidget(browse)
        form.addRow(self.tr("Folder"), row_widget)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        if ok is not None:
            ok.setText(self.tr("Export"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.folder_edit.textChanged.connect(self._update)
        form.addRow(self.buttons)
        self.resize(520, self.sizeHint().height())

    def _browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Timeline folder"), self.folder_edit.text()
        )
        if folder:
            self.folder_edit.setText(folder)

    def _update(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        if ok is not None:
            ok.setEnabled(bool(self.folder_edit.text().strip()))

    def choice(self) -> tuple[str, Path]:
        return str(self.format_combo.currentData()), Path(self.folder_edit.text().strip())


def default_timeline_folder(board: Storyboard) -> Path:
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.MoviesLocation)
    from sora_desktop.core.filenames import sanitize_filename

    return Path(base or Path.home()) / sanitize_filename(board.name or "storyboard", max_len=80)


def ask_timeline(panel: StoryboardPanel, board: Storyboard) -> tuple[str, Path] | None:
    """(format, folder), or None when the creator cancelled (a test replaces this)."""
    dialog = TimelineDialog(default_timeline_folder(board), panel)
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.choice()
    finally:
        dialog.deleteLater()


def export_timeline(panel: StoryboardPanel, board: Storyboard) -> None:
    chosen = panel.ask_timeline(board)
    if chosen is None:
        return
    fmt, folder = chosen

    def done(export: TimelineExport) -> None:
        panel.status.emit(_t("Timeline exported: {0}").format(export.path))
        panel.timeline_exported.emit(str(export.path))

    def checked(replaced: tuple[Path, ...]) -> None:
        from sora_desktop.gui.questions import ask_replace_timeline

        if replaced and not ask_replace_timeline(panel, folder, replaced[0]):
            return
        panel.ops.export_timeline(
            parent=panel, storyboard_id=board.id, fmt=fmt, folder=folder, overwrite=bool(replaced)
        ).success(done).run_in_background()

    # a timeline already in the folder may have been edited since: asked before it goes
    panel.ops.timeline_replaces(
        parent=panel, storyboard_id=board.id, fmt=fmt, folder=folder
    ).success(checked).run_in_background()
