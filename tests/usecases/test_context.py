"""The engine assembled once (``usecases.context``): what gui/app.py and cli/runtime.py open."""

from __future__ import annotations

from pathlib import Path

import pytest

from sora_desktop.core import settings
from sora_desktop.core.errors import DiskError
from sora_desktop.core.pacing import Pacing
from sora_desktop.core.paths import AppPaths
from sora_desktop.usecases.context import Engine, ensure_folders, make_service, open_library
from tests.core.test_store import make_job


def test_the_engine_opens_folders_library_profiles_and_settings(tmp_path: Path) -> None:
    paths = AppPaths.default(str(tmp_path / "appdata"))
    engine = Engine.open(paths)
    try:
        assert paths.library_dir.is_dir() and paths.db_path.is_file()
        assert engine.moved_aside is None
        job = make_job()
        engine.store.add(job)
        assert engine.history.get(job.id) == engine.store.get(job.id)
        assert [p.id for p in engine.profiles.list()] == ["simulator"]
        assert engine.settings() == settings.load(paths.settings_path)
    finally:
        engine.close()


def test_a_damaged_library_is_moved_aside_and_a_new_one_started(tmp_path: Path) -> None:
    paths = AppPaths.default(str(tmp_path / "appdata"))
    paths.ensure()
    paths.db_path.write_bytes(b"this is not a database" * 100)
    engine = Engine.open(paths)
    try:
        assert engine.moved_aside is not None and engine.moved_aside.is_file()
        assert engine.history.count() == 0
    finally:
        engine.close()


def test_an_engine_opened_on_use_opens_the_library_at_its_first_use_once(
    tmp_path: Path,
) -> None:
    import threading

    paths = AppPaths.default(str(tmp_path / "appdata"))
    engine = Engine.open_on_use(paths)
    try:
        assert paths.library_dir.is_dir()  # the folders are made at once
        assert not engine.is_open and not paths.db_path.exists()
        assert engine.history.count() == 0  # the first read opens it
        assert engine.is_open and paths.db_path.is_file()
        store = engine.store
        got: list[object] = []
        threads = [threading.Thread(target=lambda: got.append(engine.store)) for _ in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert got == [store] * 4  # one library, however many ask
        job = make_job()
        engine.library.add(job)  # the faces' handle writes to the same library
        assert engine.history.get(job.id) == store.get(job.id)
    finally:
        engine.close()


def test_an_engine_never_used_closes_without_opening_the_library(tmp_path: Path) -> None:
    paths = AppPaths.default(str(tmp_path / "appdata"))
    engine = Engine.open_on_use(paths)
    engine.close()
    assert not engine.is_open and not paths.db_path.exists()


def test_a_damaged_library_opened_on_use_is_moved_aside_when_opened(tmp_path: Path) -> None:
    paths = AppPaths.default(str(tmp_path / "appdata"))
    paths.ensure()
    paths.db_path.write_bytes(b"this is not a database" * 100)
    engine = Engine.open_on_use(paths)
    try:
        assert engine.moved_aside is None  # not known before the open
        engine.open_library()
        assert engine.moved_aside is not None and engine.moved_aside.is_file()
    finally:
        engine.close()


def test_a_service_is_paced_by_the_settings_both_faces_share(tmp_path: Path) -> None:
    paths = AppPaths.default(str(tmp_path / "appdata"))
    paths.ensure()
    saved = settings.load(paths.settings_path)
    saved.poll_initial_seconds, saved.poll_max_seconds, saved.max_concurrent_jobs = 2.5, 9.0, 3
    settings.save(paths.settings_path, saved)
    store, _moved = open_library(paths)
    try:
        service = make_service(store, paths)
        assert service.pacing == Pacing(2.5, 9.0, 3)
        told = make_service(store, paths, pacing=Pacing(1.0, 2.0, 1))
        assert told.pacing == Pacing(1.0, 2.0, 1)
    finally:
        store.close()


def test_a_folder_that_cannot_be_made_names_the_faces_next_step(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("in the way")
    with pytest.raises(DiskError) as refused:
        ensure_folders(AppPaths.default(str(blocker / "appdata")), hint="Pick another folder.")
    assert refused.value.next_step == "Pick another folder."
    assert "Can't create the app's folders" in refused.value.message
