"""The strictness plugin (tests/fail_on_unexpected.py), run on a small test file of its own
in a separate pytest, so its failures don't fail this run."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

_INNER = """
import logging
import threading

import pytest

from sora_desktop.core.listeners import notify

log = logging.getLogger("sora_desktop.demo")


def test_unexpected_warning():
    log.warning("disk %s is full", "D:")


def test_info_and_debug_are_fine():
    log.info("all good")
    log.debug("details")


def test_expected_warning(expect_log):
    with expect_log("sora_desktop", "is full") as seen:
        log.warning("disk %s is full", "D:")
    assert [r.getMessage() for r in seen] == ["disk D: is full"]


def test_expectation_not_met(expect_log):
    with expect_log("sora_desktop.demo", "is full"):
        log.warning("something else")


def test_a_declared_warning_does_not_hide_an_error(expect_log):
    with expect_log("sora_desktop.demo"):
        log.warning("declared")
        log.error("not declared")


def test_warning_from_another_thread():
    t = threading.Thread(target=lambda: log.warning("from a thread"), name="worker-1")
    t.start()
    t.join()


@pytest.mark.allow_log("sora_desktop.demo", "maybe", level="WARNING")
def test_allowed_by_marker():
    t = threading.Thread(target=lambda: log.warning("maybe lost"))
    t.start()
    t.join()


def test_listener_exception():
    heard = []

    def broken(value):
        raise ValueError(f"listener broke on {value}")

    notify([broken, heard.append], 7, what="a job listener")
    assert heard == [7]  # the next listener still ran


@pytest.fixture
def noisy_teardown():
    yield
    log.warning("closing went wrong")


def test_warning_while_tearing_down(noisy_teardown):
    pass


def test_own_failure_comes_first():
    log.warning("also unexpected")
    assert 1 == 2
"""


@pytest.fixture(scope="module")
def outcome(tmp_path_factory: pytest.TempPathFactory) -> str:
    folder = tmp_path_factory.mktemp("inner")
    (folder / "test_inner.py").write_text(_INNER, encoding="utf-8")
    (folder / "pytest.ini").write_text("[pytest]\n", encoding="utf-8")
    path = os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))
    env = {**os.environ, "PYTHONPATH": path}
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-p",
            "tests.fail_on_unexpected",
            "-p",
            "no:cacheprovider",
            "-p",
            "no:qt",
            "-rA",
            "test_inner.py",
        ],
        cwd=folder,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    return proc.stdout + proc.stderr


def _result(outcome: str, name: str) -> str:
    found = re.findall(rf"^(PASSED|FAILED|ERROR) test_inner\.py::{name}\b", outcome, re.M)
    assert found, f"{name} not in the summary:\n{outcome}"
    return " ".join(found)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("test_unexpected_warning", "FAILED"),
        ("test_info_and_debug_are_fine", "PASSED"),
        ("test_expected_warning", "PASSED"),
        ("test_expectation_not_met", "FAILED"),
        ("test_a_declared_warning_does_not_hide_an_error", "FAILED"),
        ("test_warning_from_another_thread", "FAILED"),
        ("test_allowed_by_marker", "PASSED"),
        ("test_listener_exception", "FAILED"),
        ("test_warning_while_tearing_down", "PASSED ERROR"),
        ("test_own_failure_comes_first", "FAILED"),
    ],
)
def test_outcomes(outcome: str, name: str, expected: str) -> None:
    assert _result(outcome, name) == expected, outcome


def test_failure_messages_list_the_records(outcome: str) -> None:
    assert "1 unexpected log record(s) at WARNING or above" in outcome
    assert "WARNING sora_desktop.demo (MainThread): disk D: is full" in outcome
    assert "WARNING sora_desktop.demo (worker-1): from a thread" in outcome
    assert "ERROR sora_desktop.demo (MainThread): not declared" in outcome
    assert "expected a log record (WARNING on 'sora_desktop.demo' matching 'is full')" in outcome
    assert "a job listener raised ValueError: listener broke on 7" in outcome
    assert "WARNING sora_desktop.demo (MainThread): closing went wrong" in outcome


def test_a_test_that_failed_anyway_keeps_its_own_error(outcome: str) -> None:
    section = outcome.split("_ test_own_failure_comes_first _", 1)[1]
    assert "assert 1 == 2" in section
    assert "also unexpected" in section  # attached to the report, not replacing the error


def test_an_xfail_that_passes_fails_the_run(request: pytest.FixtureRequest) -> None:
    """``xfail_strict``: a test marked xfail that passes is reported as a failure, so a fixed
    bug's mark can't stay behind (and a mark can't hide a test that no longer tests)."""
    assert request.config.getini("xfail_strict") is True
