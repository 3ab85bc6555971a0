"""The crash dialog (what people paste into bug reports) and the log never show a key, even
when an exception's own message carries one."""

from __future__ import annotations

import secrets
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from sora_desktop.core.logsetup import register_secret, setup_logging, teardown_logging
from sora_desktop.core.paths import AppPaths
from sora_desktop.gui.error_presenter import ErrorPresenter
from tests.fail_on_unexpected import ExpectLog


def test_crash_dialog_and_log_redact_keys_in_exception_messages(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, data_dir: Path, expect_log: ExpectLog
) -> None:
    shown: list[QMessageBox] = []

    def fake_exec(box: QMessageBox) -> int:
        shown.append(box)
        return 0

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    openai_key = "sk-canary-" + secrets.token_hex(16)
    azure_key = secrets.token_hex(16)  # 32 hex digits: only known because it was registered
    register_secret(azure_key)
    paths = AppPaths.default(data_dir)
    paths.ensure()
    log_path = setup_logging(paths)
    try:
        parent = QWidget()
        qtbot.addWidget(parent)
        presenter = ErrorPresenter(parent, log_path)
        with (
            expect_log("sora_desktop.gui", "unexpected error", "ERROR"),
            qtbot.waitSignal(presenter.shown) as blocker,
        ):
            try:
                raise RuntimeError(
                    f"proxy said: Authorization: Bearer {openai_key}; api-key={azure_key}"
                )
            except RuntimeError as exc:
                presenter.show_crash(type(exc), exc, exc.__traceback__)
    finally:
        teardown_logging()
    (box,) = shown
    visible = "\n".join(
        [box.text(), box.informativeText(), box.detailedText(), str(blocker.args[0])]
    )
    assert "RuntimeError" in box.detailedText()  # the report is still useful
    assert openai_key not in visible and openai_key[10:] not in visible
    assert azure_key not in visible
    logged = log_path.read_text(encoding="utf-8")
    assert "RuntimeError" in logged
    assert openai_key[10:] not in logged and azure_key not in logged
