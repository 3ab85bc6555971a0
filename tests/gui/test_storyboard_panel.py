"""The storyboard view in the real window, over the simulator on loopback and a real library.

Shots are sent through the window's send guard (a double click on "Generate missing shots"
sends each shot once), a chained shot goes when the take it continues is ready, statuses
follow the job events, the film is stitched with progress into the library, and the
timeline is written and read back with OpenTimelineIO.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from sora_desktop.core import storyboard as sb
from sora_desktop.core.storyboard_plan import ShotStatus
from sora_desktop.gui.app import AppContext
from sora_desktop.gui.storyboard_panel import StoryboardPanel
from sora_desktop.simulator.server import SimulatorServer
from sora_desktop.usecases import storyboards


def _shot(name: str, start: sb.StartKind = sb.StartKind.NONE) -> sb.Shot:
    return sb.Shot(
        id=sb.new_id(),
        name=name,
        prompt=f"{name}, a calm harbour at dusk",
        profile_id="simulator",
        model="sora-2",
        size="1280x720",
        seconds=4,
        start=sb.StartImage(start),
    )


def _panel_with_board(qtbot: QtBot, ctx: AppContext, *shots: sb.Shot) -> StoryboardPanel:
    panel = ctx.window.show_storyboards()
    assert panel is not None
    panel.ensure_loaded()
    panel.new_storyboard("Harbour")
    qtbot.waitUntil(lambda: panel.board is not None, timeout=10000)
    queue = list(shots)
    panel.ask_shot = lambda shot, first: queue.pop(0)  # type: ignore[method-assign]
    for n in range(len(shots)):
        panel.add_shot()
        qtbot.waitUntil(lambda n=n: panel.model.rowCount() == n + 1, timeout=10000)
    return panel


def _statuses(panel: StoryboardPanel) -> list[ShotStatus]:
    return [s.status for s in panel.model.states()]


def _card_text(panel: StoryboardPanel, row: int) -> str:
    """The state the card at ``row`` says (the last line of its text)."""
    text = panel.model.data(panel.model.index(row), Qt.ItemDataRole.DisplayRole)
    return str(text).splitlines()[-1]


def _card_texts(panel: StoryboardPanel, row: int) -> list[str]:
    """Every state the card at ``row`` shows from now on (each time the strip repaints)."""
    seen: list[str] = []

    def look(*_args: object) -> None:
        if panel.model.rowCount() > row:
            text = _card_text(panel, row)
            if not seen or seen[-1] != text:
                seen.append(text)

    panel.model.dataChanged.connect(look)
    panel.model.modelReset.connect(look)
    look()
    return seen


def test_the_storyboard_is_kept_in_the_library_and_reordered_by_the_model(
    make_loopback_app: Callable[[], AppContext], qtbot: QtBot
) -> None:
    ctx = make_loopback_app()
    panel = _panel_with_board(qtbot, ctx, _shot("Boats"), _shot("Gulls"), _shot("Night"))
    board = panel.board
    assert board is not None
    assert panel.boards_combo.count() == 1
    assert panel.boards_combo.currentText() == "Harbour"
    assert panel.generate_button.isEnabled()
    assert not panel.film_button.isEnabled()  # nothing made yet
    # drag "Night" to the front: the move is stored in the library
    panel.model.moveRows(QModelIndex(), 2, 1, QModelIndex(), 0)
    qtbot.waitUntil(
        lambda: (
            [s.name for s in storyboards.get(ctx.engine.store, board.id).shots]
            == ["Night", "Boats", "Gulls"]
        ),
        timeout=10000,
    )
    # the portable file round-trips through File > Save storyboard as / Open storyboard
    out = ctx.paths.data_dir / "harbour.storyboard.json"
    with qtbot.waitSignal(panel.status, timeout=10000):
        panel.save_file(out)
    assert [s.name for s in sb.load_storyboard(out).shots] == ["Night", "Boats", "Gulls"]
    panel.ask_delete = lambda _board: True  # type: ignore[method-assign]
    panel.delete_storyboard()
    qtbot.waitUntil(lambda: panel.board is None and panel.boards_combo.count() == 0, timeout=10000)
    assert storyboards.list_all(ctx.engine.store) == []
    panel.open_file(out)
    qtbot.waitUntil(lambda: panel.board is not None, timeout=10000)
    assert [s.name for s in panel.board.shots] == ["Night", "Boats", "Gulls"]


def test_generate_missing_sends_each_shot_once_chains_then_makes_the_film(
    make_loopback_app: Callable[[], AppContext],
    qtbot: QtBot,
    simulator: SimulatorServer,
    tmp_path: Path,
) -> None:
    ctx = make_loopback_app()
    panel = _panel_with_board(qtbot, ctx, _shot("Boats"), _shot("Gulls", sb.StartKind.PREVIOUS))
    assert _statuses(panel) == [ShotStatus.MISSING, ShotStatus.WAITING]
    ctx.window.send_guard.hold_ms = 3000  # longer than a slow machine's two statements
    button = panel.generate_button
    chained = _card_texts(panel, 1)
    with qtbot.waitSignal(ctx.controller.job_submitted, timeout=20000):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        assert _card_text(panel, 0) == "Sending…"  # not "Not made yet"
        qtbot.mouseDClick(button, Qt.MouseButton.LeftButton)  # the tail of a double click
    qtbot.waitUntil(lambda: _statuses(panel)[0] is ShotStatus.RUNNING, timeout=20000)
    assert _statuses(panel)[1] is ShotStatus.WAITING
    assert "Waits for the take" in str(
        panel.model.data(panel.model.index(1), Qt.ItemDataRole.ToolTipRole)
    )
    # the first take is ready: the chained shot goes by itself, continuing from it
    qtbot.waitUntil(lambda: _statuses(panel) == [ShotStatus.READY] * 2, timeout=90000)
    assert simulator.created_count == 2
    assert len(ctx.engine.store.list_jobs()) == 2
    assert panel.film_button.isEnabled() and panel.timeline_button.isEnabled()
    # the chained shot said it waited, then that it was sent: never "Not made yet" between
    assert chained == ["Waiting for shot 1", "Sending…", "Being made", "Ready"]

    # Make film: progress, then the film lands in the library and plays
    panel.ask_crossfade = lambda _board: 0.0  # type: ignore[method-assign]
    with qtbot.waitSignal(panel.film_made, timeout=60000) as made:
        panel.make_film()
        assert panel.film_progress is not None
    film = ctx.engine.store.get(made.args[0])
    assert film is not None and film.file_path is not None and film.file_path.is_file()
    assert panel.film_progress is None

    # Export timeline: OTIO, read back in shot order with relative paths
    import opentimelineio as otio

    folder = tmp_path / "timeline"
    panel.ask_timeline = lambda _board: ("otio", folder)  # type: ignore[method-assign]
    with qtbot.waitSignal(panel.timeline_exported, timeout=30000) as exported:
        panel.export_timeline()
    timeline = otio.adapters.read_from_file(exported.args[0])
    clips = list(timeline.find_clips())
    assert len(clips) == 2
    for clip in clips:
        target = clip.media_reference.target_url
        assert not Path(target).is_absolute()
        assert (folder / target).is_file()


def test_a_chained_shot_says_it_is_sent_from_the_click_on(
    make_loopback_app: Callable[[], AppContext], qtbot: QtBot, tmp_path: Path
) -> None:
    """The shot before it is ready: its start frame is decoded before its take is sent,
    and meanwhile its card says "Sending…", not "Not made yet"."""
    from tests.gui.conftest import make_clip

    ctx = make_loopback_app()
    panel = _panel_with_board(qtbot, ctx, _shot("Boats"), _shot("Gulls", sb.StartKind.PREVIOUS))
    board = panel.board
    assert board is not None
    board = sb.add_take(board, board.shots[0].id, "elsewhere", make_clip(tmp_path / "boats.mp4"))
    storyboards.replace_shot(ctx.engine.store, board.id, board.shots[0])
    panel.open_storyboard(board.id)
    qtbot.waitUntil(lambda: _statuses(panel) == [ShotStatus.READY, ShotStatus.MISSING])
    assert _card_text(panel, 1) == "Not made yet"
    seen = _card_texts(panel, 1)
    panel.select_shot(board.shots[1].id)
    assert panel.regenerate_button.isEnabled()
    with qtbot.waitSignal(ctx.controller.job_submitted, timeout=20000):
        qtbot.mouseClick(panel.generate_button, Qt.MouseButton.LeftButton)
        assert seen == ["Not made yet", "Sending…"]  # right after the click
        # nothing is missing now, and the shot on its way is not made again
        assert not panel.generate_button.isEnabled()
        assert not panel.regenerate_button.isEnabled()
    qtbot.waitUntil(lambda: _statuses(panel)[1] is ShotStatus.RUNNING, timeout=20000)
    assert seen[1:] == ["Sending…", "Being made"]
    tip = str(panel.model.data(panel.model.index(1), Qt.ItemDataRole.ToolTipRole))
    assert "Being made" in tip
    # the narrow Take box: the chosen take ends in "…" (not cut mid-letter), whole in the tip
    qtbot.waitUntil(lambda: panel.take_combo.currentText() == "Take 1 (not ready)")
    shown = panel.take_combo.displayed_text()
    assert shown == "Take 1 (not ready)" or (
        shown.endswith("…") and "Take 1 (not ready)".startswith(shown[:-1])
    )
    assert panel.take_combo.toolTip().startswith("Take 1 (not ready)\n")


def test_a_refused_send_shows_the_shot_missing_again(
    make_loopback_app: Callable[[], AppContext], qtbot: QtBot
) -> None:
    """A send that is refused (no profile for the shot) leaves no "Sending…" behind."""
    ctx = make_loopback_app()
    panel = _panel_with_board(qtbot, ctx, replace(_shot("Boats"), profile_id="gone"))
    with qtbot.waitSignal(ctx.window.errors.shown, timeout=20000) as shown:
        panel.generate_missing()
        assert _card_text(panel, 0) == "Sending…"
    assert "isn't set up here" in str(shown.args)
    qtbot.waitUntil(lambda: _card_text(panel, 0) == "Not made yet", timeout=20000)
    assert _statuses(panel) == [ShotStatus.MISSING]


def test_a_cancelled_film_leaves_nothing(
    make_loopback_app: Callable[[], AppContext], qtbot: QtBot, tmp_path: Path
) -> None:
    from tests.gui.conftest import make_clip

    ctx = make_loopback_app()
    panel = _panel_with_board(qtbot, ctx, _shot("Boats"), _shot("Gulls"))
    board = panel.board
    assert board is not None
    # two finished takes (clips on disk, a storyboard opened from another computer)
    for n, shot in enumerate(board.shots):
        clip = make_clip(tmp_path / f"take{n}.mp4", seconds=2.0)
        board = sb.add_take(board, shot.id, f"elsewhere-{n}", clip)
    storyboards.replace_shot(ctx.engine.store, board.id, board.shots[0])
    storyboards.replace_shot(ctx.engine.store, board.id, board.shots[1])
    panel.open_storyboard(board.id)
    qtbot.waitUntil(lambda: _statuses(panel) == [ShotStatus.READY] * 2, timeout=10000)
    before = {p.name for p in ctx.paths.library_dir.iterdir()}
    jobs_before = len(ctx.engine.store.list_jobs())
    # hold the I/O loop, so the film can't start before Cancel is pressed
    gate = threading.Event()

    async def hold() -> None:
        gate.wait(30)

    ctx.controller.call(hold())
    panel.ask_crossfade = lambda _board: 0.5  # type: ignore[method-assign]
    panel.make_film()
    progress = panel.film_progress
    assert progress is not None
    cancel = progress.findChild(QPushButton)
    assert cancel is not None and cancel.text() == "Cancel"
    with qtbot.waitSignal(panel.status, timeout=30000) as said:
        qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
        gate.set()
    assert said.args[0] == "Film cancelled; nothing was written."
    assert panel.film_progress is None
    assert {p.name for p in ctx.paths.library_dir.iterdir()} == before
    assert len(ctx.engine.store.list_jobs()) == jobs_before


def test_a_chained_shot_goes_while_another_storyboard_is_open(
    make_loopback_app: Callable[[], AppContext], qtbot: QtBot, simulator: SimulatorServer
) -> None:
    ctx = make_loopback_app()
    panel = _panel_with_board(qtbot, ctx, _shot("Boats"), _shot("Gulls", sb.StartKind.PREVIOUS))
    first = panel.board
    assert first is not None
    with qtbot.waitSignal(ctx.controller.job_submitted, timeout=20000):
        panel.generate_missing()
    panel.new_storyboard("Something else")  # the creator moves on to another storyboard
    qtbot.waitUntil(lambda: panel.board is not None and panel.board.id != first.id, timeout=10000)
    qtbot.waitUntil(lambda: storyboards.plan_of(ctx.engine.store, first.id).complete, timeout=90000)
    assert simulator.created_count == 2
    assert panel.board is not None and panel.board.name == "Something else"


def test_choosing_a_take_and_regenerating_a_shot(
    make_loopback_app: Callable[[], AppContext],
    qtbot: QtBot,
    simulator: SimulatorServer,
    tmp_path: Path,
) -> None:
    from tests.gui.conftest import make_clip

    ctx = make_loopback_app()
    panel = _panel_with_board(qtbot, ctx, _shot("Boats"))
    board = panel.board
    assert board is not None
    shot_id = board.shots[0].id
    for n in range(2):  # two finished takes (clips on disk)
        board = sb.add_take(board, shot_id, f"take-{n}", make_clip(tmp_path / f"t{n}.mp4"))
    storyboards.replace_shot(ctx.engine.store, board.id, board.shots[0])
    panel.open_storyboard(board.id)
    qtbot.waitUntil(lambda: panel.take_combo.count() == 2, timeout=10000)
    assert panel.take_combo.isEnabled()
    assert panel.take_combo.currentData() == "take-1"  # the newest ready take counts
    panel.take_combo.setCurrentIndex(0)
    panel.take_combo.activated.emit(0)  # what choosing it with the mouse emits
    qtbot.waitUntil(
        lambda: storyboards.get(ctx.engine.store, board.id).shots[0].chosen == "take-0",
        timeout=10000,
    )
    qtbot.waitUntil(lambda: panel.model.states()[0].take == "take-0", timeout=10000)
    # Regenerate: a new take, sent once, which counts once ready
    assert panel.regenerate_button.isEnabled()
    with qtbot.waitSignal(ctx.controller.job_submitted, timeout=20000):
        qtbot.mouseClick(panel.regenerate_button, Qt.MouseButton.LeftButton)
        qtbot.mouseClick(panel.regenerate_button, Qt.MouseButton.LeftButton)
    stored = storyboards.get(ctx.engine.store, board.id).shots[0]
    assert len(stored.takes) == 3 and stored.chosen is None
    qtbot.waitUntil(lambda: panel.take_combo.count() == 3, timeout=10000)
    # every job ended: a second create, had one been sent, has reached the simulator by then
    qtbot.waitUntil(
        lambda: all(j.status.is_terminal for j in ctx.engine.store.list_jobs()), timeout=60000
    )
    assert simulator.created_count == 1
    assert len(ctx.engine.store.list_jobs()) == 1


def _dropped_reads(panel: StoryboardPanel, kind: str, monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The panel's reads of ``kind`` whose result came back after a newer one (dropped)."""
    dropped: list[int] = []
    real_is_latest = panel._reads.is_latest

    def is_latest(asked: object, ticket: int) -> bool:
        latest = real_is_latest(asked, ticket)
        if asked == kind and not latest:
            dropped.append(ticket)
        return latest

    monkeypatch.setattr(panel._reads, "is_latest", is_latest)
    return dropped


