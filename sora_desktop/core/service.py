"""GenerationService: every job's life on one asyncio loop (design.md section 3).

- one task per active job (never a thread per job), driven by :class:`JobRunner`;
- one :class:`VideoClient` (one connection pool) per (connection, key), closed on shutdown;
- every change is stored (``JobStore.transition`` / ``update_fields``) before listeners hear
  of it through a :class:`JobEvent`;
- ``resume_all`` continues every active or interrupted job where it stopped;
- ``shutdown(interrupt=True)`` stops the tasks and marks their jobs ``interrupted``.

Listeners are called on the loop's thread; the GUI's controller re-emits them as signals.
"""

from __future__ import annotations

import asyncio
import logging
import time
import uuid
from collections.abc import Awaitable, Callable, Mapping
from typing import TYPE_CHECKING, Any

from .api_keys import api_key_for
from .backoff import Backoff
from .builtin_simulator import SimulatorLink, is_builtin_simulator, lost_job_error, resolve
from .capabilities import capabilities_for, check_model_served, validate_request
from .errors import (
    AssetExpiredError,
    CancelledByUser,
    DiskError,
    ErrorKind,
    InvalidRequestError,
    KeyringUnavailableError,
    NetworkError,
    NotFoundError,
    RemoteJobFailedError,
    SoraError,
    StoreError,
)
from .i18n import N_, _
from .job_rules import remix_problem, remote_delete_problem
from .jobrunner import Downloader, GaveUp, JobRunner, RunnerContext, Thumbnailer
from .listeners import notify
from .models import (
    Connection,
    ConnectionKind,
    Job,
    JobEvent,
    JobStatus,
    KeySource,
    VideoRequest,
)
from .spending import estimate_job_cost

if TYPE_CHECKING:
    from .client import VideoClient
    from .paths import AppPaths
    from .store import JobStore

log = logging.getLogger(__name__)

CANCEL_MESSAGE = N_(
    "Cancelled here. A render the service already started keeps running and may still be billed."
)
INTERRUPT_MESSAGE = "Interrupted: the app closed mid-way. It continues on the next start."

#: Errors that leave the job resumable (``interrupted``) instead of ``failed``.
_LOCAL_TROUBLE = (DiskError, StoreError, KeyringUnavailableError)


def error_for_job(job: Job) -> SoraError | None:
    """Rebuild the error a finished (or interrupted) job recorded, for exit codes and display."""
    if job.status is JobStatus.READY or (job.error_message is None and job.error_code is None):
        return None
    message = job.error_message or _("The job did not finish.")
    if job.status is JobStatus.EXPIRED:
        return AssetExpiredError(message, code=job.error_code)
    if job.status is JobStatus.CANCELLED:
        return CancelledByUser(message, code=job.error_code)
    kind: ErrorKind | None
    try:
        kind = ErrorKind(job.error_code) if job.error_code else None
    except ValueError:
        kind = None
    cls: type[SoraError] = RemoteJobFailedError
    if kind is not None:
        cls = next((c for c in SoraError.__subclasses__() if c.kind is kind), cls)
    if cls is NetworkError:
        return NetworkError(message)
    return cls(message, code=job.error_code)


def _error_fields(err: SoraError) -> dict[str, Any]:
    code = err.code if err.kind in (ErrorKind.REMOTE_FAILED,) and err.code else err.kind.value
    return {"error_code": code, "error_message": err.one_line()}


def _default_key_lookup(source: KeySource) -> str | None:
    from . import secrets

    return secrets.get_key(source)


async def _default_download(client: VideoClient, remote_id: str, *args: Any, **kw: Any) -> Any:
    from .download import download_video

    return await download_video(client, remote_id, *args, **kw)


async def _default_thumbnail(client: VideoClient, remote_id: str, *args: Any, **kw: Any) -> Any:
    from .thumbnails import fetch_thumbnail

    return await fetch_thumbnail(client, remote_id, *args, **kw)


