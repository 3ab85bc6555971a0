"""Storyboards: an ordered list of shots that become one film, and their portable JSON file.

A :class:`Shot` holds what to generate (prompt, or the recipe fields it was built from;
connection profile, model, size, seconds), where it starts (nothing, an image file, or
"continue from the previous shot": the previous shot's chosen take's last frame, fitted to
this shot's size) and its takes (library job ids) with the one the creator chose. Everything
is frozen: edits are plain functions returning a new storyboard (:func:`add_shot`,
:func:`move_shot`, :func:`add_take`, :func:`choose_take`, ...). What to generate next is
:mod:`.storyboard_plan`'s; keeping storyboards in the library is :mod:`.storyboard_store`'s.

**The file** (``*.storyboard.json``, UTF-8)::

    {"format": "sora-desktop/storyboard", "version": 1, "id": "…", "name": "…",
     "created_at": "2026-11-30T10:00:00+00:00", "updated_at": "…",
     "shots": [{"id": "…", "name": "Harbour", "prompt": "…", "recipe": {"subject": "…"},
                "profile": "simulator", "model": "sora-2", "size": "1280x720", "seconds": 8,
                "start": {"kind": "previous", "fit": "crop"},
                "takes": [{"job": "<library job id>", "clip": "clips/harbour.mp4"}],
                "chosen": "<library job id>"}]}

Paths (a start image, a take's clip) are written relative to the file's folder with ``/``
separators, so the folder can move to another computer; a path on another drive stays
absolute. A file from a newer format version is refused, saying so; unknown keys are kept
out of the way (ignored), so a newer *minor* addition doesn't stop an older app.
"""

from __future__ import annotations

import dataclasses
import json
import os
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from pathlib import Path, PurePosixPath
from typing import Any, Literal, NoReturn

from sora_desktop.core.atomic import atomic_write_text
from sora_desktop.core.errors import DiskError, InvalidRequestError
from sora_desktop.core.i18n import _
from sora_desktop.core.timestamps import iso_time

FORMAT = "sora-desktop/storyboard"
FORMAT_VERSION = 1
PARAM = "storyboard"
FitMode = Literal["fit", "crop"]


class StartKind(StrEnum):
    NONE = "none"  # text only
    FILE = "file"  # an image file, fitted to the shot's size
    PREVIOUS = "previous"  # the previous shot's chosen take's last frame


@dataclass(frozen=True, slots=True)
class StartImage:
    kind: StartKind = StartKind.NONE
    path: Path | None = None  # for FILE
    fit: FitMode = "crop"  # how the image or frame is brought to the shot's size


@dataclass(frozen=True, slots=True)
class Take:
    job_id: str  # the library's job
    clip: Path | None = None  # its video file, when known (what a portable file points at)


@dataclass(frozen=True, slots=True)
class Shot:
    id: str
    name: str = ""
    prompt: str = ""
    #: the recipe fields (subject, scene, action, ...) the prompt was composed from
    recipe: tuple[tuple[str, str], ...] = ()
    profile_id: str | None = None  # the connection profile ("simulator": the built-in one)
    model: str = "sora-2"
    size: str = "1280x720"
    seconds: int = 8
    start: StartImage = field(default_factory=StartImage)
    takes: tuple[Take, ...] = ()
    chosen: str | None = None  # job id of the chosen take

    @property
    def continues(self) -> bool:
        return self.start.kind is StartKind.PREVIOUS

    def take(self, job_id: str) -> Take | None:
        return next((t for t in self.takes if t.job_id == job_id), None)


@dataclass(frozen=True, slots=True)
class Storyboard:
    id: str
    name: str
    shots: tuple[Shot, ...] = ()
    created_at: float = 0.0
    updated_at: float = 0.0

    def shot(self, shot_id: str) -> Shot:
        for shot in self.shots:
            if shot.id == shot_id:
                return shot
        raise KeyError(shot_id)

    def index(self, shot_id: str) -> int:
        for i, shot in enumerate(self.shots):
            if shot.id == shot_id:
                return i
        raise KeyError(shot_id)


def new_id() -> str:
    return uuid.uuid4().hex


def new_storyboard(name: str, *, now: float | None = None) -> Storyboard:
    stamp = datetime.now().timestamp() if now is None else now
    return Storyboard(id=new_id(), name=name, created_at=stamp, updated_at=stamp)


# ------------------------------------------------------------------------------ edits


def _with_shots(board: Storyboard, shots: Sequence[Shot]) -> Storyboard:
    return dataclasses.replace(board, shots=tuple(shots))


def add_shot(board: Storyboard, shot: Shot, index: int | None = None) -> Storyboard:
    shots = list(board.shots)
    shots.insert(len(shots) if index is None else index, shot)
    return _with_shots(board, shots)


