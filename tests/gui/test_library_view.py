"""LibraryPanel: debounced search, buttons and context menu, favourites, deleting, drag-out."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path, PureWindowsPath
from typing import Any

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialogButtonBox

from sora_desktop.core.models import Job, JobStatus
from sora_desktop.core.store import JobStore
from sora_desktop.gui.library_model import Column, LibraryModel
from sora_desktop.gui.library_view import LibraryPanel
from sora_desktop.gui.operations import Operations
from sora_desktop.gui.remix_dialog import RemixDialog
from sora_desktop.gui.thumbnails import ThumbnailCache
from sora_desktop.usecases.library import LibraryFolders
from tests.gui.library_jobs import fill_store, make_job


@pytest.fixture
def store(tmp_path: Path) -> Iterator[JobStore]:
    s = JobStore(tmp_path / "library.db")
    yield s
    s.close()


@pytest.fixture
def jobs(store: JobStore, tmp_path: Path) -> list[Job]:
    return fill_store(
        store,
        [
            make_job(0, video_dir=tmp_path / "videos"),
            make_job(1, video_dir=tmp_path / "videos"),
            make_job(2, status=JobStatus.FAILED),
            make_job(3, status=JobStatus.IN_PROGRESS),
            make_job(4, video_dir=tmp_path / "videos", remote_id=None),
        ],
    )


@pytest.fixture
def panel(qtbot: Any, store: JobStore, jobs: list[Job], tmp_path: Path) -> Iterator[LibraryPanel]:
    widget = LibraryPanel(
        store,
        ThumbnailCache(QSize(64, 36), cache_dir=tmp_path / "thumbs"),
        folders=LibraryFolders((tmp_path / "videos", tmp_path / "thumbs")),
    )
    qtbot.addWidget(widget)
    widget.resize(900, 400)
    widget.show()
    yield widget
    widget.shutdown()


def test_search_is_debounced_then_filters(qtbot: Any, panel: LibraryPanel) -> None:
    assert panel.model.total_count() == 5
    assert panel.search.placeholderText() == "Search prompts…"
    panel.search.setText("fox")
    assert panel.model.search_text() == ""  # not on every keystroke
    qtbot.waitUntil(lambda: panel.model.total_count() == 1, timeout=2000)
    assert panel.count_label.text() == "1 video"
    panel.search.setText("no such words anywhere")
    qtbot.waitUntil(lambda: panel.model.total_count() == 0, timeout=2000)
    assert panel.stack.currentWidget() is panel.empty
    assert "No videos match" in panel.empty.text()


def test_status_filter_and_favourites_button(
    qtbot: Any, panel: LibraryPanel, store: JobStore, jobs: list[Job]
) -> None:
    panel.status_filter.setCurrentIndex(3)  # failed or expired
    assert [panel.model.job_at(r).id for r in range(panel.model.rowCount())] == [jobs[2].id]  # type: ignore[union-attr]
    panel.status_filter.setCurrentIndex(0)
    store.set_favourite(jobs[1].id, True)
    panel.favourites_only.setChecked(True)
    assert panel.model.rowCount() == 1 and panel.model.job_at(0).id == jobs[1].id  # type: ignore[union-attr]


def test_the_wheel_over_the_unfocused_status_filter_leaves_the_filter_alone(
    qtbot: Any, panel: LibraryPanel
) -> None:
    """Scrolling past it changed which videos were shown, with nothing pointing it out; as
    the left column's and Connections' combos, it changes once clicked or tabbed into."""
    from tests.gui.conftest import wheel_notch

    combo = panel.status_filter
    assert not combo.hasFocus()
    wheel_notch(combo)
    assert combo.currentIndex() == 0 and panel.model.total_count() == 5
    panel.activateWindow()
    combo.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(combo.hasFocus, timeout=5000)
    wheel_notch(combo)
    assert combo.currentIndex() == 1  # focused: the wheel chooses as usual


def test_buttons_and_context_menu_emit_signals(
    qtbot: Any, panel: LibraryPanel, jobs: list[Job]
) -> None:
    menu = panel.context_menu()
    for action in (
        panel.play_action,
        panel.remix_action,
        panel.reuse_action,
        panel.export_action,
        panel.reveal_action,
        panel.copy_path_action,
        panel.favourite_action,
        panel.delete_local_action,
        panel.delete_remote_action,
    ):
        assert action in menu.actions()
    menu.deleteLater()

    panel.select_jobs([jobs[1].id])
    with qtbot.waitSignal(panel.play_requested) as play:
        panel.play_action.trigger()
    assert play.args == [jobs[1].id]

    asked: list[str] = []
    panel.ask_remix_prompt = lambda job: asked.append(job.request.prompt) or "now at night"
    with qtbot.waitSignal(panel.remix_requested) as remix:
        panel.remix_action.trigger()
    assert remix.args == [jobs[1].id, "now at night"]
    assert asked == [jobs[1].request.prompt]

    with qtbot.waitSignal(panel.reuse_requested) as reuse:
        panel.reuse_action.trigger()
    assert reuse.args == [jobs[1].id]

    panel.select_jobs([jobs[0].id, jobs[1].id, jobs[2].id])
    with qtbot.waitSignal(panel.export_requested) as export:
        panel.export_action.trigger()
    assert sorted(export.args[0]) == sorted([jobs[0].id, jobs[1].id])  # the failed has no file

    panel.confirm = lambda _title, _text: True
    with qtbot.waitSignal(panel.delete_remote_requested) as remote:
        panel.delete_remote_action.trigger()
    assert sorted(remote.args[0]) == sorted(j.id for j in jobs[:3])


def test_actions_follow_the_selection(panel: LibraryPanel, jobs: list[Job]) -> None:
    panel.select_jobs([jobs[3].id])  # in progress: nothing to play, can't delete locally
    assert not panel.play_action.isEnabled()
    assert not panel.delete_local_action.isEnabled()
    assert panel.reuse_action.isEnabled()
    panel.select_jobs([jobs[4].id])  # ready but never had a remote id
    assert panel.play_action.isEnabled()
    assert not panel.remix_action.isEnabled()
    assert not panel.delete_remote_action.isEnabled()


def test_remix_is_cancelled_when_no_prompt_is_given(
    qtbot: Any, panel: LibraryPanel, jobs: list[Job]
) -> None:
    panel.select_jobs([jobs[0].id])
    panel.ask_remix_prompt = lambda _job: None
    with qtbot.assertNotEmitted(panel.remix_requested):
        panel.remix_action.trigger()


def test_remix_dialog_is_prefilled(qtbot: Any, jobs: list[Job]) -> None:
    dialog = RemixDialog(jobs[0])
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert dialog.prompt() == jobs[0].request.prompt
    assert ok.text() == "Remix" and ok.isEnabled()
    dialog.editor.setPlainText("   ")
    assert not ok.isEnabled()
    dialog.editor.setPlainText("the same fox, in autumn ")
    assert ok.isEnabled() and dialog.prompt() == "the same fox, in autumn"


def test_double_click_plays(qtbot: Any, panel: LibraryPanel, jobs: list[Job]) -> None:
    row = panel.model.row_of(jobs[0].id)
    rect = panel.view.visualRect(panel.model.index(row, Column.DATE))
    qtbot.mouseClick(panel.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    with qtbot.waitSignal(panel.play_requested) as play:
        qtbot.mouseDClick(panel.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert play.args == [jobs[0].id]


def test_favourite_toggle_writes_the_store(
    panel: LibraryPanel, store: JobStore, jobs: list[Job]
) -> None:
    panel.select_jobs([jobs[0].id, jobs[1].id])
    panel.favourite_action.trigger()
    assert store.get(jobs[0].id).favourite and store.get(jobs[1].id).favourite  # type: ignore[union-attr]
    assert panel.favourite_action.isChecked()
    row = panel.model.row_of(jobs[0].id)
    assert panel.model.index(row, Column.FAVOURITE).data() == "★"
    panel.favourite_action.trigger()
    assert not store.get(jobs[0].id).favourite  # type: ignore[union-attr]


def test_delete_locally_asks_then_removes_file_and_row(
    qtbot: Any, panel: LibraryPanel, store: JobStore, jobs: list[Job]
) -> None:
    target = jobs[0]
    assert target.file_path is not None and target.file_path.is_file()
    panel.select_jobs([target.id])
    questions: list[str] = []
    panel.confirm = lambda _title, text: questions.append(text) is not None  # says no
    panel.delete_local_action.trigger()
    assert questions and target.file_path.is_file() and store.get(target.id) is not None

    panel.confirm = lambda _title, _text: True
    with qtbot.waitSignal(panel.locally_deleted) as deleted:
        panel.delete_local_action.trigger()
    assert deleted.args == [[target.id]]
    assert not target.file_path.exists()
    assert store.get(target.id) is None
    assert panel.model.row_of(target.id) == -1 and panel.model.rowCount() == 4


def test_delete_locally_leaves_running_jobs_alone(
    panel: LibraryPanel, store: JobStore, jobs: list[Job]
) -> None:
    panel.select_jobs([jobs[3].id, jobs[2].id])
    panel.confirm = lambda _title, _text: True
    panel.delete_local_action.trigger()
    assert store.get(jobs[3].id) is not None  # in progress: kept
    assert store.get(jobs[2].id) is None


def test_delete_locally_never_removes_a_file_outside_the_library(
    qtbot: Any, panel: LibraryPanel, store: JobStore, jobs: list[Job], tmp_path: Path
) -> None:
    """The panel deletes through the one use case: a file outside its folders stays."""
    panel.operations = Operations.inline(store, LibraryFolders((tmp_path / "library-elsewhere",)))
    target = jobs[0]
    panel.select_jobs([target.id])
    panel.confirm = lambda _title, _text: True
    with qtbot.waitSignal(panel.locally_deleted):
        panel.delete_local_action.trigger()
    assert store.get(target.id) is None
    assert target.file_path is not None and target.file_path.is_file()


def test_copy_path_puts_files_on_the_clipboard(panel: LibraryPanel, jobs: list[Job]) -> None:
    panel.select_jobs([jobs[1].id])
    panel.copy_path_action.trigger()
    mime = QGuiApplication.clipboard().mimeData()
    # through Path: Qt's local file names use "/" (C:/...), Python's Windows paths "\\"
    assert [Path(u.toLocalFile()) for u in mime.urls()] == [jobs[1].file_path]
    assert mime.text() == str(jobs[1].file_path)  # pasted as the OS writes paths


def test_view_drags_files_out(panel: LibraryPanel, jobs: list[Job]) -> None:
    assert panel.view.dragEnabled()
    panel.select_jobs([jobs[0].id, jobs[1].id])
    data = panel.model.mimeData(panel.view.selectionModel().selectedIndexes())
    assert sorted(Path(u.toLocalFile()) for u in data.urls()) == sorted(
        j.file_path for j in jobs[:2] if j.file_path
    )


def test_job_changed_slot_refreshes_a_row(
    panel: LibraryPanel, store: JobStore, jobs: list[Job]
) -> None:
    store.update_fields(jobs[3].id, progress=77)
    panel.job_changed(jobs[3].id)
    row = panel.model.row_of(jobs[3].id)
    assert panel.model.index(row, Column.STATUS).data() == "Rendering 77%"


def test_empty_library_says_what_to_do(qtbot: Any, tmp_path: Path) -> None:
    with JobStore(tmp_path / "empty.db") as empty:
        widget = LibraryPanel(empty)
        qtbot.addWidget(widget)
        try:
            assert widget.stack.currentWidget() is widget.empty
            assert "Generate" in widget.empty.text()
            assert widget.count_label.text() == "0 videos"
        finally:
            widget.shutdown()


def test_reveal_commands_per_platform(tmp_path: Path) -> None:
    from sora_desktop.gui.file_actions import reveal_command

    clip = tmp_path / "clip.mp4"
    assert reveal_command(clip, "darwin") == ["open", "-R", str(clip)]
    assert reveal_command(clip, "linux") is None  # the folder is opened via QDesktopServices
    # Explorer's command line, verbatim: the path quoted on its own (a comma would end it)
    spaced = r"C:\Users\Jo Smith\Videos\Paris,2026.mp4"
    for path, line in [(spaced, f'/select,"{spaced}"'), ("D:/a.mp4", r'/select,"D:\a.mp4"')]:
        assert reveal_command(PureWindowsPath(path), "win32") == ["explorer.exe", line]


@pytest.mark.skipif(sys.platform != "win32", reason="QProcess.setNativeArguments is Windows'")
def test_show_in_folder_gives_explorer_that_command_line(tmp_path: Path) -> None:
    from sora_desktop.gui.file_actions import reveal_process

    clip = tmp_path / "My Clips, 2026" / "clip.mp4"
    process = reveal_process(clip)  # started by reveal_in_file_manager; not here
    assert process is not None
    assert (process.program(), process.arguments()) == ("explorer.exe", [])
    assert process.nativeArguments() == f'/select,"{clip}"'


def test_delete_locally_drops_the_cached_first_frame(
    qtbot: Any, panel: LibraryPanel, jobs: list[Job]
) -> None:
    target = jobs[1]
    frame = panel.thumbnails.cached_frame_path(LibraryModel.thumb_key(target))
    assert frame is not None
    panel.model.index(panel.model.row_of(target.id), Column.PROMPT).data(
        Qt.ItemDataRole.DecorationRole
    )
    qtbot.waitUntil(frame.is_file, timeout=10_000)
    panel.select_jobs([target.id])
    panel.confirm = lambda _title, _text: True
    panel.delete_local_action.trigger()
    assert not frame.exists()


def test_a_new_job_keeps_the_selection(
    panel: LibraryPanel, store: JobStore, jobs: list[Job]
) -> None:
    panel.select_jobs([jobs[1].id])
    newcomer = make_job(42)
    store.add(newcomer)
    panel.job_changed(newcomer.id)
    assert panel.model.row_of(newcomer.id) == 0
    assert panel.selected_ids() == [jobs[1].id]


def test_narrow_panel_hides_minor_columns_to_keep_the_prompt_readable(
    qtbot: Any, panel: LibraryPanel
) -> None:
    panel.resize(1200, 400)
    qtbot.waitUntil(lambda: not panel.view.isColumnHidden(Column.MODEL), timeout=2000)
    panel.resize(480, 400)
    qtbot.waitUntil(lambda: panel.view.isColumnHidden(Column.MODEL), timeout=2000)
    assert panel.view.isColumnHidden(Column.SIZE)
    assert not panel.view.isColumnHidden(Column.PROMPT)
    assert not panel.view.isColumnHidden(Column.FAVOURITE)
    assert panel.view.columnWidth(Column.PROMPT) >= 250


def test_new_jobs_arriving_together_reset_the_library_once(
    qtbot: Any, panel: LibraryPanel, store: JobStore
) -> None:
    """A batch's job: its first event asks for a re-query soon; its next events (queued, in
    progress) come before that re-query and must not read, count and re-query at once."""
    resets: list[int] = []
    panel.model.modelReset.connect(lambda: resets.append(panel.model.total_count()))
    new = [make_job(10 + n, status=JobStatus.IN_PROGRESS) for n in range(3)]
    for job in new:
        store.add(job)
        panel.refresh_soon()  # its draft / submitting event
        panel.job_changed(job.id)  # queued
        panel.job_changed(job.id)  # in progress
    assert resets == []  # nothing yet: one re-query is due
    qtbot.waitUntil(lambda: bool(resets), timeout=2000)
    assert resets == [8]
    assert {panel.model.job_at(r).id for r in range(3)} == {j.id for j in new}  # type: ignore[union-attr]
    panel.job_changed(new[0].id)  # shown now: updated in place, no re-query
    assert resets == [8]


def test_new_jobs_go_on_top_without_re_reading_the_library(
    qtbot: Any, panel: LibraryPanel, store: JobStore, jobs: list[Job]
) -> None:
    """A batch adds its jobs one by one: each is added on top (one read of it), not by a
    re-query of the whole page and a reset of the view (issue 13)."""
    panel.select_jobs([jobs[1].id])
    resets: list[bool] = []
    inserted: list[tuple[int, int]] = []
    panel.model.modelReset.connect(lambda: resets.append(True))
    panel.model.rowsInserted.connect(lambda _p, first, last: inserted.append((first, last)))
    new = [make_job(10 + n, status=JobStatus.SUBMITTING) for n in range(3)]
    for job in new:
        store.add(job)
        panel.refresh_soon(job.id)  # its draft / submitting event
        panel.job_changed(job.id)  # queued: before the update, nothing read
    qtbot.waitUntil(lambda: bool(inserted), timeout=2000)
    assert resets == [] and inserted == [(0, 2)]
    assert [panel.model.job_at(r).id for r in range(3)] == [j.id for j in reversed(new)]  # type: ignore[union-attr]
    assert panel.model.total_count() == 8 and panel.count_label.text() == "8 videos"
    assert panel.selected_ids() == [jobs[1].id]


def test_new_jobs_the_top_is_not_the_place_of_are_shown_by_a_re_query(
    qtbot: Any, panel: LibraryPanel, store: JobStore
) -> None:
    """A remix (its source's row changes too), or a search on: the page is read again."""
    import dataclasses

    resets: list[int] = []
    panel.model.modelReset.connect(lambda: resets.append(panel.model.total_count()))
    plain = make_job(10, status=JobStatus.SUBMITTING)
    remix = make_job(11, status=JobStatus.SUBMITTING)
    remix = dataclasses.replace(
        remix, request=dataclasses.replace(remix.request, remix_of="video_abc")
    )
    for job in (plain, remix):
        store.add(job)
        panel.refresh_soon(job.id)
    qtbot.waitUntil(lambda: bool(resets), timeout=2000)
    assert resets == [7] and panel.model.row_of(remix.id) == 0

    panel.search.setText("#12")
    panel._apply_search()
    resets.clear()
    searched = make_job(12, status=JobStatus.SUBMITTING)
    store.add(searched)
    panel.refresh_soon(searched.id)
    qtbot.waitUntil(lambda: bool(resets), timeout=2000)
    assert resets == [1] and panel.model.row_of(searched.id) == 0
