"""The app's own simulator, as the window and the CLI run it (``core.builtin_simulator``
describes the engine's side).

Started on first need, on a free loopback port, keeping its jobs in the data folder
(``AppPaths.simulator_dir``) so that a job kept for the next start finishes then. Only one
process can keep them at a time: a second one (another window, a ``generate`` in a terminal)
still serves new jobs, without keeping them, and refuses to resume old ones
(``busy_error``), which stay ``interrupted`` for the process that has them.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from pathlib import Path

from sora_desktop.core.builtin_simulator import busy_error, start_error
from sora_desktop.simulator.server import SimulatorServer

log = logging.getLogger(__name__)


class BuiltinSimulator:
    """Implements ``core.builtin_simulator.SimulatorLink``. Thread-safe."""

    def __init__(
        self,
        state_dir: Path | None,
        *,
        latency: float,
        render_in_subprocess: bool = False,
        external_url: str | None = None,
        on_start: Callable[[str], None] | None = None,
    ) -> None:
        """``external_url``: a simulator already running elsewhere (tests, demos) is used
        instead. ``on_start`` is called with the base URL when this one starts."""
        self.state_dir = state_dir
        self.latency = latency
        self.render_in_subprocess = render_in_subprocess
        self.external_url = external_url
        self.on_start = on_start
        self.server: SimulatorServer | None = None
        self.keeps_state = False
        self._lock = threading.Lock()

    def base_url(self, *, resuming: bool = False) -> str:
        if self.external_url:
            return self.external_url.rstrip("/") + "/v1"
        with self._lock:
            if self.server is None:
                self.server = self._start()
            if resuming and not self.keeps_state:
                raise busy_error()
            url = self.server.url + "/v1"
        return url

    def _start(self) -> SimulatorServer:
        def make(state_dir: Path | None) -> SimulatorServer:
            # a GUI renders in a worker process: a render in its own would stall the window
            return SimulatorServer(
                host="127.0.0.1",
                port=0,
                latency=self.latency,
                render_in_subprocess=self.render_in_subprocess,
                state_dir=state_dir,
            )

        server = make(self.state_dir)
        try:
            server.start()
            self.keeps_state = self.state_dir is not None
        except OSError as exc:
            if self.state_dir is None:
                raise start_error(exc.strerror or str(exc)) from exc
            # its jobs' folder is in use by another process (StateInUse) or unusable: serve
            # new jobs anyway, without keeping them
            log.warning("the built-in simulator can't keep its jobs: %s", exc)
            server = make(None)
            try:
                server.start()
            except OSError as again:
                raise start_error(again.strerror or str(again)) from again
            self.keeps_state = False
        log.info("built-in simulator on %s (keeps its jobs: %s)", server.url, self.keeps_state)
        if self.on_start is not None:
            self.on_start(server.url + "/v1")
        return server

    def stop(self) -> None:
        with self._lock:
            server, self.server = self.server, None
        if server is not None:
            server.stop()
