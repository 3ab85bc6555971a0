"""The window never freezes while a batch of 100 jobs runs on the built-in simulator (issue
13's target: GUI stall at most 50 ms), with the Batches panel showing the rows and the queue
showing the jobs. Measured as in tests/gui/test_heartbeat.py (stalls net of run-queue wait)."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from sora_desktop.core.batch.preview import BatchPreview
from sora_desktop.core.batch.store import BatchInfo, RowStatus
from sora_desktop.core.paths import AppPaths
from sora_desktop.gui.app import build
from sora_desktop.usecases.batch import BatchOrder
from tests.gui.test_heartbeat import Beats, _assert_no_stall, _beats_while, measured_at_most_twice

JOBS = 100


@pytest.mark.slow
@pytest.mark.timeout(1800)  # 100 renders on a shared 2-core machine, twice at the most
def test_gui_thread_never_stalls_while_a_100_job_batch_runs(
    qtbot: QtBot, data_dir: Path, tmp_path: Path
) -> None:
    """Measured as the twenty-jobs heartbeat is: the longest of some 15,000 beats decides, so
    a first measure over the bound is measured once more in a fresh library, and the bound
    holds only if the second keeps it (a real stall shows up in both; both are printed)."""
    beats = measured_at_most_twice(lambda fresh: _measure(qtbot, fresh, tmp_path), data_dir)
    _assert_no_stall(beats, "a 100-job batch, built-in simulator")


def _measure(qtbot: QtBot, data_dir: Path, tmp_path: Path) -> Beats:
    ideas = tmp_path / "ideas.txt"
    ideas.write_text("".join(f"Batch clip {n}: a kite over a beach\n" for n in range(JOBS)))
    ctx = build(AppPaths.default(data_dir), sim_latency=0.5)  # the built-in simulator
    try:
        window = ctx.window
        window.show()
        qtbot.waitExposed(window)
        with qtbot.waitSignal(ctx.controller.warmed, timeout=30000):
            ctx.start_background()
        profile = window.settings_panel.current_profile()
        assert profile is not None
        ops = ctx.operations
        previews: list[BatchPreview] = []
        order = BatchOrder(file=ideas, concurrency=8, confirmed=True)
        ops.batch_preview(parent=None, order=order, connection=profile.connection()).success(
            previews.append
        ).run_in_background()
        qtbot.waitUntil(lambda: bool(previews), timeout=30000)
        assert previews[0].to_send == JOBS
        started: list[BatchInfo] = []
        panel = window.batch_panel
        assert panel is not None

        def start() -> None:
            def shown(info: BatchInfo) -> None:
                started.append(info)
                window.show_batches(info.id)

            ops.batch_start(parent=None, preview=previews[0], out_dir=None).success(
                shown
            ).run_in_background()

        beats = _beats_while(
            qtbot,
            start,
            lambda: panel.model.count(RowStatus.READY) == JOBS,
            timeout=900_000,
        )
        server = ctx.simulator.server
        assert server is not None and server.created_count == JOBS  # each row sent once
    finally:
        ctx.close()
    return beats
