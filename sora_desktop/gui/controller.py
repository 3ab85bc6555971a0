"""The ONLY seam between the GUI thread and the I/O loop (docs/architecture.md).

:class:`Controller` lives on the GUI thread. It hands coroutines to the :class:`LoopThread`
(``asyncio.run_coroutine_threadsafe``) and turns their results and the service's
:class:`JobEvent` s into Qt signals. Anything arriving from the I/O thread goes through the
private ``_from_io`` signal, connected with ``Qt.QueuedConnection``, so every public signal is
emitted on the GUI thread and no widget is ever touched from the I/O thread.
"""

from __future__ import annotations

import concurrent.futures
import gc
import itertools
import logging
from collections.abc import Callable, Coroutine
from typing import TYPE_CHECKING, Any, cast

from PySide6.QtCore import QObject, Qt, Signal, Slot

from sora_desktop.core.errors import SoraError
from sora_desktop.core.models import Connection, Job, JobEvent, JobStatus, VideoRequest
from sora_desktop.usecases.status import is_terminal

if TYPE_CHECKING:
    from sora_desktop.core.loop_thread import LoopThread
    from sora_desktop.core.service import GenerationService
    from sora_desktop.usecases.history import History

log = logging.getLogger(__name__)

OkCallback = Callable[[Any], None]
ErrCallback = Callable[[BaseException], None]
ProgressCallback = Callable[[int, int], None]
IoFactory = Callable[[], "tuple[GenerationService, LoopThread]"]
_SHUTDOWN_TIMEOUT = 30.0


def _nothing() -> None:
    pass


