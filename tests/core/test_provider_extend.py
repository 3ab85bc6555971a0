"""A catalogue model's own extend endpoint as data (``catalogue_extend.py``) and the checks,
input and price of an extension request (``provider_extend.py``), without a network."""

from __future__ import annotations

import base64
import copy
import json
from pathlib import Path
from typing import Any

import pytest

from sora_desktop.core.catalogue import CATALOGUE_PATH, CatalogueError, load_catalogue, parse_model
from sora_desktop.core.errors import InvalidRequestError
from sora_desktop.core.models import Connection, ConnectionKind, Job, JobStatus, VideoRequest
from sora_desktop.core.provider_extend import (
    CatalogueExtender,
    check_extension,
    video_data_uri,
)
from sora_desktop.core.spending import estimate_job_cost
from sora_desktop.core.store import JobStore

FAL = Connection(kind=ConnectionKind.FAL, base_url="https://queue.fal.run")


def _entry(model_id: str = "fal-ai/veo3.1") -> dict[str, Any]:
    data = json.loads(CATALOGUE_PATH.read_text(encoding="utf-8"))
    return copy.deepcopy(next(m for m in data["models"] if m["id"] == model_id))


def _extension(tmp_path: Path, **kw: Any) -> VideoRequest:
    clip = tmp_path / "source.mp4"
    clip.write_bytes(b"\x00" * 1000)
    kw.setdefault("seconds", 7)
    kw.setdefault("size", "1280x720")
    kw.setdefault("model", "fal-ai/veo3.1")
    kw.setdefault("extend_endpoint", kw["model"] + "/extend-video")
    return VideoRequest(prompt="more", extend_video=clip, **kw)


def test_the_shipped_catalogue_lists_fals_veo_extend_endpoints_and_no_others() -> None:
    catalogue = load_catalogue()
    with_extend = {(m.provider, m.id): m.extend for m in catalogue.models if m.extend}
    assert set(with_extend) == {
        (ConnectionKind.FAL, "fal-ai/veo3.1"),
        (ConnectionKind.FAL, "fal-ai/veo3.1/fast"),
    }
    fast = with_extend[(ConnectionKind.FAL, "fal-ai/veo3.1/fast")]
    assert fast is not None
    assert (fast.endpoint, fast.video_field, fast.seconds) == (
        "fal-ai/veo3.1/fast/extend-video",
        "video_url",
        ((7, "7s"),),
    )
    assert fast.estimate_cost("1280x720", 7) == pytest.approx(1.05)
    assert fast.estimate_cost("1280x720", 7, audio=False) == pytest.approx(0.7)
    assert fast.price is not None and fast.price.checked


@pytest.mark.parametrize(
    ("change", "words"),
    [
        (lambda e: e.update(endpoint=""), "'endpoint' must be a non-empty string"),
        (lambda e: e.pop("video_field"), "'video_field' must be a non-empty string"),
        (lambda e: e.update(seconds={"values": {"x": "7s"}}), "not a whole number"),
        (lambda e: e.update(source_sizes=["big"]), "'source_sizes'"),
        (lambda e: e.update(price={"usd_per_second": {"default": 1}}), "'checked'"),
    ],
)
def test_a_malformed_extend_entry_is_refused_naming_the_model_and_field(
    change: Any, words: str
) -> None:
    entry = _entry()
    change(entry["extend"])
    with pytest.raises(CatalogueError) as info:
        parse_model(entry)
    assert "fal:fal-ai/veo3.1 extend" in str(info.value) and words in str(info.value)


def test_the_endpoints_input_maps_the_common_settings_and_carries_the_clip(
    tmp_path: Path,
) -> None:
    model = parse_model(_entry())
    assert model.extend is not None
    request = _extension(tmp_path, audio=False, negative_prompt="rain", seed=7)
    body = model.extend.build_input(model, request, "data:video/mp4;base64,AAAA")
    assert body == {
        "prompt": "more",
        "generate_audio": False,
        "negative_prompt": "rain",
        "seed": 7,
        "duration": "7s",
        "video_url": "data:video/mp4;base64,AAAA",
    }


def test_an_extension_the_endpoint_cannot_take_is_refused_naming_the_field(
    tmp_path: Path,
) -> None:
    model = load_catalogue().get(ConnectionKind.FAL, "fal-ai/veo3.1")
    assert model is not None
    check_extension(model, _extension(tmp_path), ConnectionKind.FAL)  # accepted
    refusals = [
        (_extension(tmp_path, seconds=4), "seconds", "adds 7 seconds, not 4"),
        (_extension(tmp_path, size="3840x2160"), "size", "3840x2160"),
    ]
    for request, param, words in refusals:
        with pytest.raises(InvalidRequestError) as info:
            check_extension(model, request, ConnectionKind.FAL)
        assert info.value.param == param and words in info.value.message
    missing = _extension(tmp_path)
    assert missing.extend_video is not None
    missing.extend_video.unlink()
    with pytest.raises(InvalidRequestError) as gone:
        check_extension(model, missing, ConnectionKind.FAL)
    assert gone.value.param == "extend_video" and "not on disk" in gone.value.message
    wan = load_catalogue().get(ConnectionKind.FAL, "fal-ai/wan/v2.7/text-to-video")
    assert wan is not None
    with pytest.raises(InvalidRequestError) as none:
        check_extension(wan, _extension(tmp_path), ConnectionKind.FAL)
    assert "no extend endpoint" in none.value.message


