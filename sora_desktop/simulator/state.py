"""What a simulator keeps across restarts: its job table, the inputs its renders need, and
the renders themselves, in one folder it owns while it runs.

The app's built-in simulator uses ``<data>/simulator/`` so that a job kept for the next
start finishes then: ids, ``created_at``, latencies, directives and expiry are kept, and an
unfinished render is simply rendered again (renders are deterministic). Layout::

    jobs.json          the table (written atomically after every change)
    inputs/<sha>.bin   reference images and first frames, by content hash
    renders/           the clips, thumbnails and spritesheets (the render cache)
    lock               held while a server uses the folder: one process at a time

Jobs whose assets expired a day ago (or that failed a day ago) are dropped on load, with
the files only they used.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import threading
from dataclasses import asdict
from pathlib import Path
from typing import Any

from sora_desktop.core.atomic import atomic_write_bytes, atomic_write_text
from sora_desktop.core.filelock import FileLock
from sora_desktop.simulator.jobs import Directives, SimJob
from sora_desktop.simulator.render import RenderSpec, Segment

log = logging.getLogger(__name__)

FILE_VERSION = 1
KEEP_AFTER_END = 24 * 3600.0  # seconds a finished job stays after its assets expired


class StateInUse(OSError):
    """Another simulator (another process) is using this state folder."""


class StateFolder:
    """One simulator's state folder, locked for as long as it is open."""

    def __init__(self, directory: Path) -> None:
        self.directory = Path(directory)
        self.renders = self.directory / "renders"
        self.inputs = self.directory / "inputs"
        self.path = self.directory / "jobs.json"
        self._lock_file: FileLock | None = None
        self._write_lock = threading.Lock()
        self._closed = False

    # -- the lock ----------------------------------------------------------------------

    def open(self) -> None:
        """Create the folder and lock it. Raises :class:`StateInUse` when another process
        holds it, OSError when it can't be made."""
        self.renders.mkdir(parents=True, exist_ok=True)
        self.inputs.mkdir(parents=True, exist_ok=True)
        lock = FileLock(self.directory / "lock")
        if not lock.acquire():
            raise StateInUse(f"{self.directory} is in use by another simulator")
        self._lock_file = lock

    def close(self) -> None:
        """Stop saving (what happens to jobs after this, e.g. renders cancelled by a stop,
        is not what should be found next time) and release the lock."""
        with self._write_lock:
            self._closed = True
            lock, self._lock_file = self._lock_file, None
        if lock is not None:
            lock.release()

    # -- loading -------------------------------------------------------------------------

    def load(self, now: float, asset_ttl: float) -> tuple[list[SimJob], int]:
        """The saved jobs still worth keeping and the last sequence number. A damaged file
        is kept aside and the simulator starts empty."""
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            if data.get("version") != FILE_VERSION:
                raise ValueError(f"unknown version {data.get('version')!r}")
            seq = int(data.get("seq", 0))
            jobs = [self._job(item) for item in data["jobs"]]
        except FileNotFoundError:
            return [], 0
        except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
            aside = self.path.with_name(f"jobs.json.damaged-{int(now)}")
            with contextlib.suppress(OSError):
                self.path.replace(aside)
            log.warning("simulator state %s can't be read (%s); kept as %s", self.path, exc, aside)
            return [], 0
        kept = [job for job in jobs if not _stale(job, now, asset_ttl)]
        self._forget_files(kept)
        return kept, seq

    def _job(self, item: dict[str, Any]) -> SimJob:
        spec = item["spec"]
        reference = self._read_input(spec.get("reference"))
        segments = tuple(Segment(str(text), int(seconds)) for text, seconds in spec["segments"])
        return SimJob(
            id=str(item["id"]),
            seq=int(item["seq"]),
            model=str(item["model"]),
            prompt=str(item["prompt"]),
            size=str(item["size"]),
            seconds=int(item["seconds"]),
            spec=RenderSpec(int(spec["width"]), int(spec["height"]), segments, reference),
            directives=Directives(**item["directives"]),
            latency=float(item["latency"]),
            created=float(item["created"]),
            remixed_from=item.get("remixed_from"),
            rendered_at=item.get("rendered_at"),
            render_error=item.get("render_error"),
            downloads=int(item.get("downloads", 0)),
            dialect=str(item.get("dialect", "openai")),
            extra=dict(item.get("extra") or {}),
        )

    def _read_input(self, digest: str | None) -> bytes | None:
        if digest is None:
            return None
        data = (self.inputs / f"{digest}.bin").read_bytes()  # OSError: the file is damaged
        if hashlib.sha256(data).hexdigest() != digest:
            raise ValueError(f"input {digest} is damaged")
        return data

    def _forget_files(self, jobs: list[SimJob]) -> None:
        """Delete renders and inputs that no kept job needs (also half-written leftovers)."""
        keys = {job.spec.cache_key() for job in jobs}
        inputs = {hashlib.sha256(j.spec.reference).hexdigest() for j in jobs if j.spec.reference}
        for folder, wanted in ((self.renders, keys), (self.inputs, inputs)):
            for path in folder.iterdir():
                if path.name.split(".", 1)[0] not in wanted:
                    with contextlib.suppress(OSError):
                        path.unlink()

    # -- saving --------------------------------------------------------------------------

    def save(self, jobs: list[SimJob], seq: int) -> None:
        """Write the table (jobs as they are now). Never raises: a simulator that can't
        save keeps serving, it only forgets across a restart."""
        items = [self._item(job) for job in jobs]
        text = json.dumps({"version": FILE_VERSION, "seq": seq, "jobs": items})
        with self._write_lock:
            if self._closed:
                return
            try:
                atomic_write_text(self.path, text)
            except OSError as exc:
                log.warning("simulator state %s not saved: %s", self.path, exc)

    def _item(self, job: SimJob) -> dict[str, Any]:
        digest = None
        if job.spec.reference is not None:
            digest = hashlib.sha256(job.spec.reference).hexdigest()
            path = self.inputs / f"{digest}.bin"
            if not path.exists():
                with contextlib.suppress(OSError):
                    atomic_write_bytes(path, job.spec.reference)
        return {
            "id": job.id,
            "seq": job.seq,
            "model": job.model,
            "prompt": job.prompt,
            "size": job.size,
            "seconds": job.seconds,
            "spec": {
                "width": job.spec.width,
                "height": job.spec.height,
                "segments": [[s.text, s.seconds] for s in job.spec.segments],
                "reference": digest,
            },
            "directives": asdict(job.directives),
            "latency": job.latency,
            "created": job.created,
            "remixed_from": job.remixed_from,
            "rendered_at": job.rendered_at,
            "render_error": job.render_error,
            "downloads": job.downloads,
            "dialect": job.dialect,
            "extra": job.extra,
        }


def _stale(job: SimJob, now: float, asset_ttl: float) -> bool:
    """Whether a saved job ended (failed, or its assets expired) more than a day ago."""
    d = job.directives
    if d.moderation or d.fail or job.render_error is not None:
        end = job.created + job.latency
    elif job.rendered_at is not None:
        completed = max(job.created + job.latency, job.rendered_at)
        end = job.expires_at(completed, asset_ttl) or completed
    else:
        return False  # still to be rendered: never dropped
    return now - end > KEEP_AFTER_END
