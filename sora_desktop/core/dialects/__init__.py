"""One interface for every video API the engine speaks, one module per provider.

- the OpenAI Videos dialect (kinds openai, azure, compatible, simulator):
  :class:`sora_desktop.core.client.VideoClient`;
- fal's queue API (``fal``): :mod:`.fal`; Replicate's predictions (``replicate``):
  :mod:`.replicate`; Runway's tasks (``runway``): :mod:`.runway`.

:class:`~.base.Dialect` is the interface the job runner and the service use: create, poll
(a common status, progress and failure), result download, cancel, delete, and "did my
lost create arrive?" (:meth:`~.base.Dialect.find_created`), which only the OpenAI dialect
(its video list) and Replicate (its prediction list) can answer; fal and Runway raise
:class:`~sora_desktop.core.errors.OutcomeUnknownError` there. :func:`make_dialect` picks the
implementation for a connection.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sora_desktop.core.models import Connection, ConnectionKind

if TYPE_CHECKING:
    import httpx

    from sora_desktop.core.dialects.base import Dialect
    from sora_desktop.core.dialects.schemas import SchemaCache


def make_dialect(
    connection: Connection,
    api_key: str | None,
    *,
    transport: httpx.AsyncBaseTransport | None = None,
    timeout: httpx.Timeout | None = None,
    schema_cache: SchemaCache | None = None,
) -> Dialect:
    """The client of ``connection``'s kind (one connection pool each)."""
    kind = connection.kind
    if kind is ConnectionKind.FAL:
        from sora_desktop.core.dialects.fal import FalDialect

        return FalDialect(
            connection, api_key, transport=transport, timeout=timeout, schema_cache=schema_cache
        )
    if kind is ConnectionKind.REPLICATE:
        from sora_desktop.core.dialects.replicate import ReplicateDialect

        return ReplicateDialect(
            connection, api_key, transport=transport, timeout=timeout, schema_cache=schema_cache
        )
    if kind is ConnectionKind.RUNWAY:
        from sora_desktop.core.dialects.runway import RunwayDialect

        return RunwayDialect(
            connection, api_key, transport=transport, timeout=timeout, schema_cache=schema_cache
        )
    from sora_desktop.core.client import VideoClient

    return VideoClient(connection, api_key, transport=transport, timeout=timeout)
