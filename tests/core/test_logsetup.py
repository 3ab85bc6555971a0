"""Redaction of secrets in text and log records; the rotating file log; httpx in debug."""

from __future__ import annotations

import http.server
import logging
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from sora_desktop.core import logsetup
from sora_desktop.core.logsetup import REDACTED, RedactingFilter, redact, register_secret
from sora_desktop.core.paths import AppPaths
from tests.fail_on_unexpected import ExpectLog


@pytest.fixture(autouse=True)
def _clean() -> Iterator[None]:
    yield
    logsetup.teardown_logging()
    logsetup._forget_secrets()


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("Authorization: Bearer sk-abcDEF1234567890xyz", "sk-abcDEF1234567890xyz"),
        ("authorization: Basic dXNlcjpwYXNz", "dXNlcjpwYXNz"),
        ("api-key: 9f8e7d6c5b4a39281706f5e4d3c2b1a0", "9f8e7d6c5b4a39281706f5e4d3c2b1a0"),
        ("headers={'api-key': 'plainkey99'}", "plainkey99"),
        ("[(b'authorization', b'Bearer tok_123.abc')]", "tok_123.abc"),
        ("call failed with bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOjF9.x-Y_z", "eyJhbGciOiJIUzI1"),
        ("key sk-proj-Ab12Cd34Ef56Gh78_ij-KL in text", "Ab12Cd34Ef56Gh78"),
        ("legacy sk-0123456789abcdefghijABCDEFGHIJ", "0123456789abcdefghij"),
        ("api_key='sk-live-zzzzzzzz'", "sk-live-zzzzzzzz"),
        ("token Xy7QpL2mN9vR4tB8cK1wZ5sD3fG6hJ0aE2 here", "Xy7QpL2mN9vR4tB8cK1wZ5sD3fG6hJ0aE2"),
        ("https://x.openai.azure.com/openai/v1/videos?api-key=abcdef123456", "abcdef123456"),
    ],
)
def test_redact_patterns(text: str, secret: str) -> None:
    out = redact(text)
    assert secret not in out
    assert REDACTED in out


@pytest.mark.parametrize(
    "text",
    [
        "job 0f1e2d3c4b5a69788796a5b4c3d2e1f0 moved to queued",  # our 32-hex job ids
        "GET /v1/videos/video_68d7512d07848190b3e45da0ecbebcde004da08e1e0678d5 200",
        "the api-key header is missing",
        "wrote /home/me/Videos/2026-01-01_a red fox.mp4",
    ],
)
def test_redact_keeps_ordinary_text(text: str) -> None:
    assert redact(text) == text


def test_registered_secrets_are_redacted_anywhere() -> None:
    register_secret("hunter2-but-longer")
    register_secret("abc")  # too short to redact safely: ignored
    assert redact("x=hunter2-but-longer;") == f"x={REDACTED};"
    assert redact("abc") == "abc"
    register_secret(None)


def _record(msg: str, *args: object, exc: bool = False) -> logging.LogRecord:
    exc_info = None
    if exc:
        try:
            raise RuntimeError("server said: Authorization: Bearer sk-leakedKEY123456789")
        except RuntimeError:
            exc_info = sys.exc_info()
    return logging.LogRecord("t", logging.ERROR, __file__, 1, msg, args, exc_info)


def test_filter_redacts_msg_args_and_exception() -> None:
    register_secret("my-registered-secret")
    rec = _record("sending %s with %r", "Bearer sk-abcdefgh12345678", "my-registered-secret")
    rec2 = _record("boom", exc=True)
    rec2.stack_info = "stack: api-key: zzzz-stack-secret"
    f = RedactingFilter()
    assert f.filter(rec) and f.filter(rec2)
    fmt = logging.Formatter("%(message)s")
    text = fmt.format(rec) + fmt.format(rec2)
    for leaked in ("sk-abcdefgh12345678", "my-registered-secret", "sk-leaked", "zzzz-stack"):
        assert leaked not in text
    assert "RuntimeError" in text and "sending" in text


def test_setup_logging_writes_redacted_file(tmp_path: Path, expect_log: ExpectLog) -> None:
    paths = AppPaths.default(tmp_path / "app")
    log_path = logsetup.setup_logging(paths, debug=False)
    assert log_path == paths.log_path
    log = logging.getLogger("sora_desktop.test")
    log.info("request with Authorization: Bearer sk-proj-SECRETsecret1234")
    log.debug("debug lines are off by default")
    with expect_log("sora_desktop.test", "^failed$", "ERROR"):
        try:
            raise ValueError("api-key: from-an-exception-0001")
        except ValueError:
            log.exception("failed")
    assert logging.getLogger("httpx").level == logging.WARNING
    logsetup.teardown_logging()
    text = log_path.read_text(encoding="utf-8")
    assert "request with Authorization" in text
    assert "SECRETsecret" not in text and "from-an-exception-0001" not in text
    assert "debug lines are off" not in text
    assert "ValueError" in text


def test_log_rotates(tmp_path: Path) -> None:
    paths = AppPaths.default(tmp_path / "app")
    log_path = logsetup.setup_logging(paths, max_bytes=2000, backups=2)
    log = logging.getLogger("sora_desktop.rot")
    for i in range(200):
        log.info("line %d %s", i, "x" * 50)
    logsetup.teardown_logging()
    assert Path(f"{log_path}.1").exists()
    assert not Path(f"{log_path}.3").exists()


class _Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        body = b'{"ok": true}'
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


def test_httpx_debug_logs_are_redacted(tmp_path: Path) -> None:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=server.serve_forever, name="test-http")
    thread.start()
    try:
        paths = AppPaths.default(tmp_path / "app")
        log_path = logsetup.setup_logging(paths, debug=True)
        key = "sk-proj-HttpxDebugKey0123456789"
        register_secret(key)
        url = f"http://127.0.0.1:{server.server_address[1]}/v1/videos"
        with httpx.Client() as client:
            r = client.get(url, headers={"Authorization": f"Bearer {key}", "api-key": key})
        assert r.status_code == 200
        logsetup.teardown_logging()
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)
    text = log_path.read_text(encoding="utf-8")
    assert "httpcore" in text and "HTTP Request: GET" in text  # debug really was on
    assert key not in text and "HttpxDebugKey" not in text


def test_teardown_restores_levels(tmp_path: Path) -> None:
    root = logging.getLogger()
    before = (root.level, logging.getLogger("httpx").level, len(root.handlers))
    logsetup.setup_logging(AppPaths.default(tmp_path / "app"), debug=True)
    logsetup.setup_logging(AppPaths.default(tmp_path / "app"), debug=True)  # idempotent
    assert root.level == logging.DEBUG
    assert len(root.handlers) == before[2] + 2
    logsetup.teardown_logging()
    assert (root.level, logging.getLogger("httpx").level, len(root.handlers)) == before
