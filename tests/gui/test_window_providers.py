"""The real window with a Replicate connection on the simulator (over loopback): a model the
catalogue doesn't list gets its "More settings" from the provider's schema through the
operation API, and what the creator sets there reaches the provider in the job's request."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QDoubleSpinBox, QMessageBox
from pytestqt.qtbot import QtBot

from sora_desktop.core.models import AuthStyle, ConnectionKind, Job, JobStatus, Profile
from sora_desktop.core.paths import AppPaths
from sora_desktop.core.profiles import ProfileStore
from sora_desktop.gui.app import AppContext

ENV = "SORA_TEST_REPLICATE_KEY"


def _replicate_profile(data_dir: Path, url: str, model: str) -> None:
    paths = AppPaths.default(data_dir)
    paths.ensure()
    ProfileStore(paths.profiles_path).add(
        Profile(
            id="replicate-sim",
            name="Replicate (simulator)",
            kind=ConnectionKind.REPLICATE,
            base_url=url + "/replicate",
            auth_style=AuthStyle.BEARER,
            default_model=model,
            env_var=ENV,
        )
    )


def test_more_settings_from_the_schema_reach_the_request(
    make_app: Callable[..., AppContext],
    data_dir: Path,
    simulator: Any,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv(ENV, "sim-key-123")
    _replicate_profile(data_dir, simulator.url, "sim/any-video")
    ctx = make_app()
    w = ctx.window
    panel = w.settings_panel
    panel.profile_combo.setCurrentIndex(panel.profile_combo.findData("replicate-sim"))
    assert panel.model() == "sim/any-video"
    more = panel.more
    qtbot.waitUntil(lambda: more.widget_for("motion_strength") is not None, timeout=20_000)
    # read off the GUI thread through the operation API; the schema says what it can make
    details = panel.details()
    assert details is not None and details.schema_found
    assert set(panel.offered_seconds()) == set(details.summary.seconds)
    more.toggle.click()
    spin = more.widget_for("motion_strength")
    assert isinstance(spin, QDoubleSpinBox)
    spin.setValue(0.8)
    w.prompt.set_text("a paper boat on a rainy street")
    assert w.generate_button.isEnabled(), w.generate_button.toolTip()
    with qtbot.waitSignal(ctx.controller.job_finished, timeout=60_000) as finished:
        w.generate_button.click()
    job = finished.args[0]
    assert isinstance(job, Job) and job.status is JobStatus.READY
    assert job.connection.kind is ConnectionKind.REPLICATE
    assert dict(job.request.params) == {"motion_strength": "0.8"}
    # the simulator got it as the model's own input field
    sent = [p.get("input", {}) for p in _predictions(simulator)]
    assert any(inp.get("motion_strength") == 0.8 for inp in sent), sent


def _predictions(simulator: Any) -> list[dict[str, Any]]:
    import httpx

    answer = httpx.get(
        simulator.url + "/replicate/v1/predictions",
        headers={"Authorization": "Bearer sim-key-123"},
        timeout=10,
    )
    answer.raise_for_status()
    return [dict(p) for p in json.loads(answer.text).get("results", [])]


def _runway_profile(data_dir: Path, url: str) -> None:
    paths = AppPaths.default(data_dir)
    paths.ensure()
    ProfileStore(paths.profiles_path).add(
        Profile(
            id="runway-sim",
            name="Runway (simulator)",
            kind=ConnectionKind.RUNWAY,
            base_url=url + "/runway",
            auth_style=AuthStyle.BEARER,
            default_model="gen4.5",
            env_var=ENV,
        )
    )


def lost_runway_create(
    make_app: Callable[..., AppContext],
    data_dir: Path,
    simulator: Any,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> tuple[AppContext, Job]:
    """A window whose Runway create's reply was lost: the job ends outcome unknown after
    the one create the simulator received."""
    monkeypatch.setenv(ENV, "sim-key-123")
    _runway_profile(data_dir, simulator.url)
    ctx = make_app()
    w = ctx.window
    panel = w.settings_panel
    panel.profile_combo.setCurrentIndex(panel.profile_combo.findData("runway-sim"))
    w.prompt.set_text("a boat on a lake [sim:drop]")  # the create's reply is lost
    with qtbot.waitSignal(ctx.controller.job_failed, timeout=60_000) as failed:
        w.generate_button.click()
    job: Job = failed.args[0]
    assert job.error_code == "outcome_unknown"
    assert simulator.created_count == 1
    return ctx, job


@pytest.mark.allow_log("sora_desktop.core.jobrunner", "reply lost")
def test_outcome_unknown_shows_the_dashboard_and_sends_again_only_when_asked(
    make_app: Callable[..., AppContext],
    data_dir: Path,
    simulator: Any,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from PySide6.QtCore import Qt

    from sora_desktop.gui.queue_model import COL_CANCEL, COL_PROGRESS
    from sora_desktop.gui.resend import offer_text
    from sora_desktop.usecases.resend import ResendOffer

    ctx, job = lost_runway_create(make_app, data_dir, simulator, qtbot, monkeypatch)
    w = ctx.window
    model = w.queue.model
    row = model.row_of(job.id)
    assert row is not None
    assert model.index(row, COL_CANCEL).data() == "Send again…"
    tip = model.index(row, COL_PROGRESS).data(Qt.ItemDataRole.ToolTipRole)
    assert "https://dev.runwayml.com" in tip and "charged" in tip

    # the library says the same: its Retry… becomes Send again…
    ctx.ensure_library()
    library = w.library
    assert library is not None
    library.refresh()  # type: ignore[attr-defined]
    library.select_jobs([job.id])  # type: ignore[attr-defined]
    assert library.retry_action.text() == "Se&nd again…"  # type: ignore[attr-defined]
    assert "dashboard" in library.retry_action.toolTip()  # type: ignore[attr-defined]

    # the real question: the cost and the dashboard link, "Don't send" by default
    asked: list[QMessageBox] = []

    def fake_exec(box: QMessageBox) -> int:
        asked.append(box)
        assert box.defaultButton().text() == "Don't send"
        box.defaultButton().click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    library.retry_action.trigger()  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: len(asked) == 1, timeout=10_000)
    informative = asked[0].informativeText()
    assert 'href="https://dev.runwayml.com"' in informative
    assert "Estimated cost:" in informative and "NEW paid job" in informative
    assert simulator.created_count == 1  # declined: nothing sent

    offers: list[ResendOffer] = []
    answers = [False, True]

    def ask(_parent: object, offer: ResendOffer) -> bool:
        offers.append(offer)
        return answers.pop(0)

    w.ask_resend = ask
    # declined: the cost was shown, nothing is sent
    w.queue.cancel_delegate.clicked.emit(job.id)
    qtbot.waitUntil(lambda: len(offers) == 1, timeout=10_000)
    offer = offers[0]
    assert offer.outcome_unknown and offer.dashboard_url == "https://dev.runwayml.com"
    text = offer_text(offer)
    assert "Estimated cost:" in text and "https://dev.runwayml.com" in text
    assert simulator.created_count == 1
    assert len(ctx.engine.store.list_jobs()) == 1
    # accepted: a NEW job with the same request; the old one stays as it was
    with qtbot.waitSignal(ctx.controller.job_submitted, timeout=20_000) as submitted:
        w.queue.cancel_delegate.clicked.emit(job.id)
    new = submitted.args[0]
    assert new.id != job.id and new.request.prompt == job.request.prompt
    qtbot.waitUntil(lambda: simulator.created_count == 2, timeout=20_000)
    old = ctx.engine.store.get(job.id)
    assert old is not None and old.error_code == "outcome_unknown"
