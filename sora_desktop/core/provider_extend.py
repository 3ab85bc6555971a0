"""A provider model's own extend endpoint, from the catalogue: the ``ProviderExtender`` of
``core/extend.py``.

    extender = CatalogueExtender()
    extender.can_extend(connection, model)          # the catalogue lists an endpoint
    extender.capabilities(source)                   # seconds it adds, price per second
    extender.extension_request(source, prompt, seconds)   # the new job's request (checked)
    check_extension(model, request, kind)           # GenerationService.validate's part
    extension_cost(kind, request)                   # the estimate stored with the job
    video_data_uri(path, limit)                     # the clip as the dialect sends it

The new job runs on the source's connection like any create (persisted before the paid
call, sent once); its request names the endpoint (``extend_endpoint``) and the local clip
(``extend_video``), which the dialect sends inline as a data URI within its limit. fal's
upload hosts are fixed in its client and take another token (``dialects/fal.py``), so a clip
over the limit is refused before anything is sent, saying what to do.
"""

from __future__ import annotations

import base64
from pathlib import Path
from typing import TYPE_CHECKING

from sora_desktop.core.capabilities import ModelCapabilities
from sora_desktop.core.errors import InvalidRequestError
from sora_desktop.core.i18n import _
from sora_desktop.core.models import Connection, ConnectionKind, Job, JobStatus, VideoRequest

if TYPE_CHECKING:
    from sora_desktop.core.catalogue import CatalogueModel
    from sora_desktop.core.catalogue_extend import ExtendEndpoint


#: the provider kinds whose dialect sends an extension's clip (``FalDialect._extend``); a
#: catalogue ``extend`` on another kind is ignored until its dialect does (the Replicate and
#: Runway dialects would send a plain generation)
SENDS_CLIP = frozenset({ConnectionKind.FAL})


def extend_endpoint(kind: ConnectionKind, model: str) -> ExtendEndpoint | None:
    """The catalogue's extend endpoint of ``model`` on a provider kind whose dialect can
    send it (None: none)."""
    if kind not in SENDS_CLIP:
        return None
    from sora_desktop.core.catalogue import load_catalogue

    listed = load_catalogue().get(kind, model.split(":", 1)[0])
    return None if listed is None else listed.extend


def video_limit(kind: ConnectionKind) -> int | None:
    """The largest clip (bytes) the kind's dialect sends inline (None: it sends none)."""
    if kind is ConnectionKind.FAL:
        from sora_desktop.core.dialects.fal import FalDialect

        return FalDialect.video_data_uri_limit
    return None


def _mb(size: int) -> str:
    return f"{size / (1024 * 1024):.1f}"


def _too_large(size: int, limit: int) -> InvalidRequestError:
    return InvalidRequestError(
        _(
            "This clip is {size} MB; the model's extend endpoint takes at most {limit} MB "
            "sent from this computer."
        ).format(size=_mb(size), limit=_mb(limit)),
        _(
            "Export a shorter or smaller copy and extend that, or extend it from its last "
            "frame (a continuation), which sends only one picture."
        ),
        param="extend_video",
    )


def _missing(path: Path) -> InvalidRequestError:
    return InvalidRequestError(
        _("The video file of this clip is not on disk ({path}).").format(path=path),
        _("Download it again from the library if it has not expired."),
        param="extend_video",
    )


def check_size(path: Path, limit: int | None) -> int:
    """The clip's size in bytes; refused (InvalidRequestError) when missing or too large."""
    try:
        size = path.stat().st_size
    except OSError:
        raise _missing(path) from None
    if limit is not None and size > limit:
        raise _too_large(size, limit)
    return size


def video_data_uri(path: Path, limit: int) -> str:
    """``path`` as a ``data:video/mp4;base64,...`` URI, refused when over ``limit`` bytes.
    Blocking (reads the file): run it off the event loop."""
    check_size(path, limit)
    try:
        data = path.read_bytes()
    except OSError:
        raise _missing(path) from None
    if len(data) > limit:
        raise _too_large(len(data), limit)
    mime = "video/quicktime" if path.suffix.lower() == ".mov" else "video/mp4"
    return f"data:{mime};base64," + base64.b64encode(data).decode("ascii")


