"""What the three provider dialects share (and the dialect interface, from ``interface.py``).

:class:`ProviderClient` holds one ``httpx.AsyncClient`` for the connection's own origin
(the key goes in one header there, and is stripped from any request to another origin) and
a second client **without credentials** for everything else: result files on CDN hosts and
upload URLs. It never retries a create; every failure becomes the app's error taxonomy
(``.errors``). Result files are streamed into ``.part`` files with ``Range`` resume by
:func:`sora_desktop.core.download.download_video`, which calls :meth:`download`. Images go
inline as data URIs (``image_data.py``) or through the provider's upload.
"""

from __future__ import annotations

import asyncio
import logging
from pathlib import Path
from typing import Any

import httpx

from sora_desktop.core.catalogue import CatalogueModel, model_for
from sora_desktop.core.dialects.errors import provider_error, upload_failed
from sora_desktop.core.dialects.image_data import as_jpeg, data_uri, image_mime
from sora_desktop.core.dialects.interface import (
    ConnectionFacts,
    Dialect,
    ProgressCallback,
    Taken,
)
from sora_desktop.core.dialects.schemas import SchemaCache
from sora_desktop.core.download import astream_to_file, content_range
from sora_desktop.core.errors import (
    AssetExpiredError,
    InvalidRequestError,
    NotFoundError,
    OutcomeUnknownError,
    RemoteJobFailedError,
    ServiceUnavailableError,
    SoraError,
)
from sora_desktop.core.i18n import _
from sora_desktop.core.models import Connection, VideoRequest
from sora_desktop.core.profiles import is_loopback_host
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
)
from sora_desktop.core.transport import validate_base_url as _validate_base_url
from sora_desktop.core.wire import Polled

log = logging.getLogger(__name__)

#: a failed image upload (a 5xx, a dropped connection, a 429) is tried again after each of
#: these waits (seconds), longer if the provider asks: an upload is free and goes before
#: the paid create, so trying it again costs nothing
UPLOAD_RETRY_WAITS_S = (1.0, 4.0)

__all__ = [
    "ConnectionFacts",
    "Dialect",
    "ProgressCallback",
    "ProviderClient",
    "Taken",
    "data_uri",
    "image_mime",
    "iso_seconds",
    "result_url_problem",
]


def result_url_problem(url: str) -> str | None:
    """Why a result URL may not be fetched (None: it may): https only, http on loopback."""
    try:
        parsed = httpx.URL(url)
    except (httpx.InvalidURL, TypeError, ValueError):
        return _("the result address {url!r} is not a URL").format(url=url[:200])
    if parsed.scheme == "https" and parsed.host:
        return None
    if parsed.scheme == "http" and parsed.host and is_loopback_host(parsed.host):
        return None
    return _("the result address {url!r} is not encrypted (https)").format(url=url[:200])


