"""The strip of shot cards: a list model over one storyboard and its plan, its card
delegate and the view (:class:`ShotStrip`).

Each row is a shot: its name (or the start of its prompt), the thumbnail of the take that
counts (or the one being made), and its state from ``core.storyboard_plan.plan`` with the
reason as a tooltip. Rows move by drag and drop inside the view (``moveRows``); every edit
makes a new frozen :class:`~sora_desktop.core.storyboard.Storyboard` (the engine's plain
edit functions) and emits ``edited`` with it, for the panel to save off the GUI thread.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path

from PySide6.QtCore import (
    QAbstractListModel,
    QByteArray,
    QCoreApplication,
    QEvent,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPen, QPixmap, QWheelEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from sora_desktop.core import storyboard as sb
from sora_desktop.core.models import Job
from sora_desktop.core.storyboard_plan import ShotState, ShotStatus, plan

Index = QModelIndex | QPersistentModelIndex
MIME_SHOT = "application/x-sora-desktop-shot"
STATUS_ROLE = Qt.ItemDataRole.UserRole + 1
SHOT_ID_ROLE = Qt.ItemDataRole.UserRole + 2
TITLE_ROLE = Qt.ItemDataRole.UserRole + 3
#: the state as the card says it (str) and its colour (a hex string)
STATUS_TEXT_ROLE = Qt.ItemDataRole.UserRole + 4
STATUS_COLOUR_ROLE = Qt.ItemDataRole.UserRole + 5
#: thumbnail lookup: (job id, thumbnail file, clip) -> pixmap, or None while it loads
Thumbnails = Callable[[str, Path | None, Path | None], QPixmap | None]

#: status colours, readable on light and dark themes
STATUS_COLOURS: dict[ShotStatus, str] = {
    ShotStatus.READY: "#2e7d32",
    ShotStatus.RUNNING: "#1565c0",
    ShotStatus.MISSING: "#757575",
    ShotStatus.WAITING: "#8d6e63",
    ShotStatus.BLOCKED: "#c62828",
    ShotStatus.FAILED: "#c62828",
}


def status_word(status: ShotStatus) -> str:
    """The state in the creator's words (Storyboard context)."""
    words = {
        ShotStatus.READY: QCoreApplication.translate("Storyboard", "Ready"),
        ShotStatus.RUNNING: QCoreApplication.translate("Storyboard", "Being made"),
        ShotStatus.MISSING: QCoreApplication.translate("Storyboard", "Not made yet"),
        ShotStatus.WAITING: QCoreApplication.translate("Storyboard", "Waiting"),
        ShotStatus.BLOCKED: QCoreApplication.translate("Storyboard", "Blocked"),
        ShotStatus.FAILED: QCoreApplication.translate("Storyboard", "Failed"),
    }
    return words[status]


def sending_word() -> str:
    """A shot the creator asked for whose take is on its way (not made yet, but not idle)."""
    return QCoreApplication.translate("Storyboard", "Sending…")


def waiting_word(number: int) -> str:
    """A chained shot waiting for shot ``number``'s take."""
    return QCoreApplication.translate("Storyboard", "Waiting for shot {0}").format(number)


def shot_title(shot: sb.Shot, number: int) -> str:
    if shot.name:
        return shot.name
    words = " ".join(shot.prompt.split())
    if words:
        return words if len(words) <= 40 else words[:39] + "…"
    return QCoreApplication.translate("Storyboard", "Shot {0}").format(number)


