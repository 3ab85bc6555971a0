"""Stitch clips into one film with the engine, as a whole process (what the benchmark times).

    .venv/bin/python benchmarks/stitch_once.py OUT.mp4 CLIP... [--reencode] [--preset P]

Until the command line has its ``stitch`` command (issue 12's second step) this tiny script
stands in for ``sora-desktop stitch``: the same engine function, a fresh interpreter.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from sora_desktop.core.stitch import stitch


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("out", type=Path)
    parser.add_argument("clips", type=Path, nargs="+")
    parser.add_argument("--reencode", action="store_true")
    parser.add_argument("--preset", default="veryfast")
    args = parser.parse_args(argv)
    result = stitch(
        args.clips, args.out, overwrite=True, reencode=args.reencode, preset=args.preset
    )
    print(result.path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
