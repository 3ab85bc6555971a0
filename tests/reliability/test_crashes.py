"""Crashes: SIGKILL the CLI around the create, a damaged library, a data folder that can't be
used, settings and profile saves that fail half-way.

(Killed while polling and mid-download: tests/test_e2e_kill_resume.py.)
"""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from sora_desktop.core import settings as settings_mod
from sora_desktop.core.errors import ExitCode
from sora_desktop.core.models import ConnectionKind
from sora_desktop.core.paths import AppPaths
from sora_desktop.core.profiles import ProfileStore, make_profile
from sora_desktop.simulator.server import SimulatorServer
from tests.reliability.conftest import cli_cmd, cli_env, error_line, history, proxied, run_cli
from tests.reliability.engine import assert_intact
from tests.reliability.faultserver import Delay, FaultServer, Hang

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")

POLL = r"^/v1/videos/[^/]+$"
VIDEOS = r"^/v1/videos$"


def read_job(db: Path) -> tuple[str, str | None] | None:
    if not db.exists():
        return None
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1.0)
    except sqlite3.Error:
        return None
    try:
        row = conn.execute("SELECT status, remote_id FROM jobs").fetchone()
    except sqlite3.Error:
        return None
    finally:
        conn.close()
    return (str(row[0]), row[1]) if row else None


def until(
    what: str, condition: Callable[[], bool], proc: subprocess.Popen[str] | None = None
) -> None:
    deadline = time.monotonic() + 60.0
    while not condition():
        if proc is not None and proc.poll() is not None:
            pytest.fail(f"the CLI ended (rc={proc.returncode}) before {what}: {proc.communicate()}")
        if time.monotonic() > deadline:
            if proc is not None:
                proc.kill()
                proc.communicate()
            pytest.fail(f"timed out waiting for {what}")
        time.sleep(0.02)  # polling a condition with a deadline, not a fixed wait


def start_generate(fault: FaultServer, data_dir: Path, out_dir: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        cli_cmd(
            data_dir, "generate", "--prompt", "a paper boat", "--out", str(out_dir), *proxied(fault)
        ),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=cli_env(),
    )


def sigkill(proc: subprocess.Popen[str]) -> None:
    os.kill(proc.pid, signal.SIGKILL)
    proc.communicate(timeout=30)
    assert proc.returncode == -signal.SIGKILL


def resume_to_one_clip(data_dir: Path, sim: SimulatorServer) -> dict[str, object]:
    result = run_cli("resume", data_dir=data_dir)
    assert result.returncode == 0, result.stderr
    (record,) = history(data_dir)
    assert record["status"] == "ready"
    assert sim.created_count == 1 and sim.video_ids() == [record["remote_id"]]
    assert_intact(Path(str(record["file"])))
    assert not list(AppPaths.default(data_dir).partial_dir.glob("*"))
    return record


def test_killed_while_the_create_is_in_flight_adopts_the_job_the_server_made(
    sim: SimulatorServer, fault: FaultServer, data_dir: Path, out_dir: Path
) -> None:
    fault.add("POST", VIDEOS, Delay(1.5))  # reaches the server after the CLI is dead
    db = AppPaths.default(data_dir).db_path
    proc = start_generate(fault, data_dir, out_dir)
    until(
        "the create to be in flight",
        lambda: fault.count("POST", VIDEOS) == 1 and read_job(db) == ("submitting", None),
        proc,
    )
    sigkill(proc)
    until("the server to register the job", lambda: sim.created_count == 1)
    resume_to_one_clip(data_dir, sim)
    assert fault.count("POST", VIDEOS) == 1  # reconciled through the list, never resent
    assert fault.count("GET", VIDEOS) >= 1


def test_killed_while_a_create_that_never_arrived_is_in_flight_resends_once(
    sim: SimulatorServer, fault: FaultServer, data_dir: Path, out_dir: Path
) -> None:
    fault.add("POST", VIDEOS, Hang())  # never forwarded
    db = AppPaths.default(data_dir).db_path
    proc = start_generate(fault, data_dir, out_dir)
    until(
        "the create to be in flight",
        lambda: fault.count("POST", VIDEOS) == 1 and read_job(db) == ("submitting", None),
        proc,
    )
    sigkill(proc)
    resume_to_one_clip(data_dir, sim)
    posts, lists = fault.requests("POST", VIDEOS), fault.requests("GET", VIDEOS)
    assert len(posts) == 2 and lists[0].at < posts[1].at


def test_killed_right_after_the_remote_id_was_stored(
    sim: SimulatorServer, fault: FaultServer, data_dir: Path, out_dir: Path
) -> None:
    fault.add("GET", POLL, Hang())  # the first poll never answers
    db = AppPaths.default(data_dir).db_path
    proc = start_generate(fault, data_dir, out_dir)

    def stored() -> bool:
        row = read_job(db)
        return row is not None and row[1] is not None and fault.count("GET", POLL) >= 1

    until("the remote id to be stored", stored, proc)
    sigkill(proc)
    stored_row = read_job(db)
    record = resume_to_one_clip(data_dir, sim)
    assert fault.count("POST", VIDEOS) == 1 and fault.count("GET", VIDEOS) == 0
    assert stored_row is not None and record["remote_id"] == stored_row[1]


