"""Exact frames out of a clip, decoded with PyAV: the last one, or the one shown at a time.

- :func:`last_frame`: the clip's final displayed frame. The demuxer seeks to the clip's
  last keyframe and only that GOP is decoded; the frame with the highest presentation time
  wins, so B-frames (decoded out of order) and edit lists (FFmpeg drops the frames outside
  them) give the frame a player shows last, not the last packet. On the way, H.264/HEVC
  frames nothing refers to are skipped (``skip_frame``) unless they could be the last one
  shown: a packet a few packets later is shown after them. The result is the frame a full
  decode gives, bit for bit; it costs the last GOP's reference frames (the clip's open is
  not probed either). Should the decode from the last keyframe give no frame, or only one
  shown before that keyframe (an open GOP's leading picture, which may refer to the GOP
  before), the clip is decoded from the top instead.
- :func:`frame_at`: the frame on screen ``seconds`` after the clip's first frame (the
  player's position): the last frame whose presentation time is not after it.

Both return a Pillow RGB image at the clip's full resolution. :func:`save_png` writes one
atomically; :func:`continuation_image` fits a clip's last frame to another shot's size with
the reference-image rule (:func:`.images.fit_image`) and stores it like a converted
reference image, ready to be a generation's start image.

The stored last frame: decoding costs the last GOP (0.1-5 s of CPU for a 1080p clip), so
the engine keeps each library clip's last frame once the clip is ready
(:func:`store_last_frame`, in the background): a lossless PNG in a hidden folder beside the
clip (``.last-frames/NAME.png``), stamped with the clip's name, size and modification time.
:func:`last_frame_of` (what :func:`continuation_image` uses) reads it while the stamp still
matches the clip, and decodes otherwise (then stores it for the next time). One clip's
frame is made by one thread at a time: a chained shot asking while the engine stores it
waits and reads the stored one instead of decoding it twice (the per-clip lock is kept
only while some thread holds or waits for it). The hidden folder is made hidden on
Windows too (:func:`.hidden_dirs.make_hidden_dir`).
"""

from __future__ import annotations

import contextlib
import io
import threading
from collections import deque
from collections.abc import Iterable, Iterator
from fractions import Fraction
from pathlib import Path
from typing import Literal

import av
import av.error
from PIL import Image, PngImagePlugin

from sora_desktop.core.atomic import atomic_write_bytes
from sora_desktop.core.clipinfo import ClipInfo, open_clip, probe, unreadable
from sora_desktop.core.errors import DiskError, InvalidRequestError
from sora_desktop.core.hidden_dirs import make_hidden_dir
from sora_desktop.core.i18n import _
from sora_desktop.core.images import fit_image, save_reference_png
from sora_desktop.core.paths import stored_frame_path

#: How :func:`last_frame` opens a clip (and :func:`frame_at`, once it has probed it): an
#: MP4's header gives the decoder all it needs (the SPS/PPS), so nothing is probed. FFmpeg's
#: probing decodes the first frames of a clip with B-frames (~35 ms of CPU per 720p clip
#: here), which the decode from a keyframe never uses; ``skip_frame`` reaches only the
#: probing's own decoders, not the stream's.
TAIL_OPEN: dict[str, str] = {
    "fpsprobesize": "0",
    "probesize": "32",
    "analyzeduration": "0",
    "skip_frame": "all",
}
#: Packets :func:`last_frame` reads ahead of the decoder: a packet is decoded in full unless
#: one of these is shown after it (a B-frame's is, within the encoder's reorder depth).
LOOKAHEAD = 16
#: Decoders that read ``skip_frame`` for every packet, so a frame nothing refers to can be
#: skipped on the way and the tail still decoded in full. Others decode everything.
SKIP_NONREF_CODECS = frozenset({"h264", "hevc"})
#: FFmpeg's decoder threads (frame and slice threads, one per core): on an idle machine
#: they spread a GOP's decode over the cores; on a busy one they cost the same CPU as none
#: (``benchmarks/bench_stitch.py`` measures both).
THREAD_TYPE = "AUTO"
#: The PNG text key of a stored last frame's stamp (the clip it was decoded from).
STAMP_KEY = "sora-desktop-clip"
#: zlib level of a stored last frame: level 1 writes a 1080p frame several times faster
#: than Pillow's default 6 for a slightly larger file; both are lossless.
STORED_COMPRESS_LEVEL = 1


