"""``sora-desktop --self-test``: prove an install works end to end, without a window.

Run on a developer checkout and, above all, on the frozen bundle right after PyInstaller has
built it (packaging/build.py and the release workflow do so). Each check exercises a part
that a broken bundle typically loses:

- ``qt``: Qt starts (offscreen unless a platform is chosen);
- ``media``: QMediaPlayer loads the bundled 1 s H.264+AAC clip and delivers a decoded frame
  (the multimedia plugin and its FFmpeg libraries are present);
- ``keyring``: the keyring package finds its backends (entry points and platform modules),
  and names the one in use; ``N/A`` (not a failure) where the OS has no usable keyring;
- ``library``: a SQLite library opens in a temporary folder (never the user's own);
- ``generation``: one generation on the in-process simulator over loopback, through the real
  client, service and store, down to a file in the library;
- ``decode``: PyAV decodes the generated MP4 (its bundled FFmpeg works);
- ``timeline``: the generated clip as a one-shot storyboard written as OTIO, FCP X XML and
  CMX 3600 EDL (OpenTimelineIO's compiled core and both adapters are there), and the
  ``.otio`` read back through OTIO's own adapter (its manifest was bundled).

Prints one line per check (OK, FAIL, or N/A for what this computer doesn't offer, with
details) and returns 0 only if no check failed. What Qt and its FFmpeg write straight to the
process's stderr while a check runs (plugin probing, a dump of the sample clip's metadata) is
kept back, and shown after the table only for a check that failed.
``$SORA_DESKTOP_SELFTEST_SAMPLE`` points the media check at another clip (tests use it to
prove that a broken bundle fails).
"""

from __future__ import annotations

import asyncio
import contextlib
import importlib
import os
import sys
import tempfile
import time
import traceback
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

from sora_desktop import __version__

ENV_SAMPLE = "SORA_DESKTOP_SELFTEST_SAMPLE"
SAMPLE_CLIP = Path(__file__).resolve().parent / "resources" / "sample" / "sample.mp4"
MEDIA_TIMEOUT = 20.0  # seconds for the player to deliver a frame
GENERATION_TIMEOUT = 120.0  # seconds for one simulated generation, download included
SIM_LATENCY = 0.5  # seconds the simulator "renders"
PROMPT = "Self-test: a paper boat drifts across a calm pond at sunrise, slow dolly in"

#: keyring's platform backend module for this OS: a bundle that lost it can't store keys.
_PLATFORM_KEYRING_MODULE = {
    "win32": "keyring.backends.Windows",
    "darwin": "keyring.backends.macOS",
}.get(sys.platform, "keyring.backends.SecretService")


@dataclass(slots=True)
class CheckResult:
    name: str
    ok: bool
    detail: str
    seconds: float = 0.0
    #: the part is missing on this computer, which is not a fault of the install (N/A)
    not_available: bool = False
    #: what was written to the process's stderr while the check ran
    output: str = ""

    @property
    def status(self) -> str:
        return "FAIL" if not self.ok else "N/A" if self.not_available else "OK"


class CheckFailed(Exception):
    """A check found something wrong; the message is the detail shown."""


class NotAvailable(Exception):
    """The part works but this computer doesn't offer what it uses (no OS keyring)."""


@contextlib.contextmanager
def _stderr_kept_back(into: list[str]) -> Iterator[None]:
    """Send file descriptor 2 to a temporary file while the block runs; its text is appended
    to ``into`` afterwards. C code (Qt's message handler, FFmpeg's ``av_log``) writes there
    directly, so a Python-level redirect would not catch it. Without a usable stderr (a
    windowed Windows exe) nothing is redirected."""
    try:
        if sys.stderr is not None:
            sys.stderr.flush()
        saved = os.dup(2)
    except (OSError, ValueError):
        yield
        return
    with tempfile.TemporaryFile() as sink:
        os.dup2(sink.fileno(), 2)
        try:
            yield
        finally:
            with contextlib.suppress(OSError, ValueError):
                if sys.stderr is not None:
                    sys.stderr.flush()
            os.dup2(saved, 2)
            os.close(saved)
        sink.seek(0)
        into.append(sink.read().decode("utf-8", errors="replace"))


def sample_clip() -> Path:
    override = os.environ.get(ENV_SAMPLE)
    return Path(override) if override else SAMPLE_CLIP


