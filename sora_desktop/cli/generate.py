"""``sora-desktop generate`` and ``sora-desktop resume``: the engine without a window."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import dataclasses
import math
import os
import signal
import sys
from collections.abc import AsyncIterator, Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sora_desktop.cli.connection_args import refuse_ignored_connection_options
from sora_desktop.cli.runtime import (
    STOPPED_JOBS,
    ProgressPrinter,
    Runtime,
    log,
    stop_line_for_job,
)
from sora_desktop.core.errors import SoraError
from sora_desktop.core.job_errors import error_for_job
from sora_desktop.core.models import (
    AuthStyle,
    Connection,
    ConnectionKind,
    Job,
    JobEvent,
    JobStatus,
    KeySource,
    VideoRequest,
)

if TYPE_CHECKING:
    from sora_desktop.core.service import GenerationService
    from sora_desktop.simulator.builtin import BuiltinSimulator

#: the variables the providers' official clients read (docs/providers.md)
PROVIDER_ENV_VARS: dict[ConnectionKind, str] = {
    ConnectionKind.FAL: "FAL_KEY",
    ConnectionKind.REPLICATE: "REPLICATE_API_TOKEN",
    ConnectionKind.RUNWAY: "RUNWAYML_API_SECRET",
}
DEFAULT_ENV_VARS: dict[ConnectionKind, str] = {
    ConnectionKind.OPENAI: "OPENAI_API_KEY",
    ConnectionKind.AZURE: "AZURE_OPENAI_API_KEY",
    ConnectionKind.COMPATIBLE: "OPENAI_API_KEY",
    **PROVIDER_ENV_VARS,
}
RESUME_HINT = "Finish it later with: sora-desktop resume"
#: The next step of a refused field, worded with the option that sets it.
VALIDATION_HINTS: dict[str, str] = {
    "model": "Pick one of them with --model.",
    "size": "Pick one of the allowed sizes with --size.",
    "aspect": "Pick one of the allowed aspects with --aspect.",
    "seconds": "Pick one of the allowed durations with --seconds.",
}
PARAM_HINT = "Correct it in --param NAME=VALUE; see the model's settings with: sora-desktop models"
IMAGE_HINT = "Check the file given with --image (a JPEG, PNG or WebP image)."
FIT_HINT = "Add --fit fit (letterbox on black) or --fit crop (centre crop) to convert it."


@contextlib.contextmanager
def builtin_simulator(rt: Runtime, latency: float = 8.0) -> Iterator[BuiltinSimulator]:
    """The built-in simulator, started in this process when a job first needs it and
    stopped at the end. It keeps its jobs in the data folder, so ``resume`` finishes them."""
    from sora_desktop.simulator.builtin import BuiltinSimulator

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
    from sora_desktop.cli.profiles import find_profile
    from sora_desktop.core.profiles import ProfileStore

    return find_profile(ProfileStore(rt.paths.profiles_path), ref)


BUILTIN = Connection(kind=ConnectionKind.SIMULATOR, base_url="", profile_id="simulator")


def connection_from_args(
    args: argparse.Namespace, rt: Runtime, *, refuse_ignored: bool = True
) -> tuple[Connection, str]:
    """The connection (base URL "" = the built-in simulator) and the default model.
    ``refuse_ignored``: options that would be ignored are refused (not for ``models``,
    where ``--kind`` alone names whose models to describe)."""
    if refuse_ignored:
        refuse_ignored_connection_options(args)
    if args.profile:
        profile = _profile(rt, args.profile)
        return profile.connection(), profile.default_model
    kind_arg = getattr(args, "kind", None)
    provider = kind_arg is not None and ConnectionKind(kind_arg).is_provider
    if args.base_url or provider:
        from sora_desktop.core.profiles import default_base_url
        from sora_desktop.usecases.connections import check_base_url

        kind = ConnectionKind(kind_arg or "compatible")
        env_var = args.api_key_env
        if env_var is None and kind is not ConnectionKind.SIMULATOR:
            default = DEFAULT_ENV_VARS[kind]
            # a gateway may need no key: only use the default variable when it is set
            if kind is not ConnectionKind.COMPATIBLE or os.environ.get(default):
                env_var = default
        connection = Connection(
            kind=kind,
            base_url=check_base_url(args.base_url or default_base_url(kind)),
            auth_style=AuthStyle.API_KEY if kind is ConnectionKind.AZURE else AuthStyle.BEARER,
            key_source=KeySource(env_var=env_var) if env_var else KeySource(),
        )
        return connection, default_model(kind)
    return BUILTIN, "sora-2"


def default_model(kind: ConnectionKind) -> str:
    """The model used without --model: the catalogue's first for a provider kind."""
    if kind.is_provider:
        from sora_desktop.usecases.models import list_models

        listed = list_models(kind)
        if listed:
            return listed[0].id
    return "sora-2"


