"""``sora-desktop batch``: many jobs from one file, previewed, capped, run unattended.

    batch FILE [--template T] [--sweep NAME=V1,V2 ...] [--cap USD] [--concurrency N]
               [--out DIR] [--yes] [--dry-run] + generate's connection options
    batch resume [ID] [--cap USD]    batch retry ID    batch list    batch show ID
    batch export ID --csv F --json F    batch sheet ID --out F.png

Every verb calls ``usecases.batch``. The preview table goes to stdout, progress to stderr.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import math
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sora_desktop.cli.batch_report import (
    BatchProgress,
    finish,
    free_note,
    money,
    print_preview,
    print_rows,
    total_cost,
)
from sora_desktop.cli.generate import (
    BUILTIN,
    VALIDATION_HINTS,
    add_connection_options,
    add_give_up,
    builtin_simulator,
    connection_from_args,
    stop_on_sigterm,
)
from sora_desktop.cli.runtime import Runtime, is_terminal
from sora_desktop.core.batch.plan import Defaults
from sora_desktop.core.batch.store import RowStatus
from sora_desktop.core.errors import ExitCode, InvalidRequestError
from sora_desktop.core.models import ConnectionKind
from sora_desktop.usecases import batch as usecase

if TYPE_CHECKING:
    from sora_desktop.core.batch.runner import BatchRunner, BatchSummary
    from sora_desktop.core.models import Connection
    from sora_desktop.core.store import JobStore

#: ``batch VERB ...`` -> the hidden subcommand ``batch-VERB`` (``batch FILE`` stays as is)
VERBS = ("resume", "retry", "list", "show", "export", "sheet")
CONFIRM_HINT = "Pass --yes to start all of them (see them first with --dry-run), or sweep fewer."
LIST_HINT = "See the batches with: sora-desktop batch list"


def rewrite_argv(argv: list[str]) -> list[str]:
    """``batch resume 3f2a`` -> ``batch-resume 3f2a``: argparse can't have both a FILE and
    subcommands after ``batch``. A file named like a verb is given as ``./list``."""
    out = list(argv)
    skip = False
    for i, token in enumerate(out):
        if skip:
            skip = False
            continue
        if token == "--data-dir":
            skip = True
            continue
        if token.startswith("-"):
            continue
        if token == "batch" and i + 1 < len(out) and out[i + 1] in VERBS:
            out[i : i + 2] = [f"batch-{out[i + 1]}"]
        break
    return out


# -- running ----------------------------------------------------------------------------


def _uses_builtin(connection: Connection) -> bool:
    return connection.kind is BUILTIN.kind and not connection.base_url


async def _run(
    rt: Runtime,
    store: JobStore,
    kw: dict[str, Any],
    body: Any,
    rows: int,
) -> Any:
    from sora_desktop.core.batch.runner import BatchRunner

    service = rt.service(store, **kw)
    runner = BatchRunner(service, store)
    progress = BatchProgress(rows)
    runner.subscribe(progress)
    undo = stop_on_sigterm()
    try:
        return await body(runner)
    finally:
        await service.shutdown(interrupt=True)
        undo()


def _run_batches(
    args: argparse.Namespace, rt: Runtime, store: JobStore, body: Any, rows: int, builtin: bool
) -> list[BatchSummary]:
    kw: dict[str, Any] = {"give_up_after": args.give_up_after}
    if builtin:
        with builtin_simulator(rt) as simulator:
            kw["builtin_simulator"] = simulator
            return list(asyncio.run(_run(rt, store, kw, body, rows)))
    return list(asyncio.run(_run(rt, store, kw, body, rows)))


def _ask(question: str) -> bool:
    sys.stderr.write(question)
    sys.stderr.flush()
    answer = sys.stdin.readline()
    return answer.strip().lower() in ("y", "yes")


#: The line after Ctrl+C in ``batch resume`` and ``batch retry``.
BATCH_STOPPED = "Stopped; nothing is sent twice. Continue with: sora-desktop batch resume"


def cmd_batch(args: argparse.Namespace, rt: Runtime) -> int:
    connection, default_model = connection_from_args(args, rt)
    interactive = is_terminal(sys.stdin) and is_terminal(sys.stderr)
    order = usecase.BatchOrder(
        file=Path(args.file).expanduser(),
        template=args.template,
        sweeps=tuple(args.sweep),
        cap=args.cap,
        concurrency=args.concurrency,
        defaults=Defaults(
            model=args.model or default_model,
            seconds=args.seconds,
            size=args.size or Defaults().size,
        ),
        # the y/N question after the preview (or --yes) is the confirmation of a big batch
        confirmed=bool(args.yes or args.dry_run or interactive),
        image_fit=args.fit,
    )
    out_dir = Path(args.out).expanduser() if args.out else None
    store = rt.open_store()
    try:
        service = rt.service(store)
        preview = usecase.preview(
            order,
            connection,
            service,
            store=store,
            images_dir=rt.paths.images_dir,
            hints=VALIDATION_HINTS,
            confirm_hint=CONFIRM_HINT,
        )
        print_preview(preview)
        if args.dry_run:
            print("Dry run: nothing was sent.", file=sys.stderr)
            return 0 if preview.to_send else int(ExitCode.INVALID_INPUT)
        if preview.to_send == 0 and preview.held == 0:
            raise InvalidRequestError(
                f"No row of {args.file} can be sent ({preview.invalid} invalid).",
                "Fix the rows the preview marks, then run the batch again.",
            )
        if not args.yes:
            if not interactive:
                raise InvalidRequestError(
                    "Nothing was sent: a batch needs a confirmation and there is no terminal "
                    "to ask.",
                    "Pass --yes to start it (check it first with --dry-run).",
                )
            cost = total_cost(preview)
            args.stopped = "Stopped. Nothing was sent."  # Ctrl+C at the question
            question = f"Start {preview.to_send} jobs for about {cost}? [y/N] "
            if not _ask(question):
                print("Nothing was sent.", file=sys.stderr)
                return 0
        holder: dict[str, str] = {}

        async def body(runner: BatchRunner) -> list[BatchSummary]:
            info = usecase.start(runner, preview, out_dir=out_dir)
            holder["id"] = info.id
            print(
                f"Batch {info.id[:8]} started: {preview.to_send} jobs "
                f"({info.concurrency} at a time).",
                file=sys.stderr,
            )
            return [await usecase.run(runner, info.id)]

        try:
            summaries = _run_batches(
                args, rt, store, body, len(preview.rows), _uses_builtin(connection)
            )
        except (KeyboardInterrupt, asyncio.CancelledError):
            if "id" in holder:  # the one error line (cli.main prints it)
                args.stopped = (
                    f"Batch {holder['id'][:8]} stopped; nothing is sent twice. Continue it "
                    f"with: sora-desktop batch resume {holder['id'][:8]}"
                )
            raise
        return finish(store, summaries, rt.data_dir)
    finally:
        store.close()


def cmd_resume(args: argparse.Namespace, rt: Runtime) -> int:
    store = rt.open_store()
    try:
        from sora_desktop.core.batch.store import BatchState

        if args.id:
            chosen = [usecase.find_batch(store, args.id, LIST_HINT)]
        else:
            chosen = [o.info for o in usecase.list_batches(store, [BatchState.ACTIVE])]
        if not chosen:
            print("No unfinished batch.", file=sys.stderr)
            return 0
        if args.cap is not None and not args.id:
            raise InvalidRequestError(
                "--cap changes one batch's cap.", "Name the batch: batch resume ID --cap USD."
            )
        rows = sum(usecase.overview(store, b.id).rows for b in chosen)
        builtin = any(_uses_builtin(b.connection) for b in chosen)

        async def body(runner: BatchRunner) -> list[BatchSummary]:
            if args.cap is not None:
                runner.set_cap(chosen[0].id, args.cap)
            if args.id:
                return await usecase.resume(runner, chosen[0].id)
            return await usecase.resume(runner)

        return finish(store, _run_batches(args, rt, store, body, rows, builtin), rt.data_dir)
    finally:
        store.close()


def cmd_retry(args: argparse.Namespace, rt: Runtime) -> int:
    store = rt.open_store()
    try:
        info = usecase.find_batch(store, args.id, LIST_HINT)
        rows = usecase.overview(store, info.id).rows

        async def body(runner: BatchRunner) -> list[BatchSummary]:
            again = usecase.retry_failed(runner, info.id)
            if not again:
                print("No failed rows to retry.", file=sys.stderr)
                return [runner.summary(info.id)]
            print(f"Retrying {len(again)} failed rows (new jobs).", file=sys.stderr)
            return await usecase.resume(runner, info.id)

        summaries = _run_batches(args, rt, store, body, rows, _uses_builtin(info.connection))
        return finish(store, summaries, rt.data_dir)
    finally:
        store.close()


def cmd_list(args: argparse.Namespace, rt: Runtime) -> int:
    store = rt.open_store()
    try:
        overviews = usecase.list_batches(store)
    finally:
        store.close()
    if args.json:
        records = [
            {
                "id": o.info.id,
                "name": o.info.name,
                "state": o.info.state.value,
                "rows": o.rows,
                "counts": {k.value: v for k, v in o.counts.items()},
                "cap": o.info.cap,
                "committed": o.committed,
            }
            for o in overviews
        ]
        print(json.dumps(records, ensure_ascii=False, indent=2))
        return 0
    if not overviews:
        print("No batches yet.", file=sys.stderr)
    for o in overviews:
        done = o.count(RowStatus.READY)
        spent = f"{money(o.committed)} of {money(o.info.cap) if o.info.cap else 'no cap'}"
        spent = free_note(spent, o.info.connection.kind is ConnectionKind.SIMULATOR)
        print(
            f"{o.info.id[:8]}  {o.info.state.value:<9}  {done}/{o.rows} ready  {spent}  "
            f"{o.info.name}"
        )
    return 0


def cmd_show(args: argparse.Namespace, rt: Runtime) -> int:
    store = rt.open_store()
    try:
        info = usecase.find_batch(store, args.id, LIST_HINT)
        rows = usecase.batch_rows(store, info.id)
        if args.json:
            from sora_desktop.core.batch.review import result_records

            print(json.dumps(result_records(rows), ensure_ascii=False, indent=2))
            return 0
        print(f"Batch {info.id}  {info.state.value}  {info.name}")
        print_rows(rows)
    finally:
        store.close()
    return 0


def cmd_export(args: argparse.Namespace, rt: Runtime) -> int:
    if not args.csv and not args.json:
        raise InvalidRequestError("Nothing to export to.", "Give --csv FILE, --json FILE or both.")
    store = rt.open_store()
    try:
        info = usecase.find_batch(store, args.id, LIST_HINT)
        written = usecase.export_results(
            store,
            info.id,
            csv=Path(args.csv).expanduser() if args.csv else None,
            json=Path(args.json).expanduser() if args.json else None,
        )
    finally:
        store.close()
    for path in written:
        print(path)
    return 0


def cmd_sheet(args: argparse.Namespace, rt: Runtime) -> int:
    store = rt.open_store()
    try:
        info = usecase.find_batch(store, args.id, LIST_HINT)
        print(usecase.contact_sheet(store, info.id, Path(args.out).expanduser()))
    finally:
        store.close()
    return 0


# -- options ----------------------------------------------------------------------------


def dollars(text: str) -> float:
    try:
        value = float(text.strip().lstrip("$"))
    except ValueError:
        value = math.nan
    if not math.isfinite(value) or value <= 0:
        raise argparse.ArgumentTypeError(f"give a cap in US dollars above 0 (not {text!r})")
    return value


def at_least_one(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"give a whole number from 1 (not {text!r})")
    return value


def add_parsers(sub: Any, common: argparse.ArgumentParser) -> None:
    run = sub.add_parser(
        "batch",
        parents=[common],
        help="run many jobs from a CSV, TSV, text or JSON file",
        description="Preview, then run, one job per row of FILE times every sweep value. "
        "Nothing is sent before you confirm (or pass --yes); --dry-run only shows the "
        "preview. Also: batch resume [ID] [--cap USD], batch retry ID, batch list, "
        "batch show ID, batch export ID --csv F --json F, batch sheet ID --out F.png.",
    )
    run.add_argument("file", metavar="FILE", help="prompts: .csv, .tsv, .txt, .json or .jsonl")
    run.add_argument("--template", default=None, metavar="TEXT", help="e.g. 'a {subject} at dusk'")
    run.add_argument(
        "--sweep",
        action="append",
        default=[],
        metavar="NAME=V1,V2",
        help="vary a setting (model, seconds, size, aspect, seed, image); repeatable",
    )
    run.add_argument("--cap", type=dollars, default=None, metavar="USD", help="spending cap")
    run.add_argument(
        "--concurrency", type=at_least_one, default=4, metavar="N", help="jobs at once (4)"
    )
    run.add_argument(
        "--out", default=None, metavar="DIR", help="export each clip here, named by its row"
    )
    run.add_argument("--yes", action="store_true", help="start without asking")
    run.add_argument("--dry-run", action="store_true", help="show the preview, send nothing")
    run.add_argument("--model", default=None, help="for rows that set none (default: sora-2)")
    run.add_argument("--size", default=None, metavar="WxH", help="for rows that set none")
    run.add_argument("--seconds", type=int, default=4, help="for rows that set none (4)")
    run.add_argument(
        "--fit",
        choices=("fit", "crop"),
        default=None,
        help="convert start images of another size: letterbox or centre crop",
    )
    add_connection_options(run)
    add_give_up(run)
    run.set_defaults(handler=cmd_batch)

    def verb(name: str, description: str) -> argparse.ArgumentParser:
        parser: argparse.ArgumentParser = sub.add_parser(
            f"batch-{name}",
            parents=[common],
            prog=f"sora-desktop batch {name}",
            description=description,
        )
        return parser

    one = "a batch's id, or a piece of it (see: sora-desktop batch list)"
    resume = verb(
        "resume",
        "Continue unfinished batches (Ctrl+C, a crash, rows held by the cap); a row already "
        "sent is never sent again. Prints each row with its file, as batch does.",
    )
    resume.add_argument("id", nargs="?", metavar="ID", help="one batch (default: every active)")
    resume.add_argument("--cap", type=dollars, default=None, metavar="USD", help="a new cap")
    add_give_up(resume)
    resume.set_defaults(handler=cmd_resume, stopped=BATCH_STOPPED)

    retry = verb("retry", "Make new jobs for a batch's failed rows only, and run them.")
    retry.add_argument("id", metavar="ID", help=one)
    add_give_up(retry)
    retry.set_defaults(handler=cmd_retry, stopped=BATCH_STOPPED)

    listing = verb("list", "The batches, newest first: state, rows done, spent, cap.")
    listing.add_argument("--json", action="store_true", help="JSON on stdout")
    listing.set_defaults(handler=cmd_list)

    show = verb("show", "One batch's rows: settings, state, cost, file or error.")
    show.add_argument("id", metavar="ID", help=one)
    show.add_argument("--json", action="store_true", help="JSON on stdout")
    show.set_defaults(handler=cmd_show)

    export = verb("export", "Write a batch's rows (settings, state, cost, file) as CSV or JSON.")
    export.add_argument("id", metavar="ID", help=one)
    export.add_argument("--csv", default=None, metavar="FILE", help="write a CSV file")
    export.add_argument("--json", default=None, metavar="FILE", help="write a JSON file")
    export.set_defaults(handler=cmd_export)

    sheet = verb("sheet", "One image with the first frame of every finished row, labelled.")
    sheet.add_argument("id", metavar="ID", help=one)
    sheet.add_argument("--out", required=True, metavar="FILE", help=".png or .jpg")
    sheet.set_defaults(handler=cmd_sheet)
