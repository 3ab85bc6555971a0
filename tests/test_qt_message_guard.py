"""The test session keeps a Python Qt message handler installed (``qt_message_guard``), so
a Qt thread that logs while pytest-qt ends a test never calls a NULL handler in PySide."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from pytestqt.logging import _QtMessageCapture

from tests import qt_message_guard

ROOT = Path(__file__).resolve().parent.parent

# Many test boundaries, as pytest-qt makes them, while a thread keeps logging through Qt with
# the GIL released (QThread.wait on itself warns, from C++, and PySide lets the GIL go around
# it): the same race as an FFmpeg thread logging as a test ends. Run with "unguarded" to see
# the crash this prevents: the process dies within a second ("Fatal Python error:
# Segmentation fault", 10 of 10 runs here with PySide6 6.11.3).
_TEST_BOUNDARIES_WHILE_A_QT_THREAD_LOGS = """
import faulthandler, sys, threading, time
faulthandler.enable()  # a crash prints every stack
faulthandler.dump_traceback_later(50, exit=True)  # a hang ends the process, loudly
from PySide6.QtCore import QCoreApplication, QThread
from pytestqt.qt_compat import qt_api
qt_api.set_qt_api("pyside6")
from pytestqt.logging import _QtMessageCapture  # what pytest-qt runs around every test
from tests import qt_message_guard
app = QCoreApplication([])
if sys.argv[1] == "guarded":
    qt_message_guard.install()  # as tests/conftest.py does before the first test
class Tally:  # where the session handler writes: count the lines instead of keeping them
    lines = 0
    def write(self, text):
        self.lines += text.count("\\n")
    def flush(self):
        pass
sys.stderr = tally = Tally()
stop = threading.Event()
def log_through_qt():
    me = QThread.currentThread()
    while not stop.is_set():
        me.wait(0)  # "QThread::wait: Thread tried to wait on itself"
logger = threading.Thread(target=log_through_qt)
logger.start()
boundaries = captured = 0
end = time.monotonic() + float(sys.argv[2])
try:
    while time.monotonic() < end:
        capture = _QtMessageCapture([])
        capture._start()  # a test begins
        busy = time.perf_counter() + 0.001
        while time.perf_counter() < busy:  # its last lines run, holding the GIL
            pass
        capture._stop()  # the test body is done: pytest-qt puts the old handler back
        time.sleep(0)  # tear-down code lets the GIL go
        boundaries += 1
        captured += len(capture.records)
finally:
    stop.set()
    logger.join()
qt_message_guard.uninstall()
print("boundaries", boundaries, "logged", captured + tally.lines)
"""


def test_pytest_qt_hands_back_the_session_handler_not_none(
    qtlog: _QtMessageCapture,
) -> None:
    """What pytest-qt re-installs after this test is the session's handler (before the
    guard it was None, which PySide turns into a NULL handler)."""
    assert qt_message_guard.installed()
    assert qtlog._previous_handler is qt_message_guard.handler


def test_test_boundaries_survive_a_qt_thread_logging_meanwhile() -> None:
    done = subprocess.run(
        [sys.executable, "-c", _TEST_BOUNDARIES_WHILE_A_QT_THREAD_LOGS, "guarded", "2"],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    words = done.stdout.split()
    assert words[0] == "boundaries" and words[2] == "logged", done.stdout
    boundaries, logged = int(words[1]), int(words[3])
    assert boundaries >= 100  # enough test boundaries to have crashed without the guard
    assert logged >= 100  # messages from the thread reached the Python handlers all along
