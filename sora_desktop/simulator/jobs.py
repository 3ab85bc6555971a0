"""The simulator's job table, its clock and the prompt directives.

A job's status is computed from elapsed time on each request (no thread per job):
``queued`` for the first tenth of the latency, then ``in_progress`` with rising progress,
then ``completed`` once the latency has passed *and* its MP4 is rendered (or ``failed`` when
a directive says so or the render broke).

Prompt directives (anywhere in the prompt; stripped from the text drawn in the clip):

``[sim:moderation]``      the job ends ``failed`` with ``error.code = "moderation_blocked"``
``[sim:fail]``            the job ends ``failed`` with ``error.code = "internal_error"``
``[sim:5xx]``             the create itself answers 500 (no job is registered)
``[sim:5xx=N]``           the job is created; its next N retrieves answer 503
``[sim:429]``, ``=N``     the job is created; its next N (default 1) retrieves answer 429
                          with ``Retry-After: 1`` (and ``retry-after-ms``)
``[sim:drop]``            the job is registered, then the create's connection is closed
                          before any response is sent
``[sim:drop-download]``   the first video download sends half the body, then the connection
                          is reset
``[sim:truncate]``        the first video download promises the full Content-Length, sends
                          all but the last tenth, then closes cleanly
``[sim:notmp4]``          the first video download is a 200 whose body is not an MP4
``[sim:expired]``         the assets expire the moment the job completes (content -> 404)
``[sim:slow=SECONDS]``    this job takes SECONDS instead of the server's latency
``[sim:pad=MB]``          the video asset is the real MP4 followed by MB megabytes inside a
                          trailing ``free`` box (still a valid MP4; for download benchmarks)
``[sim:429-create=N]``    (fal, Replicate, Runway) the first N creates with this prompt answer
                          429 with ``Retry-After: 1``, registering nothing
``[sim:throttled]``       (Runway) the task waits ``THROTTLED`` instead of ``PENDING``

The provider routes (``providers.py``) give the same directives each provider's own shape:
a moderation failure is fal's ``content_policy_violation``, Replicate's flagged output and
Runway's ``SAFETY.INPUT.TEXT``; ``[sim:expired]`` removes fal's and Replicate's result file
the moment the job completes, and makes the first result URL Runway hands out already
expired (a new GET of the task hands out a fresh one, as Runway does).
"""

from __future__ import annotations

import re
import secrets
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass, field
from typing import Any

from sora_desktop.simulator.render import RenderedAssets, RenderSpec

_DIRECTIVE = re.compile(r"\[sim:([a-z0-9-]+)(?:=([0-9.]+))?\]", re.IGNORECASE)

QUEUED_FRACTION = 0.1


@dataclass(slots=True)
class Directives:
    moderation: bool = False
    fail: bool = False
    create_500: bool = False
    polls_503: int = 0
    polls_429: int = 0
    drop: bool = False
    drop_download: bool = False
    truncate: bool = False
    notmp4: bool = False
    expired: bool = False
    slow: float | None = None
    pad_bytes: int = 0
    create_429: int = 0
    throttled: bool = False


def parse_directives(prompt: str) -> tuple[Directives, str]:
    """The directives found in ``prompt`` and the prompt text without them."""
    d = Directives()
    for match in _DIRECTIVE.finditer(prompt):
        name = match.group(1).lower()
        raw = match.group(2)
        number = float(raw) if raw else None
        if name == "moderation":
            d.moderation = True
        elif name == "fail":
            d.fail = True
        elif name == "5xx":
            if number is None:
                d.create_500 = True
            else:
                d.polls_503 = int(number)
        elif name == "429":
            d.polls_429 = int(number) if number is not None else 1
        elif name == "drop":
            d.drop = True
        elif name == "drop-download":
            d.drop_download = True
        elif name == "truncate":
            d.truncate = True
        elif name == "notmp4":
            d.notmp4 = True
        elif name == "expired":
            d.expired = True
        elif name == "slow" and number is not None:
            d.slow = number
        elif name == "pad" and number is not None:
            d.pad_bytes = int(number * 1024 * 1024)
        elif name == "429-create":
            d.create_429 = int(number) if number is not None else 1
        elif name == "throttled":
            d.throttled = True
    text = " ".join(_DIRECTIVE.sub(" ", prompt).split())
    return d, text


#: A render that has not ended this long after it was handed to the pool has hung (a clip
#: takes seconds): the job fails with :data:`RENDER_HUNG` instead of staying at 99% for good.
RENDER_DEADLINE = 600.0
RENDER_HUNG = (
    "The simulator's render of this video did not finish within 10 minutes; generate it again."
)


