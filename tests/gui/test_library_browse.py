"""The library as a creator browses it: rows that tell takes apart, failures and deleted
service copies said on the row, Filter and Sort menus, remix links, and the remote-delete
question. A real SQLite store behind a real panel."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QStyleOptionViewItem

from sora_desktop.core.library_query import Period
from sora_desktop.core.models import Connection, ConnectionKind, Job, JobStatus
from sora_desktop.core.store import JobStore
from sora_desktop.gui.library_model import Column
from sora_desktop.gui.library_rows import DETAILS_ROLE, NOTES_ROLE
from sora_desktop.gui.library_view import LibraryPanel
from sora_desktop.gui.thumbnails import ThumbnailCache
from tests.gui.library_jobs import make_job

FOX = "A red fox trotting through fresh snow at dawn"
NOT_KNOWN = "The server doesn't know this video (video_9). Check the id and try again."


@pytest.fixture
def store(tmp_path: Path) -> Iterator[JobStore]:
    s = JobStore(tmp_path / "library.db")
    yield s
    s.close()


@pytest.fixture
def jobs(store: JobStore, tmp_path: Path) -> list[Job]:
    videos = tmp_path / "videos"
    made = [
        make_job(0, prompt=FOX, size="1280x720", seconds=8, video_dir=videos),
        make_job(1, prompt=FOX, model="sora-2-pro", size="720x1280", seconds=4, video_dir=videos),
        make_job(2, prompt=FOX, seconds=12, status=JobStatus.FAILED),
        make_job(3, prompt="Neon city street in the rain", video_dir=videos),
    ]
    made[2].error_message = NOT_KNOWN
    made[2].request = made[2].request.__class__(  # a remix of the first take
        prompt=FOX, model="sora-2", size="720x1280", seconds=12, remix_of=made[0].remote_id
    )
    made[3].connection = Connection(
        kind=ConnectionKind.COMPATIBLE, base_url="https://gw.example.com/v1", profile_id="work"
    )
    for job in made:
        store.add(job)
    return made


@pytest.fixture
def panel(qtbot: Any, store: JobStore, jobs: list[Job], tmp_path: Path) -> Iterator[LibraryPanel]:
    widget = LibraryPanel(store, ThumbnailCache(QSize(64, 36), cache_dir=tmp_path / "thumbs"))
    qtbot.addWidget(widget)
    widget.resize(420, 500)  # narrow: the Size/Length/Model/Created columns are hidden
    widget.show()
    yield widget
    widget.shutdown()


def _index(panel: LibraryPanel, job: Job, column: Column = Column.PROMPT) -> Any:
    return panel.model.index(panel.model.row_of(job.id), column)


def _shown_ids(panel: LibraryPanel) -> list[str]:
    return [panel.model.job_at(r).id for r in range(panel.model.rowCount())]  # type: ignore[union-attr]


def test_rows_with_the_same_prompt_can_be_told_apart(
    qtbot: Any, panel: LibraryPanel, jobs: list[Job]
) -> None:
    qtbot.waitUntil(lambda: panel.view.isColumnHidden(Column.SIZE))
    assert panel.view.isColumnHidden(Column.DATE) and panel.view.isColumnHidden(Column.MODEL)
    details = [_index(panel, job).data(DETAILS_ROLE) for job in jobs[:3]]
    assert details[0].startswith("1280×720 · 8 s · 2025-10-")  # the year: not this year's
    assert details[0].endswith(" · sora-2")
    assert details[1].startswith("720×1280 · 4 s · ") and details[1].endswith("sora-2-pro")
    assert len(set(details)) == 3  # the same prompt, three distinguishable rows
    assert all(_index(panel, job).data() == FOX for job in jobs[:3])


def test_the_lines_under_the_prompt_are_painted(panel: LibraryPanel, jobs: list[Job]) -> None:
    """The delegate draws the details and notes under the prompt, not just the prompt."""
    view = panel.view
    index = _index(panel, jobs[2])
    rect = view.visualRect(index)
    image = QImage(rect.size(), QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    option = QStyleOptionViewItem()
    option.initFrom(view)
    option.rect = image.rect()
    option.widget = view  # type: ignore[attr-defined]
    option.decorationSize = view.iconSize()
    view.itemDelegateForColumn(Column.PROMPT).paint(painter, option, index)
    painter.end()
    text_x = range(view.iconSize().width() + 8, image.width())  # right of the thumbnail
    inked = [
        y
        for y in range(image.height())
        if any(image.pixelColor(x, y) != Qt.GlobalColor.white for x in text_x)
    ]
    line = view.fontMetrics().lineSpacing()
    assert inked and inked[-1] - inked[0] > 2 * line  # three lines of text, not one


def test_a_failed_job_says_why_on_its_row(panel: LibraryPanel, jobs: list[Job]) -> None:
    notes = _index(panel, jobs[2]).data(NOTES_ROLE)
    assert notes.startswith("⚠ Failed: The server doesn't know this video")
    tip = _index(panel, jobs[2]).data(Qt.ItemDataRole.ToolTipRole)
    assert NOT_KNOWN in tip  # the full text
    assert _index(panel, jobs[2], Column.STATUS).data(Qt.ItemDataRole.ToolTipRole) == NOT_KNOWN
    assert _index(panel, jobs[3]).data(NOTES_ROLE) == ""  # nothing to say


def test_remote_delete_asks_naming_the_clip(panel: LibraryPanel, jobs: list[Job]) -> None:
    asked: list[tuple[str, str]] = []
    panel.confirm = lambda title, text: asked.append((title, text)) is None and False
    panel.select_jobs([jobs[3].id])
    panel.delete_remote_action.trigger()
    (title, text) = asked[0]
    assert title == "Delete from the service"
    assert "“Neon city street in the rain”" in text
    assert "can't be undone" in text and "stays in your library" in text
    assert text.rstrip().endswith(".") and "?" in text


def test_after_a_remote_delete_remix_is_off_and_the_row_says_why(
    qtbot: Any, panel: LibraryPanel, store: JobStore, jobs: list[Job]
) -> None:
    target = jobs[0]
    panel.select_jobs([target.id])
    assert panel.remix_action.isEnabled() and panel.delete_remote_action.isEnabled()
    store.update_fields(target.id, remote_deleted_at=1_760_000_000.0)
    panel.job_changed(target.id)  # what the window calls when the delete is done
    assert not panel.remix_action.isEnabled()
    assert "deleted from the service" in panel.remix_action.toolTip()
    assert not panel.delete_remote_action.isEnabled()
    assert panel.play_action.isEnabled()  # the local file is still there
    assert "Deleted from the service" in _index(panel, target).data(NOTES_ROLE)
    assert "Deleted from the service on 2025-10-" in _index(panel, target).data(
        Qt.ItemDataRole.ToolTipRole
    )


def test_filter_menu_offers_what_is_there_and_filters_in_the_store(
    panel: LibraryPanel, jobs: list[Job]
) -> None:
    button = panel.filter_button
    assert button.text() == "Filter"
    button.rebuild_menu()
    models = {a.data(): a for a in button.facet_actions("models")}
    assert set(models) == {"sora-2", "sora-2-pro"}
    assert models["sora-2"].text() == "sora-2 (3)"
    models["sora-2-pro"].trigger()
    assert _shown_ids(panel) == [jobs[1].id]
    assert button.text() == "Filter (1)"
    button.rebuild_menu()
    lengths = {a.data(): a for a in button.facet_actions("seconds")}
    assert set(lengths) == {4, 8, 12}
    lengths[8].trigger()  # AND: sora-2-pro and 8 s matches nothing
    assert panel.model.total_count() == 0
    assert "clear the filters" in panel.empty.text()
    button.rebuild_menu()
    {a.data(): a for a in button.facet_actions("models")}["sora-2-pro"].trigger()  # untick
    assert _shown_ids(panel) == [jobs[0].id]
    button.rebuild_menu()
    names = {a.data(): a.text() for a in button.facet_actions("connections")}
    assert names == {"work": "work (1)", "http://127.0.0.1:9/v1": "Simulator at 127.0.0.1:9 (3)"}
    panel.filter_button.connection_name = lambda facet: {"work": "Studio"}.get(facet.key, "?")
    button.rebuild_menu()
    assert {a.text() for a in button.facet_actions("connections")} == {"Studio (1)", "? (3)"}
    button.rebuild_menu()
    periods = {a.data(): a for a in button.facet_actions("period")}
    periods[Period.TODAY.value].trigger()  # the sample jobs are from 2025
    assert panel.model.total_count() == 0
    button.clear()
    assert panel.model.total_count() == 4 and button.text() == "Filter"


def test_sort_menu_sorts_by_length_size_and_connection(
    panel: LibraryPanel, jobs: list[Job]
) -> None:
    panel.sort_button.actions_by_key[("seconds", True)].trigger()
    assert [panel.model.job_at(r).request.seconds for r in range(4)] == [12, 8, 4, 4]  # type: ignore[union-attr]
    assert panel.sort_button.text() == "Sort: Longest first"
    assert panel.view.horizontalHeader().sortIndicatorSection() == Column.DURATION
    panel.sort_button.actions_by_key[("connection", False)].trigger()
    assert panel.model.sort_key() == ("connection", False)
    assert _shown_ids(panel)[-1] == jobs[3].id  # "work" after "http://…"
    panel.view.sortByColumn(Column.DATE, Qt.SortOrder.AscendingOrder)  # a header click
    assert panel.sort_button.text() == "Sort: Oldest first"


def test_a_remix_leads_to_its_original_and_back(panel: LibraryPanel, jobs: list[Job]) -> None:
    source, remix = jobs[0], jobs[2]
    assert "Remix of “A red fox trotting through fresh snow a…”" in _index(panel, remix).data(
        NOTES_ROLE
    )
    assert "1 remix" in _index(panel, source).data(NOTES_ROLE)
    panel.filter_button.rebuild_menu()
    sizes = {a.data(): a for a in panel.filter_button.facet_actions("sizes")}
    sizes["720x1280"].trigger()  # shows the remix, hides its original
    assert panel.model.row_of(source.id) == -1 and panel.model.row_of(remix.id) >= 0
    panel.select_jobs([remix.id])
    assert panel.source_action.isEnabled()
    panel.source_action.trigger()  # going there clears the filter that hid it
    assert panel.selected_ids() == [source.id]
    assert panel.filter_button.filters().active() == 0
    menu = panel.context_menu()
    remixes = next(a.menu() for a in menu.actions() if a.menu() is not None)
    assert [a.text() for a in remixes.actions()] == [FOX]
    remixes.actions()[0].trigger()
    assert panel.selected_ids() == [remix.id]
    menu.deleteLater()
    panel.select_jobs([jobs[3].id])
    assert not panel.source_action.isEnabled()


def test_details_say_the_year_only_when_it_is_not_this_one(qapp: object) -> None:
    import datetime as dt

    from sora_desktop.gui.library_rows import details_line

    job = make_job(0, size="1280x720", seconds=8)
    at = dt.datetime.fromtimestamp(job.created_at)
    this_year = details_line(job, now=job.created_at + 3600)
    assert this_year == f"1280×720 · 8 s · {at:%m-%d %H:%M} · sora-2"
    next_year = details_line(job, now=job.created_at + 400 * 86400)
    assert next_year == f"1280×720 · 8 s · {at:%Y-%m-%d %H:%M} · sora-2"


def test_an_extension_row_says_the_length_it_added(qapp: object) -> None:
    # 15-extend-done.png: the extension of a 4-second clip played 0:08 but its row said
    # "4 s" (its seconds are what it added; the clip is the source followed by the new part)
    import dataclasses

    from sora_desktop.gui.library_rows import details_line, length_text

    source = make_job(0, seconds=4)
    job = make_job(1, seconds=4)
    job = dataclasses.replace(
        job, request=dataclasses.replace(job.request, extend_of=source.remote_id)
    )
    assert " · +4 s · " in details_line(job)
    assert " · 4 s · " in details_line(source)
    assert length_text(job) == "+4 s"  # the Length column's text too


def test_every_item_of_a_clip_menu_has_its_own_access_key(
    panel: LibraryPanel, jobs: list[Job]
) -> None:
    # 67-zh-context.png: only Extend… and Stitch… had one (from the Clip menu); the menu
    # could not be used from the keyboard
    import re

    panel.select_jobs([jobs[0].id])
    menu = panel.context_menu()
    keys = []
    for action in menu.actions():
        if action.isSeparator():
            continue
        found = re.search(r"&(\w)", action.text())
        assert found is not None, action.text()
        keys.append(found.group(1).lower())
    assert len(keys) == len(set(keys)), keys
    assert "&" not in panel.export_action.toolTip()  # a tooltip made from the text
    menu.deleteLater()
