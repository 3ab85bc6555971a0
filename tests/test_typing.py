"""mypy --strict covers the whole package; the list of exempt modules may only shrink.

pyproject.toml's ``[[tool.mypy.overrides]]`` entries for our own modules are exemptions: each
switches off the error codes its module still has (or all of them, ``ignore_errors``). One
mypy run with every exemption taken out shows what each still hides. An entry that hides
nothing (any more) fails here, naming what to delete, so the list gets shorter as modules
are typed and never keeps a stale line.
"""

from __future__ import annotations

import re
import subprocess
import sys
import tomllib
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = "sora_desktop"

pytestmark = pytest.mark.tools

_ERROR = re.compile(r"^(?P<path>[^:\n]+\.py):\d+: error: .*?(?:\s+\[(?P<code>[a-z0-9-]+)\])?$")


@dataclass(frozen=True)
class Exemption:
    module: str  # may end in ".*" (the package and everything under it), as in mypy
    codes: frozenset[str] | None  # None: ignore_errors (every code)

    def covers(self, module: str) -> bool:
        if self.module.endswith(".*"):
            base = self.module[:-2]
            return module == base or module.startswith(base + ".")
        return module == self.module


def _mypy_config() -> dict[str, Any]:
    with (ROOT / "pyproject.toml").open("rb") as f:
        config: dict[str, Any] = tomllib.load(f)["tool"]["mypy"]
    return config


def _modules(override: dict[str, Any]) -> list[str]:
    module = override["module"]
    return [module] if isinstance(module, str) else list(module)


def _is_ours(override: dict[str, Any]) -> bool:
    return any(m == PACKAGE or m.startswith(PACKAGE + ".") for m in _modules(override))


def exemptions(config: dict[str, Any]) -> list[Exemption]:
    found = []
    for override in config.get("overrides", []):
        if not _is_ours(override):
            continue
        allowed = {"module", "ignore_errors", "disable_error_code"}
        assert set(override) <= allowed, (
            f"an exemption may only set ignore_errors or disable_error_code: {override}"
        )
        codes = None if override.get("ignore_errors") else frozenset(override["disable_error_code"])
        found.extend(Exemption(m, codes) for m in _modules(override))
    return found


def _ini_value(value: object) -> str:
    if isinstance(value, bool):
        return "True" if value else "False"
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return str(value)


def config_without_exemptions(config: dict[str, Any]) -> str:
    """The same mypy settings as an INI file, minus our own modules' overrides."""
    lines = ["[mypy]"]
    lines += [f"{k} = {_ini_value(v)}" for k, v in config.items() if k != "overrides"]
    for override in config.get("overrides", []):
        if _is_ours(override):
            continue
        lines.append(f"[mypy-{','.join(_modules(override))}]")
        lines += [f"{k} = {_ini_value(v)}" for k, v in override.items() if k != "module"]
    return "\n".join(lines) + "\n"


