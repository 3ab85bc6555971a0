"""Run the simulator from a terminal: ``python -m sora_desktop.simulator [--port 8000] ...``.

The CLI calls :func:`serve_forever_cli` for ``sora-desktop simulator``.
"""

from __future__ import annotations

import argparse
import sys
import threading

from sora_desktop.simulator.server import SimulatorServer


def serve_forever_cli(
    host: str = "127.0.0.1",
    port: int = 8000,
    api_key: str | None = None,
    latency: float = 8.0,
    *,
    stop_event: threading.Event | None = None,
) -> int:
    """Serve until Ctrl+C (or until ``stop_event`` is set); print the base URLs first."""
    server = SimulatorServer(host, port, api_key=api_key, latency=latency)
    try:
        server.start()
    except OSError as exc:
        print(f"Could not listen on {host}:{port}: {exc}", file=sys.stderr)
        return 2
    print("Sora Desktop simulator (OpenAI Videos API dialect, local renders)")
    print(f"  OpenAI-style base URL: {server.url}/v1")
    print(f"  Azure-style base URL:  {server.url}/openai/v1")
    print(f"  API key: {'only ' + repr(api_key) if api_key else 'any non-empty key'}")
    print(f"  Render latency: {latency:g} s. Press Ctrl+C to stop.", flush=True)
    event = stop_event or threading.Event()
    try:
        while not event.wait(0.5):
            pass
    except KeyboardInterrupt:
        print("Stopping...", flush=True)
    finally:
        server.stop()
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="sora-desktop simulator", description=__doc__)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--api-key", default=None, help="accept only this key (default: any)")
    parser.add_argument("--latency", type=float, default=8.0, help="seconds per job")
    args = parser.parse_args(argv)
    return serve_forever_cli(args.host, args.port, args.api_key, args.latency)


if __name__ == "__main__":
    sys.exit(main())
