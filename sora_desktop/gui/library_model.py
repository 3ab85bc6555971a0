"""The library as a Qt table model over the library's queries (``usecases.history``).

Public API::

    model = LibraryModel(history: History, thumbnails: ThumbnailCache | None = None,
                         parent: QObject | None = None, page_size: int = 200)
    model.set_search(text: str)                       # FTS search over prompts (store side)
    model.set_statuses(statuses: Collection[JobStatus] | None)
    model.set_favourites_only(on: bool)
    model.set_filters(LibraryFilters(...))            # model, size, length, date, connection
    model.sort(column: int, order: Qt.SortOrder)      # ORDER BY in SQL, not in Python
    model.set_order(key: str, descending: bool)       # any store sort key, e.g. "connection"
    model.refresh()                                   # re-query from the first page
    model.job_changed(job_id: str)                    # after a job event: update/insert/remove
    model.apply_event(event: JobEvent)                # the same from the event, reading no job
    model.job_at(row: int) -> Job | None
    model.row_of(job_id: str) -> int                  # -1 when not loaded
    model.total_count() -> int                        # rows matching the filter (all pages)
    model.count_changed: Signal(int)                   # emitted after each (re)query

Columns (``Column``): prompt (thumbnail as decoration), date, model, size, duration, status,
favourite. ``JOB_ID_ROLE`` gives the local job id, ``JOB_ROLE`` the ``Job``; the prompt column
also answers ``DETAILS_ROLE`` and ``NOTES_ROLE`` (the lines under the prompt, see
``library_rows``), so rows stay distinguishable when the minor columns are hidden. Rows are read
``page_size`` at a time through ``canFetchMore``/``fetchMore``, so a 50,000-row library opens
with one page. Drags carry the MP4 files as ``text/uri-list``. The columns (which, their
widths, sort keys and what each cell shows) are in ``library_columns.py``, importable from
here too.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any, Protocol

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtGui import QFont

from sora_desktop.core.library_query import LibraryFilters, RemixInfo
from sora_desktop.core.models import Job, JobEvent, JobStatus
from sora_desktop.gui.file_actions import file_mime_data
from sora_desktop.gui.library_columns import (
    COLUMN_WIDTHS,
    HIDE_ORDER,
    PROMPT_MIN_WIDTH,
    SORT_KEYS,
    Column,
    cell_text,
    cell_tooltip,
    columns_to_hide,
    header_text,
)
from sora_desktop.gui.library_rows import (
    DETAILS_ROLE,
    NOTES_ROLE,
    details_line,
    notes_line,
)
from sora_desktop.gui.thumbnails import ThumbnailCache

translate = QCoreApplication.translate

JOB_ID_ROLE = Qt.ItemDataRole.UserRole + 1
JOB_ROLE = Qt.ItemDataRole.UserRole + 2

_ModelIndex = QModelIndex | QPersistentModelIndex

__all__ = [
    "COLUMN_WIDTHS",
    "HIDE_ORDER",
    "JOB_ID_ROLE",
    "JOB_ROLE",
    "PROMPT_MIN_WIDTH",
    "SORT_KEYS",
    "Column",
    "JobSource",
    "LibraryModel",
    "columns_to_hide",
    "playable_file",
]


class JobSource(Protocol):
    """What the model reads (``usecases.history.History``)."""

    def get(self, job_id: str) -> Job | None: ...

    def list_jobs(
        self,
        *,
        statuses: Any = None,
        search: str | None = None,
        favourites_only: bool = False,
        order_by: str = "created_at",
        descending: bool = True,
        limit: int | None = None,
        offset: int = 0,
        **filters: Any,
    ) -> list[Job]: ...

    def count(
        self,
        *,
        statuses: Any = None,
        search: str | None = None,
        favourites_only: bool = False,
        **filters: Any,
    ) -> int: ...

    def remix_info(self, jobs: Sequence[Job]) -> dict[str, RemixInfo]: ...


def playable_file(job: Job) -> Path | None:
    """The job's MP4 when it is on disk."""
    if job.file_path is not None and Path(job.file_path).is_file():
        return Path(job.file_path)
    return None


