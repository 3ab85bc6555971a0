"""The window's questions before something that can't be undone: asked as questions,
answered with buttons that say what they do."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

CLOSE_KEEP, CLOSE_CANCEL, CLOSE_STAY = "keep", "cancel", "stay"


def _t(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)


def short_prompt(prompt: str, limit: int = 60) -> str:
    """A prompt on one line, cut with an ellipsis past ``limit`` characters."""
    flat = " ".join(prompt.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def ask_cancel_job(parent: QWidget | None, prompt: str | None) -> bool:
    """ "Cancel the job “…”?" — True for "Cancel job", False for "Keep waiting"."""
    from PySide6.QtWidgets import QMessageBox  # imported where a box opens, not at start-up

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


def ask_close_running(parent: QWidget | None, still_made: str) -> str:
    """Ask what to do with running jobs: CLOSE_KEEP, CLOSE_CANCEL or CLOSE_STAY.
    ``still_made``: how many are still being made, said (the caller's plural ``tr``)."""
    from PySide6.QtWidgets import QMessageBox  # imported where a box opens, not at start-up

    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(_t("Jobs are still running"))
    box.setText(still_made)
    box.setInformativeText(
        _t(
            "Keep them and they continue the next time you open Sora Desktop, or cancel "
            "them now (a render the service already started may still be billed)."
        )
    )
    keep = box.addButton(_t("Keep for next start"), QMessageBox.ButtonRole.AcceptRole)
    cancel = box.addButton(_t("Cancel them"), QMessageBox.ButtonRole.DestructiveRole)
    box.addButton(_t("Don't close"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(keep)
    box.exec()
    clicked = box.clickedButton()
    if clicked is keep:
        return CLOSE_KEEP
    if clicked is cancel:
        return CLOSE_CANCEL
    return CLOSE_STAY


def ask_replace_timeline(parent: QWidget | None, folder: Path, first: Path) -> bool:
    """ "Replace the timeline in “folder”?" — True for Yes (``first``: a file it replaces)."""
    from PySide6.QtWidgets import QMessageBox  # imported where a box opens, not at start-up

    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(_t("Replace the timeline?"))
    box.setText(_t("Replace the timeline in “{0}”?").format(folder))
    box.setInformativeText(
        _t(
            "{0} is already there and may have been edited since. Its timeline and clips "
            "are replaced."
        ).format(first.name)
    )
    box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    box.setDefaultButton(QMessageBox.StandardButton.No)
    box.setEscapeButton(QMessageBox.StandardButton.No)
    box.exec()
    return box.clickedButton() is box.button(QMessageBox.StandardButton.Yes)
