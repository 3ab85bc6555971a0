"""A storyboard as an editor's timeline: OpenTimelineIO, FCP X XML, CMX 3600 EDL.

:func:`export_timeline` puts the takes that count into ``DIR/clips/`` (hard links where the
volume allows, else copies; numbered in shot order and named after the shots) and writes
the timeline beside them, every clip referenced by its path relative to the timeline
(``clips/01-harbour.mp4``), so the folder can be moved or handed over as a whole.

One video track, one clip per shot, each cut at its full length (the clip's video duration
in its own frame rate). Each shot's name is the clip's name; its prompt is kept as

- OTIO: clip metadata ``sora_desktop`` (``shot``, ``prompt``, ``job``, ``model``, ``size``)
  and a marker at the clip's start named ``<shot>: <prompt>``;
- FCP X XML (``fcpx_xml`` adapter, FCPXML 1.8): the asset-clip's note and the same marker;
- CMX 3600 EDL (``cmx_3600`` adapter, Avid style): the marker as a ``* LOC:`` comment (the
  adapter writes marker names in capitals) and ``* FROM CLIP:`` with the relative path.

The adapters (``otio-fcpx-xml-adapter``, ``otio-cmx3600-adapter``, pure Python) are called
directly, not through OTIO's plugin discovery, so a frozen bundle needs no entry-point
metadata for them. The FCP X adapter marks every asset video-only; assets of clips with
sound are marked ``hasAudio="1"`` afterwards so Final Cut Pro keeps their sound.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path, PurePosixPath
from typing import Any, Literal, NoReturn

from sora_desktop.core.atomic import atomic_output, atomic_write_text
from sora_desktop.core.clipinfo import ClipInfo, probe
from sora_desktop.core.errors import DiskError, InvalidRequestError
from sora_desktop.core.filenames import check_new_path, sanitize_filename
from sora_desktop.core.i18n import _
from sora_desktop.core.storyboard import Storyboard

TimelineFormat = Literal["otio", "fcpxml", "edl"]
SUFFIXES: dict[str, str] = {"otio": ".otio", "fcpxml": ".fcpxml", "edl": ".edl"}
CLIPS_FOLDER = "clips"


@dataclass(frozen=True, slots=True)
class TimelineExport:
    path: Path  # the timeline file
    clips: tuple[Path, ...]  # the clips it references, in order


def _rate(info: ClipInfo) -> float:
    rate = info.video.frame_rate
    return float(rate) if rate.denominator != 1 else float(rate.numerator)


def _time(frames: int, rate: float) -> Any:
    import opentimelineio as otio

    return otio.opentime.RationalTime(frames, rate)


def build_timeline(
    board: Storyboard, clips: Sequence[Path], *, relative_to: Path
) -> tuple[Any, list[ClipInfo]]:
    """The OTIO timeline of ``board`` with ``clips`` (one per shot, in order), every media
    path relative to ``relative_to``. Returns it and the clips' probed information."""
    import opentimelineio as otio

    if len(clips) != len(board.shots):
        raise ValueError("one clip per shot is needed")
    timeline = otio.schema.Timeline(name=board.name or _("Storyboard"))
    track = otio.schema.Track(name=_("Shots"), kind=otio.schema.TrackKind.Video)
    timeline.tracks.append(track)
    infos = []
    for number, (shot, clip) in enumerate(zip(board.shots, clips, strict=True), start=1):
        info = probe(clip)
        infos.append(info)
        rate = _rate(info)
        frames = max(1, round(info.video.duration * Fraction(info.video.frame_rate)))
        span = otio.opentime.TimeRange(_time(0, rate), _time(frames, rate))
        name = shot.name or _("Shot {number}").format(number=number)
        url = PurePosixPath(*Path(os.path.relpath(clip, relative_to)).parts).as_posix()
        reference = otio.schema.ExternalReference(target_url=url, available_range=span)
        reference.metadata["fcpx"] = {"note": shot.prompt}
        item = otio.schema.Clip(name=name, media_reference=reference, source_range=span)
        take = shot.chosen or (shot.takes[-1].job_id if shot.takes else None)
        item.metadata["sora_desktop"] = {
            "shot": name,
            "shot_id": shot.id,
            "prompt": shot.prompt,
            "job": take,
            "model": shot.model,
            "size": shot.size,
        }
        label = f"{name}: {shot.prompt}" if shot.prompt else name
        item.markers.append(
            otio.schema.Marker(
                name=label,
                marked_range=otio.opentime.TimeRange(_time(0, rate), _time(0, rate)),
            )
        )
        track.append(item)
    return timeline, infos


