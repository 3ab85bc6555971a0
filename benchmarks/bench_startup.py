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


def _time(
    cmd: list[str], env: dict[str, str], cwd: str | None = None
) -> tuple[float, float, float]:
    """(seconds to the first paint, seconds to exit, CPU seconds to exit) of one process."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        cmd, env=env, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True
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
    parser.add_argument(
        "--compare",
        default=None,
        metavar="SRC",
        help="also start the app of another source tree (a folder holding sora_desktop/, e.g. "
        "`git archive main | tar -x -C SRC`) in the same rounds",
    )
    args = parser.parse_args(argv)
    env = {**os.environ, "QT_QPA_PLATFORM": args.platform, "SORA_DESKTOP_QUIT_AFTER_SHOWN": "1"}
    env.pop("SORA_DESKTOP_DATA_DIR", None)
    # An installed (or frozen) app has its bytecode cached: let the warm-up run write it.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    with tempfile.TemporaryDirectory(prefix="sora-bench-") as tmp:
        app_cmd = [sys.executable, "-m", "sora_desktop", "--data-dir", str(Path(tmp) / "d")]
        contenders: dict[str, tuple[list[str], dict[str, str]]] = {
            "sora-desktop": (app_cmd, env),
            "bare PySide6 + QMediaPlayer": ([sys.executable, "-c", BARE], env),
        }
        if args.compare:
            other_env = {**env, "PYTHONPATH": str(Path(args.compare).resolve())}
            other_cmd = [*app_cmd[:-1], str(Path(tmp) / "other")]
            contenders["other source tree"] = (other_cmd, other_env)
        # not from a checkout: `-m` would put its sora_desktop before PYTHONPATH
        for cmd, cmd_env in contenders.values():  # creates the data folders, writes bytecode
            _time(cmd, cmd_env, cwd=tmp)
        times: dict[str, list[tuple[float, float, float]]] = {name: [] for name in contenders}
        for _ in range(args.n):
            for name, (cmd, cmd_env) in contenders.items():
                times[name].append(_time(cmd, cmd_env, cwd=tmp))
    load = f", load average {os.getloadavg()[0]:.1f}" if hasattr(os, "getloadavg") else ""
    print(f"platform: {args.platform}, runs: {args.n} each (alternating){load}")
    figures = (
        (0, "to first paint"),
        (1, "process total (spawn to exit)"),
        (2, "CPU time, spawn to exit (user + system; least disturbed by a busy machine)"),
    )
    bare = times["bare PySide6 + QMediaPlayer"]
    for i, what in figures:
        print(f"{what}:")
        for name, got in times.items():
            print(_line(name, [t[i] for t in got]))
        for name, got in times.items():
            if name.startswith("bare"):
                continue
            mine, theirs = [t[i] for t in got], [t[i] for t in bare]
            pairs = [a / b for a, b in zip(mine, theirs, strict=True)]
            print(
                f"  ratio {name} / bare: {statistics.median(mine) / statistics.median(theirs):.2f}"
                f" (of the medians); median of the {len(pairs)} pairs' ratios "
                f"{statistics.median(pairs):.2f}"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
