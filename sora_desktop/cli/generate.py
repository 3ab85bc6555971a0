"""``sora-desktop generate`` and ``sora-desktop resume``: the engine without a window."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import math
import os
import signal
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..core.errors import SoraError
from ..core.models import (
    AuthStyle,
    Connection,
    ConnectionKind,
    Job,
    JobStatus,
    KeySource,
    VideoRequest,
)
from ..core.service import error_for_job
from .runtime import ProgressPrinter, Runtime, log

if TYPE_CHECKING:
    from ..simulator.builtin import BuiltinSimulator

DEFAULT_ENV_VARS: dict[ConnectionKind, str] = {
    ConnectionKind.OPENAI: "OPENAI_API_KEY",
    ConnectionKind.AZURE: "AZURE_OPENAI_API_KEY",
    ConnectionKind.COMPATIBLE: "OPENAI_API_KEY",
}
RESUME_HINT = "Finish it later with: sora-desktop resume"
#: The next step of a refused field, worded with the option that sets it.
VALIDATION_HINTS: dict[str, str] = {
    "model": "Pick one of them with --model.",
    "size": "Pick one of the allowed sizes with --size.",
    "seconds": "Pick one of the allowed durations with --seconds.",
}
IMAGE_HINT = "Check the file given with --image (a JPEG, PNG or WebP image)."
FIT_HINT = "Add --fit fit (letterbox on black) or --fit crop (centre crop) to convert it."


@contextlib.contextmanager
def builtin_simulator(rt: Runtime, latency: float = 8.0) -> Iterator[BuiltinSimulator]:
    """The built-in simulator, started in this process when a job first needs it and
    stopped at the end. It keeps its jobs in the data folder, so ``resume`` finishes them."""
    from ..simulator.builtin import BuiltinSimulator

    simulator = BuiltinSimulator(
        rt.paths.simulator_dir,
        latency=latency,
        on_start=lambda url: print(f"Using the built-in simulator at {url}", file=sys.stderr),
    )
    try:
        yield simulator
    finally:
        simulator.stop()


def _profile(rt: Runtime, ref: str) -> Any:
    from ..core.profiles import ProfileStore
    from .profiles import find_profile

    return find_profile(ProfileStore(rt.paths.profiles_path), ref)


BUILTIN = Connection(kind=ConnectionKind.SIMULATOR, base_url="", profile_id="simulator")


def connection_from_args(args: argparse.Namespace, rt: Runtime) -> tuple[Connection, str]:
    """The connection (base URL "" = the built-in simulator) and the default model."""
    if args.profile:
        profile = _profile(rt, args.profile)
        return profile.connection(), profile.default_model
    if args.base_url:
        from ..usecases.connections import check_base_url

        kind = ConnectionKind(args.kind or "compatible")
        env_var = args.api_key_env
        if env_var is None and kind is not ConnectionKind.SIMULATOR:
            default = DEFAULT_ENV_VARS[kind]
            # a gateway may need no key: only use the default variable when it is set
            if kind is not ConnectionKind.COMPATIBLE or os.environ.get(default):
                env_var = default
        connection = Connection(
            kind=kind,
            base_url=check_base_url(args.base_url),
            auth_style=AuthStyle.API_KEY if kind is ConnectionKind.AZURE else AuthStyle.BEARER,
            key_source=KeySource(env_var=env_var) if env_var else KeySource(),
        )
        return connection, "sora-2"
    return BUILTIN, "sora-2"


def reference_image(args: argparse.Namespace, rt: Runtime, size: str) -> Path | None:
    """The image to send, converted with ``--fit`` when its size differs from the video's."""
    if not args.image:
        return None
    from ..usecases.generate import prepare_reference_image

    prepared = prepare_reference_image(
        Path(args.image).expanduser(),
        size,
        args.fit,
        rt.paths.images_dir,
        hint=IMAGE_HINT,
        mismatch_hint=FIT_HINT,
    )
    assert prepared is not None
    if prepared.converted:
        print(f"Converted the image to {size} ({args.fit}): {prepared.path}", file=sys.stderr)
    return prepared.path


def _raise_for(job: Job) -> None:
    err = error_for_job(job) or SoraError(f"The job ended {job.status.value}.")
    if job.status is JobStatus.INTERRUPTED:
        err.next_step = f"{RESUME_HINT}."
    raise err


def cmd_generate(args: argparse.Namespace, rt: Runtime) -> int:
    connection, default_model = connection_from_args(args, rt)
    model = args.model or default_model
    size = args.size or "720x1280"
    request = VideoRequest(prompt=args.prompt, model=model, size=size, seconds=args.seconds)
    store = rt.open_store()
    try:
        service_kw: dict[str, Any] = {"give_up_after": args.give_up_after}
        # Refuse bad input before anything starts: no simulator, no request, no row.
        rt.service(store, **service_kw).validate(request, connection, hints=VALIDATION_HINTS)
        image = reference_image(args, rt, size)
        # an unusable export folder is found now, not after a paid render
        out_dir = make_out_dir(Path(args.out) if args.out else Path.cwd())
        if image is not None:
            request = VideoRequest(
                prompt=request.prompt,
                model=model,
                size=size,
                seconds=request.seconds,
                reference_image=image,
            )
        with builtin_simulator(rt, args.sim_latency) as simulator:
            service_kw["builtin_simulator"] = simulator
            job = asyncio.run(_generate(store, rt, request, connection, service_kw))
    finally:
        store.close()
    if job.status is not JobStatus.READY:
        _raise_for(job)
    out = export_clip(job, out_dir)
    print(out)
    return 0


