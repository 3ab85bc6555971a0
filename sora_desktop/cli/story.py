"""``sora-desktop storyboard run|new|show|list`` and ``export-timeline``: storyboards headless.

``storyboard run FILE.json`` files the storyboard in the library, generates the shots still
missing (a chained shot once the take it continues is ready), writes the takes back into the
file, stitches the takes that count into one film and prints the film's path last. Progress
goes to stderr. Everything is refused before anything is sent when a shot can't go (a model
or size its connection doesn't take, a start image that isn't there, a shot whose take
failed, a file from a newer version), and the file keeps every take that was made.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sora_desktop.cli.connection_args import refuse_ignored_connection_options
from sora_desktop.cli.generate import (
    VALIDATION_HINTS,
    add_connection_options,
    add_give_up,
    builtin_simulator,
    connection_from_args,
    watched_service,
)
from sora_desktop.cli.runtime import Runtime, log
from sora_desktop.core.errors import InvalidRequestError, SoraError
from sora_desktop.core.storyboard import StartImage, StartKind

if TYPE_CHECKING:
    from sora_desktop.core.store import JobStore
    from sora_desktop.core.storyboard import Storyboard
    from sora_desktop.usecases import storyboards as boards

RETRY_HINT = "Run it again with --retry-failed to make a new take of the failed shots."


def _board_ref(store: JobStore, ref: str) -> Storyboard:
    """A storyboard file (filed in the library) or the id of one in the library."""
    from sora_desktop.usecases import storyboards as boards

    path = Path(ref).expanduser()
    if path.is_file() or ref.endswith(".json"):
        return boards.open_file(store, path)
    return boards.get(store, ref)


def _connection_for(args: argparse.Namespace, rt: Runtime) -> boards.ConnectionFor:
    from sora_desktop.usecases import storyboards as boards

    refuse_ignored_connection_options(args)
    override = None
    if args.profile or args.base_url:
        override, _model = connection_from_args(args, rt)
    return boards.connection_for_profiles(rt.paths.profiles_path, override)


def _status_lines(plan: boards.BoardPlan) -> list[str]:
    lines = []
    total = len(plan.states)
    for number, (shot, state) in enumerate(zip(plan.board.shots, plan.states, strict=True), 1):
        name = shot.name or shot.prompt[:40]
        line = f"shot {number}/{total} {name}: {state.status.value}"
        if state.take:
            line += f" [{state.take[:8]}]"
        if state.message:
            line += f" ({state.message})"
        lines.append(line)
    return lines


def _refuse_stuck(plan: boards.BoardPlan, *, retry_failed: bool) -> None:
    """A shot whose take failed (or that can't continue) is refused before anything is sent,
    unless ``--retry-failed`` makes a new take of the failed ones."""
    from sora_desktop.usecases import storyboards as boards

    for number, state in plan.stuck():
        if retry_failed and state.status is boards.ShotStatus.FAILED:
            continue
        if retry_failed and state.status is boards.ShotStatus.BLOCKED and state.waits_for:
            continue  # continues a failed shot that is made again now
        shot = plan.board.shots[number - 1]
        raise InvalidRequestError(
            f"Shot {number} ({shot.name or shot.id[:8]}): {state.message}",
            RETRY_HINT if state.waits_for or state.status is boards.ShotStatus.FAILED else "",
            param="shots",
        )


def _stuck_error(plan: boards.BoardPlan, store: JobStore) -> SoraError:
    from sora_desktop.core.service import error_for_job
    from sora_desktop.usecases import storyboards as boards

    stuck = plan.stuck()
    if not stuck:  # e.g. a take stored but never sent by a run that crashed
        number, state = next(
            (n, s)
            for n, s in enumerate(plan.states, start=1)
            if s.status is not boards.ShotStatus.READY
        )
        return SoraError(
            f"Shot {number} is {state.status.value} and nothing is making it.",
            "Regenerate that shot in the window, or delete its take's job and run again.",
        )
    number, state = stuck[0]
    shot = plan.board.shots[number - 1]
    job = store.get(state.take) if state.take else None
    err = (error_for_job(job) if job is not None else None) or InvalidRequestError(
        "", param="shots"
    )
    err.message = f"Shot {number} ({shot.name or shot.id[:8]}): {state.message}"
    err.next_step = RETRY_HINT
    return err


def cmd_storyboard_run(args: argparse.Namespace, rt: Runtime) -> int:
    from sora_desktop.usecases import storyboards as boards

    path = Path(args.file).expanduser()
    store = rt.open_store()
    try:
        board = boards.open_file(store, path)
        connection_for = _connection_for(args, rt)
        service_kw: dict[str, Any] = {"give_up_after": args.give_up_after}
        checker = rt.service(store, **service_kw)
        try:
            boards.check_shots(checker, board, connection_for, boards.jobs_of(store, board))
        except InvalidRequestError as err:
            if err.param in VALIDATION_HINTS:
                err.next_step = "Change the shot in the storyboard file."
            raise
        _refuse_stuck(boards.plan_of(store, board.id), retry_failed=args.retry_failed)
        out = Path(args.out).expanduser() if args.out else None
        if out is not None and out.exists() and not args.overwrite:
            raise InvalidRequestError(
                f"{out.name!r} already exists.",
                "Choose another file with --out, or add --overwrite.",
                param="out",
            )
        try:
            with builtin_simulator(rt, args.sim_latency) as simulator:
                service_kw["builtin_simulator"] = simulator
                done = asyncio.run(
                    _run(store, rt, board.id, connection_for, service_kw, args.retry_failed)
                )
        finally:
            boards.save_file(store, board.id, path)  # every take made so far, in the file
        if not done.complete:
            raise _stuck_error(done, store)
        print("Making the film...", file=sys.stderr)
        film = boards.make_film(
            store,
            rt.paths,
            board.id,
            out,
            crossfade=args.crossfade,
            copy_only=args.copy_only,
            overwrite=args.overwrite,
            on_progress=_film_progress(),
        )
    finally:
        store.close()
    print(film.summary(), file=sys.stderr)
    print(film.path)
    return 0


def _film_progress() -> Any:
    last = [-1]

    def show(done: float, total: float) -> None:
        pct = int(done * 100 / total) if total else 100
        if pct // 10 != last[0] // 10 or (pct == 100 and last[0] != 100):
            last[0] = pct
            print(f"film {pct}%", file=sys.stderr)

    return show


async def _run(
    store: JobStore,
    rt: Runtime,
    board_id: str,
    connection_for: boards.ConnectionFor,
    kw: dict[str, Any],
    retry_failed: bool,
) -> boards.BoardPlan:
    from sora_desktop.usecases import storyboards as boards

    shown: list[list[str]] = []
    async with watched_service(rt, store, **kw) as (service, printer):

        def on_update(plan: boards.BoardPlan) -> None:
            lines = _status_lines(plan)
            if not shown or shown[-1] != lines:
                shown.append(lines)
                printer.close()
                for line in lines:
                    print(line, file=sys.stderr)

        plan = await boards.run(
            service,
            store,
            board_id,
            connection_for,
            rt.paths.images_dir,
            on_update=on_update,
            retry_failed=retry_failed,
        )
        log.info("storyboard %s: complete=%s", board_id, plan.complete)
        return plan


def cmd_storyboard_new(args: argparse.Namespace, rt: Runtime) -> int:
    from sora_desktop.usecases import storyboards as boards

    path = Path(args.file).expanduser()
    if path.exists() and not args.overwrite:
        raise InvalidRequestError(
            f"{path.name!r} already exists.",
            "Choose another file name, or add --overwrite.",
            param="out",
        )
    store = rt.open_store()
    try:
        board = boards.create(store, args.name or path.name.split(".")[0])
        for number, prompt in enumerate(args.shot or [], start=1):
            chained = args.chain and number > 1
            shot = boards.new_shot(
                name=f"Shot {number}",
                prompt=prompt,
                profile_id=args.profile,
                model=args.model,
                size=args.size,
                seconds=args.seconds,
                start=StartImage(StartKind.PREVIOUS if chained else StartKind.NONE),
            )
            boards.add_shot(store, board.id, shot)
        boards.save_file(store, board.id, path)
    finally:
        store.close()
    print(path)
    return 0


def cmd_storyboard_show(args: argparse.Namespace, rt: Runtime) -> int:
    from sora_desktop.usecases import storyboards as boards

    store = rt.open_store()
    try:
        board = _board_ref(store, args.storyboard)
        plan = boards.plan_of(store, board.id)
    finally:
        store.close()
    print(f"{plan.board.id}  {plan.board.name}")
    for line in _status_lines(plan):
        print(line)
    return 0


def cmd_storyboard_list(args: argparse.Namespace, rt: Runtime) -> int:
    from sora_desktop.usecases import storyboards as boards

    store = rt.open_store()
    try:
        summaries = boards.list_all(store)
    finally:
        store.close()
    if not summaries:
        print("No storyboards in the library.", file=sys.stderr)
    for item in summaries:
        print(f"{item.id}  {item.shots} shots  {item.name}")
    return 0


def cmd_export_timeline(args: argparse.Namespace, rt: Runtime) -> int:
    from sora_desktop.usecases.timeline import export_board, replaced_by_export, timeline_format

    fmt = timeline_format(args.format)
    out = Path(args.out).expanduser()
    store = rt.open_store()
    try:
        board = _board_ref(store, args.storyboard)
        if not args.overwrite:  # as stitch and frame: an edited timeline is not replaced
            replaced = replaced_by_export(store, board, fmt, out)
            if replaced:
                raise InvalidRequestError(  # no repr: it doubles a Windows path's backslashes
                    f'"{replaced[0]}" already exists.',
                    "Choose another folder with --out, or add --overwrite to replace the "
                    "timeline and its clips.",
                    param="out",
                )
        exported = export_board(store, board, fmt, out, overwrite=args.overwrite)
    finally:
        store.close()
    print(exported.path)
    return 0


def add_parsers(sub: Any, common: argparse.ArgumentParser) -> None:
    story = sub.add_parser(
        "storyboard",
        parents=[common],
        help="storyboards: run one into a film, create, show, list",
        description="A storyboard is an ordered list of shots that become one film "
        "(docs/storyboards.md has the file format).",
    )
    verbs = story.add_subparsers(dest="verb", metavar="VERB", required=True)

    run = verbs.add_parser(
        "run",
        parents=[common],
        help="generate what is missing, then make the film",
        description="Generate the shots still missing (a chained shot once the take it "
        "continues is ready), write the takes into the file, stitch the film and print its "
        "path last. Progress goes to stderr.",
    )
    run.add_argument("file", metavar="FILE.json", help="the storyboard file")
    run.add_argument(
        "--out", default=None, metavar="FILE", help="the film (default: in the library)"
    )
    run.add_argument("--overwrite", action="store_true", help="replace an existing --out file")
    run.add_argument(
        "--crossfade", type=float, default=0.0, metavar="SECONDS", help="between shots"
    )
    run.add_argument(
        "--copy-only", action="store_true", help="refuse takes that would need a re-encode"
    )
    run.add_argument(
        "--retry-failed", action="store_true", help="make a new take of shots whose take failed"
    )
    add_connection_options(run)
    add_give_up(run)
    run.add_argument("--sim-latency", type=float, default=8.0, help=argparse.SUPPRESS)
    run.set_defaults(
        handler=cmd_storyboard_run,
        stopped="Stopped. The takes made so far are kept in the file; run the same storyboard "
        "again to go on (a shot already sent is not sent again).",
    )

    new = verbs.add_parser(
        "new",
        parents=[common],
        help="write a new storyboard file",
        description="Write a new storyboard file (and keep it in the library), one shot per "
        "--shot; edit the file for more.",
    )
    new.add_argument("file", metavar="FILE.json", help="the file to write")
    new.add_argument("--name", default=None, help="the storyboard's name")
    new.add_argument("--shot", action="append", metavar="PROMPT", help="a shot (repeatable)")
    new.add_argument(
        "--chain", action="store_true", help="each shot continues from the previous one"
    )
    new.add_argument("--profile", default="simulator", metavar="NAME", help="the connection")
    new.add_argument("--model", default="sora-2", help="every shot's model (default: sora-2)")
    new.add_argument(
        "--size", default="1280x720", metavar="WxH", help="every shot's size (default: 1280x720)"
    )
    new.add_argument("--seconds", type=int, default=4, help="every shot's length (default: 4)")
    new.add_argument("--overwrite", action="store_true", help="replace an existing file")
    new.set_defaults(handler=cmd_storyboard_new)

    show = verbs.add_parser(
        "show", parents=[common], help="every shot's state", description="Every shot's state."
    )
    show.add_argument("storyboard", metavar="FILE.json|ID", help="a storyboard file or its id")
    show.set_defaults(handler=cmd_storyboard_show)

    lst = verbs.add_parser(
        "list",
        parents=[common],
        help="the storyboards in the library",
        description="The storyboards in the library, most recently changed first.",
    )
    lst.set_defaults(handler=cmd_storyboard_list)

    exp = sub.add_parser(
        "export-timeline",
        parents=[common],
        help="a storyboard as an editor's timeline (OTIO, FCP X XML, EDL)",
        description="Write the storyboard's timeline into DIR with its clips in DIR/clips, "
        "referenced by relative path, and print the timeline's path. A timeline already "
        "there is not replaced without --overwrite.",
    )
    exp.add_argument("storyboard", metavar="STORYBOARD", help="a storyboard file or its id")
    exp.add_argument(
        "--format",
        required=True,
        choices=("otio", "fcpxml", "edl"),
        help="OpenTimelineIO, Final Cut Pro X XML or CMX 3600 EDL",
    )
    exp.add_argument("--out", required=True, metavar="DIR", help="the folder to write into")
    exp.add_argument(
        "--overwrite",
        action="store_true",
        help="replace a timeline already in DIR (its file and its clips)",
    )
    exp.set_defaults(handler=cmd_export_timeline)
