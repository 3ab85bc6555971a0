"""The "Exported" message in the status bar, with a way to the files.

``ExportNotice(parent)`` is a small status-bar widget: "Exported 2 files to /home/me/Videos."
and one button: **Show in folder** for one file (Explorer ``/select,``, Finder ``open -R``,
elsewhere the folder opens: see ``file_actions.reveal_in_file_manager``) or **Open folder**
for several. It hides itself after :data:`SHOW_FOR_MS` or when dismissed.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QToolButton, QWidget

SHOW_FOR_MS = 30_000


class ExportNotice(QWidget):
    """Signals: ``open_failed(str)`` with the folder when the file manager couldn't open."""

    open_failed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("export_notice")
        self._paths: list[Path] = []
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.label = QLabel(self)
        layout.addWidget(self.label)
        self.open_button = QPushButton(self)
        self.open_button.clicked.connect(self.open)
        layout.addWidget(self.open_button)
        self.close_button = QToolButton(self)
        self.close_button.setText("✕")
        self.close_button.setAutoRaise(True)
        self.close_button.setToolTip(self.tr("Dismiss"))
        self.close_button.clicked.connect(self.hide)
        layout.addWidget(self.close_button)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SHOW_FOR_MS)
        self._timer.timeout.connect(self.hide)
        self.hide()

    def show_exported(self, paths: list[str] | list[Path]) -> None:
        self._paths = [Path(p) for p in paths]
        if not self._paths:
            self.hide()
            return
        folder = self._paths[0].parent
        self.label.setText(
            self.tr("Exported %n file(s) to {folder}.", "", len(self._paths)).format(folder=folder)
        )
        single = len(self._paths) == 1
        self.open_button.setText(self.tr("Show in folder") if single else self.tr("Open folder"))
        self.open_button.setToolTip(str(self._paths[0]) if single else str(folder))
        self.show()
        self._timer.start()

    def open(self) -> None:
        if not self._paths:
            return
        from sora_desktop.gui import file_actions  # QProcess, QUrl: made when first needed

        if len(self._paths) == 1:
            opened = file_actions.reveal_in_file_manager(self._paths[0])
        else:
            opened = file_actions.open_folder(self._paths[0].parent)
        if not opened:
            self.open_failed.emit(str(self._paths[0].parent))
