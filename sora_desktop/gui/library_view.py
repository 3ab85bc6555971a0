"""The library panel: search, filters, the table of generations, buttons and context menu.

Public API (embed it in the main window; the controller connects the signals)::

    panel = LibraryPanel(history: History, thumbnails: ThumbnailCache | None = None,
                         parent: QWidget | None = None,
                         folders: LibraryFolders | None = None,  # the files it may delete
                         operations: Operations | None = None)   # its writes run there
    # signals (job ids are local ``Job.id`` values)
    panel.play_requested(str job_id)             # double-click / Play
    panel.remix_requested(str job_id, str prompt)  # after the creator typed the new prompt
    panel.reuse_requested(str job_id)            # put prompt + settings back in the editor
    panel.retry_requested(str job_id)            # a failed/cancelled job again (window confirms)
    panel.extend_requested(str job_id)           # Extend… (the window asks and sends)
    panel.stitch_requested(list job_ids)         # Stitch… the selection, in its order
    panel.export_requested(list job_ids)         # open ExportDialog for these
    panel.delete_remote_requested(list job_ids)   # confirmed; the controller deletes remotely
    panel.locally_deleted(list job_ids)          # confirmed and done: files + rows removed
    panel.current_job_changed(str job_id)         # "" when nothing is selected
    # slots
    panel.refresh()                             # re-query (e.g. after a new job was added)
    panel.job_event(JobEvent event)              # call on every controller job event
    panel.job_changed(str job_id)                # a job changed otherwise: read it again
    panel.selected_ids() -> list[str]
    panel.show_job(str job_id) -> bool          # select it (clearing filters that hide it)
    panel.shutdown()                            # stop thumbnail workers (before closing)
    panel.filter_button.connection_name         # ConnectionFacet -> name (app.py sets it)

Favourite toggling, reveal in the file manager and copy path are the panel's actions
(``library_actions``: made, enabled and what they do). Deleting
locally removes the MP4, its thumbnail and the row under the one rule of
``usecases.library.delete_locally`` (active jobs are left alone: cancel first; only files in
``folders`` are removed).
Deleting from the service asks first (naming the clip: it can't be undone, the local file
stays); afterwards the row says so and Remix is disabled with the reason as its tooltip (the
rule is ``core.job_rules``). Filter and Sort buttons (``library_filters``) narrow and order the
library in SQL. A remix's context menu leads to its original, an original's to its remixes.
The confirmations and the remix prompt go through ``panel.confirm`` and
``panel.ask_remix_prompt`` (replaceable callables, so tests need no modal dialog).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol, cast

from PySide6.QtCore import (
    QItemSelection,
    QModelIndex,
    QPoint,
    Qt,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QStackedWidget,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from sora_desktop.core.library_query import LibraryFacets
from sora_desktop.core.models import Job, JobEvent, JobStatus
from sora_desktop.gui import library_actions
from sora_desktop.gui.library_delete import (
    confirm_dialog,
)
from sora_desktop.gui.library_filters import FilterButton, SortButton
from sora_desktop.gui.library_model import Column, JobSource, LibraryModel, playable_file
from sora_desktop.gui.library_table import LibraryTable
from sora_desktop.gui.operations import Operations
from sora_desktop.gui.remix_dialog import ask_remix_prompt
from sora_desktop.gui.thumbnails import ThumbnailCache
from sora_desktop.usecases.library import LibraryFolders
from sora_desktop.usecases.status import WORKING_STATUSES

if TYPE_CHECKING:
    from sora_desktop.usecases.library import Marks

SEARCH_DEBOUNCE_MS = 150


class LibraryReads(JobSource, Protocol):
    """What the panel reads (``usecases.history.History``); it writes through operations."""

    def facets(self) -> LibraryFacets: ...

    def source_of(self, job: Job) -> Job | None: ...

    def remixes_of(self, job: Job) -> list[Job]: ...


#: how long after a new job the library re-queries (later ones in that time join it)
NEW_JOBS_REFRESH_MS = 150


class LibraryPanel(QWidget):
    play_requested = Signal(str)
    remix_requested = Signal(str, str)
    reuse_requested = Signal(str)
    retry_requested = Signal(str)
    extend_requested = Signal(str)
    stitch_requested = Signal(list)
    export_requested = Signal(list)
    delete_remote_requested = Signal(list)
    locally_deleted = Signal(list)
    current_job_changed = Signal(str)
    #: made by ``library_actions.make_actions``
    play_action: QAction
    remix_action: QAction
    reuse_action: QAction
    retry_action: QAction
    extend_action: QAction
    stitch_action: QAction
    export_action: QAction
    reveal_action: QAction
    copy_path_action: QAction
    favourite_action: QAction
    delete_local_action: QAction
    delete_remote_action: QAction
    source_action: QAction

    def __init__(
        self,
        store: LibraryReads,
        thumbnails: ThumbnailCache | None = None,
        parent: QWidget | None = None,
        folders: LibraryFolders | None = None,
        operations: Operations | None = None,
    ) -> None:
        super().__init__(parent)
        self._store = store
        #: what the panel runs off the GUI thread (deleting, favourites); inline when built
        #: on its own (a test hands it the store itself), deleting only files in ``folders``
        self.operations = (
            operations
            if operations is not None
            else Operations.inline(cast("Marks", store), folders)
        )
        self.thumbnails = thumbnails if thumbnails is not None else ThumbnailCache(parent=self)
        self.model = LibraryModel(store, self.thumbnails, self)
        self.confirm: Callable[[str, str], bool] = self._confirm_dialog
        self.ask_remix_prompt: Callable[[Job], str | None] = lambda job: ask_remix_prompt(job, self)
        self.inform: Callable[[str, str], None] = self._inform_dialog
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(SEARCH_DEBOUNCE_MS)
        self._debounce.timeout.connect(self._apply_search)
        # a burst of new jobs (twenty clicks, a batch) re-queries the library once
        self._refresh_later = QTimer(self)
        self._refresh_later.setSingleShot(True)
        self._refresh_later.setInterval(NEW_JOBS_REFRESH_MS)
        self._refresh_later.timeout.connect(self._show_new_jobs)
        self._new_jobs: list[str] | None = []  # None: only a whole re-query will do
        self._new_known: dict[str, Job] = {}  # new jobs as their latest events carried them
        self._build()
        self._update_actions()
        self._update_count(self.model.total_count())

    # ----- construction --------------------------------------------------------------------

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        bar = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search prompts…"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(lambda _t: self._debounce.start())
        self.search.returnPressed.connect(self._apply_search)
        bar.addWidget(self.search, 1)
        self.status_filter = QComboBox()
        self.status_filter.setToolTip(self.tr("Show only videos in this state"))
        for label, statuses in (
            (self.tr("All videos"), None),
            (self.tr("Ready to watch"), (JobStatus.READY,)),
            (self.tr("In progress"), WORKING_STATUSES),
            (self.tr("Failed or expired"), (JobStatus.FAILED, JobStatus.EXPIRED)),
            (self.tr("Cancelled"), (JobStatus.CANCELLED,)),
        ):
            self.status_filter.addItem(label, statuses)
        self.status_filter.currentIndexChanged.connect(self._apply_status)
        from sora_desktop.gui.wheel_guard import guard_wheel  # built after the first paint

        guard_wheel(self.status_filter)  # the wheel scrolling past never changes the filter
        self.favourites_only = QToolButton()
        self.favourites_only.setText(self.tr("★ Favourites"))
        self.favourites_only.setToolTip(self.tr("Show only favourites"))
        self.favourites_only.setCheckable(True)
        self.favourites_only.toggled.connect(self.model.set_favourites_only)
        # the count beside the search it counts, and Filter beside Favourites (both narrow
        # the list): each row then fits a narrow panel
        self.count_label = QLabel()
        bar.addWidget(self.count_label)
        self.filter_button = FilterButton(self._store.facets)
        self.filter_button.changed.connect(self.model.set_filters)
        bar.addWidget(self.filter_button)
        bar.addWidget(self.favourites_only)
        layout.addLayout(bar)
        bar2 = QHBoxLayout()
        bar2.addWidget(self.status_filter)
        self.sort_button = SortButton()
        self.sort_button.chosen.connect(self.sort_by)
        bar2.addWidget(self.sort_button)
        bar2.addStretch(1)
        layout.addLayout(bar2)

        self.view = LibraryTable(self.model, self.thumbnails.size)
        self.view.horizontalHeader().sortIndicatorChanged.connect(
            lambda *_a: self.sort_button.set_current(*self.model.sort_key())
        )
        self.view.customContextMenuRequested.connect(self._show_context_menu)
        self.view.doubleClicked.connect(self._on_double_click)
        self.view.clicked.connect(self._on_click)
        self.view.selectionModel().selectionChanged.connect(self._on_selection)
        self._kept_selection: list[str] = []
        self.model.modelAboutToBeReset.connect(self._remember_selection)
        self.model.modelReset.connect(self._restore_selection)
        self.model.modelReset.connect(self._update_actions)
        self.model.count_changed.connect(self._update_count)

        self.empty = QLabel()
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.empty.setEnabled(False)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.view)
        self.stack.addWidget(self.empty)
        layout.addWidget(self.stack, 1)

        self._make_actions()
        # the buttons are a tool bar: in a narrow panel those that don't fit go into its
        # "»" menu (all of them are in the context menu and the Clip menu too)
        self.buttons = QToolBar(self.tr("Video actions"))
        self.buttons.setObjectName("library_buttons")
        self.buttons.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.buttons.setMovable(False)
        for action in (
            self.play_action,
            self.remix_action,
            self.reuse_action,
            self.export_action,
            self.reveal_action,
        ):
            self.buttons.addAction(action)
        delete_menu = QMenu(self)
        delete_menu.addAction(self.delete_local_action)
        delete_menu.addAction(self.delete_remote_action)
        self.delete_menu_action = QAction(self.tr("Delete"), self)
        self.delete_menu_action.setMenu(delete_menu)
        self.buttons.addAction(self.delete_menu_action)
        delete_button = self.buttons.widgetForAction(self.delete_menu_action)
        assert isinstance(delete_button, QToolButton)
        self.delete_button = delete_button
        self.delete_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        for button in self.buttons.findChildren(QToolButton):
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # a tool bar's take none
        more = self.buttons.findChild(QToolButton, "qt_toolbar_ext_button")
        if more is not None:
            more.setToolTip(self.tr("More actions"))
            more.setAccessibleName(self.tr("More actions"))
        layout.addWidget(self.buttons)

    def _make_actions(self) -> None:
        library_actions.make_actions(self)

    # ----- public slots --------------------------------------------------------------------

    @Slot()
    def refresh(self) -> None:
        self._refresh_later.stop()
        self._new_jobs = []
        self._new_known = {}
        self.model.refresh()

    def refresh_soon(self, job_id: str | None = None, job: Job | None = None) -> None:
        """Show a new job (``job_id``; None: re-query) shortly: new jobs arriving together
        cost one update and one repaint; jobs that go on top are added without re-reading
        the page (a batch adds a hundred, one by one). ``job``: as its event carried it."""
        if job_id is None:
            self._new_jobs = None
        elif self._new_jobs is not None:
            self._new_jobs.append(job_id)
            if job is not None:
                self._new_known[job_id] = job
        if not self._refresh_later.isActive():
            self._refresh_later.start()

    @Slot()
    def _show_new_jobs(self) -> None:
        new, self._new_jobs = self._new_jobs, []
        known, self._new_known = self._new_known, {}
        if new is None or not self.model.add_new_jobs(new, known):
            self.refresh()
        else:
            self._update_actions()

    @Slot(str)
    def job_changed(self, job_id: str) -> None:
        if self._refresh_later.isActive() and self.model.row_of(job_id) < 0:
            # new jobs are due to be shown: this one with them (reading it and counting the
            # library now would re-query at once, one reset per job of a burst or a batch)
            if self._new_jobs is not None:
                self._new_jobs.append(job_id)
            return
        self.model.job_changed(job_id)
        self._update_actions()

    def job_event(self, event: JobEvent) -> None:
        """Show a job event without reading the library for it (``LibraryModel.apply_event``):
        reads follow state changes, never a job's progress ticks."""
        shown = self.model.row_of(event.job_id) >= 0
        if not shown and (
            event.status in (JobStatus.DRAFT, JobStatus.SUBMITTING)
            or self._refresh_later.isActive()
        ):
            self.refresh_soon(event.job_id, event.job)  # shown with the other new jobs
            return
        self.model.apply_event(event)
        if event.job is not None:
            self._update_actions()

    def selected_jobs(self) -> list[Job]:
        return self.model.jobs_for(self.view.selectionModel().selectedRows())

    def selected_ids(self) -> list[str]:
        return [job.id for job in self.selected_jobs()]

    def select_jobs(self, job_ids: list[str]) -> None:
        """Select the rows of these jobs (those loaded)."""
        selection = QItemSelection()
        for job_id in job_ids:
            row = self.model.row_of(job_id)
            if row >= 0:
                selection.select(self.model.index(row, 0), self.model.index(row, len(Column) - 1))
        self.view.selectionModel().select(
            selection, self.view.selectionModel().SelectionFlag.ClearAndSelect
        )

    def context_menu(self) -> QMenu:
        """The menu shown for the current selection (built fresh each time)."""
        return library_actions.context_menu(self)

    def show_job(self, job_id: str) -> bool:
        """Select and scroll to a job, clearing the search and filters when they hide it.
        False when the job is not in the library."""
        if self.model.row_of(job_id) < 0:
            if self._store.get(job_id) is None:
                return False
            self.search.clear()
            self._apply_search()
            self.status_filter.setCurrentIndex(0)
            self.favourites_only.setChecked(False)
            self.filter_button.clear()
        return self.view.reveal(job_id)

    @Slot(str, bool)
    def sort_by(self, key: str, descending: bool) -> None:
        self.view.sort_by(key, descending)
        self.sort_button.set_current(key, descending)

    def shutdown(self) -> None:
        self._debounce.stop()
        self.thumbnails.shutdown()

    def fit_columns(self, viewport_width: int | None = None) -> None:
        self.view.fit_columns(viewport_width)

    # ----- reactions -----------------------------------------------------------------------

    def _apply_search(self) -> None:
        self._debounce.stop()
        self.model.set_search(self.search.text())

    def _apply_status(self, _index: int) -> None:
        self.model.set_statuses(self.status_filter.currentData())

    def _update_count(self, total: int) -> None:
        self.count_label.setText(
            self.tr("1 video") if total == 1 else self.tr("{count} videos").format(count=total)
        )
        filtered = bool(
            self.model.search_text()
            or self.status_filter.currentIndex() > 0
            or self.favourites_only.isChecked()
            or self.model.filters().active()
        )
        if total:
            self.stack.setCurrentWidget(self.view)
        else:
            self.empty.setText(
                self.tr("No videos match. Try other words or clear the filters.")
                if filtered
                else self.tr("Your videos will appear here. Write a prompt and press Generate.")
            )
            self.stack.setCurrentWidget(self.empty)

    def _remember_selection(self) -> None:
        self._kept_selection = self.selected_ids()

    def _restore_selection(self) -> None:
        """Re-queries (a new job, a filter) keep the creator's selection where rows remain."""
        if self._kept_selection:
            self.select_jobs(self._kept_selection)
            self._kept_selection = []

    def _on_selection(self, *_args: object) -> None:
        self._update_actions()
        jobs = self.selected_jobs()
        self.current_job_changed.emit(jobs[0].id if len(jobs) == 1 else "")

    def _update_actions(self) -> None:
        library_actions.update_actions(self)

    def _show_context_menu(self, pos: QPoint) -> None:
        index = self.view.indexAt(pos)
        if not index.isValid():
            return
        if not self.view.selectionModel().isRowSelected(index.row(), QModelIndex()):
            self.view.selectRow(index.row())
        self.context_menu().exec(self.view.viewport().mapToGlobal(pos))

    def _on_double_click(self, index: QModelIndex) -> None:
        job = self.model.job_at(index.row())
        if job is not None and playable_file(job) is not None:
            self.play_requested.emit(job.id)

    def _on_click(self, index: QModelIndex) -> None:
        if index.column() == Column.FAVOURITE:
            job = self.model.job_at(index.row())
            if job is not None:
                library_actions.set_favourite(self, [job], not job.favourite)

    # ----- actions (what they do: gui/library_actions.py) -----------------------------------

    def _single(self) -> Job | None:
        jobs = self.selected_jobs()
        return jobs[0] if len(jobs) == 1 else None

    # ----- default dialogs -----------------------------------------------------------------

    def _confirm_dialog(self, title: str, text: str) -> bool:
        return confirm_dialog(self, title, text)

    def _inform_dialog(self, title: str, text: str) -> None:
        QMessageBox.warning(self, title, text)
