from __future__ import annotations

import errno
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import IO

import httpx
import pytest

from sora_desktop.core import download as download_mod
from sora_desktop.core import errors
from sora_desktop.core.backoff import Backoff
from sora_desktop.core.download import download_video, mp4_problem
from tests.core.test_client_support import Recorder, client_for, json_response, run
from tests.fail_on_unexpected import ExpectLog

MP4 = b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom" + bytes(range(256)) * 400


class CutStream(httpx.SyncByteStream, httpx.AsyncByteStream):
    """Yields ``data`` then fails like a connection dropped mid-body (downloads are received
    by a blocking client in their own thread; the async side serves the other requests)."""

    def __init__(self, data: bytes) -> None:
        self.data = data

    def __iter__(self) -> Iterator[bytes]:
        yield self.data
        raise httpx.RemoteProtocolError("peer closed connection without sending complete body")

    async def __aiter__(self) -> AsyncIterator[bytes]:
        yield self.data
        raise httpx.RemoteProtocolError("peer closed connection without sending complete body")


def ranged(body: bytes, *, honour_range: bool = True, cut_first_at: int | None = None):  # type: ignore[no-untyped-def]
    """A handler serving ``body`` with Range support; optionally cutting the first reply."""
    state = {"cut": cut_first_at}

    def respond(request: httpx.Request) -> httpx.Response:
        start = 0
        header = request.headers.get("range")
        if header and honour_range:
            start = int(header.removeprefix("bytes=").rstrip("-"))
        piece = body[start:]
        headers = {"content-type": "video/mp4", "content-length": str(len(piece))}
        status = 200
        if start:
            status = 206
            headers["content-range"] = f"bytes {start}-{len(body) - 1}/{len(body)}"
        if state["cut"] is not None:
            cut, state["cut"] = state["cut"], None
            return httpx.Response(status, headers=headers, stream=CutStream(piece[:cut]))
        return httpx.Response(status, headers=headers, content=piece)

    return Recorder(respond)


def test_fresh_download_streams_with_progress(tmp_path: Path) -> None:
    rec = ranged(MP4)
    dest = tmp_path / "v.part"
    seen: list[tuple[int, int | None]] = []

    async def go() -> int:
        async with client_for(rec) as client:
            return await client.download(
                "video_1", dest, on_progress=lambda d, t: seen.append((d, t))
            )

    assert run(go()) == len(MP4)
    assert dest.read_bytes() == MP4
    request = rec.last
    assert request.url.path == "/v1/videos/video_1/content"
    assert request.url.params["variant"] == "video"
    assert "range" not in request.headers
    assert request.headers["accept-encoding"] == "identity"
    assert seen[0] == (0, len(MP4)) and seen[-1] == (len(MP4), len(MP4))
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)


def test_resume_appends_on_206(tmp_path: Path) -> None:
    rec = ranged(MP4)
    dest = tmp_path / "v.part"
    dest.write_bytes(MP4[:1000])

    async def go() -> int:
        async with client_for(rec) as client:
            return await client.download("video_1", dest)

    assert run(go()) == len(MP4)
    assert rec.last.headers["range"] == "bytes=1000-"
    assert dest.read_bytes() == MP4


def test_range_ignored_rewrites_on_200(tmp_path: Path) -> None:
    rec = ranged(MP4, honour_range=False)
    dest = tmp_path / "v.part"
    dest.write_bytes(b"stale bytes that must go" * 10)

    async def go() -> int:
        async with client_for(rec) as client:
            return await client.download("video_1", dest)

    assert run(go()) == len(MP4)
    assert rec.last.headers["range"] == "bytes=240-"
    assert dest.read_bytes() == MP4


def test_cut_stream_raises_network_error_and_keeps_bytes_then_resumes(tmp_path: Path) -> None:
    rec = ranged(MP4, cut_first_at=5000)
    dest = tmp_path / "v.part"

    async def go() -> int:
        async with client_for(rec) as client:
            with pytest.raises(errors.NetworkError) as info:
                await client.download("video_1", dest)
            assert info.value.may_have_reached_server
            assert dest.stat().st_size == 5000
            return await client.download("video_1", dest)

    assert run(go()) == len(MP4)
    assert rec.last.headers["range"] == "bytes=5000-"
    assert dest.read_bytes() == MP4


