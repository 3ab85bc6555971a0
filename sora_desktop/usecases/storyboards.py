"""Storyboards: kept in the library, edited, generated shot by shot, and made into a film.

Keeping them (every change is saved in the library before the function returns; written in
``usecases/storyboard_keeping.py`` with the edits and the plan, exported from here):

    create(store, name) -> Storyboard
    open_file(store, path) -> Storyboard        # a portable JSON file, filed in the library
    save_file(store, board_id, path) -> Path     # the portable JSON (paths relative to it)
    list_all(store) -> list[StoryboardSummary];  get(store, board_id) -> Storyboard
    delete(store, board_id)                      # its takes stay in the library as clips
    boards_with_job(store, job_id) -> list[str]  # which storyboards a job is a take of

Edits (each loads the stored board, changes it, saves it, returns it):

    rename, add_shot, replace_shot, remove_shot, move_shot, choose_take

The plan and generating:

    jobs_of(store, board) -> {job id: Job}       # the library's jobs of its takes
    plan_of(store, board_id) -> BoardPlan        # the board, every shot's state, complete?
    await generate_missing(service, store, board_id, connection_for, images_dir,
                           retry_failed=False) -> list[Job]
        # submit every shot that can go now; call it again on job events (a chained shot
        # goes once the take it continues is ready)
    await regenerate_shot(service, store, board_id, shot_id, connection_for, images_dir) -> Job
    await run(service, store, board_id, connection_for, images_dir, on_update=None) -> BoardPlan
        # generate what is missing and wait until every shot is ready or nothing can go on
    connection_for_profiles(profiles_path, override=None) -> ConnectionFor
    check_shots(service, board, connection_for, jobs)  # a bad shot refused before any send

The film:

    make_film(store, paths, board_id, out=None, crossfade=0, copy_only=False,
              on_progress=None, cancel=None) -> Film    # stitch of the takes that count

**Money safety.** A shot's take is recorded (with the job id chosen beforehand) and saved
*before* its job is submitted, and the submission goes through ``GenerationService.submit``
(stored before its create is sent; a lost reply reconciled, never re-sent). So a double
click, a second call while one is running, or a crash between the two never sends a shot
twice: the next call sees the take and waits for it. A take whose job never reached the
library (the app stopped before the job was stored) is submitted again under the same id,
which is safe because "no job under that id" means it was never sent.
"""

from __future__ import annotations

import dataclasses
import uuid
from collections.abc import Awaitable, Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from sora_desktop.core import storyboard as sb
from sora_desktop.core import storyboard_store
from sora_desktop.core.errors import InvalidRequestError, SoraError
from sora_desktop.core.i18n import _
from sora_desktop.core.job_sources import SourceKind
from sora_desktop.core.models import Connection, Job, VideoRequest
from sora_desktop.core.storyboard import Shot, StartKind, Storyboard
from sora_desktop.core.storyboard_plan import (
    ShotState,
    ShotStatus,
    counting_take,
    film_clips,
    plan,
    prepare_request,
)
from sora_desktop.core.storyboard_store import StoryboardSummary
from sora_desktop.usecases.storyboard_keeping import (
    BoardPlan,
    add_shot,
    boards_with_job,
    choose_take,
    create,
    delete,
    get,
    jobs_of,
    list_all,
    move_shot,
    new_shot,
    open_file,
    plan_of,
    remove_shot,
    rename,
    replace_shot,
    save_file,
)

if TYPE_CHECKING:
    from sora_desktop.core.paths import AppPaths
    from sora_desktop.core.service import GenerationService
    from sora_desktop.core.stitch import CancelFlag, ProgressCallback
    from sora_desktop.core.store import JobStore
    from sora_desktop.usecases.stitch import Film

__all__ = [
    "BoardPlan",
    "ConnectionFor",
    "ShotState",
    "ShotStatus",
    "StoryboardSummary",
    "add_shot",
    "boards_with_job",
    "check_shots",
    "choose_take",
    "connection_for_profiles",
    "create",
    "delete",
    "generate_missing",
    "get",
    "jobs_of",
    "list_all",
    "make_film",
    "move_shot",
    "new_shot",
    "open_file",
    "plan_of",
    "regenerate_shot",
    "remove_shot",
    "rename",
    "replace_shot",
    "run",
    "save_file",
]

#: The connection a shot's takes are made on (the face decides: the shot's profile, or a
#: ``--profile`` given for the whole run).
ConnectionFor = Callable[[Shot], Connection]

#: Shots being submitted right now, by (storyboard id, shot id): a second call meanwhile
#: (a double click) skips them. Touched on the event loop only.
_SUBMITTING: set[tuple[str, str]] = set()


