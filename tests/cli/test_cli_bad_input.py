"""What a creator or a script gets wrong on the command line is answered with one ``error:``
line that names the real problem and the next step, exit 2, and nothing written."""

from __future__ import annotations

import os
import socket
from pathlib import Path
from typing import Any

import pytest

from sora_desktop.core.errors import ExitCode
from tests.cli_helpers import command, history_records, one_error_line, run_cli
from tests.core.media_clips import marker_clip, sim_clip


def test_a_folder_given_as_a_clip_or_a_storyboard_is_called_a_folder(
    data_dir: Path, tmp_path: Path
) -> None:
    clip = sim_clip(tmp_path / "sim", "A lighthouse at night")
    folder = tmp_path / "takes"
    folder.mkdir()
    film = tmp_path / "film.mp4"
    stitched = run_cli("stitch", str(clip), str(folder), "--out", str(film), data_dir=data_dir)
    assert stitched.returncode == ExitCode.INVALID_INPUT
    assert f"{str(folder)!r} is a folder, not a video file." in one_error_line(stitched)
    assert not film.exists()

    board = run_cli("storyboard", "run", str(folder), data_dir=data_dir)
    assert board.returncode == ExitCode.INVALID_INPUT
    line = one_error_line(board)
    assert "is a folder, not a storyboard file" in line and "permissions" not in line


def test_set_key_from_an_empty_pipe_says_how_to_send_the_key(data_dir: Path) -> None:
    added = run_cli("profile", "add", "Studio", "--kind", "compatible", "--base-url",
                    "https://gateway.example.com/v1", data_dir=data_dir)  # fmt: skip
    assert added.returncode == 0, added.stderr
    empty = run_cli("profile", "set-key", "Studio", stdin="", data_dir=data_dir)
    assert empty.returncode == ExitCode.INVALID_INPUT
    line = one_error_line(empty)
    assert "No key was given" in line and "Paste" not in line  # no one is there to paste it
    assert 'printf %s "$KEY" | ' + command(data_dir, "profile set-key studio") in line


def _film_of_files(data_dir: Path, tmp_path: Path) -> dict[str, Any]:
    """The library record of a film stitched from a clip file (the only job there)."""
    clip = sim_clip(tmp_path / "sim", "A lighthouse at night")
    film = run_cli("stitch", str(clip), str(clip), "--out", str(tmp_path / "film.mp4"),
                   data_dir=data_dir)  # fmt: skip
    assert film.returncode == 0, film.stderr
    [record] = history_records(run_cli("history", "--json", data_dir=data_dir))
    return record


def test_a_film_joined_from_files_is_not_sent_to_a_model_to_extend(
    data_dir: Path, tmp_path: Path
) -> None:
    record = _film_of_files(data_dir, tmp_path)
    extended = run_cli("extend", record["id"][:8], "--prompt", "and then it rains",
                       data_dir=data_dir)  # fmt: skip
    assert extended.returncode == ExitCode.INVALID_INPUT
    line = one_error_line(extended)
    assert "joined from video files" in line
    assert "--model" not in line and "model 'film'" not in line
    assert "built-in simulator" not in extended.stderr  # refused before anything started
    assert len(history_records(run_cli("history", "--json", data_dir=data_dir))) == 1


def test_an_out_folder_is_made_only_for_a_clip_and_a_file_in_its_way_is_named(
    data_dir: Path, tmp_path: Path
) -> None:
    with socket.socket() as sock:  # a port nothing listens on: the create can't leave
        sock.bind(("127.0.0.1", 0))
        port = int(sock.getsockname()[1])
    out = tmp_path / "clips" / "today"
    failed = run_cli(
        "generate", "--prompt", "a cat", "--out", str(out),
        "--base-url", f"http://127.0.0.1:{port}/v1", "--kind", "simulator",
        "--give-up-after", "0", data_dir=data_dir,
    )  # fmt: skip
    assert failed.returncode == ExitCode.NETWORK
    one_error_line(failed)
    assert not (tmp_path / "clips").exists()  # no empty folder left by a job that failed

    blocker = tmp_path / "notes.txt"
    blocker.write_text("not a folder")
    blocked = run_cli(
        "generate", "--prompt", "a cat", "--out", str(blocker / "clips"), data_dir=data_dir
    )
    assert blocked.returncode == ExitCode.LOCAL_IO
    assert f"{blocker} is a file" in one_error_line(blocked)
    assert len(history_records(run_cli("history", "--json", data_dir=data_dir))) == 1


