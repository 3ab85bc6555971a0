"""Batches: a night's work from one file, previewed, capped, run unattended, reviewed.

    BatchOrder(file, template=None, sweeps=(), cap=None, concurrency=4, out_dir=None,
               defaults=Defaults(), confirmed=False)
    preview(order, connection, validator, *, store=None, images_dir=None, hints=None,
            confirm_hint=None) -> BatchPreview        # reads the file; nothing is sent
    start(runner, preview, *, out_dir=None) -> BatchInfo   # kept; sent by run()
    await run(runner, batch_id) -> BatchSummary             # sends and follows to the end
    await resume(runner, batch_id=None) -> list[BatchSummary]   # one, or every active one
    retry_failed(runner, batch_id) -> list[int]               # failed rows only
    list_batches(store) -> list[BatchOverview]; find_batch(store, ref, hint=None) -> BatchInfo
    batch_rows(store, batch_id) -> list[BatchRow]
    export_results(store, batch_id, csv=None, json=None) -> list[Path]
    contact_sheet(store, batch_id, dest) -> Path

The engine is ``core.batch`` (see its package docstring). ``preview``, ``export_results``
and ``contact_sheet`` read and write files, ``list_batches`` and ``batch_rows`` read the
library: run them off the GUI thread. ``run`` and ``resume`` are coroutines for the
service's event loop. A paid create is never sent twice: the runner records each row's job
before it is sent and resumes (never re-creates) what a previous run sent.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from sora_desktop.core.batch.estimate import RenderTimes
from sora_desktop.core.batch.plan import CONFIRM_ABOVE, Defaults, plan_batch
from sora_desktop.core.batch.preview import BatchPreview, ImageFit, Validator, preview_batch
from sora_desktop.core.batch.source import read_source
from sora_desktop.core.batch.store import BatchInfo, BatchRow, BatchState, BatchStore, RowStatus
from sora_desktop.core.batch.sweep import parse_sweep
from sora_desktop.core.errors import DiskError, InvalidRequestError, NotFoundError
from sora_desktop.core.filenames import check_new_path
from sora_desktop.core.i18n import _
from sora_desktop.core.models import Connection

if TYPE_CHECKING:
    from sora_desktop.core.batch.runner import BatchRunner, BatchSummary
    from sora_desktop.core.store import JobStore

__all__ = [
    "CONFIRM_ABOVE",
    "BatchOrder",
    "BatchOverview",
    "batch_rows",
    "contact_sheet",
    "export_results",
    "find_batch",
    "list_batches",
    "preview",
    "resume",
    "retry_failed",
    "run",
    "start",
]


@dataclass(frozen=True, slots=True)
class BatchOrder:
    """What the creator asked for (plain values: it crosses to the I/O thread).

    ``sweeps`` are written ``NAME=V1,V2`` (``seed=1..4`` for a range); ``confirmed``: the
    creator agreed to more than :data:`CONFIRM_ABOVE` jobs."""

    file: Path
    template: str | None = None
    sweeps: tuple[str, ...] = ()
    cap: float | None = None
    concurrency: int = 4
    out_dir: Path | None = None
    defaults: Defaults = field(default_factory=Defaults)
    confirmed: bool = False
    image_fit: ImageFit | None = None


@dataclass(frozen=True, slots=True)
class BatchOverview:
    """One batch as the lists show it: what it is, and how far its rows are."""

    info: BatchInfo
    counts: Mapping[RowStatus, int]
    committed: float  # US dollars the cap counts as spent

    @property
    def rows(self) -> int:
        return sum(self.counts.values())

    def count(self, *statuses: RowStatus) -> int:
        return sum(self.counts.get(s, 0) for s in statuses)


def preview(
    order: BatchOrder,
    connection: Connection,
    validator: Validator,
    *,
    store: JobStore | None = None,
    images_dir: Path | None = None,
    hints: Mapping[str, str] | None = None,
    confirm_hint: str | None = None,
) -> BatchPreview:
    """Read ``order.file``, multiply it by the sweeps and preview every job on
    ``connection``: its request, estimated cost and render time (from ``store``'s finished
    jobs when given), why the model refuses it, whether the cap holds it. Nothing is sent.
    Raises ``BatchInputError`` (file, line, column) and ``TooManyJobsError``."""
    if order.concurrency < 1:
        raise InvalidRequestError(
            _("The concurrency must be 1 or more (not {value}).").format(value=order.concurrency),
            _("Give how many jobs may run at once, e.g. 4."),
            param="concurrency",
        )
    if order.cap is not None and not order.cap > 0:
        raise InvalidRequestError(
            _("The spending cap must be more than $0 (not {value}).").format(value=order.cap),
            _("Give a cap in US dollars, e.g. 20, or none for no cap."),
            param="cap",
        )
    source = read_source(order.file)
    plan = plan_batch(
        source,
        template=order.template,
        sweeps=[parse_sweep(s) for s in order.sweeps],
        defaults=order.defaults,
        confirmed=order.confirmed,
        confirm_hint=confirm_hint,
    )
    times = RenderTimes.from_store(store) if store is not None else None
    return preview_batch(
        plan,
        connection,
        validator,
        cap=order.cap,
        concurrency=order.concurrency,
        render_times=times,
        image_fit=order.image_fit,
        images_dir=images_dir if order.image_fit is not None else None,
        hints=hints,
    )


def start(
    runner: BatchRunner, previewed: BatchPreview, *, out_dir: Path | None = None
) -> BatchInfo:
    """Keep a previewed batch in the library (``out_dir``: where each clip is exported,
    named by its row). Nothing is sent until :func:`run`."""
    if previewed.to_send == 0 and previewed.held == 0:
        raise InvalidRequestError(
            _("No row of this batch can be sent ({invalid} invalid).").format(
                invalid=previewed.invalid
            ),
            _("Fix the rows the preview marks, then try again."),
            param="batch",
        )
    if out_dir is not None:
        from sora_desktop.usecases.export import folder_problem

        check_new_path(out_dir)  # before anything is paid for, not at the first export
        problem = folder_problem(out_dir)
        if problem is not None:
            raise problem
        try:
            out_dir.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise DiskError(
                _("Can't create the folder {folder} ({reason}).").format(
                    folder=out_dir, reason=exc.strerror or exc
                ),
                _("Pick a writable folder."),
            ) from None
    name = Path(previewed.plan.source).name or previewed.plan.source  # "ideas.csv"
    return runner.create(previewed, name=name, out_dir=out_dir)


async def run(runner: BatchRunner, batch_id: str) -> BatchSummary:
    """Send what the batch still has to send and follow its jobs to the end."""
    return await runner.run(batch_id)


async def resume(runner: BatchRunner, batch_id: str | None = None) -> list[BatchSummary]:
    """Continue one batch (``batch_id``; a cancelled one sends nothing), or every active
    batch: jobs already sent are followed, never sent again."""
    if batch_id is None:
        return await runner.resume_all()
    return [await runner.run(batch_id)]


def retry_failed(runner: BatchRunner, batch_id: str) -> list[int]:
    """One more attempt (a new job) for each failed or expired row; the next :func:`run`
    sends them. Returns the rows."""
    return runner.retry_failed(batch_id)


def list_batches(
    store: JobStore,
    states: Sequence[BatchState] | None = None,
    *,
    known: Mapping[str, BatchOverview] | None = None,
    changed: Collection[str] | None = None,
    counted: Collection[str] = (),
) -> list[BatchOverview]:
    """Batches, newest first, with their rows counted by status.

    ``known`` (an earlier read's overviews by batch id) with ``changed`` (the batches that
    had events since): only those, and batches not known, have their rows read and counted
    again; the others keep their counts (each batch's own line is read anew: one row each).
    ``counted``: batches the caller counts itself from the rows it holds (their spending is
    read again when they changed, their counts are kept)."""
    batches = BatchStore(store)
    found = []
    for info in batches.batches(states):
        before = known.get(info.id) if known is not None else None
        if before is not None and changed is not None:
            if info.id not in changed:
                found.append(BatchOverview(info, before.counts, before.committed))
                continue
            if info.id in counted:
                found.append(BatchOverview(info, before.counts, batches.committed(info.id)))
                continue
        counts = Counter(r.status for r in batches.rows(info.id))
        found.append(BatchOverview(info, dict(counts), batches.committed(info.id)))
    return found


def overview(store: JobStore, batch_id: str) -> BatchOverview:
    batches = BatchStore(store)
    info = _get(batches, batch_id)
    counts = Counter(r.status for r in batches.rows(batch_id))
    return BatchOverview(info, dict(counts), batches.committed(batch_id))


def find_batch(store: JobStore, ref: str, hint: str | None = None) -> BatchInfo:
    """A batch by its id or an unambiguous start of it (4+ characters)."""
    ref = ref.strip().lower()
    batches = BatchStore(store)
    exact = batches.get(ref)
    if exact is not None:
        return exact
    matches = [b for b in batches.batches() if len(ref) >= 4 and b.id.startswith(ref)]
    if len(matches) == 1:
        return matches[0]
    if matches:
        raise InvalidRequestError(
            _("{count} batches start with {ref!r}.").format(count=len(matches), ref=ref),
            _("Give more of the batch's id."),
            param="batch",
        )
    raise NotFoundError(
        _("No batch {ref!r} in the library.").format(ref=ref),
        hint or _("Pick one from the list of batches."),
    )


def batch_rows(
    store: JobStore, batch_id: str, indexes: Iterable[int] | None = None
) -> list[BatchRow]:
    """The batch's rows in order, each with its latest job (only ``indexes`` when given)."""
    batches = BatchStore(store)
    _get(batches, batch_id)
    return batches.rows(batch_id, indexes)


def export_results(
    store: JobStore, batch_id: str, *, csv: Path | None = None, json: Path | None = None
) -> list[Path]:
    """Write the results (row, prompt, settings, file, cost, error) as CSV and/or JSON."""
    from sora_desktop.core.batch.review import results_csv, results_json

    for path in (csv, json):
        if path is not None:
            check_new_path(path)
    rows = batch_rows(store, batch_id)
    written = []
    if csv is not None:
        _write(csv, ("\ufeff" + results_csv(rows)).encode("utf-8"))  # BOM: spreadsheets
        written.append(csv)
    if json is not None:
        _write(json, results_json(rows).encode("utf-8"))
        written.append(json)
    return written


def _write(path: Path, data: bytes) -> None:
    from sora_desktop.core.atomic import atomic_write_bytes

    try:
        atomic_write_bytes(path, data)
    except OSError as exc:
        raise DiskError(
            _("Can't write {path} ({reason}).").format(path=path, reason=exc.strerror or exc),
            _("Pick a writable folder."),
        ) from None


def contact_sheet(store: JobStore, batch_id: str, dest: Path) -> Path:
    """One image with the first frame of every row's clip, labelled by row."""
    from sora_desktop.core.batch.review import contact_sheet as draw

    check_new_path(dest)
    rows = batch_rows(store, batch_id)
    if not rows:
        raise InvalidRequestError(_("This batch has no rows."), "", param="batch")
    try:
        return draw(rows, dest)
    except OSError as exc:
        raise DiskError(
            _("Can't write {path} ({reason}).").format(path=dest, reason=exc.strerror or exc),
            _("Pick a writable folder."),
        ) from None


def _get(batches: BatchStore, batch_id: str) -> BatchInfo:
    info = batches.get(batch_id)
    if info is None:
        raise NotFoundError(_("This batch is no longer in the library."), "")
    return info
