"""The Controller is the only seam: coroutines run on the I/O thread, every signal arrives on
the GUI thread, failures come back as errors, and shutdown leaves no thread behind."""

from __future__ import annotations

import threading
from typing import Any

from pytestqt.qtbot import QtBot

from sora_desktop.core.errors import InvalidRequestError, SoraError
from sora_desktop.core.models import Connection, ConnectionKind, Job, JobStatus, VideoRequest
from sora_desktop.gui.controller import Controller


def _connection(simulator: Any) -> Connection:
    return Connection(kind=ConnectionKind.SIMULATOR, base_url=simulator.url + "/v1")


def test_results_and_errors_arrive_on_the_gui_thread(controller: Controller, qtbot: QtBot) -> None:
    seen: list[tuple[str, object, bool]] = []

    async def answer() -> str:
        assert threading.current_thread().name == "sora-io"
        return "done"

    async def fail() -> None:
        raise InvalidRequestError("no", "try again")

    def record(kind: str) -> Any:
        return lambda value: seen.append(
            (kind, value, threading.current_thread() is threading.main_thread())
        )

    controller.call(answer(), record("ok"))
    controller.call(fail(), record("ok"), record("err"))
    qtbot.waitUntil(lambda: len(seen) == 2, timeout=5000)
    assert ("ok", "done", True) in seen
    err = next(v for k, v, _ in seen if k == "err")
    assert isinstance(err, InvalidRequestError)
    assert all(on_gui for _, _, on_gui in seen)
    # without an error callback, the failure is re-emitted as ``error``
    with qtbot.waitSignal(controller.error, timeout=5000) as blocker:
        controller.call(fail())
    assert isinstance(blocker.args[0], SoraError)


def test_a_generation_end_to_end(controller: Controller, qtbot: QtBot, simulator: Any) -> None:
    threads: set[bool] = set()
    statuses: list[JobStatus] = []

    def on_event(event: Any) -> None:
        threads.add(threading.current_thread() is threading.main_thread())
        statuses.append(event.status)

    controller.job_event.connect(on_event)
    request = VideoRequest(prompt="a kite over the sea", size="1280x720", seconds=4)
    with qtbot.waitSignal(controller.job_finished, timeout=60000) as finished:
        controller.submit(request, _connection(simulator))
    job: Job = finished.args[0]
    assert job.status is JobStatus.READY
    assert job.file_path is not None and job.file_path.read_bytes()[4:8] == b"ftyp"
    assert threads == {True}
    assert statuses[0] is JobStatus.DRAFT and statuses[-1] is JobStatus.READY
    assert simulator.created_count == 1


def test_a_remote_failure_is_reported(controller: Controller, qtbot: QtBot, simulator: Any) -> None:
    request = VideoRequest(prompt="[sim:moderation] something")
    with qtbot.waitSignal(controller.job_failed, timeout=60000) as failed:
        controller.submit(request, _connection(simulator))
    job: Job = failed.args[0]
    assert job.status is JobStatus.FAILED
    assert job.error_message


def test_an_invalid_request_is_refused_before_any_io(
    controller: Controller, qtbot: QtBot, simulator: Any
) -> None:
    with qtbot.waitSignal(controller.error, timeout=5000) as blocker:
        controller.submit(VideoRequest(prompt="x", size="1920x1080"), _connection(simulator))
    assert isinstance(blocker.args[0], InvalidRequestError)
    assert blocker.args[0].param == "size"
    assert simulator.created_count == 0


def test_shutdown_keeps_running_jobs_for_next_start(
    controller: Controller, qtbot: QtBot, simulator: Any
) -> None:
    request = VideoRequest(prompt="[sim:slow=60] a long one")
    with qtbot.waitSignal(controller.job_submitted, timeout=20000) as submitted:
        controller.submit(request, _connection(simulator))
    job_id = submitted.args[0].id
    qtbot.waitUntil(controller.has_running_jobs, timeout=5000)
    controller.shutdown(cancel_running=False)
    assert not controller.loop_thread.is_running
    job = controller.store.get(job_id)
    assert job is not None and job.status is JobStatus.INTERRUPTED
    controller.shutdown()  # twice is harmless
