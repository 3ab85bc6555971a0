"""The window's one operation API: each use case a named one-liner, run off the GUI thread.

After Anki's ``aqt.operations``: a panel or dialog asks for an operation by name, says what
to do with its outcome, and starts it::

    ops.export_clips(parent=self, jobs=jobs, options=options)
        .with_progress(lambda done, total: ...)
        .success(lambda paths: ...)
        .failure(lambda exc: ...)          # optional: else the one error presenter shows it
        .run_in_background()

The work runs on the I/O side (blocking disk, SQLite and keyring work in the I/O loop's
worker threads, coroutines such as a connection test on the loop itself) through the
Controller, the one seam between the threads; success, failure and progress come back on the
GUI thread, and not at all once the ``parent`` widget is gone. Panels and dialogs get an
:class:`Operations` and read-only models: never the store, the keyring, the client or the
loop thread.

A widget built on its own (a unit test, the self-test) gets ``Operations.inline()``: the
same API, run at once on the calling thread.

A new operation: a method here that calls the use case (``sora_desktop/usecases``).
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Coroutine, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from PySide6.QtCore import QObject, Qt, Signal
from shiboken6 import isValid

from sora_desktop.core.models import Job
from sora_desktop.usecases import library as library_usecase

if TYPE_CHECKING:
    import threading

    from sora_desktop.core.batch.preview import BatchPreview
    from sora_desktop.core.batch.runner import BatchEvent, BatchRunner, BatchSummary
    from sora_desktop.core.batch.store import BatchInfo, BatchRow
    from sora_desktop.core.builtin_simulator import SimulatorLink
    from sora_desktop.core.models import Connection, Profile
    from sora_desktop.core.paths import AppPaths
    from sora_desktop.core.profiles import ProfileStore
    from sora_desktop.core.service import GenerationService
    from sora_desktop.core.storyboard import Storyboard
    from sora_desktop.core.storyboard_store import StoryboardSummary
    from sora_desktop.core.timeline import TimelineExport
    from sora_desktop.gui.controller import Controller
    from sora_desktop.usecases import batch as batch_usecase
    from sora_desktop.usecases import export as export_usecase
    from sora_desktop.usecases import stitch as stitch_usecase
    from sora_desktop.usecases.connections import ConnectionReport
    from sora_desktop.usecases.library import Library as JobStore
    from sora_desktop.usecases.models import ModelDetails
    from sora_desktop.usecases.profiles import ProfileSaved
    from sora_desktop.usecases.stitch import Film

T = TypeVar("T")
Report = Callable[[int, int], None]
Work = Callable[[Report], T]
#: work that is a coroutine (network calls): made when the operation starts, run on the loop
AsyncWork = Callable[[], Coroutine[Any, Any, T]]


def _no_progress(_done: int, _total: int) -> None:
    pass


class Op(Generic[T]):
    """One operation, configured with chained calls, started by :meth:`run_in_background`."""

    def __init__(
        self,
        ops: Operations,
        parent: QObject | None,
        work: Work[T] | None = None,
        *,
        coroutine: AsyncWork[T] | None = None,
    ) -> None:
        assert (work is None) != (coroutine is None), "an operation blocks or awaits, not both"
        self._ops = ops
        self._parent = parent
        self._work = work
        self._coroutine = coroutine
        self._on_success: Callable[[T], None] | None = None
        self._on_failure: Callable[[BaseException], None] | None = None
        self._on_progress: Report | None = None

    def success(self, fn: Callable[[T], None]) -> Op[T]:
        self._on_success = fn
        return self

    def failure(self, fn: Callable[[BaseException], None]) -> Op[T]:
        """Handle a failure here instead of the error presenter."""
        self._on_failure = fn
        return self

    def with_progress(self, fn: Report) -> Op[T]:
        self._on_progress = fn
        return self

    def _alive(self) -> bool:
        return self._parent is None or isValid(self._parent)

    def _succeeded(self, result: Any) -> None:
        if self._alive() and self._on_success is not None:
            self._on_success(result)

    def _failed(self, error: BaseException) -> None:
        if not self._alive():
            return
        if self._on_failure is not None:
            self._on_failure(error)
        else:
            self._ops.show_error(error)

    def _progressed(self, done: int, total: int) -> None:
        if self._alive() and self._on_progress is not None:
            self._on_progress(done, total)

    def run_in_background(self) -> None:
        self._ops.start(self)


class BatchEvents(QObject):
    """The batch runner's events, delivered on the GUI thread (``happened(BatchEvent)``)."""

    happened = Signal(object)
    _from_io = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        #: the jobs batches made (the window neither plays nor announces each of them)
        self.job_ids: set[str] = set()
        self._from_io.connect(self.happened.emit, Qt.ConnectionType.QueuedConnection)

    def deliver(self, event: BatchEvent) -> None:  # the I/O thread
        if event.job_id is not None:
            self.job_ids.add(event.job_id)  # a set's add is atomic under the GIL
        self._from_io.emit(event)


