"""The prompt recipe: subject, scene, action, camera, lighting, style, motion.

The API has no style/motion/camera fields (docs/architecture.md, "The video APIs"): they
belong in the prompt text, so the builder composes plain sentences that go into the editor.
Every sentence is made from a translatable template, never by gluing words together: English
says "A fox runs in a forest.", Chinese "在森林里，一只狐狸奔跑。", and each language keeps
its own word order and connecting words. The suggestions in the lists are translated too.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QHBoxLayout, QPushButton, QWidget

FIELDS: tuple[str, ...] = ("subject", "scene", "action", "camera", "lighting", "style", "motion")
_TRAILING = " \t\n.。,，;；:：!！"


def _t(text: str) -> str:
    return QCoreApplication.translate("TemplateBuilder", text)


def field_labels() -> dict[str, str]:
    return {
        "subject": _t("Subject"),
        "scene": _t("Scene"),
        "action": _t("Action"),
        "camera": _t("Camera"),
        "lighting": _t("Lighting"),
        "style": _t("Style"),
        "motion": _t("Motion"),
    }


def suggestions() -> dict[str, tuple[str, ...]]:
    """The ready-made choices of each field, in the UI's language."""
    return {
        "subject": (
            _t("a red fox"),
            _t("a paper boat"),
            _t("an old lighthouse keeper's cat"),
            _t("a small robot gardener"),
            _t("a hot-air balloon"),
        ),
        "scene": (
            _t("in a snowy pine forest at dawn"),
            _t("on a rain-soaked city street at night"),
            _t("on a quiet beach at sunset"),
            _t("inside a cosy wooden cabin"),
            _t("above a misty mountain valley"),
        ),
        "action": (
            _t("walks slowly towards the camera"),
            _t("leaps over a fallen log"),
            _t("drifts gently along the water"),
            _t("looks up as snow begins to fall"),
            _t("turns around and smiles"),
        ),
        "camera": (
            _t("slow dolly-in"),
            _t("wide establishing shot"),
            _t("handheld close-up"),
            _t("aerial drone shot, slowly rising"),
            _t("static tripod shot"),
            _t("tracking shot from the side"),
        ),
        "lighting": (
            _t("golden hour sunlight"),
            _t("soft overcast light"),
            _t("neon reflections"),
            _t("warm candlelight"),
            _t("dramatic backlight with long shadows"),
        ),
        "style": (
            _t("cinematic, 35 mm film grain"),
            _t("photorealistic"),
            _t("hand-drawn watercolour animation"),
            _t("stop-motion claymation"),
            _t("vintage 1970s documentary"),
        ),
        "motion": (
            _t("slow motion"),
            _t("smooth and steady"),
            _t("fast, energetic cuts"),
            _t("gentle floating movement"),
            _t("time-lapse"),
        ),
    }


def _places_itself(scene: str) -> bool:
    """Whether ``scene`` already starts with a word that places it ("on a beach")."""
    # For translators: the words that may start a typed scene, separated by spaces; a scene
    # starting with one is used as typed, any other gets the "in {scene}" connector.
    words = _t(
        "in on at inside outside above under over near by across through along "
        "beneath behind into onto from within among around beside between"
    ).split()
    lowered = scene.lower()
    for word in words:
        if lowered.startswith(word.lower()):
            rest = scene[len(word) :]
            # a whole English word ("on a beach", not "ontology"); a Chinese word stands
            # on its own without a space ("在森林里")
            if not rest or not rest[0].isalnum() or not word.isascii():
                return True
    return False


def _where(scene: str) -> str:
    return scene if _places_itself(scene) else _t("in {scene}").format(scene=scene)


def _first_sentence(subject: str, action: str, scene: str) -> str:
    where = _where(scene) if scene else ""
    templates = {
        (True, True, True): _t("{subject} {action} {where}."),
        (True, True, False): _t("{subject} {action}."),
        (True, False, True): _t("{subject} {where}."),
        (False, True, True): _t("{action} {where}."),
        (True, False, False): _t("{subject}."),
        (False, True, False): _t("{action}."),
        (False, False, True): _t("Set {where}."),
    }
    template = templates.get((bool(subject), bool(action), bool(scene)))
    if template is None:
        return ""
    text = template.format(subject=subject, action=action, where=where)
    return text[:1].upper() + text[1:]


def compose_prompt(values: Mapping[str, str]) -> str:
    """Prompt text from the recipe, in the UI's language; empty fields are left out.

    Subject, action and scene make the first sentence, with the connecting words of the
    language ("A fox runs in a forest."); camera, lighting, style and motion follow as
    labelled sentences, the way the Sora prompting guide writes them.
    """
    v = {k: (values.get(k) or "").strip().rstrip(_TRAILING).strip() for k in FIELDS}
    sentences = [_first_sentence(v["subject"], v["action"], v["scene"])]
    details = {
        "camera": _t("Camera: {0}."),
        "lighting": _t("Lighting: {0}."),
        "style": _t("Style: {0}."),
        "motion": _t("Motion: {0}."),
    }
    sentences += [template.format(v[key]) for key, template in details.items() if v[key]]
    text = ""
    for sentence in filter(None, sentences):
        # how two sentences follow each other: a space in English, nothing in Chinese
        text = _t("{0} {1}").format(text, sentence) if text else sentence
    return text


class TemplateBuilder(QWidget):
    """Editable combos for each recipe field and an "Insert into prompt" button.

    ``insert_requested(str)`` carries the composed text (the editor decides whether it
    replaces the prompt or is added to it).
    """

    insert_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        self.combos: dict[str, QComboBox] = {}
        labels = field_labels()
        offered = suggestions()
        for key in FIELDS:
            combo = QComboBox(self)
            combo.setEditable(True)
            combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
            combo.addItem("")
            combo.addItems(list(offered[key]))
            combo.setCurrentIndex(0)
            line = combo.lineEdit()
            if line is not None:
                line.setPlaceholderText(self.tr("type or pick…"))
            combo.setObjectName(f"template_{key}")
            self.combos[key] = combo
            form.addRow(labels[key], combo)
        buttons = QHBoxLayout()
        self.clear_button = QPushButton(self.tr("Clear"), self)
        self.clear_button.clicked.connect(self.clear)
        self.insert_button = QPushButton(self.tr("Insert into prompt"), self)
        self.insert_button.setObjectName("template_insert")
        self.insert_button.clicked.connect(self._insert)
        buttons.addStretch(1)
        buttons.addWidget(self.clear_button)
        buttons.addWidget(self.insert_button)
        form.addRow(buttons)

    def values(self) -> dict[str, str]:
        return {key: combo.currentText() for key, combo in self.combos.items()}

    def set_values(self, values: Mapping[str, str]) -> None:
        for key, text in values.items():
            if key in self.combos:
                self.combos[key].setEditText(text)

    def clear(self) -> None:
        for combo in self.combos.values():
            combo.setCurrentIndex(0)
            combo.setEditText("")

    def composed(self) -> str:
        return compose_prompt(self.values())

    def _insert(self) -> None:
        text = self.composed()
        if text:
            self.insert_requested.emit(text)
