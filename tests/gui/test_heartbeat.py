"""The window never freezes: a 10 ms GUI-thread heartbeat while FIVE jobs poll and download,
while a 300 MB clip is exported and while 1,000 clips are deleted.

First with the simulator as a separate process (what is measured is our app, the GUI thread
against the I/O thread), then with the built-in simulator a creator gets on the first run: its
HTTP server runs in this process and its renders in a worker process, so a render (PyAV/numpy)
never holds this process's GIL.

A stall is a gap between beats minus the time the GUI thread spent runnable but waiting for a
CPU (Linux: ``/proc/self/task/<tid>/schedstat``): on a shared 2-core machine another program
may take the CPU for 100 ms, which is the machine's stall, not the app's. Time the GUI thread
spends blocked on the disk, on a lock or on the GIL still counts. Both figures are printed.

While a beat is late (> 30 ms), ``tests/stall_sampler.py`` samples the GUI thread's
Python stack: a stall over the bound fails with the worst beat's stacks in its message, so the
failure says where the time went.
"""

from __future__ import annotations

import multiprocessing
import os
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import NamedTuple

import pytest
from PySide6.QtCore import QTimer
from pytestqt.qtbot import QtBot

from sora_desktop.core.models import Job
from sora_desktop.core.paths import AppPaths
from sora_desktop.gui.app import AppContext, build
from tests.stall_sampler import StallSampler

MAX_STALL_MS = 50.0
JOBS = 5


class _RunQueueWait:
    """This thread's total time runnable but not running, in ms (0 where unknown)."""

    def __init__(self) -> None:
        try:
            self._fd: int | None = os.open(
                f"/proc/self/task/{threading.get_native_id()}/schedstat", os.O_RDONLY
            )
        except OSError:
            self._fd = None

    def __call__(self) -> float:
        if self._fd is None:
            return 0.0
        return int(os.pread(self._fd, 128, 0).split()[1]) / 1e6

    def close(self) -> None:
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None