def _timed(name: str, check: Callable[[], str]) -> CheckResult:
    start = time.perf_counter()
    not_available = False
    output: list[str] = []
    with _stderr_kept_back(output):
        try:
            detail = check()
            ok = True
        except NotAvailable as exc:
            detail, ok, not_available = str(exc), True, True
        except CheckFailed as exc:
            detail, ok = str(exc), False
        except Exception as exc:  # a self-test reports every failure, it never crashes
            last = traceback.extract_tb(exc.__traceback__)[-1:]
            where = f" at {Path(last[0].filename).name}:{last[0].lineno}" if last else ""
            detail, ok = f"{type(exc).__name__}: {exc}{where}", False
    seconds = time.perf_counter() - start
    return CheckResult(name, ok, detail, seconds, not_available, "".join(output))


# --- qt and media -------------------------------------------------------------------------


def _qt_app() -> Any:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance()
    if app is None:
        app = QGuiApplication([sys.argv[0] if sys.argv else "sora-desktop", "--self-test"])
    return app


def check_qt() -> str:
    import PySide6
    from PySide6.QtCore import qVersion

    app = _qt_app()
    return f"PySide6 {PySide6.__version__}, Qt {qVersion()}, platform {app.platformName()}"


def check_media(clip: Path, timeout: float = MEDIA_TIMEOUT) -> str:
    """Play ``clip`` until QMediaPlayer has loaded it and a decoded frame has arrived."""
    if not clip.is_file():
        raise CheckFailed(f"sample clip missing: {clip}")
    _qt_app()
    from PySide6.QtCore import QEventLoop, QTimer, QUrl
    from PySide6.QtMultimedia import QMediaPlayer, QVideoFrame, QVideoSink

    from sora_desktop.gui.preview import stop_and_unload

    player = QMediaPlayer()
    sink = QVideoSink()
    player.setVideoSink(sink)
    loop = QEventLoop()
    seen: dict[str, Any] = {"statuses": [], "frame": None, "error": None}
    ready = {QMediaPlayer.MediaStatus.LoadedMedia, QMediaPlayer.MediaStatus.BufferedMedia}

    def finish_if_done() -> None:
        if seen["error"] or (seen["frame"] and ready & set(seen["statuses"])):
            loop.quit()

    def on_status(status: QMediaPlayer.MediaStatus) -> None:
        seen["statuses"].append(status)
        if status is QMediaPlayer.MediaStatus.InvalidMedia:
            seen["error"] = seen["error"] or "invalid media"
        finish_if_done()

    def on_error(_error: QMediaPlayer.Error, message: str) -> None:
        seen["error"] = message or "player error"
        finish_if_done()

    def on_frame(frame: QVideoFrame) -> None:
        if frame.isValid() and seen["frame"] is None:
            seen["frame"] = (frame.width(), frame.height())
        finish_if_done()

    timer = QTimer()
    timer.setSingleShot(True)
    timer.timeout.connect(loop.quit)
    player.mediaStatusChanged.connect(on_status)
    player.errorOccurred.connect(on_error)
    sink.videoFrameChanged.connect(on_frame)
    if not player.isAvailable():
        raise CheckFailed("no QtMultimedia backend: the multimedia plugin did not load")
    try:
        player.setSource(QUrl.fromLocalFile(str(clip)))
        player.play()
        timer.start(int(timeout * 1000))
        if not (seen["error"] or seen["frame"]):
            loop.exec()
        timer.stop()
        duration_ms = player.duration()
        has_audio = player.hasAudio()
    finally:
        # on_frame runs on the player's render thread: disconnect before tearing it down,
        # and tear down from the event loop, never waiting for that thread with the GIL held
        for signal, slot in (
            (player.mediaStatusChanged, on_status),
            (player.errorOccurred, on_error),
            (sink.videoFrameChanged, on_frame),
        ):
            signal.disconnect(slot)
        stop_and_unload(player)
    names = [s.name for s in seen["statuses"]]
    if seen["error"]:
        raise CheckFailed(f"player error: {seen['error']} (statuses: {', '.join(names)})")
    if seen["frame"] is None or not ready & set(seen["statuses"]):
        raise CheckFailed(
            f"no decoded frame within {timeout:.0f} s (statuses: {', '.join(names) or 'none'})"
        )
    w, h = seen["frame"]
    reached = "BufferedMedia" if "BufferedMedia" in names else "LoadedMedia"
    audio = "with audio" if has_audio else "NO audio track"
    if not has_audio:
        raise CheckFailed(f"{reached}, {w}x{h} frame, but {audio}")
    return f"{reached}, first frame {w}x{h}, {duration_ms} ms, {audio} ({clip.name})"