class ShotListModel(QAbstractListModel):
    """Signals: ``moved(Storyboard, shot_id, index)`` after a shot was moved here (drag
    and drop): the storyboard as shown now, for the panel to store the move."""

    moved = Signal(object, str, int)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._board: sb.Storyboard | None = None
        self._jobs: dict[str, Job] = {}
        self._states: list[ShotState] = []
        #: shots being sent (Generate missing was clicked): shown as such, not as "Not
        #: made yet", until the board read after the send shows their take
        self._sending: set[str] = set()
        self.thumbnails: Thumbnails | None = None

    # --- content -----------------------------------------------------------------------
    @property
    def board(self) -> sb.Storyboard | None:
        return self._board

    @property
    def jobs(self) -> Mapping[str, Job]:
        return self._jobs

    def states(self) -> list[ShotState]:
        return list(self._states)

    def set_board(self, board: sb.Storyboard | None, jobs: Mapping[str, Job] | None = None) -> None:
        """Show ``board`` (None: nothing) with ``jobs`` (its takes' jobs by id)."""
        self.beginResetModel()
        if board is None or self._board is None or board.id != self._board.id:
            self._sending.clear()
        self._board = board
        if jobs is not None:
            self._jobs = dict(jobs)
        self._replan()
        self.endResetModel()

    def update_board(self, board: sb.Storyboard) -> None:
        """The same storyboard, edited (same shots in the same order: rows repaint;
        otherwise the view is reset)."""
        old = self._board
        same_rows = old is not None and [s.id for s in old.shots] == [s.id for s in board.shots]
        if not same_rows:
            self.set_board(board)
            return
        self._board = board
        self._replan()
        self._repaint_all()

    def update_jobs(self, jobs: Sequence[Job]) -> None:
        """Jobs changed (a take started, progressed, finished or failed): re-plan."""
        for job in jobs:
            self._jobs[job.id] = job
        self._replan()
        self._repaint_all()

    def mark_sending(self, shot_ids: Iterable[str]) -> None:
        """These shots are on their way (a send of them started): say so until
        :meth:`unmark_sending`."""
        self._sending.update(shot_ids)
        self._repaint_all()

    def unmark_sending(self, shot_ids: Iterable[str]) -> None:
        """Their send ended (accepted: their takes are in the board; or refused)."""
        self._sending.difference_update(shot_ids)
        self._repaint_all()

    def status_text(self, row: int) -> str:
        """The state of the shot at ``row`` as its card says it."""
        state = self.state_at(row)
        if state is None:
            return ""
        if self._is_sending(state):
            return sending_word()
        if state.status is ShotStatus.WAITING:
            return waiting_word(row)  # the shot before it: number ``row``
        return status_word(state.status)

    def is_sending(self, shot_id: str) -> bool:
        """The shot is on its way (its card says "Sending…")."""
        row = self.row_of(shot_id)
        state = self.state_at(row)
        return state is not None and self._is_sending(state)

    def _is_sending(self, state: ShotState) -> bool:
        sendable = state.status in (ShotStatus.MISSING, ShotStatus.FAILED)
        return sendable and state.shot_id in self._sending

    def refresh_thumbnail(self, job_id: str) -> None:
        for row, state in enumerate(self._states):
            if state.take == job_id:
                index = self.index(row)
                self.dataChanged.emit(index, index, [Qt.ItemDataRole.DecorationRole])

    def _replan(self) -> None:
        self._states = plan(self._board, self._jobs) if self._board is not None else []

    def _repaint_all(self) -> None:
        if self.rowCount():
            self.dataChanged.emit(self.index(0), self.index(self.rowCount() - 1))

    def shot_at(self, row: int) -> sb.Shot | None:
        if self._board is None or not 0 <= row < len(self._board.shots):
            return None
        return self._board.shots[row]

    def state_at(self, row: int) -> ShotState | None:
        return self._states[row] if 0 <= row < len(self._states) else None

    def row_of(self, shot_id: str) -> int:
        if self._board is None:
            return -1
        try:
            return self._board.index(shot_id)
        except KeyError:
            return -1

    # --- Qt model ----------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() or self._board is None:
            return 0
        return len(self._board.shots)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        shot = self.shot_at(index.row()) if index.isValid() else None
        state = self.state_at(index.row()) if index.isValid() else None
        if shot is None or state is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            title = shot_title(shot, index.row() + 1)
            return f"{index.row() + 1}. {title}\n{self.status_text(index.row())}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(shot, state, index.row() + 1)
        if role == Qt.ItemDataRole.DecorationRole:
            return self._thumbnail(shot, state)
        if role == STATUS_ROLE:
            return state.status.value
        if role == STATUS_TEXT_ROLE:
            return self.status_text(index.row())
        if role == STATUS_COLOUR_ROLE:
            shown = ShotStatus.RUNNING if self._is_sending(state) else state.status
            return STATUS_COLOURS[shown]
        if role == SHOT_ID_ROLE:
            return shot.id
        if role == TITLE_ROLE:
            return f"{index.row() + 1}. {shot_title(shot, index.row() + 1)}"
        return None

    def _tooltip(self, shot: sb.Shot, state: ShotState, number: int) -> str:
        lines = [shot_title(shot, number), self.status_text(number - 1)]
        if state.message:
            lines.append(state.message)
        if shot.prompt:
            lines.append(shot.prompt if len(shot.prompt) <= 300 else shot.prompt[:299] + "…")
        takes = len(shot.takes)
        if takes:
            lines.append(QCoreApplication.translate("Storyboard", "Takes: {0}").format(takes))
        return "\n".join(lines)

    def _thumbnail(self, shot: sb.Shot, state: ShotState) -> QPixmap | None:
        if self.thumbnails is None or state.take is None:
            return None
        job = self._jobs.get(state.take)
        take = shot.take(state.take)
        if job is not None:
            if job.thumbnail_path is None and job.file_path is None:
                return None
            return self.thumbnails(job.id, job.thumbnail_path, job.file_path)
        clip = take.clip if take is not None else None
        return self.thumbnails(state.take, None, clip) if clip is not None else None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        if index.isValid():
            return base | Qt.ItemFlag.ItemIsDragEnabled
        return base | Qt.ItemFlag.ItemIsDropEnabled

    # --- reorder: moveRows and internal drag and drop ----------------------------------
    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MIME_SHOT]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        data = QMimeData()
        ids = [str(self.data(i, SHOT_ID_ROLE)) for i in indexes if i.isValid()]
        data.setData(MIME_SHOT, QByteArray("\n".join(ids[:1]).encode("ascii")))
        return data

    def canDropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        return action is Qt.DropAction.MoveAction and data.hasFormat(MIME_SHOT)

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        shot_id = bytes(data.data(MIME_SHOT).data()).decode("ascii").strip()
        source = self.row_of(shot_id)
        if source < 0:
            return False
        if row < 0:  # dropped on a card: before it; on empty space: at the end
            row = parent.row() if parent.isValid() else self.rowCount()
        self.moveRows(QModelIndex(), source, 1, QModelIndex(), row)
        return False  # the move is done: the view must not remove the source row itself

    def moveRows(
        self,
        source_parent: Index,
        source_row: int,
        count: int,
        destination_parent: Index,
        destination_child: int,
    ) -> bool:
        """Move one shot to before row ``destination_child`` (Qt's convention)."""
        board = self._board
        if board is None or count != 1 or source_parent.isValid() or destination_parent.isValid():
            return False
        if not 0 <= source_row < len(board.shots):
            return False
        destination = max(0, min(destination_child, len(board.shots)))
        if destination in (source_row, source_row + 1):
            return False  # already there
        if not self.beginMoveRows(
            QModelIndex(), source_row, source_row, QModelIndex(), destination
        ):
            return False
        new_index = destination if destination < source_row else destination - 1
        self._board = sb.move_shot(board, board.shots[source_row].id, new_index)
        self._replan()
        self.endMoveRows()
        self._repaint_all()  # chained shots may change state with their new neighbour
        self.moved.emit(self._board, self._board.shots[new_index].id, new_index)
        return True


