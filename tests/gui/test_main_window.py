"""The real window against the real simulator (in-process, ~1 s renders), driven like a user."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtMultimedia import QMediaPlayer
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from sora_desktop.core.capabilities import MAX_PROMPT_CHARS
from sora_desktop.core.models import Job, JobStatus
from sora_desktop.core.paths import AppPaths
from sora_desktop.gui.app import AppContext
from tests.gui.conftest import make_png

LOADED = (
    QMediaPlayer.MediaStatus.LoadedMedia,
    QMediaPlayer.MediaStatus.BufferingMedia,
    QMediaPlayer.MediaStatus.BufferedMedia,
    QMediaPlayer.MediaStatus.EndOfMedia,
)


def _choose(combo: object, data: object) -> None:
    index = combo.findData(data)  # type: ignore[attr-defined]
    assert index >= 0, f"{data!r} is not offered"
    combo.setCurrentIndex(index)  # type: ignore[attr-defined]


def answer_close_dialog(monkeypatch: pytest.MonkeyPatch, role: QMessageBox.ButtonRole) -> list[str]:
    """Make QMessageBox.exec click the button with ``role``; returns the texts asked."""
    asked: list[str] = []

    def fake_exec(box: QMessageBox) -> int:
        asked.append(box.text())
        button = next(b for b in box.buttons() if box.buttonRole(b) == role)
        button.click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    return asked


def test_invalid_input_is_disabled_and_explained(make_app: Callable[..., AppContext]) -> None:
    ctx = make_app(sim_latency=1.0)
    w = ctx.window
    assert w.windowTitle() == "Sora Desktop"
    assert w.sim_banner.isVisible()
    assert "built-in simulator" in w.sim_banner.label.text()
    assert "2026-09-24" in w.sim_banner.label.text()
    # where real videos come from now, and that Azure takes no new Sora 2 deployments
    for words in ("fal, Replicate or Runway", "no new Sora 2 deployments"):
        assert words in w.sim_banner.label.text()
    assert not w.generate_button.isEnabled()
    assert w.generate_button.toolTip() == "Write a prompt first."
    w.prompt.set_text("x" * (MAX_PROMPT_CHARS + 1))
    assert not w.generate_button.isEnabled()
    assert "too long" in w.generate_button.toolTip()
    w.prompt.set_text("A lighthouse at night")
    assert w.generate_button.isEnabled()
    # sora-2 can't make 1080p: it is not offered in either orientation
    panel = w.settings_panel
    assert panel.model() == "sora-2"
    for orientation in ("portrait", "landscape"):
        _choose(panel.orientation_combo, orientation)
        assert not {"1920x1080", "1080x1920"} & set(panel.offered_sizes())
    # a broken image blocks Generate with the reason
    assert not panel.image_picker.set_path(Path(__file__))
    assert not w.generate_button.isEnabled()
    assert w.generate_button.toolTip() == panel.image_picker.error()
    panel.image_picker.clear()
    assert w.generate_button.isEnabled()
    # the banner can be dismissed, and that is remembered in settings.json
    w.sim_banner.close_button.click()
    assert not w.sim_banner.isVisible()
    assert ctx.user is not None
    ctx.user.flush()  # written off the GUI thread
    assert '"show_simulator_banner": false' in ctx.paths.settings_path.read_text()


def test_generate_with_a_fitted_image_plays_the_clip(
    make_app: Callable[..., AppContext], qtbot: QtBot, tmp_path: Path
) -> None:
    ctx = make_app(sim_latency=1.0)
    w = ctx.window
    panel = w.settings_panel
    qtbot.keyClicks(w.prompt.edit, "A paper boat drifts down a rainy street")
    _choose(panel.orientation_combo, "landscape")
    _choose(panel.size_combo, "1280x720")
    _choose(panel.duration_combo, 4)
    assert panel.image_picker.set_path(make_png(tmp_path / "square.png", 300, 300))
    assert panel.image_picker.needs_conversion()
    panel.image_picker.set_mode("crop")
    events: list[tuple[str, int]] = []
    ctx.controller.job_event.connect(lambda e: events.append((e.status.value, e.progress)))
    assert w.generate_button.isEnabled()
    with qtbot.waitSignal(ctx.controller.job_finished, timeout=60000) as finished:
        qtbot.mouseClick(w.generate_button, Qt.MouseButton.LeftButton)
    job: Job = finished.args[0]
    assert job.status is JobStatus.READY
    assert (job.request.size, job.request.seconds) == ("1280x720", 4)
    assert job.request.reference_image is not None
    with Image.open(job.request.reference_image) as sent:
        assert sent.size == (1280, 720)  # converted to the exact size before upload
    # the queue row went through the states and reached 100 %
    row = w.queue.model.job_row(job.id)
    assert row is not None and row.status is JobStatus.READY and row.progress == 100
    statuses = [s for s, _ in events]
    assert "in_progress" in statuses or "queued" in statuses
    assert statuses[-1] == "ready"
    # the preview loaded the clip and knows its length
    player = w.preview.player
    assert player is not None
    assert w.preview.source() == job.file_path
    qtbot.waitUntil(lambda: player.mediaStatus() in LOADED, timeout=15000)
    qtbot.waitUntil(lambda: abs(player.duration() - 4000) < 250, timeout=15000)
    # the prompt is now a recent prompt
    assert w.prompt.recent_prompts()[0] == "A paper boat drifts down a rainy street"


def test_cancel_from_the_queue_after_confirming(
    make_app: Callable[..., AppContext], qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    ctx = make_app(sim_latency=30.0)
    w = ctx.window
    w.prompt.set_text("A slow sunrise")
    with qtbot.waitSignal(ctx.controller.job_submitted, timeout=20000) as submitted:
        w.generate()
    job_id = submitted.args[0].id
    seen: list[tuple[str, list[str]]] = []

    def keep_waiting(box: QMessageBox) -> int:
        seen.append((box.text(), sorted(b.text() for b in box.buttons())))  # order: per OS
        next(b for b in box.buttons() if box.buttonRole(b) == box.ButtonRole.RejectRole).click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", keep_waiting)
    w.confirm_cancel(job_id)  # "Keep waiting": nothing happens
    assert ctx.controller.service.is_running(job_id)
    # a question naming the clip, answered with buttons that say what they do
    assert seen == [("Cancel the job “A slow sunrise”?", ["Cancel job", "Keep waiting"])]
    answer_close_dialog(monkeypatch, QMessageBox.ButtonRole.DestructiveRole)  # "Cancel job"
    with qtbot.waitSignal(ctx.controller.job_cancelled, timeout=20000):
        w.confirm_cancel(job_id)
    row = w.queue.model.job_row(job_id)
    assert row is not None and row.status is JobStatus.CANCELLED
    stored = ctx.engine.store.get(job_id)
    assert stored is not None and stored.status is JobStatus.CANCELLED


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        (QMessageBox.ButtonRole.AcceptRole, JobStatus.INTERRUPTED),
        (QMessageBox.ButtonRole.DestructiveRole, JobStatus.CANCELLED),
    ],
)
def test_closing_with_running_jobs_asks_then_stops_every_thread(
    make_app: Callable[..., AppContext],
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    role: QMessageBox.ButtonRole,
    expected: JobStatus,
) -> None:
    ctx = make_app(sim_latency=30.0)
    w = ctx.window
    w.prompt.set_text("A long render")
    with qtbot.waitSignal(ctx.controller.job_submitted, timeout=20000) as submitted:
        w.generate()
    job_id = submitted.args[0].id
    assert ctx.controller.has_running_jobs()
    asked = answer_close_dialog(monkeypatch, QMessageBox.ButtonRole.RejectRole)
    assert not w.close()  # "Don't close"
    assert w.isVisible() and ctx.controller.loop_thread.is_running
    assert asked[0] == "1 video still being made."
    answer_close_dialog(monkeypatch, role)
    assert w.close()
    assert not ctx.controller.loop_thread.is_running
    ctx.close()  # stops the simulator and the store; the conftest checks no thread is left
    from sora_desktop.core.store import JobStore

    with JobStore(ctx.paths.db_path) as store:
        job = store.get(job_id)
    assert job is not None and job.status is expected


def test_kept_jobs_resume_on_the_next_start(
    make_app: Callable[..., AppContext], qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    ctx = make_app(sim_latency=2.0)
    ctx.start_background()
    w = ctx.window
    w.prompt.set_text("Keep me for later")
    with qtbot.waitSignal(ctx.controller.job_submitted, timeout=20000) as submitted:
        w.generate()
    job_id = submitted.args[0].id
    answer_close_dialog(monkeypatch, QMessageBox.ButtonRole.AcceptRole)
    # close the window but keep the simulator: the next start finds the job there again
    simulator = ctx.simulator
    ctx.window.close()
    assert simulator.server is not None
    url = simulator.server.url
    ctx2 = make_app(simulator_url=url)
    with qtbot.waitSignal(ctx2.controller.job_finished, timeout=60000) as finished:
        ctx2.start_background()
    assert finished.args[0].id == job_id
    assert ctx2.window.queue.model.job_row(job_id) is not None


def test_the_engine_is_paced_by_the_user_settings(
    make_app: Callable[..., AppContext], data_dir: Path
) -> None:
    from sora_desktop.core import settings as settings_mod
    from sora_desktop.core.pacing import Pacing

    paths = AppPaths.default(data_dir)
    wanted = settings_mod.Settings(
        poll_initial_seconds=3.0, poll_max_seconds=12.0, max_concurrent_jobs=2
    )
    settings_mod.save(paths.settings_path, wanted)
    ctx = make_app(sim_latency=1.0)
    assert ctx.controller.service.pacing == Pacing(3.0, 12.0, 2)


def test_window_state_and_choices_persist(make_app: Callable[..., AppContext]) -> None:
    ctx = make_app(sim_latency=1.0)
    w = ctx.window
    _choose(w.settings_panel.model_combo, "sora-2-pro")
    _choose(w.settings_panel.orientation_combo, "landscape")
    _choose(w.settings_panel.size_combo, "1792x1024")
    _choose(w.settings_panel.duration_combo, 12)
    w.preview.loop_button.setChecked(False)  # a player preference: kept in settings.json
    w.resize(760, 540)
    w.main_splitter.setSizes([360, 200, 180])
    sizes = w.main_splitter.sizes()
    w_size = w.size()
    ctx.close()
    ctx2 = make_app(sim_latency=1.0)
    p = ctx2.window.settings_panel
    assert (p.model(), p.video_size(), p.seconds()) == ("sora-2-pro", "1792x1024", 12)
    assert ctx2.window.size() == w_size
    assert not ctx2.window.preview.loop_button.isChecked()
    assert ctx2.window.main_splitter.sizes() == sizes
