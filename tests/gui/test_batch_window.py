"""The window's batch faces over a real Controller, service and simulator: File ▸ New batch…
previews (invalid rows with their reason, the price on Start), starts once, and the Batches
panel follows the rows, exports results, draws the contact sheet and continues unfinished
batches on start."""

from __future__ import annotations

import csv
from pathlib import Path

from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from pytestqt.qtbot import QtBot

from sora_desktop.core.batch.plan import Defaults
from sora_desktop.core.batch.runner import BatchRunner
from sora_desktop.core.batch.store import RowStatus
from sora_desktop.core.models import Connection, ConnectionKind
from sora_desktop.core.store import JobStore
from sora_desktop.gui.batch_dialog import NewBatchDialog
from sora_desktop.gui.batch_view import BatchPanel
from sora_desktop.gui.controller import Controller
from sora_desktop.gui.operations import Operations
from sora_desktop.simulator.server import SimulatorServer
from sora_desktop.usecases import batch as usecase
from sora_desktop.usecases.library import LibraryFolders


def raise_it(error: BaseException) -> None:
    raise error


def ops_for(controller: Controller, store: JobStore) -> Operations:
    return Operations(controller, raise_it, LibraryFolders(()), library=store)


def sim(server: SimulatorServer) -> Connection:
    return Connection(kind=ConnectionKind.SIMULATOR, base_url=server.url + "/v1")


def test_new_batch_previews_starts_once_and_the_panel_follows_it_to_the_end(
    qtbot: QtBot,
    controller: Controller,
    controller_store: JobStore,
    simulator: SimulatorServer,
    tmp_path: Path,
) -> None:
    ideas = tmp_path / "ideas.csv"
    ideas.write_text("prompt,model\na fox in the snow,\nan owl in a barn,nope-9\n", "utf-8")
    ops = ops_for(controller, controller_store)
    dialog = NewBatchDialog(ops, sim(simulator), Defaults(), "Simulator")
    qtbot.addWidget(dialog)
    dialog.file_edit.setText(str(ideas))
    dialog.sweeps_edit.setText("seconds=4,8")
    qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 4, timeout=10000)
    statuses = [dialog.model.status_text(dialog.model.row_at(n)) for n in range(4)]
    assert statuses[:2] == ["To send", "To send"]
    assert all(s.startswith("Invalid:") and "nope-9" in s for s in statuses[2:])
    assert dialog.start_button.isEnabled()
    # sora-2's 4 s and 8 s at the Videos API's price: notional, as the main window says it
    assert dialog.start_button.text() == "Start batch (≈ $1.20 (free on the simulator))"
    assert "2 of 4 jobs to send, estimated $1.20 (free on the simulator)," in (
        dialog.summary.text()
    )

    with qtbot.waitSignal(dialog.started, timeout=10000) as started:
        dialog.start_button.click()
        dialog.start()  # a second press starts nothing more
    assert not dialog.start_button.isEnabled()
    info = started.args[0]

    panel = BatchPanel(ops)
    qtbot.addWidget(panel)
    panel.show_batch(info.id)
    qtbot.waitUntil(lambda: panel.model.count(RowStatus.READY) == 2, timeout=60000)
    assert panel.model.count(RowStatus.INVALID) == 2
    assert simulator.created_count == 2  # one create per valid row, never more
    store = controller_store
    assert len(usecase.list_batches(store)) == 1
    qtbot.waitUntil(lambda: panel.sheet_button.isEnabled())
    assert not panel.retry_button.isEnabled()  # nothing failed

    results = tmp_path / "results.csv"
    with qtbot.waitSignal(panel.status, timeout=10000):
        panel.export_to(results, json=False)
    with results.open(encoding="utf-8-sig", newline="") as f:
        table = list(csv.DictReader(f))
    assert [r["status"] for r in table] == ["ready", "ready", "invalid", "invalid"]
    sheet = tmp_path / "sheet.png"
    with qtbot.waitSignal(panel.status, timeout=20000):
        panel.sheet_to(sheet)
    with Image.open(sheet) as image:
        assert image.width > 300


def test_the_panel_continues_unfinished_batches_on_start_and_says_so(
    qtbot: QtBot,
    controller: Controller,
    controller_store: JobStore,
    simulator: SimulatorServer,
    tmp_path: Path,
) -> None:
    ideas = tmp_path / "ideas.txt"
    ideas.write_text("a kite over hills\na boat at dawn\n", "utf-8")
    service, store = controller.service, controller_store
    preview = usecase.preview(usecase.BatchOrder(file=ideas), sim(simulator), service)
    kept = usecase.start(BatchRunner(service, store), preview)  # kept, never run (a crash)
    panel = BatchPanel(ops_for(controller, store))
    qtbot.addWidget(panel)
    lines: list[str] = []
    panel.status.connect(lines.append)
    panel.resume_unfinished()
    qtbot.waitUntil(lambda: len(lines) == 2, timeout=60000)
    assert lines[0].startswith("Continuing 1 unfinished batch"), lines
    assert lines[1] == "1 batch(es) finished."
    assert simulator.created_count == 2
    assert usecase.overview(store, kept.id).count(RowStatus.READY) == 2


def test_file_menu_has_new_batch_on_ctrl_shift_b(qtbot: QtBot, controller: Controller) -> None:
    from sora_desktop.gui.main_window import MainWindow

    window = MainWindow(
        controller, controller.service._paths, [], connection_for=lambda p: p.connection()
    )
    qtbot.addWidget(window)
    action = window.new_batch_action
    assert action.shortcut() == QKeySequence("Ctrl+Shift+B")
    with qtbot.waitSignal(window.new_batch_requested):
        action.trigger()


def test_a_batch_job_is_neither_played_nor_announced(
    qtbot: QtBot, controller: Controller, controller_store: JobStore
) -> None:
    from sora_desktop.core.batch.runner import BatchEvent
    from sora_desktop.core.models import Job, JobStatus, VideoRequest
    from sora_desktop.gui.main_window import MainWindow

    window = MainWindow(
        controller, controller.service._paths, [], connection_for=lambda p: p.connection()
    )
    qtbot.addWidget(window)
    ops = ops_for(controller, controller_store)
    window.set_batch_panel(BatchPanel(ops))
    ops.batch_events.deliver(BatchEvent("b1", 1, RowStatus.RUNNING, "job-of-a-batch"))
    loaded: list[Path] = []
    window.preview.load = lambda path, title="": loaded.append(path)  # type: ignore[method-assign]
    job = Job(
        id="job-of-a-batch",
        request=VideoRequest(prompt="a kite"),
        connection=Connection(kind=ConnectionKind.SIMULATOR, base_url=""),
        status=JobStatus.READY,
        file_path=Path("clip.mp4"),
    )
    window.notifier.enabled = lambda: False
    window._on_finished(job)
    assert loaded == []
    from dataclasses import replace

    window._on_finished(replace(job, id="a-single-job"))
    assert loaded == [Path("clip.mp4")]  # a single job still plays
