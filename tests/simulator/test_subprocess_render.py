"""Renders in a worker process (``render_in_subprocess``): the app's built-in simulator.

The clip must be the very clip an in-thread render makes, failures in the worker must fail
the job (never hang it), and stop() must leave no thread and no child process behind.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import runpy
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import Future
from pathlib import Path
from typing import Any

import av
import httpx
import numpy as np
import pytest

import sora_desktop.cli
from sora_desktop.simulator.assets import RenderPool
from sora_desktop.simulator.render import FPS, RenderedAssets, RenderSpec, Segment, render_clip
from sora_desktop.simulator.server import SimulatorServer
from tests.simulator.conftest import KEY, png_bytes, wait_for

W, H = 320, 192


def _frames(path: Path) -> list[np.ndarray]:
    with av.open(str(path)) as c:
        return [f.to_ndarray(format="rgb24") for f in c.decode(video=0)]


def _probe(path: Path) -> tuple[int, int, float, str, int]:
    """(width, height, duration s, audio codec, audio sample rate) of an MP4."""
    with av.open(str(path)) as c:
        video, audio = c.streams.video[0], c.streams.audio[0]
        assert c.duration is not None
        return (
            video.codec_context.width,
            video.codec_context.height,
            c.duration / 1_000_000,
            audio.codec_context.name,
            audio.codec_context.sample_rate,
        )


def _audio_peak(path: Path) -> float:
    with av.open(str(path)) as c:
        return max(float(np.abs(f.to_ndarray()).max()) for f in c.decode(audio=0))


def _child_pids() -> set[int]:
    """Live or zombie children of this process, from /proc (no psutil), except
    multiprocessing's resource tracker: one helper per interpreter, started with the first
    multiprocessing lock and kept for the interpreter's life by design."""
    me = os.getpid()
    children = set()
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            cmdline = (entry / "cmdline").read_bytes()
        except OSError:
            continue  # exited meanwhile
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        if ppid == me and b"resource_tracker" not in cmdline:
            children.add(int(entry.name))
    return children


@pytest.fixture
def no_leftovers() -> Iterator[None]:
    """After the test: no new thread (of any kind, daemon or not) and no child process."""
    if not Path("/proc/self/stat").exists():
        pytest.skip("needs /proc to see child processes")  # Linux CI runs these
    threads_before = set(threading.enumerate())
    children_before = _child_pids()
    yield
    extra = [t.name for t in threading.enumerate() if t not in threads_before]
    assert not extra, f"threads left running: {extra}"
    assert multiprocessing.active_children() == []
    assert _child_pids() - children_before == set()


@pytest.fixture
def make_sub_server(tmp_path: Path, no_leftovers: None) -> Iterator[Callable[..., SimulatorServer]]:
    servers: list[SimulatorServer] = []

    def make(**kwargs: Any) -> SimulatorServer:
        kwargs.setdefault("latency", 0.3)
        server = SimulatorServer("127.0.0.1", 0, render_in_subprocess=True, api_key=KEY, **kwargs)
        server.start()
        servers.append(server)
        return server

    yield make
    for server in servers:
        server.stop()


def _client(server: SimulatorServer) -> httpx.Client:
    return httpx.Client(
        base_url=server.url + "/v1", headers={"Authorization": f"Bearer {KEY}"}, timeout=30
    )


def _wait_future(future: Future[RenderedAssets], timeout: float = 60) -> RenderedAssets:
    return future.result(timeout=timeout)


def test_pool_render_in_a_process_equals_the_thread_render(tmp_path: Path) -> None:
    spec = RenderSpec(
        W,
        H,
        (Segment("A red kite over dunes", 2), Segment("then the sea at night", 1)),
        reference=png_bytes(W, H),
    )
    in_thread = render_clip(spec, tmp_path / "thread")
    pool = RenderPool(directory=tmp_path / "process", in_subprocess=True)
    try:
        done: list[Future[RenderedAssets]] = []
        future = pool.render(spec, done.append)
        in_process = _wait_future(future)
        # the worker really was another process
        assert multiprocessing.active_children(), "no worker process was started"
    finally:
        pool.close()
    assert done == [future]
    assert in_process.video.parent == tmp_path / "process"
    assert _probe(in_process.video)[:2] == (W, H)
    assert abs(_probe(in_process.video)[2] - 3.0) <= 1 / FPS + 0.03
    assert _probe(in_process.video)[3] == "aac"
    assert _audio_peak(in_process.video) > 0.01
    a, b = _frames(in_thread.video), _frames(in_process.video)
    assert len(a) == len(b) == 3 * FPS
    assert all(np.array_equal(x, y) for x, y in zip(a, b, strict=True))
    assert in_process.first_frame == in_thread.first_frame
    assert in_process.thumbnail.read_bytes() == in_thread.thumbnail.read_bytes()


