"""Rendered files: the render pool (deduplicated renders in worker threads) and assets.

An :class:`Asset` is a file served in byte ranges without reading it into memory, optionally
followed by padding inside an MP4 ``free`` box (``[sim:pad=MB]``), which keeps the file a
valid MP4 while making it as large as a download benchmark needs.
"""

from __future__ import annotations

import shutil
import struct
import tempfile
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from .render import RenderedAssets, RenderSpec, render_clip

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
    """Worker threads ("sora-sim-render-*") rendering clips into a private directory.

    Renders are keyed by :meth:`RenderSpec.cache_key`: the same prompt/size/seconds/image is
    rendered once and shared by every job that asks for it.
    """

    def __init__(self, workers: int = 2, directory: Path | None = None) -> None:
        self._own_dir = directory is None
        self.directory = directory or Path(tempfile.mkdtemp(prefix="sora-sim-"))
        self._cancel = threading.Event()
        self._executor = ThreadPoolExecutor(
            max_workers=workers, thread_name_prefix="sora-sim-render"
        )
        self._lock = threading.Lock()
        self._renders: dict[str, Future[RenderedAssets]] = {}

    def render(
        self, spec: RenderSpec, on_done: Callable[[Future[RenderedAssets]], None]
    ) -> Future[RenderedAssets]:
        key = spec.cache_key()
        with self._lock:
            future = self._renders.get(key)
            if future is None or (
                future.done() and (future.cancelled() or future.exception() is not None)
            ):
                future = self._executor.submit(
                    render_clip, spec, self.directory, name=key, cancel=self._cancel
                )
                self._renders[key] = future
        future.add_done_callback(on_done)
        return future

    def close(self) -> None:
        self._cancel.set()
        self._executor.shutdown(wait=True, cancel_futures=True)
        if self._own_dir:
            shutil.rmtree(self.directory, ignore_errors=True)
