"""What a batch is expected to cost and take, and the cap rule the preview and the runner share.

- **Cost**: one function gives a job's price, :data:`PriceFn` (default
  :func:`batch_price`: the same estimate the library stores with each job,
  :func:`~sora_desktop.core.spending.estimate_job_cost`, except on the simulator); a model
  catalogue with prices plugs in there.
- **The simulator** bills nothing, but a batch there is previewed and capped at the
  notional price the same job would cost on the Videos API (the figure the main window
  shows as "≈ $0.40 (free on the simulator)"), so a cap can be tried for free.
- **Time**: a job's render time is the median of the library's finished jobs of the same
  kind of connection, model and length (submitted to completed), else a rough default;
  the batch's time is those jobs spread over its concurrent slots in order.
- **Cap**: a job is sent only if its estimate fits in what is left of the cap; a job
  without a known price never fits under a cap.
"""

from __future__ import annotations

import heapq
import statistics
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sora_desktop.core.capabilities import capabilities_for
from sora_desktop.core.models import Connection, ConnectionKind, VideoRequest
from sora_desktop.core.spending import estimate_job_cost

if TYPE_CHECKING:
    from sora_desktop.core.store import JobStore

#: A job's estimated price in US dollars (None: not known).
PriceFn = Callable[[VideoRequest, Connection], float | None]


def batch_price(request: VideoRequest, connection: Connection) -> float | None:
    """A batch job's estimate: what the library stores with the job; on the simulator
    (which stores 0: it bills nothing) the notional price of the same model, size and
    length on the Videos API, from the same per-second prices the main window's estimate
    uses (:meth:`~sora_desktop.core.capabilities.ModelCapabilities.estimate_cost`)."""
    if connection.kind is ConnectionKind.SIMULATOR:
        return capabilities_for(request.model).estimate_cost(request.size, request.seconds)
    return estimate_job_cost(request, connection)


DEFAULT_PRICE: PriceFn = batch_price

#: Render time when the library has no finished job like it: a simulator (its default
#: latency plus the render), and a cloud service (a guess: a minute plus 15 s per second).
SIMULATOR_SECONDS = 10.0
SERVICE_BASE_SECONDS = 60.0
SERVICE_SECONDS_PER_SECOND = 15.0
#: How many finished jobs the history reads (newest first), and how many like a job it
#: needs before it trusts their median.
HISTORY_JOBS = 2000
MIN_SAMPLES = 3

_CENT = 1e-9  # float slack when comparing sums of dollars


def within_cap(spent: float, estimate: float | None, cap: float | None) -> bool:
    """May a job estimated at ``estimate`` be sent when ``spent`` is already committed?"""
    if cap is None:
        return True
    if estimate is None:
        return False
    return spent + estimate <= cap + _CENT


@dataclass(frozen=True, slots=True)
class RenderTimes:
    """Median render seconds by (connection kind, model, seconds), from the library."""

    medians: Mapping[tuple[str, str, int], float] = field(default_factory=dict)

    @classmethod
    def from_store(cls, store: JobStore, limit: int = HISTORY_JOBS) -> RenderTimes:
        samples: dict[tuple[str, str, int], list[float]] = {}
        with store.reading() as conn:
            rows = conn.execute(
                "SELECT conn_kind, model, seconds, completed_at - submitted_at FROM jobs "
                "WHERE status = 'ready' AND submitted_at IS NOT NULL "
                "AND completed_at > submitted_at ORDER BY seq DESC LIMIT ?",
                (int(limit),),
            ).fetchall()
        for kind, model, seconds, took in rows:
            samples.setdefault((str(kind), str(model), int(seconds)), []).append(float(took))
        return cls({k: statistics.median(v) for k, v in samples.items() if len(v) >= MIN_SAMPLES})

    def estimate(self, request: VideoRequest, connection: Connection) -> float:
        known = self.medians.get((connection.kind.value, request.model, request.seconds))
        if known is not None:
            return known
        if connection.kind is ConnectionKind.SIMULATOR:
            return SIMULATOR_SECONDS
        return SERVICE_BASE_SECONDS + SERVICE_SECONDS_PER_SECOND * request.seconds


def batch_seconds(durations: Iterable[float], concurrency: int) -> float:
    """How long jobs of these durations take when sent in order to ``concurrency`` slots
    (each job starts when the first slot frees)."""
    slots = [0.0] * max(1, concurrency)
    end = 0.0
    for took in durations:
        start = heapq.heappop(slots)
        finish = start + took
        end = max(end, finish)
        heapq.heappush(slots, finish)
    return end
