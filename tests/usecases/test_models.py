"""Models as both faces see them: the catalogue for a kind, one model's parameters over the
simulator (schema, else the catalogue's fields, said so), the estimate with "price unknown"
as a value, sizes/aspects/lengths checked naming the field, and ``--param`` values typed."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from sora_desktop.core.errors import InvalidRequestError
from sora_desktop.core.models import ConnectionKind
from sora_desktop.core.service import GenerationService
from sora_desktop.simulator.server import SimulatorServer
from sora_desktop.usecases.models import (
    ModelDetails,
    aspect_of,
    choose_seconds,
    choose_size,
    coerce_form,
    coerce_params,
    estimate_cost,
    list_models,
    model_details,
    parse_param,
)
from tests.provider_support import KEY, connection, run_service


@pytest.fixture
def sim(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SimulatorServer]:
    renders = tmp_path_factory.mktemp("models-renders")
    with SimulatorServer(latency=0.2, api_key=KEY, storage_dir=renders) as server:
        yield server


def _details(
    tmp_path: Path, sim: SimulatorServer, kind: ConnectionKind, model: str
) -> ModelDetails:
    async def body(service: GenerationService) -> ModelDetails:
        return await model_details(service, connection(sim, kind), model)

    return run_service(tmp_path, body)


def test_each_provider_kind_lists_its_catalogue_and_the_videos_api_its_models() -> None:
    for kind in (ConnectionKind.FAL, ConnectionKind.REPLICATE, ConnectionKind.RUNWAY):
        models = list_models(kind)
        assert models and all(m.provider == kind.value and m.listed for m in models)
    fal = {m.id: m for m in list_models(ConnectionKind.FAL)}
    assert fal["fal-ai/veo3.1"].usd_per_second == 0.40 and fal["fal-ai/veo3.1"].price_checked
    assert [m.id for m in list_models(ConnectionKind.OPENAI)] == ["sora-2", "sora-2-pro"]


@pytest.mark.parametrize("kind", [ConnectionKind.FAL, ConnectionKind.REPLICATE])
def test_a_model_s_full_parameter_list_comes_from_the_provider_schema(
    kind: ConnectionKind, sim: SimulatorServer, tmp_path: Path
) -> None:
    details = _details(tmp_path, sim, kind, "sim/any-video")
    assert details.schema_found and details.note is None
    names = [f.name for f in details.fields]
    assert "prompt" in names and "motion_strength" in names
    assert [f.name for f in details.extra_fields] == ["motion_strength", "style_image"]
    motion = details.field("motion_strength")
    assert motion is not None and (motion.minimum, motion.maximum) == (0, 1)


def test_without_a_schema_the_catalogue_s_fields_are_shown_and_it_says_so(
    sim: SimulatorServer, tmp_path: Path
) -> None:
    details = _details(tmp_path, sim, ConnectionKind.RUNWAY, "gen4.5")
    assert not details.schema_found
    assert details.note is not None and "Runway" in details.note
    by_name = {f.name: f for f in details.fields}
    assert by_name["promptText"].required
    assert by_name["ratio"].widget == "choice" and "1280:720" in by_name["ratio"].choices
    assert by_name["duration"].widget == "choice" and 10 in by_name["duration"].choices
    assert by_name["promptImage"].widget == "image"


def test_the_estimate_is_a_value_even_when_the_price_is_unknown() -> None:
    veo = estimate_cost(ConnectionKind.FAL, "fal-ai/veo3.1", "1280x720", 8, audio=False)
    assert veo.known and veo.usd == pytest.approx(1.60) and veo.usd_per_second == 0.20
    assert veo.checked and veo.checked in veo.text() and "1.60" in veo.text()
    on = estimate_cost(ConnectionKind.FAL, "fal-ai/veo3.1", "1280x720", 8, audio=True)
    assert on.usd == pytest.approx(3.20)
    gen45 = estimate_cost(ConnectionKind.RUNWAY, "gen4.5", "1280x720", 5)  # 12 credits/s
    assert gen45.known and gen45.usd == pytest.approx(0.60)
    unknown = estimate_cost(ConnectionKind.RUNWAY, "kling2.5_turbo_pro", "1280x720", 5)
    assert not unknown.known and unknown.text() == "price unknown"
    assert not estimate_cost(ConnectionKind.FAL, "acme/not-listed", "1280x720", 5).known
    free = estimate_cost(ConnectionKind.SIMULATOR, "sora-2", "1280x720", 4)
    assert free.free and free.usd == 0.0


def test_size_comes_from_the_aspect_and_refusals_name_the_field_and_the_allowed_values() -> None:
    veo = {m.id: m for m in list_models(ConnectionKind.FAL)}["fal-ai/veo3.1"]
    assert aspect_of("1280x720") == "16:9" and aspect_of("1080x1080") == "1:1"
    assert choose_size(veo, aspect="16:9") == "1280x720"
    assert choose_size(veo, aspect="9:16") == "720x1280"
    assert choose_size(veo, size="1920x1080") == "1920x1080"
    assert choose_size(veo) == "1280x720"
    with pytest.raises(InvalidRequestError) as bad_aspect:
        choose_size(veo, aspect="4:3")
    assert bad_aspect.value.param == "aspect" and "16:9" in bad_aspect.value.message
    with pytest.raises(InvalidRequestError) as bad_size:
        choose_size(veo, size="640x480", hint="Use --size.")
    assert bad_size.value.param == "size" and "1280x720" in bad_size.value.message
    assert bad_size.value.next_step == "Use --size."
    assert choose_seconds(veo) == 8 and choose_seconds(veo, 4) == 4
    with pytest.raises(InvalidRequestError) as bad_seconds:
        choose_seconds(veo, 7)
    assert bad_seconds.value.param == "seconds" and "4, 6, 8" in bad_seconds.value.message


def test_params_are_typed_by_the_schema_and_refusals_name_the_field(
    sim: SimulatorServer, tmp_path: Path
) -> None:
    details = _details(tmp_path, sim, ConnectionKind.REPLICATE, "sim/any-video")
    assert parse_param("motion_strength=0.5") == ("motion_strength", "0.5")
    assert parse_param("prompt=a=b") == ("prompt", "a=b")
    with pytest.raises(InvalidRequestError) as no_name:
        parse_param("=3")
    assert no_name.value.param == "param"
    params = coerce_params([("motion_strength", "0.5")], details)
    assert params == (("motion_strength", "0.5"),) and json.loads(params[0][1]) == 0.5
    with pytest.raises(InvalidRequestError) as too_big:
        coerce_params([("motion_strength", "3")], details)
    assert too_big.value.param == "motion_strength" and "at most 1" in too_big.value.message
    with pytest.raises(InvalidRequestError) as not_number:
        coerce_params([("motion_strength", "lots")], details)
    assert not_number.value.param == "motion_strength" and "number" in not_number.value.message
    with pytest.raises(InvalidRequestError) as unknown:
        coerce_params([("sparkle", "1")], details)
    assert unknown.value.param == "sparkle" and "motion_strength" in unknown.value.message
    assert coerce_form({"motion_strength": 0.25, "seed": None}, details) == (
        ("motion_strength", "0.25"),
    )


def test_without_a_schema_catalogue_fields_are_checked_and_others_pass_as_written(
    sim: SimulatorServer, tmp_path: Path
) -> None:
    details = _details(tmp_path, sim, ConnectionKind.RUNWAY, "gen4.5")
    with pytest.raises(InvalidRequestError) as bad_ratio:
        coerce_params([("ratio", "3:2")], details)
    assert bad_ratio.value.param == "ratio" and "1280:720" in bad_ratio.value.message
    params = dict(coerce_params([("duration", "10"), ("watermark", "false"), ("x", "hi")], details))
    assert json.loads(params["duration"]) == 10
    assert json.loads(params["watermark"]) is False and json.loads(params["x"]) == "hi"


def test_a_model_added_to_the_catalogue_file_is_offered_with_no_code(
    sim: SimulatorServer, tmp_path: Path
) -> None:
    """Kling 2.6 Pro was added to resources/models/catalogue.json only (issue 11's target:
    adding a model is a data change)."""
    kling = {m.id: m for m in list_models(ConnectionKind.FAL)}[
        "fal-ai/kling-video/v2.6/pro/image-to-video"
    ]
    assert kling.name == "Kling 2.6 Pro" and kling.needs_image and kling.takes_end_image
    assert kling.seconds == (5, 10) and kling.default_seconds == 5 and kling.has_audio
    priced = estimate_cost(ConnectionKind.FAL, kling.id, "1920x1080", 5, audio=False)
    assert priced.usd == pytest.approx(0.35)  # its price too is data: $0.07/s, audio off
    with pytest.raises(InvalidRequestError) as refused:
        choose_seconds(kling, 8)
    assert "5, 10" in refused.value.message
    details = _details(tmp_path, sim, ConnectionKind.FAL, kling.id)
    duration = details.field("duration")
    assert duration is not None and duration.choices == ("5", "10")
    assert details.field("start_image_url") is not None


def test_without_a_key_the_catalogue_still_describes_the_model_and_says_why(
    sim: SimulatorServer, tmp_path: Path
) -> None:
    async def body(service: GenerationService) -> ModelDetails:
        return await model_details(service, connection(sim, ConnectionKind.FAL), "fal-ai/veo3.1")

    details = run_service(tmp_path, body, key=None)
    assert not details.schema_found and details.summary.name == "Veo 3.1"
    assert details.note is not None and "SORA_TEST_PROVIDER_KEY" in details.note
    assert details.field("generate_audio") is not None and details.field("aspect_ratio")
