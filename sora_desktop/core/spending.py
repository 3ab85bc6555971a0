"""Estimated spending: what a job is expected to cost, and running totals from the library.

A job's estimate is made when it is submitted (:func:`estimate_job_cost`, stored in
``Job.estimated_cost``) from the archived per-second prices in :mod:`.capabilities`. A
simulator never bills: its jobs cost 0. A model without a known price has no estimate
(``None``); totals count such jobs separately instead of guessing.

:meth:`JobStore.spending <sora_desktop.core.store.JobStore.spending>` adds the stored
estimates up per connection and per calendar month (local time) over the jobs the service
accepted (those with a remote id): a failed render may or may not be billed, and the
service's own bill is always the truth.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sora_desktop.core.capabilities import capabilities_for
from sora_desktop.core.models import Connection, ConnectionKind, VideoRequest


def estimate_cost(
    model: str, size: str, seconds: int, kind: ConnectionKind, *, audio: bool | None = None
) -> float | None:
    """US dollars a video of this model, size and length is expected to cost, or None.

    The provider kinds' prices come from the model catalogue (``core/catalogue.py``); a
    model it doesn't price, or doesn't list, has no estimate."""
    if kind is ConnectionKind.SIMULATOR:
        return 0.0
    if kind.is_provider:
        from sora_desktop.core.catalogue import load_catalogue

        listed = load_catalogue().get(kind, model.split(":", 1)[0])
        return None if listed is None else listed.estimate_cost(size, seconds, audio)
    caps = capabilities_for(model, azure=kind is ConnectionKind.AZURE)
    return caps.estimate_cost(size, seconds)


def estimate_job_cost(request: VideoRequest, connection: Connection) -> float | None:
    """The estimate stored with a job when it is submitted (an extension through a
    provider model's own endpoint: that endpoint's price for the seconds it adds)."""
    if request.extend_video is not None and connection.kind.is_provider:
        from sora_desktop.core.provider_extend import extension_cost

        return extension_cost(connection.kind, request)
    return estimate_cost(
        request.model, request.size, request.seconds, connection.kind, audio=request.audio
    )


@dataclass(frozen=True, slots=True)
class SpendingLine:
    """The estimated spending of one connection in one month."""

    month: str  # "2026-11" (local time)
    connection: str  # the library's connection key: profile id, or base URL
    kind: ConnectionKind
    base_url: str
    videos: int  # jobs the service accepted
    estimated: float  # US dollars, the sum of the known estimates
    unpriced: int  # jobs without an estimate (unknown price)

    @property
    def free(self) -> bool:
        """A simulator: nothing is billed."""
        return self.kind is ConnectionKind.SIMULATOR


@dataclass(frozen=True, slots=True)
class SpendingTotals:
    """Running totals over :class:`SpendingLine` s (newest month first)."""

    lines: tuple[SpendingLine, ...]

    @classmethod
    def of(cls, lines: Iterable[SpendingLine]) -> SpendingTotals:
        return cls(tuple(sorted(lines, key=lambda li: (li.month, li.connection), reverse=True)))

    @property
    def total(self) -> float:
        return round(sum(li.estimated for li in self.lines), 2)

    @property
    def unpriced(self) -> int:
        return sum(li.unpriced for li in self.lines)

    def months(self) -> list[str]:
        return sorted({li.month for li in self.lines}, reverse=True)

    def month_total(self, month: str) -> float:
        return round(sum(li.estimated for li in self.lines if li.month == month), 2)

    def by_connection(self) -> dict[str, float]:
        """Connection key -> estimated dollars over all months."""
        out: dict[str, float] = {}
        for li in self.lines:
            out[li.connection] = round(out.get(li.connection, 0.0) + li.estimated, 2)
        return out
