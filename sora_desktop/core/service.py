"""GenerationService: every job's life on one asyncio loop (docs/architecture.md).

- one task per active job (never a thread per job), driven by :class:`JobRunner`;
- one client (a :class:`~.dialects.base.Dialect`, one connection pool) per (connection,
  key), closed on shutdown;
- every change is stored (``JobStore.transition`` / ``update_fields``) before listeners hear
  of it through a :class:`JobEvent`;
- ``resume_all`` continues every active or interrupted job where it stopped;
- ``shutdown(interrupt=True)`` stops the tasks and marks their jobs ``interrupted``.
- apart: ``request_checks`` (validate), ``derived_jobs`` (remix, extend, resend), ``job_errors``.

Listeners are called on the loop's thread; the GUI's controller re-emits them as signals.
"""

from __future__ import annotations

import asyncio
import logging
import time
import uuid
from collections.abc import Awaitable, Callable, Mapping
from typing import TYPE_CHECKING, Any

from sora_desktop.core.api_keys import api_key_for
from sora_desktop.core.builtin_simulator import (
    SimulatorLink,
    is_builtin_simulator,
    lost_job_error,
    resolve,
)
from sora_desktop.core.derived_jobs import DerivedJobs, ResendQuote
from sora_desktop.core.errors import (
    AssetExpiredError,
    DiskError,
    ErrorKind,
    KeyringUnavailableError,
    NotFoundError,
    SoraError,
    StoreError,
)
from sora_desktop.core.i18n import N_, _
from sora_desktop.core.job_control import CANCEL_MESSAGE, JobControl
from sora_desktop.core.job_errors import dashboard_url, error_for_job
from sora_desktop.core.job_locks import HELD_ELSEWHERE, RECHECK_EVERY, JobLocks
from sora_desktop.core.jobrunner import Downloader, GaveUp, JobRunner, RunnerContext, Thumbnailer
from sora_desktop.core.last_frames import LastFrameKeeper
from sora_desktop.core.listeners import notify
from sora_desktop.core.models import Connection, Job, JobEvent, JobStatus, KeySource, VideoRequest
from sora_desktop.core.pacing import ConnectionSlots, Pacing, provider_limit
from sora_desktop.core.request_checks import RequestChecks
from sora_desktop.core.spending import estimate_job_cost

if TYPE_CHECKING:
    from sora_desktop.core.dialects.base import Dialect
    from sora_desktop.core.filelock import FileLock
    from sora_desktop.core.model_settings import ModelSettings, ModelSummary
    from sora_desktop.core.paths import AppPaths
    from sora_desktop.core.store import JobStore

log = logging.getLogger(__name__)

__all__ = [
    "CANCEL_MESSAGE",
    "GenerationService",
    "ResendQuote",
    "dashboard_url",
    "error_for_job",
]

#: The next step of a job the app stopped retrying (``give_up_after``). Its request may
#: have reached the service: the job is kept and finished later, never sent again blindly.
GAVE_UP_KEPT = N_(
    "The app stopped retrying for now; the job is kept and continues the next time the app "
    "starts (or with: sora-desktop resume)."
)
#: ... or the service never took it (a refused connection, "too many requests" every time).
GAVE_UP_NOT_SENT = N_(
    "The app stopped retrying. The service did not take the request, so nothing was "
    "charged; generate it again later."
)
#: Errors that leave the job resumable (``interrupted``) instead of ``failed``.
_LOCAL_TROUBLE = (DiskError, StoreError, KeyringUnavailableError)


def _error_fields(err: SoraError) -> dict[str, Any]:
    code = err.code if err.kind in (ErrorKind.REMOTE_FAILED,) and err.code else err.kind.value
    return {"error_code": code, "error_message": err.one_line()}


def _default_key_lookup(source: KeySource) -> str | None:
    from sora_desktop.core import secrets

    return secrets.get_key(source)


