"""One Python Qt message handler for the whole test session: PySide's never becomes NULL.

PySide6 keeps the Python callable given to ``qInstallMessageHandler`` in one C global and
calls it from whichever thread logs; Qt Multimedia's FFmpeg threads do log (the audio
renderer says "No audio device detected" as each clip starts playing on a machine without
sound). ``qInstallMessageHandler(None)`` sets that global to NULL at once, yet a Qt thread
may already be inside PySide's callback, waiting for the GIL: when it gets the GIL it calls
NULL and the process dies ("Fatal Python error: Segmentation fault", the current thread with
"<no Python frame>"). Seen in CI while a test's fixtures were tearing down the window.

pytest-qt installs its capture handler before each test and, as soon as the test body is
done, re-installs the handler it found. Without one of ours that is None, so the race was
run at the end of every test. :func:`install` (``tests/conftest.py``, before the first test)
makes pytest-qt swap between two live callables: the global is never NULL while tests run.
:func:`uninstall` runs when the session ends, with no test running, so that nothing calls
into Python once the interpreter is gone.
"""

from __future__ import annotations

import contextlib
import sys

from PySide6.QtCore import (
    QMessageLogContext,
    QtMsgType,
    qFormatLogMessage,
    qInstallMessageHandler,
)

_installed = False


def handler(mode: QtMsgType, context: QMessageLogContext, message: str) -> None:
    """What Qt's default handler does (the message, formatted by ``QT_MESSAGE_PATTERN``, on
    stderr) for the messages pytest-qt doesn't capture: fixture set-up and tear-down."""
    with contextlib.suppress(Exception):  # Qt calls this from C++: it must never raise
        sys.stderr.write(qFormatLogMessage(mode, context, message) + "\n")


def install() -> None:
    global _installed
    qInstallMessageHandler(handler)
    _installed = True


def uninstall() -> None:
    global _installed
    if _installed:
        qInstallMessageHandler(None)
        _installed = False


def installed() -> bool:
    return _installed
