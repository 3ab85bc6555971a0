"""Names a creator gives (``--out``, a Save dialog's file, an export folder) that Windows
refuses are said as such before anything is written; names the app derives from a
creator's text or a server's data are always valid (core/filenames.py). Windows' rules are
played here on any OS (``filenames.IS_WINDOWS``); tests/core/test_filenames.py checks them
against Windows itself under Wine."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest

from sora_desktop.core import filenames
from sora_desktop.core.errors import InvalidRequestError
from sora_desktop.core.export import export_job
from sora_desktop.core.models import Connection, ConnectionKind, Job, JobStatus, VideoRequest
from sora_desktop.core.storyboard import Storyboard
from sora_desktop.core.timeline import export_timeline
from sora_desktop.usecases import storyboards as boards
from sora_desktop.usecases.frames import save_frame
from sora_desktop.usecases.stitch import resolve_clips, stitch_film
from tests.core.media_clips import marker_clip
from tests.usecases.story_support import open_world


@pytest.fixture
def as_on_windows(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(filenames, "IS_WINDOWS", True)


@pytest.fixture
def clip(tmp_path: Path) -> Path:
    return marker_clip(tmp_path / "m.mp4", seconds=1.0, marks=(0.5,), width=160, height=90)


def _files(folder: Path) -> set[str]:
    return {p.name for p in folder.iterdir()}


@pytest.mark.usefixtures("as_on_windows")
def test_a_frame_named_for_a_device_is_refused_before_the_decode(
    tmp_path: Path, clip: Path
) -> None:
    out = tmp_path / "frames"
    out.mkdir()
    for name, why in (("con.png", "CON"), ("Lpt1.PNG", "LPT1"), ("what?.png", r"\?")):
        with pytest.raises(InvalidRequestError, match=why) as info:
            save_frame(clip, out / name, 0.5)
        assert info.value.param == "out" and "another name" in info.value.next_step
    assert _files(out) == set()
    assert save_frame(clip, out / "fine.png", 0.5).is_file()


@pytest.mark.usefixtures("as_on_windows")
def test_a_film_or_a_storyboard_file_named_for_a_device_is_refused(
    tmp_path: Path, clip: Path
) -> None:
    store, paths = open_world(tmp_path)
    try:
        clips = resolve_clips(store, [str(clip)])
        with pytest.raises(InvalidRequestError, match="AUX"):
            stitch_film(store, paths, clips, tmp_path / "films" / "aux.mp4")
        with pytest.raises(InvalidRequestError, match="dot or space at the end"):
            stitch_film(store, paths, clips, tmp_path / "film.")
        assert not (tmp_path / "films").exists()
        assert store.list_jobs() == []
        board = boards.create(store, "Harbour")
        with pytest.raises(InvalidRequestError, match="NUL") as info:
            boards.save_file(store, board.id, tmp_path / "nul.storyboard.json")
        assert info.value.param == "file"
        assert "nul.storyboard.json" not in _files(tmp_path)  # .exists(): NUL on Windows
    finally:
        store.close()


@pytest.mark.usefixtures("as_on_windows")
def test_an_export_or_timeline_folder_named_for_a_device_is_not_made(
    tmp_path: Path, clip: Path
) -> None:
    job = Job(
        id=uuid.uuid4().hex,
        request=VideoRequest(prompt="harbour", model="sora-2", size="160x90", seconds=1),
        connection=Connection(ConnectionKind.SIMULATOR, "", profile_id="simulator"),
        status=JobStatus.READY,
        file_path=clip,
    )
    with pytest.raises(InvalidRequestError, match="COM1") as info:
        export_job(job, tmp_path / "exports" / "com1")
    assert info.value.param == "folder" and not (tmp_path / "exports").exists()
    with pytest.raises(InvalidRequestError, match="PRN"):
        export_timeline(Storyboard(id="b", name="Trip"), [], "otio", tmp_path / "prn")
    assert "prn" not in _files(tmp_path)


def test_a_library_clip_named_after_an_odd_job_id_stays_in_the_library(tmp_path: Path) -> None:
    _store, paths = open_world(tmp_path)
    _store.close()
    # a storyboard file's take may carry any id; a reused one names the library's clip
    for job_id in ("..\\..\\evil", "../../evil", "CON", "AbC", "abc"):
        clip = paths.clip_path(job_id)
        assert clip.parent == paths.library_dir
        assert not filenames.is_reserved(clip.name) and not clip.name.startswith(".")
        assert paths.thumbnail_path(job_id).parent == paths.thumbnail_dir
    assert paths.clip_path("AbC").name.casefold() != paths.clip_path("abc").name.casefold()
    hex_id = uuid.uuid4().hex
    assert paths.clip_path(hex_id) == paths.library_dir / f"{hex_id}.mp4"  # as before
