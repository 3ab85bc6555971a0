"""The Windows-under-Wine run (tools/wine/wine_suite.py, tests/wine_skips.py): its pure parts.

The run itself is ``python3 dev.py test-windows`` (CI runs it after the Linux suite); these
checks keep its pieces honest where it doesn't run: the skip list names real tests with
reasons, Wine is never detected outside Wine, the environment handed to ``wine`` carries
what Windows programs need, and the closing counts are read right.
"""

from __future__ import annotations

import ast
import multiprocessing
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

from tests.wine_skips import WINE_SKIPS, running_under_wine

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def wine_suite() -> Iterator[ModuleType]:
    if sys.platform == "win32":
        pytest.skip("the tool runs on Linux (it starts Wine)")
    sys.path.insert(0, str(ROOT / "tools" / "wine"))
    try:
        import wine_suite

        yield wine_suite
    finally:
        sys.path.remove(str(ROOT / "tools" / "wine"))


def _assert_tests_exist(node_ids: list[str]) -> None:
    for node_id in node_ids:
        path, _, name = node_id.split("[", 1)[0].partition("::")
        tree = ast.parse((ROOT / path).read_text(encoding="utf-8"))
        tests = {n.name for n in ast.walk(tree) if isinstance(n, ast.FunctionDef)}
        assert name in tests, f"{node_id} is not a test any more: drop it from the list"


def test_every_wine_skip_names_a_test_that_exists_and_says_why() -> None:
    _assert_tests_exist(list(WINE_SKIPS))
    for node_id, reason in WINE_SKIPS.items():
        assert "Wine" in reason and len(reason) > 40, f"{node_id}: say why Wine can't run it"


def test_wine_is_detected_only_under_wine() -> None:
    # wine_suite.py marks the processes it starts; real Windows and Linux have no mark
    assert running_under_wine() is (os.environ.get("SORA_TEST_UNDER_WINE") == "1")


def test_ci_runs_the_windows_suite_after_the_linux_one() -> None:
    lines = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    steps = [ln for ln in lines if ln.startswith("python3 dev.py")]
    # both parts run, each failure remembered; the script fails when either did
    assert steps == ["python3 dev.py test || rc=1", "python3 dev.py test-windows || rc=1"]
    assert lines[-1] == 'exit "$rc"' and not any(ln.startswith("set -e") for ln in lines)
    assert "test-windows" in (ROOT / "dev.py").read_text(encoding="utf-8")


