"""A storyboard handed to an editor: an OTIO, FCP X XML or CMX 3600 EDL timeline.

    FORMATS = ("otio", "fcpxml", "edl")
    export_storyboard(store, board_id, fmt, out_dir, overwrite) -> TimelineExport
    export_board(store, board, fmt, out_dir, overwrite) -> TimelineExport  # a board not filed
    replaced_by_export(store, board, fmt, out_dir) -> tuple[Path, ...]    # ask before these

The takes that count are placed in ``out_dir/clips/`` (hard links where the volume allows,
else copies) and the timeline written beside them, every clip referenced by its path
relative to the timeline, each shot's name and prompt kept as metadata and a marker
(``core/timeline.py``). A shot without a finished take is refused (InvalidRequestError
naming it) before anything is written. A folder that already holds the timeline (its
file, or other files where its clips go) is refused unless ``overwrite``: the creator may
have edited it; both faces ask :func:`replaced_by_export` first (the command line refuses
without ``--overwrite``, the window asks before replacing). Blocking: run it off the GUI
thread.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Literal

from sora_desktop.core.errors import InvalidRequestError
from sora_desktop.core.i18n import _
from sora_desktop.core.storyboard import Storyboard
from sora_desktop.core.storyboard_plan import film_clips
from sora_desktop.usecases.storyboards import get, jobs_of

if TYPE_CHECKING:  # PyAV and OTIO load on first use (not when a window starts)
    from sora_desktop.core.store import JobStore
    from sora_desktop.core.timeline import TimelineExport

__all__ = [
    "FORMATS",
    "TimelineFormat",
    "export_board",
    "export_storyboard",
    "replaced_by_export",
    "timeline_format",
]

#: as core.timeline.TimelineFormat
TimelineFormat = Literal["otio", "fcpxml", "edl"]
FORMATS: tuple[TimelineFormat, ...] = ("otio", "fcpxml", "edl")


def timeline_format(text: str) -> TimelineFormat:
    """``text`` as a timeline format (InvalidRequestError naming the ones there are)."""
    value = text.strip().lower()
    for fmt in FORMATS:
        if value == fmt:
            return fmt
    raise InvalidRequestError(
        _("{format!r} is not a timeline format.").format(format=text),
        _("Use one of: {formats}.").format(formats=", ".join(FORMATS)),
        param="format",
    )


def replaced_by_export(
    store: JobStore, board: Storyboard | str, fmt: TimelineFormat, out_dir: Path
) -> tuple[Path, ...]:
    """The files in ``out_dir`` an export of ``board`` (or the board with this id) would
    replace, the timeline file first; empty when nothing would be."""
    from sora_desktop.core.timeline import replaced_files

    if isinstance(board, str):
        board = get(store, board)
    return replaced_files(board, film_clips(board, jobs_of(store, board)), fmt, Path(out_dir))


def export_board(
    store: JobStore,
    board: Storyboard,
    fmt: TimelineFormat,
    out_dir: Path,
    *,
    overwrite: bool = False,
) -> TimelineExport:
    from sora_desktop.core.timeline import export_timeline, replaced_files

    clips = film_clips(board, jobs_of(store, board))
    if not overwrite:
        replaced = replaced_files(board, clips, fmt, Path(out_dir))
        if replaced:
            raise InvalidRequestError(
                _("{path} already exists.").format(path=replaced[0]),
                _("Choose another folder, or replace the timeline that is there."),
                param="out",
            )
    return export_timeline(board, clips, fmt, Path(out_dir))


def export_storyboard(
    store: JobStore,
    board_id: str,
    fmt: TimelineFormat,
    out_dir: Path,
    *,
    overwrite: bool = False,
) -> TimelineExport:
    return export_board(store, get(store, board_id), fmt, out_dir, overwrite=overwrite)
