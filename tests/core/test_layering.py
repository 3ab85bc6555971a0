"""The core imports no Qt: checked in a fresh interpreter and with import-linter."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

_PROBE = r"""
import importlib, json, pkgutil, sys
import sora_desktop.core as core
names = sorted(m.name for m in pkgutil.walk_packages(core.__path__, "sora_desktop.core."))
for name in names:
    importlib.import_module(name)
qt = sorted(m for m in sys.modules
            if m.split(".")[0] in ("PySide6", "shiboken6", "PyQt5", "PyQt6")
            or m.startswith("sora_desktop.gui"))
print(json.dumps({"modules": names, "qt": qt}))
"""


def test_core_modules_import_no_qt() -> None:
    proc = subprocess.run(
        [sys.executable, "-c", _PROBE],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    # the probe really imported the core (guards against an empty walk)
    assert {"sora_desktop.core.store", "sora_desktop.core.models"} <= set(result["modules"])
    assert result["qt"] == [], f"Qt pulled in by the core: {result['qt']}"


def test_import_linter_contracts_hold() -> None:
    # pip puts console scripts in the scripts folder (venv: beside python; Windows'
    # embeddable or system Python: Scripts\), as lint-imports.exe on Windows
    lint = shutil.which("lint-imports", path=sysconfig.get_path("scripts"))
    assert lint, "import-linter is a test dependency (pip install import-linter)"
    proc = subprocess.run(
        [lint], cwd=ROOT, capture_output=True, text=True, timeout=300, check=False
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "KEPT" in proc.stdout and "BROKEN" not in proc.stdout
