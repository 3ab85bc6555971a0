"""Where a creator gets a key, reads the prices and sees their jobs, per provider kind.

    provider_links(kind) -> ProviderLinks | None     # None: not a native provider kind

The Connections dialog and ``profile add`` show these next to the form. The dashboard is
the dialect's own ``dashboard_url`` (the page "outcome unknown" points to), read from the
dialect class on first use so that the window's start-up doesn't load the HTTP stack.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from sora_desktop.core.models import ConnectionKind
from sora_desktop.core.profiles import PROVIDER_BASE_URLS

if TYPE_CHECKING:
    from sora_desktop.core.dialects.base import ProviderClient

__all__ = ["ProviderLinks", "provider_links"]


@dataclass(frozen=True, slots=True)
class ProviderLinks:
    """A provider's pages, and what a profile of its kind starts with."""

    kind: ConnectionKind
    name: str  # the provider's own name: "fal", "Replicate", "Runway"
    base_url: str  # the default base URL (a profile may override it)
    keys_url: str  # where to make an API key
    pricing_url: str  # the provider's price list
    dashboard_url: str  # where the creator's jobs and bill are
    env_var: str  # the environment variable the provider's own client reads


#: (keys page, price list, the provider client's key variable); which of these were checked
#: against the provider's own pages, and where, is in docs/providers.md ("Links")
_PAGES: dict[ConnectionKind, tuple[str, str, str]] = {
    ConnectionKind.FAL: ("https://fal.ai/dashboard/keys", "https://fal.ai/pricing", "FAL_KEY"),
    ConnectionKind.REPLICATE: (
        "https://replicate.com/account/api-tokens",
        "https://replicate.com/pricing",
        "REPLICATE_API_TOKEN",
    ),
    ConnectionKind.RUNWAY: (
        "https://dev.runwayml.com/settings/api-keys",
        "https://docs.dev.runwayml.com/guides/pricing/",
        "RUNWAYML_API_SECRET",
    ),
}


def _dialect_class(kind: ConnectionKind) -> type[ProviderClient]:
    if kind is ConnectionKind.FAL:
        from sora_desktop.core.dialects.fal import FalDialect

        return FalDialect
    if kind is ConnectionKind.REPLICATE:
        from sora_desktop.core.dialects.replicate import ReplicateDialect

        return ReplicateDialect
    from sora_desktop.core.dialects.runway import RunwayDialect

    return RunwayDialect


def provider_links(kind: ConnectionKind) -> ProviderLinks | None:
    """``kind``'s pages and defaults; None for the Videos API kinds and the simulator."""
    if kind not in _PAGES:
        return None
    keys_url, pricing_url, env_var = _PAGES[kind]
    dialect = _dialect_class(kind)
    return ProviderLinks(
        kind=kind,
        name=dialect.provider_name,
        base_url=PROVIDER_BASE_URLS[kind],
        keys_url=keys_url,
        pricing_url=pricing_url,
        dashboard_url=dialect.dashboard_url or "",
        env_var=env_var,
    )
