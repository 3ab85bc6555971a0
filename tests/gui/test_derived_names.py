"""Names the window suggests from a creator's text (a storyboard's Save dialog, its
timeline folder, a saved frame) are valid on every OS and stay readable (core/filenames.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from sora_desktop.core.filenames import is_reserved, name_length
from sora_desktop.core.storyboard import Storyboard
from sora_desktop.gui.frame_grab import frame_file_name
from sora_desktop.gui.storyboard_film import default_timeline_folder
from sora_desktop.gui.storyboard_tab import storyboard_file_name


@pytest.mark.parametrize(
    ("board", "expected"),
    [
        ("港口的黎明", "港口的黎明.storyboard.json"),
        ("con", "_con.storyboard.json"),
        ("Trip: day 1/2?", "Trip_ day 1_2_.storyboard.json"),
        ("  ", "storyboard.storyboard.json"),
    ],
)
def test_the_storyboard_file_name_the_save_dialog_suggests(board: str, expected: str) -> None:
    assert storyboard_file_name(board) == expected


def test_the_timeline_folder_is_named_validly(qtbot: QtBot) -> None:
    for name, expected in (
        ("Nul", "_Nul"),
        ("港口 ", "港口"),
        ("Trip.", "Trip"),
        ("", "storyboard"),
    ):
        folder = default_timeline_folder(Storyboard(id="b", name=name))
        assert folder.name == expected and not is_reserved(folder.name)
    long = default_timeline_folder(Storyboard(id="b", name="黎明" * 100))
    assert long.name.startswith("黎明黎明") and name_length(long.name) <= 80


def test_a_saved_frame_is_named_after_its_clip_and_time() -> None:
    assert frame_file_name(Path("harbour.mp4"), 1.04) == "harbour-0m01.040s.png"
    assert frame_file_name(Path("aux.mp4"), 0) == "aux-0m00.000s.png"
    assert frame_file_name(Path("..mp4"), 0).endswith("s.png")
