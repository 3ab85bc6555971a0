"""An unsupported PySide6 and Python pair is recognised (core/qt_pair.py), never patched."""

from __future__ import annotations

import pytest

from sora_desktop.core import qt_pair
from sora_desktop.core.errors import ExitCode, UnsupportedSetupError


@pytest.mark.parametrize(
    ("implementation", "python", "pyside", "refused"),
    [
        ("cpython", (3, 11), "6.12.0", True),  # the pair that aborted with none_dealloc
        ("cpython", (3, 11), "6.13.1", True),
        ("cpython", (3, 11), "6.11.3", False),  # the pinned range is sound
        ("cpython", (3, 11), "6.7", False),
        ("cpython", (3, 12), "6.12.0", False),  # 3.12's immortal objects: sound
        ("cpython", (3, 13), "6.14.0", False),
        ("pypy", (3, 11), "6.12.0", False),  # only CPython's reference counts are at stake
        ("cpython", (3, 11), None, False),  # can't be told (a bundle without metadata)
        ("cpython", (3, 11), "dev", False),
    ],
)
def test_which_pairs_are_refused(
    monkeypatch: pytest.MonkeyPatch,
    implementation: str,
    python: tuple[int, int],
    pyside: str | None,
    refused: bool,
) -> None:
    monkeypatch.setattr(qt_pair, "_interpreter", lambda: (implementation, python))
    problem = qt_pair.unsupported_pair(pyside)
    assert (problem is not None) is refused
    if problem is not None:
        assert isinstance(problem, UnsupportedSetupError)
        assert problem.exit_code is ExitCode.INVALID_INPUT  # 2, as a wrong setting
        assert f"PySide6 {pyside} does not work with Python 3.11" in problem.message
        assert "6.12" in problem.next_step and "3.12" in problem.next_step


def test_the_installed_version_is_read_without_importing_qt() -> None:
    import PySide6

    assert qt_pair.installed_pyside_version() == PySide6.__version__