def replace_shot(board: Storyboard, shot: Shot) -> Storyboard:
    position = board.index(shot.id)
    shots = list(board.shots)
    shots[position] = shot
    return _with_shots(board, shots)


def remove_shot(board: Storyboard, shot_id: str) -> Storyboard:
    board.index(shot_id)
    return _with_shots(board, [s for s in board.shots if s.id != shot_id])


def move_shot(board: Storyboard, shot_id: str, index: int) -> Storyboard:
    """Put the shot at ``index`` (drag to reorder). A chained shot keeps continuing from
    whatever shot now comes before it."""
    shot = board.shot(shot_id)
    shots = [s for s in board.shots if s.id != shot_id]
    shots.insert(max(0, min(index, len(shots))), shot)
    return _with_shots(board, shots)


def add_take(board: Storyboard, shot_id: str, job_id: str, clip: Path | None = None) -> Storyboard:
    """Record a new take (a submitted job) of a shot; the chosen take stays as it was."""
    shot = board.shot(shot_id)
    if shot.take(job_id) is not None:
        return board
    return replace_shot(board, dataclasses.replace(shot, takes=(*shot.takes, Take(job_id, clip))))


def set_take_clip(board: Storyboard, shot_id: str, job_id: str, clip: Path) -> Storyboard:
    shot = board.shot(shot_id)
    takes = tuple(Take(t.job_id, clip) if t.job_id == job_id else t for t in shot.takes)
    return replace_shot(board, dataclasses.replace(shot, takes=takes))


def choose_take(board: Storyboard, shot_id: str, job_id: str | None) -> Storyboard:
    """Make ``job_id`` the take that counts for the shot (None: no explicit choice)."""
    shot = board.shot(shot_id)
    if job_id is not None and shot.take(job_id) is None:
        raise KeyError(job_id)
    return replace_shot(board, dataclasses.replace(shot, chosen=job_id))


# ------------------------------------------------------------------------------ JSON


def _path_out(path: Path | None, base: Path | None) -> str | None:
    if path is None:
        return None
    if base is not None:
        try:
            relative = os.path.relpath(path, base)
        except ValueError:  # another drive (Windows): keep it absolute
            return str(path)
        return PurePosixPath(*Path(relative).parts).as_posix()
    return str(path)


def _path_in(text: str, base: Path | None) -> Path:
    if "\\" in text and "/" not in text and not Path(text).is_absolute():
        text = text.replace("\\", "/")  # written on Windows by hand
    path = Path(text)
    if not path.is_absolute() and base is not None:
        path = base / Path(*PurePosixPath(text).parts)
    return path


def to_document(board: Storyboard, base: Path | None = None) -> dict[str, Any]:
    """The storyboard as JSON data; paths relative to ``base`` when given."""
    shots = []
    for shot in board.shots:
        start: dict[str, Any] = {"kind": shot.start.kind.value, "fit": shot.start.fit}
        if shot.start.kind is StartKind.FILE:
            start["path"] = _path_out(shot.start.path, base)
        shots.append(
            {
                "id": shot.id,
                "name": shot.name,
                "prompt": shot.prompt,
                "recipe": dict(shot.recipe),
                "profile": shot.profile_id,
                "model": shot.model,
                "size": shot.size,
                "seconds": shot.seconds,
                "start": start,
                "takes": [{"job": t.job_id, "clip": _path_out(t.clip, base)} for t in shot.takes],
                "chosen": shot.chosen,
            }
        )
    return {
        "format": FORMAT,
        "version": FORMAT_VERSION,
        "id": board.id,
        "name": board.name,
        "created_at": iso_time(board.created_at),
        "updated_at": iso_time(board.updated_at),
        "shots": shots,
    }


def _bad(why: str, where: str | None = None) -> NoReturn:
    message = why if where is None else _("{where}: {why}").format(where=where, why=why)
    raise InvalidRequestError(
        _("This storyboard file can't be read: {why}").format(why=message),
        _("Check the file, or save the storyboard again from Sora Desktop."),
        param=PARAM,
    )


def _text(obj: Mapping[str, Any], key: str, where: str, *, default: str | None = None) -> str:
    value = obj.get(key, default)
    if not isinstance(value, str):
        _bad(_("{key!r} must be text.").format(key=key), where)
    return value


def _time(value: Any) -> float:
    if isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    if isinstance(value, str):
        try:
            return datetime.fromisoformat(value).timestamp()
        except ValueError:
            pass
    return 0.0


