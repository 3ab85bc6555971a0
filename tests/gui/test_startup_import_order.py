"""The engine modules the window needs are imported before PySide6 (see gui/__init__.py)."""

from __future__ import annotations

import subprocess
import sys


def test_the_gui_package_imports_the_engine_before_pyside() -> None:
    """PySide6 reads the whole source of every module imported after it; the window's engine
    modules (and sqlite3, json, platformdirs under them) come first, so they are not read."""
    code = (
        "import sys\n"
        "import sora_desktop.gui.app\n"  # the window's first module: it imports PySide6
        "order = list(sys.modules)\n"
        "first = ['sora_desktop.core.models', 'sora_desktop.core.paths',\n"
        "         'sora_desktop.core.store', 'sora_desktop.core.settings',\n"
        "         'sora_desktop.core.profiles', 'sora_desktop.core.capabilities',\n"
        "         'sqlite3', 'json', 'platformdirs', 'concurrent.futures']\n"
        "late = [m for m in first if m not in order or order.index(m) > order.index('PySide6')]\n"
        "print(late)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True
    )
    assert done.stdout.strip() == "[]"
