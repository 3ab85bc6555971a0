"""The layers hold: the core imports no Qt (checked in a fresh interpreter) and
import-linter's contracts in pyproject.toml are kept, say what the architecture says, and
give each exception a reason."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import sysconfig
import tomllib
from pathlib import Path
from typing import Any

import pytest

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


@pytest.mark.tools
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


def _contracts() -> dict[str, dict[str, Any]]:
    with (ROOT / "pyproject.toml").open("rb") as f:
        contracts = tomllib.load(f)["tool"]["importlinter"]["contracts"]
    return {c["name"]: c for c in contracts}


def test_the_contracts_say_what_the_architecture_says() -> None:
    contracts = _contracts()
    (layers,) = [c for c in contracts.values() if c["type"] == "layers"]
    rows = [{m.strip() for m in row.split("|")} for row in layers["layers"]]
    faces = {"sora_desktop.cli", "sora_desktop.gui", "sora_desktop.selftest"}
    simulator, engine = {"sora_desktop.simulator"}, {"sora_desktop.core"}
    assert faces in rows and simulator in rows and engine in rows
    # the faces above the simulator (they start it) above the engine (its tables and files)
    assert rows.index(faces) < rows.index(simulator) < rows.index(engine)
    assert not any(":" in row for row in layers["layers"])  # siblings independent of each other

    forbidden = {c["name"]: c for c in contracts.values() if c["type"] == "forbidden"}

    def banned(source: str) -> set[str]:
        return {
            m
            for c in forbidden.values()
            if source in c["source_modules"]
            for m in c["forbidden_modules"]
        }

    assert {
        "sora_desktop.core.client",
        "sora_desktop.core.secrets",
        "sora_desktop.core.loop_thread",
        "sora_desktop.core.store_rows",
        "sora_desktop.core.migrations",
        "sqlite3",
    } <= banned("sora_desktop.gui")
    assert {"sora_desktop.gui", "sora_desktop.cli"} <= banned("sora_desktop.simulator")
    assert {"PySide6", "shiboken6", "sora_desktop.gui"} <= banned("sora_desktop.core")


def test_the_module_map_shows_the_layers_the_contract_holds() -> None:
    """docs/architecture.md's module map lists every layer of the import-linter contract, in
    the same order (a layer being added may be listed before the contract has it)."""
    text = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    section = text.split("## Module map", 1)[1].split("\n## ", 1)[0]
    documented = []
    for line in section.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) < 4 or cells[0] in ("layer", "---"):
            continue
        names = re.findall(r"`([\w.]+)`", cells[1])
        documented.append({n if "." in n else f"sora_desktop.{n}" for n in names})
    (layers,) = [c for c in _contracts().values() if c["type"] == "layers"]
    rows = [{m.strip() for m in row.split("|")} for row in layers["layers"]]
    assert all(row in documented for row in rows), (rows, documented)
    assert [documented.index(row) for row in rows] == sorted(documented.index(r) for r in rows)


def test_every_ignored_import_gives_its_reason() -> None:
    """In pyproject.toml each ``ignore_imports`` entry follows a comment saying why (an entry
    may share the comment of the one just above it)."""
    lines = (ROOT / "pyproject.toml").read_text(encoding="utf-8").splitlines()
    start = lines.index("[tool.importlinter]")
    entry = re.compile(r'^\s*"[\w.]+ -> [\w.]+",?\s*$')
    seen = 0
    for i in range(start, len(lines)):
        if not entry.match(lines[i]):
            continue
        seen += 1
        above = i - 1
        while entry.match(lines[above]):
            above -= 1
        assert lines[above].strip().startswith("#"), f"no reason given above: {lines[i].strip()}"
    ignored = sum(len(c.get("ignore_imports", [])) for c in _contracts().values())
    assert seen == ignored > 0