class FrameStopped(Exception):
    """A decode was stopped through its ``stop`` event (the engine shutting down)."""


def to_image(frame: av.VideoFrame) -> Image.Image:
    """A decoded frame as a Pillow RGB image (no numpy needed)."""
    rgb = frame.reformat(format="rgb24")
    plane = rgb.planes[0]
    return Image.frombuffer(
        "RGB", (rgb.width, rgb.height), bytes(plane), "raw", "RGB", plane.line_size, 1
    ).copy()


def _decode_from(
    container: av.container.InputContainer, clip: ClipInfo, at: Fraction
) -> av.video.stream.VideoStream:
    stream = container.streams.video[0]
    stream.codec_context.thread_type = THREAD_TYPE
    if at > clip.video.start:
        container.seek(
            round(at / clip.video.time_base), stream=stream, backward=True, any_frame=False
        )
    return stream


def last_frame(path: Path, *, stop: threading.Event | None = None) -> Image.Image:
    """The last frame ``path`` displays, full resolution (InvalidRequestError otherwise).
    ``stop`` set: the decode ends early with :class:`FrameStopped`."""
    path = Path(path)
    try:
        frame = _last_frame(path, stop)
    except (av.error.FFmpegError, OSError) as exc:
        raise unreadable(path, type(exc).__name__) from None
    if frame is None:
        raise unreadable(path, _("no frame could be decoded"))
    return to_image(frame)


def _last_frame(path: Path, stop: threading.Event | None = None) -> av.VideoFrame | None:
    if not path.is_file():
        probe(path)  # raises the error that names what is wrong
    with open_clip(path, TAIL_OPEN) as container:
        stream = container.streams.video[0] if container.streams.video else None
        length = None if stream is None or not stream.codec_context.width else stream.duration
        if stream is not None and length is not None:
            start = stream.start_time or 0
            tail = _decode_last(container, stream, start + length, stop)
            if tail.trusted or tail.keyframe_dts is None or tail.keyframe_dts <= start:
                return tail.frame
            return _decode_last(container, stream, start, stop).frame  # from the top
    # The header alone doesn't tell (no video, no length): probed, decoded from the top
    clip = probe(path)
    with open_clip(clip.path) as container:
        stream = container.streams.video[0]
        first = round(clip.video.start / clip.video.time_base)
        return _decode_last(container, stream, first, stop).frame


class _Tail:
    """What a decode from one keyframe to the end found."""

    __slots__ = ("frame", "keyframe_dts", "trusted")

    def __init__(
        self, frame: av.VideoFrame | None, keyframe_pts: int | None, keyframe_dts: int | None
    ) -> None:
        self.frame = frame
        self.keyframe_dts = keyframe_dts
        # A frame shown before the keyframe the decode started on (an open GOP's leading
        # picture, which an edit list cut at the end could leave last) may refer to the GOP
        # before: only a frame from the keyframe on is known to be exact
        self.trusted = (
            frame is not None
            and frame.pts is not None
            and keyframe_pts is not None
            and frame.pts >= keyframe_pts
        )


