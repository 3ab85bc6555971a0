"""Getting a finished video onto disk safely.

``stream_to_file`` is the file side of :meth:`VideoClient.download` (stream in chunks, resume
with ``Range``, verify the length). :func:`download_video` orchestrates a whole download:
``<partial_dir>/<id>.mp4.part``, retries with resume and backoff, the MP4 signature check,
fsync and an atomic rename, so the library never sees a broken file.
"""

from __future__ import annotations

import asyncio
import errno
import hashlib
import logging
import os
import re
import shutil
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import IO, TYPE_CHECKING

import httpx

from .backoff import Backoff
from .errors import (
    AssetExpiredError,
    DiskError,
    NetworkError,
    NotFoundError,
    RateLimitedError,
    RemoteJobFailedError,
    ServiceUnavailableError,
    SoraError,
)
from .i18n import _

if TYPE_CHECKING:
    from .dialects.base import Dialect

log = logging.getLogger(__name__)

ProgressCallback = Callable[[int, int | None], None]

_FULL = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC), errno.EFBIG}
_NOT_WRITABLE = {errno.EACCES, errno.EPERM, errno.EROFS}


def disk_error(exc: OSError, where: Path | None = None) -> DiskError:
    """A plain message and a next step for a failed local write."""
    place = f" ({where.parent})" if where is not None else ""
    if exc.errno in _FULL:
        return DiskError(
            _("The disk is full{place}; the video could not be saved.").format(place=place),
            _("Free some space, then retry the download."),
        )
    if exc.errno in _NOT_WRITABLE:
        return DiskError(
            _("The library folder is not writable{place}.").format(place=place),
            _("Fix the folder's permissions or choose another library folder, then retry."),
        )
    return DiskError(
        _("The video could not be written to disk{place}: {detail}.").format(
            place=place, detail=exc.strerror or exc
        ),
        _("Check the library folder and the disk, then retry the download."),
    )


def content_range(value: str | None) -> tuple[int | None, int | None, int | None]:
    """``bytes 100-199/1000`` -> (100, 199, 1000); ``bytes */1000`` -> (None, None, 1000)."""
    if not value:
        return None, None, None
    unit, _sep, rest = value.strip().partition(" ")
    if unit.lower() != "bytes":
        return None, None, None
    span, _sep, total_text = rest.partition("/")
    total = int(total_text) if total_text.strip().isdigit() else None
    first_text, _sep, last_text = span.partition("-")
    if first_text.strip().isdigit() and last_text.strip().isdigit():
        return int(first_text), int(last_text), total
    return None, None, total


def _open_at(dest: Path, start: int) -> IO[bytes]:
    """Open ``dest`` for writing at ``start`` (truncating anything after it)."""
    try:
        if start > 0:
            handle = dest.open("r+b")
            handle.truncate(start)
            handle.seek(start)
            return handle
        return dest.open("wb")
    except OSError as exc:
        raise disk_error(exc, dest) from None


def _content_length(response: httpx.Response) -> int | None:
    encoding = response.headers.get("content-encoding", "identity").strip().lower()
    if encoding not in ("", "identity"):
        return None  # the length is of the encoded body, not of the file
    text = response.headers.get("content-length", "").strip()
    return int(text) if text.isdigit() else None


async def stream_to_file(
    response: httpx.Response,
    dest: Path,
    existing: int,
    on_progress: ProgressCallback | None,
) -> int:
    """Write a successful (200/206) streamed response into ``dest``; returns the file length.

    Raises :class:`NetworkError` when fewer bytes came than announced (the bytes stay in
    ``dest`` for a resume) and :class:`DiskError` when the disk refuses a write.
    """
    length = _content_length(response)
    if response.status_code == 206:
        first, _last, total = content_range(response.headers.get("content-range"))
        if first is None or first > existing:
            await asyncio.to_thread(dest.unlink, missing_ok=True)
            raise ServiceUnavailableError(
                _(
                    "The server sent a piece of the video that doesn't follow the part already "
                    "downloaded."
                ),
                _("The download will start again from the beginning."),
                status_code=206,
            )
        start = first
        if total is None and length is not None:
            total = start + length
    else:
        start = 0
        total = length
    handle = await asyncio.to_thread(_open_at, dest, start)
    done = start
    failed = True
    try:
        if on_progress is not None:
            on_progress(done, total)
        # no re-chunking: every byte received is on disk before the next read, so a cut
        # stream loses nothing and the resume starts exactly where the bytes stop
        async for chunk in response.aiter_bytes():
            try:
                handle.write(chunk)
            except OSError as exc:
                raise disk_error(exc, dest) from None
            done += len(chunk)
            if on_progress is not None:
                on_progress(done, total)
        failed = False
    finally:
        try:
            handle.close()
        except OSError as exc:
            if not failed:
                raise disk_error(exc, dest) from None
    if total is not None and done < total:
        raise NetworkError(
            _("The download was cut short ({done} of {total} bytes).").format(
                done=done, total=total
            ),
            _("The app will resume it."),
        )
    if total is not None and done > total:
        await asyncio.to_thread(dest.unlink, missing_ok=True)
        raise ServiceUnavailableError(
            _("The server sent more bytes than it announced ({done} of {total}).").format(
                done=done, total=total
            ),
            _("The download will start again from the beginning."),
        )
    return done