async def _generate(
    store: Any, rt: Runtime, request: VideoRequest, connection: Connection, kw: dict[str, Any]
) -> Job:
    service = rt.service(store, **kw)
    printer = ProgressPrinter()
    service.subscribe(printer)
    undo = stop_on_sigterm()
    try:
        job = await service.submit(request, connection)
        log.info("generate: job %s submitted", job.id)
        return await service.wait(job.id)
    finally:
        await service.shutdown(interrupt=True)
        printer.close()
        undo()


def stop_on_sigterm() -> Callable[[], None]:
    """SIGTERM cancels the running command between two loop steps (like Ctrl+C), so its
    jobs are stored ``interrupted``; a Python-level handler could fire mid-write."""
    loop = asyncio.get_running_loop()
    task = asyncio.current_task()
    previous = signal.getsignal(signal.SIGTERM)
    if task is None:
        return lambda: None
    try:
        loop.add_signal_handler(signal.SIGTERM, task.cancel)
    except (NotImplementedError, RuntimeError, ValueError):  # Windows, or not the main thread
        return lambda: None

    def undo() -> None:
        loop.remove_signal_handler(signal.SIGTERM)
        signal.signal(signal.SIGTERM, previous)

    return undo


def make_out_dir(out_dir: Path) -> Path:
    from ..core.errors import DiskError

    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DiskError(
            f"Can't create the folder {out_dir} ({exc.strerror or exc}).",
            "Pick a writable folder with --out.",
        ) from None
    if not os.access(out_dir, os.W_OK | os.X_OK):
        raise DiskError(f"The folder {out_dir} is read-only.", "Pick a writable folder with --out.")
    return out_dir


def export_clip(job: Job, out_dir: Path) -> Path:
    from ..core.export import export_job

    return Path(export_job(job, make_out_dir(out_dir), sidecar=False))


def cmd_resume(args: argparse.Namespace, rt: Runtime) -> int:
    store = rt.open_store()
    try:
        with builtin_simulator(rt) as simulator:
            jobs = asyncio.run(_resume(store, rt, args.give_up_after, simulator))
    finally:
        store.close()
    if not jobs:
        print("Nothing to resume.", file=sys.stderr)
        return 0
    first_error: SoraError | None = None
    for job in jobs:
        if job.status is JobStatus.READY:
            print(f"{job.id} ready {job.file_path}")
            continue
        err = error_for_job(job) or SoraError(f"The job ended {job.status.value}.")
        print(f"{job.id} {job.status.value}")
        print(f"error: [{job.id[:8]}] {err.one_line()}", file=sys.stderr)
        first_error = first_error or err
    return int(first_error.exit_code) if first_error else 0


async def _resume(
    store: Any, rt: Runtime, give_up_after: float | None, simulator: BuiltinSimulator
) -> list[Job]:
    service = rt.service(store, give_up_after=give_up_after, builtin_simulator=simulator)
    printer = ProgressPrinter()
    service.subscribe(printer)
    undo = stop_on_sigterm()
    try:
        ids = await service.resume_all()
        return list(await asyncio.gather(*(service.wait(i) for i in ids)))
    finally:
        await service.shutdown(interrupt=True)
        printer.close()
        undo()


def add_parsers(sub: Any, common: argparse.ArgumentParser) -> None:
    gen = sub.add_parser(
        "generate",
        parents=[common],
        help="generate one clip and export it",
        description="Generate one clip, keep it in the library and export it. Progress goes "
        "to stderr; the exported file's path is the last line on stdout.",
    )
    gen.add_argument("--prompt", required=True, help="what the video shows")
    gen.add_argument("--model", default=None, help="model or deployment (default: sora-2)")
    gen.add_argument("--size", default=None, metavar="WxH", help="e.g. 720x1280 or 1280x720")
    gen.add_argument("--seconds", type=int, default=4, help="clip length (default: 4)")
    gen.add_argument("--image", default=None, metavar="PATH", help="reference image")
    gen.add_argument(
        "--fit",
        choices=("fit", "crop"),
        default=None,
        help="convert an image of the wrong size: letterbox or centre crop",
    )
    gen.add_argument("--out", default=None, metavar="DIR", help="export folder (default: .)")
    where = gen.add_mutually_exclusive_group()
    where.add_argument("--profile", default=None, metavar="NAME", help="a saved connection")
    where.add_argument(
        "--base-url",
        default=None,
        metavar="URL",
        help="an endpoint of the OpenAI Videos API dialect",
    )
    gen.add_argument(
        "--kind",
        choices=("openai", "azure", "compatible", "simulator"),
        default=None,
        help="with --base-url (default: compatible)",
    )
    gen.add_argument(
        "--api-key-env",
        default=None,
        metavar="VAR",
        help="environment variable holding the key (with --base-url)",
    )
    _add_give_up(gen)
    gen.add_argument("--sim-latency", type=float, default=8.0, help=argparse.SUPPRESS)
    gen.set_defaults(handler=cmd_generate)

    res = sub.add_parser(
        "resume",
        parents=[common],
        help="finish every interrupted or unfinished job",
        description="Finish every interrupted or unfinished job with the connection it was "
        "started with. Jobs on the built-in simulator continue on it: it keeps its jobs in "
        "the data folder (while a window has them open, they stay there).",
    )
    _add_give_up(res)
    res.set_defaults(handler=cmd_resume)


def seconds_or_more(text: str) -> float:
    """``--give-up-after``: a number of seconds, 0 or more."""
    try:
        value = float(text)
    except ValueError:
        value = math.nan
    if not math.isfinite(value) or value < 0:
        raise argparse.ArgumentTypeError(f"give a number of seconds, 0 or more (not {text!r})")
    return value


def _add_give_up(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--give-up-after",
        type=seconds_or_more,
        default=600.0,
        metavar="SECONDS",
        help="stop retrying after this long without network (default: 600)",
    )
