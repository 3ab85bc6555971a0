"""The prompt recipe: subject, scene, action, camera, lighting, style, motion.

The API has no style/motion/camera fields (videos-api.md section 1): they belong in the prompt
text, so the builder composes plain sentences that are inserted into the editor.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QHBoxLayout, QPushButton, QWidget

FIELDS: tuple[str, ...] = ("subject", "scene", "action", "camera", "lighting", "style", "motion")


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


SUGGESTIONS: dict[str, tuple[str, ...]] = {
    "subject": (
        "a red fox",
        "a paper boat",
        "an old lighthouse keeper's cat",
        "a small robot gardener",
        "a hot-air balloon",
    ),
    "scene": (
        "in a snowy pine forest at dawn",
        "on a rain-soaked city street at night",
        "on a quiet beach at sunset",
        "inside a cosy wooden cabin",
        "above a misty mountain valley",
    ),
    "action": (
        "walks slowly towards the camera",
        "leaps over a fallen log",
        "drifts gently along the water",
        "looks up as snow begins to fall",
        "turns around and smiles",
    ),
    "camera": (
        "slow dolly-in",
        "wide establishing shot",
        "handheld close-up",
        "aerial drone shot, slowly rising",
        "static tripod shot",
        "tracking shot from the side",
    ),
    "lighting": (
        "golden hour sunlight",
        "soft overcast light",
        "neon reflections",
        "warm candlelight",
        "dramatic backlight with long shadows",
    ),
    "style": (
        "cinematic, 35 mm film grain",
        "photorealistic",
        "hand-drawn watercolour animation",
        "stop-motion claymation",
        "vintage 1970s documentary",
    ),
    "motion": (
        "slow motion",
        "smooth and steady",
        "fast, energetic cuts",
        "gentle floating movement",
        "time-lapse",
    ),
}


def compose_prompt(values: Mapping[str, str]) -> str:
    """Plain prompt text from the recipe; empty fields are left out.

    ``subject scene action.`` form the first sentence; camera, lighting, style and motion
    follow as labelled sentences, the way the Sora prompting guide writes them.
    """
    v = {k: (values.get(k) or "").strip().rstrip(".") for k in FIELDS}
    first = " ".join(part for part in (v["subject"], v["scene"], v["action"]) if part)
    sentences: list[str] = []
    if first:
        sentences.append(first[0].upper() + first[1:] + ".")
    for key, label in (
        ("camera", "Camera"),
        ("lighting", "Lighting"),
        ("style", "Style"),
        ("motion", "Motion"),
    ):
        if v[key]:
            sentences.append(f"{label}: {v[key]}.")
    return " ".join(sentences)


class TemplateBuilder(QWidget):
    """Editable combos for each recipe field and an "Insert into prompt" button.

    ``insert_requested(str)`` carries the composed text.
    """

    insert_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        self.combos: dict[str, QComboBox] = {}
        labels = field_labels()
        for key in FIELDS:
            combo = QComboBox(self)
            combo.setEditable(True)
            combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
            combo.addItem("")
            combo.addItems(list(SUGGESTIONS[key]))
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
