"""The model catalogue: the shipped file is valid, a malformed entry is refused naming what
is wrong, and adding a model is a change to the data only."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from sora_desktop.core import catalogue
from sora_desktop.core.catalogue import (
    CATALOGUE_PATH,
    CatalogueError,
    load_catalogue,
    model_for,
    parse_catalogue,
)
from sora_desktop.core.models import ConnectionKind, VideoRequest
from sora_desktop.core.spending import estimate_cost


def _shipped() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(CATALOGUE_PATH.read_text(encoding="utf-8"))
    return data


def test_the_shipped_catalogue_is_valid_and_covers_the_models_creators_use() -> None:
    cat = load_catalogue()
    names = {(m.provider, m.family) for m in cat.models}
    for kind, family in [
        (ConnectionKind.FAL, "veo-3.1"),
        (ConnectionKind.FAL, "veo-3.1-fast"),
        (ConnectionKind.FAL, "kling-3"),
        (ConnectionKind.FAL, "seedance-2.0"),
        (ConnectionKind.FAL, "wan-2.7"),
        (ConnectionKind.REPLICATE, "veo-3.1"),
        (ConnectionKind.RUNWAY, "gen-4.5"),
        (ConnectionKind.RUNWAY, "gen-4-turbo"),
        (ConnectionKind.RUNWAY, "gemini-omni-flash"),
        (ConnectionKind.RUNWAY, "hailuo-3"),
    ]:
        assert (kind, family) in names, (kind, family)
    for model in cat.models:
        assert model.verified, f"{model.id} says nothing of where its fields come from"
        if model.price is not None:
            assert model.price.checked and model.price.source


def test_wire_values_keep_each_models_own_types() -> None:
    veo = model_for(ConnectionKind.FAL, "fal-ai/veo3.1")
    wan = model_for(ConnectionKind.FAL, "fal-ai/wan/v2.7/text-to-video")
    gen = model_for(ConnectionKind.RUNWAY, "gen4.5")
    req = VideoRequest(prompt="p", size="1280x720", seconds=4)
    assert veo.build_input(req)["duration"] == "4s"
    assert wan.build_input(req)["duration"] == 4
    assert gen.build_input(req) == {
        "model": "gen4.5",
        "promptText": "p",
        "ratio": "1280:720",
        "duration": 4,
    }


def test_prices_are_estimates_with_audio_and_unknown_is_none() -> None:
    fal = ConnectionKind.FAL
    assert estimate_cost("fal-ai/veo3.1", "1920x1080", 8, fal) == 3.2
    assert estimate_cost("fal-ai/veo3.1", "1920x1080", 8, fal, audio=False) == 1.6
    assert estimate_cost("fal-ai/veo3.1", "3840x2160", 8, fal) == 4.8
    assert estimate_cost("acme/unknown", "1280x720", 8, fal) is None


def test_the_prices_found_for_kling_seedance_and_runway_estimate_the_cost() -> None:
    """Prices added with a cited source (docs/providers.md, "Prices"): fal's own model
    pages for Kling 2.6 Pro, Kling 3 Pro and Seedance 2.0, Runway's credits a second."""
    fal, runway = ConnectionKind.FAL, ConnectionKind.RUNWAY
    kling26 = "fal-ai/kling-video/v2.6/pro/image-to-video"
    assert estimate_cost(kling26, "1920x1080", 5, fal) == pytest.approx(0.70)  # audio on
    assert estimate_cost(kling26, "1920x1080", 10, fal, audio=False) == pytest.approx(0.70)
    kling3 = "fal-ai/kling-video/v3/pro/image-to-video"
    assert estimate_cost(kling3, "1920x1080", 5, fal) == pytest.approx(0.84)
    assert estimate_cost(kling3, "1920x1080", 5, fal, audio=False) == pytest.approx(0.56)
    seedance = "bytedance/seedance-2.0/image-to-video"
    assert estimate_cost(seedance, "1280x720", 10, fal) == pytest.approx(3.02)  # to the cent
    assert estimate_cost(seedance, "1920x1080", 5, fal) == pytest.approx(3.40)
    assert estimate_cost(seedance, "720x720", 5, fal, audio=False) == pytest.approx(0.85)
    assert estimate_cost("gen4.5", "1280x720", 5, runway) == pytest.approx(0.60)
    assert estimate_cost("gen4_turbo", "1280x720", 10, runway) == pytest.approx(0.50)
    assert estimate_cost("kling2.5_turbo_pro", "1280x720", 5, runway) is None  # still unknown
    for model in load_catalogue().models:
        if model.price is not None:
            assert model.price.source.startswith("https://"), model.id


