"""Ways to the files (File menu, the "Exported" message) and the estimated spending dialog.
Opening a folder is recorded, not done: QDesktopServices.openUrl and the reveal are patched."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from pytestqt.qtbot import QtBot

from sora_desktop.core.models import Connection, ConnectionKind, JobStatus
from sora_desktop.core.paths import AppPaths
from sora_desktop.core.store import JobStore
from sora_desktop.gui import file_actions
from sora_desktop.gui.app import AppContext, build
from sora_desktop.gui.export_dialog import ExportDialog
from sora_desktop.gui.export_notice import ExportNotice
from sora_desktop.gui.library_filters import connection_label
from sora_desktop.gui.spending_dialog import SpendingDialog
from tests.gui.library_jobs import make_job


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    urls: list[Path] = []

    def record(url: QUrl) -> bool:
        urls.append(Path(url.toLocalFile()))
        return True

    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(record))
    return urls


@pytest.fixture
def ctx(data_dir: Path, qtbot: QtBot) -> Iterator[AppContext]:
    context = build(AppPaths.default(data_dir), sim_latency=1.0)
    context.window.show()
    qtbot.waitExposed(context.window)
    yield context
    context.close()


def test_file_menu_opens_the_library_folder(ctx: AppContext, opened: list[Path]) -> None:
    action = ctx.window.open_library_folder_action
    assert action in ctx.window.menuBar().actions()[0].menu().actions()
    action.trigger()
    assert opened == [ctx.paths.library_dir]


def test_file_menu_opens_the_export_folder_creating_it(
    ctx: AppContext, opened: list[Path], tmp_path: Path
) -> None:
    assert ctx.user is not None
    videos = tmp_path / "home" / "Videos"  # missing, as ~/Videos often is on Linux
    ctx.user.data.export_dir = str(videos)
    ctx.window.open_export_folder_action.trigger()
    assert videos.is_dir() and opened == [videos]


def test_the_exported_message_offers_the_folder(
    ctx: AppContext,
    qtbot: QtBot,
    opened: list[Path],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert ctx.user is not None
    out = tmp_path / "exports"
    ctx.user.data.export_dir = str(out)
    jobs = [make_job(i, video_dir=tmp_path / "lib") for i in range(2)]
    for job in jobs:
        ctx.engine.store.add(job)

    def run_export(dialog: ExportDialog) -> int:  # the creator presses Export
        dialog.start_export()
        qtbot.waitUntil(lambda: not dialog.is_running(), timeout=10_000)
        return 1

    monkeypatch.setattr(ExportDialog, "exec", run_export)
    revealed: list[Path] = []
    monkeypatch.setattr(
        file_actions, "reveal_in_file_manager", lambda p: revealed.append(p) is None
    )
    assert ctx.window.export_notice is None  # made with the first export

    ctx.window.export_requested.emit([jobs[0].id])
    notice = ctx.window.export_notice
    assert isinstance(notice, ExportNotice) and notice.isVisible()
    assert "Exported 1 file to" in notice.label.text() and str(out) in notice.label.text()
    assert notice.open_button.text() == "Show in folder"
    notice.open_button.click()
    assert len(revealed) == 1 and revealed[0].parent == out and revealed[0].is_file()

    ctx.window.export_requested.emit([j.id for j in jobs])
    assert "Exported 2 files" in notice.label.text()
    assert notice.open_button.text() == "Open folder"
    notice.open_button.click()
    assert opened == [out]
    notice.close_button.click()
    assert not notice.isVisible()


def _spend(store: JobStore) -> None:
    now = dt.datetime.now()
    this_month = now.replace(day=1, hour=12).timestamp()
    earlier = (now.replace(day=1) - dt.timedelta(days=40)).timestamp()
    gateway = Connection(
        kind=ConnectionKind.COMPATIBLE, base_url="https://gw.example.com/v1", profile_id="work"
    )
    rows = [
        (make_job(1, model="sora-2-pro", size="1792x1024", seconds=8), gateway, this_month, 4.0),
        (make_job(2, seconds=8), gateway, earlier, 0.8),
        (make_job(3, model="veo-3.1", seconds=8), gateway, this_month, None),
        (
            make_job(4, seconds=12),
            Connection(
                kind=ConnectionKind.SIMULATOR,
                base_url="http://127.0.0.1:9/v1",
                profile_id="simulator",
            ),
            this_month,
            0.0,
        ),
        (make_job(5, status=JobStatus.FAILED, remote_id=None), gateway, this_month, 0.8),
    ]
    for job, connection, created, cost in rows:
        job.connection, job.created_at, job.updated_at = connection, created, created
        job.estimated_cost = cost
        store.add(job)


def test_spending_per_month_and_connection(qtbot: QtBot, tmp_path: Path) -> None:
    with JobStore(tmp_path / "library.db") as store:
        _spend(store)
        totals = store.spending()
    names = {"work": "Studio gateway"}
    dialog = SpendingDialog(
        totals,
        lambda li: (
            names.get(li.connection) or connection_label(li.connection, li.kind, li.base_url)
        ),
    )
    qtbot.addWidget(dialog)
    assert dialog.summary.text() == "This month: ≈ $4.00 · All time: ≈ $4.80"
    top = dialog.tree.topLevelItem(0)
    assert top.text(0) == dt.date.today().strftime("%Y-%m") and top.text(2) == "$4.00"
    assert top.text(1) == "3"  # the job the service never accepted is not counted
    children = {top.child(i).text(0): top.child(i) for i in range(top.childCount())}
    assert children["Studio gateway"].text(2) == "≈ $4.00 (+1 unpriced)"
    assert children["Simulator (this computer)"].text(2) == "free"
    assert dialog.tree.topLevelItemCount() == 2
    assert "1 video with a model of unknown price" in dialog.note.text()


def test_spending_is_in_the_connections_menu(
    ctx: AppContext, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[Any] = []
    monkeypatch.setattr(SpendingDialog, "exec", lambda self: shown.append(self) or 0)
    assert ctx.window.spending_action in ctx.window.connections_menu.actions()
    ctx.window.spending_action.trigger()
    assert len(shown) == 1 and "All time: ≈ $0.00" in shown[0].summary.text()