# --- keyring ------------------------------------------------------------------------------


def check_keyring() -> str:
    """keyring loads, finds its backends, and its platform module is in the bundle.

    No usable OS keyring (a headless CI machine) is reported as not available (N/A), not
    failed: keys can then come from environment variables. A bundle that lost keyring's
    backends fails.
    """
    from sora_desktop.core import secrets

    name, usable = secrets.backend_name(), secrets.is_available()
    try:
        importlib.import_module(_PLATFORM_KEYRING_MODULE)
    except ImportError as exc:
        raise CheckFailed(
            f"{name}; platform backend {_PLATFORM_KEYRING_MODULE} missing: {exc}"
        ) from exc
    from importlib.metadata import entry_points

    found = len(entry_points(group="keyring.backends"))
    if found == 0:
        raise CheckFailed(f"{name}; no keyring backend entry points (metadata not bundled)")
    if not usable:
        raise NotAvailable(
            f"not available (keyring backend: {name}); keys only from environment variables"
        )
    return f"{name} ({found} backend entry points)"


# --- library, generation, decode ----------------------------------------------------------


def check_library(paths: Any) -> str:
    import sqlite3

    from sora_desktop.core.store import JobStore

    paths.ensure()
    store = JobStore(paths.db_path)
    try:
        count = len(store.list_jobs())
    finally:
        store.close()
    if not paths.db_path.is_file():
        raise CheckFailed(f"no database file at {paths.db_path}")
    with sqlite3.connect(paths.db_path) as conn:
        mode = conn.execute("PRAGMA journal_mode").fetchone()[0]
        version = conn.execute("PRAGMA user_version").fetchone()[0]
    conn.close()
    return f"SQLite {sqlite3.sqlite_version}, journal {mode}, schema v{version}, {count} jobs"


async def _generate(paths: Any, base_url: str) -> Any:
    from sora_desktop.core.models import Connection, ConnectionKind, KeySource, VideoRequest
    from sora_desktop.core.service import GenerationService
    from sora_desktop.core.store import JobStore

    store = JobStore(paths.db_path)
    service = GenerationService(store, paths, key_lookup=lambda _source: None)
    try:
        # its own simulator at a fixed address: not the built-in profile, whose address the
        # service would ask the app for (core/builtin_simulator.py)
        connection = Connection(
            kind=ConnectionKind.SIMULATOR, base_url=base_url, key_source=KeySource()
        )
        request = VideoRequest(prompt=PROMPT, model="sora-2", size="720x1280", seconds=4)
        return await asyncio.wait_for(
            service.generate(request, connection), timeout=GENERATION_TIMEOUT
        )
    finally:
        await service.shutdown()
        store.close()


def check_generation(paths: Any, result: dict[str, Any]) -> str:
    from sora_desktop.core.models import JobStatus
    from sora_desktop.simulator.server import SimulatorServer

    server = SimulatorServer(host="127.0.0.1", port=0, latency=SIM_LATENCY)
    server.start()
    try:
        job = asyncio.run(_generate(paths, f"{server.url}/v1"))
        created = server.created_count
    finally:
        server.stop()
    if job.status is not JobStatus.READY:
        raise CheckFailed(f"job ended {job.status.value}: {job.error_message or '-'}")
    if job.file_path is None or not Path(job.file_path).is_file():
        raise CheckFailed(f"job is ready but its file is missing: {job.file_path}")
    if created != 1:
        raise CheckFailed(f"the simulator saw {created} creates, expected exactly 1")
    result["job"] = job
    size = Path(job.file_path).stat().st_size
    return f"{job.request.size}, {job.request.seconds} s -> {size} bytes, 1 remote job"


