"""LibraryModel over a real SQLite JobStore: paging, SQL sorting, search, filters, drag data."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, QSize, Qt
from PySide6.QtGui import QPixmap

from sora_desktop.core.models import JobEvent, JobStatus
from sora_desktop.core.store import JobStore
from sora_desktop.gui.library_model import JOB_ID_ROLE, Column, LibraryModel
from sora_desktop.gui.library_rows import NOTES_ROLE
from sora_desktop.gui.thumbnails import ThumbnailCache
from tests.gui.library_jobs import fill_store, make_job


@pytest.fixture
def store(tmp_path: Path) -> Iterator[JobStore]:
    s = JobStore(tmp_path / "library.db")
    yield s
    s.close()


def _column(model: LibraryModel, col: Column) -> list[str]:
    return [model.index(r, col).data() for r in range(model.rowCount())]


def test_pages_rows_with_fetch_more(qapp: object, store: JobStore) -> None:
    fill_store(store, [make_job(i) for i in range(450)])
    model = LibraryModel(store, page_size=200)
    assert model.total_count() == 450
    assert model.rowCount() == 200
    assert model.canFetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    assert model.rowCount() == 400
    model.fetchMore(QModelIndex())
    assert model.rowCount() == 450
    assert not model.canFetchMore(QModelIndex())
    ids = [model.index(r, 0).data(JOB_ID_ROLE) for r in range(450)]
    assert len(set(ids)) == 450  # no row twice across pages


def test_sort_by_column_is_done_by_the_store_over_all_rows(qapp: object, store: JobStore) -> None:
    # Prompts chosen so the alphabetical first one is the OLDEST job: it is not on the first
    # page by date, so only an ORDER BY in SQL can bring it to the top of page one.
    jobs = [make_job(i, prompt=f"m clip {i:03d}") for i in range(1, 300)]
    jobs.append(make_job(0, prompt="Aardvark at dusk"))
    fill_store(store, jobs)
    model = LibraryModel(store, page_size=50)
    assert model.index(0, Column.PROMPT).data() != "Aardvark at dusk"  # newest first
    model.sort(Column.PROMPT, Qt.SortOrder.AscendingOrder)
    assert model.sort_key() == ("prompt", False)
    prompts = _column(model, Column.PROMPT)
    assert prompts[0] == "Aardvark at dusk"
    assert prompts == sorted(prompts, key=str.lower)
    model.sort(Column.PROMPT, Qt.SortOrder.DescendingOrder)
    assert _column(model, Column.PROMPT)[0] == "m clip 299"


def test_sort_by_duration_and_date(qapp: object, store: JobStore) -> None:
    fill_store(store, [make_job(i, seconds=(12, 4, 8)[i % 3]) for i in range(9)])
    model = LibraryModel(store)
    model.sort(Column.DURATION, Qt.SortOrder.AscendingOrder)
    durations = [model.job_at(r).request.seconds for r in range(model.rowCount())]  # type: ignore[union-attr]
    assert durations == [4, 4, 4, 8, 8, 8, 12, 12, 12]
    model.sort(Column.DATE, Qt.SortOrder.AscendingOrder)
    created = [model.job_at(r).created_at for r in range(model.rowCount())]  # type: ignore[union-attr]
    assert created == sorted(created)


def test_search_filters_through_the_store(qapp: object, store: JobStore) -> None:
    fill_store(store, [make_job(i) for i in range(20)])  # 4 of each of 5 prompts
    model = LibraryModel(store)
    counts: list[int] = []
    model.count_changed.connect(counts.append)
    model.set_search("fox")
    assert model.rowCount() == 4
    assert all("fox" in p.lower() for p in _column(model, Column.PROMPT))
    assert counts == [4]
    model.set_search("")
    assert model.rowCount() == 20


def test_status_and_favourite_filters(qapp: object, store: JobStore) -> None:
    statuses = [JobStatus.READY, JobStatus.FAILED, JobStatus.CANCELLED, JobStatus.IN_PROGRESS]
    fill_store(
        store,
        [make_job(i, status=statuses[i % 4], favourite=i % 5 == 0) for i in range(20)],
    )
    model = LibraryModel(store)
    model.set_statuses([JobStatus.FAILED])
    assert model.rowCount() == 5
    assert {model.job_at(r).status for r in range(5)} == {JobStatus.FAILED}  # type: ignore[union-attr]
    model.set_statuses(None)
    model.set_favourites_only(True)
    assert model.rowCount() == 4
    assert all(model.job_at(r).favourite for r in range(4))  # type: ignore[union-attr]
    model.set_statuses([JobStatus.READY])
    assert model.rowCount() == 1  # favourites 0, 5, 10, 15: only job 0 is ready


def test_mime_data_carries_the_mp4_files(qapp: object, store: JobStore, tmp_path: Path) -> None:
    ready = make_job(1, video_dir=tmp_path / "videos")
    failed = make_job(2, status=JobStatus.FAILED)
    fill_store(store, [ready, failed])
    model = LibraryModel(store)
    assert "text/uri-list" in model.mimeTypes()
    assert model.supportedDragActions() & Qt.DropAction.CopyAction
    assert model.flags(model.index(0, 0)) & Qt.ItemFlag.ItemIsDragEnabled
    indexes = [model.index(r, c) for r in range(2) for c in range(2)]
    data = model.mimeData(indexes)
    # through Path: Qt's local file names use "/" (C:/...), Python's Windows paths "\\"
    urls = [Path(u.toLocalFile()) for u in data.urls()]
    assert urls == [ready.file_path]
    assert urls[0].read_bytes()[4:8] == b"ftyp"


def test_job_changed_updates_inserts_and_removes_rows(qapp: object, store: JobStore) -> None:
    running = make_job(1, status=JobStatus.IN_PROGRESS)
    fill_store(store, [make_job(0), running])
    model = LibraryModel(store)
    row = model.row_of(running.id)
    changed: list[int] = []
    model.dataChanged.connect(lambda top, _bottom, _roles: changed.append(top.row()))
    store.update_fields(running.id, progress=42)
    model.job_changed(running.id)
    assert changed == [row]
    assert model.index(row, Column.STATUS).data() == "Rendering 42%"

    newcomer = make_job(5)
    store.add(newcomer)
    model.job_changed(newcomer.id)
    assert model.row_of(newcomer.id) == 0 and model.rowCount() == 3

    model.set_statuses([JobStatus.IN_PROGRESS])
    store.transition(running.id, JobStatus.FAILED, note="test")
    model.job_changed(running.id)
    assert model.rowCount() == 0  # no longer matches the filter

    model.set_statuses(None)
    store.delete(newcomer.id)
    model.job_changed(newcomer.id)
    assert model.row_of(newcomer.id) == -1 and model.rowCount() == 2


class _CountingStore:
    """The store, counting the jobs read one by one and the COUNTs."""

    def __init__(self, store: JobStore) -> None:
        self._store = store
        self.gets = 0
        self.counts = 0

    def get(self, job_id: str) -> object:
        self.gets += 1
        return self._store.get(job_id)

    def count(self, **kw: object) -> int:
        self.counts += 1
        return self._store.count(**kw)  # type: ignore[arg-type]

    def __getattr__(self, name: str) -> object:
        return getattr(self._store, name)


def test_job_events_update_rows_without_reading_the_job(qapp: object, store: JobStore) -> None:
    running = make_job(1, status=JobStatus.IN_PROGRESS)
    hidden = make_job(0, status=JobStatus.IN_PROGRESS)  # on a page not loaded
    fill_store(store, [hidden, make_job(2, status=JobStatus.IN_PROGRESS), running])
    reads = _CountingStore(store)
    model = LibraryModel(reads, page_size=2)  # type: ignore[arg-type]
    assert model.row_of(hidden.id) == -1
    row = model.row_of(running.id)
    reads.gets = reads.counts = 0
    prompt_repaints: list[int] = []
    model.dataChanged.connect(
        lambda top, _bottom, roles: (
            top.column() == Column.PROMPT
            and NOTES_ROLE in roles
            and prompt_repaints.append(top.row())
        )
    )
    for pct in range(1, 60):  # ticks that stored nothing: the event's progress is shown
        model.apply_event(JobEvent(running.id, JobStatus.IN_PROGRESS, pct))
        model.apply_event(JobEvent(hidden.id, JobStatus.IN_PROGRESS, pct))
    assert model.index(row, Column.STATUS).data() == "Rendering 59%"
    # and the line under the prompt, shown when the Status column is hidden, moves with it
    assert model.index(row, Column.PROMPT).data(NOTES_ROLE) == "Rendering 59%"
    assert prompt_repaints and prompt_repaints[-1] == row
    stored = store.update_fields(running.id, progress=70)  # a stored change carries the job
    model.apply_event(JobEvent(running.id, JobStatus.IN_PROGRESS, 70, job=stored))
    assert model.index(row, Column.STATUS).data() == "Rendering 70%"
    for pct in range(60, 90):  # the hidden job's stored ticks: no filter, nothing to count
        moved = store.update_fields(hidden.id, progress=pct)
        model.apply_event(JobEvent(hidden.id, JobStatus.IN_PROGRESS, pct, job=moved))
    assert (reads.gets, reads.counts) == (0, 0)

    model.set_statuses([JobStatus.IN_PROGRESS, JobStatus.FAILED])
    reads.gets = reads.counts = 0
    for pct in range(90, 95):  # under a status filter: one COUNT for its status, not per tick
        moved = store.update_fields(hidden.id, progress=pct)
        model.apply_event(JobEvent(hidden.id, JobStatus.IN_PROGRESS, pct, job=moved))
    failed = store.transition(hidden.id, JobStatus.FAILED, note="test")
    model.apply_event(JobEvent(hidden.id, JobStatus.FAILED, job=failed))
    assert (reads.gets, reads.counts) == (0, 2)


def test_display_columns(qapp: object, store: JobStore) -> None:
    job = make_job(3, prompt="Line one\nline two", size="1280x720", seconds=8, favourite=True)
    fill_store(store, [job])
    model = LibraryModel(store)
    assert model.index(0, Column.PROMPT).data() == "Line one line two"
    tip = model.index(0, Column.PROMPT).data(Qt.ItemDataRole.ToolTipRole)
    assert tip.startswith("Line one\nline two\n")  # the full prompt first
    assert model.index(0, Column.SIZE).data() == "1280×720"
    assert model.index(0, Column.DURATION).data() == "8 s"
    assert model.index(0, Column.MODEL).data() == "sora-2"
    assert model.index(0, Column.STATUS).data() == "Ready"
    assert model.index(0, Column.FAVOURITE).data() == "★"
    assert model.headerData(Column.DATE, Qt.Orientation.Horizontal) == "Created"


def test_thumbnails_load_lazily_off_the_gui_thread(
    qtbot: object, store: JobStore, tmp_path: Path
) -> None:
    fill_store(store, [make_job(i, video_dir=tmp_path / "v") for i in range(3)])
    cache = ThumbnailCache(QSize(96, 54), cache_dir=tmp_path / "thumbs")
    model = LibraryModel(store, cache)
    try:
        assert cache.pending_count() == 0  # nothing is loaded until a row is shown
        placeholder = model.index(0, Column.PROMPT).data(Qt.ItemDataRole.DecorationRole)
        assert isinstance(placeholder, QPixmap)
        assert placeholder.cacheKey() == cache.placeholder().cacheKey()
        assert cache.pending_count() == 1
        with qtbot.waitSignal(model.dataChanged, timeout=10_000):  # type: ignore[attr-defined]
            pass
        thumb = model.index(0, Column.PROMPT).data(Qt.ItemDataRole.DecorationRole)
        assert thumb.cacheKey() != cache.placeholder().cacheKey()
        assert thumb.size() == QSize(96, 54)
        image = thumb.toImage()
        centre = image.pixelColor(48, 27)
        assert centre.alpha() == 255  # a decoded frame, not the transparent letterbox
        assert list((tmp_path / "thumbs").glob("*.frame.jpg"))  # first frame cached on disk
    finally:
        cache.shutdown()


def test_thumbnail_from_the_api_webp_variant(
    qtbot: object, store: JobStore, tmp_path: Path
) -> None:
    from PySide6.QtGui import QColor, QImage

    webp = tmp_path / "thumb.webp"
    source = QImage(1280, 720, QImage.Format.Format_RGB32)
    source.fill(QColor(200, 30, 30))
    assert source.save(str(webp), "WEBP")
    job = make_job(1)
    job.thumbnail_path = webp
    fill_store(store, [job])
    cache = ThumbnailCache(QSize(96, 54))
    model = LibraryModel(store, cache)
    try:
        model.index(0, Column.PROMPT).data(Qt.ItemDataRole.DecorationRole)
        with qtbot.waitSignal(cache.thumbnail_ready, timeout=10_000) as ready:  # type: ignore[attr-defined]
            pass
        assert ready.args == [LibraryModel.thumb_key(job)]
        pixel = model.index(0, Column.PROMPT).data(Qt.ItemDataRole.DecorationRole).toImage()
        colour = pixel.pixelColor(48, 27)
        assert colour.red() > 150 and colour.green() < 80  # the WebP's red, scaled down
    finally:
        cache.shutdown()


def test_thumbnail_cache_is_bounded(qtbot: object, store: JobStore, tmp_path: Path) -> None:
    from PySide6.QtGui import QColor, QImage

    png = tmp_path / "t.png"
    image = QImage(64, 36, QImage.Format.Format_RGB32)
    image.fill(QColor("navy"))
    image.save(str(png))
    jobs = [make_job(i) for i in range(5)]
    for job in jobs:
        job.thumbnail_path = png
    fill_store(store, jobs)
    cache = ThumbnailCache(QSize(32, 18), capacity=2)
    model = LibraryModel(store, cache)
    try:
        loaded: list[str] = []
        cache.thumbnail_ready.connect(loaded.append)
        for row in range(5):
            model.index(row, Column.PROMPT).data(Qt.ItemDataRole.DecorationRole)
        qtbot.waitUntil(lambda: len(loaded) == 5, timeout=10_000)  # type: ignore[attr-defined]
        cached = [k for k in loaded if cache.pixmap(k, png, None) is not None]
        assert len(cached) == 2  # only the two most recent survive
    finally:
        cache.shutdown()


def test_events_for_unloaded_jobs_do_not_reset_the_view(qapp: object, store: JobStore) -> None:
    jobs = fill_store(store, [make_job(i) for i in range(30)])
    model = LibraryModel(store, page_size=10)
    resets: list[bool] = []
    model.modelReset.connect(lambda: resets.append(True))
    oldest = jobs[0]  # sorted newest first: not on the first page
    assert model.row_of(oldest.id) == -1
    store.update_fields(oldest.id, progress=50)
    model.job_changed(oldest.id)
    assert resets == [] and model.rowCount() == 10
    newcomer = make_job(99)
    store.add(newcomer)
    model.job_changed(newcomer.id)
    assert resets == [True] and model.row_of(newcomer.id) == 0
    assert model.total_count() == 31


def test_a_cached_frame_name_keeps_letters_digits_dashes_and_underscores_only(
    tmp_path: Path,
) -> None:
    cache = ThumbnailCache(cache_dir=tmp_path)
    for key in ("a1b2-c3_d4", "/v/clip 01.mp4:720x1280", "视频/片段.mp4|x", "é" * 200):
        name = cache.cached_frame_path(key)
        assert name is not None and name.parent == tmp_path
        expected = "".join(c if c.isalnum() or c in "-_" else "_" for c in key)[:120]
        assert name.name == f"{expected}.frame.jpg"  # one rule, ASCII fast path or not
