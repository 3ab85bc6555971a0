"""Extend… and Stitch… in the window, against the built-in simulator (in-process, ~1 s
renders) and real MP4s: an extension is sent once however often it is asked for, a
continuation is joined to its source, a film lands in the library linked to its clips, a
refused or cancelled stitch leaves nothing."""

from __future__ import annotations

import threading
import time
import uuid
from pathlib import Path

import av
import pytest
from PIL import Image
from pytestqt.qtbot import QtBot

from sora_desktop.core.extend import ExtendRoute
from sora_desktop.core.job_sources import SourceKind, made_from, source_ids
from sora_desktop.core.models import Connection, ConnectionKind, Job, JobStatus, VideoRequest
from sora_desktop.core.paths import AppPaths
from sora_desktop.core.store import JobStore
from sora_desktop.gui.app import AppContext
from sora_desktop.gui.controller import Controller
from sora_desktop.gui.extend_dialog import ExtendDialog
from sora_desktop.gui.library_rows import notes_line
from sora_desktop.gui.operations import Operations
from sora_desktop.gui.stitch_dialog import StitchDialog
from sora_desktop.usecases.library import LibraryFolders
from tests.gui.conftest import library_of, make_clip


def _generate(sim_app: AppContext, qtbot: QtBot, prompt: str) -> Job:
    sim_app.window.prompt.set_text(prompt)
    sim_app.window.settings_panel.set_choice(model="sora-2", size="1280x720", seconds=4)
    with qtbot.waitSignal(sim_app.controller.job_finished, timeout=60_000) as done:
        sim_app.window.generate()
    job: Job = done.args[0]
    return job


def _seconds(path: Path) -> float:
    with av.open(str(path)) as container:
        stream = container.streams.video[0]
        assert stream.duration is not None and stream.time_base is not None
        return float(stream.duration * stream.time_base)


def _extended(sim_app: AppContext, source: Job) -> list[Job]:
    return [
        j
        for j in sim_app.engine.store.list_jobs(limit=100)
        if j.request.extend_of == source.remote_id
    ]


def test_extend_goes_through_the_service_once_and_is_linked_to_its_source(
    sim_app: AppContext, qtbot: QtBot
) -> None:
    source = _generate(sim_app, qtbot, "A paper boat on a rainy street")
    library = library_of(sim_app)
    qtbot.waitUntil(lambda: library.model.row_of(source.id) >= 0)
    library.select_jobs([source.id])
    assert library.extend_action.isEnabled()
    shown: list[tuple[ExtendRoute, str]] = []

    def ask(job: Job, plan: object, caps: object, parent: object, **kw: object) -> tuple[str, int]:
        shown.append((plan.route, plan.description))  # type: ignore[attr-defined]
        return "The boat sails out to sea", 4

    assert sim_app.story is not None
    sim_app.story.ask_extension = ask
    submitted: list[Job] = []
    sim_app.controller.job_submitted.connect(submitted.append)
    with qtbot.waitSignal(sim_app.controller.job_finished, timeout=60_000) as done:
        library.extend_action.trigger()
        library.extend_action.trigger()  # a double click: the same extension is on its way
    assert shown[0][0] is ExtendRoute.VIDEOS_API
    assert "extensions endpoint" in shown[0][1]
    extended: Job = done.args[0]
    assert len(submitted) == 1 and len(_extended(sim_app, source)) == 1
    assert extended.request.extend_of == source.remote_id
    assert extended.request.prompt == "The boat sails out to sea"
    assert len(shown) == 2  # asked twice, sent once
    # the library shows the link, as it shows a remix's
    qtbot.waitUntil(lambda: library.model.row_of(extended.id) >= 0, timeout=10_000)
    info = library.model.remix_info(extended.id)
    assert info is not None and info.source_id == source.id
    assert notes_line(extended, info) == "Extension of “A paper boat on a rainy street”"


def test_a_clip_the_service_no_longer_has_is_continued_from_its_last_frame_and_joined(
    sim_app: AppContext, qtbot: QtBot
) -> None:
    source = _generate(sim_app, qtbot, "A lighthouse at dusk")
    sim_app.engine.store.update_fields(source.id, remote_deleted_at=time.time())
    library = library_of(sim_app)
    library.refresh()
    qtbot.waitUntil(lambda: library.model.row_of(source.id) >= 0)
    library.select_jobs([source.id])
    assert library.extend_action.isEnabled()
    routes: list[ExtendRoute] = []

    def ask(job: Job, plan: object, caps: object, parent: object, **kw: object) -> tuple[str, int]:
        routes.append(plan.route)  # type: ignore[attr-defined]
        return "The light turns on", 4

    assert sim_app.story is not None
    sim_app.story.ask_extension = ask
    library.extend_action.trigger()
    assert routes == [ExtendRoute.CONTINUATION]
    qtbot.waitUntil(
        lambda: bool(made_from(sim_app.engine.store, source.id, SourceKind.EXTENSION)),
        timeout=90_000,
    )
    film_id = made_from(sim_app.engine.store, source.id, SourceKind.EXTENSION)[0]
    film = sim_app.engine.store.get(film_id)
    assert film is not None and film.status is JobStatus.READY and film.file_path is not None
    kinds = source_ids(sim_app.engine.store, film_id)
    assert kinds[0] == (source.id, SourceKind.EXTENSION) and len(kinds) == 2
    continuation = sim_app.engine.store.get(kinds[1][0])
    assert continuation is not None and continuation.request.reference_image is not None
    assert abs(_seconds(film.file_path) - 8.0) < 0.2  # 4 s + the 4 s that follow
    qtbot.waitUntil(lambda: library.model.row_of(film_id) >= 0, timeout=10_000)
    assert library.selected_ids() == [film_id]  # shown in the library
    assert notes_line(film, library.model.remix_info(film_id)) == "“A lighthouse at dusk” extended"