def test_the_clip_goes_as_a_data_uri_within_the_limit_and_is_refused_over_it(
    tmp_path: Path,
) -> None:
    clip = tmp_path / "c.mp4"
    clip.write_bytes(b"\x01\x02\x03" * 10)
    uri = video_data_uri(clip, 30)
    assert uri.startswith("data:video/mp4;base64,")
    assert base64.b64decode(uri.partition(",")[2]) == clip.read_bytes()
    with pytest.raises(InvalidRequestError) as info:
        video_data_uri(clip, 29)
    assert info.value.param == "extend_video"


def test_the_estimate_is_the_endpoints_price_for_the_seconds_added(tmp_path: Path) -> None:
    assert estimate_job_cost(_extension(tmp_path), FAL) == pytest.approx(2.8)
    assert estimate_job_cost(_extension(tmp_path, audio=False), FAL) == pytest.approx(1.4)


def test_the_extender_makes_the_request_from_a_finished_clip(tmp_path: Path) -> None:
    clip = tmp_path / "done.mp4"
    clip.write_bytes(b"\x00" * 10)
    source = Job(
        id="s",
        request=VideoRequest(prompt="a", model="fal-ai/veo3.1/fast", size="720x1280", seconds=4),
        connection=FAL,
        status=JobStatus.READY,
        file_path=clip,
    )
    extender = CatalogueExtender()
    assert extender.can_extend(FAL, "fal-ai/veo3.1/fast")
    assert not extender.can_extend(FAL, "fal-ai/wan/v2.7/text-to-video")
    caps = extender.capabilities(source)
    assert caps is not None and caps.seconds == (7,)
    assert caps.price_per_second("720x1280") == pytest.approx(0.15)
    request = extender.extension_request(source, "next", None)
    assert (request.seconds, request.size, request.extend_video, request.extend_endpoint) == (
        7,
        "720x1280",
        clip,
        "fal-ai/veo3.1/fast/extend-video",
    )


def test_the_library_keeps_an_extensions_clip_and_endpoint(tmp_path: Path) -> None:
    request = _extension(tmp_path)
    job = Job(id="x", request=request, connection=FAL, status=JobStatus.DRAFT)
    store = JobStore(tmp_path / "library.db")
    try:
        store.add(job)
        stored = store.get("x")
    finally:
        store.close()
    assert stored is not None
    assert stored.request.extend_video == request.extend_video
    assert stored.request.extend_endpoint == "fal-ai/veo3.1/extend-video"


def test_sending_an_extension_again_is_quoted_at_the_extend_endpoints_price(
    tmp_path: Path,
) -> None:
    """A resend or retry of an outcome-unknown extension says what IT costs: the fast
    extend's $0.15/s from the extend page, not the fast model's generation price."""
    from sora_desktop.usecases.models import request_cost

    request = _extension(tmp_path, model="fal-ai/veo3.1/fast")
    quote = request_cost(ConnectionKind.FAL, request)
    assert quote.usd == pytest.approx(1.05) and quote.usd_per_second == pytest.approx(0.15)
    assert quote.checked == "2026-11-30" and "fast/extend-video" in quote.source
    plain = VideoRequest(prompt="p", model="fal-ai/veo3.1/fast", size="1280x720", seconds=8)
    generation = request_cost(ConnectionKind.FAL, plain)  # the model's own price, 8 s
    assert generation.usd == pytest.approx(1.20) and "fast/extend-video" not in generation.source


def test_an_extend_entry_on_a_kind_whose_dialect_sends_no_clip_is_not_offered(
    tmp_path: Path,
) -> None:
    """Runway's dialect would send a plain generation: an ``extend`` there is ignored."""
    entry = _entry("gen4.5")
    entry["extend"] = _entry()["extend"]
    model = parse_model(entry)
    assert model.extend is not None
    with pytest.raises(InvalidRequestError) as info:
        check_extension(model, _extension(tmp_path), ConnectionKind.RUNWAY)
    assert "no extend endpoint" in info.value.message
    runway = Connection(kind=ConnectionKind.RUNWAY, base_url="https://api.dev.runwayml.com")
    assert not CatalogueExtender().can_extend(runway, "gen4.5")
