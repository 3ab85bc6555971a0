"""The Qt GUI. Importing this package imports the engine modules the window needs before
PySide6, then tells PySide6 not to read the source of our own modules. (A PySide6 that
doesn't work with this Python is refused at start by ``app.run``: core/qt_pair.py.)"""

from __future__ import annotations

import sys
from types import ModuleType


def _import_engine_first() -> None:
    """Import the engine modules the window needs before PySide6 is first imported.

    Once imported, PySide6 runs a hook on every later import that reads the new module's
    whole source (``inspect.getsource``) to look for ``from __feature__``; the window's core
    modules, json, dataclasses and platformdirs imported after it cost some 15 million
    instructions more (about 1.5 % of the start-up to the first paint, measured with
    callgrind). Imported here, first, none of them is read. None of them imports Qt
    (``core`` may not: tests/core/test_layering.py). The library (``core.store``, sqlite3)
    is not among them: the window opens it after its first paint; nor are the catalogue's
    modules (``usecases.models``: catalogue, model settings, schema forms), which load when
    a provider profile or price is first shown."""
    import concurrent.futures  # noqa: F401  (the controller's futures)

    from sora_desktop.core import (  # noqa: F401
        capabilities,
        paths,
        profiles,
        qt_pair,
        settings,
    )
    from sora_desktop.usecases import context, history  # noqa: F401


OWN_PACKAGE = "sora_desktop"
OWN_PREFIX = OWN_PACKAGE + "."
GUI_PREFIX = "sora_desktop.gui"


def _skip_source_scan_of_own_modules() -> None:
    """PySide6's import hook (``shibokensupport.feature``) reads the whole source of every
    module imported after it, once, to decide whether it may use ``from __feature__``; for
    the ~80 GUI modules the window imports before its first paint that is the largest part
    of their import. None of our modules uses ``__feature__`` (tests/gui/
    test_startup_import_order.py checks), so the answer is known without reading: a GUI
    module uses PySide6 (the default selection, as the hook itself would decide), an engine
    module does not (``core`` and ``usecases`` never import Qt). Other packages' modules
    are still read as before. A PySide6 without this hook is left alone."""
    import PySide6  # noqa: F401  (installs the hook)

    feature = sys.modules.get("shibokensupport.feature")
    scan = getattr(feature, "_mod_uses_pyside", None)
    if feature is None or not callable(scan) or getattr(scan, "sora_known", False):
        return

    def uses_pyside(module: ModuleType) -> bool:
        name = getattr(module, "__name__", None) or ""
        if name.startswith(OWN_PREFIX) or name == OWN_PACKAGE:
            return name.startswith(GUI_PREFIX)
        return bool(scan(module))

    uses_pyside.sora_known = True  # type: ignore[attr-defined]
    feature._mod_uses_pyside = uses_pyside  # type: ignore[attr-defined]


_import_engine_first()
_skip_source_scan_of_own_modules()
