"""``sora-desktop resend JOB``: send an ended job's request again as a NEW job (a new paid
create), after showing what it costs; for a job whose outcome is unknown (its create's reply
was lost and fal or Runway can't say whether it arrived) the provider's dashboard first."""

from __future__ import annotations

import argparse
import asyncio
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sora_desktop.cli.generate import (
    _raise_for,
    add_give_up,
    builtin_simulator,
    export_clip,
    out_dir_for_later,
    watched_service,
)
from sora_desktop.cli.runtime import (
    STOPPED_JOBS,
    Runtime,
    find_job,
    is_terminal,
    log,
    stop_line_for_job,
)
from sora_desktop.core.errors import CancelledByUser, InvalidRequestError
from sora_desktop.core.models import Job, JobEvent, JobStatus
from sora_desktop.usecases.resend import ResendOffer, resend, resend_quote

if TYPE_CHECKING:
    from sora_desktop.simulator.builtin import BuiltinSimulator


def describe(offer: ResendOffer) -> list[str]:
    """What the creator reads before saying yes (stderr)."""
    job = offer.job
    lines = [
        f"Job {job.id[:8]} ({job.status.value}): {job.request.model}, {job.request.size}, "
        f'{job.request.seconds} s, "{job.request.prompt[:60]}"',
    ]
    if offer.outcome_unknown:
        lines.append(
            "Its create's reply was lost: the first video may have been made, and charged."
        )
        if offer.dashboard_url:
            lines.append(f"Check first whether it was: {offer.dashboard_url}")
    cost = offer.estimate.text()
    lines.append(f"Sending it again makes a NEW paid video. Estimated cost: {cost}")
    return lines


def _confirm(args: argparse.Namespace) -> None:
    if args.yes:
        return
    if not is_terminal(sys.stdin):
        raise InvalidRequestError(
            "Sending a job again makes a new paid video, and there is no one to ask here.",
            "Add --yes to send it again without asking.",
            param="yes",
        )
    print("Send it again? [y/N] ", end="", file=sys.stderr, flush=True)
    answer = sys.stdin.readline().strip().lower()
    if answer not in ("y", "yes"):
        raise CancelledByUser("Nothing was sent.", "")


def cmd_resend(args: argparse.Namespace, rt: Runtime) -> int:
    store = rt.open_store()
    try:
        old = find_job(store, args.job)
        if not old.status.is_terminal:
            raise InvalidRequestError(
                "This job is still running; it can be sent again once it has ended.",
                "Wait for it to finish, or cancel it first.",
                param="job",
            )
        offer = resend_quote(rt.service(store), old.id)
        for line in describe(offer):
            print(line, file=sys.stderr)
        out_dir = out_dir_for_later(Path(args.out) if args.out else Path.cwd())
        args.stopped = "Stopped. Nothing was sent."  # Ctrl+C at the question
        _confirm(args)
        on_event = stop_line_for_job(args, out_dir)
        with builtin_simulator(rt) as simulator:
            job = asyncio.run(_resend(store, rt, old.id, args.give_up_after, simulator, on_event))
    finally:
        store.close()
    print(f"Sent again as job {job.id[:8]}.", file=sys.stderr)
    if job.status is not JobStatus.READY:
        _raise_for(job)
    print(export_clip(job, out_dir))
    return 0


async def _resend(
    store: Any,
    rt: Runtime,
    job_id: str,
    give_up_after: float,
    simulator: BuiltinSimulator,
    on_event: Callable[[JobEvent], None],
) -> Job:
    kw: dict[str, Any] = {"give_up_after": give_up_after, "builtin_simulator": simulator}
    async with watched_service(rt, store, on_event, **kw) as (service, _printer):
        job = await resend(service, job_id)
        log.info("resend: job %s sent again as %s", job_id, job.id)
        return await service.wait(job.id)


def add_parsers(sub: Any, common: argparse.ArgumentParser) -> None:
    res = sub.add_parser(
        "resend",
        parents=[common],
        help="send an ended job (e.g. outcome unknown) again as a new paid job",
        description="Send an ended job's request again as a NEW job, after showing what it "
        "costs. Meant for a job whose outcome is unknown (exit code 8): check the provider's "
        "dashboard first, the first video may have been made. Asks on a terminal; without "
        "one, --yes is needed (else exit 2). The new clip is exported like generate's.",
    )
    res.add_argument("job", metavar="JOB", help="the job's id, or a piece of it")
    res.add_argument("--yes", action="store_true", help="send without asking")
    res.add_argument("--out", default=None, metavar="DIR", help="export folder (default: .)")
    add_give_up(res)
    res.set_defaults(handler=cmd_resend, stopped=STOPPED_JOBS)
