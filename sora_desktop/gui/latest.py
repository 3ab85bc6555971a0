"""Only the latest read is shown.

A panel reads the library in worker threads (``Operations``), and two reads started one after
the other may end in either order. Shown as they end, the earlier read's older state can come
last and stay on screen with nothing to correct it (a ready row left "running"). A panel
takes a ticket when it starts a read of some kind and shows the result only while that
ticket is still the latest of its kind::

    ticket = self._reads.start("rows")
    ops.batch_rows(...).success(lambda rows: self._show(rows, ticket)).run_in_background()
    ...
    if not self._reads.is_latest("rows", ticket): return
"""

from __future__ import annotations

from collections.abc import Hashable


class LatestReads:
    """Tickets per kind of read (any hashable: ``"rows"``, ``("job", job_id)``)."""

    def __init__(self) -> None:
        self._started: dict[Hashable, int] = {}

    def start(self, kind: Hashable) -> int:
        """A ticket for a read of ``kind`` starting now (it supersedes the earlier ones)."""
        ticket = self._started.get(kind, 0) + 1
        self._started[kind] = ticket
        return ticket

    def is_latest(self, kind: Hashable, ticket: int) -> bool:
        """Is ``ticket`` the latest read of ``kind`` started? (False: a newer read will show
        a newer state, so this result is dropped.)"""
        return self._started.get(kind) == ticket
