"""Fakes for the GenerationService unit tests: a scripted client, a fake clock and sleep.

The fake client keeps a tiny "server": the videos its creates made. Scripts say what each
create/retrieve/list call does next; exhausted scripts repeat their last entry.
"""

from __future__ import annotations

import asyncio
import itertools
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from sora_desktop.core.dialects.base import ConnectionFacts
from sora_desktop.core.errors import NetworkError, SoraError
from sora_desktop.core.models import Connection, ConnectionKind, JobStatus, VideoRequest
from sora_desktop.core.paths import AppPaths
from sora_desktop.core.reconcile import WINDOW, find_created
from sora_desktop.core.remote_video import RemoteVideo
from sora_desktop.core.service import GenerationService
from sora_desktop.core.store import JobStore
from sora_desktop.core.wire import Polled, VideoPage

SIM = Connection(kind=ConnectionKind.SIMULATOR, base_url="http://127.0.0.1:9/v1")
REQUEST = VideoRequest(prompt="a red kite over green hills", size="1280x720", seconds=4)
MP4_BYTES = b"\x00\x00\x00\x18ftypmp42" + b"\x00" * 64


class FakeClock:
    def __init__(self, start: float = 1_800_000_000.0) -> None:
        self.now = start
        self.sleeps: list[float] = []

    def __call__(self) -> float:
        return self.now

    async def sleep(self, delay: float) -> None:
        self.sleeps.append(delay)
        self.now += delay
        await asyncio.sleep(0)


@dataclass
class Step:
    """One scripted reply to retrieve(): a status (and fields) or an error to raise."""

    status: str = "in_progress"
    progress: int = 50
    poll_after: float | None = None
    error: SoraError | None = None
    fields: dict[str, Any] = field(default_factory=dict)


class FakeClient:
    """Scripted stand-in for VideoClient. ``create_script`` entries:

    - "ok": make the video and answer;
    - "lost": make the video, then raise a NetworkError that may have reached the server;
    - "lost-nothing": raise that error without making anything (the reply and request lost);
    - "refused": raise NetworkError(may_have_reached_server=False), make nothing;
    - a SoraError instance: raise it, make nothing.
    """

    def __init__(self, clock: FakeClock) -> None:
        self.clock = clock
        self.videos: dict[str, RemoteVideo] = {}
        self.create_script: list[Any] = ["ok"]
        self.poll_script: list[Step] = [Step("completed", 100)]
        self.list_errors: list[SoraError] = []
        self.calls: list[str] = []
        self.on_create: Callable[[VideoRequest], None] | None = None
        self.retrieve_gate: asyncio.Event | None = None
        self.retrieve_entered = asyncio.Event()
        self.closed = False
        self._ids = itertools.count(1)
        self._create_n = 0
        self._poll_n = 0

    # -- scripted server ------------------------------------------------------------
    def _make(self, request: VideoRequest) -> RemoteVideo:
        video = RemoteVideo(
            id=f"video_{next(self._ids)}",
            status="queued",
            model=request.model,
            prompt=request.prompt,
            size=request.size,
            seconds=str(request.seconds),
            created_at=int(self.clock()),
            remixed_from_video_id=request.remix_of,
        )
        self.videos[video.id] = video
        return video

    async def create(self, request: VideoRequest) -> Polled:
        self.calls.append("create")
        if self.on_create is not None:
            self.on_create(request)
        action = self.create_script[min(self._create_n, len(self.create_script) - 1)]
        self._create_n += 1
        if isinstance(action, SoraError):
            raise action
        if action == "refused":
            raise NetworkError("Connection refused.", may_have_reached_server=False)
        if action == "lost-nothing":
            raise NetworkError("The connection was reset.")
        video = self._make(request)
        if action == "lost":
            raise NetworkError("The connection was reset.")
        return Polled(video=video, poll_after=None)

    async def remix(self, video_id: str, prompt: str) -> Polled:
        self.calls.append("remix")
        source = self.videos[video_id]
        request = VideoRequest(
            prompt=prompt,
            model=source.model or "sora-2",
            size=source.size or "720x1280",
            seconds=int(source.seconds or 4),
            remix_of=video_id,
        )
        return Polled(video=self._make(request), poll_after=None)

    async def retrieve(self, video_id: str) -> Polled:
        self.calls.append("retrieve")
        self.retrieve_entered.set()
        if self.retrieve_gate is not None:
            await self.retrieve_gate.wait()
        step = self.poll_script[min(self._poll_n, len(self.poll_script) - 1)]
        self._poll_n += 1
        if step.error is not None:
            raise step.error
        video = replace(self.videos[video_id], status=step.status, progress=step.progress)
        if step.status == "completed":
            video = replace(
                video,
                completed_at=int(self.clock()),
                expires_at=int(self.clock()) + 3600,
            )
        if step.fields:
            video = replace(video, **step.fields)
        self.videos[video_id] = video
        return Polled(video=video, poll_after=step.poll_after)

    async def list_recent(self, *, since: float | None = None, max_pages: int = 10) -> list[Any]:
        self.calls.append("list")
        if self.list_errors:
            raise self.list_errors.pop(0)
        return [
            v
            for v in sorted(self.videos.values(), key=lambda v: -(v.created_at or 0))
            if since is None or v.created_at is None or v.created_at >= since
        ]

    async def find_created(
        self, request: VideoRequest, submitted_at: float, *, now: float, taken: Any
    ) -> RemoteVideo | None:
        videos = await self.list_recent(since=submitted_at - WINDOW)
        return find_created(request, submitted_at, videos, now=now, taken=taken)

    async def check(self) -> ConnectionFacts:
        page = await self.list_page()
        return ConnectionFacts(videos_listed=len(page.data))

    async def cancel(self, video_id: str) -> None:
        self.calls.append("cancel")

    async def list_page(self, **_: Any) -> VideoPage:
        self.calls.append("list_page")
        return VideoPage(data=list(self.videos.values()), has_more=False, last_id=None)

    async def delete(self, video_id: str) -> None:
        self.calls.append("delete")
        self.videos.pop(video_id, None)

    async def aclose(self) -> None:
        self.closed = True


