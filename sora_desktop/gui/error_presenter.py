"""ONE place that shows errors: SoraError as message + next step, anything else as a crash.

``ErrorPresenter.show(error)`` is what every part of the window calls. Unexpected exceptions
(also those reaching ``sys.excepthook``) open a crash dialog naming the log file; they are
logged (with secrets redacted by the log setup) before anything is shown.
"""

from __future__ import annotations

import logging
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from sora_desktop.core.errors import SoraError
from sora_desktop.gui.banner import Banner

log = logging.getLogger("sora_desktop.gui")

ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], object]


class ErrorPresenter(QObject):
    """Signals: ``shown(str)`` with the text shown (tests and the status bar use it)."""

    shown = Signal(str)

    def __init__(
        self,
        parent_widget: QWidget | None,
        log_path: Path | None = None,
        banner: Banner | None = None,
    ) -> None:
        super().__init__(parent_widget)
        self._parent_widget = parent_widget
        self.banner = banner
        self.log_path = log_path
        self._previous_hook: ExceptHook | None = None
        self._in_crash = False
        #: the job the banner's message is about (None: not about one job)
        self.banner_job: str | None = None

    def forget_jobs(self, job_ids: list[str]) -> None:
        """These jobs were deleted: a banner about one of them is no longer true."""
        if self.banner is not None and self.banner_job is not None and self.banner_job in job_ids:
            self.banner.hide()
            self.banner_job = None

    @staticmethod
    def describe(error: BaseException) -> tuple[str, str]:
        """(what happened, what to do) in plain words."""
        if isinstance(error, SoraError):
            return error.message, error.next_step
        return str(error) or type(error).__name__, ""

    def show(
        self,
        error: BaseException,
        *,
        title: str | None = None,
        modal: bool = False,
        job_id: str | None = None,
    ) -> None:
        """A :class:`SoraError` goes to the inline banner (or a message box when ``modal``
        or there is no banner); anything else is a crash. ``job_id``: the banner is about
        that job, and :meth:`forget_jobs` takes it down when the job is deleted."""
        if not isinstance(error, SoraError):
            self.show_crash(type(error), error, error.__traceback__)
            return
        message, next_step = self.describe(error)
        self.banner_job = job_id if self.banner is not None and not modal else self.banner_job
        if self.banner is not None and not modal:
            import html  # here, not at start-up: it loads a 2,000-entry table

            text = f"<b>{html.escape(message)}</b>"
            if next_step:
                text += "<br>" + html.escape(next_step)
            self.banner.set_message(text)
            self.banner.show()
            self.shown.emit(f"{message} {next_step}".strip())
            return
        from PySide6.QtWidgets import QMessageBox  # imported where a box opens, not at start-up

        box = QMessageBox(self._parent_widget)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(title or self.tr("Sora Desktop"))
        box.setText(message)
        if next_step:
            box.setInformativeText(next_step)
        box.setStandardButtons(QMessageBox.StandardButton.Ok)
        self.shown.emit(f"{message} {next_step}".strip())
        box.exec()

    def show_crash(
        self,
        exc_type: type[BaseException],
        exc: BaseException,
        tb: TracebackType | None,
    ) -> None:
        # The redaction patterns load with the log setup, after the first paint.
        from PySide6.QtWidgets import QMessageBox

        from sora_desktop.core.logsetup import redact

        log.error("unexpected error", exc_info=(exc_type, exc, tb))
        if self._in_crash:  # an error while showing the dialog: don't recurse
            return
        self._in_crash = True
        try:
            where = str(self.log_path) if self.log_path else self.tr("(no log file)")
            box = QMessageBox(self._parent_widget)
            box.setIcon(QMessageBox.Icon.Critical)
            box.setWindowTitle(self.tr("Something went wrong"))
            box.setText(
                self.tr(
                    "Sora Desktop hit an unexpected problem. Your library and running jobs "
                    "are safe; jobs resume on the next start."
                )
            )
            box.setInformativeText(
                self.tr("Details were written to the log file:\n{0}").format(where)
            )
            # what people paste into bug reports: never a key, even one inside a message
            box.setDetailedText(redact("".join(traceback.format_exception(exc_type, exc, tb))))
            box.setStandardButtons(QMessageBox.StandardButton.Ok)
            self.shown.emit(redact(f"{exc_type.__name__}: {exc}"))
            box.exec()
        finally:
            self._in_crash = False

    # --- sys.excepthook ----------------------------------------------------------------
    def install_excepthook(self) -> None:
        self._previous_hook = sys.excepthook
        sys.excepthook = self._hook

    def uninstall_excepthook(self) -> None:
        if self._previous_hook is not None and sys.excepthook == self._hook:
            sys.excepthook = self._previous_hook
        self._previous_hook = None

    def _hook(
        self, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
    ) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            if self._previous_hook is not None:
                self._previous_hook(exc_type, exc, tb)
            return
        self.show_crash(exc_type, exc, tb)
