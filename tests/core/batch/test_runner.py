"""The batch runner against the real simulator over loopback, with the real service, client
and library: concurrency, the cap, invalid rows, retrying failed rows, exports, events."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar

import pytest

from sora_desktop.core.batch.estimate import PriceFn
from sora_desktop.core.batch.plan import plan_batch
from sora_desktop.core.batch.preview import preview_batch
from sora_desktop.core.batch.runner import BatchEvent, BatchRunner
from sora_desktop.core.batch.source import parse_source
from sora_desktop.core.batch.store import BatchInfo, BatchState, RowStatus
from sora_desktop.core.batch.sweep import parse_sweep
from sora_desktop.core.errors import AuthenticationError
from sora_desktop.core.models import Connection, ConnectionKind, JobEvent, KeySource
from sora_desktop.core.pacing import (
    SIMULATOR_MAX_CONCURRENT,
    ConnectionSlots,
    Pacing,
    provider_limit,
)
from sora_desktop.core.paths import AppPaths
from sora_desktop.core.service import GenerationService
from sora_desktop.core.spending import estimate_job_cost
from sora_desktop.core.store import JobStore
from sora_desktop.simulator.server import SimulatorServer
from tests.fail_on_unexpected import ExpectLog

T = TypeVar("T")


class Env:
    def __init__(self, service: GenerationService, runner: BatchRunner, store: JobStore):
        self.service = service
        self.runner = runner
        self.store = store

    def create(
        self,
        connection: Connection,
        lines: Sequence[str],
        *sweeps: str,
        price: PriceFn = estimate_job_cost,
        cap: float | None = None,
        concurrency: int = 4,
        out_dir: Path | None = None,
    ) -> BatchInfo:
        text = "\n".join(["prompt", *lines]).encode()
        plan = plan_batch(
            parse_source(text, "csv", name="p.csv"), sweeps=[parse_sweep(s) for s in sweeps]
        )
        preview = preview_batch(
            plan, connection, self.service, cap=cap, concurrency=concurrency, price=price
        )
        return self.runner.create(preview, out_dir=out_dir)


def with_runner(
    tmp_path: Path, body: Callable[[Env], Awaitable[T]], pacing: Pacing | None = None
) -> T:
    paths = AppPaths.default(tmp_path / "appdata")
    paths.ensure()
    store = JobStore(paths.db_path)

    async def main() -> T:
        service = GenerationService(store, paths, give_up_after=60.0, pacing=pacing)
        try:
            return await body(Env(service, BatchRunner(service, store), store))
        finally:
            await service.shutdown()

    try:
        return asyncio.run(main())
    finally:
        store.close()


def sim(server: Any) -> Connection:
    return Connection(kind=ConnectionKind.SIMULATOR, base_url=server.url + "/v1")


def test_every_row_is_sent_once_and_never_more_at_once_than_the_concurrency(
    simulator: SimulatorServer, tmp_path: Path
) -> None:
    active: set[str] = set()
    most = 0
    batch_events: list[BatchEvent] = []

    def track(event: JobEvent) -> None:
        nonlocal most
        if event.status.is_terminal:
            active.discard(event.job_id)
        else:
            active.add(event.job_id)
        most = max(most, len(active))

    async def body(env: Env) -> Any:
        env.service.subscribe(track)
        env.runner.subscribe(batch_events.append)
        info = env.create(
            sim(simulator), ["a fox", "an owl", "a heron"], "seconds=4,8", concurrency=2
        )
        summary = await env.runner.run(info.id)
        return summary, env.runner.batches.rows(info.id), env.runner.batches.get(info.id)

    summary, rows, info = with_runner(tmp_path, body)
    assert summary.counts == {RowStatus.READY: 6} and summary.finished and summary.error is None
    assert info.state is BatchState.DONE
    assert simulator.created_count == 6
    assert sorted(r.remote_id or "" for r in rows) == sorted(simulator.video_ids())
    assert [(r.label, r.attempts) for r in rows][:2] == [
        ("r001_seconds-4", 1),
        ("r001_seconds-8", 1),
    ]
    assert most == 2  # the slots were used, and never more
    sent = [e.index for e in batch_events if e.status is RowStatus.RUNNING]
    assert sent == [1, 2, 3, 4, 5, 6]  # sent in row order
    assert {e.index for e in batch_events if e.status is RowStatus.READY} == set(range(1, 7))
    assert batch_events[-1].index is None  # the batch's own event ends the run


def test_the_cap_holds_the_rest_and_a_higher_cap_sends_them(
    simulator: SimulatorServer, tmp_path: Path
) -> None:
    def half_a_dollar(request: Any, connection: Any) -> float:
        return 0.5

    async def body(env: Env) -> Any:
        info = env.create(sim(simulator), ["a", "b", "c", "d"], price=half_a_dollar, cap=1.2)
        first = await env.runner.run(info.id)
        rows = env.runner.batches.rows(info.id)
        created_then = simulator.created_count
        env.runner.set_cap(info.id, 1.5)
        second = await env.runner.run(info.id)
        env.runner.set_cap(info.id, None)
        third = await env.runner.run(info.id)
        return first, rows, created_then, second, third

    first, rows, created_then, second, third = with_runner(tmp_path, body)
    assert first.counts == {RowStatus.READY: 2, RowStatus.HELD: 2}
    assert first.finished and first.state is BatchState.ACTIVE  # waits for a higher cap
    assert first.committed == 1.0 and created_then == 2
    assert [r.status for r in rows] == [RowStatus.READY] * 2 + [RowStatus.HELD] * 2
    assert second.counts == {RowStatus.READY: 3, RowStatus.HELD: 1}
    assert third.counts == {RowStatus.READY: 4} and third.state is BatchState.DONE
    assert simulator.created_count == 4


def test_invalid_rows_are_never_sent_and_a_row_refused_at_send_time_is_marked(
    simulator: SimulatorServer, tmp_path: Path
) -> None:
    image = tmp_path / "start.png"
    from PIL import Image

    Image.new("RGB", (720, 1280), (10, 10, 10)).save(image)

    async def body(env: Env) -> Any:
        text = f"prompt,model,image\na,sora-2,\nb,sora-3,\nc,sora-2,{image}\n".encode()
        plan = plan_batch(parse_source(text, "csv", name="p.csv"))
        preview = preview_batch(plan, sim(simulator), env.service)
        assert [r.valid for r in preview.rows] == [True, False, True]
        info = env.runner.create(preview)
        image.unlink()  # gone between the preview and the send
        summary = await env.runner.run(info.id)
        return summary, env.runner.batches.rows(info.id)

    summary, rows = with_runner(tmp_path, body)
    assert [r.status for r in rows] == [RowStatus.READY, RowStatus.INVALID, RowStatus.INVALID]
    assert "sora-3" in (rows[1].error or "")
    assert rows[2].error is not None and rows[2].job_id is None and rows[2].attempts == 0
    assert summary.finished and simulator.created_count == 1


def test_a_missing_key_stops_the_sending_and_nothing_is_made(
    simulator: SimulatorServer, tmp_path: Path, expect_log: ExpectLog
) -> None:
    connection = Connection(
        kind=ConnectionKind.OPENAI,
        base_url=simulator.url + "/v1",
        key_source=KeySource(env_var="SORA_BATCH_TEST_NO_SUCH_KEY"),
    )

    async def body(env: Env) -> Any:
        info = env.create(connection, ["a", "b"])
        with expect_log("sora_desktop.core.batch.runner", "sending stopped"):
            summary = await env.runner.run(info.id)
        return summary, env.store.count()

    summary, jobs = with_runner(tmp_path, body)
    assert isinstance(summary.error, AuthenticationError)
    assert "SORA_BATCH_TEST_NO_SUCH_KEY" in summary.error.message
    assert summary.counts == {RowStatus.PENDING: 2} and not summary.finished
    assert summary.state is BatchState.ACTIVE
    assert jobs == 0 and simulator.created_count == 0


def test_retry_failed_makes_new_jobs_for_the_failed_rows_only(
    simulator: SimulatorServer, tmp_path: Path
) -> None:
    async def body(env: Env) -> Any:
        info = env.create(sim(simulator), ["a calm sea", "a storm [sim:fail]"])
        first = await env.runner.run(info.id)
        failed_job = env.runner.batches.rows(info.id)[1].job_id
        assert env.runner.retry_failed(info.id) == [2]
        assert env.runner.retry_failed(info.id) == []  # asked once is enough
        pending = env.runner.batches.rows(info.id)[1].status
        second = await env.runner.run(info.id)
        return first, failed_job, pending, second, env.runner.batches.rows(info.id)

    first, failed_job, pending, second, rows = with_runner(tmp_path, body)
    assert first.counts == {RowStatus.READY: 1, RowStatus.FAILED: 1}
    assert first.state is BatchState.DONE
    assert pending is RowStatus.PENDING
    assert second.counts == {RowStatus.READY: 1, RowStatus.FAILED: 1}
    assert rows[0].attempts == 1 and rows[1].attempts == 2
    assert rows[1].job_id != failed_job  # a new job; the first stays in the library
    assert simulator.created_count == 3


def test_clips_are_exported_named_by_their_row(simulator: SimulatorServer, tmp_path: Path) -> None:
    out = tmp_path / "out"

    async def body(env: Env) -> Any:
        info = env.create(sim(simulator), ["一只狐狸", "an owl"], "seed=1,2", out_dir=out)
        await env.runner.run(info.id)
        return env.runner.batches.rows(info.id)

    rows = with_runner(tmp_path, body)
    names = sorted(p.name for p in out.glob("*.mp4"))
    assert [n.rsplit("_", 1)[0] for n in names] == [
        "r001_seed-1",
        "r001_seed-2",
        "r002_seed-1",
        "r002_seed-2",
    ]
    assert all(r.exported_path is not None and r.exported_path.parent == out for r in rows)
    assert len(list(out.glob("*.json"))) == 4  # each with its sidecar


def test_a_cancelled_batch_sends_nothing_and_resume_all_runs_active_batches_only(
    simulator: SimulatorServer, tmp_path: Path
) -> None:
    async def body(env: Env) -> Any:
        cancelled = env.create(sim(simulator), ["a"])
        active = env.create(sim(simulator), ["b"])
        env.runner.cancel(cancelled.id)
        summaries = await env.runner.resume_all()
        again = await env.runner.resume_all()  # the finished one is done: nothing to run
        return env.runner.summary(cancelled.id), active, summaries, again

    cancelled, active, summaries, again = with_runner(tmp_path, body)
    assert cancelled.state is BatchState.CANCELLED
    assert cancelled.counts == {RowStatus.PENDING: 1}
    assert [s.batch_id for s in summaries] == [active.id]
    assert summaries[0].counts == {RowStatus.READY: 1}
    assert again == []
    assert simulator.created_count == 1


def test_the_one_connection_line_respects_the_provider() -> None:
    async def main() -> tuple[int, int, int]:
        slots = ConnectionSlots(50)
        server = Connection(kind=ConnectionKind.SIMULATOR, base_url="")  # the built-in one
        gateway = Connection(kind=ConnectionKind.COMPATIBLE, base_url="https://gw.example.com/v1")
        semaphore = slots.slot("sim", provider_limit(server))
        for _ in range(SIMULATOR_MAX_CONCURRENT):
            await semaphore.acquire()
        assert slots.slot("sim", provider_limit(server)) is semaphore
        slots.slot("gw", provider_limit(gateway))
        return slots.limit_of("sim"), slots.limit_of("gw"), int(semaphore.locked())

    assert asyncio.run(main()) == (SIMULATOR_MAX_CONCURRENT, 50, 1)
    assert SimulatorServer().max_concurrent == SIMULATOR_MAX_CONCURRENT
    # a simulator at an address of its own may run more (or fewer): its limit is not known
    elsewhere = Connection(kind=ConnectionKind.SIMULATOR, base_url="http://127.0.0.1:1/v1")
    assert provider_limit(elsewhere) is None


def test_a_batchs_jobs_wait_in_the_connections_one_line(
    simulator: SimulatorServer, tmp_path: Path
) -> None:
    """The batch has no limiter of its own: its jobs take the service's per-connection slots
    (core/pacing.py), and one that waits there says so, as a queued job does."""
    waiting: set[str] = set()

    def track(event: JobEvent) -> None:
        if event.message:
            waiting.add(event.job_id)

    async def body(env: Env) -> Any:
        env.service.subscribe(track)
        info = env.create(sim(simulator), ["a fox", "an owl", "a heron"], concurrency=3)
        return await env.runner.run(info.id)

    summary = with_runner(tmp_path, body, pacing=Pacing(max_concurrent_jobs=1))
    assert summary.counts == {RowStatus.READY: 3}
    assert len(waiting) == 2  # one ran at a time; the two others waited in line
    assert simulator.created_count == 3


def test_a_rows_seed_reaches_a_provider_that_takes_one(
    simulator: SimulatorServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.provider_support import KEY, MODEL, connection

    monkeypatch.setenv("SORA_TEST_PROVIDER_KEY", KEY)
    fal = connection(simulator, ConnectionKind.FAL)

    async def body(env: Env) -> Any:
        text = f"prompt,seed,model,seconds,size\na kite,7,{MODEL[ConnectionKind.FAL]},2,1280x720"
        plan = plan_batch(parse_source(text.encode(), "csv", name="p.csv"))
        preview = preview_batch(plan, fal, env.service)
        assert preview.rows[0].problem is None, preview.rows[0].problem
        info = env.runner.create(preview)
        summary = await env.runner.run(info.id)
        row = env.runner.batches.rows(info.id)[0]
        job = env.store.get(row.job_id or "")
        return summary, job

    summary, job = with_runner(tmp_path, body)
    assert summary.counts == {RowStatus.READY: 1}
    assert job is not None and job.request.seed == 7
