"""A small fault-injecting HTTP proxy over loopback, for faults the simulator can't produce.

It sits in front of a real :class:`SimulatorServer`: every request is recorded (method, path,
time) and, unless a :class:`Rule` matches it, forwarded unchanged. A rule picks requests by
method and a regular expression on the path, can let the first ``skip`` matches through and
applies to the next ``times`` matches (None: all of them). Actions:

- :class:`Respond` - answer with a status, headers and a body (bytes, or a function of the
  request headers, e.g. to echo the key back the way a careless server might);
- :class:`Drop` - close the connection without any response; ``forward_first`` sends the
  request upstream first (the server registered the job, the reply was lost);
- :class:`Delay` - wait, then forward (a create whose reply takes long);
- :class:`Hang` - never answer until the server stops (read timeouts);
- :class:`Mutate` - forward and rewrite the JSON reply (unknown statuses, missing or extra
  fields), optionally with another status (a gateway that made the job, then said 502).

Threads: ``fault-serve`` plus one per connection; :meth:`FaultServer.stop` closes every open
connection, wakes hanging handlers and joins all of them.
"""

from __future__ import annotations

import contextlib
import json
import re
import socket
import socketserver
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler
from typing import Any
from urllib.parse import urlsplit

import httpx

_HOP = {"connection", "keep-alive", "transfer-encoding", "proxy-connection", "te", "upgrade"}
HeaderFn = Callable[[dict[str, str]], bytes]


@dataclass(frozen=True)
class Seen:
    method: str
    path: str  # without the query
    query: str
    at: float  # time.monotonic()
    headers: dict[str, str]


@dataclass
class Respond:
    status: int
    body: bytes | HeaderFn = b""
    headers: dict[str, str] = field(default_factory=dict)
    content_type: str = "application/json"


@dataclass
class Drop:
    forward_first: bool = False


@dataclass
class Delay:
    seconds: float


@dataclass
class Hang:
    pass


@dataclass
class Mutate:
    change: Callable[[Any], Any]
    status: int | None = None  # answer with this status instead of the upstream's


Action = Respond | Drop | Delay | Hang | Mutate


@dataclass
class Rule:
    method: str
    path: str  # regex, matched with re.search against the path without the query
    action: Action
    times: int | None = 1
    skip: int = 0
    hits: int = 0  # matches so far (including skipped ones)

    def take(self, method: str, path: str) -> bool:
        if self.method not in ("*", method) or not re.search(self.path, path):
            return False
        self.hits += 1
        if self.hits <= self.skip:
            return False
        return self.times is None or self.hits - self.skip <= self.times


def error_body(
    message: str, code: str | None = None, type_: str = "invalid_request_error"
) -> bytes:
    """The OpenAI error envelope."""
    error = {"message": message, "type": type_, "param": None, "code": code}
    return json.dumps({"error": error}).encode()


class _Server(socketserver.ThreadingMixIn, socketserver.TCPServer):
    daemon_threads = False
    block_on_close = True
    allow_reuse_address = True

    def __init__(self, owner: FaultServer) -> None:
        self.owner = owner
        super().__init__(("127.0.0.1", 0), _Handler)

    def handle_error(self, request: Any, client_address: Any) -> None:
        return  # a client that went away (killed mid-request) is part of the scenario

    def process_request(self, request: Any, client_address: Any) -> None:
        self.owner._track(request)
        super().process_request(request, client_address)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _Server

    def log_message(self, format: str, *args: Any) -> None:
        return

    def _handle(self) -> None:
        owner = self.server.owner
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        parts = urlsplit(self.path)
        headers = {k.lower(): v for k, v in self.headers.items()}
        action = owner._route(self.command, parts.path, parts.query, headers)
        if isinstance(action, Respond):
            data = action.body(headers) if callable(action.body) else action.body
            self._reply(
                action.status, {"Content-Type": action.content_type, **action.headers}, data
            )
        elif isinstance(action, Drop):
            if action.forward_first:
                owner._forward(self, body, read_only=True)
            self._drop()
        elif isinstance(action, Hang):
            owner._stopping.wait()
            self._drop()
        elif isinstance(action, Mutate):
            status, out_headers, data = owner._forward(self, body, read_only=True)
            with contextlib.suppress(ValueError):
                data = json.dumps(action.change(json.loads(data))).encode()
            self._reply(action.status or status, out_headers, data)
        else:
            if isinstance(action, Delay) and owner._stopping.wait(action.seconds):
                self._drop()
                return
            owner._forward(self, body, read_only=False)

    do_GET = do_POST = do_DELETE = do_HEAD = _handle

    def _reply(self, status: int, headers: dict[str, str], data: bytes) -> None:
        self.send_response(status)
        for key, value in headers.items():
            if key.lower() not in _HOP and key.lower() != "content-length":
                self.send_header(key, value)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(data)

    def _drop(self) -> None:
        self.close_connection = True
        with contextlib.suppress(OSError):
            self.connection.shutdown(socket.SHUT_RDWR)


