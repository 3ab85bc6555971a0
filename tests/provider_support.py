"""Driving the real engine against the simulator's fal, Replicate and Runway routes."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import av
import httpx

from sora_desktop.core.dialects import make_dialect
from sora_desktop.core.dialects.base import Dialect
from sora_desktop.core.dialects.schemas import SchemaCache
from sora_desktop.core.models import (
    Connection,
    ConnectionKind,
    Job,
    JobEvent,
    JobStatus,
    KeySource,
    VideoRequest,
)
from sora_desktop.core.pacing import Pacing
from sora_desktop.core.paths import AppPaths
from sora_desktop.core.service import GenerationService
from sora_desktop.core.store import JobStore
from sora_desktop.simulator.server import SimulatorServer

T = TypeVar("T")
KEY = "sim-provider-key-123"
PREFIX = {
    ConnectionKind.FAL: "/fal",
    ConnectionKind.REPLICATE: "/replicate",
    ConnectionKind.RUNWAY: "/runway",
}
#: a quick catalogue model per provider (2 s clips where the model allows)
MODEL = {
    ConnectionKind.FAL: "fal-ai/wan/v2.7/text-to-video",
    ConnectionKind.REPLICATE: "sim/any-video",
    ConnectionKind.RUNWAY: "gen4.5",
}
KINDS = (ConnectionKind.FAL, ConnectionKind.REPLICATE, ConnectionKind.RUNWAY)
#: header names that carry a credential (none may reach the results origin)
CREDENTIAL_HEADERS = ("authorization", "x-runway-version", "api-key")


def connection(sim: SimulatorServer, kind: ConnectionKind, url: str | None = None) -> Connection:
    return Connection(
        kind=kind,
        base_url=(url or sim.url) + PREFIX[kind],
        key_source=KeySource(env_var="SORA_TEST_PROVIDER_KEY"),
    )


def request(
    kind: ConnectionKind, prompt: str = "a red kite over green hills", **kw: Any
) -> VideoRequest:
    kw.setdefault("model", MODEL[kind])
    kw.setdefault("size", "1280x720")
    kw.setdefault("seconds", 2)
    return VideoRequest(prompt=prompt, **kw)


def decoded_seconds(path: Path) -> float:
    """How long the clip at ``path`` is, once its frames decode (a real MP4, not just a header)."""
    with av.open(str(path)) as container:
        assert container.streams.video and container.duration is not None
        assert sum(1 for _ in container.decode(video=0)) > 0
        return float(container.duration / 1_000_000)


#: quick polls: the simulator's jobs take a second or two
FAST = Pacing(poll_initial_seconds=0.05, poll_max_seconds=0.3)


@dataclass
class Run:
    """What one service run saw."""

    events: list[JobEvent] = field(default_factory=list)
    clients: list[Dialect] = field(default_factory=list)


def run_service(
    data_dir: Path,
    body: Callable[[GenerationService], Awaitable[T]],
    *,
    key: str | None = KEY,
    run: Run | None = None,
    timeout: httpx.Timeout | None = None,
    give_up_after: float = 30.0,
    pacing: Pacing = FAST,
) -> T:
    paths = AppPaths.default(data_dir)
    paths.ensure()
    store = JobStore(paths.db_path)
    seen = run or Run()

    def factory(conn: Connection, api_key: str | None) -> Dialect:
        client = make_dialect(
            conn, api_key, timeout=timeout, schema_cache=SchemaCache(paths.cache_dir / "schemas")
        )
        seen.clients.append(client)
        return client

    async def main() -> T:
        service = GenerationService(
            store,
            paths,
            key_lookup=lambda _source: key,
            client_factory=factory,
            give_up_after=give_up_after,
            pacing=pacing,
        )
        service.subscribe(seen.events.append)
        try:
            return await body(service)
        finally:
            await service.shutdown()

    try:
        return asyncio.run(main())
    finally:
        store.close()


def generate(data_dir: Path, req: VideoRequest, conn: Connection, **kw: Any) -> Job:
    async def body(service: GenerationService) -> Job:
        return await service.generate(req, conn)

    return run_service(data_dir, body, **kw)


def assert_ready(job: Job, seconds: int = 2) -> Path:
    assert job.status is JobStatus.READY, (job.status, job.error_message)
    assert job.file_path is not None and job.file_path.is_file()
    with av.open(str(job.file_path)) as container:
        assert container.streams.video
        assert container.duration is not None
        assert abs(container.duration / 1_000_000 - seconds) < 0.5
        assert sum(1 for _ in container.decode(video=0)) > 0
    return job.file_path


def assert_no_key_on_results(sim: SimulatorServer) -> None:
    for seen in sim.result_requests:
        leaked = [h for h in CREDENTIAL_HEADERS if h in seen.headers]
        assert not leaked, (seen.path, leaked)
        assert KEY not in repr(seen.headers)


def no_part_files(data_dir: Path) -> list[Path]:
    return sorted(data_dir.rglob("*.part"))


def padded_image(path: Path, total: int, size: tuple[int, int] = (1280, 720)) -> Path:
    """A noisy PNG of ``size`` padded after its end to ``total`` bytes: a file as large as a
    test needs (past a provider's data-URI limit) that still decodes as that image."""
    import io
    import random

    from PIL import Image

    noise = random.Random(7).randbytes(size[0] * size[1] * 3)
    out = io.BytesIO()
    Image.frombytes("RGB", size, noise).save(out, "PNG", compress_level=1)
    data = out.getvalue()
    path.write_bytes(data + b"\0" * max(0, total - len(data)))
    return path


def sim_uploads(sim: SimulatorServer) -> dict[str, bytes]:
    """The files uploaded to the simulator (fal's storage, Replicate's files, Runway's
    uploads), by their id."""
    assert sim._httpd is not None
    return dict(sim._httpd.api.uploads)
