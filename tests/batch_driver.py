"""Runs a batch in its own process, as the command line will (``sora-desktop batch`` comes
with the faces of issue 13): the crash tests SIGKILL it and start it again.

    python -m tests.batch_driver start FILE --data-dir DIR --base-url URL [--concurrency N]
        [--cap USD] [--out DIR] [--sweep NAME=V1,V2 ...] [--template TEXT]
    python -m tests.batch_driver resume --data-dir DIR

``start`` previews the file on a simulator connection at URL, keeps the batch and runs it;
``resume`` runs every active batch. Both print the summaries as JSON lines on stdout.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from pathlib import Path

from sora_desktop.core.batch.plan import plan_batch
from sora_desktop.core.batch.preview import preview_batch
from sora_desktop.core.batch.runner import BatchRunner, BatchSummary
from sora_desktop.core.batch.source import read_source
from sora_desktop.core.batch.sweep import parse_sweep
from sora_desktop.core.models import Connection, ConnectionKind
from sora_desktop.core.paths import AppPaths
from sora_desktop.core.service import GenerationService
from sora_desktop.core.store import JobStore


def _summary(summary: BatchSummary) -> str:
    return json.dumps(
        {
            "batch": summary.batch_id,
            "state": summary.state.value,
            "counts": {k.value: v for k, v in summary.counts.items()},
            "finished": summary.finished,
            "error": summary.error.one_line() if summary.error else None,
        }
    )


async def _main(args: argparse.Namespace, store: JobStore, paths: AppPaths) -> int:
    service = GenerationService(store, paths, give_up_after=120.0)
    runner = BatchRunner(service, store)
    try:
        if args.command == "start":
            connection = Connection(kind=ConnectionKind.SIMULATOR, base_url=args.base_url)
            plan = plan_batch(
                read_source(Path(args.file)),
                template=args.template,
                sweeps=[parse_sweep(s) for s in args.sweep],
                confirmed=True,
            )
            preview = preview_batch(
                plan, connection, service, cap=args.cap, concurrency=args.concurrency
            )
            info = runner.create(preview, out_dir=Path(args.out) if args.out else None)
            print(json.dumps({"created": info.id}), flush=True)
            summaries = [await runner.run(info.id)]
        else:
            summaries = await runner.resume_all()
        for summary in summaries:
            print(_summary(summary), flush=True)
        return 0 if all(s.finished and s.error is None for s in summaries) else 1
    finally:
        await service.shutdown()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="batch_driver")
    parser.add_argument("command", choices=["start", "resume"])
    parser.add_argument("file", nargs="?")
    parser.add_argument("--data-dir", required=True)
    parser.add_argument("--base-url")
    parser.add_argument("--concurrency", type=int, default=4)
    parser.add_argument("--cap", type=float)
    parser.add_argument("--out")
    parser.add_argument("--template")
    parser.add_argument("--sweep", action="append", default=[])
    args = parser.parse_args(argv)
    paths = AppPaths.default(args.data_dir)
    paths.ensure()
    store = JobStore(paths.db_path)
    try:
        return asyncio.run(_main(args, store, paths))
    finally:
        store.close()


if __name__ == "__main__":
    sys.exit(main())
