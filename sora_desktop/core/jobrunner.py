"""The life of one job on the I/O loop: create (or reconcile), poll, download, thumbnail.

One :class:`JobRunner` drives one job as one asyncio task. It reads the job's stored state
and moves it forward one stage at a time, so a fresh job and a job resumed after a crash
take the same path: ``submitting`` without a remote id -> create or reconcile; ``queued`` /
``in_progress`` -> poll; ``completed`` / ``downloading`` -> download. Every status change is
stored before it is emitted (the service's ``move``).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Hashable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from sora_desktop.core.backoff import Backoff
from sora_desktop.core.errors import (
    AssetExpiredError,
    ModerationBlockedError,
    NetworkError,
    NotFoundError,
    RateLimitedError,
    RemoteJobFailedError,
    SoraError,
)
from sora_desktop.core.i18n import N_, _
from sora_desktop.core.models import Job, JobStatus, can_transition
from sora_desktop.core.pacing import ConnectionSlots
from sora_desktop.core.reconcile import CHECKING_MESSAGE
from sora_desktop.core.remote_video import RemoteVideo

if TYPE_CHECKING:
    from sora_desktop.core.dialects.base import Dialect
    from sora_desktop.core.paths import AppPaths
    from sora_desktop.core.store import JobStore

log = logging.getLogger(__name__)

# marked here, translated when an error is built (``_(MODERATION_MESSAGE)``)
MODERATION_MESSAGE = N_("The service blocked this prompt or image for its content rules.")
MODERATION_NEXT = N_(
    "Rephrase the prompt: no real people, copyrighted characters or music, and content "
    "suitable for all ages."
)
EXPIRED_MESSAGE = N_("The service no longer keeps this video, so it can't be downloaded any more.")
EXPIRED_NEXT = N_(
    "The app never re-creates a paid job to recover a download; generate again only if you "
    "want a new clip."
)
#: A job whose create can't be confirmed after this long is not resent automatically.
RESEND_MAX_AGE = 3600.0
#: What a job waiting for a free slot on its connection (core/pacing.py) says it waits for.
#: A create that provably never went out (refused, no DNS, no TLS, connect timeout) is sent
#: again after a pause, for as long as the window lets it: the queue says so, with why.
RETRYING_MESSAGE = N_("Can't reach the service: trying again")
WAITING_MESSAGE = N_(
    "Waiting in line: {limit} jobs are already being made on this connection (at most "
    "{limit} at once); this one is sent when one of them is done."
)

#: Statuses in which a job holds a slot on its connection: its create or its render.
_WITH_SERVICE = frozenset(
    {JobStatus.DRAFT, JobStatus.SUBMITTING, JobStatus.QUEUED, JobStatus.IN_PROGRESS}
)

REMOTE_STATUS: dict[str, JobStatus] = {
    "queued": JobStatus.QUEUED,
    "in_progress": JobStatus.IN_PROGRESS,
    "completed": JobStatus.COMPLETED,
}


class Downloader(Protocol):
    def __call__(
        self,
        client: Dialect,
        remote_id: str,
        final_path: Path,
        partial_dir: Path,
        *,
        on_progress: Callable[[int, int | None], None] | None = None,
    ) -> Awaitable[Path]: ...


class Thumbnailer(Protocol):
    def __call__(
        self, client: Dialect, remote_id: str, video_path: Path, dest: Path
    ) -> Awaitable[Path | None]: ...


class GaveUp(Exception):
    """Network trouble lasted longer than the service's ``give_up_after``."""

    def __init__(self, error: SoraError, *, reached_server: bool) -> None:
        super().__init__(error.message)
        self.error = error
        self.reached_server = reached_server


@dataclass
class RunnerContext:
    """What every runner shares with the service that owns it."""

    store: JobStore
    paths: AppPaths
    move: Callable[..., Job]  # (job_id, status, *, note=None, **changes) -> Job; stores, emits
    #: (job_id, status, progress, *, downloaded, total, note, message, retrying)
    progress: Callable[..., None]
    clock: Callable[[], float]
    sleep: Callable[[float], Awaitable[None]]
    backoff_factory: Callable[[], Backoff]
    slots: ConnectionSlots  # per connection: jobs being created or polled at once
    give_up_after: float | None
    downloader: Downloader
    thumbnailer: Thumbnailer
    #: Called on the loop with (job id, clip) once a job is ready (the stored last frame)
    after_ready: Callable[[str, Path], None] | None = None


