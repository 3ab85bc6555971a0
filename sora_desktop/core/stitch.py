"""Stitch clips into one film with PyAV: a stream copy when they can share one, else a re-encode.

**Copy or re-encode.** The clips are copied packet by packet, without decoding, when every
clip has what the first one has: the same video codec, profile, size, pixel format and
frame rate, the same codec extradata (for H.264 its SPS/PPS, which an MP4 stores once for
the whole track), and either no sound in any clip or sound with the same codec, sample rate
and channels. Otherwise every clip is decoded and the film re-encoded to the first clip's
parameters (:mod:`.stitch_encode`); the result says so and why. With ``copy_only`` such
clips are refused before anything is written. A crossfade always re-encodes (see
:mod:`.stitch_encode` for what it does).

**Timing.** Shot *k* starts where the video of the shots before it ends (their video
lengths added up); each packet keeps its place relative to its own clip's first video frame,
so sound and picture stay together within a shot. At each join the sound is made
contiguous: an audio packet that would mostly overlap sound already written (AAC's priming
packet of the next clip, a clip's sound running past its picture) is left out, a gap of more
than half a packet is filled with encoded silence, so at every join the sound is within half
an audio packet (about 11 ms at 48 kHz) of the picture and no error adds up over many shots.

**Output.** The film is written to a temporary file in the target folder and published with
``os.replace`` only when complete (fsynced): a refused, failed or cancelled stitch leaves
no file behind.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from pathlib import Path
from typing import Protocol

import av
import av.error

from sora_desktop.core.atomic import atomic_output
from sora_desktop.core.clipinfo import COPY_OPEN, ClipInfo, open_clip, probe
from sora_desktop.core.errors import CancelledByUser, DiskError, InvalidRequestError
from sora_desktop.core.i18n import _

#: (seconds of the film written, seconds in all)
ProgressCallback = Callable[[float, float], None]

#: Output formats by file suffix.
FORMATS: dict[str, str] = {".mp4": "mp4", ".m4v": "mp4", ".mov": "mov"}


class CancelFlag(Protocol):
    """What the stitcher polls between packets: a ``threading.Event`` will do."""

    def is_set(self) -> bool: ...


@dataclass(frozen=True, slots=True)
class ShotSpan:
    """Where one clip landed in the film (seconds)."""

    path: Path
    start: float
    duration: float


@dataclass(frozen=True, slots=True)
class StitchResult:
    path: Path
    copied: bool  # True: stream copy, nothing re-encoded
    duration: float  # seconds
    shots: tuple[ShotSpan, ...]
    #: why the film was re-encoded (empty for a copy), one line per reason
    reasons: tuple[str, ...] = ()
    crossfade: float = 0.0

    def summary(self) -> str:
        """One line for the creator: what was done."""
        if self.copied:
            return _("Joined {count} clips without re-encoding.").format(count=len(self.shots))
        return _("Joined {count} clips, re-encoded to the first clip's format: {why}").format(
            count=len(self.shots), why=" ".join(self.reasons)
        )


@dataclass(frozen=True, slots=True)
class StitchPlan:
    """The clips as probed and what stitching them needs (no file written yet)."""

    clips: tuple[ClipInfo, ...]
    reasons: tuple[str, ...] = field(default=())  # why a copy is impossible
    crossfade: float = 0.0

    @property
    def can_copy(self) -> bool:
        return not self.reasons and self.crossfade == 0


# ------------------------------------------------------------------------- planning


def _label(index: int, clip: ClipInfo) -> str:
    return _("clip {number} ({name})").format(number=index + 1, name=clip.path.name)


def copy_blockers(first: ClipInfo, other: ClipInfo, index: int) -> list[str]:
    """Why ``other`` (clip number ``index + 1``) can't be stream-copied after ``first``."""
    a, b = first.video, other.video
    who = _label(index, other)
    out: list[str] = []

    def differs(what: str, mine: object, theirs: object) -> None:
        out.append(
            _("{clip} has {what} {theirs}, the first clip {mine}.").format(
                clip=who, what=what, theirs=theirs, mine=mine
            )
        )

    if a.codec != b.codec:
        differs(_("video codec"), a.codec, b.codec)
    elif a.profile != b.profile:
        differs(_("video profile"), a.profile, b.profile)
    if (a.width, a.height) != (b.width, b.height):
        differs(_("size"), a.size, b.size)
    if a.pix_fmt != b.pix_fmt:
        differs(_("pixel format"), a.pix_fmt, b.pix_fmt)
    if a.frame_rate != b.frame_rate:
        differs(_("frame rate"), _fps(a.frame_rate), _fps(b.frame_rate))
    if not out and a.extradata != b.extradata:
        out.append(
            _("{clip} was encoded with other settings (its codec parameters differ).").format(
                clip=who
            )
        )
    fa, fb = first.audio, other.audio
    if (fa is None) != (fb is None):
        out.append(
            _("{clip} has sound and the first clip none.").format(clip=who)
            if fb is not None
            else _("{clip} has no sound and the first clip has.").format(clip=who)
        )
    elif fa is not None and fb is not None:
        if fa.codec != fb.codec:
            differs(_("audio codec"), fa.codec, fb.codec)
        if fa.sample_rate != fb.sample_rate:
            differs(_("sample rate"), f"{fa.sample_rate} Hz", f"{fb.sample_rate} Hz")
        if fa.channels != fb.channels:
            differs(_("audio channels"), fa.channels, fb.channels)
        if fa.codec == fb.codec and fa.extradata != fb.extradata and len(out) == 0:
            out.append(_("{clip} has sound encoded with other settings.").format(clip=who))
    return out


