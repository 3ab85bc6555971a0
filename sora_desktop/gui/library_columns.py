"""The library table's columns: which there are, their widths and the order they hide in
when the panel gets narrow, the store's sort key for each, and what each one shows.
"""

from __future__ import annotations

import datetime as _dt
from enum import IntEnum

from PySide6.QtCore import QCoreApplication

from sora_desktop.core.library_query import RemixInfo
from sora_desktop.core.models import Job, JobStatus
from sora_desktop.gui.library_rows import length_text, row_tooltip
from sora_desktop.usecases.status import status_word

translate = QCoreApplication.translate


class Column(IntEnum):
    PROMPT = 0
    DATE = 1
    MODEL = 2
    SIZE = 3
    DURATION = 4
    STATUS = 5
    FAVOURITE = 6


PROMPT_MIN_WIDTH = 300  # thumbnail + a readable part of the prompt
COLUMN_WIDTHS = {
    Column.DATE: 130,
    Column.MODEL: 100,
    Column.SIZE: 90,
    Column.DURATION: 60,
    Column.STATUS: 110,
    Column.FAVOURITE: 36,
}
# hidden first to last when the panel gets narrow
HIDE_ORDER = (Column.MODEL, Column.SIZE, Column.DATE, Column.DURATION, Column.STATUS)


def columns_to_hide(viewport_width: int) -> set[Column]:
    """The columns to hide so the prompt keeps ``PROMPT_MIN_WIDTH`` in a view this wide."""
    room = viewport_width - PROMPT_MIN_WIDTH
    needed = sum(COLUMN_WIDTHS.values())
    hidden: set[Column] = set()
    for col in HIDE_ORDER:
        if needed <= room:
            break
        hidden.add(col)
        needed -= COLUMN_WIDTHS[col]
    return hidden


# the ORDER BY key (in the store) for each column
SORT_KEYS: dict[Column, str] = {
    Column.PROMPT: "prompt",
    Column.DATE: "created_at",
    Column.MODEL: "model",
    Column.SIZE: "size",
    Column.DURATION: "seconds",
    Column.STATUS: "status",
    Column.FAVOURITE: "favourite",
}


def header_text(col: Column) -> str:
    """A column's title (the favourite column's is its star)."""
    return {
        Column.PROMPT: translate("LibraryModel", "Prompt"),
        Column.DATE: translate("LibraryModel", "Created"),
        Column.MODEL: translate("LibraryModel", "Model"),
        Column.SIZE: translate("LibraryModel", "Size"),
        Column.DURATION: translate("LibraryModel", "Length"),
        Column.STATUS: translate("LibraryModel", "Status"),
        Column.FAVOURITE: "★",
    }[col]


def cell_text(job: Job, col: Column) -> str:
    """What a cell of ``job``'s row shows in column ``col``."""
    req = job.request
    if col == Column.PROMPT:
        return " ".join(req.prompt.split())
    if col == Column.DATE:
        when = _dt.datetime.fromtimestamp(job.created_at or 0)
        return when.strftime("%Y-%m-%d %H:%M")
    if col == Column.MODEL:
        return req.model
    if col == Column.SIZE:
        return req.size.replace("x", "×")
    if col == Column.DURATION:
        return length_text(job)
    if col == Column.STATUS:
        if job.status in (JobStatus.IN_PROGRESS, JobStatus.DOWNLOADING) and job.progress:
            return f"{status_word(job.status)} {job.progress}%"
        return status_word(job.status)
    return "★" if job.favourite else "☆"


def cell_tooltip(job: Job, col: Column, remix: RemixInfo | None) -> str | None:
    """The tooltip of a cell of ``job``'s row (``remix``: its remix links, when known)."""
    if col == Column.PROMPT:
        return row_tooltip(job, remix)
    if col == Column.STATUS and job.error_message:
        return job.error_message
    if col == Column.FAVOURITE:
        return (
            translate("LibraryModel", "Favourite")
            if job.favourite
            else translate("LibraryModel", "Not a favourite")
        )
    return None
