"""The engine modules the window needs are imported before PySide6 (see gui/__init__.py)."""

from __future__ import annotations

import re
from pathlib import Path

from tests.fresh_interpreter import printed_by_a_fresh_interpreter


def test_the_gui_package_imports_the_engine_before_pyside() -> None:
    """PySide6 reads the whole source of every module imported after it; the window's engine
    modules (and json, platformdirs under them) come first, so they are not read. (The
    library's modules are not imported before the first paint at all.)"""
    code = (
        "import sys\n"
        "import sora_desktop.gui.app\n"  # the window's first module: it imports PySide6
        "order = list(sys.modules)\n"
        "first = ['sora_desktop.core.models', 'sora_desktop.core.paths',\n"
        "         'sora_desktop.core.settings',\n"
        "         'sora_desktop.core.profiles', 'sora_desktop.core.capabilities',\n"
        "         'json', 'platformdirs', 'concurrent.futures']\n"
        "late = [m for m in first if m not in order or order.index(m) > order.index('PySide6')]\n"
        "print(late)\n"
    )
    assert printed_by_a_fresh_interpreter(code) == "[]"


def test_pyside_reads_the_source_of_none_of_our_modules() -> None:
    """PySide6's import hook reads each new module's whole source, looking for
    ``from __feature__``; gui/__init__.py answers for our modules without reading them."""
    code = (
        "import inspect, sys\n"
        "import sora_desktop.gui\n"  # the engine first, then PySide6 and the answer
        "read = []\n"
        "real = inspect.getsource\n"
        "inspect.getsource = lambda obj: read.append(getattr(obj, '__name__', '?')) or real(obj)\n"
        "import sora_desktop.gui.app, sora_desktop.gui.main_window\n"
        "import json\n"  # an outside module is still read (the probe works)
        "from xml import dom\n"
        "feature = sys.modules['shibokensupport.feature']\n"
        "print([n for n in read if n.startswith('sora_desktop')], 'xml' in read,\n"
        "      feature.pyside_feature_dict.get('sora_desktop.gui.gui_gc'),\n"
        "      feature.pyside_feature_dict.get('sora_desktop.core.profiles'))\n"
    )
    # 0: a module that uses PySide6 (the default features); -1: one that doesn't (an engine
    # module, asked again by a later `from ... import`), as the hook would have decided
    assert printed_by_a_fresh_interpreter(code) == "[] True 0 -1"


def test_no_module_of_ours_uses_pyside_features() -> None:
    """What makes skipping the source scan safe: nothing here writes ``from __feature__``."""
    import sora_desktop

    root = Path(sora_desktop.__file__).parent
    statement = re.compile(r"^\s*(from\s+__feature__\s+import|import\s+__feature__)", re.M)
    users = [p for p in root.rglob("*.py") if statement.search(p.read_text(encoding="utf-8"))]
    assert users == []
