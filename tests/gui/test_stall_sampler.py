"""The heartbeat's stall sampler (tests/helpers/stall_sampler.py) says where a stall was spent:
a deliberate 200 ms sleep on the GUI thread is found, named, and put in the failure message."""

from __future__ import annotations

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
