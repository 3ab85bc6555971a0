"""Helpers for tests that run the CLI in a subprocess (tests/cli and tests/reliability)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any


def run_cli(
    *args: str,
    data_dir: Path,
    env: dict[str, str] | None = None,
    stdin: str | None = None,
    timeout: float = 120.0,
    encoding: str | None = None,
) -> subprocess.CompletedProcess[str]:
    """``sora-desktop ARGS --data-dir DATA_DIR`` in a subprocess, as a creator runs it; its
    output is read in ``encoding`` (default: the locale's, as the CLI writes it)."""
    full_env = {**os.environ, **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "sora_desktop", *args, "--data-dir", str(data_dir)],
        capture_output=True,
        text=True,
        encoding=encoding,
        env=full_env,
        input=stdin,
        timeout=timeout,
        check=False,
    )


def command(data_dir: Path, words: str) -> str:
    """A follow-up command line as the CLI writes it for a run with ``--data-dir DATA_DIR``
    (on the same library; the folder quoted as the shell needs)."""
    import shlex

    if sys.platform == "win32":
        folder = subprocess.list2cmdline([str(data_dir)])
    else:
        folder = shlex.quote(str(data_dir))
    return f"sora-desktop --data-dir {folder} {words}"


def one_error_line(result: subprocess.CompletedProcess[str]) -> str:
    """The one ``error:`` line on stderr (asserts there is exactly one, and no traceback)."""
    lines = [ln for ln in result.stderr.splitlines() if ln.startswith("error:")]
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.stderr
    return lines[0]


def history_records(result: subprocess.CompletedProcess[str]) -> list[dict[str, Any]]:
    """The records of a ``history --json`` run (asserts it succeeded)."""
    assert result.returncode == 0, result.stderr
    records: list[dict[str, Any]] = json.loads(result.stdout)
    return records
