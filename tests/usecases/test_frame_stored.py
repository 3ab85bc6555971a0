"""``sora-desktop frame CLIP --out F.png`` (and "Save frame…" / "Use as start image" at the
clip's end) read the clip's stored last frame instead of decoding it, like a continuation."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image

from sora_desktop.core.frames import frame_at, store_last_frame
from sora_desktop.core.paths import stored_frame_path
from sora_desktop.usecases.frames import frame_as_start_image, save_frame
from tests.core.test_frames import B_FRAMES, fully_decoded_last, noise_clip, numbered_clip
from tests.core.test_stored_frames import Decodes


@pytest.fixture
def decodes(monkeypatch: pytest.MonkeyPatch) -> Iterator[Decodes]:
    yield Decodes(monkeypatch)


@pytest.fixture
def clip(tmp_path: Path) -> Path:
    library = tmp_path / "videos"
    library.mkdir()
    return noise_clip(library / "job1.mp4", 60, options=B_FRAMES)


def _pixels(path: Path) -> bytes:
    with Image.open(path) as image:
        return image.convert("RGB").tobytes()


def test_the_last_frame_is_read_from_the_stored_one(
    tmp_path: Path, clip: Path, decodes: Decodes
) -> None:
    store_last_frame(clip)  # what the window does once the clip is ready
    assert decodes.count == 1
    out = save_frame(clip, tmp_path / "last.png")
    start = frame_as_start_image(clip, tmp_path / "images")
    assert decodes.count == 1  # PNG reads, no decode
    assert _pixels(out) == _pixels(start) == fully_decoded_last(clip)
    # a frame at a time is decoded where the player stands, not the stored last frame
    at = save_frame(clip, tmp_path / "at.png", 0.5)
    assert _pixels(at) == frame_at(clip, 0.5).tobytes()
    assert decodes.count == 1


def test_a_clip_without_a_matching_stored_frame_is_decoded_once(
    tmp_path: Path, decodes: Decodes
) -> None:
    library = tmp_path / "videos"
    (library / ".last-frames").mkdir(parents=True)  # the library keeps stored frames
    clip = numbered_clip(library / "job2.mp4", 30)
    first = save_frame(clip, tmp_path / "a.png")
    assert decodes.count == 1 and stored_frame_path(clip).is_file()
    again = save_frame(clip, tmp_path / "b.png")
    assert decodes.count == 1  # the decoded frame was stored for the next time
    assert _pixels(first) == _pixels(again) == fully_decoded_last(clip)
    # the clip replaced in place: the stored frame no longer matches and is not used
    numbered_clip(library / "other.mp4", 20).replace(clip)
    replaced = save_frame(clip, tmp_path / "c.png")
    assert decodes.count == 2
    assert _pixels(replaced) == fully_decoded_last(clip) != _pixels(first)