class Harness:
    """A service over a real SQLite store with the fake client, clock and downloader."""

    def __init__(self, tmp_path: Path, **service_kw: Any) -> None:
        self.paths = AppPaths.default(tmp_path / "appdata")
        self.paths.ensure()
        self.store = JobStore(self.paths.db_path)
        self.clock = FakeClock()
        self.client = FakeClient(self.clock)
        self.factory_calls: list[tuple[Connection, str | None]] = []
        self.downloads: list[str] = []
        self.download_error: SoraError | None = None
        self.events: list[Any] = []

        def factory(connection: Connection, key: str | None) -> Any:
            self.factory_calls.append((connection, key))
            return self.client

        async def downloader(
            client: Any, remote_id: str, final: Path, partial_dir: Path, **kw: Any
        ) -> Path:
            self.downloads.append(remote_id)
            if self.download_error is not None:
                raise self.download_error
            on_progress = kw.get("on_progress")
            if on_progress is not None:
                on_progress(len(MP4_BYTES) // 2, len(MP4_BYTES))
                on_progress(len(MP4_BYTES) // 2, len(MP4_BYTES))  # same percent again
                on_progress(len(MP4_BYTES), len(MP4_BYTES))
            final.write_bytes(MP4_BYTES)  # noqa: ASYNC240
            return final

        async def thumbnailer(client: Any, remote_id: str, video: Path, dest: Path) -> Path:
            dest.write_bytes(b"thumb")  # noqa: ASYNC240
            return dest

        service_kw.setdefault("key_lookup", lambda _source: None)
        self.service = GenerationService(
            self.store,
            self.paths,
            client_factory=factory,
            clock=self.clock,
            sleep=self.clock.sleep,
            downloader=downloader,
            thumbnailer=thumbnailer,
            **service_kw,
        )
        self.service.subscribe(self.events.append)

    def statuses(self) -> list[JobStatus]:
        return [e.status for e in self.events]

    async def close(self) -> None:
        await self.service.shutdown()
        self.store.close()
