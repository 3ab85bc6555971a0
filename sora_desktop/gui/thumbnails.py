"""Lazy, bounded thumbnail cache for the library view.

Public API::

    cache = ThumbnailCache(size=QSize(96, 54), capacity=500, cache_dir=paths.thumbnail_dir)
    cache.pixmap(key, thumbnail_path, video_path) -> QPixmap | None
        # the cached pixmap, or None after scheduling a background load
    cache.thumbnailReady: Signal(str key)      # a load finished; ask again with pixmap()
    cache.placeholder() -> QPixmap              # what to draw meanwhile / when there is none
    cache.pending_count() -> int
    cache.shutdown()                            # waits for the workers; call before teardown

Only what the view asks for is loaded (it asks for visible rows only). Decoding happens on a
private ``QThreadPool`` (QImage is thread-safe, QPixmap is not: workers produce scaled QImages,
the GUI thread turns them into pixmaps). Images come from the job's thumbnail file (PNG, JPEG
or WebP, decoded already scaled by ``QImageReader``); jobs without one get the first frame of
their MP4 via PyAV, written to ``cache_dir`` so it is decoded once. The LRU holds at most
``capacity`` pixmaps.
"""

from __future__ import annotations

import contextlib
import re
from collections import OrderedDict
from pathlib import Path

from PySide6.QtCore import QObject, QPoint, QRunnable, QSize, Qt, QThreadPool, Signal, Slot
from PySide6.QtGui import QColor, QImage, QImageReader, QPainter, QPalette, QPixmap, QPolygon
from PySide6.QtWidgets import QApplication


class _Relay(QObject):
    """Lives in the GUI thread; workers emit through it (queued across threads)."""

    loaded = Signal(str, QImage)


def _scaled_image_from_file(path: Path, box: QSize) -> QImage:
    reader = QImageReader(str(path))
    reader.setAutoTransform(True)
    original = reader.size()
    if original.isValid() and not original.isEmpty():
        reader.setScaledSize(original.scaled(box, Qt.AspectRatioMode.KeepAspectRatio))
    return reader.read()


def _import_decoder() -> None:
    """Import PyAV and Pillow on the GUI thread: concurrent first imports in worker threads
    crash the interpreter (import locks vs. shiboken's import hook)."""
    import av  # noqa: F401
    import PIL.Image  # noqa: F401


def _first_frame(video: Path, box: QSize) -> QImage:
    """The first video frame, scaled into ``box``. Goes through Pillow and encoded bytes so
    no QImage ever borrows a Python buffer on a worker thread."""
    import io

    import av  # already imported by _import_decoder on the GUI thread

    try:
        with av.open(str(video)) as container:
            stream = container.streams.video[0]
            picture = next(container.decode(stream)).to_image()
    except (OSError, av.FFmpegError, IndexError, ValueError, StopIteration):
        return QImage()
    picture.thumbnail((box.width(), box.height()))
    encoded = io.BytesIO()
    picture.save(encoded, format="PNG")
    return QImage.fromData(encoded.getvalue())


class _LoadTask(QRunnable):
    def __init__(
        self,
        relay: _Relay,
        key: str,
        thumb: Path | None,
        video: Path | None,
        box: QSize,
        cache_file: Path | None,
    ) -> None:
        super().__init__()
        self._relay = relay
        self._key = key
        self._thumb = thumb
        self._video = video
        self._box = box
        self._cache_file = cache_file

    def run(self) -> None:
        image = QImage()
        if self._thumb is not None and self._thumb.is_file():
            image = _scaled_image_from_file(self._thumb, self._box)
        if image.isNull() and self._cache_file is not None and self._cache_file.is_file():
            image = _scaled_image_from_file(self._cache_file, self._box)
        if image.isNull() and self._video is not None and self._video.is_file():
            image = _first_frame(self._video, self._box)
            if not image.isNull() and self._cache_file is not None:
                with contextlib.suppress(OSError):
                    self._cache_file.parent.mkdir(parents=True, exist_ok=True)
                    image.save(str(self._cache_file), "JPG", 85)
        self._relay.loaded.emit(self._key, image)


#: what a cached frame's file name may not hold (the same rule as str.isalnum for ASCII)
_UNSAFE_ASCII = re.compile(r"[^A-Za-z0-9_-]")


