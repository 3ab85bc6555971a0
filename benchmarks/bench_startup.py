"""Cold start to first paint: ``sora-desktop`` vs a bare PySide6 window holding a QMediaPlayer.

Both are run as fresh processes, alternating (N runs each), with the same quit-after-first-
paint mechanism. Three figures each, medians and their ratios printed:

- to first paint: from just before the process is spawned to the first paint event, which
  both print on stdout as ``first-paint-perf-counter: <time.perf_counter()>`` (a system-wide
  monotonic clock on Linux, macOS and Windows, so the parent can compare it);
- process total: spawn to exit (what the first version of this benchmark reported; it also
  counts tearing the interpreter down after the paint);
- CPU time from spawn to exit (user + system, ``os.wait4``): the work done, which a busy
  machine disturbs much less than the wall-clock figures.

::

    .venv/bin/python benchmarks/bench_startup.py [-n 7] [--platform offscreen]

"Cold" here means a new interpreter each time (the OS file cache stays warm, as it would for
a user who has opened the app before).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BARE = r"""
import sys
import time
from PySide6.QtCore import QEvent, QTimer
from PySide6.QtMultimedia import QAudioOutput, QMediaPlayer
from PySide6.QtMultimediaWidgets import QVideoWidget
from PySide6.QtWidgets import QApplication, QMainWindow

class Window(QMainWindow):
    painted = False
    def event(self, e):
        r = super().event(e)
        if e.type() == QEvent.Type.Paint and not self.painted:
            self.painted = True
            print(f"first-paint-perf-counter: {time.perf_counter()!r}", flush=True)
            QTimer.singleShot(0, QApplication.quit)
        return r

app = QApplication(sys.argv)
w = Window()
w.setWindowTitle("bare")
video = QVideoWidget()
player = QMediaPlayer()
audio = QAudioOutput()
player.setAudioOutput(audio)
player.setVideoOutput(video)
w.setCentralWidget(video)
w.resize(1360, 840)
w.show()
app.exec()
"""


STAMP = "first-paint-perf-counter:"


def _time(cmd: list[str], env: dict[str, str]) -> tuple[float, float, float]:
    """(seconds to the first paint, seconds to exit, CPU seconds to exit) of one process."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True
    )
    assert proc.stdout is not None
    out = proc.stdout.read()
    proc.stdout.close()
    if hasattr(os, "wait4"):
        _pid, status, usage = os.wait4(proc.pid, 0)
        total = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        cpu = usage.ru_utime + usage.ru_stime
    else:  # pragma: no cover - Windows: no rusage of a child
        proc.wait()
        total = time.perf_counter() - start
        cpu = float("nan")
    if proc.returncode != 0:
        raise SystemExit(f"{cmd[:3]} failed ({proc.returncode})")
    stamps = [line for line in out.splitlines() if line.startswith(STAMP)]
    if not stamps:
        raise SystemExit(f"no {STAMP!r} line from {cmd[:3]}: did it paint?")
    return float(stamps[0].split()[1]) - start, total, cpu


def _line(name: str, times: list[float]) -> str:
    ms = [t * 1000 for t in times]
    return (
        f"  {name:<28} median {statistics.median(ms):4.0f} ms "
        f"(min {min(ms):.0f}, max {max(ms):.0f})"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=7, help="runs of each (default 7)")
    parser.add_argument("--platform", default=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    args = parser.parse_args(argv)
    env = {**os.environ, "QT_QPA_PLATFORM": args.platform, "SORA_DESKTOP_QUIT_AFTER_SHOWN": "1"}
    env.pop("SORA_DESKTOP_DATA_DIR", None)
    # An installed (or frozen) app has its bytecode cached: let the warm-up run write it.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    with tempfile.TemporaryDirectory(prefix="sora-bench-") as tmp:
        app_cmd = [sys.executable, "-m", "sora_desktop", "--data-dir", str(Path(tmp) / "d")]
        bare_cmd = [sys.executable, "-c", BARE]
        _time(app_cmd, env)  # first run creates the data folders and library: not measured
        _time(bare_cmd, env)
        app_times: list[tuple[float, float]] = []
        bare_times: list[tuple[float, float]] = []
        for _ in range(args.n):
            app_times.append(_time(app_cmd, env))
            bare_times.append(_time(bare_cmd, env))
    load = f", load average {os.getloadavg()[0]:.1f}" if hasattr(os, "getloadavg") else ""
    print(f"platform: {args.platform}, runs: {args.n} each (alternating){load}")
    figures = (
        (0, "to first paint"),
        (1, "process total (spawn to exit)"),
        (2, "CPU time, spawn to exit (user + system; least disturbed by a busy machine)"),
    )
    for i, what in figures:
        app = [t[i] for t in app_times]
        bare = [t[i] for t in bare_times]
        pairs = [a / b for a, b in zip(app, bare, strict=True)]
        print(f"{what}:")
        print(_line("sora-desktop", app))
        print(_line("bare PySide6 + QMediaPlayer", bare))
        print(
            f"  ratio app / bare: {statistics.median(app) / statistics.median(bare):.2f} "
            f"(of the medians); median of the {len(pairs)} pairs' ratios "
            f"{statistics.median(pairs):.2f}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