def test_a_render_asked_for_right_after_the_warm_up_finishes(tmp_path: Path) -> None:
    # A kept job resumed at start-up: the warm-up and the render reach the fresh pool back to
    # back. Under a Wine prefix that said "Windows 7" the pool lost the second wake-up and
    # the render's result never arrived: the job stayed at 99% forever.
    spec = RenderSpec(W, H, (Segment("A kept job at start-up", 1),))
    pool = RenderPool(1, tmp_path, in_subprocess=True)
    try:
        pool.warm_up()
        future = pool.render(spec, lambda _: None)
        rendered = _wait_future(future)
    finally:
        pool.close()
    assert _probe(rendered.video)[:2] == (W, H)


def test_server_job_renders_in_a_process_and_matches_in_thread_render(
    make_sub_server: Callable[..., SimulatorServer], tmp_path: Path
) -> None:
    prompt = "A lantern festival over a river, slow dolly"
    server = make_sub_server()
    with _client(server) as c:
        r = c.post("/videos", json={"prompt": prompt, "size": "720x1280", "seconds": "4"})
        assert r.status_code == 200, r.text
        vid = r.json()["id"]
        assert wait_for(c, vid)["status"] == "completed"
        assert multiprocessing.active_children(), "the render did not use a worker process"
        downloaded = tmp_path / "downloaded.mp4"
        downloaded.write_bytes(c.get(f"/videos/{vid}/content").content)
    width, height, duration, audio_codec, rate = _probe(downloaded)
    assert (width, height, audio_codec) == (720, 1280, "aac")
    assert rate > 0 and abs(duration - 4.0) <= 1 / FPS + 0.03
    assert _audio_peak(downloaded) > 0.01
    reference = render_clip(RenderSpec(720, 1280, (Segment(prompt, 4),)), tmp_path / "ref")
    a, b = _frames(reference.video), _frames(downloaded)
    assert len(a) == len(b) == 4 * FPS
    assert all(np.array_equal(x, y) for x, y in zip(a, b, strict=True))


def test_a_render_that_raises_in_the_worker_fails_the_job(
    make_sub_server: Callable[..., SimulatorServer], tmp_path: Path
) -> None:
    not_a_dir = tmp_path / "storage"
    not_a_dir.write_bytes(b"a file where the render directory should be")
    server = make_sub_server(storage_dir=not_a_dir)
    with _client(server) as c:
        vid = c.post("/videos", json={"prompt": "A clip that cannot be written"}).json()["id"]
        job = wait_for(c, vid, timeout=30)
        assert job["status"] == "failed"
        assert job["error"]["code"] == "internal_error"
        assert job["error"]["message"].startswith("Rendering failed")
        assert c.get(f"/videos/{vid}/content").status_code == 404


def test_a_worker_that_dies_fails_its_job_and_the_next_render_gets_a_new_worker(
    make_sub_server: Callable[..., SimulatorServer],
) -> None:
    server = make_sub_server(latency=0.5)
    with _client(server) as c:
        body = {"prompt": "A long 1080p render", "size": "1920x1080", "seconds": "20"}
        r = c.post("/videos", json={**body, "model": "sora-2-pro"})
        assert r.status_code == 200, r.text
        doomed = r.json()["id"]
        workers = multiprocessing.active_children()
        assert len(workers) == 1
        workers[0].kill()  # as if the OS killed it, or the codec crashed the process
        job = wait_for(c, doomed, timeout=30)
        assert job["status"] == "failed"
        assert job["error"]["message"].startswith("Rendering failed")
        # the server is still serving and renders again, in a fresh worker
        vid = c.post("/videos", json={"prompt": "A second clip after the crash"}).json()["id"]
        assert wait_for(c, vid, timeout=60)["status"] == "completed"
        new_workers = multiprocessing.active_children()
        assert len(new_workers) == 1 and new_workers[0].pid != workers[0].pid
        assert c.get(f"/videos/{vid}/content").content[4:8] == b"ftyp"