def test_a_corrupt_library_is_moved_aside_and_history_says_so(data_dir: Path) -> None:
    paths = AppPaths.default(data_dir)
    paths.ensure()
    garbage = b"this is not a database\x00" * 200
    paths.db_path.write_bytes(garbage)
    result = run_cli("history", "--json", data_dir=data_dir)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == []
    assert "damaged" in result.stderr and "new one" in result.stderr
    (aside,) = paths.db_path.parent.glob(f"{paths.db_path.name}.corrupt-*")
    assert aside.read_bytes() == garbage  # kept, not deleted
    again = run_cli("history", "--json", data_dir=data_dir)
    assert again.returncode == 0 and "damaged" not in again.stderr


def test_a_locked_library_is_a_clear_error(data_dir: Path) -> None:
    assert run_cli("history", data_dir=data_dir).returncode == 0  # create the library
    db = AppPaths.default(data_dir).db_path
    holder = sqlite3.connect(db, isolation_level=None)
    try:
        holder.execute("PRAGMA locking_mode = EXCLUSIVE")
        holder.execute("BEGIN EXCLUSIVE")
        result = run_cli("history", data_dir=data_dir)
    finally:
        holder.close()
    assert result.returncode == ExitCode.LOCAL_IO, result.stderr
    assert "lock" in error_line(result).lower()


def test_a_data_folder_that_cant_be_created_is_a_clear_error(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    result = run_cli("history", data_dir=blocker / "appdata")
    assert result.returncode == ExitCode.LOCAL_IO, result.stderr
    assert "--data-dir" in error_line(result)


def test_a_failed_settings_save_leaves_the_old_file_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "settings.json"
    settings_mod.save(path, settings_mod.Settings(language="fr"))
    before = path.read_bytes()

    def power_cut(*_a: object, **_k: object) -> None:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(os, "replace", power_cut)  # Path.replace goes through os.replace
    with pytest.raises(OSError):
        settings_mod.save(path, settings_mod.Settings(language="it"))
    monkeypatch.undo()
    assert path.read_bytes() == before
    assert settings_mod.load(path).language == "fr"
    assert [p.name for p in tmp_path.iterdir()] == ["settings.json"]  # no temp file left


def test_a_failed_profiles_save_leaves_the_old_file_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "profiles.json"
    store = ProfileStore(path)
    store.add(make_profile("work", ConnectionKind.COMPATIBLE, base_url="https://gw.example.com/v1"))
    before = path.read_bytes()

    def power_cut(*_a: object, **_k: object) -> None:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(os, "replace", power_cut)
    with pytest.raises(OSError):
        store.add(
            make_profile("home", ConnectionKind.COMPATIBLE, base_url="https://h.example.com/v1")
        )
    monkeypatch.undo()
    assert path.read_bytes() == before
    assert [p.id for p in ProfileStore(path).list() if p.id != "simulator"] == ["work"]
    assert [p.name for p in tmp_path.iterdir()] == ["profiles.json"]


FAL_CREATE = r"^/fal/fal-ai/veo3\.1"
FAL_UPLOAD = r"^/fal/cdn/files/upload$"


def _padded_png(path: Path, total: int) -> Path:
    """A 1280x720 PNG padded after its end to ``total`` bytes: past fal's data-URI limit."""
    import io

    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (1280, 720), (20, 90, 160)).save(out, "PNG")
    path.write_bytes(out.getvalue() + b"\0" * (total - len(out.getvalue())))
    return path


def test_killed_between_fals_upload_and_its_create_sends_nothing_paid_twice(
    sim: SimulatorServer, fault: FaultServer, data_dir: Path, out_dir: Path, tmp_path: Path
) -> None:
    """The job was stored before the create (as always): the image is uploaded, the create
    is on its way (held by the proxy, so fal never got it) when the CLI dies. fal can't say
    whether a create arrived, so the resumed job ends "outcome unknown", sending neither the
    upload nor the create again."""
    fault.add("POST", FAL_CREATE, Hang())  # never forwarded
    image = _padded_png(tmp_path / "start.png", 6 << 20)
    env = {"FAL_KEY": "sim-fal-key"}
    db = AppPaths.default(data_dir).db_path
    args = [
        "generate", "--kind", "fal", "--base-url", fault.url + "/fal", "--model", "fal-ai/veo3.1",
        "--seconds", "4", "--size", "1280x720", "--image", str(image), "--prompt", "a paper boat",
        "--out", str(out_dir),
    ]  # fmt: skip
    proc = subprocess.Popen(
        cli_cmd(data_dir, *args),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=cli_env(env),
    )
    until(
        "the upload to be done and the create in flight",
        lambda: (
            fault.count("POST", FAL_UPLOAD) == 1
            and fault.count("POST", FAL_CREATE) == 1
            and read_job(db) == ("submitting", None)
        ),
        proc,
    )
    sigkill(proc)
    resumed = run_cli("resume", data_dir=data_dir, env=env)
    assert resumed.returncode == ExitCode.OUTCOME_UNKNOWN, resumed.stderr
    (record,) = history(data_dir)
    assert record["status"] == "failed" and record["error_code"] == "outcome_unknown"
    assert fault.count("POST", FAL_UPLOAD) == 1 and fault.count("POST", FAL_CREATE) == 1
    assert sim.created_count == 0
