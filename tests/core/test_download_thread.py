"""The download's own thread: cancel over a real socket, writeback while receiving, and the
fsync that still comes before the clip counts."""

from __future__ import annotations

import asyncio
import os
import pathlib
import socket
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from sora_desktop.core import download as download_mod
from sora_desktop.core.client import VideoClient
from sora_desktop.core.download import download_video
from sora_desktop.core.models import Connection, ConnectionKind
from tests.core.test_client_support import Recorder, client_for, run

MP4_HEAD = b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom"
PIECE = 16 * 1024


def _pieces(count: int) -> list[bytes]:
    first = MP4_HEAD + os.urandom(PIECE - len(MP4_HEAD))
    return [first] + [os.urandom(PIECE) for _ in range(count - 1)]


class Pieces(httpx.SyncByteStream):
    """A body that arrives in several pieces, like a socket's receives."""

    def __init__(self, pieces: list[bytes]) -> None:
        self.pieces = pieces

    def __iter__(self) -> Iterator[bytes]:
        yield from self.pieces


def _serving(pieces: list[bytes]) -> Recorder:
    body = b"".join(pieces)

    def respond(request: httpx.Request) -> httpx.Response:
        headers = {"content-type": "video/mp4", "content-length": str(len(body))}
        return httpx.Response(200, headers=headers, stream=Pieces(pieces))

    return Recorder(respond)


