"""Capped exponential backoff with jitter, where a server hint always wins.

Used between polls of a render and between download attempts. Deterministic under test by
injecting ``rng`` (a callable returning floats in ``[0, 1)``).
"""

from __future__ import annotations

import math
import random
from collections.abc import Callable

#: The longest a server hint may make us wait, in seconds (a buggy header must not stall a job).
MAX_HINT = 300.0
#: The shortest wait, so a ``0`` hint never turns polling into a busy loop.
MIN_DELAY = 0.0


class Backoff:
    """``next_delay`` returns ``initial * 2**n`` capped at ``cap``, spread by ``±jitter``.

    A server hint (``openai-poll-after-ms``, ``Retry-After``) replaces the computed delay,
    clamped to ``[0, MAX_HINT]``, and does not advance the exponent.
    """

    def __init__(
        self,
        initial: float = 2.0,
        cap: float = 20.0,
        jitter: float = 0.2,
        rng: Callable[[], float] = random.random,
    ) -> None:
        if initial < 0 or cap < 0:
            raise ValueError("initial and cap must be >= 0")
        if not 0.0 <= jitter <= 1.0:
            raise ValueError("jitter must be between 0 and 1")
        self.initial = initial
        self.cap = max(cap, initial)
        self.jitter = jitter
        self._rng = rng
        self._attempt = 0

    @property
    def attempts(self) -> int:
        """How many computed (not hinted) delays were handed out since the last reset."""
        return self._attempt

    def next_delay(self, hint: float | None = None) -> float:
        if hint is not None and math.isfinite(hint):
            return min(max(hint, MIN_DELAY), MAX_HINT)
        # 2**n overflows floats past ~1000 attempts; the cap is reached long before.
        exponent = min(self._attempt, 60)
        self._attempt += 1
        base = min(self.initial * (2.0**exponent), self.cap)
        spread = base * self.jitter * (2.0 * self._rng() - 1.0)
        return max(MIN_DELAY, min(base + spread, self.cap * (1.0 + self.jitter)))

    def reset(self) -> None:
        self._attempt = 0
