"""``sora-desktop extend`` of a clip made on fal with Veo 3.1: the model's own extend
endpoint, in the CLI's own process against the simulator's /fal routes."""

from __future__ import annotations

from pathlib import Path

import pytest

from sora_desktop.core.errors import ExitCode
from sora_desktop.core.job_sources import SourceKind, source_ids
from sora_desktop.core.paths import AppPaths
from sora_desktop.core.store import JobStore
from sora_desktop.simulator.server import SimulatorServer
from tests.cli_helpers import history_records, run_cli
from tests.provider_support import KEY, decoded_seconds

pytestmark = pytest.mark.slow


def test_extend_on_fal_sends_one_create_to_the_extend_endpoint_and_files_the_longer_clip(
    provider_sim: SimulatorServer, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("FAL_KEY", raising=False)
    env = {"FAL_KEY": KEY}
    made = run_cli(
        "generate", "--prompt", "a lantern on a pier", "--kind", "fal",
        "--base-url", provider_sim.url + "/fal", "--model", "fal-ai/veo3.1", "--aspect", "16:9",
        "--seconds", "4", "--out", str(data_dir.parent / "out"), data_dir=data_dir, env=env,
    )  # fmt: skip
    assert made.returncode == 0, made.stderr
    source = Path(made.stdout.strip().splitlines()[-1])
    [record] = history_records(run_cli("history", "--json", data_dir=data_dir))

    extended = run_cli(
        "extend", record["id"][:8], "--prompt", "the lantern swings in the wind",
        data_dir=data_dir, env=env,
    )  # fmt: skip

    assert extended.returncode == 0, extended.stderr
    assert "own extend endpoint" in extended.stderr
    path = Path(extended.stdout.strip().splitlines()[-1])
    assert decoded_seconds(path) == pytest.approx(decoded_seconds(source) + 7, abs=0.5)
    assert provider_sim.created_count == 2  # the source, then one extension
    newest = history_records(run_cli("history", "--json", data_dir=data_dir))[0]
    assert (newest["model"], newest["seconds"], newest["file"]) == (
        "fal-ai/veo3.1",
        7,
        str(path),
    )
    store = JobStore(AppPaths.default(data_dir).db_path)
    try:
        assert source_ids(store, newest["id"]) == [(record["id"], SourceKind.EXTENSION)]
    finally:
        store.close()


def test_extend_on_fal_refuses_a_length_the_endpoint_does_not_add(
    provider_sim: SimulatorServer, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("FAL_KEY", raising=False)
    env = {"FAL_KEY": KEY}
    made = run_cli(
        "generate", "--prompt", "a kite", "--kind", "fal", "--base-url", provider_sim.url + "/fal",
        "--model", "fal-ai/veo3.1/fast", "--aspect", "9:16", "--seconds", "4",
        "--out", str(data_dir.parent / "out"), data_dir=data_dir, env=env,
    )  # fmt: skip
    assert made.returncode == 0, made.stderr
    [record] = history_records(run_cli("history", "--json", data_dir=data_dir))

    refused = run_cli(
        "extend", record["id"][:8], "--prompt", "higher", "--seconds", "4",
        data_dir=data_dir, env=env,
    )  # fmt: skip

    assert refused.returncode == ExitCode.INVALID_INPUT, refused.stderr
    assert "adds 7 seconds, not 4" in refused.stderr
    assert provider_sim.created_count == 1
