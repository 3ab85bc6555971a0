"""The storyboard view: the storyboards on the left, the open one's shot cards on the right.

Every change runs as an operation (``gui/operations.py``): the storyboards are read and
saved in the library off the GUI thread, and a shot is sent through the window's one send
path (``send_shot``, under the send guard: a double click sends once). Statuses follow the
jobs: the window passes every job event to :meth:`job_changed`.

"Generate missing shots" sends what can start now and remembers the storyboard: each time
one of its takes is ready, what became possible (a chained shot whose source just finished)
is sent too, until nothing is missing or something failed.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from sora_desktop.core import storyboard as sb
from sora_desktop.core.models import Job, Profile
from sora_desktop.core.storyboard_plan import ShotStatus, shots_to_submit
from sora_desktop.gui.shot_dialog import ShotDialog
from sora_desktop.gui.storyboard_model import ShotCardDelegate, ShotListModel

if TYPE_CHECKING:
    from sora_desktop.core.storyboard_store import StoryboardSummary
    from sora_desktop.gui.operations import Operations
    from sora_desktop.gui.storyboard_sending import StoryboardSender
    from sora_desktop.gui.thumbnails import ThumbnailCache

ID_ROLE = Qt.ItemDataRole.UserRole
#: how long a chained shot held back by the send guard waits before it tries again
CONTINUE_RETRY_MS = 500


class ShotStrip(QListView):
    """The shot cards, left to right, dragged to reorder."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shot_strip")
        self.setViewMode(QListView.ViewMode.IconMode)
        self.setFlow(QListView.Flow.LeftToRight)
        self.setWrapping(False)
        self.setMovement(QListView.Movement.Static)  # the model moves rows, not the view
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setItemDelegate(ShotCardDelegate(self))
        self.setGridSize(ShotCardDelegate.CARD + QSize(6, 6))
        self.setUniformItemSizes(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # a whole card and the scroll bar under it always fit
        bar = self.style().pixelMetric(self.style().PixelMetric.PM_ScrollBarExtent)
        self.setMinimumHeight(self.gridSize().height() + bar + 2 * self.frameWidth() + 2)
        self.setMinimumWidth(self.gridSize().width() + 2 * self.frameWidth())


class StoryboardPanel(QWidget):
    """Signals: ``play_requested(job_id)`` (a card double-clicked), ``film_made(job_id)``,
    ``status(str)`` for the status bar."""

    play_requested = Signal(str)
    status = Signal(str)
    #: a storyboard was opened (shown), by id
    opened = Signal(str)
    #: a film was made and filed in the library (its job id)
    film_made = Signal(str)
    #: a timeline was written (its path)
    timeline_exported = Signal(str)

    def __init__(
        self,
        operations: Operations,
        *,
        profiles: Callable[[], Sequence[Profile]],
        shot_sender: StoryboardSender | None = None,
        thumbnails: ThumbnailCache | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("storyboard_panel")
        self.ops = operations
        self._profiles = profiles
        #: sends shots through the window's send guard (None: a panel that can't send)
        self.shot_sender = shot_sender
        #: the Make film progress dialog while a film is being made
        self.film_progress: QProgressDialog | None = None
        #: storyboards whose missing shots are sent as soon as they can start
        self.auto_generate: set[str] = set()
        self._loaded = False
        self._thumbnails = thumbnails

        # --- the storyboards -----------------------------------------------------------
        self.boards_list = QListWidget(self)
        self.boards_list.setObjectName("storyboards_list")
        self.boards_list.setMinimumWidth(100)
        self.boards_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.boards_list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.new_button = QToolButton(self)
        self.new_button.setText(self.tr("New"))
        self.new_button.setToolTip(self.tr("Start a new storyboard"))
        self.rename_action = QAction(self.tr("Rename…"), self)
        self.delete_action = QAction(self.tr("Delete"), self)
        self.delete_action.setToolTip(
            self.tr("Forget this storyboard (its clips stay in the library)")
        )
        self.more_button = QToolButton(self)
        self.more_button.setText(self.tr("More"))
        self.more_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        more = QMenu(self.more_button)
        more.addAction(self.rename_action)
        more.addAction(self.delete_action)
        self.more_button.setMenu(more)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.boards_list, 1)
        board_buttons = QHBoxLayout()
        board_buttons.setSpacing(2)
        for button in (self.new_button, self.more_button):
            board_buttons.addWidget(button)
        board_buttons.addStretch(1)
        left_layout.addLayout(board_buttons)

        # --- the shots -----------------------------------------------------------------
        self.model = ShotListModel(self)
        if thumbnails is not None:
            self.model.thumbnails = thumbnails.pixmap
            thumbnails.thumbnail_ready.connect(self.model.refresh_thumbnail)
        self.strip = ShotStrip(self)
        self.strip.setModel(self.model)
        self.empty_label = QLabel(self)
        self.empty_label.setObjectName("storyboard_empty")
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.add_button = QPushButton(self.tr("Add shot…"), self)
        self.edit_button = QPushButton(self.tr("Edit…"), self)
        self.remove_button = QPushButton(self.tr("Remove"), self)
        self.take_label = QLabel(self.tr("Take:"), self)
        self.take_combo = QComboBox(self)
        self.take_combo.setObjectName("take_combo")
        self.take_combo.setToolTip(self.tr("The take of this shot that goes into the film"))
        # a fixed width (the list shows whole labels): "Take 2 (not ready)" must not
        # widen the panel, and so the window
        self.take_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.take_combo.setMinimumContentsLength(6)
        self.generate_button = QPushButton(self.tr("Generate missing"), self)
        self.generate_button.setToolTip(
            self.tr(
                "Make every shot that has no take yet; a shot that continues the one before "
                "it starts when that take is ready"
            )
        )
        self.generate_button.setObjectName("generate_missing_button")
        self.regenerate_button = QPushButton(self.tr("Regenerate"), self)
        self.regenerate_button.setToolTip(
            self.tr("Make a new take of the selected shot (it is made and billed again)")
        )
        self.film_button = QPushButton(self.tr("Make film…"), self)
        self.timeline_button = QPushButton(self.tr("Export timeline…"), self)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        shot_row = QHBoxLayout()
        for widget in (self.add_button, self.edit_button, self.remove_button):
            shot_row.addWidget(widget)
        shot_row.addStretch(1)
        right_layout.addLayout(shot_row)
        middle = QHBoxLayout()
        middle.addWidget(self.strip, 1)
        middle.addWidget(self.empty_label, 1)
        # the take above the actions, not in the shot row: that row then fits the width
        # the preview needs anyway, so opening this tab never widens the window
        actions = QVBoxLayout()
        actions.setSpacing(4)
        take_row = QHBoxLayout()
        take_row.addWidget(self.take_label)
        take_row.addWidget(self.take_combo, 1)
        actions.addLayout(take_row)
        for action_button in (
            self.generate_button,
            self.regenerate_button,
            self.film_button,
            self.timeline_button,
        ):
            actions.addWidget(action_button)
        actions.addStretch(1)
        middle.addLayout(actions)
        right_layout.addLayout(middle, 1)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("storyboard_splitter")
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([150, 600])
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.splitter)

        # --- wiring --------------------------------------------------------------------
        self.boards_list.currentItemChanged.connect(self._on_board_chosen)
        self.new_button.clicked.connect(lambda: self.new_storyboard())
        self.rename_action.triggered.connect(self.rename_storyboard)
        self.delete_action.triggered.connect(self.delete_storyboard)
        self.add_button.clicked.connect(self.add_shot)
        self.edit_button.clicked.connect(self.edit_shot)
        self.remove_button.clicked.connect(self.remove_shot)
        self.take_combo.activated.connect(self._on_take_chosen)
        self.generate_button.clicked.connect(self.generate_missing)
        self.regenerate_button.clicked.connect(self.regenerate_shot)
        self.film_button.clicked.connect(self.make_film)
        self.timeline_button.clicked.connect(self.export_timeline)
        self.strip.doubleClicked.connect(self._on_card_activated)
        self.strip.selectionModel().currentChanged.connect(lambda *_a: self._update())
        self.model.moved.connect(self._moved)
        self.model.modelReset.connect(self._update)
        self.model.dataChanged.connect(lambda *_a: self._update())
        self.model.rowsMoved.connect(lambda *_a: self._update())
        self._update()

    # --- state -------------------------------------------------------------------------
    @property
    def board(self) -> sb.Storyboard | None:
        return self.model.board

    def current_shot(self) -> sb.Shot | None:
        return self.model.shot_at(self.strip.currentIndex().row())

    def select_shot(self, shot_id: str) -> None:
        row = self.model.row_of(shot_id)
        if row >= 0:
            self.strip.setCurrentIndex(self.model.index(row))

    def _update(self) -> None:
        board = self.board
        shot = self.current_shot()
        row = self.strip.currentIndex().row()
        state = self.model.state_at(row) if shot is not None else None
        has_board = board is not None
        for action in (self.rename_action, self.delete_action):
            action.setEnabled(has_board)
        self.add_button.setEnabled(has_board)
        self.edit_button.setEnabled(shot is not None)
        self.remove_button.setEnabled(shot is not None)
        self.regenerate_button.setEnabled(
            shot is not None
            and state is not None
            and state.status not in (ShotStatus.RUNNING, ShotStatus.WAITING, ShotStatus.BLOCKED)
        )
        missing = (
            bool(shots_to_submit(board, self.model.jobs, retry_failed=True)) if board else False
        )
        self.generate_button.setEnabled(missing and self.shot_sender is not None)
        complete = (
            board is not None
            and bool(board.shots)
            and all(s.status is ShotStatus.READY for s in self.model.states())
        )
        for button in (self.film_button, self.timeline_button):
            button.setEnabled(complete)
            button.setToolTip(
                "" if complete else self.tr("Every shot needs a finished take first.")
            )
        self._fill_takes(shot)
        show_strip = board is not None and bool(board.shots)
        self.strip.setVisible(show_strip)
        self.empty_label.setVisible(not show_strip)
        if board is None:
            self.empty_label.setText(
                self.tr("Make a storyboard with New, or open one from the File menu.")
            )
        else:
            self.empty_label.setText(
                self.tr("Add the first shot: each shot becomes one clip of the film.")
            )

    def _fill_takes(self, shot: sb.Shot | None) -> None:
        self.take_combo.clear()
        takes = shot.takes if shot is not None else ()
        self.take_combo.setEnabled(len(takes) > 1)
        self.take_label.setEnabled(len(takes) > 1)
        if shot is None or not takes:
            return
        state = self.model.state_at(self.model.row_of(shot.id))
        counting = state.take if state is not None and state.status is ShotStatus.READY else None
        for number, take in enumerate(takes, start=1):
            job = self.model.jobs.get(take.job_id)
            ready = job is not None and job.file_path is not None and job.status.value == "ready"
            label = self.tr("Take {0}").format(number)
            if not ready:
                label = self.tr("Take {0} (not ready)").format(number)
            self.take_combo.addItem(label, take.job_id)
        chosen = shot.chosen or counting
        if chosen is not None:
            self.take_combo.setCurrentIndex(max(0, self.take_combo.findData(chosen)))

    # --- the storyboards ---------------------------------------------------------------
    def ensure_loaded(self) -> None:
        """Read the list the first time the panel is shown (off the GUI thread)."""
        if not self._loaded:
            self._loaded = True
            self.reload()

    def reload(self, select: str | None = None) -> None:
        current = select or (self.board.id if self.board is not None else None)
        self.ops.list_storyboards(parent=self).success(
            lambda found: self._fill_boards(found, current)
        ).run_in_background()

    def _fill_boards(self, found: Sequence[StoryboardSummary], select: str | None) -> None:
        self.boards_list.blockSignals(True)
        self.boards_list.clear()
        chosen: QListWidgetItem | None = None
        for summary in found:
            item = QListWidgetItem(summary.name or self.tr("Untitled storyboard"))
            item.setData(ID_ROLE, summary.id)
            item.setToolTip("\n".join((item.text(), self.tr("%n shot(s)", "", summary.shots))))
            self.boards_list.addItem(item)
            if summary.id == select:
                chosen = item
        self.boards_list.blockSignals(False)
        if chosen is None and self.boards_list.count() and self.board is None:
            chosen = self.boards_list.item(0)
        if chosen is not None:
            self.boards_list.setCurrentItem(chosen)
        elif self.board is not None and select is None:
            self.model.set_board(None)

    def _on_board_chosen(self, item: QListWidgetItem | None, _old: object = None) -> None:
        if item is None:
            return
        board_id = str(item.data(ID_ROLE))
        if self.board is not None and self.board.id == board_id:
            return
        self.open_storyboard(board_id)

    def open_storyboard(self, board_id: str, *, keep_selection: bool = False) -> None:
        selected = self.current_shot() if keep_selection else None

        def show(opened: tuple[sb.Storyboard, dict[str, Job]]) -> None:
            board, jobs = opened
            self.model.set_board(board, jobs)
            row = self.model.row_of(selected.id) if selected is not None else -1
            if board.shots:
                self.strip.setCurrentIndex(self.model.index(max(row, 0)))
            self._update()
            self.opened.emit(board.id)

        self.ops.open_storyboard(parent=self, storyboard_id=board_id).success(
            show
        ).run_in_background()

    def _select_saved(self, board: sb.Storyboard) -> None:
        """Show ``board`` (made, renamed, opened from a file) and select it in the list."""
        self.model.set_board(None)
        self.reload(select=board.id)

    def new_storyboard(self, name: str | None = None) -> None:
        if name is None:
            name, ok = QInputDialog.getText(
                self, self.tr("New storyboard"), self.tr("Name:"), text=self.tr("My film")
            )
            if not ok:
                return
        name = name.strip() or self.tr("Untitled storyboard")
        self.ops.create_storyboard(parent=self, name=name).success(
            self._select_saved
        ).run_in_background()

    def rename_storyboard(self) -> None:
        board = self.board
        if board is None:
            return
        name, ok = QInputDialog.getText(
            self, self.tr("Rename storyboard"), self.tr("Name:"), text=board.name
        )
        if ok and name.strip():
            self._edit("rename", relist=True, name=name.strip())

    def delete_storyboard(self) -> None:
        board = self.board
        if board is None:
            return
        if not self.ask_delete(board):
            return
        self.auto_generate.discard(board.id)

        def deleted(_none: object) -> None:
            self.model.set_board(None)
            self.reload()

        self.ops.delete_storyboard(parent=self, storyboard_id=board.id).success(
            deleted
        ).run_in_background()

    def ask_delete(self, board: sb.Storyboard) -> bool:
        """Asks before deleting (a test replaces this)."""
        answer = QMessageBox.question(
            self,
            self.tr("Delete storyboard"),
            self.tr("Delete the storyboard “{0}”? Its clips stay in the library.").format(
                board.name
            ),
        )
        return answer == QMessageBox.StandardButton.Yes

    # --- editing: each edit is saved by the use case, which returns the stored board ---
    def _edit(
        self, edit: str, *, relist: bool = False, select: str | None = None, **args: object
    ) -> None:
        board = self.board
        if board is None:
            return

        def saved(stored: sb.Storyboard) -> None:
            if relist:
                self.reload(select=stored.id)
            if self.board is not None and self.board.id == stored.id:
                self.model.update_board(stored)
                if select is not None:
                    self.select_shot(select)
                self._update()

        self.ops.edit_storyboard(parent=self, edit=edit, storyboard_id=board.id, **args).success(
            saved
        ).failure(self._edit_failed).run_in_background()

    def _edit_failed(self, error: BaseException) -> None:
        self.ops.show_error(error)
        if self.board is not None:  # show what is stored, not what was refused
            self.open_storyboard(self.board.id)

    def _moved(self, board: sb.Storyboard, shot_id: str, index: int) -> None:
        """The model moved a shot (drag and drop, or moveRows): store the move."""
        self._edit("move_shot", shot_id=shot_id, index=index)

    def _new_shot(self) -> sb.Shot:
        board = self.board
        last = board.shots[-1] if board is not None and board.shots else None
        if last is not None:  # the next shot is made like the last one, continuing it
            return sb.Shot(
                id=sb.new_id(),
                profile_id=last.profile_id,
                model=last.model,
                size=last.size,
                seconds=last.seconds,
                start=sb.StartImage(kind=sb.StartKind.PREVIOUS),
            )
        profiles = list(self._profiles())
        return sb.Shot(id=sb.new_id(), profile_id=profiles[0].id if profiles else None)

    def ask_shot(self, shot: sb.Shot, *, first: bool) -> sb.Shot | None:
        """The shot dialog (a test replaces this)."""
        dialog = ShotDialog(shot, self._profiles(), first=first, parent=self)
        try:
            if dialog.exec() != ShotDialog.DialogCode.Accepted:
                return None
            return dialog.shot()
        finally:
            dialog.deleteLater()

    def add_shot(self) -> None:
        board = self.board
        if board is None:
            return
        shot = self.ask_shot(self._new_shot(), first=not board.shots)
        if shot is not None:
            self._edit("add_shot", select=shot.id, shot=shot)

    def edit_shot(self) -> None:
        shot = self.current_shot()
        if shot is None or self.board is None:
            return
        edited = self.ask_shot(shot, first=self.board.index(shot.id) == 0)
        if edited is not None:
            self._edit("replace_shot", select=shot.id, shot=edited)

    def remove_shot(self) -> None:
        shot = self.current_shot()
        if shot is not None:
            self._edit("remove_shot", shot_id=shot.id)

    def _on_take_chosen(self, index: int) -> None:
        shot = self.current_shot()
        job_id = self.take_combo.itemData(index)
        if shot is None or job_id is None or job_id == shot.chosen:
            return
        self._edit("choose_take", select=shot.id, shot_id=shot.id, job_id=str(job_id))

    def _on_card_activated(self, index: QModelIndex) -> None:
        state = self.model.state_at(index.row())
        if state is not None and state.take is not None and state.status is ShotStatus.READY:
            self.play_requested.emit(state.take)
        else:
            self.edit_shot()

    # --- generating --------------------------------------------------------------------
    def generate_missing(self) -> None:
        board = self.board
        if board is None or self.shot_sender is None:
            return
        self.auto_generate.add(board.id)
        self.shot_sender.generate_missing(board.id, retry_failed=True, after=self._refresh)

    def regenerate_shot(self) -> None:
        shot = self.current_shot()
        if shot is None or self.board is None or self.shot_sender is None:
            return
        self.shot_sender.regenerate(self.board.id, shot.id, after=self._refresh)

    def _refresh(self) -> None:
        """Read the open storyboard again (its takes changed)."""
        if self.board is not None:
            self.open_storyboard(self.board.id, keep_selection=True)

    def job_changed(self, job_id: str, *, ended: bool = False) -> None:
        """A job's state changed (every job event; ``ended``: it reached a final state).
        A take of the open storyboard re-plans it; a take of another storyboard being
        generated lets what waited for it go."""
        board = self.board
        if board is not None and any(t.job_id == job_id for s in board.shots for t in s.takes):
            self.ops.storyboard_jobs(parent=self, job_ids=[job_id]).success(
                self._jobs_updated
            ).run_in_background()
        elif ended and self.auto_generate - {board.id if board is not None else ""}:
            self.ops.storyboards_with_job(parent=self, job_id=job_id).success(
                self._continue_all
            ).run_in_background()

    def _continue_all(self, board_ids: Sequence[str]) -> None:
        for board_id in board_ids:
            self._continue(board_id)

    def _jobs_updated(self, jobs: dict[str, Job]) -> None:
        self.model.update_jobs(list(jobs.values()))
        for job in jobs.values():
            self.model.refresh_thumbnail(job.id)
        self._update()
        board = self.board
        if (
            board is not None
            and board.id in self.auto_generate
            and any(j.status.is_terminal for j in jobs.values())
        ):
            # a take ended: what waited for it may go now (a chained shot)
            if shots_to_submit(board, self.model.jobs):
                self._continue(board.id)
            elif not any(
                s.status in (ShotStatus.RUNNING, ShotStatus.WAITING) for s in self.model.states()
            ):
                self.auto_generate.discard(board.id)

    def _continue(self, board_id: str) -> None:
        """Send what of ``board_id`` can go now. Held back by the send guard (a send of it
        was accepted a moment ago), it tries again once that moment has passed."""
        if self.shot_sender is None or board_id not in self.auto_generate:
            return
        if not self.shot_sender.generate_missing(
            board_id, retry_failed=False, after=self._refresh, quiet=True
        ):
            QTimer.singleShot(CONTINUE_RETRY_MS, self, lambda: self._continue(board_id))

    # --- film and timeline (dialogs in gui/storyboard_film.py) -------------------------
    def make_film(self) -> None:
        from sora_desktop.gui import storyboard_film

        if self.board is not None:
            storyboard_film.make_film(self, self.board)

    def export_timeline(self) -> None:
        from sora_desktop.gui import storyboard_film

        if self.board is not None:
            storyboard_film.export_timeline(self, self.board)

    def ask_crossfade(self, board: sb.Storyboard) -> float | None:
        """The film's crossfade in seconds, or None: cancelled (a test replaces this)."""
        from sora_desktop.gui.storyboard_film import ask_crossfade

        return ask_crossfade(self, board)

    def ask_timeline(self, board: sb.Storyboard) -> tuple[str, Path] | None:
        """(format, folder) for the timeline, or None: cancelled (a test replaces this)."""
        from sora_desktop.gui.storyboard_film import ask_timeline

        return ask_timeline(self, board)

    def shutdown(self) -> None:
        """Stop loading thumbnails (the window is closing)."""
        if self._thumbnails is not None:
            self._thumbnails.shutdown()

    # --- files -------------------------------------------------------------------------
    def open_file(self, path: Path) -> None:
        self.ops.open_storyboard_file(parent=self, path=path).success(
            self._select_saved
        ).run_in_background()

    def save_file(self, path: Path) -> None:
        board = self.board
        if board is None:
            return
        self.ops.save_storyboard_file(parent=self, storyboard_id=board.id, path=path).success(
            lambda saved: self.status.emit(self.tr("Storyboard saved to {0}").format(saved))
        ).run_in_background()
