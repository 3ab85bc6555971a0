"""Where a creator gets a key, reads the prices and finds a job whose reply was lost: the
pages docs/providers.md ("Links") lists with their sources."""

from __future__ import annotations

import pytest

from sora_desktop.core.models import ConnectionKind
from sora_desktop.usecases.provider_links import provider_links

PAGES = {
    ConnectionKind.FAL: (
        "https://fal.ai/dashboard/keys",
        "https://fal.ai/pricing",
        "https://fal.ai/dashboard/requests",  # the request list, not the dashboard's front
    ),
    ConnectionKind.REPLICATE: (
        "https://replicate.com/account/api-tokens",
        "https://replicate.com/pricing",
        "https://replicate.com/predictions",
    ),
    ConnectionKind.RUNWAY: (
        "https://dev.runwayml.com/settings/api-keys",  # the keys tab, not the portal's front
        "https://docs.dev.runwayml.com/guides/pricing/",
        "https://dev.runwayml.com",
    ),
}


@pytest.mark.parametrize("kind", list(PAGES), ids=lambda k: k.value)
def test_each_provider_links_its_keys_prices_and_request_list(kind: ConnectionKind) -> None:
    links = provider_links(kind)
    assert links is not None
    assert (links.keys_url, links.pricing_url, links.dashboard_url) == PAGES[kind]
    assert links.base_url.startswith("https://")


def test_the_videos_api_kinds_have_no_provider_pages() -> None:
    assert provider_links(ConnectionKind.OPENAI) is None
    assert provider_links(ConnectionKind.SIMULATOR) is None
