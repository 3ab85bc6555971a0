"""A video as a provider's server reports it (``RemoteVideo``, ``RemoteError``).

The dialects (``core/wire.py``, ``core/dialects/``) parse the server's replies into these; the
job runner and reconciliation read them. They live apart from ``core/models.py`` because the
window's first frame never meets one: on Python 3.11 each dataclass compiles its generated
methods with ``exec`` when its module is imported (~3.6 and ~6.9 M instructions for these
two), so they are made when the client is first imported, after the first paint.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class RemoteError:
    """Why the server failed a video, in its own words."""

    code: str | None
    message: str
    #: the provider whose words ``message`` is (e.g. "Runway"), shown beside the app's own
    #: explanation; None for the Videos API dialect
    source: str | None = None


@dataclass(frozen=True, slots=True)
class RemoteVideo:
    """A Video object as the server sent it, leniently parsed (unknown statuses kept as text)."""

    id: str
    status: str  # queued | in_progress | completed | failed | anything else (forward compat)
    progress: int = 0
    model: str | None = None
    prompt: str | None = None
    size: str | None = None
    seconds: str | None = None
    created_at: int | None = None
    completed_at: int | None = None
    expires_at: int | None = None
    remixed_from_video_id: str | None = None
    error: RemoteError | None = None
    #: what the provider says while the job waits (e.g. Runway's THROTTLED, fal's queue
    #: position), for the creator
    note: str | None = None
