"""A local server speaking the OpenAI Videos API dialect and rendering real MP4 clips.

See ``server.py`` (:class:`SimulatorServer`), ``jobs.py`` (prompt directives) and
docs/simulator.md.
"""

from __future__ import annotations

from sora_desktop.simulator.server import SimulatorServer

__all__ = ["SimulatorServer"]
