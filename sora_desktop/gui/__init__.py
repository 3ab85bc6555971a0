"""The Qt GUI. Importing this package applies :func:`_keep_none_alive` first."""

from __future__ import annotations

import sys


def _keep_none_alive() -> None:
    """Work around PySide6 6.12 on CPython 3.11: every call of a Qt method returning ``void``
    drops one reference to ``None`` without taking it (the abi3 wheels assume Python 3.12's
    immortal ``None``). After a few thousand calls ``None``'s count reaches zero and the
    interpreter aborts with "Fatal Python error: none_dealloc". Give ``None`` a reference
    count no program can exhaust, as 3.12 does. Idempotent; a no-op on 3.12+ and non-CPython.
    """
    if sys.implementation.name != "cpython" or sys.version_info >= (3, 12):
        return
    import ctypes

    refcount = ctypes.c_ssize_t.from_address(id(None))  # ob_refcnt is PyObject's first field
    if refcount.value < 1 << 40:
        refcount.value += 1 << 60


_keep_none_alive()
