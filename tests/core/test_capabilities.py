"""Validation refuses what a model can't make before any network call, naming the field."""

from __future__ import annotations

from pathlib import Path

import pytest

from sora_desktop.core.capabilities import (
    AZURE_SORA_2,
    MAX_PROMPT_CHARS,
    SORA_2,
    SORA_2_PRO,
    capabilities_for,
    validate_request,
)
from sora_desktop.core.errors import ExitCode, InvalidRequestError
from sora_desktop.core.models import VideoRequest


def _refusal(request: VideoRequest, caps=SORA_2) -> InvalidRequestError:  # type: ignore[no-untyped-def]
    with pytest.raises(InvalidRequestError) as info:
        validate_request(request, caps)
    assert info.value.exit_code is ExitCode.INVALID_INPUT
    return info.value


def test_a_plain_request_passes() -> None:
    validate_request(VideoRequest(prompt="a red fox", size="1280x720", seconds=8), SORA_2)


@pytest.mark.parametrize("prompt", ["", "   \n\t"])
def test_empty_prompt_is_refused(prompt: str) -> None:
    assert _refusal(VideoRequest(prompt=prompt)).param == "prompt"


def test_prompt_at_the_limit_passes_and_one_more_is_refused() -> None:
    validate_request(VideoRequest(prompt="a" * MAX_PROMPT_CHARS), SORA_2)
    err = _refusal(VideoRequest(prompt="a" * (MAX_PROMPT_CHARS + 1)))
    assert err.param == "prompt"
    assert "32000" in err.message


def test_size_the_model_cant_make_is_refused_with_the_allowed_list() -> None:
    err = _refusal(VideoRequest(prompt="x", size="1920x1080"))
    assert err.param == "size"
    assert "720x1280" in err.message and "1280x720" in err.message
    validate_request(VideoRequest(prompt="x", size="1920x1080"), SORA_2_PRO)


def test_duration_the_model_cant_make_is_refused() -> None:
    err = _refusal(VideoRequest(prompt="x", seconds=5))
    assert err.param == "seconds"
    assert "4, 8, 12" in err.message


def test_azure_keeps_its_documented_limits() -> None:
    caps = capabilities_for("my-deployment", aliases={"my-deployment": "sora-2"}, azure=True)
    assert caps is AZURE_SORA_2
    assert _refusal(VideoRequest(prompt="x", seconds=16), caps).param == "seconds"


def test_dated_snapshots_share_their_family() -> None:
    assert capabilities_for("sora-2-pro-2025-10-06") is SORA_2_PRO
    assert capabilities_for("sora-2-2025-12-08") is SORA_2


def test_unknown_gateway_model_is_permissive_but_still_bounded() -> None:
    caps = capabilities_for("veo-3.1")
    assert caps.name == "veo-3.1"
    validate_request(VideoRequest(prompt="x", model="veo-3.1", size="1920x1080", seconds=20), caps)
    assert _refusal(VideoRequest(prompt="x", size="640x480"), caps).param == "size"
    assert caps.estimate_cost("1280x720", 8) is None


@pytest.mark.parametrize(
    ("caps", "size", "seconds", "dollars"),
    [
        (SORA_2, "720x1280", 4, 0.40),
        (SORA_2, "1280x720", 12, 1.20),
        (SORA_2_PRO, "1280x720", 8, 2.40),
        (SORA_2_PRO, "1792x1024", 4, 2.00),
        (SORA_2_PRO, "1920x1080", 20, 14.00),
    ],
)
def test_cost_estimate_follows_the_archived_price_list(caps, size, seconds, dollars) -> None:  # type: ignore[no-untyped-def]
    assert caps.estimate_cost(size, seconds) == pytest.approx(dollars)


def test_reference_image_refused_where_the_model_takes_none() -> None:
    from dataclasses import replace

    caps = replace(SORA_2, supports_image=False)
    err = _refusal(VideoRequest(prompt="x", reference_image=Path("a.png")), caps)
    assert err.param == "input_reference"
