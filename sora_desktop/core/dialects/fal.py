"""fal's queue API (providers-api.md section 1).

- create: ``POST {base}/{endpoint id}`` with the model's input -> ``{request_id, ...}``;
- poll: ``GET {base}/{owner}/{app}/requests/{id}/status`` -> ``IN_QUEUE`` (with
  ``queue_position``), ``IN_PROGRESS``, ``COMPLETED`` (with ``error`` when it failed); the
  result ``GET {base}/{owner}/{app}/requests/{id}`` -> ``{"video": {"url": ...}}``;
- cancel: ``PUT .../requests/{id}/cancel``; fal has no delete and no list, so a create whose
  reply was lost ends "outcome unknown".

The remote id the app keeps is ``{owner}/{app}/requests/{request_id}``: status, result and
cancel are built from it and the connection's base URL, never from the URLs fal returns
(another host would get the key). Auth: ``Authorization: Key <key>``. Images go inline as
data URIs within :attr:`FalDialect.data_uri_limit`; larger ones through fal's storage
upload (``fal_storage.py``): the key goes to fal's REST host for a storage token, and only
that token goes with the bytes to fal's CDN.
"""

from __future__ import annotations

import logging
import time
from typing import Any
from urllib.parse import quote

import httpx

from sora_desktop.core.dialects.base import ConnectionFacts, ProviderClient, result_url_problem
from sora_desktop.core.dialects.errors import PROVIDER_NAMES
from sora_desktop.core.dialects.fal_storage import (
    INITIATE_PATH,
    INITIATE_QUERY,
    TOKEN_PATH,
    TOKEN_QUERY,
    UPLOAD_PATH,
    StorageToken,
    parse_access_url,
    parse_initiate,
    parse_token,
    storage_hosts,
)
from sora_desktop.core.errors import (
    AuthenticationError,
    ErrorKind,
    PermissionDeniedError,
    ServiceUnavailableError,
    SoraError,
)
from sora_desktop.core.i18n import _
from sora_desktop.core.models import Connection, ConnectionKind, VideoRequest
from sora_desktop.core.remote_video import RemoteError, RemoteVideo
from sora_desktop.core.transport import network_error
from sora_desktop.core.wire import Polled

log = logging.getLogger(__name__)

DEFAULT_BASE_URL = "https://queue.fal.run"
#: where fal publishes each endpoint's OpenAPI document (another host than the queue)
SCHEMA_URL = "https://fal.ai/api/openapi/queue/openapi.json"
SCHEMA_PATH = "api/openapi/queue/openapi.json"
#: endpoint id prefixes that add a path segment before owner/app
NAMESPACES = ("workflows", "comfy")
#: a request id no one has: "Test connection" asks its status (auth is checked first)
PROBE_ID = "00000000-0000-0000-0000-000000000000"
PROBE_APP = "fal-ai/veo3.1"


def app_id(endpoint: str) -> str:
    """``fal-ai/veo3.1/image-to-video`` -> ``fal-ai/veo3.1`` (status and result leave the
    subpath out)."""
    parts = [p for p in endpoint.strip("/").split("/") if p]
    keep = 3 if parts and parts[0] in NAMESPACES else 2
    return "/".join(parts[:keep])


def schema_url(base_url: str) -> str:
    """fal's OpenAPI document for the connection: fal.ai's own for the real queue host, else
    the same path under the base URL (a proxy, the simulator)."""
    if httpx.URL(base_url).host == httpx.URL(DEFAULT_BASE_URL).host:
        return SCHEMA_URL
    return base_url.rstrip("/") + "/" + SCHEMA_PATH