def _decode_last(
    container: av.container.InputContainer,
    stream: av.video.stream.VideoStream,
    at: int,
    stop: threading.Event | None = None,
) -> _Tail:
    """Decode from the keyframe at or before ``at`` (stream ticks) to the end; the frame
    with the highest presentation time wins."""
    codec = stream.codec_context
    if not codec.is_open:  # a second decode (from the top) reuses the open decoder
        codec.thread_type = THREAD_TYPE
    skipping = codec.name in SKIP_NONREF_CODECS
    container.seek(at, stream=stream, backward=True, any_frame=False)
    best: av.VideoFrame | None = None
    key_pts: int | None = None
    key_dts: int | None = None
    started = False
    ahead: deque[av.Packet[av.video.stream.VideoStream]] = deque()

    def feed(
        packet: av.Packet[av.video.stream.VideoStream] | None,
        later: Iterable[av.Packet[av.video.stream.VideoStream]],
    ) -> None:
        nonlocal best
        if skipping:
            codec.skip_frame = (
                "NONREF" if packet is not None and _hidden(packet, later) else "DEFAULT"
            )
        for frame in codec.decode(packet):
            if frame.pts is None:
                continue
            if best is None or best.pts is None or frame.pts >= best.pts:
                best = frame

    for packet in container.demux(stream):
        if packet.size == 0:  # the end: demux hands over an empty packet
            continue
        if stop is not None and stop.is_set():
            raise FrameStopped
        if not started:
            started, key_pts, key_dts = True, packet.pts, packet.dts
        ahead.append(packet)
        if len(ahead) > LOOKAHEAD:
            feed(ahead.popleft(), ahead)
    while ahead:
        feed(ahead.popleft(), ahead)
    feed(None, ())  # drain the decoder's delayed frames
    return _Tail(best, key_pts, key_dts)


def _hidden(
    packet: av.Packet[av.video.stream.VideoStream],
    later: Iterable[av.Packet[av.video.stream.VideoStream]],
) -> bool:
    """Whether ``packet``'s frame can't be the last one shown: a discarded one (outside the
    edit list), or one a packet after it is shown after."""
    if packet.is_discard:
        return True
    if packet.pts is None:
        return False
    return any(q.pts is not None and not q.is_discard and q.pts > packet.pts for q in later)


def frame_at(path: Path, seconds: float) -> Image.Image:
    """The frame shown ``seconds`` after the clip's first frame, full resolution. Past the
    end: the last frame. Negative: InvalidRequestError (``param="at"``)."""
    if not seconds >= 0:
        raise InvalidRequestError(
            _("The time {seconds} is not a position in the clip.").format(seconds=seconds),
            _("Give a time from 0 seconds on."),
            param="at",
        )
    clip = probe(path)
    if Fraction(seconds) >= clip.video.duration:
        return last_frame(path)
    at = clip.video.start + Fraction(seconds)
    tolerance = Fraction(1, 1000)
    shown: av.VideoFrame | None = None
    try:
        with open_clip(clip.path, TAIL_OPEN) as container:  # probed already
            stream = _decode_from(container, clip, at)
            for frame in container.decode(stream):
                if frame.pts is None:
                    continue
                if Fraction(frame.pts) * clip.video.time_base > at + tolerance:
                    if shown is None:
                        shown = frame  # the seek landed after ``at``: the first we have
                    break
                shown = frame
    except (av.error.FFmpegError, OSError) as exc:
        raise unreadable(clip.path, type(exc).__name__) from None
    if shown is None:
        raise unreadable(clip.path, _("no frame could be decoded"))
    return to_image(shown)


def save_png(image: Image.Image, dest: Path) -> Path:
    """Write ``image`` to ``dest`` as PNG, atomically (DiskError when that fails)."""
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    try:
        atomic_write_bytes(Path(dest), buffer.getvalue())
    except OSError as exc:
        raise DiskError(
            _("The picture could not be saved to {path} ({detail}).").format(
                path=dest, detail=exc.strerror or exc
            ),
            _("Check that the folder exists and is writable, and that the disk has space."),
        ) from None
    return Path(dest)


def continuation_image(
    clip: Path, size: str, dest_dir: Path, *, mode: Literal["fit", "crop"] = "crop"
) -> Path:
    """``clip``'s last frame at exactly ``size`` (another shot's), saved as a PNG in
    ``dest_dir`` (content-hash name, like a converted reference image); returns its path."""
    image = fit_image(last_frame_of(clip), size, mode)
    return save_reference_png(image, dest_dir, prefix="last")


def _stamp(clip: Path) -> str:
    """What ties a stored frame to its clip: the clip's name, size and modification time
    (a clip replaced or re-encoded in place no longer matches). OSError when it is gone."""
    info = clip.stat()
    return f"{clip.name}:{info.st_size}:{info.st_mtime_ns}"


