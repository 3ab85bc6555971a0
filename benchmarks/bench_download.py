"""Download benchmark: our streaming VideoClient.download vs the official SDK vs curl.

Serves one ~300 MB video from the local simulator (a real MP4 plus a padding ``free`` box,
prompt directive ``[sim:pad=MB]``) on loopback, then downloads it once per contender, each in
a fresh subprocess so peak memory (``ru_maxrss``) is its own:

    .venv/bin/python benchmarks/bench_download.py [--mb 300] [--repeat 1] [--compare SRC]

Contenders alternate, ``--repeat`` rounds. Prints one line per contender (best wall time,
peak RSS, RSS added by the download) and the wall-time ratios against curl (or against ours
when curl is missing), of the best runs and of the medians.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

CONTENDERS = ("ours", "sdk", "curl")


def _status_mb(pid: int | str, field: str) -> float | None:
    """``VmHWM``/``VmRSS`` from /proc (Linux), in MB. Unlike ``ru_maxrss``, ``VmHWM`` is not
    inherited from the parent across fork+exec, so a child's peak is its own."""
    try:
        text = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return None
    for line in text.splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    return None


def _rss_mb() -> float:
    """Peak resident set size of this process so far, in MB."""
    peak = _status_mb("self", "VmHWM")
    if peak is not None:
        return peak
    maxrss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return maxrss / (1024 * 1024) if sys.platform == "darwin" else maxrss / 1024


def _child(kind: str, base_url: str, video_id: str, dest: Path) -> dict[str, float]:
    """Run in a fresh process: download once, report wall time and memory."""
    if kind in ("ours", "other"):  # "other": the same code path from another source tree
        from sora_desktop.core.client import VideoClient
        from sora_desktop.core.models import Connection, ConnectionKind

        async def go() -> tuple[float, float]:
            conn = Connection(kind=ConnectionKind.SIMULATOR, base_url=base_url)
            async with VideoClient(conn, "bench") as client:
                before = _rss_mb()
                start = time.perf_counter()
                await client.download(video_id, dest)
                return before, time.perf_counter() - start

        before, wall = asyncio.run(go())
        return {"wall": wall, "rss_before": before, "rss_peak": _rss_mb()}
    if kind == "sdk":
        import openai

        client = openai.OpenAI(base_url=base_url, api_key="bench", max_retries=0)
        before = _rss_mb()
        start = time.perf_counter()
        content = client.videos.download_content(video_id)
        content.write_to_file(dest)
        wall = time.perf_counter() - start
        client.close()
        return {"wall": wall, "rss_before": before, "rss_peak": _rss_mb()}
    if kind == "curl":
        url = f"{base_url}/videos/{video_id}/content?variant=video"
        start = time.perf_counter()
        proc = subprocess.Popen(
            ["curl", "-sS", "--fail", "-o", str(dest), "-H", "Authorization: Bearer bench", url]
        )
        peak = 0.0
        while proc.poll() is None:  # sample curl's own high-water mark until it exits
            peak = max(peak, _status_mb(proc.pid, "VmHWM") or 0.0)
            time.sleep(0.005)
        wall = time.perf_counter() - start
        if proc.returncode != 0:
            raise SystemExit(f"curl failed with {proc.returncode}")
        if peak == 0.0:
            peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        return {"wall": wall, "rss_before": 0.0, "rss_peak": peak}
    raise SystemExit(f"unknown contender {kind}")


async def _prepare(server_url: str, mb: int) -> str:
    from sora_desktop.core.client import VideoClient
    from sora_desktop.core.models import Connection, ConnectionKind, VideoRequest

    conn = Connection(kind=ConnectionKind.SIMULATOR, base_url=f"{server_url}/v1")
    async with VideoClient(conn, "bench") as client:
        created = await client.create(VideoRequest(prompt=f"benchmark clip [sim:pad={mb}]"))
        deadline = time.monotonic() + 120
        while True:
            polled = await client.retrieve(created.video.id)
            if polled.video.status == "completed":
                return created.video.id
            if polled.video.status not in ("queued", "in_progress"):
                raise SystemExit(f"render failed: {polled.video}")
            if time.monotonic() > deadline:
                raise SystemExit("render did not finish in 120 s")
            await asyncio.sleep(polled.poll_after or 0.5)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--mb", type=int, default=300, help="padding in MB (default 300)")
    parser.add_argument(
        "--repeat", type=int, default=1, help="rounds, contenders alternating (best and median)"
    )
    parser.add_argument(
        "--compare",
        default=None,
        metavar="SRC",
        help="also download with another source tree's client (a folder holding sora_desktop/, "
        "e.g. `git archive main | tar -x -C SRC`), as contender 'other', in the same rounds",
    )
    parser.add_argument("--child", nargs=4, metavar=("KIND", "BASE", "ID", "DEST"))
    args = parser.parse_args(argv)
    if args.child:
        kind, base, video_id, dest = args.child
        print(json.dumps(_child(kind, base, video_id, Path(dest))))
        return 0

    from sora_desktop.simulator.server import SimulatorServer

    def other_path(kind: str) -> dict[str, str]:
        return {"PYTHONPATH": str(Path(args.compare).resolve())} if kind == "other" else {}

    contenders = [c for c in CONTENDERS if c != "curl" or shutil.which("curl")]
    if args.compare:
        contenders.append("other")
    results: dict[str, dict[str, float]] = {}
    with SimulatorServer(latency=1.0) as server, tempfile.TemporaryDirectory() as tmp:
        video_id = asyncio.run(_prepare(server.url, args.mb))
        base = f"{server.url}/v1"
        runs: dict[str, list[dict[str, float]]] = {kind: [] for kind in contenders}
        for _ in range(max(1, args.repeat)):  # alternating: a busy spell hits every contender
            for kind in contenders:
                dest = Path(tmp) / f"{kind}.mp4"
                dest.unlink(missing_ok=True)
                out = subprocess.run(
                    [sys.executable, __file__, "--child", kind, base, video_id, str(dest)],
                    check=True,
                    capture_output=True,
                    text=True,
                    env={**os.environ, "PYTHONWARNINGS": "ignore", **other_path(kind)},
                )
                run = json.loads(out.stdout.strip().splitlines()[-1])
                run["bytes"] = dest.stat().st_size
                runs[kind].append(run)
                dest.unlink()
        for kind, got in runs.items():
            results[kind] = min(got, key=lambda r: r["wall"])
            results[kind]["median"] = statistics.median(r["wall"] for r in got)
    size_mb = next(iter(results.values()))["bytes"] / 1e6
    print(f"download of {size_mb:.0f} MB over loopback from the simulator")
    print(f"{'contender':<8} {'wall s':>8} {'MB/s':>8} {'peak RSS MB':>12} {'added MB':>9}")
    for kind, r in results.items():
        added = r["rss_peak"] - r["rss_before"] if kind != "curl" else r["rss_peak"]
        print(
            f"{kind:<8} {r['wall']:>8.2f} {size_mb / r['wall']:>8.0f} "
            f"{r['rss_peak']:>12.0f} {added:>9.0f}"
        )
    ref = "curl" if "curl" in results else "ours"
    ratios = ", ".join(
        f"{kind}/{ref} = {r['wall'] / results[ref]['wall']:.2f}" for kind, r in results.items()
    )
    print(f"wall-time ratios (best runs): {ratios}")
    medians = ", ".join(
        f"{kind}/{ref} = {r['median'] / results[ref]['median']:.2f}" for kind, r in results.items()
    )
    print(f"wall-time ratios (medians): {medians}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
