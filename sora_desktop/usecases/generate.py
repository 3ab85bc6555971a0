"""Making videos: the reference image prepared and the request submitted, remix, retry.

    prepare_reference_image(path, size, fit, images_dir, hint=..., mismatch_hint=...)
        -> PreparedImage | None         # checked; converted (letterbox / crop) if asked
    await submit(service, order, connection, images_dir) -> Job     # a new paid job
    await remix(service, job_id, prompt) -> Job
    await retry(service, job, connection) -> Job                     # a NEW job, same request

Every face sends through these; the service stores the job before its create is sent, so a
lost reply is reconciled, never re-sent (docs/reliability.md).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from sora_desktop.core.errors import InvalidRequestError
from sora_desktop.core.i18n import _
from sora_desktop.core.models import Connection, Job, VideoRequest
from sora_desktop.core.retry import retry_request

if TYPE_CHECKING:
    from sora_desktop.core.service import GenerationService

FitMode = Literal["fit", "crop"]


@dataclass(frozen=True, slots=True)
class PreparedImage:
    """The image to upload: the original, or a converted copy (``converted``)."""

    path: Path
    converted: bool


@dataclass(frozen=True, slots=True)
class Order:
    """What the creator asked for (plain values: it crosses to the I/O thread)."""

    prompt: str
    model: str
    size: str
    seconds: int
    image: Path | None = None
    fit: FitMode | None = None  # convert an image of another size this way

    def request(self, image: Path | None) -> VideoRequest:
        return VideoRequest(
            prompt=self.prompt,
            model=self.model,
            size=self.size,
            seconds=self.seconds,
            reference_image=image,
        )


def prepare_reference_image(
    path: Path | None,
    size: str,
    fit: FitMode | None,
    images_dir: Path,
    *,
    hint: str | None = None,
    mismatch_hint: str | None = None,
) -> PreparedImage | None:
    """Check the reference image (refusing what the API can't take) and, when its size
    differs from the video's, convert it with ``fit`` into ``images_dir``. Without ``fit``
    an image of another size is refused (``mismatch_hint``: how the face asks for a fit).
    Reads and may write an image: run it off the GUI thread."""
    if path is None:
        return None
    from sora_desktop.core.images import check_reference_image, fit_reference_image

    check = check_reference_image(path, size, hint=hint)
    if check.matches_size:
        return PreparedImage(path, converted=False)
    if fit is None:
        raise InvalidRequestError(
            check.reason
            or _("The image is {width}x{height}; the video is {size}.").format(
                width=check.width, height=check.height, size=size
            ),
            mismatch_hint or _("Choose Fit or Crop under the image to convert it."),
            param="input_reference",
        )
    images_dir.mkdir(parents=True, exist_ok=True)
    return PreparedImage(fit_reference_image(path, size, fit, images_dir), converted=True)


async def submit(
    service: GenerationService, order: Order, connection: Connection, images_dir: Path
) -> Job:
    """Prepare the image (in a worker thread: converting a big one takes a moment), then
    store and start the job. Returns it as stored."""
    import asyncio  # here: the window imports this module before asyncio may load

    prepared = await asyncio.to_thread(
        prepare_reference_image, order.image, order.size, order.fit, images_dir
    )
    return await service.submit(order.request(prepared.path if prepared else None), connection)


async def remix(service: GenerationService, job_id: str, prompt: str) -> Job:
    """A new job: ``prompt`` applied to a finished video the service still has."""
    return await service.remix(job_id, prompt)


async def retry(service: GenerationService, job: Job, connection: Connection) -> Job:
    """A NEW job with ``job``'s request (the old one is untouched, its create never
    re-sent). Raises ``InvalidRequestError`` when ``job`` can't be retried."""
    return await service.submit(retry_request(job), connection)