def remote_failure(video: RemoteVideo) -> SoraError:
    """The creator-facing error for a render the service reported as ``failed``.

    A provider's own words (``error.source``) stay beside the app's explanation."""
    code = video.error.code if video.error else None
    text = video.error.message if video.error else ""
    source = video.error.source if video.error else None
    if code == "moderation_blocked":
        if source:
            from sora_desktop.core.dialects.errors import moderation_error

            return moderation_error(source, text)
        return ModerationBlockedError(_(MODERATION_MESSAGE), _(MODERATION_NEXT), code=code)
    if source and text:
        return RemoteJobFailedError(
            _("{provider} could not make this video: {detail}").format(
                provider=source, detail=text
            ),
            _("Try again, or change the prompt or settings."),
            code=code,
        )
    if text:
        message = _("The service could not make this video: {detail}").format(detail=text)
    else:
        message = _("The service could not make this video.")
    return RemoteJobFailedError(
        message,
        _("Try again, or change the prompt or settings."),
        code=code,
    )


class JobRunner:
    def __init__(
        self,
        ctx: RunnerContext,
        job_id: str,
        client: Dialect,
        *,
        fresh: bool,
        connection_key: Hashable,
        provider_limit: int | None = None,
    ):
        """``connection_key``: which connection's slots (core/pacing.py) the job takes."""
        self.ctx = ctx
        self.job_id = job_id
        self.client = client
        self.fresh = fresh  # True: this process is about to send the create itself
        self._note: str | None = None  # what the provider last said while the job waits
        self._slot = ctx.slots.slot(connection_key, provider_limit)
        self._slot_key = connection_key
        self._holding = False

    # ----------------------------------------------------------------- driving
    def job(self) -> Job:
        job = self.ctx.store.get(self.job_id)
        if job is None:
            raise NotFoundError(_("This job is no longer in the library."), "")
        return job

    async def run(self) -> Job:
        job = self.job()
        if job.status is JobStatus.INTERRUPTED:
            job = self.ctx.move(
                self.job_id, resume_target(job), note="resumed", error_code=None, error_message=None
            )
        try:
            while not job.status.is_terminal:
                if job.status in _WITH_SERVICE and not self._holding:
                    job = await self.take_slot(job)
                if job.status in (JobStatus.DRAFT, JobStatus.SUBMITTING) and job.remote_id is None:
                    await self.submit_stage(job)
                elif job.status in (JobStatus.SUBMITTING, JobStatus.QUEUED, JobStatus.IN_PROGRESS):
                    await self.poll_stage(job)
                elif job.status in (JobStatus.COMPLETED, JobStatus.DOWNLOADING):
                    self.give_slot()  # rendered: the next job in line may start
                    await self.download_stage(job)
                else:  # pragma: no cover - guarded by the state machine
                    raise RuntimeError(f"job {self.job_id} can't continue from {job.status}")
                job = self.job()
        finally:
            self.give_slot()
        return job

    # ---------------------------------------------------------------- slots
    async def take_slot(self, job: Job) -> Job:
        """Wait for a free slot on the job's connection (core/pacing.py), saying so."""
        if not self._slot.locked():
            await self._slot.acquire()  # free: no waiting, nothing to say
            self._holding = True
            return job
        limit = self.ctx.slots.limit_of(self._slot_key)
        log.info("job %s: waiting for one of %d slots on its connection", self.job_id, limit)
        message = _(WAITING_MESSAGE).format(limit=limit)
        self.ctx.progress(self.job_id, job.status, job.progress, message=message)
        await self._slot.acquire()
        self._holding = True
        job = self.job()
        if self.fresh and job.status is JobStatus.SUBMITTING and job.remote_id is None:
            # nothing was sent while it waited: submitted_at is when the create goes out
            job = self.ctx.store.update_fields(self.job_id, submitted_at=self.ctx.clock())
        self.ctx.progress(self.job_id, job.status, job.progress, message="")  # no longer waits
        return job

    def give_slot(self) -> None:
        if self._holding:
            self._holding = False
            self._slot.release()

    # ------------------------------------------------------------- helpers
    def _trouble(self, since: float | None, err: SoraError, *, reached: bool) -> float:
        """Start or continue a stretch of retryable trouble; give up when it lasted too long."""
        now = self.ctx.clock()
        if since is None:
            return now
        limit = self.ctx.give_up_after
        if limit is not None and now - since >= limit:
            raise GaveUp(err, reached_server=reached)
        return since

    def adopt(self, video: RemoteVideo) -> Job:
        """Store the remote id the moment it is known, then the status it reported."""
        self.ctx.store.update_fields(self.job_id, remote_id=video.id)
        return self.apply_remote(video)

    def apply_remote(self, video: RemoteVideo) -> Job:
        job = self.job()
        if video.status == "failed":
            raise remote_failure(video)
        status = REMOTE_STATUS.get(video.status)
        if status is None:
            # Unknown status: forward compatible, keep polling in the state we know.
            log.info("job %s: unknown remote status %r, still polling", self.job_id, video.status)
            status = job.status
        if status is not job.status and not can_transition(job.status, status):
            log.info("job %s: ignoring remote step back %s -> %s", self.job_id, job.status, status)
            status = job.status
        changes: dict[str, Any] = {}
        progress = max(0, min(100, int(video.progress or 0)))
        if status is JobStatus.COMPLETED:
            progress = 100
            changes["completed_at"] = float(video.completed_at or self.ctx.clock())
            if video.expires_at is not None:
                changes["expires_at"] = float(video.expires_at)
        if status is job.status and progress == job.progress and not changes:
            moved = job
        else:
            moved = self.ctx.move(self.job_id, status, progress=progress, **changes)
        if video.note != self._note:
            self._note = video.note
            self.ctx.progress(self.job_id, moved.status, moved.progress, note=video.note)
        return moved

    # --------------------------------------------------------------- submit
    async def submit_stage(self, job: Job) -> None:
        """Send the create once; reconcile whenever its fate is unknown; never resend blindly."""
        if job.status is JobStatus.DRAFT:
            job = self.ctx.move(self.job_id, JobStatus.SUBMITTING, submitted_at=self.ctx.clock())
        must_reconcile = not self.fresh
        backoff = self.ctx.backoff_factory()
        trouble: float | None = None
        while True:
            if must_reconcile:
                # the queue said "Sending" while nothing was being sent: say what it does
                self.ctx.progress(
                    self.job_id, job.status, job.progress, message=_(CHECKING_MESSAGE)
                )
                found = await self.reconcile(job)
                self.ctx.progress(self.job_id, job.status, job.progress, message="")  # done
                if found is not None:
                    log.info("job %s: adopted %s after reconciling", self.job_id, found.id)
                    self.adopt(found)
                    return
                # The list since submitted_at - WINDOW is complete and holds no match:
                # the create never landed, so one resend can't make a duplicate.
                submitted = job.submitted_at or job.created_at
                if self.ctx.clock() - submitted > RESEND_MAX_AGE:
                    raise RemoteJobFailedError(
                        _(
                            "The service has no record of this request, and it was sent too "
                            "long ago to send it again safely."
                        ),
                        _("Generate it again if you still want it."),
                        code="not_created",
                    )
                must_reconcile = False
                log.info("job %s: create did not land; sending it again", self.job_id)
            try:
                request = job.request
                if request.remix_of is not None:
                    polled = await self.client.remix(request.remix_of, request.prompt)
                elif request.extend_of is not None:
                    polled = await self.client.extend(
                        request.extend_of, request.prompt, request.seconds
                    )
                else:
                    polled = await self.client.create(request)
            except NetworkError as err:
                if err.may_have_reached_server:
                    log.warning("job %s: create reply lost (%s); reconciling", self.job_id, err)
                    if trouble is not None:  # lost again: don't spin create -> list -> create
                        trouble = self._trouble(trouble, err, reached=True)
                        await self.ctx.sleep(backoff.next_delay(err.retry_after))
                    else:
                        trouble = self._trouble(trouble, err, reached=True)
                    must_reconcile = True
                    continue
                trouble = self._trouble(trouble, err, reached=False)
                self._say_retrying(job, err)
                await self.ctx.sleep(backoff.next_delay(err.retry_after))
                continue
            except RateLimitedError as err:
                # A 429 is an answer: the server did not take the job. Wait, then resend.
                trouble = self._trouble(trouble, err, reached=False)
                await self.ctx.sleep(backoff.next_delay(err.retry_after))
                continue
            except SoraError as err:
                if not err.retryable:
                    raise
                # A 5xx: a gateway may have created the job before failing. Reconcile.
                log.warning("job %s: create answered %s; reconciling", self.job_id, err)
                trouble = self._trouble(trouble, err, reached=True)
                await self.ctx.sleep(backoff.next_delay(err.retry_after))
                must_reconcile = True
                continue
            if trouble is not None:
                self.ctx.progress(self.job_id, job.status, job.progress, message="")  # sent
            self.adopt(polled.video)
            return

    def _say_retrying(self, job: Job, err: SoraError) -> None:
        """Tell the queue the create did not go out and why (it said "Sending" for as long
        as a wrong base URL kept refusing, with nothing to act on)."""
        message = f"{_(RETRYING_MESSAGE)}\n{err.one_line()}"
        self.ctx.progress(self.job_id, job.status, job.progress, message=message, retrying=True)

    async def reconcile(self, job: Job) -> RemoteVideo | None:
        """Ask the service whether the create arrived (the Videos API lists videos,
        Replicate predictions) until it answers; then ours, or None. Where the provider
        can't say (fal, Runway) its dialect raises OutcomeUnknownError: never resent."""
        submitted = job.submitted_at if job.submitted_at is not None else job.created_at
        backoff = self.ctx.backoff_factory()
        trouble: float | None = None
        while True:
            try:
                return await self.client.find_created(
                    job.request, submitted, now=self.ctx.clock(), taken=self._taken
                )
            except SoraError as err:
                if not err.retryable:
                    raise
                log.warning("job %s: can't list videos to reconcile (%s)", self.job_id, err)
                trouble = self._trouble(trouble, err, reached=True)
                await self.ctx.sleep(backoff.next_delay(err.retry_after))
                continue

    def _taken(self, remote_id: str) -> bool:
        other = self.ctx.store.find_by_remote_id(remote_id)
        return other is not None and other.id != self.job_id

    # ----------------------------------------------------------------- poll
    async def poll_stage(self, job: Job) -> None:
        """Poll until the render completes (returns) or fails (raises)."""
        remote_id = job.remote_id
        assert remote_id is not None
        backoff = self.ctx.backoff_factory()
        trouble: float | None = None
        while True:
            try:
                polled = await self.client.retrieve(remote_id)
            except SoraError as err:
                if not err.retryable:
                    raise
                trouble = self._trouble(trouble, err, reached=True)
                await self.ctx.sleep(backoff.next_delay(err.retry_after))
                continue
            trouble = None
            job = self.apply_remote(polled.video)
            if job.status is JobStatus.COMPLETED:
                return
            await self.ctx.sleep(backoff.next_delay(polled.poll_after))

    # ------------------------------------------------------------- download
    async def download_stage(self, job: Job) -> None:
        remote_id = job.remote_id
        assert remote_id is not None
        paths = self.ctx.paths
        final = paths.clip_path(job.id)
        finished = await asyncio.to_thread(_finished_clip, final)
        if not finished and job.expires_at is not None and job.expires_at <= self.ctx.clock():
            raise AssetExpiredError(_(EXPIRED_MESSAGE), _(EXPIRED_NEXT))
        if job.status is JobStatus.COMPLETED:
            job = self.ctx.move(self.job_id, JobStatus.DOWNLOADING, progress=0)
        if finished:
            # stopped after the verified rename but before "ready" was stored
            log.info("job %s: clip already in the library", self.job_id)
            await self.finish(job, remote_id, final)
            return
        backoff = self.ctx.backoff_factory()
        trouble: float | None = None
        last_pct = -1

        def on_progress(done: int, total: int | None) -> None:
            nonlocal last_pct
            pct = min(100, int(done * 100 / total)) if total else 0
            if total and pct == last_pct:
                return  # at most ~100 events per download, not one per chunk
            self.ctx.progress(self.job_id, JobStatus.DOWNLOADING, pct, downloaded=done, total=total)
            if pct != last_pct:
                last_pct = pct
                self.ctx.store.update_fields(self.job_id, progress=pct)

        while True:
            try:
                await self.ctx.downloader(
                    self.client, remote_id, final, paths.partial_dir, on_progress=on_progress
                )
                break
            except (AssetExpiredError, NotFoundError) as err:
                raise AssetExpiredError(_(EXPIRED_MESSAGE), _(EXPIRED_NEXT)) from err
            except SoraError as err:
                if not err.retryable:
                    raise
                trouble = self._trouble(trouble, err, reached=True)
                await self.ctx.sleep(backoff.next_delay(err.retry_after))
        await self.finish(job, remote_id, final)

    async def finish(self, job: Job, remote_id: str, final: Path) -> None:
        thumb = await self.thumbnail(remote_id, final)
        self.ctx.move(
            self.job_id,
            JobStatus.READY,
            progress=100,
            file_path=final,
            thumbnail_path=thumb,
            completed_at=job.completed_at or self.ctx.clock(),
        )
        if self.ctx.after_ready is not None:
            self.ctx.after_ready(self.job_id, final)

    async def thumbnail(self, remote_id: str, video: Path) -> Path | None:
        dest = self.ctx.paths.thumbnail_path(self.job_id)
        try:
            return await self.ctx.thumbnailer(self.client, remote_id, video, dest)
        except (SoraError, OSError, ValueError) as err:
            log.warning("job %s: no thumbnail (%s)", self.job_id, err)
            return None


def _finished_clip(path: Path) -> bool:
    """A verified clip is already at ``path`` (downloads only ever rename verified files)."""
    from sora_desktop.core.download import mp4_problem

    return path.is_file() and mp4_problem(path) is None


def resume_target(job: Job) -> JobStatus:
    """Where an interrupted job picks up: the last active status it had."""
    if job.remote_id is None:
        return JobStatus.SUBMITTING
    for change in reversed(job.history):
        if change.status in (
            JobStatus.QUEUED,
            JobStatus.IN_PROGRESS,
            JobStatus.COMPLETED,
            JobStatus.DOWNLOADING,
        ):
            return change.status
    return JobStatus.QUEUED