def test_writeback_is_started_while_receiving_then_fsync_before_the_rename(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every WRITEBACK_STEP bytes the OS is asked to start writing (so the final fsync has
    little left), and the fsync of the whole file still comes before the clip gets its
    final name."""
    pieces = _pieces(10)
    body = b"".join(pieces)
    monkeypatch.setattr(download_mod, "WRITEBACK_STEP", 3 * PIECE)
    calls: list[tuple[Any, ...]] = []
    real_writeback = download_mod.start_writeback
    real_fsync = os.fsync
    real_replace = pathlib.Path.replace

    def writeback(fd: int, offset: int, length: int) -> bool:
        calls.append(("writeback", os.fstat(fd).st_ino, offset, length))
        return real_writeback(fd, offset, length)

    def fsync(fd: int) -> None:
        calls.append(("fsync", os.fstat(fd).st_ino))
        real_fsync(fd)

    def replace(self: pathlib.Path, target: Any) -> pathlib.Path:
        calls.append(("rename", self.stat().st_ino))
        return real_replace(self, target)

    monkeypatch.setattr(download_mod, "start_writeback", writeback)
    monkeypatch.setattr(os, "fsync", fsync)
    monkeypatch.setattr(pathlib.Path, "replace", replace)
    final = tmp_path / "videos" / "clip.mp4"

    async def go() -> Path:
        async with client_for(_serving(pieces)) as client:
            return await download_video(client, "video_1", final, tmp_path / "partial")

    assert run(go()) == final
    assert final.read_bytes() == body
    inode = final.stat().st_ino
    writebacks = [c for c in calls if c[0] == "writeback"]
    assert [(c[2], c[3]) for c in writebacks] == [
        (0, 3 * PIECE),
        (3 * PIECE, 3 * PIECE),
        (6 * PIECE, 3 * PIECE),
    ]
    assert all(c[1] == inode for c in writebacks)
    # the order that makes the clip durable before it counts
    rest = [c for c in calls if c[0] != "writeback" and c[1] == inode]
    assert rest[:2] == [("fsync", inode), ("rename", inode)]
    assert calls.index(writebacks[-1]) < calls.index(("fsync", inode))


class StallingServer:
    """A loopback HTTP server that sends the headers and ``sent`` bytes of a longer body,
    then stays silent until the client goes away."""

    def __init__(self, sent: bytes, announced: int) -> None:
        self.sent, self.announced = sent, announced
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.client_gone = threading.Event()
        self.thread = threading.Thread(target=self._serve, name="stalling-server")
        self.thread.start()

    def _serve(self) -> None:
        conn, _addr = self.listener.accept()
        with conn:
            request = b""
            while b"\r\n\r\n" not in request:
                request += conn.recv(4096)
            head = (
                "HTTP/1.1 200 OK\r\nContent-Type: video/mp4\r\n"
                f"Content-Length: {self.announced}\r\n\r\n"
            )
            conn.sendall(head.encode() + self.sent)
            while conn.recv(4096):  # silent until the client shuts or closes its end
                pass
            self.client_gone.set()

    def close(self) -> None:
        self.listener.close()
        self.thread.join(timeout=30)


def test_cancel_stops_a_receive_waiting_on_a_silent_server(tmp_path: Path) -> None:
    """A cancelled download must not wait for the read timeout in its thread: the socket
    is shut, the thread ends, the bytes received stay for a resume, and no progress comes
    after the cancel."""
    sent = MP4_HEAD + os.urandom(300 * 1024)
    server = StallingServer(sent, announced=50 * 1024 * 1024)
    dest = tmp_path / "clip.mp4.part"
    progress: list[int] = []
    try:

        async def go() -> None:
            conn = Connection(
                kind=ConnectionKind.SIMULATOR, base_url=f"http://127.0.0.1:{server.port}/v1"
            )
            # a read timeout far beyond the test's patience: only the socket shutdown helps
            timeout = httpx.Timeout(600.0, connect=15.0)
            async with VideoClient(conn, "sim-key", timeout=timeout) as client:
                task = asyncio.create_task(
                    client.download("video_1", dest, on_progress=lambda d, _t: progress.append(d))
                )
                while not (dest.exists() and dest.stat().st_size == len(sent)):
                    assert not task.done()
                    await asyncio.sleep(0.01)
                task.cancel()
                with pytest.raises(asyncio.CancelledError):
                    await asyncio.wait_for(task, timeout=20)
                seen = len(progress)
                await asyncio.sleep(0)
                assert len(progress) == seen

        run(go())
        assert server.client_gone.wait(timeout=30)
    finally:
        server.close()
    assert dest.read_bytes() == sent
    assert progress == [0]  # the start; the next report would come after 1 MiB
    assert not any(t.name == "sora-download" for t in threading.enumerate())


def test_a_transport_without_a_blocking_side_is_refused() -> None:
    """Downloads use the blocking client: a transport that only serves AsyncClient would
    silently send them to the real network instead."""

    class AsyncOnly(httpx.AsyncBaseTransport):
        async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
            return httpx.Response(200)

    conn = Connection(kind=ConnectionKind.SIMULATOR, base_url="http://127.0.0.1:9/v1")
    with pytest.raises(TypeError):
        VideoClient(conn, "k", transport=AsyncOnly())


def test_no_more_downloads_receive_at_once_than_the_client_allows(tmp_path: Path) -> None:
    """Each download receiving in its own thread competes for the GIL with the GUI thread:
    twenty jobs finishing together must not make twenty threads. The rest wait their turn
    (each held here until all four would be in, or for a second)."""
    from sora_desktop.core.client import DOWNLOAD_THREADS

    downloads = DOWNLOAD_THREADS + 2
    lock = threading.Lock()
    inside = [0]
    most = [0]
    all_in = threading.Event()
    body = MP4_HEAD + os.urandom(PIECE)

    def respond(request: httpx.Request) -> httpx.Response:
        with lock:
            inside[0] += 1
            most[0] = max(most[0], inside[0])
            if inside[0] == downloads:
                all_in.set()
        all_in.wait(timeout=1.0)
        with lock:
            inside[0] -= 1
        return httpx.Response(200, headers={"content-type": "video/mp4"}, content=body)

    async def go() -> list[int]:
        async with client_for(Recorder(respond)) as client:
            return await asyncio.gather(
                *(
                    client.download(f"video_{i}", tmp_path / f"clip_{i}.mp4")
                    for i in range(downloads)
                )
            )

    assert run(go()) == [len(body)] * downloads
    assert most[0] == DOWNLOAD_THREADS
    assert all((tmp_path / f"clip_{i}.mp4").read_bytes() == body for i in range(downloads))


def test_a_download_cancelled_while_waiting_its_turn_sends_nothing(tmp_path: Path) -> None:
    """A job cancelled while its download waits for a turn makes no request and no file."""
    from sora_desktop.core.client import DOWNLOAD_THREADS

    release = threading.Event()
    all_busy = threading.Event()
    body = MP4_HEAD + os.urandom(PIECE)
    asked: list[str] = []

    def respond(request: httpx.Request) -> httpx.Response:
        asked.append(request.url.path)
        if len(asked) >= DOWNLOAD_THREADS:
            all_busy.set()
        release.wait(timeout=30)
        return httpx.Response(200, headers={"content-type": "video/mp4"}, content=body)

    async def go() -> None:
        async with client_for(Recorder(respond)) as client:
            busy = [
                asyncio.create_task(client.download(f"video_{i}", tmp_path / f"clip_{i}.mp4"))
                for i in range(DOWNLOAD_THREADS)
            ]
            assert await asyncio.to_thread(all_busy.wait, 30)
            waiting = asyncio.create_task(client.download("video_late", tmp_path / "late.mp4"))
            await asyncio.sleep(0.05)  # it has reached the wait for a turn
            waiting.cancel()
            with pytest.raises(asyncio.CancelledError):
                await waiting
            release.set()
            assert await asyncio.gather(*busy) == [len(body)] * DOWNLOAD_THREADS

    run(go())
    assert not any("video_late" in path for path in asked)
    assert not (tmp_path / "late.mp4").exists()
