"""Shared fixtures. Strictness lives in pyproject.toml; this adds:

- offscreen Qt and a private data dir for every test (never the user's real library),
- a check that fails any test leaving a thread running (the napari pattern),
- a keyring backend in memory, so no test touches the developer's real keyring,
- under Wine only, the skips listed in tests/wine_skips.py,
- ``simulator``: the real simulator on a free loopback port (``provider_sim``: with the
  provider routes' key),
- a hard per-test watchdog (below),
- a Python Qt message handler for the whole session (see ``qt_message_guard``),
- ``tests/fail_on_unexpected.py``: an undeclared WARNING (or worse) log record, or an
  exception a listener raised, fails the test.
"""

from __future__ import annotations

import faulthandler
import os
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
if sys.platform == "win32" and os.environ["QT_QPA_PLATFORM"] == "offscreen":
    # offscreen Qt on Windows reads fonts from QT_QPA_FONTDIR, by default <Qt>/lib/fonts,
    # which PySide6 does not ship ("Cannot find font directory" warning): Windows' own
    os.environ.setdefault(
        "QT_QPA_FONTDIR", str(Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts")
    )
os.environ.pop("SORA_DESKTOP_DATA_DIR", None)

# the gui package imports the engine modules before PySide6, as the app does
# (see sora_desktop/gui/__init__.py)
import sora_desktop.gui  # noqa: F401
from tests import qt_message_guard

if TYPE_CHECKING:
    from sora_desktop.simulator.server import SimulatorServer

pytest_plugins = ["tests.fail_on_unexpected"]


def pytest_configure(config: pytest.Config) -> None:
    # Before pytest-qt's first capture: it then hands this handler back after each test,
    # never None (a NULL handler in PySide that a logging Qt thread calls: a segfault).
    qt_message_guard.install()


def pytest_unconfigure(config: pytest.Config) -> None:
    qt_message_guard.uninstall()


#: pytest-timeout (300 s, pyproject.toml) needs the GIL to report and end a stuck test. A
#: test stuck in C code holding the GIL would hang the run instead; faulthandler's watchdog is
#: a C thread: it prints every thread's stack and ends the process without the GIL.
HARD_TIMEOUT_S = 360.0
# dev.py passes a descriptor on its own stderr: fd 2 is pytest's capture file during a test.
_WATCHDOG_FD = int(os.environ.get("SORA_TEST_WATCHDOG_FD", "2"))


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Under Wine only, skip the tests tests/wine_skips.py names, with its reason."""
    from tests.wine_skips import WINE_SKIPS, running_under_wine

    if not running_under_wine():
        return
    for item in items:
        reason = WINE_SKIPS.get(item.nodeid) or WINE_SKIPS.get(item.nodeid.split("[", 1)[0])
        if reason:
            item.add_marker(pytest.mark.skip(reason=f"Wine, not Windows: {reason}"))


def _hard_limit(item: pytest.Item) -> float:
    """HARD_TIMEOUT_S, or a minute past a longer ``pytest.mark.timeout`` of the test."""
    marker = item.get_closest_marker("timeout")
    if marker is None:
        return HARD_TIMEOUT_S
    given = marker.kwargs.get("timeout", marker.args[0] if marker.args else None)
    return max(HARD_TIMEOUT_S, float(given) + 60.0) if given else HARD_TIMEOUT_S


@pytest.fixture(autouse=True)
def _hard_watchdog(request: pytest.FixtureRequest) -> Iterator[None]:
    faulthandler.dump_traceback_later(_hard_limit(request.node), exit=True, file=_WATCHDOG_FD)
    yield
    faulthandler.cancel_dump_traceback_later()


@pytest.fixture(autouse=True)
def _no_leftover_threads(request: pytest.FixtureRequest) -> Iterator[None]:
    before = set(threading.enumerate())
    yield
    deadline = time.monotonic() + 5.0
    while True:
        extra = [
            t
            for t in threading.enumerate()
            if t not in before
            and t.is_alive()
            and not t.name.startswith("asyncio_")
            and not t.daemon
        ] + [
            t
            for t in threading.enumerate()
            if t not in before and t.is_alive() and t.name.startswith("sora-")
        ]
        if not extra or time.monotonic() > deadline:
            break
        time.sleep(0.02)  # polling a condition with a deadline, not a fixed wait
    assert not extra, f"test left threads running: {[t.name for t in extra]}"


#: the checkout the tests run from; a test writes only under its tmp_path, never here
_CHECKOUT = Path(__file__).resolve().parent.parent
#: what the tools themselves make at the top of a checkout
_TOOL_LITTER = frozenset({".pytest_cache", ".mypy_cache", ".ruff_cache", ".coverage"})


@pytest.fixture(autouse=True)
def _nothing_left_in_the_checkout() -> Iterator[None]:
    """A command run from the checkout (``generate`` exports to ``.`` by default) must be
    given its own folder: a file left at the top of the checkout fails the test that made it."""
    before = {p.name for p in _CHECKOUT.iterdir()}
    yield
    left = sorted({p.name for p in _CHECKOUT.iterdir()} - before - _TOOL_LITTER)
    assert not left, f"the test left files in the checkout {_CHECKOUT}: {left}"


@pytest.fixture(autouse=True)
def _isolated_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SORA_DESKTOP_DATA_DIR", str(tmp_path / "appdata"))
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "sora_desktop.core.secrets.MemoryKeyring")
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    monkeypatch.delenv("AZURE_OPENAI_API_KEY", raising=False)


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "appdata"


@pytest.fixture
def simulator() -> Iterator[object]:
    """A running simulator on 127.0.0.1 (fast: ~1 s render latency)."""
    from sora_desktop.simulator.server import SimulatorServer

    server = SimulatorServer(host="127.0.0.1", port=0, latency=1.0)
    server.start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def provider_sim(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SimulatorServer]:
    """The simulator with its fal, Replicate and Runway routes taking
    ``tests.provider_support.KEY`` (quick: ~0.3 s renders, kept in a temp dir)."""
    from sora_desktop.simulator.server import SimulatorServer
    from tests.provider_support import KEY

    renders = tmp_path_factory.mktemp("provider-renders")
    with SimulatorServer(latency=0.3, api_key=KEY, storage_dir=renders) as server:
        yield server