class FaultServer:
    """A recording, fault-injecting proxy in front of ``upstream`` (e.g. ``sim.url``)."""

    def __init__(self, upstream: str) -> None:
        self.upstream = upstream.rstrip("/")
        self.rules: list[Rule] = []
        self.seen: list[Seen] = []
        self._lock = threading.Lock()
        self._stopping = threading.Event()
        self._conns: set[socket.socket] = set()
        self._http = httpx.Client(timeout=httpx.Timeout(120.0), trust_env=False)
        self._server = _Server(self)
        self.port: int = self._server.server_address[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, name="fault-serve"
        )

    # -- lifecycle
    def start(self) -> FaultServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stopping.set()
        self._server.shutdown()
        self._thread.join()
        with self._lock:
            conns = list(self._conns)
        for conn in conns:
            with contextlib.suppress(OSError):
                conn.shutdown(socket.SHUT_RDWR)
        self._server.server_close()  # joins the connection threads
        self._http.close()

    def __enter__(self) -> FaultServer:
        return self.start()

    def __exit__(self, *_exc: object) -> None:
        self.stop()

    # -- rules and records
    def add(
        self,
        method: str,
        path: str,
        action: Action,
        *,
        times: int | None = 1,
        skip: int = 0,
    ) -> Rule:
        rule = Rule(method, path, action, times=times, skip=skip)
        with self._lock:
            self.rules.append(rule)
        return rule

    def count(self, method: str, path: str) -> int:
        with self._lock:
            return sum(1 for s in self.seen if s.method == method and re.search(path, s.path))

    def requests(self, method: str, path: str) -> list[Seen]:
        with self._lock:
            return [s for s in self.seen if s.method == method and re.search(path, s.path)]

    # -- internals
    def _track(self, conn: socket.socket) -> None:
        with self._lock:
            self._conns.add(conn)

    def _route(self, method: str, path: str, query: str, headers: dict[str, str]) -> Action | None:
        with self._lock:
            self.seen.append(Seen(method, path, query, time.monotonic(), headers))
            for rule in self.rules:
                if rule.take(method, path):
                    return rule.action
        return None

    def _forward(
        self, handler: _Handler, body: bytes, *, read_only: bool
    ) -> tuple[int, dict[str, str], bytes]:
        headers = {
            k: v
            for k, v in handler.headers.items()
            if k.lower() not in _HOP and k.lower() not in ("host", "content-length")
        }
        request = self._http.build_request(
            handler.command, self.upstream + handler.path, headers=headers, content=body
        )
        response = self._http.send(request, stream=True)
        try:
            out = {k: v for k, v in response.headers.items() if k.lower() not in _HOP}
            if read_only:
                data = response.read()  # decoded: the length and encoding are redone
                out.pop("content-encoding", None)
                return response.status_code, out, data
            handler.send_response(response.status_code)
            for key, value in out.items():
                handler.send_header(key, value)
            if "content-length" not in response.headers:
                data = response.read()
                handler.send_header("Content-Length", str(len(data)))
                handler.end_headers()
                handler.wfile.write(data)
                return response.status_code, out, b""
            handler.end_headers()
            if handler.command != "HEAD":
                for chunk in response.iter_raw():
                    handler.wfile.write(chunk)
            return response.status_code, out, b""
        finally:
            response.close()
