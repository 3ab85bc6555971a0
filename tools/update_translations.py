"""Refresh the translation catalogues from the GUI sources and compile them.

    python tools/update_translations.py           # lupdate + lrelease
    python tools/update_translations.py --check   # also fail if a message is untranslated

1. ``pyside6-lupdate`` reads EVERY ``sora_desktop/gui/*.py`` and updates
   ``resources/i18n/sora_desktop_<lang>.ts`` (new strings appear as "unfinished"; strings no
   longer in the code are dropped, translations of unchanged strings are kept).
   lupdate only sees ``self.tr("…")`` and ``translate("Context", "…")`` calls, so strings
   passed through a module helper such as ``def _t(text): return
   QCoreApplication.translate("Ctx", text)`` are found by an AST scan and added too
   (their translations are kept across runs).
   Core's and the use cases' creator-facing messages (``sora_desktop/core/**/*.py``,
   ``sora_desktop/usecases/*.py``, no Qt there) are written as
   ``_("template {x}").format(x=...)`` or marked with ``N_("text")``
   (``sora_desktop/core/i18n.py``); an AST scan adds every such literal under the context
   ``core`` (the GUI's translator looks them up there). A ``_()`` of an f-string or of a
   formatted/concatenated text can't be found in a catalogue: the tool refuses it.
2. ``pyside6-lrelease`` compiles each ``.ts`` to ``sora_desktop/resources/i18n/*.qm``, the
   files the app loads (``sora_desktop/gui/i18n.py``).

Translate new entries with Qt Linguist (``pyside6-linguist``) or by editing the ``.ts`` XML,
then run this again. ``--check`` lists every message whose translation is missing,
unfinished or empty and exits 1, so CI can refuse a half-translated release.
"""

from __future__ import annotations

import argparse
import ast
import copy
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GUI_DIR = ROOT / "sora_desktop" / "gui"
CORE_DIR = ROOT / "sora_desktop" / "core"
#: Qt-free packages whose ``_()``/``N_()`` texts go under the core context
CORE_DIRS = (CORE_DIR, ROOT / "sora_desktop" / "usecases")
CORE_CONTEXT = "core"  # sora_desktop.core.i18n.CONTEXT
CORE_MARKERS = ("_", "N_")
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


def core_sources() -> list[Path]:
    """Every module of the core (its subpackages ``core/dialects/``, ``core/batch/`` too)
    and of the use cases."""
    return sorted(
        p for folder in CORE_DIRS for p in folder.rglob("*.py") if p != folder / "__init__.py"
    )


def _core_tree(path: Path) -> ast.Module:
    return ast.parse(path.read_text(encoding="utf-8"), str(path))


def core_messages(path: Path) -> list[tuple[str, int]]:
    """(source, line) of every literal passed to ``_()`` or ``N_()`` in a core module."""
    found = []
    for node in ast.walk(_core_tree(path)):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id in CORE_MARKERS
            and len(node.args) == 1
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            found.append((node.args[0].value, node.lineno))
    return found


def core_problems(path: Path) -> list[str]:
    """Uses of the core markers that can't work: ``_()`` of anything but a literal or a
    ``N_``-marked name (an f-string, a ``.format()`` result, a concatenation), ``N_()`` of
    anything but a literal, and a module that imports ``_`` yet rebinds it (``for _ in``,
    ``a, _ = ...``), which would shadow the marker in that scope."""
    tree = _core_tree(path)
    problems = []
    imports_marker = any(
        isinstance(node, ast.ImportFrom)
        and (node.module or "").endswith("i18n")
        and any(alias.name == "_" and alias.asname is None for alias in node.names)
        for node in tree.body
    )
    in_comprehension = {
        id(name)
        for comp in ast.walk(tree)
        if isinstance(comp, ast.comprehension)
        for name in ast.walk(comp.target)
    }
    shown = path.relative_to(ROOT).as_posix() if path.is_relative_to(ROOT) else path.name
    for node in ast.walk(tree):
        where = f"{shown}:{getattr(node, 'lineno', '?')}"
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
            if node.func.id not in CORE_MARKERS:
                continue
            arg = node.args[0] if len(node.args) == 1 and not node.keywords else None
            literal = isinstance(arg, ast.Constant) and isinstance(arg.value, str)
            if node.func.id == "N_" and not literal:
                problems.append(f"{where}: N_() takes one string literal")
            elif node.func.id == "_" and not (literal or isinstance(arg, ast.Name)):
                problems.append(
                    f"{where}: _() takes a literal template (translate it, then .format())"
                )
        elif (
            imports_marker
            and isinstance(node, ast.Name)
            and node.id == "_"
            and isinstance(node.ctx, ast.Store)
            and id(node) not in in_comprehension
        ):
            problems.append(f"{where}: '_' is rebound here; it shadows the i18n marker")
    return problems


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


