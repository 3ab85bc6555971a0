"""Fixtures for the simulator's tests: a fast server, an httpx client, and helpers."""

from __future__ import annotations

import io
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from PIL import Image

from sora_desktop.simulator.server import SimulatorServer

KEY = "sk-test"
CLIP = "A paper boat drifting on a pond"  # shared prompt: rendered once per session


@pytest.fixture(scope="session")
def render_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Renders shared by the HTTP tests' servers (same spec -> same files, rendered once)."""
    return tmp_path_factory.mktemp("sim-renders")


@pytest.fixture
def make_server(render_cache: Path) -> Iterator[Callable[..., SimulatorServer]]:
    servers: list[SimulatorServer] = []

    def make(**kwargs: Any) -> SimulatorServer:
        kwargs.setdefault("latency", 0.3)
        kwargs.setdefault("storage_dir", render_cache)
        server = SimulatorServer("127.0.0.1", 0, **kwargs)
        server.start()
        servers.append(server)
        return server

    yield make
    for server in servers:
        server.stop()


@pytest.fixture
def sim(make_server: Callable[..., SimulatorServer]) -> SimulatorServer:
    return make_server()


@pytest.fixture
def client(sim: SimulatorServer) -> Iterator[httpx.Client]:
    with httpx.Client(
        base_url=sim.url + "/v1", headers={"Authorization": f"Bearer {KEY}"}, timeout=30
    ) as c:
        yield c


def wait_for(
    client: httpx.Client,
    video_id: str,
    statuses: tuple[str, ...] = ("completed", "failed"),
    timeout: float = 30.0,
) -> dict[str, Any]:
    """Poll until the video reaches one of ``statuses`` (deadline, server's poll hint)."""
    deadline = time.monotonic() + timeout
    while True:
        r = client.get(f"/videos/{video_id}")
        if r.status_code == 200 and r.json()["status"] in statuses:
            return dict(r.json())
        assert time.monotonic() < deadline, f"{video_id} stuck at {r.status_code} {r.text}"
        honour_poll_hint(r)


def honour_poll_hint(r: httpx.Response) -> None:
    """Wait as long as the server asked (its poll hint), as every real client does."""
    hint = r.headers.get("openai-poll-after-ms") or r.headers.get("retry-after-ms") or "100"
    time.sleep(min(int(hint), 1000) / 1000)


def png_bytes(width: int, height: int, colour: tuple[int, int, int] = (200, 40, 90)) -> bytes:
    buf = io.BytesIO()
    img = Image.new("RGB", (width, height), colour)
    # a recognisable pattern: a white square in the top-left quarter
    img.paste((255, 255, 255), (0, 0, width // 2, height // 2))
    img.save(buf, format="PNG")
    return buf.getvalue()
