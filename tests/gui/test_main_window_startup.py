"""``sora-desktop`` with no arguments opens the window; the start-up hook quits after the
first paint (what the start-up benchmark measures)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest


@pytest.mark.slow
def test_quits_after_the_first_paint(tmp_path: Path) -> None:
    data = tmp_path / "portable"
    env = {
        **os.environ,
        "SORA_DESKTOP_QUIT_AFTER_SHOWN": "1",
        "QT_QPA_PLATFORM": "offscreen",
    }
    env.pop("SORA_DESKTOP_DATA_DIR", None)
    done = subprocess.run(
        [sys.executable, "-m", "sora_desktop", "--data-dir", str(data)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert (data / "data" / "library.db").is_file()  # --data-dir was honoured
    log = (data / "logs" / "sora-desktop.log").read_text(encoding="utf-8")
    assert "first paint" in log
    assert "Traceback" not in done.stderr
