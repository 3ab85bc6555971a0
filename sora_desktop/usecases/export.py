"""Exporting clips to the creator's folders: copy (or hard link), name template, sidecar.

    ExportOptions(folder, template=DEFAULT_TEMPLATE, sidecar=True, link=False)
    export_problem(job) -> InvalidRequestError | None     # no clip to copy
    preview_names(jobs, template) -> list[str]            # as the export will name them
    folder_problem(folder) -> DiskError | None            # a missing one that can be made: None
    export_clips(jobs, options, progress=None, stop=None) -> list[Path]
        # raises ExportStopped (with what was written) on the first failure

The copying (``core.export``) publishes each file only when it is complete and never
replaces one. Reads and writes whole clips: run it off the GUI thread.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from sora_desktop.core.errors import DiskError, InvalidRequestError, SoraError
from sora_desktop.core.export import (
    DEFAULT_TEMPLATE,
    export_folder_problem,
    export_job,
    prepare_export_folder,
    render_filename,
)
from sora_desktop.core.i18n import _
from sora_desktop.core.models import Job
from sora_desktop.usecases.status import status_word

Progress = Callable[[int, int], None]  # (done, total)

__all__ = [
    "DEFAULT_TEMPLATE",
    "ExportOptions",
    "ExportStopped",
    "export_clips",
    "export_problem",
    "folder_problem",
    "prepare_export_folder",
    "preview_names",
]


@dataclass(frozen=True, slots=True)
class ExportOptions:
    folder: Path
    template: str = DEFAULT_TEMPLATE
    sidecar: bool = True
    link: bool = False  # hard-link instead of copying (falls back to a copy)


class ExportStopped(Exception):
    """The export stopped at a failure (``error``); ``written`` were exported before it."""

    def __init__(self, error: SoraError, written: list[Path]) -> None:
        super().__init__(error.one_line())
        self.error = error
        self.written = written


def export_problem(job: Job) -> InvalidRequestError | None:
    """Why ``job`` has nothing to export, or None."""
    if job.file_path is not None and job.file_path.is_file():
        return None
    return InvalidRequestError(
        _("Job {id} has no clip in the library ({status}).").format(
            id=job.id, status=status_word(job.status)
        ),
        _("Export finished (ready) jobs only."),
        param="job_id",
    )


def preview_names(jobs: Sequence[Job], template: str) -> list[str]:
    """Names in export order; repeats get " (2)", " (3)" as the export will do. Raises
    ``InvalidRequestError`` for a template that can't work."""
    seen: dict[str, int] = {}
    names = []
    for job in jobs:
        name = render_filename(template, job)
        count = seen.get(name.lower(), 0) + 1
        seen[name.lower()] = count
        if count > 1:
            stem, dot, ext = name.rpartition(".")
            name = f"{stem} ({count}).{ext}" if dot else f"{name} ({count})"
        names.append(name)
    return names


def folder_problem(folder: Path) -> DiskError | None:
    return export_folder_problem(folder)


def export_clips(
    jobs: Sequence[Job],
    options: ExportOptions,
    progress: Progress | None = None,
    stop: Callable[[], bool] | None = None,
) -> list[Path]:
    """Export ``jobs`` in order into ``options.folder`` (created if missing); returns the
    clips written. ``progress(done, total)`` after each; ``stop()`` True skips the rest."""
    written: list[Path] = []
    total = len(jobs)
    for job in jobs:
        if stop is not None and stop():
            break
        try:
            path = export_job(
                job,
                options.folder,
                template=options.template or DEFAULT_TEMPLATE,
                sidecar=options.sidecar,
                link=options.link,
            )
        except SoraError as err:
            raise ExportStopped(err, written) from err
        except OSError as exc:
            failed = DiskError(
                _("Could not export {name}: {reason}").format(
                    name=job.request.prompt[:40], reason=exc.strerror or exc
                ),
                "",
            )
            raise ExportStopped(failed, written) from exc
        written.append(path)
        if progress is not None:
            progress(len(written), total)
    return written
