"""The window's operation API: named operations run off the GUI thread through the one seam
(the Controller); success, failure and progress arrive on the GUI thread."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from sora_desktop.core.errors import DiskError
from sora_desktop.core.models import JobStatus
from sora_desktop.core.paths import AppPaths
from sora_desktop.gui.controller import Controller
from sora_desktop.gui.operations import Op, Operations
from sora_desktop.usecases.export import ExportOptions, ExportStopped
from sora_desktop.usecases.library import LibraryFolders
from tests.gui.library_jobs import make_job


@pytest.fixture
def paths(data_dir: Path) -> AppPaths:
    made = AppPaths.default(data_dir)
    made.ensure()
    return made


@pytest.fixture
def shown() -> list[BaseException]:
    return []


@pytest.fixture
def ops(controller: Controller, paths: AppPaths, shown: list[BaseException]) -> Operations:
    return Operations(controller, shown.append, LibraryFolders.of(paths))


def _on_gui() -> bool:
    return threading.current_thread() is threading.main_thread()


def test_work_runs_off_the_gui_thread_and_answers_on_it(ops: Operations, qtbot: QtBot) -> None:
    seen: list[tuple[str, object, bool]] = []

    def work(report: Any) -> str:
        seen.append(("work", threading.current_thread().name, _on_gui()))
        report(1, 2)
        report(2, 2)
        return "done"

    op = Op(ops, None, work)
    op.with_progress(lambda d, t: seen.append(("progress", (d, t), _on_gui())))
    op.success(lambda value: seen.append(("ok", value, _on_gui())))
    op.run_in_background()
    qtbot.waitUntil(lambda: any(kind == "ok" for kind, *_ in seen), timeout=5000)
    assert seen[0][0] == "work" and seen[0][2] is False
    assert [s for s in seen if s[0] == "progress"] == [
        ("progress", (1, 2), True),
        ("progress", (2, 2), True),
    ]
    assert seen[-1] == ("ok", "done", True)


def test_a_failure_goes_to_the_error_presenter_unless_handled(
    ops: Operations, qtbot: QtBot, shown: list[BaseException]
) -> None:
    def fail(_report: Any) -> None:
        raise DiskError("The disk is full.", "Free some space.")

    Op(ops, None, fail).run_in_background()
    qtbot.waitUntil(lambda: len(shown) == 1, timeout=5000)
    assert isinstance(shown[0], DiskError)
    handled: list[tuple[BaseException, bool]] = []
    Op(ops, None, fail).failure(lambda e: handled.append((e, _on_gui()))).run_in_background()
    qtbot.waitUntil(lambda: len(handled) == 1, timeout=5000)
    assert handled[0][1] is True and len(shown) == 1


def test_nothing_is_delivered_to_a_parent_that_is_gone(
    ops: Operations, qtbot: QtBot, shown: list[BaseException]
) -> None:
    parent = QWidget()
    release = threading.Event()
    delivered: list[object] = []

    def slow(_report: Any) -> str:
        release.wait(5)
        return "late"

    Op(ops, parent, slow).success(delivered.append).run_in_background()
    probe: list[object] = []
    Op(ops, None, lambda _r: "probe").success(probe.append).run_in_background()
    qtbot.waitUntil(lambda: probe == ["probe"], timeout=5000)
    parent.deleteLater()
    qtbot.waitUntil(lambda: not _valid(parent), timeout=5000)
    release.set()
    after: list[object] = []
    Op(ops, None, lambda _r: "after").success(after.append).run_in_background()
    qtbot.waitUntil(lambda: after == ["after"], timeout=5000)
    assert delivered == [] and shown == []


def _valid(widget: QWidget) -> bool:
    from shiboken6 import isValid

    return bool(isValid(widget))


def test_export_and_delete_run_as_named_operations(
    ops: Operations, controller: Controller, paths: AppPaths, qtbot: QtBot, tmp_path: Path
) -> None:
    jobs = [make_job(i, video_dir=paths.library_dir) for i in range(3)]
    for job in jobs:
        controller.store.add(job)
    progress: list[tuple[int, int]] = []
    exported: list[list[Path]] = []
    ops.export_clips(
        parent=None, jobs=jobs, options=ExportOptions(tmp_path / "out", sidecar=False)
    ).with_progress(lambda d, t: progress.append((d, t))).success(
        exported.append
    ).run_in_background()
    qtbot.waitUntil(lambda: len(exported) == 1, timeout=10_000)
    assert [p.read_bytes() for p in exported[0]] == [j.file_path.read_bytes() for j in jobs]  # type: ignore[union-attr]
    assert progress == [(1, 3), (2, 3), (3, 3)]

    busy = make_job(9, status=JobStatus.IN_PROGRESS)
    controller.store.add(busy)
    done: list[Any] = []
    ops.delete_locally(parent=None, jobs=[*jobs, busy]).success(done.append).run_in_background()
    qtbot.waitUntil(lambda: len(done) == 1, timeout=10_000)
    assert sorted(done[0].deleted) == sorted(j.id for j in jobs)
    assert [j.id for j in done[0].refused] == [busy.id]
    assert all(not j.file_path.exists() for j in jobs)  # type: ignore[union-attr]
    assert controller.store.get(busy.id) is not None

    stopped: list[BaseException] = []
    ops.export_clips(parent=None, jobs=jobs, options=ExportOptions(tmp_path / "again")).failure(
        stopped.append
    ).run_in_background()
    qtbot.waitUntil(lambda: len(stopped) == 1, timeout=10_000)
    assert isinstance(stopped[0], ExportStopped) and stopped[0].written == []
    assert "not on disk" in stopped[0].error.message
