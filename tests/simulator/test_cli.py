"""``serve_forever_cli``: prints both base URLs, serves, stops cleanly."""

from __future__ import annotations

import re
import threading
import time

import httpx
import pytest

from sora_desktop.simulator.__main__ import main, serve_forever_cli


def test_serve_forever_cli_prints_urls_and_serves(capsys: pytest.CaptureFixture[str]) -> None:
    stop = threading.Event()
    result: list[int] = []
    thread = threading.Thread(
        target=lambda: result.append(serve_forever_cli("127.0.0.1", 0, "k1", 0.5, stop_event=stop)),
        name="test-sim-cli",
    )
    thread.start()
    try:
        deadline = time.monotonic() + 10
        urls: list[str] = []
        out = ""
        while len(urls) < 2:
            assert time.monotonic() < deadline, out
            out += capsys.readouterr().out
            urls = re.findall(r"http://127\.0\.0\.1:\d+(?:/openai)?/v1", out)
            time.sleep(0.02)  # polling captured output with a deadline
        assert urls[0].endswith("/v1") and not urls[0].endswith("/openai/v1")
        assert urls[1].endswith("/openai/v1")
        for url in urls:
            assert httpx.get(url + "/videos", headers={"api-key": "k1"}).status_code == 200
            assert httpx.get(url + "/videos", headers={"api-key": "k2"}).status_code == 401
    finally:
        stop.set()
        thread.join(10)
    assert result == [0]


def test_cli_reports_a_busy_port(capsys: pytest.CaptureFixture[str]) -> None:
    import socket

    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        assert main(["--port", str(port), "--latency", "1"]) == 2
    assert "Could not listen" in capsys.readouterr().err
