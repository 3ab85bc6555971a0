"""The storyboard panel's widgets: the storyboard chooser (New, More: Rename, Delete) and the
shot buttons in a row on top, the open one's shot strip under it with the take chooser and
the actions beside it.

:class:`StoryboardWidgets` builds and lays them out and shows a shot's takes; what they do is
:class:`~sora_desktop.gui.storyboard_panel.StoryboardPanel`'s (its subclass). The texts keep
the panel's translation context ("StoryboardPanel").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from sora_desktop.core import storyboard as sb
from sora_desktop.core.storyboard_plan import ShotStatus, shots_to_submit
from sora_desktop.gui.elided_combo import ElidedCombo
from sora_desktop.gui.storyboard_model import ShotListModel, ShotStrip

if TYPE_CHECKING:
    from sora_desktop.gui.storyboard_sending import StoryboardSender
    from sora_desktop.gui.thumbnails import ThumbnailCache


def _t(text: str) -> str:
    return QCoreApplication.translate("StoryboardPanel", text)


def _take_tip() -> str:
    """What the Take box is for (its tooltip, under the chosen take)."""
    return _t("The take of this shot that goes into the film")


class StoryboardWidgets(QWidget):
    """The panel's widgets, their layout and what they show of the open storyboard (what
    is enabled, the takes); the panel wires them to what they do."""

    def __init__(
        self,
        thumbnails: ThumbnailCache | None,
        shot_sender: StoryboardSender | None,
        parent: QWidget | None,
    ) -> None:
        super().__init__(parent)
        #: sends shots through the window's send guard (None: a panel that can't send)
        self.shot_sender = shot_sender
        # --- the storyboards: a chooser in the top row, so the strip gets the width ---
        self.boards_combo = ElidedCombo(self)
        self.boards_combo.setObjectName("storyboards_combo")
        self.boards_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.boards_combo.setMinimumContentsLength(4)
        self.new_button = QToolButton(self)
        self.new_button.setText(_t("New"))
        self.new_button.setToolTip(_t("Start a new storyboard"))
        self.rename_action = QAction(_t("Rename…"), self)
        self.delete_action = QAction(_t("Delete"), self)
        self.delete_action.setToolTip(_t("Forget this storyboard (its clips stay in the library)"))
        self.more_button = QToolButton(self)
        self.more_button.setText(_t("More"))
        self.more_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        more = QMenu(self.more_button)
        more.addAction(self.rename_action)
        more.addAction(self.delete_action)
        self.more_button.setMenu(more)

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
        # tool buttons: as wide as their words (a push button is at least 80 px), so the
        # storyboard chooser and these fit one row
        self.add_button = QToolButton(self)
        self.add_button.setText(_t("Add shot…"))
        self.edit_button = QToolButton(self)
        self.edit_button.setText(_t("Edit…"))
        self.remove_button = QToolButton(self)
        self.remove_button.setText(_t("Remove"))
        self.take_label = QLabel(_t("Take:"), self)
        self.take_combo = ElidedCombo(self)  # "Take 2 (not ready)" ends in "…", not mid-letter
        self.take_combo.setObjectName("take_combo")
        self.take_combo.setToolTip(_take_tip())
        # a fixed width (the list shows whole labels): "Take 2 (not ready)" must not
        # widen the panel, and so the window
        self.take_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.take_combo.setMinimumContentsLength(4)
        self.generate_button = QPushButton(_t("Generate missing"), self)
        self.generate_button.setToolTip(
            _t(
                "Make every shot that has no take yet; a shot that continues the one before "
                "it starts when that take is ready"
            )
        )
        self.generate_button.setObjectName("generate_missing_button")
        self.regenerate_button = QPushButton(_t("Regenerate"), self)
        self.regenerate_button.setToolTip(
            _t("Make a new take of the selected shot (it is made and billed again)")
        )
        self.film_button = QPushButton(_t("Make film…"), self)
        self.timeline_button = QPushButton(_t("Export timeline…"), self)
        # the storyboard and the shot buttons in one row above the strip, the take and
        # the actions in a column beside it: the strip has the rest of the width, so a
        # normal window shows several cards (and the row fits the width the preview needs
        # anyway: opening this tab never widens the window)
        top_row = QHBoxLayout()
        top_row.setSpacing(4)
        top_row.addWidget(self.boards_combo, 1)
        for board_button in (self.new_button, self.more_button):
            top_row.addWidget(board_button)
        top_row.addSpacing(6)
        for widget in (self.add_button, self.edit_button, self.remove_button):
            top_row.addWidget(widget)
        middle = QHBoxLayout()
        middle.addWidget(self.strip, 1)
        middle.addWidget(self.empty_label, 1)
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
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addLayout(top_row)
        outer.addLayout(middle, 1)

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
            and not self.model.is_sending(shot.id)
        )
        # a shot being sent is not missing: the buttons don't light up while it goes
        to_send = shots_to_submit(board, self.model.jobs, retry_failed=True) if board else []
        missing = any(not self.model.is_sending(s.id) for s in to_send)
        self.generate_button.setEnabled(missing and self.shot_sender is not None)
        complete = (
            board is not None
            and bool(board.shots)
            and all(s.status is ShotStatus.READY for s in self.model.states())
        )
        for button in (self.film_button, self.timeline_button):
            button.setEnabled(complete)
            button.setToolTip("" if complete else _t("Every shot needs a finished take first."))
        self._fill_takes(shot)
        show_strip = board is not None and bool(board.shots)
        self.strip.setVisible(show_strip)
        self.empty_label.setVisible(not show_strip)
        if board is None:
            self.empty_label.setText(
                _t("Make a storyboard with New, or open one from the File menu.")
            )
        else:
            self.empty_label.setText(
                _t("Add the first shot: each shot becomes one clip of the film.")
            )

    def _fill_takes(self, shot: sb.Shot | None) -> None:
        self.take_combo.clear()
        self.take_combo.setToolTip(_take_tip())
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
            label = _t("Take {0}").format(number)
            if not ready:
                label = _t("Take {0} (not ready)").format(number)
            self.take_combo.addItem(label, take.job_id)
        chosen = shot.chosen or counting
        if chosen is not None:
            self.take_combo.setCurrentIndex(max(0, self.take_combo.findData(chosen)))
        # the box is narrow: the tooltip says the chosen take whole
        self.take_combo.setToolTip("\n".join((self.take_combo.currentText(), _take_tip())).strip())
