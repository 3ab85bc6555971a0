"""Export: safe file names (property tests), templates, real MP4 round trip, no secrets."""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import errno
import json
import os
import stat
import sys
from collections.abc import Iterator
from fractions import Fraction
from pathlib import Path
from typing import Any

import av
import numpy as np
import pytest

from sora_desktop.core import export as export_mod
from sora_desktop.core.errors import DiskError, InvalidRequestError
from sora_desktop.core.export import (
    export_folder_problem,
    export_job,
    export_many,
    prepare_export_folder,
    render_filename,
    sidecar_dict,
)
from sora_desktop.core.filenames import name_length
from sora_desktop.core.models import Connection, ConnectionKind, Job, KeySource
from tests.core.test_store import make_job


def test_render_filename_fields() -> None:
    job = make_job("  A   red fox runs through deep snow at dawn, cinematic  ", remote_id=None)
    job.remote_id = "video_68d7512d07848190b3e45da0ecbebcde004da08e1e0678d5"
    when = job.created_at

    day = dt.datetime.fromtimestamp(when).strftime("%Y-%m-%d")
    # {id} is the start of the local id, which the CLI takes back; never the remote id's end
    expected = f"{day}_A red fox runs_{job.id[:10]}.mp4"
    assert render_filename("{date}_{prompt:20}_{id}.mp4", job) == expected
    assert render_filename("{model}-{size}-{seconds}s", job) == "sora-2-1280x720-8s.mp4"
    assert render_filename("{time}", job).count("-") == 2
    job.remote_id = None
    assert render_filename("{id}", job) == job.id[:10] + ".mp4"
    assert render_filename("{prompt:3}", job) == "A.mp4"
    assert render_filename("{prompt:2}", make_job("Supercalifragilistic")) == "Su.mp4"


@pytest.mark.parametrize("bad", ["{nope}", "{prompt:abc}", "{date", "{0}", "{prompt.__class__}"])
def test_render_filename_refuses_unknown_fields(bad: str) -> None:
    with pytest.raises(InvalidRequestError) as info:
        render_filename(bad, make_job())
    assert info.value.param == "template"


def _make_mp4(path: Path, frames: int = 12) -> None:
    with av.open(str(path), "w") as container:
        stream = container.add_stream("libx264", rate=24)
        stream.width, stream.height, stream.pix_fmt = 64, 48, "yuv420p"
        stream.time_base = Fraction(1, 24)
        for i in range(frames):
            img = np.full((48, 64, 3), i * 20 % 255, dtype=np.uint8)
            frame = av.VideoFrame.from_ndarray(img, format="rgb24")
            frame.pts = i
            for packet in stream.encode(frame):
                container.mux(packet)
        for packet in stream.encode():
            container.mux(packet)


def _count_frames(path: Path) -> int:
    with av.open(str(path)) as container:
        return sum(1 for _ in container.decode(video=0))


@pytest.fixture
def ready_job(tmp_path: Path) -> Job:
    lib = tmp_path / "library"
    lib.mkdir()
    clip = lib / "abc.mp4"
    _make_mp4(clip)
    job = make_job("A lighthouse at dawn: waves / spray", remote_id="video_0123456789abcdef")
    job.file_path = clip
    job.completed_at = job.created_at + 60
    job.connection = Connection(
        kind=ConnectionKind.COMPATIBLE,
        base_url="https://user:pa55word@gw.example.com:8443/v1?token=zzz",
        key_source=KeySource(env_var="MY_SECRET_GATEWAY_VAR"),
        profile_id="gw",
    )
    return job


