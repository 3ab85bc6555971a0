"""``sora-desktop``: no subcommand opens the window; subcommands run the engine headless.

Exit codes (``core.errors.ExitCode``): 0 ok, 1 unexpected, 2 invalid input, 3 authentication
or access, 4 the service failed the job (e.g. moderation), 5 assets expired, 6 network or
service trouble after retries, 7 local disk or library trouble, 130 interrupted. Every
failure prints ONE line on stderr: ``error: <what happened> <what to do>``.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import logging
import os
import signal
import sys
import traceback
from types import FrameType

from .. import __version__
from ..core.errors import ExitCode, SoraError
from . import generate, library, profiles
from .runtime import Runtime

log = logging.getLogger("sora_desktop.cli")


def build_parser() -> argparse.ArgumentParser:
    # Options every subcommand takes; SUPPRESS keeps a subcommand from overwriting the value
    # given before the subcommand name.
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--data-dir",
        default=argparse.SUPPRESS,
        metavar="DIR",
        help="keep settings, library and logs under DIR",
    )
    common.add_argument(
        "--debug",
        action="store_true",
        default=argparse.SUPPRESS,
        help="verbose log and tracebacks on stderr",
    )

    parser = argparse.ArgumentParser(
        prog="sora-desktop",
        description="Generate, watch, keep and export short AI videos. Without a command the "
        "window opens.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="check the installation (video, audio, keyring, simulator) and exit",
    )
    parser.add_argument(
        "--data-dir", default=None, metavar="DIR", help="keep settings, library and logs under DIR"
    )
    parser.add_argument("--debug", action="store_true", default=False)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    generate.add_parsers(sub, common)
    library.add_parsers(sub, common)
    profiles.add_parsers(sub, common)
    return parser


def _open_gui(argv: list[str], data_dir: str | None) -> int:
    try:
        from ..gui.app import run
    except ModuleNotFoundError as exc:
        if exc.name not in ("sora_desktop.gui.app", "sora_desktop.gui"):
            raise  # a module that exists but is broken must not be hidden
        print(
            "error: The window is not part of this build. Use a command: sora-desktop -h",
            file=sys.stderr,
        )
        return int(ExitCode.UNEXPECTED)
    return run(argv, data_dir)


def _self_test() -> int:
    try:
        from ..selftest import run_self_test
    except ModuleNotFoundError as exc:
        if exc.name != "sora_desktop.selftest":
            raise
        print("error: The self-test is not part of this build.", file=sys.stderr)
        return int(ExitCode.UNEXPECTED)
    return run_self_test()


def _sigterm(_signum: int, _frame: FrameType | None) -> None:
    raise KeyboardInterrupt


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.self_test:
        return _self_test()
    if args.command is None:
        return _open_gui(argv, args.data_dir)
    debug = bool(args.debug)
    rt: Runtime | None = None
    previous = signal.getsignal(signal.SIGTERM)
    try:
        signal.signal(signal.SIGTERM, _sigterm)
    except ValueError:  # not the main thread (tests calling main() from a worker)
        previous = None
    try:
        rt = Runtime.create(args)
        handler = args.handler
        return int(handler(args, rt))
    except SoraError as err:
        log.info("command failed: %s (%s)", err.kind, err.one_line())
        print(f"error: {err.one_line()}", file=sys.stderr)
        return int(err.exit_code)
    except BrokenPipeError:  # `sora-desktop history | head`: the reader left, nothing to say
        with contextlib.suppress(OSError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return int(ExitCode.UNEXPECTED)
    except (KeyboardInterrupt, asyncio.CancelledError):  # Ctrl+C, or SIGTERM mid-command
        print("error: Stopped. Unfinished jobs continue with: sora-desktop resume", file=sys.stderr)
        return int(ExitCode.CANCELLED)
    except Exception as exc:
        log.exception("unexpected failure in %s", args.command)
        where = rt.log_path if rt is not None and rt.log_path else "the log"
        print(
            f"error: Unexpected problem ({type(exc).__name__}). Details are in {where}.",
            file=sys.stderr,
        )
        if debug:
            traceback.print_exc()
        return int(ExitCode.UNEXPECTED)
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)
