"""Retry from the queue and the library: a NEW job with the same settings, confirmed with
its estimated cost, end to end on the simulator over loopback. The old job is untouched and
its create is never sent again (the simulator counts the creates it accepted)."""

from __future__ import annotations

import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import av
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from sora_desktop.core.builtin_simulator import is_builtin_simulator
from sora_desktop.core.models import (
    Connection,
    ConnectionKind,
    Job,
    JobEvent,
    JobStatus,
    VideoRequest,
)
from sora_desktop.core.paths import AppPaths
from sora_desktop.gui.app import AppContext, build
from sora_desktop.gui.main_window import CLOSE_CANCEL
from sora_desktop.gui.queue_model import COL_CANCEL
from sora_desktop.simulator.server import SimulatorServer


@pytest.fixture
def ctx(data_dir: Path, qtbot: QtBot, simulator: SimulatorServer) -> Iterator[AppContext]:
    made = build(AppPaths.default(data_dir), simulator_url=simulator.url)
    made.window.show()
    qtbot.waitExposed(made.window)
    try:
        yield made
    finally:
        made.window.ask_close = lambda _running: CLOSE_CANCEL  # type: ignore[method-assign]
        made.close()


@pytest.fixture
def asked(ctx: AppContext) -> list[tuple[str, str]]:
    """The window's retry confirmation answers "yes", recording (job id, estimate)."""
    seen: list[tuple[str, str]] = []

    def yes(_parent: QWidget, job: Job, estimate: str) -> bool:
        seen.append((job.id, estimate))
        return True

    ctx.window.ask_retry = yes
    return seen


def _ended_job(ctx: AppContext, status: JobStatus, prompt: str, image: Path | None = None) -> Job:
    """A job that ended without a video, as an earlier run left it (its simulator is gone:
    the stored address is dead)."""
    now = time.time() - 600
    job = Job(
        id=uuid.uuid4().hex,
        request=VideoRequest(
            prompt=prompt, model="sora-2", size="1280x720", seconds=4, reference_image=image
        ),
        connection=Connection(
            kind=ConnectionKind.SIMULATOR, base_url="http://127.0.0.1:9/v1", profile_id="simulator"
        ),
        status=status,
        created_at=now,
        updated_at=now,
        error_message="Stopped by you." if status is JobStatus.CANCELLED else None,
    )
    ctx.store.add(job)
    ctx.window.queue.model.upsert(job)
    return job


