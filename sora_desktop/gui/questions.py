"""The window's questions before something that can't be undone: asked as questions,
answered with buttons that say what they do."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget


def _t(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)


def short_prompt(prompt: str, limit: int = 60) -> str:
    """A prompt on one line, cut with an ellipsis past ``limit`` characters."""
    flat = " ".join(prompt.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def ask_cancel_job(parent: QWidget | None, prompt: str | None) -> bool:
    """ "Cancel the job “…”?" — True for "Cancel job", False for "Keep waiting"."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(_t("Cancel this job?"))
    if prompt is not None:
        box.setText(_t("Cancel the job “{0}”?").format(short_prompt(prompt)))
    else:
        box.setText(_t("Cancel this job?"))
    box.setInformativeText(
        _t(
            "This app stops waiting for the video. A render the service has already "
            "started keeps running there and may still be billed."
        )
    )
    stop = box.addButton(_t("Cancel job"), QMessageBox.ButtonRole.DestructiveRole)
    keep = box.addButton(_t("Keep waiting"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(keep)
    box.setEscapeButton(keep)
    box.exec()
    return box.clickedButton() is stop
