"""Shared helpers for the client tests (httpx.MockTransport recorders, multipart parsing)."""

from __future__ import annotations

import asyncio
import email.parser
import email.policy
import json
from collections.abc import Callable, Coroutine
from dataclasses import dataclass, field
from typing import Any, TypeVar

import httpx

from sora_desktop.core.client import VideoClient
from sora_desktop.core.models import AuthStyle, Connection, ConnectionKind

T = TypeVar("T")

VIDEO = {
    "id": "video_123",
    "object": "video",
    "model": "sora-2",
    "status": "queued",
    "progress": 0,
    "created_at": 1_700_000_000,
    "completed_at": None,
    "expires_at": None,
    "prompt": "a red fox in snow",
    "size": "720x1280",
    "seconds": "4",
    "remixed_from_video_id": None,
    "error": None,
}


def run(coro: Coroutine[Any, Any, T]) -> T:
    return asyncio.run(coro)


@dataclass
class Recorder:
    """A MockTransport handler that records requests and answers with ``respond``."""

    respond: Callable[[httpx.Request], httpx.Response]
    requests: list[httpx.Request] = field(default_factory=list)

    def __call__(self, request: httpx.Request) -> httpx.Response:
        request.read()
        self.requests.append(request)
        return self.respond(request)

    @property
    def last(self) -> httpx.Request:
        return self.requests[-1]


def json_response(status: int, body: Any, headers: dict[str, str] | None = None) -> httpx.Response:
    return httpx.Response(status, json=body, headers=headers)


def client_for(
    handler: Callable[[httpx.Request], httpx.Response],
    *,
    kind: ConnectionKind = ConnectionKind.OPENAI,
    base_url: str = "https://api.openai.com/v1",
    auth_style: AuthStyle = AuthStyle.BEARER,
    key: str | None = "sk-test-secret-key-1234",
) -> VideoClient:
    connection = Connection(kind=kind, base_url=base_url, auth_style=auth_style)
    return VideoClient(connection, key, transport=httpx.MockTransport(handler))


def parse_multipart(request: httpx.Request) -> dict[str, tuple[str | None, str, bytes]]:
    """name -> (filename, content type, payload) of a multipart/form-data request."""
    raw = b"Content-Type: " + request.headers["content-type"].encode() + b"\r\n\r\n"
    message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(raw + request.content)
    assert message.is_multipart()
    parts: dict[str, tuple[str | None, str, bytes]] = {}
    for part in message.iter_parts():
        name = part.get_param("name", header="content-disposition")
        payload = part.get_payload(decode=True)
        assert isinstance(name, str) and isinstance(payload, bytes)
        parts[name] = (part.get_filename(), part.get_content_type(), payload)
    return parts


def body_json(request: httpx.Request) -> Any:
    return json.loads(request.content)
