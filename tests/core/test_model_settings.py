"""What the faces list of a provider's models, and a model's "More settings" fields: from the
catalogue, and from the provider's schema fetched through the service (the simulator)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from sora_desktop.core.catalogue import load_catalogue
from sora_desktop.core.model_settings import (
    ModelSettings,
    common_field_names,
    list_models,
    settings_for,
)
from sora_desktop.core.models import Connection, ConnectionKind, KeySource
from sora_desktop.core.service import GenerationService
from sora_desktop.simulator.server import SimulatorServer
from tests.provider_support import KEY, connection, run_service


def test_the_listed_models_say_what_they_make_and_their_estimated_price() -> None:
    fal = {m.id: m for m in list_models(ConnectionKind.FAL)}
    veo = fal["fal-ai/veo3.1"]
    assert veo.provider == "fal" and veo.name == "Veo 3.1" and veo.listed
    assert "1280x720" in veo.sizes and veo.seconds == (4, 6, 8) and veo.default_seconds == 8
    assert veo.takes_image and not veo.needs_image and veo.has_audio and veo.has_seed
    assert (veo.usd_per_second, veo.usd_per_second_audio_off) == (0.40, 0.20)
    assert veo.price_checked and veo.price_source.startswith("https://")

    runway = {m.id: m for m in list_models(ConnectionKind.RUNWAY)}
    gen45 = runway["gen4.5"]
    assert gen45.usd_per_second == 0.12 and gen45.price_checked == "2026-11-30"
    runway_veo = runway["veo3.1"]
    assert (runway_veo.usd_per_second, runway_veo.usd_per_second_audio_off) == (0.40, 0.20)
    kling25 = runway["kling2.5_turbo_pro"]
    assert kling25.usd_per_second is None and kling25.price_checked == ""  # unknown
    assert gen45.takes_image and not gen45.needs_image and 10 in gen45.seconds

    kling = fal["fal-ai/kling-video/v3/pro/image-to-video"]
    assert kling.needs_image and kling.takes_image

    assert list_models(ConnectionKind.OPENAI) == []  # the Videos API's are capabilities


def test_more_settings_leave_out_what_the_common_settings_already_set() -> None:
    model = load_catalogue().get(ConnectionKind.FAL, "fal-ai/veo3.1")
    assert model is not None
    schema: dict[str, Any] = {
        "type": "object",
        "properties": {
            name: {"type": "string"}
            for name in (
                "prompt",
                "aspect_ratio",
                "resolution",
                "duration",
                "negative_prompt",
                "seed",
                "image_url",
                "generate_audio",
                "auto_fix",
                "safety_tolerance",
            )
        },
    }
    schema["properties"]["auto_fix"] = {"type": "boolean", "default": True}
    schema["properties"]["safety_tolerance"] = {"type": "string", "enum": ["1", "2", "4", "6"]}
    settings = settings_for(model, schema)
    assert settings.schema_found
    assert [(f.name, f.widget) for f in settings.extra_fields] == [
        ("auto_fix", "check"),
        ("safety_tolerance", "choice"),
    ]
    assert {"aspect_ratio", "resolution", "duration", "image_url"} <= common_field_names(model)
    assert settings_for(model, None).extra_fields == ()


@pytest.fixture
def sim(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SimulatorServer]:
    renders = tmp_path_factory.mktemp("settings-renders")
    with SimulatorServer(latency=0.2, api_key=KEY, storage_dir=renders) as server:
        yield server


def _settings(tmp_path: Path, conn: Connection, model_id: str) -> ModelSettings:
    async def body(service: GenerationService) -> ModelSettings:
        return await service.model_settings(conn, model_id)

    return run_service(tmp_path, body)


@pytest.mark.parametrize("kind", [ConnectionKind.FAL, ConnectionKind.REPLICATE])
def test_a_model_known_by_its_schema_offers_its_own_fields_and_the_schema_is_cached(
    kind: ConnectionKind, sim: SimulatorServer, tmp_path: Path
) -> None:
    settings = _settings(tmp_path, connection(sim, kind), "sim/any-video")
    assert settings.schema_found and not settings.model.listed
    extra = {f.name: f for f in settings.extra_fields}
    # prompt, size, seconds, image... are common; its own: a number and an image of its own
    assert list(extra) == ["motion_strength", "style_image"]
    assert extra["motion_strength"].widget == "spin"
    assert extra["style_image"].widget == "image"
    assert (extra["motion_strength"].minimum, extra["motion_strength"].maximum) == (0, 1)
    assert settings.model.sizes and 3 in settings.model.seconds
    assert list((tmp_path / "cache" / "schemas" / kind.value).glob("*.json"))


def test_a_model_without_a_schema_still_has_its_entry(sim: SimulatorServer, tmp_path: Path) -> None:
    runway = _settings(tmp_path, connection(sim, ConnectionKind.RUNWAY), "gen4.5")
    assert runway.model.listed and runway.model.name == "Runway Gen-4.5"
    assert not runway.schema_found and runway.extra_fields == ()  # Runway publishes none

    fal = _settings(tmp_path, connection(sim, ConnectionKind.FAL), "acme/no-schema-video")
    assert not fal.schema_found and not fal.model.listed and fal.model.takes_image


def test_a_videos_api_model_is_summarised_from_its_capabilities(
    sim: SimulatorServer, tmp_path: Path
) -> None:
    conn = Connection(
        kind=ConnectionKind.COMPATIBLE,
        base_url=sim.url + "/v1",
        key_source=KeySource(env_var="SORA_TEST_PROVIDER_KEY"),
    )
    settings = _settings(tmp_path, conn, "sora-2-pro")
    assert settings.model.provider == "compatible" and settings.model.name == "sora-2-pro"
    assert "1920x1080" in settings.model.sizes and settings.model.usd_per_second == 0.30
    assert not settings.schema_found and settings.extra_fields == ()
