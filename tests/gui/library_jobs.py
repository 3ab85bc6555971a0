"""Helpers for the library GUI tests: a real SQLite JobStore filled with jobs."""

from __future__ import annotations

import shutil
import uuid
from collections.abc import Sequence
from pathlib import Path

from sora_desktop.core.models import Connection, ConnectionKind, Job, JobStatus, VideoRequest
from sora_desktop.core.status_change import StatusChange
from sora_desktop.core.store import JobStore

SAMPLE = (
    Path(__file__).resolve().parents[2] / "sora_desktop" / "resources" / "sample" / "sample.mp4"
)

PROMPTS = (
    "A red fox trotting through fresh snow at dawn, tracking shot",
    "Neon city street in the rain, reflections, slow dolly forward",
    "A paper boat drifting down a gutter stream, macro lens",
    "Astronaut planting a tomato seedling on the moon, soft light",
    "Close-up of hands kneading bread dough, warm kitchen light",
)


def make_job(
    index: int,
    *,
    status: JobStatus = JobStatus.READY,
    prompt: str | None = None,
    model: str = "sora-2",
    size: str = "720x1280",
    seconds: int = 4,
    video_dir: Path | None = None,
    favourite: bool = False,
    remote_id: str | None = "auto",
) -> Job:
    file_path = None
    if video_dir is not None and status is JobStatus.READY:
        video_dir.mkdir(parents=True, exist_ok=True)
        file_path = video_dir / f"clip-{index:05d}.mp4"
        shutil.copyfile(SAMPLE, file_path)
    created = 1_760_000_000.0 + index * 60
    return Job(
        id=uuid.uuid4().hex,
        request=VideoRequest(
            prompt=prompt if prompt is not None else f"{PROMPTS[index % len(PROMPTS)]} #{index}",
            model=model,
            size=size,
            seconds=seconds,
        ),
        connection=Connection(kind=ConnectionKind.SIMULATOR, base_url="http://127.0.0.1:9/v1"),
        status=status,
        remote_id=f"video_{index:05d}" if remote_id == "auto" else remote_id,
        progress=100 if status is JobStatus.READY else 0,
        created_at=created,
        updated_at=created,
        file_path=file_path,
        favourite=favourite,
        history=[StatusChange(status=status, at=created)],
    )


def fill_store(store: JobStore, jobs: Sequence[Job]) -> list[Job]:
    for job in jobs:
        store.add(job)
    return list(jobs)
