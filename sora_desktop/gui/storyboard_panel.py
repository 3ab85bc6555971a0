"""The storyboard view: a storyboard chooser on top, the open one's shot cards under it.

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

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QInputDialog,
    QMessageBox,
    QProgressDialog,
    QWidget,
)

from sora_desktop.core import storyboard as sb
from sora_desktop.core.models import Job, Profile
from sora_desktop.core.storyboard_plan import ShotStatus, shots_to_submit
from sora_desktop.gui.latest import LatestReads
from sora_desktop.gui.shot_dialog import ShotDialog
from sora_desktop.gui.storyboard_widgets import StoryboardWidgets

if TYPE_CHECKING:
    from sora_desktop.core.storyboard_store import StoryboardSummary
    from sora_desktop.gui.operations import Operations
    from sora_desktop.gui.storyboard_sending import StoryboardSender
    from sora_desktop.gui.thumbnails import ThumbnailCache

ID_ROLE = Qt.ItemDataRole.UserRole
#: how long a chained shot held back by the send guard waits before it tries again
CONTINUE_RETRY_MS = 500


class StoryboardPanel(StoryboardWidgets):
    """What the storyboard widgets do. Signals: ``play_requested(job_id)`` (a card
    double-clicked), ``film_made(job_id)``, ``status(str)`` for the status bar."""

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
        super().__init__(thumbnails, shot_sender, parent)  # the widgets: gui/storyboard_widgets.py
        self.setObjectName("storyboard_panel")
        self.ops = operations
        self._profiles = profiles
        #: the board and its takes' jobs are read in worker threads: the latest read shows
        self._reads = LatestReads()
        #: the Make film progress dialog while a film is being made
        self.film_progress: QProgressDialog | None = None
        #: storyboards whose missing shots are sent as soon as they can start
        self.auto_generate: set[str] = set()
        #: shots whose send ended: their "Sending…" goes when the board is read again
        self._settled: set[str] = set()
        self._loaded = False
        self._thumbnails = thumbnails

        # --- wiring --------------------------------------------------------------------
        self.boards_combo.currentIndexChanged.connect(self._on_board_chosen)
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

    # --- the storyboards ---------------------------------------------------------------
    def ensure_loaded(self) -> None:
        """Read the list the first time the panel is shown (off the GUI thread)."""
        if not self._loaded:
            self._loaded = True
            self.reload()

    def reload(self, select: str | None = None) -> None:
        current = select or (self.board.id if self.board is not None else None)
        read = self._reads.start("list")

        def fill(found: Sequence[StoryboardSummary]) -> None:
            # lists are read in worker threads: one read before a storyboard was made can
            # end after the read that shows it, and would take it away again
            if self._reads.is_latest("list", read):
                self._fill_boards(found, current)

        self.ops.list_storyboards(parent=self).success(fill).run_in_background()

    def _fill_boards(self, found: Sequence[StoryboardSummary], select: str | None) -> None:
        combo = self.boards_combo
        combo.blockSignals(True)
        combo.clear()
        chosen = -1
        for summary in found:
            name = summary.name or self.tr("Untitled storyboard")
            combo.addItem(name, summary.id)
            tip = "\n".join((name, self.tr("%n shot(s)", "", summary.shots)))
            combo.setItemData(combo.count() - 1, tip, Qt.ItemDataRole.ToolTipRole)
            if summary.id == select:
                chosen = combo.count() - 1
        if chosen < 0 and combo.count() and self.board is None:
            chosen = 0
        combo.setCurrentIndex(chosen)
        combo.blockSignals(False)
        self._tip_board()
        if chosen >= 0:
            self._on_board_chosen(chosen)
        elif self.board is not None and select is None:
            self.model.set_board(None)

    def _tip_board(self) -> None:
        """The chooser's tooltip: the chosen storyboard whole (the box may elide it)."""
        combo = self.boards_combo
        tip = combo.itemData(combo.currentIndex(), Qt.ItemDataRole.ToolTipRole)
        combo.setToolTip(str(tip) if tip else self.tr("The storyboard shown"))

    def _on_board_chosen(self, index: int) -> None:
        self._tip_board()
        if index < 0:
            return
        board_id = str(self.boards_combo.itemData(index, ID_ROLE))
        if self.board is not None and self.board.id == board_id:
            return
        self.open_storyboard(board_id)

    def open_storyboard(self, board_id: str, *, keep_selection: bool = False) -> None:
        selected = self.current_shot() if keep_selection else None

        read = self._reads.start("board")

        def show(opened: tuple[sb.Storyboard, dict[str, Job]]) -> None:
            if not self._reads.is_latest("board", read):
                return  # another board was opened, or this one read again, since
            board, jobs = opened
            self.model.set_board(board, jobs)
            # read after those sends ended: each shot shows its take now, or is missing
            self.model.unmark_sending(self._settled)
            self._settled.clear()
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
        going = [s.id for s in shots_to_submit(board, self.model.jobs, retry_failed=True)]
        if self.shot_sender.generate_missing(
            board.id, retry_failed=True, after=lambda: self._sent(going)
        ):
            self.model.mark_sending(going)  # from the click on, not "Not made yet"

    def regenerate_shot(self) -> None:
        shot = self.current_shot()
        if shot is None or self.board is None or self.shot_sender is None:
            return
        self.shot_sender.regenerate(self.board.id, shot.id, after=self._refresh)

    def _sent(self, shot_ids: Sequence[str]) -> None:
        """A send of these shots ended (accepted or refused): read the board again."""
        self._settled.update(shot_ids)
        self._refresh()

    def _refresh(self) -> None:
        """Read the open storyboard again (its takes changed)."""
        if self.board is not None:
            self.open_storyboard(self.board.id, keep_selection=True)

    def job_changed(self, job_id: str, *, ended: bool = False, job: Job | None = None) -> None:
        """A job's state changed (every job event; ``ended``: it reached a final state;
        ``job``: the job as stored, when the event carries it). A take of the open
        storyboard re-plans it (a tick that stored nothing changes no plan: nothing read);
        a take of another storyboard being generated lets what waited for it go."""
        board = self.board
        if board is not None and any(t.job_id == job_id for s in board.shots for t in s.takes):
            read = self._reads.start(("job", job_id))  # a read still running is out of date
            if job is not None:
                self._jobs_updated({job_id: job})
                return
            if not ended:
                return

            def updated(jobs: dict[str, Job]) -> None:
                if self._reads.is_latest(("job", job_id), read):  # else a newer read shows
                    self._jobs_updated(jobs)

            self.ops.storyboard_jobs(parent=self, job_ids=[job_id]).success(
                updated
            ).run_in_background()
        elif ended and self.auto_generate - {board.id if board is not None else ""}:
            self.ops.storyboards_with_job(parent=self, job_id=job_id).success(
                self._continue_all
            ).run_in_background()

    def _continue_all(self, board_ids: Sequence[str]) -> None:
        for board_id in board_ids:
            self._continue(board_id)

    def _jobs_updated(self, jobs: dict[str, Job]) -> None:
        board = self.board
        continuing = (
            board is not None
            and board.id in self.auto_generate
            and any(j.status.is_terminal for j in jobs.values())
        )
        going: list[str] = []
        if board is not None and continuing:
            # a take ended: what waited for it goes now (a chained shot); it says so
            # before the new plan is shown, so it never reads "Not made yet" meanwhile
            going = [s.id for s in shots_to_submit(board, {**self.model.jobs, **jobs})]
            self.model.mark_sending(going)
        self.model.update_jobs(list(jobs.values()))
        for job in jobs.values():
            self.model.refresh_thumbnail(job.id)
        self._update()
        if board is not None and continuing:
            if going:
                self._continue(board.id, going)
            elif not any(
                s.status in (ShotStatus.RUNNING, ShotStatus.WAITING) for s in self.model.states()
            ):
                self.auto_generate.discard(board.id)

    def _continue(self, board_id: str, going: Sequence[str] = ()) -> None:
        """Send what of ``board_id`` can go now (``going``: those of its shots shown as
        being sent). Held back by the send guard (a send of it was accepted a moment ago),
        it tries again once that moment has passed."""
        if self.shot_sender is None or board_id not in self.auto_generate:
            self.model.unmark_sending(going)
            return
        if not self.shot_sender.generate_missing(
            board_id, retry_failed=False, after=lambda: self._sent(going), quiet=True
        ):
            QTimer.singleShot(CONTINUE_RETRY_MS, self, lambda: self._continue(board_id, going))

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