def _fps(rate: Fraction) -> str:
    return f"{float(rate):.3f}".rstrip("0").rstrip(".") + " fps"


def _probe_each(clips: Sequence[Path]) -> tuple[ClipInfo, ...]:
    """Each clip probed once per plan: a clip listed again (a shot used twice) is not
    probed again while its file is the same (path, size and modification time)."""
    probed: dict[tuple[Path, int, int], ClipInfo] = {}
    infos = []
    for clip in clips:
        path = Path(clip)
        try:
            stat = path.stat()
        except OSError:
            infos.append(probe(path))  # names what is wrong (missing, unreadable)
            continue
        key = (path, stat.st_size, stat.st_mtime_ns)
        info = probed.get(key)
        if info is None:
            info = probed[key] = probe(path)
        infos.append(info)
    return tuple(infos)


def plan_stitch(clips: Sequence[Path], *, crossfade: float = 0.0) -> StitchPlan:
    """Probe every clip and decide copy or re-encode. Refuses (InvalidRequestError) no
    clips, a missing or unreadable clip, and a crossfade longer than half a clip."""
    if not clips:
        raise InvalidRequestError(
            _("There are no clips to join."), _("Give at least one clip."), param="clips"
        )
    infos = _probe_each(clips)
    if crossfade < 0 or crossfade != crossfade:
        raise InvalidRequestError(
            _("The crossfade can't be negative."), _("Give 0 or more seconds."), param="crossfade"
        )
    if crossfade > 0:
        shortest = min(float(c.duration) for c in infos)
        if len(infos) > 1 and crossfade > shortest / 2:
            raise InvalidRequestError(
                _(
                    "A {seconds:g} s crossfade is too long: the shortest clip lasts "
                    "{shortest:.2f} s."
                ).format(seconds=crossfade, shortest=shortest),
                _("Use at most half the shortest clip's length."),
                param="crossfade",
            )
        if len(infos) == 1:
            crossfade = 0.0
    first = infos[0]
    reasons: list[str] = []
    for index, clip in enumerate(infos[1:], start=1):
        reasons += copy_blockers(first, clip, index)
    return StitchPlan(clips=infos, reasons=tuple(reasons), crossfade=crossfade)


def _out_format(out: Path) -> str:
    fmt = FORMATS.get(out.suffix.lower())
    if fmt is None:
        raise InvalidRequestError(
            _("The film must be an .mp4 or .mov file ({name!r}).").format(name=out.name),
            _("Name the output file with .mp4 at the end."),
            param="out",
        )
    return fmt


def _check_target(out: Path, plan: StitchPlan, *, overwrite: bool) -> None:
    if not overwrite and out.exists():
        raise InvalidRequestError(
            _("{name!r} already exists.").format(name=out.name),
            _("Choose another file name, or allow replacing it."),
            param="out",
        )
    resolved = out.resolve()
    for clip in plan.clips:
        if clip.path.resolve() == resolved:
            raise InvalidRequestError(
                _("The film can't replace one of its own clips ({name!r}).").format(name=out.name),
                _("Choose another file name."),
                param="out",
            )
    if not out.parent.is_dir():
        raise DiskError(
            _("The folder {folder} does not exist.").format(folder=out.parent),
            _("Create it first, or choose another folder."),
        )


# ------------------------------------------------------------------------- stitching


