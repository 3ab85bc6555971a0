"""What a library row says under its prompt, and how that is painted.

Rows with the same prompt must be told apart at a glance, also when the panel is too narrow
for the Size/Length/Model/Created columns: each row shows, under the prompt, a details line
(size, length, date, model) and, when there is something to say, a notes line (how far a
job being made is, in the queue's words: "Rendering 40%"; why a job failed, that the
service's copy was deleted, what it is a remix of, how many remixes it has).
The tooltip holds the full texts.

Public API::

    details_line(job) -> str
    length_text(job) -> str                               # "8 s", an extension's "+4 s"
    notes_line(job, info: RemixInfo | None) -> str        # "" when there is nothing to say
                                                          # (a job being made: its status)
    row_tooltip(job, info: RemixInfo | None) -> str
    PromptDelegate(parent)                                # paints thumbnail + three lines
"""

from __future__ import annotations

import datetime as _dt
import time

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, QRect, Qt
from PySide6.QtGui import QPainter, QPalette
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from sora_desktop.core.job_rules import deleted_on, remote_copy_gone
from sora_desktop.core.library_query import RemixInfo
from sora_desktop.core.models import Job, JobStatus
from sora_desktop.usecases.status import is_working, progress_text, status_word

translate = QCoreApplication.translate

#: the lines under the prompt (roles of the prompt column)
DETAILS_ROLE = Qt.ItemDataRole.UserRole + 3
NOTES_ROLE = Qt.ItemDataRole.UserRole + 4
_QUOTE_CHARS = 40
_SEP = " · "


def _when(ts: float, now: float | None = None) -> str:
    """Short local date and time: the year only when it isn't this year's."""
    at = _dt.datetime.fromtimestamp(ts or 0)
    this_year = _dt.datetime.fromtimestamp(time.time() if now is None else now).year
    return at.strftime("%m-%d %H:%M" if at.year == this_year else "%Y-%m-%d %H:%M")


def _short(text: str, limit: int = _QUOTE_CHARS) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


def length_text(job: Job) -> str:
    """The length a row shows. An extension's ``seconds`` is the length it ADDED (its clip is
    the source followed by the new part): "+4 s", not the "4 s" an 8-second clip read as."""
    seconds = job.request.seconds
    if job.request.extend_of:
        return translate("LibraryModel", "+{seconds} s").format(seconds=seconds)
    return translate("LibraryModel", "{seconds} s").format(seconds=seconds)


def details_line(job: Job, now: float | None = None) -> str:
    """Size, length, date and model: what tells two takes of one prompt apart (in the order
    they matter most, since a narrow panel elides the end)."""
    req = job.request
    return _SEP.join(
        (
            req.size.replace("x", "×"),
            length_text(job),
            _when(job.created_at, now),
            req.model,
        )
    )


def _failure(job: Job, *, full: bool) -> str | None:
    """“⚠ Failed: why” for a job that ended (or stopped) without a video."""
    if job.status not in (JobStatus.FAILED, JobStatus.EXPIRED) and not (
        job.status is JobStatus.INTERRUPTED and job.error_message
    ):
        return None
    reason = (job.error_message or "").strip()
    if not full:
        reason = reason.splitlines()[0] if reason else ""
    text = status_word(job.status)
    return f"⚠ {text}: {reason}" if reason else f"⚠ {text}"


def _notes(job: Job, info: RemixInfo | None, *, full: bool) -> list[str]:
    notes: list[str] = []
    failure = _failure(job, full=full)
    if failure is not None:
        notes.append(failure)
    elif is_working(job.status):  # being made: the queue's words ("Rendering 40%")
        notes.append(progress_text(job.status, job.progress, job.error_message))
    if remote_copy_gone(job):
        notes.append(
            translate("LibraryModel", "Deleted from the service on {when}").format(
                when=deleted_on(job)
            )
            if full
            else translate("LibraryModel", "Deleted from the service")
        )
    if job.request.remix_of:
        if info is not None and info.source_prompt is not None:
            notes.append(
                translate("LibraryModel", "Remix of “{prompt}”").format(
                    prompt=info.source_prompt if full else _short(info.source_prompt)
                )
            )
        else:
            notes.append(translate("LibraryModel", "Remix (the original is not in the library)"))
    elif info is not None:
        notes.extend(_made_from(job, info, full=full))
    remixes = info.remixes if info is not None else 0
    if remixes:  # (a plain name as the count: lupdate misses an attribute there)
        notes.append(translate("LibraryModel", "%n remix(es)", "", remixes))
    used_in = info.used_in if info is not None else 0
    if used_in:
        notes.append(translate("LibraryModel", "Used in %n film(s) or extension(s)", "", used_in))
    return notes


def _made_from(job: Job, info: RemixInfo, *, full: bool) -> list[str]:
    """An extension's, a continuation's or a film's link to the clips it was made from."""
    prompt = info.source_prompt
    short = (prompt if full else _short(prompt)) if prompt is not None else None
    if info.link == "film":
        count = info.shots  # (a plain name as the count: lupdate misses an attribute there)
        return [translate("LibraryModel", "Film of %n clip(s)", "", count)]
    if info.link == "extension" and job.request.extend_of is None:
        return (
            [translate("LibraryModel", "“{prompt}” extended").format(prompt=short)] if short else []
        )
    if info.link in ("extension", "continues"):
        if short is None:
            return [translate("LibraryModel", "Extension (the original is not in the library)")]
        return [translate("LibraryModel", "Extension of “{prompt}”").format(prompt=short)]
    return []


def notes_line(job: Job, info: RemixInfo | None) -> str:
    """How far it is while being made, why it failed, that the service's copy is gone, its
    remix links ("" if none)."""
    return _SEP.join(_notes(job, info, full=False))


def row_tooltip(job: Job, info: RemixInfo | None) -> str:
    """The full prompt, then the details and every note in full."""
    lines = [job.request.prompt, "", details_line(job), *_notes(job, info, full=True)]
    return "\n".join(lines)


class PromptDelegate(QStyledItemDelegate):
    """The prompt column: thumbnail, then the prompt, the details line and the notes line,
    each elided to the width. The notes use the link colour so a failure stands out."""

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        widget = opt.widget
        style = widget.style() if widget is not None else QApplication.style()
        lines = [
            (opt.text, None),
            (str(index.data(DETAILS_ROLE) or ""), QPalette.ColorRole.PlaceholderText),
            (str(index.data(NOTES_ROLE) or ""), QPalette.ColorRole.Link),
        ]
        opt.text = ""
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        area: QRect = style.subElementRect(
            QStyle.SubElement.SE_ItemViewItemText, opt, widget
        ).adjusted(2, 0, -2, 0)
        shown = [(text, role) for text, role in lines if text]
        metrics = opt.fontMetrics
        step = metrics.lineSpacing()
        top = area.top() + max(0, (area.height() - step * len(shown)) // 2)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        painter.save()
        painter.setFont(opt.font)
        for i, (text, role) in enumerate(shown):
            if selected:
                colour = opt.palette.color(QPalette.ColorRole.HighlightedText)
            else:
                colour = opt.palette.color(role or QPalette.ColorRole.Text)
            painter.setPen(colour)
            line = QRect(area.left(), top + i * step, area.width(), step)
            if line.bottom() > area.bottom() + 1 and i:
                break  # no room for another whole line
            elided = metrics.elidedText(text, Qt.TextElideMode.ElideRight, area.width())
            painter.drawText(
                line, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), elided
            )
        painter.restore()
