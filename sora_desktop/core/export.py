"""Export clips to the creator's folders: safe names, no half files, no overwrites, no secrets.

- :func:`render_filename` fills a template such as ``{date}_{prompt:40}_{id}.mp4``; ``{id}``
  is the job's short local id (:func:`.jobref.short_id`), which the CLI takes back
  (``sora-desktop export 3f2a9c1b7d``); the result is made a valid name on every OS by
  :func:`.filenames.sanitize_filename`.
- :func:`export_folder_problem` says why a folder can't take exports (a missing one that can
  be created is fine); :func:`prepare_export_folder` creates it.
- :func:`export_job` copies (or hard-links) a clip into a folder through a hidden temporary
  file that is published only when complete, never replaces an existing file (``name (2).mp4``
  instead; a name differing only in case or Unicode form counts as taken), and writes a
  JSON sidecar of the generation parameters (never a key, and of the key source only its
  kind; times in ISO 8601 with their offset) with the video's permissions.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import secrets
import shutil
import stat
import string
import time
from collections.abc import Iterable
from datetime import datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from sora_desktop.core.atomic import atomic_write_text, fsync_dir
from sora_desktop.core.errors import DiskError, InvalidRequestError
from sora_desktop.core.filecopy import copy_new_file
from sora_desktop.core.filenames import (
    DEFAULT_NAME_LEN,
    check_new_path,
    free_names,
    name_length,
    sanitize_filename,
)
from sora_desktop.core.i18n import _
from sora_desktop.core.jobref import short_id
from sora_desktop.core.models import Job
from sora_desktop.core.timestamps import iso_time

DEFAULT_TEMPLATE = "{date}_{prompt:40}_{id}.mp4"
TEMPLATE_FIELDS = ("date", "time", "prompt", "id", "model", "size", "seconds")
#: The longest full path an export may have: Windows' MAX_PATH less its terminating NUL.
#: Python can go past it, but Explorer and most players can't open such a file. None: no
#: limit worth keeping (macOS and Linux allow 1024 and 4096).
MAX_PATH: int | None = 259 if os.name == "nt" else None


def _prompt_words(prompt: str, limit: int) -> str:
    words = prompt.split()
    out = ""
    for word in words:
        candidate = f"{out} {word}" if out else word
        if len(candidate) > limit:
            if not out:
                out = word[:limit]
            break
        out = candidate
    return out


def _template_values(job: Job) -> dict[str, Any]:
    when = datetime.fromtimestamp(job.created_at or time.time())
    return {
        "date": when.strftime("%Y-%m-%d"),
        "time": when.strftime("%H-%M-%S"),
        "id": short_id(job),
        "model": job.request.model,
        "size": job.request.size,
        "seconds": str(job.request.seconds),
    }


def _bad_template(template: str, why: str) -> InvalidRequestError:
    return InvalidRequestError(
        _("The file name template {template!r} can't be used: {why}.").format(
            template=template, why=why
        ),
        _(
            "Use only these fields: {fields} ({{prompt:N}} keeps the first N characters of "
            "the prompt)."
        ).format(fields=", ".join("{" + f + "}" for f in TEMPLATE_FIELDS)),
        param="template",
    )


def render_filename(template: str, job: Job, *, max_len: int = DEFAULT_NAME_LEN) -> str:
    """Fill ``template`` for ``job`` and sanitize it; ``.mp4`` is added if missing."""
    values = _template_values(job)
    parts: list[str] = []
    try:
        parsed = list(string.Formatter().parse(template))
    except ValueError as exc:
        raise _bad_template(template, str(exc)) from exc
    for literal, field_name, spec, _conversion in parsed:
        parts.append(literal)
        if field_name is None:
            continue
        if field_name == "prompt":
            limit = 40
            if spec:
                if not spec.isdigit() or int(spec) < 1:
                    raise _bad_template(
                        template, _("{{prompt:{spec}}} needs a number").format(spec=spec)
                    )
                limit = int(spec)
            parts.append(_prompt_words(job.request.prompt, limit))
        elif field_name in values:
            parts.append(values[field_name])
        else:
            raise _bad_template(
                template, _("there is no field {{{field}}}").format(field=field_name)
            )
    name = "".join(parts)
    if not name.lower().endswith(".mp4"):
        name += ".mp4"
    return sanitize_filename(name, max_len=max_len)


def _public_url(url: str) -> str:
    """A base URL without user info, query or fragment (they may carry credentials)."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return ""
    host = parts.hostname or ""
    netloc = f"{host}:{parts.port}" if parts.port else host
    return urlunsplit((parts.scheme, netloc, parts.path, "", ""))


