"""No key on disk: full CLI runs with a canary key (--debug on), then a byte search of every
file under the data and export folders and of everything the CLI printed. Plus: a server that
echoes the key, plain-http refusal, TLS verification."""

from __future__ import annotations

import secrets
import socket
import ssl
import subprocess
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from sora_desktop.core.client import VideoClient
from sora_desktop.core.errors import ExitCode, NetworkError
from sora_desktop.core.models import AuthStyle, Connection, ConnectionKind
from sora_desktop.simulator.server import SimulatorServer
from tests.reliability.conftest import error_line, history, run_cli
from tests.reliability.faultserver import FaultServer, Respond, error_body
from tests.reliability.filekeyring import ENV_FILE

VIDEOS = r"^/v1/videos$"


def canary() -> str:
    return "sk-canary-" + secrets.token_hex(16)


def leaks(
    key: str, folders: list[Path], outputs: list[subprocess.CompletedProcess[str]]
) -> list[str]:
    """Every file (and output stream) that holds ``key``, as bytes, in any common encoding."""
    needles = [key.encode(), key.encode("utf-16-le"), key[10:].encode()]
    found: list[str] = []
    files = 0
    for folder in folders:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                files += 1
                data = path.read_bytes()
                if any(n in data for n in needles):
                    found.append(str(path))
    assert files > 0, "nothing was searched"
    for n, result in enumerate(outputs):
        if key[10:] in result.stdout + result.stderr:
            found.append(f"output of run {n}: {result.args}")
    return found


def full_run(
    data_dir: Path, out_dir: Path, where: list[str], env: dict[str, str]
) -> list[subprocess.CompletedProcess[str]]:
    generated = run_cli(
        "generate",
        "--prompt",
        "a lighthouse at dusk",
        "--out",
        str(out_dir),
        "--debug",
        *where,
        data_dir=data_dir,
        env=env,
    )
    assert generated.returncode == 0, generated.stderr
    (record,) = history(data_dir)
    exported = run_cli(
        "export", record["id"], "--out", str(out_dir / "again"), "--debug", data_dir=data_dir
    )
    assert exported.returncode == 0, exported.stderr
    assert list((out_dir / "again").glob("*.json")), "the sidecar was written"
    listed = run_cli("history", "--json", "--debug", data_dir=data_dir)
    return [generated, exported, listed]


def test_env_key_never_reaches_disk_or_output(data_dir: Path, out_dir: Path) -> None:
    key = canary()
    with SimulatorServer(latency=1.0, api_key=key) as sim:
        outputs = full_run(
            data_dir,
            out_dir,
            ["--base-url", sim.url + "/v1", "--kind", "compatible", "--api-key-env", "CANARY_KEY"],
            {"CANARY_KEY": key},
        )
        assert sim.created_count == 1  # the key really was used
    log_files = list(data_dir.rglob("*.log"))
    assert log_files and any("DEBUG" in p.read_text() for p in log_files)  # --debug logged
    assert leaks(key, [data_dir, out_dir], outputs) == []


def test_keyring_key_of_a_profile_never_reaches_disk_or_output(
    tmp_path: Path, data_dir: Path, out_dir: Path
) -> None:
    key = canary()
    keyring_file = tmp_path / "os-keyring.json"
    env = {
        "PYTHON_KEYRING_BACKEND": "tests.reliability.filekeyring.FileKeyring",
        ENV_FILE: str(keyring_file),
    }
    with SimulatorServer(latency=1.0, api_key=key) as sim:
        added = run_cli(
            "profile",
            "add",
            "canary",
            "--kind",
            "compatible",
            "--base-url",
            sim.url + "/v1",
            data_dir=data_dir,
            env=env,
        )
        assert added.returncode == 0, added.stderr
        stored = run_cli(
            "profile", "set-key", "canary", "--debug", data_dir=data_dir, env=env, stdin=key + "\n"
        )
        assert stored.returncode == 0, stored.stderr
        outputs = [added, stored, *full_run(data_dir, out_dir, ["--profile", "canary"], env)]
        assert sim.created_count == 1
    assert key in keyring_file.read_text()  # the key is in the (stand-in) OS keyring ...
    assert leaks(key, [data_dir, out_dir], outputs) == []  # ... and nowhere else