class _ClipLock:
    """One clip's lock and how many threads hold or wait for it."""

    __slots__ = ("lock", "users")

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.users = 0


_locks_guard = threading.Lock()
#: Only the clips some thread holds or waits for: an entry goes with its last user, so a
#: long session asking about thousands of clips keeps none of them.
_locks: dict[Path, _ClipLock] = {}


@contextlib.contextmanager
def _clip_lock(clip: Path) -> Iterator[None]:
    """Hold ``clip``'s lock (one thread at a time makes or reads its stored frame)."""
    key = Path(clip).absolute()
    with _locks_guard:
        entry = _locks.get(key)
        if entry is None:
            entry = _locks[key] = _ClipLock()
        entry.users += 1
    try:
        with entry.lock:
            yield
    finally:
        with _locks_guard:
            entry.users -= 1
            if entry.users == 0:
                del _locks[key]


def stored_last_frame(clip: Path, *, pixels: bool = True) -> Image.Image | None:
    """``clip``'s stored last frame while its stamp matches the clip; None otherwise
    (missing, stale, unreadable: the caller decodes). ``pixels=False``: only checked, the
    image returned undecoded (and closed)."""
    clip = Path(clip)
    try:
        stamp = _stamp(clip)
        with Image.open(stored_frame_path(clip), formats=("PNG",)) as stored:
            # text chunks come before the pixels: a stale frame is never decoded
            if not isinstance(stored, PngImagePlugin.PngImageFile):
                return None
            if stored.info.get(STAMP_KEY) != stamp or stored.mode != "RGB":
                return None
            if not pixels:
                return stored
            stored.load()
            return stored.copy()
    except (OSError, ValueError, SyntaxError, Image.DecompressionBombError):
        return None


def _store(clip: Path, image: Image.Image, stamp: str) -> Path:
    """Write ``image`` as ``clip``'s stored last frame, stamped ``stamp``. Atomic; OSError."""
    meta = PngImagePlugin.PngInfo()
    meta.add_text(STAMP_KEY, stamp)
    buffer = io.BytesIO()
    image.save(buffer, "PNG", pnginfo=meta, compress_level=STORED_COMPRESS_LEVEL)
    dest = stored_frame_path(clip)
    make_hidden_dir(dest.parent)  # a dot folder: hidden on Windows too
    atomic_write_bytes(dest, buffer.getvalue())
    return dest


def store_last_frame(clip: Path, *, stop: threading.Event | None = None) -> Path:
    """Decode ``clip``'s last frame and store it beside the clip (nothing is decoded when
    a matching one is there already); returns the stored PNG's path. Raises like
    :func:`last_frame`, :class:`FrameStopped` when ``stop`` is set, OSError when it can't
    be written. Blocking: the engine runs it in the background once a clip is ready."""
    clip = Path(clip)
    with _clip_lock(clip):
        if stored_last_frame(clip, pixels=False) is not None:
            return stored_frame_path(clip)
        try:
            stamp = _stamp(clip)  # before the decode: a clip changed meanwhile won't match
        except OSError:
            probe(clip)  # raises the error that names what is wrong
            raise
        return _store(clip, last_frame(clip, stop=stop), stamp)


def last_frame_of(clip: Path) -> Image.Image:
    """``clip``'s last frame: the stored one when it still matches the clip (a PNG read),
    else decoded (:func:`last_frame`). A decoded one is stored for the next time where the
    engine keeps stored frames already (the clip's folder has ``.last-frames``: a clip
    outside the library gets no folder written beside it); a failed write only costs the
    next caller a decode."""
    clip = Path(clip)
    with _clip_lock(clip):  # the engine may be storing it right now: wait, then read it
        image = stored_last_frame(clip)
        if image is not None:
            return image
        try:
            stamp: str | None = _stamp(clip)
        except OSError:
            stamp = None
        image = last_frame(clip)
        if stamp is not None and stored_frame_path(clip).parent.is_dir():
            with contextlib.suppress(OSError):
                _store(clip, image, stamp)
        return image
