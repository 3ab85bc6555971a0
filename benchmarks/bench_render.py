"""Benchmark the simulator's renderer: a 1280x720, 8 s clip, several times.

Prints the median wall-clock seconds per render (and the runs) and writes nothing else:
each render goes to a temporary folder that is removed afterwards.

    .venv/bin/python benchmarks/bench_render.py [--runs 5] [--size 1280x720] [--seconds 8]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

from sora_desktop.simulator.render import RenderSpec, Segment, render_clip


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--size", default="1280x720")
    parser.add_argument("--seconds", type=int, default=8)
    args = parser.parse_args(argv)
    width, height = (int(v) for v in args.size.split("x"))
    times: list[float] = []
    for i in range(args.runs):
        # a different prompt per run, so nothing is reused between runs
        prompt = f"Benchmark run {i}: a paper boat drifting on a calm pond at golden hour"
        spec = RenderSpec(width, height, (Segment(prompt, args.seconds),))
        with tempfile.TemporaryDirectory(prefix="sora-bench-") as tmp:
            started = time.perf_counter()
            render_clip(spec, Path(tmp))
            times.append(time.perf_counter() - started)
    runs = ", ".join(f"{t:.2f}" for t in times)
    print(
        f"render {args.size} {args.seconds}s x{args.runs}: "
        f"median {statistics.median(times):.2f} s (runs: {runs})"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
