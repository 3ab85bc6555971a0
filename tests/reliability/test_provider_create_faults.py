"""A create whose fate is unknown, per provider dialect: a 5xx after the provider made the
job, a 5xx before it did, a reply that never comes (read timeout).

fal and Runway can't be asked whether a create arrived: each fault ends "outcome unknown"
(exit 8) with the create sent exactly once. Replicate lists its predictions: a job it made
is adopted (one create), one it never saw is sent once more (one remote job). The real
engine over loopback against the simulator, behind the fault proxy that counts creates.
"""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest

from sora_desktop.core.models import ConnectionKind, JobStatus
from sora_desktop.simulator.server import SimulatorServer
from tests.fail_on_unexpected import ExpectLog
from tests.provider_support import KINDS, assert_ready, connection, generate, request
from tests.reliability.faultserver import Action, FaultServer, Hang, Mutate, Respond, error_body
from tests.reliability.test_providers import CREATE

#: fault -> (the action on the create, whether the provider saw the create)
FAULTS: dict[str, tuple[Action, bool]] = {
    "502-after-it-made-the-job": (Mutate(lambda _body: {"error": "bad gateway"}, status=502), True),
    "502-before-it-arrived": (Respond(502, error_body("bad gateway", type_="server_error")), False),
    "read-timeout": (Hang(), False),
}


@pytest.mark.parametrize("fault", list(FAULTS))
@pytest.mark.parametrize("kind", KINDS, ids=lambda k: k.value)
def test_a_create_of_unknown_fate_is_never_sent_twice(
    kind: ConnectionKind,
    fault: str,
    provider_sim: SimulatorServer,
    tmp_path: Path,
    expect_log: ExpectLog,
) -> None:
    action, arrived = FAULTS[fault]
    logged = "reply lost" if fault == "read-timeout" else "reconciling"
    with FaultServer(provider_sim.url) as proxy:
        proxy.add("POST", CREATE[kind], action)
        with expect_log("sora_desktop.core.jobrunner", logged):
            job = generate(
                tmp_path,
                request(kind),
                connection(provider_sim, kind, proxy.url),
                timeout=httpx.Timeout(5.0, read=1.0),
            )
        creates = proxy.count("POST", CREATE[kind])
    if kind is ConnectionKind.REPLICATE:
        assert_ready(job)  # found in its list, or proven absent and sent once more
        assert creates == (1 if arrived else 2)
        assert provider_sim.created_count == 1
    else:
        assert job.status is JobStatus.FAILED, (job.status, job.error_message)
        assert job.error_code == "outcome_unknown"
        assert "may have been made, and charged" in (job.error_message or "")
        assert creates == 1
        assert provider_sim.created_count == (1 if arrived else 0)
