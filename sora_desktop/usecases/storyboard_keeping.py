"""Storyboards kept in the library and edited (part of :mod:`sora_desktop.usecases.storyboards`,
which exports all of it): create, open and save the portable file, list, get, delete,
which storyboards a job is a take of; the edits (each loads the stored board, changes it,
saves it, returns it); a board's jobs and its plan (:class:`BoardPlan`).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sora_desktop.core import storyboard as sb
from sora_desktop.core import storyboard_store
from sora_desktop.core.errors import InvalidRequestError, NotFoundError
from sora_desktop.core.filenames import check_new_path
from sora_desktop.core.i18n import _
from sora_desktop.core.models import Job
from sora_desktop.core.storyboard import Shot, Storyboard
from sora_desktop.core.storyboard_plan import ShotState, ShotStatus, plan
from sora_desktop.core.storyboard_store import StoryboardSummary

if TYPE_CHECKING:
    from sora_desktop.core.store import JobStore


@dataclass(frozen=True, slots=True)
class BoardPlan:
    """A storyboard as stored, with each shot's state (in shot order)."""

    board: Storyboard
    states: tuple[ShotState, ...]

    @property
    def complete(self) -> bool:
        return bool(self.states) and all(s.status is ShotStatus.READY for s in self.states)

    @property
    def running(self) -> tuple[str, ...]:
        """Job ids of the takes being made."""
        return tuple(
            s.take for s in self.states if s.status is ShotStatus.RUNNING and s.take is not None
        )

    def state(self, shot_id: str) -> ShotState:
        for state in self.states:
            if state.shot_id == shot_id:
                return state
        raise KeyError(shot_id)

    def stuck(self) -> list[tuple[int, ShotState]]:
        """Shots that won't be made without the creator (failed, or blocked), numbered
        from 1."""
        return [
            (n, s)
            for n, s in enumerate(self.states, start=1)
            if s.status in (ShotStatus.FAILED, ShotStatus.BLOCKED)
        ]


# ------------------------------------------------------------------------------ keeping


def _not_found(board_id: str) -> NotFoundError:
    return NotFoundError(
        _("There is no storyboard {id!r} in the library.").format(id=board_id),
        _("It may have been deleted; open its file again."),
    )


def get(store: JobStore, board_id: str) -> Storyboard:
    """The stored storyboard (NotFoundError when there is none)."""
    board = storyboard_store.get(store, board_id)
    if board is None:
        raise _not_found(board_id)
    return board


def create(store: JobStore, name: str) -> Storyboard:
    return storyboard_store.save(store, sb.new_storyboard(name))


def open_file(store: JobStore, path: Path) -> Storyboard:
    """Read a portable storyboard file and file it in the library (the same storyboard id:
    opening it again updates that one). The shots are the file's; takes the library has
    recorded for them and the file lacks (a run stopped before the file was written) are
    kept, so a take is never forgotten and its shot never sent again. InvalidRequestError
    for a missing, malformed or newer-version file; nothing in the library changes then."""
    board = sb.load_storyboard(Path(path))
    known = storyboard_store.get(store, board.id)
    if known is not None:
        board = _keep_takes(board, known)
    return storyboard_store.save(store, board)


def _keep_takes(board: Storyboard, known: Storyboard) -> Storyboard:
    recorded = {shot.id: shot for shot in known.shots}
    for shot in board.shots:
        old = recorded.get(shot.id)
        if old is None:
            continue
        mine = {t.job_id for t in shot.takes}
        extra = tuple(t for t in old.takes if t.job_id not in mine)
        if extra:
            board = sb.replace_shot(board, dataclasses.replace(shot, takes=shot.takes + extra))
    return board


def save_file(store: JobStore, board_id: str, path: Path) -> Path:
    """Write the stored storyboard as portable JSON at ``path`` (takes with their clips,
    relative to the file's folder). Atomic; DiskError (InvalidRequestError for a name this
    OS refuses)."""
    check_new_path(Path(path), param="file")
    board = get(store, board_id)
    jobs = jobs_of(store, board)
    for shot in board.shots:
        for take in shot.takes:
            job = jobs.get(take.job_id)
            if job is not None and job.file_path is not None and take.clip != job.file_path:
                board = sb.set_take_clip(board, shot.id, take.job_id, Path(job.file_path))
    return sb.save_storyboard(board, Path(path))


def list_all(store: JobStore) -> list[StoryboardSummary]:
    return storyboard_store.list_storyboards(store)


def delete(store: JobStore, board_id: str) -> None:
    storyboard_store.delete(store, board_id)


def boards_with_job(store: JobStore, job_id: str) -> list[str]:
    return storyboard_store.storyboards_with_job(store, job_id)


# ------------------------------------------------------------------------------ edits


def _edit(store: JobStore, board_id: str, change: Callable[[Storyboard], Storyboard]) -> Storyboard:
    board = get(store, board_id)
    try:
        changed = change(board)
    except KeyError as exc:
        raise InvalidRequestError(
            _("This storyboard has no shot or take {id!r}.").format(id=str(exc.args[0])),
            _("Open the storyboard again: it may have changed."),
            param="shots",
        ) from None
    return storyboard_store.save(store, changed)


def rename(store: JobStore, board_id: str, name: str) -> Storyboard:
    return _edit(store, board_id, lambda b: dataclasses.replace(b, name=name))


def new_shot(**fields: object) -> Shot:
    """A shot with a fresh id (``fields``: any of :class:`Shot`'s but ``id``)."""
    return Shot(id=sb.new_id(), **fields)  # type: ignore[arg-type]


def add_shot(store: JobStore, board_id: str, shot: Shot, index: int | None = None) -> Storyboard:
    return _edit(store, board_id, lambda b: sb.add_shot(b, shot, index))


def replace_shot(store: JobStore, board_id: str, shot: Shot) -> Storyboard:
    """Change a shot's settings (its takes and choice are kept as ``shot`` has them)."""
    return _edit(store, board_id, lambda b: sb.replace_shot(b, shot))


def remove_shot(store: JobStore, board_id: str, shot_id: str) -> Storyboard:
    return _edit(store, board_id, lambda b: sb.remove_shot(b, shot_id))


def move_shot(store: JobStore, board_id: str, shot_id: str, index: int) -> Storyboard:
    return _edit(store, board_id, lambda b: sb.move_shot(b, shot_id, index))


def choose_take(store: JobStore, board_id: str, shot_id: str, job_id: str | None) -> Storyboard:
    return _edit(store, board_id, lambda b: sb.choose_take(b, shot_id, job_id))


# ------------------------------------------------------------------------------ the plan


def jobs_of(store: JobStore, board: Storyboard) -> dict[str, Job]:
    """The library's jobs of ``board``'s takes, by id (takes the library doesn't know are
    left out: they count by their clip file)."""
    jobs: dict[str, Job] = {}
    for shot in board.shots:
        for take in shot.takes:
            job = store.get(take.job_id)
            if job is not None:
                jobs[job.id] = job
    return jobs


def plan_of(store: JobStore, board_id: str) -> BoardPlan:
    board = get(store, board_id)
    return BoardPlan(board, tuple(plan(board, jobs_of(store, board))))
