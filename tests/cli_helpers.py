"""Helpers for tests that run the CLI in a subprocess (tests/cli and tests/reliability)."""

from __future__ import annotations

import json
import subprocess
from typing import Any


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
