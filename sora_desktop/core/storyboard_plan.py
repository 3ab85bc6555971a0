"""What a storyboard still needs, as plain functions over the storyboard and the library's jobs.

The use-case layer asks :func:`plan` for each shot's state, submits what
:func:`shots_to_submit` names through the ordinary ``GenerationService`` (with the request
:func:`prepare_request` builds: for a chained shot, the previous take's last frame fitted to
this shot's size), records the job with :func:`.storyboard.add_take`, and asks again when a
job ends. No I/O here except :func:`prepare_request` (decodes a frame, writes a PNG) and
:func:`film_clips` (checks the clips are on disk).

The take that counts for a shot is the chosen one when it is ready, else the newest ready
take. A take is ready when its job is ``ready`` with its file on disk, or, for a storyboard
opened on another computer whose library doesn't know the job, when its clip is on disk.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from sora_desktop.core.errors import InvalidRequestError
from sora_desktop.core.i18n import _
from sora_desktop.core.models import Job, JobStatus, VideoRequest
from sora_desktop.core.storyboard import Shot, StartKind, Storyboard

PARAM_SHOTS = "shots"


class ShotStatus(StrEnum):
    READY = "ready"  # its take that counts is ready
    RUNNING = "running"  # a take is being made
    MISSING = "missing"  # nothing made yet, and it can be submitted now
    WAITING = "waiting"  # chained: waits for the previous shot's take
    BLOCKED = "blocked"  # chained: the previous shot's take failed (or there is none to continue)
    FAILED = "failed"  # its newest take failed and none is ready; regenerate it


@dataclass(frozen=True, slots=True)
class ShotState:
    shot_id: str
    status: ShotStatus
    #: the take that counts (READY), the one being made (RUNNING), the failed one (FAILED)
    take: str | None = None
    #: WAITING/BLOCKED: the job id of the take this shot waits for, when there is one
    waits_for: str | None = None
    #: creator-facing: why it waits, is blocked or failed
    message: str | None = None


def _clip(job: Job | None, fallback: Path | None) -> Path | None:
    if job is not None:
        if job.status is JobStatus.READY and job.file_path is not None:
            return job.file_path if Path(job.file_path).is_file() else None
        return None
    return fallback if fallback is not None and fallback.is_file() else None


def take_clip(shot: Shot, job_id: str, jobs: Mapping[str, Job]) -> Path | None:
    """The clip of one take when it is ready (on disk), else None."""
    take = shot.take(job_id)
    if take is None:
        return None
    return _clip(jobs.get(job_id), take.clip)


def counting_take(shot: Shot, jobs: Mapping[str, Job]) -> str | None:
    """The take that counts: the chosen one when ready, else the newest ready take."""
    if shot.chosen is not None and take_clip(shot, shot.chosen, jobs) is not None:
        return shot.chosen
    for take in reversed(shot.takes):
        if _clip(jobs.get(take.job_id), take.clip) is not None:
            return take.job_id
    return None


def _running(shot: Shot, jobs: Mapping[str, Job]) -> str | None:
    for take in reversed(shot.takes):
        job = jobs.get(take.job_id)
        if job is not None and (job.status.is_active or job.status is JobStatus.DRAFT):
            return take.job_id
    return None


def _failed(shot: Shot, jobs: Mapping[str, Job]) -> Job | None:
    """The newest take's job when it ended without a clip."""
    if not shot.takes:
        return None
    job = jobs.get(shot.takes[-1].job_id)
    if job is not None and job.status.is_terminal and job.status is not JobStatus.READY:
        return job
    if job is not None and job.status is JobStatus.READY and _clip(job, None) is None:
        return job  # ready, but its file is gone
    return None


def _failure_text(job: Job) -> str:
    if job.status is JobStatus.READY:
        return _("its video file is missing")
    return job.error_message or job.status.value


def _name(board: Storyboard, index: int) -> str:
    shot = board.shots[index]
    if shot.name:
        return _("shot {number} ({name})").format(number=index + 1, name=shot.name)
    return _("shot {number}").format(number=index + 1)


def plan(board: Storyboard, jobs: Mapping[str, Job]) -> list[ShotState]:
    """Every shot's state, in order (``jobs``: the library's jobs by id, at least the
    storyboard's takes; a take whose job is unknown counts by its clip file)."""
    states: list[ShotState] = []
    for index, shot in enumerate(board.shots):
        states.append(_state(board, index, shot, jobs, states))
    return states