def test_the_window_stores_a_clips_last_frame_and_a_continuation_reads_it(
    sim_app: AppContext, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sora_desktop.core import frames

    source = _generate(sim_app, qtbot, "A windmill in the evening")
    assert source.file_path is not None
    # stored in the background once the clip is ready
    qtbot.waitUntil(lambda: frames.stored_last_frame(source.file_path) is not None, timeout=30_000)
    stored = frames.stored_last_frame(source.file_path)
    assert stored is not None and stored.size == (1280, 720)

    real = frames._last_frame
    decoded: list[Path] = []

    def decode(path: Path, stop: threading.Event | None = None) -> object:
        decoded.append(Path(path))  # (the continuation's own clip is stored once ready)
        return real(path, stop)

    monkeypatch.setattr(frames, "_last_frame", decode)
    sim_app.engine.store.update_fields(source.id, remote_deleted_at=time.time())
    library = library_of(sim_app)
    library.refresh()
    qtbot.waitUntil(lambda: library.model.row_of(source.id) >= 0)
    library.select_jobs([source.id])
    assert sim_app.story is not None
    sim_app.story.ask_extension = lambda *a, **kw: ("The sails turn", 4)
    submitted: list[Job] = []
    sim_app.controller.job_submitted.connect(submitted.append)
    library.extend_action.trigger()
    qtbot.waitUntil(lambda: bool(submitted), timeout=30_000)
    start = submitted[0].request.reference_image
    assert start is not None
    with Image.open(start) as image:  # the same size: the stored frame itself
        assert image.tobytes() == stored.tobytes()
    assert source.file_path not in decoded  # read, not decoded again
    qtbot.waitUntil(  # the continuation made and joined: nothing left running at close
        lambda: bool(made_from(sim_app.engine.store, source.id, SourceKind.EXTENSION)),
        timeout=90_000,
    )


def test_extend_is_off_with_the_reason_for_a_clip_that_is_not_finished(
    sim_app: AppContext, qtbot: QtBot
) -> None:
    job = Job(
        id=uuid.uuid4().hex,
        request=VideoRequest(prompt="Not yet", model="sora-2", size="1280x720", seconds=4),
        connection=Connection(kind=ConnectionKind.SIMULATOR, base_url=""),
        status=JobStatus.FAILED,
    )
    sim_app.engine.store.add(job)
    library = library_of(sim_app)
    library.refresh()
    qtbot.waitUntil(lambda: library.model.row_of(job.id) >= 0)
    library.select_jobs([job.id])
    assert not library.extend_action.isEnabled()
    assert library.extend_action.toolTip() == "Only a finished video can be extended."
    assert not library.stitch_action.isEnabled()


def test_the_extend_dialog_says_the_route_and_the_cost(qtbot: QtBot) -> None:
    from sora_desktop.core.capabilities import capabilities_for

    job = Job(
        id="j",
        request=VideoRequest(prompt="A fox", model="sora-2", size="1280x720", seconds=8),
        connection=Connection(kind=ConnectionKind.COMPATIBLE, base_url="https://x.example/v1"),
        status=JobStatus.READY,
        remote_id="video_1",
    )
    dialog = ExtendDialog(
        job, ExtendRoute.CONTINUATION, "From the last frame.", capabilities_for("sora-2")
    )
    qtbot.addWidget(dialog)
    dialog.seconds_combo.setCurrentIndex(dialog.seconds_combo.findData(4))
    assert "≈ $0.40 at $0.10/s" in dialog.cost_label.text()  # 4 s of sora-2
    assert "free" in dialog.cost_label.text()  # the join, on this computer
    assert dialog.route_label.text() == "From the last frame."
    from PySide6.QtWidgets import QLabel

    # the size as the library and the settings write it (not "1280x720")
    assert any("(8 s, 1280×720)" in label.text() for label in dialog.findChildren(QLabel))
    ok = dialog.buttons.buttons()[0]
    assert ok.isEnabled()
    dialog.editor.setPlainText("   ")
    assert not ok.isEnabled()  # nothing to send without a prompt


# --- Stitch… ---------------------------------------------------------------------------


def _clip_job(store: JobStore, path: Path, prompt: str) -> Job:
    job = Job(
        id=uuid.uuid4().hex,
        request=VideoRequest(prompt=prompt, model="sora-2", size="64x48", seconds=1),
        connection=Connection(kind=ConnectionKind.SIMULATOR, base_url=""),
        status=JobStatus.READY,
        file_path=path,
    )
    store.add(job)
    return job


@pytest.fixture
def stitching(
    controller: Controller, controller_store: JobStore, data_dir: Path, tmp_path: Path
) -> tuple[Operations, list[Job], Path]:
    paths = AppPaths.default(data_dir)
    ops = Operations(
        controller,
        lambda exc: pytest.fail(str(exc)),
        LibraryFolders.of(paths),
        paths=paths,
        library=controller_store,
    )
    jobs = [
        _clip_job(controller_store, make_clip(tmp_path / f"{n}.mp4", seconds=1.0), f"shot {n}")
        for n in ("a", "b", "c")
    ]
    return ops, jobs, paths.library_dir


def _dialog(qtbot: QtBot, ops: Operations, jobs: list[Job]) -> StitchDialog:
    dialog = StitchDialog(jobs, ops)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.stitch_button.isEnabled(), timeout=20_000)
    return dialog


