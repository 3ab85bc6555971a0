"""Cold start to first paint: ``sora-desktop`` vs a bare PySide6 window holding a QMediaPlayer.

Both are run as fresh processes, alternating (N runs each), with the same quit-after-first-
paint mechanism; the medians and their ratio are printed::

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


def _time(cmd: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


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
        app_times: list[float] = []
        bare_times: list[float] = []
        for _ in range(args.n):
            app_times.append(_time(app_cmd, env))
            bare_times.append(_time(bare_cmd, env))
    app_med, bare_med = statistics.median(app_times), statistics.median(bare_times)
    print(f"platform: {args.platform}, runs: {args.n} each (alternating)")
    print(
        f"sora-desktop to first paint: median {app_med * 1000:.0f} ms "
        f"(min {min(app_times) * 1000:.0f}, max {max(app_times) * 1000:.0f})"
    )
    print(
        f"bare PySide6 + QMediaPlayer: median {bare_med * 1000:.0f} ms "
        f"(min {min(bare_times) * 1000:.0f}, max {max(bare_times) * 1000:.0f})"
    )
    print(f"ratio app / bare: {app_med / bare_med:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
