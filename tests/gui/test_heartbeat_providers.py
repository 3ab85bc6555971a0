"""The window never freezes with twenty jobs spread over fal, Replicate and Runway: a 10 ms
GUI-thread heartbeat while they are created, polled and downloaded from the simulator (a
separate process, under its ``/fal``, ``/replicate`` and ``/runway`` routes, over loopback).
Stalls are measured as in tests/gui/test_heartbeat.py (the GUI thread's run-queue wait
netted out)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from pytestqt.qtbot import QtBot

from sora_desktop.core.models import AuthStyle, ConnectionKind, Job, Profile
from sora_desktop.core.paths import AppPaths
from sora_desktop.core.profiles import ProfileStore
from sora_desktop.gui.app import build

# the fixture is imported so that this module's test can ask for it by name
from tests.gui.test_heartbeat import (  # noqa: F401
    Beats,
    _assert_no_stall,
    _Heartbeat,
    measured_at_most_twice,
    simulator_process,
)

JOBS = 20
ENV = "SORA_TEST_PROVIDER_KEY"
#: a quick model per provider (the reliability suite's)
PROFILES = (
    (ConnectionKind.FAL, "/fal", "fal-ai/wan/v2.7/text-to-video"),
    (ConnectionKind.REPLICATE, "/replicate", "sim/any-video"),
    (ConnectionKind.RUNWAY, "/runway", "gen4.5"),
)


@pytest.mark.slow
def test_gui_thread_never_stalls_while_twenty_provider_jobs_run(
    qtbot: QtBot,
    data_dir: Path,
    simulator_process: str,  # noqa: F811  (the fixture imported above)
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Measured as the twenty-jobs heartbeat is: the longest of some 2,000 beats decides, so
    a first measure over the bound is measured once more in a fresh library, and the bound
    holds only if the second keeps it (a real stall shows up in both; both are printed)."""
    monkeypatch.setenv(ENV, "sim-provider-key")
    beats = measured_at_most_twice(
        lambda fresh: _measure(qtbot, fresh, simulator_process), data_dir
    )
    _assert_no_stall(beats, "twenty jobs over fal/Replicate/Runway")


def _measure(qtbot: QtBot, data_dir: Path, simulator_url: str) -> Beats:
    paths = AppPaths.default(data_dir)
    paths.ensure()
    store = ProfileStore(paths.profiles_path)
    for kind, prefix, model in PROFILES:
        store.add(
            Profile(
                id=kind.value,
                name=kind.value,
                kind=kind,
                base_url=simulator_url + prefix,
                auth_style=AuthStyle.BEARER,
                default_model=model,
                env_var=ENV,
            )
        )
    ctx = build(paths, simulator_url=simulator_url)
    try:
        w = ctx.window
        w.show()
        qtbot.waitExposed(w)
        with qtbot.waitSignal(ctx.controller.warmed, timeout=30_000):
            ctx.start_background()
        finished: list[Job] = []
        ctx.controller.job_finished.connect(finished.append)
        panel = w.settings_panel
        heartbeat = _Heartbeat()
        submitted: list[str] = []

        def click_generate() -> None:  # one click per event, as a creator's clicks arrive
            i = len(submitted)
            kind = PROFILES[i % len(PROFILES)][0]
            panel.profile_combo.setCurrentIndex(panel.profile_combo.findData(kind.value))
            panel.duration_combo.setCurrentIndex(0)  # the shortest clip the model makes
            w.prompt.set_text(f"Heartbeat clip number {i}: a kite over a beach")
            w.generate()
            submitted.append(kind.value)
            if len(submitted) < JOBS:
                QTimer.singleShot(20, click_generate)

        click_generate()
        try:
            qtbot.waitUntil(lambda: len(finished) == JOBS, timeout=400_000)
        finally:
            heartbeat.stop()
        assert len({job.id for job in finished}) == JOBS
        kinds = {job.connection.kind for job in finished}
        assert kinds == {kind for kind, _p, _m in PROFILES}
        assert all(job.file_path is not None and job.file_path.is_file() for job in finished)
        assert w.queue.model.active_count() == 0
    finally:
        ctx.close()
    return heartbeat.beats()