#: the prices found by the second search (docs/providers.md, "Prices"): each read from a
#: third-party record that quotes the provider's own page, and marked so in its source
SECOND_SEARCH = {
    (ConnectionKind.FAL, "fal-ai/veo3.1/fast"),
    (ConnectionKind.FAL, "fal-ai/wan/v2.7/text-to-video"),
    (ConnectionKind.REPLICATE, "google/veo-3.1"),
    (ConnectionKind.REPLICATE, "google/veo-3.1-fast"),
    (ConnectionKind.REPLICATE, "kwaivgi/kling-v2.5-turbo-pro"),
    (ConnectionKind.REPLICATE, "wan-video/wan-2.5-i2v"),
    (ConnectionKind.RUNWAY, "veo3.1"),
    (ConnectionKind.RUNWAY, "veo3.1_fast"),
    (ConnectionKind.RUNWAY, "gemini_omni_flash"),
    (ConnectionKind.RUNWAY, "seedance2"),
    (ConnectionKind.RUNWAY, "hailuo3"),
    (ConnectionKind.RUNWAY, "wan3"),
}


def test_the_prices_found_by_the_second_search_estimate_the_cost() -> None:
    fal, rep, runway = ConnectionKind.FAL, ConnectionKind.REPLICATE, ConnectionKind.RUNWAY
    fast = "fal-ai/veo3.1/fast"
    assert estimate_cost(fast, "1280x720", 8, fal) == pytest.approx(1.20)  # audio on
    assert estimate_cost(fast, "1920x1080", 8, fal, audio=False) == pytest.approx(0.80)
    assert estimate_cost(fast, "3840x2160", 8, fal) == pytest.approx(2.80)
    assert estimate_cost(fast, "2160x3840", 8, fal, audio=False) == pytest.approx(2.40)
    wan27 = "fal-ai/wan/v2.7/text-to-video"
    assert estimate_cost(wan27, "1280x720", 5, fal) == pytest.approx(0.50)
    assert estimate_cost(wan27, "1080x1080", 10, fal) == pytest.approx(1.50)
    assert estimate_cost("google/veo-3.1", "1920x1080", 8, rep) == pytest.approx(3.20)
    assert estimate_cost("google/veo-3.1", "1280x720", 4, rep, audio=False) == pytest.approx(0.80)
    rep_fast = "google/veo-3.1-fast"
    assert estimate_cost(rep_fast, "1080x1920", 8, rep) == pytest.approx(1.20)
    assert estimate_cost(rep_fast, "1080x1920", 8, rep, audio=False) == pytest.approx(0.80)
    kling25 = "kwaivgi/kling-v2.5-turbo-pro"
    assert estimate_cost(kling25, "1080x1080", 10, rep) == pytest.approx(0.70)
    wan25 = "wan-video/wan-2.5-i2v"
    assert estimate_cost(wan25, "854x480", 5, rep) == pytest.approx(0.25)
    assert estimate_cost(wan25, "720x1280", 5, rep) == pytest.approx(0.50)
    assert estimate_cost(wan25, "1920x1080", 10, rep) == pytest.approx(1.50)
    assert estimate_cost("veo3.1", "1280x720", 8, runway) == pytest.approx(3.20)  # 40 credits/s
    assert estimate_cost("veo3.1", "1280x720", 8, runway, audio=False) == pytest.approx(1.60)
    assert estimate_cost("veo3.1_fast", "720x1280", 6, runway) == pytest.approx(0.90)
    assert estimate_cost("veo3.1_fast", "720x1280", 6, runway, audio=False) == pytest.approx(0.60)
    assert estimate_cost("gemini_omni_flash", "1280x720", 8, runway) == pytest.approx(0.80)
    assert estimate_cost("seedance2", "1280x720", 5, runway) == pytest.approx(1.80)
    assert estimate_cost("hailuo3", "720x1280", 10, runway) == pytest.approx(1.00)
    assert estimate_cost("wan3", "1280x720", 5, runway) == pytest.approx(0.50)
    by_key = {(m.provider, m.id): m for m in load_catalogue().models}
    for key in SECOND_SEARCH:
        price = by_key[key].price
        assert price is not None, key
        assert price.checked == "2026-11-30" and "third-party" in price.source, key


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda m: m.pop("fields"), "'fields'"),
        (lambda m: m["fields"].pop("prompt"), "'prompt'"),
        (lambda m: m["fields"].update(colour="c"), "'colour'"),
        (lambda m: m.update(provider="openai"), "not a provider kind"),
        (lambda m: m.update(provider="nobody"), "unknown provider"),
        (lambda m: m.update(endpoints={}), "'endpoints'"),
        (lambda m: m["sizes"].update({"big": {}}), "'big' is not a size"),
        (lambda m: m["seconds"]["values"].update({"four": "4s"}), "'four'"),
        (lambda m: m["seconds"].update(default=5), "default 5"),
        (lambda m: m.update(price={"usd_per_second": {"default": 1}}), "'checked'"),
        (
            lambda m: m.update(
                price={"usd_per_second": {"default": -1}, "checked": "2026-11-30", "source": "x"}
            ),
            "not a price",
        ),
        (
            lambda m: m["sizes"].update({"1280x720": {"aspect_ratio": ["16:9"]}}),
            "expected a string",
        ),
    ],
)
def test_a_malformed_entry_is_refused_naming_it(change: Any, message: str) -> None:
    data = _shipped()
    entry = copy.deepcopy(data["models"][0])
    change(entry)
    data["models"][0] = entry
    with pytest.raises(CatalogueError) as info:
        parse_catalogue(data)
    assert message in str(info.value)
    assert "model #1" in str(info.value)