def test_export_round_trip_with_sidecar(
    ready_job: Job, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MY_SECRET_GATEWAY_VAR", "sk-proj-TheActualKey123456789")
    out = tmp_path / "out"
    out.mkdir()
    first = export_job(ready_job, out, template="{prompt:40}_{id}")
    assert first.parent == out
    assert first.name == f"A lighthouse at dawn_ waves _ spray_{ready_job.id[:10]}.mp4"
    assert _count_frames(first) == 12
    assert first.read_bytes() == ready_job.file_path.read_bytes()  # type: ignore[union-attr]
    data = json.loads(first.with_suffix(".json").read_text())
    assert data["prompt"] == ready_job.request.prompt
    assert data["model"] == "sora-2" and data["size"] == "1280x720" and data["seconds"] == 8
    assert data["remote_id"] == "video_0123456789abcdef"
    assert data["remixed_from"] == "video_parent"
    assert data["created_at"].startswith("2023-11-14T22:13:20")
    assert data["connection"] == {
        "kind": "compatible",
        "base_url": "https://gw.example.com:8443/v1",
        "key_source": "env",
    }
    assert data["app"]["version"]
    blob = first.with_suffix(".json").read_text()
    for secret in ("TheActualKey", "MY_SECRET_GATEWAY_VAR", "pa55word", "zzz"):
        assert secret not in blob
    # never overwrite: a second export gets " (2)"
    second = export_job(ready_job, out, template="{prompt:40}_{id}")
    assert second.name == first.stem + " (2).mp4"
    assert second.with_suffix(".json").exists()
    assert not [p for p in out.iterdir() if p.name.startswith(".")]  # no temp files left


#: ASCII ":" and "?" (no file name takes them), full-width "，" and "。" (every one does)
CHINESE_PROMPT = "一只橘猫在黎明时分的灯塔上:看海浪拍打礁石?电影感，慢镜头。" * 12


def test_export_of_a_long_chinese_prompt_is_named_in_chinese_and_plays(
    ready_job: Job, tmp_path: Path
) -> None:
    ready_job.request = dataclasses.replace(ready_job.request, prompt=CHINESE_PROMPT)
    out = tmp_path / "导出"
    path = export_job(ready_job, out, template="{prompt:300}")
    assert path.parent == out and path.suffix == ".mp4"
    assert path.name.startswith("一只橘猫在黎明时分的灯塔上_看海浪拍打礁石_电影感，慢镜头。一只")
    assert name_length(path.name) <= 150  # bytes here, UTF-16 units on Windows
    assert _count_frames(path) == 12
    assert json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))["prompt"] == (
        CHINESE_PROMPT
    )
    reserved = dataclasses.replace(ready_job.request, prompt="nul")
    ready_job.request = reserved
    assert export_job(ready_job, out, template="{prompt:3}").name == "_nul.mp4"


