"""How the library is filtered, sorted and summarised, as SQL over the ``jobs`` table.

- :func:`where_clause` builds the ``WHERE`` of :meth:`JobStore.list_jobs` / ``count``: status,
  prompt search (FTS5 or LIKE), favourites, model, size, duration, connection and a creation
  time window. Values are always bound parameters; column names come from fixed text.
- :class:`Period` and :func:`period_range`: the library's date filter (local time).
- :class:`LibraryFilters`: the model/size/length/connection/date choices of the library view,
  turned into :func:`where_clause` arguments.
- :class:`LibraryFacets`: the values present in the library for each filter (with counts),
  so the window offers only choices that match something.
- :func:`read_remix_info`: for a page of jobs, the library's job each is a remix of and how
  many remixes each has (two queries per page, not two per row).
- :func:`read_spending`: estimated spending per connection and month (see :mod:`.spending`).
"""

from __future__ import annotations

import datetime as _dt
import sqlite3
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from enum import StrEnum
from typing import Any

from .models import ConnectionKind, Job, JobStatus
from .spending import SpendingLine
from .store_rows import CONNECTION_SQL, fts_query, like_patterns


class Period(StrEnum):
    """The library's date filter."""

    ANY = "any"
    TODAY = "today"
    PAST_WEEK = "past_week"
    PAST_MONTH = "past_month"
    THIS_MONTH = "this_month"
    THIS_YEAR = "this_year"


def period_range(period: Period | str, now: float | None = None) -> tuple[float | None, float]:
    """(created from, created before) in unix seconds for ``period``, in local time.

    ``Period.ANY`` gives ``(None, inf)``."""
    period = Period(period)
    at = _dt.datetime.fromtimestamp(time.time() if now is None else now)
    midnight = at.replace(hour=0, minute=0, second=0, microsecond=0)
    if period is Period.ANY:
        return None, float("inf")
    if period is Period.TODAY:
        start = midnight
    elif period is Period.PAST_WEEK:
        start = midnight - _dt.timedelta(days=6)
    elif period is Period.PAST_MONTH:
        start = midnight - _dt.timedelta(days=29)
    elif period is Period.THIS_MONTH:
        start = midnight.replace(day=1)
    else:
        start = midnight.replace(month=1, day=1)
    return start.timestamp(), float("inf")


@dataclass(frozen=True, slots=True)
class LibraryFilters:
    """The library's filters besides search, status and favourites (empty: everything)."""

    models: tuple[str, ...] = ()
    sizes: tuple[str, ...] = ()
    seconds: tuple[int, ...] = ()
    connections: tuple[str, ...] = ()  # connection keys (profile id, or base URL)
    period: Period = Period.ANY

    def active(self) -> int:
        """How many of the filters narrow the library."""
        return sum(bool(x) for x in (self.models, self.sizes, self.seconds, self.connections)) + (
            self.period is not Period.ANY
        )

    def store_args(self, now: float | None = None) -> dict[str, Any]:
        created_from, created_before = period_range(self.period, now)
        return {
            "models": list(self.models) or None,
            "sizes": list(self.sizes) or None,
            "seconds": list(self.seconds) or None,
            "connections": list(self.connections) or None,
            "created_from": created_from,
            "created_before": created_before,
        }

    def toggled(self, facet: str, value: Any) -> LibraryFilters:
        """These filters with ``value`` added to or removed from ``facet`` (``"models"``,
        ``"sizes"``, ``"seconds"`` or ``"connections"``)."""
        if facet not in ("models", "sizes", "seconds", "connections"):
            raise ValueError(f"no filter {facet!r}")
        current: tuple[Any, ...] = getattr(self, facet)
        chosen = tuple(v for v in current if v != value) if value in current else (*current, value)
        changes: dict[str, Any] = {facet: chosen}
        return replace(self, **changes)


def _in(column: str, values: Iterable[Any], clauses: list[str], params: list[Any]) -> None:
    wanted = list(dict.fromkeys(values))
    if not wanted:
        return
    clauses.append(f"{column} IN ({', '.join('?' for _ in wanted)})")
    params += wanted


def where_clause(
    *,
    fts: bool,
    statuses: Iterable[JobStatus | str] | None = None,
    search: str | None = None,
    favourites_only: bool = False,
    models: Iterable[str] | None = None,
    sizes: Iterable[str] | None = None,
    seconds: Iterable[int] | None = None,
    connections: Iterable[str] | None = None,
    created_from: float | None = None,
    created_before: float | None = None,
    walk_index: bool = False,
) -> tuple[str, list[Any]]:
    """``("WHERE …", params)`` for these filters (``("", [])`` when there are none).

    ``fts``: search through the FTS5 index (else LIKE). ``walk_index``: the query is sorted by
    ``created_at``, so keep the planner on that index rather than the FTS hits."""
    clauses: list[str] = []
    params: list[Any] = []
    if statuses is not None:
        values = [JobStatus(s).value for s in statuses]
        if not values:
            clauses.append("0")
        else:
            _in("status", values, clauses, params)
    if favourites_only:
        clauses.append("favourite = 1")
    _in("model", models or (), clauses, params)
    _in("size", sizes or (), clauses, params)
    _in("seconds", [int(s) for s in seconds or ()], clauses, params)
    _in(CONNECTION_SQL, connections or (), clauses, params)
    if created_from is not None:
        clauses.append("created_at >= ?")
        params.append(float(created_from))
    if created_before is not None and created_before != float("inf"):
        clauses.append("created_at < ?")
        params.append(float(created_before))
    if search and search.strip():
        query = fts_query(search) if fts else None
        if query is not None:
            col = "+seq" if walk_index else "seq"  # unary + hides seq from the planner
            clauses.append(f"{col} IN (SELECT rowid FROM jobs_fts WHERE jobs_fts MATCH ?)")
            params.append(query)
        else:
            for pattern in like_patterns(search):
                clauses.append("prompt LIKE ? ESCAPE '\\'")
                params.append(pattern)
    return ("WHERE " + " AND ".join(clauses) if clauses else ""), params


