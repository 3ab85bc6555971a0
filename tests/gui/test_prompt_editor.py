"""The prompt editor: live count, limit, recipe, recent prompts, Ctrl+Enter."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from sora_desktop.core.capabilities import MAX_PROMPT_CHARS
from sora_desktop.gui.prompt_editor import RECIPE_APPEND, RECIPE_REPLACE, PromptEditor
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
    assert text == "A red fox leaps in the snow. Camera: slow pan."
    assert compose_prompt({}) == ""
    assert compose_prompt({"style": "watercolour"}) == "Style: watercolour."


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        # the example: a scene typed without a preposition gets one
        (
            {
                "subject": "a red fox",
                "scene": "a snowy birch forest at dawn",
                "action": "trots towards the camera",
            },
            "A red fox trots towards the camera in a snowy birch forest at dawn.",
        ),
        # one that already places itself is used as typed
        (
            {"subject": "a paper boat", "scene": "on a rainy street", "action": "drifts"},
            "A paper boat drifts on a rainy street.",
        ),
        ({"subject": "a cat", "scene": "a quiet attic"}, "A cat in a quiet attic."),
        ({"scene": "inside a cabin", "action": "snow falls outside"}, None),
        ({"scene": "a misty valley"}, "Set in a misty valley."),
        (
            {"action": "walks away.", "lighting": "golden hour", "motion": "slow motion"},
            "Walks away. Lighting: golden hour. Motion: slow motion.",
        ),
    ],
)
def test_fields_make_a_readable_sentence(values: dict[str, str], expected: str | None) -> None:
    text = compose_prompt(values)
    if expected is not None:
        assert text == expected
    else:
        assert text == "Snow falls outside inside a cabin."


def _recipe(editor: PromptEditor, **values: str) -> None:
    editor.template_button.click()
    editor.template.clear()
    editor.template.set_values(values)
    editor.template.insert_button.click()


def test_recipe_fills_an_empty_prompt_and_replaces_its_own_text(qtbot: QtBot) -> None:
    editor = _editor(qtbot)
    asked: list[bool] = []
    editor.ask_recipe_mode = lambda: asked.append(True) or None  # type: ignore[func-returns-value]
    _recipe(editor, subject="a paper boat", action="drifts")
    assert editor.text() == "A paper boat drifts."
    # the prompt is the recipe's own: a changed recipe replaces it without asking
    _recipe(editor, subject="a paper boat", action="sinks slowly")
    assert editor.text() == "A paper boat sinks slowly."
    assert asked == []
    editor.edit.undo()  # one undo step takes the replacement back
    assert editor.text() == "A paper boat drifts."


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        (RECIPE_APPEND, "Opening shot.\nA paper boat. Lighting: neon reflections."),
        (RECIPE_REPLACE, "A paper boat. Lighting: neon reflections."),
        (None, "Opening shot."),
    ],
)
def test_recipe_asks_before_touching_the_creators_own_text(
    qtbot: QtBot, answer: str | None, expected: str
) -> None:
    editor = _editor(qtbot)
    editor.set_text("Opening shot.")
    asked: list[bool] = []

    def ask() -> str | None:
        asked.append(True)
        return answer

    editor.ask_recipe_mode = ask
    _recipe(editor, subject="a paper boat", lighting="neon reflections")
    assert asked == [True]
    assert editor.text() == expected


def test_the_recipe_question_has_buttons_that_say_what_they_do(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    editor = _editor(qtbot)
    editor.set_text("My own words.")
    seen: list[tuple[str, list[str]]] = []

    def click_add(box: QMessageBox) -> int:
        seen.append((box.text(), sorted(b.text() for b in box.buttons())))
        next(b for b in box.buttons() if b.text() == "Add at the end").click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", click_add)
    _recipe(editor, subject="a lighthouse")
    assert seen == [
        (
            "Your prompt already has text. Replace it with the recipe?",
            ["Add at the end", "Cancel", "Replace"],
        )
    ]
    assert editor.text() == "My own words.\nA lighthouse."


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
