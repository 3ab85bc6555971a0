"""Fixtures of the reliability suite: the simulator, a fault proxy in front of it, the CLI."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from sora_desktop.simulator.server import SimulatorServer
from tests.cli_helpers import history_records
from tests.cli_helpers import one_error_line as error_line  # noqa: F401 (the suite imports it from here)
from tests.reliability.faultserver import FaultServer

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def sim() -> Iterator[SimulatorServer]:
    with SimulatorServer(latency=1.0) as server:
        yield server


@pytest.fixture
def fault(sim: SimulatorServer) -> Iterator[FaultServer]:
    with FaultServer(sim.url) as proxy:
        yield proxy


@pytest.fixture
def out_dir(tmp_path: Path) -> Path:
    return tmp_path / "exports"


def cli_cmd(data_dir: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "sora_desktop", *args, "--data-dir", str(data_dir)]


def cli_env(extra: dict[str, str] | None = None) -> dict[str, str]:
    env = {**os.environ, **(extra or {})}
    # the tests package (file keyring) is importable from the subprocess
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    return env


def run_cli(
    *args: str,
    data_dir: Path,
    env: dict[str, str] | None = None,
    stdin: str | None = None,
    timeout: float = 120.0,
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        cli_cmd(data_dir, *args),
        capture_output=True,
        text=True,
        env=cli_env(env),
        input=stdin,
        timeout=timeout,
        check=False,
    )


def proxied(fault: FaultServer, kind: str = "simulator") -> list[str]:
    return ["--base-url", fault.url + "/v1", "--kind", kind]


def history(data_dir: Path) -> list[dict[str, Any]]:
    return history_records(run_cli("history", "--json", data_dir=data_dir))
