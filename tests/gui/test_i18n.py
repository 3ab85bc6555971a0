"""Translations: the loader, the shipped Simplified Chinese catalogue, and its completeness."""

from __future__ import annotations

import importlib.util
import string
import subprocess
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QDialogButtonBox

from sora_desktop.core.store import JobStore
from sora_desktop.gui import i18n
from sora_desktop.gui.library_view import LibraryPanel

ROOT = Path(__file__).resolve().parents[2]


def _tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "update_translations", ROOT / "tools/update_translations.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def english_after(qapp: Any) -> Iterator[Any]:
    yield qapp
    i18n.install_translator(qapp, "en")


def test_zh_cn_translates_the_library(english_after: Any, qtbot: Any, tmp_path: Path) -> None:
    assert i18n.install_translator(english_after, "zh_CN") == "zh_CN"
    with JobStore(tmp_path / "library.db") as store:
        panel = LibraryPanel(store)
        qtbot.addWidget(panel)
        try:
            placeholder = panel.search.placeholderText()
            assert placeholder == "搜索提示词…"
            assert panel.model.headerData(0, Qt.Orientation.Horizontal) == "提示词"
        finally:
            panel.shutdown()
    # the status words are the use cases' (core context): one vocabulary for every panel
    assert QCoreApplication.translate("core", "Waiting in line") == "排队等待中"
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)  # Qt's own catalogue
    assert buttons.buttons()[0].text() == "取消"
    buttons.deleteLater()
    assert i18n.install_translator(english_after, "en") == "en"
    assert QCoreApplication.translate("LibraryPanel", "Search prompts…") == "Search prompts…"


def test_language_choice(qapp: Any) -> None:
    assert i18n._choose("zh_CN") == "zh_CN"
    assert i18n._choose("zh_TW") == "zh_CN"
    assert i18n._choose("en_GB") == "en"
    assert i18n._choose("de_DE") == "en"  # not shipped: the source language
    assert i18n._choose("") in {"en", "zh_CN"}  # the OS locale decides


def test_catalogue_is_shipped_inside_the_package() -> None:
    assert (i18n.translations_dir() / "sora_desktop_zh_CN.qm").is_file()
    assert i18n.translations_dir().is_relative_to(ROOT / "sora_desktop")


def test_every_message_is_translated() -> None:
    tool = _tool()
    ts = tool.ts_path("zh_CN")
    messages = list(ET.parse(ts).getroot().iter("message"))
    assert len(messages) > 100
    assert tool.untranslated(ts) == []
    # no code comment reaches the translators as a note (lupdate reads ``#:`` as one)
    assert [m.findtext("source") for m in messages if m.find("extracomment") is not None] == []


def test_catalogue_covers_every_gui_string(tmp_path: Path) -> None:
    """lupdate over all gui/*.py finds no string the shipped .ts lacks."""
    tool = _tool()
    fresh = tmp_path / "fresh.ts"
    files = [str(p) for p in tool.sources()]
    subprocess.run(
        [tool._tool("pyside6-lupdate"), *files, "-ts", str(fresh)], check=True, capture_output=True
    )

    def keys(path: Path) -> set[tuple[str, str]]:
        root = ET.parse(path).getroot()
        return {
            (ctx.findtext("name", ""), msg.findtext("source", ""))
            for ctx in root.iter("context")
            for msg in ctx.iter("message")
        }

    helpers = {
        (ctx, src) for path in tool.sources() for ctx, src, _line in tool.helper_messages(path)
    }
    assert ("QueueModel", "Retry…") in helpers  # strings behind a _t() helper count
    missing = (keys(fresh) | helpers) - keys(tool.ts_path("zh_CN"))
    assert not missing, f"run tools/update_translations.py and translate: {sorted(missing)[:10]}"


def test_compiled_catalogue_matches_the_source(tmp_path: Path) -> None:
    tool = _tool()
    out = tmp_path / "check.qm"
    subprocess.run(
        [tool._tool("pyside6-lrelease"), str(tool.ts_path("zh_CN")), "-qm", str(out)],
        check=True,
        capture_output=True,
    )
    assert out.read_bytes() == tool.qm_path("zh_CN").read_bytes(), (
        "the .qm is stale: run tools/update_translations.py"
    )


