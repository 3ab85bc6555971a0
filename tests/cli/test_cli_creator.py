"""What a creator meets at the command line (issue 8, items 9-13): the real CLI in a
subprocess, against the simulator (or a listening socket that must stay untouched)."""

from __future__ import annotations

import re
import socket
from collections.abc import Iterator
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from sora_desktop.core.errors import ExitCode
from sora_desktop.core.models import JobStatus
from sora_desktop.core.paths import AppPaths
from sora_desktop.core.store import JobStore
from tests.cli_helpers import command, history_records, one_error_line, run_cli
from tests.core.test_store import make_job


class Tripwire:
    """A loopback port that listens and never answers: proof that nothing was sent."""

    def __init__(self) -> None:
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(8)
        self.sock.setblocking(False)
        self.url = f"http://127.0.0.1:{self.sock.getsockname()[1]}/v1"

    def was_contacted(self) -> bool:
        try:
            conn, _addr = self.sock.accept()
        except BlockingIOError:
            return False
        conn.close()
        return True


@pytest.fixture
def tripwire() -> Iterator[Tripwire]:
    wire = Tripwire()
    try:
        yield wire
    finally:
        wire.sock.close()


def add_jobs(data_dir: Path, *jobs: Any) -> None:
    """Put jobs straight into the library a CLI run with ``--data-dir data_dir`` opens."""
    paths = AppPaths.default(str(data_dir))
    paths.ensure()
    store = JobStore(paths.db_path)
    try:
        for job in jobs:
            store.add(job)
    finally:
        store.close()


# ---------------------------------------------------------------- 9: models


@pytest.mark.parametrize(
    "where",
    [["--kind", "simulator"], ["--kind", "openai", "--api-key-env", "SORA_TEST_KEY"], []],
    ids=["simulator", "openai", "built-in"],
)
def test_a_model_the_connection_cant_serve_sends_nothing(
    tripwire: Tripwire, data_dir: Path, where: list[str], tmp_path: Path
) -> None:
    base = ["--base-url", tripwire.url] if where else []
    result = run_cli(
        "generate",
        "--prompt",
        "a cat on a windowsill",
        "--model",
        "sora-3",
        "--out",
        str(tmp_path / "out"),
        *base,
        *where,
        data_dir=data_dir,
        env={"SORA_TEST_KEY": "sk-test"},
    )
    assert result.returncode == ExitCode.INVALID_INPUT, result.stderr
    line = one_error_line(result)
    assert "'sora-3'" in line and "sora-2-pro" in line and "--model" in line
    assert not tripwire.was_contacted()
    assert "built-in simulator" not in result.stderr  # not even started
    assert history_records(run_cli("history", "--json", data_dir=data_dir)) == []


def test_a_gateway_gets_any_model_name(simulator: Any, data_dir: Path) -> None:
    result = run_cli(
        "generate",
        "--prompt",
        "a cat",
        "--model",
        "veo-3.1",
        "--base-url",
        simulator.url + "/v1",
        "--kind",
        "compatible",
        "--api-key-env",
        "SORA_TEST_KEY",
        data_dir=data_dir,
        env={"SORA_TEST_KEY": "sk-test"},
    )
    # sent as documented: the refusal is the server's own (this simulator only makes sora-2)
    assert result.returncode == ExitCode.INVALID_INPUT
    assert "Invalid model 'veo-3.1'" in one_error_line(result)
    assert simulator.created_count == 0


# ---------------------------------------------------------------- 10: ids