def check_decode(video: Path | None, want_size: str | None, want_seconds: int | None) -> str:
    if video is None:
        raise CheckFailed("nothing to decode (the generation failed)")
    import av

    with av.open(str(video)) as container:
        vstreams = container.streams.video
        astreams = container.streams.audio
        if not vstreams:
            raise CheckFailed(f"{video.name} has no video stream")
        codec = vstreams[0].codec_context.name
        frames = 0
        width = height = 0
        for frame in container.decode(video=0):
            frames += 1
            width, height = frame.width, frame.height
        duration = float(container.duration or 0) / 1_000_000
    if frames == 0:
        raise CheckFailed(f"{video.name}: no frame decoded")
    got = f"{width}x{height}"
    if want_size and got != want_size:
        raise CheckFailed(f"decoded {got}, asked for {want_size}")
    if want_seconds and abs(duration - want_seconds) > 0.5:
        raise CheckFailed(f"lasts {duration:.2f} s, asked for {want_seconds} s")
    audio = astreams[0].codec_context.name if astreams else "no audio"
    return (
        f"{codec} {got}, {frames} frames, {duration:.2f} s, audio {audio} (PyAV {av.__version__})"
    )


def check_timeline(video: Path | None, folder: Path) -> str:
    if video is None:
        raise CheckFailed("no clip to put on a timeline (the generation failed)")
    import opentimelineio as otio

    from sora_desktop.core.storyboard import Shot, Storyboard, add_take
    from sora_desktop.core.timeline import export_timeline

    board = add_take(
        Storyboard(id="selftest", name="Self-test", shots=(Shot(id="s", name="Shot"),)),
        "s",
        "job",
    )
    written = [export_timeline(board, [video], fmt, folder).path for fmt in ("fcpxml", "edl")]
    otio_path = export_timeline(board, [video], "otio", folder).path
    timeline = otio.adapters.read_from_file(str(otio_path))
    clips = list(timeline.find_clips())
    if len(clips) != 1 or clips[0].media_reference.target_url != "clips/01-Shot.mp4":
        raise CheckFailed(f"the .otio read back holds {clips!r}")
    names = ", ".join(p.suffix for p in (otio_path, *written))
    return f"{names} written, .otio read back (OpenTimelineIO {otio.__version__})"


# --- the run ------------------------------------------------------------------------------


def run_checks() -> list[CheckResult]:
    from sora_desktop.core.paths import AppPaths

    results: list[CheckResult] = [
        _timed("qt", check_qt),
        _timed("media", lambda: check_media(sample_clip())),
        _timed("keyring", check_keyring),
    ]
    with tempfile.TemporaryDirectory(prefix="sora-selftest-") as tmp:
        paths = AppPaths.default(tmp)
        results.append(_timed("library", lambda: check_library(paths)))
        made: dict[str, Any] = {}
        results.append(_timed("generation", lambda: check_generation(paths, made)))
        job = made.get("job")
        results.append(
            _timed(
                "decode",
                lambda: check_decode(
                    Path(job.file_path) if job else None,
                    job.request.size if job else None,
                    job.request.seconds if job else None,
                ),
            )
        )
        results.append(
            _timed(
                "timeline",
                lambda: check_timeline(
                    Path(job.file_path) if job else None, Path(tmp) / "timeline"
                ),
            )
        )
    return results


def print_report(results: list[CheckResult], out: TextIO | None) -> None:
    """The summary table. ``out`` None (a windowed Windows exe has no stdout) prints nothing."""
    if out is None:
        return
    frozen = "frozen bundle" if getattr(sys, "frozen", False) else "from source"
    print(
        f"Sora Desktop {__version__} self-test ({frozen}, Python {sys.version.split()[0]}, "
        f"{sys.platform})",
        file=out,
    )
    width = max(len(r.name) for r in results)
    for r in results:
        print(f"  {r.name:<{width}}  {r.status:<4}  {r.seconds:6.2f} s  {r.detail}", file=out)
    failed = [r.name for r in results if not r.ok]
    missing = [r.name for r in results if r.not_available]
    for r in results:
        if not r.ok and r.output.strip():
            print(f"--- what {r.name} wrote to stderr ---", file=out)
            print(r.output.rstrip(), file=out)
    if failed:
        print(f"self-test FAILED: {', '.join(failed)}", file=out)
    elif missing:
        passed = len(results) - len(missing)
        print(
            f"self-test passed: {passed} checks OK, not available here: {', '.join(missing)}",
            file=out,
        )
    else:
        print(f"self-test passed: {len(results)} checks OK", file=out)
    out.flush()


def run_self_test(out: TextIO | None = None) -> int:
    """Run every check, print the summary table, return 0 only if all passed."""
    results = run_checks()
    print_report(results, out if out is not None else sys.stdout)
    return 0 if all(r.ok for r in results) else 1


if __name__ == "__main__":
    sys.exit(run_self_test())