def timeline_text(timeline: Any, infos: Sequence[ClipInfo], fmt: TimelineFormat) -> str:
    """The timeline in one of the formats, as text."""
    if fmt == "otio":
        return str(timeline.to_json_string())
    if fmt == "fcpxml":
        from otio_fcpx_xml_adapter import fcpx_xml

        return _with_sound(str(fcpx_xml.write_to_string(timeline)), infos)
    if fmt == "edl":
        from otio_cmx3600_adapter import cmx_3600

        rate = _rate(infos[0]) if infos else 24.0
        return str(cmx_3600.write_to_string(timeline, rate=rate, style="avid"))
    _unknown(fmt)


def _unknown(fmt: str) -> NoReturn:
    raise InvalidRequestError(
        _("Unknown timeline format {format!r}.").format(format=fmt),
        _("Choose otio, fcpxml or edl."),
        param="format",
    )


def _with_sound(xml: str, infos: Sequence[ClipInfo]) -> str:
    """Mark the FCPXML assets of clips that have sound ``hasAudio="1"``."""
    head, sep, body = xml.partition("<fcpxml")
    root = ET.fromstring(sep + body)
    for asset, info in zip(root.iter("asset"), infos, strict=False):
        if info.audio is not None:
            asset.set("hasAudio", "1")
    ET.indent(root, space="    ")
    return head + ET.tostring(root, encoding="unicode") + "\n"


def _place(clip: Path, dest: Path) -> None:
    """``clip`` at ``dest``: a hard link where possible, else an atomic copy."""
    with contextlib.suppress(FileNotFoundError):
        if dest.samefile(clip):
            return
    dest.unlink(missing_ok=True)
    try:
        os.link(clip, dest)
        return
    except OSError:
        pass
    with atomic_output(dest) as tmp:
        shutil.copyfile(clip, tmp)


def _clip_names(board: Storyboard, clips: Sequence[Path], folder: Path) -> list[Path]:
    """Where each clip goes in ``folder``: numbered in shot order, named after the shot."""
    return [
        folder / f"{number:02d}-{sanitize_filename(shot.name or _('shot'), max_len=60)}"
        f"{Path(clip).suffix or '.mp4'}"
        for number, (shot, clip) in enumerate(zip(board.shots, clips, strict=True), start=1)
    ]


def timeline_path(board: Storyboard, fmt: TimelineFormat, out_dir: Path) -> Path:
    """The timeline file :func:`export_timeline` writes into ``out_dir``."""
    if fmt not in SUFFIXES:
        _unknown(fmt)
    name = sanitize_filename(board.name or _("storyboard"), max_len=80)
    return Path(out_dir) / f"{name}{SUFFIXES[fmt]}"


def replaced_files(
    board: Storyboard, clips: Sequence[Path], fmt: TimelineFormat, out_dir: Path
) -> tuple[Path, ...]:
    """The files already in ``out_dir`` that :func:`export_timeline` would replace: the
    timeline file, then clips in ``clips/`` that are other files than the take they would
    be (an earlier export's hard link to the same take is not replaced). Empty: none."""
    out_dir = Path(out_dir)
    found: list[Path] = []
    path = timeline_path(board, fmt, out_dir)
    if path.exists():
        found.append(path)
    if len(clips) == len(board.shots):
        dests = _clip_names(board, clips, out_dir / CLIPS_FOLDER)
        for clip, dest in zip(clips, dests, strict=True):
            try:
                if not dest.samefile(clip):
                    found.append(dest)
            except FileNotFoundError:
                if dest.exists():  # the take is gone, its old copy is not
                    found.append(dest)
            except OSError:
                found.append(dest)
    return tuple(found)


def export_timeline(
    board: Storyboard,
    clips: Sequence[Path],
    fmt: TimelineFormat,
    out_dir: Path,
) -> TimelineExport:
    """Write ``board`` (``clips``: the take that counts of each shot, e.g. from
    ``storyboard_plan.film_clips``) as a ``fmt`` timeline into ``out_dir`` with its clips
    in ``out_dir/clips``. Returns the timeline's path. DiskError when writing fails."""
    if fmt not in SUFFIXES:
        _unknown(fmt)
    if len(clips) != len(board.shots):
        raise InvalidRequestError(
            _("The timeline needs one clip per shot ({shots} shots, {clips} clips).").format(
                shots=len(board.shots), clips=len(clips)
            ),
            _("Generate the missing shots first."),
            param="shots",
        )
    out_dir = check_new_path(Path(out_dir))
    folder = out_dir / CLIPS_FOLDER
    placed: list[Path] = []
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for clip, dest in zip(clips, _clip_names(board, clips, folder), strict=True):
            _place(Path(clip), dest)
            placed.append(dest)
        timeline, infos = build_timeline(board, placed, relative_to=out_dir)
        text = timeline_text(timeline, infos, fmt)
        path = timeline_path(board, fmt, out_dir)
        atomic_write_text(path, text)
    except OSError as exc:
        raise DiskError(
            _("The timeline could not be written to {folder} ({detail}).").format(
                folder=out_dir, detail=exc.strerror or exc
            ),
            _("Check that the folder is writable and the disk has space."),
        ) from None
    return TimelineExport(path=path, clips=tuple(placed))
