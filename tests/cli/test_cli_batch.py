"""``sora-desktop batch``: preview, confirmation, cap, resume, retry, review, over the real
simulator on loopback, counting the creates it received where money matters."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import av
import pytest
from PIL import Image

from sora_desktop.simulator.server import SimulatorServer
from tests.cli_helpers import one_error_line, run_cli

pytestmark = pytest.mark.slow


def sim_args(simulator: SimulatorServer) -> list[str]:
    return ["--base-url", simulator.url + "/v1", "--kind", "simulator"]


def priced_args(simulator: SimulatorServer) -> list[str]:
    """The simulator as an OpenAI connection: priced as OpenAI's sora-2 ($0.10 a second)."""
    return [
        "--base-url",
        simulator.url + "/v1",
        "--kind",
        "openai",
        "--api-key-env",
        "SIM_TEST_KEY",
    ]


KEY_ENV = {"SIM_TEST_KEY": "sk-sim-test-key"}


@pytest.fixture
def prompts(tmp_path: Path) -> Path:
    path = tmp_path / "ideas.csv"
    path.write_text("subject,place\na fox,a snowy forest\nan owl,an old barn\n", "utf-8")
    return path


def test_dry_run_prints_every_job_and_the_total_and_sends_nothing(
    simulator: SimulatorServer, prompts: Path, data_dir: Path
) -> None:
    result = run_cli(
        "batch",
        str(prompts),
        "--template",
        "{subject} in {place}",
        "--sweep",
        "seconds=4,8",
        "--sweep",
        "model=sora-2,nope-9",
        "--dry-run",
        *sim_args(simulator),
        data_dir=data_dir,
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert "r001_seconds-4_model-sora-2" in result.stdout
    assert "a fox in a snowy forest" in result.stdout
    assert sum(line.endswith("  to send") for line in lines) == 4
    assert sum("invalid:" in line and "nope-9" in line for line in lines) == 4
    assert lines[-1].startswith("Total: 4 of 8 jobs to send")
    assert simulator.created_count == 0
    assert run_cli("batch", "list", data_dir=data_dir).stdout == ""  # nothing kept


def test_on_the_simulator_the_preview_shows_the_notional_price_and_the_cap_holds_for_free(
    simulator: SimulatorServer, prompts: Path, data_dir: Path
) -> None:
    batch = [str(prompts), "--template", "{subject}", "--sweep", "seconds=4,8"]
    dry = run_cli("batch", *batch, "--dry-run", *sim_args(simulator), data_dir=data_dir)
    assert dry.returncode == 0, dry.stderr
    lines = dry.stdout.splitlines()
    # sora-2 at the Videos API's $0.10 a second, as the main window says it
    assert [line.split()[-3] for line in lines[1:5]] == ["$0.40", "$0.80"] * 2
    assert lines[-1].startswith(
        "Total: 4 of 4 jobs to send, estimated $2.40 (free on the simulator);"
    )
    # a $1 cap: $0.40 fits, the next $0.80 would not, so it and every later row wait
    capped = run_cli(
        "batch",
        *batch,
        "--cap",
        "1",
        "--yes",
        *sim_args(simulator),
        data_dir=data_dir,
        timeout=240,
    )
    assert capped.returncode == 0, capped.stderr
    assert simulator.created_count == 1
    assert "3 rows held by the cap" in capped.stderr
    listed = json.loads(run_cli("batch", "list", "--json", data_dir=data_dir).stdout)
    assert listed[0]["counts"] == {"ready": 1, "held": 3}
    assert listed[0]["committed"] == pytest.approx(0.4)
    # the list says so too: the figures are notional, nothing was billed
    text = run_cli("batch", "list", data_dir=data_dir).stdout
    assert "1/4 ready  $0.40 of $1.00 (free on the simulator)  " in text


def test_without_yes_and_without_a_terminal_it_refuses(
    simulator: SimulatorServer, prompts: Path, data_dir: Path
) -> None:
    result = run_cli(
        "batch", str(prompts), "--template", "{subject}", *sim_args(simulator), data_dir=data_dir
    )
    assert result.returncode == 2
    assert "--yes" in one_error_line(result)
    assert simulator.created_count == 0


def test_bad_input_names_the_file_line_and_column_and_sends_nothing(
    simulator: SimulatorServer, tmp_path: Path, data_dir: Path
) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text('prompt,seed\n"a fox",1\n"an owl",x\n', "utf-8")
    result = run_cli("batch", str(bad), "--yes", *sim_args(simulator), data_dir=data_dir)
    assert result.returncode == 2
    line = one_error_line(result)
    assert "bad.csv, line 3, column 2" in line and "seed" in line
    unknown = run_cli(
        "batch",
        str(bad),
        "--template",
        "{colour}",
        "--yes",
        *sim_args(simulator),
        data_dir=data_dir,
    )
    assert unknown.returncode == 2 and "{colour}" in one_error_line(unknown)
    assert simulator.created_count == 0


def test_a_capped_batch_runs_exports_by_row_and_resume_sends_only_the_held_rows(
    simulator: SimulatorServer, prompts: Path, data_dir: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    # sora-2 costs $0.10 a second: 4 s jobs are $0.40, so a $1 cap sends two of four
    result = run_cli(
        "batch",
        str(prompts),
        "--template",
        "{subject} in {place}",
        "--sweep",
        "seed=1,2",
        "--cap",
        "1",
        "--concurrency",
        "2",
        "--out",
        str(out),
        "--yes",
        *priced_args(simulator),
        data_dir=data_dir,
        env=KEY_ENV,
        timeout=240,
    )
    assert result.returncode == 0, result.stderr
    assert simulator.created_count == 2
    assert "[row 1/4]" in result.stderr  # progress on stderr
    assert "2 rows held by the cap" in result.stderr
    files = sorted(p.name for p in out.glob("*.mp4"))
    assert [name.split("_")[0:2] for name in files] == [["r001", "seed-1"], ["r001", "seed-2"]]
    with av.open(str(out / files[0])) as clip:
        assert sum(1 for _ in clip.decode(video=0)) > 0

    listed = json.loads(run_cli("batch", "list", "--json", data_dir=data_dir).stdout)
    assert len(listed) == 1 and listed[0]["counts"] == {"ready": 2, "held": 2}
    batch_id = listed[0]["id"][:8]
    text = run_cli("batch", "list", data_dir=data_dir).stdout
    assert f"{batch_id}  " in text and " of $1.00  " in text  # a paid connection: ...
    assert "free on the simulator" not in text  # ... its dollars are real

    again = run_cli(
        "batch", "resume", batch_id, "--cap", "2", data_dir=data_dir, env=KEY_ENV, timeout=240
    )
    assert again.returncode == 0, again.stderr
    assert simulator.created_count == 4  # only the two held rows were sent
    assert len(list(out.glob("*.mp4"))) == 4

    nothing = run_cli("batch", "resume", data_dir=data_dir, env=KEY_ENV)
    assert nothing.returncode == 0 and "No unfinished batch" in nothing.stderr
    assert simulator.created_count == 4

    shown = run_cli("batch", "show", batch_id, data_dir=data_dir)
    assert shown.returncode == 0 and shown.stdout.count(" ready ") == 4

    exported = run_cli(
        "batch",
        "export",
        batch_id,
        "--csv",
        str(tmp_path / "r.csv"),
        "--json",
        str(tmp_path / "r.json"),
        data_dir=data_dir,
    )
    assert exported.returncode == 0, exported.stderr
    records = json.loads((tmp_path / "r.json").read_text("utf-8"))
    assert [r["label"] for r in records][:2] == ["r001_seed-1", "r001_seed-2"]
    assert all(Path(r["file"]).parent == out for r in records)
    with (tmp_path / "r.csv").open(encoding="utf-8-sig", newline="") as f:
        table = list(csv.DictReader(f))
    assert [r["prompt"] for r in table] == ["a fox in a snowy forest"] * 2 + [
        "an owl in an old barn"
    ] * 2

    sheet = run_cli(
        "batch", "sheet", batch_id, "--out", str(tmp_path / "sheet.png"), data_dir=data_dir
    )
    assert sheet.returncode == 0, sheet.stderr
    with Image.open(tmp_path / "sheet.png") as image:
        assert image.width > 300 and image.height > 300


def test_retry_sends_new_jobs_for_the_failed_rows_only(
    simulator: SimulatorServer, tmp_path: Path, data_dir: Path
) -> None:
    ideas = tmp_path / "ideas.txt"
    ideas.write_text("a lamp in an empty room\n[sim:fail] a door that never opens\n", "utf-8")
    first = run_cli(
        "batch", str(ideas), "--yes", *sim_args(simulator), data_dir=data_dir, timeout=240
    )
    assert first.returncode == 4, first.stderr
    assert "1 rows failed" in first.stderr and "batch retry" in first.stderr
    assert simulator.created_count == 2
    batch_id = json.loads(run_cli("batch", "list", "--json", data_dir=data_dir).stdout)[0]["id"]

    retried = run_cli("batch", "retry", batch_id[:8], data_dir=data_dir, timeout=240)
    assert retried.returncode == 4  # the simulator fails that prompt again
    assert simulator.created_count == 3  # one new job, for the failed row only
