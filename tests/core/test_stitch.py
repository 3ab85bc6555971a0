"""Stitching clips into one film: copy or re-encode, sync at every join, nothing left behind."""

from __future__ import annotations

import threading
from pathlib import Path

import av
import pytest

from sora_desktop.core.errors import CancelledByUser, InvalidRequestError
from sora_desktop.core.stitch import plan_stitch, stitch
from tests.core.media_clips import clicks, flashes, frame_times, marker_clip, sim_clip

FRAME = 1 / 24


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


def _assert_in_sync(film: Path, expected: list[float]) -> None:
    """Every flash and every click where expected, and each click within a frame of its
    flash (the drift the issue allows)."""
    seen_flashes = flashes(film)
    seen_clicks = clicks(film)
    assert len(seen_flashes) == len(expected), (seen_flashes, expected)
    assert len(seen_clicks) == len(expected), (seen_clicks, expected)
    for want, flash, click in zip(expected, seen_flashes, seen_clicks, strict=True):
        assert abs(flash - want) < FRAME / 2, (want, flash)
        assert abs(click - flash) < FRAME, f"sound {click - flash:+.3f} s off at {want:.2f} s"


def test_copy_of_simulator_clips_is_exact(tmp_path: Path) -> None:
    clips = [sim_clip(tmp_path / "sim", f"Shot number {i}") for i in range(3)]
    film = tmp_path / "film.mp4"
    result = stitch(clips, film)
    assert result.copied and result.reasons == ()
    assert [s.start for s in result.shots] == [0.0, 2.0, 4.0]
    times = frame_times(film)
    assert len(times) == 3 * 48
    assert times == pytest.approx([i / 24 for i in range(3 * 48)], abs=1e-3)
    with av.open(str(film)) as container:
        audio = sum(f.samples for f in container.decode(audio=0))
    # contiguous sound, no pile-up at the joins: within one AAC packet of the picture
    assert abs(audio / 48000 - 6.0) <= 1024 / 48000
    assert _leftovers(tmp_path) == []


def test_sound_stays_in_sync_at_every_join_when_clips_sound_longer_than_they_look(
    tmp_path: Path,
) -> None:
    # each clip's sound runs 30 ms past its picture: joined naively the sound would fall
    # 30 ms further behind at every join (more than a frame after two joins)
    marks = (0.25, 1.7)
    clips = [marker_clip(tmp_path / f"c{i}.mp4", marks=marks, audio_seconds=2.03) for i in range(5)]
    film = tmp_path / "film.mp4"
    result = stitch(clips, film)
    assert result.copied
    _assert_in_sync(film, [2.0 * i + m for i in range(5) for m in marks])


def test_sound_gaps_are_filled_so_later_shots_stay_in_sync(tmp_path: Path) -> None:
    marks = (0.25, 1.7)
    clips = [marker_clip(tmp_path / f"c{i}.mp4", marks=marks, audio_seconds=1.9) for i in range(4)]
    film = tmp_path / "film.mp4"
    stitch(clips, film)
    _assert_in_sync(film, [2.0 * i + m for i in range(4) for m in marks])
    with av.open(str(film)) as container:
        audio = sum(f.samples for f in container.decode(audio=0))
    # three filled gaps of ~0.1 s: the sound lasts as long as the picture up to the last shot
    assert audio / 48000 == pytest.approx(3 * 2.0 + 1.9, abs=0.03)


def test_b_frames_and_late_sound_keep_their_place(tmp_path: Path) -> None:
    marks = (0.5, 1.5)
    clips = [
        marker_clip(tmp_path / f"c{i}.mp4", marks=marks, preset="medium", audio_delay=0.1)
        for i in range(3)
    ]
    film = tmp_path / "film.mp4"
    assert stitch(clips, film).copied
    _assert_in_sync(film, [2.0 * i + m for i in range(3) for m in marks])
    times = frame_times(film)
    assert times == sorted(times) and len(set(times)) == len(times) == 3 * 48


