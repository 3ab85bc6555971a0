"""Remix and extension on the Videos API are paid creates too: a lost reply is reconciled
through ``GET /videos`` (adopted when it landed, sent once more only when the list proves it
never did), never resent blindly. The real engine against the simulator behind the fault
proxy, which counts the POSTs; the simulator counts the videos it made."""

from __future__ import annotations

from pathlib import Path

import pytest

from sora_desktop.core.models import Job
from sora_desktop.core.service import GenerationService
from sora_desktop.simulator.server import SimulatorServer
from tests.fail_on_unexpected import ExpectLog
from tests.reliability.engine import assert_ready, connection, request, run_service
from tests.reliability.faultserver import Drop, FaultServer

ROUTES = {"remix": r"^/v1/videos/[^/]+/remix$", "extend": r"^/v1/videos/extensions$"}


async def _derive(service: GenerationService, how: str, source: Job) -> Job:
    if how == "remix":
        job = await service.remix(source.id, "the same boat, at night")
    else:
        job = await service.extend(source.id, "the boat sails on", 4)
    return await service.wait(job.id)


@pytest.mark.parametrize("arrived", [True, False], ids=["landed", "never-arrived"])
@pytest.mark.parametrize("how", list(ROUTES))
def test_a_lost_remix_or_extension_reply_is_reconciled_not_resent(
    how: str,
    arrived: bool,
    sim: SimulatorServer,
    tmp_path: Path,
    expect_log: ExpectLog,
) -> None:
    with FaultServer(sim.url) as proxy:
        conn = connection(proxy.url + "/v1")

        async def body(service: GenerationService) -> Job:
            source = await service.generate(request(), conn)
            assert_ready(source)
            proxy.add("POST", ROUTES[how], Drop(forward_first=arrived))
            return await _derive(service, how, source)

        with expect_log("sora_desktop.core.jobrunner", "reply lost"):
            job = run_service(tmp_path, body)
        sent = proxy.count("POST", ROUTES[how])
        listed = proxy.count("GET", r"^/v1/videos$")
    assert_ready(job, seconds=8 if how == "extend" else 4)
    assert sent == (1 if arrived else 2)  # adopted; or proven absent, then sent once more
    assert listed >= 1  # the list was asked before anything was sent again
    assert sim.created_count == 2  # the source and ONE derived video
