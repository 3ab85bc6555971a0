"""The library panel's actions: made once, offered in the context menu and the buttons,
enabled for what is selected (one rule each: ``job_rules``, ``usecases.status``).

Texts keep the ``LibraryPanel`` translation context (the panel shows them).

    make_actions(panel)         # panel.play_action, .remix_action, ... (their slots: below)
    context_menu(panel) -> QMenu   # for the selection, with the remixes submenu
    update_actions(panel)       # enabled and checked for the selection
    play(panel), remix(panel), ..., delete_local(panel), go_to_source(panel)  # what they do
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

from sora_desktop.core.job_rules import remix_problem, remote_delete_problem
from sora_desktop.core.models import Job
from sora_desktop.core.retry import can_retry
from sora_desktop.gui.file_actions import copy_paths_to_clipboard, reveal_in_file_manager
from sora_desktop.gui.library_delete import (
    cached_frames,
    forget_thumbnails,
    local_delete_question,
    remote_delete_question,
)
from sora_desktop.gui.library_model import playable_file
from sora_desktop.gui.library_story import extend_tip, stitch_tip, update_story_actions
from sora_desktop.usecases.resend import is_outcome_unknown
from sora_desktop.usecases.status import can_delete_locally

if TYPE_CHECKING:
    from sora_desktop.gui.library_view import LibraryPanel
    from sora_desktop.usecases.library import LocalDeletion

translate = QCoreApplication.translate


def make_actions(panel: LibraryPanel) -> None:
    def make(text: str, slot: Callable[[LibraryPanel], None], tip: str = "") -> QAction:
        action = QAction(text, panel)
        action.setToolTip(tip or text.replace("&", "").rstrip("…"))
        action.triggered.connect(lambda _checked=False: slot(panel))
        panel.addAction(action)
        return action

    panel.play_action = make(translate("LibraryPanel", "&Play"), play)
    panel.remix_action = make(
        translate("LibraryPanel", "&Remix…"),
        remix,
        translate("LibraryPanel", "Make a variation with a changed prompt"),
    )
    panel.reuse_action = make(
        translate("LibraryPanel", "Re&use prompt"),
        reuse,
        translate("LibraryPanel", "Put this prompt and its settings back into the editor"),
    )
    panel.retry_action = make(
        translate("LibraryPanel", "Re&try…"),
        retry,
        translate("LibraryPanel", "Make this video again as a new job, with the same settings"),
    )
    panel.extend_action = make(translate("LibraryPanel", "&Extend…"), extend, extend_tip())
    panel.stitch_action = make(translate("LibraryPanel", "&Stitch…"), stitch, stitch_tip())
    panel.export_action = make(translate("LibraryPanel", "E&xport…"), export)
    panel.reveal_action = make(translate("LibraryPanel", "Show in &folder"), reveal)
    panel.copy_path_action = make(translate("LibraryPanel", "&Copy path"), copy_path)
    panel.favourite_action = make(translate("LibraryPanel", "F&avourite"), toggle_favourite)
    panel.favourite_action.setCheckable(True)
    panel.delete_local_action = make(
        translate("LibraryPanel", "&Delete from this computer…"),
        delete_local,
        translate("LibraryPanel", "Remove the video file and its library entry"),
    )
    panel.delete_local_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
    panel.delete_local_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    panel.delete_remote_action = make(
        translate("LibraryPanel", "Delete from the ser&vice…"),
        delete_remote,
        translate("LibraryPanel", "Ask the service to delete its copy"),
    )
    panel.source_action = make(
        translate("LibraryPanel", "&Go to the original"),
        go_to_source,
        translate(
            "LibraryPanel",
            "Select the video this one was made from (remixed, extended or stitched)",
        ),
    )


def context_menu(panel: LibraryPanel) -> QMenu:
    """The menu shown for the current selection (built fresh each time)."""
    menu = QMenu(panel)
    menu.addAction(panel.play_action)
    menu.addAction(panel.remix_action)
    menu.addAction(panel.reuse_action)
    menu.addAction(panel.retry_action)
    menu.addAction(panel.extend_action)
    menu.addAction(panel.stitch_action)
    menu.addSeparator()
    menu.addAction(panel.source_action)
    _add_remixes_menu(panel, menu)
    menu.addSeparator()
    menu.addAction(panel.export_action)
    menu.addAction(panel.reveal_action)
    menu.addAction(panel.copy_path_action)
    menu.addSeparator()
    menu.addAction(panel.favourite_action)
    menu.addSeparator()
    menu.addAction(panel.delete_local_action)
    menu.addAction(panel.delete_remote_action)
    return menu


def _add_remixes_menu(panel: LibraryPanel, menu: QMenu) -> None:
    job = panel._single()
    remixes = panel._store.remixes_of(job) if job is not None else []
    count = len(remixes)  # a plain name as the count: lupdate misses a call there
    sub = menu.addMenu(translate("LibraryPanel", "Re&mixes (%n)", "", count))
    sub.setEnabled(bool(remixes))
    for remix in remixes:
        flat = " ".join(remix.request.prompt.split())
        action = sub.addAction(flat if len(flat) <= 60 else flat[:59] + "…")
        action.setToolTip(remix.request.prompt)
        action.triggered.connect(lambda _on=False, i=remix.id: panel.show_job(i))


def update_actions(panel: LibraryPanel) -> None:
    jobs = panel.selected_jobs()
    one = jobs[0] if len(jobs) == 1 else None
    # one file on disk is enough to offer them (not a stat of every selected clip)
    files = any(playable_file(job) is not None for job in jobs)
    panel.play_action.setEnabled(one is not None and playable_file(one) is not None)
    refusal = remix_problem(one) if one is not None else None
    panel.remix_action.setEnabled(one is not None and refusal is None)
    panel.remix_action.setToolTip(
        refusal.message
        if refusal is not None
        else translate("LibraryPanel", "Make a variation with a changed prompt")
    )
    info = panel.model.remix_info(one.id) if one is not None else None
    panel.source_action.setEnabled(info is not None and info.source_id is not None)
    panel.reuse_action.setEnabled(one is not None)
    panel.retry_action.setEnabled(one is not None and can_retry(one))
    unknown = one is not None and is_outcome_unknown(one)
    # a job that may exist (and be billed): "Send again…" shows the cost and asks first
    panel.retry_action.setText(
        translate("LibraryPanel", "Se&nd again…")
        if unknown
        else translate("LibraryPanel", "Re&try…")
    )
    panel.retry_action.setToolTip(
        translate(
            "LibraryPanel", "It may have been made and charged: check the dashboard, then decide"
        )
        if unknown
        else translate("LibraryPanel", "Make this video again as a new job, with the same settings")
    )
    update_story_actions(panel.extend_action, panel.stitch_action, jobs)
    panel.export_action.setEnabled(bool(files))
    panel.reveal_action.setEnabled(one is not None and playable_file(one) is not None)
    panel.copy_path_action.setEnabled(bool(files))
    panel.favourite_action.setEnabled(bool(jobs))
    panel.favourite_action.setChecked(bool(jobs) and all(j.favourite for j in jobs))
    panel.delete_local_action.setEnabled(any(can_delete_locally(j) for j in jobs))
    panel.delete_remote_action.setEnabled(any(remote_delete_problem(j) is None for j in jobs))
    panel.delete_menu_action.setEnabled(
        panel.delete_local_action.isEnabled() or panel.delete_remote_action.isEnabled()
    )


# ----- what the actions do ---------------------------------------------------------------


def play(panel: LibraryPanel) -> None:
    job = panel._single()
    if job is not None and playable_file(job) is not None:
        panel.play_requested.emit(job.id)


def remix(panel: LibraryPanel) -> None:
    job = panel._single()
    if job is None:
        return
    prompt = panel.ask_remix_prompt(job)
    if prompt:
        panel.remix_requested.emit(job.id, prompt)


def reuse(panel: LibraryPanel) -> None:
    job = panel._single()
    if job is not None:
        panel.reuse_requested.emit(job.id)


def retry(panel: LibraryPanel) -> None:
    job = panel._single()
    if job is not None and can_retry(job):
        panel.retry_requested.emit(job.id)


def extend(panel: LibraryPanel) -> None:
    job = panel._single()
    if job is not None and panel.extend_action.isEnabled():
        panel.extend_requested.emit(job.id)


def stitch(panel: LibraryPanel) -> None:
    jobs = panel.selected_jobs()
    if len(jobs) >= 2 and panel.stitch_action.isEnabled():
        panel.stitch_requested.emit([job.id for job in jobs])


def export(panel: LibraryPanel) -> None:
    ids = [job.id for job in panel.selected_jobs() if playable_file(job) is not None]
    if ids:
        panel.export_requested.emit(ids)


def reveal(panel: LibraryPanel) -> None:
    job = panel._single()
    path = playable_file(job) if job is not None else None
    if path is not None and not reveal_in_file_manager(path):
        panel.inform(
            translate("LibraryPanel", "Can't show the file"),
            translate(
                "LibraryPanel", "The file manager could not be opened. The file is at:\n{path}"
            ).format(path=path),
        )


def copy_path(panel: LibraryPanel) -> None:
    paths = [p for job in panel.selected_jobs() if (p := playable_file(job)) is not None]
    if paths:
        copy_paths_to_clipboard(paths)


def toggle_favourite(panel: LibraryPanel) -> None:
    jobs = panel.selected_jobs()
    if jobs:
        set_favourite(panel, jobs, not all(j.favourite for j in jobs))


def set_favourite(panel: LibraryPanel, jobs: list[Job], on: bool) -> None:
    panel.operations.set_favourite(
        parent=panel, job_ids=[job.id for job in jobs], favourite=on
    ).success(lambda ids: _favourites_marked(panel, ids)).run_in_background()


def _favourites_marked(panel: LibraryPanel, job_ids: list[str]) -> None:
    for job_id in job_ids:
        panel.model.job_changed(job_id)
    panel._update_actions()


def delete_local(panel: LibraryPanel) -> None:
    jobs = [job for job in panel.selected_jobs() if can_delete_locally(job)]
    if not jobs or not panel.confirm(
        translate("LibraryPanel", "Delete videos"), local_delete_question(len(jobs))
    ):
        return
    panel.operations.delete_locally(
        parent=panel, jobs=jobs, cached_files=cached_frames(panel.thumbnails, jobs)
    ).success(lambda done: _locally_deleted(panel, jobs, done)).run_in_background()


def _locally_deleted(panel: LibraryPanel, jobs: list[Job], done: LocalDeletion) -> None:
    forget_thumbnails(panel.thumbnails, jobs, done.deleted)
    panel.model.refresh()
    panel._update_actions()
    if done.deleted:
        panel.locally_deleted.emit(done.deleted)
    if done.failures:
        panel.inform(
            translate("LibraryPanel", "Some files could not be deleted"),
            translate("LibraryPanel", "Close any app that uses them and try again.")
            + "\n\n"
            + "\n".join(done.failures),
        )


def delete_remote(panel: LibraryPanel) -> None:
    jobs = [job for job in panel.selected_jobs() if remote_delete_problem(job) is None]
    if jobs and panel.confirm(
        translate("LibraryPanel", "Delete from the service"), remote_delete_question(jobs)
    ):
        panel.delete_remote_requested.emit([job.id for job in jobs])


def go_to_source(panel: LibraryPanel) -> None:
    job = panel._single()
    info = panel.model.remix_info(job.id) if job is not None else None
    if info is not None and info.source_id is not None:
        panel.show_job(info.source_id)
