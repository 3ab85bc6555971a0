"""End to end, as the creator meets it: ``sora-desktop generate ... --out DIR`` vs curl + cp.

A simulator runs in its own process (``python -m sora_desktop.simulator``) and serves the
same clip padded to two sizes (``[sim:pad=1]`` and ``[sim:pad=300]``: one render, cached).
Each round runs, alternating, as fresh processes:

- **ours**: the whole CLI, ``sora-desktop generate --prompt ... --out OUT`` (create, poll,
  download into the library with ``.part`` + fsync, thumbnail, export into OUT with fsync);
- **curl+cp**: ``curl -o LIB/clip.mp4 URL`` then ``cp LIB/clip.mp4 OUT/`` of the same bytes
  to the same two places (no create, no poll, no fsync);
- **curl+cp+sync** (informational): the same followed by ``sync FILE...`` (coreutils: fsync
  of both files), the durable work the CLI does;
- **ours-nofsync** (informational, where ``eatmydata`` is installed): the CLI with fsync made a
  no-op by libeatmydata, to tell the cost of durability from the cost of the code;
- **other** (with ``--compare SRC``): the CLI of another source tree, e.g. before a change.

Per size it reports wall time (spawn to exit), CPU time (user + system) and peak RSS
(``ru_maxrss`` of each child, read with ``os.wait4``), then the **extra** of the large result
over the small one (median of each round's difference) and the ratios ours/curl+cp. CPU time
is much less disturbed than wall time by other work on a shared machine. Fixed costs
(interpreter start, create and poll, thumbnail) cancel out in the extra; they show in the
absolute figures.

::

    .venv/bin/python benchmarks/bench_e2e.py [-n 7] [--mb 300] [--latency 0.3]

This process stays lean (standard library only) because a child's ``ru_maxrss`` on Linux
starts from the parent's size at spawn; the parent's own peak is printed as that floor.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

try:
    import resource
except ImportError:  # pragma: no cover - Windows: no ru_maxrss through wait4
    resource = None  # type: ignore[assignment]

PROMPT = "an end to end benchmark clip"
KEY = "bench-key"
TIMEOUT = 600.0


def _maxrss_mb(ru_maxrss: int) -> float:
    return ru_maxrss / (1024 * 1024) if sys.platform == "darwin" else ru_maxrss / 1024


@dataclass(frozen=True)
class Sample:
    wall: float  # seconds from spawn to exit
    peak: float  # peak RSS, MB
    cpu: float  # user + system CPU seconds

    def __add__(self, other: Sample) -> Sample:
        """Two processes run one after the other."""
        return Sample(self.wall + other.wall, max(self.peak, other.peak), self.cpu + other.cpu)


def run(cmd: Sequence[str], env: dict[str, str] | None = None, cwd: Path | None = None) -> Sample:
    """Wall time, peak RSS and CPU time of one child process."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        list(cmd), env=env, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
    )
    watchdog = threading.Timer(TIMEOUT, proc.kill)
    watchdog.start()
    try:
        if hasattr(os, "wait4"):
            _pid, status, usage = os.wait4(proc.pid, 0)
            wall = time.perf_counter() - start
            proc.returncode = os.waitstatus_to_exitcode(status)
            peak = _maxrss_mb(usage.ru_maxrss)
            cpu = usage.ru_utime + usage.ru_stime
        else:  # pragma: no cover - Windows
            proc.wait()
            wall = time.perf_counter() - start
            peak = cpu = float("nan")
    finally:
        watchdog.cancel()
    assert proc.stderr is not None
    err = proc.stderr.read()
    proc.stderr.close()
    if proc.returncode != 0:
        raise SystemExit(f"{cmd[0]} ... failed ({proc.returncode}):\n{err[-2000:]}")
    return Sample(wall, peak, cpu)


def _request(url: str, body: dict[str, str] | None = None) -> dict[str, object]:
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(url, data=data, headers={"Authorization": f"Bearer {KEY}"})
    if data is not None:
        req.add_header("Content-Type", "application/json")
    with urllib.request.urlopen(req, timeout=60) as response:
        result: dict[str, object] = json.load(response)
        return result


