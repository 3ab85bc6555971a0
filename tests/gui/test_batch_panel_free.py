"""The Batches panel says a simulator batch's spending is notional: "(free on the
simulator)", the main window's words, after its estimated spent (priced as the Videos API
would charge, so a cap can be tried); a batch on a paid connection says nothing of it."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from sora_desktop.core.batch.runner import BatchRunner
from sora_desktop.core.models import Connection, ConnectionKind
from sora_desktop.core.store import JobStore
from sora_desktop.gui.batch_view import BatchPanel
from sora_desktop.gui.controller import Controller
from sora_desktop.usecases import batch as usecase
from tests.gui.test_batch_window import ops_for

SIM = Connection(kind=ConnectionKind.SIMULATOR, base_url="http://127.0.0.1:9/v1")
PAID = Connection(kind=ConnectionKind.OPENAI, base_url="http://127.0.0.1:9/v1")


def _kept_batch(
    controller: Controller, store: JobStore, tmp_path: Path, connection: Connection
) -> str:
    ideas = tmp_path / f"ideas-{connection.kind.value}.txt"
    ideas.write_text("a kite over a beach\na lighthouse at dusk\n", "utf-8")
    service = controller.service
    order = usecase.BatchOrder(file=ideas, cap=5.0, confirmed=True)
    runner = BatchRunner(service, store)
    return usecase.start(runner, usecase.preview(order, connection, service)).id


def _summary(qtbot: QtBot, controller: Controller, store: JobStore, batch_id: str) -> str:
    panel = BatchPanel(ops_for(controller, store))
    qtbot.addWidget(panel)
    panel.show_batch(batch_id)
    qtbot.waitUntil(lambda: "Estimated spent" in panel.summary.text(), timeout=10000)
    return panel.summary.text()


def test_a_simulator_batch_says_its_spending_is_free_a_paid_one_does_not(
    qtbot: QtBot, controller: Controller, controller_store: JobStore, tmp_path: Path
) -> None:
    store = controller_store
    on_simulator = _kept_batch(controller, store, tmp_path, SIM)
    paid = _kept_batch(controller, store, tmp_path, PAID)
    assert "Estimated spent: $0.00 (free on the simulator) (cap: $5.00)." in _summary(
        qtbot, controller, store, on_simulator
    )
    text = _summary(qtbot, controller, store, paid)
    assert "Estimated spent: $0.00 (cap: $5.00)." in text
    assert "free" not in text
