"""Money safety: "Send again…" of an outcome-unknown job clicked twice (a double click on
the queue's cell) asks once and sends one new job.

The quote is read off the GUI thread before the question, so both clicks were taken before
any question showed: each got its own question, the second opened while the first was
still up (a modal question runs its own event loop). Answered "Send again" both, two new
paid jobs went once the guard's short hold after the first had passed.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from sora_desktop.gui.app import AppContext
from sora_desktop.usecases.resend import ResendOffer
from tests.gui.test_window_providers import lost_runway_create


@pytest.mark.allow_log("sora_desktop.core.jobrunner", "reply lost")
def test_send_again_clicked_twice_asks_once_and_sends_one_new_job(
    make_app: Callable[..., AppContext],
    data_dir: Path,
    simulator: Any,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    ctx, job = lost_runway_create(make_app, data_dir, simulator, qtbot, monkeypatch)
    w = ctx.window

    w.send_guard.hold_ms = 0  # the hold after a send lapses at once: the worst case
    submitted: list[object] = []
    ctx.controller.job_submitted.connect(submitted.append)
    asked: list[ResendOffer] = []
    quotes: list[str] = []
    from sora_desktop.usecases import resend as resend_usecase

    quote = resend_usecase.resend_quote

    def counted_quote(service: Any, job_id: str) -> ResendOffer:
        quotes.append(job_id)
        return quote(service, job_id)

    monkeypatch.setattr(resend_usecase, "resend_quote", counted_quote)

    def ask(_parent: object, offer: ResendOffer) -> bool:
        asked.append(offer)
        if len(asked) == 1:  # the first question stays up, as a modal one's event loop runs
            qtbot.waitUntil(
                lambda: (
                    len(asked) == len(quotes)  # every quote read has been asked about
                    and len(submitted) == len(asked) - 1  # what the inner one sent went
                    and (len(asked) == 1 or not w.send_guard.blocked(("resend", job.id)))
                ),
                timeout=20_000,
            )
        return True  # "Send again", every time it is asked

    w.ask_resend = ask  # type: ignore[method-assign]
    w.queue.cancel_delegate.clicked.emit(job.id)  # a double click on the cell
    w.queue.cancel_delegate.clicked.emit(job.id)
    qtbot.waitUntil(lambda: len(submitted) >= 1, timeout=20_000)
    qtbot.waitUntil(
        lambda: all(j.status.is_terminal for j in ctx.engine.store.list_jobs()), timeout=60_000
    )
    assert len(submitted) == 1
    assert len(asked) == 1
    assert len(ctx.engine.store.list_jobs()) == 2  # the old job and ONE new one
    assert simulator.created_count == 2
