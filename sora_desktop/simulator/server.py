"""HTTP plumbing of the local simulator: :class:`SimulatorServer`.

A stdlib ``ThreadingHTTPServer`` speaking HTTP/1.1 with keep-alive (every response has a
Content-Length). Every thread it starts is named ``sora-sim-*`` and joined by :meth:`stop`:
the accept loop, one thread per connection (idle keep-alive connections are shut down on
stop) and the render workers (threads, or with ``render_in_subprocess`` worker processes and
their pool's management thread). Routes live in ``api.py``, jobs and prompt directives in
``jobs.py``, rendering in ``render.py``; docs/simulator.md describes the whole.
"""

from __future__ import annotations

import _socket
import contextlib
import itertools
import logging
import socket
import socketserver
import sys
import threading
import time
from collections.abc import Mapping
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import TracebackType
from typing import Any, Protocol

from sora_desktop.simulator.api import SimulatorApi
from sora_desktop.simulator.assets import RenderPool
from sora_desktop.simulator.content import Response
from sora_desktop.simulator.jobs import JobTable, SimJob
from sora_desktop.simulator.results import ResultsApi, SeenRequest
from sora_desktop.simulator.state import StateFolder
from sora_desktop.simulator.validation import ApiError

log = logging.getLogger(__name__)

MAX_BODY = 64 * 1024 * 1024
IDLE_TIMEOUT = 120.0
#: stop() waits this long for connection threads after shutting their sockets down, and
#: again after closing them (see _HTTPServer.close_connections).
CLOSE_GRACE = 2.0


class _Routes(Protocol):
    """What the HTTP layer calls: the API's routes, or the results origin's."""

    def handle(
        self, method: str, target: str, headers: Mapping[str, str], body: bytes
    ) -> Response: ...


