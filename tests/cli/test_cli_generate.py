"""The CLI end to end, in subprocesses, against the simulator over loopback."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import av
import pytest
from PIL import Image

from sora_desktop.core.errors import ExitCode
from sora_desktop.simulator.server import SimulatorServer
from tests.cli_helpers import history_records, run_cli
from tests.cli_helpers import one_error_line as assert_one_error_line


def sim_args(simulator: Any) -> list[str]:
    return ["--base-url", simulator.url + "/v1", "--kind", "simulator"]


def history(data_dir: Path) -> list[dict[str, Any]]:
    return history_records(run_cli("history", "--json", data_dir=data_dir))


@pytest.fixture
def out_dir(tmp_path: Path) -> Path:
    return tmp_path / "exports"


def test_generate_exports_a_decodable_clip_and_prints_its_path_last(
    simulator: Any, data_dir: Path, out_dir: Path
) -> None:
    result = run_cli(
        "generate",
        "--prompt",
        "a kite over a beach",
        "--size",
        "1280x720",
        "--seconds",
        "4",
        "--out",
        str(out_dir),
        *sim_args(simulator),
        data_dir=data_dir,
    )
    assert result.returncode == 0, result.stderr
    exported = Path(result.stdout.strip().splitlines()[-1])
    assert exported.parent == out_dir and exported.suffix == ".mp4"
    with av.open(str(exported)) as container:
        stream = container.streams.video[0]
        assert (stream.codec_context.width, stream.codec_context.height) == (1280, 720)
        assert container.streams.audio
        assert container.duration is not None
        assert abs(container.duration / 1_000_000 - 4) < 0.5
    # progress went to stderr, a line per change, no terminal escapes when not a TTY
    assert "ready 100%" in result.stderr and "\x1b[" not in result.stderr
    assert simulator.created_count == 1

    (record,) = history(data_dir)
    assert record["status"] == "ready"
    assert record["prompt"] == "a kite over a beach"
    assert (record["model"], record["size"], record["seconds"]) == ("sora-2", "1280x720", 4)
    assert record["remote_id"] == simulator.video_ids()[0]
    assert record["file"] and Path(record["file"]).is_file()
    assert record["error"] is None and record["created_at"].endswith("+00:00")

    # export again, with a sidecar, then delete locally
    again = run_cli(
        "export",
        record["id"][:10],
        "--out",
        str(out_dir / "again"),
        "--template",
        "{id}.mp4",
        data_dir=data_dir,
    )
    assert again.returncode == 0, again.stderr
    copy = Path(again.stdout.strip().splitlines()[-1])
    assert copy.read_bytes() == Path(record["file"]).read_bytes()
    sidecars = list(copy.parent.glob("*.json"))
    assert len(sidecars) == 1 and "a kite over a beach" in sidecars[0].read_text()

    deleted = run_cli("delete", record["id"], "--remote", data_dir=data_dir)
    assert deleted.returncode == 0, deleted.stderr
    assert history(data_dir) == []
    assert not Path(record["file"]).exists()
    assert simulator.video_ids() == []


@pytest.mark.parametrize(
    ("extra", "field"),
    [(["--size", "999x999"], "999x999"), (["--seconds", "5"], "5-second"), ([], "empty")],
)
def test_invalid_input_exits_2_without_a_network_call(
    simulator: Any, data_dir: Path, extra: list[str], field: str
) -> None:
    prompt = "   " if field == "empty" else "a cat"
    result = run_cli(
        "generate", "--prompt", prompt, *extra, *sim_args(simulator), data_dir=data_dir
    )
    assert result.returncode == ExitCode.INVALID_INPUT
    assert field in assert_one_error_line(result)
    assert simulator.created_count == 0
    assert history(data_dir) == []


def test_wrong_size_image_is_refused_then_fitted_on_request(
    simulator: Any, data_dir: Path, tmp_path: Path, out_dir: Path
) -> None:
    image = tmp_path / "ref.png"
    Image.new("RGB", (300, 200), (200, 30, 30)).save(image)
    args = [
        "generate",
        "--prompt",
        "a red square",
        "--image",
        str(image),
        "--out",
        str(out_dir),
        *sim_args(simulator),
    ]
    refused = run_cli(*args, data_dir=data_dir)
    assert refused.returncode == ExitCode.INVALID_INPUT
    line = assert_one_error_line(refused)
    assert "--fit" in line
    assert "will be fitted" not in line  # it was refused: it says what to do, not what happens
    assert simulator.created_count == 0

    fitted = run_cli(*args, "--fit", "crop", data_dir=data_dir)
    assert fitted.returncode == 0, fitted.stderr
    assert Path(fitted.stdout.strip().splitlines()[-1]).is_file()
    assert simulator.created_count == 1


def test_bad_key_exits_3(data_dir: Path) -> None:
    with SimulatorServer(latency=0.5, api_key="the-right-key") as server:
        result = run_cli(
            "generate",
            "--prompt",
            "a cat",
            "--base-url",
            server.url + "/v1",
            "--api-key-env",
            "SORA_TEST_KEY",
            data_dir=data_dir,
            env={"SORA_TEST_KEY": "a-wrong-key"},
        )
        assert server.created_count == 0
    assert result.returncode == ExitCode.AUTH, result.stderr
    line = assert_one_error_line(result)
    assert "a-wrong-key" not in result.stderr + result.stdout
    assert len(line) > len("error: ")


def test_missing_key_variable_exits_3_before_any_request(simulator: Any, data_dir: Path) -> None:
    result = run_cli(
        "generate",
        "--prompt",
        "a cat",
        "--base-url",
        simulator.url + "/v1",
        "--kind",
        "openai",
        "--api-key-env",
        "SORA_NO_SUCH_KEY",
        data_dir=data_dir,
    )
    assert result.returncode == ExitCode.AUTH
    assert "SORA_NO_SUCH_KEY" in assert_one_error_line(result)
    assert simulator.created_count == 0


def test_moderation_exits_4(simulator: Any, data_dir: Path) -> None:
    result = run_cli(
        "generate",
        "--prompt",
        "a celebrity [sim:moderation]",
        *sim_args(simulator),
        data_dir=data_dir,
    )
    assert result.returncode == ExitCode.REMOTE_FAILED
    assert "content rules" in assert_one_error_line(result)
    assert history(data_dir)[0]["status"] == "failed"


def test_expired_assets_exit_5(simulator: Any, data_dir: Path) -> None:
    result = run_cli(
        "generate", "--prompt", "a sunset [sim:expired]", *sim_args(simulator), data_dir=data_dir
    )
    assert result.returncode == ExitCode.EXPIRED, result.stderr
    assert "never re-creates a paid job" in assert_one_error_line(result)
    assert simulator.created_count == 1
    assert history(data_dir)[0]["status"] == "expired"


@pytest.fixture
def closed_port() -> Iterator[int]:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = int(sock.getsockname()[1])
    yield port


def test_connection_refused_exits_6_in_bounded_time(data_dir: Path, closed_port: int) -> None:
    start = time.monotonic()
    result = run_cli(
        "generate",
        "--prompt",
        "a cat",
        "--base-url",
        f"http://127.0.0.1:{closed_port}/v1",
        "--kind",
        "simulator",
        "--give-up-after",
        "1",
        data_dir=data_dir,
        timeout=60,
    )
    assert result.returncode == ExitCode.NETWORK, result.stderr
    assert_one_error_line(result)
    assert time.monotonic() - start < 30
    (record,) = history(data_dir)
    assert record["status"] == "failed" and record["remote_id"] is None


def test_profiles_add_list_set_key_remove(data_dir: Path) -> None:
    added = run_cli(
        "profile",
        "add",
        "My Gateway",
        "--kind",
        "compatible",
        "--base-url",
        "https://gateway.example.com/v1",
        "--model",
        "veo-3",
        data_dir=data_dir,
    )
    assert added.returncode == 0, added.stderr
    profile_id = added.stdout.strip()
    assert profile_id == "my-gateway"
    listed = run_cli("profile", "list", data_dir=data_dir)
    assert "my-gateway" in listed.stdout and "veo-3" in listed.stdout
    assert "simulator" in listed.stdout
    key = run_cli("profile", "set-key", "my-gateway", data_dir=data_dir, stdin="sk-test-123456\n")
    assert key.returncode == 0, key.stderr
    assert "sk-test-123456" not in key.stdout + key.stderr
    bad = run_cli("profile", "add", "x", "--kind", "azure", data_dir=data_dir)
    assert bad.returncode == ExitCode.INVALID_INPUT
    assert_one_error_line(bad)
    removed = run_cli("profile", "remove", "My Gateway", data_dir=data_dir)
    assert removed.returncode == 0, removed.stderr
    assert "my-gateway" not in run_cli("profile", "list", data_dir=data_dir).stdout
    missing = run_cli("profile", "remove", "nope", data_dir=data_dir)
    assert missing.returncode == ExitCode.INVALID_INPUT


def test_generate_with_a_saved_profile(simulator: Any, data_dir: Path, out_dir: Path) -> None:
    added = run_cli(
        "profile",
        "add",
        "local sim",
        "--kind",
        "compatible",
        "--base-url",
        simulator.url + "/v1",
        "--api-key-env",
        "SORA_TEST_KEY",
        data_dir=data_dir,
    )
    assert added.returncode == 0, added.stderr
    result = run_cli(
        "generate",
        "--prompt",
        "a boat",
        "--profile",
        "local-sim",
        "--out",
        str(out_dir),
        data_dir=data_dir,
        env={"SORA_TEST_KEY": "anything"},
    )
    assert result.returncode == 0, result.stderr
    assert Path(result.stdout.strip().splitlines()[-1]).is_file()
    assert history(data_dir)[0]["connection"]["profile"] == "local-sim"


def test_unknown_job_and_version(data_dir: Path) -> None:
    result = run_cli("export", "doesnotexist", "--out", "x", data_dir=data_dir)
    assert result.returncode == ExitCode.INVALID_INPUT
    assert "doesnotexist" in assert_one_error_line(result)
    version = subprocess.run(
        [sys.executable, "-m", "sora_desktop", "--version"],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert version.returncode == 0
    from sora_desktop import __version__

    assert __version__ in version.stdout


def test_without_a_connection_the_builtin_simulator_is_used(data_dir: Path, out_dir: Path) -> None:
    result = run_cli(
        "generate",
        "--prompt",
        "a moth near a lamp",
        "--out",
        str(out_dir),
        "--sim-latency",
        "0.5",
        data_dir=data_dir,
    )
    assert result.returncode == 0, result.stderr
    assert "built-in simulator" in result.stderr
    clip = Path(result.stdout.strip().splitlines()[-1])
    with av.open(str(clip)) as container:
        assert container.streams.video and container.streams.audio
    (record,) = history(data_dir)
    assert record["connection"]["kind"] == "simulator"
    assert record["connection"]["profile"] == "simulator"