def connection_for_profiles(
    profiles_path: Path, override: Connection | None = None
) -> ConnectionFor:
    """Each shot's connection from its profile id (none: the built-in simulator), or
    ``override`` for every shot. A profile that isn't set up here is InvalidRequestError."""
    from sora_desktop.core.profiles import SIMULATOR_ID, read_profile

    def connection_for(shot: Shot) -> Connection:
        if override is not None:
            return override
        profile = read_profile(profiles_path, shot.profile_id or SIMULATOR_ID)
        if profile is None:
            raise InvalidRequestError(
                _(
                    "The shot {name!r} uses the connection {profile!r}, which isn't set up here."
                ).format(name=shot.name or shot.id[:8], profile=shot.profile_id),
                _("Add that connection, or pick another one for the shot."),
                param="profile",
            )
        return profile.connection()

    return connection_for


def check_shots(
    service: GenerationService,
    board: Storyboard,
    connection_for: ConnectionFor,
    jobs: Mapping[str, Job] | None = None,
) -> None:
    """Refuse before anything is sent: every shot not made yet (``jobs``: :func:`jobs_of`)
    must be a request its connection takes (model, size, seconds), and a start image file
    must exist. InvalidRequestError naming the shot otherwise."""
    jobs = jobs or {}
    for number, (shot, state) in enumerate(zip(board.shots, plan(board, jobs), strict=True), 1):
        if state.status is ShotStatus.READY:
            continue
        name = shot.name or shot.id[:8]
        try:
            request = VideoRequest(
                prompt=shot.prompt, model=shot.model, size=shot.size, seconds=shot.seconds
            )
            service.validate(request, connection_for(shot))
            start = shot.start
            if start.kind is StartKind.FILE and (start.path is None or not start.path.is_file()):
                raise InvalidRequestError(
                    _("its start image {path} can't be found.").format(path=start.path),
                    _("Check the start image's path."),
                    param="input_reference",
                )
        except InvalidRequestError as err:
            err.message = _("Shot {number} ({name}): {why}").format(
                number=number, name=name, why=err.message
            )
            raise


def _take_to_reuse(shot: Shot, jobs: Mapping[str, Job]) -> str | None:
    """The newest take when its job never reached the library and it has no clip: it was
    never sent (see the module), so it is sent under the same id."""
    if not shot.takes:
        return None
    take = shot.takes[-1]
    if take.job_id in jobs or (take.clip is not None and take.clip.is_file()):
        return None
    return take.job_id


async def _submit_shot(
    service: GenerationService,
    store: JobStore,
    board_id: str,
    shot_id: str,
    connection_for: ConnectionFor,
    images_dir: Path,
    *,
    reuse: bool,
) -> Job | None:
    """Prepare the shot's request, record the take, submit. None when another call is
    submitting this shot right now."""
    import asyncio

    key = (board_id, shot_id)
    if key in _SUBMITTING:
        return None
    _SUBMITTING.add(key)
    try:
        board = get(store, board_id)
        jobs = jobs_of(store, board)
        shot = board.shot(shot_id)
        connection = connection_for(shot)
        request = await asyncio.to_thread(prepare_request, board, shot_id, jobs, images_dir)
        service.validate(request, connection)
        board = get(store, board_id)  # again: it may have changed meanwhile
        shot = board.shot(shot_id)
        job_id = (
            _take_to_reuse(shot, jobs_of(store, board)) if reuse else None
        ) or uuid.uuid4().hex
        storyboard_store.save(store, sb.add_take(board, shot_id, job_id))  # before it is sent
        try:
            return await service.submit(request, connection, job_id=job_id)
        except (SoraError, ValueError):
            if store.get(job_id) is None:  # refused before it was stored: never sent
                _drop_take(store, board_id, shot_id, job_id)
            raise
    finally:
        _SUBMITTING.discard(key)


def _drop_take(store: JobStore, board_id: str, shot_id: str, job_id: str) -> None:
    board = storyboard_store.get(store, board_id)
    if board is None:
        return
    shot = board.shot(shot_id)
    takes = tuple(t for t in shot.takes if t.job_id != job_id)
    chosen = None if shot.chosen == job_id else shot.chosen
    storyboard_store.save(
        store, sb.replace_shot(board, dataclasses.replace(shot, takes=takes, chosen=chosen))
    )


async def generate_missing(
    service: GenerationService,
    store: JobStore,
    board_id: str,
    connection_for: ConnectionFor,
    images_dir: Path,
    *,
    retry_failed: bool = False,
) -> list[Job]:
    """Submit every shot that can go now ("Generate missing shots"): those with nothing
    made yet whose start is available, and with ``retry_failed`` those whose take failed.
    A chained shot waits for the take it continues: call this again when a take's job ends
    (:func:`boards_with_job` says which storyboards care). Returns the jobs submitted.
    The first refusal (InvalidRequestError and the like) is raised after the shots before
    it were submitted."""
    wanted = {ShotStatus.MISSING} | ({ShotStatus.FAILED} if retry_failed else set())
    current = plan_of(store, board_id)
    submitted: list[Job] = []
    for shot, state in zip(current.board.shots, current.states, strict=True):
        if state.status not in wanted:
            continue
        job = await _submit_shot(
            service, store, board_id, shot.id, connection_for, images_dir, reuse=True
        )
        if job is not None:
            submitted.append(job)
    return submitted