@pytest.fixture
def simulator_process() -> Iterator[str]:
    """``python -m sora_desktop.simulator`` on a free port; yields its URL (no /v1)."""
    # It stands in for a remote service: its renders must not take our CPU away. `nice`, not
    # preexec_fn=os.nice: Python code between fork and exec can deadlock on a lock another
    # thread held at the fork (Qt's threads are running by now), and a child stuck there
    # holds a copy of every descriptor, CI's output pipe included.
    nice = shutil.which("nice")
    proc = subprocess.Popen(
        [
            *([nice, "-n", "19"] if nice else []),
            sys.executable,
            *("-m", "sora_desktop.simulator", "--port", "0", "--latency", "1.5"),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    try:
        url = None
        assert proc.stdout is not None
        deadline = time.monotonic() + 30
        while url is None and time.monotonic() < deadline:
            line = proc.stdout.readline()
            if not line:
                break
            match = re.search(r"(http://127\.0\.0\.1:\d+)/v1", line)
            if match:
                url = match.group(1)
        assert url, "the simulator process did not start"
        yield url
    finally:
        # Windows can't send SIGINT to another process (send_signal raises ValueError)
        proc.send_signal(signal.SIGTERM if sys.platform == "win32" else signal.SIGINT)
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        if proc.stdout is not None:
            proc.stdout.close()


class Beats(NamedTuple):
    """A heartbeat's measure: the gaps between beats (ms), the stalls (the gaps less the GUI
    thread's run-queue wait) and where the worst stall was spent (the sampled stacks)."""

    gaps: list[float]
    stalls: list[float]
    where: str = ""


class _Heartbeat:
    """A 10 ms timer on the GUI thread recording the gaps between beats (ms) and the stalls
    (the gaps less the GUI thread's run-queue wait); beats from construction to :meth:`stop`.
    A :class:`StallSampler` takes the GUI thread's stack while a beat is late."""

    def __init__(self) -> None:
        self.gaps: list[float] = []
        self.stalls: list[float] = []
        self._wait = _RunQueueWait()
        self.sampler = StallSampler(threading.get_ident())
        self.sampler.start()
        self._last = (time.perf_counter(), self._wait())
        self._cpu = time.thread_time()
        self._timer = QTimer()
        self._timer.setInterval(10)
        self._timer.timeout.connect(self._beat)
        self._timer.start()

    def _beat(self) -> None:
        now, waited = time.perf_counter(), self._wait()
        gap = (now - self._last[0]) * 1000
        self.gaps.append(gap)
        self.stalls.append(gap - (waited - self._last[1]))
        self._last = (now, waited)
        cpu, self._cpu = self._cpu, time.thread_time()
        self.sampler.beat(len(self.stalls) - 1, self.stalls[-1], (self._cpu - cpu) * 1000)

    def clear(self) -> None:
        """Measure from now on (the beats so far were the window settling)."""
        self.gaps.clear()
        self.stalls.clear()
        self.sampler.clear()

    def stop(self) -> None:
        self._timer.stop()
        self._wait.close()
        self.sampler.stop()

    def beats(self) -> Beats:
        where = ""
        if self.stalls:
            worst = self.stalls.index(max(self.stalls))
            where = self.sampler.describe(self.sampler.find(worst))
        return Beats(self.gaps, self.stalls, where)


def _jobs_under_heartbeat(qtbot: QtBot, ctx: AppContext, jobs: int = JOBS) -> Beats:
    """Show the window, start what follows the first paint, run ``jobs`` jobs to ``ready``
    while a 10 ms timer beats on the GUI thread; return the gaps between beats (ms), the
    stalls (the gaps less the GUI thread's run-queue wait) and the worst one's stacks."""
    w = ctx.window
    w.show()
    qtbot.waitExposed(w)
    # what happens after the first paint: the player is made, modules are warmed up
    with qtbot.waitSignal(ctx.controller.warmed, timeout=30000):
        ctx.start_background()
    finished: list[Job] = []
    ctx.controller.job_finished.connect(finished.append)
    heartbeat = _Heartbeat()
    submitted: list[int] = []

    def click_generate() -> None:  # one click per event, as a creator's clicks arrive
        i = len(submitted)
        w.prompt.set_text(f"Heartbeat clip number {i}: a kite over a beach")
        w.generate()
        submitted.append(i)
        if len(submitted) < jobs:
            QTimer.singleShot(20, click_generate)

    click_generate()
    try:
        qtbot.waitUntil(lambda: len(finished) == jobs, timeout=300000)
    finally:
        heartbeat.stop()
    assert all(job.file_path is not None and job.file_path.is_file() for job in finished)
    assert len({job.id for job in finished}) == jobs
    assert w.queue.model.active_count() == 0
    return heartbeat.beats()


def _assert_no_stall(beats: Beats, label: str) -> None:
    gaps, stalls, where = beats
    worst = max(stalls)
    p99 = sorted(stalls)[int(len(stalls) * 0.99)]
    print(
        f"\nheartbeat ({label}): {len(gaps)} beats, worst stall {worst:.1f} ms "
        f"(beat {stalls.index(worst)}), p99 {p99:.1f} ms; largest raw gap {max(gaps):.1f} ms"
    )
    if worst >= MAX_STALL_MS:
        print(where)
    assert len(gaps) > 50
    assert worst < MAX_STALL_MS, f"the GUI thread stalled for {worst:.1f} ms; {where}"


@pytest.mark.slow
def test_gui_thread_never_stalls_while_five_jobs_run(
    qtbot: QtBot, data_dir: Path, simulator_process: str
) -> None:
    ctx = build(AppPaths.default(data_dir), simulator_url=simulator_process)
    try:
        beats = _jobs_under_heartbeat(qtbot, ctx)
    finally:
        ctx.close()
    _assert_no_stall(beats, "simulator in another process")


@pytest.mark.slow
def test_gui_thread_never_stalls_with_the_built_in_simulator(qtbot: QtBot, data_dir: Path) -> None:
    """A creator's first run: the built-in simulator starts in this process (HTTP server and
    all) and renders in its worker process, so no render holds this process's GIL."""
    ctx = build(AppPaths.default(data_dir))  # no simulator_url: the built-in one, as shipped
    try:
        beats = _jobs_under_heartbeat(qtbot, ctx)
        server = ctx.simulator.server
        assert server is not None, "the built-in simulator did not start in this process"
        assert server.created_count == JOBS
        workers = multiprocessing.active_children()
        assert workers, "the built-in simulator rendered without a worker process"
    finally:
        ctx.close()
    assert multiprocessing.active_children() == []  # closing the app joined the worker
    _assert_no_stall(beats, "built-in simulator, renders in a worker process")


@pytest.mark.slow
def test_gui_thread_never_stalls_while_twenty_jobs_run(qtbot: QtBot, data_dir: Path) -> None:
    """The load case of the reliability issue: twenty generations at once, as shipped (the
    built-in simulator in this process, renders in its worker process).

    The longest of some 4,000 beats decides, so one scheduling hiccup of a shared 2-core
    machine can cross the bound: a first measure over it is measured once more, in a fresh
    library, and the bound holds only if the second measure keeps it (a real stall shows up
    in both; each measure is printed)."""

    def measure(fresh: Path) -> Beats:
        ctx = build(AppPaths.default(fresh))
        try:
            beats = _jobs_under_heartbeat(qtbot, ctx, jobs=20)
            assert ctx.simulator.server is not None
            assert ctx.simulator.server.created_count == 20
        finally:
            ctx.close()
        return beats

    _assert_no_stall(measured_at_most_twice(measure, data_dir), "twenty jobs, built-in simulator")


def measured_at_most_twice(measure: Callable[[Path], Beats], data_dir: Path) -> Beats:
    """``measure(fresh library folder)``, and once more in another when the first measure's
    worst stall is over the bound (a real stall shows up in both; each over it is printed).
    The long heartbeats use it: the longest of thousands of beats decides."""
    for attempt in (1, 2):
        beats = measure(data_dir / f"attempt-{attempt}")
        if max(beats.stalls) < MAX_STALL_MS:
            break
        print(f"\nmeasure {attempt}: worst stall {max(beats.stalls):.1f} ms, over the bound")
        print(beats.where)
    return beats


def _beats_while(
    qtbot: QtBot, start: Callable[[], None], done: Callable[[], bool], timeout: int = 120_000
) -> Beats:
    """Beat every 10 ms on the GUI thread from just before ``start()`` until ``done()``;
    return the gaps (ms), the stalls (gaps less the run-queue wait) and stacks, as above."""
    heartbeat = _Heartbeat()
    # beat a while first (the window settles), then measure from just before the start
    qtbot.waitUntil(lambda: len(heartbeat.gaps) >= 20, timeout=10_000)
    heartbeat.clear()
    start()
    try:
        qtbot.waitUntil(done, timeout=timeout)
        # and a while after (0.4 s): the results are handled on the GUI thread
        settled = len(heartbeat.gaps) + 40
        qtbot.waitUntil(lambda: len(heartbeat.gaps) >= settled, timeout=10_000)
    finally:
        heartbeat.stop()
    return heartbeat.beats()


def _shown_app(qtbot: QtBot, data_dir: Path) -> AppContext:
    ctx = build(AppPaths.default(data_dir), simulator_url="http://127.0.0.1:9")
    ctx.window.show()
    qtbot.waitExposed(ctx.window)
    ctx.ensure_library()
    ctx.controller.start_io()
    return ctx


@pytest.mark.slow
def test_gui_thread_keeps_beating_while_a_300_mb_clip_is_exported(
    qtbot: QtBot, data_dir: Path, tmp_path: Path
) -> None:
    """Issue 9: the export (copy and fsync of a whole MP4) runs as an operation, off the GUI
    thread, and its progress and result come back to the dialog."""
    from sora_desktop.core.settings import Settings
    from sora_desktop.gui.export_dialog import ExportDialog
    from tests.gui.library_jobs import make_job

    ctx = _shown_app(qtbot, data_dir)
    try:
        big = ctx.paths.library_dir / "big.mp4"
        chunk = os.urandom(1 << 20)
        with big.open("wb") as fh:
            for _ in range(300):
                fh.write(chunk)
            # on disk, as a downloaded clip is before it counts as ready: otherwise the
            # kernel writes these 300 MB back during the measurement and the export's fsync
            # waits on them, which is this test's set-up, not the app
            fh.flush()
            os.fsync(fh.fileno())
        job = replace(make_job(0), file_path=big)
        ctx.engine.store.add(job)
        out = tmp_path / "exports"
        dialog = ExportDialog(
            [job], Settings(export_dir=str(out)), ctx.window, None, ctx.operations
        )
        exported: list[list[str]] = []
        dialog.exported.connect(exported.append)
        dialog.show()
        beats = _beats_while(qtbot, dialog.start_export, lambda: bool(exported))
        (written,) = (Path(p) for p in exported[0])
        assert written.stat().st_size == 300 << 20 and written.parent == out
        dialog.deleteLater()
    finally:
        ctx.close()
    _assert_no_stall(beats, "exporting a 300 MB clip")


@pytest.mark.slow
def test_gui_thread_keeps_beating_while_1000_clips_are_deleted(
    qtbot: QtBot, data_dir: Path
) -> None:
    """Issue 9: deleting (files, thumbnails and SQLite rows) runs as an operation."""
    from tests.gui.library_jobs import make_job

    ctx = _shown_app(qtbot, data_dir)
    try:
        videos = ctx.paths.library_dir
        jobs = []
        for i in range(1000):
            clip = videos / f"clip-{i:04d}.mp4"
            clip.write_bytes(b"\0" * 4096)
            jobs.append(replace(make_job(i), file_path=clip))
        for job in jobs:
            ctx.engine.store.add(job)
        library = ctx.window.library
        assert library is not None
        library.refresh()
        # all 1,000 selected (the table loads pages); the selection goes with the rows
        library.selected_jobs = lambda: jobs if library.model.rowCount() else []
        library.delete_local_action.setEnabled(True)  # as selecting them does
        library.confirm = lambda _title, _text: True
        deleted: list[list[str]] = []
        library.locally_deleted.connect(deleted.append)
        beats = _beats_while(qtbot, library.delete_local_action.trigger, lambda: bool(deleted))
        assert len(deleted[0]) == 1000
        assert not any(job.file_path.exists() for job in jobs)  # type: ignore[union-attr]
        assert (
            ctx.engine.store.get(jobs[0].id) is None and ctx.engine.store.get(jobs[-1].id) is None
        )
    finally:
        ctx.close()
    _assert_no_stall(beats, "deleting 1,000 clips")
