"""One status vocabulary: the queue and the library name every status the same way."""

from __future__ import annotations

from pathlib import Path

from sora_desktop.core.models import JobStatus
from sora_desktop.core.store import JobStore
from sora_desktop.gui.library_model import JOB_ROLE, Column, LibraryModel
from sora_desktop.gui.queue_model import COL_STATUS, QueueModel
from sora_desktop.usecases.status import WORKING_STATUSES, is_working, status_word
from tests.gui.library_jobs import fill_store, make_job


def test_queue_and_library_say_the_same_word(qapp: object, tmp_path: Path) -> None:
    jobs = [make_job(i, status=status) for i, status in enumerate(JobStatus)]
    queue = QueueModel()
    for job in jobs:
        queue.upsert(job)
    with JobStore(tmp_path / "library.db") as store:
        fill_store(store, jobs)
        library = LibraryModel(store)
        in_library = {
            library.index(r, 0).data(JOB_ROLE).status: library.index(r, Column.STATUS).data()
            for r in range(library.rowCount())
        }
    in_queue = {job.status: queue.index(queue.row_of(job.id), COL_STATUS).data() for job in jobs}
    assert in_queue == in_library
    assert in_queue == {status: status_word(status) for status in JobStatus}
    assert len(set(in_queue.values())) == len(JobStatus)  # no two statuses share a word


def test_working_means_not_ended_everywhere() -> None:
    assert set(WORKING_STATUSES) == {s for s in JobStatus if is_working(s)}
    assert set(WORKING_STATUSES) == {s for s in JobStatus if not s.is_terminal}
