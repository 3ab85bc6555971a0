"""Azure sign-in without a key: Microsoft Entra ID tokens for an Azure connection.

A profile with ``auth_style: "entra"`` keeps no key anywhere (nothing in the keyring, no
environment variable): its requests carry ``Authorization: Bearer <token>``, a token for
:data:`SCOPE` got from an ``azure-identity`` credential (interactive browser sign-in for the
window, device code for the command line: :func:`use_sign_in`). The token lives in memory
only and is fetched again shortly before it expires (:data:`REFRESH_MARGIN`); one sign-in
serves every request of the process for that profile. What is stored is the choice itself
(the profile's ``auth_style``).

``azure-identity`` is imported on first use only (start-up never pays for it). Tests swap
the credential for any object with ``get_token(*scopes) -> AccessToken``
(:func:`set_credential_factory`), azure-core's ``TokenCredential`` protocol.
"""

from __future__ import annotations

import asyncio
import logging
import sys
import threading
import time
from collections.abc import Callable
from typing import Any, Literal, Protocol, cast

from sora_desktop.core.errors import AuthenticationError, UnsupportedSetupError
from sora_desktop.core.i18n import _
from sora_desktop.core.models import Connection

log = logging.getLogger(__name__)

#: the scope Azure OpenAI / AI Foundry accept tokens for
SCOPE = "https://cognitiveservices.azure.com/.default"
#: a token this close to its expiry (seconds) is fetched again before use
REFRESH_MARGIN = 300.0

SignIn = Literal["browser", "device"]


class AccessTokenLike(Protocol):
    token: str
    expires_on: int


class TokenCredentialLike(Protocol):
    """azure-core's ``TokenCredential``: what the engine needs of a credential."""

    def get_token(self, *scopes: str, **kwargs: Any) -> AccessTokenLike: ...


CredentialFactory = Callable[[Connection], TokenCredentialLike]


class EntraToken:
    """One connection's bearer token: fetched on first use, again before it expires."""

    def __init__(
        self,
        credential: TokenCredentialLike,
        *,
        clock: Callable[[], float] = time.time,
        margin: float = REFRESH_MARGIN,
    ) -> None:
        self._credential = credential
        self._clock = clock
        self._margin = margin
        self._token: str | None = None
        self._expires_on = 0.0
        self._lock = threading.Lock()

    def _fresh(self) -> str | None:
        if self._token is not None and self._clock() < self._expires_on - self._margin:
            return self._token
        return None

    def get(self) -> str:
        """The token, fetched again when it is missing or about to expire. Blocking (a
        sign-in may wait for the creator): call :meth:`bearer` from the event loop."""
        with self._lock:
            token = self._fresh()
            if token is not None:
                return token
            try:
                access = self._credential.get_token(SCOPE)
            except Exception as exc:  # azure-identity's ClientAuthenticationError and kin
                log.info("Entra sign-in failed: %s", type(exc).__name__)
                raise AuthenticationError(
                    _("Signing in with Microsoft Entra ID failed ({reason}).").format(
                        reason=_reason(exc)
                    ),
                    _(
                        "Sign in again with an account that has the Cognitive Services "
                        "OpenAI User role on this resource, or use an API key."
                    ),
                ) from None
            self._token = access.token
            self._expires_on = float(access.expires_on)
            log.info("Entra token fetched; it expires in %.0f s", self._expires_on - self._clock())
            return access.token

    async def bearer(self) -> str:
        """:meth:`get` without blocking the loop when a fetch is needed."""
        token = self._fresh()
        if token is not None:
            return token
        return await asyncio.to_thread(self.get)


def _reason(exc: Exception) -> str:
    text = str(getattr(exc, "message", "") or exc).strip().splitlines()
    return (text[0] if text else type(exc).__name__)[:200]


# --------------------------------------------------------------------------- the credential

_sign_in: SignIn = "browser"
_factory: CredentialFactory | None = None
_clock: Callable[[], float] = time.time
_tokens: dict[tuple[str, str], EntraToken] = {}
_tokens_lock = threading.Lock()


def use_sign_in(mode: SignIn) -> None:
    """How this process signs in: ``browser`` (the window) or ``device`` (a code to enter
    at microsoft.com/devicelogin, printed on stderr: the command line)."""
    global _sign_in
    _sign_in = mode


def set_credential_factory(
    factory: CredentialFactory | None, *, clock: Callable[[], float] = time.time
) -> None:
    """Use ``factory`` for new credentials and ``clock`` for expiry (tests); None:
    azure-identity's. Forgets the tokens held so far."""
    global _factory, _clock
    _factory, _clock = factory, clock
    with _tokens_lock:
        _tokens.clear()


def _device_prompt(uri: str, code: str, _expires: Any) -> None:
    print(
        _("To sign in with Microsoft Entra ID, open {uri} and enter the code {code}").format(
            uri=uri, code=code
        ),
        file=sys.stderr,
        flush=True,
    )


def default_credential(connection: Connection) -> TokenCredentialLike:
    """azure-identity's interactive credential for this process's sign-in mode."""
    try:
        import azure.identity as identity
    except ImportError:
        raise UnsupportedSetupError(
            _("Microsoft Entra ID sign-in needs the azure-identity package, which is missing."),
            _("Reinstall Sora Desktop, or use an API key for this connection."),
        ) from None
    credential: Any  # azure-core's TokenCredential (its get_token has more keywords)
    if _sign_in == "device":
        credential = identity.DeviceCodeCredential(prompt_callback=_device_prompt)
    else:
        credential = identity.InteractiveBrowserCredential()
    return cast(TokenCredentialLike, credential)


def token_for(connection: Connection) -> EntraToken:
    """The token holder of ``connection`` (one per profile and base URL per process, so one
    sign-in serves every job)."""
    key = (connection.profile_id or "", connection.base_url)
    with _tokens_lock:
        held = _tokens.get(key)
        if held is None:
            held = EntraToken((_factory or default_credential)(connection), clock=_clock)
            _tokens[key] = held
        return held
