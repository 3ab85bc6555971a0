"""Deleting from the library: the questions asked first, and removing files and rows.

Texts keep the ``LibraryPanel`` translation context (the panel asks them).

    local_delete_question(count) -> str
    remote_delete_question(jobs) -> str   # names the clip; can't be undone; local file stays
    cached_frames(thumbnails, jobs) -> {job id: path}  # handed to ops.delete_locally
    forget_thumbnails(thumbnails, jobs, deleted_ids)   # after it
    confirm_dialog(parent, title, text) -> bool   # the accept button says what it does
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from sora_desktop.core.models import Job
from sora_desktop.gui.library_model import LibraryModel
from sora_desktop.gui.thumbnails import ThumbnailCache

translate = QCoreApplication.translate
_PROMPT_CHARS = 80


def local_delete_question(count: int) -> str:
    return translate(
        "LibraryPanel",
        "Delete %n selected video(s) from this computer? The files are removed from "
        "the library folder. Copies you exported stay where they are.",
        "",
        count,
    )


def remote_delete_question(jobs: Sequence[Job]) -> str:
    if len(jobs) == 1:
        flat = " ".join(jobs[0].request.prompt.split())
        quoted = flat if len(flat) <= _PROMPT_CHARS else flat[: _PROMPT_CHARS - 1] + "…"
        return translate(
            "LibraryPanel",
            "Delete “{prompt}” from the service? This can't be undone: you won't be able to "
            "remix it any more. The video on this computer stays in your library.",
        ).format(prompt=quoted)
    count = len(jobs)  # a plain name as the count: lupdate misses a call there
    return translate(
        "LibraryPanel",
        "Delete %n selected video(s) from the service? This can't be undone: you won't be "
        "able to remix them any more. The videos on this computer stay in your library.",
        "",
        count,
    )


def cached_frames(thumbnails: ThumbnailCache, jobs: Sequence[Job]) -> dict[str, Path]:
    """Job id -> its first frame cached on disk (the delete operation removes them)."""
    found = {job.id: thumbnails.cached_frame_path(LibraryModel.thumb_key(job)) for job in jobs}
    return {job_id: path for job_id, path in found.items() if path is not None}


def forget_thumbnails(thumbnails: ThumbnailCache, jobs: Sequence[Job], deleted: list[str]) -> None:
    """Drop the in-memory thumbnails of the ``deleted`` ones among ``jobs`` (their cached
    files went with the delete operation, off the GUI thread)."""
    by_id = {job.id: job for job in jobs}
    for job_id in deleted:
        thumbnails.forget(LibraryModel.thumb_key(by_id[job_id]))


def confirm_dialog(parent: QWidget | None, title: str, text: str) -> bool:
    """A question whose accept button says what it does (the title, e.g. "Delete videos")."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=parent)
    act = box.addButton(title, QMessageBox.ButtonRole.DestructiveRole)
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(cancel)
    box.exec()
    return box.clickedButton() is act
