"""``sora-desktop stitch``, ``frame`` and ``extend``: films, frames and longer clips headless.

A CLIP is a video file's path or a library job (its id, or a piece of it). Each command
prints the file it made last on stdout; what it did (copied or re-encoded, and why) and its
progress go to stderr. A refused or cancelled stitch leaves no output file.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
from pathlib import Path
from typing import Any

from sora_desktop.cli.generate import _raise_for, add_give_up, builtin_simulator, watched_service
from sora_desktop.cli.runtime import STOPPED_JOBS, Runtime, stop_line_for_job
from sora_desktop.core.errors import InvalidRequestError
from sora_desktop.core.models import JobStatus

CLIP_HINT = "Give a video file's path, or a job id (see: sora-desktop history)."


def _progress(label: str) -> Any:
    last = [-1]

    def show(done: float, total: float) -> None:
        pct = int(done * 100 / total) if total else 100
        if pct // 10 != last[0] // 10:
            last[0] = pct
            print(f"{label} {pct}%", file=sys.stderr)

    return show


def _non_negative(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = -1.0
    if not value >= 0:
        raise argparse.ArgumentTypeError(f"give a number of seconds, 0 or more (not {text!r})")
    return value


def _refuse_existing(out: Path, overwrite: bool) -> None:
    from sora_desktop.core.filenames import check_new_path

    check_new_path(out)  # "con.png" on Windows "exists" (the console): say what is wrong
    if out.exists() and not overwrite:
        raise InvalidRequestError(
            f"{out.name!r} already exists.",
            "Choose another file with --out, or add --overwrite.",
            param="out",
        )


def cmd_stitch(args: argparse.Namespace, rt: Runtime) -> int:
    from sora_desktop.usecases.stitch import resolve_clips, stitch_film

    out = Path(args.out).expanduser()
    _refuse_existing(out, args.overwrite)
    store = rt.open_store()
    try:
        clips = resolve_clips(store, args.clips, hint=CLIP_HINT)
        # copy or re-encode is said after the film is made (summary): planning it here too
        # would probe every clip twice (~0.1 s each)
        film = stitch_film(
            store,
            rt.paths,
            clips,
            out,
            crossfade=args.crossfade,
            copy_only=args.copy_only,
            overwrite=args.overwrite,
            name=args.name,
            on_progress=_progress("stitch"),
        )
    finally:
        store.close()
    print(film.summary(), file=sys.stderr)
    print(film.path)
    return 0


def cmd_frame(args: argparse.Namespace, rt: Runtime) -> int:
    from sora_desktop.usecases.frames import save_frame
    from sora_desktop.usecases.stitch import resolve_clip

    store = rt.open_store()
    try:
        clip = resolve_clip(store, args.clip, hint=CLIP_HINT)
    finally:
        store.close()
    out = Path(args.out).expanduser()
    _refuse_existing(out, args.overwrite)
    saved = save_frame(clip.path, out, args.at)
    if args.at is not None:  # a time past the end gives the last frame: say so
        from sora_desktop.core.clipinfo import probe

        length = float(probe(clip.path).video.duration)
        if args.at >= length:
            print(
                f"note: the clip is {length:.2f} s long, so this is its last frame.",
                file=sys.stderr,
            )
    print(saved)
    return 0


def cmd_extend(args: argparse.Namespace, rt: Runtime) -> int:
    from sora_desktop.cli.runtime import find_job
    from sora_desktop.usecases.extend import extend_plan

    out = Path(args.out).expanduser() if args.out else None
    store = rt.open_store()
    try:
        source = find_job(store, args.job)
        plan = extend_plan(source)
        print(plan.description, file=sys.stderr)
        with builtin_simulator(rt, args.sim_latency) as simulator:
            kw: dict[str, Any] = {"give_up_after": args.give_up_after}
            kw["builtin_simulator"] = simulator
            outcome = asyncio.run(_extend(store, rt, source.id, args, out, kw))
    finally:
        store.close()
    if outcome.job.status is not JobStatus.READY:
        _raise_for(outcome.job)
    if outcome.film is not None:
        print(outcome.film.summary(), file=sys.stderr)
    print(outcome.path)
    return 0


async def _extend(
    store: Any, rt: Runtime, job_id: str, args: argparse.Namespace, out: Path | None, kw: Any
) -> Any:
    from sora_desktop.usecases.extend import extend

    async with watched_service(rt, store, stop_line_for_job(args, None), **kw) as (service, _):
        return await extend(
            service,
            store,
            rt.paths,
            job_id,
            args.prompt,
            args.seconds,
            out=out,
            on_progress=_progress("join"),
        )


def add_parsers(sub: Any, common: argparse.ArgumentParser) -> None:
    st = sub.add_parser(
        "stitch",
        parents=[common],
        help="join clips into one film",
        description="Join clips, in order, into one film kept in the library. The clips are "
        "copied without re-encoding when they share their format (one model, one size); "
        "otherwise the film is re-encoded to the first clip's format and the reasons are "
        "printed. The film's path is printed last.",
    )
    st.add_argument("clips", nargs="+", metavar="CLIP", help="a video file or a job id")
    st.add_argument("--out", required=True, metavar="FILE", help="the film (.mp4 or .mov)")
    st.add_argument(
        "--crossfade",
        type=_non_negative,
        default=0.0,
        metavar="SECONDS",
        help="blend each join over this long (re-encodes)",
    )
    st.add_argument(
        "--copy-only",
        action="store_true",
        help="refuse clips that would need a re-encode instead of re-encoding",
    )
    st.add_argument("--overwrite", action="store_true", help="replace an existing --out file")
    st.add_argument("--name", default=None, help="the film's name in the library")
    st.set_defaults(
        handler=cmd_stitch,
        stopped="Stopped: no film was written. Run the same command again to make it.",
    )

    fr = sub.add_parser(
        "frame",
        parents=[common],
        help="save one frame of a clip as a PNG",
        description="Save the frame shown SECONDS into the clip (default: its last frame) "
        "as a full-resolution PNG.",
    )
    fr.add_argument("clip", metavar="CLIP", help="a video file or a job id")
    fr.add_argument(
        "--at", type=_non_negative, default=None, metavar="SECONDS", help="default: the end"
    )
    fr.add_argument("--out", required=True, metavar="FILE.png", help="the picture to write")
    fr.add_argument("--overwrite", action="store_true", help="replace an existing file")
    fr.set_defaults(handler=cmd_frame, stopped="Stopped: no picture was written.")

    ex = sub.add_parser(
        "extend",
        parents=[common],
        help="extend a library clip past its end",
        description="Extend a finished library clip: through the model's own extend "
        "endpoint where the catalogue lists one (fal's Veo 3.1), the service's extensions "
        "endpoint where it can, else a new clip from its last frame joined to it. The new "
        "library item's path is printed last.",
    )
    ex.add_argument("job", metavar="JOB", help="the clip's job id (or a piece of it)")
    ex.add_argument("--prompt", required=True, help="what happens next")
    ex.add_argument(
        "--seconds",
        type=int,
        default=None,
        help="seconds to add (default: what a model's own extend endpoint adds, else 4)",
    )
    ex.add_argument(
        "--out", default=None, metavar="FILE", help="a continuation's film (default: library)"
    )
    add_give_up(ex)
    ex.add_argument("--sim-latency", type=float, default=8.0, help=argparse.SUPPRESS)
    ex.set_defaults(handler=cmd_extend, stopped=STOPPED_JOBS)
