"""One TLS context for every client (core/tls.py): loading the CA bundle costs 40-150 ms of
CPU, much of it holding the GIL, and each client used to load its own."""

from __future__ import annotations

import asyncio
import ssl

import pytest

from sora_desktop.core import tls
from sora_desktop.core.dialects import make_dialect
from sora_desktop.core.models import Connection, ConnectionKind

CONNECTIONS = (
    Connection(kind=ConnectionKind.OPENAI, base_url="https://api.openai.com/v1"),
    Connection(kind=ConnectionKind.FAL, base_url="https://queue.fal.run"),
    Connection(kind=ConnectionKind.REPLICATE, base_url="https://api.replicate.com"),
    Connection(kind=ConnectionKind.RUNWAY, base_url="https://api.dev.runwayml.com"),
)


def test_the_clients_of_every_kind_of_connection_share_one_tls_context(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    made: list[ssl.SSLContext] = []
    real = ssl.create_default_context

    def counted(*args: object, **kwargs: object) -> ssl.SSLContext:
        context = real(*args, **kwargs)  # type: ignore[arg-type]
        made.append(context)
        return context

    monkeypatch.setattr(ssl, "create_default_context", counted)
    tls._context.cache_clear()  # as in a fresh process

    async def build_and_close() -> None:
        # each provider client has two (keyed, and keyless for result hosts)
        clients = [make_dialect(connection, "a-key") for connection in CONNECTIONS]
        for client in clients:
            await client.aclose()

    asyncio.run(build_and_close())
    assert len(made) == 1
    assert tls.shared_context() is made[0]
    assert made[0].verify_mode is ssl.CERT_REQUIRED and made[0].check_hostname


def test_a_certificate_bundle_named_in_the_environment_gets_its_own_context(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import certifi

    monkeypatch.delenv("SSL_CERT_FILE", raising=False)
    monkeypatch.delenv("SSL_CERT_DIR", raising=False)
    default = tls.shared_context()
    monkeypatch.setenv("SSL_CERT_FILE", certifi.where())  # as httpx's trust_env honours it
    assert tls.shared_context() is not default
    assert tls.shared_context() is tls.shared_context()
