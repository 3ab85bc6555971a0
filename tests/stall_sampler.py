"""Where did the GUI thread spend a stall? A sampler for the heartbeat tests.

A daemon thread wakes every few milliseconds; whenever the watched thread (the GUI thread) has
not beaten for more than ``threshold_ms``, it takes that thread's Python stack
(``sys._current_frames()``) as plain ``(file, line, function)`` tuples, cheap enough not to
stall the thread it watches. At the next beat the samples of that gap are filed under the
beat, and the worst beats (by the stall the heartbeat measured) are kept with their stacks::

    sampler = StallSampler(threading.get_ident())
    sampler.start()
    ...                      # on the GUI thread, at each beat:
    sampler.beat(index, stall_ms)
    ...
    sampler.stop()
    print(sampler.describe(sampler.worst()[0]))

A stack is what the GUI thread was running while it did not answer: a Python function, or the
Python frame that called into Qt (C++ work shows as its caller). Beside it, each sample notes
what the other Python threads were running (their innermost frames): a GUI thread waiting for
the GIL shows its caller's frame, and the thread that held the GIL is among the others. The
heartbeat may pass the GUI thread's CPU time over the gap to :meth:`StallSampler.beat`: a gap
spent on the CPU is work on the GUI thread (Python or C++), a gap off it is a wait (the GIL, a
lock, the disk, another thread). The sampler needs the GIL for a few microseconds per sample;
it never changes what the heartbeat measures.
"""

from __future__ import annotations

import sys
import threading
import time
from collections import Counter, deque
from dataclasses import dataclass, field
from pathlib import Path
from types import FrameType

#: one frame: (file, line, function)
Frame = tuple[str, int, str]
#: a stack, outermost frame first
Stack = tuple[Frame, ...]
#: another thread at a sample: (its name, its innermost frames, outermost first)
Other = tuple[str, Stack]

_MAX_DEPTH = 60
_OTHER_DEPTH = 3


def _stack(frame: FrameType | None, depth: int = _MAX_DEPTH) -> Stack:
    frames: list[Frame] = []
    while frame is not None and len(frames) < depth:
        code = frame.f_code
        frames.append((code.co_filename, frame.f_lineno, code.co_name))
        frame = frame.f_back
    frames.reverse()
    return tuple(frames)


def _short(stack: Stack) -> str:
    """A few frames on one line, the innermost first."""
    return " < ".join(f"{Path(file).name}:{line} {name}" for file, line, name in stack[::-1])


@dataclass
class SampledBeat:
    """A beat that came late: its index, the stall the heartbeat measured, and the watched
    thread's stacks sampled while it was awaited (each with how often it was seen)."""

    index: int
    stall_ms: float
    samples: list[Stack] = field(default_factory=list)
    #: the other threads at each sample
    others: list[tuple[Other, ...]] = field(default_factory=list)
    #: the GUI thread's CPU time over the gap, when the heartbeat measured it
    cpu_ms: float | None = None
    #: the gap's start and end (``time.perf_counter()``)
    span: tuple[float, float] = (0.0, 0.0)

    def stacks(self) -> list[tuple[Stack, int]]:
        """Distinct stacks, the most often sampled first."""
        return Counter(self.samples).most_common()

    def other_threads(self) -> list[tuple[Other, int]]:
        """What the other threads were running, the most often sampled first."""
        return Counter(other for sample in self.others for other in sample).most_common()