class ProviderClient(AsyncClosing):
    """Shared plumbing of the fal, Replicate and Runway dialects."""

    provider_name = "provider"
    dashboard_url: str | None = None
    #: largest image (bytes) sent inline as a data URI; larger ones go through the upload
    data_uri_limit = 5 * 1024 * 1024

    def __init__(
        self,
        connection: Connection,
        api_key: str | None,
        *,
        transport: httpx.AsyncBaseTransport | None = None,
        timeout: httpx.Timeout | None = None,
        schema_cache: SchemaCache | None = None,
    ) -> None:
        self.connection = connection
        self.base_url = _validate_base_url(connection.base_url)
        self._secret = api_key or None
        self._origin = origin_of(httpx.URL(self.base_url))
        self._schemas = schema_cache
        kwargs: dict[str, Any] = {}
        if connection.proxy and transport is None:
            kwargs["proxy"] = connection.proxy
        #: what every client of this connection shares (proxy, timeout, TLS, transport)
        self._client_options: dict[str, Any] = {
            "timeout": timeout or DEFAULT_TIMEOUT,
            "transport": transport,
            "trust_env": True,
            "verify": shared_context(),  # the CA bundle loaded once per process (core/tls.py)
            **kwargs,
        }
        self._http = self.keyed_client(self.base_url, api_key)
        #: no credentials at all: result files, upload URLs (other hosts)
        self._public = httpx.AsyncClient(
            headers={"User-Agent": user_agent()},
            follow_redirects=True,
            **self._client_options,
        )
        self._models: dict[str, CatalogueModel] = {}

    def keyed_client(self, base_url: str, api_key: str | None) -> httpx.AsyncClient:
        """A client that sends the key to ``base_url``'s origin and to no other: a request
        (or a redirect) elsewhere goes without it. The connection's own client, and one for
        a provider's second host of its own (fal's REST host for storage tokens)."""
        origin = origin_of(httpx.URL(base_url))

        async def guard_credentials(request: httpx.Request) -> None:
            drop_credentials_off(origin, request)

        headers = {"Accept": "application/json", "User-Agent": user_agent()}
        headers.update(self.auth_headers(api_key))
        return httpx.AsyncClient(
            base_url=base_url.rstrip("/") + "/",
            headers=headers,
            follow_redirects=True,
            event_hooks={"request": [guard_credentials]},
            **self._client_options,
        )

    # -- to be given by each provider

    def auth_headers(self, api_key: str | None) -> dict[str, str]:
        return {"Authorization": f"Bearer {api_key}"} if api_key else {}

    async def _fetch_schema(self, model_id: str) -> dict[str, Any] | None:
        """The model's input schema from the provider (None: it has none to give)."""
        return None

    async def result_url(self, remote_id: str, *, refresh: bool = False) -> str:
        raise NotImplementedError

    # -- lifecycle

    async def aclose(self) -> None:
        await self._http.aclose()
        await self._public.aclose()

    # -- plumbing

    async def send(
        self, method: str, path: str, *, client: httpx.AsyncClient | None = None, **kwargs: Any
    ) -> httpx.Response:
        """One request to the connection's origin (or through ``client``, another of the
        provider's keyed clients); non-2xx raise the mapped error."""
        try:
            response = await (client or self._http).request(method, path, **kwargs)
        except httpx.TransportError as exc:
            log.info("%s %s failed: %s", method, path, type(exc).__name__)
            raise network_error(exc) from None
        if response.status_code >= 400:
            log.info("%s %s -> HTTP %s", method, path, response.status_code)
            raise self.http_error(response)
        return response

    def http_error(self, response: httpx.Response, *, context: str = "api") -> SoraError:
        return provider_error(
            self.connection.kind,
            response.status_code,
            response.headers,
            response.content,
            reason=response.reason_phrase,
            context=context,
            secret=self._secret,
        )

    def json(self, response: httpx.Response) -> Any:
        try:
            return response.json()
        except (ValueError, UnicodeDecodeError):
            raise ServiceUnavailableError(
                _(
                    "{provider} answered HTTP {status} with something that is not its API "
                    "(not JSON)."
                ).format(provider=self.provider_name, status=response.status_code),
                _(
                    "Check the base URL of this connection; a proxy or captive portal may be "
                    "in the way."
                ),
                status_code=response.status_code,
            ) from None

    def same_origin_path(self, url: str) -> str | None:
        """``url``'s path relative to the base URL when it is on the connection's origin
        (server-given URLs on another host are never sent the key)."""
        try:
            parsed = httpx.URL(url)
        except (httpx.InvalidURL, TypeError, ValueError):
            return None
        if origin_of(parsed) != self._origin:
            return None
        base_path = httpx.URL(self.base_url).path.rstrip("/")
        path = parsed.raw_path.decode("ascii", "replace")
        if not path.startswith(base_path + "/"):
            return None
        return path[len(base_path) + 1 :]

    # -- models

    async def model(self, model_id: str) -> CatalogueModel:
        """The catalogue entry, else one derived from the provider's schema (fetched and
        cached), else the plain one: a model whose schema can't be had still works."""
        known = self._models.get(model_id)
        if known is not None:
            return known
        from sora_desktop.core.catalogue import load_catalogue

        listed = load_catalogue().get(self.connection.kind, model_id)
        if listed is not None:
            return listed
        schema = await self.input_schema(model_id)
        model = model_for(self.connection.kind, model_id, schema=schema)
        self._models[model_id] = model
        return model

    async def input_schema(self, model_id: str) -> dict[str, Any] | None:
        """The model's input schema: from the cache while fresh, else fetched (a failed
        fetch falls back to a stale copy, then to None)."""
        cache = self._schemas
        key = (self.connection.kind.value, self.base_url, model_id)
        if cache is not None:
            fresh = await asyncio.to_thread(cache.get, key)
            if fresh is not None:
                return fresh
        try:
            schema = await self._fetch_schema(model_id)
        except SoraError as err:
            log.info("no schema for %s (%s)", model_id, err.kind)
            schema = None
        if schema is not None:
            if cache is not None:
                await asyncio.to_thread(cache.put, key, schema)
            return schema
        if cache is not None:
            return await asyncio.to_thread(cache.get, key, stale_ok=True)
        return None

    # -- what the runner calls that most providers lack

    async def remix(self, video_id: str, prompt: str) -> Polled:
        raise InvalidRequestError(
            _("{provider} can't remix videos.").format(provider=self.provider_name),
            _("Generate a new video instead."),
            param="model",
        )

    async def extend(self, video_id: str, prompt: str, seconds: int) -> Polled:
        # the storyboard's continuation (last frame -> a new shot -> stitched) extends clips
        # made here; this route is the Videos API's own endpoint
        raise InvalidRequestError(
            _("{provider} can't extend videos directly.").format(provider=self.provider_name),
            _("Use Extend's continuation: a new shot from the last frame, joined to the clip."),
            param="model",
        )

    async def find_created(
        self, request: VideoRequest, submitted_at: float, *, now: float, taken: Taken
    ) -> RemoteVideo | None:
        raise self.outcome_unknown()

    def outcome_unknown(self) -> OutcomeUnknownError:
        where = self.dashboard_url or self.provider_name
        return OutcomeUnknownError(
            _(
                "The reply to this request was lost, and {provider} has no way to tell whether "
                "it arrived: the video may have been made, and charged."
            ).format(provider=self.provider_name),
            _(
                "Look for it in your {provider} dashboard ({where}) before sending it again; "
                "sending again makes a new paid job."
            ).format(provider=self.provider_name, where=where),
            code="outcome_unknown",
        )

    # -- images in

    async def image_uri(self, path: Path, *, param: str) -> str:
        """An image (the start or end image, or an image field of the model's own settings)
        as the provider accepts it: a data URI within :attr:`data_uri_limit`, else uploaded
        (:meth:`upload`), else re-encoded as a smaller JPEG that fits the limit (refused,
        naming ``param``, when even that doesn't). Uploads are free: they happen before
        the paid create."""
        try:
            data = await asyncio.to_thread(path.read_bytes)
        except OSError as exc:
            raise InvalidRequestError(
                _("The image can't be read ({detail}).").format(detail=exc.strerror or exc),
                _("Pick the image again."),
                param=param,
            ) from None
        mime = image_mime(data)
        if mime is None:
            raise InvalidRequestError(
                _("The image {name!r} is not a JPEG, PNG or WebP file.").format(name=path.name),
                _("Pick a JPEG, PNG or WebP image."),
                param=param,
            )
        if len(data) * 4 // 3 + 64 <= self.data_uri_limit:
            return data_uri(data, mime)
        uploaded = await self.upload(path.name, data, mime)
        if uploaded is not None:
            return uploaded
        smaller = await asyncio.to_thread(as_jpeg, data, self.data_uri_limit)
        if smaller is None:
            raise InvalidRequestError(
                _(
                    "The image {name!r} is too large for {provider} ({mb:.1f} MB), even as a JPEG."
                ).format(name=path.name, provider=self.provider_name, mb=len(data) / 1e6),
                _("Pick a smaller image."),
                param=param,
            )
        return data_uri(smaller, "image/jpeg")

    async def param_images(self, request: VideoRequest) -> dict[str, str]:
        """The image fields of the model's own settings (``request.image_params``) as the
        provider accepts them, by field name: each goes the way of :meth:`image_uri`."""
        return {name: await self.image_uri(path, param=name) for name, path in request.image_params}

    @property
    def inline_mb(self) -> float:
        """The largest image (MB) sent inline as a data URI, without an upload."""
        return (self.data_uri_limit - 64) * 3 / 4 / 1e6

    async def upload(self, name: str, data: bytes, mime: str) -> str | None:
        """Upload an image too large for a data URI through the provider's own flow
        (:meth:`_upload`): its URI, or None (no upload flow). The upload goes before the
        paid create, so a failure that may pass (a 5xx, a dropped connection, a 429) is
        tried again after :data:`UPLOAD_RETRY_WAITS_S`; one that stays (or an answer that
        isn't one) fails the job here, saying nothing was charged (``upload_failed``): the
        job runner never takes it for a create whose reply was lost. A refused key stays
        what it is."""
        waits = iter(UPLOAD_RETRY_WAITS_S)
        while True:
            try:
                return await self._upload(name, data, mime)
            except SoraError as err:
                wait = next(waits, None) if err.retryable else None
                log.info(
                    "%s upload of %d bytes failed: %s%s",
                    self.provider_name,
                    len(data),
                    err.kind,
                    "" if wait is None else "; trying again",
                )
                if wait is None:
                    raise upload_failed(
                        err, provider=self.provider_name, name=name, inline_mb=self.inline_mb
                    ) from None
                wait = max(wait, err.retry_after or 0.0)
            await asyncio.sleep(wait)

    async def _upload(self, name: str, data: bytes, mime: str) -> str | None:
        """The provider's upload flow; None where it has none (the image is then sent as a
        smaller JPEG)."""
        return None

    # -- results out

    async def download(
        self,
        video_id: str,
        dest: Path,
        *,
        variant: str = "video",
        on_progress: ProgressCallback | None = None,
    ) -> int:
        """Stream the result file into ``dest`` (appending with ``Range`` when it holds
        bytes), from its own host and **without the key**. An expired URL is asked for
        again once (Runway hands out fresh ones)."""
        if variant != "video":
            raise NotFoundError(
                _("{provider} makes no thumbnail.").format(provider=self.provider_name), ""
            )
        url = await self.result_url(video_id)
        try:
            return await self._fetch_result(url, dest, on_progress)
        except AssetExpiredError:
            fresh = await self.result_url(video_id, refresh=True)
            if fresh == url:
                raise
            log.info("result URL of %s expired; fetching the fresh one", video_id)
            return await self._fetch_result(fresh, dest, on_progress)

    async def _fetch_result(
        self, url: str, dest: Path, on_progress: ProgressCallback | None
    ) -> int:
        problem = result_url_problem(url)
        if problem is not None:
            raise RemoteJobFailedError(
                _("{provider} sent a result the app won't fetch: {problem}.").format(
                    provider=self.provider_name, problem=problem
                ),
                _("Download it from your {provider} dashboard.").format(
                    provider=self.provider_name
                ),
                code="result_url_refused",
            )
        existing = await asyncio.to_thread(existing_size, dest)
        headers = {"Accept": "*/*", "Accept-Encoding": "identity"}
        if existing:
            headers["Range"] = f"bytes={existing}-"
        restart = False
        try:
            async with self._public.stream("GET", url, headers=headers) as response:
                if response.status_code == 416 and existing:
                    total = content_range(response.headers.get("content-range"))[2]
                    if total == existing:
                        if on_progress is not None:
                            on_progress(existing, existing)
                        return existing
                    await asyncio.to_thread(dest.unlink, missing_ok=True)
                    restart = True
                elif response.status_code in (401, 403, 404, 410):
                    await response.aread()
                    raise AssetExpiredError(
                        _("{provider}'s result file is no longer there (HTTP {status}).").format(
                            provider=self.provider_name, status=response.status_code
                        ),
                        _("Generate it again; download promptly next time."),
                        status_code=response.status_code,
                    )
                elif response.status_code >= 400:
                    await response.aread()
                    raise self.http_error(response, context="content")
                else:
                    return await astream_to_file(response, dest, existing, on_progress)
        except httpx.TransportError as exc:
            log.info("result download interrupted: %s", type(exc).__name__)
            raise network_error(exc) from None
        assert restart
        return await self._fetch_result(url, dest, on_progress)


def iso_seconds(value: Any) -> int | None:
    """An ISO 8601 time (``2026-11-30T10:00:00.123Z``) as unix seconds, or None."""
    if not isinstance(value, str) or not value:
        return None
    from datetime import datetime

    text = value.strip().replace("Z", "+00:00")
    try:
        when = datetime.fromisoformat(text)
    except ValueError:
        return None
    if when.tzinfo is None:
        return None
    return int(when.timestamp())
