"""``sora-desktop resume``: finish every interrupted or unfinished job, and join the
continuations an ``extend`` stopped before it could."""

from __future__ import annotations

import argparse
import asyncio
import sys
from typing import TYPE_CHECKING, Any

from sora_desktop.cli.generate import add_give_up, builtin_simulator, watched_service
from sora_desktop.cli.runtime import STOPPED_JOBS, Runtime
from sora_desktop.core.errors import SoraError

if TYPE_CHECKING:
    from sora_desktop.simulator.builtin import BuiltinSimulator
    from sora_desktop.usecases.resume import ResumeReport


def cmd_resume(args: argparse.Namespace, rt: Runtime) -> int:
    from sora_desktop.usecases.extend import join_continuations

    store = rt.open_store()
    try:
        with builtin_simulator(rt) as simulator:
            report = asyncio.run(_resume(store, rt, args.give_up_after, simulator))
        # an extend stopped while its new clip was made: the clip is joined to its source now
        joined = join_continuations(store, rt.paths, report.jobs)
    finally:
        store.close()
    if not report.jobs:
        print("Nothing to resume.", file=sys.stderr)
        return 0
    failed = {ended.job.id: ended.error for ended in report.ended}
    for job in report.jobs:
        err = failed.get(job.id)
        if err is None:
            print(f"{job.id} ready {job.file_path}")
            continue
        print(f"{job.id} {job.status.value}")
        print(f"error: [{job.id[:8]}] {rt.follow_up(err.one_line())}", file=sys.stderr)
    exit_code = report.exit_code
    for film in joined:
        if isinstance(film, SoraError):
            print(f"error: {rt.follow_up(film.one_line())}", file=sys.stderr)
            exit_code = exit_code or int(film.exit_code)
            continue
        print(film.summary(), file=sys.stderr)
        assert film.job is not None
        print(f"{film.job.id} ready {film.path}")
    return exit_code


async def _resume(
    store: Any, rt: Runtime, give_up_after: float | None, simulator: BuiltinSimulator
) -> ResumeReport:
    from sora_desktop.usecases.resume import finish_unfinished

    kw: dict[str, Any] = {"give_up_after": give_up_after, "builtin_simulator": simulator}
    async with watched_service(rt, store, **kw) as (service, _printer):
        return await finish_unfinished(service)


def add_parsers(sub: Any, common: argparse.ArgumentParser) -> None:
    res = sub.add_parser(
        "resume",
        parents=[common],
        help="finish every interrupted or unfinished job",
        description="Finish every interrupted or unfinished job with the connection it was "
        "started with. Jobs on the built-in simulator continue on it: it keeps its jobs in "
        "the data folder (while a window has them open, they stay there). A continuation an "
        "extend was stopped making is joined to its clip once it is ready. Prints '<job id> "
        "<status> <file>' per job on stdout.",
    )
    add_give_up(res)
    res.set_defaults(handler=cmd_resume, stopped=STOPPED_JOBS)
