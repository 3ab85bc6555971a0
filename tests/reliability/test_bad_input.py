"""Bad input is refused before any paid call, naming the field: the real CLI is pointed at the
fault proxy, which records every request, so "no create" is proven, not assumed."""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image

from sora_desktop.core.errors import ExitCode
from sora_desktop.simulator.server import SimulatorServer
from tests.reliability.conftest import error_line, history, proxied, run_cli
from tests.reliability.faultserver import FaultServer


def refused(
    fault: FaultServer, data_dir: Path, *args: str, code: int = ExitCode.INVALID_INPUT
) -> str:
    result = run_cli("generate", *args, *proxied(fault), data_dir=data_dir)
    assert result.returncode == code, result.stderr
    line = error_line(result)
    assert fault.seen == []  # not one request, let alone a create
    assert history(data_dir) == []  # nothing stored either
    return line


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["--prompt", ""], "prompt"),
        (["--prompt", " \n\t "], "prompt"),
        (["--prompt", "x" * 32001], "32000"),
        (["--prompt", "a cat", "--size", "1792x1024"], "1792x1024"),  # sora-2-pro only
        (["--prompt", "a cat", "--size", "big"], "size"),
        (["--prompt", "a cat", "--seconds", "5"], "5-second"),
        (["--prompt", "a cat", "--seconds", "0"], "second"),
        (["--prompt", "a cat", "--model", "sora-2", "--seconds", "-4"], "second"),
    ],
)
def test_prompt_size_and_duration_refused_before_any_request(
    fault: FaultServer, data_dir: Path, args: list[str], words: str
) -> None:
    assert words in refused(fault, data_dir, *args)


def write_png(path: Path, size: tuple[int, int]) -> Path:
    Image.new("RGB", size, (20, 120, 200)).save(path)
    return path


def test_reference_image_of_the_wrong_size_offers_fit(
    fault: FaultServer, data_dir: Path, tmp_path: Path
) -> None:
    image = write_png(tmp_path / "ref.png", (1280, 720))  # landscape for a portrait video
    line = refused(fault, data_dir, "--prompt", "a cat", "--image", str(image))
    assert "--fit" in line and "1280" in line


@pytest.mark.parametrize("case", ["text", "gif", "corrupt", "missing", "folder", "huge", "empty"])
def test_reference_images_that_cant_be_used_are_refused(
    fault: FaultServer, data_dir: Path, tmp_path: Path, case: str
) -> None:
    path = tmp_path / "ref.png"
    if case == "text":
        path.write_text("just some words, not a picture")
    elif case == "gif":
        Image.new("RGB", (720, 1280)).save(path, format="GIF")
    elif case == "corrupt":
        good = write_png(tmp_path / "good.png", (720, 1280)).read_bytes()
        path.write_bytes(good[: len(good) // 3])
    elif case == "folder":
        path.mkdir()
    elif case == "huge":
        with path.open("wb") as fh:  # a sparse file past the 50 MB limit
            fh.truncate(60 * 1024 * 1024)
    elif case == "empty":
        path.write_bytes(b"")
    line = refused(fault, data_dir, "--prompt", "a cat", "--image", str(path), "--fit", "fit")
    assert repr(str(path)) in line  # the path as given, not the name alone


@pytest.mark.parametrize(
    "url",
    [
        "ftp://example.com/v1",
        "https://",
        "not a url",
        "https://user:secret@example.com/v1",
        "https://example.com:99999/v1",
        "https://example.com/v1?key=abc",
        "https://exa mple.com/v1",
    ],
)
def test_malformed_base_urls_are_refused_before_any_request(
    fault: FaultServer, data_dir: Path, url: str
) -> None:
    proxy_env = {"HTTP_PROXY": fault.url, "HTTPS_PROXY": fault.url, "ALL_PROXY": fault.url}
    result = run_cli(
        "generate", "--prompt", "a cat", "--base-url", url, data_dir=data_dir, env=proxy_env
    )
    assert result.returncode == ExitCode.INVALID_INPUT, result.stderr
    line = error_line(result)
    assert "URL" in line or "url" in line
    assert "secret" not in result.stderr
    assert fault.seen == [] and history(data_dir) == []


@contextlib.contextmanager
def read_only(folder: Path) -> Iterator[None]:
    """Make ``folder`` refuse new files, also for root (chattr +i) where needed."""
    if sys.platform == "win32":  # no mode bits there: an ACL denying everyone writes
        with _denied_writes(folder):
            yield
        return
    folder.chmod(0o555)
    immutable = False
    probe = folder / ".probe"
    try:
        probe.touch()
    except OSError:
        pass
    else:
        probe.unlink()
        immutable = subprocess.run(["chattr", "+i", str(folder)], check=False).returncode == 0
        if not immutable or os.access(folder, os.W_OK):
            pytest.fail("can't make a read-only folder on this machine")
    try:
        yield
    finally:
        if immutable:
            subprocess.run(["chattr", "-i", str(folder)], check=True)
        folder.chmod(0o755)


@contextlib.contextmanager
def _denied_writes(folder: Path) -> Iterator[None]:
    everyone = "*S-1-1-0"
    subprocess.run(["icacls", str(folder), "/deny", f"{everyone}:(W)"], check=True)
    try:
        probe = folder / ".probe"
        with contextlib.suppress(OSError):
            probe.touch()
            probe.unlink()
            pytest.fail("icacls could not make a read-only folder")
        yield
    finally:
        subprocess.run(["icacls", str(folder), "/remove:d", everyone], check=True)


@pytest.mark.parametrize("case", ["under-a-file", "read-only"])
def test_unusable_export_folder_for_generate_is_refused_before_any_request(
    fault: FaultServer, data_dir: Path, tmp_path: Path, case: str
) -> None:
    if case == "under-a-file":
        blocker = tmp_path / "a-file"
        blocker.write_text("x")
        out = blocker / "exports"
        line = refused(fault, data_dir, "--prompt", "a cat", "--out", str(out), code=7)
    else:
        out = tmp_path / "locked"
        out.mkdir()
        with read_only(out):
            line = refused(fault, data_dir, "--prompt", "a cat", "--out", str(out), code=7)
        assert list(out.iterdir()) == []
    assert "--out" in line or "folder" in line


def test_export_to_a_missing_or_read_only_folder(
    sim: SimulatorServer, data_dir: Path, tmp_path: Path
) -> None:
    made = run_cli(
        "generate",
        "--prompt",
        "a paper boat",
        "--out",
        str(tmp_path / "first"),
        "--base-url",
        sim.url + "/v1",
        "--kind",
        "simulator",
        data_dir=data_dir,
    )
    assert made.returncode == 0, made.stderr
    (record,) = history(data_dir)
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    missing = run_cli("export", record["id"], "--out", str(blocker / "x"), data_dir=data_dir)
    assert missing.returncode == ExitCode.LOCAL_IO, missing.stderr
    assert "folder" in error_line(missing)
    locked = tmp_path / "locked"
    locked.mkdir()
    with read_only(locked):
        result = run_cli("export", record["id"], "--out", str(locked), data_dir=data_dir)
    assert result.returncode == ExitCode.LOCAL_IO, result.stderr
    # Windows: os.access can't see an ACL, so the write itself is refused ("Can't write")
    assert "read-only" in error_line(result) or "Can't write" in error_line(result)
    assert list(locked.iterdir()) == []
