"""``sora-desktop``: no arguments opens the window; subcommands run headless."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    from sora_desktop.cli import main as cli_main

    return cli_main(sys.argv[1:] if argv is None else argv)


if __name__ == "__main__":
    # The built-in simulator renders in "spawn" worker processes: in a frozen app the worker
    # starts as this executable, and freeze_support() turns it into the worker right here.
    # (A spawned worker imports this module as "__mp_main__", so the CLI below never runs.)
    if getattr(sys, "frozen", False):  # a no-op otherwise: skip importing multiprocessing
        import multiprocessing

        multiprocessing.freeze_support()
    sys.exit(main())
