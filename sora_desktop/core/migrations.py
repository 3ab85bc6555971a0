"""The library database schema, as a list of forward migrations.

``PRAGMA user_version`` holds the number of migrations applied. Each migration runs inside
its own ``BEGIN IMMEDIATE`` transaction together with the version bump, so a crash leaves the
file at the previous version, never half-migrated. Never edit a released migration: append a
new one.

- v1: ``jobs`` (one row per generation: request, connection without secrets, state) and
  ``status_history``, with indexes for the library's sort and filter columns.
- v2: ``jobs_fts``, an FTS5 index over prompts (external content, kept in sync by triggers).
  Where SQLite was built without FTS5 the migration leaves it out and search falls back to
  ``LIKE``.
- v3: ``estimated_cost`` (US dollars, stored when a job is submitted; existing rows get the
  estimate from the price table of this version, 0 on a simulator, NULL where no price is
  known) and ``remote_deleted_at`` (when the service's copy was deleted from the app), with
  indexes for the library's filters and sorts (size, duration, connection) and for finding a
  clip's remixes (``remix_of``).
- v4: ``options``, JSON text of the settings only some models have (audio, negative prompt,
  seed, end image, the model's own fields; ``store_rows.request_options``), NULL for none.
- v5: storyboards (``storyboards``: one row per storyboard, its document as the portable
  JSON of :mod:`.storyboard` with absolute paths; ``storyboard_takes``: which job is a take
  of which shot, kept with the document, so a job's storyboards are one indexed query) and
  ``extend_of`` on jobs (the remote id of the clip an extension continues, like
  ``remix_of``), indexed.
- v6: the batches (core/batch/store.py): ``batches`` (what was asked: connection without a
  key, cap, concurrency, output folder), ``batch_rows`` (one planned job each: its label,
  settings, estimate, why it is invalid, whether the cap holds it, how many attempts were
  asked for) and ``batch_jobs`` (each job made for a row, recorded *before* it is sent, so
  a resumed batch never sends a row twice). A job deleted from the library keeps its
  ``batch_jobs`` record: that row is never sent again by itself.
- v7: ``job_sources``: which library clips a clip was made from (a stitched film: its
  shots in order; a continuation: the clip it continues), so the library can show the link
  and a film its shots. Rows of a deleted job are left; readers join with ``jobs``.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence

from sora_desktop.core.errors import StoreError
from sora_desktop.core.i18n import _

_V1: tuple[str, ...] = (
    """
    CREATE TABLE jobs (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        prompt TEXT NOT NULL,
        model TEXT NOT NULL,
        size TEXT NOT NULL,
        seconds INTEGER NOT NULL,
        reference_image TEXT,
        remix_of TEXT,
        conn_kind TEXT NOT NULL,
        base_url TEXT NOT NULL,
        auth_style TEXT NOT NULL,
        key_source TEXT NOT NULL,
        proxy TEXT,
        profile_id TEXT,
        status TEXT NOT NULL,
        remote_id TEXT,
        progress INTEGER NOT NULL DEFAULT 0,
        created_at REAL NOT NULL,
        updated_at REAL NOT NULL,
        submitted_at REAL,
        completed_at REAL,
        expires_at REAL,
        error_code TEXT,
        error_message TEXT,
        file_path TEXT,
        thumbnail_path TEXT,
        favourite INTEGER NOT NULL DEFAULT 0
    )
    """,
    """
    CREATE TABLE status_history (
        seq INTEGER PRIMARY KEY,
        job_id TEXT NOT NULL REFERENCES jobs(id) ON DELETE CASCADE,
        status TEXT NOT NULL,
        at REAL NOT NULL,
        note TEXT
    )
    """,
    "CREATE INDEX ix_history_job ON status_history(job_id, seq)",
    "CREATE INDEX ix_jobs_created ON jobs(created_at)",
    "CREATE INDEX ix_jobs_status ON jobs(status, created_at)",
    "CREATE INDEX ix_jobs_favourite ON jobs(favourite, created_at)",
    "CREATE INDEX ix_jobs_model ON jobs(model, created_at)",
    "CREATE INDEX ix_jobs_remote ON jobs(remote_id)",
)

_V2_FTS: tuple[str, ...] = (
    """
    CREATE VIRTUAL TABLE jobs_fts USING fts5(
        prompt, content='jobs', content_rowid='seq',
        tokenize='unicode61 remove_diacritics 2', prefix='2 3'
    )
    """,
    """
    CREATE TRIGGER jobs_fts_ai AFTER INSERT ON jobs BEGIN
        INSERT INTO jobs_fts(rowid, prompt) VALUES (new.seq, new.prompt);
    END
    """,
    """
    CREATE TRIGGER jobs_fts_ad AFTER DELETE ON jobs BEGIN
        INSERT INTO jobs_fts(jobs_fts, rowid, prompt) VALUES ('delete', old.seq, old.prompt);
    END
    """,
    """
    CREATE TRIGGER jobs_fts_au AFTER UPDATE OF prompt ON jobs BEGIN
        INSERT INTO jobs_fts(jobs_fts, rowid, prompt) VALUES ('delete', old.seq, old.prompt);
        INSERT INTO jobs_fts(rowid, prompt) VALUES (new.seq, new.prompt);
    END
    """,
    "INSERT INTO jobs_fts(jobs_fts) VALUES ('rebuild')",
)


def fts5_available(conn: sqlite3.Connection) -> bool:
    """Was this SQLite built with FTS5?"""
    try:
        rows = conn.execute("PRAGMA compile_options").fetchall()
    except sqlite3.Error:  # pragma: no cover - every supported SQLite has the pragma
        return False
    return any(str(r[0]).upper() == "ENABLE_FTS5" for r in rows) or _probe_fts5(conn)


def _probe_fts5(conn: sqlite3.Connection) -> bool:
    try:
        conn.execute("CREATE VIRTUAL TABLE temp._fts5_probe USING fts5(x)")
    except sqlite3.OperationalError:
        return False
    conn.execute("DROP TABLE temp._fts5_probe")
    return True


_V3: tuple[str, ...] = (
    "ALTER TABLE jobs ADD COLUMN estimated_cost REAL",
    "ALTER TABLE jobs ADD COLUMN remote_deleted_at REAL",
    "CREATE INDEX ix_jobs_size ON jobs(size, created_at)",
    "CREATE INDEX ix_jobs_seconds ON jobs(seconds, created_at)",
    # the library's "connection": the profile, or the base URL of a one-off CLI connection
    "CREATE INDEX ix_jobs_connection ON jobs(COALESCE(profile_id, base_url), created_at)",
    "CREATE INDEX ix_jobs_remix_of ON jobs(remix_of)",
)


_V5: tuple[str, ...] = (
    """
    CREATE TABLE storyboards (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        created_at REAL NOT NULL,
        updated_at REAL NOT NULL,
        document TEXT NOT NULL
    )
    """,
    "CREATE INDEX ix_storyboards_updated ON storyboards(updated_at)",
    """
    CREATE TABLE storyboard_takes (
        storyboard_id TEXT NOT NULL REFERENCES storyboards(id) ON DELETE CASCADE,
        shot_id TEXT NOT NULL,
        job_id TEXT NOT NULL,
        chosen INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (storyboard_id, shot_id, job_id)
    )
    """,
    "CREATE INDEX ix_storyboard_takes_job ON storyboard_takes(job_id)",
    "ALTER TABLE jobs ADD COLUMN extend_of TEXT",
    "CREATE INDEX ix_jobs_extend_of ON jobs(extend_of)",
)


_V6_BATCHES: tuple[str, ...] = (
    """
    CREATE TABLE batches (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        created_at REAL NOT NULL,
        updated_at REAL NOT NULL,
        source TEXT,
        template TEXT,
        sweeps TEXT NOT NULL,
        conn_kind TEXT NOT NULL,
        base_url TEXT NOT NULL,
        auth_style TEXT NOT NULL,
        key_source TEXT NOT NULL,
        proxy TEXT,
        profile_id TEXT,
        cap REAL,
        concurrency INTEGER NOT NULL,
        out_dir TEXT,
        state TEXT NOT NULL
    )
    """,
    """
    CREATE TABLE batch_rows (
        batch_id TEXT NOT NULL REFERENCES batches(id) ON DELETE CASCADE,
        idx INTEGER NOT NULL,
        label TEXT NOT NULL,
        source_row INTEGER NOT NULL,
        source_line INTEGER NOT NULL,
        prompt TEXT NOT NULL,
        model TEXT NOT NULL,
        size TEXT NOT NULL,
        seconds INTEGER NOT NULL,
        reference_image TEXT,
        seed INTEGER,
        sweep TEXT NOT NULL,
        estimated_cost REAL,
        problem TEXT,
        wanted INTEGER NOT NULL DEFAULT 1,
        held INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (batch_id, idx)
    )
    """,
    """
    CREATE TABLE batch_jobs (
        batch_id TEXT NOT NULL,
        idx INTEGER NOT NULL,
        attempt INTEGER NOT NULL,
        job_id TEXT NOT NULL UNIQUE,
        estimated_cost REAL,
        sent INTEGER NOT NULL DEFAULT 0,
        created_at REAL NOT NULL,
        exported_path TEXT,
        export_error TEXT,
        PRIMARY KEY (batch_id, idx, attempt),
        FOREIGN KEY (batch_id, idx) REFERENCES batch_rows(batch_id, idx) ON DELETE CASCADE
    )
    """,
    "CREATE INDEX ix_batches_state ON batches(state, created_at)",
)


_V7_SOURCES: tuple[str, ...] = (
    """
    CREATE TABLE job_sources (
        job_id TEXT NOT NULL,
        position INTEGER NOT NULL,
        source_id TEXT NOT NULL,
        kind TEXT NOT NULL,
        PRIMARY KEY (job_id, position)
    )
    """,
    "CREATE INDEX ix_job_sources_source ON job_sources(source_id)",
)


def _v1(conn: sqlite3.Connection) -> None:
    for sql in _V1:
        conn.execute(sql)


def _v2(conn: sqlite3.Connection) -> None:
    if not fts5_available(conn):
        return  # search uses LIKE; nothing else depends on the index
    for sql in _V2_FTS:
        conn.execute(sql)


def _v3(conn: sqlite3.Connection) -> None:
    from sora_desktop.core.models import ConnectionKind
    from sora_desktop.core.spending import estimate_cost

    for sql in _V3:
        conn.execute(sql)
    rows = conn.execute("SELECT seq, model, size, seconds, conn_kind FROM jobs").fetchall()
    estimates = []
    for seq, model, size, seconds, kind in rows:
        try:
            known = ConnectionKind(kind)
        except ValueError:
            continue
        cost = estimate_cost(model, size, int(seconds), known)
        if cost is not None:
            estimates.append((cost, seq))
    conn.executemany("UPDATE jobs SET estimated_cost = ? WHERE seq = ?", estimates)


def _v4(conn: sqlite3.Connection) -> None:
    conn.execute("ALTER TABLE jobs ADD COLUMN options TEXT")


def _v5_storyboards(conn: sqlite3.Connection) -> None:
    for sql in _V5:
        conn.execute(sql)


def _v6_batches(conn: sqlite3.Connection) -> None:
    for sql in _V6_BATCHES:
        conn.execute(sql)


def _v7_sources(conn: sqlite3.Connection) -> None:
    for sql in _V7_SOURCES:
        conn.execute(sql)


#: Forward migrations; index i takes the schema from version i to version i + 1.
MIGRATIONS: Sequence[Callable[[sqlite3.Connection], None]] = (
    _v1,
    _v2,
    _v3,
    _v4,
    _v5_storyboards,
    _v6_batches,
    _v7_sources,
)
SCHEMA_VERSION = len(MIGRATIONS)


def user_version(conn: sqlite3.Connection) -> int:
    row = conn.execute("PRAGMA user_version").fetchone()
    return int(row[0])


def migrate(conn: sqlite3.Connection, target: int | None = None) -> int:
    """Bring the schema up to ``target`` (default: the newest). Returns the final version.

    ``conn`` must be in autocommit mode (``isolation_level=None``) so the explicit
    transactions here are the only ones. Raises :class:`StoreError` for a file made by a
    newer version of the app.
    """
    goal = SCHEMA_VERSION if target is None else target
    if not 0 <= goal <= SCHEMA_VERSION:
        raise ValueError(f"no schema version {goal}")
    while True:
        conn.execute("BEGIN IMMEDIATE")
        try:
            current = user_version(conn)  # re-read under the write lock: another process
            if current > SCHEMA_VERSION:  # may have migrated meanwhile
                raise StoreError(
                    _(
                        "The library was written by a newer version of Sora Desktop "
                        "(schema {schema}; this version knows up to {known})."
                    ).format(schema=current, known=SCHEMA_VERSION),
                    _("Update Sora Desktop, or open another library folder with --data-dir."),
                )
            if current >= goal:
                conn.execute("COMMIT")
                return current
            MIGRATIONS[current](conn)
            conn.execute(f"PRAGMA user_version = {current + 1:d}")
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
