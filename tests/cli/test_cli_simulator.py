"""``sora-desktop simulator`` in its own process, used by ``sora-desktop generate``."""

from __future__ import annotations

import re
import signal
import subprocess
import sys
from pathlib import Path

import av
import pytest

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(sys.platform == "win32", reason="SIGINT to a child is POSIX here"),
]


def test_simulator_process_serves_generate(tmp_path: Path, data_dir: Path) -> None:
    sim = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "sora_desktop",
            "simulator",
            "--port",
            "0",
            "--latency",
            "0.5",
            "--data-dir",
            str(data_dir),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert sim.stdout is not None
        url = None
        for line in sim.stdout:  # the banner comes first; EOF if the process died
            found = re.search(r"OpenAI-style base URL: (\S+)", line)
            if found:
                url = found.group(1)
                break
        assert url is not None and url.endswith("/v1"), sim.stderr.read() if sim.stderr else ""
        result = subprocess.run(
            [
                sys.executable,
                "-m",
                "sora_desktop",
                "generate",
                "--prompt",
                "a snail",
                "--base-url",
                url,
                "--kind",
                "simulator",
                "--out",
                str(tmp_path / "out"),
                "--data-dir",
                str(data_dir),
            ],
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        assert result.returncode == 0, result.stderr
        clip = Path(result.stdout.strip().splitlines()[-1])
        with av.open(str(clip)) as container:
            assert container.streams.video and container.streams.audio
    finally:
        sim.send_signal(signal.SIGINT)
        sim.communicate(timeout=30)
    assert sim.returncode == 0
