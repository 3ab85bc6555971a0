"""Batches kept in the library (schema v6, beside the jobs, in the same SQLite file).

- ``batches``: what was asked (the connection without a key, the cap, the concurrency,
  the output folder) and its state: ``active`` (work left, or rows the cap holds),
  ``done``, ``cancelled`` (sends nothing more).
- ``batch_rows``: one planned job each, as previewed: label, request, estimate, and why it
  is invalid; ``held`` (the cap holds it) and ``wanted`` (attempts asked for: 1, plus one
  per "retry failed").
- ``batch_jobs``: every job made for a row. The runner records the job's id here
  **before** the service stores and sends it (:meth:`BatchStore.record_intent`), in its own
  committed transaction; the pair (row, attempt) is unique, so two runners can't both take
  a row. After a crash, an intent whose job is not in the library was never sent (the
  service stores a job before its create leaves) and is sent again under the same id; one
  whose job is a draft was never sent either; any other was sent and is resumed, never
  sent twice.

A row's status (:class:`RowStatus`) is read from its latest attempt's job in one query.

The records (:class:`BatchInfo`, :class:`BatchRow`, :class:`RowStatus`) are in
``records.py``, importable from here too.
"""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sora_desktop.core.batch.records import (
    RETRY_STATUSES,
    BatchInfo,
    BatchRow,
    BatchState,
    RowStatus,
    row_status_text,
)
from sora_desktop.core.models import (
    AuthStyle,
    Connection,
    ConnectionKind,
    JobStatus,
    KeySource,
    VideoRequest,
)

if TYPE_CHECKING:
    from sora_desktop.core.batch.preview import BatchPreview
    from sora_desktop.core.store import JobStore

__all__ = [
    "RETRY_STATUSES",
    "BatchInfo",
    "BatchRow",
    "BatchState",
    "BatchStore",
    "RowStatus",
    "row_status_text",
]


def _connection_columns(connection: Connection) -> tuple[Any, ...]:
    return (
        connection.kind.value,
        connection.base_url,
        connection.auth_style.value,
        connection.key_source.describe(),
        connection.proxy,
        connection.profile_id,
    )


def _info(row: Mapping[str, Any]) -> BatchInfo:
    return BatchInfo(
        id=row["id"],
        name=row["name"],
        created_at=float(row["created_at"]),
        updated_at=float(row["updated_at"]),
        source=row["source"],
        template=row["template"],
        sweeps=tuple((str(n), tuple(str(v) for v in vs)) for n, vs in json.loads(row["sweeps"])),
        connection=Connection(
            kind=ConnectionKind(row["conn_kind"]),
            base_url=row["base_url"],
            auth_style=AuthStyle(row["auth_style"]),
            key_source=KeySource.parse(row["key_source"]),
            proxy=row["proxy"],
            profile_id=row["profile_id"],
        ),
        cap=row["cap"],
        concurrency=int(row["concurrency"]),
        out_dir=Path(row["out_dir"]) if row["out_dir"] else None,
        state=BatchState(row["state"]),
    )


_ROWS_SQL = """
SELECT r.*, COALESCE(a.last, 0) AS attempts, bj.job_id, bj.sent, bj.exported_path,
       bj.export_error, j.id AS job_found, j.status AS job_status, j.remote_id,
       j.file_path, j.error_message
FROM batch_rows r
LEFT JOIN (SELECT idx, MAX(attempt) AS last FROM batch_jobs WHERE batch_id = :b GROUP BY idx)
     a ON a.idx = r.idx
LEFT JOIN batch_jobs bj ON bj.batch_id = r.batch_id AND bj.idx = r.idx AND bj.attempt = a.last
LEFT JOIN jobs j ON j.id = bj.job_id
WHERE r.batch_id = :b {extra}
ORDER BY r.idx
"""


def _row(row: Mapping[str, Any]) -> BatchRow:
    image = row["reference_image"]
    return BatchRow(
        batch_id=row["batch_id"],
        index=int(row["idx"]),
        label=row["label"],
        source_row=int(row["source_row"]),
        line=int(row["source_line"]),
        request=VideoRequest(
            prompt=row["prompt"],
            model=row["model"],
            size=row["size"],
            seconds=int(row["seconds"]),
            reference_image=Path(image) if image else None,
        ),
        seed=row["seed"],
        sweep=tuple((str(n), str(v)) for n, v in json.loads(row["sweep"])),
        estimated_cost=row["estimated_cost"],
        problem=row["problem"],
        wanted=int(row["wanted"]),
        held=bool(row["held"]),
        attempts=int(row["attempts"]),
        job_id=row["job_id"],
        sent=bool(row["sent"]),
        job_exists=row["job_found"] is not None,
        job_status=JobStatus(row["job_status"]) if row["job_status"] else None,
        remote_id=row["remote_id"],
        file_path=Path(row["file_path"]) if row["file_path"] else None,
        error_message=row["error_message"],
        exported_path=Path(row["exported_path"]) if row["exported_path"] else None,
        export_error=row["export_error"],
    )


