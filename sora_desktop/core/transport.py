"""What the engine's HTTP clients share: :class:`~sora_desktop.core.client.VideoClient` (the
Videos API) and the providers' ``ProviderClient`` (``core/dialects/base.py``).

The base URL rule (https, except on this computer), the timeouts, the read size, the user
agent, an URL's origin (the key only ever goes to its connection's own), a partial
download's size, transport failures in the app's terms (:func:`network_error`: only a
failure to connect proves nothing reached the server), and the async context-manager
lifecycle (:class:`AsyncClosing`).
"""

from __future__ import annotations

import re
from pathlib import Path
from types import TracebackType
from typing import Self

import httpcore
import httpx

from sora_desktop.core.errors import DiskError, InvalidRequestError, NetworkError
from sora_desktop.core.i18n import _
from sora_desktop.core.profiles import is_loopback_host

DEFAULT_TIMEOUT = httpx.Timeout(60.0, connect=15.0, pool=30.0)

#: The most one receive takes from a connection. httpcore's own limit (64 KiB) runs a 300 MB
#: video through its parser (h11), anyio and asyncio in some 5,000 steps, each of which copies
#: the bytes several times (anyio even splits asyncio's 256 KiB pieces to fit); with 1 MiB a
#: receive takes whatever piece asyncio holds, and a download costs about half the CPU.
#: Small replies and TLS (one record, <= 16 KiB, per read) are unaffected.
READ_SIZE = 1024 * 1024


def _raise_read_size() -> None:
    """Let httpcore's HTTP/1.1 connections receive up to :data:`READ_SIZE` at a time."""
    for connection in (httpcore.AsyncHTTP11Connection, httpcore.HTTP11Connection):
        current = getattr(connection, "READ_NUM_BYTES", None)
        if isinstance(current, int) and current < READ_SIZE:
            connection.READ_NUM_BYTES = READ_SIZE


_raise_read_size()


# --------------------------------------------------------------------------- base URL


_HOST = re.compile(r"[A-Za-z0-9._~-]+|[0-9A-Fa-f.]*:[0-9A-Fa-f:.]*(%[A-Za-z0-9]+)?")


def _missing_scheme_step(text: str) -> str | None:
    """``127.0.0.1:8000/v1`` -> "Did you mean http://127.0.0.1:8000/v1?" (https elsewhere)."""
    if "://" in text:
        return None
    try:
        host = httpx.URL("http://" + text).host
    except (httpx.InvalidURL, TypeError, ValueError):
        return None
    scheme = "http" if host and is_loopback_host(host) else "https"
    return _("Did you mean {url}?").format(url=f"{scheme}://{text}")


def validate_base_url(url: str) -> str:
    """Check and normalise a connection's base URL (trailing slash stripped).

    Only ``https`` is accepted, except for loopback hosts (127.0.0.0/8, ::1, localhost) where
    ``http`` is fine (the simulator, a local gateway). Raises :class:`InvalidRequestError`
    with ``param="base_url"`` and a message saying what is wrong.
    """

    def refuse(why: str, step: str | None = None) -> None:
        if step is None:
            step = _("Enter a URL like https://api.openai.com/v1.")
        raise InvalidRequestError(why, step, param="base_url")

    text = (url or "").strip()
    if not text:
        refuse(_("The base URL is empty."))
    if any(ch.isspace() for ch in text):
        refuse(_("The base URL {url!r} is not a valid URL: it contains a space.").format(url=text))
    try:
        parsed = httpx.URL(text)
    except (httpx.InvalidURL, TypeError, ValueError):
        refuse(_("The base URL {url!r} is not a valid URL.").format(url=text))
        raise AssertionError("unreachable") from None
    scheme = parsed.scheme.lower()
    if scheme not in ("http", "https"):
        refuse(
            _(
                "The base URL {url!r} must start with https:// (or http:// for this computer: "
                "127.0.0.1, localhost)."
            ).format(url=text),
            _missing_scheme_step(text),
        )
    host = parsed.host
    if not host:
        refuse(_("The base URL {url!r} has no host name.").format(url=text))
    if not _HOST.fullmatch(host.strip("[]")):
        refuse(_("The base URL {url!r} is not a valid URL (bad host name).").format(url=text))
    if parsed.port is not None and not 0 < parsed.port < 65536:
        refuse(_("The base URL {url!r} is not a valid URL (bad port).").format(url=text))
    if parsed.userinfo:
        refuse(
            _("The base URL contains a user name or password."),
            _("Remove it from the URL; the API key belongs in the key field."),
        )
    if parsed.query or parsed.fragment:
        refuse(_("The base URL {url!r} must not contain '?' or '#'.").format(url=text))
    if scheme == "http" and not is_loopback_host(host):
        refuse(
            _("The base URL {url!r} is not encrypted (http).").format(url=text),
            _("Use https://; plain http is only allowed for this computer (127.0.0.1, localhost)."),
        )
    netloc = host.lower()
    if ":" in netloc:  # IPv6 literal
        netloc = f"[{netloc}]"
    if parsed.port is not None:
        netloc = f"{netloc}:{parsed.port}"
    path = parsed.path.rstrip("/")
    return f"{scheme}://{netloc}{path}"