class ThumbnailCache(QObject):
    thumbnailReady = Signal(str)

    def __init__(
        self,
        size: QSize | None = None,
        capacity: int = 500,
        cache_dir: Path | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._box = size if size is not None else QSize(96, 54)
        self._capacity = max(1, capacity)
        self._cache_dir = cache_dir
        self._pixmaps: OrderedDict[str, QPixmap] = OrderedDict()
        self._missing: set[str] = set()
        self._pending: set[str] = set()
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._pool.setExpiryTimeout(2000)
        self._relay = _Relay(self)
        self._relay.loaded.connect(self._on_loaded, Qt.ConnectionType.QueuedConnection)
        self._placeholder: QPixmap | None = None
        self._closed = False

    @property
    def size(self) -> QSize:
        return QSize(self._box)

    def pixmap(self, key: str, thumbnail: Path | None, video: Path | None) -> QPixmap | None:
        """The thumbnail for ``key`` if loaded; otherwise schedule it and return None."""
        cached = self._pixmaps.get(key)
        if cached is not None:
            self._pixmaps.move_to_end(key)
            return cached
        if key in self._missing or key in self._pending or self._closed:
            return None
        if thumbnail is None and video is None:
            self._missing.add(key)
            return None
        cache_file = self.cached_frame_path(key)
        if thumbnail is None or not thumbnail.is_file():
            _import_decoder()
        self._pending.add(key)
        self._pool.start(_LoadTask(self._relay, key, thumbnail, video, self._box, cache_file))
        return None

    def pending_count(self) -> int:
        return len(self._pending)

    def forget(self, key: str, *, delete_cached_frame: bool = False) -> None:
        """Drop ``key`` (e.g. its thumbnail file changed) so the next request reloads it;
        with ``delete_cached_frame`` also remove the first frame cached on disk for it."""
        self._pixmaps.pop(key, None)
        self._missing.discard(key)
        if not delete_cached_frame:
            return
        cache_file = self.cached_frame_path(key)
        if cache_file is not None:
            cache_file.unlink(missing_ok=True)

    def cached_frame_path(self, key: str) -> Path | None:
        """Where the first frame of ``key`` is cached on disk (None without a cache dir)."""
        if self._cache_dir is None:
            return None
        if key.isascii():  # the usual key: one regex pass (deleting 1,000 clips asks 1,000)
            safe = _UNSAFE_ASCII.sub("_", key)[:120]
        else:
            safe = "".join(c if c.isalnum() or c in "-_" else "_" for c in key)[:120]
        return self._cache_dir / f"{safe}.frame.jpg"

    def placeholder(self) -> QPixmap:
        if self._placeholder is None:
            self._placeholder = self._draw_placeholder()
        return self._placeholder

    def _draw_placeholder(self) -> QPixmap:
        pix = QPixmap(self._box)
        palette = QApplication.palette()
        pix.fill(palette.color(QPalette.ColorRole.Mid))
        painter = QPainter(pix)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        mark = QColor(palette.color(QPalette.ColorRole.Base))
        mark.setAlpha(200)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(mark)
        w, h = self._box.width(), self._box.height()
        s = min(w, h) // 3
        cx, cy = w // 2, h // 2
        painter.drawPolygon(
            QPolygon(
                [
                    QPoint(cx - s // 2, cy - s // 2),
                    QPoint(cx - s // 2, cy + s // 2),
                    QPoint(cx + s // 2, cy),
                ]
            )
        )
        painter.end()
        return pix

    def _letterbox(self, image: QImage) -> QPixmap:
        """Centre the image on a transparent canvas of the box size: every row's decoration
        has the same width, so the text columns line up for portrait and landscape clips."""
        if image.size() != image.size().boundedTo(self._box):
            image = image.scaled(
                self._box,
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
        canvas = QPixmap(self._box)
        canvas.fill(Qt.GlobalColor.transparent)
        painter = QPainter(canvas)
        painter.drawImage(
            (self._box.width() - image.width()) // 2,
            (self._box.height() - image.height()) // 2,
            image,
        )
        painter.end()
        return canvas

    @Slot(str, QImage)
    def _on_loaded(self, key: str, image: QImage) -> None:
        self._pending.discard(key)
        if self._closed:
            return
        if image.isNull():
            self._missing.add(key)
            return
        self._pixmaps[key] = self._letterbox(image)
        self._pixmaps.move_to_end(key)
        while len(self._pixmaps) > self._capacity:
            self._pixmaps.popitem(last=False)
        self.thumbnailReady.emit(key)

    def shutdown(self) -> None:
        """Stop scheduling, drop queued loads and wait for the running ones."""
        self._closed = True
        self._pool.clear()
        self._pool.waitForDone()
        self._pending.clear()