def test_stop_cancels_a_render_in_the_worker_and_joins_everything(
    make_sub_server: Callable[..., SimulatorServer],
) -> None:
    server = make_sub_server(latency=30)
    with _client(server) as c:
        body = {"prompt": "A long 1080p render", "model": "sora-2-pro", "size": "1920x1080"}
        for seconds in ("20", "16"):
            assert c.post("/videos", json={**body, "seconds": seconds}).status_code == 200
        # wait until the worker is really rendering (it has written its temporary file); a
        # spawned worker imports the renderer first, which takes long on a loaded machine
        deadline = time.monotonic() + 120
        storage = server._pool.directory if server._pool is not None else None
        assert storage is not None
        while not list(storage.glob("*.mp4.tmp")):
            assert time.monotonic() < deadline, "the worker never started rendering"
            time.sleep(0.02)  # polling a condition with a deadline
    started = time.monotonic()
    server.stop()  # each render alone takes many seconds: stop must cancel, not wait
    assert time.monotonic() - started < 5
    assert not storage.exists()  # the private render directory is gone too


ENTRY_SCRIPTS = {
    "frozen entry (PyInstaller)": Path(__file__).parents[2] / "packaging" / "entry.py",
    "console script": Path(sys.executable).parent / "sora-desktop",
}


@pytest.mark.parametrize("script", sorted(ENTRY_SCRIPTS))
def test_spawned_worker_does_not_run_the_cli(script: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """A spawn worker imports the parent's main script by path as ``__mp_main__`` (the
    console script and the PyInstaller entry take this path; with ``python -m sora_desktop``
    spawn skips the main module altogether). Importing it so must not start the app, while
    running it as ``__main__`` does (the control that shows the probe works)."""
    path = ENTRY_SCRIPTS[script]
    if not path.is_file():
        pytest.skip(f"{path} is not installed here")  # the console script needs pip install
    calls: list[list[str]] = []

    def fake_cli(argv: list[str]) -> int:
        calls.append(argv)
        return 0

    monkeypatch.setattr(sora_desktop.cli, "main", fake_cli)
    monkeypatch.setattr(sys, "argv", [str(path), "history"])
    runpy.run_path(str(path), run_name="__mp_main__")
    assert calls == []
    with pytest.raises(SystemExit) as exit_info:
        runpy.run_path(str(path), run_name="__main__")
    assert exit_info.value.code == 0
    assert calls == [["history"]]


def test_python_m_sora_desktop_main_is_guarded(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[list[str]] = []
    monkeypatch.setattr(sora_desktop.cli, "main", lambda argv: calls.append(argv) or 0)
    monkeypatch.setattr(sys, "argv", ["sora-desktop", "history"])
    monkeypatch.delitem(sys.modules, "sora_desktop.__main__", raising=False)  # as in a new process
    runpy.run_module("sora_desktop.__main__", run_name="__mp_main__")
    assert calls == []
    with pytest.raises(SystemExit):
        runpy.run_module("sora_desktop.__main__", run_name="__main__")
    assert calls == [["history"]]


_ORPHAN_PARENT = """
import os, sys
from pathlib import Path
from sora_desktop.simulator.assets import RenderPool
pool = RenderPool(1, Path(sys.argv[1]), in_subprocess=True)
pool.warm_up()
pool._processes.submit(os.getpid).result(timeout=60)  # the worker is up and answering
print(next(iter(pool._processes._processes)), flush=True)
os.kill(os.getpid(), 9)  # the app crashes: no close(), no atexit
"""


@pytest.mark.skipif(os.name == "nt", reason="the parent is killed with SIGKILL (POSIX)")
def test_a_render_worker_leaves_when_the_app_dies_without_closing(tmp_path: Path) -> None:
    # not communicate(): a worker left behind would hold the pipe open, and reading to its
    # end would wait for that worker
    app = subprocess.Popen(
        [sys.executable, "-c", _ORPHAN_PARENT, str(tmp_path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    assert app.stdout is not None
    with app.stdout:
        line = app.stdout.readline()
    assert app.wait(timeout=120) == -9
    worker = int(line)

    def alive() -> bool:
        try:
            os.kill(worker, 0)
        except ProcessLookupError:
            return False
        # reaped by init or still a zombie for a moment: both mean it has ended
        with contextlib.suppress(OSError):
            if Path(f"/proc/{worker}/stat").read_text().split()[2] == "Z":
                return False
        return True

    deadline = time.monotonic() + 30
    while alive() and time.monotonic() < deadline:
        time.sleep(0.05)  # polling a condition with a deadline, not a fixed wait
    still = alive()
    if still:
        os.kill(worker, 9)
    assert not still, "the render worker outlived the app"
