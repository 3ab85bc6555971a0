"""``sora-desktop remix`` end to end against the simulator over loopback: one new create on
the source's connection, linked to it, exported like ``generate``'s clip; a video the
service never had is refused before anything is sent."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import av
import pytest

from sora_desktop.core.errors import ExitCode
from tests.cli_helpers import history_records, one_error_line, run_cli
from tests.core.media_clips import sim_clip

pytestmark = pytest.mark.slow


def test_remix_sends_one_create_linked_to_its_source_and_exports_the_clip(
    simulator: Any, data_dir: Path, tmp_path: Path
) -> None:
    made = run_cli(
        "generate", "--prompt", "a harbour at dawn", "--out", str(tmp_path / "first"),
        "--base-url", simulator.url + "/v1", "--kind", "simulator", data_dir=data_dir,
    )  # fmt: skip
    assert made.returncode == 0, made.stderr
    [source] = history_records(run_cli("history", "--json", data_dir=data_dir))

    out = tmp_path / "remixes"
    remixed = run_cli(
        "remix", source["id"][:8], "--prompt", "the same harbour in snow", "--out", str(out),
        data_dir=data_dir,
    )  # fmt: skip
    assert remixed.returncode == 0, remixed.stderr
    clip = Path(remixed.stdout.strip().splitlines()[-1])  # stdout: the exported path only
    assert remixed.stdout.strip() == str(clip) and clip.parent == out
    with av.open(str(clip)) as container:
        assert sum(1 for _ in container.decode(video=0)) > 0
    new, _ = history_records(run_cli("history", "--json", data_dir=data_dir))
    assert new["remix_of"] == source["remote_id"] and new["prompt"] == "the same harbour in snow"
    assert (new["model"], new["size"], new["seconds"]) == (
        source["model"],
        source["size"],
        source["seconds"],
    )
    assert new["connection"] == source["connection"]
    assert simulator.created_count == 2


def test_a_video_the_service_never_had_is_refused_before_anything_is_sent(
    data_dir: Path, tmp_path: Path
) -> None:
    a = sim_clip(tmp_path / "sim", "A lighthouse at night")
    film = run_cli("stitch", str(a), str(a), "--out", str(tmp_path / "film.mp4"), data_dir=data_dir)
    assert film.returncode == 0, film.stderr
    [record] = history_records(run_cli("history", "--json", data_dir=data_dir))
    out = tmp_path / "never"
    refused = run_cli(
        "remix", record["id"][:8], "--prompt", "in snow", "--out", str(out), data_dir=data_dir
    )
    assert refused.returncode == ExitCode.INVALID_INPUT
    assert "can't be remixed" in one_error_line(refused)
    assert "built-in simulator" not in refused.stderr  # nothing was started, nothing sent
    assert not out.exists()
    assert len(history_records(run_cli("history", "--json", data_dir=data_dir))) == 1
