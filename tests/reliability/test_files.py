"""Downloads and exports never leave a broken file: cut, truncated and non-MP4 bodies, a full
disk while downloading or exporting, and prompts that would make dangerous file names."""

from __future__ import annotations

import asyncio
import dataclasses
import errno
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

import pytest

from sora_desktop import cli
from sora_desktop.core import download as download_mod
from sora_desktop.core import export as export_mod
from sora_desktop.core.backoff import Backoff
from sora_desktop.core.client import VideoClient
from sora_desktop.core.errors import ExitCode, RemoteJobFailedError
from sora_desktop.core.logsetup import teardown_logging
from sora_desktop.core.models import Job, JobStatus
from sora_desktop.core.paths import AppPaths
from sora_desktop.core.service import GenerationService
from sora_desktop.core.store import JobStore
from sora_desktop.simulator.server import SimulatorServer
from tests.fail_on_unexpected import ExpectLog
from tests.reliability.conftest import history, proxied, run_cli
from tests.reliability.engine import assert_intact, assert_ready, connection, request, run_service
from tests.reliability.faultserver import FaultServer, Respond

CONTENT = r"^/v1/videos/[^/]+/content$"


@pytest.fixture(autouse=True)
def _logging_restored() -> Iterator[None]:
    yield
    teardown_logging()  # in-process cli.main() installs the app's log handlers


def library_files(data_dir: Path) -> list[Path]:
    paths = AppPaths.default(data_dir)
    return sorted(p for p in paths.library_dir.rglob("*") if p.is_file())


@pytest.mark.parametrize(
    ("directive", "resumed"),
    [("[sim:drop-download]", True), ("[sim:truncate]", True), ("[sim:notmp4]", False)],
)
def test_broken_downloads_end_with_one_intact_clip_in_the_library_and_export(
    sim: SimulatorServer,
    fault: FaultServer,
    data_dir: Path,
    out_dir: Path,
    directive: str,
    resumed: bool,
) -> None:
    result = run_cli(
        "generate",
        "--prompt",
        f"a paper boat {directive}",
        "--out",
        str(out_dir),
        *proxied(fault),
        data_dir=data_dir,
    )
    assert result.returncode == 0, result.stderr
    (record,) = history(data_dir)
    clip = Path(record["file"])
    assert_intact(clip)
    assert library_files(data_dir) == [clip]  # no .part, no half file
    (exported,) = out_dir.iterdir()
    assert exported.read_bytes() == clip.read_bytes()
    downloads = [s for s in fault.requests("GET", CONTENT) if "variant=video" in s.query]
    assert len(downloads) == 2 and "range" not in downloads[0].headers
    # a cut or short body is continued with Range; a body that is not an MP4 is refetched whole
    assert ("range" in downloads[1].headers) is resumed
    assert sim.created_count == 1


def test_a_body_that_is_never_an_mp4_leaves_no_file(
    sim: SimulatorServer, fault: FaultServer, tmp_path: Path, expect_log: ExpectLog
) -> None:
    fault.add(
        "GET", CONTENT, Respond(200, b"<html>" + b"x" * 5000, content_type="text/html"), times=None
    )
    final, partial = tmp_path / "library" / "clip.mp4", tmp_path / "library" / ".partial"

    async def main() -> None:
        async with VideoClient(connection(fault.url + "/v1"), "sim") as client:
            polled = await client.create(request())
            await download_mod.download_video(
                client,
                polled.video.id,
                final,
                partial,
                max_attempts=3,
                backoff=Backoff(initial=0.01, cap=0.02, jitter=0.0),
            )

    with (
        expect_log("sora_desktop.core.download", "not an MP4") as warned,
        pytest.raises(RemoteJobFailedError, match="not an MP4"),
    ):
        asyncio.run(main())
    assert fault.count("GET", CONTENT) == 3 == len(warned)
    assert not final.exists() and list(partial.iterdir()) == []


class _FullDisk:
    """Wraps a file so writes fail with ENOSPC once ``room`` bytes were written."""

    def __init__(self, handle: IO[bytes], room: int) -> None:
        self._handle, self._room = handle, room

    def write(self, data: bytes) -> int:
        if self._room <= 0:
            raise OSError(errno.ENOSPC, "No space left on device")
        self._room -= len(data)
        return self._handle.write(data)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._handle, name)


