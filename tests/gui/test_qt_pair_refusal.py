"""A PySide6 that doesn't work with this Python (core/qt_pair.py) is refused at start, with a
message, in the window entry and the command line's: faked in a fresh interpreter, since
the refusal happens before anything else is built."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

FAKE_PAIR = """
import sys
import PySide6
from PySide6.QtWidgets import QMessageBox
from sora_desktop.core import qt_pair
from sora_desktop.gui import app as gui_app

qt_pair._interpreter = lambda: ("cpython", (3, 11))
qt_pair.installed_pyside_version = lambda: "6.12.0"
PySide6.__version__ = "6.12.0"
shown = []
QMessageBox.critical = staticmethod(lambda parent, title, text: shown.append(text))
def build(*args, **kwargs):
    raise AssertionError("the window was built")
gui_app.build = build
"""


def _run(code: str, data_dir: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", FAKE_PAIR + code.format(data_dir=str(data_dir))],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.mark.parametrize(
    "entry",
    [
        "code = gui_app.run([], data_dir={data_dir!r})",  # the window's own entry
        "from sora_desktop import cli\ncode = cli.main(['--data-dir', {data_dir!r}])",
    ],
    ids=["window", "command line"],
)
def test_the_window_refuses_an_unsupported_pair(entry: str, tmp_path: Path) -> None:
    done = _run(entry + "\nprint(code, len(shown))\nprint(shown[0] if shown else '')\n", tmp_path)
    assert done.returncode == 0, done.stderr
    code, dialogs = done.stdout.split("\n", 1)[0].split()
    assert (code, dialogs) == ("2", "1")
    assert "PySide6 6.12.0 does not work with Python 3.11" in done.stdout
    assert "error: PySide6 6.12.0 does not work with Python 3.11" in done.stderr


def test_the_self_test_refuses_an_unsupported_pair(tmp_path: Path) -> None:
    done = _run(
        "from sora_desktop import cli\nprint(cli.main(['--self-test']), len(shown))\n", tmp_path
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["2", "0"]
    assert "error: PySide6 6.12.0 does not work with Python 3.11" in done.stderr
