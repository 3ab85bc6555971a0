"""A real service, store and simulator connection for the storyboard, stitch and extend use
cases (the simulator over loopback; polling briskly)."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from sora_desktop.core.models import Connection, ConnectionKind
from sora_desktop.core.pacing import Pacing
from sora_desktop.core.paths import AppPaths
from sora_desktop.core.service import GenerationService
from sora_desktop.core.store import JobStore
from sora_desktop.core.storyboard import Shot

T = TypeVar("T")


@dataclass
class World:
    service: GenerationService
    store: JobStore
    paths: AppPaths
    connection: Connection

    def connection_for(self, shot: Shot) -> Connection:
        return self.connection


def sim_connection(simulator: Any) -> Connection:
    return Connection(kind=ConnectionKind.SIMULATOR, base_url=simulator.url + "/v1")


def open_world(tmp_path: Path) -> tuple[JobStore, AppPaths]:
    paths = AppPaths.default(tmp_path / "appdata")
    paths.ensure()
    return JobStore(paths.db_path), paths


def in_world(simulator: Any, tmp_path: Path, body: Callable[[World], Awaitable[T]]) -> T:
    store, paths = open_world(tmp_path)

    async def main() -> T:
        service = GenerationService(
            store,
            paths,
            give_up_after=60.0,
            pacing=Pacing(poll_initial_seconds=0.2, poll_max_seconds=0.5),
        )
        try:
            return await body(World(service, store, paths, sim_connection(simulator)))
        finally:
            await service.shutdown()

    try:
        return asyncio.run(main())
    finally:
        store.close()
