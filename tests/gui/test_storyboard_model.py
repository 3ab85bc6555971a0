"""The shot strip's model: states from the plan, reorder by moveRows and by drag and drop."""

from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt
from pytestqt.qtbot import QtBot

from sora_desktop.core import storyboard as sb
from sora_desktop.core.models import Connection, ConnectionKind, Job, JobStatus, VideoRequest
from sora_desktop.gui.storyboard_model import (
    MIME_SHOT,
    SHOT_ID_ROLE,
    STATUS_ROLE,
    ShotListModel,
    ShotStrip,
)


def _board() -> sb.Storyboard:
    board = sb.new_storyboard("Harbour")
    for name, start in (
        ("Boats", sb.StartKind.NONE),
        ("Gulls", sb.StartKind.PREVIOUS),
        ("Night", sb.StartKind.NONE),
    ):
        board = sb.add_shot(
            board,
            sb.Shot(
                id=name.lower(), name=name, prompt=f"{name} at dusk", start=sb.StartImage(start)
            ),
        )
    return board


def _job(job_id: str, status: JobStatus, file_path: Path | None = None) -> Job:
    return Job(
        id=job_id,
        request=VideoRequest(prompt="p", model="sora-2", size="1280x720", seconds=4),
        connection=Connection(kind=ConnectionKind.SIMULATOR, base_url=""),
        status=status,
        created_at=time.time(),
        file_path=file_path,
    )


def _ids(model: ShotListModel) -> list[str]:
    return [str(model.data(model.index(r), SHOT_ID_ROLE)) for r in range(model.rowCount())]


def test_cards_show_each_shots_state_with_the_reason_as_tooltip(qtbot: QtBot) -> None:
    model = ShotListModel()
    board = sb.add_take(_board(), "boats", "job-1")
    model.set_board(board, {"job-1": _job("job-1", JobStatus.IN_PROGRESS)})
    statuses = [model.data(model.index(r), STATUS_ROLE) for r in range(3)]
    assert statuses == ["running", "waiting", "missing"]
    assert "Boats" in str(model.data(model.index(0), Qt.ItemDataRole.DisplayRole))
    tip = str(model.data(model.index(1), Qt.ItemDataRole.ToolTipRole))
    assert "Waits for the take of shot 1 (Boats)" in tip
    # the take fails: the chained shot is blocked, and says why
    model.update_jobs([_job("job-1", JobStatus.FAILED)])
    statuses = [model.data(model.index(r), STATUS_ROLE) for r in range(3)]
    assert statuses == ["failed", "blocked", "missing"]
    assert "Can't continue from shot 1" in str(
        model.data(model.index(1), Qt.ItemDataRole.ToolTipRole)
    )


def test_move_rows_reorders_the_shots_and_reports_the_move(qtbot: QtBot) -> None:
    model = ShotListModel()
    model.set_board(_board())
    with qtbot.waitSignal(model.moved) as moved:
        assert model.moveRows(QModelIndex(), 2, 1, QModelIndex(), 0)
    assert _ids(model) == ["night", "boats", "gulls"]
    board, shot_id, index = moved.args
    assert (shot_id, index) == ("night", 0)
    assert [s.id for s in board.shots] == ["night", "boats", "gulls"]
    # Qt's convention: the destination is the row the shot goes before
    assert model.moveRows(QModelIndex(), 0, 1, QModelIndex(), 3)
    assert _ids(model) == ["boats", "gulls", "night"]
    assert not model.moveRows(QModelIndex(), 0, 1, QModelIndex(), 1)  # already there
    assert _ids(model) == ["boats", "gulls", "night"]


def test_dropping_a_card_moves_its_shot(qtbot: QtBot) -> None:
    model = ShotListModel()
    model.set_board(_board())
    data = model.mimeData([model.index(0)])
    assert data.hasFormat(MIME_SHOT)
    # dropped onto the third card: it goes before it
    model.dropMimeData(data, Qt.DropAction.MoveAction, -1, -1, model.index(2))
    assert _ids(model) == ["gulls", "boats", "night"]
    # the chained shot now comes first: nothing before it to continue from
    assert model.data(model.index(0), STATUS_ROLE) == "blocked"


def test_the_strip_moves_the_selected_card_as_its_internal_drop_does(qtbot: QtBot) -> None:
    """QListView's internal move (Qt 6) ends a drag by ``moveRow`` of the selected card to
    the row under the cursor. (A real mouse drag can't run offscreen: the drop's source
    comes from the platform's drag manager, which only a running QDrag sets.)"""
    model = ShotListModel()
    model.set_board(_board())
    strip = ShotStrip()
    qtbot.addWidget(strip)
    strip.setModel(model)
    strip.resize(700, 180)
    strip.show()
    qtbot.waitExposed(strip)
    assert strip.dragDropMode() is ShotStrip.DragDropMode.InternalMove
    assert model.flags(model.index(0)) & Qt.ItemFlag.ItemIsDragEnabled
    strip.setCurrentIndex(model.index(0))
    target = strip.indexAt(strip.visualRect(model.index(2)).center())
    assert target.row() == 2
    assert model.moveRow(QModelIndex(), strip.currentIndex().row(), QModelIndex(), target.row())
    assert _ids(model) == ["gulls", "boats", "night"]
    assert model.rowCount() == 3
