"""Restarting the app, for what only a fresh start shows (a new UI language).

Public API::

    restart_command(argv, frozen=None) -> (program, arguments)   # this app, same arguments
    relaunch(argv) -> bool                    # start it detached; call after cleaning up
    ask_restart_for_language(parent, code) -> bool     # "Restart now" / "Later"

The window only records that a restart was asked for (``MainWindow.restart_requested``)
and closes the normal way, asking about running jobs; ``app.run`` relaunches after
everything was shut down, so the new process finds the library closed.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QProcess
from PySide6.QtWidgets import QMessageBox, QWidget

from sora_desktop.gui.i18n import available_languages


def _t(text: str) -> str:
    return QCoreApplication.translate("Restart", text)


def restart_command(argv: Sequence[str], frozen: bool | None = None) -> tuple[str, list[str]]:
    """The program and arguments that start this app again with ``argv``."""
    if frozen is None:
        frozen = bool(getattr(sys, "frozen", False))
    if frozen:  # the bundle's executable is the app itself
        return sys.executable, list(argv)
    return sys.executable, ["-m", "sora_desktop", *argv]


def relaunch(argv: Sequence[str]) -> bool:
    program, arguments = restart_command(argv)
    started, _pid = QProcess.startDetached(program, arguments)
    return bool(started)


def language_name(code: str) -> str:
    names = dict(available_languages())
    return names.get(code) or _t("the system language")


def ask_restart_for_language(parent: QWidget | None, code: str) -> bool:
    """Ask whether to restart now to show ``code``; True for "Restart now"."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(_t("Restart Sora Desktop?"))
    box.setText(_t("Restart now to show Sora Desktop in {0}?").format(language_name(code)))
    box.setInformativeText(
        _t(
            "The windows that are open keep their language until then. Videos being made "
            "are kept and continue after the restart. Choose Later and the new language "
            "shows the next time you start Sora Desktop."
        )
    )
    restart = box.addButton(_t("Restart now"), QMessageBox.ButtonRole.AcceptRole)
    later = box.addButton(_t("Later"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(restart)
    box.setEscapeButton(later)
    box.exec()
    return box.clickedButton() is restart