def card_size(metrics: QFontMetrics) -> QSize:
    """A card's size for text in ``metrics``: the thumbnail, the title and the state, with
    the card's margins. Compact, so a normal window shows several shots side by side."""
    thumb = ShotCardDelegate.THUMB
    return QSize(thumb.width() + 8, 2 + 4 + thumb.height() + 4 + 2 * metrics.height() + 2 + 4 + 2)


class ShotCardDelegate(QStyledItemDelegate):
    """Paints a shot card: the thumbnail (or a placeholder saying the state), the shot's
    number and name, and its state in the state's colour; the texts end in "…" when they
    don't fit (the tooltip holds them whole)."""

    THUMB = QSize(76, 43)  # 16:9; a portrait clip is fitted inside

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        return card_size(option.fontMetrics)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        painter.save()
        rect = option.rect.adjusted(2, 2, -2, -2)
        palette = option.palette
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(palette.highlight().color(), 2) if selected else Qt.PenStyle.NoPen)
        painter.setBrush(palette.alternateBase() if selected else palette.base())
        painter.drawRoundedRect(rect, 6, 6)
        thumb = QRect(
            rect.x() + (rect.width() - self.THUMB.width()) // 2,
            rect.y() + 4,
            self.THUMB.width(),
            self.THUMB.height(),
        )
        colour = QColor(str(index.data(STATUS_COLOUR_ROLE)))
        word = str(index.data(STATUS_TEXT_ROLE))
        pixmap = index.data(Qt.ItemDataRole.DecorationRole)
        if isinstance(pixmap, QPixmap) and not pixmap.isNull():
            scaled = pixmap.scaled(
                thumb.size(),
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
            painter.fillRect(thumb, QColor("#202020"))
            x = thumb.x() + (thumb.width() - scaled.width()) // 2
            y = thumb.y() + (thumb.height() - scaled.height()) // 2
            painter.drawPixmap(x, y, scaled)
        else:
            placeholder = QColor(colour)
            placeholder.setAlpha(40)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(placeholder)
            painter.drawRoundedRect(thumb, 4, 4)
            painter.setPen(colour)
            painter.drawText(
                thumb,
                Qt.AlignmentFlag.AlignCenter,
                option.fontMetrics.elidedText(word, Qt.TextElideMode.ElideRight, thumb.width() - 4),
            )
        metrics = option.fontMetrics
        line = metrics.height()
        text_width = rect.width() - 8
        title = str(index.data(TITLE_ROLE) or "")
        painter.setPen(palette.text().color())
        font = QFont(option.font)
        font.setBold(True)
        painter.setFont(font)
        title_rect = QRect(rect.x() + 4, thumb.bottom() + 4, text_width, line)
        painter.drawText(
            title_rect,
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            QFontMetrics(font).elidedText(title, Qt.TextElideMode.ElideRight, text_width),
        )
        painter.setFont(option.font)
        painter.setPen(colour)
        status_rect = QRect(rect.x() + 4, title_rect.bottom() + 2, text_width, line)
        painter.drawText(
            status_rect,
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            metrics.elidedText(word, Qt.TextElideMode.ElideRight, text_width),
        )
        painter.restore()


class ShotStrip(QListView):
    """The shot cards, left to right, dragged to reorder. The mouse wheel scrolls them
    sideways (there is nothing to scroll up or down)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shot_strip")
        self.setViewMode(QListView.ViewMode.IconMode)
        self.setFlow(QListView.Flow.LeftToRight)
        self.setWrapping(False)
        self.setMovement(QListView.Movement.Static)  # the model moves rows, not the view
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setItemDelegate(ShotCardDelegate(self))
        self.setUniformItemSizes(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._fit_cards()

    def _fit_cards(self) -> None:
        """The grid for this font; a whole card and the scroll bar under it always fit."""
        self.setGridSize(card_size(self.fontMetrics()) + QSize(4, 4))
        bar = self.style().pixelMetric(self.style().PixelMetric.PM_ScrollBarExtent)
        self.setMinimumHeight(self.gridSize().height() + bar + 2 * self.frameWidth() + 2)
        self.setMinimumWidth(self.gridSize().width() + 2 * self.frameWidth())

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._fit_cards()

    def wheelEvent(self, event: QWheelEvent) -> None:
        delta = event.angleDelta()
        if abs(delta.y()) > abs(delta.x()):  # the usual wheel: the cards go sideways
            bar = self.horizontalScrollBar()
            step = self.gridSize().width() // 2
            before = bar.value()
            bar.setValue(before - round(delta.y() / 120 * step))
            event.setAccepted(bar.value() != before)
            return
        super().wheelEvent(event)
