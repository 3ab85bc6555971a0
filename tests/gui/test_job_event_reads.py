"""Job events reach the window without reading the library per event: a job's progress
ticks update its queue and library rows from the event itself, and a state change carries
the job as stored (``JobEvent.job``), so the library reads scale with state changes, not
with progress ticks, and none of them is on the GUI thread."""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Callable
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from sora_desktop.core.models import Job, JobStatus
from sora_desktop.gui.app import AppContext
from sora_desktop.usecases.history import History
from tests.gui.conftest import library_of

JOBS = 20
#: the library's reads on the GUI thread for the whole run, per job: a burst of new jobs
#: shown on top checks their links once (a continuation is linked to its source). Before
#: events carried the job it was ~17 a job (321 ``get`` and 23 ``remix_info`` for 20 jobs:
#: one per progress tick, for the queue, the library and the job's end).
READS_PER_JOB = 1


def _count_reads(monkeypatch: pytest.MonkeyPatch) -> Counter[str]:
    """Count History's reads made on the GUI thread, by method name."""
    counts: Counter[str] = Counter()
    gui = threading.main_thread()
    for name in ("get", "jobs", "count", "list_jobs", "remix_info", "active_jobs"):
        real: Callable[..., Any] = getattr(History, name)

        def counted(
            self: History, *args: Any, _real: Any = real, _name: str = name, **kw: Any
        ) -> Any:
            if threading.current_thread() is gui:
                counts[_name] += 1
            return _real(self, *args, **kw)

        monkeypatch.setattr(History, name, counted)
    return counts


def test_twenty_jobs_read_the_library_per_state_change_not_per_event(
    make_loopback_app: Callable[[], AppContext], qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    ctx = make_loopback_app()
    w = ctx.window
    ctx.ensure_library()
    library = library_of(ctx)
    events: list[object] = []
    finished: list[Job] = []
    ctx.controller.job_event.connect(events.append)
    ctx.controller.job_finished.connect(finished.append)
    counts = _count_reads(monkeypatch)
    for i in range(JOBS):
        w.prompt.set_text(f"Read counting clip {i}: a heron in the reeds")
        w.generate()
        qtbot.waitUntil(lambda n=i + 1: w.queue.model.rowCount() == n, timeout=10000)
    qtbot.waitUntil(lambda: len(finished) == JOBS, timeout=240000)
    qtbot.waitUntil(lambda: library.model.rowCount() == JOBS, timeout=10000)
    shown = [library.model.job_at(row) for row in range(JOBS)]
    # what the events carried is what the library holds: every row ready, with its clip
    assert all(j is not None and j.status is JobStatus.READY for j in shown)
    assert all(j is not None and j.file_path is not None and j.file_path.is_file() for j in shown)
    assert all(r.status is JobStatus.READY and r.progress == 100 for r in w.queue.model.rows())
    print(f"\n{len(events)} job events; GUI-thread reads: {dict(counts)}")
    assert len(events) > 5 * JOBS  # progress ticks, not just state changes
    assert counts["get"] == 0, counts  # no job is read for an event: the event has it
    assert sum(counts.values()) <= READS_PER_JOB * JOBS, counts
