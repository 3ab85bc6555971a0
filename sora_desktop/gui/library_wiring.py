"""The library panel wired to the window: what its requests do (play, reuse, remix with
the cost shown, retry, delete remotely, export) and what the window forgets once clips are
deleted. The composition root builds the panel; ``MainWindow.set_library`` calls this."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from sora_desktop.core.models import Job
from sora_desktop.gui.cost import job_cost_text

if TYPE_CHECKING:
    from sora_desktop.gui.main_window import MainWindow


def connect_library(window: MainWindow, widget: QWidget) -> None:
    """Connect the panel's signals that it has (a test may put in a plain widget)."""
    if hasattr(widget, "ask_remix_prompt"):  # a remix is a new paid job: show its cost
        from sora_desktop.gui.remix_dialog import ask_remix_prompt

        def ask(job: Job) -> str | None:
            estimate = job_cost_text(job, window.settings_panel.profiles())
            return ask_remix_prompt(job, widget, estimate=estimate)

        widget.ask_remix_prompt = ask
    for name, slot in (
        ("play_requested", window.play_job),
        ("reuse_requested", window.reuse_job),
        ("remix_requested", window.controller.remix),
        ("retry_requested", window.retry_job),
    ):
        signal = getattr(widget, name, None)
        if signal is not None:
            signal.connect(slot)
    delete_remote = getattr(widget, "delete_remote_requested", None)
    if delete_remote is not None:
        delete_remote.connect(window._delete_remote)
    export = getattr(widget, "export_requested", None)
    if export is not None:
        export.connect(window.export_requested)
    deleted = getattr(widget, "locally_deleted", None)
    if deleted is not None:
        deleted.connect(window._forget_jobs)
