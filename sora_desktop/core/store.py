"""The library: every job, its request, connection (never a key) and status history, in SQLite.

- WAL mode, ``synchronous=NORMAL``, foreign keys on, a busy timeout; one connection per
  thread (opened lazily, tracked so :meth:`JobStore.close` can close them all).
- Schema versioned with ``PRAGMA user_version`` (see :mod:`.migrations`).
- Every write is one transaction that is committed before the method returns, so what the
  GUI shows has already been persisted (persist before acting: docs/reliability.md).
- A damaged file raises :class:`StoreCorruptError`; :meth:`JobStore.open_or_recover` moves it
  aside to ``library.db.corrupt-<timestamp>`` and starts an empty library.
- A folder that can't be written raises :class:`~.errors.StoreError` saying so (SQLite's
  failures in the library's terms: :mod:`.store_errors`).

``delete`` removes the row and its history only; the video files belong to the caller.
"""

from __future__ import annotations

import contextlib
import itertools
import sqlite3
import threading
import time
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from sora_desktop.core import migrations
from sora_desktop.core.errors import StoreError
from sora_desktop.core.library_query import (
    LibraryFacets,
    RemixInfo,
    read_facets,
    read_remix_info,
    read_spending,
    where_clause,
)
from sora_desktop.core.models import Job, JobStatus, can_transition
from sora_desktop.core.spending import SpendingTotals
from sora_desktop.core.status_change import StatusChange
from sora_desktop.core.store_errors import (
    SQLITE_MAGIC,
    StoreCorruptError,
    corrupt,
    translate,
    unwritable,
)
from sora_desktop.core.store_rows import (
    CHANGEABLE_FIELDS,
    SORT_COLUMNS,
    field_to_column,
    job_to_row,
    row_to_job,
)

__all__ = ["JobStore", "StoreCorruptError"]


