"""Calling listeners, and the one place a listener's exception goes.

A fan-out (the service telling its listeners about a job event, say) must not stop because
one listener is broken: the next listener still hears of the change, and the job the change
belongs to carries on. So :func:`notify` catches what a listener raises and hands it to
:func:`listener_failed`, which logs it with its traceback.

Tests make that hook fatal (``tests/conftest.py`` installs one with :func:`set_error_hook`
that records the exception and fails the test), so a broken listener can't hide behind a
log line there.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from typing import TypeVar

__all__ = ["ErrorHook", "listener_failed", "notify", "set_error_hook"]

log = logging.getLogger(__name__)

T = TypeVar("T")

#: ``hook(exc, what)``: ``what`` names the fan-out ("a job listener").
ErrorHook = Callable[[BaseException, str], None]


def _log_and_carry_on(exc: BaseException, what: str) -> None:
    log.error("%s failed", what, exc_info=(type(exc), exc, exc.__traceback__))


_hook: ErrorHook = _log_and_carry_on


def set_error_hook(hook: ErrorHook | None) -> ErrorHook:
    """Send listener exceptions to ``hook`` (``None``: back to logging them). Returns the
    hook that was in place, so a caller can put it back."""
    global _hook
    previous = _hook
    _hook = hook if hook is not None else _log_and_carry_on
    return previous


def listener_failed(exc: BaseException, what: str) -> None:
    """Report an exception a listener raised (the caller carries on with the next one)."""
    _hook(exc, what)


def notify(listeners: Iterable[Callable[[T], None]], value: T, *, what: str) -> None:
    """Call every listener with ``value``; one that raises is reported, the rest still run.

    Iterates over a copy, so a listener may unsubscribe itself (or another) while called."""
    for listener in list(listeners):
        try:
            listener(value)
        except Exception as exc:
            listener_failed(exc, what)