def _shot(obj: Any, number: int, base: Path | None) -> Shot:
    where = _("shot {number}").format(number=number)
    if not isinstance(obj, Mapping):
        _bad(_("it is not an object."), where)
    seconds = obj.get("seconds", 8)
    if not isinstance(seconds, int) or isinstance(seconds, bool) or seconds <= 0:
        _bad(_("'seconds' must be a whole number of seconds."), where)
    start_obj = obj.get("start") or {}
    if not isinstance(start_obj, Mapping):
        _bad(_("'start' must be an object."), where)
    try:
        kind = StartKind(start_obj.get("kind", "none"))
    except ValueError:
        _bad(_("unknown start {kind!r}.").format(kind=start_obj.get("kind")), where)
    fit = start_obj.get("fit", "crop")
    if fit not in ("fit", "crop"):
        _bad(_('\'fit\' must be "fit" or "crop".'), where)
    start_path = None
    if kind is StartKind.FILE:
        start_path = _path_in(_text(start_obj, "path", where), base)
    takes = []
    for take in obj.get("takes") or []:
        if not isinstance(take, Mapping) or not isinstance(take.get("job"), str):
            _bad(_("every take needs its 'job' id."), where)
        clip = take.get("clip")
        takes.append(Take(take["job"], _path_in(clip, base) if isinstance(clip, str) else None))
    recipe = obj.get("recipe") or {}
    if not isinstance(recipe, Mapping):
        _bad(_("'recipe' must be an object."), where)
    chosen = obj.get("chosen")
    profile = obj.get("profile")
    return Shot(
        id=_text(obj, "id", where, default=new_id()),
        name=_text(obj, "name", where, default=""),
        prompt=_text(obj, "prompt", where, default=""),
        recipe=tuple((str(k), str(v)) for k, v in recipe.items()),
        profile_id=profile if isinstance(profile, str) else None,
        model=_text(obj, "model", where, default="sora-2"),
        size=_text(obj, "size", where, default="1280x720"),
        seconds=seconds,
        start=StartImage(kind=kind, path=start_path, fit=fit),
        takes=tuple(takes),
        chosen=chosen if isinstance(chosen, str) else None,
    )


def from_document(doc: Any, base: Path | None = None) -> Storyboard:
    """A storyboard from JSON data (relative paths resolved against ``base``).

    Raises InvalidRequestError (``param="storyboard"``) for data that is not a storyboard,
    one from a newer format version, or a malformed shot (named by its number)."""
    if not isinstance(doc, Mapping) or doc.get("format") != FORMAT:
        _bad(_("it is not a Sora Desktop storyboard."))
    version = doc.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        _bad(_("it has no format version."))
    if version > FORMAT_VERSION:
        raise InvalidRequestError(
            _(
                "This storyboard was saved by a newer version of Sora Desktop (format "
                "{version}; this version reads up to {known})."
            ).format(version=version, known=FORMAT_VERSION),
            _("Update Sora Desktop to open it."),
            param=PARAM,
        )
    shots_raw = doc.get("shots") or []
    if not isinstance(shots_raw, list):
        _bad(_("'shots' must be a list."))
    shots = tuple(_shot(s, n, base) for n, s in enumerate(shots_raw, start=1))
    ids = [s.id for s in shots]
    if len(set(ids)) != len(ids):
        _bad(_("two shots have the same id."))
    return Storyboard(
        id=_text(doc, "id", _("the storyboard"), default=new_id()),
        name=_text(doc, "name", _("the storyboard"), default=""),
        shots=shots,
        created_at=_time(doc.get("created_at")),
        updated_at=_time(doc.get("updated_at")),
    )


def save_storyboard(board: Storyboard, path: Path) -> Path:
    """Write ``board`` to ``path`` as portable JSON (atomic; DiskError when it fails)."""
    path = Path(path)
    text = json.dumps(to_document(board, path.parent.resolve()), indent=2, ensure_ascii=False)
    try:
        atomic_write_text(path, text + "\n")
    except OSError as exc:
        raise DiskError(
            _("The storyboard could not be saved to {path} ({detail}).").format(
                path=path, detail=exc.strerror or exc
            ),
            _("Check that the folder exists and is writable, and that the disk has space."),
        ) from None
    return path


def load_storyboard(path: Path) -> Storyboard:
    """Read a storyboard file (InvalidRequestError: missing, unreadable, not one, newer)."""
    path = Path(path)
    if path.is_dir():  # Windows refuses to open a folder with "permission denied"
        raise InvalidRequestError(
            _("{name!r} is a folder, not a storyboard file.").format(name=str(path)),
            _("Give the storyboard's .json file."),
            param=PARAM,
        )
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise InvalidRequestError(
            _("The storyboard file {name!r} can't be found.").format(name=path.name),
            _("Check the path."),
            param=PARAM,
        ) from None
    except OSError as exc:
        raise InvalidRequestError(
            _("The storyboard file {name!r} can't be read ({detail}).").format(
                name=path.name, detail=exc.strerror or exc
            ),
            _("Check the file's permissions."),
            param=PARAM,
        ) from None
    try:
        doc = json.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError):
        _bad(_("it is not valid JSON."))
    return from_document(doc, path.parent.resolve())
