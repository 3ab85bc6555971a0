"""Stitch…: the selected clips, in an order the creator can change, joined into one film.

Public API::

    dialog = StitchDialog(jobs, operations, parent=None)   # jobs: finished library clips
    dialog.stitched(Job)       # the film, filed in the library and linked to its clips
    dialog.order() -> list[Job]; dialog.crossfade() -> float; dialog.copy_only() -> bool
    dialog.start()             # what the Stitch button does

Before anything is written the dialog says whether the film will be a stream copy (no
quality lost, fast) or a re-encode, and why (``usecases.stitch.stitch_plan``, run off the
GUI thread whenever the order or the crossfade changes). "Copy only" refuses a film that
would need a re-encode. While it stitches a progress bar runs and Cancel stops it; a
refused, failed or cancelled stitch leaves no file and no library item.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from sora_desktop.core.errors import CancelledByUser, SoraError
from sora_desktop.core.models import Job
from sora_desktop.gui.library_rows import length_text

if TYPE_CHECKING:
    from sora_desktop.gui.operations import Operations
    from sora_desktop.usecases.stitch import Film, StitchPreview

MAX_CROSSFADE = 2.0


def _label(job: Job) -> str:
    """The prompt, then length and size as the library writes them ("4 秒" in Chinese, an
    extension's "+4 s", 720×1280)."""
    flat = " ".join(job.request.prompt.split())
    flat = flat if len(flat) <= 70 else flat[:69] + "…"
    return f"{flat}  ({length_text(job)}, {job.request.size.replace('x', '×')})"


class StitchDialog(QDialog):
    stitched = Signal(object)  # Job: the film in the library

    def __init__(
        self, jobs: Sequence[Job], operations: Operations, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._ops = operations
        self._cancel: threading.Event | None = None
        self._plan_token = 0
        self._preview: StitchPreview | None = None
        self.setWindowTitle(self.tr("Stitch into one film"))
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr("The clips play in this order. Move a clip up or down to change it.")
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        row = QHBoxLayout()
        self.list = QListWidget()
        self.list.setObjectName("stitch_order")
        self.list.setMinimumSize(460, 160)
        for job in jobs:
            item = QListWidgetItem(_label(job))
            item.setData(Qt.ItemDataRole.UserRole, job)
            item.setToolTip(job.request.prompt)
            self.list.addItem(item)
        self.list.setCurrentRow(0)
        row.addWidget(self.list, 1)
        moves = QVBoxLayout()
        style = self.style()
        self.up_button = QPushButton(style.standardIcon(QStyle.StandardPixmap.SP_ArrowUp), "")
        self.up_button.setToolTip(self.tr("Move the clip earlier in the film"))
        self.up_button.setAccessibleName(self.tr("Move up"))
        self.up_button.clicked.connect(lambda: self.move_current(-1))
        self.down_button = QPushButton(style.standardIcon(QStyle.StandardPixmap.SP_ArrowDown), "")
        self.down_button.setToolTip(self.tr("Move the clip later in the film"))
        self.down_button.setAccessibleName(self.tr("Move down"))
        self.down_button.clicked.connect(lambda: self.move_current(1))
        moves.addWidget(self.up_button)
        moves.addWidget(self.down_button)
        moves.addStretch(1)
        row.addLayout(moves)
        layout.addLayout(row)

        form = QFormLayout()
        self.crossfade_spin = QDoubleSpinBox()
        self.crossfade_spin.setObjectName("stitch_crossfade")
        self.crossfade_spin.setRange(0.0, MAX_CROSSFADE)
        self.crossfade_spin.setSingleStep(0.25)
        self.crossfade_spin.setDecimals(2)
        self.crossfade_spin.setSuffix(self.tr(" s"))
        self.crossfade_spin.setSpecialValueText(self.tr("None (cut)"))
        self.crossfade_spin.setToolTip(
            self.tr("Blend the end of each clip into the start of the next (re-encodes the film)")
        )
        form.addRow(self.tr("Crossfade:"), self.crossfade_spin)
        self.copy_only_box = QCheckBox(self.tr("Copy only (never re-encode)"))
        self.copy_only_box.setObjectName("stitch_copy_only")
        self.copy_only_box.setToolTip(
            self.tr("Refuse clips that can't be joined without re-encoding, instead of re-encoding")
        )
        form.addRow("", self.copy_only_box)
        layout.addLayout(form)
        self.plan_label = QLabel(self.tr("Checking the clips…"))
        self.plan_label.setObjectName("stitch_plan")
        self.plan_label.setWordWrap(True)
        self.plan_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.plan_label)
        self.progress = QProgressBar()
        self.progress.setObjectName("stitch_progress")
        self.progress.setRange(0, 1000)
        self.progress.hide()
        layout.addWidget(self.progress)

        self.buttons = QDialogButtonBox()
        self.stitch_button = self.buttons.addButton(
            self.tr("Stitch"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.stitch_button.setToolTip(self.tr("Make the film and add it to the library"))
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.stitch_button.clicked.connect(self.start)
        self.cancel_button.clicked.connect(self.cancel)
        layout.addWidget(self.buttons)

        self.list.currentRowChanged.connect(self._update_moves)
        self.crossfade_spin.valueChanged.connect(self._replan)
        self.copy_only_box.toggled.connect(self._show_plan)
        self._update_moves()
        self._replan()

    # --- what the creator chose ------------------------------------------------------
    def order(self) -> list[Job]:
        return [self.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.list.count())]

    def crossfade(self) -> float:
        return float(self.crossfade_spin.value())

    def copy_only(self) -> bool:
        return self.copy_only_box.isChecked()

    def running(self) -> bool:
        return self._cancel is not None

    def move_current(self, step: int) -> None:
        row = self.list.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.list.count() or self.running():
            return
        item = self.list.takeItem(row)
        self.list.insertItem(target, item)
        self.list.setCurrentRow(target)
        self._replan()

    def _update_moves(self) -> None:
        row = self.list.currentRow()
        idle = not self.running()
        self.up_button.setEnabled(idle and row > 0)
        self.down_button.setEnabled(idle and 0 <= row < self.list.count() - 1)

    # --- the plan (copy or re-encode, and why) ---------------------------------------
    def _replan(self) -> None:
        self._plan_token += 1
        token = self._plan_token
        self._preview = None
        self.plan_label.setText(self.tr("Checking the clips…"))
        self.stitch_button.setEnabled(False)
        clips = [job.file_path for job in self.order() if job.file_path is not None]
        self._ops.stitch_plan(parent=self, clips=clips, crossfade=self.crossfade()).success(
            lambda preview: self._planned(token, preview)
        ).failure(lambda error: self._plan_failed(token, error)).run_in_background()

    def _planned(self, token: int, preview: StitchPreview) -> None:
        if token == self._plan_token:
            self._preview = preview
            self._show_plan()

    def _plan_failed(self, token: int, error: BaseException) -> None:
        if token == self._plan_token:
            self._show_error(error)

    def _show_plan(self) -> None:
        preview = self._preview
        if preview is None or self.running():
            return
        length = self.tr("The film lasts about {0} s.").format(f"{preview.duration:.1f}")
        if preview.can_copy and self.crossfade() == 0:
            text = self.tr("The clips share their format: they are joined without re-encoding.")
            ok = True
        elif self.copy_only():
            text = self.tr("Copy only: these clips can't be joined without re-encoding:")
            ok = False
        else:
            text = self.tr("The film is re-encoded to the first clip's format:")
            ok = True
        reasons = "".join(f"\n• {reason}" for reason in preview.reasons)
        self.plan_label.setText(f"{text}{reasons}\n{length}")
        self.stitch_button.setEnabled(ok)

    def _show_error(self, error: BaseException) -> None:
        if isinstance(error, SoraError):
            text = error.message + (f"\n{error.next_step}" if error.next_step else "")
        else:
            text = str(error)
        self.plan_label.setText(text)
        self.stitch_button.setEnabled(False)

    # --- stitching ---------------------------------------------------------------------
    def start(self) -> None:
        if self.running() or not self.stitch_button.isEnabled():
            return
        self._cancel = threading.Event()
        self.stitch_button.setEnabled(False)
        self._set_inputs_enabled(False)
        self.progress.setValue(0)
        self.progress.show()
        self.plan_label.setText(self.tr("Stitching…"))
        self._ops.stitch_film(
            parent=self,
            jobs=self.order(),
            crossfade=self.crossfade(),
            copy_only=self.copy_only(),
            cancel=self._cancel,
        ).with_progress(self._progressed).success(self._done).failure(
            self._failed
        ).run_in_background()

    def cancel(self) -> None:
        """Stop a running stitch (nothing is left behind), else close."""
        if self._cancel is not None:
            self._cancel.set()
            self.plan_label.setText(self.tr("Cancelling…"))
            self.cancel_button.setEnabled(False)
            return
        self.reject()

    def _progressed(self, done: int, total: int) -> None:
        if total > 0:
            self.progress.setValue(min(1000, done * 1000 // total))

    def _finished(self) -> None:
        self._cancel = None
        self.progress.hide()
        self.cancel_button.setEnabled(True)
        self._set_inputs_enabled(True)

    def _done(self, film: Film) -> None:
        self._finished()
        self.plan_label.setText(film.summary())
        if film.job is not None:
            self.stitched.emit(film.job)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self._finished()
        if isinstance(error, CancelledByUser):
            self.plan_label.setText(self.tr("Cancelled: no film was made."))
            self.stitch_button.setEnabled(True)
            return
        self._show_error(error)  # a refusal: change the clips or options to try again

    def _set_inputs_enabled(self, enabled: bool) -> None:
        self.list.setEnabled(enabled)
        self.crossfade_spin.setEnabled(enabled)
        self.copy_only_box.setEnabled(enabled)
        self._update_moves()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.running():  # the window's close button while stitching: cancel first
            self.cancel()
            event.ignore()
            return
        super().closeEvent(event)

    def reject(self) -> None:
        if self.running():  # Esc while stitching cancels the stitch, not the dialog
            self.cancel()
            return
        super().reject()
