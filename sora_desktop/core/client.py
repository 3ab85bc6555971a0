"""The one HTTP client of the OpenAI Videos API dialect (OpenAI, Azure, gateways, simulator).

It is one implementation of the engine's dialect interface
(:class:`sora_desktop.core.dialects.base.Dialect`); fal, Replicate and Runway have theirs in
``core/dialects/``.

One :class:`VideoClient` per connection and key holds one ``httpx.AsyncClient`` (one
connection pool) shared by every job, and for downloads, which each run in a thread of their
own, one ``httpx.Client`` with the same settings (proxy, TLS context, redirects, key guard).
It never retries anything itself — least of all a create, which could start a second paid
job — and turns every HTTP or transport failure into the error taxonomy of
:mod:`sora_desktop.core.errors`. The API key goes into one request header and nowhere else:
not into messages, not into logs.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

import httpx

from sora_desktop.core.download import (
    ProgressCallback,
    Stopper,
    content_range,
    run_in_own_thread,
    stream_to_file,
)
from sora_desktop.core.errors import (
    InvalidRequestError,
    ServiceUnavailableError,
    SoraError,
)
from sora_desktop.core.i18n import _
from sora_desktop.core.models import AuthStyle, Connection, VideoRequest
from sora_desktop.core.reconcile import WINDOW, find_created
from sora_desktop.core.remote_video import RemoteVideo
from sora_desktop.core.tls import shared_context
from sora_desktop.core.transport import (
    DEFAULT_TIMEOUT,
    AsyncClosing,
    drop_credentials_off,
    existing_size,
    network_error,
    origin_of,
    user_agent,
    validate_base_url,
)
from sora_desktop.core.wire import (
    Polled,
    VideoPage,
    WireFormatError,
    error_from_response,
    parse_page,
    parse_poll_after,
    parse_video,
)

if TYPE_CHECKING:
    from sora_desktop.core.dialects.base import ConnectionFacts
    from sora_desktop.core.entra import EntraToken

__all__ = [
    "Polled",
    "VideoClient",
    "VideoPage",
    "network_error",
    "validate_base_url",
]

log = logging.getLogger(__name__)

#: Downloads of one client that receive at once, each in its own thread; the others wait
#: their turn on the event loop. Every receiving thread competes for the GIL with the GUI
#: thread (and the built-in simulator's sending threads): twenty at once made the GUI's
#: waits for the GIL longer. Two keep a fast link busy; a slow one is shared anyway.
DOWNLOAD_THREADS = 2


# --------------------------------------------------------------------------- images


def _image_part(path: Path) -> tuple[str, bytes, str]:
    data = path.read_bytes()
    if data.startswith(b"\xff\xd8\xff"):
        content_type = "image/jpeg"
    elif data.startswith(b"\x89PNG\r\n\x1a\n"):
        content_type = "image/png"
    elif data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        content_type = "image/webp"
    else:
        raise InvalidRequestError(
            _("The reference image {name!r} is not a JPEG, PNG or WebP file.").format(
                name=path.name
            ),
            _("Pick a JPEG, PNG or WebP image."),
            param="input_reference",
        )
    suffix = {"image/jpeg": ".jpg", "image/png": ".png", "image/webp": ".webp"}[content_type]
    name = path.name if path.suffix.lower() in (suffix, ".jpeg") else path.stem + suffix
    return name, data, content_type


# --------------------------------------------------------------------------- the client


class VideoClient(AsyncClosing):
    """Talks to one endpoint with one key through one connection pool."""

    provider_name = "Videos API"
    #: the Videos API names no dashboard (a gateway's or Azure's differ)
    dashboard_url: str | None = None

    def __init__(
        self,
        connection: Connection,
        api_key: str | None,
        *,
        transport: httpx.AsyncBaseTransport | None = None,
        timeout: httpx.Timeout | None = None,
    ) -> None:
        self.connection = connection
        self.base_url = validate_base_url(connection.base_url)
        self._secret = api_key or None
        self._origin = origin_of(httpx.URL(self.base_url))
        headers = {"Accept": "application/json", "User-Agent": user_agent()}
        #: a Microsoft Entra ID token instead of a key (fetched, and refreshed, per request)
        self._entra: EntraToken | None = None
        if connection.auth_style is AuthStyle.ENTRA:
            from sora_desktop.core.entra import token_for

            self._entra = token_for(connection)
        elif api_key:
            if connection.auth_style is AuthStyle.API_KEY:
                headers["api-key"] = api_key
            else:
                headers["Authorization"] = f"Bearer {api_key}"
        if transport is not None and not isinstance(transport, httpx.BaseTransport):
            raise TypeError("the transport must serve both httpx.Client and AsyncClient")
        self._transport = transport
        # every client shares one TLS context: loading the CA bundle costs ~0.15 s of CPU
        self._settings: dict[str, Any] = {
            "base_url": self.base_url + "/",
            "headers": headers,
            "timeout": timeout or DEFAULT_TIMEOUT,
            "trust_env": True,
            "verify": shared_context(),
            "follow_redirects": True,
        }
        if connection.proxy and transport is None:
            self._settings["proxy"] = connection.proxy
        self._http = httpx.AsyncClient(
            transport=transport,
            event_hooks={"request": [self._guard_credentials]},
            **self._settings,
        )
        self._blocking: httpx.Client | None = None
        self._download_slots = asyncio.Semaphore(DOWNLOAD_THREADS)

    def _drop_if_foreign(self, request: httpx.Request) -> bool:
        """Never send the key to another origin: a redirect (e.g. content served from a CDN)
        would otherwise carry the ``api-key`` header along. True when the request leaves
        the connection's origin."""
        return drop_credentials_off(self._origin, request)

    def _strip_foreign_credentials(self, request: httpx.Request) -> None:
        """The blocking client's hook (downloads, in their own threads): a signed-in
        connection's token is fetched there if needed."""
        if not self._drop_if_foreign(request) and self._entra is not None:
            request.headers["Authorization"] = f"Bearer {self._entra.get()}"

    async def _guard_credentials(self, request: httpx.Request) -> None:
        """The event loop's hook: a signed-in connection's token fresh for every request
        (refreshed before it expires, without blocking the loop)."""
        if not self._drop_if_foreign(request) and self._entra is not None:
            request.headers["Authorization"] = f"Bearer {await self._entra.bearer()}"

    def _blocking_client(self) -> httpx.Client:
        """The client downloads use from their own threads (made at the first download)."""
        if self._blocking is None:
            transport = self._transport
            self._blocking = httpx.Client(
                transport=transport if isinstance(transport, httpx.BaseTransport) else None,
                event_hooks={"request": [self._strip_foreign_credentials]},
                **self._settings,
            )
        return self._blocking

    # -- lifecycle

    async def aclose(self) -> None:
        await self._http.aclose()
        if self._blocking is not None:
            self._blocking.close()

    # -- plumbing

    async def _send(self, method: str, path: str, **kwargs: Any) -> httpx.Response:
        try:
            response = await self._http.request(method, path, **kwargs)
        except httpx.TransportError as exc:
            log.info("%s %s failed: %s", method, path, type(exc).__name__)
            raise network_error(exc) from None
        if response.status_code >= 400:
            log.info("%s %s -> HTTP %s", method, path, response.status_code)
            raise self._http_error(response, context="video")
        return response

    def _http_error(self, response: httpx.Response, *, context: str) -> SoraError:
        return error_from_response(
            response.status_code,
            response.headers,
            response.content,
            reason=response.reason_phrase,
            context=context,
            secret=self._secret,
        )

    @staticmethod
    def _json(response: httpx.Response) -> Any:
        try:
            return response.json()
        except (ValueError, UnicodeDecodeError):
            raise ServiceUnavailableError(
                _(
                    "The server answered HTTP {status} with something that is not the video "
                    "API (not JSON)."
                ).format(status=response.status_code),
                _(
                    "Check the base URL of this connection; a proxy or captive portal may be "
                    "in the way."
                ),
                status_code=response.status_code,
            ) from None

    def _polled(self, response: httpx.Response) -> Polled:
        try:
            video = parse_video(self._json(response))
        except WireFormatError as exc:
            raise ServiceUnavailableError(
                _("The server's answer is not a video object ({detail}).").format(detail=exc),
                _("Check the base URL of this connection."),
                status_code=response.status_code,
            ) from None
        return Polled(video=video, poll_after=parse_poll_after(response.headers))

    @staticmethod
    def _video_path(video_id: str, suffix: str = "") -> str:
        return f"videos/{quote(video_id, safe='')}{suffix}"

    # -- the API

    async def create(self, request: VideoRequest) -> Polled:
        """Start one render. Sent once: a lost response must be reconciled, not resent."""
        if request.remix_of is not None:
            return await self.remix(request.remix_of, request.prompt)
        if request.extend_of is not None:
            return await self.extend(request.extend_of, request.prompt, request.seconds)
        fields = {
            "prompt": request.prompt,
            "model": request.model,
            "size": request.size,
            "seconds": str(request.seconds),
        }
        if request.reference_image is None:
            response = await self._send("POST", "videos", json=fields)
        else:
            try:
                part = await asyncio.to_thread(_image_part, request.reference_image)
            except OSError as exc:
                raise InvalidRequestError(
                    _("The reference image can't be read ({detail}).").format(
                        detail=exc.strerror or exc
                    ),
                    _("Pick the image again."),
                    param="input_reference",
                ) from None
            response = await self._send(
                "POST", "videos", data=fields, files={"input_reference": part}
            )
        return self._polled(response)

    async def retrieve(self, video_id: str) -> Polled:
        return self._polled(await self._send("GET", self._video_path(video_id)))

    async def list_page(
        self, *, after: str | None = None, limit: int = 100, order: str = "desc"
    ) -> VideoPage:
        params: dict[str, str | int] = {"limit": max(0, min(limit, 100)), "order": order}
        if after:
            params["after"] = after
        response = await self._send("GET", "videos", params=params)
        try:
            return parse_page(self._json(response))
        except WireFormatError as exc:
            raise ServiceUnavailableError(
                _("The server's answer is not a list of videos ({detail}).").format(detail=exc),
                _("Check the base URL of this connection."),
                status_code=response.status_code,
            ) from None

    async def list_recent(
        self, *, since: float | None = None, max_pages: int = 10
    ) -> list[RemoteVideo]:
        """Newest first, stopping at videos created before ``since`` (unix seconds)."""
        found: list[RemoteVideo] = []
        after: str | None = None
        for _page in range(max(1, max_pages)):
            page = await self.list_page(after=after, limit=100, order="desc")
            reached_older = False
            for video in page.data:
                if since is not None and video.created_at is not None and video.created_at < since:
                    reached_older = True
                    continue
                found.append(video)
            if reached_older or not page.has_more or not page.last_id or page.last_id == after:
                break
            after = page.last_id
        return found

    async def find_created(
        self,
        request: VideoRequest,
        submitted_at: float,
        *,
        now: float,
        taken: Callable[[str], bool],
    ) -> RemoteVideo | None:
        """The video a create whose reply was lost made, from ``GET /videos`` since
        ``submitted_at - WINDOW`` (core/reconcile.py); None when the list has none."""
        videos = await self.list_recent(since=submitted_at - WINDOW)
        return find_created(request, submitted_at, videos, now=now, taken=taken)

    async def cancel(self, video_id: str) -> None:
        """The Videos API has no cancel: nothing is sent (the render runs to its end)."""

    async def check(self) -> ConnectionFacts:
        """One list call: reachable, key accepted ("Test connection")."""
        from sora_desktop.core.dialects.base import ConnectionFacts

        page = await self.list_page(limit=20)
        return ConnectionFacts(videos_listed=len(page.data))

    async def remix(self, video_id: str, prompt: str) -> Polled:
        response = await self._send(
            "POST", self._video_path(video_id, "/remix"), json={"prompt": prompt}
        )
        return self._polled(response)

    async def extend(self, video_id: str, prompt: str, seconds: int) -> Polled:
        """Continue a finished video (``POST /videos/extensions``): a new job whose clip is
        the source followed by ``seconds`` more. Sent once, like a create."""
        response = await self._send(
            "POST",
            "videos/extensions",
            json={"prompt": prompt, "seconds": str(seconds), "video": {"id": video_id}},
        )
        return self._polled(response)

    async def delete(self, video_id: str) -> None:
        await self._send("DELETE", self._video_path(video_id))

    async def download(
        self,
        video_id: str,
        dest: Path,
        *,
        variant: str = "video",
        on_progress: ProgressCallback | None = None,
    ) -> int:
        """Stream one asset into ``dest``; returns the file's length in bytes.

        When ``dest`` already holds bytes, asks for the rest with ``Range`` and appends on
        206, rewrites on 200. A stream cut short raises :class:`NetworkError` with the bytes
        received kept in ``dest``, so calling again resumes. At most
        :data:`DOWNLOAD_THREADS` downloads of this client receive at once; a cancel while
        waiting for a turn starts nothing.
        """
        async with self._download_slots:
            existing = await asyncio.to_thread(existing_size, dest)
            http = self._blocking_client()

            def work(progress: ProgressCallback, stopper: Stopper) -> int:
                return self._download_blocking(
                    http, video_id, dest, variant, existing, progress, stopper
                )

            return await run_in_own_thread(work, on_progress)

    def _download_blocking(
        self,
        http: httpx.Client,
        video_id: str,
        dest: Path,
        variant: str,
        existing: int,
        on_progress: ProgressCallback,
        stopper: Stopper,
    ) -> int:
        """:meth:`download`'s request and receive, in the download's own thread."""
        headers = {"Accept": "*/*", "Accept-Encoding": "identity"}
        if existing:
            headers["Range"] = f"bytes={existing}-"
        path = self._video_path(video_id, "/content")
        try:
            with http.stream("GET", path, params={"variant": variant}, headers=headers) as response:
                stopper.watch(response)
                try:
                    if response.status_code == 416 and existing:
                        total = content_range(response.headers.get("content-range"))[2]
                        if total == existing:
                            on_progress(existing, existing)
                            return existing
                        dest.unlink(missing_ok=True)
                        restart = True
                    else:
                        restart = False
                        if response.status_code >= 400:
                            response.read()
                            raise self._http_error(response, context="content")
                        return stream_to_file(response, dest, existing, on_progress, stopper)
                finally:
                    stopper.unwatch()
        except httpx.TransportError as exc:
            stopper.check()
            log.info("download of %s interrupted: %s", variant, type(exc).__name__)
            raise network_error(exc) from None
        if restart:
            existing = existing_size(dest)
            return self._download_blocking(
                http, video_id, dest, variant, existing, on_progress, stopper
            )
        raise AssertionError("unreachable")