def test_an_exported_file_names_its_job_back(
    simulator: Any, data_dir: Path, tmp_path: Path
) -> None:
    made = run_cli(
        "generate",
        "--prompt",
        "a kite over a beach",
        "--out",
        str(tmp_path / "out"),
        "--base-url",
        simulator.url + "/v1",
        "--kind",
        "simulator",
        data_dir=data_dir,
    )
    assert made.returncode == 0, made.stderr
    exported = Path(made.stdout.strip().splitlines()[-1])
    found = re.search(r"_([0-9a-f]{10})\.mp4$", exported.name)
    assert found, exported.name
    piece = found.group(1)
    (record,) = history_records(run_cli("history", "--json", data_dir=data_dir))
    assert record["id"].startswith(piece) and record["short_id"] == piece

    again = run_cli("export", piece, "--out", str(tmp_path / "again"), data_dir=data_dir)
    assert again.returncode == 0, again.stderr
    sidecar = Path(again.stdout.strip().splitlines()[-1]).with_suffix(".json")
    assert piece in sidecar.name
    short = run_cli("export", piece[:2], "--out", str(tmp_path / "x"), data_dir=data_dir)
    assert short.returncode == ExitCode.INVALID_INPUT
    assert "at least 4 characters" in one_error_line(short)
    deleted = run_cli("delete", piece, data_dir=data_dir)
    assert deleted.returncode == 0, deleted.stderr
    assert history_records(run_cli("history", "--json", data_dir=data_dir)) == []


def test_an_ambiguous_id_names_the_candidates(data_dir: Path, tmp_path: Path) -> None:
    fox = replace(make_job("a fox in the snow"), id="7e3f1a" + "0" * 26)
    koi = replace(make_job("a koi pond in the rain"), id="7e3f19" + "0" * 26)
    add_jobs(data_dir, fox, koi)
    result = run_cli("export", "7e3f", "--out", str(tmp_path / "o"), data_dir=data_dir)
    assert result.returncode == ExitCode.INVALID_INPUT
    line = one_error_line(result)
    assert "fits 2 jobs" in line and "7e3f1a0000" in line and "7e3f190000" in line
    assert "at least 6 characters" in line


# ---------------------------------------------------------------- 11: history, options, files


@pytest.mark.parametrize("limit", ["0", "-1", "two"])
def test_history_limit_must_be_a_positive_number(data_dir: Path, limit: str) -> None:
    add_jobs(data_dir, *(make_job(f"clip {i}", created_at=1_700_000_000.0 + i) for i in range(3)))
    refused = run_cli("history", "--limit", limit, data_dir=data_dir)
    assert refused.returncode == ExitCode.INVALID_INPUT
    assert "--limit" in one_error_line(refused) and "empty" not in refused.stderr
    listed = run_cli("history", "--limit", "2", data_dir=data_dir)
    assert listed.returncode == 0 and len(listed.stdout.strip().splitlines()) == 2


def test_a_negative_give_up_after_is_refused(data_dir: Path, tmp_path: Path) -> None:
    out = str(tmp_path / "out")  # were it accepted, the clip would go there, not into cwd
    result = run_cli(
        "generate", "--prompt", "a cat", "--give-up-after", "-5", "--out", out, data_dir=data_dir
    )
    assert result.returncode == ExitCode.INVALID_INPUT
    assert "--give-up-after" in one_error_line(result)
    assert "built-in simulator" not in result.stderr


def test_history_json_times_are_iso_8601_like_the_sidecars(data_dir: Path) -> None:
    job = make_job("a lighthouse", created_at=1_700_000_000.0, submitted_at=1_700_000_001.0)
    add_jobs(data_dir, job)
    (record,) = history_records(run_cli("history", "--json", data_dir=data_dir))
    created = datetime.fromisoformat(record["created_at"])
    assert created.utcoffset() == timedelta(0) and created.timestamp() == 1_700_000_000
    assert record["created_at"] == "2023-11-14T22:13:20+00:00"
    assert datetime.fromisoformat(record["submitted_at"]).timestamp() == 1_700_000_001
    assert record["completed_at"] is None


# ---------------------------------------------------------------- 12: profile names


