"""One step of a job's status history (``Job.history``): the library reads and writes these.

Apart from ``core/models.py`` so that the window's first frame, which reads no history,
does not make the dataclass (its generated methods are compiled when its module is
imported); the library (``core/store.py``) imports it after the first paint.
"""

from __future__ import annotations

from dataclasses import dataclass

from sora_desktop.core.models import JobStatus


@dataclass(frozen=True, slots=True)
class StatusChange:
    """One step of a job's status history (``Job.history``), as the library keeps it."""

    status: JobStatus
    at: float  # unix seconds
    note: str | None = None
