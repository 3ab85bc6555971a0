"""core.retry: what may be retried, and the request a retry sends (a new job's)."""

from __future__ import annotations

from pathlib import Path

import pytest

from sora_desktop.core.errors import InvalidRequestError
from sora_desktop.core.models import Connection, ConnectionKind, Job, JobStatus, VideoRequest
from sora_desktop.core.retry import RETRYABLE_STATUSES, can_retry, retry_request


def _job(status: JobStatus, image: Path | None = None, remix_of: str | None = None) -> Job:
    return Job(
        id="j1",
        request=VideoRequest(
            prompt="A lighthouse at dusk",
            model="sora-2-pro",
            size="1792x1024",
            seconds=12,
            reference_image=image,
            remix_of=remix_of,
        ),
        connection=Connection(kind=ConnectionKind.SIMULATOR, base_url="http://127.0.0.1:9/v1"),
        status=status,
        remote_id="video_old",
    )


@pytest.mark.parametrize("status", sorted(RETRYABLE_STATUSES))
def test_a_job_without_a_video_is_retried_with_the_same_request(
    status: JobStatus, tmp_path: Path
) -> None:
    image = tmp_path / "ref.png"
    image.write_bytes(b"png")
    job = _job(status, image, remix_of="video_src")
    assert can_retry(job)
    assert retry_request(job) == job.request  # prompt, model, size, seconds, image, remix


@pytest.mark.parametrize("status", [s for s in JobStatus if s not in RETRYABLE_STATUSES], ids=str)
def test_a_running_or_finished_job_is_not_retried(status: JobStatus) -> None:
    job = _job(status)
    assert not can_retry(job)
    with pytest.raises(InvalidRequestError):
        retry_request(job)


def test_a_reference_image_that_is_gone_is_named(tmp_path: Path) -> None:
    gone = tmp_path / "gone.png"
    with pytest.raises(InvalidRequestError) as refused:
        retry_request(_job(JobStatus.FAILED, gone))
    assert str(gone) in refused.value.message
    assert refused.value.next_step


def test_a_provider_job_is_retried_with_every_setting_it_had(tmp_path: Path) -> None:
    """Audio, seed, negative prompt, end image, the model's own fields and image fields are
    part of what the creator asked for: a retry that dropped them would pay for another
    video than the one asked for."""
    start, end, field = (tmp_path / f"{n}.png" for n in ("start", "end", "field"))
    for path in (start, end, field):
        path.write_bytes(b"png")
    request = VideoRequest(
        prompt="A lighthouse at dusk",
        model="fal-ai/veo3.1",
        size="1280x720",
        seconds=8,
        reference_image=start,
        audio=False,
        negative_prompt="blur",
        seed=42,
        end_image=end,
        params=(("safety_tolerance", '"2"'),),
        image_params=(("style_image_url", field),),
    )
    job = Job(
        id="j2",
        request=request,
        connection=Connection(kind=ConnectionKind.FAL, base_url="http://127.0.0.1:9/fal"),
        status=JobStatus.FAILED,
    )
    assert retry_request(job) == request


@pytest.mark.parametrize("which", ["end_image", "image_params"])
def test_an_end_image_or_image_field_that_is_gone_is_named(tmp_path: Path, which: str) -> None:
    gone = tmp_path / "gone.png"
    request = VideoRequest(
        prompt="A lighthouse at dusk",
        end_image=gone if which == "end_image" else None,
        image_params=(("style_image_url", gone),) if which == "image_params" else (),
    )
    job = Job(
        id="j3",
        request=request,
        connection=Connection(kind=ConnectionKind.FAL, base_url="http://127.0.0.1:9/fal"),
        status=JobStatus.FAILED,
    )
    with pytest.raises(InvalidRequestError) as refused:
        retry_request(job)
    assert str(gone) in refused.value.message