class Operations:
    """Runs :class:`Op` s through ``controller`` (None: inline, on the calling thread)."""

    def __init__(
        self,
        controller: Controller | None,
        show_error: Callable[[BaseException], None],
        folders: library_usecase.LibraryFolders,
        store: library_usecase.Marks | None = None,
        paths: AppPaths | None = None,
        library: JobStore | None = None,
    ) -> None:
        self._controller = controller
        self.show_error = show_error
        self.folders = folders
        self._store = store  # the library's writes, handed over by the composition root
        #: the app's folders (a film is filed in the library's); None: a widget on its own
        self.paths = paths
        self._library = library
        #: the batch runner's events on the GUI thread (the runner is made on first use)
        self.batch_events = BatchEvents()
        self._batch_runner: BatchRunner | None = None

    @classmethod
    def inline(
        cls,
        store: library_usecase.Marks | None = None,
        folders: library_usecase.LibraryFolders | None = None,
        show_error: Callable[[BaseException], None] | None = None,
        paths: AppPaths | None = None,
        library: JobStore | None = None,
    ) -> Operations:
        def raise_it(error: BaseException) -> None:
            raise error

        return cls(
            None,
            show_error or raise_it,
            folders or library_usecase.LibraryFolders(()),
            store,
            paths,
            library,
        )

    def start(self, op: Op[Any]) -> None:
        if self._controller is not None and self._controller.closed:
            return  # the window is closing: a late refresh (e.g. a timer's) has nowhere to go
        if self._controller is None:
            try:
                if op._coroutine is not None:
                    import asyncio

                    result = asyncio.run(op._coroutine())
                else:
                    assert op._work is not None
                    result = op._work(op._progressed)
            except Exception as exc:
                op._failed(exc)
                return
            op._succeeded(result)
            return
        if op._coroutine is not None:
            self._controller.call(op._coroutine(), op._succeeded, op._failed)
            return
        assert op._work is not None
        self._controller.run_blocking(op._work, op._succeeded, op._failed, op._progressed)

    # ----- the operations ------------------------------------------------------------------

    def model_details(
        self, *, parent: QObject | None, connection: Connection, model_id: str
    ) -> Op[ModelDetails]:
        """One provider model's settings (``usecases.models.model_details``): its schema
        fetched once on the I/O loop and cached on disk."""
        from sora_desktop.usecases import models as models_usecase

        controller = self._controller

        def make() -> Coroutine[Any, Any, ModelDetails]:
            assert controller is not None, "model details need the I/O service"
            return models_usecase.model_details(controller.service, connection, model_id)

        return Op(self, parent, coroutine=make)

    def export_clips(
        self,
        *,
        parent: QObject | None,
        jobs: Sequence[Job],
        options: export_usecase.ExportOptions,
        stop: Callable[[], bool] | None = None,
    ) -> Op[list[Path]]:
        """Copy clips into a folder (``usecases.export``); fails with ``ExportStopped``."""
        from sora_desktop.usecases import (
            export as export_usecase,  # loads the copying code on first use
        )

        chosen = list(jobs)
        return Op(
            self,
            parent,
            lambda report: export_usecase.export_clips(chosen, options, report, stop),
        )

    def delete_locally(
        self,
        *,
        parent: QObject | None,
        jobs: Sequence[Job],
        cached_files: Mapping[str, Path] | None = None,
    ) -> Op[library_usecase.LocalDeletion]:
        """Remove clips, thumbnails and rows under the one safety rule
        (``usecases.library``), then the window's cached files (``cached_files``: job id ->
        e.g. its cached first frame) of the jobs deleted."""
        chosen = list(jobs)
        cached = dict(cached_files or {})
        store = self._store
        assert store is not None, "Operations made without a store can't delete"
        folders = self.folders

        def work(report: Report) -> library_usecase.LocalDeletion:
            done = library_usecase.delete_locally(store, folders, chosen)
            for job_id in done.deleted:
                path = cached.get(job_id)
                if path is not None:
                    with contextlib.suppress(OSError):
                        path.unlink(missing_ok=True)
            return done

        return Op(self, parent, work)

    def set_favourite(
        self, *, parent: QObject | None, job_ids: Sequence[str], favourite: bool
    ) -> Op[list[str]]:
        """Mark (or unmark) jobs as favourites (``usecases.library``); the ids done."""
        chosen = list(job_ids)
        store = self._store
        assert store is not None, "Operations made without a store can't mark favourites"
        return Op(
            self,
            parent,
            lambda _report: library_usecase.set_favourite(store, chosen, favourite),
        )

    def test_connection(
        self,
        *,
        parent: QObject | None,
        connection: Connection,
        key: str | None,
        simulator: SimulatorLink | None,
        hint: str | None = None,
    ) -> Op[ConnectionReport]:
        """List videos once with a fresh client (``usecases.connections.check_connection``),
        on the I/O loop; the built-in simulator (``simulator``) is started there if needed."""
        from sora_desktop.usecases.connections import check_connection

        return Op(
            self,
            parent,
            coroutine=lambda: check_connection(connection, key=key, simulator=simulator, hint=hint),
        )

    def save_profile(
        self,
        *,
        parent: QObject | None,
        profiles: ProfileStore,
        profile: Profile,
        key: str | None,
        new: bool,
        keyring: bool,
    ) -> Op[ProfileSaved]:
        """Keep the key in the keyring, then the profile (``usecases.profiles``); fails with
        ``ProfileNotSaved`` naming the part refused."""
        from sora_desktop.usecases.profiles import save_profile

        return Op(
            self,
            parent,
            lambda _report: save_profile(profiles, profile, key, new=new, keyring=keyring),
        )

    def remove_profile(
        self, *, parent: QObject | None, profiles: ProfileStore, profile_id: str
    ) -> Op[None]:
        """Remove a profile and forget its key (``usecases.profiles``)."""
        from sora_desktop.usecases.profiles import remove_profile

        return Op(self, parent, lambda _report: remove_profile(profiles, profile_id))

    # ----- frames, stitching, extending (issue 12) --------------------------------------

    def save_frame(
        self, *, parent: QObject | None, clip: Path, seconds: float, dest: Path
    ) -> Op[Path]:
        """The frame shown ``seconds`` into ``clip``, decoded (full size), as a PNG at
        ``dest`` (``usecases.frames``)."""

        def work(_report: Report) -> Path:
            from sora_desktop.usecases import frames

            return frames.save_frame(clip, dest, at=seconds)

        return Op(self, parent, work)

    def frame_as_start_image(
        self, *, parent: QObject | None, clip: Path, seconds: float, images_dir: Path
    ) -> Op[Path]:
        """The frame shown ``seconds`` into ``clip`` kept in ``images_dir`` as a start image."""

        def work(_report: Report) -> Path:
            from sora_desktop.usecases import frames

            return frames.frame_as_start_image(clip, images_dir, at=seconds)

        return Op(self, parent, work)

    def stitch_plan(
        self, *, parent: QObject | None, clips: Sequence[Path], crossfade: float
    ) -> Op[stitch_usecase.StitchPreview]:
        """Copy or re-encode, and why (probes every clip; writes nothing)."""
        chosen = list(clips)

        def work(_report: Report) -> stitch_usecase.StitchPreview:
            from sora_desktop.usecases import stitch

            return stitch.stitch_plan(chosen, crossfade=crossfade)

        return Op(self, parent, work)

    def stitch_film(
        self,
        *,
        parent: QObject | None,
        jobs: Sequence[Job],
        crossfade: float,
        copy_only: bool,
        cancel: threading.Event,
    ) -> Op[stitch_usecase.Film]:
        """Join the clips of ``jobs`` in order into a film filed in the library, linked to
        them. Progress in milliseconds of film; ``cancel`` stops it, leaving nothing."""
        chosen = list(jobs)
        store = self._library
        paths = self.paths
        assert store is not None and paths is not None, "Operations made without a library"

        def work(report: Report) -> stitch_usecase.Film:
            from sora_desktop.usecases import stitch

            clips = stitch.resolve_clips(store, chosen)
            return stitch.stitch_film(
                store,
                paths,
                clips,
                crossfade=crossfade,
                copy_only=copy_only,
                on_progress=lambda done, total: report(round(done * 1000), round(total * 1000)),
                cancel=cancel,
            )

        return Op(self, parent, work)

    # ----- storyboards (usecases.storyboards, usecases.timeline) ----------------------

    def _need_store(self) -> Any:
        store = self._library
        assert store is not None, "Operations made without a library can't read storyboards"
        return store

    def list_storyboards(self, *, parent: QObject | None) -> Op[list[StoryboardSummary]]:
        """The library's storyboards, most recently changed first."""
        from sora_desktop.usecases import storyboards

        store = self._need_store()
        return Op(self, parent, lambda _report: storyboards.list_all(store))

    def create_storyboard(self, *, parent: QObject | None, name: str) -> Op[Storyboard]:
        from sora_desktop.usecases import storyboards

        store = self._need_store()
        return Op(self, parent, lambda _report: storyboards.create(store, name))

    def open_storyboard(
        self, *, parent: QObject | None, storyboard_id: str
    ) -> Op[tuple[Storyboard, dict[str, Job]]]:
        """A storyboard from the library with the jobs of its takes (for its plan)."""
        from sora_desktop.usecases import storyboards

        store = self._need_store()

        def work(_report: Report) -> tuple[Storyboard, dict[str, Job]]:
            board = storyboards.get(store, storyboard_id)
            return board, storyboards.jobs_of(store, board)

        return Op(self, parent, work)

    def edit_storyboard(
        self, *, parent: QObject | None, edit: str, storyboard_id: str, **args: Any
    ) -> Op[Storyboard]:
        """One edit of a stored storyboard, by the use case's name (``rename``, ``add_shot``,
        ``replace_shot``, ``remove_shot``, ``move_shot``, ``choose_take``); the result is the
        storyboard as saved."""
        from sora_desktop.usecases import storyboards

        assert edit in EDITS, edit
        store = self._need_store()
        change = getattr(storyboards, edit)
        return Op(self, parent, lambda _report: change(store, storyboard_id, **args))

    def delete_storyboard(self, *, parent: QObject | None, storyboard_id: str) -> Op[None]:
        """Forget a storyboard; its clips stay in the library."""
        from sora_desktop.usecases import storyboards

        store = self._need_store()
        return Op(self, parent, lambda _report: storyboards.delete(store, storyboard_id))

    def storyboard_jobs(
        self, *, parent: QObject | None, job_ids: Sequence[str]
    ) -> Op[dict[str, Job]]:
        """The library's jobs ``job_ids`` as they are now (a take changed)."""
        store = self._need_store()
        wanted = list(job_ids)

        def work(_report: Report) -> dict[str, Job]:
            found = (store.get(job_id) for job_id in wanted)
            return {job.id: job for job in found if job is not None}

        return Op(self, parent, work)

    def storyboards_with_job(self, *, parent: QObject | None, job_id: str) -> Op[list[str]]:
        """Ids of the storyboards that have ``job_id`` as a take."""
        from sora_desktop.usecases import storyboards

        store = self._need_store()
        return Op(self, parent, lambda _report: storyboards.boards_with_job(store, job_id))

    def open_storyboard_file(self, *, parent: QObject | None, path: Path) -> Op[Storyboard]:
        """Open a ``.storyboard.json`` file and keep it in the library."""
        from sora_desktop.usecases import storyboards

        store = self._need_store()
        return Op(self, parent, lambda _report: storyboards.open_file(store, path))

    def save_storyboard_file(
        self, *, parent: QObject | None, storyboard_id: str, path: Path
    ) -> Op[Path]:
        """Write the storyboard as a portable ``.storyboard.json`` file."""
        from sora_desktop.usecases import storyboards

        store = self._need_store()
        return Op(self, parent, lambda _report: storyboards.save_file(store, storyboard_id, path))

    def make_film(
        self,
        *,
        parent: QObject | None,
        storyboard_id: str,
        crossfade: float,
        cancel: threading.Event,
    ) -> Op[Film]:
        """Stitch the storyboard's takes that count into one film filed in the library.
        Progress is reported in tenths of a second; fails with ``CancelledByUser``."""
        from sora_desktop.usecases import storyboards

        store = self._need_store()
        paths = self.paths
        assert paths is not None, "Operations made without the app's folders can't stitch"

        def work(report: Report) -> Film:
            def progress(done: float, total: float) -> None:
                report(int(done * 10), max(1, int(total * 10)))

            return storyboards.make_film(
                store,
                paths,
                storyboard_id,
                crossfade=crossfade,
                on_progress=progress,
                cancel=cancel,
            )

        return Op(self, parent, work)

    def storyboard_send(
        self, submit: Callable[[GenerationService, JobStore, AppPaths], Coroutine[Any, Any, T]]
    ) -> Coroutine[Any, Any, T]:
        """The coroutine that sends a storyboard's shots (``usecases.storyboards``'s
        ``generate_missing`` / ``regenerate_shot``, given as ``submit``), for
        ``sending.send`` under the window's send guard."""
        store = self._library
        paths = self.paths
        controller = self._controller
        assert store is not None and paths is not None and controller is not None

        async def send() -> T:
            return await submit(controller.service, store, paths)

        return send()

    def start_extension(
        self, *, job_id: str, prompt: str, seconds: int, aliases: dict[str, str] | None
    ) -> Coroutine[Any, Any, Job]:
        """The coroutine that sends an extension of ``job_id`` (``usecases.extend``), for
        ``sending.send`` under the window's send guard; its new job."""
        store = self._library
        paths = self.paths
        controller = self._controller
        assert store is not None and paths is not None and controller is not None

        async def send() -> Job:
            from sora_desktop.usecases import extend

            started = await extend.start_extension(
                controller.service,
                store,
                job_id,
                prompt,
                seconds,
                paths.images_dir,
                aliases=aliases,
            )
            return started.job

        return send()

    def finish_extension(self, *, parent: QObject | None, job_id: str) -> Op[Job | None]:
        """When ``job_id`` is a continuation not joined yet: join it to the clip it
        continues (the extended film, filed in the library); None for any other job."""
        store = self._library
        paths = self.paths

        def work(_report: Report) -> Job | None:
            from sora_desktop.usecases import extend

            if store is None or paths is None:
                return None
            if extend.continued_source(store, job_id) is None:
                return None
            return extend.finish_extension(store, paths, job_id).job

        return Op(self, parent, work)

    def export_timeline(
        self, *, parent: QObject | None, storyboard_id: str, fmt: str, folder: Path
    ) -> Op[TimelineExport]:
        """The storyboard as an editor's timeline (otio, fcpxml, edl) in ``folder``."""
        from sora_desktop.usecases import timeline

        store = self._need_store()
        return Op(
            self,
            parent,
            lambda _report: timeline.export_storyboard(
                store, storyboard_id, timeline.timeline_format(fmt), folder
            ),
        )

    # ----- batches (usecases.batch) --------------------------------------------------------

    def _batches(self) -> tuple[Controller, BatchRunner]:
        """The window's one batch runner, on the controller's service (made on first use;
        its events reach :attr:`batch_events`)."""
        controller = self._controller
        assert controller is not None, "batches need the I/O thread"
        if self._batch_runner is None:
            from sora_desktop.core.batch.runner import BatchRunner

            assert self._library is not None, "batches need the library"
            runner = BatchRunner(controller.service, self._library)
            runner.subscribe(self.batch_events.deliver)
            self._batch_runner = runner
        return controller, self._batch_runner

    def batch_preview(
        self, *, parent: QObject | None, order: batch_usecase.BatchOrder, connection: Connection
    ) -> Op[BatchPreview]:
        """Read the file and preview every job (nothing is sent)."""
        from sora_desktop.usecases import batch as batch_usecase

        controller, _runner = self._batches()
        service, store = controller.service, self._library
        return Op(
            self,
            parent,
            lambda _report: batch_usecase.preview(order, connection, service, store=store),
        )

    def batch_start(
        self, *, parent: QObject | None, preview: BatchPreview, out_dir: Path | None
    ) -> Op[BatchInfo]:
        """Keep the previewed batch and start running it (its end comes as events)."""
        from sora_desktop.usecases import batch as batch_usecase

        controller, runner = self._batches()

        def work(_report: Report) -> BatchInfo:
            info = batch_usecase.start(runner, preview, out_dir=out_dir)
            controller.call(batch_usecase.run(runner, info.id), on_error=self.show_error)
            return info

        return Op(self, parent, work)

    def batch_resume(
        self, *, parent: QObject | None, batch_id: str | None = None
    ) -> Op[list[BatchSummary]]:
        """Continue one batch, or every unfinished one (after a restart)."""
        from sora_desktop.usecases import batch as batch_usecase

        _controller, runner = self._batches()
        return Op(self, parent, coroutine=lambda: batch_usecase.resume(runner, batch_id))

    def batch_retry_failed(self, *, parent: QObject | None, batch_id: str) -> Op[list[int]]:
        """One more job for each failed row, sent at once (the rest of the batch is untouched)."""
        from sora_desktop.usecases import batch as batch_usecase

        controller, runner = self._batches()

        def work(_report: Report) -> list[int]:
            rows = batch_usecase.retry_failed(runner, batch_id)
            if rows:
                controller.call(batch_usecase.run(runner, batch_id), on_error=self.show_error)
            return rows

        return Op(self, parent, work)

    def batch_cancel(self, *, parent: QObject | None, batch_id: str) -> Op[None]:
        """Send nothing more for the batch (jobs already sent carry on: they are paid)."""
        _controller, runner = self._batches()
        return Op(self, parent, lambda _report: runner.cancel(batch_id))

    def batch_list(self, *, parent: QObject | None) -> Op[list[batch_usecase.BatchOverview]]:
        from sora_desktop.usecases import batch as batch_usecase

        _controller, _runner = self._batches()
        store = self._library
        assert store is not None
        return Op(self, parent, lambda _report: batch_usecase.list_batches(store))

    def batch_rows(self, *, parent: QObject | None, batch_id: str) -> Op[list[BatchRow]]:
        from sora_desktop.usecases import batch as batch_usecase

        _controller, _runner = self._batches()
        store = self._library
        assert store is not None
        return Op(self, parent, lambda _report: batch_usecase.batch_rows(store, batch_id))

    def batch_export_results(
        self, *, parent: QObject | None, batch_id: str, csv: Path | None, json: Path | None
    ) -> Op[list[Path]]:
        from sora_desktop.usecases import batch as batch_usecase

        _controller, _runner = self._batches()
        store = self._library
        assert store is not None
        return Op(
            self,
            parent,
            lambda _report: batch_usecase.export_results(store, batch_id, csv=csv, json=json),
        )

    def batch_contact_sheet(self, *, parent: QObject | None, batch_id: str, dest: Path) -> Op[Path]:
        from sora_desktop.usecases import batch as batch_usecase

        _controller, _runner = self._batches()
        store = self._library
        assert store is not None
        return Op(self, parent, lambda _report: batch_usecase.contact_sheet(store, batch_id, dest))


#: the storyboard edits :meth:`Operations.edit_storyboard` runs (usecases.storyboards)
EDITS = frozenset({"rename", "add_shot", "replace_shot", "remove_shot", "move_shot", "choose_take"})
