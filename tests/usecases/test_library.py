"""Deleting locally: one safety rule for the window and the command line, on a real store."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from sora_desktop.core.models import JobStatus
from sora_desktop.core.paths import AppPaths, stored_frame_path
from sora_desktop.core.store import JobStore
from sora_desktop.usecases.library import LibraryFolders, delete_locally, delete_problem
from tests.core.test_store import make_job


@pytest.fixture
def paths(tmp_path: Path) -> AppPaths:
    made = AppPaths.default(str(tmp_path / "appdata"))
    made.ensure()
    return made


def _clip(folder: Path, name: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_bytes(b"mp4")
    return path


def test_a_job_being_made_is_refused_and_nothing_is_removed(paths: AppPaths) -> None:
    clip = _clip(paths.library_dir, "busy.mp4")
    busy = make_job(status=JobStatus.IN_PROGRESS, file_path=clip)
    with JobStore(paths.db_path) as store:
        store.add(busy)
        done = delete_locally(store, LibraryFolders.of(paths), [busy])
        assert [j.id for j in done.refused] == [busy.id] and done.deleted == []
        assert store.get(busy.id) is not None
    assert clip.is_file()
    problem = delete_problem(busy, hint="Cancel it in the queue.")
    assert problem is not None and "still being made (Rendering)" in problem.message
    assert problem.next_step == "Cancel it in the queue."


def test_only_files_inside_the_library_are_removed(paths: AppPaths, tmp_path: Path) -> None:
    inside = _clip(paths.library_dir, "mine.mp4")
    thumb = _clip(paths.thumbnail_dir, "mine.jpg")
    elsewhere = _clip(tmp_path / "Desktop", "precious.mp4")
    ours = make_job(status=JobStatus.READY, file_path=inside, thumbnail_path=thumb)
    theirs = make_job(status=JobStatus.FAILED, file_path=elsewhere)
    with JobStore(paths.db_path) as store:
        store.add(ours)
        store.add(theirs)
        done = delete_locally(store, LibraryFolders.of(paths), [ours, theirs])
        assert sorted(done.deleted) == sorted([ours.id, theirs.id])
        assert store.get(ours.id) is None and store.get(theirs.id) is None
    assert not inside.exists() and not thumb.exists()
    assert elsewhere.is_file() and done.kept_files == [elsewhere]


def test_a_path_that_only_looks_inside_is_kept(paths: AppPaths, tmp_path: Path) -> None:
    sneaky = _clip(tmp_path / "outside", "x.mp4")
    dotted = paths.library_dir / ".." / ".." / ".." / "outside" / "x.mp4"
    assert dotted.resolve() == sneaky.resolve()
    job = replace(make_job(status=JobStatus.READY), file_path=dotted)
    with JobStore(paths.db_path) as store:
        store.add(job)
        done = delete_locally(store, LibraryFolders.of(paths), [job])
    assert done.deleted == [job.id] and sneaky.is_file()


def test_a_clips_stored_last_frame_goes_with_it_but_never_one_outside(
    paths: AppPaths, tmp_path: Path
) -> None:
    inside = _clip(paths.library_dir, "kept.mp4")
    frame = _clip(stored_frame_path(inside).parent, stored_frame_path(inside).name)
    elsewhere = _clip(tmp_path / "Desktop", "precious.mp4")
    theirs_frame = _clip(stored_frame_path(elsewhere).parent, stored_frame_path(elsewhere).name)
    ours = make_job(status=JobStatus.READY, file_path=inside)
    theirs = make_job(status=JobStatus.READY, file_path=elsewhere)
    with JobStore(paths.db_path) as store:
        store.add(ours)
        store.add(theirs)
        done = delete_locally(store, LibraryFolders.of(paths), [ours, theirs])
    assert sorted(done.deleted) == sorted([ours.id, theirs.id])
    assert not inside.exists() and not frame.exists()
    assert theirs_frame.is_file() and done.kept_files == [elsewhere]
