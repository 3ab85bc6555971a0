"""The Qt GUI. Importing this package imports the engine modules the window needs, then
applies :func:`_keep_singletons_alive` (which imports PySide6)."""

from __future__ import annotations

import sys


def _keep_singletons_alive() -> None:
    """Work around PySide6 6.12 on CPython 3.11: its abi3 wheels assume Python 3.12's immortal
    objects, so calls returning ``void`` or ``bool`` (and some virtual overrides) drop a
    reference to ``None``/``True``/``False`` they never took. After a few thousand calls the
    count reaches zero and the interpreter aborts ("Fatal Python error: none_dealloc" or
    "bool_dealloc"). Give the objects 3.12 makes immortal a reference count no program can
    exhaust. Idempotent; a no-op on 3.12+, on other interpreters and on other PySide6 versions
    (pyproject.toml pins PySide6 below 6.12; this guards installs that override the pin).
    """
    if sys.implementation.name != "cpython" or sys.version_info >= (3, 12):
        return
    import PySide6

    if not str(getattr(PySide6, "__version__", "6.12")).startswith("6.12"):
        return  # pyproject pins <6.12; the guard only matters where that pin was overridden
    import ctypes

    singletons: list[object] = [None, True, False, Ellipsis, NotImplemented, (), "", b""]
    singletons += [int(i) for i in range(-5, 257)]  # the small-int cache
    singletons += [chr(i) for i in range(256)]  # the one-character Latin-1 strings
    for obj in singletons:
        refcount = ctypes.c_ssize_t.from_address(id(obj))  # ob_refcnt: PyObject's 1st field
        if refcount.value < 1 << 40:
            refcount.value += 1 << 60


def _import_engine_first() -> None:
    """Import the engine modules the window needs before PySide6 is first imported.

    Once imported, PySide6 runs a hook on every later import that reads the new module's
    whole source (``inspect.getsource``) to look for ``from __feature__``; the window's core
    modules, sqlite3, json, datetime, dataclasses and platformdirs imported after it cost
    some 15 million instructions more (about 1.5 % of the start-up to the first paint,
    measured with callgrind). Imported here, first, none of them is read. None of them
    imports Qt (``core`` may not: tests/core/test_layering.py)."""
    import concurrent.futures  # noqa: F401  (the controller's futures)

    from ..core import capabilities, paths, profiles, settings, store  # noqa: F401


_import_engine_first()
_keep_singletons_alive()
