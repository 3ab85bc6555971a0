"""Which PySide6 and Python pairs the window may run on: an unsupported pair is refused at
start with a message, never patched.

PySide6 6.12's wheels are built for the stable ABI of Python 3.12, which made ``None``,
``True``, ``False`` and the small ints immortal. On CPython 3.11 those wheels drop a
reference to ``None``/``True``/``False`` that they never took on every Qt call returning
``void`` or ``bool``; after a few thousand calls the count reaches zero and the interpreter
aborts ("Fatal Python error: none_dealloc" or "bool_dealloc"). pyproject.toml pins PySide6
below 6.12; this check catches an install that overrode the pin. Qt-free: the window passes
``PySide6.__version__``, the command line reads the installed distribution's version.
"""

from __future__ import annotations

import re
import sys

from sora_desktop.core.errors import UnsupportedSetupError
from sora_desktop.core.i18n import _

#: The first PySide6 whose wheels need Python 3.12's immortal objects.
FIRST_BROKEN_PYSIDE = (6, 12)
#: The first CPython on which those wheels are sound.
FIRST_SOUND_PYTHON = (3, 12)


def _interpreter() -> tuple[str, tuple[int, int]]:
    """The running interpreter's name and version (tests fake it)."""
    return sys.implementation.name, (sys.version_info[0], sys.version_info[1])


def installed_pyside_version() -> str | None:
    """The installed PySide6's version without importing Qt (None when it can't be told)."""
    from importlib import metadata

    for dist in ("PySide6-Essentials", "PySide6"):
        try:
            return metadata.version(dist)
        except metadata.PackageNotFoundError:
            continue
    return None


def _major_minor(version: str) -> tuple[int, int] | None:
    match = re.match(r"(\d+)\.(\d+)", version)
    return (int(match.group(1)), int(match.group(2))) if match else None


def unsupported_pair(pyside_version: str | None) -> UnsupportedSetupError | None:
    """The error to refuse the start with, or None when this PySide6 works with this Python."""
    if pyside_version is None:
        return None
    pyside = _major_minor(pyside_version)
    implementation, python = _interpreter()
    if pyside is None or implementation != "cpython":
        return None
    if pyside < FIRST_BROKEN_PYSIDE or python >= FIRST_SOUND_PYTHON:
        return None
    return UnsupportedSetupError(
        _(
            "PySide6 {pyside} does not work with Python {python}: the app would crash after "
            "a few minutes, so it does not start."
        ).format(pyside=pyside_version, python=f"{python[0]}.{python[1]}"),
        _(
            'Install a PySide6 older than 6.12 (pip install "PySide6-Essentials<6.12" '
            '"PySide6-Addons<6.12"), or run the app on Python 3.12 or newer.'
        ),
    )
