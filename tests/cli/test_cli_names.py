"""``--out`` names this OS refuses are said as such (exit 2, one line), before the clip is
decoded or anything is written (core/filenames.py's check_new_path)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from sora_desktop.core.errors import ExitCode
from tests.cli_helpers import one_error_line as assert_one_error_line
from tests.cli_helpers import run_cli
from tests.core.media_clips import marker_clip


def test_a_frame_name_too_long_for_the_file_system_is_refused(
    data_dir: Path, tmp_path: Path
) -> None:
    clip = marker_clip(tmp_path / "m.mp4", seconds=1.0, marks=(0.5,), width=160, height=90)
    # 258 UTF-8 bytes: too long on Linux and macOS; 258 UTF-16 units: too long on Windows
    name = "x" * 252 + ".png" if sys.platform == "win32" else "黎" * 86 + ".png"
    folder = tmp_path / "frames"
    folder.mkdir()
    out = folder / name
    result = run_cli("frame", str(clip), "--out", str(out), data_dir=data_dir)
    assert result.returncode == ExitCode.INVALID_INPUT, result.stderr
    line = assert_one_error_line(result)
    assert "can't be used" in line and "255" in line
    assert list(folder.iterdir()) == []


@pytest.mark.skipif(sys.platform != "win32", reason="Windows' device names")
def test_a_frame_named_for_a_device_is_refused_on_windows(data_dir: Path, tmp_path: Path) -> None:
    clip = marker_clip(tmp_path / "m.mp4", seconds=1.0, marks=(0.5,), width=160, height=90)
    result = run_cli("frame", str(clip), "--out", str(tmp_path / "con.png"), data_dir=data_dir)
    assert result.returncode == ExitCode.INVALID_INPUT, result.stderr
    assert "Windows keeps CON for a device" in assert_one_error_line(result)
    made = run_cli("generate", "--prompt", "x", "--out", str(tmp_path / "COM1"), data_dir=data_dir)
    assert made.returncode == ExitCode.INVALID_INPUT, made.stderr
    assert "COM1" in assert_one_error_line(made)


def test_an_out_folder_named_for_a_device_is_refused_before_anything_is_sent(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """generate/remix/resend check --out before the paid create; on Windows "COM1" exists
    as a device, so the check must name it as one rather than as a file in the way."""
    from sora_desktop.cli.generate import out_dir_for_later
    from sora_desktop.core import filenames
    from sora_desktop.core.errors import InvalidRequestError

    monkeypatch.setattr(filenames, "IS_WINDOWS", True)
    with pytest.raises(InvalidRequestError, match="COM1"):
        out_dir_for_later(tmp_path / "COM1")
    assert out_dir_for_later(tmp_path / "films") == tmp_path / "films"
