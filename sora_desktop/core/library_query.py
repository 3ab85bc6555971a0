"""How the library is filtered, sorted and summarised, as SQL over the ``jobs`` table.

- :func:`where_clause` builds the ``WHERE`` of :meth:`JobStore.list_jobs` / ``count``: status,
  prompt search (FTS5 or LIKE), favourites, model, size, duration, connection and a creation
  time window. Values are always bound parameters; column names come from fixed text.
- :class:`Period` and :func:`period_range`: the library's date filter (local time).
- :class:`LibraryFilters`: the model/size/length/connection/date choices of the library view,
  turned into :func:`where_clause` arguments.
- :class:`LibraryFacets`: the values present in the library for each filter (with counts),
  so the window offers only choices that match something.
- :func:`read_remix_info`: for a page of jobs, the library's job each is a remix or an
  extension of (or the film's first clip), how many remixes each has and how many films or
  extensions use it (a few queries per page, not per row).
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

from sora_desktop.core.models import ConnectionKind, Job, JobStatus
from sora_desktop.core.spending import SpendingLine
from sora_desktop.core.store_rows import CONNECTION_SQL, fts_query, like_patterns


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
    """How a job is linked to others, as far as the library knows: a remix, an extension
    (``extend_of``, or a continuation joined to its source), a stitched film (schema v7's
    ``job_sources``), and how many remixes and films or extensions were made from it."""

    source_id: str | None = None  # the local job this was made from (None: not here)
    source_prompt: str | None = None
    remixes: int = 0  # how many jobs in the library are remixes of this one
    #: what ``source_id`` is to this job: "remix", "extension", "continues" or "film"
    link: str = "remix"
    shots: int = 0  # a film: how many library clips it was made from
    used_in: int = 0  # films and extensions in the library made from this clip


def _chunks(values: Sequence[str], size: int = 500) -> Iterable[Sequence[str]]:
    for start in range(0, len(values), size):
        yield values[start : start + size]


def _by_remote_id(conn: sqlite3.Connection, wanted: Sequence[str]) -> dict[str, tuple[str, str]]:
    sources: dict[str, tuple[str, str]] = {}  # remote id -> (local id, prompt)
    for chunk in _chunks(sorted(set(wanted))):
        marks = ", ".join("?" for _ in chunk)
        for remote_id, job_id, prompt in conn.execute(
            f"SELECT remote_id, id, prompt FROM jobs WHERE remote_id IN ({marks})", list(chunk)
        ):
            sources[str(remote_id)] = (str(job_id), str(prompt))
    return sources


def _made_from(
    conn: sqlite3.Connection, ids: Sequence[str]
) -> tuple[dict[str, tuple[str, str, str | None, int]], dict[str, int]]:
    """For page ids: (kind, first source id, its prompt, how many sources) of each made
    clip, and how many library clips each was used in (``job_sources``, schema v7)."""
    made: dict[str, tuple[str, str, str | None, int]] = {}
    used: dict[str, int] = {}
    for chunk in _chunks(ids):
        marks = ", ".join("?" for _ in chunk)
        for job_id, kind, source_id, prompt, n in conn.execute(
            "SELECT s.job_id, s.kind, s.source_id, j.prompt,"
            " (SELECT count(*) FROM job_sources c JOIN jobs k ON k.id = c.source_id"
            "  WHERE c.job_id = s.job_id)"
            " FROM job_sources s LEFT JOIN jobs j ON j.id = s.source_id"
            f" WHERE s.position = 0 AND s.job_id IN ({marks})",
            list(chunk),
        ):
            made[str(job_id)] = (str(kind), str(source_id), prompt, int(n))
        for source_id, n in conn.execute(
            "SELECT s.source_id, count(DISTINCT s.job_id) FROM job_sources s"
            f" JOIN jobs j ON j.id = s.job_id WHERE s.source_id IN ({marks})"
            " AND s.kind != 'continues' GROUP BY s.source_id",
            list(chunk),
        ):
            used[str(source_id)] = int(n)
    return made, used


def read_remix_info(conn: sqlite3.Connection, jobs: Sequence[Job]) -> dict[str, RemixInfo]:
    """Job id -> :class:`RemixInfo` for the jobs that are linked to others (remixes,
    extensions, films, and the clips they were made from)."""
    sources = _by_remote_id(
        conn, [ref for j in jobs if (ref := j.request.remix_of or j.request.extend_of)]
    )
    counts: dict[str, int] = {}
    remote_ids = sorted({j.remote_id for j in jobs if j.remote_id})
    for chunk in _chunks(remote_ids):
        marks = ", ".join("?" for _ in chunk)
        for remix_of, n in conn.execute(
            f"SELECT remix_of, count(*) FROM jobs WHERE remix_of IN ({marks}) GROUP BY remix_of",
            list(chunk),
        ):
            counts[str(remix_of)] = int(n)
        for extend_of, n in conn.execute(
            f"SELECT extend_of, count(*) FROM jobs WHERE extend_of IN ({marks}) GROUP BY extend_of",
            list(chunk),
        ):
            counts["extended:" + str(extend_of)] = int(n)
    made, used = _made_from(conn, [j.id for j in jobs])
    out: dict[str, RemixInfo] = {}
    for job in jobs:
        remote = job.remote_id or ""
        remixes = counts.get(remote, 0) if remote else 0
        used_in = used.get(job.id, 0) + (counts.get("extended:" + remote, 0) if remote else 0)
        ref = job.request.remix_of or job.request.extend_of
        if ref:
            source = sources.get(ref)
            out[job.id] = RemixInfo(
                source_id=source[0] if source else None,
                source_prompt=source[1] if source else None,
                remixes=remixes,
                link="remix" if job.request.remix_of else "extension",
                used_in=used_in,
            )
        elif job.id in made:
            kind, source_id, prompt, shots = made[job.id]
            out[job.id] = RemixInfo(
                source_id=source_id if prompt is not None else None,
                source_prompt=prompt,
                remixes=remixes,
                link=kind,
                shots=shots,
                used_in=used_in,
            )
        elif remixes or used_in:
            out[job.id] = RemixInfo(remixes=remixes, used_in=used_in)
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
