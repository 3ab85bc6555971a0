"""Refresh the translation catalogues from the GUI sources and compile them.

    python tools/update_translations.py           # lupdate + lrelease
    python tools/update_translations.py --check   # also fail if a message is untranslated

1. ``pyside6-lupdate`` reads EVERY ``sora_desktop/gui/*.py`` and updates
   ``resources/i18n/sora_desktop_<lang>.ts`` (new strings appear as "unfinished"; strings no
   longer in the code are dropped, translations of unchanged strings are kept).
2. ``pyside6-lrelease`` compiles each ``.ts`` to ``sora_desktop/resources/i18n/*.qm``, the
   files the app loads (``sora_desktop/gui/i18n.py``).

Translate new entries with Qt Linguist (``pyside6-linguist``) or by editing the ``.ts`` XML,
then run this again. ``--check`` lists every message whose translation is missing,
unfinished or empty and exits 1, so CI can refuse a half-translated release.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GUI_DIR = ROOT / "sora_desktop" / "gui"
TS_DIR = ROOT / "resources" / "i18n"
QM_DIR = ROOT / "sora_desktop" / "resources" / "i18n"
LANGUAGES = ("zh_CN",)


def _tool(name: str) -> str:
    """The PySide6 tool next to this interpreter (the venv), else on PATH."""
    for candidate in (
        Path(sys.executable).parent / name,
        Path(sys.executable).parent / f"{name}.exe",
    ):
        if candidate.exists():
            return str(candidate)
    found = shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} not found: install PySide6 (pip install PySide6-Essentials)")
    return found


def sources() -> list[Path]:
    return sorted(p for p in GUI_DIR.glob("*.py") if p.name != "__init__.py")


def ts_path(language: str) -> Path:
    return TS_DIR / f"sora_desktop_{language}.ts"


def qm_path(language: str) -> Path:
    return QM_DIR / f"sora_desktop_{language}.qm"


def lupdate(language: str) -> None:
    TS_DIR.mkdir(parents=True, exist_ok=True)
    files = [str(p.relative_to(ROOT)) for p in sources()]
    subprocess.run(
        [
            _tool("pyside6-lupdate"),
            *files,
            "-no-obsolete",
            "-locations",
            "relative",
            "-target-language",
            language,
            "-ts",
            str(ts_path(language).relative_to(ROOT)),
        ],
        check=True,
        cwd=ROOT,
    )


def lrelease(language: str) -> None:
    QM_DIR.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [_tool("pyside6-lrelease"), str(ts_path(language)), "-qm", str(qm_path(language))],
        check=True,
        cwd=ROOT,
    )


def untranslated(ts_file: Path) -> list[str]:
    """Sources whose translation is missing, unfinished, obsolete-only or empty."""
    missing = []
    for context in ET.parse(ts_file).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            source = message.findtext("source", "")
            translation = message.find("translation")
            if translation is None or translation.get("type") in ("unfinished", "vanished"):
                missing.append(f"{name}: {source}")
                continue
            forms = [f.text or "" for f in translation.iter("numerusform")]
            texts = forms if forms else [translation.text or ""]
            if not all(t.strip() for t in texts):
                missing.append(f"{name}: {source}")
    return missing


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="fail on untranslated messages")
    parser.add_argument("--no-update", action="store_true", help="only compile (skip lupdate)")
    args = parser.parse_args(argv)
    status = 0
    for language in LANGUAGES:
        if not args.no_update:
            lupdate(language)
        lrelease(language)
        if args.check:
            missing = untranslated(ts_path(language))
            for entry in missing:
                print(f"untranslated ({language}): {entry}", file=sys.stderr)
            if missing:
                status = 1
    return status


if __name__ == "__main__":
    raise SystemExit(main())
