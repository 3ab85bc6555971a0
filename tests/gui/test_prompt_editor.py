"""The prompt editor: live count, limit, recipe, recent prompts, Ctrl+Enter."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from pytestqt.qtbot import QtBot

from sora_desktop.core.capabilities import MAX_PROMPT_CHARS
from sora_desktop.gui.prompt_editor import PromptEditor
from sora_desktop.gui.template_builder import TemplateBuilder, compose_prompt


def _editor(qtbot: QtBot) -> PromptEditor:
    editor = PromptEditor()
    qtbot.addWidget(editor)
    return editor


def test_count_follows_typing_and_turns_red_past_the_limit(qtbot: QtBot) -> None:
    editor = _editor(qtbot)
    assert editor.count_label.text() == f"0 / {MAX_PROMPT_CHARS}"
    assert editor.problem() is not None  # empty
    qtbot.keyClicks(editor.edit, "A fox")
    assert editor.count_label.text() == f"5 / {MAX_PROMPT_CHARS}"
    assert editor.problem() is None
    normal = editor.count_label.palette().color(QPalette.ColorRole.WindowText)

    editor.set_max_chars(10)
    editor.set_text("x" * 11)
    assert editor.count_label.text() == "11 / 10"
    problem = editor.problem()
    assert problem is not None and "1" in problem and "10" in problem
    assert editor.count_label.palette().color(QPalette.ColorRole.WindowText) != normal
    editor.set_text("x" * 10)
    assert editor.problem() is None
    assert editor.count_label.palette().color(QPalette.ColorRole.WindowText) == normal


def test_whitespace_only_prompt_is_refused(qtbot: QtBot) -> None:
    editor = _editor(qtbot)
    editor.set_text("   \n  ")
    assert editor.problem() is not None


def test_compose_prompt_leaves_out_empty_fields() -> None:
    text = compose_prompt(
        {"subject": "a red fox", "scene": "in the snow", "action": "leaps", "camera": "slow pan."}
    )
    assert text == "A red fox in the snow leaps. Camera: slow pan."
    assert compose_prompt({}) == ""
    assert compose_prompt({"style": "watercolour"}) == "Style: watercolour."


def test_recipe_inserts_into_the_editor(qtbot: QtBot) -> None:
    editor = _editor(qtbot)
    editor.set_text("Opening shot.")
    editor.edit.moveCursor(editor.edit.textCursor().MoveOperation.End)
    editor.template_button.click()
    assert not editor.template.isHidden()
    combos = editor.template.combos
    combos["subject"].setEditText("a paper boat")
    combos["lighting"].setCurrentIndex(2)  # a suggestion from the list
    chosen = combos["lighting"].currentText()
    assert chosen
    editor.template.insert_button.click()
    assert editor.text() == f"Opening shot.\nA paper boat. Lighting: {chosen}."


def test_recipe_with_nothing_filled_inserts_nothing(qtbot: QtBot) -> None:
    builder = TemplateBuilder()
    qtbot.addWidget(builder)
    with qtbot.assertNotEmitted(builder.insert_requested):
        builder.insert_button.click()


def test_recent_prompts_menu_restores_a_prompt(qtbot: QtBot) -> None:
    editor = _editor(qtbot)
    assert not editor.recent_button.isEnabled()
    editor.set_recent_prompts(["first & best", "second", "  "])
    assert editor.recent_button.isEnabled()
    actions = editor.recent_menu.actions()
    assert [a.toolTip() for a in actions] == ["first & best", "second"]
    actions[1].trigger()
    assert editor.text() == "second"


def test_ctrl_enter_asks_to_generate(qtbot: QtBot) -> None:
    editor = _editor(qtbot)
    editor.show()
    qtbot.waitExposed(editor)
    editor.activateWindow()
    editor.edit.setFocus()
    qtbot.waitUntil(editor.edit.hasFocus, timeout=2000)
    with qtbot.waitSignal(editor.generate_requested, timeout=2000):
        qtbot.keyClick(editor.edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert "\n" not in editor.text()  # the key did not also type a newline
