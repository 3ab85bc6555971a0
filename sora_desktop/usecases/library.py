"""The library: deleting clips from this computer, finding a job by the id a creator has.

    LibraryFolders.of(paths)                                 # where the app keeps clips
    delete_problem(job, hint=None) -> InvalidRequestError | None
    delete_locally(store, folders, jobs) -> LocalDeletion     # the one safety rule
    set_favourite(store, job_ids, favourite) -> list[str]     # the ids marked
    find_job(store, ref, hint=None) -> Job                   # id, remote id or a piece

Deleting locally has ONE safety rule, the same in the window and at the command line: a job
something is still working on is refused (cancel it, or let it finish, first), and only
files inside the app's own folders are removed; a file elsewhere on the disk is never
touched (the row still goes). Copies exported elsewhere stay where they are.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from sora_desktop.core.errors import InvalidRequestError
from sora_desktop.core.i18n import _
from sora_desktop.core.jobref import resolve_job
from sora_desktop.core.models import Job
from sora_desktop.core.paths import AppPaths, stored_frame_path
from sora_desktop.usecases.status import can_delete_locally, status_word

if TYPE_CHECKING:
    from sora_desktop.core.store import JobStore

    Library = JobStore  # the library as the faces name it (they never import the store)


class Deletes(Protocol):
    def delete(self, job_id: str) -> None: ...


class Marks(Deletes, Protocol):
    """The library's writes the window makes: delete a row, mark a favourite."""

    def set_favourite(self, job_id: str, favourite: bool) -> None: ...


@dataclass(frozen=True, slots=True)
class LibraryFolders:
    """The folders whose files the library owns (and so may delete)."""

    roots: tuple[Path, ...]

    @classmethod
    def of(cls, paths: AppPaths) -> LibraryFolders:
        return cls((paths.library_dir, paths.thumbnail_dir))

    def resolved(self) -> LibraryFolders:
        """The same folders with links and ``..`` resolved (once, for many :meth:`owns`)."""
        return LibraryFolders(tuple(root.resolve() for root in self.roots))

    def owns(self, path: Path) -> bool:
        """``path`` (links and ``..`` resolved) lies inside one of the folders. Call it on
        :meth:`resolved` folders."""
        resolved = path.resolve()
        return any(resolved.is_relative_to(root) for root in self.roots)


@dataclass(slots=True)
class LocalDeletion:
    """What :func:`delete_locally` did."""

    deleted: list[str] = field(default_factory=list)  # job ids whose rows are gone
    failures: list[str] = field(default_factory=list)  # "path: why" (the row stays)
    refused: list[Job] = field(default_factory=list)  # still being worked on
    kept_files: list[Path] = field(default_factory=list)  # outside the library: untouched


def delete_problem(job: Job, *, hint: str | None = None) -> InvalidRequestError | None:
    """Why ``job`` can't be deleted from this computer now, or None when it can.
    ``hint``: the face's next step (the window: cancel in the queue)."""
    if can_delete_locally(job):
        return None
    return InvalidRequestError(
        _("This job is still being made ({status}), so it can't be deleted yet.").format(
            status=status_word(job.status)
        ),
        hint or _("Cancel it first, or wait until it has finished."),
        param="job_id",
    )


def delete_locally(store: Deletes, folders: LibraryFolders, jobs: Iterable[Job]) -> LocalDeletion:
    """Remove each job's clip, thumbnail, stored last frame and row, under the one safety
    rule (see the module). A job whose file can't be removed keeps its row. Disk and SQLite
    work: run it off the GUI thread."""
    done = LocalDeletion()
    folders = folders.resolved()
    for job in jobs:
        if delete_problem(job) is not None:
            done.refused.append(job)
            continue
        try:
            for path in (job.file_path, job.thumbnail_path):
                if path is None:
                    continue
                if not folders.owns(path):
                    done.kept_files.append(path)
                    continue
                with contextlib.suppress(FileNotFoundError):
                    path.unlink()
            # the clip's stored last frame, which only the library's own folder holds
            stored = stored_frame_path(job.file_path) if job.file_path is not None else None
            if stored is not None and folders.owns(stored):
                with contextlib.suppress(FileNotFoundError):
                    stored.unlink()
        except OSError as exc:
            done.failures.append(f"{job.file_path}: {exc.strerror or exc}")
            continue
        store.delete(job.id)
        done.deleted.append(job.id)
    return done


def set_favourite(store: Marks, job_ids: Iterable[str], favourite: bool) -> list[str]:
    """Mark (or unmark) jobs as favourites; the ids done. SQLite work: off the GUI thread."""
    done = []
    for job_id in job_ids:
        store.set_favourite(job_id, favourite)
        done.append(job_id)
    return done


def find_job(store: JobStore, ref: str, *, hint: str | None = None) -> Job:
    """A job by its id, its remote id, or an unambiguous piece of either (4+ characters):
    the ``{id}`` in an exported file's name works too. ``hint``: how the face lists ids."""
    return resolve_job(store, ref, hint=hint)
