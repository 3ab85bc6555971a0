"""One TLS context for every HTTP client of the process.

Making a context loads and parses the CA bundle: 40-150 ms of CPU, much of it holding the
GIL. Each connection's clients (the Videos API client, a provider's keyed and keyless ones)
made their own, so the first generation on fal, Replicate and Runway built six of them on
the I/O thread while the creator was still clicking, and the window waited for the GIL
(issue 11's twenty-jobs heartbeat). A context only verifies: it holds no key and no
connection state, and one is safe to share between clients and threads. It is made once
(per ``SSL_CERT_FILE``/``SSL_CERT_DIR``, which httpx honours with ``trust_env``), ahead of
the first generation by the window's warm-up (``gui/controller.py``).
"""

from __future__ import annotations

import functools
import os
import ssl


def shared_context() -> ssl.SSLContext:
    """The verifying TLS context httpx would make (``verify=True``, ``trust_env=True``)."""
    return _context(os.environ.get("SSL_CERT_FILE"), os.environ.get("SSL_CERT_DIR"))


@functools.lru_cache(maxsize=4)
def _context(cert_file: str | None, cert_dir: str | None) -> ssl.SSLContext:
    import httpx

    return httpx.create_ssl_context(trust_env=True)


__all__ = ["shared_context"]