def test_profile_names_are_unique_bounded_and_kept_as_given(data_dir: Path) -> None:
    def add(name: str, *extra: str) -> Any:
        return run_cli("profile", "add", name, "--kind", "compatible", *extra, data_dir=data_dir)

    assert add("work", "--base-url", "https://a.example/v1").returncode == 0
    twice = add("Work", "--base-url", "https://b.example/v1")
    assert twice.returncode == ExitCode.INVALID_INPUT
    assert "--replace" in one_error_line(twice)
    replaced = add("Work", "--base-url", "https://b.example/v1", "--replace")
    assert replaced.returncode == 0, replaced.stderr
    assert replaced.stdout.strip() == "work"  # the same id: its saved key still applies

    studio = add("工作室 🎬", "--base-url", "https://c.example/v1")
    other = add("工作室 🎥", "--base-url", "https://c.example/v1")
    assert studio.returncode == other.returncode == 0
    assert studio.stdout.strip() != other.stdout.strip()
    assert "profile" not in (studio.stdout.strip(), other.stdout.strip())

    too_long = add("x" * 300, "--base-url", "https://d.example/v1")
    assert too_long.returncode == ExitCode.INVALID_INPUT
    assert "64" in one_error_line(too_long)

    # the names exactly, where the output can hold them (a Windows pipe needs UTF-8 asked for)
    listed = run_cli(
        "profile", "list", data_dir=data_dir, env={"PYTHONIOENCODING": "utf-8"}, encoding="utf-8"
    )
    assert listed.returncode == 0, listed.stderr
    rows = [ln.split("\t") for ln in listed.stdout.splitlines()]
    names = [row[1] for row in rows]
    assert names == ["Simulator (this computer)", "Work", "工作室 🎬", "工作室 🎥"]
    assert rows[1][3] == "https://b.example/v1"


def test_a_name_the_output_cannot_hold_does_not_fail_the_command(data_dir: Path) -> None:
    # A Windows pipe is cp1252: "profile list" failed with UnicodeEncodeError after the
    # first rows. Each row is listed; what the code page lacks shows as "?".
    added = run_cli(
        "profile",
        "add",
        "工作室 🎬",
        "--kind",
        "compatible",
        "--base-url",
        "https://c.example/v1",
        data_dir=data_dir,
    )
    assert added.returncode == 0, added.stderr
    listed = run_cli(
        "profile",
        "list",
        data_dir=data_dir,
        env={"PYTHONIOENCODING": "cp1252"},
        encoding="cp1252",
    )
    assert listed.returncode == 0, listed.stderr
    names = [ln.split("\t")[1] for ln in listed.stdout.splitlines()]
    assert names == ["Simulator (this computer)", "??? ?"]


def test_an_openai_profile_is_told_about_the_shutdown(data_dir: Path) -> None:
    result = run_cli("profile", "add", "old", "--kind", "openai", data_dir=data_dir)
    assert result.returncode == 0, result.stderr
    assert "2026-09-24" in result.stderr and "gateway" in result.stderr


# ---------------------------------------------------------------- 13: wording for the CLI


def test_a_missing_image_names_the_option_and_the_path_as_given(
    data_dir: Path, tmp_path: Path
) -> None:
    given = str(tmp_path / "shots" / "nope.png")  # one of many nope.png: the path tells which
    result = run_cli(
        "generate",
        "--prompt",
        "a cat",
        "--image",
        given,
        "--out",
        str(tmp_path / "out"),
        data_dir=data_dir,
    )
    assert result.returncode == ExitCode.INVALID_INPUT
    line = one_error_line(result)
    assert "--image" in line and f"The image {given!r} can't be found." in line
    assert "Pick the image again" not in line


