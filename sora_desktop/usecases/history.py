"""Querying the library: the read-only use cases both faces call.

    history = History(store)
    history.get(job_id) -> Job | None           # one job, as stored now
    history.jobs(job_ids) -> list[Job]          # the ones still in the library, in order
    history.recent(limit=None) -> list[Job]     # newest first (``sora-desktop history``)
    history.active_jobs() -> list[Job]          # what a start resumes
    history.list_jobs(...) / count(...)         # a page of the library: search, filters, sort
    history.facets() / remix_info(jobs) / source_of(job) / remixes_of(job) / spending()

The window and the command line read the library only through this: neither face holds the
store's writing half, and the window's panels get a :class:`History`, never the store. Every
call reads SQLite (each thread its own connection); the window keeps its calls short (one
job, one page) or runs them as operations.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from sora_desktop.core.models import Job, JobStatus

if TYPE_CHECKING:  # the store's modules load with the library, after the window's first paint
    from sora_desktop.core.library_query import LibraryFacets, RemixInfo
    from sora_desktop.core.spending import SpendingTotals
    from sora_desktop.core.store import JobStore


class History:
    """Read-only queries over the library (``core.store.JobStore``)."""

    __slots__ = ("_store",)

    def __init__(self, store: JobStore) -> None:
        self._store = store

    def get(self, job_id: str) -> Job | None:
        return self._store.get(job_id)

    def jobs(self, job_ids: Iterable[str]) -> list[Job]:
        """The jobs of ``job_ids`` still in the library, in the order given."""
        found = (self._store.get(job_id) for job_id in job_ids)
        return [job for job in found if job is not None]

    def recent(self, limit: int | None = None) -> list[Job]:
        """The library, newest first (at most ``limit`` jobs)."""
        return self._store.list_jobs(order_by="created_at", descending=True, limit=limit)

    def active_jobs(self) -> list[Job]:
        """Jobs not ended yet (interrupted ones too), oldest first: what a start resumes."""
        return self._store.active_jobs()

    def list_jobs(
        self,
        *,
        statuses: Iterable[JobStatus | str] | None = None,
        search: str | None = None,
        favourites_only: bool = False,
        order_by: str = "created_at",
        descending: bool = True,
        limit: int | None = None,
        offset: int = 0,
        **filters: Any,
    ) -> list[Job]:
        """A page of the library (see ``JobStore.list_jobs``)."""
        return self._store.list_jobs(
            statuses=statuses,
            search=search,
            favourites_only=favourites_only,
            order_by=order_by,
            descending=descending,
            limit=limit,
            offset=offset,
            **filters,
        )

    def count(
        self,
        *,
        statuses: Iterable[JobStatus | str] | None = None,
        search: str | None = None,
        favourites_only: bool = False,
        **filters: Any,
    ) -> int:
        return self._store.count(
            statuses=statuses, search=search, favourites_only=favourites_only, **filters
        )

    def facets(self) -> LibraryFacets:
        """The models, sizes, durations and connections present, with their counts."""
        return self._store.facets()

    def remix_info(self, jobs: Sequence[Job]) -> dict[str, RemixInfo]:
        return self._store.remix_info(jobs)

    def source_of(self, job: Job) -> Job | None:
        return self._store.source_of(job)

    def remixes_of(self, job: Job) -> list[Job]:
        return self._store.remixes_of(job)

    def spending(self) -> SpendingTotals:
        """Estimated spending per connection and month."""
        return self._store.spending()