class StallSampler:
    """Samples ``thread_ident``'s stack while its beats are more than ``threshold_ms`` apart;
    keeps the ``keep`` worst beats. :meth:`beat` is called by the watched thread."""

    def __init__(
        self,
        thread_ident: int,
        *,
        threshold_ms: float = 30.0,
        interval_ms: float = 5.0,
        keep: int = 5,
    ) -> None:
        self._target = thread_ident
        self._threshold = threshold_ms / 1000
        self._interval = interval_ms / 1000
        self._keep = keep
        self._lock = threading.Lock()
        self._last_beat = time.perf_counter()
        self._pending: list[tuple[Stack, tuple[Other, ...]]] = []  # since the last beat
        self._worst: list[SampledBeat] = []
        #: when the sampler itself could not run (start, end, the other threads right after):
        #: a thread held the GIL meanwhile, and is most likely among them
        self._starved: deque[tuple[float, float, tuple[Other, ...]]] = deque(maxlen=200)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="stall-sampler", daemon=True)

    def start(self) -> None:
        self._last_beat = time.perf_counter()
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join(timeout=5)

    @property
    def running(self) -> bool:
        return self._thread.is_alive()

    def beat(self, index: int, stall_ms: float, cpu_ms: float | None = None) -> None:
        """The watched thread answered: file the stacks sampled since its last beat (with
        its CPU time over the gap, if known)."""
        with self._lock:
            started, self._last_beat = self._last_beat, time.perf_counter()
            samples, self._pending = self._pending, []
        if not samples and stall_ms <= self._threshold * 1000:
            return
        # a late beat without samples is kept too: the sampler could not run meanwhile
        self._worst.append(
            SampledBeat(
                index,
                stall_ms,
                [stack for stack, _others in samples],
                [others for _stack, others in samples],
                cpu_ms,
                (started, self._last_beat),
            )
        )
        self._worst.sort(key=lambda b: b.stall_ms, reverse=True)
        del self._worst[self._keep :]

    def clear(self) -> None:
        """Forget the beats so far (the heartbeat counts its beats from 0 again)."""
        with self._lock:
            self._pending = []
        self._worst.clear()
        self._starved.clear()

    def worst(self) -> list[SampledBeat]:
        """The worst sampled beats, the worst first."""
        return list(self._worst)

    def find(self, index: int) -> SampledBeat | None:
        return next((b for b in self._worst if b.index == index), None)

    def describe(self, beat: SampledBeat | None, *, stacks: int = 3, others: int = 6) -> str:
        """The beat's stacks as text, the most sampled first (at most ``stacks`` of them),
        then what the other threads were running (at most ``others`` lines)."""
        if beat is None:
            return "no stack sampled for that beat"
        cpu = "" if beat.cpu_ms is None else f", the GUI thread on the CPU {beat.cpu_ms:.1f} ms"
        lines = [
            f"beat {beat.index}: stall {beat.stall_ms:.1f} ms{cpu}; "
            f"{len(beat.samples)} samples of the GUI thread's stack "
            f"(every {self._interval * 1000:.0f} ms past {self._threshold * 1000:.0f} ms)"
        ]
        if not beat.samples:
            lines.append(
                "  no sample: the sampler thread could not run meanwhile (the GIL held all "
                "along, by the GUI thread in C++ or by another thread, or no CPU for it)"
            )
        distinct = beat.stacks()
        for stack, count in distinct[:stacks]:
            lines.append(f"  seen {count}x, innermost last:")
            lines.extend(f"    {file}:{line} in {name}" for file, line, name in stack)
        if len(distinct) > stacks:
            lines.append(f"  ... and {len(distinct) - stacks} other stacks")
        start, end = beat.span
        for since, until, threads in list(self._starved):
            if since < end + self._threshold and until > start:
                lines.append(
                    f"  the sampler could not run for {(until - since) * 1000:.0f} ms (a thread "
                    "held the GIL, or the machine gave it no CPU); right after, the threads were:"
                )
                lines.extend(f"    {thread}: {_short(stack)}" for thread, stack in threads)
        running = beat.other_threads()
        if running:
            lines.append("  the other threads meanwhile (innermost frame first):")
        for (thread, stack), count in running[:others]:
            lines.append(f"    {count}x {thread}: {_short(stack)}")
        return "\n".join(lines)

    def _others(self, frames: dict[int, FrameType]) -> tuple[Other, ...]:
        names = {t.ident: t.name for t in threading.enumerate()}
        return tuple(
            sorted(
                (names.get(ident, str(ident)), _stack(frame, _OTHER_DEPTH))
                for ident, frame in frames.items()
                if ident not in (self._target, threading.get_ident())
            )
        )

    def _run(self) -> None:
        woke = time.perf_counter()
        while not self._stop.wait(self._interval):
            slept, woke = woke, time.perf_counter()
            if woke - slept - self._interval > self._threshold:
                frames = sys._current_frames()
                self._starved.append((slept, woke, self._others(frames)))
                del frames
            with self._lock:
                late = woke - self._last_beat > self._threshold
            if not late:
                continue
            frames = sys._current_frames()
            stack = _stack(frames.get(self._target))
            others = self._others(frames)
            del frames
            with self._lock:
                # a beat may have come in between: these samples would then belong to the
                # next gap, which is only filed if it is late too
                if time.perf_counter() - self._last_beat > self._threshold:
                    self._pending.append((stack, others))


__all__ = ["SampledBeat", "Stack", "StallSampler"]