def test_the_environment_for_wine(
    wine_suite: ModuleType, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("DISPLAY", ":99")
    monkeypatch.setenv("PIP_CERT", "/etc/ssl/certs/ca-certificates.crt")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    env = wine_suite.wine_env()
    assert "DISPLAY" not in env  # headless: no X server needed
    assert env["WINEPREFIX"] == str(wine_suite.PREFIX)
    assert env["WINEQT_QPA_PLATFORM"] == "offscreen"  # Wine drops QT_*, passes WINEQT_*
    assert env["WINEPATH"].startswith("Z:\\") and env["WINEPATH"].endswith("\\py311\\Scripts")
    assert env["PIP_CERT"] == "Z:\\etc\\ssl\\certs\\ca-certificates.crt"
    assert env["PIP_CACHE_DIR"] == wine_suite.winpath(tmp_path / "pip-windows")
    assert env["SORA_TEST_UNDER_WINE"] == "1"


def test_ci_leaves_out_only_tests_that_exist(wine_suite: ModuleType) -> None:
    _assert_tests_exist(list(wine_suite.CI_DESELECT))
    assert all(wine_suite.CI_DESELECT.values())


def test_units_cover_every_test_folder_once(wine_suite: ModuleType) -> None:
    units = wine_suite.expand(wine_suite.UNITS)
    paths = [Path(p) for _name, args in units for p in args]
    assert len(paths) == len(set(paths))
    folders = {p for p in (ROOT / "tests").iterdir() if p.is_dir() and (p / "__init__.py").exists()}
    covered = {ROOT / p if (ROOT / p).is_dir() else (ROOT / p).parent for p in paths}
    assert folders <= covered
    top = {p.relative_to(ROOT) for p in (ROOT / "tests").glob("test_*.py")}
    assert top <= set(paths)


@pytest.mark.parametrize(
    ("output", "counts"),
    [
        ("..F\n3 failed, 411 passed, 1 skipped in 528.11s (0:08:48)\n", (411, 3, 0, 1)),
        ("== 2 passed, 1 error in 3.02s ==\n", (2, 0, 1, 0)),
        ("collected 0 items\n\n== no tests ran in 0.01s ==\n", (0, 0, 0, 0)),
        ("Fatal Python error: Aborted\n", (0, 0, 0, 0)),  # killed: no closing line at all
    ],
)
def test_closing_counts_are_read(
    wine_suite: ModuleType, output: str, counts: tuple[int, int, int, int]
) -> None:
    got = wine_suite.parse_counts(output)
    keys = ("passed", "failed", "error", "skipped")
    assert tuple(got.get(k, 0) for k in keys) == counts


def test_a_unit_that_timed_out_counts_as_failed(
    wine_suite: ModuleType, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    log = tmp_path / "unit.log"
    log.write_text("tests\\reliability\\test_x.py ....+++ Timeout +++\n", encoding="utf-8")
    unit = wine_suite.UnitResult
    results = [
        unit("tests/core", 0, 1.0, {"passed": 5, "skipped": 1}, log),
        unit("tests/reliability/test_x.py", None, 900.0, {}, log),  # killed: no closing line
        unit("tests/reliability/test_load.py", 5, 9.0, {}, log),  # all deselected: fine
    ]
    assert wine_suite.report(results, 0.0, 0.0) == 1
    out = capsys.readouterr().out
    assert "+++ Timeout +++" in out  # the failed unit's log is shown
    assert out.splitlines()[-1] == "wine: 5 passed, 1 failed, 1 skipped"


def test_the_wineserver_starts_on_a_fresh_clone(
    wine_suite: ModuleType, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # A clean clone has no prefix yet; wineserver exits 1 when it can't enter it (CI did).
    # The real wineserver runs; wineboot (a minute) is only recorded.
    import shutil
    import subprocess

    if shutil.which("wineserver") is None:
        pytest.skip("Wine is not installed here (dev.py test-windows installs it)")
    prefix = tmp_path / "fresh" / "prefix"
    monkeypatch.setattr(wine_suite, "PREFIX", prefix)
    booted: list[list[str]] = []
    real_run_quiet = wine_suite._run_quiet

    def run_quiet(cmd: list[str], *, timeout: float, check: bool = True) -> None:
        if cmd[0] == "wine":
            booted.append(cmd)
            return
        real_run_quiet(cmd, timeout=timeout, check=check)

    monkeypatch.setattr(wine_suite, "_run_quiet", run_quiet)
    try:
        wine_suite.start_wineserver()  # raised CalledProcessError before the fix
    finally:
        subprocess.run(
            ["wineserver", "-k"], env={**os.environ, "WINEPREFIX": str(prefix)}, check=False
        )
    assert prefix.is_dir()
    assert booted == [["wine", "wineboot", "-i"]]  # fresh: the prefix is created


def test_every_empty_pipe_message_is_received() -> None:
    # ProcessPoolExecutor wakes its manager thread with empty messages through a Windows
    # pipe, and multiprocessing reads them the way the reported Windows version says. A Wine
    # prefix reporting Windows 7 while its pipes behave like Windows 8+ loses every other
    # one, and the pool's manager thread then blocks in a read for good (a kept job on the
    # built-in simulator never finished): wine_suite.set_windows_version. Linux pipes pass.
    reader, writer = multiprocessing.Pipe(duplex=False)
    with reader, writer:
        writer.send_bytes(b"")
        writer.send_bytes(b"")
        received = []
        while len(received) < 3 and reader.poll(1.0):
            received.append(reader.recv_bytes())
    assert received == [b"", b""]


def test_a_frozen_unit_runs_once_more_and_a_second_freeze_fails(
    wine_suite: ModuleType, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A unit killed at the hard timeout with no closing line (the Windows process froze)
    runs once more, its first log kept; a unit that freezes twice, or fails, is not rerun."""
    runs: list[str] = []
    plan = {"froze-once": [None, 0], "froze-twice": [None, None], "failed": [1]}

    def run_unit(name: str, args: list[str], **_kw: object) -> object:
        runs.append(name)
        rc = plan[name].pop(0)
        log = tmp_path / f"{name}.log"
        log.write_text("collected 1 item\n" if rc is None else "== 1 passed in 1.00s ==\n")
        counts = {} if rc is None else wine_suite.parse_counts(log.read_text())
        return wine_suite.UnitResult(name, rc, 1.0, counts, log)

    monkeypatch.setattr(wine_suite, "run_unit", run_unit)
    units = [("froze-once", ["a"]), ("froze-twice", ["b"]), ("failed", ["c"])]
    results = {r.unit: r for r in wine_suite.run_units(units, [], 1)}
    assert sorted(runs) == ["failed", "froze-once", "froze-once", "froze-twice", "froze-twice"]
    assert results["froze-once"].ok and not results["froze-twice"].ok
    assert not results["failed"].ok
    assert (tmp_path / "froze-once.frozen.log").is_file()
