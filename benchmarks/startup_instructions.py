"""Instructions to the first paint (``valgrind --tool=callgrind``): the app vs the bare window.

Instruction counts barely move with the machine's load, so on a busy machine they are the
guide that wall-clock medians (``bench_startup.py``) cannot be. Each program runs once under
callgrind (no cache simulation) and ends with ``os._exit`` right at its first paint, so
teardown is not counted. ``PYTHONHASHSEED=0`` fixes the hash seed; bytecode is written by a
first run outside valgrind, as an installed app has it.

::

    .venv/bin/python benchmarks/startup_instructions.py [--compare SRC] [--runs 1]
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from bench_startup import BARE, STAMP

# Runs the program given after it, leaving the process at the first-paint stamp.
EXIT_AT_PAINT = r"""
import builtins, os, runpy, sys
STAMP = os.environ["PAINT_STAMP"]
_print = builtins.print
def _exit_at_paint(*args, **kwargs):
    if args and str(args[0]).startswith(STAMP):
        sys.stdout.flush()
        os._exit(0)
    _print(*args, **kwargs)
builtins.print = _exit_at_paint
what = sys.argv[1]
sys.argv = sys.argv[1:]
if what == "-c":
    sys.argv = ["-c"]
    exec(compile(os.environ["BARE_SOURCE"], "<bare>", "exec"), {"__name__": "__main__"})
else:
    runpy.run_module(what, run_name="__main__", alter_sys=True)
"""


def _count(args: list[str], env: dict[str, str], cwd: str) -> int:
    with tempfile.TemporaryDirectory(prefix="cg-") as out:
        cmd = [
            "valgrind",
            "--tool=callgrind",
            f"--callgrind-out-file={out}/cg.out",
            sys.executable,
            "-c",
            EXIT_AT_PAINT,
            *args,
        ]
        done = subprocess.run(cmd, env=env, cwd=cwd, capture_output=True, text=True, check=False)
        found = re.findall(r"Collected : (\d+)", done.stderr)
        if done.returncode != 0 or not found:
            raise SystemExit(f"callgrind failed for {args[:2]}: {done.stderr[-2000:]}")
        return int(found[-1])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--compare", metavar="SRC", default=None)
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--only", choices=("app", "bare", "other"), action="append")
    args = parser.parse_args(argv)
    if shutil.which("valgrind") is None:
        raise SystemExit("valgrind is not installed (apt-get install valgrind)")
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
        "SORA_DESKTOP_QUIT_AFTER_SHOWN": "1",
        "PYTHONHASHSEED": "0",
        "BARE_SOURCE": BARE,
        "PAINT_STAMP": STAMP,
    }
    env.pop("SORA_DESKTOP_DATA_DIR", None)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    with tempfile.TemporaryDirectory(prefix="sora-cg-") as tmp:
        contenders: dict[str, tuple[list[str], dict[str, str]]] = {
            "app": (["sora_desktop", "--data-dir", str(Path(tmp) / "d")], env),
            "bare": (["-c"], env),
        }
        if args.compare:
            other = {**env, "PYTHONPATH": str(Path(args.compare).resolve())}
            contenders["other"] = (["sora_desktop", "--data-dir", str(Path(tmp) / "o")], other)
        if args.only:
            contenders = {k: v for k, v in contenders.items() if k in args.only}
        for cmd, cmd_env in contenders.values():  # data folders, bytecode
            subprocess.run(
                [sys.executable, "-c", EXIT_AT_PAINT, *cmd],
                env=cmd_env,
                cwd=tmp,
                check=True,
                capture_output=True,
            )
        counts: dict[str, list[int]] = {name: [] for name in contenders}
        for _ in range(args.runs):
            for name, (cmd, cmd_env) in contenders.items():
                counts[name].append(_count(cmd, cmd_env, tmp))
                print(f"  {name}: {counts[name][-1] / 1e6:,.1f} M", flush=True)
    print(f"load average {os.getloadavg()[0]:.1f}")
    for name, got in counts.items():
        line = f"{name:<6} {min(got) / 1e6:9,.1f} M instructions to the first paint"
        if "bare" in counts and name != "bare":
            line += f"  ({min(got) / min(counts['bare']):.2f}x the bare window)"
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