def _click_row_button(qtbot: QtBot, ctx: AppContext, job_id: str) -> None:
    queue = ctx.window.queue
    row = queue.model.row_of(job_id)
    assert row is not None
    index = queue.model.index(row, COL_CANCEL)
    assert index.data() == "Retry…"
    rect = queue.table.visualRect(index)
    qtbot.mouseClick(queue.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def _decoded_frames(path: Path) -> int:
    with av.open(str(path)) as container:
        return sum(1 for _ in container.decode(video=0))


def test_retry_a_cancelled_job_from_the_queue(
    ctx: AppContext,
    qtbot: QtBot,
    simulator: SimulatorServer,
    asked: list[tuple[str, str]],
) -> None:
    old = _ended_job(ctx, JobStatus.CANCELLED, "A lighthouse keeper's cat at dusk")
    with qtbot.waitSignal(ctx.controller.job_finished, timeout=60000) as finished:
        _click_row_button(qtbot, ctx, old.id)
    new: Job = finished.args[0]
    assert asked == [(old.id, "≈ $0.40 at $0.10/s (free on the simulator)")]
    assert new.id != old.id and new.status is JobStatus.READY
    assert (new.request.prompt, new.request.model, new.request.size, new.request.seconds) == (
        old.request.prompt,
        "sora-2",
        "1280x720",
        4,
    )
    # the built-in simulator as it is today (its address is looked up at run time, never the
    # dead one the old job kept); the simulator's create count below shows where it went
    assert is_builtin_simulator(new.connection) and new.connection.base_url == ""
    assert new.file_path is not None and _decoded_frames(new.file_path) > 0
    assert simulator.created_count == 1  # the new job's create, nothing for the old one
    stored_old = ctx.store.get(old.id)
    assert stored_old is not None and stored_old.status is JobStatus.CANCELLED
    assert ctx.window.queue.model.job_row(new.id) is not None


def test_retry_a_failed_job_from_the_library_after_the_real_confirmation(
    ctx: AppContext,
    qtbot: QtBot,
    simulator: SimulatorServer,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    ctx.ensure_library()
    w = ctx.window
    w.prompt.set_text("[sim:fail] A lamp flickers in an empty room")
    with qtbot.waitSignal(ctx.controller.job_failed, timeout=60000) as failed:
        w.generate()
    old: Job = failed.args[0]
    assert simulator.created_count == 1
    library = w.library
    assert library is not None
    library.refresh()  # type: ignore[attr-defined]
    library.select_jobs([old.id])  # type: ignore[attr-defined]
    retry = library.retry_action  # type: ignore[attr-defined]
    assert retry.isEnabled()
    assert retry in library.context_menu().actions()  # type: ignore[attr-defined]

    informative: list[str] = []

    def answer(button: str) -> None:
        def fake_exec(box: QMessageBox) -> int:
            informative.append(box.informativeText())
            next(b for b in box.buttons() if b.text() == button).click()
            return 0

        monkeypatch.setattr(QMessageBox, "exec", fake_exec)

    answer("Don't retry")
    retry.trigger()
    assert simulator.created_count == 1  # declined: nothing sent
    assert "This job failed." in informative[0]
    assert "Estimated cost: ≈ $0.40 at $0.10/s (free on the simulator)" in informative[0]
    assert "sora-2 · 720x1280 · 4 s" in informative[0]

    answer("Retry as a new job")
    with qtbot.waitSignal(ctx.controller.job_failed, timeout=60000) as failed_again:
        retry.trigger()
    new: Job = failed_again.args[0]
    assert new.id != old.id and new.request == old.request
    assert simulator.created_count == 2  # one new create; the old one was never re-sent
    stored_old = ctx.store.get(old.id)
    assert stored_old is not None
    assert (stored_old.status, stored_old.remote_id) == (JobStatus.FAILED, old.remote_id)
    assert new.remote_id != old.remote_id


def test_a_retry_clicked_twice_makes_one_job(
    ctx: AppContext,
    qtbot: QtBot,
    simulator: SimulatorServer,
    asked: list[tuple[str, str]],
) -> None:
    old = _ended_job(ctx, JobStatus.FAILED, "Two quick clicks on Retry")
    ctx.window.send_guard.hold_ms = 3000  # a slow test machine can't outlast it
    submitted: list[Job] = []
    ctx.controller.job_submitted.connect(submitted.append)
    ctx.window.retry_job(old.id)
    ctx.window.retry_job(old.id)  # while the first is being sent
    qtbot.waitUntil(lambda: len(submitted) == 1, timeout=20000)
    ctx.window.retry_job(old.id)  # right after it was accepted: the same double click
    qtbot.waitUntil(lambda: all(j.status.is_terminal for j in ctx.store.list_jobs()), timeout=60000)
    assert len(asked) == 1
    assert len(ctx.store.list_jobs()) == 2  # the old one and ONE new one
    assert simulator.created_count == 1


def test_a_job_that_made_its_video_offers_no_retry(ctx: AppContext) -> None:
    job = _ended_job(ctx, JobStatus.FAILED, "x")
    queue = ctx.window.queue.model
    queue.apply_event(JobEvent(job.id, JobStatus.READY))
    row = queue.row_of(job.id)
    assert row is not None and queue.index(row, COL_CANCEL).data() == ""


def test_retry_refuses_with_the_reason_when_the_image_is_gone(
    ctx: AppContext, asked: list[tuple[str, str]], tmp_path: Path
) -> None:
    gone = tmp_path / "gone.png"
    old = _ended_job(ctx, JobStatus.FAILED, "With a picture", image=gone)
    shown: list[str] = []
    ctx.window.errors.shown.connect(shown.append)
    ctx.window.retry_job(old.id)
    assert asked == []  # refused before asking or sending anything
    assert shown and str(gone) in shown[0]
