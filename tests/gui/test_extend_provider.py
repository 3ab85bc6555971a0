"""The window's Extend… on a clip made with fal's Veo 3.1: the dialog names the model's own
extend endpoint and its cost (the seconds it adds at its price), and the extension is sent
once, over loopback to the simulator's /fal routes, into the library linked to its source."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from sora_desktop.core.extend import ExtendRoute
from sora_desktop.core.job_sources import SourceKind, source_ids
from sora_desktop.core.models import (
    Connection,
    ConnectionKind,
    Job,
    JobStatus,
    KeySource,
    VideoRequest,
)
from sora_desktop.gui.app import AppContext
from sora_desktop.gui.extend_dialog import ExtendDialog
from sora_desktop.gui.library_rows import notes_line
from sora_desktop.gui.library_view import LibraryPanel
from sora_desktop.simulator.server import SimulatorServer
from tests.gui.conftest import make_clip
from tests.provider_support import KEY, decoded_seconds

pytestmark = pytest.mark.slow

ENV = "SORA_TEST_GUI_FAL_KEY"


def test_the_extend_dialog_names_the_models_own_endpoint_and_sends_it_once(
    sim_app: AppContext,
    qtbot: QtBot,
    provider_sim: SimulatorServer,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv(ENV, KEY)
    clip = make_clip(tmp_path / "lantern.mp4", width=1280, height=720, seconds=1.0)
    source = Job(
        id=uuid.uuid4().hex,
        request=VideoRequest(
            prompt="A lantern on a pier", model="fal-ai/veo3.1", size="1280x720", seconds=4
        ),
        connection=Connection(
            kind=ConnectionKind.FAL,
            base_url=provider_sim.url + "/fal",
            key_source=KeySource(env_var=ENV),
        ),
        status=JobStatus.READY,
        remote_id="fal-ai/veo3.1/requests/earlier",
        file_path=clip,
    )
    sim_app.engine.store.add(source)
    library = sim_app.window.library
    assert isinstance(library, LibraryPanel)
    library.refresh()
    qtbot.waitUntil(lambda: library.model.row_of(source.id) >= 0, timeout=10_000)
    library.select_jobs([source.id])
    assert library.extend_action.isEnabled()
    seen: list[tuple[ExtendRoute, str, str, list[int]]] = []

    def ask(job: Job, plan: object, caps: object, parent: object, **kw: object) -> tuple[str, int]:
        dialog = ExtendDialog(job, plan.route, plan.description, caps)  # type: ignore[attr-defined,arg-type]
        qtbot.addWidget(dialog)
        choices = [dialog.seconds_combo.itemData(i) for i in range(dialog.seconds_combo.count())]
        seen.append((plan.route, dialog.route_label.text(), dialog.cost_label.text(), choices))  # type: ignore[attr-defined]
        return "The lantern swings in the wind", dialog.seconds()

    assert sim_app.story is not None
    sim_app.story.ask_extension = ask
    submitted: list[Job] = []
    sim_app.controller.job_submitted.connect(submitted.append)
    with qtbot.waitSignal(sim_app.controller.job_finished, timeout=90_000) as done:
        library.extend_action.trigger()
        library.extend_action.trigger()  # a double click: the same extension is on its way

    route, how, cost, choices = seen[0]
    assert route is ExtendRoute.PROVIDER
    assert "model's own extend endpoint" in how
    assert choices == [7]  # what the endpoint adds, not the model's 4/6/8
    assert "≈ $2.80 at $0.40/s" in cost  # 7 s at Veo 3.1 extend's price
    extended: Job = done.args[0]
    assert extended.status is JobStatus.READY, extended.error_message
    assert len(submitted) == 1 and provider_sim.created_count == 1
    assert extended.file_path is not None
    assert decoded_seconds(extended.file_path) == pytest.approx(1 + 7, abs=0.5)
    assert source_ids(sim_app.engine.store, extended.id) == [(source.id, SourceKind.EXTENSION)]
    qtbot.waitUntil(lambda: library.model.row_of(extended.id) >= 0, timeout=10_000)
    info = library.model.remix_info(extended.id)
    assert info is not None and info.source_id == source.id
    assert notes_line(extended, info) == "“A lantern on a pier” extended"