class FalDialect(ProviderClient):
    provider_name = PROVIDER_NAMES[ConnectionKind.FAL]
    #: the dashboard's request list, where a request whose reply was lost can be looked up
    dashboard_url = "https://fal.ai/dashboard/requests"
    #: fal documents no data URI limit; past this (the app's choice, as Runway's 5 MB) an
    #: image goes through fal's storage upload instead of a large JSON body
    data_uri_limit = 5 * 1024 * 1024
    #: the largest clip sent inline to an extend endpoint (fal documents no limit; a
    #: Veo 3.1 clip of 8 s is a few MB); a larger one is refused before anything is sent
    video_data_uri_limit = 20 * 1024 * 1024

    def __init__(
        self,
        connection: Connection,
        api_key: str | None,
        *,
        transport: httpx.AsyncBaseTransport | None = None,
        timeout: httpx.Timeout | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(connection, api_key, transport=transport, timeout=timeout, **kwargs)
        self._results: dict[str, str] = {}
        self._storage = storage_hosts(self.base_url)
        self._storage_token: StorageToken | None = None
        #: fal's REST host (storage tokens), with the key; None when it is the base origin
        self._rest: httpx.AsyncClient | None = None
        if self._storage.separate:
            self._rest = self.keyed_client(self._storage.rest, api_key)

    async def aclose(self) -> None:
        if self._rest is not None:
            await self._rest.aclose()
        await super().aclose()

    def auth_headers(self, api_key: str | None) -> dict[str, str]:
        return {"Authorization": f"Key {api_key}"} if api_key else {}

    @staticmethod
    def _path(endpoint: str) -> str:
        return "/".join(quote(p, safe="-._~") for p in endpoint.strip("/").split("/"))

    async def create(self, request: VideoRequest) -> Polled:
        if request.extend_video is not None:
            return await self._extend(request)
        model = await self.model(request.model)
        with_image = request.reference_image is not None
        start = end = None
        if request.reference_image is not None:
            start = await self.image_uri(request.reference_image, param="input_reference")
        if request.end_image is not None:
            end = await self.image_uri(request.end_image, param="end_image")
        images = await self.param_images(request)
        body = model.build_input(request, start_image=start, end_image=end, images=images)
        endpoint = model.endpoint(with_image=with_image)
        return await self._submit(endpoint, body, request)

    async def _extend(self, request: VideoRequest) -> Polled:
        """The model's own extend endpoint (``request.extend_endpoint``, else the
        catalogue's): the local clip inline as a data URI within
        :attr:`video_data_uri_limit` (refused over it, nothing sent)."""
        import asyncio

        from sora_desktop.core.errors import InvalidRequestError
        from sora_desktop.core.provider_extend import video_data_uri

        model = await self.model(request.model)
        ext = model.extend
        if ext is None or request.extend_video is None:
            raise InvalidRequestError(
                _("{model} has no extend endpoint of its own.").format(model=model.name),
                _("Extend it from its last frame instead."),
                param="extend_of",
            )
        video = await asyncio.to_thread(
            video_data_uri, request.extend_video, self.video_data_uri_limit
        )
        body = ext.build_input(model, request, video)
        return await self._submit(request.extend_endpoint or ext.endpoint, body, request)

    async def _submit(self, endpoint: str, body: dict[str, Any], request: VideoRequest) -> Polled:
        response = await self.send("POST", self._path(endpoint), json=body)
        data = self.json(response)
        request_id = data.get("request_id") if isinstance(data, dict) else None
        if not isinstance(request_id, str) or not request_id:
            raise ServiceUnavailableError(
                _("fal's answer to the create has no request id."),
                _("Check the base URL of this connection."),
                status_code=response.status_code,
            )
        remote_id = f"{app_id(endpoint)}/requests/{request_id}"
        return Polled(video=self._queued(remote_id, data, request), poll_after=None)

    def _queued(self, remote_id: str, data: Any, request: VideoRequest | None) -> RemoteVideo:
        position = data.get("queue_position") if isinstance(data, dict) else None
        note = None
        if isinstance(position, int) and not isinstance(position, bool):
            note = _("Waiting in fal's queue ({count} ahead).").format(count=position)
        return RemoteVideo(
            id=remote_id,
            status="queued",
            model=request.model if request else None,
            prompt=request.prompt if request else None,
            created_at=int(time.time()),
            note=note,
        )

    async def retrieve(self, remote_id: str) -> Polled:
        response = await self.send("GET", f"{self._path(remote_id)}/status", params={"logs": "0"})
        data = self.json(response)
        status = str(data.get("status") if isinstance(data, dict) else "").upper()
        if status == "IN_QUEUE":
            return Polled(self._queued(remote_id, data, None), None)
        if status == "IN_PROGRESS":
            return Polled(RemoteVideo(id=remote_id, status="in_progress", progress=50), None)
        if status != "COMPLETED":
            return Polled(RemoteVideo(id=remote_id, status=status.lower() or "unknown"), None)
        error = data.get("error")
        if error:
            err_type = str(data.get("error_type") or "")
            code = "moderation_blocked" if "content_policy" in err_type else err_type or None
            return Polled(self._failed(remote_id, str(error), code), None)
        try:
            self._results[remote_id] = await self.result_url(remote_id, refresh=True)
        except SoraError as err:
            if err.retryable:
                raise
            code = "moderation_blocked" if err.kind is ErrorKind.MODERATION else err.code
            return Polled(self._failed(remote_id, err.message, code), None)
        return Polled(RemoteVideo(id=remote_id, status="completed", progress=100), poll_after=None)

    @staticmethod
    def _failed(remote_id: str, message: str, code: str | None) -> RemoteVideo:
        return RemoteVideo(
            id=remote_id,
            status="failed",
            error=RemoteError(code=code, message=message[:500], source="fal"),
        )

    async def result_url(self, remote_id: str, *, refresh: bool = False) -> str:
        cached = self._results.get(remote_id)
        if cached is not None and not refresh:
            return cached
        data = self.json(await self.send("GET", self._path(remote_id)))
        video = data.get("video") if isinstance(data, dict) else None
        url = video.get("url") if isinstance(video, dict) else None
        if not isinstance(url, str) or not url:
            raise ServiceUnavailableError(
                _("fal's result has no video URL."),
                _("The app will ask again."),
            )
        self._results[remote_id] = url
        return url

    async def cancel(self, remote_id: str) -> None:
        await self.send("PUT", f"{self._path(remote_id)}/cancel")

    async def delete(self, remote_id: str) -> None:
        from sora_desktop.core.errors import InvalidRequestError

        raise InvalidRequestError(
            _("fal has no way to delete a request; its files expire by themselves."),
            _("Nothing to do here."),
            param="remote_id",
        )

    async def check(self) -> ConnectionFacts:
        """fal has no account call: ask the status of a request no one has. A refused key
        answers 401; anything else means the key was accepted (unverified: which status fal
        gives an unknown id)."""
        from sora_desktop.core.errors import NotFoundError

        try:
            await self.send("GET", f"{PROBE_APP}/requests/{PROBE_ID}/status")
        except NotFoundError:
            pass
        except SoraError as err:
            if err.kind in (ErrorKind.INVALID_REQUEST,):
                pass
            else:
                raise
        return ConnectionFacts(facts=((_("Key"), _("accepted by fal")),))

    # -- images in: fal's storage upload (fal_storage.py)

    async def _upload(self, name: str, data: bytes, mime: str) -> str:
        """An image too large to go inline, through fal's storage (its CDN, else the
        older storage upload, as fal-client): its URL. When both fail, the fallback's error
        is raised, and :meth:`upload` fails the job before the paid create is sent."""
        try:
            token = await self._fresh_storage_token()
            url = await self._cdn_upload(token, name, data, mime)
        except SoraError as err:
            if isinstance(err, AuthenticationError | PermissionDeniedError):
                raise  # a refused key: the fallback takes the same key
            log.info("fal CDN upload failed (%s); trying fal's storage upload", err.kind)
            url = await self._storage_upload(name, data, mime)
        log.info("uploaded %d bytes to fal's storage", len(data))
        return url

    async def _rest_post(self, path: str, **kwargs: Any) -> httpx.Response:
        """A request with the key to fal's REST host (the base origin but on fal's own)."""
        return await self.send("POST", path, client=self._rest, **kwargs)

    async def _fresh_storage_token(self) -> StorageToken:
        token = self._storage_token
        if token is not None and token.fresh():
            return token
        response = await self._rest_post(TOKEN_PATH, params=TOKEN_QUERY, json={})
        token = parse_token(self.json(response))
        self._storage_token = token
        return token

    async def _storage_upload(self, name: str, data: bytes, mime: str) -> str:
        """fal-client's fallback: an upload URL from fal's REST host, the bytes PUT there
        without the key."""
        body = {"file_name": name, "content_type": mime}
        response = await self._rest_post(INITIATE_PATH, params=INITIATE_QUERY, json=body)
        upload_url, file_url = parse_initiate(self.json(response))
        problem = result_url_problem(upload_url)
        if problem is not None:
            raise ServiceUnavailableError(
                _("fal's upload address can't be used: {problem}.").format(problem=problem)
            )
        try:
            put = await self._public.put(upload_url, content=data, headers={"Content-Type": mime})
        except httpx.TransportError as exc:
            raise network_error(exc) from None
        if put.status_code >= 400:
            # a signed URL: a 401/403 there is no verdict on the key
            raise ServiceUnavailableError(
                _("fal's storage refused the file (HTTP {status}).").format(status=put.status_code),
                status_code=put.status_code,
            )
        return file_url

    async def _cdn_upload(self, token: StorageToken, name: str, data: bytes, mime: str) -> str:
        """The bytes to the CDN with the storage token: never the key (``_public`` has
        none, on whichever host the CDN is)."""
        headers = {
            "Authorization": token.header,
            "Content-Type": mime,
            "X-Fal-File-Name": name,
            "Accept": "application/json",
        }
        url = f"{self._storage.cdn}/{UPLOAD_PATH}"
        try:
            response = await self._public.post(url, content=data, headers=headers)
        except httpx.TransportError as exc:
            raise network_error(exc) from None
        if response.status_code in (401, 403):
            # the storage token was refused (not the key): ask for a new one next time
            self._storage_token = None
            raise ServiceUnavailableError(
                _("fal's storage refused the upload token (HTTP {status}).").format(
                    status=response.status_code
                ),
                status_code=response.status_code,
            )
        if response.status_code >= 400:
            raise self.http_error(response)
        return parse_access_url(self.json(response))

    async def _fetch_schema(self, model_id: str) -> dict[str, Any] | None:
        from sora_desktop.core.schema_form import fal_input_schema

        url = schema_url(self.base_url)
        try:
            response = await self._public.get(url, params={"endpoint_id": model_id})
        except httpx.TransportError:
            return None
        if response.status_code != 200:
            return None
        try:
            document = response.json()
        except ValueError:
            return None
        return fal_input_schema(document, model_id) if isinstance(document, dict) else None
