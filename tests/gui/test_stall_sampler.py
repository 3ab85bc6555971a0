"""The heartbeat's stall sampler (tests/stall_sampler.py) says where a stall was spent:
a deliberate 200 ms sleep on the GUI thread is found, named, and put in the failure message."""

from __future__ import annotations

import re
import threading
import time

import pytest
from PySide6.QtCore import QTimer
from pytestqt.qtbot import QtBot

from tests.gui.test_heartbeat import _assert_no_stall, _Heartbeat


def _deliberately_blocking_the_gui_thread() -> None:
    time.sleep(0.2)


def test_the_sampler_names_the_function_that_blocked_the_gui_thread(qtbot: QtBot) -> None:
    heartbeat = _Heartbeat()
    try:
        qtbot.waitUntil(lambda: len(heartbeat.gaps) >= 5, timeout=10_000)
        QTimer.singleShot(0, _deliberately_blocking_the_gui_thread)
        qtbot.waitUntil(lambda: max(heartbeat.gaps) >= 190, timeout=10_000)
        # enough beats for a measure (_assert_no_stall wants more than 50)
        qtbot.waitUntil(lambda: len(heartbeat.gaps) > 50, timeout=20_000)
    finally:
        heartbeat.stop()
    assert not heartbeat.sampler.running  # stopped with the heartbeat

    beats = heartbeat.beats()
    worst = beats.stalls.index(max(beats.stalls))
    sampled = heartbeat.sampler.find(worst)
    assert sampled is not None, "the 200 ms stall was not sampled"
    # sampled every 5 ms once 30 ms late: dozens on a quiet machine, a few at least under load
    assert len(sampled.samples) >= 5
    stack, _count = sampled.stacks()[0]
    file, _line, function = stack[-1]  # the innermost Python frame: time.sleep is C
    assert function == "_deliberately_blocking_the_gui_thread"
    assert file == __file__
    assert "_deliberately_blocking_the_gui_thread" in beats.where

    # a heartbeat test over the bound says where the time went
    with pytest.raises(AssertionError, match="_deliberately_blocking_the_gui_thread"):
        _assert_no_stall(beats, "a deliberate sleep")


def test_clearing_the_heartbeat_forgets_the_sampled_beats(qtbot: QtBot) -> None:
    heartbeat = _Heartbeat()
    try:
        qtbot.waitUntil(lambda: len(heartbeat.gaps) >= 3, timeout=10_000)
        QTimer.singleShot(0, _deliberately_blocking_the_gui_thread)
        qtbot.waitUntil(lambda: bool(heartbeat.sampler.worst()), timeout=10_000)
        heartbeat.clear()
        assert heartbeat.sampler.worst() == [] and heartbeat.stalls == []
    finally:
        heartbeat.stop()
    assert not heartbeat.sampler.running


def _calibrated_text(hold_ms: float) -> str:
    """A text that ``re.search`` (C code that keeps the GIL) takes ``hold_ms`` or more on."""
    sample = "a" * 1_000_000
    started = time.perf_counter()
    re.search(r"a[b-z]", sample)
    per_char_ms = (time.perf_counter() - started) * 1000 / len(sample)
    return "a" * int(hold_ms / max(per_char_ms, 1e-9))


def _holding_the_gil(text: str, held: threading.Event, release: threading.Event) -> None:
    for _ in range(3):
        re.search(r"a[b-z]", text)
    held.set()
    release.wait(60)  # alive until the end: the sampler finds it whenever it gets the GIL


def test_the_sampler_names_a_thread_that_held_the_gil(qtbot: QtBot) -> None:
    """A stall the sampler cannot sample (another thread kept the GIL all along) still says
    which thread it most likely was: the one the sampler finds right after it could run."""
    text = _calibrated_text(150)
    heartbeat = _Heartbeat()
    held, release = threading.Event(), threading.Event()
    hog = threading.Thread(target=_holding_the_gil, args=(text, held, release), name="gil-hog")
    try:
        qtbot.waitUntil(lambda: len(heartbeat.gaps) >= 5, timeout=10_000)
        hog.start()
        qtbot.waitUntil(held.is_set, timeout=60_000)
        qtbot.waitUntil(lambda: len(heartbeat.gaps) > 50, timeout=20_000)
    finally:
        release.set()
        hog.join()
        heartbeat.stop()
    where = heartbeat.beats().where
    assert "the sampler could not run" in where
    assert "gil-hog" in where and "_holding_the_gil" in where
