"""Logging with secrets redacted: a rotating file in the log folder plus stderr.

:func:`redact` removes what looks like a credential from any text: ``Authorization`` /
``api-key`` header values, ``Bearer`` tokens, ``sk-...`` keys, long random-looking tokens
(32+ characters mixing upper case, lower case and digits; plain lower-case hex such as our
job ids and video ids is kept so the log stays useful), and every value given to
:func:`register_secret` (:mod:`.secrets` registers each key it reads or stores, which also
covers Azure's 32-hex-digit keys that the pattern can't tell from an id).

:class:`RedactingFilter` applies it to each record's message, arguments, exception and stack
text; :func:`setup_logging` puts it on every handler it installs.
"""

from __future__ import annotations

import logging
import logging.handlers
import re
import sys
import threading
from pathlib import Path

from sora_desktop.core.paths import AppPaths

__all__ = [
    "REDACTED",
    "RedactingFilter",
    "redact",
    "register_secret",
    "setup_logging",
    "teardown_logging",
]

REDACTED = "[REDACTED]"
_MIN_SECRET_LEN = 6

_secrets: set[str] = set()
_secrets_lock = threading.Lock()
_secrets_sorted: tuple[str, ...] = ()

_HEADER = re.compile(
    r"""(?ix)
    (\b(?:proxy-)?authorization|\b(?:x-)?api[-_]key|\bapikey|\bx-goog-api-key)  # the name
    (["']?\s*[:=,]\s*b?["']?)                                   # : or = or ', b'
    ([^"'\r\n,;}&]+)                                            # the value
    """
)
_BEARER = re.compile(r"(?i)\b(bearer)\s+[A-Za-z0-9._~+/=-]+")
_SK = re.compile(r"\bsk-(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{8,}")
_LONG = re.compile(r"(?<![A-Za-z0-9_-])[A-Za-z0-9_-]{32,}(?![A-Za-z0-9_-])")


def register_secret(value: str | None) -> None:
    """Redact ``value`` (and nothing shorter than 6 characters) from every later log line."""
    global _secrets_sorted
    if not value or len(value.strip()) < _MIN_SECRET_LEN:
        return
    with _secrets_lock:
        if value in _secrets:
            return
        _secrets.add(value)
        _secrets.add(value.strip())
        _secrets_sorted = tuple(sorted(_secrets, key=len, reverse=True))


def _forget_secrets() -> None:
    """For tests only."""
    global _secrets_sorted
    with _secrets_lock:
        _secrets.clear()
        _secrets_sorted = ()


def _looks_random(token: str) -> bool:
    return (
        any(c.isupper() for c in token)
        and any(c.islower() for c in token)
        and any(c.isdigit() for c in token)
    )


def _long_token(m: re.Match[str]) -> str:
    token = m.group(0)
    return REDACTED if _looks_random(token) else token


def redact(text: str) -> str:
    """``text`` with credentials replaced by ``[REDACTED]``."""
    if not text:
        return text
    for secret in _secrets_sorted:
        if secret in text:
            text = text.replace(secret, REDACTED)
    text = _HEADER.sub(lambda m: f"{m.group(1)}{m.group(2)}{REDACTED}", text)
    text = _BEARER.sub(lambda m: f"{m.group(1)} {REDACTED}", text)
    text = _SK.sub(REDACTED, text)
    return _LONG.sub(_long_token, text)


class RedactingFilter(logging.Filter):
    """Redacts the message (with its arguments merged in), exception and stack text."""

    _formatter = logging.Formatter()

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a bad format string: keep the raw parts, redacted
            message = f"{record.msg} {record.args!r}"
        record.msg = redact(message)
        record.args = None
        if record.exc_info and not record.exc_text:
            record.exc_text = self._formatter.formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact(record.exc_text)
        if record.stack_info:
            record.stack_info = redact(record.stack_info)
        return True


_FORMAT = "%(asctime)s %(levelname)-7s %(threadName)s %(name)s: %(message)s"
_QUIET = ("httpx", "httpcore", "hpack", "asyncio", "PIL", "keyring")
_MARK = "_sora_desktop_handler"


_saved_levels: dict[str, int] = {}


def teardown_logging() -> None:
    """Remove and close the handlers :func:`setup_logging` installed; restore the levels."""
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, _MARK, False):
            root.removeHandler(handler)
            handler.close()
    for name, level in _saved_levels.items():
        logging.getLogger(name or None).setLevel(level)
    _saved_levels.clear()


def setup_logging(
    paths: AppPaths, debug: bool = False, *, max_bytes: int = 2_000_000, backups: int = 3
) -> Path:
    """Log to a rotating file in ``paths.log_dir`` and to stderr, both redacted.

    The file gets INFO and up (DEBUG with ``debug``); stderr WARNING (DEBUG with ``debug``).
    httpx/httpcore and other chatty libraries are held at WARNING unless ``debug``. Calling
    it again replaces the handlers it installed before. Returns the log file path.
    """
    teardown_logging()
    paths.log_dir.mkdir(parents=True, exist_ok=True)
    log_path = paths.log_path
    redacting = RedactingFilter()
    formatter = logging.Formatter(_FORMAT)

    file_handler = logging.handlers.RotatingFileHandler(
        log_path, maxBytes=max_bytes, backupCount=backups, encoding="utf-8"
    )
    file_handler.setLevel(logging.DEBUG if debug else logging.INFO)
    stderr_handler = logging.StreamHandler(sys.stderr)
    stderr_handler.setLevel(logging.DEBUG if debug else logging.WARNING)
    root = logging.getLogger()
    for name in ("", *_QUIET):
        _saved_levels[name] = logging.getLogger(name or None).level
    for handler in (file_handler, stderr_handler):
        handler.addFilter(redacting)
        handler.setFormatter(formatter)
        setattr(handler, _MARK, True)
        root.addHandler(handler)
    root.setLevel(logging.DEBUG if debug else logging.INFO)
    for name in _QUIET:
        logging.getLogger(name).setLevel(logging.DEBUG if debug else logging.WARNING)
    return log_path