def stitch(
    clips: Sequence[Path],
    out: Path,
    *,
    crossfade: float = 0.0,
    copy_only: bool = False,
    overwrite: bool = False,
    on_progress: ProgressCallback | None = None,
    cancel: CancelFlag | None = None,
    preset: str = "veryfast",
    reencode: bool = False,
) -> StitchResult:
    """Join ``clips`` (in order) into the film ``out`` (.mp4/.mov). Blocking: run it on a
    worker thread. ``preset`` is libx264's for a re-encode; ``reencode`` re-encodes even
    clips that could be copied.

    Raises InvalidRequestError (bad input; with ``copy_only``, clips that need a
    re-encode, each reason listed), DiskError (can't write), CancelledByUser (``cancel`` was
    set). In every one of these cases no output file is left behind.
    """
    out = Path(out)
    fmt = _out_format(out)
    plan = plan_stitch(clips, crossfade=crossfade)
    if copy_only and not plan.can_copy:
        reasons = plan.reasons or (_("A crossfade needs the film to be re-encoded."),)
        raise InvalidRequestError(
            _("These clips can't be joined without re-encoding: {why}").format(
                why=" ".join(reasons)
            ),
            _("Leave out the clips that differ, or allow re-encoding."),
            param="copy_only",
        )
    if reencode and plan.can_copy:
        plan = dataclasses.replace(plan, reasons=(_("Re-encoding was asked for."),))
    _check_target(out, plan, overwrite=overwrite)
    total = sum(float(c.duration) for c in plan.clips) - plan.crossfade * (len(plan.clips) - 1)
    progress = _Progress(on_progress, total)
    try:
        with atomic_output(out) as tmp:
            if plan.can_copy:
                shots = _copy(plan, tmp, fmt, progress, cancel)
            else:
                from sora_desktop.core.stitch_encode import encode

                shots = encode(plan, tmp, fmt, progress, cancel, preset=preset)
    except (CancelledByUser, InvalidRequestError, DiskError):
        raise
    except OSError as exc:
        raise DiskError(
            _("The film could not be written to {folder} ({detail}).").format(
                folder=out.parent, detail=exc.strerror or exc
            ),
            _("Check that the folder is writable and the disk has space."),
        ) from None
    except av.error.FFmpegError as exc:
        raise InvalidRequestError(
            _("The clips could not be joined ({detail}).").format(detail=exc),
            _("Check the clips: one of them may be damaged."),
            param="clips",
        ) from None
    progress.done()
    return StitchResult(
        path=out,
        copied=plan.can_copy,
        duration=total,
        shots=shots,
        reasons=plan.reasons if plan.crossfade == 0 else (*plan.reasons, _crossfade_reason()),
        crossfade=plan.crossfade,
    )


def _crossfade_reason() -> str:
    return _("A crossfade needs the film to be re-encoded.")


class _Progress:
    """Calls back at most every 0.5 % of the film (and once at the end)."""

    def __init__(self, callback: ProgressCallback | None, total: float) -> None:
        self._callback = callback
        self._total = max(total, 1e-9)
        self._step = self._total / 200
        self._last = -1.0

    def __call__(self, seconds: float) -> None:
        if self._callback is not None and seconds - self._last >= self._step:
            self._last = seconds
            self._callback(min(seconds, self._total), self._total)

    def done(self) -> None:
        if self._callback is not None:
            self._callback(self._total, self._total)


def check_cancel(cancel: CancelFlag | None) -> None:
    if cancel is not None and cancel.is_set():
        raise CancelledByUser(_("Stitching was cancelled; no film was written."))


def _ticks(seconds: Fraction, time_base: Fraction) -> int:
    return round(seconds / time_base)


def _rescaler(src: Fraction, shift: Fraction, dst: Fraction) -> Callable[[int], int]:
    """``x`` ticks of ``src`` plus ``shift`` seconds, as ticks of ``dst`` (rounded). Plain
    integer arithmetic when that is exact (the usual case: the same time base, shot starts
    on whole ticks); Fractions cost about 1 s per 10 clips of 8 s."""
    scale, offset = src / dst, shift / dst
    if scale.denominator == 1 and offset.denominator == 1:
        k, b = scale.numerator, offset.numerator
        return lambda x: x * k + b
    return lambda x: round(x * scale + offset)


