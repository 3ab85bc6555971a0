"""Preparing the reference image and submitting: one path for the window and the CLI."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from PIL import Image

from sora_desktop.core.errors import InvalidRequestError
from sora_desktop.core.models import JobStatus
from sora_desktop.usecases.generate import Order, prepare_reference_image, submit
from tests.core.test_service_support import SIM, Harness


def _png(path: Path, size: tuple[int, int]) -> Path:
    Image.new("RGB", size, (200, 30, 30)).save(path, "PNG")
    return path


def test_an_image_of_the_right_size_is_sent_as_it_is(tmp_path: Path) -> None:
    image = _png(tmp_path / "ok.png", (1280, 720))
    prepared = prepare_reference_image(image, "1280x720", None, tmp_path / "converted")
    assert prepared is not None and prepared.path == image and not prepared.converted
    assert prepare_reference_image(None, "1280x720", "fit", tmp_path) is None


def test_another_size_is_refused_without_a_fit_and_converted_with_one(tmp_path: Path) -> None:
    image = _png(tmp_path / "small.png", (300, 200))
    with pytest.raises(InvalidRequestError) as refused:
        prepare_reference_image(image, "1280x720", None, tmp_path / "c", mismatch_hint="Use --fit.")
    assert refused.value.next_step == "Use --fit." and refused.value.param == "input_reference"
    assert not (tmp_path / "c").exists()  # nothing written for a refusal
    prepared = prepare_reference_image(image, "1280x720", "crop", tmp_path / "c")
    assert prepared is not None and prepared.converted
    assert prepared.path.parent == tmp_path / "c"
    with Image.open(prepared.path) as out:
        assert out.size == (1280, 720)


def test_submit_sends_the_converted_image(tmp_path: Path) -> None:
    harness = Harness(tmp_path)
    image = _png(tmp_path / "small.png", (300, 200))
    order = Order("a kite", "sora-2", "1280x720", 4, image=image, fit="fit")

    async def body() -> None:
        try:
            job = await submit(harness.service, order, SIM, tmp_path / "images")
            assert job.request.reference_image is not None
            assert job.request.reference_image.parent == tmp_path / "images"
            assert job.status in (JobStatus.DRAFT, JobStatus.SUBMITTING, JobStatus.QUEUED)
            done = await harness.service.wait(job.id)
            assert done.status is JobStatus.READY
        finally:
            await harness.close()

    asyncio.run(body())
    assert harness.client.calls.count("create") == 1


def test_an_image_setting_is_fitted_to_the_video_and_kept_as_a_file(tmp_path: Path) -> None:
    """An image field of the model's own settings ("More settings") is checked and fitted
    like the start image; the request keeps the fitted FILE (no size limit here: the
    dialect sends it inline or through the provider's upload when the create goes out)."""
    from sora_desktop.usecases.generate import image_param

    image = _png(tmp_path / "mask.png", (300, 200))
    with pytest.raises(InvalidRequestError) as refused:  # another size, no fit: refused
        image_param("mask_image", image, "1280x720", None, tmp_path / "c")
    assert refused.value.param == "mask_image"  # the field at fault, not the start image
    fitted = image_param("mask_image", image, "1280x720", "crop", tmp_path / "c")
    assert fitted.parent == tmp_path / "c"
    with Image.open(fitted) as out:
        assert out.size == (1280, 720)
    right = _png(tmp_path / "right.png", (1280, 720))
    assert image_param("mask_image", right, "1280x720", None, tmp_path / "c") == right


def test_submit_carries_the_model_settings_and_the_end_image(tmp_path: Path) -> None:
    harness = Harness(tmp_path)
    end = _png(tmp_path / "end.png", (1280, 720))
    mask = _png(tmp_path / "mask.png", (1280, 720))
    order = Order(
        "a kite",
        "sora-2",
        "1280x720",
        4,
        audio=False,
        negative_prompt="text",
        seed=7,
        end_image=end,
        params=(("motion_strength", "0.8"),),
        image_params=(("mask_image", mask, None),),
    )

    async def body() -> None:
        try:
            job = await submit(harness.service, order, SIM, tmp_path / "images")
            request = job.request
            assert (request.audio, request.negative_prompt, request.seed) == (False, "text", 7)
            assert request.end_image == end
            assert dict(request.params) == {"motion_strength": "0.8"}
            assert request.image_params == (("mask_image", mask),)
            stored = harness.store.get(job.id)  # persisted: a resume sends the same file
            assert stored is not None and stored.request.image_params == request.image_params
            await harness.service.wait(job.id)
        finally:
            await harness.close()

    asyncio.run(body())
