"""``sora-desktop history --search/--status/--favourites``: the window's library search and
filters from a terminal (films stitched here are library items: no network needed)."""

from __future__ import annotations

from pathlib import Path

from sora_desktop.core.errors import ExitCode
from tests.cli_helpers import history_records, one_error_line, run_cli
from tests.core.media_clips import sim_clip


def test_history_finds_jobs_by_the_words_of_their_prompt_and_by_status(
    data_dir: Path, tmp_path: Path
) -> None:
    clip = sim_clip(tmp_path / "sim", "A lighthouse at night")
    for name in ("Harbour at dawn", "Lighthouse in the storm"):
        made = run_cli(
            "stitch", str(clip), str(clip), "--name", name,
            "--out", str(tmp_path / f"{name}.mp4"), data_dir=data_dir,
        )  # fmt: skip
        assert made.returncode == 0, made.stderr

    found = run_cli("history", "--search", "light STOR", data_dir=data_dir)
    assert found.returncode == 0, found.stderr
    [line] = found.stdout.splitlines()  # every word, each the start of a word, any case
    assert "Lighthouse in the storm" in line

    as_json = history_records(
        run_cli("history", "--json", "--search", "harbour", "--status", "ready", data_dir=data_dir)
    )
    assert [r["prompt"] for r in as_json] == ["Harbour at dawn"]

    none = run_cli("history", "--status", "failed", data_dir=data_dir)
    assert none.returncode == 0 and none.stdout == ""
    assert "No job matches." in none.stderr  # not "The library is empty."

    bad = run_cli("history", "--status", "done", data_dir=data_dir)
    assert bad.returncode == ExitCode.INVALID_INPUT
    assert "ready" in one_error_line(bad)  # the allowed states are listed
