"""The Batches panel while a batch runs: it is read again every few hundred ms, so a refresh
must cost the GUI thread only what changed (issue 13: a 100-job batch never stalls the
window). Counted, not timed: the rows repainted and the chooser rebuilt per refresh."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QModelIndex
from pytestqt.qtbot import QtBot

from sora_desktop.core.batch.runner import BatchRunner
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
