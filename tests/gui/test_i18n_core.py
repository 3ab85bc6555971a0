"""Core's messages and the built-in profile's name in the zh_CN UI (and English without it).

The errors here are real ones: a request core's own validation refuses, and a 401 from a
server (``httpx.MockTransport``) mapped by the client on core's I/O thread.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from sora_desktop.core import i18n as core_i18n
from sora_desktop.core.capabilities import SORA_2, validate_request
from sora_desktop.core.client import VideoClient
from sora_desktop.core.errors import AuthenticationError, InvalidRequestError, SoraError
from sora_desktop.core.loop_thread import LoopThread
from sora_desktop.core.models import Connection, ConnectionKind, VideoRequest
from sora_desktop.core.profiles import SIMULATOR_ID, SIMULATOR_PROFILE, ProfileStore, make_profile
from sora_desktop.gui import i18n
from sora_desktop.gui.banner import Banner
from sora_desktop.gui.connections_dialog import ConnectionsDialog
from sora_desktop.gui.error_presenter import ErrorPresenter
from sora_desktop.gui.settings_panel import SettingsPanel

HAN = re.compile(r"[\u4e00-\u9fff]")
KEY = "sk-test-0b5e1f7c2a9d44"


@pytest.fixture
def zh(qapp: Any) -> Iterator[Any]:
    assert i18n.install_translator(qapp, "zh_CN") == "zh_CN"
    try:
        yield qapp
    finally:
        i18n.install_translator(qapp, "en")
        core_i18n.install(None)


@pytest.fixture
def english(qapp: Any) -> Iterator[Any]:
    assert i18n.install_translator(qapp, "en") == "en"
    try:
        yield qapp
    finally:
        core_i18n.install(None)


def _too_long_prompt() -> InvalidRequestError:
    prompt = "a quiet harbour at dawn " * 1400  # 33,600 characters: over the 32,000 limit
    request = VideoRequest(prompt=prompt, model="sora-2", size="720x1280", seconds=4)
    with pytest.raises(InvalidRequestError) as info:
        validate_request(request, SORA_2)
    assert len(prompt) > SORA_2.max_prompt_chars
    return info.value


def _refused_key() -> AuthenticationError:
    """A 401 from a server, mapped by the client on core's I/O thread (not the GUI's)."""

    def handler(request: httpx.Request) -> httpx.Response:
        assert request.headers["Authorization"] == f"Bearer {KEY}"
        return httpx.Response(
            401, json={"error": {"message": "Incorrect API key provided.", "code": "bad_key"}}
        )

    connection = Connection(kind=ConnectionKind.OPENAI, base_url="https://api.example.test/v1")

    async def call() -> None:
        async with VideoClient(connection, KEY, transport=httpx.MockTransport(handler)) as client:
            await client.retrieve("video_123")

    loop = LoopThread()
    loop.start()
    try:
        with pytest.raises(AuthenticationError) as info:
            loop.run(call(), timeout=30)
    finally:
        loop.stop()
    return info.value


def _present(qtbot: QtBot, error: SoraError, *, modal: bool = False) -> str:
    parent = QWidget()
    qtbot.addWidget(parent)
    presenter = ErrorPresenter(parent, Path("/logs/x.log"), Banner(parent))
    with qtbot.waitSignal(presenter.shown) as blocker:
        presenter.show(error, modal=modal)
    return str(blocker.args[0])


def test_core_validation_error_is_chinese_with_its_numbers(
    zh: Any, qtbot: QtBot, boxes: list[QMessageBox]
) -> None:
    error = _too_long_prompt()
    text = _present(qtbot, error)
    length = str(len("a quiet harbour at dawn " * 1400))
    assert HAN.search(error.message) and HAN.search(error.next_step)
    assert text.startswith(error.message) and text.endswith(error.next_step)
    assert length in text and "sora-2" in text and str(SORA_2.max_prompt_chars) in text
    assert "{" not in text and "}" not in text  # every placeholder filled
    assert "characters" not in text and "Shorten" not in text
    assert error.param == "prompt"  # the field stays machine-readable
    modal = _present(qtbot, error, modal=True)
    assert modal == text and boxes[-1].text() == error.message


def test_refused_key_from_the_io_thread_is_chinese(zh: Any, qtbot: QtBot) -> None:
    error = _refused_key()
    text = _present(qtbot, error)
    assert HAN.search(error.message) and HAN.search(error.next_step)
    assert "Incorrect API key provided." in error.message  # the server's words, kept as sent
    assert "was refused" not in text and "{" not in text
    assert error.status_code == 401 and error.code == "bad_key"


def test_without_a_translator_core_speaks_english(english: Any, qtbot: QtBot) -> None:
    error = _too_long_prompt()
    text = _present(qtbot, error)
    assert not HAN.search(text)
    assert text == (
        f"The prompt has {len('a quiet harbour at dawn ' * 1400)} characters; sora-2 accepts "
        f"at most {SORA_2.max_prompt_chars}. Shorten the prompt."
    )
    refused = _refused_key()
    assert refused.message == "The API key was refused (Incorrect API key provided.)."


def test_switching_back_to_english_reaches_new_core_messages(zh: Any, qtbot: QtBot) -> None:
    assert HAN.search(_too_long_prompt().message)
    i18n.install_translator(zh, "en")
    assert not HAN.search(_too_long_prompt().message)


def test_profile_combo_shows_the_builtin_name_translated(zh: Any, qtbot: QtBot) -> None:
    mine = make_profile("My gateway", ConnectionKind.COMPATIBLE, base_url="https://gw.test/v1")
    panel = SettingsPanel()
    qtbot.addWidget(panel)
    panel.set_profiles([SIMULATOR_PROFILE, mine], SIMULATOR_ID)
    combo = panel.profile_combo
    builtin = combo.itemText(combo.findData(SIMULATOR_ID))
    assert HAN.search(builtin) and builtin != SIMULATOR_PROFILE.name
    assert combo.itemText(combo.findData(mine.id)) == "My gateway"  # a user's name as typed
    assert panel.current_profile() == SIMULATOR_PROFILE  # the stored name is untouched
    assert SIMULATOR_PROFILE.name == "Simulator (this computer)"


def test_profile_combo_in_english(english: Any, qtbot: QtBot) -> None:
    panel = SettingsPanel()
    qtbot.addWidget(panel)
    panel.set_profiles([SIMULATOR_PROFILE], SIMULATOR_ID)
    assert panel.profile_combo.itemText(0) == "Simulator (this computer)"


def test_connections_dialog_lists_and_shows_the_builtin_name_translated(
    zh: Any, qtbot: QtBot, tmp_path: Path
) -> None:
    store = ProfileStore(tmp_path / "profiles.json")
    dialog = ConnectionsDialog(store, None)
    qtbot.addWidget(dialog)
    dialog.select_profile(SIMULATOR_ID)
    shown = i18n.profile_name(SIMULATOR_PROFILE)
    assert HAN.search(shown)
    assert dialog.list.currentItem().text().split("\n")[0] == shown
    assert dialog.form.name_edit.text() == shown
    # what the form hands back keeps the English name that settings and the CLI refer to
    assert dialog.form.to_profile(store.ids()).name == "Simulator (this computer)"
    assert store.get(SIMULATOR_ID) == SIMULATOR_PROFILE


def test_a_user_profile_named_like_the_builtin_is_not_renamed(zh: Any) -> None:
    mine = make_profile(
        "Simulator (this computer)", ConnectionKind.SIMULATOR, existing=[SIMULATOR_ID]
    )
    assert mine.id != SIMULATOR_ID
    assert i18n.profile_name(mine) == "Simulator (this computer)"