def _translate_helpers(tree: ast.Module) -> dict[str, str]:
    """Module-level one-argument functions returning ``*.translate("Ctx", arg)``: name -> Ctx."""
    helpers: dict[str, str] = {}
    for node in tree.body:
        if not isinstance(node, ast.FunctionDef) or len(node.args.args) != 1 or not node.body:
            continue
        last = node.body[-1]
        if not isinstance(last, ast.Return) or not isinstance(last.value, ast.Call):
            continue
        call = last.value
        func = call.func
        name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
        if (
            name == "translate"
            and len(call.args) >= 2
            and isinstance(call.args[0], ast.Constant)
            and isinstance(call.args[0].value, str)
            and isinstance(call.args[1], ast.Name)
            and call.args[1].id == node.args.args[0].arg
        ):
            helpers[node.name] = call.args[0].value
    return helpers


def helper_messages(path: Path) -> list[tuple[str, str, int]]:
    """(context, source, line) of every literal passed to a translate helper in ``path``."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    helpers = _translate_helpers(tree)
    found = []
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id in helpers
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            found.append((helpers[node.func.id], node.args[0].value, node.lineno))
    return found


def _messages(root: ET.Element) -> dict[tuple[str, str], ET.Element]:
    return {
        (ctx.findtext("name", ""), msg.findtext("source", "")): msg
        for ctx in root.iter("context")
        for msg in ctx.iter("message")
    }


def scanned_messages() -> list[tuple[str, str, int, Path]]:
    """(context, source, line, file) of what lupdate can't see: strings behind GUI
    translate helpers and core's ``_()``/``N_()`` templates."""
    found = [
        (context, source, line, path)
        for path in sources()
        for context, source, line in helper_messages(path)
    ]
    found += [
        (CORE_CONTEXT, source, line, path)
        for path in core_sources()
        for source, line in core_messages(path)
    ]
    return found


def add_helper_messages(ts_file: Path, previous: dict[tuple[str, str], ET.Element]) -> int:
    """Add helper-translated and core strings lupdate can't see; reuse earlier translations."""
    tree = ET.parse(ts_file)
    root = tree.getroot()
    have = _messages(root)
    contexts = {ctx.findtext("name", ""): ctx for ctx in root.iter("context")}
    added = 0
    for context, source, line, path in scanned_messages():
        if (context, source) in have:
            continue
        ctx = contexts.get(context)
        if ctx is None:
            ctx = ET.SubElement(root, "context")
            ET.SubElement(ctx, "name").text = context
            contexts[context] = ctx
        old = previous.get((context, source))
        if old is not None:
            message = copy.deepcopy(old)
            for loc in message.findall("location"):
                message.remove(loc)
        else:
            message = ET.Element("message")
            ET.SubElement(message, "source").text = source
            ET.SubElement(message, "translation", {"type": "unfinished"})
        rel = Path("../..") / path.relative_to(ROOT)
        message.insert(0, ET.Element("location", {"filename": rel.as_posix(), "line": str(line)}))
        ctx.append(message)
        have[(context, source)] = message
        added += 1
    # lupdate takes a ``#:`` comment before a string as a note to translators; here ``#:``
    # documents an attribute (Sphinx's way), so those notes are the code's, not for them
    for message in root.iter("message"):
        for note in message.findall("extracomment"):
            message.remove(note)
    ET.indent(tree, space="    ")
    tree.write(ts_file, encoding="utf-8", xml_declaration=True)
    text = ts_file.read_text(encoding="utf-8")
    if "<!DOCTYPE TS>" not in text:
        text = text.replace("?>\n", "?>\n<!DOCTYPE TS>\n", 1)
    ts_file.write_text(text if text.endswith("\n") else text + "\n", encoding="utf-8")
    return added


def lrelease(language: str) -> None:
    """Compile the catalogue beside the .qm and put it in place only if it changed.

    Qt memory-maps a loaded .qm: rewritten in place under a running app (one started from
    this tree), that app's translations change or vanish mid-session. A new file renamed
    over the old one leaves the mapped bytes alone, and an unchanged one is not touched.
    """
    QM_DIR.mkdir(parents=True, exist_ok=True)
    target = qm_path(language)
    fresh = target.with_name(target.name + ".new")
    subprocess.run(
        [_tool("pyside6-lrelease"), str(ts_path(language)), "-qm", str(fresh)],
        check=True,
        cwd=ROOT,
    )
    if target.exists() and target.read_bytes() == fresh.read_bytes():
        fresh.unlink()
    else:
        fresh.replace(target)


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
    problems = [p for path in core_sources() for p in core_problems(path)]
    for problem in problems:
        print(f"core message: {problem}", file=sys.stderr)
    if problems:
        return 1
    status = 0
    for language in LANGUAGES:
        if not args.no_update:
            ts = ts_path(language)
            previous = _messages(ET.parse(ts).getroot()) if ts.exists() else {}
            lupdate(language)
            added = add_helper_messages(ts, previous)
            print(f"    {added} helper-translated or core source text(s) added")
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