def sidecar_dict(job: Job) -> dict[str, Any]:
    """The generation parameters written next to an export. Never a key."""
    from sora_desktop import __version__

    req, conn = job.request, job.connection
    source = conn.key_source
    source_kind = "keyring" if source.keyring_user else "env" if source.env_var else "none"
    return {
        "prompt": req.prompt,
        "model": req.model,
        "size": req.size,
        "seconds": req.seconds,
        "remote_id": job.remote_id,
        "local_id": job.id,
        "created_at": iso_time(job.created_at),
        "completed_at": iso_time(job.completed_at),
        "remixed_from": req.remix_of,
        "reference_image": req.reference_image.name if req.reference_image else None,
        "connection": {
            "kind": conn.kind.value,
            "base_url": _public_url(conn.base_url),
            "key_source": source_kind,
        },
        "app": {"name": "Sora Desktop", "version": __version__},
    }


def _disk_error(exc: OSError, dest: Path) -> DiskError:
    if exc.errno == errno.ENOSPC:
        return DiskError(
            _("The disk holding {folder} is full; nothing was exported.").format(folder=dest),
            _("Free some space or choose another folder."),
        )
    return DiskError(
        _("Can't write to the folder {folder} ({detail}).").format(
            folder=dest, detail=exc.strerror or exc
        ),
        _("Choose a folder you may write to."),
    )


def _exists(path: Path) -> bool:
    try:
        return path.exists()
    except OSError:  # e.g. no permission to look inside a parent
        return False


def export_folder_problem(dest: Path) -> DiskError | None:
    """Why clips can't be exported to ``dest``, or None. Nothing is created or written.

    A folder that does not exist yet is fine when it can be created: its nearest existing
    parent is a folder this user may write to (``~/Videos`` is missing on many Linux desktops).
    """
    dest = Path(dest)
    probe = dest
    while not _exists(probe):
        if probe.parent == probe:
            return DiskError(
                _("The folder {folder} can't be created: its drive is not there.").format(
                    folder=dest
                ),
                _("Choose a folder on a connected drive."),
            )
        probe = probe.parent
    if not probe.is_dir():
        return DiskError(
            _("{path} is a file, not a folder.").format(path=probe),
            _("Choose a folder to export to."),
        )
    if not os.access(probe, os.W_OK | os.X_OK):
        if probe == dest:
            return DiskError(
                _("The folder {folder} is read-only.").format(folder=dest),
                _("Choose a folder you may write to."),
            )
        return DiskError(
            _("The folder {folder} can't be created: {parent} is read-only.").format(
                folder=dest, parent=probe
            ),
            _("Choose a folder you may write to."),
        )
    return None


def prepare_export_folder(dest: Path) -> Path:
    """Make sure ``dest`` is a folder clips can be exported to, creating it (and missing
    parents) when needed. Raises :class:`DiskError` saying why not."""
    dest = check_new_path(Path(dest), param="folder")  # a name this OS refuses, said as such
    problem = export_folder_problem(dest)
    if problem is not None:
        raise problem
    try:
        dest.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DiskError(
            _("The folder {folder} can't be created ({detail}).").format(
                folder=dest, detail=exc.strerror or exc
            ),
            _("Choose a folder you may write to."),
        ) from exc
    return dest


def _name_budget(dest: Path) -> int:
    """How long (UTF-8 bytes, never fewer than UTF-16 units) an export's name may be in dest."""
    if MAX_PATH is None:
        return DEFAULT_NAME_LEN
    # the folder, a separator, then room for " (99)" and the sidecar's ".json" (".mp4" + 1)
    # while it is written as ".NAME.json.1a2b3c4d.tmp" (core/atomic.py)
    folder = name_length(str(dest.absolute()), windows=True)  # Windows counts UTF-16 units
    room = MAX_PATH - folder - 1 - len(" (99)") - 1 - len(".") - len(".1a2b3c4d.tmp")
    if room < 16:
        raise DiskError(
            _(
                "The path of the folder {folder} is too long: a clip's full path there would "
                "pass the {limit} characters Windows programs can open."
            ).format(folder=dest, limit=MAX_PATH + 1),
            _("Choose a folder with a shorter path."),
        )
    return min(DEFAULT_NAME_LEN, room)


def _sidecar(path: Path) -> Path:
    return path.with_suffix(".json")


