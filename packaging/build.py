#!/usr/bin/env python3
"""Build the one-folder bundle for this OS, prove it works, measure it.

    .venv/bin/python packaging/build.py            # build, self-test, measure
    .venv/bin/python packaging/build.py --no-build # measure an existing dist/

Steps (the release workflow runs exactly this):

1. PyInstaller with ``packaging/sora_desktop.spec`` into ``dist/`` (work files in ``build/``);
2. ``<bundle>/sora-desktop-cli --self-test`` with ``QT_QPA_PLATFORM=offscreen`` (the console
   twin: on Windows the windowed exe has no stdout; elsewhere both are the same program);
3. the bundle's size (apparent and on disk) and its largest files;
4. start-up time of the bundle vs the unpacked app, side by side: with
   ``SORA_DESKTOP_QUIT_AFTER_SHOWN=1`` (the window quits once shown) when the GUI has that
   hook, else ``--version``;
5. ``dist/build-report.json`` with all of it.

Exits non-zero if the build or the self-test fails or the bundle exceeds MAX_BUNDLE_MB.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import buildinfo as bi

SPEC = bi.HERE / "sora_desktop.spec"
QUIT_HOOK = "SORA_DESKTOP_QUIT_AFTER_SHOWN"


def say(msg: str) -> None:
    print(f"[build] {msg}", flush=True)


def run_pyinstaller(dist: Path, work: Path) -> None:
    cmd = [
        sys.executable,
        "-m",
        "PyInstaller",
        "--noconfirm",
        "--clean",
        "--log-level",
        "WARN",
        "--distpath",
        str(dist),
        "--workpath",
        str(work),
        str(SPEC),
    ]
    say(" ".join(cmd))
    start = time.perf_counter()
    subprocess.run(cmd, check=True, cwd=bi.ROOT)
    say(f"PyInstaller finished in {time.perf_counter() - start:.0f} s")


def app_env(data_dir: Path, **extra: str) -> dict[str, str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", SORA_DESKTOP_DATA_DIR=str(data_dir))
    env.update(extra)
    return env


def self_test(dist: Path, data_dir: Path) -> tuple[bool, str]:
    exe = bi.bundle_executable(dist, cli=True)
    say(f"self-test: {exe} --self-test")
    proc = subprocess.run(
        [str(exe), "--self-test"],
        capture_output=True,
        text=True,
        timeout=600,
        env=app_env(data_dir),
        check=False,
    )
    print(proc.stdout, end="", flush=True)
    if proc.returncode != 0:
        print(proc.stderr[-4000:], end="", file=sys.stderr, flush=True)
    return proc.returncode == 0, proc.stdout


def measure_size(root: Path) -> dict[str, object]:
    apparent = on_disk = files = 0
    sizes: list[tuple[int, str]] = []
    for dirpath, _dirs, names in os.walk(root):
        for name in names:
            path = Path(dirpath) / name
            st = path.lstat()
            files += 1
            apparent += st.st_size
            on_disk += getattr(st, "st_blocks", 0) * 512 or st.st_size
            sizes.append((st.st_size, str(path.relative_to(root))))
    sizes.sort(reverse=True)
    return {
        "files": files,
        "apparent_mb": round(apparent / 1e6, 1),
        "on_disk_mb": round(on_disk / 1e6, 1),
        "largest": [{"path": p, "mb": round(s / 1e6, 1)} for s, p in sizes[:12]],
    }


def has_quit_hook() -> bool:
    gui = bi.ROOT / "sora_desktop"
    return any(QUIT_HOOK in p.read_text(encoding="utf-8") for p in gui.rglob("*.py"))


def time_start(cmd: list[str], env: dict[str, str], runs: int) -> dict[str, object]:
    """Wall time of ``cmd`` from spawn to exit, ``runs`` times (the first is the cold one)."""
    times: list[float] = []
    for _ in range(runs):
        start = time.perf_counter()
        proc = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=180)
        elapsed = time.perf_counter() - start
        if proc.returncode != 0:
            return {"error": f"exit {proc.returncode}: {proc.stderr.strip()[-500:]}"}
        times.append(elapsed)
    return {
        "runs": [round(t, 3) for t in times],
        "first_s": round(times[0], 3),
        "median_s": round(statistics.median(times), 3),
    }


def measure_startup(dist: Path, data_dir: Path, runs: int) -> dict[str, object]:
    if has_quit_hook():
        mode, args, extra = "window shown then quit", [], {QUIT_HOOK: "1"}
    else:
        mode, args, extra = "--version (no quit-after-shown hook in the GUI)", ["--version"], {}
    env = app_env(data_dir, **extra)
    bundle = time_start([str(bi.bundle_executable(dist)), *args], env, runs)
    source = time_start([sys.executable, "-m", "sora_desktop", *args], env, runs)
    ratio = None
    if "median_s" in bundle and "median_s" in source:
        ratio = round(float(bundle["median_s"]) / float(source["median_s"]), 2)  # type: ignore[arg-type]
    return {"mode": mode, "bundle": bundle, "source": source, "ratio_bundle_to_source": ratio}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dist", type=Path, default=bi.ROOT / "dist")
    parser.add_argument("--work", type=Path, default=bi.ROOT / "build")
    parser.add_argument("--no-build", action="store_true", help="measure an existing bundle")
    parser.add_argument("--runs", type=int, default=3, help="start-up timing runs per variant")
    parser.add_argument("--max-mb", type=float, default=bi.MAX_BUNDLE_MB, help="size budget (MB)")
    args = parser.parse_args(argv)
    dist: Path = args.dist.resolve()

    version = bi.read_version()
    say(f"{bi.APP_NAME} {version} on {sys.platform}")
    if not args.no_build:
        run_pyinstaller(dist, args.work.resolve())
    root = bi.bundle_root(dist)
    if not bi.bundle_executable(dist).is_file():
        say(f"FAIL: no bundle at {root}")
        return 1

    with tempfile.TemporaryDirectory(prefix="sora-build-") as tmp:
        ok, output = self_test(dist, Path(tmp) / "selftest")
        size = measure_size(root)
        startup = measure_startup(dist, Path(tmp) / "startup", max(1, args.runs))

    too_big = float(size["apparent_mb"]) > args.max_mb  # type: ignore[arg-type]
    report = {
        "version": version,
        "platform": sys.platform,
        "bundle": str(root),
        "self_test_ok": ok,
        "self_test_output": output,
        "size": size,
        "max_mb": args.max_mb,
        "startup": startup,
    }
    (dist / "build-report.json").write_text(json.dumps(report, indent=2), encoding="utf-8")

    print()
    print(f"  bundle       {root}")
    print(f"  self-test    {'OK' if ok else 'FAIL'}")
    print(
        f"  size         {size['apparent_mb']} MB ({size['on_disk_mb']} MB on disk, "
        f"{size['files']} files; limit {args.max_mb:.0f} MB){'  TOO BIG' if too_big else ''}"
    )
    for item in size["largest"][:5]:  # type: ignore[index]
        print(f"                 {item['mb']:>6} MB  {item['path']}")
    print(f"  start-up     {startup['mode']}")
    for name in ("bundle", "source"):
        info = startup[name]
        if "error" in info:  # type: ignore[operator]
            print(f"    {name:<8}   FAILED: {info['error']}")  # type: ignore[index]
        else:
            print(f"    {name:<8}   median {info['median_s']} s, first {info['first_s']} s")  # type: ignore[index]
    print(f"    ratio      bundle/source = {startup['ratio_bundle_to_source']}")
    print(f"  report       {dist / 'build-report.json'}")
    if not ok:
        say("FAIL: the frozen app's self-test failed")
        return 1
    if too_big:
        say(f"FAIL: bundle is {size['apparent_mb']} MB, over {args.max_mb:.0f} MB")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
