"""Library benchmark (store side): a 50,000-job SQLite library, timed.

    .venv/bin/python benchmarks/bench_library.py [--rows 50000] [--keep DIR]

Creates the jobs in a temporary folder, then times: bulk insert, single inserts, opening the
file (integrity quick-check + migrations), count, first page of 200 sorted by created_at,
a deep page, a status filter, FTS prefix searches and the LIKE fallback. A GUI engineer may
add the GUI side (model over the store) as another section.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sora_desktop.core.models import (
    Connection,
    ConnectionKind,
    Job,
    JobStatus,
    KeySource,
    VideoRequest,
)
from sora_desktop.core.store import JobStore

WORDS = [
    "fox",
    "lighthouse",
    "dawn",
    "neon",
    "city",
    "rain",
    "koi",
    "pond",
    "cherry",
    "blossom",
    "drone",
    "shot",
    "desert",
    "caravan",
    "astronaut",
    "garden",
    "robot",
    "barista",
    "latte",
    "snow",
    "mountain",
    "waves",
    "forest",
    "owl",
    "train",
    "station",
    "slow",
    "motion",
    "cinematic",
    "golden",
    "hour",
    "handheld",
    "aerial",
    "macro",
    "portrait",
    "timelapse",
    "sunset",
    "jellyfish",
    "underwater",
    "lantern",
    "festival",
    "paper",
    "boat",
    "violin",
    "street",
    "market",
    "tiger",
    "glacier",
]
STATUSES = [JobStatus.READY] * 8 + [JobStatus.FAILED, JobStatus.CANCELLED, JobStatus.QUEUED]


def make_jobs(n: int, rng: random.Random) -> list[Job]:
    conn = Connection(kind=ConnectionKind.SIMULATOR, base_url="", key_source=KeySource())
    start = 1_750_000_000.0
    jobs = []
    for i in range(n):
        prompt = " ".join(rng.choice(WORDS) for _ in range(rng.randint(8, 40)))
        jobs.append(
            Job(
                id=uuid.uuid4().hex,
                request=VideoRequest(prompt=prompt, model=rng.choice(["sora-2", "sora-2-pro"])),
                connection=conn,
                status=rng.choice(STATUSES),
                remote_id=f"video_{uuid.uuid4().hex}",
                created_at=start + i * 37.0,
                favourite=rng.random() < 0.05,
            )
        )
    return jobs


def timed(fn: Callable[[], Any], repeat: int = 5) -> tuple[float, Any]:
    """Median wall time in milliseconds over ``repeat`` runs, and the last result."""
    times = []
    result = None
    for _ in range(repeat):
        t0 = time.perf_counter()
        result = fn()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times), result


def run(rows: int, folder: Path) -> list[tuple[str, float, str]]:
    rng = random.Random(42)
    path = folder / "library.db"
    out: list[tuple[str, float, str]] = []
    jobs = make_jobs(rows, rng)

    store = JobStore(path)
    t0 = time.perf_counter()
    store.add_many(jobs)
    out.append((f"bulk insert {rows} jobs (one transaction)", _ms(t0), ""))
    extra = make_jobs(500, random.Random(7))
    for job in extra:
        job.status = JobStatus.DRAFT
    t0 = time.perf_counter()
    for job in extra:
        store.add(job)
    out.append(("single add() (one transaction each)", _ms(t0) / len(extra), "per job"))
    t0 = time.perf_counter()
    store.transition(extra[0].id, JobStatus.SUBMITTING)
    out.append(("transition() incl. history", _ms(t0), ""))
    store.close()

    ms, store = timed(lambda: _reopen(path), repeat=3)
    out.append(("open existing library (quick_check + migrate)", ms, ""))
    try:
        ms, n = timed(store.count)
        out.append(("count()", ms, f"{n} rows"))
        ms, n = timed(lambda: store.count(statuses=[JobStatus.FAILED]))
        out.append(("count(statuses=[failed])", ms, f"{n} rows"))
        ms, page = timed(lambda: store.list_jobs(limit=200))
        out.append(("first page: 200 newest (created_at desc)", ms, f"{len(page)} rows"))
        ms, page = timed(lambda: store.list_jobs(limit=200, offset=25_000))
        out.append(("page at offset 25,000", ms, f"{len(page)} rows"))
        ms, page = timed(lambda: store.list_jobs(favourites_only=True, limit=200))
        out.append(("favourites, first page", ms, f"{len(page)} rows"))
        ms, page = timed(lambda: store.list_jobs(order_by="prompt", limit=200))
        out.append(("first page sorted by prompt (no index)", ms, f"{len(page)} rows"))
        for term in ("lighthouse", "jelly", "neon rain", "zebra"):
            ms, page = timed(lambda t=term: store.list_jobs(search=t, limit=200))
            cms, n = timed(lambda t=term: store.count(search=t))
            out.append((f"FTS search {term!r}: page / count", ms, f"count {cms:.1f} ms, {n} hits"))
        store._fts = False  # same query through the LIKE fallback, for comparison
        ms, page = timed(lambda: store.list_jobs(search="lighthouse", limit=200))
        cms, n = timed(lambda: store.count(search="lighthouse"))
        out.append(("LIKE fallback 'lighthouse': page / count", ms, f"count {cms:.1f} ms, {n}"))
    finally:
        store.close()
    size = sum(p.stat().st_size for p in folder.glob("library.db*"))
    out.append(("file size (db + wal), MB", size / 1e6, "MB"))
    return out


def _reopen(path: Path) -> JobStore:
    store = JobStore(path)
    store.count()  # make sure the connection really did some work
    return store


def _ms(t0: float) -> float:
    return (time.perf_counter() - t0) * 1000


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=50_000)
    parser.add_argument("--keep", type=Path, help="build the library here and keep it")
    args = parser.parse_args(argv)
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
        results = run(args.rows, args.keep)
    else:
        with tempfile.TemporaryDirectory(prefix="sora-bench-") as tmp:
            results = run(args.rows, Path(tmp))
    print(f"Library benchmark, {args.rows} jobs, SQLite {__import__('sqlite3').sqlite_version}")
    for name, value, note in results:
        unit = "" if note == "MB" else " ms"
        print(f"  {name:<48} {value:10.2f}{unit}  {'' if note == 'MB' else note}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