class BodyError(Exception):
    """A request body the HTTP layer refuses before routing (status, message, error code)."""

    def __init__(self, status: int, message: str, code: str = "invalid_request_body") -> None:
        super().__init__(message)
        self.status = status
        self.code = code


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "SoraSimulator/1.0"
    timeout = IDLE_TIMEOUT
    server: _HTTPServer

    def log_message(self, format: str, *args: Any) -> None:
        if self.server.verbose:
            super().log_message(format, *args)

    def _dispatch(self) -> None:
        try:
            body = self._read_body()
        except BodyError as exc:
            self.close_connection = True  # the rest of the body can't be skipped reliably
            err = ApiError(exc.status, str(exc), code=exc.code)
            self._send(Response(exc.status, err.envelope()))
            return
        headers = {k.lower(): v for k, v in self.headers.items()}
        try:
            response = self.server.api.handle(self.command, self.path, headers, body)
        except Exception:
            log.exception("simulator: unexpected error on %s %s", self.command, self.path)
            err = ApiError(500, "The simulator hit an unexpected error.", "server_error")
            response = Response(500, err.envelope())
        self._send(response)

    def _read_body(self) -> bytes:
        if "chunked" in self.headers.get("Transfer-Encoding", "").lower():
            try:
                return self._read_chunked()
            except ValueError:
                raise BodyError(400, "The chunked request body is malformed.") from None
        values = {v.strip() for v in self.headers.get_all("Content-Length") or []}
        if not values:
            return b""
        if len(values) > 1:
            raise BodyError(
                400,
                "The request has conflicting Content-Length headers.",
                code="invalid_content_length",
            )
        raw = values.pop()
        # RFC 9110: one or more ASCII digits; a sign, spaces inside or other digits are invalid
        if not raw.isascii() or not raw.isdigit():
            raise BodyError(
                400,
                f"Invalid Content-Length {raw!r}: expected a byte count.",
                code="invalid_content_length",
            )
        length = int(raw)
        if length > MAX_BODY:
            raise BodyError(
                413,
                f"The request body is too large ({length} bytes); the limit is {MAX_BODY} bytes.",
                code="request_too_large",
            )
        return self.rfile.read(length) if length > 0 else b""

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        """Errors found by the HTTP layer itself also use the OpenAI envelope."""
        phrase = HTTPStatus(code).phrase
        kind = "server_error" if code >= 500 else "invalid_request_error"
        err = ApiError(code, message or phrase, kind, code=phrase.lower().replace(" ", "_"))
        self._send(Response(code, err.envelope()))

    def _read_chunked(self) -> bytes:
        parts: list[bytes] = []
        total = 0
        while True:
            size = int(self.rfile.readline(1024).split(b";", 1)[0].strip() or b"0", 16)
            if size == 0:
                while self.rfile.readline(1024).strip():  # trailers
                    pass
                return b"".join(parts)
            total += size
            if total > MAX_BODY:
                raise BodyError(
                    413,
                    f"The request body is too large; the limit is {MAX_BODY} bytes.",
                    code="request_too_large",
                )
            parts.append(self.rfile.read(size))
            self.rfile.readline(1024)  # CRLF after the chunk

    do_GET = do_POST = do_DELETE = do_HEAD = do_PUT = do_PATCH = _dispatch

    def _send(self, response: Response) -> None:
        if response.fault == "drop":
            self.close_connection = True
            self.connection.shutdown(socket.SHUT_RDWR)
            return
        length = (response.end - response.start + 1) if response.asset else len(response.body)
        self.send_response(response.status)
        self.send_header("Content-Type", response.content_type)
        self.send_header("Content-Length", str(length))
        for name, value in response.headers.items():
            self.send_header(name, value)
        self.end_headers()
        if self.command == "HEAD":
            return
        if response.asset is None:
            self.wfile.write(response.body)
            return
        limit = length
        if response.fault == "reset-half":
            limit = length // 2
        elif response.fault == "truncate":
            limit = length - max(1, length // 10)
        self._stream(response, limit)
        if response.fault is not None:
            # FIN after the bytes already queued: the client sees a body cut short
            self.close_connection = True
            self.connection.shutdown(socket.SHUT_WR)

    def _stream(self, response: Response, limit: int) -> None:
        assert response.asset is not None
        remaining = limit
        for piece in response.asset.iter_range(response.start, response.end):
            if remaining <= 0:
                break
            if isinstance(piece, tuple):
                path, offset, count = piece
                count = min(count, remaining)
                with Path(path).open("rb") as f:
                    self.connection.sendfile(f, offset, count)
                remaining -= count
            else:
                chunk = piece[:remaining]
                self.wfile.write(chunk)
                remaining -= len(chunk)


class _HTTPServer(ThreadingHTTPServer):
    daemon_threads = False
    block_on_close = False  # we track and join our own threads
    request_queue_size = 128  # twenty clients connecting at once must not overflow the backlog
    allow_reuse_address = sys.platform != "win32"  # on Windows it would allow port theft

    def server_bind(self) -> None:
        # HTTPServer.server_bind does a reverse DNS lookup (getfqdn), slow on some machines
        socketserver.TCPServer.server_bind(self)
        host, port = self.server_address[:2]
        self.server_name = str(host)
        self.server_port = int(port)

    def __init__(self, address: tuple[str, int], api: _Routes, verbose: bool) -> None:
        self.api = api
        self.verbose = verbose
        self._conn_lock = threading.Lock()
        self._conn_threads: dict[threading.Thread, socket.socket] = {}
        self._counter = itertools.count(1)
        super().__init__(address, _Handler)

    def process_request(self, request: Any, client_address: Any) -> None:
        thread = threading.Thread(
            target=self._serve_connection,
            args=(request, client_address),
            name=f"sora-sim-conn-{next(self._counter)}",
        )
        with self._conn_lock:
            self._conn_threads = {t: s for t, s in self._conn_threads.items() if t.is_alive()}
            self._conn_threads[thread] = request
        thread.start()

    def _serve_connection(self, request: socket.socket, client_address: Any) -> None:
        try:
            self.finish_request(request, client_address)
        except Exception:  # a client going away mid-response is not our failure
            if self.verbose:
                self.handle_error(request, client_address)
        finally:
            self.shutdown_request(request)

    def close_connections(self, grace: float = CLOSE_GRACE) -> None:
        """End every connection thread, on every OS, within about ``2 * grace`` seconds.

        A thread serving an idle keep-alive connection is blocked in ``recv()``.
        ``shutdown()`` wakes it on Linux and macOS but not on Windows, where Winsock cancels
        a blocking ``recv()`` only when the socket is closed. So: shut down, wait ``grace``,
        close the sockets still in use (at the C level: the handler's rfile/wfile would keep
        ``socket.close()`` from closing anything), wait ``grace`` again. Never waits forever.
        """
        with self._conn_lock:
            items = list(self._conn_threads.items())
        for _, sock in items:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
        _join_all([t for t, _ in items], grace)
        for thread, sock in items:
            if thread.is_alive():
                with contextlib.suppress(OSError):
                    _socket.socket.close(sock)
        _join_all([t for t, _ in items], grace)
        stuck = [t.name for t, _ in items if t.is_alive()]
        if stuck:
            log.warning("simulator: connection threads still running after stop: %s", stuck)
        with self._conn_lock:
            self._conn_threads.clear()


def _join_all(threads: list[threading.Thread], timeout: float) -> None:
    deadline = time.monotonic() + timeout
    for thread in threads:
        thread.join(max(0.0, deadline - time.monotonic()))


class SimulatorServer:
    """The local Videos API simulator (docs/simulator.md). Use as a context manager or
    call :meth:`start` / :meth:`stop`."""

    def __init__(
        self,
        host: str = "127.0.0.1",
        port: int = 0,
        *,
        api_key: str | None = None,
        latency: float = 8.0,
        max_concurrent: int = 8,
        asset_ttl: float = 3600.0,
        render_workers: int | None = None,
        render_in_subprocess: bool = False,
        storage_dir: Path | None = None,
        state_dir: Path | None = None,
        verbose: bool = False,
    ) -> None:
        """``render_in_subprocess`` renders clips in a worker process (``spawn``) instead of
        threads of this process, so a GUI in the same process never waits on the GIL behind a
        render; the HTTP server stays in this process. ``render_workers`` defaults to 2
        threads, or 1 process.

        ``state_dir`` keeps the jobs across restarts (``state.py``): :meth:`start` locks the
        folder (``StateInUse`` when another process has it), loads the jobs kept there and
        renders again what was unfinished; renders go to its ``renders/`` unless
        ``storage_dir`` says otherwise."""
        self.host = host
        self.port = port
        self.api_key = api_key
        self.latency = latency
        self.max_concurrent = max_concurrent
        self.asset_ttl = asset_ttl
        self._render_in_subprocess = render_in_subprocess
        self._render_workers = render_workers or (1 if render_in_subprocess else 2)
        self._storage_dir = storage_dir
        self._state_dir = state_dir
        self._state: StateFolder | None = None
        self._verbose = verbose
        self._table = JobTable()
        self._pool: RenderPool | None = None
        self._httpd: _HTTPServer | None = None
        self._thread: threading.Thread | None = None
        self._results: _HTTPServer | None = None
        self._results_thread: threading.Thread | None = None
        self._results_api: ResultsApi | None = None
        self.results_port = 0

    @property
    def url(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}"

    @property
    def results_url(self) -> str:
        """The results origin of the provider routes (another port: another origin)."""
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.results_port}"

    @property
    def result_requests(self) -> list[SeenRequest]:
        """Every request the results origin received (method, path, headers)."""
        return list(self._results_api.seen) if self._results_api is not None else []

    @property
    def created_count(self) -> int:
        """Jobs the server accepted (creates, remixes, edits, extensions)."""
        return self._table.created_count

    def video_ids(self) -> list[str]:
        """Ids of the videos the server currently knows (not deleted), oldest first."""
        return [j.id for j in self._table.ordered(descending=False)]

    def start(self) -> None:
        if self._httpd is not None:
            raise RuntimeError("the simulator is already running")
        storage = self._storage_dir
        restored: list[SimJob] = []
        if self._state_dir is not None:
            state = StateFolder(self._state_dir)
            state.open()  # StateInUse / OSError: nothing started
            try:
                restored, seq = state.load(self._table.clock(), self.asset_ttl)
            except BaseException:
                state.close()
                raise
            self._table.restore(restored, seq)
            self._table.on_change = state.save
            self._state = state
            storage = storage or state.renders
        self._pool = RenderPool(
            self._render_workers, storage, in_subprocess=self._render_in_subprocess
        )
        api = SimulatorApi(
            self._table,
            self._pool,
            api_key=self.api_key,
            latency=self.latency,
            max_concurrent=self.max_concurrent,
            asset_ttl=self.asset_ttl,
        )
        try:
            self._httpd = _HTTPServer((self.host, self.port), api, self._verbose)
        except OSError:
            self._close_state()
            self._pool.close()
            self._pool = None
            raise
        self.port = int(self._httpd.server_address[1])
        self._results_api = ResultsApi(api)
        try:
            self._results = _HTTPServer((self.host, 0), self._results_api, self._verbose)
        except OSError:
            self._httpd.server_close()
            self._httpd = None
            self._close_state()
            self._pool.close()
            self._pool = None
            raise
        self.results_port = int(self._results.server_address[1])
        api.base_url = self.url
        api.results_url = self.results_url
        if self._render_in_subprocess:
            self._pool.warm_up()
        for job in restored:
            api.resume(job)
        self._thread = threading.Thread(
            target=self._httpd.serve_forever,
            kwargs={"poll_interval": 0.1},
            name="sora-sim-accept",
        )
        self._thread.start()
        self._results_thread = threading.Thread(
            target=self._results.serve_forever,
            kwargs={"poll_interval": 0.1},
            name="sora-sim-results",
        )
        self._results_thread.start()

    def stop(self) -> None:
        results, results_thread = self._results, self._results_thread
        self._results = self._results_thread = None
        if results is not None:
            results.shutdown()
            if results_thread is not None:
                results_thread.join()
            results.close_connections()
            results.server_close()
        httpd, thread, pool = self._httpd, self._thread, self._pool
        self._httpd = self._thread = self._pool = None
        if httpd is not None:
            httpd.shutdown()
            if thread is not None:
                thread.join()
            httpd.close_connections()
            httpd.server_close()
        # what the stop does to jobs (renders cancelled) is not what a restart should find
        self._close_state()
        if pool is not None:
            pool.close()

    def _close_state(self) -> None:
        state, self._state = self._state, None
        self._table.on_change = None
        if state is not None:
            state.close()

    def __enter__(self) -> SimulatorServer:
        self.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()
