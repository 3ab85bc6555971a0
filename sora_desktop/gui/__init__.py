"""The Qt GUI. Importing this package applies :func:`_keep_singletons_alive` first."""

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


_keep_singletons_alive()
