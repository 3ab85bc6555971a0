"""How hard the engine drives a connection: how long it waits between two questions about a
render, and how many jobs it has going on one connection at once.

The creator's values are user settings (``Settings.pacing()``); the defaults are declared
here, once. A connection's limit keeps twenty quick clicks in a local line instead of
sending twenty creates a provider answers with 429 ("too many running tasks"): a job waits
for a free slot before its create is sent and holds it until its render is done (creating
and polling); downloads don't count.
"""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sora_desktop.core.backoff import Backoff
from sora_desktop.core.models import Connection

if TYPE_CHECKING:  # the window reads Pacing from its settings before asyncio is imported
    import asyncio

POLL_INITIAL_SECONDS = 2.0
POLL_MAX_SECONDS = 20.0
MAX_CONCURRENT_JOBS = 4
#: How many jobs the simulator runs at once (``SimulatorServer(max_concurrent=8)``): more
#: creates are answered 429.
SIMULATOR_MAX_CONCURRENT = 8


def provider_limit(connection: Connection) -> int | None:
    """How many jobs the provider runs at once for one key, where that is known (None:
    not known; a 429 is then waited out by the job). Known: the built-in simulator's; a
    simulator at an address of its own may have been started with another limit."""
    from sora_desktop.core.builtin_simulator import is_builtin_simulator

    if is_builtin_simulator(connection):
        return SIMULATOR_MAX_CONCURRENT
    return None


@dataclass(frozen=True, slots=True)
class Pacing:
    """``poll_initial_seconds``/``poll_max_seconds``: the first and the longest wait between
    two polls (or retries) of a job, unless the service asks for another; a server's hint
    always wins. ``max_concurrent_jobs``: jobs created or polled at once per connection."""

    poll_initial_seconds: float = POLL_INITIAL_SECONDS
    poll_max_seconds: float = POLL_MAX_SECONDS
    max_concurrent_jobs: int = MAX_CONCURRENT_JOBS

    @property
    def limit(self) -> int:
        """The per-connection limit, at least one (a hand-edited 0 must not stop every job)."""
        return max(1, self.max_concurrent_jobs)

    def backoff(self) -> Backoff:
        """A fresh backoff for one stage of one job (nonsense values fall back to defaults)."""
        initial = self.poll_initial_seconds
        cap = self.poll_max_seconds
        if not 0.0 <= initial <= 3600.0:
            initial = POLL_INITIAL_SECONDS
        if not 0.0 <= cap <= 3600.0:
            cap = POLL_MAX_SECONDS
        return Backoff(initial=initial, cap=cap)


class ConnectionSlots:
    """The engine's one per-connection limiter: one :class:`asyncio.Semaphore` per connection
    (any hashable key: the service uses the one its clients are kept under, connection and
    key), each with ``limit`` slots, or fewer where the provider is known to allow fewer
    (``provider``). Every job takes one, a batch's too. Used on the loop's thread only."""

    def __init__(self, limit: int) -> None:
        self.limit = max(1, limit)
        self._slots: dict[Hashable, asyncio.Semaphore] = {}
        self._limits: dict[Hashable, int] = {}

    def slot(self, key: Hashable, provider: int | None = None) -> asyncio.Semaphore:
        """The connection's semaphore, made on first use with ``limit`` slots (at most
        ``provider``: :func:`provider_limit`)."""
        import asyncio

        semaphore = self._slots.get(key)
        if semaphore is None:
            limit = self.limit if provider is None else max(1, min(self.limit, provider))
            self._limits[key] = limit
            semaphore = self._slots[key] = asyncio.Semaphore(limit)
        return semaphore

    def limit_of(self, key: Hashable) -> int:
        """How many jobs run at once on the connection ``key``."""
        return self._limits.get(key, self.limit)