def test_disk_full_while_downloading_keeps_the_part_and_resume_finishes(
    sim: SimulatorServer,
    fault: FaultServer,
    data_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    real_open = download_mod._open_at
    monkeypatch.setattr(
        download_mod, "_open_at", lambda dest, start: _FullDisk(real_open(dest, start), 64 * 1024)
    )

    async def first(service: GenerationService) -> Job:
        return await service.generate(request(), connection(fault.url + "/v1"))

    job = run_service(data_dir, first)
    assert job.status is JobStatus.INTERRUPTED, job.status
    assert job.error_message is not None and "disk is full" in job.error_message
    paths = AppPaths.default(data_dir)
    assert list(paths.library_dir.glob("*.mp4")) == []  # nothing broken in the library
    (part,) = paths.partial_dir.glob("*.part")
    assert 0 < part.stat().st_size <= 64 * 1024 + 1024 * 1024

    monkeypatch.undo()  # space was freed

    async def again(service: GenerationService) -> Job:
        (job_id,) = await service.resume_all()
        return await service.wait(job_id)

    assert_ready(run_service(data_dir, again))
    assert "range" in [s for s in fault.requests("GET", CONTENT) if "video" in s.query][-1].headers
    assert sim.created_count == 1
    assert list(paths.partial_dir.iterdir()) == []


def one_ready_job(sim: SimulatorServer, data_dir: Path) -> str:
    async def body(service: GenerationService) -> str:
        job = await service.generate(request(), connection(sim.url + "/v1"))
        assert_ready(job)
        return job.id

    return run_service(data_dir, body)


def test_disk_full_while_exporting_leaves_nothing_in_the_folder(
    sim: SimulatorServer, data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    job_id = one_ready_job(sim, data_dir)
    out = tmp_path / "exports"
    out.mkdir()

    def half_then_full(src: Path, tmp: Path) -> None:
        tmp.write_bytes(src.read_bytes()[:100_000])
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(export_mod, "copy_file", half_then_full)
    code = cli.main(["export", job_id, "--out", str(out), "--data-dir", str(data_dir)])
    assert code == ExitCode.LOCAL_IO
    assert list(out.iterdir()) == []  # no half clip, no hidden temp file, no sidecar


DANGEROUS = [
    "../../etc/passwd",
    'a/b\\c:d*e?f"g<h>i|j',
    "CON",
    "nul.txt",
    "COM1 port",
    "ends with dots...",
    "   ",
    "\u200b\u200b",
    ".hidden start",
    "\u202eevil\u0000bidi\x1b[31m",
    "long " * 200,
]


def test_dangerous_prompts_export_to_safe_names_inside_the_folder(
    sim: SimulatorServer, data_dir: Path, tmp_path: Path
) -> None:
    source_id = one_ready_job(sim, data_dir)
    paths = AppPaths.default(data_dir)
    store = JobStore(paths.db_path)
    try:
        source = store.get(source_id)
        assert source is not None and source.file_path is not None
        ids = []
        for prompt in DANGEROUS:
            job = dataclasses.replace(
                source,
                id=uuid.uuid4().hex,
                remote_id=None,
                request=dataclasses.replace(source.request, prompt=prompt),
                history=[],
            )
            store.add(job)
            ids.append(job.id)
    finally:
        store.close()
    out = tmp_path / "exports"
    result = run_cli(
        "export",
        *ids,
        "--out",
        str(out),
        "--template",
        "{prompt:200}.mp4",
        data_dir=data_dir,
    )
    assert result.returncode == 0, result.stderr
    exported = [Path(line) for line in result.stdout.splitlines()]
    assert len(exported) == len(DANGEROUS) == len(set(exported))
    clip = source.file_path.read_bytes()
    for path in exported:
        assert path.parent == out and path.is_file(), path
        name = path.name
        assert len(name.encode()) <= 255 and name == name.strip()
        assert not any(c in name for c in '<>:"/\\|?*\x00\x1b\u202e')
        assert path.stem.rstrip(" .").upper().split(".")[0] not in {"CON", "NUL", "COM1"}
        assert not name.startswith(".") and not path.stem.endswith((".", " "))
        assert path.read_bytes() == clip
    assert sorted(p for p in out.rglob("*") if p.suffix == ".mp4") == sorted(exported)
    assert not (tmp_path / "etc").exists()
