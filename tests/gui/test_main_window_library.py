"""The window and its library against the real simulator (in-process, ~1 s renders): a
deleted service copy can't be remixed, a failed job says why on its rows, and an error banner
about a job goes away with the job."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from sora_desktop.core.models import Job, JobStatus
from sora_desktop.gui.app import AppContext
from sora_desktop.gui.library_model import Column
from sora_desktop.gui.library_rows import NOTES_ROLE
from sora_desktop.gui.queue_model import COL_PROGRESS
from tests.gui.conftest import library_of


def _generate(sim_app: AppContext, qtbot: QtBot, prompt: str, *, fails: bool = False) -> Job:
    sim_app.window.prompt.set_text(prompt)
    signal = sim_app.controller.job_failed if fails else sim_app.controller.job_finished
    with qtbot.waitSignal(signal, timeout=60_000) as done:
        sim_app.window.generate()
    job: Job = done.args[0]
    return job


def test_after_delete_from_the_service_remix_is_off_and_refused_before_sending(
    sim_app: AppContext, qtbot: QtBot
) -> None:
    job = _generate(sim_app, qtbot, "A lighthouse at dusk, slow dolly in")
    library = library_of(sim_app)
    qtbot.waitUntil(lambda: library.model.row_of(job.id) >= 0)
    library.select_jobs([job.id])
    assert library.remix_action.isEnabled()
    asked: list[str] = []
    library.confirm = lambda _title, text: asked.append(text) is None
    library.delete_remote_action.trigger()
    assert "can't be undone" in asked[0] and "A lighthouse at dusk" in asked[0]
    qtbot.waitUntil(lambda: not library.remix_action.isEnabled(), timeout=20_000)
    stored = sim_app.engine.store.get(job.id)
    assert stored is not None and stored.remote_deleted_at is not None
    assert stored.file_path is not None and stored.file_path.is_file()  # the local copy stays
    row = library.model.row_of(job.id)
    assert "Deleted from the service" in library.model.index(row, Column.PROMPT).data(NOTES_ROLE)
    server = sim_app.simulator.server
    assert server is not None
    creates = server.created_count
    jobs_before = sim_app.engine.store.count()
    # Even asked directly (a stale menu, a script), the remix is refused here and said plainly
    with qtbot.waitSignal(sim_app.window.errors.shown, timeout=20_000) as shown:
        sim_app.controller.remix(job.id, "the same lighthouse at night")
    assert "deleted from the service" in shown.args[0]
    assert sim_app.window.error_banner.isVisible()
    assert server.created_count == creates  # nothing was sent
    assert sim_app.engine.store.count() == jobs_before  # and no failed job was left behind


def test_a_failed_job_says_why_on_its_rows_and_its_banner_goes_with_it(
    sim_app: AppContext, qtbot: QtBot, boxes: list[QMessageBox]
) -> None:
    job = _generate(sim_app, qtbot, "[sim:moderation] a forbidden thing", fails=True)
    stored = sim_app.engine.store.get(job.id)
    assert stored is not None and stored.status is JobStatus.FAILED and stored.error_message
    reason = stored.error_message.split("\n", 1)[0]
    w = sim_app.window
    queue_row = w.queue.model.row_of(job.id)
    assert queue_row is not None
    bar_text = w.queue.model.index(queue_row, COL_PROGRESS).data()
    assert bar_text == f"Failed: {reason}"  # on the visible bar, not only in a hidden column
    assert not w.queue.table.isColumnHidden(COL_PROGRESS)
    library = library_of(sim_app)
    qtbot.waitUntil(lambda: library.model.row_of(job.id) >= 0)
    index = library.model.index(library.model.row_of(job.id), Column.PROMPT)
    assert index.data(NOTES_ROLE).startswith(f"⚠ Failed: {reason[:20]}")
    assert w.error_banner.isVisible()
    # deleting another job leaves the banner; deleting this one takes it down
    w._forget_jobs(["someone-else"])
    assert w.error_banner.isVisible()
    library.confirm = lambda _title, _text: True
    library.select_jobs([job.id])
    with qtbot.waitSignal(library.locally_deleted):
        library.delete_local_action.trigger()
    assert not w.error_banner.isVisible()
    assert w.queue.model.row_of(job.id) is None


def test_a_row_being_made_says_how_far_in_the_queues_words_then_shows_the_clip(
    sim_app: AppContext, qtbot: QtBot
) -> None:
    # the walk: a row whose clip was being made showed only a grey placeholder (the Status
    # column is hidden at the library's usual width), nothing saying it was under way
    w = sim_app.window
    library = library_of(sim_app)
    w.prompt.set_text("A paper lantern drifting over a lake")
    seen: list[str] = []

    def running_row_says_so() -> bool:
        queue_row = w.queue.model.rows()[0] if w.queue.model.rows() else None
        if queue_row is None or library.model.row_of(queue_row.job_id) < 0:
            return False
        index = library.model.index(library.model.row_of(queue_row.job_id), Column.PROMPT)
        notes = str(index.data(NOTES_ROLE) or "")
        bar = w.queue.model.index(w.queue.model.row_of(queue_row.job_id) or 0, COL_PROGRESS)
        if queue_row.status is JobStatus.IN_PROGRESS and queue_row.progress > 0:
            seen.append(notes)
            return notes == bar.data() and notes.startswith("Rendering ")
        return False

    with qtbot.waitSignal(sim_app.controller.job_finished, timeout=60_000) as done:
        w.generate()
        qtbot.waitUntil(running_row_says_so, timeout=60_000)
    assert seen and seen[-1].endswith("%")
    job: Job = done.args[0]
    row = library.model.row_of(job.id)
    index = library.model.index(row, Column.PROMPT)
    shown = library.model.job_at(row)
    assert shown is not None and shown.status is JobStatus.READY
    assert index.data(NOTES_ROLE) == ""  # ready: nothing more to say
    placeholder = library.thumbnails.placeholder().cacheKey()

    def shows_the_clip() -> bool:
        pix = library.model.index(row, Column.PROMPT).data(Qt.ItemDataRole.DecorationRole)
        return isinstance(pix, QPixmap) and pix.cacheKey() != placeholder

    qtbot.waitUntil(shows_the_clip, timeout=30_000)
