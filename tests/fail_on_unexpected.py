"""A test fails on what the app only logs and carries on from (after qutebrowser's logfail).

- **A log record at WARNING or above** that the test did not declare fails the test, with
  the list of unexpected records. Declare one where it happens with the ``expect_log``
  fixture (the block must log it, like ``pytest.warns``)::

      def test_damaged_settings(expect_log):
          with expect_log("sora_desktop.core.settings", "was damaged"):
              Settings.load(path)

  or, for a record another thread may or may not log at a moment the test can't bracket,
  allow it for the whole test with a marker::

      @pytest.mark.allow_log("sora_desktop.core.jobrunner", "reply lost", level="WARNING")

  A declaration names the logger (its children match too), a regular expression searched
  in the message, and the level (WARNING unless given), which must match exactly: declaring
  a WARNING never hides an ERROR.
- **An exception a listener raises** (:mod:`sora_desktop.core.listeners`: the service's
  job-event fan-out) fails the test with its traceback. The app logs it and carries on.

Records logged during setup or the test are reported as the test's failure; records logged
while tearing down as a teardown error. When the test has already failed, they are added to
its report instead. Loaded by ``tests/conftest.py`` (``pytest_plugins``).
"""

from __future__ import annotations

import logging
import re
import threading
import traceback
from collections.abc import Generator, Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass, field

import pytest

from sora_desktop.core import listeners

__all__ = ["ExpectLog"]

_MIN_LEVEL = logging.WARNING


def _level(level: int | str) -> int:
    if isinstance(level, int):
        return level
    number = logging.getLevelName(level.upper())
    if not isinstance(number, int):
        raise ValueError(f"unknown log level {level!r}")
    return number


@dataclass
class _Declared:
    """A log record the test expects (``expect_log``) or allows (``allow_log``)."""

    logger: str
    match: re.Pattern[str]
    level: int
    seen: list[logging.LogRecord] = field(default_factory=list)

    def matches(self, record: logging.LogRecord) -> bool:
        return (
            record.levelno == self.level
            and (record.name == self.logger or record.name.startswith(self.logger + "."))
            and self.match.search(record.getMessage()) is not None
        )

    def describe(self) -> str:
        return (
            f"{logging.getLevelName(self.level)} on {self.logger!r} matching {self.match.pattern!r}"
        )


def _describe_record(record: logging.LogRecord) -> str:
    text = f"{record.levelname} {record.name} ({record.threadName}): {record.getMessage()}"
    if record.exc_info and record.exc_info[1] is not None:
        text += "\n" + "".join(traceback.format_exception(*record.exc_info)).rstrip()
    return text


class _Collector(logging.Handler):
    """On the root logger for the whole run; records what each test did not declare."""

    def __init__(self) -> None:
        super().__init__(_MIN_LEVEL)
        self._active = False
        self._expected: list[_Declared] = []  # open ``expect_log`` blocks
        self._allowed: list[_Declared] = []  # ``allow_log`` markers of the running test
        self._unexpected: list[logging.LogRecord] = []
        self._listener_errors: list[tuple[str, BaseException, str]] = []
        self._guard = threading.Lock()

    # -- test life ---------------------------------------------------------------------
    def start(self, allowed: list[_Declared]) -> None:
        with self._guard:
            self._active = True
            self._expected = []
            self._allowed = allowed
            self._unexpected = []
            self._listener_errors = []

    def stop(self) -> None:
        with self._guard:
            self._active = False
            self._expected = []
            self._allowed = []

    def take_report(self) -> str | None:
        """What went wrong since the last call (and forget it), or None."""
        with self._guard:
            records, self._unexpected = self._unexpected, []
            errors, self._listener_errors = self._listener_errors, []
        parts: list[str] = []
        if records:
            parts.append(
                f"{len(records)} unexpected log record(s) at WARNING or above "
                "(declare an expected one with the expect_log fixture or the allow_log marker):"
            )
            parts.extend("  " + _describe_record(r).replace("\n", "\n  ") for r in records)
        for what, exc, where in errors:
            parts.append(f"{what} raised {type(exc).__name__}: {exc} (on thread {where}):")
            lines = traceback.format_exception(type(exc), exc, exc.__traceback__)
            parts.append("  " + "".join(lines).rstrip().replace("\n", "\n  "))
        return "\n".join(parts) if parts else None

    # -- expectations ------------------------------------------------------------------
    def open_expectation(self, declared: _Declared) -> None:
        with self._guard:
            self._expected.append(declared)

    def close_expectation(self, declared: _Declared) -> None:
        with self._guard:
            self._expected.remove(declared)

    # -- sinks -------------------------------------------------------------------------
    def emit(self, record: logging.LogRecord) -> None:
        with self._guard:
            if not self._active:
                return
            for declared in (*self._expected, *self._allowed):
                if declared.matches(record):
                    declared.seen.append(record)
                    return
            self._unexpected.append(record)

    def listener_failed(self, exc: BaseException, what: str) -> None:
        with self._guard:
            if not self._active:
                return
            self._listener_errors.append((what, exc, threading.current_thread().name))


