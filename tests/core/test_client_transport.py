"""Redirects, proxies and environment proxies, over real loopback sockets where it matters."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import httpx
import pytest

from sora_desktop.core import errors
from sora_desktop.core.client import VideoClient
from sora_desktop.core.models import AuthStyle, Connection, ConnectionKind
from tests.core.test_client_support import VIDEO, Recorder, client_for, run

KEY = "azure-key-0123456789abcdef0123456789abcdef"


@pytest.mark.parametrize("style", [AuthStyle.API_KEY, AuthStyle.BEARER])
def test_key_is_not_forwarded_on_a_cross_origin_redirect(tmp_path: Path, style: AuthStyle) -> None:
    def respond(request: httpx.Request) -> httpx.Response:
        if request.url.host == "res.openai.azure.com":
            if request.url.path.endswith("/content"):
                return httpx.Response(302, headers={"Location": "https://cdn.example/blob/v.mp4"})
            return httpx.Response(307, headers={"Location": "/openai/v1/videos/moved"})
        return httpx.Response(200, content=b"\x00\x00\x00\x10ftypmp42....")

    rec = Recorder(respond)

    async def go() -> None:
        async with client_for(
            rec,
            kind=ConnectionKind.AZURE,
            base_url="https://res.openai.azure.com/openai/v1",
            auth_style=style,
            key=KEY,
        ) as client:
            await client.download("video_1", tmp_path / "v.part")

    run(go())
    first, second = rec.requests
    header = "api-key" if style is AuthStyle.API_KEY else "authorization"
    assert KEY in first.headers[header]
    assert second.url.host == "cdn.example"
    assert "api-key" not in second.headers and "authorization" not in second.headers


def test_same_origin_redirect_keeps_the_key() -> None:
    def respond(request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("/old"):
            return httpx.Response(307, headers={"Location": "/openai/v1/videos/new"})
        return httpx.Response(200, json=VIDEO)

    rec = Recorder(respond)

    async def go() -> None:
        async with client_for(
            rec,
            base_url="https://res.openai.azure.com/openai/v1",
            auth_style=AuthStyle.API_KEY,
            key=KEY,
        ) as client:
            await client.retrieve("old")

    run(go())
    assert [r.headers.get("api-key") for r in rec.requests] == [KEY, KEY]


class _ProxyStub:
    """An asyncio HTTP server on loopback that answers every request with a Video object and
    records the request lines it saw (a forward proxy sees absolute URLs)."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.server: asyncio.Server | None = None

    async def start(self) -> str:
        self.server = await asyncio.start_server(self._serve, "127.0.0.1", 0)
        port = self.server.sockets[0].getsockname()[1]
        return f"http://127.0.0.1:{port}"

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        head = await reader.readuntil(b"\r\n\r\n")
        self.lines.append(head.split(b"\r\n", 1)[0].decode())
        body = json.dumps(VIDEO).encode()
        writer.write(
            b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n"
            + f"Content-Length: {len(body)}\r\n\r\n".encode()
            + body
        )
        await writer.drain()
        writer.close()
        await writer.wait_closed()

    async def stop(self) -> None:
        assert self.server is not None
        self.server.close()
        await self.server.wait_closed()


def _free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_profile_proxy_is_used() -> None:
    target = f"http://127.0.0.1:{_free_port()}/v1"  # nothing listens there

    async def go() -> list[str]:
        stub = _ProxyStub()
        proxy = await stub.start()
        conn = Connection(kind=ConnectionKind.COMPATIBLE, base_url=target, proxy=proxy)
        try:
            async with VideoClient(conn, "k") as client:
                polled = await client.retrieve("video_123")
                assert polled.video.id == "video_123"
        finally:
            await stub.stop()
        return stub.lines

    assert run(go()) == [f"GET {target}/videos/video_123 HTTP/1.1"]


def test_environment_proxy_is_honoured(monkeypatch: pytest.MonkeyPatch) -> None:
    target = f"http://127.0.0.1:{_free_port()}/v1"
    for name in ("NO_PROXY", "no_proxy"):
        monkeypatch.delenv(name, raising=False)

    async def go() -> list[str]:
        stub = _ProxyStub()
        proxy = await stub.start()
        monkeypatch.setenv("HTTP_PROXY", proxy)
        monkeypatch.setenv("ALL_PROXY", proxy)
        conn = Connection(kind=ConnectionKind.COMPATIBLE, base_url=target)
        try:
            async with VideoClient(conn, "k") as client:
                await client.retrieve("video_123")
        finally:
            await stub.stop()
        return stub.lines

    assert run(go()) == [f"GET {target}/videos/video_123 HTTP/1.1"]


@pytest.mark.parametrize("where", ["profile", "environment"])
def test_downloads_go_through_the_proxy_too(
    where: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Downloads use a second (blocking) client in their own thread: it must get the same
    proxy as the rest, from the profile or from the environment."""
    target = f"http://127.0.0.1:{_free_port()}/v1"  # nothing listens there
    for name in ("NO_PROXY", "no_proxy"):
        monkeypatch.delenv(name, raising=False)
    dest = tmp_path / "clip.mp4.part"

    async def go() -> list[str]:
        stub = _ProxyStub()
        proxy = await stub.start()
        if where == "environment":
            monkeypatch.setenv("HTTP_PROXY", proxy)
            monkeypatch.setenv("ALL_PROXY", proxy)
        conn = Connection(
            kind=ConnectionKind.COMPATIBLE,
            base_url=target,
            proxy=proxy if where == "profile" else None,
        )
        try:
            async with VideoClient(conn, "k") as client:
                size = await client.download("video_123", dest)
                assert size == len(json.dumps(VIDEO).encode())
        finally:
            await stub.stop()
        return stub.lines

    assert run(go()) == [f"GET {target}/videos/video_123/content?variant=video HTTP/1.1"]


def test_unreachable_proxy_is_a_network_error_that_never_reached_the_server() -> None:
    conn = Connection(
        kind=ConnectionKind.OPENAI,
        base_url="https://api.openai.com/v1",
        proxy=f"http://127.0.0.1:{_free_port()}",
    )

    async def go() -> None:
        async with VideoClient(conn, "sk-secret-1234567") as client:
            await client.retrieve("video_1")

    with pytest.raises(errors.NetworkError) as info:
        run(go())
    assert info.value.may_have_reached_server is False
    assert "sk-secret" not in info.value.one_line()
