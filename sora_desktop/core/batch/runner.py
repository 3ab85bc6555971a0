"""Running a batch unattended over the :class:`~sora_desktop.core.service.GenerationService`.

- **One send per row, across crashes.** Before a row's job is submitted, its id is
  recorded (:meth:`.store.BatchStore.record_intent`, committed); the job is then created
  through the service's normal ``submit`` under that id, which stores it before its
  create leaves; the row is marked accepted before the runner yields to the event loop,
  so before the request is sent. On the next run, an intent whose job is not in the
  library (or is a draft) was never sent and is sent under the same id; any other job is
  resumed (``GenerationService.resume``), never created again.
- **Bounded concurrency.** A batch keeps at most its ``concurrency`` jobs in flight (from
  submit to downloaded; jobs resumed after a crash count too). How many jobs run at once on
  one connection is the service's one limiter (:class:`~sora_desktop.core.pacing
  .ConnectionSlots`: the creator's "jobs at once per connection", at most what the provider
  is known to allow, :func:`~sora_desktop.core.pacing.provider_limit`), shared with every
  other job on it; a job waiting there says "Waiting in line". A 429 from the provider is
  waited out by the job itself.
- **The cap.** In order, a row is sent only if its estimate fits in what is left of the
  cap (:func:`.estimate.within_cap`, the rule the preview shows); the first that does not
  and every later row are marked held and wait. Jobs the service refused before making
  anything stop counting, so held rows are looked at again when the running jobs end.
- **One process per batch.** A running batch holds a file lock beside the library; a
  second process asking to run it is told it is busy.
- **Retry only the failed rows**: an explicit :meth:`BatchRunner.retry_failed` asks for one
  more attempt of each failed row; the next run makes those (new) jobs.

Everything runs on the service's event loop; listeners hear :class:`BatchEvent` s there.
"""

from __future__ import annotations

import asyncio
import logging
import uuid
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sora_desktop.core.batch.estimate import within_cap
from sora_desktop.core.batch.preview import BatchPreview, seeded
from sora_desktop.core.batch.store import BatchInfo, BatchRow, BatchState, BatchStore, RowStatus
from sora_desktop.core.errors import (
    InvalidRequestError,
    NotFoundError,
    ServiceUnavailableError,
    SoraError,
)
from sora_desktop.core.filelock import FileLock
from sora_desktop.core.i18n import _
from sora_desktop.core.listeners import notify
from sora_desktop.core.models import Job, JobStatus

if TYPE_CHECKING:
    from sora_desktop.core.service import GenerationService
    from sora_desktop.core.store import JobStore

log = logging.getLogger(__name__)

#: Exports a ready row's clip: (job, folder, file name template) -> the file.
Exporter = Callable[[Job, Path, str], Path]


@dataclass(frozen=True, slots=True)
class BatchEvent:
    """Something happened to a batch (``index`` None) or to one of its rows."""

    batch_id: str
    index: int | None
    status: RowStatus | None = None
    job_id: str | None = None
    message: str | None = None


@dataclass(frozen=True, slots=True)
class BatchSummary:
    batch_id: str
    state: BatchState
    counts: Mapping[RowStatus, int]
    committed: float  # US dollars the cap counts as spent
    cap: float | None
    #: what stopped the sending (e.g. no key): the rest waits for the next run
    error: SoraError | None = None

    def count(self, *statuses: RowStatus) -> int:
        return sum(self.counts.get(s, 0) for s in statuses)

    @property
    def rows(self) -> int:
        return sum(self.counts.values())

    @property
    def finished(self) -> bool:
        """Nothing left to send or follow (rows the cap holds wait for a higher cap)."""
        return self.count(*(s for s in RowStatus if not s.is_final)) == 0


def busy_error() -> ServiceUnavailableError:
    return ServiceUnavailableError(
        _("This batch is already running in another Sora Desktop (a window or a command)."),
        _("Let it run there, or close the other one and resume the batch here."),
        code="batch_busy",
    )


def _default_exporter(job: Job, folder: Path, template: str) -> Path:
    from sora_desktop.core.export import export_job

    return export_job(job, folder, template=template)


def output_template(label: str) -> str:
    """The file name template of a row's clip: its label, then the job's short id."""
    return label.replace("{", "{{").replace("}", "}}") + "_{id}.mp4"


