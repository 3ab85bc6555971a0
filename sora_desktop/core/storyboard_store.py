"""Storyboards kept in the library (schema v5, see :mod:`.migrations`).

One row per storyboard holds its document (the portable JSON of :mod:`.storyboard`, with
absolute paths); ``storyboard_takes`` lists which job is a take of which shot, rewritten with
the document in the same transaction, so "which storyboards use this clip?" is one indexed
query. Every write is committed before the function returns.
"""

from __future__ import annotations

import dataclasses
import json
import time
from dataclasses import dataclass

from sora_desktop.core.store import JobStore
from sora_desktop.core.storyboard import Storyboard, from_document, to_document


@dataclass(frozen=True, slots=True)
class StoryboardSummary:
    id: str
    name: str
    shots: int
    updated_at: float


def save(store: JobStore, board: Storyboard, *, now: float | None = None) -> Storyboard:
    """Insert or update ``board``; returns it with ``updated_at`` (and a missing
    ``created_at``) set to now."""
    stamp = time.time() if now is None else now
    board = dataclasses.replace(board, updated_at=stamp, created_at=board.created_at or stamp)
    document = json.dumps(to_document(board), ensure_ascii=False)
    takes = [
        (board.id, shot.id, take.job_id, int(take.job_id == shot.chosen))
        for shot in board.shots
        for take in shot.takes
    ]
    with store.writing() as conn:
        conn.execute(
            "INSERT INTO storyboards (id, name, created_at, updated_at, document)"
            " VALUES (?, ?, ?, ?, ?)"
            " ON CONFLICT(id) DO UPDATE SET name = excluded.name,"
            " updated_at = excluded.updated_at, document = excluded.document",
            (board.id, board.name, board.created_at, board.updated_at, document),
        )
        conn.execute("DELETE FROM storyboard_takes WHERE storyboard_id = ?", (board.id,))
        conn.executemany(
            "INSERT OR IGNORE INTO storyboard_takes (storyboard_id, shot_id, job_id, chosen)"
            " VALUES (?, ?, ?, ?)",
            takes,
        )
    return board


def get(store: JobStore, storyboard_id: str) -> Storyboard | None:
    """The storyboard, or None. InvalidRequestError if a newer app wrote its document."""
    with store.reading() as conn:
        row = conn.execute(
            "SELECT document FROM storyboards WHERE id = ?", (storyboard_id,)
        ).fetchone()
    if row is None:
        return None
    return from_document(json.loads(row[0]))


def list_storyboards(store: JobStore) -> list[StoryboardSummary]:
    """Every storyboard, most recently changed first."""
    with store.reading() as conn:
        rows = conn.execute(
            "SELECT id, name, updated_at, document FROM storyboards"
            " ORDER BY updated_at DESC, seq DESC"
        ).fetchall()
    return [StoryboardSummary(r[0], r[1], _shot_count(r[3]), float(r[2])) for r in rows]


def _shot_count(document: str) -> int:
    try:
        shots = json.loads(document).get("shots")
    except (ValueError, AttributeError):
        return 0
    return len(shots) if isinstance(shots, list) else 0


def delete(store: JobStore, storyboard_id: str) -> None:
    """Forget a storyboard (its takes stay in the library as ordinary clips)."""
    with store.writing() as conn:
        conn.execute("DELETE FROM storyboards WHERE id = ?", (storyboard_id,))


def storyboards_with_job(store: JobStore, job_id: str) -> list[str]:
    """Ids of the storyboards that have ``job_id`` as a take."""
    with store.reading() as conn:
        rows = conn.execute(
            "SELECT DISTINCT storyboard_id FROM storyboard_takes WHERE job_id = ?"
            " ORDER BY storyboard_id",
            (job_id,),
        ).fetchall()
    return [r[0] for r in rows]