def test_without_a_keyring_set_key_points_to_the_cli_option_that_works(
    simulator: Any, data_dir: Path, tmp_path: Path
) -> None:
    no_keyring = {"PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}
    added = run_cli(
        "profile",
        "add",
        "local",
        "--kind",
        "compatible",
        "--base-url",
        simulator.url + "/v1",
        data_dir=data_dir,
        env=no_keyring,
    )
    assert added.returncode == 0, added.stderr
    refused = run_cli(
        "profile", "set-key", "local", data_dir=data_dir, env=no_keyring, stdin="sk-test-1\n"
    )
    assert refused.returncode == ExitCode.AUTH
    line = one_error_line(refused)
    assert "set-key local --api-key-env" in line
    assert "Key from environment variable" not in line  # the window's option, not the CLI's
    assert "sk-test-1" not in refused.stdout + refused.stderr

    switched = run_cli(
        "profile", "set-key", "local", "--api-key-env", "SORA_TEST_KEY", data_dir=data_dir
    )
    assert switched.returncode == 0, switched.stderr
    made = run_cli(
        "generate",
        "--prompt",
        "a boat",
        "--profile",
        "local",
        "--out",
        str(tmp_path / "out"),
        data_dir=data_dir,
        env={**no_keyring, "SORA_TEST_KEY": "sk-test-1"},
    )
    assert made.returncode == 0, made.stderr


def test_remote_delete_of_a_builtin_simulator_job(data_dir: Path, tmp_path: Path) -> None:
    made = run_cli(
        "generate",
        "--prompt",
        "a moth near a lamp",
        "--out",
        str(tmp_path / "out"),
        "--sim-latency",
        "0.5",
        data_dir=data_dir,
    )
    assert made.returncode == 0, made.stderr
    (record,) = history_records(run_cli("history", "--json", data_dir=data_dir))
    deleted = run_cli("delete", record["short_id"], "--remote", data_dir=data_dir)
    assert deleted.returncode == 0, deleted.stderr
    assert f"Deleted {record['remote_id']} on the built-in simulator" in deleted.stderr
    assert "internet" not in deleted.stderr and "error:" not in deleted.stderr
    assert history_records(run_cli("history", "--json", data_dir=data_dir)) == []


def test_delete_refuses_a_job_still_being_made(data_dir: Path) -> None:
    """The window's rule at the command line too (issue 9: one safety rule)."""
    busy = make_job("a kite still rendering", status=JobStatus.IN_PROGRESS, remote_id="video_1")
    add_jobs(data_dir, busy)
    result = run_cli("delete", busy.id, "--remote", data_dir=data_dir)
    assert result.returncode == ExitCode.INVALID_INPUT, result.stderr
    line = one_error_line(result)
    assert "still being made" in line and command(data_dir, "resume") in result.stderr
    assert [r["id"] for r in history_records(run_cli("history", "--json", data_dir=data_dir))] == [
        busy.id
    ]


def test_delete_never_removes_a_file_outside_the_library(data_dir: Path, tmp_path: Path) -> None:
    precious = tmp_path / "Desktop" / "precious.mp4"
    precious.parent.mkdir()
    precious.write_bytes(b"not ours")
    job = make_job("an old clip", status=JobStatus.READY, file_path=precious)
    add_jobs(data_dir, job)
    result = run_cli("delete", job.id, data_dir=data_dir)
    assert result.returncode == 0, result.stderr
    assert precious.read_bytes() == b"not ours"
    assert "outside the library folder" in result.stderr
    assert history_records(run_cli("history", "--json", data_dir=data_dir)) == []


# ---------------------------------------------------------------- resume (usecases.resume)


def test_resume_finishes_a_kept_job_without_a_second_create(data_dir: Path, simulator: Any) -> None:
    from tests.resume_helpers import a_draft, left_unfinished

    assert "Nothing to resume." in run_cli("resume", data_dir=data_dir).stderr
    paths = AppPaths.default(str(data_dir))
    with JobStore(paths.db_path) as store:
        kept = left_unfinished(store, simulator)
        draft = a_draft(store)
    result = run_cli("resume", data_dir=data_dir)
    assert result.returncode == 0, result.stderr
    (line,) = result.stdout.splitlines()  # the kept job; the draft was never sent
    job_id, word, file = line.split(" ", 2)
    assert (job_id, word) == (kept.id, "ready") and Path(file).is_file()
    assert draft.id not in result.stdout
    assert simulator.created_count == 1  # resumed, never created again