def _default_client(connection: Connection, key: str | None) -> VideoClient:
    from .client import VideoClient

    return VideoClient(connection, key)


class GenerationService:
    def __init__(
        self,
        store: JobStore,
        paths: AppPaths,
        *,
        key_lookup: Callable[[KeySource], str | None] | None = None,
        client_factory: Callable[[Connection, str | None], VideoClient] | None = None,
        give_up_after: float | None = None,
        backoff_factory: Callable[[], Backoff] = Backoff,
        clock: Callable[[], float] = time.time,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
        downloader: Downloader | None = None,
        thumbnailer: Thumbnailer | None = None,
        builtin_simulator: SimulatorLink | None = None,
    ) -> None:
        """``builtin_simulator``: its address at run time (see core/builtin_simulator.py)."""
        self._store = store
        self._simulator = builtin_simulator
        self._paths = paths
        self._key_lookup = key_lookup or _default_key_lookup
        self._client_factory = client_factory or _default_client
        self._clients: dict[tuple[Connection, str | None], VideoClient] = {}
        self._listeners: list[Callable[[JobEvent], None]] = []
        self._tasks: dict[str, asyncio.Task[Job]] = {}
        self._cancel_reasons: dict[str, str] = {}
        self._unexpected: dict[str, BaseException] = {}
        self._closed = False
        self._ctx = RunnerContext(
            store=store,
            paths=paths,
            move=self._move,
            progress=self._progress,
            clock=clock,
            sleep=sleep,
            backoff_factory=backoff_factory,
            give_up_after=give_up_after,
            downloader=downloader or _default_download,
            thumbnailer=thumbnailer or _default_thumbnail,
        )

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
        self._emit(JobEvent(job.id, job.status, job.progress, message=job.error_message))
        return job

    def _progress(
        self,
        job_id: str,
        status: JobStatus,
        progress: int,
        *,
        downloaded: int | None = None,
        total: int | None = None,
    ) -> None:
        self._emit(JobEvent(job_id, status, progress, downloaded=downloaded, total=total))

    # ----------------------------------------------------------- clients
    def _api_key(self, connection: Connection) -> str | None:
        return api_key_for(connection, self._key_lookup)

    async def _client_for(self, connection: Connection, *, resuming: bool) -> VideoClient:
        """The client for ``connection``, the built-in simulator's address filled in."""
        return self._client(await resolve(connection, self._simulator, resuming=resuming))

    def _client(self, connection: Connection) -> VideoClient:
        key = self._api_key(connection)
        cache_key = (connection, key)
        client = self._clients.get(cache_key)
        if client is None:
            client = self._client_factory(connection, key)
            self._clients[cache_key] = client
        return client

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
        any I/O. ``hints`` words the next step per refused field (``param``) for the face
        that asked, e.g. the CLI's ``{"model": "Pick one of them with --model."}``."""
        try:
            self._validate(request, connection)
        except InvalidRequestError as err:
            if hints and err.param is not None and err.param in hints:
                err.next_step = hints[err.param]
            raise

    def _validate(self, request: VideoRequest, connection: Connection) -> None:
        profile = None
        if connection.profile_id is not None:
            from .profiles import read_profile

            profile = read_profile(self._paths.profiles_path, connection.profile_id)
            if profile is not None and profile.kind is not connection.kind:
                profile = None
        offered: tuple[str, ...] = ()
        aliases: dict[str, str] = {}
        if profile is not None:
            aliases = dict(profile.model_aliases)
            offered = (*profile.models, profile.default_model, *aliases)
        check_model_served(request.model, connection.kind, offered)
        caps = capabilities_for(
            request.model, aliases=aliases, azure=connection.kind is ConnectionKind.AZURE
        )
        validate_request(request, caps)
        if request.reference_image is not None:
            from .images import check_reference_image

            check = check_reference_image(request.reference_image, request.size)
            if not check.matches_size:
                raise InvalidRequestError(
                    check.reason
                    or _("The image is {width}x{height}; the video is {size}.").format(
                        width=check.width, height=check.height, size=request.size
                    ),
                    _("Fit or crop the image to the video size first."),
                    param="input_reference",
                )

    async def submit(self, request: VideoRequest, connection: Connection) -> Job:
        """Validate, store (draft, then submitting with ``submitted_at``), start the task."""
        if self._closed:
            raise RuntimeError("the service is shut down")
        self.validate(request, connection)
        await self._client_for(connection, resuming=False)  # no key: refused before storing
        now = self._ctx.clock()
        job = Job(
            id=uuid.uuid4().hex,
            request=request,
            connection=connection,
            status=JobStatus.DRAFT,
            created_at=now,
            updated_at=now,
            estimated_cost=estimate_job_cost(request, connection),
        )
        self._store.add(job)
        self._emit(JobEvent(job.id, JobStatus.DRAFT))
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
            job = self._store.get(job_id)
            assert job is not None
            try:
                client = await self._client_for(job.connection, resuming=not fresh)
            except SoraError as err:  # no key (yet): keep the job for the next resume
                return self._interrupt(job_id, err)
            return await JobRunner(self._ctx, job_id, client, fresh=fresh).run()
        except asyncio.CancelledError:
            self._finish_cancelled(job_id)
            raise
        except GaveUp as gave_up:
            log.warning("job %s: giving up for now: %s", job_id, gave_up.error)
            if gave_up.reached_server:
                return self._interrupt(job_id, gave_up.error)
            return self._end(job_id, JobStatus.FAILED, gave_up.error)
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

    async def cancel(self, job_id: str) -> Job:
        """Stop working on a job here; a render already started remotely keeps running."""
        task = self._tasks.get(job_id)
        if task is not None:
            self._cancel_reasons[job_id] = "user"
            task.cancel()
            await asyncio.wait({task})
        job = self._store.get(job_id)
        if job is None:
            raise NotFoundError(_("This job is no longer in the library."), "")
        if not job.status.is_terminal:
            job = self._move(
                job_id,
                JobStatus.CANCELLED,
                note="cancelled by the user",
                error_code=ErrorKind.CANCELLED.value,
                error_message=_(CANCEL_MESSAGE),
            )
        return job

    async def remix(self, job_id: str, prompt: str) -> Job:
        """A new job that remixes a finished one with a new prompt (same connection)."""
        source = self._store.get(job_id)
        if source is None:
            raise NotFoundError(_("This job is no longer in the library."), "")
        problem = remix_problem(source)  # e.g. its service copy was deleted: refused here,
        if problem is not None:  # before a job is made or anything is sent
            raise problem
        assert source.remote_id is not None
        request = VideoRequest(
            prompt=prompt,
            model=source.request.model,
            size=source.request.size,
            seconds=source.request.seconds,
            remix_of=source.remote_id,
        )
        return await self.submit(request, source.connection)

    async def delete_remote(self, job_id: str) -> Job:
        """Delete the job's video on the server (the local copy stays) and remember that it
        is gone (``remote_deleted_at``), so remix is refused from now on. Returns the job."""
        job = self._store.get(job_id)
        if job is None:
            raise NotFoundError(_("This job is no longer in the library."), "")
        if remote_delete_problem(job) is not None or job.remote_id is None:
            return job  # never sent, or already deleted: nothing to do
        try:
            client = await self._client_for(job.connection, resuming=True)
            await client.delete(job.remote_id)
        except NotFoundError:
            log.info("job %s: remote video %s was already gone", job_id, job.remote_id)
        return self._store.update_fields(job_id, remote_deleted_at=self._ctx.clock())

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
        clients, self._clients = list(self._clients.values()), {}
        for client in clients:
            try:
                await client.aclose()
            except Exception:
                log.exception("closing a client failed")
