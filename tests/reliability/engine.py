"""Driving the real engine (service, client, store) in-process, with a few knobs for faults."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any, TypeVar

import av
import httpx

from sora_desktop.core.client import VideoClient
from sora_desktop.core.models import Connection, ConnectionKind, Job, JobStatus, VideoRequest
from sora_desktop.core.pacing import Pacing
from sora_desktop.core.paths import AppPaths
from sora_desktop.core.service import GenerationService
from sora_desktop.core.store import JobStore

T = TypeVar("T")


def connection(url: str) -> Connection:
    """A simulator-kind connection to ``url`` (a ``.../v1`` base URL)."""
    return Connection(kind=ConnectionKind.SIMULATOR, base_url=url)


def request(prompt: str = "a paper boat on a pond", **kw: Any) -> VideoRequest:
    kw.setdefault("size", "720x1280")
    kw.setdefault("seconds", 4)
    return VideoRequest(prompt=prompt, **kw)


def run_service(
    data_dir: Path,
    body: Callable[[GenerationService], Awaitable[T]],
    *,
    timeout: httpx.Timeout | None = None,
    give_up_after: float = 60.0,
    clients: list[VideoClient] | None = None,
    pacing: Pacing | None = None,
) -> T:
    """Run ``body`` against a fresh service on its own loop; the store and clients are closed."""
    paths = AppPaths.default(data_dir)
    paths.ensure()
    store = JobStore(paths.db_path)

    def factory(conn: Connection, key: str | None) -> VideoClient:
        client = VideoClient(conn, key, timeout=timeout)
        if clients is not None:
            clients.append(client)
        return client

    async def main() -> T:
        service = GenerationService(
            store, paths, give_up_after=give_up_after, client_factory=factory, pacing=pacing
        )
        try:
            return await body(service)
        finally:
            await service.shutdown()

    try:
        return asyncio.run(main())
    finally:
        store.close()


def assert_intact(path: Path, seconds: int = 4) -> None:
    """``path`` is a whole MP4 with video and audio of about ``seconds``, every frame decodes."""
    with av.open(str(path)) as container:
        assert container.streams.video and container.streams.audio
        assert container.duration is not None
        assert abs(container.duration / 1_000_000 - seconds) < 0.5
        assert sum(1 for _ in container.decode(video=0)) > 0


def assert_ready(job: Job, seconds: int = 4) -> Path:
    assert job.status is JobStatus.READY, (job.status, job.error_message)
    assert job.file_path is not None and job.file_path.is_file()
    assert_intact(job.file_path, seconds)
    return job.file_path