def _state(
    board: Storyboard,
    index: int,
    shot: Shot,
    jobs: Mapping[str, Job],
    before: Sequence[ShotState],
) -> ShotState:
    ready = counting_take(shot, jobs)
    if ready is not None:
        return ShotState(shot.id, ShotStatus.READY, take=ready)
    running = _running(shot, jobs)
    if running is not None:
        return ShotState(shot.id, ShotStatus.RUNNING, take=running)
    if shot.continues:
        if index == 0:
            return ShotState(
                shot.id,
                ShotStatus.BLOCKED,
                message=_(
                    "The first shot has no shot before it to continue from; give it a "
                    "start image or none."
                ),
            )
        previous = before[index - 1]
        prev_name = _name(board, index - 1)
        if previous.status is ShotStatus.RUNNING:
            return ShotState(
                shot.id,
                ShotStatus.WAITING,
                waits_for=previous.take,
                message=_("Waits for the take of {shot} to finish.").format(shot=prev_name),
            )
        if previous.status in (ShotStatus.MISSING, ShotStatus.WAITING):
            return ShotState(
                shot.id,
                ShotStatus.WAITING,
                message=_("Waits for {shot}, which has not been made yet.").format(shot=prev_name),
            )
        if previous.status in (ShotStatus.FAILED, ShotStatus.BLOCKED):
            detail = previous.message or ""
            return ShotState(
                shot.id,
                ShotStatus.BLOCKED,
                waits_for=previous.take,
                message=_("Can't continue from {shot}: {detail}")
                .format(shot=prev_name, detail=detail)
                .strip(),
            )
    failed = _failed(shot, jobs)
    if failed is not None:
        return ShotState(
            shot.id,
            ShotStatus.FAILED,
            take=failed.id,
            message=_("its take failed ({detail}); generate it again.").format(
                detail=_failure_text(failed)
            ),
        )
    return ShotState(shot.id, ShotStatus.MISSING)


def shots_to_submit(
    board: Storyboard, jobs: Mapping[str, Job], *, retry_failed: bool = False
) -> list[Shot]:
    """The shots to generate now ("Generate missing shots"): those with nothing made yet
    whose start is available (a chained shot only once the shot before it is ready), and,
    with ``retry_failed``, those whose newest take failed."""
    wanted = {ShotStatus.MISSING} | ({ShotStatus.FAILED} if retry_failed else set())
    return [
        shot
        for shot, state in zip(board.shots, plan(board, jobs), strict=True)
        if state.status in wanted
    ]


def is_complete(board: Storyboard, jobs: Mapping[str, Job]) -> bool:
    return bool(board.shots) and all(s.status is ShotStatus.READY for s in plan(board, jobs))


def prepare_request(
    board: Storyboard,
    shot_id: str,
    jobs: Mapping[str, Job],
    images_dir: Path,
) -> VideoRequest:
    """The request for a new take of ``shot_id``. Its start image is made here: a file is
    fitted to the shot's size, the previous shot's take's last frame is decoded and fitted
    (both stored in ``images_dir``). Blocking (decodes): run it off the GUI thread.
    InvalidRequestError when the shot can't start yet (its state's message)."""
    index = board.index(shot_id)
    shot = board.shots[index]
    reference: Path | None = None
    if shot.start.kind is StartKind.FILE:
        if shot.start.path is None:
            raise InvalidRequestError(
                _("{shot} has no start image file.").format(shot=_name(board, index)),
                _("Pick its start image again."),
                param="input_reference",
            )
        from sora_desktop.core.images import fit_reference_image

        reference = fit_reference_image(shot.start.path, shot.size, shot.start.fit, images_dir)
    elif shot.start.kind is StartKind.PREVIOUS:
        state = plan(board, jobs)[index]
        previous = board.shots[index - 1] if index > 0 else None
        take = counting_take(previous, jobs) if previous is not None else None
        clip = take_clip(previous, take, jobs) if previous is not None and take else None
        if clip is None:
            raise InvalidRequestError(
                state.message or _("{shot} can't start yet.").format(shot=_name(board, index)),
                _("Wait for the shot before it, or generate that shot first."),
                param="input_reference",
            )
        from sora_desktop.core.frames import continuation_image

        reference = continuation_image(clip, shot.size, images_dir, mode=shot.start.fit)
    return VideoRequest(
        prompt=shot.prompt,
        model=shot.model,
        size=shot.size,
        seconds=shot.seconds,
        reference_image=reference,
    )


def film_clips(board: Storyboard, jobs: Mapping[str, Job]) -> list[Path]:
    """The clips of the takes that count, in shot order (for the stitcher and timelines).
    InvalidRequestError naming the first shot that has no ready take."""
    clips: list[Path] = []
    for index, (shot, state) in enumerate(zip(board.shots, plan(board, jobs), strict=True)):
        ready = state.status is ShotStatus.READY and state.take is not None
        clip = take_clip(shot, state.take, jobs) if ready and state.take else None
        if clip is None:
            raise InvalidRequestError(
                _("{shot} has no finished take yet.").format(shot=_name(board, index)),
                _("Generate the missing shots first."),
                param=PARAM_SHOTS,
            )
        clips.append(clip)
    if not clips:
        raise InvalidRequestError(
            _("The storyboard has no shots."), _("Add a shot first."), param=PARAM_SHOTS
        )
    return clips