def test_stitch_in_the_chosen_order_lands_in_the_library_linked_to_its_clips(
    qtbot: QtBot, stitching: tuple[Operations, list[Job], Path], controller_store: JobStore
) -> None:
    ops, jobs, library_dir = stitching
    dialog = _dialog(qtbot, ops, jobs)
    assert "without re-encoding" in dialog.plan_label.text()
    dialog.list.setCurrentRow(0)
    dialog.down_button.click()  # b, a, c
    assert [j.id for j in dialog.order()] == [jobs[1].id, jobs[0].id, jobs[2].id]
    assert not dialog.stitch_button.isEnabled()  # checking the new order
    qtbot.waitUntil(lambda: dialog.stitch_button.isEnabled(), timeout=20_000)
    progress: list[int] = []
    dialog.progress.valueChanged.connect(progress.append)
    with qtbot.waitSignal(dialog.stitched, timeout=60_000) as done:
        dialog.stitch_button.click()
    film: Job = done.args[0]
    assert film.file_path is not None and film.file_path.parent == library_dir
    assert abs(_seconds(film.file_path) - 3.0) < 0.1
    links = source_ids(controller_store, film.id)
    assert links == [(jobs[i].id, SourceKind.FILM) for i in (1, 0, 2)]
    assert progress and max(progress) == 1000
    # the library says what the film was made from, and each clip that a film uses it
    store = controller_store
    assert notes_line(film, store.remix_info([film]).get(film.id)) == "Film of 3 clips"
    used = store.remix_info([jobs[0]]).get(jobs[0].id)
    assert notes_line(jobs[0], used) == "Used in 1 film or extension"


def test_copy_only_refuses_clips_that_would_need_a_re_encode(
    qtbot: QtBot, stitching: tuple[Operations, list[Job], Path], tmp_path: Path
) -> None:
    ops, jobs, library_dir = stitching
    # the clips above share one format; this one has another size
    other = make_clip(tmp_path / "wide.mp4", width=96, height=48, seconds=1.0)
    big = Job(
        id=uuid.uuid4().hex,
        request=VideoRequest(prompt="wide", model="sora-2", size="96x48", seconds=1),
        connection=Connection(kind=ConnectionKind.SIMULATOR, base_url=""),
        status=JobStatus.READY,
        file_path=other,
    )
    dialog = _dialog(qtbot, ops, [jobs[0], big])
    text = dialog.plan_label.text()
    assert "re-encoded" in text and "96x48" in text  # and why
    dialog.copy_only_box.setChecked(True)
    assert not dialog.stitch_button.isEnabled()
    assert "can't be joined without re-encoding" in dialog.plan_label.text()
    dialog.start()  # refused: nothing starts
    assert not dialog.running()
    assert not list(library_dir.glob("*.mp4"))


def test_cancel_while_stitching_leaves_no_file_and_no_library_item(
    qtbot: QtBot, stitching: tuple[Operations, list[Job], Path], controller_store: JobStore
) -> None:
    ops, jobs, library_dir = stitching
    before = {j.id for j in controller_store.list_jobs(limit=100)}
    dialog = _dialog(qtbot, ops, jobs)
    dialog.crossfade_spin.setValue(0.25)  # a re-encode: something to cancel
    qtbot.waitUntil(lambda: dialog.stitch_button.isEnabled(), timeout=20_000)
    assert "re-encoded" in dialog.plan_label.text()
    with qtbot.assertNotEmitted(dialog.stitched):
        dialog.start()
        assert dialog.running() and not dialog.list.isEnabled()
        dialog.cancel_button.click()
        qtbot.waitUntil(lambda: not dialog.running(), timeout=30_000)
    assert "Cancelled" in dialog.plan_label.text()
    assert not [p for p in library_dir.iterdir() if p.is_file()]
    assert {j.id for j in controller_store.list_jobs(limit=100)} == before
    assert dialog.isVisible() or dialog.result() == 0
