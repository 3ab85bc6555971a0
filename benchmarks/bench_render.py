"""Benchmark the simulator's renderer: a 1280x720, 8 s clip, several times.

Prints the median wall-clock seconds per render (and the runs) and writes nothing else:
each render goes to a temporary folder that is removed afterwards.

    .venv/bin/python benchmarks/bench_render.py [--runs 5] [--size 1280x720] [--seconds 8]

With ``--compare OTHER.py`` (another version of ``sora_desktop/simulator/render.py``, e.g. a
copy of an older commit's file) the two renderers run alternately in this one process, the
same prompts for both, and the ratio of their medians is printed: side by side, so the
figure holds on a shared machine.

    git show HEAD~1:sora_desktop/simulator/render.py > /tmp/render_old.py
    .venv/bin/python benchmarks/bench_render.py --compare /tmp/render_old.py
"""

from __future__ import annotations

import argparse
import importlib.util
import statistics
import sys
import tempfile
import time
from pathlib import Path
from types import ModuleType

import sora_desktop.simulator.render as current


def _load(path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_render_other", path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"cannot load {path}")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


def _render_once(renderer: ModuleType, prompt: str, width: int, height: int, seconds: int) -> float:
    spec = renderer.RenderSpec(width, height, (renderer.Segment(prompt, seconds),))
    with tempfile.TemporaryDirectory(prefix="sora-bench-") as tmp:
        started = time.perf_counter()
        renderer.render_clip(spec, Path(tmp))
        return time.perf_counter() - started


def _summary(label: str, times: list[float]) -> str:
    runs = ", ".join(f"{t:.2f}" for t in times)
    return f"{label}: median {statistics.median(times):.2f} s (runs: {runs})"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--size", default="1280x720")
    parser.add_argument("--seconds", type=int, default=8)
    parser.add_argument(
        "--compare", type=Path, help="another render.py to time alternately with this one"
    )
    args = parser.parse_args(argv)
    width, height = (int(v) for v in args.size.split("x"))
    renderers = {"current": current}
    if args.compare is not None:
        renderers["other"] = _load(args.compare)
    times: dict[str, list[float]] = {label: [] for label in renderers}
    for i in range(args.runs):
        # a different prompt per run, so nothing is reused between runs
        prompt = f"Benchmark run {i}: a paper boat drifting on a calm pond at golden hour"
        # alternate which renderer goes first, so neither always gets the warmer machine
        order = list(renderers.items())
        if i % 2:
            order.reverse()
        for label, renderer in order:
            times[label].append(_render_once(renderer, prompt, width, height, args.seconds))
    head = f"render {args.size} {args.seconds}s x{args.runs}"
    if args.compare is None:
        print(_summary(head, times["current"]))
        return 0
    print(head)
    print(_summary("  current", times["current"]))
    print(_summary(f"  {args.compare}", times["other"]))
    ratio = statistics.median(times["current"]) / statistics.median(times["other"])
    print(f"  current/other = {ratio:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
