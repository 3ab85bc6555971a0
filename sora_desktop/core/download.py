"""Getting a finished video onto disk safely.

``stream_to_file`` is the file side of :meth:`VideoClient.download` (stream in chunks, resume
with ``Range``, verify the length), run in the download's own thread by
:func:`run_in_own_thread`. :func:`download_video` orchestrates a whole download:
``<partial_dir>/<id>.mp4.part``, retries with resume and backoff, the MP4 signature check,
fsync and an atomic rename, so the library never sees a broken file.
"""

from __future__ import annotations

import asyncio
import contextlib
import errno
import logging
import os
import shutil
import socket
import threading
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import IO, TYPE_CHECKING, TypeVar

import httpx

from sora_desktop.core.backoff import Backoff
from sora_desktop.core.errors import (
    AssetExpiredError,
    DiskError,
    NetworkError,
    NotFoundError,
    RateLimitedError,
    RemoteJobFailedError,
    ServiceUnavailableError,
    SoraError,
)
from sora_desktop.core.filecopy import WRITEBACK_STEP, start_writeback
from sora_desktop.core.filenames import safe_file_stem
from sora_desktop.core.hidden_dirs import make_hidden_dir
from sora_desktop.core.i18n import _

if TYPE_CHECKING:
    from sora_desktop.core.dialects.base import Dialect

log = logging.getLogger(__name__)

ProgressCallback = Callable[[int, int | None], None]
T = TypeVar("T")

#: Bytes received between two progress reports (each one a hop to the event loop).
PROGRESS_STEP = 1024 * 1024

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