class BatchStore:
    """Batches in a :class:`~sora_desktop.core.store.JobStore`'s file (its connections)."""

    def __init__(self, store: JobStore) -> None:
        self.jobs = store

    # -- reads --------------------------------------------------------------------------

    def _query(self, sql: str, params: Sequence[Any] | Mapping[str, Any]) -> list[dict[str, Any]]:
        """Rows as dicts by column name."""
        with self.jobs.reading() as conn:
            cur = conn.execute(sql, params)
            names = [d[0] for d in cur.description]
            return [dict(zip(names, values, strict=True)) for values in cur.fetchall()]

    def get(self, batch_id: str) -> BatchInfo | None:
        found = self._query("SELECT * FROM batches WHERE id = ?", (batch_id,))
        return _info(found[0]) if found else None

    def batches(self, states: Iterable[BatchState] | None = None) -> list[BatchInfo]:
        """Batches, newest first (only those in ``states`` when given)."""
        wanted = [s.value for s in states] if states is not None else None
        rows = self._query("SELECT * FROM batches ORDER BY created_at DESC, rowid DESC", ())
        infos = [_info(r) for r in rows]
        return [i for i in infos if wanted is None or i.state.value in wanted]

    def rows(self, batch_id: str, indexes: Iterable[int] | None = None) -> list[BatchRow]:
        """The batch's rows in order, with their latest jobs (only ``indexes`` when given)."""
        params: dict[str, Any] = {"b": batch_id}
        extra = ""
        if indexes is not None:
            chosen = sorted(set(indexes))
            marks = ", ".join(f":i{n}" for n in range(len(chosen)))
            extra = f"AND r.idx IN ({marks})" if chosen else "AND 0"
            params.update({f"i{n}": i for n, i in enumerate(chosen)})
        return [_row(r) for r in self._query(_ROWS_SQL.format(extra=extra), params)]

    def row(self, batch_id: str, index: int) -> BatchRow | None:
        found = self.rows(batch_id, [index])
        return found[0] if found else None

    def find_job(self, job_id: str) -> tuple[str, int] | None:
        """The (batch id, row index) a job was made for, or None."""
        found = self._query("SELECT batch_id, idx FROM batch_jobs WHERE job_id = ?", (job_id,))
        return (found[0]["batch_id"], int(found[0]["idx"])) if found else None

    def unsent_intents(self, batch_id: str) -> list[str]:
        """Job ids recorded for the batch that the service has not (yet) accepted."""
        found = self._query(
            "SELECT job_id FROM batch_jobs WHERE batch_id = ? AND sent = 0 ORDER BY idx",
            (batch_id,),
        )
        return [str(r["job_id"]) for r in found]

    def committed(self, batch_id: str) -> float:
        """US dollars the cap counts as spent: the estimates of the batch's jobs that may be
        billed, i.e. all but those the service refused before making anything (failed or a
        draft without a remote id). Jobs without a known price count 0 (a cap never
        sends one)."""
        found = self._query(
            "SELECT COALESCE(SUM(bj.estimated_cost), 0) AS spent FROM batch_jobs bj "
            "LEFT JOIN jobs j ON j.id = bj.job_id WHERE bj.batch_id = ? AND NOT "
            "(j.id IS NOT NULL AND j.remote_id IS NULL AND j.status IN ('failed', 'draft'))",
            (batch_id,),
        )
        return round(float(found[0]["spent"]), 6)

    # -- writes -------------------------------------------------------------------------

    def create(
        self,
        preview: BatchPreview,
        *,
        name: str,
        batch_id: str,
        out_dir: Path | None = None,
        source: str | None = None,
        now: float | None = None,
    ) -> BatchInfo:
        """Keep a previewed batch (nothing is sent here). Every previewed row is kept, the
        invalid ones with their reason."""
        when = time.time() if now is None else now
        plan = preview.plan
        sweeps = json.dumps([[s.name, list(s.values)] for s in plan.sweeps])
        rows = [
            (
                batch_id,
                r.job.index,
                r.job.label,
                r.job.row,
                r.job.line,
                r.request.prompt,
                r.request.model,
                r.request.size,
                r.request.seconds,
                str(r.request.reference_image) if r.request.reference_image else None,
                r.job.seed,
                json.dumps([list(pair) for pair in r.job.sweep]),
                r.estimated_cost,
                r.problem,
            )
            for r in preview.rows
        ]
        with self.jobs.writing() as conn:
            conn.execute(
                "INSERT INTO batches (id, name, created_at, updated_at, source, template, "
                "sweeps, conn_kind, base_url, auth_style, key_source, proxy, profile_id, cap, "
                "concurrency, out_dir, state) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                "?, ?, ?)",
                (
                    batch_id,
                    name,
                    when,
                    when,
                    source if source is not None else plan.source,
                    plan.template,
                    sweeps,
                    *_connection_columns(preview.connection),
                    preview.cap,
                    max(1, int(preview.concurrency)),
                    str(out_dir) if out_dir is not None else None,
                    BatchState.ACTIVE.value,
                ),
            )
            conn.executemany(
                "INSERT INTO batch_rows (batch_id, idx, label, source_row, source_line, prompt, "
                "model, size, seconds, reference_image, seed, sweep, estimated_cost, problem) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                rows,
            )
        info = self.get(batch_id)
        assert info is not None
        return info

    def record_intent(
        self, batch_id: str, index: int, attempt: int, job_id: str, estimate: float | None
    ) -> bool:
        """Record, before it is sent, that attempt ``attempt`` of a row is job ``job_id``.
        False when that attempt is already recorded (another runner took the row)."""
        try:
            with self.jobs.writing() as conn:
                conn.execute(
                    "INSERT INTO batch_jobs (batch_id, idx, attempt, job_id, estimated_cost, "
                    "sent, created_at) VALUES (?, ?, ?, ?, ?, 0, ?)",
                    (batch_id, index, attempt, job_id, estimate, time.time()),
                )
        except Exception as exc:  # StoreError wrapping sqlite3.IntegrityError
            if isinstance(exc.__cause__, sqlite3.IntegrityError):
                return False
            raise
        return True

    def mark_sent(self, job_id: str) -> None:
        with self.jobs.writing() as conn:
            conn.execute("UPDATE batch_jobs SET sent = 1 WHERE job_id = ?", (job_id,))

    def drop_intent(self, job_id: str) -> None:
        """Forget an intent whose job was never stored (so never sent)."""
        with self.jobs.writing() as conn:
            conn.execute("DELETE FROM batch_jobs WHERE job_id = ? AND sent = 0", (job_id,))

    def set_problem(self, batch_id: str, index: int, problem: str) -> None:
        """Mark a row invalid (the service refused it at send time: nothing was sent)."""
        with self.jobs.writing() as conn:
            conn.execute(
                "UPDATE batch_rows SET problem = ? WHERE batch_id = ? AND idx = ?",
                (problem, batch_id, index),
            )

    def hold_from(self, batch_id: str, index: int) -> int:
        """Hold (for the cap) every row from ``index`` on that still needs sending. Returns
        how many rows are held."""
        rows = [r.index for r in self.rows(batch_id) if r.index >= index and r.needs_send]
        with self.jobs.writing() as conn:
            conn.executemany(
                "UPDATE batch_rows SET held = 1 WHERE batch_id = ? AND idx = ?",
                [(batch_id, i) for i in rows],
            )
        return len(rows)

    def release_holds(self, batch_id: str) -> None:
        with self.jobs.writing() as conn:
            conn.execute("UPDATE batch_rows SET held = 0 WHERE batch_id = ?", (batch_id,))

    def set_cap(self, batch_id: str, cap: float | None) -> None:
        self._update(batch_id, "cap = ?", cap)

    def set_concurrency(self, batch_id: str, concurrency: int) -> None:
        self._update(batch_id, "concurrency = ?", max(1, int(concurrency)))

    def set_state(self, batch_id: str, state: BatchState) -> None:
        self._update(batch_id, "state = ?", state.value)

    def _update(self, batch_id: str, assignment: str, value: Any) -> None:
        with self.jobs.writing() as conn:
            conn.execute(
                f"UPDATE batches SET {assignment}, updated_at = ? WHERE id = ?",
                (value, time.time(), batch_id),
            )

    def retry_failed(self, batch_id: str, indexes: Iterable[int] | None = None) -> list[int]:
        """Ask for one more attempt of each failed (or expired) row, among ``indexes`` when
        given. Returns the rows; the runner sends them (new jobs) on its next run."""
        chosen = [
            r
            for r in self.rows(batch_id, indexes)
            if r.problem is None
            and r.attempts >= r.wanted
            and r.job_status in RETRY_STATUSES
            and r.unsent_intent is None
        ]
        with self.jobs.writing() as conn:
            conn.executemany(
                "UPDATE batch_rows SET wanted = ?, held = 0 WHERE batch_id = ? AND idx = ?",
                [(r.attempts + 1, batch_id, r.index) for r in chosen],
            )
            if chosen:
                conn.execute(
                    "UPDATE batches SET state = ?, updated_at = ? WHERE id = ? AND state = ?",
                    (BatchState.ACTIVE.value, time.time(), batch_id, BatchState.DONE.value),
                )
        return [r.index for r in chosen]

    def set_exported(self, job_id: str, path: Path | None, error: str | None = None) -> None:
        with self.jobs.writing() as conn:
            conn.execute(
                "UPDATE batch_jobs SET exported_path = ?, export_error = ? WHERE job_id = ?",
                (str(path) if path is not None else None, error, job_id),
            )

    def delete(self, batch_id: str) -> None:
        """Forget a batch and its rows (its jobs stay in the library)."""
        with self.jobs.writing() as conn:
            conn.execute("DELETE FROM batch_jobs WHERE batch_id = ?", (batch_id,))
            conn.execute("DELETE FROM batch_rows WHERE batch_id = ?", (batch_id,))
            conn.execute("DELETE FROM batches WHERE id = ?", (batch_id,))