def _targets(dest: Path, name: str, sidecar: bool) -> Iterable[Path]:
    """Free names for the clip (and its sidecar) in ``dest``: ``name``, ``name (2)``..."""
    return free_names(dest, name, also=_sidecar if sidecar else None)


def _publish(tmp: Path, target: Path) -> bool:
    """Give the complete ``tmp`` the name ``target`` without ever replacing a file."""
    try:
        os.link(tmp, target)  # atomic and refuses to overwrite
    except FileExistsError:
        return False
    except OSError:  # no hard links here (FAT, exFAT, some network shares)
        if target.exists():
            return False
        tmp.replace(target)
        return True
    tmp.unlink()
    return True


def _unreadable_clip(exc: OSError, src: Path) -> DiskError:
    return DiskError(
        _(
            "The clip {path} can't be read ({detail}); another program may be holding it open."
        ).format(path=src, detail=exc.strerror or exc),
        _("Close the program that uses it (a video player or editor) and export again."),
    )


_FSYNC_FLAGS = os.O_RDWR | getattr(os, "O_BINARY", 0) if os.name == "nt" else os.O_RDONLY


def _copy_to_temp(src: Path, dest: Path) -> Path:
    """A complete, fsynced copy of ``src`` under a hidden temporary name in ``dest``."""
    # The clip is opened first: on Windows a program holding it open can refuse us, and the
    # message must name the clip, not the export folder (no temp file is made before that).
    try:
        src.open("rb").close()
    except OSError as exc:
        raise _unreadable_clip(exc, src) from exc
    for _attempt in range(100):
        tmp = dest / f".sora-export-{secrets.token_hex(6)}.part"
        try:
            copy_file(src, tmp)
        except FileExistsError:
            continue  # someone else's file: leave it
        except BaseException:
            with contextlib.suppress(OSError):
                tmp.unlink()
            raise
        break
    else:  # pragma: no cover - 100 random names taken
        raise FileExistsError(errno.EEXIST, "no free temporary name", str(dest))
    try:
        # Windows flushes only through a handle that may write; POSIX needs none
        fd = os.open(tmp, _FSYNC_FLAGS)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
        shutil.copystat(src, tmp)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    return tmp


def copy_file(src: Path, tmp: Path) -> None:
    """Create ``tmp`` holding ``src``'s bytes with the OS's own copy (a seam for tests that
    simulate a full disk)."""
    copy_new_file(src, tmp)


def export_job(
    job: Job,
    dest_dir: Path,
    *,
    template: str = DEFAULT_TEMPLATE,
    sidecar: bool = True,
    link: bool = False,
) -> Path:
    """Copy (or hard-link, with ``link``) ``job``'s clip into ``dest_dir``; returns its path.

    A missing ``dest`` is created (with its parents). Raises :class:`DiskError` when the
    clip is missing, the folder can't be created or written, or the disk is full (nothing
    half-written is left behind), and :class:`InvalidRequestError` for a bad template.
    """
    dest = Path(dest_dir)
    src = job.file_path
    if src is None or not Path(src).is_file():
        raise DiskError(
            _("The video file of this job is not on disk ({detail}).").format(
                detail=src or _("never downloaded")
            ),
            _("Download it again from the library if it has not expired."),
        )
    src = Path(src)
    prepare_export_folder(dest)
    name = render_filename(template, job, max_len=_name_budget(dest))
    tmp: Path | None = None
    try:
        if link:
            for target in _targets(dest, name, sidecar):
                try:
                    os.link(src, target)
                    break
                except FileExistsError:
                    continue
                except OSError:  # another volume or no hard links: copy instead
                    link = False
                    break
        if not link:
            tmp = _copy_to_temp(src, dest)
            for target in _targets(dest, name, sidecar):
                if _publish(tmp, target):
                    tmp = None
                    break
        fsync_dir(dest)
        if sidecar:
            text = json.dumps(sidecar_dict(job), indent=2, ensure_ascii=False) + "\n"
            # readable like the video beside it (a temporary file starts private: 0600)
            mode = stat.S_IMODE(target.stat().st_mode)
            atomic_write_text(_sidecar(target), text, mode=mode)
    except OSError as exc:
        raise _disk_error(exc, dest) from exc
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                tmp.unlink()
    return target


def export_many(
    jobs: Iterable[Job],
    dest_dir: Path,
    *,
    template: str = DEFAULT_TEMPLATE,
    sidecar: bool = True,
    link: bool = False,
) -> list[Path]:
    """Export several jobs; stops at the first failure (earlier exports stay)."""
    return [
        export_job(job, dest_dir, template=template, sidecar=sidecar, link=link) for job in jobs
    ]