def _take_in_progress(shot: Shot, jobs: Mapping[str, Job]) -> bool:
    """A take of ``shot`` is being made (a ready older take may count meanwhile)."""
    from sora_desktop.core.models import JobStatus

    for take in shot.takes:
        job = jobs.get(take.job_id)
        if job is not None and (job.status.is_active or job.status is JobStatus.DRAFT):
            return True
    return False


async def regenerate_shot(
    service: GenerationService,
    store: JobStore,
    board_id: str,
    shot_id: str,
    connection_for: ConnectionFor,
    images_dir: Path,
) -> Job:
    """A new take of one shot (the others stay; the new one counts once it is ready unless
    another take is chosen). Refused (InvalidRequestError) while a take of the shot is being
    made (a double click sends once), or when a chained shot has no take before it to
    continue from."""
    board = get(store, board_id)
    jobs = jobs_of(store, board)
    if _take_in_progress(board.shot(shot_id), jobs):
        raise InvalidRequestError(
            _("A take of this shot is being made already."),
            _("Wait for it to finish, or cancel it in the queue."),
            param="shots",
        )
    job = await _submit_shot(
        service, store, board_id, shot_id, connection_for, images_dir, reuse=False
    )
    if job is None:
        raise InvalidRequestError(
            _("A take of this shot is being sent already."),
            _("Wait for it to appear in the queue."),
            param="shots",
        )
    board = get(store, board_id)
    if board.shot(shot_id).chosen is not None:
        # the new take counts once ready: an explicit choice of an older one would hide it
        storyboard_store.save(store, sb.choose_take(board, shot_id, None))
    return job


async def run(
    service: GenerationService,
    store: JobStore,
    board_id: str,
    connection_for: ConnectionFor,
    images_dir: Path,
    *,
    on_update: Callable[[BoardPlan], Awaitable[None] | None] | None = None,
    retry_failed: bool = False,
) -> BoardPlan:
    """Generate what is missing and wait, submitting chained shots as the takes they
    continue become ready, until every shot is ready or nothing more can be made without
    the creator (a failed or blocked shot; :meth:`BoardPlan.stuck` names them). Takes
    already running (a run that was interrupted) are waited for, never sent again.
    ``on_update`` gets the plan after every change."""
    import asyncio

    first = True
    while True:
        await generate_missing(
            service,
            store,
            board_id,
            connection_for,
            images_dir,
            retry_failed=retry_failed and first,
        )
        first = False
        current = plan_of(store, board_id)
        if on_update is not None:
            maybe = on_update(current)
            if maybe is not None:
                await maybe
        live = [job_id for job_id in current.running if await _going(service, job_id)]
        if not live:
            return current  # nothing left that this service is making (see _going)
        waits = [asyncio.ensure_future(service.wait(job_id)) for job_id in live]
        done, pending = await asyncio.wait(waits, return_when=asyncio.FIRST_COMPLETED)
        for task in pending:
            task.cancel()
        await asyncio.gather(*pending, return_exceptions=True)
        for task in done:
            task.result()


async def _going(service: GenerationService, job_id: str) -> bool:
    """The take's job is being made by ``service``: running, or resumed now when a previous
    run left it unfinished. False for a draft (stored, never sent): waiting for it would
    never end."""
    return service.is_running(job_id) or await service.resume(job_id)


# ------------------------------------------------------------------------------ the film


def make_film(
    store: JobStore,
    paths: AppPaths,
    board_id: str,
    out: Path | None = None,
    *,
    crossfade: float = 0.0,
    copy_only: bool = False,
    overwrite: bool = False,
    on_progress: ProgressCallback | None = None,
    cancel: CancelFlag | None = None,
) -> Film:
    """Stitch the takes that count, in shot order, into one film (``out``; None: in the
    library's folder), filed in the library linked to those takes. InvalidRequestError
    naming the first shot without a finished take. Blocking."""
    from sora_desktop.usecases.stitch import Clip, stitch_film

    board = get(store, board_id)
    jobs = jobs_of(store, board)
    paths_in_order = film_clips(board, jobs)
    clips = []
    for shot, path in zip(board.shots, paths_in_order, strict=True):
        take = counting_take(shot, jobs)
        clips.append(Clip(path, jobs.get(take) if take is not None else None))
    return stitch_film(
        store,
        paths,
        clips,
        out,
        crossfade=crossfade,
        copy_only=copy_only,
        overwrite=overwrite,
        name=board.name or _("Storyboard film"),
        on_progress=on_progress,
        cancel=cancel,
        kind=SourceKind.FILM,
    )
