"""Querying the library (``usecases.history``): what the window's panels and the CLI's
``history`` read, on a real SQLite file."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from sora_desktop.core.models import JobStatus
from sora_desktop.core.store import JobStore
from sora_desktop.usecases.history import History
from sora_desktop.usecases.library import set_favourite
from tests.core.test_store import make_job


def test_recent_is_newest_first_and_limited(tmp_path: Path) -> None:
    jobs = [make_job(f"take {i}", created_at=1_700_000_000.0 + i) for i in range(5)]
    with JobStore(tmp_path / "library.db") as store:
        store.add_many(jobs)
        history = History(store)
        assert [j.id for j in history.recent()] == [j.id for j in reversed(jobs)]
        assert [j.id for j in history.recent(2)] == [jobs[4].id, jobs[3].id]


def test_jobs_keeps_the_order_asked_and_skips_the_ones_gone(tmp_path: Path) -> None:
    jobs = [make_job(f"take {i}") for i in range(3)]
    with JobStore(tmp_path / "library.db") as store:
        store.add_many(jobs)
        store.delete(jobs[1].id)
        history = History(store)
        found = history.jobs([jobs[2].id, jobs[1].id, "no-such-job", jobs[0].id])
        assert [j.id for j in found] == [jobs[2].id, jobs[0].id]
        assert history.get(jobs[1].id) is None
        assert history.get(jobs[0].id) == store.get(jobs[0].id)


def test_pages_counts_and_active_jobs_match_the_store(tmp_path: Path) -> None:
    done = [make_job(f"fox {i}", created_at=1_700_000_000.0 + i) for i in range(3)]
    running = make_job("an owl", status=JobStatus.IN_PROGRESS, created_at=1_700_000_100.0)
    with JobStore(tmp_path / "library.db") as store:
        store.add_many([*done, running])
        set_favourite(store, [done[0].id], True)
        history = History(store)
        assert history.count(search="fox") == 3
        assert [j.id for j in history.list_jobs(search="fox", limit=2, offset=1)] == [
            done[1].id,
            done[0].id,
        ]
        assert [j.id for j in history.list_jobs(favourites_only=True)] == [done[0].id]
        assert [j.id for j in history.active_jobs()] == [running.id]
        assert history.facets() == store.facets()
        assert history.spending() == store.spending()


def test_remix_links_are_read_through_it(tmp_path: Path) -> None:
    source = make_job("a fox", remote_id="video_src")
    source = dataclasses.replace(source, request=dataclasses.replace(source.request, remix_of=None))
    remix = make_job("a fox, at night")
    remix = dataclasses.replace(
        remix, request=dataclasses.replace(remix.request, remix_of="video_src")
    )
    with JobStore(tmp_path / "library.db") as store:
        store.add_many([source, remix])
        history = History(store)
        assert [j.id for j in history.remixes_of(source)] == [remix.id]
        found = history.source_of(remix)
        assert found is not None and found.id == source.id
        info = history.remix_info([source, remix])
        assert info == store.remix_info([source, remix])
