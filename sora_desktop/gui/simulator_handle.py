"""The built-in simulator as the window reaches it: made on first need, stopped at close."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sora_desktop.simulator.builtin import BuiltinSimulator
    from sora_desktop.simulator.server import SimulatorServer


class SimulatorHandle:
    """The built-in simulator (``simulator.builtin``), made on first need: it imports PyAV
    and Pillow. It keeps its jobs in ``state_dir``, so kept jobs finish on the next start."""

    def __init__(self, latency: float, external_url: str | None, state_dir: Path) -> None:
        self._args = (state_dir, latency, external_url)
        self._simulator: BuiltinSimulator | None = None
        self._lock = threading.Lock()

    @property
    def server(self) -> SimulatorServer | None:
        return self._simulator.server if self._simulator is not None else None

    def base_url(self, *, resuming: bool = False) -> str:
        with self._lock:
            if self._simulator is None:
                from sora_desktop.simulator.builtin import BuiltinSimulator

                state_dir, latency, url = self._args
                self._simulator = BuiltinSimulator(
                    state_dir, latency=latency, render_in_subprocess=True, external_url=url
                )
            simulator = self._simulator
        return simulator.base_url(resuming=resuming)

    def stop(self) -> None:
        if self._simulator is not None:
            self._simulator.stop()