def module_of(path: str) -> str:
    parts = list(Path(path).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def errors_by_module(mypy_output: str) -> dict[str, set[str]]:
    """module -> the error codes mypy reported in it ("" for an error without a code)."""
    found: dict[str, set[str]] = defaultdict(set)
    for line in mypy_output.splitlines():
        m = _ERROR.match(line.strip())
        if m:
            found[module_of(m["path"])].add(m["code"] or "")
    return found


def stale_entries(exempt: list[Exemption], errors: dict[str, set[str]]) -> list[str]:
    """What to delete from the list: entries (or codes of entries) that hide nothing."""
    stale = []
    for entry in exempt:
        hidden: set[str] = set().union(*(c for m, c in errors.items() if entry.covers(m)))
        if entry.codes is None:
            if not hidden:
                stale.append(f"{entry.module}: passes strict mypy now; remove its entry")
        else:
            for code in sorted(entry.codes - hidden):
                stale.append(f"{entry.module}: no '{code}' error left; remove that code")
    return stale


def unexempted(exempt: list[Exemption], errors: dict[str, set[str]]) -> list[str]:
    """Errors the list does not cover (mypy itself fails on these too)."""
    loose = []
    for module, codes in sorted(errors.items()):
        covered: set[str] = set()
        for entry in exempt:
            if entry.covers(module):
                covered |= codes if entry.codes is None else codes & entry.codes
        if codes - covered:
            loose.append(f"{module}: {sorted(codes - covered)}")
    return loose


def _all_modules() -> set[str]:
    return {module_of(str(p.relative_to(ROOT))) for p in (ROOT / PACKAGE).rglob("*.py")}


# -- the check ---------------------------------------------------------------------------------


def test_the_exemption_list_only_shrinks(tmp_path: Path) -> None:
    config = _mypy_config()
    assert config.get("strict") is True and config.get("packages") == [PACKAGE]
    exempt = exemptions(config)
    modules = _all_modules()
    for entry in exempt:
        assert any(entry.covers(m) for m in modules), f"{entry.module}: no such module"

    ini = tmp_path / "mypy-no-exemptions.ini"
    ini.write_text(config_without_exemptions(config), encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, "-m", "mypy", "--config-file", str(ini), "--no-pretty"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert proc.returncode in (0, 1), proc.stdout + proc.stderr  # 2: mypy itself failed
    assert "source file" in proc.stdout, proc.stdout + proc.stderr  # it checked something
    errors = errors_by_module(proc.stdout)
    stale = stale_entries(exempt, errors)
    assert not stale, "pyproject.toml [tool.mypy] exemptions to delete:\n" + "\n".join(stale)
    assert not unexempted(exempt, errors), proc.stdout


# -- the checker's own logic, on made-up mypy output ------------------------------------------

_OUTPUT = """\
sora_desktop/gui/a.py:3: error: Call to untyped function "f" in typed context  [no-untyped-call]
sora_desktop/gui/b/__init__.py:9: error: Missing return statement  [return]
sora_desktop/gui/b/c.py:1: error: Name "x" is not defined  [name-defined]
sora_desktop/gui/a.py:4: note: See https://mypy.rtfd.io
Found 3 errors in 3 files (checked 9 source files)
"""


def test_errors_are_read_per_module_and_code() -> None:
    assert errors_by_module(_OUTPUT) == {
        "sora_desktop.gui.a": {"no-untyped-call"},
        "sora_desktop.gui.b": {"return"},
        "sora_desktop.gui.b.c": {"name-defined"},
    }


def test_an_entry_that_hides_nothing_is_stale() -> None:
    errors = errors_by_module(_OUTPUT)
    exempt = [
        Exemption("sora_desktop.gui.a", frozenset({"no-untyped-call", "call-overload"})),
        Exemption("sora_desktop.gui.b.*", None),
        Exemption("sora_desktop.core.clean", None),
    ]
    assert stale_entries(exempt, errors) == [
        "sora_desktop.gui.a: no 'call-overload' error left; remove that code",
        "sora_desktop.core.clean: passes strict mypy now; remove its entry",
    ]
    assert unexempted(exempt, errors) == []
    assert unexempted(exempt[:1], errors) == [
        "sora_desktop.gui.b: ['return']",
        "sora_desktop.gui.b.c: ['name-defined']",
    ]


def test_the_config_without_exemptions_keeps_everything_else() -> None:
    config = {
        "strict": True,
        "packages": [PACKAGE],
        "overrides": [
            {"module": ["av.*", "keyring.*"], "ignore_missing_imports": True},
            {"module": "sora_desktop.gui.a", "disable_error_code": ["return"]},
        ],
    }
    assert config_without_exemptions(config) == (
        "[mypy]\nstrict = True\npackages = sora_desktop\n"
        "[mypy-av.*,keyring.*]\nignore_missing_imports = True\n"
    )
    assert exemptions(config) == [Exemption("sora_desktop.gui.a", frozenset({"return"}))]