# --------------------------------------------------------------------------- orchestration


def safe_file_stem(remote_id: str) -> str:
    """A file name stem for a remote id of any shape (gateways use URLs, UUIDs, ...)."""
    stem = re.sub(r"[^A-Za-z0-9._-]", "_", remote_id).strip("._")[:100]
    if stem != remote_id or not stem:
        digest = hashlib.sha256(remote_id.encode("utf-8")).hexdigest()[:10]
        stem = f"{stem}_{digest}" if stem else digest
    return stem


def mp4_problem(path: Path) -> str | None:
    """None when ``path`` starts like an MP4 (an ``ftyp`` box), else what is wrong."""
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            head = handle.read(12)
    except FileNotFoundError:
        return "the file is missing"
    except OSError as exc:
        raise disk_error(exc, path) from None
    if size == 0:
        return "the file is empty"
    if len(head) < 8 or head[4:8] != b"ftyp":
        return "it has no MP4 'ftyp' header"
    return None


def _fsync_dir(directory: Path) -> None:
    if os.name == "nt":  # directories can't be opened for fsync on Windows
        return
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass  # some file systems don't support it
    finally:
        os.close(fd)


def commit_file(part: Path, final_path: Path) -> None:
    """fsync ``part``, atomically move it to ``final_path``, fsync the folder."""
    try:
        with part.open("r+b") as handle:
            os.fsync(handle.fileno())
        try:
            part.replace(final_path)  # os.replace: atomic on one volume
        except OSError as exc:
            if exc.errno != errno.EXDEV:
                raise
            # another volume: copy next to the target, then the same atomic rename
            staging = final_path.with_name(final_path.name + ".incoming")
            shutil.copyfile(part, staging)
            with staging.open("r+b") as handle:
                os.fsync(handle.fileno())
            staging.replace(final_path)
            part.unlink(missing_ok=True)
    except OSError as exc:
        raise disk_error(exc, final_path) from None
    _fsync_dir(final_path.parent)


def _make_dirs(*dirs: Path) -> None:
    for directory in dirs:
        try:
            directory.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise disk_error(exc, directory / "x") from None


async def download_video(
    client: Dialect,
    remote_id: str,
    final_path: Path,
    partial_dir: Path,
    *,
    on_progress: ProgressCallback | None = None,
    max_attempts: int = 5,
    backoff: Backoff | None = None,
    sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
) -> Path:
    """Download a finished video to ``final_path``; returns it.

    Cut streams and 5xx/429 are retried (resuming with ``Range``) up to ``max_attempts``
    with ``backoff`` between tries; a body that is not an MP4 is thrown away and fetched
    again from zero, then fails with :class:`RemoteJobFailedError`. Expired or unknown
    assets, refused keys and disk errors are raised at once.
    """
    part = partial_dir / f"{safe_file_stem(remote_id)}.mp4.part"
    await asyncio.to_thread(_make_dirs, partial_dir, final_path.parent)
    delays = backoff or Backoff(initial=1.0, cap=15.0)
    last_error: SoraError | None = None
    for attempt in range(1, max(1, max_attempts) + 1):
        try:
            await client.download(remote_id, part, on_progress=on_progress)
        except (NetworkError, ServiceUnavailableError, RateLimitedError) as exc:
            log.info("download attempt %d of %d failed: %s", attempt, max_attempts, exc.kind)
            last_error = exc
            if attempt < max_attempts:
                await sleep(delays.next_delay(exc.retry_after))
            continue
        except (AssetExpiredError, NotFoundError):
            await asyncio.to_thread(part.unlink, missing_ok=True)
            raise
        problem = await asyncio.to_thread(mp4_problem, part)
        if problem is None:
            await asyncio.to_thread(commit_file, part, final_path)
            return final_path
        log.warning("download attempt %d: not an MP4 (%s)", attempt, problem)
        await asyncio.to_thread(part.unlink, missing_ok=True)
        last_error = RemoteJobFailedError(
            _("The server sent a file that is not an MP4 video ({detail}).").format(detail=problem),
            _(
                "Try the download again later; if it keeps happening the video is broken on "
                "the server."
            ),
        )
        if attempt < max_attempts:
            await sleep(delays.next_delay())
    assert last_error is not None
    raise last_error
