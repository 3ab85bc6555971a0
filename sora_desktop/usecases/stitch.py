"""Joining clips into one film that lands in the library, linked to the clips it came from.

    resolve_clip(store, ref, hint=None) -> Clip          # a file path, or a library job id
    resolve_clips(store, refs, hint=None) -> list[Clip]
    stitch_plan(clips, crossfade=0) -> StitchPreview      # copy or re-encode, and why
    stitch_film(store, paths, clips, out=None, *, crossfade, copy_only, name, on_progress,
                cancel, overwrite) -> Film                 # the film and its library job
    add_film(store, paths, result, sources, name, kind=FILM) -> Job

A film is stream-copied when the clips share their codec parameters (the usual case: one
model, one size), else re-encoded to the first clip's and :attr:`Film.reasons` says why;
``copy_only`` refuses such clips instead. Written under a temporary name and published
whole: a refused, failed or cancelled stitch leaves no file (``core/stitch.py``).

Blocking (decodes, encodes, writes): run it off the GUI thread and the event loop. Progress
is ``on_progress(done_s, total_s)``; cancel is anything with ``is_set()`` (a
``threading.Event``), and raises ``CancelledByUser``.
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sora_desktop.core.errors import InvalidRequestError
from sora_desktop.core.filenames import check_new_path
from sora_desktop.core.i18n import _
from sora_desktop.core.job_sources import SourceKind, link_sources
from sora_desktop.core.jobref import resolve_job
from sora_desktop.core.models import Connection, ConnectionKind, Job, JobStatus, VideoRequest
from sora_desktop.core.paths import AppPaths
from sora_desktop.core.store import JobStore

if TYPE_CHECKING:  # PyAV loads with the stitcher, on first use (not when a window starts)
    from sora_desktop.core.stitch import CancelFlag, ProgressCallback, StitchResult

__all__ = [
    "Clip",
    "Film",
    "StitchPreview",
    "add_film",
    "resolve_clip",
    "resolve_clips",
    "stitch_film",
    "stitch_plan",
]

#: The connection a film made only from files (no library job) is filed under.
LOCAL = Connection(kind=ConnectionKind.SIMULATOR, base_url="", profile_id=None)


@dataclass(frozen=True, slots=True)
class Clip:
    """One clip to join: its file, and its library job when it has one."""

    path: Path
    job: Job | None = None

    @property
    def label(self) -> str:
        if self.job is not None and self.job.request.prompt:
            return self.job.request.prompt
        return self.path.name


@dataclass(frozen=True, slots=True)
class StitchPreview:
    """What stitching would do, before anything is written."""

    can_copy: bool
    reasons: tuple[str, ...]  # why a copy is impossible, one line each
    duration: float  # seconds of the film (crossfades taken off)


@dataclass(frozen=True, slots=True)
class Film:
    """A stitched film: the file, what was done (copy or re-encode and why) and its job."""

    result: StitchResult
    job: Job | None  # the library's item (None when it wasn't added)

    @property
    def path(self) -> Path:
        return self.result.path

    @property
    def copied(self) -> bool:
        return self.result.copied

    @property
    def reasons(self) -> tuple[str, ...]:
        return self.result.reasons

    def summary(self) -> str:
        return self.result.summary()


def _job_clip(job: Job) -> Path:
    if job.status is not JobStatus.READY or job.file_path is None:
        raise InvalidRequestError(
            _("Job {id} has no finished clip yet ({status}).").format(
                id=job.id[:8], status=job.status.value
            ),
            _("Join finished (ready) clips only."),
            param="clips",
        )
    path = Path(job.file_path)
    if not path.is_file():
        raise InvalidRequestError(
            _("The clip of job {id} is not on disk ({path}).").format(id=job.id[:8], path=path),
            _("Download it again from the library, or leave it out."),
            param="clips",
        )
    return path


def resolve_clip(store: JobStore, ref: str | Path | Job, *, hint: str | None = None) -> Clip:
    """A clip from a file path (an existing file wins), a library job, or a job id (or an
    unambiguous piece of one). InvalidRequestError naming ``ref`` otherwise."""
    if isinstance(ref, Job):
        return Clip(_job_clip(ref), ref)
    path = Path(ref).expanduser()
    if path.is_file():
        return Clip(path)
    text = str(ref)
    looks_like_path = isinstance(ref, Path) or any(c in text for c in "/\\.")
    if looks_like_path and path.is_dir():
        raise InvalidRequestError(
            _("{ref!r} is a folder, not a video file.").format(ref=text),
            hint or _("Check the path, or give the clip's job id."),
            param="clips",
        )
    if looks_like_path:
        raise InvalidRequestError(
            _("The clip {ref!r} can't be found.").format(ref=text),
            hint or _("Check the path, or give the clip's job id."),
            param="clips",
        )
    job = resolve_job(store, text, hint=hint)
    return Clip(_job_clip(job), job)


def resolve_clips(
    store: JobStore, refs: Sequence[str | Path | Job], *, hint: str | None = None
) -> list[Clip]:
    return [resolve_clip(store, ref, hint=hint) for ref in refs]


def stitch_plan(clips: Sequence[Clip | Path], *, crossfade: float = 0.0) -> StitchPreview:
    """Copy or re-encode, and why, without writing anything (probes every clip: a missing or
    unreadable one is refused here, InvalidRequestError)."""
    from sora_desktop.core.stitch import plan_stitch

    paths = [c.path if isinstance(c, Clip) else Path(c) for c in clips]
    plan = plan_stitch(paths, crossfade=crossfade)
    reasons = plan.reasons
    if plan.crossfade > 0:
        reasons = (*reasons, _("A crossfade needs the film to be re-encoded."))
    total = sum(float(c.duration) for c in plan.clips) - plan.crossfade * (len(plan.clips) - 1)
    return StitchPreview(can_copy=plan.can_copy, reasons=reasons, duration=total)


def _film_name(clips: Sequence[Clip]) -> str:
    return _("Film of {count} clips").format(count=len(clips))


def stitch_film(
    store: JobStore,
    paths: AppPaths,
    clips: Sequence[Clip],
    out: Path | None = None,
    *,
    crossfade: float = 0.0,
    copy_only: bool = False,
    overwrite: bool = False,
    name: str | None = None,
    on_progress: ProgressCallback | None = None,
    cancel: CancelFlag | None = None,
    add_to_library: bool = True,
    kind: SourceKind = SourceKind.FILM,
) -> Film:
    """Join ``clips`` in order into ``out`` (None: a new file in the library's folder) and
    file the film in the library, linked to the clips that are library jobs. Refusals
    (InvalidRequestError, DiskError) and a cancel (CancelledByUser) leave no file and no
    library item. Blocking."""
    from sora_desktop.core.stitch import stitch

    film_id = uuid.uuid4().hex
    target = check_new_path(Path(out)) if out is not None else paths.clip_path(film_id)
    if out is None:
        target.parent.mkdir(parents=True, exist_ok=True)
    result = stitch(
        [c.path for c in clips],
        target,
        crossfade=crossfade,
        copy_only=copy_only,
        overwrite=overwrite,
        on_progress=on_progress,
        cancel=cancel,
    )
    if not add_to_library:
        return Film(result, None)
    sources = [c.job for c in clips if c.job is not None]
    job = add_film(
        store, paths, result, sources, name or _film_name(clips), kind=kind, job_id=film_id
    )
    return Film(result, job)


def add_film(
    store: JobStore,
    paths: AppPaths,
    result: StitchResult,
    sources: Sequence[Job],
    name: str,
    *,
    kind: SourceKind = SourceKind.FILM,
    job_id: str | None = None,
) -> Job:
    """File a stitched film in the library as a finished clip (nothing is sent anywhere,
    it costs nothing) and link it to ``sources`` in order. Returns the stored job. It gets
    no thumbnail file: the library makes one from the first frame, as for any clip without."""
    width, height = _frame_size(result.path)
    first = sources[0] if sources else None
    now = time.time()
    film_id = job_id or uuid.uuid4().hex
    job = Job(
        id=film_id,
        request=VideoRequest(
            prompt=name,
            model=first.request.model if first is not None else "film",
            size=f"{width}x{height}",
            seconds=max(1, round(result.duration)),
        ),
        connection=first.connection if first is not None else LOCAL,
        status=JobStatus.READY,
        progress=100,
        created_at=now,
        updated_at=now,
        completed_at=now,
        file_path=result.path,
        estimated_cost=0.0,
    )
    store.add(job)
    link_sources(store, job.id, [s.id for s in sources], kind)
    return job


def _frame_size(video: Path) -> tuple[int, int]:
    """The film's picture size from its header (nothing decoded)."""
    from sora_desktop.core.clipinfo import COPY_OPEN, open_clip

    with open_clip(video, COPY_OPEN) as container:
        context = container.streams.video[0].codec_context
        return context.width, context.height