_collector = _Collector()


@contextmanager
def _expect(logger: str, match: str, level: int | str) -> Iterator[list[logging.LogRecord]]:
    __tracebackhide__ = True
    declared = _Declared(logger, re.compile(match), _level(level))
    _collector.open_expectation(declared)
    try:
        yield declared.seen
    finally:
        _collector.close_expectation(declared)
    assert declared.seen, f"expected a log record ({declared.describe()}); none was logged"


class ExpectLog:
    """``expect_log(logger, match="", level="WARNING")``: a context manager; the block must
    log at least one matching record, and every matching record counts as expected. The
    block gives the list of matching records."""

    def __call__(
        self, logger: str, match: str = "", level: int | str = logging.WARNING
    ) -> AbstractContextManager[list[logging.LogRecord]]:
        return _expect(logger, match, level)


@pytest.fixture
def expect_log() -> ExpectLog:
    """See the module docstring."""
    return ExpectLog()


def _allowed(item: pytest.Item) -> list[_Declared]:
    allowed = []
    for mark in item.iter_markers("allow_log"):
        logger = mark.args[0] if mark.args else mark.kwargs["logger"]
        match = mark.args[1] if len(mark.args) > 1 else mark.kwargs.get("match", "")
        level = mark.kwargs.get("level", logging.WARNING)
        allowed.append(_Declared(logger, re.compile(match), _level(level)))
    return allowed


# -- hooks ---------------------------------------------------------------------------------


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        "allow_log(logger, match='', level='WARNING'): a log record this test may log "
        "(tests/fail_on_unexpected.py); anything else at WARNING or above fails the test",
    )
    logging.getLogger().addHandler(_collector)
    config.add_cleanup(lambda: logging.getLogger().removeHandler(_collector))
    previous = listeners.set_error_hook(_collector.listener_failed)
    config.add_cleanup(lambda: listeners.set_error_hook(previous))


@pytest.hookimpl(wrapper=True)
def pytest_runtest_setup(item: pytest.Item) -> Generator[None, object, object]:
    _collector.start(_allowed(item))
    try:
        return (yield)
    except BaseException:
        report = _collector.take_report()
        if report:
            item.add_report_section("setup", "unexpected", report)
        raise


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item: pytest.Item) -> Generator[None, object, object]:
    try:
        result = yield
    except BaseException:
        report = _collector.take_report()
        if report:
            item.add_report_section("call", "unexpected", report)
        raise
    report = _collector.take_report()
    if report:
        pytest.fail(report, pytrace=False)
    return result


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item: pytest.Item) -> Generator[None, object, object]:
    try:
        result = yield
    except BaseException:
        report = _collector.take_report()
        if report:
            item.add_report_section("teardown", "unexpected", report)
        raise
    finally:
        _collector.stop()
    report = _collector.take_report()
    if report:
        pytest.fail(report, pytrace=False)
    return result
