"""Library benchmark (GUI side): the library panel over a 50,000-job SQLite library.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_library_gui.py [--rows 50000]

Targets (design brief): the library opens (model + view shown, first page painted) in under
300 ms, and a search filter applies (re-query + repaint) in under 50 ms. Also timed: the next
page (fetchMore), a sort by prompt, a status filter, and how long the visible thumbnails take
to arrive from the worker pool. Exits 1 when a target is missed.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QModelIndex, QSize, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication

import sora_desktop.gui  # noqa: F401  (applies the PySide6 workaround first)
from sora_desktop.core.models import JobStatus
from sora_desktop.core.store import JobStore
from sora_desktop.gui.library_model import Column, LibraryModel
from sora_desktop.gui.library_view import LibraryPanel
from sora_desktop.gui.thumbnails import ThumbnailCache
from tests.gui.library_jobs import make_job

OPEN_TARGET_MS = 300.0
SEARCH_TARGET_MS = 50.0


def build_library(path: Path, rows: int, thumb: Path) -> float:
    statuses = [JobStatus.READY] * 8 + [JobStatus.FAILED, JobStatus.CANCELLED]
    start = time.perf_counter()
    with JobStore(path) as store:
        for i in range(rows):
            job = make_job(
                i,
                status=statuses[i % len(statuses)],
                favourite=i % 17 == 0,
                seconds=(4, 8, 12)[i % 3],
            )
            if job.status is JobStatus.READY:
                job.thumbnail_path = thumb
            store.add(job)
    return time.perf_counter() - start


def timed(action: Callable[[], object], app: QApplication, repeat: int = 5) -> float:
    """Median milliseconds of ``action`` followed by the repaint it causes."""
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        app.processEvents()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=50_000)
    args = parser.parse_args(argv)
    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        thumb = root / "thumb.png"
        image = QImage(320, 180, QImage.Format.Format_RGB32)
        image.fill(QColor("steelblue"))
        image.save(str(thumb))
        build_s = build_library(root / "library.db", args.rows, thumb)
        print(f"built {args.rows} jobs in {build_s:.1f} s")

        store = JobStore(root / "library.db")
        panels: list[LibraryPanel] = []

        def open_panel() -> None:
            cache = ThumbnailCache(QSize(96, 54), cache_dir=root / "cache")
            panel = LibraryPanel(store, cache)
            panel.resize(1200, 800)
            panel.show()
            panels.append(panel)

        start = time.perf_counter()
        open_panel()
        app.processEvents()
        first_open = (time.perf_counter() - start) * 1000
        panel = panels[-1]
        assert panel.model.rowCount() == 200, panel.model.rowCount()
        start = time.perf_counter()
        view = panel.view
        first, last = view.rowAt(0), view.rowAt(view.viewport().height() - 1)
        wanted = [
            job
            for r in range(first, last + 1)
            if (job := panel.model.job_at(r)) is not None and job.thumbnail_path is not None
        ]

        def shown() -> int:
            return sum(
                panel.thumbnails.pixmap(LibraryModel.thumb_key(job), job.thumbnail_path, None)
                is not None
                for job in wanted
            )

        deadline = time.monotonic() + 30
        while shown() < len(wanted) and time.monotonic() < deadline:
            app.processEvents()
        thumbs_ms = (time.perf_counter() - start) * 1000
        print(f"{shown()} of {len(wanted)} visible thumbnails shown (rows {first}-{last})")

        def reopen() -> None:
            for old in panels:
                old.shutdown()
                old.close()
                old.deleteLater()
            panels.clear()
            open_panel()

        open_ms = timed(reopen, app)
        panel = panels[-1]
        search_ms = timed(lambda: (panel.model.set_search("fox"), panel.model.set_search("")), app)
        search_only = []
        for word in ("fox", "neon", "boat", "astronaut", "bread"):
            start = time.perf_counter()
            panel.model.set_search(word)
            app.processEvents()
            search_only.append((time.perf_counter() - start) * 1000)
            assert panel.model.total_count() == args.rows // 5, panel.model.total_count()
        panel.model.set_search("")
        app.processEvents()
        page_ms = timed(lambda: panel.model.fetchMore(QModelIndex()), app)
        sort_ms = timed(
            lambda: panel.view.sortByColumn(Column.PROMPT, Qt.SortOrder.AscendingOrder), app
        )
        panel.view.sortByColumn(Column.DATE, Qt.SortOrder.DescendingOrder)
        status_ms = timed(
            lambda: (
                panel.status_filter.setCurrentIndex(3),
                panel.status_filter.setCurrentIndex(0),
            ),
            app,
        )
        for p in panels:
            p.shutdown()
        store.close()

    search_median = statistics.median(search_only)
    rows = [
        ("first open (cold, incl. imports of the view)", first_open, ""),
        ("open library, first page painted (median)", open_ms, f"target < {OPEN_TARGET_MS:.0f}"),
        (
            "search filter applied + repainted (median)",
            search_median,
            f"target < {SEARCH_TARGET_MS:.0f}",
        ),
        ("search on + off again (median)", search_ms, ""),
        ("next page of 200 (fetchMore)", page_ms, ""),
        ("sort by prompt (SQL ORDER BY)", sort_ms, ""),
        ("status filter on + off", status_ms, ""),
        ("visible thumbnails loaded by the workers", thumbs_ms, ""),
    ]
    for label, ms, note in rows:
        print(f"{label + ':':<46} {ms:7.1f} ms  {note}")
    ok = open_ms < OPEN_TARGET_MS and search_median < SEARCH_TARGET_MS
    print("PASS" if ok else "FAIL")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
