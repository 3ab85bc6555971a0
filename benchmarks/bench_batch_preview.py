"""Batch preview benchmark: from a file to the preview of a 1,000-job sweep, timed.

    .venv/bin/python benchmarks/bench_batch_preview.py [--rows 50] [--repeat 15] [--history 5000]

Target (issue 13): the preview of a 1,000-job sweep appears in under 300 ms. What is timed
is everything the faces do before showing it: read the CSV (``--rows`` rows with a prompt
template's columns and a start image column), plan it with the sweeps
``model=sora-2,sora-2-pro`` x ``seconds=4,8`` x ``seed=1..5`` (``--rows`` x 20 jobs), read
the render-time history from a library of ``--history`` jobs, and preview it on a saved
OpenAI profile through the real ``GenerationService.validate`` (which asks for the profile
and checks the start image for each job) with a cap. Two runs per round, alternating: without start
images, and with one start image per row (already the right size; checked by Pillow).
Medians over ``--repeat`` rounds.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PIL import Image

from sora_desktop.core.batch.estimate import RenderTimes
from sora_desktop.core.batch.plan import plan_batch
from sora_desktop.core.batch.preview import BatchPreview, preview_batch
from sora_desktop.core.batch.source import read_source
from sora_desktop.core.batch.sweep import parse_sweep
from sora_desktop.core.models import ConnectionKind, Job, JobStatus, VideoRequest
from sora_desktop.core.paths import AppPaths
from sora_desktop.core.profiles import ProfileStore, make_profile
from sora_desktop.core.service import GenerationService
from sora_desktop.core.store import JobStore

SWEEPS = ("model=sora-2,sora-2-pro", "seconds=4,8", "seed=1..5")
ANIMALS = ["fox", "owl", "heron", "狐狸", "koi", "tiger", "otter", "crane", "moth", "whale"]
PLACES = ["snow", "a neon street", "a misty lake", "竹林", "a desert", "the deep sea"]


def write_file(folder: Path, rows: int, images: bool) -> Path:
    lines = ["animal,place,camera,image" if images else "animal,place,camera"]
    for n in range(rows):
        cells = [ANIMALS[n % len(ANIMALS)], PLACES[n % len(PLACES)], f"shot {n}"]
        if images:
            image = folder / f"start-{n}.png"
            if not image.exists():
                Image.new("RGB", (720, 1280), (n % 255, 40, 90)).save(image)
            cells.append(image.name)
        lines.append(",".join(cells))
    path = folder / ("with-images.csv" if images else "prompts.csv")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def fill_library(store: JobStore, count: int) -> None:
    jobs = []
    for n in range(count):
        profile_conn = make_profile("Work", ConnectionKind.OPENAI).connection()
        jobs.append(
            Job(
                id=uuid.uuid4().hex,
                request=VideoRequest(prompt=f"clip {n}", seconds=(4, 8)[n % 2]),
                connection=profile_conn,
                status=JobStatus.READY,
                remote_id=f"video_{n}",
                submitted_at=1_750_000_000.0 + n,
                completed_at=1_750_000_060.0 + n + n % 40,
            )
        )
    store.add_many(jobs)


def preview_once(
    path: Path, paths: AppPaths, service: GenerationService, store: JobStore
) -> BatchPreview:
    profile = ProfileStore(paths.profiles_path).get("work")
    assert profile is not None
    plan = plan_batch(
        read_source(path),
        template="a {animal} in {place}, {camera}, cinematic light",
        sweeps=[parse_sweep(s) for s in SWEEPS],
        confirmed=True,
    )
    return preview_batch(
        plan,
        profile.connection(),
        service,
        cap=250.0,
        concurrency=4,
        render_times=RenderTimes.from_store(store),
    )


def run(folder: Path, rows: int, repeat: int, history: int) -> None:
    paths = AppPaths.default(folder / "appdata")
    paths.ensure()
    ProfileStore(paths.profiles_path).add(
        make_profile("Work", ConnectionKind.OPENAI, base_url="https://api.openai.com/v1")
    )
    store = JobStore(paths.db_path)
    fill_library(store, history)
    service = GenerationService(store, paths)
    plain = write_file(folder, rows, images=False)
    with_images = write_file(folder, rows, images=True)
    times: dict[str, list[float]] = {"plain": [], "images": []}
    last: dict[str, BatchPreview] = {}
    for _round in range(repeat):
        for name, path in (("plain", plain), ("images", with_images)):
            start = time.perf_counter()
            last[name] = preview_once(path, paths, service, store)
            times[name].append((time.perf_counter() - start) * 1000)
    store.close()
    for name in ("plain", "images"):
        preview = last[name]
        ms = statistics.median(times[name])
        print(
            f"  {name:<7} {len(preview.rows):5d} jobs: median {ms:7.1f} ms "
            f"(min {min(times[name]):.1f}, max {max(times[name]):.1f}); "
            f"to send {preview.to_send}, held {preview.held}, invalid {preview.invalid}, "
            f"total ${preview.total_cost:.2f}, about {preview.estimated_seconds / 60:.0f} min"
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=50)
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--history", type=int, default=5000)
    args = parser.parse_args(argv)
    print(
        f"Batch preview benchmark: {args.rows} rows x 20 sweep combinations, "
        f"library of {args.history} jobs, {args.repeat} rounds"
    )
    with tempfile.TemporaryDirectory(prefix="sora-bench-batch-") as tmp:
        run(Path(tmp), args.rows, args.repeat, args.history)
    return 0


if __name__ == "__main__":
    sys.exit(main())
