"""What the connection form shows per kind of service: its name, what is live, where to get a
key and what it costs (the provider kinds), the defaults a new profile starts with.

    kind_label(kind) / service_note(kind) -> str          # translated (context ConnectionForm)
    links_html(kind) -> str        # "Get an API key · Prices · Your dashboard" ("" if none)
    defaults_for(kind) -> str      # the base URL a new profile starts with
    default_env(kind) -> str       # the key's environment variable (the provider client's)
    first_catalogue_model(kind) -> str                     # a provider profile's default model
"""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication

from sora_desktop.core.models import ConnectionKind
from sora_desktop.core.profiles import OPENAI_BASE_URL, PROVIDER_BASE_URLS
from sora_desktop.usecases.provider_links import provider_links

translate = QCoreApplication.translate

DEFAULT_MODELS: dict[ConnectionKind, tuple[tuple[str, str], ...]] = {
    ConnectionKind.OPENAI: (("sora-2", "sora-2"), ("sora-2-pro", "sora-2-pro")),
    ConnectionKind.AZURE: (("sora-2", "sora-2"),),
    ConnectionKind.COMPATIBLE: (("sora-2", "sora-2"),),
    ConnectionKind.SIMULATOR: (("sora-2", "sora-2"), ("sora-2-pro", "sora-2-pro")),
}
_DEFAULT_ENV: dict[ConnectionKind, str] = {
    ConnectionKind.OPENAI: "OPENAI_API_KEY",
    ConnectionKind.AZURE: "AZURE_OPENAI_API_KEY",
    ConnectionKind.COMPATIBLE: "VIDEO_GATEWAY_API_KEY",
    ConnectionKind.SIMULATOR: "SORA_SIMULATOR_KEY",
}


def default_env(kind: ConnectionKind) -> str:
    links = provider_links(kind)
    return links.env_var if links is not None else _DEFAULT_ENV[kind]


def first_catalogue_model(kind: ConnectionKind) -> str:
    """A provider profile's default model: the catalogue's first of its kind."""
    from sora_desktop.core.catalogue import catalogue_models

    models = catalogue_models(kind)
    return models[0].id if models else ""


def links_html(kind: ConnectionKind) -> str:
    """Where to get a key, what it costs and the dashboard, as links ("" for the Videos API
    kinds and the simulator)."""
    links = provider_links(kind)
    if links is None:
        return ""

    def link(url: str, text: str) -> str:
        return f'<a href="{html.escape(url, quote=True)}">{html.escape(text)}</a>'

    return " · ".join(
        (
            link(links.keys_url, translate("ConnectionForm", "Get an API key")),
            link(links.pricing_url, translate("ConnectionForm", "Prices")),
            link(links.dashboard_url, translate("ConnectionForm", "Your dashboard")),
        )
    )


def service_note(kind: ConnectionKind) -> str:
    """What is (and isn't) live for this kind of service; same words as
    ``core.profiles.SERVICE_STATUS``, translated."""
    return {
        ConnectionKind.OPENAI: translate(
            "ConnectionForm",
            "OpenAI shut its Sora video API down on 2026-09-24; this connection will only "
            "work with a gateway that still serves it.",
        ),
        ConnectionKind.AZURE: translate(
            "ConnectionForm",
            "Azure stopped new Sora 2 deployments in September 2026; existing deployments "
            "may still answer.",
        ),
        ConnectionKind.COMPATIBLE: translate(
            "ConnectionForm",
            "Gateways such as LiteLLM expose /v1/videos and route it to other video models.",
        ),
        ConnectionKind.SIMULATOR: translate(
            "ConnectionForm", "Runs on this computer and makes real MP4 clips; no account needed."
        ),
        ConnectionKind.FAL: translate(
            "ConnectionForm",
            "fal's queue API: Veo 3.1, Kling, Seedance, Wan and more with one fal key; billed "
            "per second of video.",
        ),
        ConnectionKind.REPLICATE: translate(
            "ConnectionForm",
            "Replicate's predictions API: Veo 3.1, Kling, Wan and any video model on Replicate "
            "with one API token; API results are deleted after an hour.",
        ),
        ConnectionKind.RUNWAY: translate(
            "ConnectionForm",
            "Runway's API: Gen-4.5, Gen-4 Turbo, Veo 3.1 and more with one Runway API key; "
            "billed in Runway credits.",
        ),
    }[kind]


def kind_label(kind: ConnectionKind) -> str:
    """The kind of service as the form names it."""
    return {
        ConnectionKind.OPENAI: translate("ConnectionForm", "OpenAI"),
        ConnectionKind.AZURE: translate("ConnectionForm", "Azure OpenAI / Microsoft Foundry"),
        ConnectionKind.COMPATIBLE: translate("ConnectionForm", "Compatible gateway (e.g. LiteLLM)"),
        ConnectionKind.SIMULATOR: translate("ConnectionForm", "Simulator (this computer)"),
        ConnectionKind.FAL: translate("ConnectionForm", "fal"),
        ConnectionKind.REPLICATE: translate("ConnectionForm", "Replicate"),
        ConnectionKind.RUNWAY: translate("ConnectionForm", "Runway"),
    }[kind]


def defaults_for(kind: ConnectionKind) -> str:
    """The base URL a new profile of ``kind`` starts with ("" where there is none)."""
    if kind is ConnectionKind.OPENAI:
        return OPENAI_BASE_URL
    return PROVIDER_BASE_URLS.get(kind, "")


__all__ = [
    "DEFAULT_MODELS",
    "default_env",
    "defaults_for",
    "first_catalogue_model",
    "kind_label",
    "links_html",
    "service_note",
]