class BatchRunner:
    """Creates, runs and resumes batches (see the module). One per service."""

    def __init__(
        self,
        service: GenerationService,
        store: JobStore,
        *,
        exporter: Exporter | None = None,
        lock_dir: Path | None = None,
    ) -> None:
        self._service = service
        self._jobs = store
        self.batches = BatchStore(store)
        self._export = exporter or _default_exporter
        self._lock_dir = lock_dir or store.path.parent / "batches"
        self._listeners: list[Callable[[BatchEvent], None]] = []
        self._running: dict[str, asyncio.Task[BatchSummary]] = {}

    # -- events -------------------------------------------------------------------------

    def subscribe(self, listener: Callable[[BatchEvent], None]) -> Callable[[], None]:
        """Call ``listener`` on the loop for every :class:`BatchEvent`; returns an
        unsubscribe."""
        self._listeners.append(listener)

        def unsubscribe() -> None:
            if listener in self._listeners:
                self._listeners.remove(listener)

        return unsubscribe

    def _emit(self, event: BatchEvent) -> None:
        notify(self._listeners, event, what="a batch listener")

    def _emit_row(self, batch_id: str, index: int, message: str | None = None) -> None:
        row = self.batches.row(batch_id, index)
        if row is not None:
            self._emit(BatchEvent(batch_id, index, row.status, row.job_id, message or row.error))

    # -- verbs without sending ----------------------------------------------------------

    def create(
        self, preview: BatchPreview, *, name: str | None = None, out_dir: Path | None = None
    ) -> BatchInfo:
        """Keep a previewed batch in the library; nothing is sent until :meth:`run`."""
        batch_id = uuid.uuid4().hex
        return self.batches.create(
            preview, name=name or preview.plan.source, batch_id=batch_id, out_dir=out_dir
        )

    def summary(self, batch_id: str, error: SoraError | None = None) -> BatchSummary:
        info = self._info(batch_id)
        counts = Counter(r.status for r in self.batches.rows(batch_id))
        return BatchSummary(
            batch_id, info.state, dict(counts), self.batches.committed(batch_id), info.cap, error
        )

    def retry_failed(self, batch_id: str, indexes: Iterable[int] | None = None) -> list[int]:
        """One more attempt for each failed (or expired) row, among ``indexes`` when given;
        the next :meth:`run` sends them as new jobs. Returns the rows."""
        self._info(batch_id)
        return self.batches.retry_failed(batch_id, indexes)

    def set_cap(self, batch_id: str, cap: float | None) -> None:
        """Change the cap (None: no cap); held rows are looked at on the next :meth:`run`."""
        self._info(batch_id)
        self.batches.set_cap(batch_id, cap)

    def cancel(self, batch_id: str) -> None:
        """Send nothing more for this batch. Jobs already sent carry on (they are paid)."""
        self._info(batch_id)
        self.batches.set_state(batch_id, BatchState.CANCELLED)
        self._emit(BatchEvent(batch_id, None))

    def is_running(self, batch_id: str) -> bool:
        return batch_id in self._running

    def _info(self, batch_id: str) -> BatchInfo:
        info = self.batches.get(batch_id)
        if info is None:
            raise NotFoundError(_("This batch is no longer in the library."), "")
        return info

    # -- running ------------------------------------------------------------------------

    async def run(self, batch_id: str) -> BatchSummary:
        """Send what the batch still has to send, follow its jobs to the end, and return
        its summary. Running a batch already running here waits for that run."""
        task = self._running.get(batch_id)
        if task is None:
            task = asyncio.get_running_loop().create_task(
                self._run(batch_id), name=f"batch-{batch_id[:8]}"
            )
            self._running[batch_id] = task
            task.add_done_callback(lambda t: self._running.pop(batch_id, None))
        return await asyncio.shield(task)

    async def resume_all(self) -> list[BatchSummary]:
        """Run every active batch (after a restart: each continues where it stopped)."""
        active = self.batches.batches([BatchState.ACTIVE])
        return list(await asyncio.gather(*(self.run(b.id) for b in active)))

    async def _run(self, batch_id: str) -> BatchSummary:
        info = self._info(batch_id)
        self._lock_dir.mkdir(parents=True, exist_ok=True)
        lock = FileLock(self._lock_dir / f"{batch_id}.lock")
        if not lock.acquire():
            raise busy_error()
        try:
            return await self._run_locked(info)
        finally:
            lock.release()

    async def _run_locked(self, info: BatchInfo) -> BatchSummary:
        batch_id = info.id
        if info.state is BatchState.CANCELLED:
            return self.summary(batch_id)
        self._settle(batch_id)
        limit = max(1, info.concurrency)
        followers: set[asyncio.Task[None]] = set()
        try:
            await self._pick_up(batch_id, followers)
            error: SoraError | None = None
            while True:
                self.batches.release_holds(batch_id)
                error, held = await self._send(batch_id, limit, followers)
                if followers:
                    await asyncio.wait(followers)
                if error is not None or held is None or not self._fits_now(batch_id, held):
                    break
        except BaseException:
            for follower in followers:
                follower.cancel()
            raise
        summary = self.summary(batch_id, error)
        if summary.finished and summary.count(RowStatus.HELD) == 0:
            if self._info(batch_id).state is BatchState.ACTIVE:
                self.batches.set_state(batch_id, BatchState.DONE)
            summary = self.summary(batch_id, error)
        self._emit(BatchEvent(batch_id, None, message=error.one_line() if error else None))
        return summary

    def _settle(self, batch_id: str) -> None:
        """After a crash: an intent whose job the service stored and started was sent; one
        left a draft was not (the draft goes; the row is sent again under its id)."""
        for job_id in self.batches.unsent_intents(batch_id):
            job = self._jobs.get(job_id)
            if job is None:
                continue  # never stored, so never sent: sent again under this id
            if job.status is JobStatus.DRAFT:
                log.info("batch %s: job %s was never sent; sending it again", batch_id, job_id)
                self._jobs.delete(job_id)
                continue
            self.batches.mark_sent(job_id)

    async def _pick_up(self, batch_id: str, followers: set[asyncio.Task[None]]) -> None:
        """Follow the jobs a previous run sent: resume those not running, export clips that
        are ready but not exported."""
        info = self._info(batch_id)
        for row in self.batches.rows(batch_id):
            if row.job_id is None or not row.sent or row.attempts < row.wanted:
                continue
            status = row.job_status
            if status is not None and status.is_active:
                await self._service.resume(row.job_id)
                # already paid for: followed at once, counted in the batch's jobs in flight
                followers.add(self._follow(batch_id, row.index, row.job_id))
            elif status is JobStatus.READY and info.out_dir and row.exported_path is None:
                await self._export_row(info, row.index, row.job_id)

    def _fits_now(self, batch_id: str, held: BatchRow) -> bool:
        """Does the first held row fit now that the running jobs ended?"""
        info = self._info(batch_id)
        if info.state is not BatchState.ACTIVE:
            return False
        return within_cap(self.batches.committed(batch_id), held.estimated_cost, info.cap)

    async def _send(
        self, batch_id: str, limit: int, followers: set[asyncio.Task[None]]
    ) -> tuple[SoraError | None, BatchRow | None]:
        """One pass over the rows to send, in order. Returns what stopped it (an error
        every row would meet) and the first row the cap held."""
        for row in self.batches.rows(batch_id):
            if not row.needs_send:
                continue
            while len(followers) >= limit:  # the batch's jobs in flight: wait for one to end
                done, _pending = await asyncio.wait(followers, return_when=asyncio.FIRST_COMPLETED)
                followers.difference_update(done)
            info = self._info(batch_id)
            if info.state is not BatchState.ACTIVE:
                return None, None
            if not within_cap(self.batches.committed(batch_id), row.estimated_cost, info.cap):
                count = self.batches.hold_from(batch_id, row.index)
                log.info("batch %s: the cap holds %d rows from row %d", batch_id, count, row.index)
                self._emit_row(batch_id, row.index)
                return None, row
            job_id = row.unsent_intent
            if job_id is None:
                job_id = uuid.uuid4().hex
                if not self.batches.record_intent(
                    batch_id, row.index, row.attempts + 1, job_id, row.estimated_cost
                ):
                    continue  # taken meanwhile
            request, _note = seeded(row.request, row.seed, info.connection)
            try:
                await self._service.submit(request, info.connection, job_id=job_id)
            except InvalidRequestError as err:  # e.g. the image went away: this row only
                self._unsend(job_id)
                self.batches.set_problem(batch_id, row.index, err.one_line())
                self._emit_row(batch_id, row.index)
                continue
            except SoraError as err:  # e.g. no key: every row would meet it
                self._unsend(job_id)
                log.warning("batch %s: sending stopped: %s", batch_id, err.message)
                return err, None
            except BaseException:
                self._unsend(job_id)
                raise
            # committed before this task yields, so before the job's create is sent
            self.batches.mark_sent(job_id)
            self._emit_row(batch_id, row.index)
            followers.add(self._follow(batch_id, row.index, job_id))
        return None, None

    def _unsend(self, job_id: str) -> None:
        """``submit`` failed: forget the intent if the job was never stored; a draft it
        left was never sent either."""
        job = self._jobs.get(job_id)
        if job is not None and job.status is not JobStatus.DRAFT:
            self.batches.mark_sent(job_id)  # it got as far as being sent: it is followed
            return
        if job is not None:
            self._jobs.delete(job_id)
        self.batches.drop_intent(job_id)

    def _follow(self, batch_id: str, index: int, job_id: str) -> asyncio.Task[None]:
        async def follow() -> None:
            try:
                job = await self._service.wait(job_id)
                info = self._info(batch_id)
                if job.status is JobStatus.READY and info.out_dir is not None:
                    await self._export_row(info, index, job_id)
                self._emit_row(batch_id, index)
            except asyncio.CancelledError:
                raise
            except Exception:  # a bug in one job must not stop the batch
                log.exception("batch %s: following row %d failed", batch_id, index)

        return asyncio.get_running_loop().create_task(follow(), name=f"batch-row-{index}")

    async def _export_row(self, info: BatchInfo, index: int, job_id: str) -> None:
        job = self._jobs.get(job_id)
        row = self.batches.row(info.id, index)
        if job is None or row is None or info.out_dir is None:
            return
        try:
            path = await asyncio.to_thread(
                self._export, job, info.out_dir, output_template(row.label)
            )
        except SoraError as err:
            log.warning("batch %s: row %d could not be exported: %s", info.id, index, err)
            self.batches.set_exported(job_id, None, err.one_line())
            return
        self.batches.set_exported(job_id, path)
