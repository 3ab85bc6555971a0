"""Benchmark stitching and last-frame extraction against Debian's ffmpeg (issue 12 targets).

    .venv/bin/python benchmarks/bench_stitch.py [--runs 7] [--work DIR] [--reencode-clips 3]

1. **Stream copy**: ten 8 s 1280x720 clips of about 8 Mbit/s (H.264 with B-frames + AAC,
   made once with PyAV from moving noise, ~8 MB each; kept in ``--work``) joined by
   ``sora-desktop stitch CLIP... --out FILM`` (``python -m sora_desktop``, with its own
   ``--data-dir`` in ``--work``: the film is filed in that library too, thumbnail and all)
   and by ``ffmpeg -f concat -safe 0 -i LIST -c copy``, alternating, each a whole process.
   ``--engine-only`` times ``benchmarks/stitch_once.py`` (the engine's ``stitch()`` alone
   in a fresh interpreter) instead. Prints
   the medians, their ratio (target: at most 1.5) and each one's peak memory (target for
   ours: under 100 MB), read by GNU time (see :func:`timed`).
2. **Re-encode**: the first ``--reencode-clips`` clips re-encoded by both (libx264, preset
   ``veryfast``, CRF 20, AAC), alternating; speed as multiples of real time.
3. **Last frame** of two 20 s 1920x1080 24 fps clips (made once into ``--work``): the
   simulator's own (x264 ultrafast: no B-frames, a keyframe every 250 frames, ~1.3 Mbit/s)
   and a provider-like one (x264's default preset and GOP: B-frames, keyint 250, ~8 Mbit/s,
   AAC; moving noise without scene cuts, so its last GOP is 230 frames, the worst case).
   Timed in this process, wall and CPU time (target: under 300 ms), rotating in one run:
   ``core.frames.last_frame`` cold with FFmpeg's decoder threads (main's decode, unchanged)
   and without them; the stored frame a chained shot or a continuation reads
   (``last_frame_of`` with the frame stored, a PNG read); what the engine spends storing it
   in the background once the clip is ready (``store_last_frame``: decode + PNG write); and
   ffmpeg decoding the same tail as a process (``-sseof -2 ... -f null``, no image; it
   lands on the same keyframe): the floor for a full decode of the GOP. Every contender's
   frame is checked to be the same exact frame.

Needs ``ffmpeg`` on PATH (``apt-get install ffmpeg``); it is the yardstick only.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from fractions import Fraction
from pathlib import Path

import av
import numpy as np
from PIL import Image

ROOT = Path(__file__).resolve().parent.parent
ONCE = ROOT / "benchmarks" / "stitch_once.py"


def make_clip(path: Path, seed: int, *, seconds: int = 8) -> Path:
    """1280x720, 24 fps, ~8 Mbit/s H.264 (veryfast: B-frames) + AAC stereo 128 kbit/s."""
    rng = np.random.default_rng(seed)
    width, height, fps = 1280, 720, 24
    base = rng.integers(0, 255, (height, width + 256, 3), dtype=np.uint8)
    tmp = path.with_suffix(".tmp.mp4")
    with av.open(str(tmp), "w", format="mp4") as out:
        video = out.add_stream(
            "libx264",
            rate=fps,
            options={"preset": "veryfast", "b": "8M", "maxrate": "8M", "bufsize": "16M"},
        )
        video.width, video.height, video.pix_fmt = width, height, "yuv420p"
        audio = out.add_stream("aac", rate=48000, layout="stereo")
        audio.bit_rate = 128_000
        for i in range(seconds * fps):
            shift = (i * 4) % 256
            frame_data = base[:, shift : shift + width].copy()
            frame_data[::7] = rng.integers(0, 255, frame_data[::7].shape, dtype=np.uint8)
            frame = av.VideoFrame.from_ndarray(frame_data, format="rgb24")
            frame.pts = i
            frame.time_base = Fraction(1, fps)
            out.mux(video.encode(frame))
        out.mux(video.encode())
        t = np.arange(seconds * 48000) / 48000
        tone = (0.2 * np.sin(2 * np.pi * (220 + 20 * seed) * t)).astype(np.float32)
        for start in range(0, len(tone), 1024):
            chunk = tone[start : start + 1024]
            chunk = np.pad(chunk, (0, 1024 - len(chunk)))
            frame = av.AudioFrame.from_ndarray(
                np.stack([chunk, chunk]), format="fltp", layout="stereo"
            )
            frame.sample_rate = 48000
            frame.pts = start
            frame.time_base = Fraction(1, 48000)
            out.mux(audio.encode(frame))
        out.mux(audio.encode())
    tmp.replace(path)
    return path


def make_big_clip(path: Path, *, seconds: int = 20, fps: int = 24) -> Path:
    """1920x1080 H.264 with x264's default preset and GOP (B-frames, keyint 250) at ~8
    Mbit/s + AAC: moving noise that never repeats (no scene cut adds a keyframe)."""
    rng = np.random.default_rng(7)
    width, height = 1920, 1080
    wide = width + 2 * seconds * fps + 8
    base = rng.integers(0, 255, (height // 4, wide // 4, 3), dtype=np.uint8)
    base = base.repeat(4, 0).repeat(4, 1)
    tmp = path.with_suffix(".tmp.mp4")
    with av.open(str(tmp), "w", format="mp4") as out:
        options = {"preset": "medium", "b": "8M", "maxrate": "8M", "bufsize": "16M"}
        video = out.add_stream("libx264", rate=fps, options=options)
        video.width, video.height, video.pix_fmt = width, height, "yuv420p"
        audio = out.add_stream("aac", rate=48000, layout="stereo")
        audio.bit_rate = 128_000
        for i in range(seconds * fps):
            data = base[:, 2 * i : 2 * i + width].copy()
            data[::9] = rng.integers(0, 255, data[::9].shape, dtype=np.uint8)
            frame = av.VideoFrame.from_ndarray(data, format="rgb24")
            frame.pts = i
            frame.time_base = Fraction(1, fps)
            out.mux(video.encode(frame))
        out.mux(video.encode())
        t = np.arange(seconds * 48000) / 48000
        tone = (0.2 * np.sin(2 * np.pi * 220 * t)).astype(np.float32)
        for start in range(0, len(tone), 1024):
            chunk = np.pad(tone[start : start + 1024], (0, max(0, start + 1024 - len(tone))))
            sound = av.AudioFrame.from_ndarray(
                np.stack([chunk, chunk]), format="fltp", layout="stereo"
            )
            sound.sample_rate = 48000
            sound.pts = start
            sound.time_base = Fraction(1, 48000)
            out.mux(audio.encode(sound))
        out.mux(audio.encode())
    tmp.replace(path)
    return path


def tail_frames(path: Path) -> int:
    """How many frames the last GOP holds (from the last keyframe on)."""
    with av.open(str(path)) as container:
        count = 0
        for packet in container.demux(container.streams.video[0]):
            if packet.size:
                count = 1 if packet.is_keyframe else count + 1
        return count


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed(cmd: list[str]) -> tuple[float, float]:
    """(wall seconds, peak RSS MB) of one whole process.

    The peak comes from GNU time (``/usr/bin/time -f %M``), not from this process's own
    ``wait4``: Linux carries a forked child's pre-exec high-water mark (a copy of this
    benchmark's ~200 MB) into the exec'd program's ``ru_maxrss``, so every contender would
    read the same. time forks from a small process, so the floor is its own few MB."""
    gnu_time = Path("/usr/bin/time")
    with tempfile.NamedTemporaryFile("r", suffix=".rss") as rss:
        wrapped = [str(gnu_time), "-f", "%M", "-o", rss.name, *cmd] if gnu_time.exists() else cmd
        started = time.perf_counter()
        proc = subprocess.run(wrapped, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        wall = time.perf_counter() - started
        if proc.returncode != 0:
            err = proc.stderr.decode(errors="replace")
            raise SystemExit(f"{cmd[0]} failed ({proc.returncode}): {err}")
        text = rss.read().strip().splitlines()
    peak_kb = float(text[-1]) if text and text[-1].isdigit() else float("nan")
    return wall, peak_kb / 1024


def alternate(
    runs: int, ours: list[str], theirs: list[str]
) -> tuple[list[float], list[float], list[float], list[float]]:
    ours_t, theirs_t, ours_m, theirs_m = [], [], [], []
    for i in range(runs):
        order = [(ours, ours_t, ours_m), (theirs, theirs_t, theirs_m)]
        if i % 2:
            order.reverse()
        for cmd, times, mems in order:
            wall, mem = timed(cmd)
            times.append(wall)
            mems.append(mem)
    return ours_t, theirs_t, ours_m, theirs_m


def _fmt(times: list[float]) -> str:
    return f"median {statistics.median(times):.3f} s (runs: {', '.join(f'{t:.2f}' for t in times)})"


def last_frame_rows(work: Path, ffmpeg: str, runs: int) -> None:
    """Item 3: each way to the last frame of the two 20 s 1080p clips, alternating."""
    from sora_desktop.core import frames
    from sora_desktop.core.paths import stored_frame_path
    from sora_desktop.simulator.render import RenderSpec, Segment, render_clip

    sim = work / "big20.mp4"
    if not sim.is_file():
        print("rendering the simulator's 20 s 1080p clip ...", file=sys.stderr, flush=True)
        spec = RenderSpec(1920, 1080, (Segment("A long harbour at dusk, boats", 20),))
        render_clip(spec, work, name="big20")
    real = work / "real20.mp4"
    if not real.is_file():
        print("making the 20 s 1080p 8 Mbit/s clip (minutes) ...", file=sys.stderr, flush=True)
        make_big_clip(real)

    def unthreaded(clip: Path) -> Image.Image:
        frames.THREAD_TYPE = "NONE"
        try:
            return frames.last_frame(clip)
        finally:
            frames.THREAD_TYPE = "AUTO"

    def ingest(clip: Path) -> Image.Image:
        stored_frame_path(clip).unlink(missing_ok=True)
        frames.store_last_frame(clip)
        image = frames.stored_last_frame(clip)
        assert image is not None
        return image

    contenders: dict[str, Callable[[Path], Image.Image]] = {
        "cold, threaded (main's decode, unchanged)": frames.last_frame,
        "cold, no decoder threads": unthreaded,
        "stored frame (the chained step's PNG read)": frames.last_frame_of,
        "ingest in the background (decode + PNG write)": ingest,
    }
    for label, big in (("simulator", sim), ("x264 default, 8 Mbit/s", real)):
        library = work / "library"
        library.mkdir(exist_ok=True)
        clip = library / big.name
        if not clip.is_file() or clip.stat().st_size != big.stat().st_size:
            shutil.copyfile(big, clip)
        frames.store_last_frame(clip)  # the stored frame the chained step reads
        expected = frames.last_frame(big).tobytes()
        cmd = [ffmpeg, "-v", "error", "-sseof", "-2", "-i", str(big), "-an", "-f", "null", "-"]
        walls: dict[str, list[float]] = {name: [] for name in [*contenders, "ffmpeg"]}
        cpus: dict[str, list[float]] = {name: [] for name in walls}
        names = list(walls)
        for i in range(runs):
            for name in names[i % len(names) :] + names[: i % len(names)]:  # rotating
                if name == "ffmpeg":
                    cpu = children_cpu()
                    walls[name].append(timed(cmd)[0])
                    cpus[name].append(children_cpu() - cpu)
                    continue
                wall, cpu = time.perf_counter(), time.process_time()
                image = contenders[name](clip)
                walls[name].append(time.perf_counter() - wall)
                cpus[name].append(time.process_time() - cpu)
                assert image.tobytes() == expected, name  # every way: the same exact frame
        png = stored_frame_path(clip).stat().st_size / 1e6
        print(f"last frame, {label} ({tail_frames(big)} frames in the last GOP; PNG {png:.1f} MB):")
        for name in names:
            where = "ffmpeg decoding the GOP, a process" if name == "ffmpeg" else name
            print(
                f"  {where}: {_fmt(walls[name])}; CPU median {statistics.median(cpus[name]):.3f} s"
            )
        for name in (
            "cold, threaded (main's decode, unchanged)",
            "stored frame (the chained step's PNG read)",
        ):
            print(f"  target < 0.300 s, {name}: {statistics.median(walls[name]) < 0.3}")
        print(f"  load average after: {os.getloadavg()[0]:.1f}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "sora-bench")
    parser.add_argument("--reencode-clips", type=int, default=3)
    parser.add_argument("--skip", choices=["copy", "reencode", "lastframe"], action="append")
    parser.add_argument("--engine-only", action="store_true", help="time stitch_once.py")
    args = parser.parse_args(argv)
    skip = set(args.skip or ())
    ffmpeg = shutil.which("ffmpeg")
    if ffmpeg is None:
        raise SystemExit("ffmpeg is not on PATH (apt-get install ffmpeg): it is the yardstick")
    work: Path = args.work
    work.mkdir(parents=True, exist_ok=True)
    if {"copy", "reencode"} <= skip:  # the last frame alone needs none of the 720p clips
        if "lastframe" not in skip:
            last_frame_rows(work, ffmpeg, args.runs)
        return 0
    clips = []
    for i in range(10):
        path = work / f"clip{i:02d}.mp4"
        if not path.is_file():
            print(f"making {path.name} ...", file=sys.stderr, flush=True)
            make_clip(path, i)
        clips.append(path)
    # An installed app (a wheel, a bundle) imports from bytecode; a checkout run with
    # PYTHONDONTWRITEBYTECODE would compile ~50 modules in every timed process (~0.4 s)
    import compileall

    compileall.compile_dir(ROOT / "sora_desktop", quiet=1)
    sizes = [p.stat().st_size / 1e6 for p in clips]
    print(f"clips: 10 x 8 s 1280x720, {min(sizes):.1f}-{max(sizes):.1f} MB each")
    py = sys.executable

    def concat_list(paths: list[Path]) -> Path:
        listing = work / f"list{len(paths)}.txt"
        listing.write_text("".join(f"file '{p}'\n" for p in paths))
        return listing

    if "copy" not in skip:
        out_ours, out_ff = work / "film_ours.mp4", work / "film_ffmpeg.mp4"
        if args.engine_only:
            ours = [py, str(ONCE), str(out_ours), *map(str, clips)]
        else:
            ours = [py, "-m", "sora_desktop", "stitch", *map(str, clips), "--out", str(out_ours)]
            ours += ["--overwrite", "--data-dir", str(work / "appdata")]
        theirs = [ffmpeg, "-v", "error", "-y", "-f", "concat", "-safe", "0", "-i"]
        theirs += [str(concat_list(clips)), "-c", "copy", str(out_ff)]
        timed(ours), timed(theirs)  # warm the page cache and the interpreter's files
        ot, tt, om, tm = alternate(args.runs, ours, theirs)
        print(f"copy, ours:   {_fmt(ot)}; peak RSS {max(om):.0f} MB")
        print(f"copy, ffmpeg: {_fmt(tt)}; peak RSS {max(tm):.0f} MB")
        ratio = statistics.median(ot) / statistics.median(tt)
        print(
            f"copy ratio ours/ffmpeg: {ratio:.2f} (target <= 1.5); ours peak < 100 MB: "
            f"{max(om) < 100}"
        )

    if "reencode" not in skip:
        some = clips[: args.reencode_clips]
        seconds = 8 * len(some)
        out_ours, out_ff = work / "re_ours.mp4", work / "re_ffmpeg.mp4"
        ours = [py, str(ONCE), str(out_ours), *map(str, some), "--reencode"]
        ours += ["--preset", "veryfast"]
        theirs = [ffmpeg, "-v", "error", "-y", "-f", "concat", "-safe", "0", "-i"]
        theirs += [str(concat_list(some)), "-c:v", "libx264", "-preset", "veryfast"]
        theirs += ["-crf", "20", "-c:a", "aac", "-b:a", "128k", str(out_ff)]
        ot, tt, om, tm = alternate(max(1, args.runs // 2), ours, theirs)
        mo, mt = statistics.median(ot), statistics.median(tt)
        print(
            f"re-encode {seconds} s, ours:   {_fmt(ot)} = {seconds / mo:.2f}x real time; "
            f"peak RSS {max(om):.0f} MB"
        )
        print(
            f"re-encode {seconds} s, ffmpeg: {_fmt(tt)} = {seconds / mt:.2f}x real time; "
            f"peak RSS {max(tm):.0f} MB"
        )
        print(f"re-encode ratio ours/ffmpeg: {mo / mt:.2f}")

    if "lastframe" not in skip:
        last_frame_rows(work, ffmpeg, args.runs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
