"""File ▸ New batch…: pick a file, a template, sweeps, a cap and the concurrency, see every
job with its cost (invalid rows with their reason), then "Start batch (≈ $X)".

Reading and previewing the file run as operations (``usecases.batch`` off the GUI thread);
nothing is sent before the creator presses Start, and Start is pressed once: the button is
disabled from the click on (a paid batch is never started twice by a double click).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from sora_desktop.core.batch.errors import TooManyJobsError
from sora_desktop.core.batch.plan import Defaults
from sora_desktop.core.batch.preview import BatchPreview
from sora_desktop.core.batch.store import BatchInfo
from sora_desktop.core.models import Connection
from sora_desktop.gui.batch_model import BatchPreviewModel, money
from sora_desktop.gui.cost import free_note
from sora_desktop.gui.operations import Operations
from sora_desktop.usecases.batch import BatchOrder

FILE_FILTER = "*.csv *.tsv *.txt *.json *.jsonl"


def _t(text: str) -> str:
    return QCoreApplication.translate("NewBatchDialog", text)


def duration_text(seconds: float) -> str:
    if seconds < 90:
        return _t("{n} s").format(n=max(1, round(seconds)))
    if seconds < 90 * 60:
        return _t("{n} min").format(n=round(seconds / 60))
    return _t("{n} h").format(n=f"{seconds / 3600:.1f}")


class NewBatchDialog(QDialog):
    """``started(BatchInfo)`` once the batch is kept and running."""

    started = Signal(object)

    def __init__(
        self,
        ops: Operations,
        connection: Connection,
        defaults: Defaults,
        connection_name: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("new_batch_dialog")
        self.setWindowTitle(self.tr("New batch"))
        self.resize(1000, 620)
        self._ops = ops
        self._connection = connection
        self._defaults = defaults
        self.preview: BatchPreview | None = None
        self._confirmed_count = 0  # the creator agreed to this many jobs
        self._starting = False  # Start was pressed: never a second batch from this dialog

        self.file_edit = QLineEdit(self)
        self.file_edit.setObjectName("batch_file")
        self.file_edit.setPlaceholderText(
            self.tr("A CSV, TSV, text (one prompt a line) or JSON file")
        )
        browse = QPushButton(self.tr("Choose…"), self)
        browse.clicked.connect(self._browse)
        file_row = QHBoxLayout()
        file_row.addWidget(self.file_edit, 1)
        file_row.addWidget(browse)
        self.template_edit = QLineEdit(self)
        self.template_edit.setObjectName("batch_template")
        self.template_edit.setPlaceholderText(
            self.tr("Optional, e.g. “a {subject} at {place}” (default: the prompt column)")
        )
        self.sweeps_edit = QLineEdit(self)
        self.sweeps_edit.setObjectName("batch_sweeps")
        self.sweeps_edit.setPlaceholderText(self.tr("Optional, e.g. seconds=4,8 seed=1..4"))
        self.cap_spin = QDoubleSpinBox(self)
        self.cap_spin.setObjectName("batch_cap")
        self.cap_spin.setRange(0.0, 100000.0)
        self.cap_spin.setDecimals(2)
        self.cap_spin.setPrefix("$")
        self.cap_spin.setSpecialValueText(self.tr("No cap"))
        self.concurrency_spin = QSpinBox(self)
        self.concurrency_spin.setObjectName("batch_concurrency")
        self.concurrency_spin.setRange(1, 32)
        self.concurrency_spin.setValue(4)
        self.out_edit = QLineEdit(self)
        self.out_edit.setObjectName("batch_out")
        self.out_edit.setPlaceholderText(
            self.tr("Optional: also copy each clip here, named by its row")
        )
        out_browse = QPushButton(self.tr("Choose…"), self)
        out_browse.clicked.connect(self._browse_out)
        out_row = QHBoxLayout()
        out_row.addWidget(self.out_edit, 1)
        out_row.addWidget(out_browse)

        form = QFormLayout()
        form.addRow(self.tr("File:"), file_row)
        form.addRow(self.tr("Template:"), self.template_edit)
        form.addRow(self.tr("Sweeps:"), self.sweeps_edit)
        form.addRow(self.tr("Spending cap:"), self.cap_spin)
        form.addRow(self.tr("Jobs at once:"), self.concurrency_spin)
        form.addRow(self.tr("Copy clips to:"), out_row)
        form.addRow(self.tr("Connection:"), QLabel(connection_name, self))

        self.preview_button = QPushButton(self.tr("Preview"), self)
        self.preview_button.setObjectName("batch_preview_button")
        self.preview_button.clicked.connect(self.run_preview)
        self.model = BatchPreviewModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("batch_preview_table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.summary = QLabel(
            self.tr("Choose a file, then Preview: nothing is sent before you start."), self
        )
        self.summary.setObjectName("batch_summary")
        self.summary.setWordWrap(True)

        self.buttons = QDialogButtonBox(self)
        self.start_button = self.buttons.addButton(
            self.tr("Start batch"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.start_button.setObjectName("batch_start_button")
        self.start_button.setEnabled(False)
        self.start_button.clicked.connect(self.start)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.rejected.connect(self.reject)
        # Return previews (free); it never starts the paid batch, and never opens the file
        # chooser, which the dialog made the default otherwise (36-new-batch.png)
        self.preview_button.setDefault(True)
        self.start_button.setAutoDefault(False)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.preview_button)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.summary)
        layout.addWidget(self.buttons)
        for edit in (self.file_edit, self.template_edit, self.sweeps_edit, self.out_edit):
            edit.textEdited.connect(self._stale)
        self.cap_spin.valueChanged.connect(self._stale)
        self.concurrency_spin.valueChanged.connect(self._stale)

    # -- choosing -----------------------------------------------------------------------

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Batch file"),
            "",
            self.tr("Batch files ({patterns})").format(patterns=FILE_FILTER),
        )
        if path:
            self.file_edit.setText(path)
            self.run_preview()

    def _browse_out(self) -> None:
        path = QFileDialog.getExistingDirectory(self, self.tr("Copy clips to"))
        if path:
            self.out_edit.setText(path)

    def _stale(self) -> None:
        """A changed choice: the preview shown is no longer what Start would send."""
        if self.preview is not None:
            self.preview = None
            self.start_button.setEnabled(False)
            self.start_button.setText(self.tr("Start batch"))
            self.summary.setText(self.tr("Changed: preview again before starting."))

    def order(self) -> BatchOrder:
        cap = self.cap_spin.value()
        out = self.out_edit.text().strip()
        return BatchOrder(
            file=Path(self.file_edit.text().strip()).expanduser(),
            template=self.template_edit.text().strip() or None,
            sweeps=tuple(self.sweeps_edit.text().split()),
            cap=cap if cap > 0 else None,
            concurrency=self.concurrency_spin.value(),
            out_dir=Path(out).expanduser() if out else None,
            defaults=self._defaults,
            confirmed=self._confirmed_count > 0,
        )

    # -- preview ------------------------------------------------------------------------

    def run_preview(self) -> None:
        if not self.file_edit.text().strip():
            self.summary.setText(self.tr("Choose a file first."))
            return
        self._stale()
        self.preview_button.setEnabled(False)
        self.summary.setText(self.tr("Reading the file…"))
        self._ops.batch_preview(
            parent=self, order=self.order(), connection=self._connection
        ).success(self._previewed).failure(self._refused).run_in_background()

    def _refused(self, error: BaseException) -> None:
        self.preview_button.setEnabled(True)
        if isinstance(error, TooManyJobsError) and self._confirmed_count == 0:
            answer = QMessageBox.question(
                self,
                self.tr("A big batch"),
                self.tr("This batch makes {count} jobs. Preview all of them?").format(
                    count=error.count
                ),
            )
            if answer == QMessageBox.StandardButton.Yes:
                self._confirmed_count = error.count
                self.run_preview()
                return
        self.model.set_rows([])
        message = getattr(error, "message", None) or str(error)
        next_step = getattr(error, "next_step", "")
        self.summary.setText(f"{message} {next_step}".strip())

    def _previewed(self, preview: BatchPreview) -> None:
        self.preview_button.setEnabled(True)
        self.preview = preview
        self.model.set_rows(preview.rows)
        self.table.resizeColumnsToContents()
        for column, most in ((2, 320), (8, 360)):
            if self.table.columnWidth(column) > most:
                self.table.setColumnWidth(column, most)
        self.summary.setText(self.summary_text(preview))
        self.start_button.setEnabled(preview.to_send > 0 or preview.held > 0)
        self.start_button.setText(
            self.tr("Start batch (≈ {cost})").format(cost=self.total_cost(preview))
        )

    @staticmethod
    def total_cost(preview: BatchPreview) -> str:
        """ "$1.20", with the main window's "(free on the simulator)" there: its notional
        figure, the one its cap counts."""
        text = money(preview.total_cost)
        if preview.free:
            text += " " + free_note()
        return text

    def summary_text(self, preview: BatchPreview) -> str:
        parts = [
            self.tr(
                "{send} of {total} jobs to send, estimated {cost}, about {time} with {n} at a time."
            ).format(
                send=preview.to_send,
                total=len(preview.rows),
                cost=self.total_cost(preview),
                time=duration_text(preview.estimated_seconds),
                n=preview.concurrency,
            )
        ]
        if preview.invalid:
            parts.append(
                self.tr("{n} invalid (never sent: see why in Status).").format(n=preview.invalid)
            )
        if preview.held:
            parts.append(
                self.tr("{n} held by the {cap} cap (raise it to send them).").format(
                    n=preview.held, cap=money(preview.cap)
                )
            )
        if preview.unpriced:
            parts.append(self.tr("{n} without a known price.").format(n=preview.unpriced))
        if any(r.note for r in preview.rows):
            parts.append(self.tr("Some seeds are not sent: this connection's model takes none."))
        return " ".join(parts)

    # -- start --------------------------------------------------------------------------

    def start(self) -> None:
        preview = self.preview
        if preview is None or self._starting:
            return
        self._starting = True
        self.start_button.setEnabled(False)  # once: a double click starts nothing twice
        self.preview_button.setEnabled(False)
        self.summary.setText(self.tr("Starting…"))
        self._ops.batch_start(parent=self, preview=preview, out_dir=self.order().out_dir).success(
            self._started
        ).failure(self._not_started).run_in_background()

    def _started(self, info: BatchInfo) -> None:
        self.started.emit(info)
        self.accept()

    def _not_started(self, error: BaseException) -> None:
        self._starting = False  # nothing was kept: the creator may try again
        self.preview_button.setEnabled(True)
        self.start_button.setEnabled(self.preview is not None)
        message = getattr(error, "message", None) or str(error)
        self.summary.setText(f"{message} {getattr(error, 'next_step', '')}".strip())
