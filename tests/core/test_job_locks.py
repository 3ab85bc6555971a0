"""Two processes on one library (the window and ``sora-desktop resume``, two windows):
only one drives a job at a time, so a create in flight is never sent again by the other.

In-process, two services with their own store connections on one library stand for the two
processes (the lock is a file lock: a second handle on it fails in this process as in
another); the real simulator over loopback, behind the fault proxy that counts the creates.
"""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path
from typing import Any

import pytest

from sora_desktop.core.filelock import FileLock
from sora_desktop.core.job_locks import JobLocks
from sora_desktop.core.models import Connection, ConnectionKind, JobEvent, JobStatus, VideoRequest
from sora_desktop.core.paths import AppPaths
from sora_desktop.core.service import GenerationService
from sora_desktop.core.store import JobStore
from tests.reliability.faultserver import Delay, FaultServer

CREATE = r"/v1/videos$"


def _request() -> VideoRequest:
    return VideoRequest(prompt="a paper boat on a pond", size="720x1280", seconds=4)


async def _until(check: Any) -> None:
    for _ in range(1000):  # 20 s at most
        if check():
            return
        await asyncio.sleep(0.02)
    pytest.fail("timed out")


def test_a_job_whose_create_is_in_flight_is_not_sent_again_by_another_process(
    simulator: Any, tmp_path: Path
) -> None:
    """The window sends a create (slow to arrive); meanwhile ``resume`` in another process
    finds the job ``submitting`` without a remote id. Before the lock it listed the videos,
    found none (the create had not landed) and sent it again: two paid creates."""
    paths = AppPaths.default(tmp_path / "appdata")
    paths.ensure()
    window_store, cli_store = JobStore(paths.db_path), JobStore(paths.db_path)
    told: list[str] = []

    async def main() -> tuple[JobStatus, JobStatus]:
        with FaultServer(simulator.url) as proxy:
            proxy.add("POST", CREATE, Delay(2.0))
            conn = Connection(kind=ConnectionKind.SIMULATOR, base_url=proxy.url + "/v1")
            window = GenerationService(window_store, paths, give_up_after=60.0)
            cli = GenerationService(cli_store, paths, give_up_after=60.0)

            def listen(event: JobEvent) -> None:
                if event.message:
                    told.append(event.message)

            cli.subscribe(listen)
            try:
                job = await window.submit(_request(), conn)
                await _until(lambda: proxy.count("POST", CREATE) == 1)  # in flight, not landed
                assert await cli.resume(job.id)
                ended = await asyncio.gather(window.wait(job.id), cli.wait(job.id))
                assert proxy.count("POST", CREATE) == 1, "the create was sent twice"
                return ended[0].status, ended[1].status
            finally:
                await cli.shutdown()
                await window.shutdown()

    try:
        statuses = asyncio.run(main())
    finally:
        window_store.close()
        cli_store.close()
    assert statuses == (JobStatus.READY, JobStatus.READY)
    assert simulator.created_count == 1
    assert any("Another Sora Desktop" in m for m in told), told
    assert not list((paths.data_dir / "running").glob("*.lock"))  # let go and removed


def test_closing_while_waiting_for_another_process_leaves_the_job_as_that_one_keeps_it(
    tmp_path: Path,
) -> None:
    """A window closed while another process drives the job must not mark it
    ``interrupted`` under that process's feet."""
    from sora_desktop.core.models import Job

    paths = AppPaths.default(tmp_path / "appdata")
    paths.ensure()
    store = JobStore(paths.db_path)
    now = 1_800_000_000.0
    job = Job(
        id="held",
        request=_request(),
        connection=Connection(kind=ConnectionKind.SIMULATOR, base_url="http://127.0.0.1:9/v1"),
        status=JobStatus.DRAFT,
        created_at=now,
        updated_at=now,
    )
    store.add(job)
    store.transition("held", JobStatus.SUBMITTING, submitted_at=now)
    other = JobLocks(paths.data_dir / "running").try_take("held")  # the other process
    assert other is not None

    async def main() -> None:
        service = GenerationService(store, paths, give_up_after=60.0)
        assert await service.resume("held")
        await asyncio.sleep(0.2)
        assert service.is_running("held")  # waiting for the other process
        await service.shutdown()

    try:
        asyncio.run(main())
        stored = store.get("held")
        assert stored is not None and stored.status is JobStatus.SUBMITTING
    finally:
        other.release()
        store.close()


def test_a_job_lock_is_held_once_and_its_file_goes_with_it(tmp_path: Path) -> None:
    locks = JobLocks(tmp_path)
    first = locks.try_take("j")
    assert first is not None
    assert locks.try_take("j") is None  # a second handle, as another process has
    locks.let_go(first)
    assert not (tmp_path / "j.lock").exists()
    again = locks.try_take("j")
    assert again is not None
    locks.let_go(again)


@pytest.mark.skipif(sys.platform == "win32", reason="Windows can't remove a file held open")
def test_a_lock_whose_file_was_removed_meanwhile_does_not_count(tmp_path: Path) -> None:
    """A waiter that locked the file its holder had just removed holds a nameless file;
    a third process may hold the new one: the waiter must see that and try again."""
    lock = FileLock(tmp_path / "j.lock")
    assert lock.acquire() and lock.names_its_file()
    (tmp_path / "j.lock").unlink()
    (tmp_path / "j.lock").touch()  # the next holder's file
    try:
        assert not lock.names_its_file()
    finally:
        lock.release()
