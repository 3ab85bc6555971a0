"""The preview of a batch: every job as it would be sent, before anything is.

For each planned job: the request (its size picked from the aspect ratio where the row
gave one; its start image fitted or cropped to the size when the batch says so), the
estimated cost (:data:`.estimate.PriceFn`; notional on the simulator, which bills
nothing, so its cap can be tried) and render time, and why it can't be sent:
the service's own validation (:meth:`GenerationService.validate
<sora_desktop.core.service.GenerationService.validate>`, the one set of rules), so a row
the preview accepts is one the service accepts. Rows the cap would hold are marked: in
order, a job is sent only if it fits in what is left of the cap, and once one does not,
the rest wait (the runner applies the same rule as the jobs' real outcomes come in).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from math import gcd
from pathlib import Path
from typing import Literal, Protocol

from sora_desktop.core.batch.estimate import (
    DEFAULT_PRICE,
    PriceFn,
    RenderTimes,
    batch_seconds,
    within_cap,
)
from sora_desktop.core.batch.plan import BatchPlan, PlannedJob
from sora_desktop.core.capabilities import capabilities_for
from sora_desktop.core.errors import InvalidRequestError, SoraError
from sora_desktop.core.i18n import _
from sora_desktop.core.models import Connection, ConnectionKind, VideoRequest

ImageFit = Literal["fit", "crop"]


class Validator(Protocol):
    """What the preview needs of the service: its validation."""

    def validate(
        self,
        request: VideoRequest,
        connection: Connection,
        *,
        hints: Mapping[str, str] | None = None,
    ) -> None: ...


@dataclass(frozen=True, slots=True)
class PreviewRow:
    job: PlannedJob
    request: VideoRequest  # what would be sent
    estimated_cost: float | None  # US dollars; None: no known price
    estimated_seconds: float  # render time
    problem: str | None = None  # why it can't be sent (the model's or the image's reason)
    held: bool = False  # the cap would hold it
    #: what is sent otherwise than the row asks, though it can be sent (e.g. its seed)
    note: str | None = None

    @property
    def valid(self) -> bool:
        return self.problem is None

    @property
    def sent(self) -> bool:
        """Would this job be sent (valid and not held)?"""
        return self.problem is None and not self.held


@dataclass(frozen=True, slots=True)
class BatchPreview:
    plan: BatchPlan
    connection: Connection
    rows: tuple[PreviewRow, ...]
    cap: float | None
    concurrency: int
    estimated_seconds: float  # the whole batch, for the rows that would be sent

    @property
    def total_cost(self) -> float:
        """US dollars: the known estimates of the jobs that would be sent."""
        return round(sum(r.estimated_cost or 0.0 for r in self.rows if r.sent), 2)

    @property
    def free(self) -> bool:
        """On the simulator: the estimates are notional (what the jobs would cost on the
        Videos API, so a cap can be tried) and nothing is billed."""
        return self.connection.kind is ConnectionKind.SIMULATOR

    @property
    def unpriced(self) -> int:
        """Jobs that would be sent without a known price (never under a cap)."""
        return sum(1 for r in self.rows if r.sent and r.estimated_cost is None)

    @property
    def invalid(self) -> int:
        return sum(1 for r in self.rows if not r.valid)

    @property
    def held(self) -> int:
        return sum(1 for r in self.rows if r.held)

    @property
    def to_send(self) -> int:
        return sum(1 for r in self.rows if r.sent)


def size_for_aspect(aspect: str, sizes: tuple[str, ...]) -> str | None:
    """The first of ``sizes`` with the shape ``aspect`` (``16:9`` -> ``1280x720``)."""
    width, height = (int(v) for v in aspect.split(":"))
    divisor = gcd(width, height)
    want = (width // divisor, height // divisor)
    for size in sizes:
        w, h = (int(v) for v in size.split("x"))
        d = gcd(w, h)
        if (w // d, h // d) == want:
            return size
    return None


def seed_supported(model: str, connection: Connection) -> bool:
    """Does ``model`` on ``connection`` take a seed? The provider kinds' catalogue models
    that have a seed field do; the Videos API has no seed (so neither has the simulator)."""
    if not connection.kind.is_provider:
        return False
    from sora_desktop.core.catalogue import model_for

    return model_for(connection.kind, model.split(":", 1)[0]).field_for("seed") is not None


def seeded(
    request: VideoRequest,
    seed: int | None,
    connection: Connection,
    supported: Mapping[str, bool] | None = None,
) -> tuple[VideoRequest, str | None]:
    """``request`` with the row's ``seed`` where the model takes one; else the request
    unchanged and why the seed can't be honoured (``supported``: known answers by model)."""
    if seed is None:
        return request, None
    known = supported.get(request.model) if supported is not None else None
    if known is None:
        known = seed_supported(request.model, connection)
    if known:
        from dataclasses import replace

        return replace(request, seed=seed), None
    return request, _(
        "seed {seed} is not sent: {model} on this connection takes no seed, so the result "
        "varies as any new job does."
    ).format(seed=seed, model=request.model)


