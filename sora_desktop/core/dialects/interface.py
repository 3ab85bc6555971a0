"""The dialect interface: what the job runner and the service need of a video API.

:class:`Dialect` is implemented by :class:`~sora_desktop.core.client.VideoClient` (the
OpenAI Videos API) and by the fal, Replicate and Runway dialects (on ``base.py``'s
:class:`~sora_desktop.core.dialects.base.ProviderClient`); :func:`make_dialect` picks one
per connection. These names are importable from ``base.py`` too.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from sora_desktop.core.models import Connection, VideoRequest
from sora_desktop.core.remote_video import RemoteVideo
from sora_desktop.core.wire import Polled

ProgressCallback = Callable[[int, int | None], None]
Taken = Callable[[str], bool]


@dataclass(frozen=True, slots=True)
class ConnectionFacts:
    """What one cheap authenticated call learned ("Test connection")."""

    videos_listed: int = 0
    #: plain facts to show, e.g. (("Account", "studio-a"), ("Credits", "1200"))
    facts: tuple[tuple[str, str], ...] = ()


class Dialect(Protocol):
    """What the job runner and the service need of a video API."""

    connection: Connection

    @property
    def provider_name(self) -> str: ...

    @property
    def dashboard_url(self) -> str | None:
        """Where the creator sees their jobs and bill at the provider (None: none known)."""
        ...

    async def create(self, request: VideoRequest) -> Polled:
        """Start one render. Sent once: a lost reply goes to :meth:`find_created`."""
        ...

    async def remix(self, video_id: str, prompt: str) -> Polled: ...

    async def extend(self, video_id: str, prompt: str, seconds: int) -> Polled:
        """Continue a finished video by ``seconds`` (``POST /videos/extensions``). Sent once,
        like a create."""
        ...

    async def retrieve(self, remote_id: str) -> Polled: ...

    async def find_created(
        self, request: VideoRequest, submitted_at: float, *, now: float, taken: Taken
    ) -> RemoteVideo | None:
        """The job a create whose reply was lost made, or None when the provider proves it
        made none. Raises :class:`OutcomeUnknownError` where the provider can't say."""
        ...

    async def cancel(self, remote_id: str) -> None: ...

    async def delete(self, remote_id: str) -> None: ...

    async def download(
        self,
        video_id: str,
        dest: Path,
        *,
        variant: str = "video",
        on_progress: ProgressCallback | None = None,
    ) -> int: ...

    async def check(self) -> ConnectionFacts: ...

    async def aclose(self) -> None: ...
