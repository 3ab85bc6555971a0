"""The About dialog: what this is, what is live, and every version and folder for bug reports.

Public API::

    AboutDialog(paths: AppPaths | None = None, parent: QWidget | None = None)
    about_details(paths: AppPaths) -> list[tuple[str, str]]   # (label, value), translated
    details_text(paths: AppPaths) -> str                      # the same as plain text

``paths`` defaults to ``AppPaths.default()`` (honours ``SORA_DESKTOP_DATA_DIR``).
"""

from __future__ import annotations

import platform
import sys

import PySide6
from PySide6.QtCore import QCoreApplication, Qt, qVersion
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sora_desktop import APP_NAME, __version__
from sora_desktop.core.paths import AppPaths

translate = QCoreApplication.translate


def _pyav() -> str:
    import av

    ffmpeg = getattr(av, "ffmpeg_version_info", "") or "?"
    return translate("AboutDialog", "PyAV {pyav}, FFmpeg {ffmpeg}").format(
        pyav=av.__version__, ffmpeg=ffmpeg
    )


def _keyring() -> str:
    try:
        from sora_desktop.usecases.connections import keyring_backend

        backend = keyring_backend()
        if backend is None:
            return translate(
                "AboutDialog", "none available: keys must come from environment variables"
            )
        return backend
    except Exception as exc:  # the About box must open whatever the keyring does
        return translate("AboutDialog", "unavailable ({reason})").format(reason=type(exc).__name__)


def about_details(paths: AppPaths) -> list[tuple[str, str]]:
    return [
        (APP_NAME, __version__),
        (
            translate("AboutDialog", "Python"),
            f"{platform.python_implementation()} {platform.python_version()}",
        ),
        (
            translate("AboutDialog", "Qt / PySide6"),
            f"Qt {qVersion()}, PySide6 {PySide6.__version__}",
        ),
        (translate("AboutDialog", "Video decoding"), _pyav()),
        (translate("AboutDialog", "Keyring"), _keyring()),
        (
            translate("AboutDialog", "System"),
            f"{platform.system()} {platform.release()} ({sys.platform})",
        ),
        (translate("AboutDialog", "Settings folder"), str(paths.config_dir)),
        (translate("AboutDialog", "Library folder"), str(paths.data_dir)),
        (translate("AboutDialog", "Cache folder"), str(paths.cache_dir)),
        (translate("AboutDialog", "Log file"), str(paths.log_path)),
    ]


def details_text(paths: AppPaths) -> str:
    return "\n".join(f"{label}: {value}" for label, value in about_details(paths))


class AboutDialog(QDialog):
    def __init__(self, paths: AppPaths | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._paths = paths if paths is not None else AppPaths.default()
        self.setWindowTitle(self.tr("About {app}").format(app=APP_NAME))
        layout = QVBoxLayout(self)
        title = QLabel(f"<h2>{APP_NAME} {__version__}</h2>")
        layout.addWidget(title)
        blurb = QLabel(
            self.tr(
                "Write a prompt, generate short videos, watch them, keep every generation in "
                "a library and export clips to your folders."
            )
        )
        blurb.setWordWrap(True)
        layout.addWidget(blurb)
        status = QLabel(
            self.tr(
                "OpenAI shut its Sora video API down on 2026-09-24 and Azure closed new Sora 2 "
                "deployments. The app speaks the same Videos API to gateways that still serve "
                "it, and ships a simulator that makes real clips on this computer."
            )
        )
        status.setWordWrap(True)
        layout.addWidget(status)
        form = QFormLayout()
        self.value_labels: dict[str, QLabel] = {}
        for label, value in about_details(self._paths):
            field = QLabel(value)
            field.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            form.addRow(label, field)
            self.value_labels[label] = field
        layout.addLayout(form)
        layout.addStretch(1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = QPushButton(self.tr("Copy details"))
        self.copy_button.setToolTip(self.tr("Copy versions and folders, e.g. for a bug report"))
        self.copy_button.clicked.connect(self.copy_details)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(560)
        layout.setSpacing(10)
        self.adjustSize()

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(details_text(self._paths))