def test_tool_replaces_a_changed_catalogue_and_leaves_an_unchanged_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A running app has the .qm memory-mapped: the tool never writes into that file."""
    tool = _tool()
    monkeypatch.setattr(tool, "QM_DIR", tmp_path / "i18n")
    (tmp_path / "i18n").mkdir()
    target = tool.qm_path("zh_CN")
    target.write_bytes(b"an older catalogue")
    held = target.stat().st_ino
    tool.lrelease("zh_CN")
    replaced = target.stat().st_ino
    assert replaced != held, "a changed catalogue must be a new file renamed into place"
    assert target.read_bytes().startswith(bytes.fromhex("3cb86418"))  # Qt's .qm magic
    tool.lrelease("zh_CN")
    assert target.stat().st_ino == replaced, "an unchanged catalogue must not be rewritten"
    assert [p.name for p in (tmp_path / "i18n").iterdir()] == [target.name]


def test_tool_check_flags_unfinished(tmp_path: Path) -> None:
    ts = tmp_path / "x.ts"
    ts.write_text(
        '<?xml version="1.0" encoding="utf-8"?><!DOCTYPE TS><TS version="2.1" language="zh_CN">'
        "<context><name>C</name>"
        "<message><source>a</source><translation>甲</translation></message>"
        '<message><source>b</source><translation type="unfinished"></translation></message>'
        "<message><source>c</source><translation></translation></message>"
        "</context></TS>",
        encoding="utf-8",
    )
    assert _tool().untranslated(ts) == ["C: b", "C: c"]


def test_helper_scan_finds_literals_behind_translate_helpers(tmp_path: Path) -> None:
    module = tmp_path / "m.py"
    module.write_text(
        "from PySide6.QtCore import QCoreApplication\n"
        "def _t(text):\n"
        '    """Doc."""\n'
        '    return QCoreApplication.translate("Ctx", text)\n'
        "def other(text):\n"
        "    return text.upper()\n"
        'A = _t("Shown")\n'
        'B = other("Not a message")\n'
        "C = _t(A)\n",
        encoding="utf-8",
    )
    assert _tool().helper_messages(module) == [("Ctx", "Shown", 7)]


def _core_catalogue(tool: ModuleType) -> dict[str, ET.Element]:
    root = ET.parse(tool.ts_path("zh_CN")).getroot()
    return {
        msg.findtext("source", ""): msg
        for ctx in root.iter("context")
        if ctx.findtext("name") == tool.CORE_CONTEXT
        for msg in ctx.iter("message")
    }


def test_every_core_message_has_a_finished_translation_with_its_placeholders() -> None:
    """Every ``_()``/``N_()`` literal in sora_desktop/core is in the catalogue under "core",
    translated, with the same ``{fields}`` (and format specs) as the English template."""
    tool = _tool()
    templates = {src for path in tool.core_sources() for src, _line in tool.core_messages(path)}
    assert "The prompt is empty." in templates and "Simulator (this computer)" in templates
    assert len(templates) > 100
    catalogue = _core_catalogue(tool)
    missing = sorted(templates - set(catalogue))
    assert not missing, f"run tools/update_translations.py and translate: {missing[:10]}"

    def fields(text: str) -> list[tuple[str, str, str | None]]:
        return sorted(
            (name, spec, conv)
            for _lit, name, spec, conv in string.Formatter().parse(text)
            if name is not None
        )

    for source in templates:
        translation = catalogue[source].find("translation")
        assert translation is not None and translation.get("type") is None, source
        text = translation.text or ""
        assert text.strip() and text != source, source
        assert fields(text) == fields(source), (source, text)


def test_core_scan_finds_templates_and_refuses_what_cannot_be_translated(
    tmp_path: Path,
) -> None:
    tool = _tool()
    module = tmp_path / "m.py"
    module.write_text(
        "from .i18n import N_, _\n"
        'NOTE = N_("Marked")\n'
        "def f(host, n):\n"
        '    a = _("Could not reach {host}.").format(host=host)\n'
        "    b = _(NOTE)\n"
        '    c = _(f"Bad {host}")\n'
        '    d = _("x {n}".format(n=n))\n'
        "    e = N_(NOTE)\n"
        "    for _ in range(n):\n"
        "        pass\n"
        '    return [x for _, x in {"k": 1}.items()]\n',
        encoding="utf-8",
    )
    assert tool.core_messages(module) == [("Marked", 2), ("Could not reach {host}.", 4)]
    problems = [p.split(":", 2)[1:] for p in tool.core_problems(module)]
    assert sorted(int(line) for line, _why in problems) == [6, 7, 8, 9]
    rebound = dict(problems)["9"]
    assert rebound.strip().startswith("'_' is rebound")


def test_core_has_no_untranslatable_messages() -> None:
    tool = _tool()
    assert [p for path in tool.core_sources() for p in tool.core_problems(path)] == []
