"""Making videos: the reference image prepared and the request submitted, remix, retry.

    prepare_reference_image(path, size, fit, images_dir, hint=..., mismatch_hint=...,
                            shown=...)
        -> PreparedImage | None         # checked; converted (letterbox / crop) if asked
    await submit(service, order, connection, images_dir) -> Job     # a new paid job
    await remix(service, job_id, prompt) -> Job
    await retry(service, job, connection) -> Job                     # a NEW job, same request

Every face sends through these; the service stores the job before its create is sent, so a
lost reply is reconciled, never re-sent (docs/reliability.md). Images (the start and end
image, and image fields of the model's own settings) are kept in the request as fitted
files; the dialect sends each the provider's way when the create goes out.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from sora_desktop.core.errors import InvalidRequestError
from sora_desktop.core.i18n import _
from sora_desktop.core.models import Connection, Job, VideoRequest
from sora_desktop.core.retry import retry_request

if TYPE_CHECKING:
    from sora_desktop.core.schema_form import FormField
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
    #: image fields of the model's own settings: (name, file, fit); fitted like the start
    #: image, and sent the provider's way (data URI or upload) by the dialect
    image_params: tuple[tuple[str, Path, FitMode | None], ...] = ()

    def request(
        self,
        image: Path | None,
        end_image: Path | None = None,
        image_params: tuple[tuple[str, Path], ...] = (),
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
            params=self.params,
            image_params=image_params,
        )


def prepare_reference_image(
    path: Path | None,
    size: str,
    fit: FitMode | None,
    images_dir: Path,
    *,
    hint: str | None = None,
    mismatch_hint: str | None = None,
    shown: str | None = None,
) -> PreparedImage | None:
    """Check the reference image (refusing what the API can't take) and, when its size
    differs from the video's, convert it with ``fit`` into ``images_dir``. Without ``fit``
    an image of another size is refused (``mismatch_hint``: how the face asks for a fit).
    ``shown``: how a refusal names the file (the CLI: the path as given; default its name).
    Reads and may write an image: run it off the GUI thread."""
    if path is None:
        return None
    from sora_desktop.core.images import check_reference_image, fit_reference_image

    check = check_reference_image(path, size, hint=hint, shown=shown)
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
    fields: list[tuple[str, Path]] = []
    for name, path, fit in order.image_params:
        field = await asyncio.to_thread(image_param, name, path, order.size, fit, images_dir)
        fields.append((name, field))
    request = order.request(
        prepared.path if prepared else None, end.path if end else None, tuple(fields)
    )
    return await service.submit(request, connection)


def image_files(
    pairs: Sequence[tuple[str, str]], fields: Sequence[FormField], *, hint: str | None = None
) -> tuple[list[tuple[str, str]], list[tuple[str, Path]]]:
    """``--param NAME=VALUE`` pairs split: a model's image field given a file on this
    computer goes as one of the request's images (fitted by :func:`image_param`, then sent
    inline or through the provider's upload), not as the text of its path; a URL (https,
    data) goes as written. A file that isn't there is refused naming the field."""
    images = {f.name for f in fields if f.widget == "image"}
    rest: list[tuple[str, str]] = []
    files: list[tuple[str, Path]] = []
    for name, text in pairs:
        if name not in images or text.strip().lower().startswith(("https:", "http:", "data:")):
            rest.append((name, text))
            continue
        path = Path(text).expanduser()
        if not path.is_file():
            raise InvalidRequestError(
                _("The image for {name} is not a file on this computer, nor a URL: {path}").format(
                    name=name, path=path
                ),
                hint or _("Give the path of a JPEG, PNG or WebP image, or its https URL."),
                param=name,
            )
        files.append((name, path))
    return rest, files


def image_param(
    name: str,
    path: Path,
    size: str,
    fit: FitMode | None,
    images_dir: Path,
    *,
    shown: str | None = None,
) -> Path:
    """An image field of the model's own settings checked and fitted to the video's
    ``size`` like the start image: the file the request keeps (the dialect sends it as a
    data URI or through the provider's upload when the create goes out). Refusals name the
    field. Reads (and may write) images: run it off the GUI thread."""
    try:
        prepared = prepare_reference_image(path, size, fit, images_dir, shown=shown)
    except InvalidRequestError as err:
        err.param = name
        raise
    assert prepared is not None
    return prepared.path


async def remix(service: GenerationService, job_id: str, prompt: str) -> Job:
    """A new job: ``prompt`` applied to a finished video the service still has."""
    return await service.remix(job_id, prompt)


async def retry(service: GenerationService, job: Job, connection: Connection) -> Job:
    """A NEW job with ``job``'s request (the old one is untouched, its create never
    re-sent). Raises ``InvalidRequestError`` when ``job`` can't be retried."""
    return await service.submit(retry_request(job), connection)