class LibraryModel(QAbstractTableModel):
    count_changed = Signal(int)

    def __init__(
        self,
        store: JobSource,
        thumbnails: ThumbnailCache | None = None,
        parent: QObject | None = None,
        page_size: int = 200,
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._thumbs = thumbnails
        self._page = max(1, page_size)
        self._jobs: list[Job] = []
        self._rows: dict[str, int] = {}
        self._total = 0
        self._search = ""
        self._statuses: tuple[JobStatus, ...] | None = None
        self._favourites_only = False
        self._filters = LibraryFilters()
        self._order_by = SORT_KEYS[Column.DATE]
        self._descending = True
        self._remix: dict[str, RemixInfo] = {}
        # the last status an event showed for jobs matching the filter but not loaded
        self._unloaded: dict[str, JobStatus] = {}
        if thumbnails is not None:
            thumbnails.thumbnail_ready.connect(self._on_thumbnail)
        self._requery()

    # ----- filter / sort -------------------------------------------------------------------

    def set_search(self, text: str) -> None:
        text = text.strip()
        if text != self._search:
            self._search = text
            self.refresh()

    def search_text(self) -> str:
        return self._search

    def set_statuses(self, statuses: Collection[JobStatus] | None) -> None:
        wanted = tuple(statuses) if statuses else None
        if wanted != self._statuses:
            self._statuses = wanted
            self.refresh()

    def set_favourites_only(self, on: bool) -> None:
        if on != self._favourites_only:
            self._favourites_only = on
            self.refresh()

    def set_filters(self, filters: LibraryFilters) -> None:
        if filters != self._filters:
            self._filters = filters
            self.refresh()

    def filters(self) -> LibraryFilters:
        return self._filters

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        try:
            col = Column(column)
        except ValueError:
            return
        self.set_order(SORT_KEYS[col], order == Qt.SortOrder.DescendingOrder)

    def set_order(self, key: str, descending: bool) -> None:
        """Sort by any of the store's sort keys (``core.store_rows.SORT_COLUMNS``)."""
        self._order_by = key
        self._descending = descending
        self.refresh()

    def sort_key(self) -> tuple[str, bool]:
        return self._order_by, self._descending

    @Slot()
    def refresh(self) -> None:
        self.beginResetModel()
        self._requery()
        self.endResetModel()
        self.count_changed.emit(self._total)

    def _filter_args(self) -> dict[str, Any]:
        return {
            "statuses": list(self._statuses) if self._statuses else None,
            "search": self._search or None,
            "favourites_only": self._favourites_only,
            **self._filters.store_args(),
        }

    def _fetch(self, offset: int, limit: int) -> list[Job]:
        jobs = self._store.list_jobs(
            **self._filter_args(),
            order_by=self._order_by,
            descending=self._descending,
            limit=limit,
            offset=offset,
        )
        self._remix.update(self._store.remix_info(jobs))
        return jobs

    def _requery(self) -> None:
        self._remix = {}
        self._unloaded = {}
        self._total = self._store.count(**self._filter_args())
        self._jobs = self._fetch(0, self._page) if self._total else []
        self._rows = {job.id: i for i, job in enumerate(self._jobs)}

    def remix_info(self, job_id: str) -> RemixInfo | None:
        """What a loaded job is a remix of, and how many remixes it has."""
        return self._remix.get(job_id)

    # ----- paging --------------------------------------------------------------------------

    def total_count(self) -> int:
        return self._total

    def canFetchMore(self, parent: _ModelIndex = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and len(self._jobs) < self._total

    def fetchMore(self, parent: _ModelIndex = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid():
            return
        batch = [j for j in self._fetch(len(self._jobs), self._page) if j.id not in self._rows]
        if not batch:
            self._total = len(self._jobs)  # the store shrank under us; stop asking
            return
        first = len(self._jobs)
        self.beginInsertRows(QModelIndex(), first, first + len(batch) - 1)
        for i, job in enumerate(batch):
            self._rows[job.id] = first + i
        self._jobs.extend(batch)
        self.endInsertRows()

    # ----- job events ----------------------------------------------------------------------

    @Slot(str)
    def job_changed(self, job_id: str) -> None:
        """Reflect a change of one job: update its row in place, drop it when it was deleted
        or no longer matches the filter, and re-query only when the number of matching jobs
        changed (a new job). A job on a page not loaded yet costs one COUNT, no reset."""
        self._show_job(job_id, self._store.get(job_id), counted=True)

    def apply_event(self, event: JobEvent) -> None:
        """Reflect a job event without reading the job: a state change carries the job as
        stored (``event.job``), a tick that stored nothing moves a loaded row's progress.
        A job on a page not loaded yet costs one COUNT per status change, and only under a
        status filter (nothing else an event changes adds or removes a matching job)."""
        job = event.job
        row = self._rows.get(event.job_id)
        if job is not None:
            counted = row is None and self._statuses is not None and self._still_matches(job)
            counted = counted and self._unloaded.get(job.id) is not job.status
            if row is None and self._still_matches(job):
                self._unloaded[job.id] = job.status
            self._show_job(job.id, job, counted=counted)
            return
        if row is None:
            return  # nothing stored: what matches the filter is as it was
        old = self._jobs[row]
        if old.status is event.status and old.progress != event.progress:
            self._jobs[row] = replace(old, progress=event.progress)
            # the status cell and the notes line under the prompt ("Rendering 40%")
            self.dataChanged.emit(
                self.index(row, Column.PROMPT),
                self.index(row, Column.STATUS),
                [Qt.ItemDataRole.DisplayRole, NOTES_ROLE],
            )

    def _show_job(self, job_id: str, job: Job | None, *, counted: bool) -> None:
        row = self._rows.get(job_id)
        if row is not None:
            old = self._jobs[row]
            if self._thumbs is not None and (
                job is None
                or old.thumbnail_path != job.thumbnail_path
                or old.file_path != job.file_path
            ):
                self._thumbs.forget(self._thumb_key(old))
            if job is not None and self._still_matches(job):
                self._jobs[row] = job
                # its remix links may have changed with another remote id (a progress event
                # can't change them); a job's FIRST remote id links it to nothing yet (remixes
                # and extensions are made from a finished job's id), so nothing is read then
                if old.remote_id is not None and old.remote_id != job.remote_id:
                    self._remix.pop(job_id, None)
                    self._remix.update(self._store.remix_info([job]))
                self.dataChanged.emit(self.index(row, 0), self.index(row, len(Column) - 1), [])
            else:
                self._remove_row(row)
            return
        if job is not None and not self._still_matches(job):
            return
        if counted and self._store.count(**self._filter_args()) != self._total:
            self.refresh()

    def add_new_jobs(self, job_ids: Sequence[str], known: Mapping[str, Job] | None = None) -> bool:
        """Show jobs new to the library on top without re-reading the page, where that is
        their place: newest first, no search or filter beyond status and favourites, and
        linked to no other job (a remix, an extension or a film changes its sources' rows
        too). Returns False when only a re-query (:meth:`refresh`) can show them.
        ``known``: jobs as their latest events carried them (not read again)."""
        if self._order_by != SORT_KEYS[Column.DATE] or not self._descending:
            return False
        if self._search or self._filters.active():
            return False
        known = known or {}
        unseen = [i for i in dict.fromkeys(job_ids) if i not in self._rows]
        found = (known.get(i) or self._store.get(i) for i in unseen)
        jobs = [j for j in found if j is not None]
        jobs = [j for j in jobs if self._still_matches(j)]
        if not jobs:
            return True
        if any(j.request.remix_of or j.request.extend_of for j in jobs):
            return False
        jobs.sort(key=lambda j: j.created_at or 0.0, reverse=True)
        newest_shown = (self._jobs[0].created_at or 0.0) if self._jobs else None
        if newest_shown is not None and (jobs[-1].created_at or 0.0) < newest_shown:
            return False  # older than what is shown: its place is further down
        if self._store.remix_info(jobs):
            return False
        self.beginInsertRows(QModelIndex(), 0, len(jobs) - 1)
        self._jobs[0:0] = jobs
        self._rows = {job.id: i for i, job in enumerate(self._jobs)}
        self._total += len(jobs)
        self.endInsertRows()
        self.count_changed.emit(self._total)
        return True

    def _remove_row(self, row: int) -> None:
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._jobs[row]
        self._rows = {job.id: i for i, job in enumerate(self._jobs)}
        self._total = max(0, self._total - 1)
        self.endRemoveRows()
        self.count_changed.emit(self._total)

    def _still_matches(self, job: Job) -> bool:
        if self._statuses and job.status not in self._statuses:
            return False
        return not (self._favourites_only and not job.favourite)

    # ----- access --------------------------------------------------------------------------

    def job_at(self, row: int) -> Job | None:
        return self._jobs[row] if 0 <= row < len(self._jobs) else None

    def row_of(self, job_id: str) -> int:
        return self._rows.get(job_id, -1)

    def jobs_for(self, indexes: Sequence[_ModelIndex]) -> list[Job]:
        rows = sorted({i.row() for i in indexes if i.isValid()})
        return [self._jobs[r] for r in rows if 0 <= r < len(self._jobs)]

    # ----- QAbstractTableModel -------------------------------------------------------------

    def rowCount(self, parent: _ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._jobs)

    def columnCount(self, parent: _ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return header_text(Column(section))
        if role == Qt.ItemDataRole.ToolTipRole and section == Column.FAVOURITE:
            return translate("LibraryModel", "Favourite")
        return None

    def flags(self, index: _ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled
        )

    def data(self, index: _ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._jobs):
            return None
        job = self._jobs[index.row()]
        col = Column(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return cell_text(job, col)
        if role == JOB_ID_ROLE:
            return job.id
        if role == JOB_ROLE:
            return job
        if role == DETAILS_ROLE:
            return details_line(job)
        if role == NOTES_ROLE:
            return notes_line(job, self._remix.get(job.id))
        if role == Qt.ItemDataRole.DecorationRole and col == Column.PROMPT:
            return self._thumbnail(job)
        if role == Qt.ItemDataRole.ToolTipRole:
            return cell_tooltip(job, col, self._remix.get(job.id))
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (
            Column.DURATION,
            Column.FAVOURITE,
        ):
            return Qt.AlignmentFlag.AlignCenter
        if role == Qt.ItemDataRole.FontRole and col == Column.FAVOURITE:
            font = QFont()
            font.setPointSizeF(font.pointSizeF() * 1.2)
            return font
        return None

    @staticmethod
    def thumb_key(job: Job) -> str:
        """The thumbnail cache key of a job (changes when its files change)."""
        return LibraryModel._thumb_key(job)

    @staticmethod
    def _thumb_key(job: Job) -> str:
        return f"{job.id}|{job.thumbnail_path or ''}|{job.file_path or ''}"

    def _thumbnail(self, job: Job) -> Any:
        if self._thumbs is None:
            return None
        thumb = Path(job.thumbnail_path) if job.thumbnail_path else None
        video = Path(job.file_path) if job.file_path else None
        pix = self._thumbs.pixmap(self._thumb_key(job), thumb, video)
        return pix if pix is not None else self._thumbs.placeholder()

    @Slot(str)
    def _on_thumbnail(self, key: str) -> None:
        job_id = key.split("|", 1)[0]
        row = self._rows.get(job_id)
        if row is not None:
            idx = self.index(row, Column.PROMPT)
            self.dataChanged.emit(idx, idx, [Qt.ItemDataRole.DecorationRole])

    # ----- drag out ------------------------------------------------------------------------

    def mimeTypes(self) -> list[str]:
        return ["text/uri-list"]

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.CopyAction

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        files = [p for job in self.jobs_for(indexes) if (p := playable_file(job)) is not None]
        return file_mime_data(files)
