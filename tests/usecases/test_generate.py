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