def test_truncated_body_with_correct_content_length(tmp_path: Path) -> None:
    def respond(request: httpx.Request) -> httpx.Response:
        # the server promises the whole length but the body ends early, without an error
        return httpx.Response(
            200, headers={"content-length": str(len(MP4))}, stream=httpx.ByteStream(MP4[:700])
        )

    dest = tmp_path / "v.part"

    async def go() -> None:
        async with client_for(Recorder(respond)) as client:
            await client.download("video_1", dest)

    with pytest.raises(errors.NetworkError) as info:
        run(go())
    assert f"700 of {len(MP4)}" in info.value.message
    assert dest.stat().st_size == 700


def test_416_on_a_complete_file_returns_its_length(tmp_path: Path) -> None:
    dest = tmp_path / "v.part"
    dest.write_bytes(MP4)
    rec = Recorder(lambda r: httpx.Response(416, headers={"content-range": f"bytes */{len(MP4)}"}))

    async def go() -> int:
        async with client_for(rec) as client:
            return await client.download("video_1", dest)

    assert run(go()) == len(MP4)
    assert dest.read_bytes() == MP4


def test_416_on_a_stale_file_restarts(tmp_path: Path) -> None:
    dest = tmp_path / "v.part"
    dest.write_bytes(b"x" * (len(MP4) + 50))

    def respond(request: httpx.Request) -> httpx.Response:
        if "range" in request.headers:
            return httpx.Response(416, headers={"content-range": f"bytes */{len(MP4)}"})
        return httpx.Response(200, content=MP4)

    rec = Recorder(respond)

    async def go() -> int:
        async with client_for(rec) as client:
            return await client.download("video_1", dest)

    assert run(go()) == len(MP4)
    assert dest.read_bytes() == MP4
    assert len(rec.requests) == 2


def test_expired_content(tmp_path: Path) -> None:
    rec = Recorder(
        lambda r: json_response(404, {"error": {"message": "The video has expired", "code": None}})
    )

    async def go() -> None:
        async with client_for(rec) as client:
            await client.download("video_1", tmp_path / "v.part")

    with pytest.raises(errors.AssetExpiredError):
        run(go())


# --------------------------------------------------------------------------- download_video


class Sleeps:
    def __init__(self) -> None:
        self.delays: list[float] = []

    async def __call__(self, delay: float) -> None:
        self.delays.append(delay)


def _paths(tmp_path: Path) -> tuple[Path, Path]:
    return tmp_path / "library" / "video_1.mp4", tmp_path / "library" / ".partial"


def test_download_video_resumes_after_a_cut_and_commits_atomically(tmp_path: Path) -> None:
    rec = ranged(MP4, cut_first_at=3000)
    final, partial = _paths(tmp_path)
    sleeps = Sleeps()

    async def go() -> Path:
        async with client_for(rec) as client:
            return await download_video(
                client,
                "video_1",
                final,
                partial,
                backoff=Backoff(initial=1.0, jitter=0.0),
                sleep=sleeps,
            )

    assert run(go()) == final
    assert final.read_bytes() == MP4
    assert list(partial.iterdir()) == []  # the .part was renamed away
    assert [r.headers.get("range") for r in rec.requests] == [None, "bytes=3000-"]
    assert sleeps.delays == [1.0]


def test_download_video_uses_the_server_wait(tmp_path: Path) -> None:
    calls = {"n": 0}

    def respond(request: httpx.Request) -> httpx.Response:
        calls["n"] += 1
        if calls["n"] == 1:
            return httpx.Response(503, headers={"Retry-After": "7"}, text="busy")
        return httpx.Response(200, content=MP4)

    final, partial = _paths(tmp_path)
    sleeps = Sleeps()

    async def go() -> Path:
        async with client_for(Recorder(respond)) as client:
            return await download_video(client, "video_1", final, partial, sleep=sleeps)

    assert run(go()).read_bytes() == MP4
    assert sleeps.delays == [7.0]


