"""Which library clips a clip was made from (schema v7, ``job_sources``).

A stitched film lists its shots in order (kind ``film``); a continuation (an extension made
from a clip's last frame) lists the clip it continues (kind ``continues``), and the film
joining the two lists both (kind ``extension``). The links are written once, when the clip
is made, and read by the library to show them. A deleted job's links stay; readers join
with ``jobs``, so a deleted clip just drops out.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import StrEnum

from sora_desktop.core.models import Job
from sora_desktop.core.store import JobStore


class SourceKind(StrEnum):
    FILM = "film"  # a stitched film: its shots, in order
    CONTINUES = "continues"  # a continuation: the clip whose last frame it starts on
    EXTENSION = "extension"  # a clip joined to its continuation: the two, in order


def link_sources(store: JobStore, job_id: str, sources: Sequence[str], kind: SourceKind) -> None:
    """Record that ``job_id`` was made from ``sources`` (in order), replacing older links."""
    with store.writing() as conn:
        conn.execute("DELETE FROM job_sources WHERE job_id = ?", (job_id,))
        conn.executemany(
            "INSERT INTO job_sources (job_id, position, source_id, kind) VALUES (?, ?, ?, ?)",
            [(job_id, i, source, kind.value) for i, source in enumerate(sources)],
        )


def source_ids(store: JobStore, job_id: str) -> list[tuple[str, SourceKind]]:
    """The ids ``job_id`` was made from, in order, with the kind of link (deleted ones too)."""
    with store.reading() as conn:
        rows = conn.execute(
            "SELECT source_id, kind FROM job_sources WHERE job_id = ? ORDER BY position",
            (job_id,),
        ).fetchall()
    return [(str(r[0]), SourceKind(r[1])) for r in rows]


def sources_of(store: JobStore, job_id: str) -> list[Job]:
    """The library jobs ``job_id`` was made from, in order (deleted ones left out)."""
    jobs = (store.get(source) for source, _kind in source_ids(store, job_id))
    return [job for job in jobs if job is not None]


def made_from(store: JobStore, source_id: str, kind: SourceKind | None = None) -> list[str]:
    """Ids of the jobs made from ``source_id`` (films using a shot, continuations of a clip),
    those still in the library, oldest first."""
    sql = (
        "SELECT DISTINCT s.job_id FROM job_sources s JOIN jobs j ON j.id = s.job_id"
        " WHERE s.source_id = ?"
    )
    params: list[str] = [source_id]
    if kind is not None:
        sql += " AND s.kind = ?"
        params.append(kind.value)
    with store.reading() as conn:
        rows = conn.execute(sql + " ORDER BY j.created_at, j.seq", params).fetchall()
    return [str(r[0]) for r in rows]
