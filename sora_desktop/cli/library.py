"""``history``, ``export`` and ``delete``: the library from a terminal."""

from __future__ import annotations

import argparse
import asyncio
import dataclasses
import json
import sys
from datetime import datetime
from pathlib import Path
from typing import Any

from sora_desktop.cli.generate import make_out_dir
from sora_desktop.cli.runtime import Runtime, find_job, job_record
from sora_desktop.core.errors import DiskError
from sora_desktop.core.models import Job, JobStatus
from sora_desktop.usecases.connections import is_builtin_simulator
from sora_desktop.usecases.history import History

DELETE_HINT = "Let it finish first: sora-desktop resume"


def cmd_history(args: argparse.Namespace, rt: Runtime) -> int:
    store = rt.open_store()
    try:
        # the window's library search (each word a prefix of a word of the prompt)
        jobs = History(store).list_jobs(
            search=args.search or None,
            statuses=args.status or None,
            favourites_only=args.favourites,
            limit=args.limit,
        )
    finally:
        store.close()
    if args.json:
        json.dump([job_record(j) for j in jobs], sys.stdout, indent=2)
        sys.stdout.write("\n")
        return 0
    if not jobs:
        narrowed = args.search or args.status or args.favourites
        print("No job matches." if narrowed else "The library is empty.", file=sys.stderr)
        return 0
    for job in jobs:
        when = datetime.fromtimestamp(job.created_at).strftime("%Y-%m-%d %H:%M")
        prompt = job.request.prompt.replace("\n", " ")
        prompt = prompt if len(prompt) <= 50 else prompt[:49] + "…"
        where = str(job.file_path) if job.file_path else (job.error_message or "")
        print(
            f"{job.id}  {when}  {job.status.value:<11}  {job.request.model}  "
            f"{job.request.size}  {job.request.seconds}s  {prompt}  {where}".rstrip()
        )
    return 0


def cmd_export(args: argparse.Namespace, rt: Runtime) -> int:
    from sora_desktop.usecases.export import (
        DEFAULT_TEMPLATE,
        ExportOptions,
        ExportStopped,
        export_clips,
        export_problem,
        preview_names,
    )

    store = rt.open_store()
    try:
        jobs = [find_job(store, ref) for ref in args.job_ids]
    finally:
        store.close()
    for job in jobs:
        problem = export_problem(job)
        if problem is not None:
            raise problem
    preview_names(jobs, args.template or DEFAULT_TEMPLATE)  # a bad template: before any folder
    options = ExportOptions(make_out_dir(Path(args.out)), sidecar=not args.no_sidecar)
    if args.template:
        options = dataclasses.replace(options, template=args.template)
    try:
        for path in export_clips(jobs, options):
            print(path)
    except ExportStopped as stopped:
        for path in stopped.written:
            print(path)
        raise stopped.error from None
    return 0


def cmd_delete(args: argparse.Namespace, rt: Runtime) -> int:
    from sora_desktop.usecases.library import LibraryFolders, delete_locally, delete_problem

    store = rt.open_store()
    try:
        job = find_job(store, args.job_id)
        problem = delete_problem(job, hint=DELETE_HINT)
        if problem is not None:  # refused before anything is deleted, remotely too
            raise problem
        if args.remote and job.remote_id:
            _delete_remote(store, rt, job, args.sim_latency)
        done = delete_locally(store, LibraryFolders.of(rt.paths), [job])
        if done.failures:
            raise DiskError(
                f"Could not delete {done.failures[0]}.",
                "Close any app that uses the file and try again.",
            )
    finally:
        store.close()
    for path in done.kept_files:
        print(f"Kept {path}: it is outside the library folder.", file=sys.stderr)
    print(f"Deleted job {job.id} from the library.", file=sys.stderr)
    return 0


def _delete_remote(store: Any, rt: Runtime, job: Job, sim_latency: float) -> None:
    """Delete the job's video on its service. A built-in simulator job is deleted through
    the built-in simulator started here, as ``generate`` starts it: it keeps its jobs in the
    data folder, so the video made by an earlier command or window is still there."""
    from sora_desktop.cli.generate import builtin_simulator

    where = "the built-in simulator" if is_builtin_simulator(job.connection) else "the service"
    if job.remote_deleted_at is not None:
        print(f"{job.remote_id} was already deleted from {where}.", file=sys.stderr)
        return
    with builtin_simulator(rt, sim_latency) as simulator:  # started only for a job made on it
        asyncio.run(_delete_remote_async(store, rt, job.id, simulator))
    print(f"Deleted {job.remote_id} on {where}.", file=sys.stderr)


async def _delete_remote_async(store: Any, rt: Runtime, job_id: str, simulator: Any) -> Job:
    service = rt.service(store, builtin_simulator=simulator)
    try:
        return await service.delete_remote(job_id)
    finally:
        await service.shutdown()


def positive_int(text: str) -> int:
    """``--limit``: a whole number, 1 or more."""
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"give a whole number, 1 or more (not {text!r})")
    return value


def add_parsers(sub: Any, common: argparse.ArgumentParser) -> None:
    hist = sub.add_parser(
        "history",
        parents=[common],
        help="list the library, newest first",
        description="List the library's jobs, newest first, one per line on stdout: id, "
        "creation time, status, model, size, length, prompt, and the clip's path (or why "
        "there is none). --json prints a JSON array instead (docs/cli.md lists its fields).",
    )
    hist.add_argument("--json", action="store_true", help="a JSON array, one record per job")
    hist.add_argument(
        "--search",
        default=None,
        metavar="TEXT",
        help="only jobs whose prompt has every word of TEXT (a word may be the start of one)",
    )
    hist.add_argument(
        "--status",
        action="append",
        choices=[s.value for s in JobStatus],
        default=[],
        metavar="STATUS",
        help="only jobs in this state (ready, failed, interrupted, ...); repeatable",
    )
    hist.add_argument("--favourites", action="store_true", help="only the favourites")
    hist.add_argument(
        "--limit", type=positive_int, default=None, metavar="N", help="at most this many jobs"
    )
    hist.set_defaults(handler=cmd_history)

    exp = sub.add_parser(
        "export",
        parents=[common],
        help="copy finished clips to a folder",
        description="Copy finished clips from the library into DIR (created if missing), each "
        "with a JSON sidecar of its generation parameters; prints each file written on "
        "stdout.",
    )
    exp.add_argument(
        "job_ids", nargs="+", metavar="JOB_ID", help="a job id, or a piece of one (4+ characters)"
    )
    exp.add_argument("--out", required=True, metavar="DIR", help="the folder to copy into")
    exp.add_argument(
        "--template",
        default=None,
        metavar="T",
        help="file name template, e.g. '{date}_{prompt:40}_{id}.mp4'",
    )
    exp.add_argument(
        "--no-sidecar",
        action="store_true",
        help="don't write the JSON file with the generation parameters",
    )
    exp.set_defaults(handler=cmd_export)

    dele = sub.add_parser(
        "delete",
        parents=[common],
        help="delete a job from the library",
        description="Forget a job and remove its clip and thumbnail from the library (a file "
        "outside the library folder is kept). Says what it deleted on stderr.",
    )
    dele.add_argument("job_id", metavar="JOB_ID", help="a job id, or a piece of one")
    dele.add_argument("--remote", action="store_true", help="also delete it on the service")
    dele.add_argument("--sim-latency", type=float, default=8.0, help=argparse.SUPPRESS)
    dele.set_defaults(handler=cmd_delete)
