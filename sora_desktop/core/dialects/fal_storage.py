"""fal's storage upload (providers-api.md section 1.5), as ``fal_client.upload()`` does it
with its default ``fal_v3`` repository (read from fal-client 1.0.3's ``client.py``):

1. ``POST {rest}/storage/auth/token?storage_type=fal-cdn-v3`` with ``{}`` and the key
   (``Authorization: Key ...``) -> ``{token, token_type, base_url, expires_at}``; the token is
   kept until ``expires_at``;
2. ``POST {cdn}/files/upload`` with the raw bytes, ``Content-Type`` and ``X-Fal-File-Name``,
   and ``Authorization: {token_type} {token}``: the storage token, **never the key** ->
   ``{"access_url": ...}``, the URL the create then names.

When that fails, fal-client falls back to its older ``fal`` repository, and so does the app:

3. ``POST {rest}/storage/upload/initiate?storage_type=gcs`` with
   ``{"file_name", "content_type"}`` and the key -> ``{upload_url, file_url}``;
4. ``PUT {upload_url}`` with the bytes and ``Content-Type``, **without the key** (a signed
   URL on another host: fal-client's client sends its key there too, the app never does);
   ``file_url`` is the URL the create names.

Where those hosts are (:func:`storage_hosts`) follows from the connection's base URL: fal's
own queue host maps to fal's REST and CDN hosts (fal-client's ``REST_URL`` and ``CDN_URL``,
constants it offers no setting for); any other base URL (a proxy, the simulator) keeps both
under that base: ``{base}/storage/auth/token`` and ``{base}/cdn/files/upload``.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any

import httpx

from sora_desktop.core.dialects.base import iso_seconds
from sora_desktop.core.errors import ServiceUnavailableError
from sora_desktop.core.i18n import _

#: fal's queue host: a connection on it uploads through fal's own storage hosts
FAL_QUEUE_HOST = "queue.fal.run"
#: fal-client's ``REST_URL`` (storage tokens) and ``CDN_URL`` (uploads)
REST_URL = "https://rest.fal.ai"
CDN_URL = "https://v3.fal.media"
TOKEN_PATH = "storage/auth/token"
TOKEN_QUERY = {"storage_type": "fal-cdn-v3"}
UPLOAD_PATH = "files/upload"
INITIATE_PATH = "storage/upload/initiate"
INITIATE_QUERY = {"storage_type": "gcs"}
#: under a base URL other than fal's own, where the CDN's paths go
CDN_UNDER_BASE = "cdn"
#: a token this close to its ``expires_at`` is asked for again
TOKEN_MARGIN_SECONDS = 30.0


@dataclass(frozen=True, slots=True)
class StorageHosts:
    #: where the storage token is asked for, with the key
    rest: str
    #: where the bytes go, with the storage token only
    cdn: str
    #: True when ``rest`` is another origin than the connection's (fal's own hosts)
    separate: bool


def storage_hosts(base_url: str) -> StorageHosts:
    """fal's REST and CDN hosts for the real queue host; else both under ``base_url``."""
    if httpx.URL(base_url).host == FAL_QUEUE_HOST:
        return StorageHosts(rest=REST_URL, cdn=CDN_URL, separate=True)
    base = base_url.rstrip("/")
    return StorageHosts(rest=base, cdn=f"{base}/{CDN_UNDER_BASE}", separate=False)


@dataclass(frozen=True, slots=True)
class StorageToken:
    token: str
    token_type: str
    expires_at: float  # unix seconds

    @property
    def header(self) -> str:
        return f"{self.token_type} {self.token}"

    def fresh(self, now: float | None = None) -> bool:
        return (now if now is not None else time.time()) < self.expires_at - TOKEN_MARGIN_SECONDS


def parse_token(data: Any) -> StorageToken:
    """The answer to the token request; ServiceUnavailableError when it isn't one."""
    token = data.get("token") if isinstance(data, dict) else None
    token_type = data.get("token_type") if isinstance(data, dict) else None
    if not isinstance(token, str) or not token or not isinstance(token_type, str):
        raise ServiceUnavailableError(
            _("fal's answer to the upload token request has no token."),
            _("Try again later."),
        )
    expires = iso_seconds(data.get("expires_at"))
    # no (readable) expiry: use it for this upload only
    return StorageToken(token, token_type or "Bearer", float(expires or 0))


def parse_access_url(data: Any) -> str:
    url = data.get("access_url") if isinstance(data, dict) else None
    if not isinstance(url, str) or not url.startswith(("https://", "http://")):
        raise ServiceUnavailableError(
            _("fal's answer to the upload has no file URL."),
            _("Try again later."),
        )
    return url


def parse_initiate(data: Any) -> tuple[str, str]:
    """(upload URL, file URL) of the fallback's initiate answer."""
    upload = data.get("upload_url") if isinstance(data, dict) else None
    file_url = data.get("file_url") if isinstance(data, dict) else None
    if not isinstance(upload, str) or not isinstance(file_url, str) or not file_url:
        raise ServiceUnavailableError(
            _("fal's answer to the upload request is incomplete."),
            _("Try again later."),
        )
    return upload, file_url