# --------------------------------------------------------------------------- transport errors


def network_error(exc: Exception) -> NetworkError:
    """Map an httpx transport failure. Only a failure to connect proves the request never
    reached the server; anything later (read/write error, reset, timeout) may have."""
    text = str(exc)
    lowered = text.lower()
    if isinstance(exc, httpx.ConnectTimeout | httpx.PoolTimeout):
        return NetworkError(
            _("Could not connect to the server in time."),
            _("Check your internet connection, proxy and the base URL, then try again."),
            may_have_reached_server=False,
        )
    if isinstance(exc, httpx.ConnectError | httpx.ProxyError | httpx.UnsupportedProtocol):
        if any(s in lowered for s in ("name or service", "getaddrinfo", "nodename", "resolve")):
            what = _("The server's name could not be found (DNS).")
        elif "certificate" in lowered or "ssl" in lowered or "tls" in lowered:
            what = _("The server's TLS certificate could not be verified.")
        elif "refused" in lowered:
            what = _("The server refused the connection.")
        else:
            what = _("Could not connect to the server.")
        return NetworkError(
            what,
            _("Check your internet connection, proxy and the base URL, then try again."),
            may_have_reached_server=False,
        )
    if isinstance(exc, httpx.TimeoutException):
        return NetworkError(
            _("The server stopped answering (timeout)."),
            _("The app will retry; check your connection if it keeps happening."),
        )
    return NetworkError(
        _("The connection to the server broke."),
        _("The app will retry; check your connection if it keeps happening."),
    )


def origin_of(url: httpx.URL) -> tuple[str, str, int | None]:
    default = {"http": 80, "https": 443}.get(url.scheme)
    return url.scheme, url.host, url.port or default


#: the headers that carry a connection's credentials (Runway's version header goes with its key)
CREDENTIAL_HEADERS = ("authorization", "api-key", "x-runway-version")


def drop_credentials_off(origin: tuple[str, str, int | None], request: httpx.Request) -> bool:
    """Never send the key to another origin than ``origin``: a request for another host, or a
    redirect to one (httpx strips only ``Authorization`` there), loses its credential headers.
    True when the request leaves ``origin``."""
    if origin_of(request.url) == origin:
        return False
    for name in CREDENTIAL_HEADERS:
        request.headers.pop(name, None)
    return True


def existing_size(dest: Path) -> int:
    try:
        return dest.stat().st_size
    except FileNotFoundError:
        return 0
    except OSError as exc:
        raise DiskError(
            _("The download folder can't be read ({detail}).").format(detail=exc.strerror or exc),
            _("Check that the library folder exists and is writable."),
        ) from None


def user_agent() -> str:
    from sora_desktop import __version__

    return f"sora-desktop/{__version__}"


class AsyncClosing:
    """``async with client:`` closes it at the end: a client gives :meth:`aclose`."""

    async def aclose(self) -> None:
        raise NotImplementedError

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.aclose()