class JobStore:
    """SQLite-backed job library. Safe to use from several threads (one connection each)."""

    def __init__(self, path: Path, *, busy_timeout: float = 5.0) -> None:
        self.path = Path(path)
        self._busy_ms = max(0, int(busy_timeout * 1000))
        self._local = threading.local()
        self._lock = threading.Lock()
        self._conns: list[sqlite3.Connection] = []
        self._generation = 0
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise unwritable(self.path, exc) from exc
        self._check_header()
        conn = self._conn()
        try:
            with self._guard():
                row = conn.execute("PRAGMA quick_check(1)").fetchone()
                if row is None or row[0] != "ok":
                    raise corrupt(self.path, sqlite3.DatabaseError(row[0] if row else "?"))
                migrations.migrate(conn)
                self._fts = self._has_fts(conn)
        except BaseException:
            self.close()
            raise

    def _check_header(self) -> None:
        """Refuse a non-empty file that isn't SQLite before SQLite touches it (and its -wal)."""
        try:
            with self.path.open("rb") as fh:
                head = fh.read(16)
        except FileNotFoundError:
            return
        except OSError as exc:
            raise unwritable(self.path, exc) from exc
        if head and head != SQLITE_MAGIC:
            raise corrupt(self.path, sqlite3.DatabaseError("file is not a database"))

    # -- connections -----------------------------------------------------------------

    def _connect(self) -> sqlite3.Connection:
        try:
            conn = sqlite3.connect(
                self.path,
                isolation_level=None,  # we issue BEGIN/COMMIT ourselves
                check_same_thread=False,  # only so close() may close it from any thread
                timeout=self._busy_ms / 1000,
            )
        except sqlite3.Error as exc:
            raise translate(self.path, exc) from exc
        try:
            conn.execute(f"PRAGMA busy_timeout = {self._busy_ms:d}")
            mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()
            if mode is None or str(mode[0]).lower() != "wal":
                raise sqlite3.OperationalError(f"could not enable WAL (got {mode})")
            conn.execute("PRAGMA synchronous = NORMAL")
            conn.execute("PRAGMA foreign_keys = ON")
        except sqlite3.Error as exc:
            conn.close()
            raise translate(self.path, exc) from exc
        return conn

    def _conn(self) -> sqlite3.Connection:
        held: tuple[int, sqlite3.Connection] | None = getattr(self._local, "conn", None)
        if held is not None and held[0] == self._generation:
            return held[1]
        conn = self._connect()
        with self._lock:
            self._conns.append(conn)
            self._local.conn = (self._generation, conn)
        return conn

    def close(self) -> None:
        """Close every connection this store opened (in any thread). Later calls reopen."""
        with self._lock:
            conns, self._conns = self._conns, []
            self._generation += 1
        for conn in conns:
            with contextlib.suppress(sqlite3.Error):
                conn.close()
        self._local = threading.local()

    def __enter__(self) -> JobStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextlib.contextmanager
    def _guard(self) -> Iterator[None]:
        try:
            yield
        except sqlite3.Error as exc:
            raise translate(self.path, exc) from exc

    @contextlib.contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        conn = self._conn()
        with self._guard():
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield conn
                conn.execute("COMMIT")
            except BaseException:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise

    @contextlib.contextmanager
    def writing(self) -> Iterator[sqlite3.Connection]:
        """One write transaction (``BEGIN IMMEDIATE`` ... ``COMMIT``) on this thread's
        connection, for tables another module keeps (storyboards, batches); sqlite3 errors become
        StoreError like every other write here."""
        with self._write() as conn:
            yield conn

    @contextlib.contextmanager
    def reading(self) -> Iterator[sqlite3.Connection]:
        """This thread's connection for reads, one snapshot, errors as StoreError."""
        conn = self._conn()
        with self._guard():
            conn.execute("BEGIN")
            try:
                yield conn
            finally:
                if conn.in_transaction:
                    conn.execute("COMMIT")

    @staticmethod
    def _has_fts(conn: sqlite3.Connection) -> bool:
        row = conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'jobs_fts'"
        ).fetchone()
        return row is not None

    @property
    def uses_fts(self) -> bool:
        """True when search goes through the FTS5 index (else LIKE)."""
        return self._fts

    # -- recovery --------------------------------------------------------------------

    @classmethod
    def open_or_recover(cls, path: Path) -> tuple[JobStore, Path | None]:
        """Open ``path``; if it is damaged, move it (and its -wal/-shm) aside and start fresh.

        Returns the store and where the damaged file went (None when nothing was moved).
        Other failures (read-only folder, lock) are raised as :class:`StoreError`.
        """
        path = Path(path)
        try:
            return cls(path), None
        except StoreCorruptError:
            pass
        stamp = time.strftime("%Y%m%d-%H%M%S")
        aside = path.with_name(f"{path.name}.corrupt-{stamp}")
        for n in itertools.count(2):
            if not aside.exists():
                break
            aside = path.with_name(f"{path.name}.corrupt-{stamp}-{n}")
        try:
            for suffix in ("-wal", "-shm"):
                extra = Path(f"{path}{suffix}")
                if extra.exists():
                    extra.replace(Path(f"{aside}{suffix}"))
            path.replace(aside)
        except OSError as exc:
            raise unwritable(path, exc) from exc
        return cls(path), aside

    # -- writes ----------------------------------------------------------------------

    def add(self, job: Job) -> None:
        """Insert a new job. Fills ``created_at``/``updated_at`` (now) when they are 0 and
        records the first history entry when ``job.history`` is empty (on ``job`` too).
        Raises ValueError if a job with that id exists."""
        now = time.time()
        if not job.created_at:
            job.created_at = now
        if not job.updated_at:
            job.updated_at = job.created_at
        if not job.history:
            job.history = [StatusChange(job.status, job.created_at, None)]
        row = job_to_row(job)
        cols = ", ".join(row)
        marks = ", ".join("?" for _ in row)
        try:
            with self._write() as conn:
                conn.execute(f"INSERT INTO jobs ({cols}) VALUES ({marks})", tuple(row.values()))
                conn.executemany(
                    "INSERT INTO status_history (job_id, status, at, note) VALUES (?, ?, ?, ?)",
                    [(job.id, h.status.value, h.at, h.note) for h in job.history],
                )
        except StoreError as exc:
            if isinstance(exc.__cause__, sqlite3.IntegrityError):
                raise ValueError(f"a job with id {job.id!r} is already in the library") from exc
            raise

    def add_many(self, jobs: Iterable[Job]) -> int:
        """Insert many new jobs in one transaction (imports, benchmarks). Returns the count.
        Same defaults as :meth:`add`; a duplicate id aborts the whole batch (ValueError)."""
        now = time.time()
        rows: list[tuple[Any, ...]] = []
        history: list[tuple[Any, ...]] = []
        cols: str = ""
        for job in jobs:
            job.created_at = job.created_at or now
            job.updated_at = job.updated_at or job.created_at
            if not job.history:
                job.history = [StatusChange(job.status, job.created_at, None)]
            row = job_to_row(job)
            cols = cols or ", ".join(row)
            rows.append(tuple(row.values()))
            history += [(job.id, h.status.value, h.at, h.note) for h in job.history]
        if not rows:
            return 0
        marks = ", ".join("?" for _ in rows[0])
        try:
            with self._write() as conn:
                conn.executemany(f"INSERT INTO jobs ({cols}) VALUES ({marks})", rows)
                conn.executemany(
                    "INSERT INTO status_history (job_id, status, at, note) VALUES (?, ?, ?, ?)",
                    history,
                )
        except StoreError as exc:
            if isinstance(exc.__cause__, sqlite3.IntegrityError):
                raise ValueError("a job in the batch is already in the library") from exc
            raise
        return len(rows)

    def transition(
        self, job_id: str, status: JobStatus, *, note: str | None = None, **changes: Any
    ) -> Job:
        """Move a job to ``status`` (ValueError if the state machine forbids it), saving
        ``changes`` and a history entry in the same transaction. Returns the saved job."""
        status = JobStatus(status)
        sets = self._set_clause(changes)
        now = time.time()
        with self._write() as conn:
            row = conn.execute("SELECT status FROM jobs WHERE id = ?", (job_id,)).fetchone()
            if row is None:
                raise KeyError(job_id)
            current = JobStatus(row[0])
            if not can_transition(current, status):
                raise ValueError(f"job {job_id}: can't go from {current} to {status}")
            cols = ["status = ?", "updated_at = ?", *(f"{c} = ?" for c, _ in sets)]
            values = [status.value, now, *(v for _, v in sets), job_id]
            conn.execute(f"UPDATE jobs SET {', '.join(cols)} WHERE id = ?", values)
            conn.execute(
                "INSERT INTO status_history (job_id, status, at, note) VALUES (?, ?, ?, ?)",
                (job_id, status.value, now, note),
            )
        return self._require(job_id)

    def update_fields(self, job_id: str, **changes: Any) -> Job:
        """Save ``changes`` (progress, remote_id, paths, ...) without a status change."""
        sets = self._set_clause(changes)
        with self._write() as conn:
            cols = ["updated_at = ?", *(f"{c} = ?" for c, _ in sets)]
            values = [time.time(), *(v for _, v in sets), job_id]
            cur = conn.execute(f"UPDATE jobs SET {', '.join(cols)} WHERE id = ?", values)
            if cur.rowcount == 0:
                raise KeyError(job_id)
        return self._require(job_id)

    def set_favourite(self, job_id: str, favourite: bool) -> None:
        with self._write() as conn:
            cur = conn.execute(
                "UPDATE jobs SET favourite = ? WHERE id = ?", (int(bool(favourite)), job_id)
            )
            if cur.rowcount == 0:
                raise KeyError(job_id)

    def delete(self, job_id: str) -> None:
        """Forget a job and its history (files on disk are left to the caller)."""
        with self._write() as conn:
            conn.execute("DELETE FROM jobs WHERE id = ?", (job_id,))

    @staticmethod
    def _set_clause(changes: dict[str, Any]) -> list[tuple[str, Any]]:
        unknown = set(changes) - CHANGEABLE_FIELDS
        if unknown:
            raise ValueError(f"these job fields can't be changed here: {sorted(unknown)}")
        return [field_to_column(name, value) for name, value in changes.items()]

    # -- reads -----------------------------------------------------------------------

    def get(self, job_id: str) -> Job | None:
        jobs = self._select("WHERE id = ?", [job_id])
        return jobs[0] if jobs else None

    def _require(self, job_id: str) -> Job:
        job = self.get(job_id)
        if job is None:  # pragma: no cover - deleted by another thread mid-call
            raise KeyError(job_id)
        return job

    def find_by_remote_id(self, remote_id: str) -> Job | None:
        jobs = self._select("WHERE remote_id = ? ORDER BY seq DESC LIMIT 1", [remote_id])
        return jobs[0] if jobs else None

    def find_by_id_fragment(self, fragment: str, *, limit: int = 10) -> list[Job]:
        """Jobs (newest first, at most ``limit``) that a piece of an id may name: the start
        of the local id, the start of the remote id with or without its prefix up to the
        first ``_`` (``video_``), or, from 8 characters on, the end of the remote id (the
        ``{id}`` in the names of files exported before they carried the local id). Case does
        not matter."""
        text = fragment.strip()
        if not text:
            return []
        escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        start = f"{escaped}%"
        clauses = [
            "id LIKE ? ESCAPE '\\'",
            "remote_id LIKE ? ESCAPE '\\'",
            "substr(remote_id, instr(remote_id, '_') + 1) LIKE ? ESCAPE '\\'",
        ]
        params: list[Any] = [start, start, start]
        if len(text) >= 8:
            clauses.append("remote_id LIKE ? ESCAPE '\\'")
            params.append(f"%{escaped}")
        params.append(max(1, int(limit)))
        return self._select(
            f"WHERE {' OR '.join(clauses)} ORDER BY created_at DESC, seq DESC LIMIT ?", params
        )

    def active_jobs(self) -> list[Job]:
        """Jobs that should be resumed on start (every active status, incl. interrupted)."""
        active = [s for s in JobStatus if s.is_active]
        return self.list_jobs(statuses=active, order_by="created_at", descending=False)

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
        """A page of the library. ``order_by`` is a Job field name (see SORT_COLUMNS);
        ``filters`` are the other filters of :func:`.library_query.where_clause` (models,
        sizes, seconds, connections, created_from, created_before)."""
        if order_by not in SORT_COLUMNS:
            raise ValueError(f"can't sort by {order_by!r}; choose one of {sorted(SORT_COLUMNS)}")
        # Sorted by created_at, walking its index and probing the FTS hits beats fetching
        # every hit and sorting them (a common word: ~40 ms -> ~3 ms at 50,000 jobs).
        where, params = where_clause(
            fts=self._fts,
            statuses=statuses,
            search=search,
            favourites_only=favourites_only,
            walk_index=order_by == "created_at",
            **filters,
        )
        direction = "DESC" if descending else "ASC"
        sql = f"{where} ORDER BY {SORT_COLUMNS[order_by]} {direction}, seq {direction}"
        if limit is not None:
            sql += " LIMIT ? OFFSET ?"
            params += [max(0, int(limit)), max(0, int(offset))]
        elif offset:
            sql += " LIMIT -1 OFFSET ?"
            params.append(max(0, int(offset)))
        return self._select(sql, params)

    def count(
        self,
        *,
        statuses: Iterable[JobStatus | str] | None = None,
        search: str | None = None,
        favourites_only: bool = False,
        **filters: Any,
    ) -> int:
        where, params = where_clause(
            fts=self._fts,
            statuses=statuses,
            search=search,
            favourites_only=favourites_only,
            **filters,
        )
        with self._guard():
            row = self._conn().execute(f"SELECT count(*) FROM jobs {where}", params).fetchone()
        return int(row[0])

    def facets(self) -> LibraryFacets:
        """The models, sizes, durations and connections present, with their counts."""
        with self._guard():
            return read_facets(self._conn())

    def spending(self) -> SpendingTotals:
        """Estimated spending per connection and month (see :mod:`.spending`)."""
        with self._guard():
            return SpendingTotals.of(read_spending(self._conn()))

    def source_of(self, job: Job) -> Job | None:
        """The library's job that ``job`` is a remix of (None: not a remix, or not here)."""
        remix_of = job.request.remix_of
        return self.find_by_remote_id(remix_of) if remix_of else None

    def remix_info(self, jobs: Sequence[Job]) -> dict[str, RemixInfo]:
        """For a page of jobs: what each is a remix of, and how many remixes each has."""
        with self._guard():
            return read_remix_info(self._conn(), jobs)

    def remixes_of(self, job: Job) -> list[Job]:
        """The library's remixes of ``job``, oldest first."""
        if not job.remote_id:
            return []
        return self._select("WHERE remix_of = ? ORDER BY created_at, seq", [job.remote_id])

    def _select(self, tail: str, params: Sequence[Any]) -> list[Job]:
        conn = self._conn()
        with self._guard():
            conn.execute("BEGIN")  # one snapshot for the rows and their history
            try:
                cur = conn.execute(f"SELECT * FROM jobs {tail}", list(params))
                cols = [d[0] for d in cur.description]
                rows = cur.fetchall()
                history = self._history(conn, [r[cols.index("id")] for r in rows])
            finally:
                conn.execute("COMMIT")
        jobs = []
        for r in rows:
            data = dict(zip(cols, r, strict=True))
            jobs.append(row_to_job(data, history.get(data["id"], [])))
        return jobs

    @staticmethod
    def _history(conn: sqlite3.Connection, ids: list[str]) -> dict[str, list[StatusChange]]:
        out: dict[str, list[StatusChange]] = {}
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            marks = ", ".join("?" for _ in chunk)
            for job_id, status, at, note in conn.execute(
                "SELECT job_id, status, at, note FROM status_history "
                f"WHERE job_id IN ({marks}) ORDER BY seq",
                chunk,
            ):
                out.setdefault(job_id, []).append(StatusChange(JobStatus(status), at, note))
        return out