def test_the_same_model_twice_is_refused() -> None:
    data = _shipped()
    data["models"].append(copy.deepcopy(data["models"][0]))
    with pytest.raises(CatalogueError, match="listed twice"):
        parse_catalogue(data)


def test_adding_a_model_is_a_data_change_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A copy of the catalogue with one more model, and the engine uses it: its sizes and
    seconds are refused or mapped as the entry says, its price estimates the cost."""
    data = _shipped()
    data["models"].append(
        {
            "provider": "fal",
            "id": "acme/new-video",
            "name": "Acme New Video",
            "endpoints": {"text": "acme/new-video"},
            "fields": {"prompt": "text", "seed": "noise_seed"},
            "sizes": {"1280x720": {"shape": "wide"}, "720x1280": {"shape": "tall"}},
            "seconds": {"field": "length", "values": {"3": "three", "6": "six"}, "default": 3},
            "price": {
                "usd_per_second": {"default": 0.05},
                "checked": "2026-11-30",
                "source": "test",
            },
            "verified": "made up for the test",
        }
    )
    path = tmp_path / "catalogue.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    monkeypatch.setattr(catalogue, "CATALOGUE_PATH", path)
    catalogue._shipped.cache_clear()
    try:
        model = model_for(ConnectionKind.FAL, "acme/new-video")
        assert model.listed and model.name == "Acme New Video"
        req = VideoRequest(prompt="a tall ship", size="720x1280", seconds=6, seed=3)
        model.validate(req)
        assert model.build_input(req) == {
            "text": "a tall ship",
            "shape": "tall",
            "length": "six",
            "noise_seed": 3,
        }
        assert estimate_cost("acme/new-video", "720x1280", 6, ConnectionKind.FAL) == 0.3
        with pytest.raises(Exception, match="4-second"):
            model.validate(VideoRequest(prompt="x", size="720x1280", seconds=4))
    finally:
        catalogue._shipped.cache_clear()