def reference_image(args: argparse.Namespace, rt: Runtime, size: str) -> Path | None:
    """The image to send, converted with ``--fit`` when its size differs from the video's."""
    if not args.image:
        return None
    from sora_desktop.usecases.generate import prepare_reference_image

    prepared = prepare_reference_image(
        Path(args.image).expanduser(),
        size,
        args.fit,
        rt.paths.images_dir,
        hint=IMAGE_HINT,
        mismatch_hint=FIT_HINT,
        shown=args.image,  # the path as given: the name alone may be one of many
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
    connection, fallback_model = connection_from_args(args, rt)
    if connection.kind.is_provider and not args.model and not args.profile:
        from sora_desktop.core.errors import InvalidRequestError

        kind = connection.kind.value
        raise InvalidRequestError(  # a paid provider: the model is always chosen, never guessed
            f"Say which {kind} model to use.",
            f"Add --model ID; the models and their prices: sora-desktop models --kind {kind}",
            param="model",
        )
    model = args.model or fallback_model
    store = rt.open_store()
    try:
        service_kw: dict[str, Any] = {"give_up_after": args.give_up_after}
        # Refuse bad input before anything starts: no simulator, no request, no row.
        size, seconds, params, files = settings_from_args(args, rt, store, connection, model)
        request = VideoRequest(
            prompt=args.prompt,
            model=model,
            size=size,
            seconds=seconds,
            params=params,
            audio=None if args.audio is None else args.audio == "on",
            negative_prompt=args.negative_prompt,
            seed=args.seed,
        )
        rt.service(store, **service_kw).validate(request, connection, hints=VALIDATION_HINTS)
        image = reference_image(args, rt, size)
        # an unusable export folder is found now, not after a paid render
        out_dir = out_dir_for_later(Path(args.out) if args.out else Path.cwd())
        if image is not None:
            request = dataclasses.replace(request, reference_image=image)
        if files:  # a model's image fields given files: fitted like the start image
            from sora_desktop.usecases.generate import image_param

            fitted = tuple(
                (
                    name,
                    image_param(name, path, size, args.fit, rt.paths.images_dir, shown=str(path)),
                )
                for name, path in files
            )
            request = dataclasses.replace(request, image_params=fitted)
        if connection.kind.is_provider:
            from sora_desktop.usecases.models import estimate_cost

            cost = estimate_cost(connection.kind, model, size, seconds, request.audio)
            print(f"Estimated cost: {cost.text()}", file=sys.stderr)
        with builtin_simulator(rt, args.sim_latency) as simulator:
            service_kw["builtin_simulator"] = simulator
            on_event = stop_line_for_job(args, out_dir)
            job = asyncio.run(_generate(store, rt, request, connection, service_kw, on_event))
    finally:
        store.close()
    if job.status is not JobStatus.READY:
        _raise_for(job)
    out = export_clip(job, out_dir)
    print(out)
    return 0


def settings_from_args(
    args: argparse.Namespace, rt: Runtime, store: Any, connection: Connection, model: str
) -> tuple[str, int, tuple[tuple[str, str], ...], list[tuple[str, Path]]]:
    """``--size``/``--aspect``, ``--seconds`` and ``--param`` checked against the model
    (the catalogue, or the provider's schema) and mapped onto it: (size, seconds, params,
    the image fields given files on this computer)."""
    from sora_desktop.core.errors import InvalidRequestError
    from sora_desktop.usecases import models as usecase

    pairs = [usecase.parse_param(p, hint=PARAM_HINT) for p in args.param or ()]
    if not connection.kind.is_provider:
        given = [
            flag
            for flag, value in (
                ("--param", pairs),
                ("--audio", args.audio),
                ("--negative-prompt", args.negative_prompt),
                ("--seed", args.seed),
            )
            if value not in (None, [])
        ]
        if given:
            raise InvalidRequestError(
                f"{given[0]} is for the fal, replicate and runway kinds.",
                "Leave it out, or use a profile of one of those kinds.",
                param=given[0].lstrip("-").replace("-", "_"),
            )
        seconds = 4 if args.seconds is None else args.seconds  # 0 is refused, not defaulted
        if args.aspect is None:
            return args.size or "720x1280", seconds, (), []
        from sora_desktop.core.capabilities import capabilities_for
        from sora_desktop.core.model_settings import summarize_capabilities

        caps = capabilities_for(model, azure=connection.kind is ConnectionKind.AZURE)
        summary = summarize_capabilities(connection.kind, caps)
        size = usecase.choose_size(summary, aspect=args.aspect, hint=VALIDATION_HINTS["aspect"])
        return size, seconds, (), []
    listed = {m.id: m for m in usecase.list_models(connection.kind)}
    details = None
    if pairs or model.split(":", 1)[0] not in listed:
        details = asyncio.run(_model_details(rt, store, connection, model))
        if details.note and pairs:
            print(f"note: {details.note}", file=sys.stderr)
    summary = details.summary if details is not None else listed[model.split(":", 1)[0]]
    size = usecase.choose_size(
        summary,
        size=args.size,
        aspect=args.aspect,
        with_image=bool(args.image),
        hint=VALIDATION_HINTS["aspect" if args.size is None else "size"],
    )
    seconds = usecase.choose_seconds(summary, args.seconds, hint=VALIDATION_HINTS["seconds"])
    files: list[tuple[str, Path]] = []
    if details is not None:
        from sora_desktop.usecases.generate import image_files

        pairs, files = image_files(pairs, details.fields, hint=PARAM_HINT)
    params = usecase.coerce_params(pairs, details, hint=PARAM_HINT) if details else ()
    return size, seconds, params, files


async def _model_details(rt: Runtime, store: Any, connection: Connection, model: str) -> Any:
    from sora_desktop.usecases.models import model_details

    service = rt.service(store)
    try:
        return await model_details(service, connection, model)
    finally:
        await service.shutdown()


async def _generate(
    store: Any,
    rt: Runtime,
    request: VideoRequest,
    connection: Connection,
    kw: dict[str, Any],
    on_event: Callable[[JobEvent], None],
) -> Job:
    async with watched_service(rt, store, on_event, **kw) as (service, _printer):
        job = await service.submit(request, connection)
        log.info("generate: job %s submitted", job.id)
        return await service.wait(job.id)


@contextlib.asynccontextmanager
async def watched_service(
    rt: Runtime, store: Any, *listeners: Callable[[JobEvent], None], **kw: Any
) -> AsyncIterator[tuple[GenerationService, ProgressPrinter]]:
    """The engine for one command: its events go to ``listeners`` and to the progress
    line on stderr, SIGTERM stops it as Ctrl+C does, and however the command ends it is
    shut down with its unfinished jobs stored ``interrupted`` (for ``resume``)."""
    service = rt.service(store, **kw)
    printer = ProgressPrinter()
    for listener in listeners:
        service.subscribe(listener)
    service.subscribe(printer)
    undo = stop_on_sigterm()
    try:
        yield service, printer
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


#: What to do when --out can't take the clip (the CLI names its option).
OUT_HINT = "Pick a writable folder with --out."


def make_out_dir(out_dir: Path) -> Path:
    """``out_dir`` checked as :func:`out_dir_for_later` does, then made."""
    from sora_desktop.core.errors import DiskError

    out_dir_for_later(out_dir)
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DiskError(
            f"Can't create the folder {out_dir} ({exc.strerror or exc}).", OUT_HINT
        ) from None
    return out_dir


def out_dir_for_later(out_dir: Path) -> Path:
    """``out_dir`` checked before a render without being made: a name this OS takes, and
    the folder, or the nearest folder above it that exists, writable (core/export.py's
    check, which the window's export uses too). It is created when the clip is exported,
    so a job that fails leaves no empty folder behind."""
    from sora_desktop.core.errors import DiskError
    from sora_desktop.core.export import export_folder_problem
    from sora_desktop.core.filenames import check_new_path

    check_new_path(out_dir)  # "--out COM1" on Windows: a device, not "a file in the way"
    problem = export_folder_problem(out_dir)
    if problem is not None:
        raise DiskError(problem.message, OUT_HINT)
    return out_dir


def export_clip(job: Job, out_dir: Path) -> Path:
    from sora_desktop.core.export import export_job

    return Path(export_job(job, make_out_dir(out_dir), sidecar=False))


def add_parsers(sub: Any, common: argparse.ArgumentParser) -> None:
    gen = sub.add_parser(
        "generate",
        parents=[common],
        help="generate one clip and export it",
        description="Generate one clip, keep it in the library and export it. Progress goes "
        "to stderr; the exported file's path is the last line on stdout.",
    )
    gen.add_argument("--prompt", required=True, help="what the video shows")
    gen.add_argument(
        "--model",
        default=None,
        help="model or deployment (default: sora-2, or the profile's; required with --kind "
        "fal|replicate|runway: see sora-desktop models --kind K)",
    )
    shape = gen.add_mutually_exclusive_group()
    shape.add_argument("--size", default=None, metavar="WxH", help="e.g. 720x1280 or 1280x720")
    shape.add_argument(
        "--aspect",
        default=None,
        metavar="W:H",
        help="e.g. 16:9 or 9:16: the model's size of that shape (720p where it has several)",
    )
    gen.add_argument(
        "--seconds",
        type=int,
        default=None,
        help="clip length (default: 4; the model's own default for fal, replicate, runway)",
    )
    gen.add_argument(
        "--audio",
        choices=("on", "off"),
        default=None,
        help="sound on or off, for a model that has the setting (default: the model's)",
    )
    gen.add_argument("--negative-prompt", default=None, metavar="TEXT", help="what to avoid")
    gen.add_argument("--seed", type=int, default=None, help="a seed, for a model that takes one")
    gen.add_argument(
        "--param",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="any setting of the model's own (fal, replicate, runway), checked against its "
        "schema; repeat for several",
    )
    gen.add_argument("--image", default=None, metavar="PATH", help="reference image")
    gen.add_argument(
        "--fit",
        choices=("fit", "crop"),
        default=None,
        help="convert an image of the wrong size: letterbox or centre crop",
    )
    gen.add_argument("--out", default=None, metavar="DIR", help="export folder (default: .)")
    add_connection_options(gen)
    add_give_up(gen)
    gen.add_argument("--sim-latency", type=float, default=8.0, help=argparse.SUPPRESS)
    gen.set_defaults(handler=cmd_generate, stopped=STOPPED_JOBS)


def seconds_or_more(text: str) -> float:
    """``--give-up-after``: a number of seconds, 0 or more."""
    try:
        value = float(text)
    except ValueError:
        value = math.nan
    if not math.isfinite(value) or value < 0:
        raise argparse.ArgumentTypeError(f"give a number of seconds, 0 or more (not {text!r})")
    return value


def add_connection_options(parser: argparse.ArgumentParser) -> None:
    """``--profile``, or ``--base-url`` with ``--kind`` and ``--api-key-env`` (read by
    :func:`connection_from_args`; none of them: the built-in simulator)."""
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--profile", default=None, metavar="NAME", help="a saved connection")
    where.add_argument(
        "--base-url",
        default=None,
        metavar="URL",
        help="an endpoint of the OpenAI Videos API dialect, or of a provider with --kind "
        "(default for fal, replicate, runway: the provider's own API)",
    )
    parser.add_argument(
        "--kind",
        choices=[k.value for k in ConnectionKind],
        default=None,
        help="with --base-url, or alone for fal, replicate, runway (default: compatible)",
    )
    env = ", ".join(f"{k.value}: {v}" for k, v in PROVIDER_ENV_VARS.items())
    parser.add_argument(
        "--api-key-env",
        default=None,
        metavar="VAR",
        help=f"environment variable holding the key (without a profile; default {env})",
    )


def add_give_up(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--give-up-after",
        type=seconds_or_more,
        default=600.0,
        metavar="SECONDS",
        help="stop retrying after this long without network (default: 600)",
    )
