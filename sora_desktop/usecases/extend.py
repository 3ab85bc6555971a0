"""Extending a library clip past its end; the result is a new library item linked to it.

    extend_plan(source, aliases=None, provider=CATALOGUE) -> ExtendPlan   # route, in words
    await start_extension(service, store, job_id, prompt, seconds, images_dir, ...) -> Extension
    continued_source(store, job_id) -> Job | None     # a continuation not joined yet: its source
    finish_extension(store, paths, job_id, out=None, on_progress=None, cancel=None) -> Film
    join_continuations(store, paths, jobs) -> list[Film | SoraError]  # finished, not joined
    await extend(service, store, paths, job_id, prompt, seconds, ...) -> ExtendOutcome
        # start, wait, and for a continuation join it to its source (the command line)

The route (``core/extend.py``): a provider's own extend endpoint where the catalogue says
the model has one (``core/provider_extend.py``: a new job on the source's connection whose
request names the endpoint and the local clip; its clip is the whole extended video, linked
to the source in ``job_sources``), else the Videos API's ``POST /videos/extensions`` when
the connection's model can and the service still has the source (the new job's clip is the
whole extended video, linked by ``extend_of``), else a **continuation**: a new generation
starting on the source's exact last frame, then the source and the new clip stitched into
one film (linked to both in the library). Every create goes through
``GenerationService.submit``: sent once.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sora_desktop.core.errors import InvalidRequestError, SoraError
from sora_desktop.core.extend import (
    ExtendRoute,
    ProviderExtender,
    continuation_request,
    extend_route,
)
from sora_desktop.core.i18n import _
from sora_desktop.core.job_sources import SourceKind, link_sources, made_from, source_ids
from sora_desktop.core.models import Job, JobStatus, VideoRequest
from sora_desktop.core.provider_extend import CatalogueExtender
from sora_desktop.usecases.stitch import LOCAL, Film, resolve_clip, stitch_film

if TYPE_CHECKING:
    from sora_desktop.core.capabilities import ModelCapabilities
    from sora_desktop.core.paths import AppPaths
    from sora_desktop.core.service import GenerationService
    from sora_desktop.core.stitch import CancelFlag, ProgressCallback
    from sora_desktop.core.store import JobStore

#: the provider models' own extend endpoints, from the shipped catalogue (both faces)
CATALOGUE = CatalogueExtender()
#: what a route adds when the face names no length (the CLI without --seconds)
DEFAULT_SECONDS = 4

__all__ = [
    "CATALOGUE",
    "ExtendOutcome",
    "ExtendPlan",
    "ExtendRoute",
    "Extension",
    "continued_source",
    "extend",
    "extend_plan",
    "finish_extension",
    "join_continuations",
    "start_extension",
]


@dataclass(frozen=True, slots=True)
class ExtendPlan:
    source: Job
    route: ExtendRoute
    description: str  # the route in the creator's words
    #: the provider route's own lengths and price per second (None: the model's)
    capabilities: ModelCapabilities | None = None


@dataclass(frozen=True, slots=True)
class Extension:
    """A started extension: the route and the new job (the extended clip itself for the
    Videos API; the continuation, to be joined to its source, otherwise)."""

    route: ExtendRoute
    job: Job


@dataclass(frozen=True, slots=True)
class ExtendOutcome:
    """A finished extension: the new library item (the extended clip, or the film of source
    and continuation) and, for a continuation, the stitch."""

    route: ExtendRoute
    job: Job
    film: Film | None = None

    @property
    def path(self) -> Path | None:
        return self.job.file_path


def _describe(route: ExtendRoute) -> str:
    if route is ExtendRoute.VIDEOS_API:
        return _("The service extends the clip itself (its extensions endpoint).")
    if route is ExtendRoute.PROVIDER:
        return _(
            "The model's own extend endpoint makes the longer clip (this clip is sent to the "
            "provider)."
        )
    return _(
        "A new clip is generated from this clip's last frame, then the two are joined into "
        "one film."
    )


def extend_plan(
    source: Job,
    *,
    aliases: Mapping[str, str] | None = None,
    provider: ProviderExtender | None = CATALOGUE,
) -> ExtendPlan:
    """Which way ``source`` would be extended, and that in words. InvalidRequestError when it
    can't be extended at all (not finished, or its clip is not on disk for a continuation
    or a provider's extend endpoint, which is sent the clip)."""
    if source.status is not JobStatus.READY:
        raise InvalidRequestError(
            _("Only a finished video can be extended."),
            _("Wait until the video is ready."),
            param="extend_of",
        )
    route = extend_route(source, aliases=aliases, provider=provider)
    if route is ExtendRoute.CONTINUATION and source.connection == LOCAL:
        raise InvalidRequestError(  # its "model" is a placeholder: no connection can take it
            _("This film was joined from video files: no model made it, so none can continue it."),
            _("Extend a clip a model made, or start a new video from this film's last frame."),
            param="extend_of",
        )
    if route is not ExtendRoute.VIDEOS_API and (
        source.file_path is None or not Path(source.file_path).is_file()
    ):
        raise InvalidRequestError(
            _("The video file of this clip is not on disk ({path}).").format(path=source.file_path),
            _("Download it again from the library if it has not expired."),
            param="extend_of",
        )
    caps = None
    if route is ExtendRoute.PROVIDER and provider is not None:
        caps = provider.capabilities(source)
    return ExtendPlan(source, route, _describe(route), caps)


