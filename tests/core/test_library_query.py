"""The library's filters, sorts, facets, remix links and spending totals, on a real SQLite
file (the queries the window runs; nothing is filtered or summed in Python)."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from sora_desktop.core.library_query import Period, period_range
from sora_desktop.core.models import Connection, ConnectionKind, Job, JobStatus, VideoRequest
from sora_desktop.core.spending import estimate_cost
from sora_desktop.core.store import JobStore

WORK = Connection(
    kind=ConnectionKind.COMPATIBLE, base_url="https://gw.example/v1", profile_id="work"
)
SIM = Connection(
    kind=ConnectionKind.SIMULATOR, base_url="http://127.0.0.1:5111/v1", profile_id="simulator"
)
ONE_OFF = Connection(kind=ConnectionKind.OPENAI, base_url="https://api.openai.com/v1")


def _at(year: int, month: int, day: int, hour: int = 12) -> float:
    return dt.datetime(year, month, day, hour).timestamp()  # local time, as the library shows


def _job(
    *,
    model: str = "sora-2",
    size: str = "1280x720",
    seconds: int = 4,
    connection: Connection = WORK,
    created: float,
    remote_id: str | None = "auto",
    remix_of: str | None = None,
    cost: float | None = None,
    prompt: str = "a lighthouse at dusk",
) -> Job:
    job_id = uuid.uuid4().hex
    return Job(
        id=job_id,
        request=VideoRequest(
            prompt=prompt, model=model, size=size, seconds=seconds, remix_of=remix_of
        ),
        connection=connection,
        status=JobStatus.READY,
        remote_id=f"video_{job_id[:8]}" if remote_id == "auto" else remote_id,
        created_at=created,
        updated_at=created,
        estimated_cost=cost,
    )


@pytest.fixture
def store(tmp_path: Path) -> Iterator[JobStore]:
    s = JobStore(tmp_path / "library.db")
    yield s
    s.close()


@pytest.fixture
def jobs(store: JobStore) -> list[Job]:
    made = [
        _job(created=_at(2026, 10, 3), cost=0.4),
        _job(model="sora-2-pro", size="1792x1024", seconds=8, created=_at(2026, 10, 20), cost=4.0),
        _job(seconds=12, connection=SIM, created=_at(2026, 11, 2), cost=0.0),
        _job(size="720x1280", seconds=8, connection=ONE_OFF, created=_at(2026, 11, 5), cost=0.8),
        _job(model="veo-3.1", seconds=8, created=_at(2026, 11, 9), cost=None),
        _job(created=_at(2026, 11, 10), cost=0.4, remote_id=None),  # never accepted
    ]
    for job in made:
        store.add(job)
    return made


def _ids(found: list[Job]) -> list[str]:
    return [j.id for j in found]


def test_filters_by_model_size_duration_connection_and_date(
    store: JobStore, jobs: list[Job]
) -> None:
    assert _ids(store.list_jobs(models=["sora-2-pro"])) == [jobs[1].id]
    assert set(_ids(store.list_jobs(sizes=["1280x720"]))) == {
        jobs[0].id,
        jobs[2].id,
        jobs[4].id,
        jobs[5].id,
    }
    assert set(_ids(store.list_jobs(seconds=[8, 12]))) == {
        jobs[1].id,
        jobs[2].id,
        jobs[3].id,
        jobs[4].id,
    }
    # a profile's jobs, and a one-off connection (no profile) by its base URL
    assert store.count(connections=["work"]) == 4
    assert _ids(store.list_jobs(connections=["https://api.openai.com/v1"])) == [jobs[3].id]
    november = (_at(2026, 11, 1, 0), _at(2026, 12, 1, 0))
    assert store.count(created_from=november[0], created_before=november[1]) == 4
    # filters combine (AND), and with search
    assert _ids(store.list_jobs(seconds=[8], connections=["work"], created_from=november[0])) == [
        jobs[4].id
    ]
    assert store.count(search="lighthouse", models=["sora-2"], sizes=["720x1280"]) == 1
    assert store.count(models=["no-such-model"]) == 0


def test_sorts_by_duration_size_model_and_connection(store: JobStore, jobs: list[Job]) -> None:
    by_length = store.list_jobs(order_by="seconds", descending=True)
    assert [j.request.seconds for j in by_length] == sorted(
        (j.request.seconds for j in jobs), reverse=True
    )
    by_size = store.list_jobs(order_by="size", descending=False)  # by pixel count
    areas = [int(w) * int(h) for w, h in (j.request.size.split("x") for j in by_size)]
    assert areas == sorted(areas)
    assert by_size[-1].request.size == "1792x1024"
    assert store.list_jobs(order_by="size", descending=True)[0].request.size == "1792x1024"
    by_model = store.list_jobs(order_by="model", descending=False)
    assert [j.request.model for j in by_model] == sorted(j.request.model for j in jobs)
    by_connection = store.list_jobs(order_by="connection", descending=False)
    keys = [j.connection.profile_id or j.connection.base_url for j in by_connection]
    assert keys == sorted(keys)
    with pytest.raises(ValueError, match="can't sort by"):
        store.list_jobs(order_by="prompt; DROP TABLE jobs")


def test_facets_list_what_is_there_with_counts(store: JobStore, jobs: list[Job]) -> None:
    facets = store.facets()
    assert dict(facets.models) == {"sora-2": 4, "sora-2-pro": 1, "veo-3.1": 1}
    assert dict(facets.sizes) == {"1280x720": 4, "1792x1024": 1, "720x1280": 1}
    assert dict(facets.seconds) == {4: 2, 8: 3, 12: 1}
    by_key = {c.key: c for c in facets.connections}
    assert set(by_key) == {"work", "simulator", "https://api.openai.com/v1"}
    assert by_key["work"].count == 4 and by_key["work"].kind is ConnectionKind.COMPATIBLE
    assert by_key["simulator"].kind is ConnectionKind.SIMULATOR


def test_filter_queries_use_indexes(store: JobStore, jobs: list[Job]) -> None:
    conn = store._conn()
    for where, params in (
        ("size = ?", ["1280x720"]),
        ("seconds = ?", [8]),
        ("COALESCE(profile_id, base_url) = ?", ["work"]),
        ("remix_of = ?", ["video_x"]),
    ):
        plan = " ".join(
            str(r[3])
            for r in conn.execute(f"EXPLAIN QUERY PLAN SELECT * FROM jobs WHERE {where}", params)
        )
        assert "USING INDEX" in plan, (where, plan)


def test_remix_links_both_ways(store: JobStore) -> None:
    source = _job(created=_at(2026, 11, 1), remote_id="video_src")
    first = _job(created=_at(2026, 11, 2), remix_of="video_src", prompt="at night")
    second = _job(created=_at(2026, 11, 3), remix_of="video_src", prompt="in the rain")
    orphan = _job(created=_at(2026, 11, 4), remix_of="video_not_here")
    for job in (second, source, orphan, first):
        store.add(job)
    assert _ids(store.remixes_of(source)) == [first.id, second.id]  # oldest first
    assert store.source_of(first) == source
    assert store.source_of(orphan) is None  # its source was deleted from the library
    assert store.source_of(source) is None and store.remixes_of(first) == []
    info = store.remix_info([source, first, orphan, _job(created=1.0)])
    assert info[source.id].remixes == 2 and info[source.id].source_id is None
    assert info[first.id].source_id == source.id
    assert info[first.id].source_prompt == source.request.prompt
    assert info[orphan.id].source_id is None and info[orphan.id].remixes == 0
    assert len(info) == 3  # a job with no links has no entry


def test_spending_per_connection_and_month(store: JobStore, jobs: list[Job]) -> None:
    totals = store.spending()
    assert totals.months() == ["2026-11", "2026-10"]
    assert totals.month_total("2026-10") == 4.4
    assert totals.month_total("2026-11") == 0.8  # the never-accepted job is not counted
    assert totals.total == 5.2
    assert totals.by_connection() == {
        "work": 4.4,
        "simulator": 0.0,
        "https://api.openai.com/v1": 0.8,
    }
    november_work = next(
        li for li in totals.lines if li.month == "2026-11" and li.connection == "work"
    )
    assert november_work.videos == 1 and november_work.unpriced == 1  # veo-3.1: no price
    sim = next(li for li in totals.lines if li.connection == "simulator")
    assert sim.free and sim.estimated == 0.0 and sim.videos == 1
    assert totals.unpriced == 1


def test_estimates() -> None:
    assert estimate_cost("sora-2", "1280x720", 8, ConnectionKind.OPENAI) == 0.8
    assert estimate_cost("sora-2-pro", "1920x1080", 4, ConnectionKind.COMPATIBLE) == 2.8
    assert estimate_cost("sora-2-pro", "1920x1080", 20, ConnectionKind.SIMULATOR) == 0.0
    assert estimate_cost("veo-3.1", "1280x720", 8, ConnectionKind.COMPATIBLE) is None


def test_periods_in_local_time() -> None:
    now = _at(2026, 11, 29, 21)
    assert period_range(Period.ANY, now) == (None, float("inf"))
    assert period_range(Period.TODAY, now)[0] == _at(2026, 11, 29, 0)
    assert period_range(Period.PAST_WEEK, now)[0] == _at(2026, 11, 23, 0)
    assert period_range(Period.PAST_MONTH, now)[0] == _at(2026, 10, 31, 0)
    assert period_range(Period.THIS_MONTH, now)[0] == _at(2026, 11, 1, 0)
    assert period_range(Period.THIS_YEAR, now)[0] == _at(2026, 1, 1, 0)