class Controller(QObject):
    """Signals (all on the GUI thread):

    - ``job_event(JobEvent)``: every change the service reports;
    - ``job_submitted(Job)``: a generation was accepted and stored;
    - ``job_finished(Job)``: a job reached ``ready`` (its file is in the library);
    - ``job_failed(Job)``: a job ended failed/expired (``error_message`` says why);
    - ``job_cancelled(Job)``;
    - ``error(BaseException)``: an operation the GUI asked for failed (show it);
    - ``resumed(list[Job])``: the jobs resumed at start;
    - ``warmed()``: :meth:`warm_up` finished.
    """

    job_event = Signal(object)
    job_submitted = Signal(object)
    job_finished = Signal(object)
    job_failed = Signal(object)
    job_cancelled = Signal(object)
    error = Signal(object)
    resumed = Signal(list)
    warmed = Signal()
    #: private: (kind, token, payload) from the I/O thread, delivered queued on the GUI thread
    _from_io = Signal(str, int, object)

    def __init__(
        self,
        service: GenerationService | None,
        loop_thread: LoopThread | None,
        history: History,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        #: the library, read-only (``usecases.history``): what the window reads jobs from
        self.history = history
        self._service: GenerationService | None = None
        self._loop_thread: LoopThread | None = None
        self._make_io: IoFactory | None = None
        self._tokens = itertools.count(1)
        self._callbacks: dict[int, tuple[OkCallback | None, ErrCallback | None]] = {}
        self._progress: dict[int, ProgressCallback] = {}
        self._pending: set[concurrent.futures.Future[Any]] = set()
        self._closed = False
        self._unsubscribe: Callable[[], None] = _nothing
        self._from_io.connect(self._deliver, Qt.ConnectionType.QueuedConnection)
        if service is not None and loop_thread is not None:
            self._attach(service, loop_thread)

    @classmethod
    def deferred(
        cls, history: History, make_io: IoFactory, parent: QObject | None = None
    ) -> Controller:
        """A controller whose service and I/O thread are made on first use (or by
        :meth:`start_io`): the window can paint before asyncio and the engine are imported.

        ``make_io`` returns a new ``(GenerationService, LoopThread)``, the thread not started."""
        controller = cls(None, None, history, parent)
        controller._make_io = make_io
        return controller

    def _attach(self, service: GenerationService, loop_thread: LoopThread) -> None:
        self._service = service
        self._loop_thread = loop_thread
        self._unsubscribe = service.subscribe(self._on_io_event)

    @property
    def closed(self) -> bool:
        """Shut down: nothing more runs (an operation asked for now is dropped)."""
        return self._closed

    @property
    def io_started(self) -> bool:
        """Whether the service and the I/O thread exist yet (always, unless deferred)."""
        return self._service is not None

    def start_io(self) -> None:
        """Make the service and start the I/O thread now, if not done yet. After
        :meth:`shutdown` the thread is made but never started (nothing is left running)."""
        if self._service is not None:
            return
        assert self._make_io is not None
        service, loop_thread = self._make_io()
        self._attach(service, loop_thread)
        if not self._closed:
            loop_thread.start()

    @property
    def service(self) -> GenerationService:
        self.start_io()
        assert self._service is not None
        return self._service

    @property
    def loop_thread(self) -> LoopThread:
        self.start_io()
        assert self._loop_thread is not None
        return self._loop_thread

    # --- running coroutines ------------------------------------------------------------
    def call(
        self,
        coro: Coroutine[Any, Any, Any],
        on_ok: OkCallback | None = None,
        on_error: ErrCallback | None = None,
        on_progress: ProgressCallback | None = None,
        token: int | None = None,
    ) -> concurrent.futures.Future[Any]:
        """Run ``coro`` on the I/O loop; ``on_ok``/``on_error`` (and ``on_progress`` for
        what :meth:`progress_reporter` of ``token`` reports) run later on the GUI thread.

        Without ``on_error`` a failure is re-emitted as ``error``."""
        token = next(self._tokens) if token is None else token
        self._callbacks[token] = (on_ok, on_error)
        if on_progress is not None:
            self._progress[token] = on_progress
        try:
            future = self.loop_thread.submit(coro)
        except BaseException:
            self._callbacks.pop(token, None)
            self._progress.pop(token, None)
            raise
        self._pending.add(future)

        def done(f: concurrent.futures.Future[Any]) -> None:  # runs on the I/O thread
            self._pending.discard(f)
            if f.cancelled():
                return
            exc = f.exception()
            if exc is not None:
                self._from_io.emit("err", token, exc)
            else:
                self._from_io.emit("ok", token, f.result())

        future.add_done_callback(done)
        return future

    def run_blocking(
        self,
        work: Callable[[Callable[[int, int], None]], Any],
        on_ok: OkCallback | None = None,
        on_error: ErrCallback | None = None,
        on_progress: ProgressCallback | None = None,
    ) -> concurrent.futures.Future[Any]:
        """Run blocking ``work(report)`` (disk, SQLite) in the I/O loop's worker threads,
        never on the GUI thread; ``report(done, total)`` reaches ``on_progress`` there."""
        token = next(self._tokens)

        def report(done: int, total: int) -> None:  # any thread
            self._from_io.emit("progress", token, (done, total))

        async def in_worker() -> Any:
            import asyncio  # the I/O thread, long after start-up

            return await asyncio.to_thread(work, report)

        return self.call(in_worker(), on_ok, on_error, on_progress, token)

    def _on_io_event(self, event: JobEvent) -> None:  # the I/O thread
        self._from_io.emit("event", 0, event)

    @Slot(str, int, object)
    def _deliver(self, kind: str, token: int, payload: object) -> None:  # the GUI thread
        if kind == "event":
            assert isinstance(payload, JobEvent)
            self._on_event(payload)
            return
        if kind == "progress":
            on_progress = self._progress.get(token)
            if on_progress is not None and not self._closed:
                done, total = cast("tuple[int, int]", payload)
                on_progress(done, total)
            return
        self._progress.pop(token, None)
        on_ok, on_error = self._callbacks.pop(token, (None, None))
        if kind == "ok":
            if on_ok is not None:
                on_ok(payload)
        else:
            assert isinstance(payload, BaseException)
            if on_error is not None:
                on_error(payload)
            elif not self._closed:
                self.error.emit(payload)

    def _on_event(self, event: JobEvent) -> None:
        self.job_event.emit(event)
        if not is_terminal(event.status):
            return
        if event.job is not None:  # the job as stored when it ended: nothing to read
            self._ended(event.job)
        elif not self._closed:  # (every end is stored first; never on the GUI thread anyway)
            job_id = event.job_id
            self.run_blocking(lambda _report: self.history.get(job_id), self._ended)

    def _ended(self, job: Job | None) -> None:
        if job is None:
            return
        if job.status is JobStatus.READY:
            self.job_finished.emit(job)
        elif job.status is JobStatus.CANCELLED:
            self.job_cancelled.emit(job)
        elif job.status.is_terminal:
            self.job_failed.emit(job)

    # --- verbs the window uses --------------------------------------------------------
    def submit(self, request: VideoRequest, connection: Connection) -> None:
        self.call(self.service.submit(request, connection), self.job_submitted.emit)

    def cancel(self, job_id: str) -> None:
        self.call(self.service.cancel(job_id))

    def remix(self, job_id: str, prompt: str) -> None:
        self.call(self.service.remix(job_id, prompt), self.job_submitted.emit)

    def delete_remote(self, job_id: str, on_ok: OkCallback | None = None) -> None:
        self.call(self.service.delete_remote(job_id), on_ok)

    def warm_up(self) -> None:
        """Import the I/O path's modules on the I/O thread now (after the first paint), so
        the first generation doesn't pause for imports. Emits ``warmed`` when done."""
        self.call(_warm_up(), lambda _r: self._warmed(), lambda _e: self._warmed())

    def _warmed(self) -> None:
        # What is alive now (modules, classes, Qt wrappers, the engine) lives as long as the
        # window: out of the collector's reach, a full collection no longer walks it on the
        # GUI thread (76-147 ms each before, in the twenty-jobs heartbeat test). Undone when
        # the app closes (AppContext.close).
        gc.freeze()
        self.warmed.emit()

    def resume_all(self) -> None:
        """Continue the jobs left unfinished (``usecases.resume``); ``resumed`` lists them."""
        from sora_desktop.usecases.resume import resume_unfinished

        self.call(resume_unfinished(self.service, self.history), self.resumed.emit)

    def running_jobs(self) -> list[Job]:
        """Jobs the I/O loop is working on right now (read from the store on the GUI thread)."""
        if not self.io_started:
            return []  # nothing can run before the I/O thread exists
        return [j for j in self.history.active_jobs() if self.service.is_running(j.id)]

    def has_running_jobs(self) -> bool:
        return bool(self.running_jobs())

    # --- shutdown ----------------------------------------------------------------------
    def shutdown(self, *, cancel_running: bool = False) -> None:
        """Blocking: cancel (or keep as ``interrupted``) running jobs, stop the I/O thread.

        ``cancel_running=False`` keeps active jobs for the next start (they resume then)."""
        if self._closed:
            return
        self._closed = True
        if not self.io_started:
            self._callbacks.clear()  # never started: nothing runs, nothing to stop
            self._progress.clear()
            return
        try:
            if self.loop_thread.is_running:
                if cancel_running:
                    for job in self.history.active_jobs():
                        try:
                            self.loop_thread.run(self.service.cancel(job.id), _SHUTDOWN_TIMEOUT)
                        except (SoraError, concurrent.futures.TimeoutError) as exc:
                            log.warning("cancelling %s on close failed: %s", job.id, exc)
                self.loop_thread.run(self.service.shutdown(interrupt=True), _SHUTDOWN_TIMEOUT)
        except Exception:
            log.exception("the I/O service did not shut down cleanly")
        finally:
            self._unsubscribe()
            self.loop_thread.stop()
            self._callbacks.clear()
            self._progress.clear()


#: what the first generation needs, imported ahead of time by :meth:`Controller.warm_up`
WARM_MODULES = (
    "httpx",
    "h11",
    "httpcore",
    "anyio",
    "sora_desktop.core.client",
    "sora_desktop.core.download",
    "sora_desktop.core.thumbnails",
    "sora_desktop.core.images",
    "sora_desktop.core.secrets",
    "sora_desktop.usecases.extend",  # the library asks it whether a clip can be extended
    "sora_desktop.core.dialects.fal",  # fal, Replicate and Runway: their first job and the
    "sora_desktop.core.dialects.replicate",  # "More settings" of their first model
    "sora_desktop.core.dialects.runway",
    "PIL.PngImagePlugin",
    "PIL.WebPImagePlugin",
    "PIL.JpegImagePlugin",
)


async def _warm_up() -> None:
    import asyncio
    import importlib

    for name in WARM_MODULES:
        importlib.import_module(name)  # every one a dependency or our own
        await asyncio.sleep(0)  # let the loop (and the GIL) breathe between imports
    from sora_desktop.core.catalogue import load_catalogue
    from sora_desktop.core.tls import shared_context

    # the CA bundle, loaded once for every client (40-150 ms of CPU, much of it holding the
    # GIL): not while the creator clicks Generate on a connection's first job
    shared_context()
    await asyncio.sleep(0)
    # the provider models (read and checked once, then cached): the settings panel lists
    # them on the GUI thread when a fal, Replicate or Runway connection is chosen
    load_catalogue()