async def start_extension(
    service: GenerationService,
    store: JobStore,
    job_id: str,
    prompt: str,
    seconds: int | None,
    images_dir: Path,
    *,
    aliases: Mapping[str, str] | None = None,
    provider: ProviderExtender | None = CATALOGUE,
) -> Extension:
    """Submit the extension of library job ``job_id`` (one paid create; ``seconds`` None:
    the route's default). The link to the source is recorded before the create is sent: a
    continuation's, so :func:`finish_extension` can join them once the new clip is ready,
    even after a restart; a provider extension's, the extended clip's source."""
    import asyncio

    from sora_desktop.usecases.library import find_job

    source = find_job(store, job_id)
    route = extend_plan(source, aliases=aliases, provider=provider).route
    if route is ExtendRoute.VIDEOS_API:
        added = DEFAULT_SECONDS if seconds is None else seconds
        return Extension(route, await service.extend(source.id, prompt, added))
    if route is ExtendRoute.PROVIDER:
        assert provider is not None
        request = await asyncio.to_thread(provider.extension_request, source, prompt, seconds)
        kind = SourceKind.EXTENSION  # the whole extended clip, made from the source
    else:
        added = DEFAULT_SECONDS if seconds is None else seconds
        request = await asyncio.to_thread(
            continuation_request, source, prompt, added, Path(images_dir)
        )
        kind = SourceKind.CONTINUES
    return Extension(route, await _submit_linked(service, store, source, request, kind))


async def _submit_linked(
    service: GenerationService,
    store: JobStore,
    source: Job,
    request: VideoRequest,
    kind: SourceKind,
) -> Job:
    """Validate, link the new job to ``source`` under an id chosen now, then submit (the
    link is taken back when the job never reached the library)."""
    service.validate(request, source.connection)
    new_id = uuid.uuid4().hex
    link_sources(store, new_id, [source.id], kind)
    try:
        return await service.submit(request, source.connection, job_id=new_id)
    except (SoraError, ValueError):
        if store.get(new_id) is None:
            link_sources(store, new_id, [], kind)
        raise


def continued_source(store: JobStore, job_id: str) -> Job | None:
    """For a continuation that is not joined to its source yet: the source. None for any
    other job (or one already joined)."""
    links = source_ids(store, job_id)
    if len(links) != 1 or links[0][1] is not SourceKind.CONTINUES:
        return None
    if made_from(store, job_id, SourceKind.EXTENSION):
        return None  # joined already
    return store.get(links[0][0])


def finish_extension(
    store: JobStore,
    paths: AppPaths,
    job_id: str,
    out: Path | None = None,
    *,
    on_progress: ProgressCallback | None = None,
    cancel: CancelFlag | None = None,
) -> Film:
    """Join a finished continuation to its source: the extended film, filed in the library
    linked to both. Blocking (a stream copy in the usual case)."""
    continuation = store.get(job_id)
    source = continued_source(store, job_id)
    if continuation is None or source is None:
        raise InvalidRequestError(
            _("This clip is not a continuation waiting to be joined."),
            _("Extend the clip again."),
            param="extend_of",
        )
    clips = [resolve_clip(store, source), resolve_clip(store, continuation)]
    return stitch_film(
        store,
        paths,
        clips,
        out,
        name=_("{prompt} (extended)").format(prompt=source.request.prompt),
        on_progress=on_progress,
        cancel=cancel,
        kind=SourceKind.EXTENSION,
    )


async def extend(
    service: GenerationService,
    store: JobStore,
    paths: AppPaths,
    job_id: str,
    prompt: str,
    seconds: int | None,
    *,
    out: Path | None = None,
    aliases: Mapping[str, str] | None = None,
    provider: ProviderExtender | None = CATALOGUE,
    on_progress: ProgressCallback | None = None,
) -> ExtendOutcome:
    """Extend and wait: the new job's end state, and for a continuation the joined film.
    A job that ends without a clip is returned as it ended (``job.status``), not joined."""
    import asyncio

    started = await start_extension(
        service,
        store,
        job_id,
        prompt,
        seconds,
        paths.images_dir,
        aliases=aliases,
        provider=provider,
    )
    job = await service.wait(started.job.id)
    if started.route is not ExtendRoute.CONTINUATION or job.status is not JobStatus.READY:
        return ExtendOutcome(started.route, job)
    film = await asyncio.to_thread(
        finish_extension, store, paths, job.id, out, on_progress=on_progress
    )
    assert film.job is not None
    return ExtendOutcome(started.route, film.job, film)


def join_continuations(
    store: JobStore,
    paths: AppPaths,
    jobs: Iterable[Job],
    *,
    on_progress: ProgressCallback | None = None,
) -> list[Film | SoraError]:
    """Join each finished continuation among ``jobs`` that is not joined yet to its source
    (an extend stopped while its new clip was made, the clip finished later by a resume):
    per continuation, in order, its extended film or why it could not be made (one failure
    does not stop the others). Other jobs are left as they are. Blocking."""
    joined: list[Film | SoraError] = []
    for job in jobs:
        if job.status is not JobStatus.READY or continued_source(store, job.id) is None:
            continue
        try:
            joined.append(finish_extension(store, paths, job.id, on_progress=on_progress))
        except SoraError as err:
            joined.append(err)
    return joined
