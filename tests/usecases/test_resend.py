"""Send again: the quote of an outcome-unknown job (its estimate, the dashboard) and the
resend as a NEW job with one new create, over the simulator's fal route."""

from __future__ import annotations

from pathlib import Path

import pytest

from sora_desktop.core.errors import InvalidRequestError
from sora_desktop.core.models import ConnectionKind, Job, JobStatus
from sora_desktop.core.service import GenerationService
from sora_desktop.simulator.server import SimulatorServer
from sora_desktop.usecases.models import estimate_cost
from sora_desktop.usecases.resend import ResendOffer, is_outcome_unknown, resend, resend_quote
from tests.provider_support import connection, request, run_service


def test_an_outcome_unknown_job_is_quoted_then_sent_again_as_a_new_job(
    provider_sim: SimulatorServer, tmp_path: Path, expect_log: object
) -> None:
    kind = ConnectionKind.FAL
    req = request(kind, "a boat [sim:drop]", model="fal-ai/veo3.1", seconds=4, audio=False)

    async def body(service: GenerationService) -> tuple[Job, ResendOffer, Job, Job]:
        first = await service.generate(req, connection(provider_sim, kind))
        offer = resend_quote(service, first.id)
        second = await service.wait((await resend(service, first.id)).id)
        old = service._store.get(first.id)
        assert old is not None
        return first, offer, second, old

    with expect_log("sora_desktop.core.jobrunner", "reply lost"):  # type: ignore[operator]
        first, offer, second, old = run_service(tmp_path, body)
    assert is_outcome_unknown(first) and first.status is JobStatus.FAILED
    assert offer.outcome_unknown and offer.job.id == first.id
    assert offer.dashboard_url == "https://fal.ai/dashboard/requests"
    assert offer.estimate == estimate_cost(kind, "fal-ai/veo3.1", "1280x720", 4, False)
    assert offer.estimate.usd == pytest.approx(0.80)
    assert second.id != first.id and second.request == first.request
    assert provider_sim.created_count == 2  # one new create, asked for; the old one never repeated
    assert old.status is JobStatus.FAILED and old.error_code == "outcome_unknown"


def test_a_finished_job_is_not_outcome_unknown_and_a_running_one_is_refused(
    provider_sim: SimulatorServer, tmp_path: Path
) -> None:
    kind = ConnectionKind.RUNWAY

    async def body(service: GenerationService) -> tuple[Job, ResendOffer, str | None]:
        done = await service.generate(request(kind), connection(provider_sim, kind))
        offer = resend_quote(service, done.id)
        running = await service.submit(
            request(kind, "slow [sim:slow=30]"), connection(provider_sim, kind)
        )
        try:
            await resend(service, running.id)
        except InvalidRequestError as err:
            return done, offer, err.param
        return done, offer, None

    done, offer, refused = run_service(tmp_path, body)
    assert done.status is JobStatus.READY and not is_outcome_unknown(done)
    assert not offer.outcome_unknown
    assert offer.estimate.usd == pytest.approx(0.24)  # Gen-4.5, 2 s at 12 credits ($0.12) a second
    assert refused == "job"