class Stopper:
    """Lets the event loop stop a download that runs in its own thread.

    :meth:`stop` raises a flag the receive loop checks between pieces and shuts the socket
    of the response being received, so a receive waiting on a silent server returns at once
    instead of after the read timeout.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._stopped = False
        self._socket: socket.socket | None = None

    @property
    def stopped(self) -> bool:
        return self._stopped

    def watch(self, response: httpx.Response) -> None:
        """The socket ``response`` arrives on is the one :meth:`stop` shuts (None: the flag
        alone; a mock transport has no socket)."""
        stream = response.extensions.get("network_stream")
        sock = stream.get_extra_info("socket") if stream is not None else None
        with self._lock:
            self._socket = sock if isinstance(sock, socket.socket) else None
            stopped = self._stopped
        if stopped:
            self._shut()

    def unwatch(self) -> None:
        """The response is done: its connection may go back to the pool, never to be shut."""
        with self._lock:
            self._socket = None

    def stop(self) -> None:
        with self._lock:
            self._stopped = True
        self._shut()

    def check(self) -> None:
        if self._stopped:
            raise DownloadStopped

    def _shut(self) -> None:
        with self._lock:
            sock = self._socket
            if sock is None:
                return
            # the plain socket's own shutdown, under TLS too: the receive in the other
            # thread sees the end of the stream, and the connection is discarded
            with contextlib.suppress(OSError):
                socket.socket.shutdown(sock, socket.SHUT_RDWR)


class DownloadStopped(Exception):
    """The download was stopped from the event loop (its task was cancelled)."""


async def run_in_own_thread(
    work: Callable[[ProgressCallback, Stopper], T], on_progress: ProgressCallback | None
) -> T:
    """Run ``work`` (a whole blocking download) in a thread of its own and wait for it.

    The receive loop then runs without the event loop between the socket and the file:
    no cancel scope, no re-registration of the socket and no task switch per piece (about a
    third less CPU than httpx's async receive). The thread is not the default executor's, so
    long downloads never queue other jobs' file work behind them. ``work`` reports progress
    through the callback it is given; ``on_progress`` is called on the event loop, in order,
    and never after a cancel. Cancelling the awaiting task stops ``work`` (:class:`Stopper`)
    and waits for the thread to end, so the file is closed before the cancel goes on.
    """
    loop = asyncio.get_running_loop()
    done: asyncio.Future[T] = loop.create_future()
    stopper = Stopper()

    def post(callback: Callable[..., None], *args: object) -> None:
        with contextlib.suppress(RuntimeError):  # the loop is closed: nobody waits any more
            loop.call_soon_threadsafe(callback, *args)

    def report(done_bytes: int, total: int | None) -> None:
        if on_progress is not None and not stopper.stopped:
            on_progress(done_bytes, total)

    def progress(done_bytes: int, total: int | None) -> None:
        post(report, done_bytes, total)

    def settle(value: T | None, error: BaseException | None) -> None:
        if done.done():
            return
        if error is not None:
            done.set_exception(error)
        else:
            done.set_result(value)  # type: ignore[arg-type]

    def main() -> None:
        try:
            value = work(progress, stopper)
        except BaseException as exc:
            post(settle, None, exc)
        else:
            post(settle, value, None)

    thread = threading.Thread(target=main, name="sora-download", daemon=True)
    thread.start()
    try:
        await asyncio.wait({done})
    except asyncio.CancelledError:
        stopper.stop()
        await asyncio.wait({done})  # a second cancel leaves the thread to end on its own
        thread.join()
        if not done.cancelled():
            done.exception()  # retrieved: a stopped download's error is no news
        raise
    thread.join()  # it has posted its result: only its last instructions are left
    return done.result()


def _body_start(response: httpx.Response, dest: Path, existing: int) -> tuple[int, int | None]:
    """Where a successful (200/206) body starts in ``dest`` and the file's whole length
    (None: not announced). Blocking (a piece that doesn't follow removes ``dest``)."""
    length = _content_length(response)
    if response.status_code != 206:
        return 0, length
    first, _last, total = content_range(response.headers.get("content-range"))
    if first is None or first > existing:
        dest.unlink(missing_ok=True)
        raise ServiceUnavailableError(
            _(
                "The server sent a piece of the video that doesn't follow the part already "
                "downloaded."
            ),
            _("The download will start again from the beginning."),
            status_code=206,
        )
    if total is None and length is not None:
        total = first + length
    return first, total


def _check_length(dest: Path, done: int, total: int | None) -> int:
    """``done`` when it is the announced length; else the error (blocking: a body longer
    than announced removes ``dest``)."""
    if total is not None and done < total:
        raise NetworkError(
            _("The download was cut short ({done} of {total} bytes).").format(
                done=done, total=total
            ),
            _("The app will resume it."),
        )
    if total is not None and done > total:
        dest.unlink(missing_ok=True)
        raise ServiceUnavailableError(
            _("The server sent more bytes than it announced ({done} of {total}).").format(
                done=done, total=total
            ),
            _("The download will start again from the beginning."),
        )
    return done


def stream_to_file(
    response: httpx.Response,
    dest: Path,
    existing: int,
    on_progress: ProgressCallback | None,
    stopper: Stopper | None = None,
) -> int:
    """Write a successful (200/206) streamed response into ``dest``; returns the file length.

    Blocking: runs in the download's own thread (:func:`run_in_own_thread`). Raises
    :class:`NetworkError` when fewer bytes came than announced (the bytes stay in ``dest``
    for a resume), :class:`DiskError` when the disk refuses a write and
    :class:`DownloadStopped` when ``stopper`` is stopped. Every :data:`WRITEBACK_STEP` bytes
    the OS is asked to start writing them to the disk (:func:`start_writeback`), so the
    fsync before the clip counts has little left to do.
    """
    start, total = _body_start(response, dest, existing)
    handle = _open_at(dest, start)
    done = start
    flushed = start  # bytes before this offset have been handed to start_writeback
    reported = start
    failed = True
    try:
        if on_progress is not None:
            on_progress(done, total)
        # no re-chunking: every byte received is on disk before the next read, so a cut
        # stream loses nothing and the resume starts exactly where the bytes stop
        for chunk in response.iter_bytes():
            if stopper is not None:
                stopper.check()
            try:
                handle.write(chunk)
                done += len(chunk)
                if done - flushed >= WRITEBACK_STEP:
                    handle.flush()
                    start_writeback(handle.fileno(), flushed, done - flushed)
                    flushed = done
            except OSError as exc:
                raise disk_error(exc, dest) from None
            if on_progress is not None and done - reported >= PROGRESS_STEP:
                on_progress(done, total)
                reported = done
        failed = False
    finally:
        try:
            handle.close()
        except OSError as exc:
            if not failed:
                raise disk_error(exc, dest) from None
    if on_progress is not None and done != reported:
        on_progress(done, total)
    return _check_length(dest, done, total)


async def astream_to_file(
    response: httpx.Response,
    dest: Path,
    existing: int,
    on_progress: ProgressCallback | None,
) -> int:
    """:func:`stream_to_file` on the event loop, for a response of an ``httpx.AsyncClient``
    (the provider dialects' result files)."""
    start, total = await asyncio.to_thread(_body_start, response, dest, existing)
    handle = await asyncio.to_thread(_open_at, dest, start)
    done = start
    failed = True
    try:
        if on_progress is not None:
            on_progress(done, total)
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
    return await asyncio.to_thread(_check_length, dest, done, total)


# --------------------------------------------------------------------------- orchestration


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


def _make_dirs(partial_dir: Path, final_dir: Path) -> None:
    for directory in (partial_dir, final_dir):
        try:
            if directory == partial_dir:
                make_hidden_dir(directory)  # ".partial": hidden on Windows too
            else:
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