def test_a_frame_time_past_the_end_says_it_saved_the_last_frame(
    data_dir: Path, tmp_path: Path
) -> None:
    clip = marker_clip(tmp_path / "m.mp4", seconds=2.0)
    png = tmp_path / "late.png"
    late = run_cli("frame", str(clip), "--at", "9", "--out", str(png), data_dir=data_dir)
    assert late.returncode == 0, late.stderr
    assert late.stdout.strip() == str(png) and png.is_file()
    assert "note: the clip is 2.00 s long, so this is its last frame." in late.stderr
    inside = run_cli("frame", str(clip), "--at", "1", "--out", str(tmp_path / "in.png"),
                     data_dir=data_dir)  # fmt: skip
    assert inside.returncode == 0 and "note:" not in inside.stderr


def test_a_bad_export_template_is_refused_before_the_folder_is_made(
    data_dir: Path, tmp_path: Path
) -> None:
    record = _film_of_files(data_dir, tmp_path)
    out = tmp_path / "exports"
    refused = run_cli("export", record["id"][:8], "--out", str(out), "--template", "{nope}.mp4",
                      data_dir=data_dir)  # fmt: skip
    assert refused.returncode == ExitCode.INVALID_INPUT
    assert "{nope}" in one_error_line(refused)
    assert not out.exists()


@pytest.mark.parametrize(
    ("options", "said"),
    [
        (["--kind", "azure"], "--kind azure needs the service's address"),
        (["--profile", "simulator", "--kind", "fal"], "--kind fal can't go with --profile"),
        (["--api-key-env", "MY_KEY"], "--api-key-env names a key, but no service is given"),
    ],
)
def test_connection_options_that_would_be_ignored_are_refused(
    options: list[str], said: str, data_dir: Path, tmp_path: Path
) -> None:
    out = tmp_path / "clips"
    result = run_cli("generate", "--prompt", "a cat", "--out", str(out), *options,
                     data_dir=data_dir)  # fmt: skip
    assert result.returncode == ExitCode.INVALID_INPUT
    assert said in one_error_line(result)
    assert "Using the built-in simulator" not in result.stderr  # it ran there without a word
    assert not out.exists()


def test_follow_up_commands_run_on_the_library_of_data_dir(tmp_path: Path) -> None:
    """A hint's command line, pasted back, must act on the same library: ``--data-dir DIR``
    is repeated in it, DIR quoted as the shell needs (here: a space)."""
    import shlex
    import subprocess
    import sys

    library = tmp_path / "my library"
    missing = run_cli("profile", "set-key", "nope", stdin="", data_dir=library)
    assert missing.returncode == ExitCode.INVALID_INPUT
    folder = shlex.quote(str(library)) if sys.platform != "win32" else f'"{library}"'
    assert one_error_line(missing).endswith(
        f"See them with: sora-desktop --data-dir {folder} profile list"
    )
    added = run_cli("profile", "add", "Studio", "--kind", "compatible", "--base-url",
                    "https://gateway.example.com/v1", data_dir=library)  # fmt: skip
    assert added.returncode == 0, added.stderr
    assert f"sora-desktop --data-dir {folder} profile set-key studio" in added.stderr
    # the folder from the environment instead: the hint stays as it was
    env = {**os.environ, "SORA_DESKTOP_DATA_DIR": str(library)}
    plain = subprocess.run(
        [sys.executable, "-m", "sora_desktop", "profile", "set-key", "nope"],
        capture_output=True, text=True, env=env, input="", timeout=120, check=False,
    )  # fmt: skip
    assert one_error_line(plain).endswith("See them with: sora-desktop profile list")


def test_follow_up_leaves_paths_and_the_app_name_alone() -> None:
    from sora_desktop.cli.runtime import follow_up

    text = "Open Sora Desktop or run: sora-desktop resume (log: /tmp/sora-desktop x)"
    assert follow_up(text, None) == text
    assert follow_up(text, "lib") == (
        "Open Sora Desktop or run: sora-desktop --data-dir lib resume (log: /tmp/sora-desktop x)"
    )
    assert follow_up(follow_up(text, "lib"), "lib") == follow_up(text, "lib")  # once only
