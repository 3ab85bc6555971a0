"""The window's items in the Chinese UI: the recipe writes Chinese sentences (Chinese word
order and connecting words) from Chinese suggestions; the size limit reads naturally."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PIL import Image
from pytestqt.qtbot import QtBot

from sora_desktop.core import i18n as core_i18n
from sora_desktop.core.errors import InvalidRequestError
from sora_desktop.core.images import MAX_PIXELS, check_reference_image
from sora_desktop.gui import i18n
from sora_desktop.gui.prompt_editor import PromptEditor
from sora_desktop.gui.template_builder import FIELDS, compose_prompt

HAN = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture
def zh(qapp: Any) -> Iterator[Any]:
    assert i18n.install_translator(qapp, "zh_CN") == "zh_CN"
    try:
        yield qapp
    finally:
        i18n.install_translator(qapp, "en")
        core_i18n.install(None)


def test_the_recipe_suggests_in_chinese(zh: Any, qtbot: QtBot) -> None:
    editor = PromptEditor()
    qtbot.addWidget(editor)
    editor.template_button.click()
    for key in FIELDS:
        combo = editor.template.combos[key]
        offered = [combo.itemText(i) for i in range(1, combo.count())]
        assert offered and all(HAN.search(text) for text in offered), (key, offered)


def test_the_recipe_writes_a_chinese_sentence(zh: Any, qtbot: QtBot) -> None:
    editor = PromptEditor()
    qtbot.addWidget(editor)
    editor.template_button.click()
    combos = editor.template.combos
    combos["subject"].setCurrentIndex(1)  # 一只红狐狸
    combos["scene"].setCurrentIndex(1)  # 在黎明时分积雪的松林里
    combos["action"].setCurrentIndex(1)  # 缓缓走向镜头
    combos["camera"].setCurrentIndex(1)  # 缓慢推镜
    editor.template.insert_button.click()
    # the place first, then who does what; Chinese punctuation, no spaces between sentences
    assert editor.text() == "在黎明时分积雪的松林里，一只红狐狸缓缓走向镜头。镜头：缓慢推镜。"


def test_a_typed_chinese_scene_gets_its_connecting_word(zh: Any) -> None:
    assert compose_prompt({"subject": "一只猫", "scene": "阁楼里", "action": "打了个哈欠"}) == (
        "在阁楼里，一只猫打了个哈欠。"
    )
    # a scene that already says where is used as typed
    assert compose_prompt({"subject": "一只猫", "scene": "在屋顶上", "action": "睡觉"}) == (
        "在屋顶上，一只猫睡觉。"
    )
    assert compose_prompt({"scene": "在海边"}) == "在海边。"


def test_the_size_limit_reads_naturally_in_chinese(zh: Any, tmp_path: Path) -> None:
    """'50 百万像素' is not how Chinese says 50 megapixels: 5000 万像素 is."""
    side = int(MAX_PIXELS**0.5) + 16
    big = tmp_path / "big.png"
    Image.new("L", (side, side)).save(big)
    with pytest.raises(InvalidRequestError) as refused:
        check_reference_image(big, "1280x720")
    message = refused.value.message
    assert f"{MAX_PIXELS // 1_000_000}00 万像素" in message  # 50 MP: 5000 万像素
    assert "百万像素" not in message
