"""Matching a lost create to the remote job it made (core/reconcile.py)."""

from __future__ import annotations

from sora_desktop.core.models import VideoRequest
from sora_desktop.core.reconcile import WINDOW, find_created, matches_request
from sora_desktop.core.remote_video import RemoteVideo

REQ = VideoRequest(prompt="a glass whale", model="sora-2", size="1280x720", seconds=8)
T0 = 1_800_000_000.0


def video(vid: str, *, created: float | None = T0 + 1, **kw: object) -> RemoteVideo:
    fields: dict[str, object] = {
        "prompt": REQ.prompt,
        "model": REQ.model,
        "size": REQ.size,
        "seconds": str(REQ.seconds),
        "created_at": None if created is None else int(created),
    }
    fields.update(kw)
    return RemoteVideo(id=vid, status="queued", **fields)  # type: ignore[arg-type]


def test_every_field_must_match() -> None:
    assert matches_request(video("a"), REQ)
    assert not matches_request(video("a", prompt="a glass whale!"), REQ)
    assert not matches_request(video("a", prompt=None), REQ)
    assert not matches_request(video("a", model="sora-2-pro"), REQ)
    assert not matches_request(video("a", size="720x1280"), REQ)
    assert not matches_request(video("a", seconds="4"), REQ)
    # fields a lenient server left out are not held against it (except the prompt)
    assert matches_request(video("a", model=None, size=None, seconds=None), REQ)


def test_remix_matches_on_its_source() -> None:
    remix = VideoRequest(prompt="at night", remix_of="video_src")
    assert matches_request(video("r", prompt="at night", remixed_from_video_id="video_src"), remix)
    assert not matches_request(
        video("r", prompt="at night", remixed_from_video_id="video_other"), remix
    )


def test_created_at_window() -> None:
    now = T0 + 30
    inside = video("in", created=T0 - WINDOW + 1)
    before = video("before", created=T0 - WINDOW - 5)
    after = video("after", created=now + WINDOW + 5)
    assert find_created(REQ, T0, [before, after], now=now) is None
    assert find_created(REQ, T0, [before, inside, after], now=now) == inside


def test_closest_to_the_submission_wins_and_taken_ones_are_skipped() -> None:
    far = video("far", created=T0 + 40)
    near = video("near", created=T0 + 2)
    unknown = video("unknown", created=None)
    assert find_created(REQ, T0, [far, unknown, near], now=T0 + 50) == near
    taken = {"near"}
    found = find_created(REQ, T0, [far, unknown, near], now=T0 + 50, taken=taken.__contains__)
    assert found == far
    assert find_created(REQ, T0, [unknown], now=T0 + 50) == unknown
    assert find_created(REQ, T0, [], now=T0 + 50) is None
