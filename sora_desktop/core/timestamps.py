"""Times as written for scripts and other programs: ISO 8601 in UTC, with the offset.

The library keeps Unix seconds; everything that leaves the app as data (``history --json``,
export sidecars) writes them with :func:`iso_time`, e.g. ``2026-11-03T09:41:07+00:00``.
"""

from __future__ import annotations

from datetime import UTC, datetime


def iso_time(ts: float | None) -> str | None:
    """``ts`` (Unix seconds) as ISO 8601 in UTC to the second; None stays None."""
    if ts is None:
        return None
    return datetime.fromtimestamp(ts, tz=UTC).isoformat(timespec="seconds")
