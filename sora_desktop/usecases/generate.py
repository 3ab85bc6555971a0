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
    #: the settings only some provider models have (None: the model's default)
    audio: bool | None = None
    negative_prompt: str | None = None
    seed: int | None = None
    end_image: Path | None = None
    end_fit: FitMode | None = None
    #: the model's own settings ("More settings", ``--param``): (name, JSON text)
    params: tuple[tuple[str, str], ...] = ()
    #: image fields of the model's own settings: (name, file, fit); sent as data URIs
    image_params: tuple[tuple[str, Path, FitMode | None], ...] = ()

    def request(
        self,
        image: Path | None,
        end_image: Path | None = None,
        image_params: tuple[tuple[str, str], ...] = (),
    ) -> VideoRequest:
        return VideoRequest(
            prompt=self.prompt,
            model=self.model,
            size=self.size,
            seconds=self.seconds,
            reference_image=image,
            audio=self.audio,
            negative_prompt=self.negative_prompt,
            seed=self.seed,
            end_image=end_image,
            params=(*self.params, *image_params),
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
    end = await asyncio.to_thread(
        prepare_reference_image, order.end_image, order.size, order.end_fit, images_dir
    )
    uris = []
    for name, path, fit in order.image_params:
        uri = await asyncio.to_thread(image_param, name, path, order.size, fit, images_dir)
        uris.append((name, uri))
    request = order.request(
        prepared.path if prepared else None, end.path if end else None, tuple(uris)
    )
    return await service.submit(request, connection)


#: the largest image sent inline as one of a model's own settings (the providers' own
#: data URI limit for inputs is about this: docs/providers.md)
IMAGE_PARAM_LIMIT = 5 * 1024 * 1024


def image_param(name: str, path: Path, size: str, fit: FitMode | None, images_dir: Path) -> str:
    """An image field of the model's own settings as the JSON text of a data URI, fitted to
    the video's ``size`` like the start image. Refused naming the field when the file can't
    be used or is too large to go inline. Reads files: run it off the GUI thread."""
    import base64
    import json

    prepared = prepare_reference_image(path, size, fit, images_dir)
    assert prepared is not None
    try:
        data = prepared.path.read_bytes()
    except OSError as exc:
        raise InvalidRequestError(
            _("The image for {name} can't be read ({detail}).").format(
                name=name, detail=exc.strerror or exc
            ),
            _("Pick the image again."),
            param=name,
        ) from None
    if len(data) * 4 // 3 > IMAGE_PARAM_LIMIT:
        raise InvalidRequestError(
            _("The image for {name} is too large to send ({mb:.1f} MB).").format(
                name=name, mb=len(data) / 1e6
            ),
            _("Pick an image under 3.5 MB, or a smaller JPEG."),
            param=name,
        )
    mime = "image/png" if data[:8] == b"\x89PNG\r\n\x1a\n" else "image/jpeg"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        mime = "image/webp"
    return json.dumps(f"data:{mime};base64,{base64.b64encode(data).decode('ascii')}")


async def remix(service: GenerationService, job_id: str, prompt: str) -> Job:
    """A new job: ``prompt`` applied to a finished video the service still has."""
    return await service.remix(job_id, prompt)


async def retry(service: GenerationService, job: Job, connection: Connection) -> Job:
    """A NEW job with ``job``'s request (the old one is untouched, its create never
    re-sent). Raises ``InvalidRequestError`` when ``job`` can't be retried."""
    return await service.submit(retry_request(job), connection)