@pytest.mark.parametrize(
    ("kind", "header"), [("compatible", "authorization"), ("azure", "api-key")]
)
def test_a_server_echoing_the_key_is_redacted_everywhere(
    sim: SimulatorServer, fault: FaultServer, data_dir: Path, out_dir: Path, kind: str, header: str
) -> None:
    key = canary()

    def echo(headers: dict[str, str]) -> bytes:
        sent = headers.get(header, "").removeprefix("Bearer ")
        assert sent == key  # the fault server really got the key to echo
        return error_body(f"Incorrect API key provided: {sent}. Header was {header}: {sent}")

    fault.add("POST", VIDEOS, Respond(401, echo))
    result = run_cli(
        "generate",
        "--prompt",
        "a lighthouse",
        "--out",
        str(out_dir),
        "--debug",
        "--base-url",
        fault.url + "/v1",
        "--kind",
        kind,
        "--api-key-env",
        "CANARY_KEY",
        data_dir=data_dir,
        env={"CANARY_KEY": key},
    )
    assert result.returncode == ExitCode.AUTH, result.stderr
    line = error_line(result)
    assert "key was refused" in line and "Incorrect API key provided" in line
    assert fault.count("POST", VIDEOS) == 1
    assert history(data_dir)[0]["error"] is not None
    assert leaks(key, [data_dir], [result]) == []


def test_plain_http_to_a_remote_host_is_refused_before_any_request(
    fault: FaultServer, data_dir: Path
) -> None:
    # every request would go through the proxy, which records it
    proxy_env = {"HTTP_PROXY": fault.url, "HTTPS_PROXY": fault.url, "ALL_PROXY": fault.url}
    result = run_cli(
        "generate",
        "--prompt",
        "a cat",
        "--base-url",
        "http://example.com/v1",
        data_dir=data_dir,
        env={**proxy_env, "NO_PROXY": ""},
    )
    assert result.returncode == ExitCode.INVALID_INPUT, result.stderr
    assert "https" in error_line(result)
    assert fault.seen == []
    assert history(data_dir) == []


@pytest.fixture
def tls_server() -> Iterator[tuple[int, list[str]]]:
    """A TLS server on loopback with a self-signed certificate; records what it was sent."""
    # made once with openssl (its header says how): Windows has no openssl command
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(Path(__file__).with_name("selfsigned-127.0.0.1.pem"))
    listener = socket.create_server(("127.0.0.1", 0))
    received: list[str] = []

    def serve() -> None:
        conn, _ = listener.accept()
        with conn:
            try:
                with context.wrap_socket(conn, server_side=True) as tls:
                    received.append(tls.recv(4096).decode("latin-1"))
            except (ssl.SSLError, OSError):
                pass  # the client refused our certificate

    thread = threading.Thread(target=serve, name="tls-once")
    thread.start()
    try:
        yield int(listener.getsockname()[1]), received
    finally:
        thread.join(timeout=30)
        listener.close()


def test_tls_verification_is_on(tls_server: tuple[int, list[str]]) -> None:
    import asyncio

    port, received = tls_server
    conn = Connection(
        kind=ConnectionKind.COMPATIBLE,
        base_url=f"https://127.0.0.1:{port}/v1",
        auth_style=AuthStyle.BEARER,
    )
    key = canary()

    async def call() -> None:
        async with VideoClient(conn, key) as client:
            await client.list_page()

    with pytest.raises(NetworkError) as caught:
        asyncio.run(call())
    assert "certificate" in caught.value.message
    assert not caught.value.may_have_reached_server
    assert received == []  # no request (and no key) went to the unverified server