def check_extension(model: CatalogueModel, request: VideoRequest, kind: ConnectionKind) -> None:
    """Refuse an extension request the model's endpoint can't take (before any I/O but a
    file's size): no endpoint, a length it doesn't add, a source size it doesn't take, a
    clip missing or over the dialect's limit."""
    ext = model.extend if kind in SENDS_CLIP else None
    if ext is None:
        raise InvalidRequestError(
            _("{model} has no extend endpoint of its own.").format(model=model.name),
            _("Extend it from its last frame instead."),
            param="extend_of",
        )
    if request.seconds not in ext.seconds_values:
        raise InvalidRequestError(
            _("{model}'s extend endpoint adds {allowed} seconds, not {seconds}.").format(
                model=model.name,
                allowed=", ".join(str(s) for s in ext.seconds_values),
                seconds=request.seconds,
            ),
            _("Pick one of the lengths it adds."),
            param="seconds",
        )
    if ext.source_sizes and request.size not in ext.source_sizes:
        raise InvalidRequestError(
            _("{model}'s extend endpoint takes {allowed} clips, not {size}.").format(
                model=model.name, allowed=", ".join(ext.source_sizes), size=request.size
            ),
            _("Extend it from its last frame instead."),
            param="size",
        )
    if request.extend_video is None:
        raise InvalidRequestError(
            _("The extension names no clip to extend."),
            _("Extend a clip from the library."),
            param="extend_video",
        )
    check_size(request.extend_video, video_limit(kind))


def extension_cost(kind: ConnectionKind, request: VideoRequest) -> float | None:
    """US dollars the extension is expected to cost (None: the price is unknown)."""
    ext = extend_endpoint(kind, request.model)
    if ext is None:
        return None
    return ext.estimate_cost(request.size, request.seconds, request.audio)


class CatalogueExtender:
    """``core.extend.ProviderExtender`` from the shipped catalogue (no I/O but reading the
    catalogue once, and a file's size)."""

    def can_extend(self, connection: Connection, model: str) -> bool:
        return extend_endpoint(connection.kind, model) is not None

    def capabilities(self, source: Job) -> ModelCapabilities | None:
        """The extension's lengths and price per second (audio as the source's), for the
        faces' cost line; None when the source's model has no extend endpoint."""
        ext = extend_endpoint(source.connection.kind, source.request.model)
        if ext is None:
            return None
        size = source.request.size
        rate = ext.price.rate(size, source.request.audio) if ext.price is not None else None
        return ModelCapabilities(
            name=source.request.model,
            sizes=(size,),
            seconds=ext.seconds_values,
            supports_remix=False,
            supports_image=False,
            default_price=rate,
        )

    def extension_request(self, source: Job, prompt: str, seconds: int | None) -> VideoRequest:
        """The new job's request: the source's model, size and settings, the endpoint and
        the local clip; ``seconds`` None: the endpoint's default. Refused
        (InvalidRequestError) when the source is not a finished clip on disk or is too
        large to send."""
        ext = extend_endpoint(source.connection.kind, source.request.model)
        if ext is None:
            raise InvalidRequestError(
                _("This model has no extend endpoint of its own."),
                _("Extend it from its last frame instead."),
                param="extend_of",
            )
        if source.status is not JobStatus.READY or source.file_path is None:
            raise InvalidRequestError(
                _("Only a finished video can be extended."),
                _("Wait until the video is ready."),
                param="extend_of",
            )
        clip = Path(source.file_path)
        check_size(clip, video_limit(source.connection.kind))
        return VideoRequest(
            prompt=prompt,
            model=source.request.model,
            size=source.request.size,
            seconds=ext.default_seconds if seconds is None else seconds,
            audio=source.request.audio,
            extend_video=clip,
            extend_endpoint=ext.endpoint,
        )