def test_different_sizes_are_re_encoded_to_the_first_clip_and_say_so(tmp_path: Path) -> None:
    marks = (0.5,)
    a = marker_clip(tmp_path / "a.mp4", marks=marks)
    b = marker_clip(tmp_path / "b.mp4", marks=marks, width=320, height=180)
    film = tmp_path / "film.mp4"
    result = stitch([a, b], film)
    assert not result.copied
    assert any("320x180" in r and "b.mp4" in r for r in result.reasons)
    assert "re-encoded" in result.summary()
    with av.open(str(film)) as container:
        stream = container.streams.video[0]
        assert (stream.codec_context.width, stream.codec_context.height) == (160, 96)
    _assert_in_sync(film, [0.5, 2.5])


def test_re_encode_resamples_sound_and_converts_frame_rate(tmp_path: Path) -> None:
    marks = (0.5, 1.5)
    a = marker_clip(tmp_path / "a.mp4", marks=marks)
    b = marker_clip(tmp_path / "b.mp4", marks=marks, fps=30, rate=44100, layout="stereo")
    film = tmp_path / "film.mp4"
    result = stitch([a, b], film)
    assert not result.copied and len(result.reasons) >= 3
    times = frame_times(film)
    assert len(times) == 96 and times[-1] == pytest.approx(95 / 24, abs=1e-3)
    _assert_in_sync(film, [0.5, 1.5, 2.5, 3.5])


def test_copy_only_refuses_before_writing_anything(tmp_path: Path) -> None:
    a = marker_clip(tmp_path / "a.mp4")
    b = marker_clip(tmp_path / "b.mp4", width=320, height=180)
    film = tmp_path / "film.mp4"
    with pytest.raises(InvalidRequestError) as caught:
        stitch([a, b], film, copy_only=True)
    assert "b.mp4" in caught.value.message and "320x180" in caught.value.message
    assert not film.exists() and _leftovers(tmp_path) == []
    with pytest.raises(InvalidRequestError, match="crossfade"):
        stitch([a, a], film, copy_only=True, crossfade=0.5)
    assert not film.exists()


def test_missing_or_damaged_clip_is_refused_by_name(tmp_path: Path) -> None:
    a = marker_clip(tmp_path / "a.mp4")
    broken = tmp_path / "broken.mp4"
    broken.write_bytes(b"\x00\x00\x00\x18ftypmp42" + b"junk" * 100)
    film = tmp_path / "film.mp4"
    with pytest.raises(InvalidRequestError, match=r"gone\.mp4"):
        stitch([a, tmp_path / "gone.mp4"], film)
    with pytest.raises(InvalidRequestError, match=r"broken\.mp4"):
        stitch([a, broken], film)
    assert not film.exists() and _leftovers(tmp_path) == []


def test_an_existing_film_is_not_replaced_unless_allowed(tmp_path: Path) -> None:
    a = marker_clip(tmp_path / "a.mp4")
    film = tmp_path / "film.mp4"
    film.write_bytes(b"keep me")
    with pytest.raises(InvalidRequestError, match="already exists"):
        stitch([a, a], film)
    assert film.read_bytes() == b"keep me"
    stitch([a, a], film, overwrite=True)
    assert len(frame_times(film)) == 96
    with pytest.raises(InvalidRequestError, match="own clips"):
        stitch([a, film], film, overwrite=True)
    with pytest.raises(InvalidRequestError, match=r"\.mp4"):
        stitch([a], tmp_path / "film.avi")


