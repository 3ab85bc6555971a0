"""The Qt GUI. Importing this package imports the engine modules the window needs before
PySide6. (A PySide6 that doesn't work with this Python is refused at start by ``app.run``:
core/qt_pair.py.)"""

from __future__ import annotations


def _import_engine_first() -> None:
    """Import the engine modules the window needs before PySide6 is first imported.

    Once imported, PySide6 runs a hook on every later import that reads the new module's
    whole source (``inspect.getsource``) to look for ``from __feature__``; the window's core
    modules, sqlite3, json, datetime, dataclasses and platformdirs imported after it cost
    some 15 million instructions more (about 1.5 % of the start-up to the first paint,
    measured with callgrind). Imported here, first, none of them is read. None of them
    imports Qt (``core`` may not: tests/core/test_layering.py)."""
    import concurrent.futures  # noqa: F401  (the controller's futures)

    from sora_desktop.core import (  # noqa: F401
        capabilities,
        paths,
        profiles,
        qt_pair,
        settings,
        store,
    )
    from sora_desktop.usecases import context, history, models  # noqa: F401


_import_engine_first()
