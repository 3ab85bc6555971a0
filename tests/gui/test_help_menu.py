"""Help menu: the documentation, the keyboard shortcuts (read from the live actions) and
the log folder."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices, QKeySequence
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from sora_desktop.core.paths import AppPaths
from sora_desktop.gui import help_menu
from sora_desktop.gui.app import AppContext, build
from sora_desktop.gui.help_dialogs import DocsDialog, ShortcutsDialog, shortcut_rows

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def ctx(data_dir: Path, qtbot: QtBot) -> Iterator[AppContext]:
    context = build(AppPaths.default(data_dir))
    context.window.show()
    qtbot.waitExposed(context.window)
    qtbot.waitUntil(lambda: context.window.library is not None)  # its actions are listed too
    yield context
    context.close()


@pytest.fixture
def opened_urls(monkeypatch: pytest.MonkeyPatch) -> list[QUrl]:
    """QDesktopServices.openUrl records instead of opening anything."""
    urls: list[QUrl] = []

    def record(url: QUrl) -> bool:
        urls.append(url)
        return True

    monkeypatch.setattr(QDesktopServices, "openUrl", record)
    return urls


def _native(key: QKeySequence | QKeySequence.StandardKey) -> str:
    return QKeySequence(key).toString(QKeySequence.SequenceFormat.NativeText)


def test_the_menu_has_docs_shortcuts_logs_and_about(ctx: AppContext) -> None:
    menu = next(a.menu() for a in ctx.window.menuBar().actions() if a.text() == "&Help")
    texts = [a.text() for a in menu.actions() if not a.isSeparator()]
    assert texts == [
        "Sora Desktop &documentation",
        "&Keyboard shortcuts",
        "Open the &log folder",
        "&About Sora Desktop",
    ]
    assert ctx.window.help_actions.docs.shortcut() == QKeySequence(
        QKeySequence.StandardKey.HelpContents
    )


def test_keyboard_shortcuts_come_from_the_real_actions(
    ctx: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[list[tuple[str, str]]] = []

    def fake_exec(dialog: QDialog) -> int:
        assert isinstance(dialog, ShortcutsDialog)
        shown.append(dialog.rows())
        return 0

    monkeypatch.setattr(QDialog, "exec", fake_exec)
    ctx.window.help_actions.shortcuts.trigger()
    rows = dict(shown[0])
    ctrl_return = _native(QKeySequence("Ctrl+Return"))
    assert ctrl_return in rows["Generate"]  # the menu action and the editor's shortcut
    assert _native(QKeySequence("Ctrl+Enter")) in rows["Generate"]
    quit_keys = _native(QKeySequence.StandardKey.Quit)  # none on some platforms
    assert rows.get("Quit", "") == quit_keys
    assert rows["Export selected videos"] == _native(QKeySequence("Ctrl+E"))
    assert rows["Sora Desktop documentation"] == _native(QKeySequence.StandardKey.HelpContents)
    assert rows["Play or pause the clip"] == _native(QKeySequence("Space"))
    assert rows["Delete from this computer"] == _native(QKeySequence.StandardKey.Delete)
    # the list can't drift: change a key and the next list shows the new one
    export = next(
        a
        for a in ctx.window.findChildren(type(ctx.window.help_actions.docs))
        if a.text() == "&Export selected videos…"
    )
    export.setShortcut(QKeySequence("Ctrl+Shift+X"))
    assert dict(shortcut_rows(ctx.window))["Export selected videos"] == _native(
        QKeySequence("Ctrl+Shift+X")
    )


@pytest.mark.qt_log_ignore("This plugin does not support raise.*")  # offscreen: no stacking
def test_documentation_opens_the_bundled_readme(ctx: AppContext, qtbot: QtBot) -> None:
    index = help_menu.docs_index()
    assert index is not None and index.read_text(encoding="utf-8").startswith("# Sora Desktop")
    ctx.window.help_actions.docs.trigger()
    dialog = ctx.window.findChild(DocsDialog)
    assert dialog is not None and dialog.isVisible()
    assert dialog.browser.source() == QUrl.fromLocalFile(str(index))
    assert "The command line" in dialog.browser.toPlainText()  # Markdown, rendered
    assert "##" not in dialog.browser.toPlainText()
    # the README's links to docs/ resolve next to it, and open in the same viewer
    assert "](docs/cli.md)" in index.read_text(encoding="utf-8")
    dialog.browser.setSource(dialog.browser.source().resolved(QUrl("docs/cli.md")))
    assert Path(dialog.browser.source().toLocalFile()) == index.parent / "docs" / "cli.md"
    assert "sora-desktop generate" in dialog.browser.toPlainText()
    ctx.window.help_actions.docs.trigger()  # again: the same window, raised
    assert len(ctx.window.findChildren(DocsDialog)) == 1


def test_documentation_missing_is_said(ctx: AppContext, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(help_menu, "docs_index", lambda: None)
    ctx.window.help_actions.docs.trigger()
    assert ctx.window.findChild(DocsDialog) is None
    assert "not installed" in ctx.window.statusBar().currentMessage()


def test_open_the_log_folder(ctx: AppContext, opened_urls: list[QUrl]) -> None:
    log_dir = ctx.paths.log_dir
    ctx.window.help_actions.logs.trigger()
    assert opened_urls == [QUrl.fromLocalFile(str(log_dir))]
    assert log_dir.is_dir()  # made when it did not exist yet


def test_open_the_log_folder_says_where_when_it_fails(
    ctx: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda _url: False)
    ctx.window.help_actions.logs.trigger()
    assert str(ctx.paths.log_dir) in ctx.window.statusBar().currentMessage()


def test_a_bundle_finds_its_copy_first(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    package = tmp_path / "sora_desktop"
    (package / "resources" / "docs").mkdir(parents=True)
    (package / "resources" / "docs" / "README.md").write_text("# bundled", encoding="utf-8")
    monkeypatch.setattr(help_menu, "_PACKAGE", package)
    assert help_menu.docs_index() == package / "resources" / "docs" / "README.md"
    (package / "resources" / "docs" / "README.md").unlink()
    assert help_menu.docs_index() is None  # no checkout around it either
    assert (ROOT / "README.md").is_file()
