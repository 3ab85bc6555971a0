"""``sora-desktop remix JOB --prompt TEXT``: a finished video changed by a new prompt, as a
new paid job on the source's own connection (the window's Remix), exported like
``generate``'s clip."""

from __future__ import annotations

import argparse
import asyncio
from collections.abc import Callable
from pathlib import Path
from typing import Any

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
    log,
    stop_line_for_job,
)
from sora_desktop.core.job_rules import remix_problem
from sora_desktop.core.models import Job, JobEvent, JobStatus


def cmd_remix(args: argparse.Namespace, rt: Runtime) -> int:
    store = rt.open_store()
    try:
        source = find_job(store, args.job)
        problem = remix_problem(source)  # refused before anything starts or is sent
        if problem is not None:
            raise problem
        out_dir = out_dir_for_later(Path(args.out) if args.out else Path.cwd())
        on_event = stop_line_for_job(args, out_dir)
        with builtin_simulator(rt, args.sim_latency) as simulator:
            kw: dict[str, Any] = {"give_up_after": args.give_up_after}
            kw["builtin_simulator"] = simulator
            job = asyncio.run(_remix(store, rt, source.id, args.prompt, kw, on_event))
    finally:
        store.close()
    if job.status is not JobStatus.READY:
        _raise_for(job)
    print(export_clip(job, out_dir))
    return 0


async def _remix(
    store: Any,
    rt: Runtime,
    job_id: str,
    prompt: str,
    kw: dict[str, Any],
    on_event: Callable[[JobEvent], None],
) -> Job:
    from sora_desktop.usecases.generate import remix

    async with watched_service(rt, store, on_event, **kw) as (service, _printer):
        job = await remix(service, job_id, prompt)
        log.info("remix: job %s remixes %s", job.id, job_id)
        return await service.wait(job.id)


def add_parsers(sub: Any, common: argparse.ArgumentParser) -> None:
    rem = sub.add_parser(
        "remix",
        parents=[common],
        help="change a finished video with a new prompt (a new job)",
        description="Remix a finished library video: the service changes it as the new "
        "prompt says, keeping its model, size and length. A new paid job on the video's own "
        "connection (the service must still have the video); it is kept in the library, "
        "linked to its source, and exported like generate's. Progress goes to stderr; the "
        "exported file's path is the last line on stdout.",
    )
    rem.add_argument("job", metavar="JOB_ID", help="the video's job id (or a piece of it)")
    rem.add_argument("--prompt", required=True, help="what to change")
    rem.add_argument("--out", default=None, metavar="DIR", help="export folder (default: .)")
    add_give_up(rem)
    rem.add_argument("--sim-latency", type=float, default=8.0, help=argparse.SUPPRESS)
    rem.set_defaults(handler=cmd_remix, stopped=STOPPED_JOBS)