async def _default_download(client: Dialect, remote_id: str, *args: Any, **kw: Any) -> Any:
    from sora_desktop.core.download import download_video

    return await download_video(client, remote_id, *args, **kw)


async def _default_thumbnail(client: Dialect, remote_id: str, *args: Any, **kw: Any) -> Any:
    from sora_desktop.core.thumbnails import fetch_thumbnail

    return await fetch_thumbnail(client, remote_id, *args, **kw)


class GenerationService(DerivedJobs, JobControl):
    def __init__(
        self,
        store: JobStore,
        paths: AppPaths,
        *,
        key_lookup: Callable[[KeySource], str | None] | None = None,
        client_factory: Callable[[Connection, str | None], Dialect] | None = None,
        give_up_after: float | None = None,
        pacing: Pacing | None = None,
        clock: Callable[[], float] = time.time,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
        downloader: Downloader | None = None,
        thumbnailer: Thumbnailer | None = None,
        builtin_simulator: SimulatorLink | None = None,
        keep_last_frames: bool = False,
    ) -> None:
        """``builtin_simulator``: its address at run time (see core/builtin_simulator.py).
        ``pacing``: the waits between polls and the jobs at once per connection (the user
        settings' ``Settings.pacing()``; the defaults without). ``keep_last_frames``: store
        each ready clip's last frame in the background (core/last_frames.py; the window
        does, so a chained shot reads a PNG; a one-shot CLI run has no next step)."""
        self.pacing = pacing = pacing or Pacing()
        self._store = store
        self._simulator = builtin_simulator
        self._paths = paths
        self._key_lookup = key_lookup or _default_key_lookup
        self._client_factory = client_factory or self._default_client
        self._clients: dict[tuple[Connection, str | None], Dialect] = {}
        self._listeners: list[Callable[[JobEvent], None]] = []
        self._tasks: dict[str, asyncio.Task[Job]] = {}
        self._cancel_reasons: dict[str, str] = {}
        self._unexpected: dict[str, BaseException] = {}
        self._closed = False
        self._checks = RequestChecks(paths)
        self._locks = JobLocks(paths.data_dir / "running")
        self.last_frames = LastFrameKeeper() if keep_last_frames else None
        self._ctx = RunnerContext(
            store=store,
            paths=paths,
            move=self._move,
            progress=self._progress,
            clock=clock,
            sleep=sleep,
            backoff_factory=pacing.backoff,
            slots=ConnectionSlots(pacing.limit),
            give_up_after=give_up_after,
            downloader=downloader or _default_download,
            thumbnailer=thumbnailer or _default_thumbnail,
            after_ready=self.last_frames.keep if self.last_frames is not None else None,
        )

    def _default_client(self, connection: Connection, key: str | None) -> Dialect:
        from sora_desktop.core.dialects import make_dialect
        from sora_desktop.core.dialects.schemas import SchemaCache

        cache = SchemaCache(self._paths.cache_dir / "schemas")
        return make_dialect(connection, key, schema_cache=cache)

    # ------------------------------------------------------------ events
    def subscribe(self, listener: Callable[[JobEvent], None]) -> Callable[[], None]:
        """Call ``listener`` (on the loop's thread) for every change; returns an unsubscribe.

        A listener that raises is reported through :mod:`.listeners` (logged by the app, a
        failure in tests); the other listeners and the job carry on."""
        self._listeners.append(listener)

        def unsubscribe() -> None:
            if listener in self._listeners:
                self._listeners.remove(listener)

        return unsubscribe

    def _emit(self, event: JobEvent) -> None:
        notify(self._listeners, event, what="a job listener")

    def _move(
        self, job_id: str, status: JobStatus, *, note: str | None = None, **changes: Any
    ) -> Job:
        """Store a change, then tell the listeners. Same status: fields only."""
        current = self._store.get(job_id)
        if current is not None and current.status is status:
            job = self._store.update_fields(job_id, **changes) if changes else current
        else:
            job = self._store.transition(job_id, status, note=note, **changes)
        self._emit(JobEvent(job.id, job.status, job.progress, message=job.error_message, job=job))
        return job

    def _progress(
        self,
        job_id: str,
        status: JobStatus,
        progress: int,
        *,
        downloaded: int | None = None,
        total: int | None = None,
        note: str | None = None,
        message: str | None = None,
        retrying: bool = False,
    ) -> None:
        """``note``: what the provider says while the job waits; ``message``: what the app
        says it waits for (its line of jobs on one connection, core/pacing.py, or a service
        it could not reach yet: ``retrying``)."""
        self._emit(
            JobEvent(
                job_id,
                status,
                progress,
                message,
                downloaded=downloaded,
                total=total,
                note=note,
                retrying=retrying,
            )
        )

    # ----------------------------------------------------------- clients
    def _api_key(self, connection: Connection) -> str | None:
        return api_key_for(connection, self._key_lookup)

    async def _client_for(self, connection: Connection, *, resuming: bool) -> Dialect:
        """The client for ``connection``, the built-in simulator's address filled in."""
        return (await self._keyed_client(connection, resuming=resuming))[1]

    async def _keyed_client(
        self, connection: Connection, *, resuming: bool
    ) -> tuple[tuple[Connection, str | None], Dialect]:
        """The same with the key it is kept under: the connection (address filled in) and
        API key. Jobs under one key share a connection pool and a line (core/pacing.py)."""
        connection = await resolve(connection, self._simulator, resuming=resuming)
        key = self._api_key(connection)
        cache_key = (connection, key)
        client = self._clients.get(cache_key)
        if client is None:
            client = self._client_factory(connection, key)
            self._clients[cache_key] = client
        return cache_key, client

    @property
    def client_count(self) -> int:
        """How many clients (connection pools) are open."""
        return len(self._clients)

    # ------------------------------------------------------------ submit
    def validate(
        self,
        request: VideoRequest,
        connection: Connection,
        *,
        hints: Mapping[str, str] | None = None,
    ) -> None:
        """Refuse what the connection or model can't make (and a wrongly sized image) before
        any I/O (``core.request_checks``). ``hints`` words the next step per refused field
        (``param``) for the face that asked, e.g. the CLI's ``{"model": "Pick one of them
        with --model."}``."""
        self._checks.validate(request, connection, hints=hints)

    async def submit(
        self, request: VideoRequest, connection: Connection, *, job_id: str | None = None
    ) -> Job:
        """Validate, store (draft, then submitting with ``submitted_at``), start the task.

        ``job_id``: the id to store the job under, chosen (and recorded) by the caller
        beforehand, so that after a crash it can tell "never stored, so never sent" (no
        job with that id) from "sent" (a batch row, see core/batch/runner.py). ValueError
        when the library already has a job with that id: nothing is sent then.

        The create is sent by the job's task, which starts only when the caller next
        yields to the event loop: what the caller stores right after this returns is
        committed before the request leaves."""
        if self._closed:
            raise RuntimeError("the service is shut down")
        self.validate(request, connection)
        await self._client_for(connection, resuming=False)  # no key: refused before storing
        now = self._ctx.clock()
        job = Job(
            id=job_id or uuid.uuid4().hex,
            request=request,
            connection=connection,
            status=JobStatus.DRAFT,
            created_at=now,
            updated_at=now,
            estimated_cost=estimate_job_cost(request, connection),
        )
        self._store.add(job)
        self._emit(JobEvent(job.id, JobStatus.DRAFT, job=job))
        job = self._move(job.id, JobStatus.SUBMITTING, submitted_at=now)
        self._start(job.id, fresh=True)
        return job

    def _start(self, job_id: str, *, fresh: bool) -> None:
        task = asyncio.get_running_loop().create_task(
            self._drive(job_id, fresh=fresh), name=f"job-{job_id[:8]}"
        )
        self._tasks[job_id] = task
        task.add_done_callback(lambda t: self._task_done(job_id, t))

    def _task_done(self, job_id: str, task: asyncio.Task[Job]) -> None:
        self._tasks.pop(job_id, None)
        if not task.cancelled() and task.exception() is not None:
            # only when even recording the failure failed (e.g. the library is gone)
            exc = task.exception()
            log.error("job %s: its task failed: %r", job_id, exc)
            if exc is not None:
                self._unexpected[job_id] = exc

    async def _drive(self, job_id: str, *, fresh: bool) -> Job:
        try:
            lock = self._locks.try_take(job_id)
        except OSError as err:  # nothing was sent: the job waits for the next resume
            return self._interrupt(
                job_id,
                DiskError(
                    _("The app can't write in its data folder ({detail}).").format(detail=err),
                    _("Check the disk and the folder's permissions, then resume."),
                ),
            )
        if lock is None:  # another process works on it: wait, then continue what it stored
            lock = await self._wait_for_lock(job_id)
            fresh = False
        try:
            return await self._drive_held(job_id, fresh=fresh)
        finally:
            self._locks.let_go(lock)

    async def _wait_for_lock(self, job_id: str) -> FileLock:
        """Wait until no other process drives the job, saying so; then the stored job is
        shown as it is now. Stopped meanwhile: the job is left as the other process keeps it."""
        job = self._store.get(job_id)
        assert job is not None
        log.info("job %s: another process is working on it; waiting", job_id)
        self._progress(job_id, job.status, job.progress, message=_(HELD_ELSEWHERE))
        try:
            while (lock := self._locks.try_take(job_id)) is None:
                await self._ctx.sleep(RECHECK_EVERY)
        except asyncio.CancelledError:
            self._cancel_reasons.pop(job_id, None)  # the job is the other process's to store
            raise
        job = self._store.get(job_id)
        assert job is not None
        self._emit(JobEvent(job.id, job.status, job.progress, message=job.error_message, job=job))
        return lock

    async def _drive_held(self, job_id: str, *, fresh: bool) -> Job:
        try:
            job = self._store.get(job_id)
            assert job is not None
            try:
                key, client = await self._keyed_client(job.connection, resuming=not fresh)
            except SoraError as err:  # no key (yet): keep the job for the next resume
                return self._interrupt(job_id, err)
            runner = JobRunner(
                self._ctx,
                job_id,
                client,
                fresh=fresh,
                connection_key=key,
                provider_limit=provider_limit(job.connection),
            )
            return await runner.run()
        except asyncio.CancelledError:
            self._finish_cancelled(job_id)
            raise
        except GaveUp as gave_up:
            given_up = gave_up.error
            log.warning("job %s: giving up for now: %s", job_id, given_up)
            # its next step said the app retries by itself: no longer true
            if gave_up.reached_server:
                given_up.next_step = _(GAVE_UP_KEPT)
                return self._interrupt(job_id, given_up)
            given_up.next_step = _(GAVE_UP_NOT_SENT)
            return self._end(job_id, JobStatus.FAILED, given_up)
        except AssetExpiredError as err:
            return self._end(job_id, JobStatus.EXPIRED, err)
        except _LOCAL_TROUBLE as err:
            return self._interrupt(job_id, err)
        except NotFoundError as missing:
            job = self._store.get(job_id)  # on the built-in simulator: gone from its state
            builtin = job is not None and is_builtin_simulator(job.connection)
            return self._end(job_id, JobStatus.FAILED, lost_job_error() if builtin else missing)
        except SoraError as err:
            return self._end(job_id, JobStatus.FAILED, err)
        except Exception as exc:
            log.exception("job %s: unexpected failure", job_id)
            self._unexpected[job_id] = exc
            return self._interrupt(
                job_id,
                SoraError(
                    _("Unexpected problem: {name}.").format(name=type(exc).__name__),
                    _("See the log."),
                ),
            )

    def _end(self, job_id: str, status: JobStatus, err: SoraError) -> Job:
        return self._move(job_id, status, note=err.message, **_error_fields(err))

    def _interrupt(self, job_id: str, err: SoraError) -> Job:
        job = self._store.get(job_id)
        assert job is not None
        if job.status.is_terminal or job.status is JobStatus.INTERRUPTED:
            return self._store.update_fields(job_id, **_error_fields(err))
        if job.status is JobStatus.DRAFT:
            return self._end(job_id, JobStatus.FAILED, err)
        return self._move(job_id, JobStatus.INTERRUPTED, note=err.message, **_error_fields(err))

    def _finish_cancelled(self, job_id: str) -> None:
        reason = self._cancel_reasons.pop(job_id, "shutdown")
        job = self._store.get(job_id)
        if job is None or job.status.is_terminal:
            return
        if reason == "user":
            self._move(
                job_id,
                JobStatus.CANCELLED,
                note="cancelled by the user",
                error_code=ErrorKind.CANCELLED.value,
                error_message=_(CANCEL_MESSAGE),
            )
        elif job.status is not JobStatus.INTERRUPTED and job.status is not JobStatus.DRAFT:
            self._move(job_id, JobStatus.INTERRUPTED, note="app closed", error_message=None)

    # ------------------------------------------------------- public verbs
    async def wait(self, job_id: str) -> Job:
        """Wait until the job's task ends; return the stored job (re-raise a bug's exception)."""
        task = self._tasks.get(job_id)
        if task is not None:
            await asyncio.wait({task})
        exc = self._unexpected.pop(job_id, None)
        if exc is not None:
            raise exc
        job = self._store.get(job_id)
        if job is None:
            raise NotFoundError(_("This job is no longer in the library."), "")
        return job

    async def generate(self, request: VideoRequest, connection: Connection) -> Job:
        job = await self.submit(request, connection)
        return await self.wait(job.id)

    def is_running(self, job_id: str) -> bool:
        return job_id in self._tasks

    async def resume_all(self) -> list[str]:
        """Continue every active or interrupted job that isn't already running."""
        resumed: list[str] = []
        for job in self._store.active_jobs():
            if job.id in self._tasks:
                continue
            if job.status is JobStatus.DRAFT:
                continue
            self._start(job.id, fresh=False)
            resumed.append(job.id)
        return resumed

    async def resume(self, job_id: str) -> bool:
        """Continue one active or interrupted job that isn't running (as :meth:`resume_all`
        does for all of them). False when there is nothing to continue: already running,
        finished, a draft (never sent) or not in the library."""
        if self._closed or job_id in self._tasks:
            return False
        job = self._store.get(job_id)
        if job is None or not job.status.is_active:
            return False
        self._start(job_id, fresh=False)
        return True

    def list_models(self, connection: Connection) -> list[ModelSummary]:
        """The catalogue's models for ``connection``'s provider kind (plain data)."""
        from sora_desktop.core.model_settings import list_models

        return list_models(connection.kind)

    async def model_settings(self, connection: Connection, model_id: str) -> ModelSettings:
        """``model_id``'s summary and its "More settings" fields on ``connection`` (the
        provider's schema fetched once and cached on disk)."""
        from sora_desktop.core.model_settings import fetch_settings

        client = await self._client_for(connection, resuming=False)
        return await fetch_settings(client, model_id.split(":", 1)[0])

    async def shutdown(self, *, interrupt: bool = True) -> None:
        """Stop (interrupt=True: mark active jobs ``interrupted``) or finish, then close."""
        self._closed = True
        tasks = list(self._tasks.items())
        if interrupt:
            for job_id, task in tasks:
                self._cancel_reasons.setdefault(job_id, "shutdown")
                task.cancel()
        if tasks:
            await asyncio.wait({t for _, t in tasks})
        if self.last_frames is not None:
            await self.last_frames.close()
        clients, self._clients = list(self._clients.values()), {}
        for client in clients:
            try:
                await client.aclose()
            except Exception:
                log.exception("closing a client failed")