@dataclass(frozen=True, slots=True)
class ConnectionFacet:
    key: str  # the library's connection key (profile id, or base URL)
    kind: ConnectionKind
    base_url: str
    count: int


@dataclass(frozen=True, slots=True)
class LibraryFacets:
    """The values each filter can take in this library, with how many jobs have them."""

    models: tuple[tuple[str, int], ...] = ()
    sizes: tuple[tuple[str, int], ...] = ()
    seconds: tuple[tuple[int, int], ...] = ()
    connections: tuple[ConnectionFacet, ...] = ()


def read_facets(conn: sqlite3.Connection) -> LibraryFacets:
    def pairs(column: str) -> list[tuple[Any, int]]:
        sql = f"SELECT {column}, count(*) FROM jobs GROUP BY {column} ORDER BY {column}"
        return [(value, int(n)) for value, n in conn.execute(sql)]

    connections = []
    for key, kind, base_url, count in conn.execute(
        f"SELECT {CONNECTION_SQL} AS conn, max(conn_kind), max(base_url), count(*) "
        "FROM jobs GROUP BY conn ORDER BY conn"
    ):
        try:
            known = ConnectionKind(kind)
        except ValueError:
            continue
        connections.append(ConnectionFacet(str(key), known, str(base_url), int(count)))
    return LibraryFacets(
        models=tuple((str(m), n) for m, n in pairs("model")),
        sizes=tuple((str(s), n) for s, n in pairs("size")),
        seconds=tuple((int(s), n) for s, n in pairs("seconds")),
        connections=tuple(connections),
    )


@dataclass(frozen=True, slots=True)
class RemixInfo:
    """How a job is linked to others by remixing, as far as the library knows."""

    source_id: str | None = None  # the local job this is a remix of (None: not here)
    source_prompt: str | None = None
    remixes: int = 0  # how many jobs in the library are remixes of this one


def _chunks(values: Sequence[str], size: int = 500) -> Iterable[Sequence[str]]:
    for start in range(0, len(values), size):
        yield values[start : start + size]


def read_remix_info(conn: sqlite3.Connection, jobs: Sequence[Job]) -> dict[str, RemixInfo]:
    """Job id -> :class:`RemixInfo` for the jobs that are remixes or have remixes."""
    sources: dict[str, tuple[str, str]] = {}  # remote id -> (local id, prompt)
    wanted = sorted({j.request.remix_of for j in jobs if j.request.remix_of})
    for chunk in _chunks(wanted):
        marks = ", ".join("?" for _ in chunk)
        for remote_id, job_id, prompt in conn.execute(
            f"SELECT remote_id, id, prompt FROM jobs WHERE remote_id IN ({marks})", list(chunk)
        ):
            sources[str(remote_id)] = (str(job_id), str(prompt))
    counts: dict[str, int] = {}
    remote_ids = sorted({j.remote_id for j in jobs if j.remote_id})
    for chunk in _chunks(remote_ids):
        marks = ", ".join("?" for _ in chunk)
        for remix_of, n in conn.execute(
            f"SELECT remix_of, count(*) FROM jobs WHERE remix_of IN ({marks}) GROUP BY remix_of",
            list(chunk),
        ):
            counts[str(remix_of)] = int(n)
    out: dict[str, RemixInfo] = {}
    for job in jobs:
        source = sources.get(job.request.remix_of or "")
        remixes = counts.get(job.remote_id or "", 0)
        if job.request.remix_of or remixes:
            out[job.id] = RemixInfo(
                source_id=source[0] if source else None,
                source_prompt=source[1] if source else None,
                remixes=remixes,
            )
    return out


def read_spending(conn: sqlite3.Connection) -> list[SpendingLine]:
    """Estimated spending per (month, connection) over the jobs the service accepted."""
    lines = []
    for month, key, kind, base_url, videos, total, unpriced in conn.execute(
        "SELECT strftime('%Y-%m', created_at, 'unixepoch', 'localtime') AS month, "
        f"{CONNECTION_SQL} AS conn, max(conn_kind), max(base_url), count(*), "
        "total(estimated_cost), sum(estimated_cost IS NULL) "
        "FROM jobs WHERE remote_id IS NOT NULL GROUP BY month, conn"
    ):
        try:
            known = ConnectionKind(kind)
        except ValueError:
            continue
        lines.append(
            SpendingLine(
                month=str(month),
                connection=str(key),
                kind=known,
                base_url=str(base_url),
                videos=int(videos),
                estimated=round(float(total), 2),
                unpriced=int(unpriced or 0),
            )
        )
    return lines
