"""Queue model and view: rows from jobs and events, progress painting, one timer, cancel."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from sora_desktop.core.models import (
    Connection,
    ConnectionKind,
    Job,
    JobEvent,
    JobStatus,
    VideoRequest,
)
from sora_desktop.gui.queue_model import (
    COL_CANCEL,
    COL_ELAPSED,
    COL_FORMAT,
    COL_PROGRESS,
    COL_PROMPT,
    COL_STATUS,
    PROGRESS_ROLE,
    QueueModel,
    format_elapsed,
)
from sora_desktop.gui.queue_view import QueueView

CONN = Connection(kind=ConnectionKind.SIMULATOR, base_url="http://127.0.0.1:1/v1")


def _job(job_id: str, prompt: str = "a fox", *, created: float = 1000.0) -> Job:
    return Job(
        id=job_id,
        request=VideoRequest(prompt=prompt, model="sora-2", size="1280x720", seconds=8),
        connection=CONN,
        status=JobStatus.SUBMITTING,
        created_at=created,
        updated_at=created,
    )


def _text(model: QueueModel, row: int, col: int) -> str:
    return str(model.index(row, col).data(Qt.ItemDataRole.DisplayRole))


def test_rows_follow_events(qtbot: QtBot) -> None:
    model = QueueModel()
    now = [1010.0]
    model._now = lambda: now[0]
    model.upsert(_job("a", "x" * 200))
    model.upsert(_job("b", "second"))
    assert model.rowCount() == 2
    assert model.row_of("b") == 0  # newest first
    row_a = model.row_of("a")
    assert row_a == 1
    prompt = _text(model, row_a, COL_PROMPT)
    assert prompt.endswith("…") and len(prompt) <= 80
    assert model.index(row_a, COL_PROMPT).data(Qt.ItemDataRole.ToolTipRole) == "x" * 200
    assert _text(model, row_a, COL_FORMAT) == "sora-2 · 1280x720 · 8 s"
    assert _text(model, row_a, COL_ELAPSED) == "0:10"

    with qtbot.waitSignal(model.dataChanged):
        assert model.apply_event(JobEvent("a", JobStatus.IN_PROGRESS, 40))
    assert model.job_row("a").progress == 40  # type: ignore[union-attr]
    assert _text(model, row_a, COL_PROGRESS) == "Rendering 40%"
    assert _text(model, row_a, COL_STATUS) == "Rendering"
    # an event without progress keeps what we had
    model.apply_event(JobEvent("a", JobStatus.IN_PROGRESS, 0))
    assert model.job_row("a").progress == 40  # type: ignore[union-attr]
    model.apply_event(JobEvent("a", JobStatus.DOWNLOADING, 0, downloaded=2_500_000))
    assert model.job_row("a").progress == 100  # type: ignore[union-attr]
    assert "2.5 MB" in _text(model, row_a, COL_STATUS)
    assert not model.apply_event(JobEvent("zzz", JobStatus.QUEUED))

    now[0] = 1075.0
    model.apply_event(JobEvent("a", JobStatus.FAILED, message="blocked by moderation"))
    assert _text(model, row_a, COL_STATUS) == "Failed: blocked by moderation"
    # no full bar under "Failed": the bar is empty, the text says what happened
    assert model.index(row_a, COL_PROGRESS).data(PROGRESS_ROLE) == 0
    assert _text(model, row_a, COL_CANCEL) == "Retry…"  # nothing to cancel: retry instead
    assert model.active_count() == 1
    now[0] = 2000.0
    assert _text(model, row_a, COL_ELAPSED) == "1:15"  # frozen at the end
    assert _text(model, 0, COL_ELAPSED) == "16:40"  # b still running
    model.clear_finished()
    assert model.rowCount() == 1 and model.row_of("a") is None


def test_a_job_waiting_for_a_slot_says_what_it_waits_for(qtbot: QtBot) -> None:
    model = QueueModel()
    model.upsert(_job("a"))
    assert _text(model, 0, COL_STATUS) == "Sending"
    why = "Waiting in line: 4 jobs are already being made on this connection."
    model.apply_event(JobEvent("a", JobStatus.SUBMITTING, 0, message=why))
    assert _text(model, 0, COL_STATUS) == why
    assert _text(model, 0, COL_PROGRESS) == why
    model.apply_event(JobEvent("a", JobStatus.SUBMITTING, 0, message=""))  # its turn came
    assert _text(model, 0, COL_STATUS) == "Sending"
    model.apply_event(JobEvent("a", JobStatus.QUEUED, 0))
    assert _text(model, 0, COL_STATUS) == "Waiting in line"


def test_tick_refreshes_only_running_rows(qtbot: QtBot) -> None:
    model = QueueModel()
    model.upsert(_job("a"))
    model.upsert(_job("b"))
    model.apply_event(JobEvent("b", JobStatus.READY))
    with qtbot.waitSignal(model.dataChanged) as blocker:
        model.tick()
    top, bottom = blocker.args[0], blocker.args[1]
    assert top.column() == bottom.column() == COL_ELAPSED
    assert (top.row(), bottom.row()) == (model.row_of("a"), model.row_of("a"))


def test_format_elapsed() -> None:
    assert format_elapsed(0) == "0:00"
    assert format_elapsed(61.9) == "1:01"
    assert format_elapsed(3725) == "1:02:05"


def test_view_paints_progress_and_cancels_by_click(qtbot: QtBot, tmp_path: Path) -> None:
    view = QueueView()
    qtbot.addWidget(view)
    view.resize(900, 240)
    view.model.upsert(_job("a", "a paper boat"))
    view.model.upsert(_job("b", "a red fox"))
    view.model.apply_event(JobEvent("a", JobStatus.IN_PROGRESS, 50))
    view.show()
    qtbot.waitExposed(view)
    assert "2 running" in view.title.text()
    # one timer for all rows, once a second
    assert view.timer.isActive() and view.timer.interval() == 1000
    image = view.grab().toImage()
    image.save(str(tmp_path / "queue.png"))
    assert not image.isNull()

    row = view.model.row_of("a")
    assert row is not None
    rect = view.table.visualRect(view.model.index(row, COL_CANCEL))
    assert rect.isValid()
    with qtbot.waitSignal(view.cancel_requested) as blocker:
        qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert blocker.args == ["a"]
    view.model.apply_event(JobEvent("a", JobStatus.CANCELLED))
    assert "1 running" in view.title.text()
    assert view.clear_button.isEnabled()
    assert view.model.index(row, COL_CANCEL).data() == "Retry…"
    with (
        qtbot.assertNotEmitted(view.cancel_requested),
        qtbot.waitSignal(view.retry_requested) as retry,
    ):
        qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert retry.args == ["a"]


def test_the_prompt_column_takes_the_spare_width(qtbot: QtBot) -> None:
    """At 1360x840 the queue is about 510 px wide: the prompt was squeezed to 5 characters
    by the fixed columns. It stretches, and Format makes way when the queue is narrow."""
    prompt = "A lighthouse keeper's cat watches the storm roll in over the bay at night"
    view = QueueView()
    qtbot.addWidget(view)
    view.model.upsert(_job("a", prompt))
    view.resize(510, 240)
    view.show()
    qtbot.waitExposed(view)
    readable = view.fontMetrics().averageCharWidth() * 24
    qtbot.waitUntil(lambda: view.table.columnWidth(COL_PROMPT) >= readable, timeout=5000)
    assert view.table.isColumnHidden(COL_FORMAT)
    index = view.model.index(0, COL_PROMPT)
    assert index.data(Qt.ItemDataRole.ToolTipRole) == prompt  # the whole prompt
    assert not view.table.isColumnHidden(COL_ELAPSED)
    narrow = view.table.columnWidth(COL_PROMPT)
    view.resize(1100, 240)  # room enough: Format is back and the prompt still grows
    qtbot.waitUntil(lambda: not view.table.isColumnHidden(COL_FORMAT), timeout=5000)
    assert view.table.columnWidth(COL_PROMPT) > narrow


def test_a_very_narrow_queue_drops_elapsed_too_rather_than_scroll_sideways(qtbot: QtBot) -> None:
    view = QueueView()
    qtbot.addWidget(view)
    view.model.upsert(_job("a", "A heron takes off from a misty lake"))
    view.resize(300, 240)  # the window at its minimum width
    view.show()
    qtbot.waitExposed(view)
    qtbot.waitUntil(lambda: view.table.isColumnHidden(COL_ELAPSED), timeout=5000)
    assert view.table.isColumnHidden(COL_FORMAT)
    assert view.table.horizontalScrollBar().maximum() == 0


def test_an_event_makes_a_new_row_and_leaves_the_one_read_before_as_it_was() -> None:
    model = QueueModel()
    model.upsert(_job("a"))
    before = model.job_row("a")
    assert before is not None and before.progress == 0
    assert model.apply_event(JobEvent("a", JobStatus.IN_PROGRESS, 40))
    after = model.job_row("a")
    assert after is not None and after is not before
    assert (after.status, after.progress, after.prompt) == (JobStatus.IN_PROGRESS, 40, "a fox")
    assert (before.status, before.progress) == (JobStatus.SUBMITTING, 0)
    with pytest.raises(AttributeError):
        before.updated(progres=1)  # a misspelt field is refused, not added