def test_a_board_read_that_ends_last_does_not_replace_the_board_opened_after_it(
    make_loopback_app: Callable[[], AppContext], qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Boards are read in worker threads: the creator clicks one storyboard, then another,
    and the first read ends last. The second board stays shown (it showed the first, while
    the list had the second selected)."""
    ctx = make_loopback_app()
    panel = _panel_with_board(qtbot, ctx, _shot("Boats"))
    harbour = panel.board
    assert harbour is not None
    panel.new_storyboard("Pier")
    qtbot.waitUntil(lambda: panel.board is not None and panel.board.id != harbour.id)
    pier = panel.board
    assert pier is not None
    held, reading = threading.Event(), threading.Event()
    real_get = storyboards.get

    def slow_for_harbour(store: object, board_id: str) -> sb.Storyboard:
        if board_id == harbour.id:
            reading.set()
            assert held.wait(30)  # until the later read of Pier has been shown
        return real_get(store, board_id)  # type: ignore[arg-type]

    monkeypatch.setattr(storyboards, "get", slow_for_harbour)
    panel.open_storyboard(harbour.id)  # the earlier read: it ends last
    qtbot.waitUntil(reading.is_set, timeout=10000)
    with qtbot.waitSignal(panel.opened, timeout=10000):
        panel.open_storyboard(pier.id)
    ended: list[str] = []
    panel.opened.connect(ended.append)
    dropped = _dropped_reads(panel, "board", monkeypatch)
    held.set()
    # the Harbour read's result is back on the GUI thread, and dropped
    qtbot.waitUntil(lambda: bool(dropped), timeout=10000)
    assert panel.board is not None and panel.board.id == pier.id
    assert ended == []


def test_exporting_a_timeline_over_one_asks_before_replacing_it(
    make_loopback_app: Callable[[], AppContext],
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A timeline already in the folder may have been edited: the window asks (Yes/No,
    naming the folder); No leaves it as it is, Yes replaces it."""
    from PySide6.QtWidgets import QMessageBox

    from tests.gui.conftest import make_clip

    asked: list[str] = []
    answer = [QMessageBox.StandardButton.No]

    def fake_exec(box: QMessageBox) -> int:
        asked.append(box.text())
        box.button(answer[0]).click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    ctx = make_loopback_app()
    panel = _panel_with_board(qtbot, ctx, _shot("Boats"))
    board = panel.board
    assert board is not None
    board = sb.add_take(board, board.shots[0].id, "elsewhere", make_clip(tmp_path / "boats.mp4"))
    storyboards.replace_shot(ctx.engine.store, board.id, board.shots[0])
    panel.open_storyboard(board.id)
    qtbot.waitUntil(lambda: _statuses(panel) == [ShotStatus.READY])
    folder = tmp_path / "timeline"
    panel.ask_timeline = lambda _board: ("otio", folder)  # type: ignore[method-assign]
    with qtbot.waitSignal(panel.timeline_exported, timeout=30000) as exported:
        panel.export_timeline()
    assert asked == []  # nothing there yet: no question
    timeline = Path(exported.args[0])
    timeline.write_text("edited by hand", encoding="utf-8")

    panel.export_timeline()
    qtbot.waitUntil(lambda: len(asked) == 1, timeout=10000)
    assert asked == [f"Replace the timeline in “{folder}”?"]
    assert timeline.read_text(encoding="utf-8") == "edited by hand"  # No: left alone

    answer[0] = QMessageBox.StandardButton.Yes
    with qtbot.waitSignal(panel.timeline_exported, timeout=30000) as again:
        panel.export_timeline()
    assert len(asked) == 2 and Path(again.args[0]) == timeline
    assert timeline.read_text(encoding="utf-8") != "edited by hand"


def test_a_list_read_that_ends_last_does_not_take_the_new_storyboard_away(
    make_loopback_app: Callable[[], AppContext], qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The panel's first list read (made when it is first shown) and the one after "New"
    run in worker threads. When the first, read before the new storyboard existed, ends
    last, the new storyboard stays shown (under Wine it was taken away: no board shown)."""
    ctx = make_loopback_app()
    held, reading = threading.Event(), threading.Event()
    real_list = storyboards.list_all
    reads: list[int] = []

    def first_ends_last(store: object) -> list[object]:
        reads.append(1)
        found: list[object] = real_list(store)  # type: ignore[arg-type]
        if len(reads) == 1:  # read before "New": it holds an empty list
            reading.set()
            assert held.wait(30)
        return found

    monkeypatch.setattr(storyboards, "list_all", first_ends_last)
    panel = ctx.window.show_storyboards()
    assert panel is not None
    panel.ensure_loaded()
    qtbot.waitUntil(reading.is_set, timeout=10000)
    with qtbot.waitSignal(panel.opened, timeout=10000):
        panel.new_storyboard("Harbour")
    made = panel.board
    assert made is not None
    dropped = _dropped_reads(panel, "list", monkeypatch)
    held.set()
    # the early read's result is back on the GUI thread: dropped, or (before) shown
    qtbot.waitUntil(lambda: bool(dropped) or panel.board is None, timeout=10000)
    assert panel.board is not None and panel.board.id == made.id
    assert panel.boards_combo.currentData() == made.id
