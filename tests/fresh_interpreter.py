"""Running a snippet in a new Python: what a fresh process imports, reads or prints."""

from __future__ import annotations

import subprocess
import sys


def printed_by_a_fresh_interpreter(code: str) -> str:
    """What ``code`` prints in a new interpreter (stripped); it must exit 0 (else its
    stderr is the failure)."""
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()
