"""Fixtures for engine tests without the network (``tests/core``, ``tests/usecases`` take
them through their conftest): the app's folders in a temp dir, a real library (SQLite)
in them, and a service used for its validation and bookkeeping only (no event loop)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from sora_desktop.core.paths import AppPaths
from sora_desktop.core.service import GenerationService
from sora_desktop.core.store import JobStore


@pytest.fixture
def paths(tmp_path: Path) -> AppPaths:
    found = AppPaths.default(tmp_path / "appdata")
    found.ensure()
    return found


@pytest.fixture
def store(paths: AppPaths) -> Iterator[JobStore]:
    opened = JobStore(paths.db_path)
    yield opened
    opened.close()


@pytest.fixture
def service(store: JobStore, paths: AppPaths) -> GenerationService:
    return GenerationService(store, paths)  # validation and bookkeeping only: no loop
