"""The Batches panel while a batch runs: it is read again every few hundred ms, so a refresh
must cost the GUI thread only what changed (issue 13: a 100-job batch never stalls the
window). Counted, not timed: the rows repainted and the chooser rebuilt per refresh."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex
from pytestqt.qtbot import QtBot

from sora_desktop.core.batch.runner import BatchEvent, BatchRunner
from sora_desktop.core.batch.store import BatchRow, RowStatus
from sora_desktop.core.models import Connection, ConnectionKind
from sora_desktop.core.store import JobStore
from sora_desktop.gui.batch_model import BatchRowsModel
from sora_desktop.gui.batch_view import BatchPanel
from sora_desktop.gui.controller import Controller
from sora_desktop.usecases import batch as usecase
from tests.gui.test_batch_window import ops_for

SIM = Connection(kind=ConnectionKind.SIMULATOR, base_url="http://127.0.0.1:9/v1")
ROWS = 100


def _kept_batch(controller: Controller, store: JobStore, tmp_path: Path) -> tuple[BatchRunner, str]:
    ideas = tmp_path / "ideas.txt"
    ideas.write_text("".join(f"Batch clip {n}: a kite over a beach\n" for n in range(ROWS)))
    service = controller.service
    order = usecase.BatchOrder(file=ideas, confirmed=True)
    runner = BatchRunner(service, store)
    return runner, usecase.start(runner, usecase.preview(order, SIM, service)).id


def _showing(qtbot: QtBot, controller: Controller, store: JobStore, batch_id: str) -> BatchPanel:
    """A Batches panel showing ``batch_id``, its rows read."""
    panel = BatchPanel(ops_for(controller, store))
    qtbot.addWidget(panel)
    panel.show_batch(batch_id)
    qtbot.waitUntil(lambda: panel.model.rowCount() == ROWS, timeout=10000)
    return panel


def test_a_refresh_repaints_only_the_rows_that_changed(
    controller: Controller, controller_store: JobStore, tmp_path: Path
) -> None:
    store = controller_store
    runner, batch_id = _kept_batch(controller, store, tmp_path)
    model = BatchRowsModel()
    model.set_rows(usecase.batch_rows(store, batch_id))
    repainted: list[tuple[int, int]] = []
    resets: list[bool] = []
    model.dataChanged.connect(
        lambda top, bottom, _roles=(): repainted.append((top.row(), bottom.row()))
    )
    model.modelReset.connect(lambda: resets.append(True))

    model.set_rows(usecase.batch_rows(store, batch_id))  # nothing moved
    assert repainted == [] and resets == []

    indexes = [r.index for r in model.rows()]  # the rows' own numbers (from 1)
    for row in (5, 6, 40):  # three rows move on, two of them together
        runner.batches.set_problem(batch_id, indexes[row], "the image went away")
    model.set_rows(usecase.batch_rows(store, batch_id))
    assert repainted == [(5, 6), (40, 40)] and resets == []
    assert model.data(model.index(40, 7)) == "the image went away"
    assert model.rowCount(QModelIndex()) == ROWS


def test_a_refresh_of_the_same_batches_keeps_the_chooser(
    qtbot: QtBot, controller: Controller, controller_store: JobStore, tmp_path: Path
) -> None:
    store = controller_store
    runner, batch_id = _kept_batch(controller, store, tmp_path)
    panel = _showing(qtbot, controller, store, batch_id)
    chooser = panel.chooser.model()
    rebuilt: list[bool] = []
    chooser.rowsRemoved.connect(lambda *_a: rebuilt.append(True))
    chooser.rowsInserted.connect(lambda *_a: rebuilt.append(True))
    before = panel.chooser.itemText(0)

    runner.batches.set_problem(batch_id, panel.model.rows()[3].index, "the image went away")
    panel._listed(usecase.list_batches(store), batch_id)  # a refresh's result
    assert rebuilt == []  # the same batch: its line is rewritten in place
    assert panel.chooser.count() == 1 and panel.current_id() == batch_id
    assert panel.chooser.itemText(0) == before  # nothing ready yet: the same words

    runner.cancel(batch_id)
    panel._listed(usecase.list_batches(store), batch_id)
    assert rebuilt == [] and panel.chooser.itemText(0).endswith("stopped")


def test_a_read_that_ends_after_a_later_one_is_not_shown(
    qtbot: QtBot, controller: Controller, controller_store: JobStore, tmp_path: Path
) -> None:
    """The panel reads in worker threads, so two reads can end in either order. A batch's
    last refresh must win: an earlier read ending after it showed a row as still running
    when it was ready, and nothing came to read it again (the 100-job heartbeat waited for
    its last ready row until the watchdog ended it)."""
    store = controller_store
    runner, batch_id = _kept_batch(controller, store, tmp_path)
    panel = _showing(qtbot, controller, store, batch_id)
    old_list, old_rows = usecase.list_batches(store), usecase.batch_rows(store, batch_id)
    runner.batches.set_problem(batch_id, panel.model.rows()[3].index, "the image went away")

    lists = panel._reads.start("list")  # an earlier read of each kind, still under way
    rows = panel._reads.start("rows")
    panel.refresh()  # the later read: it ends first
    qtbot.waitUntil(lambda: panel.model.rows()[3].problem == "the image went away")
    # the earlier read's results arrive last: they are older than what is shown
    panel._listed(old_list, batch_id, read=lists)
    panel._rows_read(batch_id, old_rows, read=rows)
    assert panel.model.rows()[3].problem == "the image went away"


def test_a_refresh_reads_only_the_rows_that_had_events(
    qtbot: QtBot,
    controller: Controller,
    controller_store: JobStore,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A refresh while batches run reads the rows that had events, and counts again only
    the batches that had them (it read and built every row of every batch, and the shown
    batch's rows once more: 300 rows here, each 400 ms)."""
    from sora_desktop.core.batch import store as batch_store

    store = controller_store
    runner, batch_id = _kept_batch(controller, store, tmp_path)
    _runner, other = _kept_batch(controller, store, tmp_path)
    panel = _showing(qtbot, controller, store, batch_id)
    built: list[int] = []
    real_row = batch_store._row

    def counted(row: Mapping[str, Any]) -> BatchRow:
        built.append(int(row["idx"]))
        return real_row(row)

    monkeypatch.setattr(batch_store, "_row", counted)
    indexes = [r.index for r in panel.model.rows()]
    for at in (3, 40):  # two rows of the shown batch move on
        runner.batches.set_problem(batch_id, indexes[at], "the image went away")
        panel._on_event(BatchEvent(batch_id, indexes[at], RowStatus.INVALID))
    qtbot.waitUntil(lambda: "2 invalid" in panel.summary.text(), timeout=10000)
    assert sorted(built) == [indexes[3], indexes[40]]  # those two rows, nothing else
    assert panel.model.rows()[40].problem == "the image went away"
    assert panel.model.rowCount() == ROWS

    built.clear()  # a row of the other batch: that batch is counted again, no row is shown
    runner.batches.set_problem(other, indexes[7], "the image went away")
    panel._on_event(BatchEvent(other, indexes[7], RowStatus.INVALID))
    qtbot.waitUntil(
        lambda: any(o.info.id == other and o.count(RowStatus.INVALID) for o in panel._batches),
        timeout=10000,
    )
    assert len(built) == ROWS
    assert panel.model.rows()[3].problem == "the image went away"  # the shown rows stay
    fresh = usecase.list_batches(store)
    assert {o.info.id: o.counts for o in panel._batches} == {o.info.id: o.counts for o in fresh}
