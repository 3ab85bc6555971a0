"""The Batches panel names a row's status like the queue names a job's (capitalised,
translated, the same word for the same state); the command line keeps its own words."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from sora_desktop.core import i18n as core_i18n
from sora_desktop.core.batch.store import BatchRow, RowStatus, row_status_text
from sora_desktop.core.models import JobStatus, VideoRequest
from sora_desktop.core.store import JobStore
from sora_desktop.gui import i18n
from sora_desktop.gui.batch_model import BatchRowsModel
from sora_desktop.gui.batch_view import BatchPanel
from sora_desktop.gui.controller import Controller
from sora_desktop.gui.operations import Operations
from sora_desktop.usecases.library import LibraryFolders
from sora_desktop.usecases.row_status import row_status_word
from sora_desktop.usecases.status import status_word

HAN = re.compile(r"[\u4e00-\u9fff]")


def _row(index: int, status: RowStatus) -> BatchRow:
    """A row in ``status`` (built from what the store reads, as the panel gets it)."""
    job = {
        RowStatus.RUNNING: JobStatus.IN_PROGRESS,
        RowStatus.INTERRUPTED: JobStatus.INTERRUPTED,
        RowStatus.READY: JobStatus.READY,
        RowStatus.FAILED: JobStatus.FAILED,
        RowStatus.EXPIRED: JobStatus.EXPIRED,
        RowStatus.CANCELLED: JobStatus.CANCELLED,
    }.get(status)
    sent = job is not None or status is RowStatus.GONE
    made = BatchRow(
        batch_id="b",
        index=index,
        label=f"r{index:03d}",
        source_row=index,
        line=index + 1,
        request=VideoRequest(prompt=f"a fox number {index}", size="1280x720"),
        seed=None,
        sweep=(),
        estimated_cost=0.4,
        problem="the model refuses it" if status is RowStatus.INVALID else None,
        wanted=1,
        held=status is RowStatus.HELD,
        attempts=0 if status in (RowStatus.PENDING, RowStatus.HELD) else 1,
        job_id=f"job{index}",
        sent=sent,
        job_exists=job is not None,
        job_status=job,
    )
    assert made.status is status
    return made


def _shown(model: BatchRowsModel) -> list[str]:
    return [str(model.index(r, model.STATUS).data()) for r in range(model.rowCount())]


@pytest.fixture
def zh(qapp: Any) -> Iterator[Any]:
    assert i18n.install_translator(qapp, "zh_CN") == "zh_CN"
    try:
        yield qapp
    finally:
        i18n.install_translator(qapp, "en")
        core_i18n.install(None)


def test_the_panel_shows_capitalised_words_and_the_cli_keeps_its_own(qapp: Any) -> None:
    model = BatchRowsModel()
    model.set_rows([_row(n, status) for n, status in enumerate(RowStatus)])
    shown = dict(zip(RowStatus, _shown(model), strict=True))
    assert shown == {status: row_status_word(status) for status in RowStatus}
    assert shown[RowStatus.HELD] == "Held by the cap"
    assert shown[RowStatus.RUNNING] == "In progress"
    assert all(word[0].isupper() for word in shown.values()), shown
    assert len(set(shown.values())) == len(RowStatus)  # no two states share a word
    # the states a job has too read as the queue and the library say them
    assert shown[RowStatus.READY] == status_word(JobStatus.READY) == "Ready"
    assert shown[RowStatus.FAILED] == status_word(JobStatus.FAILED)
    assert shown[RowStatus.INTERRUPTED] == status_word(JobStatus.INTERRUPTED)
    assert shown[RowStatus.SENDING] == status_word(JobStatus.SUBMITTING)
    # the command line (its progress lines, `batch show`, the results file) is unchanged
    assert [row_status_text(s) for s in (RowStatus.HELD, RowStatus.RUNNING)] == [
        "held by the cap",
        "running",
    ]


def test_the_panel_words_are_chinese_in_the_chinese_ui(zh: Any) -> None:
    model = BatchRowsModel()
    model.set_rows([_row(n, status) for n, status in enumerate(RowStatus)])
    shown = _shown(model)
    assert all(HAN.search(word) for word in shown), shown
    assert row_status_word(RowStatus.READY) == status_word(JobStatus.READY)


def test_the_status_column_shows_every_word_whole(
    qtbot: QtBot, controller: Controller, controller_store: JobStore
) -> None:
    panel = BatchPanel(Operations(controller, _raise, LibraryFolders(()), library=controller_store))
    qtbot.addWidget(panel)
    panel.model.set_rows([_row(n, status) for n, status in enumerate(RowStatus)])
    table = panel.table
    metrics = table.fontMetrics()
    for row in range(panel.model.rowCount()):
        index = panel.model.index(row, panel.model.STATUS)
        word = str(index.data())
        # the width Qt's view gives the text of a cell: the column less the cell's margins
        assert metrics.horizontalAdvance(word) + 8 <= table.columnWidth(panel.model.STATUS), word
        assert (
            metrics.elidedText(
                word, Qt.TextElideMode.ElideRight, table.columnWidth(panel.model.STATUS) - 8
            )
            == word
        )


def _raise(error: BaseException) -> None:
    raise error
