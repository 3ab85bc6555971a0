"""The window's storyboard, stitch, frame and extend operations (a mixin of
:class:`~sora_desktop.gui.operations.Operations`: ``ops.make_film(...)`` etc.)."""

from __future__ import annotations

from collections.abc import Callable, Coroutine, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sora_desktop.core.models import Job
from sora_desktop.gui.op import Op, OperationsBase, Report, T

if TYPE_CHECKING:
    import threading

    from PySide6.QtCore import QObject

    from sora_desktop.core.paths import AppPaths
    from sora_desktop.core.service import GenerationService
    from sora_desktop.core.storyboard import Storyboard
    from sora_desktop.core.storyboard_store import StoryboardSummary
    from sora_desktop.core.timeline import TimelineExport
    from sora_desktop.usecases import stitch as stitch_usecase
    from sora_desktop.usecases.library import Library as JobStore
    from sora_desktop.usecases.stitch import Film


class StoryOperations(OperationsBase):
    """Frames, stitching, extending (issue 12) and storyboards (usecases.storyboards,
    usecases.timeline)."""

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

    def library_send(
        self, submit: Callable[[GenerationService, JobStore, AppPaths], Coroutine[Any, Any, T]]
    ) -> Coroutine[Any, Any, T]:
        """The coroutine that runs ``submit`` (a paid use case: storyboard shots, an
        extension) with the service, the library and the app's folders, for ``sending.send``
        under the window's send guard."""
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
        """The coroutine that sends an extension of ``job_id`` (``usecases.extend``); its
        new job."""
        from sora_desktop.usecases import extend

        async def submit(service: GenerationService, store: JobStore, paths: AppPaths) -> Job:
            started = await extend.start_extension(
                service, store, job_id, prompt, seconds, paths.images_dir, aliases=aliases
            )
            return started.job

        return self.library_send(submit)

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

    def timeline_replaces(
        self, *, parent: QObject | None, storyboard_id: str, fmt: str, folder: Path
    ) -> Op[tuple[Path, ...]]:
        """The files in ``folder`` an export would replace (empty: none): ask first."""
        from sora_desktop.usecases import timeline

        store = self._need_store()
        return Op(
            self,
            parent,
            lambda _report: timeline.replaced_by_export(
                store, storyboard_id, timeline.timeline_format(fmt), folder
            ),
        )

    def export_timeline(
        self,
        *,
        parent: QObject | None,
        storyboard_id: str,
        fmt: str,
        folder: Path,
        overwrite: bool = False,
    ) -> Op[TimelineExport]:
        """The storyboard as an editor's timeline (otio, fcpxml, edl) in ``folder``; one
        already there is replaced only with ``overwrite`` (the creator said yes)."""
        from sora_desktop.usecases import timeline

        store = self._need_store()
        return Op(
            self,
            parent,
            lambda _report: timeline.export_storyboard(
                store, storyboard_id, timeline.timeline_format(fmt), folder, overwrite=overwrite
            ),
        )


#: the storyboard edits :meth:`StoryOperations.edit_storyboard` runs (usecases.storyboards)
EDITS = frozenset({"rename", "add_shot", "replace_shot", "remove_shot", "move_shot", "choose_take"})