def test_export_never_takes_a_name_that_differs_only_in_case(
    ready_job: Job, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    name = render_filename("{prompt:20}", ready_job)
    theirs = out / name.upper()  # a Windows or Mac would open this file for ``name``
    theirs.write_bytes(b"the creator's own")
    path = export_job(ready_job, out, template="{prompt:20}")
    assert path.name == name.removesuffix(".mp4") + " (2).mp4"
    assert theirs.read_bytes() == b"the creator's own"
    assert _count_frames(path) == 12


def test_export_copies_with_the_os_copy_not_a_python_loop(
    ready_job: Job, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*_a: Any, **_k: Any) -> None:
        raise AssertionError("copied through a Python read/write loop")

    monkeypatch.setattr(export_mod.shutil, "copyfileobj", refuse)
    out = tmp_path / "out"
    out.mkdir()
    dest = export_job(ready_job, out, sidecar=False)
    assert dest.read_bytes() == ready_job.file_path.read_bytes()  # type: ignore[union-attr]
    assert not dest.samefile(ready_job.file_path)  # type: ignore[arg-type]
    assert [p.name for p in out.iterdir()] == [dest.name]


def test_export_fsyncs_the_copy_before_it_takes_the_name(
    ready_job: Job, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    synced: list[tuple[int, list[str]]] = []
    real_fsync = os.fsync

    def fsync(fd: int) -> None:
        synced.append((os.fstat(fd).st_ino, sorted(p.name for p in out.iterdir())))
        real_fsync(fd)

    monkeypatch.setattr(export_mod.os, "fsync", fsync)
    dest = export_job(ready_job, out, sidecar=False)
    inode = dest.stat().st_ino
    assert any(ino == inode for ino, _ in synced), "the exported bytes were never fsynced"
    names_then = next(names for ino, names in synced if ino == inode)
    assert dest.name not in names_then  # still under its hidden temporary name
    assert all(name.startswith(".sora-export-") for name in names_then)


def test_export_link_shares_the_file(ready_job: Job, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    dest = export_job(ready_job, out, link=True, sidecar=False)
    assert dest.samefile(ready_job.file_path)  # type: ignore[arg-type]
    assert not dest.with_suffix(".json").exists()


def test_export_link_falls_back_to_copy(
    ready_job: Job, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_links(*_a: Any, **_k: Any) -> None:
        raise OSError(errno.EXDEV, "Invalid cross-device link")

    monkeypatch.setattr(export_mod.os, "link", no_links)
    out = tmp_path / "out"
    out.mkdir()
    a = export_job(ready_job, out, link=True)
    b = export_job(ready_job, out, link=True)
    assert not a.samefile(ready_job.file_path)  # type: ignore[arg-type]
    assert _count_frames(a) == 12 and b.name.endswith(" (2).mp4")


def test_export_creates_a_missing_folder(ready_job: Job, tmp_path: Path) -> None:
    # ~/Videos does not exist on many Linux desktops: exporting there creates it
    dest = tmp_path / "home" / "Videos"
    assert export_folder_problem(dest) is None and not dest.exists()
    path = export_job(ready_job, dest)
    assert path.parent == dest and _count_frames(path) == 12


def test_export_bad_destinations(ready_job: Job, tmp_path: Path) -> None:
    afile = tmp_path / "afile"
    afile.write_text("x")
    with pytest.raises(DiskError, match="not a folder"):
        export_job(ready_job, afile)
    with pytest.raises(DiskError, match="afile is a file, not a folder"):
        export_job(ready_job, afile / "sub" / "folder")  # can't be created under a file
    assert afile.read_text() == "x"
    ready_job.file_path = tmp_path / "gone.mp4"
    with pytest.raises(DiskError, match="not on disk"):
        export_job(ready_job, tmp_path)


def test_disk_full_leaves_nothing(
    ready_job: Job, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full(src: Path, tmp: Path) -> None:
        tmp.write_bytes(src.read_bytes()[:100])
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(export_mod, "copy_file", full)
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(DiskError, match="full") as info:
        export_job(ready_job, out)
    assert info.value.next_step
    assert list(out.iterdir()) == []


def test_export_many_and_sidecar_dict(ready_job: Job, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    paths = export_many([ready_job, ready_job, ready_job], out, template="{model}")
    assert [p.name for p in paths] == ["sora-2.mp4", "sora-2 (2).mp4", "sora-2 (3).mp4"]
    d = sidecar_dict(ready_job)
    assert "key" not in json.dumps(d).lower().replace("key_source", "")


@pytest.mark.skipif(os.name == "nt", reason="POSIX permission bits")
def test_sidecar_is_as_readable_as_the_video(ready_job: Job, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    previous = os.umask(0o022)
    try:
        assert ready_job.file_path is not None
        ready_job.file_path.chmod(0o644)  # as the library's download writes it under this umask
        video = export_job(ready_job, out)
    finally:
        os.umask(previous)
    sidecar = video.with_suffix(".json")
    assert stat.S_IMODE(sidecar.stat().st_mode) == stat.S_IMODE(video.stat().st_mode) == 0o644


def test_sidecar_times_are_iso_8601_with_their_offset(ready_job: Job, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    data = json.loads(export_job(ready_job, out).with_suffix(".json").read_text())
    created = dt.datetime.fromisoformat(data["created_at"])
    assert created.utcoffset() == dt.timedelta(0)
    assert created.timestamp() == int(ready_job.created_at)
    assert data["local_id"] == ready_job.id


def test_a_folder_that_cannot_be_created_is_explained(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    real_access = os.access
    # chmod can't stop root (CI runs as root): the OS answer is patched instead
    monkeypatch.setattr(
        export_mod.os, "access", lambda p, m: Path(p) != locked and real_access(p, m)
    )
    problem = export_folder_problem(locked / "clips")
    assert problem is not None
    assert "can't be created" in problem.message and "read-only" in problem.message
    with pytest.raises(DiskError, match="can't be created"):
        prepare_export_folder(locked / "clips")
    assert not (locked / "clips").exists()
    problem = export_folder_problem(locked)
    assert problem is not None and "is read-only" in problem.message


def test_a_clip_that_cant_be_read_is_named_and_nothing_is_left(
    ready_job: Job, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    clip = ready_job.file_path
    real_open = Path.open

    def locked(self: Path, *args: Any, **kwargs: Any) -> Any:
        if self == clip:  # as Windows answers while another program holds it exclusively
            raise PermissionError(errno.EACCES, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", locked)
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(DiskError, match="another program may be holding it open") as info:
        export_job(ready_job, out)
    assert str(clip) in info.value.message and str(out) not in info.value.message
    assert "Close the program" in info.value.next_step
    assert list(out.iterdir()) == []


@contextlib.contextmanager
def _held_open_exclusively(path: Path) -> Iterator[None]:
    """Another program's handle on ``path`` that shares nothing (no read, write or delete)."""
    import ctypes
    from ctypes import wintypes

    kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
    kernel32.CreateFileW.restype = wintypes.HANDLE
    kernel32.CreateFileW.argtypes = [
        wintypes.LPCWSTR, wintypes.DWORD, wintypes.DWORD, wintypes.LPVOID,
        wintypes.DWORD, wintypes.DWORD, wintypes.HANDLE,
    ]  # fmt: skip
    generic_read, share_none, open_existing, normal = 0x80000000, 0, 3, 0x80
    handle = kernel32.CreateFileW(
        str(path), generic_read, share_none, None, open_existing, normal, None
    )
    assert handle != wintypes.HANDLE(-1).value, ctypes.get_last_error()
    try:
        yield
    finally:
        kernel32.CloseHandle(handle)


windows_only = pytest.mark.skipif(sys.platform != "win32", reason="Windows' file sharing rules")


@windows_only
def test_exporting_a_clip_another_program_holds_open(ready_job: Job, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    assert ready_job.file_path is not None
    with _held_open_exclusively(ready_job.file_path):
        with pytest.raises(DiskError, match="another program may be holding it open"):
            export_job(ready_job, out)
        assert list(out.iterdir()) == []  # no temp file left behind
        linked = export_job(ready_job, out, link=True, sidecar=False)  # a link needs no read
    assert linked.samefile(ready_job.file_path)


@windows_only
def test_exporting_onto_a_file_another_program_holds_open(ready_job: Job, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    first = export_job(ready_job, out)
    before = first.read_bytes()
    with _held_open_exclusively(first):
        second = export_job(ready_job, out)  # never replaces: Windows couldn't anyway
    assert second.name == first.stem + " (2).mp4" and second.with_suffix(".json").exists()
    assert first.read_bytes() == before and second.read_bytes() == before
    assert _count_frames(second) == 12


def _deep_folder(base: Path, length: int) -> Path:
    folder = base
    while len(str(folder)) < length - 41:
        folder = folder / ("long folder name " * 2 + "x" * 6)
    folder = Path(str(folder) + "_" * (length - len(str(folder))))
    folder.mkdir(parents=True)
    return folder


def _export_names_fit_windows(ready_job: Job, base: Path) -> None:
    ready_job.request = dataclasses.replace(
        ready_job.request, prompt="A very long prompt about a lighthouse at dawn " * 10
    )
    out = _deep_folder(base, 200)
    paths = [export_job(ready_job, out, template="{prompt:300}_{id}") for _ in range(2)]
    assert paths[1].name.endswith(" (2).mp4")
    for path in paths:
        for file in (path, path.with_suffix(".json")):
            assert file.is_file() and len(str(file)) <= 259, (len(str(file)), file)
    assert paths[0].name.startswith("A very long prompt")
    with pytest.raises(DiskError, match=r"path of the folder .* is too long") as info:
        export_job(ready_job, _deep_folder(base / "deeper", 240))
    assert "shorter path" in info.value.next_step


def test_export_names_keep_the_full_path_under_windows_max_path(
    ready_job: Job, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(export_mod, "MAX_PATH", 259)  # as on Windows
    import tempfile

    from sora_desktop.core import atomic

    made: list[str] = []
    real = tempfile.mkstemp

    def mkstemp(**kw: Any) -> tuple[int, str]:
        fd, name = real(**kw)
        made.append(name)
        return fd, name

    monkeypatch.setattr(atomic.tempfile, "mkstemp", mkstemp)
    _export_names_fit_windows(ready_job, tmp_path)
    # the sidecar's temporary name too: Windows refuses to make a longer path at all
    assert made and all(len(name) <= 259 for name in made), [len(n) for n in made]


@windows_only
def test_export_names_keep_the_full_path_under_max_path_on_windows(
    ready_job: Job, tmp_path: Path
) -> None:
    _export_names_fit_windows(ready_job, tmp_path)