def test_cancel_leaves_no_output(tmp_path: Path) -> None:
    clips = [marker_clip(tmp_path / f"c{i}.mp4") for i in range(3)]
    film = tmp_path / "film.mp4"
    cancel = threading.Event()
    seen: list[float] = []

    def progress(done: float, total: float) -> None:
        seen.append(done)
        if done > 2.5:
            cancel.set()

    with pytest.raises(CancelledByUser):
        stitch(clips, film, on_progress=progress, cancel=cancel)
    assert seen and not film.exists() and _leftovers(tmp_path) == []
    cancel.clear()
    with pytest.raises(CancelledByUser):
        stitch(clips, film, crossfade=0.5, on_progress=progress, cancel=cancel)
    assert not film.exists() and _leftovers(tmp_path) == []


def test_progress_reaches_the_whole_length(tmp_path: Path) -> None:
    clips = [marker_clip(tmp_path / f"c{i}.mp4") for i in range(2)]
    seen: list[tuple[float, float]] = []
    stitch(clips, tmp_path / "film.mp4", on_progress=lambda d, t: seen.append((d, t)))
    assert seen[-1] == (4.0, 4.0)
    assert [d for d, _ in seen] == sorted(d for d, _ in seen) and len(seen) > 10


def test_crossfade_overlaps_shots_and_keeps_sync(tmp_path: Path) -> None:
    marks = (0.5, 1.2)
    clips = [marker_clip(tmp_path / f"c{i}.mp4", marks=marks, shade=40) for i in range(3)]
    film = tmp_path / "film.mp4"
    result = stitch(clips, film, crossfade=0.5)
    assert not result.copied and result.crossfade == 0.5
    assert result.duration == pytest.approx(6.0 - 2 * 0.5)
    assert [s.start for s in result.shots] == pytest.approx([0.0, 1.5, 3.0])
    assert len(frame_times(film)) == round(5.0 * 24)
    _assert_in_sync(film, [s + m for s in (0.0, 1.5, 3.0) for m in marks])


def test_crossfade_longer_than_half_a_clip_is_refused(tmp_path: Path) -> None:
    a = marker_clip(tmp_path / "a.mp4")
    with pytest.raises(InvalidRequestError, match="crossfade"):
        plan_stitch([a, a], crossfade=1.5)


def test_re_encode_on_request_even_when_a_copy_would_do(tmp_path: Path) -> None:
    marks = (0.5,)
    clips = [marker_clip(tmp_path / f"c{i}.mp4", marks=marks) for i in range(2)]
    result = stitch(clips, tmp_path / "film.mp4", reencode=True, preset="ultrafast")
    assert not result.copied and result.reasons == ("Re-encoding was asked for.",)
    _assert_in_sync(result.path, [0.5, 2.5])


def test_tick_rescaling_is_exact_on_the_fast_path_and_rounds_otherwise() -> None:
    from fractions import Fraction

    from sora_desktop.core.stitch import _rescaler

    same = _rescaler(Fraction(1, 12288), Fraction(2), Fraction(1, 12288))
    assert same(512) == 512 + 2 * 12288
    other = _rescaler(Fraction(1, 1000), Fraction(1, 3), Fraction(1, 90000))
    for x in (0, 1, 41, 1001, 123457):
        assert other(x) == round((Fraction(x, 1000) + Fraction(1, 3)) * 90000)


def test_a_clip_listed_again_is_probed_once_per_plan_while_its_file_is_the_same(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sora_desktop.core import stitch as stitch_module

    probed: list[Path] = []
    real_probe = stitch_module.probe

    def counting(path: Path) -> object:
        probed.append(path)
        return real_probe(path)

    monkeypatch.setattr(stitch_module, "probe", counting)
    a, b = (sim_clip(tmp_path / "sim", f"Shot {name}") for name in "ab")
    film = tmp_path / "film.mp4"
    result = stitch([a, b, a, a], film)  # a shot used three times
    assert sorted(probed) == sorted([a, b])
    assert result.copied and [s.start for s in result.shots] == [0.0, 2.0, 4.0, 6.0]
    assert len(frame_times(film)) == 4 * 48
    probed.clear()
    plan_stitch([a, a])  # a new plan probes again (the file may have changed since), once
    assert probed == [a]
