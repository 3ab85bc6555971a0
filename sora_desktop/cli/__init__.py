"""``sora-desktop``: no subcommand opens the window; subcommands run the engine headless.

Exit codes (``core.errors.ExitCode``): 0 ok, 1 unexpected, 2 invalid input, 3 authentication
or access, 4 the service failed the job (e.g. moderation), 5 assets expired, 6 network or
service trouble after retries, 7 local disk or library trouble, 8 outcome unknown (a create's
reply was lost and fal or Runway can't say whether it arrived), 130 interrupted. Every
failure prints ONE line on stderr: ``error: <what happened> <what to do>``.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import logging
import os
import sys
import traceback
from types import FrameType
from typing import TYPE_CHECKING, NoReturn

from sora_desktop import __version__
from sora_desktop.core.errors import ExitCode, SoraError

if TYPE_CHECKING:
    from sora_desktop.cli.runtime import Runtime

log = logging.getLogger("sora_desktop.cli")

#: The one line after Ctrl+C (or SIGTERM) when the command set no ``args.stopped`` of its
#: own: one that makes no job (history, export, models, ...) has nothing for resume to finish.
STOPPED = "Stopped."


def _top_level(parser: argparse.ArgumentParser) -> None:
    """The options before any subcommand (``_window_only`` knows them too)."""
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="check the installation (video, audio, keyring, simulator) and exit",
    )
    parser.add_argument(
        "--data-dir", default=None, metavar="DIR", help="keep settings, library and logs under DIR"
    )
    parser.add_argument(
        "--debug", action="store_true", default=False, help="verbose log and tracebacks on stderr"
    )


_WINDOW_FLAGS = {"--self-test": "self_test", "--debug": "debug"}


def _window_only(argv: list[str]) -> argparse.Namespace | None:
    """``argv``'s options when it surely opens the window (or runs the self-test): nothing
    but ``--self-test``, ``--debug`` and ``--data-dir DIR`` / ``--data-dir=DIR`` (the last
    one given wins, as with argparse). Otherwise None, and the full parser decides with its
    usual messages: a subcommand, help, version, an abbreviation, a missing value, anything
    else.

    Read by hand, not by an argparse parser: making one costs ~10 M instructions before the
    window's first paint (argparse looks each of its own texts up in gettext's catalogues,
    on disk, and that imports ``locale``), and the subcommands' parsers pull in asyncio and
    the engine. None is always safe: the full parser gives these options the same values."""
    options: dict[str, object] = {"self_test": False, "data_dir": None, "debug": False}
    rest = iter(argv)
    for arg in rest:
        if arg in _WINDOW_FLAGS:
            options[_WINDOW_FLAGS[arg]] = True
        elif arg == "--data-dir":
            value = next(rest, None)
            if value is None or value.startswith("-"):  # argparse's to judge
                return None
            options["data_dir"] = value
        elif arg.startswith("--data-dir="):
            options["data_dir"] = arg.partition("=")[2]
        else:
            return None
    return argparse.Namespace(command=None, **options)


class _OneLineParser(argparse.ArgumentParser):
    """Refused arguments get the CLI's one ``error:`` line (exit 2) with where to read more,
    not argparse's usage block; every subcommand's parser is of this class too."""

    #: the commands an unknown one is offered instead (None: argparse's own list, which
    #: would name the hidden ``batch-resume`` & co. that ``batch resume`` is parsed as)
    commands: list[str] | None = None

    def error(self, message: str) -> NoReturn:
        import difflib  # only a refused command line needs them, not the window's start
        import re

        unknown = re.match(r"argument COMMAND: invalid choice: '?([^' ]*)'? \(", message)
        if self.commands is not None and unknown:
            given = unknown.group(1)
            message = f"there is no command {given!r}"
            starts = [c for c in self.commands if given and c.startswith(given)]
            close = starts or difflib.get_close_matches(given, self.commands, n=1)
            message += f" (did you mean {close[0]!r}?)" if close else ""
            message += f"; the commands: {', '.join(self.commands)}"
        text = message[:1].upper() + message[1:]
        self.exit(int(ExitCode.INVALID_INPUT), f"error: {text}. See: {self.prog} --help\n")


def build_parser() -> argparse.ArgumentParser:
    from sora_desktop.cli import (
        batch,
        generate,
        library,
        media,
        models,
        profiles,
        remix,
        resend,
        resume,
        story,
    )

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

    parser = _OneLineParser(
        prog="sora-desktop",
        description="Generate, watch, keep and export short AI videos. Without a command the "
        "window opens.",
    )
    _top_level(parser)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    generate.add_parsers(sub, common)
    resume.add_parsers(sub, common)
    batch.add_parsers(sub, common)
    library.add_parsers(sub, common)
    models.add_parsers(sub, common)
    resend.add_parsers(sub, common)
    profiles.add_parsers(sub, common)
    story.add_parsers(sub, common)
    media.add_parsers(sub, common)
    remix.add_parsers(sub, common)
    _with_exit_codes(parser)
    parser.commands = [choice.dest for choice in sub._choices_actions]  # the listed ones
    return parser


#: The end of every command's ``--help`` (docs/cli.md, "Exit codes and errors").
EXIT_CODES = (
    "Exit codes: 0 done; 1 unexpected problem (details in the log); 2 invalid input, refused "
    "before anything is sent; 3 authentication or access (key, keyring, deployment); 4 the "
    "service failed the job (batch: rows failed); 5 the video's assets expired; 6 network or "
    "service trouble that outlasted --give-up-after; 7 local disk or library trouble; 8 "
    "outcome unknown, a create's reply was lost (it may have been charged: check the "
    "provider's dashboard); 130 stopped by Ctrl+C. Results go to stdout; progress, notes and "
    "the one 'error:' line of a failure to stderr. See docs/cli.md."
)


def _with_exit_codes(parser: argparse.ArgumentParser) -> None:
    parser.epilog = parser.epilog or EXIT_CODES
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub in set(action.choices.values()):
                _with_exit_codes(sub)


def _open_gui(argv: list[str], data_dir: str | None) -> int:
    # Start-up allocates a lot (Qt, its enums, the widgets) and frees almost nothing: the
    # cyclic GC would only rescan it. The window's GuiGarbageCollector takes over from here
    # (on a timer, on the GUI thread); the automatic GC is back when the window has closed.
    gc_was_enabled = gc.isenabled()
    gc.disable()
    try:
        from sora_desktop.gui.app import run

        return run(argv, data_dir)
    finally:
        if gc_was_enabled:
            gc.enable()


def _self_test() -> int:
    from sora_desktop.core.qt_pair import installed_pyside_version, unsupported_pair

    problem = unsupported_pair(installed_pyside_version())  # the self-test plays a clip in Qt
    if problem is not None:
        print(f"error: {problem.one_line()}", file=sys.stderr)
        return int(problem.exit_code)
    from sora_desktop.selftest import run_self_test

    return run_self_test()


def _output_never_fails_on_a_character() -> None:
    """A pipe or file whose encoding can't hold a character (a Windows pipe is cp1252: a
    Chinese profile name, an emoji) gets "?" in its place instead of the command failing.
    ``PYTHONUTF8=1`` or ``PYTHONIOENCODING=utf-8`` gives the characters themselves."""
    for stream in (sys.stdout, sys.stderr):
        encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "")
        if encoding != "utf8" and getattr(stream, "errors", None) == "strict":
            with contextlib.suppress(AttributeError, ValueError):  # not a TextIOWrapper
                stream.reconfigure(errors="replace")  # type: ignore[union-attr]


def _sigterm(_signum: int, _frame: FrameType | None) -> None:
    raise KeyboardInterrupt


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    args = _window_only(argv)
    if args is None:
        from sora_desktop.cli.batch import rewrite_argv

        args = build_parser().parse_args(rewrite_argv(argv))
    if args.self_test:
        return _self_test()
    if args.command is None:
        return _open_gui(argv, args.data_dir)
    return _run_command(args)


def _run_command(args: argparse.Namespace) -> int:
    import asyncio  # after the window's fast path: only the subcommands need it
    import signal  # (it makes its enums as it is imported: not for the window)

    from sora_desktop.cli.runtime import Runtime, follow_up

    _output_never_fails_on_a_character()
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
        print(f"error: {follow_up(err.one_line(), args.data_dir)}", file=sys.stderr)
        return int(err.exit_code)
    except BrokenPipeError:  # `sora-desktop history | head`: the reader left, nothing to say
        with contextlib.suppress(OSError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return int(ExitCode.UNEXPECTED)
    except (KeyboardInterrupt, asyncio.CancelledError):  # Ctrl+C, or SIGTERM mid-command
        # what was left and how to go on depends on the command (and how far it got)
        stopped = getattr(args, "stopped", STOPPED)
        print(f"error: {follow_up(stopped, args.data_dir)}", file=sys.stderr)
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