def preview_batch(
    plan: BatchPlan,
    connection: Connection,
    validator: Validator,
    *,
    cap: float | None = None,
    concurrency: int = 4,
    price: PriceFn = DEFAULT_PRICE,
    render_times: RenderTimes | None = None,
    image_fit: ImageFit | None = None,
    images_dir: Path | None = None,
    hints: Mapping[str, str] | None = None,
) -> BatchPreview:
    """Preview ``plan`` on ``connection`` (see the module). ``image_fit`` converts start
    images of another size into ``images_dir`` (as sending would); ``hints`` word the
    validation's next steps for the asking face."""
    if image_fit is not None and images_dir is None:
        raise ValueError("image_fit needs images_dir")
    times = render_times or RenderTimes()
    fitted: dict[tuple[Path, str], Path | InvalidRequestError] = {}
    rows: list[PreviewRow] = []
    spent = 0.0
    holding = False
    seeds: dict[str, bool] = {}
    for job in plan.jobs:
        request, problem = _request(job, connection)
        if job.seed is not None and request.model not in seeds:
            seeds[request.model] = seed_supported(request.model, connection)
        request, note = seeded(request, job.seed, connection, seeds)
        if problem is None and request.reference_image is not None and image_fit is not None:
            assert images_dir is not None
            request, problem = _fit(request, image_fit, images_dir, fitted)
        if problem is None:
            try:
                validator.validate(request, connection, hints=hints)
            except InvalidRequestError as err:
                problem = err.one_line()
        cost = price(request, connection)
        held = False
        if problem is None:
            holding = holding or not within_cap(spent, cost, cap)
            held = holding
            if not held:
                spent += cost or 0.0
        rows.append(
            PreviewRow(job, request, cost, times.estimate(request, connection), problem, held, note)
        )
    total = batch_seconds((r.estimated_seconds for r in rows if r.sent), concurrency)
    return BatchPreview(plan, connection, tuple(rows), cap, concurrency, total)


def _request(job: PlannedJob, connection: Connection) -> tuple[VideoRequest, str | None]:
    caps = capabilities_for(job.model, azure=connection.kind is ConnectionKind.AZURE)
    problem: str | None = None
    size = job.size
    if size is None:
        assert job.aspect is not None
        size = size_for_aspect(job.aspect, caps.sizes)
        if size is None:
            problem = _("{model} makes no {aspect} videos (its sizes: {sizes}).").format(
                model=job.model, aspect=job.aspect, sizes=", ".join(caps.sizes)
            )
            size = caps.default_size
    request = VideoRequest(
        prompt=job.prompt,
        model=job.model,
        size=size,
        seconds=job.seconds,
        reference_image=job.image,
    )
    return request, problem


def _fit(
    request: VideoRequest,
    mode: ImageFit,
    images_dir: Path,
    cache: dict[tuple[Path, str], Path | InvalidRequestError],
) -> tuple[VideoRequest, str | None]:
    from dataclasses import replace

    from sora_desktop.core.images import check_reference_image, fit_reference_image

    assert request.reference_image is not None
    key = (request.reference_image, request.size)
    found = cache.get(key)
    if found is None:
        try:
            check = check_reference_image(request.reference_image, request.size)
            found = (
                request.reference_image
                if check.matches_size
                else fit_reference_image(request.reference_image, request.size, mode, images_dir)
            )
        except InvalidRequestError as err:
            found = err
        except SoraError as err:  # the converted image could not be saved
            found = InvalidRequestError(err.message, err.next_step, param="input_reference")
        cache[key] = found
    if isinstance(found, InvalidRequestError):
        return request, found.one_line()
    return replace(request, reference_image=found), None