@dataclass(slots=True)
class SimJob:
    id: str
    seq: int
    model: str
    prompt: str
    size: str
    seconds: int
    spec: RenderSpec
    directives: Directives
    latency: float
    created: float  # unix seconds (float)
    remixed_from: str | None = None
    assets: RenderedAssets | None = None
    rendered_at: float | None = None
    render_error: str | None = None
    future: Future[Any] | None = field(default=None, repr=False)
    #: when this run handed the render to the pool (clock time; not kept across restarts)
    render_started: float | None = None
    downloads: int = 0  # video downloads served (for the first-download faults)
    #: which API made it: "openai" (the Videos API), "fal", "replicate" or "runway"
    dialect: str = "openai"
    #: what a provider job keeps beside (its model id, input, cancel flag, URLs handed out)
    extra: dict[str, Any] = field(default_factory=dict)

    def state(self, now: float) -> tuple[str, int, float | None, dict[str, str] | None]:
        """(status, progress, completed_at, error) at ``now``."""
        elapsed = now - self.created
        if elapsed < self.latency * QUEUED_FRACTION:
            return "queued", 0, None, None
        if elapsed < self.latency:
            progress = int(100 * elapsed / self.latency) if self.latency > 0 else 99
            return "in_progress", max(1, min(99, progress)), None, None
        done_at = self.created + self.latency
        if self.directives.moderation:
            msg = "The request was blocked by the simulator's moderation ([sim:moderation])."
            return "failed", 0, None, {"code": "moderation_blocked", "message": msg}
        if self.directives.fail:
            msg = "The simulator failed this job on purpose ([sim:fail])."
            return "failed", 0, None, {"code": "internal_error", "message": msg}
        if self.render_error is not None:
            return "failed", 0, None, {"code": "internal_error", "message": self.render_error}
        if self.rendered_at is None or self.assets is None:
            if self.render_started is not None and now - self.render_started > RENDER_DEADLINE:
                return "failed", 0, None, {"code": "internal_error", "message": RENDER_HUNG}
            return "in_progress", 99, None, None
        return "completed", 100, max(done_at, self.rendered_at), None

    def expires_at(self, completed_at: float | None, ttl: float) -> float | None:
        if completed_at is None:
            return None
        return completed_at if self.directives.expired else completed_at + ttl

    def is_running(self, now: float) -> bool:
        return self.state(now)[0] in ("queued", "in_progress")

    def finishes_in(self, now: float) -> float:
        return max(0.0, self.created + self.latency - now)


class JobTable:
    """All jobs of one server, guarded by one lock. Deleted jobs are forgotten."""

    def __init__(self, clock: Callable[[], float] = time.time) -> None:
        self.clock = clock
        self.lock = threading.RLock()
        self._jobs: dict[str, SimJob] = {}
        self._seq = 0
        self.created_count = 0
        #: called with (jobs, last sequence number) after every change, to keep the table
        self.on_change: Callable[[list[SimJob], int], None] | None = None
        self._change_lock = threading.Lock()

    def restore(self, jobs: list[SimJob], seq: int) -> None:
        """Put back jobs a previous run kept (not counted as created by this one)."""
        with self.lock:
            for job in jobs:
                self._jobs[job.id] = job
            self._seq = max([seq, *(j.seq for j in jobs)])

    def changed(self) -> None:
        """A job was added, removed or changed: tell ``on_change``. Never call this while
        holding :attr:`lock`. Calls are serialized, so a later state is never overwritten
        by an earlier one."""
        callback = self.on_change
        if callback is None:
            return
        with self._change_lock:
            with self.lock:
                jobs = sorted(self._jobs.values(), key=lambda j: j.seq)
                seq = self._seq
            callback(jobs, seq)

    @staticmethod
    def new_id() -> str:
        return "video_" + secrets.token_hex(16)

    def add(self, job: SimJob) -> None:
        with self.lock:
            self._jobs[job.id] = job
            self.created_count += 1

    def next_seq(self) -> int:
        with self.lock:
            self._seq += 1
            return self._seq

    def get(self, video_id: str) -> SimJob | None:
        with self.lock:
            return self._jobs.get(video_id)

    def remove(self, video_id: str) -> SimJob | None:
        with self.lock:
            return self._jobs.pop(video_id, None)

    def ordered(self, *, descending: bool) -> list[SimJob]:
        with self.lock:
            jobs = sorted(self._jobs.values(), key=lambda j: (j.created, j.seq))
        return list(reversed(jobs)) if descending else jobs

    def running(self, now: float) -> list[SimJob]:
        with self.lock:
            return [j for j in self._jobs.values() if j.is_running(now)]

    def all(self) -> list[SimJob]:
        with self.lock:
            return list(self._jobs.values())