class _Silence:
    """Encoded AAC silence with the film's sample rate and channels (fills sound gaps)."""

    def __init__(self, stream: av.AudioStream) -> None:
        cc = stream.codec_context
        self.rate = cc.sample_rate
        self.layout = cc.layout.name
        self._packets: list[bytes] = []

    def packet(self) -> bytes:
        if not self._packets:
            encoder = av.AudioCodecContext.create("aac", "w")
            encoder.sample_rate = self.rate
            encoder.layout = self.layout
            encoder.format = "fltp"
            encoder.time_base = Fraction(1, self.rate)
            encoder.open()
            frames = []
            for index in range(4):
                frame = av.AudioFrame(format="fltp", layout=self.layout, samples=1024)
                for plane in frame.planes:
                    plane.update(bytes(plane.buffer_size))
                frame.sample_rate = self.rate
                frame.pts = index * 1024
                frames += encoder.encode(frame)
            frames += encoder.encode(None)
            self._packets = [bytes(p) for p in frames[1:] if p.size]  # past the priming one
        return self._packets[-1]


def _copy(
    plan: StitchPlan,
    tmp: Path,
    fmt: str,
    progress: Callable[[float], None],
    cancel: CancelFlag | None,
) -> tuple[ShotSpan, ...]:
    """The stream copy (see the module's docstring for the timing rules). Times are kept
    as integer ticks of the film's video and audio time bases."""
    shots: list[ShotSpan] = []
    with av.open(str(tmp), mode="w", format=fmt) as output:
        start = Fraction(0)  # where the current clip starts in the film (seconds)
        ov: av.VideoStream | None = None
        oa: av.AudioStream | None = None
        vtb = atb = Fraction(1, 90000)
        last_vdts: int | None = None
        audio_clock: int | None = None  # end of the sound written so far (ticks of atb)
        silence: _Silence | None = None
        fill = 0  # one silence packet's length (ticks of atb)
        for clip in plan.clips:
            end = start + clip.duration
            with open_clip(clip.path, COPY_OPEN) as source:
                vs = source.streams.video[0]
                ast = source.streams.audio[0] if clip.audio is not None else None
                if ov is None:
                    ov = output.add_stream_from_template(vs)
                    vtb = clip.video.time_base
                    if ast is not None:
                        oa = output.add_stream_from_template(ast)
                        assert clip.audio is not None
                        atb = clip.audio.time_base
                        silence = _Silence(oa)
                        fill = _ticks(Fraction(1024, silence.rate), atb)
                shift = start - clip.video.start  # film time = clip time + shift
                v_time = _rescaler(clip.video.time_base, shift, vtb)
                v_length = _rescaler(clip.video.time_base, Fraction(0), vtb)
                vtb_seconds = float(vtb)
                src_atb = clip.audio.time_base if clip.audio is not None else atb
                a_time = _rescaler(src_atb, shift, atb)
                a_length = _rescaler(src_atb, Fraction(0), atb)
                end_ticks = _ticks(end, atb)
                bump = 0  # ticks this clip's video is held back to keep DTS increasing
                streams = [vs] if ast is None else [vs, ast]
                for packet in source.demux(streams):
                    if packet.size == 0 or packet.pts is None:
                        continue
                    check_cancel(cancel)
                    if packet.stream is vs:
                        pts = v_time(packet.pts) + bump
                        dts = v_time(packet.dts if packet.dts is not None else packet.pts) + bump
                        if last_vdts is not None and dts <= last_vdts:
                            extra = last_vdts + 1 - dts
                            bump += extra
                            pts += extra
                            dts += extra
                        last_vdts = dts
                        packet.pts, packet.dts = pts, dts
                        packet.duration = v_length(packet.duration or 0)
                        packet.time_base = vtb
                        packet.stream = ov
                        output.mux_one(packet)
                        progress((pts - bump) * vtb_seconds)
                        continue
                    assert oa is not None and silence is not None
                    when = a_time(packet.pts)
                    length = a_length(packet.duration or 0)
                    if audio_clock is None:
                        audio_clock = when
                    # mostly past this shot's picture, or over sound already out: left out
                    if 2 * when + length > 2 * end_ticks or 2 * when + length < 2 * audio_clock:
                        continue
                    while 2 * (when - audio_clock) > length:  # a gap: fill it with silence
                        filler = av.Packet(silence.packet())
                        filler.pts = filler.dts = audio_clock
                        filler.duration = fill
                        filler.time_base = atb
                        filler.stream = oa
                        output.mux_one(filler)
                        audio_clock += fill
                    packet.pts = packet.dts = audio_clock
                    packet.duration = length
                    packet.time_base = atb
                    packet.stream = oa
                    output.mux_one(packet)
                    audio_clock += length
            shots.append(ShotSpan(clip.path, float(start), float(clip.duration)))
            start = end
    return tuple(shots)
