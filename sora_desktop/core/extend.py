"""Extending a clip past its end: which way, and the continuation fallback.

Three routes, tried in this order by :func:`extend_route`:

1. **A provider's own extend endpoint**, where issue 11's catalogue says the model has one
   (fal's ``fal-ai/veo3.1/extend-video``). The catalogue plugs in here as a
   :class:`ProviderExtender` (``core/provider_extend.py``); the new job, on the source's
   connection, names the endpoint and the local clip (``request.extend_video``), and its
   clip is the whole extended video.
2. **The Videos API** (``POST /videos/extensions``): the job's own connection, when the
   model can extend there (``ModelCapabilities.supports_extend``) and the service still has
   the source (``job_rules.extend_problem``). ``GenerationService.extend`` makes the job; it
   stores ``request.extend_of`` (the source's remote id) and its clip is the whole extended
   video.
3. **A continuation**, which works everywhere (the built-in simulator, Azure, a source
   deleted from the service): :func:`continuation_request` makes a new generation whose
   start image is the source's exact last frame, and :func:`join_continuation` stitches the
   source and the new clip into one film. The new clip's first frame is that last frame, so
   the join holds it for one frame.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Literal, Protocol

from sora_desktop.core.capabilities import ModelCapabilities, capabilities_for
from sora_desktop.core.errors import InvalidRequestError
from sora_desktop.core.i18n import _
from sora_desktop.core.job_rules import extend_problem
from sora_desktop.core.models import Connection, ConnectionKind, Job, JobStatus, VideoRequest

if TYPE_CHECKING:  # PyAV loads with the stitcher, when a continuation is joined
    from sora_desktop.core.stitch import CancelFlag, ProgressCallback, StitchResult


class ExtendRoute(StrEnum):
    PROVIDER = "provider"  # the provider's own extend endpoint (issue 11)
    VIDEOS_API = "videos_api"  # POST /videos/extensions on the job's connection
    CONTINUATION = "continuation"  # last frame -> a new shot -> stitched to the source


class ProviderExtender(Protocol):
    """The seam for issue 11's provider catalogue (``core/provider_extend.py``'s
    ``CatalogueExtender``): whether a model on a connection has its own extend endpoint,
    what it adds and costs, and the new job's request."""

    def can_extend(self, connection: Connection, model: str) -> bool: ...

    def capabilities(self, source: Job) -> ModelCapabilities | None:
        """The lengths the endpoint adds and its price per second (for the cost line)."""
        ...

    def extension_request(self, source: Job, prompt: str, seconds: int | None) -> VideoRequest:
        """The new job's request (the source's connection, the endpoint, the local clip);
        ``seconds`` None: the endpoint's default. Raises InvalidRequestError."""
        ...


def extend_route(
    source: Job,
    *,
    aliases: Mapping[str, str] | None = None,
    provider: ProviderExtender | None = None,
) -> ExtendRoute:
    """How ``source`` can be extended (``aliases``: the profile's model aliases)."""
    if provider is not None and provider.can_extend(source.connection, source.request.model):
        return ExtendRoute.PROVIDER
    caps = capabilities_for(
        source.request.model,
        aliases=aliases,
        azure=source.connection.kind is ConnectionKind.AZURE,
    )
    if caps.supports_extend and extend_problem(source) is None:
        return ExtendRoute.VIDEOS_API
    return ExtendRoute.CONTINUATION


def _source_clip(source: Job) -> Path:
    if source.status is not JobStatus.READY or source.file_path is None:
        raise InvalidRequestError(
            _("Only a finished video can be continued."),
            _("Wait until the video is ready."),
            param="extend_of",
        )
    clip = Path(source.file_path)
    if not clip.is_file():
        raise InvalidRequestError(
            _("The video file of this clip is not on disk ({path}).").format(path=clip),
            _("Download it again from the library if it has not expired."),
            param="extend_of",
        )
    return clip


def continuation_request(
    source: Job,
    prompt: str,
    seconds: int,
    images_dir: Path,
    *,
    fit: Literal["fit", "crop"] = "crop",
) -> VideoRequest:
    """A new generation that starts on ``source``'s exact last frame (same model and size).
    Blocking (decodes a frame): run it off the GUI thread."""
    from sora_desktop.core.frames import continuation_image

    clip = _source_clip(source)
    image = continuation_image(clip, source.request.size, images_dir, mode=fit)
    return VideoRequest(
        prompt=prompt,
        model=source.request.model,
        size=source.request.size,
        seconds=seconds,
        reference_image=image,
    )


def join_continuation(
    source: Job,
    continuation: Job,
    out: Path,
    *,
    on_progress: ProgressCallback | None = None,
    cancel: CancelFlag | None = None,
) -> StitchResult:
    """The extended film: ``source``'s clip followed by ``continuation``'s (a copy when
    their streams match, which is the usual case). Blocking."""
    from sora_desktop.core.stitch import stitch

    return stitch(
        [_source_clip(source), _source_clip(continuation)],
        out,
        on_progress=on_progress,
        cancel=cancel,
    )
