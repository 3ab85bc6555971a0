"""Ctrl+C in a terminal (SIGINT to the CLI's own process) during a generate and a stitch:
exit 130, one ``error:`` line that says what is left and the exact commands that go on,
no traceback, no half-written file; the interrupted job finishes with ``resume`` and no
create is sent twice."""

from __future__ import annotations

import json
import os
import shlex
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import pytest

from sora_desktop.core.errors import ExitCode
from tests.cli_helpers import command, history_records, one_error_line, run_cli
from tests.core.media_clips import marker_clip

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(sys.platform == "win32", reason="SIGINT to a child is POSIX here"),
]


def _interrupted(args: list[str], data_dir: Path, at: str) -> subprocess.CompletedProcess[str]:
    """``sora-desktop ARGS``, sent SIGINT once a stderr line contains ``at``."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "sora_desktop", *args, "--data-dir", str(data_dir)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=os.environ.copy(),
    )
    assert proc.stderr is not None
    seen = []
    for line in proc.stderr:  # the command's own progress, read as it is written
        seen.append(line)
        if at in line:
            proc.send_signal(signal.SIGINT)
            break
    out, err = proc.communicate(timeout=120)
    return subprocess.CompletedProcess(proc.args, proc.returncode, out, "".join(seen) + err)


def test_ctrl_c_during_a_generate_names_the_job_and_the_commands_that_finish_it(
    simulator: Any, data_dir: Path, tmp_path: Path
) -> None:
    out = tmp_path / "my clips"
    args = [
        "generate", "--prompt", "a slow tide [sim:slow=3]", "--out", str(out),
        "--base-url", simulator.url + "/v1", "--kind", "simulator",
    ]  # fmt: skip
    stopped = _interrupted(args, data_dir, at="queued")
    assert stopped.returncode == ExitCode.CANCELLED, stopped.stderr
    line = one_error_line(stopped)
    [job] = history_records(run_cli("history", "--json", data_dir=data_dir))
    assert job["status"] == "interrupted"
    ref = job["id"][:8]
    # the job by its id, resume, then the export into the --out folder (quoted: a space)
    assert f"Job {ref} " in line and command(data_dir, "resume") in line
    export = line.split("copy it out with: ", 1)[1]
    assert export == command(data_dir, f"export {ref} --out {shlex.quote(str(out))}")
    assert stopped.stdout == "" and not list(out.glob("*"))

    resumed = run_cli("resume", data_dir=data_dir)
    assert resumed.returncode == 0, resumed.stderr
    exported = run_cli(*shlex.split(export)[1:], data_dir=data_dir)
    assert exported.returncode == 0, exported.stderr
    [clip] = out.glob("*.mp4")
    assert Path(exported.stdout.splitlines()[0]) == clip
    assert simulator.created_count == 1  # resume polled the job it had; nothing sent again


def test_ctrl_c_during_a_stitch_leaves_no_file_and_says_to_run_it_again(
    data_dir: Path, tmp_path: Path
) -> None:
    work = tmp_path / "work"
    work.mkdir()
    clip = marker_clip(work / "wide.mp4", seconds=4.0, width=1280, height=720)
    film = work / "film.mp4"
    args = ["stitch", *[str(clip)] * 6, "--crossfade", "0.5", "--out", str(film)]
    stopped = _interrupted(args, data_dir, at="stitch 0%")
    assert stopped.returncode == ExitCode.CANCELLED, stopped.stderr
    line = one_error_line(stopped)
    assert "no film was written" in line and "Run the same command again" in line
    assert "resume" not in line  # there is no stitch job for `resume` to finish
    assert stopped.stdout == ""
    assert sorted(p.name for p in work.iterdir()) == ["wide.mp4"]  # no film, no part file


def test_an_extend_stopped_while_its_clip_is_made_is_joined_by_resume(
    data_dir: Path, tmp_path: Path
) -> None:
    made = run_cli("generate", "--prompt", "a paper boat", "--out", str(tmp_path / "clips"),
                   "--sim-latency", "0.5", data_dir=data_dir)  # fmt: skip
    assert made.returncode == 0, made.stderr
    [shot] = history_records(run_cli("history", "--json", data_dir=data_dir))
    film = run_cli("stitch", shot["id"][:8], shot["id"][:8], "--out", str(tmp_path / "film.mp4"),
                   data_dir=data_dir)  # fmt: skip
    assert film.returncode == 0, film.stderr
    source = history_records(run_cli("history", "--json", data_dir=data_dir))[0]
    # a film has no video on the service: it is continued from its last frame, then joined
    args = ["extend", source["id"][:8], "--prompt", "and then it rains", "--sim-latency", "3"]
    stopped = _interrupted(args, data_dir, at="queued")
    assert stopped.returncode == ExitCode.CANCELLED, stopped.stderr
    assert command(data_dir, "resume") in one_error_line(stopped)

    resumed = run_cli("resume", data_dir=data_dir)
    assert resumed.returncode == 0, resumed.stderr
    continuation, joined = (line.split() for line in resumed.stdout.splitlines())
    assert continuation[1] == joined[1] == "ready"
    records = {r["id"]: r for r in history_records(run_cli("history", "--json", data_dir=data_dir))}
    assert records[joined[0]]["prompt"] == f"{source['prompt']} (extended)"
    assert Path(joined[2]).is_file() and Path(joined[2]) == Path(records[joined[0]]["file"])
    again = run_cli("resume", data_dir=data_dir)  # joined once: nothing left to do
    assert again.returncode == 0 and again.stdout == ""


def test_ctrl_c_while_a_paid_create_waits_for_its_reply_is_never_sent_again_by_resume(
    data_dir: Path,
) -> None:
    # a fal endpoint that takes the request and never answers: the create has left
    received: list[bytes] = []
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen(8)
        server.settimeout(0.2)
        stop = threading.Event()

        def serve() -> None:
            held = []
            while not stop.is_set():
                try:
                    conn, _ = server.accept()
                except TimeoutError:
                    continue
                held.append(conn)
                data = b""
                while b'"prompt"' not in data:
                    chunk = conn.recv(65536)
                    if not chunk:
                        break
                    data += chunk
                received.append(data)
            for conn in held:
                conn.close()

        thread = threading.Thread(target=serve, daemon=True)
        thread.start()
        base = f"http://127.0.0.1:{server.getsockname()[1]}"
        env = {"FAL_KEY": "test-key"}
        args = ["generate", "--prompt", "pay once", "--kind", "fal", "--base-url", base,
                "--model", "fal-ai/veo3.1", "--seconds", "4"]  # fmt: skip
        proc = subprocess.Popen(
            [sys.executable, "-m", "sora_desktop", *args, "--data-dir", str(data_dir)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env={**os.environ, **env},
        )
        deadline = time.monotonic() + 60
        while not received and time.monotonic() < deadline and proc.poll() is None:
            time.sleep(0.05)
        assert received and received[0].startswith(b"POST "), proc.stderr
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=60)
        stopped = subprocess.CompletedProcess(proc.args, proc.returncode, out, err)
        assert stopped.returncode == ExitCode.CANCELLED, err
        assert command(data_dir, "resume") in one_error_line(stopped)

        resumed = run_cli("resume", "--give-up-after", "1", data_dir=data_dir, env=env)
        stop.set()
        thread.join(timeout=10)
    assert resumed.returncode == ExitCode.OUTCOME_UNKNOWN, resumed.stderr
    assert "dashboard" in one_error_line(resumed)
    assert len(received) == 1  # the one create; resume sent nothing to the endpoint again
    [job] = history_records(run_cli("history", "--json", data_dir=data_dir))
    assert job["status"] == "failed" and job["remote_id"] is None


def test_ctrl_c_during_a_storyboard_run_says_to_run_it_again_which_sends_nothing_twice(
    simulator: Any, data_dir: Path, tmp_path: Path
) -> None:
    board = tmp_path / "pond.storyboard.json"
    made = run_cli("storyboard", "new", str(board), "--size", "720x1280", "--shot",
                   "a paper boat [sim:slow=3]", data_dir=data_dir)  # fmt: skip
    assert made.returncode == 0, made.stderr
    where = ["--base-url", simulator.url + "/v1", "--kind", "simulator"]
    stopped = _interrupted(["storyboard", "run", str(board), *where], data_dir, at="queued")
    assert stopped.returncode == ExitCode.CANCELLED, stopped.stderr
    line = one_error_line(stopped)
    assert "run the same storyboard again" in line and "sora-desktop resume" not in line

    again = run_cli("storyboard", "run", str(board), *where, data_dir=data_dir)
    assert again.returncode == 0, again.stderr
    assert Path(again.stdout.strip().splitlines()[-1]).is_file()
    assert simulator.created_count == 1  # the shot's take was waited for, not sent again


def test_ctrl_c_during_a_batch_is_one_line_naming_the_batch_resume_command(
    data_dir: Path, tmp_path: Path
) -> None:
    prompts = tmp_path / "ideas.txt"
    prompts.write_text("a fox in the snow\n", encoding="utf-8")
    stopped = _interrupted(["batch", str(prompts), "--yes"], data_dir, at="running")
    assert stopped.returncode == ExitCode.CANCELLED, stopped.stderr
    line = one_error_line(stopped)  # exactly one error line (there were two)
    listed = run_cli("batch", "list", "--json", data_dir=data_dir)
    [batch] = json.loads(listed.stdout)
    assert line.endswith(command(data_dir, f"batch resume {batch['id'][:8]}"))
    assert "Unfinished jobs continue" not in stopped.stderr
