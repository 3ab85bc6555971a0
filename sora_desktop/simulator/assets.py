"""Rendered files: the render pool (deduplicated renders in worker threads or processes) and
assets.

An :class:`Asset` is a file served in byte ranges without reading it into memory, optionally
followed by padding inside an MP4 ``free`` box (``[sim:pad=MB]``), which keeps the file a
valid MP4 while making it as large as a download benchmark needs.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import multiprocessing.connection
import os
import shutil
import signal
import struct
import tempfile
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor, ThreadPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from multiprocessing.synchronize import Event as EventType
from pathlib import Path

from sora_desktop.simulator.render import RenderedAssets, RenderSpec, render_clip

CHUNK = 256 * 1024
_ZEROS = bytes(CHUNK)
MAX_PAD = 0xFFFFFFFF - 8


@dataclass(frozen=True, slots=True)
class Asset:
    path: Path
    content_type: str
    pad_bytes: int = 0  # payload of a trailing ``free`` box (0 = no box)

    @property
    def file_size(self) -> int:
        return self.path.stat().st_size

    @property
    def length(self) -> int:
        extra = self.pad_bytes + 8 if self.pad_bytes else 0
        return self.file_size + extra

    def iter_range(self, start: int, end: int) -> Iterator[bytes | tuple[Path, int, int]]:
        """Pieces of bytes ``start..end`` (inclusive): ``(path, offset, count)`` for the file
        part (so the server can ``sendfile`` it) and ``bytes`` for the padding."""
        size = self.file_size
        if start < size:
            stop = min(end + 1, size)
            yield (self.path, start, stop - start)
        if end + 1 <= size or not self.pad_bytes:
            return
        header = struct.pack(">I4s", self.pad_bytes + 8, b"free")
        pos = max(start, size)
        while pos <= end:
            rel = pos - size
            if rel < 8:
                piece = header[rel : min(8, end + 1 - size)]
            else:
                piece = _ZEROS[: min(CHUNK, end + 1 - pos)]
            yield piece
            pos += len(piece)


class RenderPool:
    """Renders clips into a private directory, in worker threads ("sora-sim-render-*") or,
    with ``in_subprocess``, in worker *processes*.

    Renders are keyed by :meth:`RenderSpec.cache_key`: the same prompt/size/seconds/image is
    rendered once and shared by every job that asks for it.

    Threads are the default (fast to start; what the tests' many servers use). A render holds
    the GIL for long stretches, though, so a process that also runs a GUI (the app's built-in
    simulator) renders in a separate process: a ``ProcessPoolExecutor`` made on the first
    render, with the ``spawn`` start method everywhere (the same on Linux, macOS and Windows,
    and a Qt process is never forked). Only plain data crosses (a :class:`RenderSpec`, a
    directory, a name; :class:`RenderedAssets` back). A worker that dies makes the renders it
    held fail (``BrokenProcessPool``) and the next render starts a fresh pool.
    """

    def __init__(
        self,
        workers: int = 2,
        directory: Path | None = None,
        *,
        in_subprocess: bool = False,
    ) -> None:
        self._own_dir = directory is None
        self.directory = directory or Path(tempfile.mkdtemp(prefix="sora-sim-"))
        self.in_subprocess = in_subprocess
        self._workers = workers
        self._cancel = threading.Event()
        self._lock = threading.Lock()
        self._renders: dict[str, Future[RenderedAssets]] = {}
        self._closed = False
        self._threads: ThreadPoolExecutor | None = None
        self._processes: ProcessPoolExecutor | None = None
        self._process_cancel: EventType | None = None
        self._retired: list[ProcessPoolExecutor] = []  # broken pools, joined on close
        if not in_subprocess:
            self._threads = ThreadPoolExecutor(
                max_workers=workers, thread_name_prefix="sora-sim-render"
            )

    def render(
        self, spec: RenderSpec, on_done: Callable[[Future[RenderedAssets]], None]
    ) -> Future[RenderedAssets]:
        key = spec.cache_key()
        with self._lock:
            if self._closed:
                raise RuntimeError("the render pool is closed")
            future = self._renders.get(key)
            if future is None or (
                future.done() and (future.cancelled() or future.exception() is not None)
            ):
                future = self._submit(spec, key)
                self._renders[key] = future
        future.add_done_callback(on_done)
        return future

    def _submit(self, spec: RenderSpec, key: str) -> Future[RenderedAssets]:
        """Start a render (``self._lock`` held)."""
        if self._threads is not None:
            return self._threads.submit(
                render_clip, spec, self.directory, name=key, cancel=self._cancel
            )
        try:
            return self._process_pool().submit(_render_in_worker, spec, self.directory, key)
        except BrokenProcessPool:
            # a worker died earlier (its renders failed then); this render gets a fresh pool
            assert self._processes is not None
            self._retired.append(self._processes)
            self._processes = None
            return self._process_pool().submit(_render_in_worker, spec, self.directory, key)

    def warm_up(self) -> None:
        """Start the worker process now, so that it has imported the renderer (PyAV, Pillow)
        before the first job: spawning it costs the caller a moment, and its start-up competes
        for the CPU, which a caller would rather pay at start than while jobs run. No-op with
        threads."""
        with self._lock:
            if self.in_subprocess and not self._closed:
                self._process_pool().submit(_warm_up)

    def _process_pool(self) -> ProcessPoolExecutor:
        if self._processes is None:
            context = multiprocessing.get_context("spawn")
            if self._process_cancel is None:
                self._process_cancel = context.Event()
            self._processes = ProcessPoolExecutor(
                max_workers=self._workers,
                mp_context=context,
                initializer=_init_worker,
                initargs=(self._process_cancel,),
            )
        return self._processes

    def close(self) -> None:
        """Cancel what is rendering, and join every worker thread and process."""
        with self._lock:
            self._closed = True
            threads, self._threads = self._threads, None
            processes, self._processes = self._processes, None
            retired, self._retired = self._retired, []
        self._cancel.set()
        if self._process_cancel is not None:
            self._process_cancel.set()
        if threads is not None:
            threads.shutdown(wait=True, cancel_futures=True)
        for pool in [*retired, *([processes] if processes is not None else [])]:
            # joins the pool's management thread and its worker processes
            pool.shutdown(wait=True, cancel_futures=True)
        if self._own_dir:
            shutil.rmtree(self.directory, ignore_errors=True)


# -- the worker-process side (module level: the spawn child imports this module) -----------

_worker_cancel: EventType | None = None


def _init_worker(cancel: EventType) -> None:
    """Runs once in each render worker process."""
    global _worker_cancel
    _worker_cancel = cancel
    # A worker holds both ends of its task queue, so it never sees the app go away: after a
    # crash or a kill it would wait for work forever. It leaves with its parent instead.
    parent = multiprocessing.parent_process()
    if parent is not None:
        threading.Thread(
            target=_exit_with_parent,
            args=(parent.sentinel,),
            name="sora-render-orphan-guard",
            daemon=True,
        ).start()
    # Ctrl+C in a terminal reaches the whole process group: the app decides, not the worker.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if hasattr(os, "nice"):
        # rendering is background work: the app (its GUI thread above all) comes first; 10 still
        # let the worker take the odd 50-80 ms from the GUI process on a 2-core machine
        with contextlib.suppress(OSError):
            os.nice(19)


def _exit_with_parent(sentinel: int) -> None:
    multiprocessing.connection.wait([sentinel])  # ready when the parent process has ended
    os._exit(0)


def _warm_up() -> None:
    """Nothing: unpickling this call has already imported the renderer in the worker."""


def _render_in_worker(spec: RenderSpec, directory: Path, name: str) -> RenderedAssets:
    return render_clip(spec, directory, name=name, cancel=_worker_cancel)