def test_not_an_mp4_is_discarded_retried_from_zero_then_fails(
    tmp_path: Path, expect_log: ExpectLog
) -> None:
    rec = Recorder(lambda r: httpx.Response(200, text="<html>login page</html>"))
    final, partial = _paths(tmp_path)
    sleeps = Sleeps()

    async def go() -> None:
        async with client_for(rec) as client:
            await download_video(client, "video_1", final, partial, max_attempts=3, sleep=sleeps)

    with (
        expect_log("sora_desktop.core.download", "not an MP4") as warned,
        pytest.raises(errors.RemoteJobFailedError) as info,
    ):
        run(go())
    assert "not an MP4" in info.value.message
    assert len(rec.requests) == 3 == len(warned)
    assert all("range" not in r.headers for r in rec.requests)
    assert not final.exists()
    assert list(partial.iterdir()) == []
    assert len(sleeps.delays) == 2


def test_not_an_mp4_once_then_good(tmp_path: Path, expect_log: ExpectLog) -> None:
    bodies = [b"", MP4]
    rec = Recorder(lambda r: httpx.Response(200, content=bodies.pop(0)))
    final, partial = _paths(tmp_path)

    async def go() -> Path:
        async with client_for(rec) as client:
            return await download_video(client, "video_1", final, partial, sleep=Sleeps())

    with expect_log("sora_desktop.core.download", r"attempt 1: not an MP4 \(the file is empty\)"):
        assert run(go()).read_bytes() == MP4


def test_gives_up_after_max_attempts_with_the_network_error(tmp_path: Path) -> None:
    def respond(request: httpx.Request) -> httpx.Response:
        raise httpx.ReadError("connection reset")

    final, partial = _paths(tmp_path)
    sleeps = Sleeps()

    async def go() -> None:
        async with client_for(Recorder(respond)) as client:
            await download_video(client, "video_1", final, partial, max_attempts=4, sleep=sleeps)

    with pytest.raises(errors.NetworkError):
        run(go())
    assert len(sleeps.delays) == 3
    assert not final.exists()


def test_expired_is_not_retried_and_cleans_up(tmp_path: Path) -> None:
    rec = Recorder(lambda r: httpx.Response(410, text="gone"))
    final, partial = _paths(tmp_path)
    partial.mkdir(parents=True)
    (partial / "video_1.mp4.part").write_bytes(MP4[:100])

    async def go() -> None:
        async with client_for(rec) as client:
            await download_video(client, "video_1", final, partial, sleep=Sleeps())

    with pytest.raises(errors.AssetExpiredError):
        run(go())
    assert len(rec.requests) == 1
    assert list(partial.iterdir()) == []


class _FailingWriter:
    def __init__(self, inner: IO[bytes], code: int) -> None:
        self.inner = inner
        self.code = code

    def write(self, data: bytes) -> int:
        raise OSError(self.code, "simulated")

    def close(self) -> None:
        self.inner.close()


@pytest.mark.parametrize(
    ("code", "words"),
    [(errno.ENOSPC, "disk is full"), (errno.EROFS, "not writable"), (errno.EACCES, "not writable")],
)
def test_disk_errors_are_plain_and_not_retried(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, code: int, words: str
) -> None:
    real_open = download_mod._open_at
    monkeypatch.setattr(
        download_mod, "_open_at", lambda dest, start: _FailingWriter(real_open(dest, start), code)
    )
    rec = ranged(MP4)
    final, partial = _paths(tmp_path)

    async def go() -> None:
        async with client_for(rec) as client:
            await download_video(client, "video_1", final, partial, sleep=Sleeps())

    with pytest.raises(errors.DiskError) as info:
        run(go())
    assert words in info.value.message
    assert info.value.next_step
    assert len(rec.requests) == 1
    assert not final.exists()


def test_unwritable_partial_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file-not-dir"
    blocker.write_text("x")

    async def go() -> None:
        async with client_for(ranged(MP4)) as client:
            await download_video(client, "video_1", tmp_path / "v.mp4", blocker / "partial")

    with pytest.raises(errors.DiskError):
        run(go())


def test_mp4_signature_check(tmp_path: Path) -> None:
    good = tmp_path / "good"
    good.write_bytes(MP4)
    empty = tmp_path / "empty"
    empty.write_bytes(b"")
    html = tmp_path / "html"
    html.write_bytes(b"<!doctype html><html>")
    assert mp4_problem(good) is None
    assert mp4_problem(empty) == "the file is empty"
    assert "ftyp" in (mp4_problem(html) or "")
