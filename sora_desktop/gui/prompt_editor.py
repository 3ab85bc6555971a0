"""The prompt editor: plain text, a live character count, the template recipe, recent prompts.

Ctrl+Enter (Cmd+Enter on macOS: Qt maps Ctrl to Cmd there) asks for a generation.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMenu,
    QPlainTextEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from sora_desktop.core.capabilities import MAX_PROMPT_CHARS
from sora_desktop.gui.shortcuts import ctrl_enter
from sora_desktop.gui.theme import set_error_style

if TYPE_CHECKING:
    from sora_desktop.gui.template_builder import TemplateBuilder

_RECENT_SHOWN = 15
RECIPE_REPLACE, RECIPE_APPEND = "replace", "append"
_MENU_ELIDE = 80


class PromptEditor(QWidget):
    """Signals: ``changed`` on every edit, ``generate_requested`` on Ctrl+Enter."""

    changed = Signal()
    generate_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._max_chars = MAX_PROMPT_CHARS
        self._recent: list[str] = []
        self._recipe_text: str | None = None  # what the recipe last wrote into the prompt
        #: asks how the recipe goes in when the prompt has the creator's own text:
        #: RECIPE_REPLACE, RECIPE_APPEND or None (leave it); replaceable in tests
        self.ask_recipe_mode: Callable[[], str | None] = self._ask_recipe_mode
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)

        header = QHBoxLayout()
        title = QLabel(self.tr("<b>Prompt</b>"), self)
        header.addWidget(title)
        header.addStretch(1)
        self.recent_button = QToolButton(self)
        self.recent_button.setText(self.tr("Recent"))
        self.recent_button.setToolTip(self.tr("Reuse one of your recent prompts"))
        self.recent_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.recent_menu = QMenu(self.recent_button)
        self.recent_button.setMenu(self.recent_menu)
        header.addWidget(self.recent_button)
        self.template_button = QToolButton(self)
        self.template_button.setText(self.tr("Recipe"))
        self.template_button.setToolTip(
            self.tr("Build a prompt from subject, scene, action, camera, lighting, style, motion")
        )
        self.template_button.setCheckable(True)
        header.addWidget(self.template_button)
        layout.addLayout(header)

        self.edit = QPlainTextEdit(self)
        self.edit.setObjectName("prompt_edit")
        self.edit.setPlaceholderText(
            self.tr(
                "Describe the video: who or what, where, what happens, the camera, the light "
                "and the style. Press Ctrl+Enter to generate."
            )
        )
        self.edit.setTabChangesFocus(True)
        self.edit.textChanged.connect(self._on_text_changed)
        layout.addWidget(self.edit, 1)

        self.count_label = QLabel(self)
        self.count_label.setObjectName("prompt_count")
        self.count_label.setAlignment(Qt.AlignmentFlag.AlignRight)
        layout.addWidget(self.count_label)

        # the recipe panel is made when first opened: most starts never show it
        self._layout = layout
        self._template: TemplateBuilder | None = None
        self.template_button.toggled.connect(lambda on: self.template.setVisible(on))

        for shortcut in ctrl_enter(self, self.generate_requested.emit):
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.setWhatsThis(self.tr("Generate"))  # listed in Help > Keyboard shortcuts
        self.set_recent_prompts([])
        self._update_count()

    @property
    def template(self) -> TemplateBuilder:
        """The recipe panel (built on first use, below the editor)."""
        if self._template is None:
            from sora_desktop.gui.template_builder import TemplateBuilder
            from sora_desktop.gui.wheel_guard import guard_wheel

            self._template = TemplateBuilder(self)
            self._template.setVisible(False)
            self._template.insert_requested.connect(self.apply_recipe)
            guard_wheel(self._template)  # scrolling past the recipe never changes a field
            self._layout.addWidget(self._template)
        return self._template

    # --- text -------------------------------------------------------------------------
    def text(self) -> str:
        return self.edit.toPlainText()

    def set_text(self, text: str) -> None:
        self.edit.setPlainText(text)

    def apply_recipe(self, text: str) -> None:
        """Put the recipe's ``text`` into the prompt without losing what the creator wrote.

        An empty prompt, or one the recipe wrote and nobody changed since, is replaced.
        Otherwise :attr:`ask_recipe_mode` asks: replace it, add the recipe at the end, or
        leave the prompt alone. Undo (Ctrl+Z) takes the change back either way."""
        current = self.text().strip()
        if not current or current == (self._recipe_text or "").strip():
            mode: str | None = RECIPE_REPLACE
        else:
            mode = self.ask_recipe_mode()
        if mode not in (RECIPE_REPLACE, RECIPE_APPEND):
            return
        from PySide6.QtGui import QTextCursor  # (made when first used, not with the window)

        cursor = self.edit.textCursor()
        cursor.beginEditBlock()  # one undo step
        if mode == RECIPE_REPLACE:
            cursor.select(QTextCursor.SelectionType.Document)
            cursor.insertText(text)
        else:
            cursor.movePosition(QTextCursor.MoveOperation.End)
            cursor.insertText(("" if self.text().endswith("\n") else "\n") + text)
        cursor.endEditBlock()
        self.edit.setTextCursor(cursor)
        # a prompt that is exactly the recipe's may be replaced by the next recipe silently
        self._recipe_text = text if mode == RECIPE_REPLACE else None
        self.edit.setFocus()

    def _ask_recipe_mode(self) -> str | None:
        from PySide6.QtWidgets import QMessageBox  # imported where a box opens, not at start-up

        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Insert the recipe"))
        box.setText(self.tr("Your prompt already has text. Replace it with the recipe?"))
        box.setInformativeText(
            self.tr("Or add the recipe's sentences at the end of what you wrote.")
        )
        replace = box.addButton(self.tr("Replace"), QMessageBox.ButtonRole.AcceptRole)
        append = box.addButton(self.tr("Add at the end"), QMessageBox.ButtonRole.ActionRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(append)
        box.exec()
        clicked = box.clickedButton()
        if clicked is replace:
            return RECIPE_REPLACE
        if clicked is append:
            return RECIPE_APPEND
        return None

    def set_max_chars(self, limit: int) -> None:
        self._max_chars = limit
        self._update_count()

    @property
    def max_chars(self) -> int:
        return self._max_chars

    def problem(self) -> str | None:
        """Why the prompt can't be sent as it is, or None."""
        text = self.text()
        if not text.strip():
            return self.tr("Write a prompt first.")
        if len(text) > self._max_chars:
            return self.tr("The prompt is {0} characters too long (the limit is {1}).").format(
                len(text) - self._max_chars, self._max_chars
            )
        return None

    # --- recent prompts --------------------------------------------------------------
    def set_recent_prompts(self, prompts: Sequence[str]) -> None:
        self._recent = [p for p in prompts if p.strip()][:_RECENT_SHOWN]
        self.recent_menu.clear()
        for prompt in self._recent:
            flat = " ".join(prompt.split())
            label = flat if len(flat) <= _MENU_ELIDE else flat[: _MENU_ELIDE - 1] + "…"
            action = self.recent_menu.addAction(label.replace("&", "&&"))
            action.setToolTip(prompt)
            action.triggered.connect(lambda _checked=False, p=prompt: self.set_text(p))
        self.recent_button.setEnabled(bool(self._recent))

    def recent_prompts(self) -> list[str]:
        return list(self._recent)

    # --- internals ---------------------------------------------------------------------
    def _on_text_changed(self) -> None:
        self._update_count()
        self.changed.emit()

    def _update_count(self) -> None:
        n = len(self.text())
        self.count_label.setText(self.tr("{0} / {1}").format(n, self._max_chars))
        over = n > self._max_chars
        set_error_style(self.count_label, over)
        self.count_label.setToolTip(
            self.tr("Too long: shorten the prompt to send it.") if over else ""
        )