def make_video(base: str, prompt: str) -> str:
    """Create a job on the simulator and wait until its content can be fetched."""
    created = _request(f"{base}/videos", {"prompt": prompt, "size": "720x1280", "seconds": "4"})
    video_id = str(created["id"])
    deadline = time.monotonic() + 300
    while _request(f"{base}/videos/{video_id}")["status"] != "completed":
        if time.monotonic() > deadline:
            raise SystemExit("the simulator did not finish the render in 300 s")
        time.sleep(0.1)
    return video_id


def start_simulator(latency: float) -> tuple[subprocess.Popen[str], str]:
    proc = subprocess.Popen(
        [sys.executable, "-m", "sora_desktop.simulator", "--port", "0", "--latency", str(latency)],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    assert proc.stdout is not None
    for line in proc.stdout:
        found = re.search(r"OpenAI-style base URL: (\S+)", line)
        if found:
            return proc, found.group(1)
    raise SystemExit("the simulator did not start")


def stop_simulator(proc: subprocess.Popen[str]) -> None:
    # Ctrl+C lets it stop its render pool and remove its scratch folder
    proc.send_signal(signal.SIGINT if os.name != "nt" else signal.SIGTERM)
    try:
        proc.wait(timeout=30)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
    if proc.stdout is not None:
        proc.stdout.close()


def _empty(*dirs: Path) -> None:
    for directory in dirs:
        if directory.exists():
            shutil.rmtree(directory)
        directory.mkdir(parents=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=7, help="rounds (default 7)")
    parser.add_argument("--mb", type=int, default=300, help="large result in MB (default 300)")
    parser.add_argument("--small-mb", type=int, default=1, help="small result in MB (default 1)")
    parser.add_argument("--latency", type=float, default=0.3, help="simulator seconds per job")
    parser.add_argument("--dir", default=None, help="scratch folder (default: system temp)")
    parser.add_argument(
        "--compare",
        default=None,
        metavar="SRC",
        help="also run the CLI of another source tree (a folder holding sora_desktop/, e.g. "
        "`git archive main | tar -x -C SRC`) in the same rounds, as contender 'other'",
    )
    args = parser.parse_args(argv)
    if not shutil.which("curl"):
        raise SystemExit("curl is needed for the comparison")
    has_sync = sys.platform.startswith("linux") and shutil.which("sync") is not None
    sizes = (args.small_mb, args.mb)

    env = {**os.environ, "SORA_BENCH_KEY": KEY}
    # an installed (or frozen) app has its bytecode cached: let the warm-up run write it
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.pop("SORA_DESKTOP_DATA_DIR", None)
    sim, base = start_simulator(args.latency)
    try:
        ids = {mb: make_video(base, f"{PROMPT} [sim:pad={mb}]") for mb in sizes}
        with tempfile.TemporaryDirectory(prefix="sora-e2e-", dir=args.dir) as tmp:
            root = Path(tmp)

            def ours(
                mb: int, prefix: Sequence[str] = (), tag: str = "", source: str | None = None
            ) -> Callable[[], Sample]:
                data, out = root / f"data-{tag}{mb}", root / f"out-{tag}{mb}"
                run_env = env if source is None else {**env, "PYTHONPATH": source}
                cmd = [
                    *prefix,
                    sys.executable,
                    "-m",
                    "sora_desktop",
                    "generate",
                    "--data-dir",
                    str(data),
                    "--base-url",
                    base,
                    "--api-key-env",
                    "SORA_BENCH_KEY",
                    "--prompt",
                    f"{PROMPT} [sim:pad={mb}]",
                    "--size",
                    "720x1280",
                    "--seconds",
                    "4",
                    "--out",
                    str(out),
                ]

                def go() -> Sample:
                    _empty(out)
                    for clip in (data / "data" / "videos").glob("*.mp4"):
                        clip.unlink()
                    # not from the checkout: `-m` would put its sora_desktop before PYTHONPATH
                    return run(cmd, run_env, cwd=root)

                return go

            def curl_cp(mb: int, sync: bool) -> Callable[[], Sample]:
                lib, out = root / f"curl-lib-{mb}", root / f"curl-out-{mb}"
                clip, copy = lib / "clip.mp4", out / "clip.mp4"
                url = f"{base}/videos/{ids[mb]}/content?variant=video"
                fetch = ["curl", "-sS", "--fail", "-o", str(clip)]
                fetch += ["-H", f"Authorization: Bearer {KEY}", url]

                def go() -> Sample:
                    _empty(lib, out)
                    sample = run(fetch) + run(["cp", str(clip), str(copy)])
                    if sync:
                        sample += run(["sync", str(clip), str(copy)])
                    return sample

                return go

            contenders: dict[str, Callable[[int], Callable[[], Sample]]] = {
                "ours": ours,
                "curl+cp": lambda mb: curl_cp(mb, False),
            }
            if has_sync:
                contenders["curl+cp+sync"] = lambda mb: curl_cp(mb, True)
            eatmydata = shutil.which("eatmydata")
            if eatmydata:
                contenders["ours-nofsync"] = lambda mb: ours(mb, (eatmydata,), "nofsync-")
            if args.compare:
                source = str(Path(args.compare).resolve())
                contenders["other"] = lambda mb: ours(mb, (), "other-", source)
            runs = {(name, mb): make(mb) for name, make in contenders.items() for mb in sizes}
            for go in runs.values():  # warm-up: bytecode, library creation, page cache
                go()
            results: dict[tuple[str, int], list[Sample]] = {k: [] for k in runs}
            loads: list[float] = []
            for round_no in range(args.n):
                order = list(runs)
                if round_no % 2:
                    order.reverse()
                for key in order:
                    results[key].append(runs[key]())
                if hasattr(os, "getloadavg"):
                    loads.append(os.getloadavg()[0])
    finally:
        stop_simulator(sim)

    small, large = sizes
    print(f"end to end: {args.n} alternating rounds, results of {small} MB and {large} MB")
    if loads:
        print(f"load average (1 min) during the rounds: {min(loads):.1f}-{max(loads):.1f}")
    if resource is not None:
        floor = _maxrss_mb(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
        print(f"peak RSS floor (this process at spawn): {floor:.0f} MB")
    wall_head = "wall s: median (min-max)"
    print(f"{'contender':<13} {'size':>6} {wall_head:>25} {'CPU s':>6} {'peak MB':>8}")
    extra: dict[str, tuple[float, float, float]] = {}
    for name in contenders:
        for mb in sizes:
            got = results[(name, mb)]
            walls = [r.wall for r in got]
            spread = f"{statistics.median(walls):.2f} ({min(walls):.2f}-{max(walls):.2f})"
            cpu = statistics.median(r.cpu for r in got)
            peak = statistics.median(r.peak for r in got)
            print(f"{name:<13} {mb:>4}MB {spread:>25} {cpu:>6.2f} {peak:>8.0f}")
        pairs = list(zip(results[(name, large)], results[(name, small)], strict=True))
        extra[name] = (
            statistics.median(big.wall - little.wall for big, little in pairs),
            statistics.median(big.cpu - little.cpu for big, little in pairs),
            statistics.median(big.peak - little.peak for big, little in pairs),
        )
    print(f"extra for {large} MB over {small} MB (median of the rounds' differences):")
    for name, (seconds, cpu, mem) in extra.items():
        print(f"  {name:<13} time {seconds:+.2f} s   CPU {cpu:+.2f} s   peak memory {mem:+.0f} MB")
    shown = [
        ("ours", "curl+cp"),
        ("ours", "curl+cp+sync"),
        ("ours-nofsync", "curl+cp"),
        ("ours", "other"),
    ]
    for mine, theirs in shown:
        if mine in extra and theirs in extra and extra[theirs][0] > 0:
            ratio = extra[mine][0] / extra[theirs][0]
            cpu_ratio = extra[mine][1] / extra[theirs][1] if extra[theirs][1] > 0 else float("nan")
            print(f"  {mine} / {theirs}: extra time {ratio:.2f}, extra CPU {cpu_ratio:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
