"""Unit tests: prompt directives, multipart parsing, validation, padded assets."""

from __future__ import annotations

import base64
import json
import struct
from concurrent.futures import Future
from pathlib import Path
from typing import Any, cast

import pytest

from sora_desktop.simulator.api import SimulatorApi
from sora_desktop.simulator.assets import Asset, RenderPool
from sora_desktop.simulator.jobs import RENDER_DEADLINE, RENDER_HUNG, JobTable, parse_directives
from sora_desktop.simulator.multipart import FilePart, nest, parse_multipart
from sora_desktop.simulator.render import RenderedAssets
from sora_desktop.simulator.validation import (
    IMAGE_SIZE_MESSAGE,
    ApiError,
    check_create,
    check_reference,
    video_ref,
)
from tests.simulator.conftest import png_bytes


def test_no_directives_leaves_prompt_alone() -> None:
    d, text = parse_directives("A calm lake at dusk, [not a directive]")
    assert text == "A calm lake at dusk, [not a directive]"
    assert not (d.moderation or d.fail or d.create_500 or d.drop or d.expired)
    assert d.slow is None and d.pad_bytes == 0 and d.polls_429 == 0 and d.polls_503 == 0


@pytest.mark.parametrize(
    ("prompt", "attr", "value"),
    [
        ("x [sim:moderation]", "moderation", True),
        ("x [sim:fail]", "fail", True),
        ("x [sim:5xx]", "create_500", True),
        ("x [sim:5xx=3]", "polls_503", 3),
        ("x [sim:429]", "polls_429", 1),
        ("x [sim:429=2]", "polls_429", 2),
        ("x [sim:drop]", "drop", True),
        ("x [sim:drop-download]", "drop_download", True),
        ("x [sim:truncate]", "truncate", True),
        ("x [sim:notmp4]", "notmp4", True),
        ("x [sim:expired]", "expired", True),
        ("x [sim:slow=2.5]", "slow", 2.5),
        ("x [sim:pad=3]", "pad_bytes", 3 * 1024 * 1024),
    ],
)
def test_each_directive_is_parsed_and_stripped(prompt: str, attr: str, value: object) -> None:
    d, text = parse_directives(prompt)
    assert getattr(d, attr) == value
    assert text == "x"


def test_5xx_without_count_does_not_fail_polls_and_drop_is_not_drop_download() -> None:
    d, _ = parse_directives("[sim:5xx] [sim:drop-download]")
    assert d.create_500 and d.polls_503 == 0
    assert d.drop_download and not d.drop


def test_several_directives_and_whitespace() -> None:
    d, text = parse_directives("[sim:slow=1]  A   fox [sim:fail]\nrunning")
    assert d.slow == 1.0 and d.fail
    assert text == "A fox running"


def _multipart(parts: list[tuple[str, str | tuple[str, str, bytes]]]) -> tuple[bytes, str]:
    boundary = "----sim-test-boundary"
    out = b""
    for name, value in parts:
        out += f"--{boundary}\r\n".encode()
        if isinstance(value, str):
            out += f'Content-Disposition: form-data; name="{name}"\r\n\r\n'.encode()
            out += value.encode() + b"\r\n"
        else:
            filename, ctype, data = value
            out += (
                f'Content-Disposition: form-data; name="{name}"; filename="{filename}"\r\n'
                f"Content-Type: {ctype}\r\n\r\n"
            ).encode()
            out += data + b"\r\n"
    out += f"--{boundary}--\r\n".encode()
    return out, f"multipart/form-data; boundary={boundary}"


def test_multipart_text_file_and_bracketed_keys() -> None:
    data = b"\x00\x01\r\n--binary\r\n\xff"
    body, ctype = _multipart(
        [
            ("prompt", "Ünïcode prompt"),
            ("video[id]", "video_abc"),
            ("input_reference", ("ref.png", "image/png", data)),
        ]
    )
    fields = nest(parse_multipart(body, ctype))
    assert fields["prompt"] == "Ünïcode prompt"
    assert fields["video"] == {"id": "video_abc"}
    ref = fields["input_reference"]
    assert isinstance(ref, FilePart)
    assert ref.data == data and ref.filename == "ref.png" and ref.content_type == "image/png"


def test_nest_deep_keys() -> None:
    assert nest({"a[b][c]": "1", "a[d]": "2", "e": "3"}) == {
        "a": {"b": {"c": "1"}, "d": "2"},
        "e": "3",
    }


def _param_of(body: dict[str, object], *, json_body: bool = True) -> str | None:
    with pytest.raises(ApiError) as info:
        check_create(body, json_body=json_body)
    assert info.value.status == 400
    return info.value.param


@pytest.mark.parametrize(
    ("body", "param"),
    [
        ({}, "prompt"),
        ({"prompt": ""}, "prompt"),
        ({"prompt": "x" * 32001}, "prompt"),
        ({"prompt": 5}, "prompt"),
        ({"prompt": "p", "model": "sora-3"}, "model"),
        ({"prompt": "p", "seconds": 8}, "seconds"),
        ({"prompt": "p", "seconds": "5"}, "seconds"),
        ({"prompt": "p", "size": "1920x1080"}, "size"),  # pro-only size on sora-2
        ({"prompt": "p", "size": "640x480", "model": "sora-2-pro"}, "size"),
        ({"prompt": "p", "input_reference": {"image_url": "a", "file_id": "b"}}, "input_reference"),
        ({"prompt": "p", "input_reference": {"image_url": "ftp://x"}}, "input_reference"),
    ],
)
def test_invalid_creates_name_the_param(body: dict[str, object], param: str) -> None:
    assert _param_of(body) == param


def test_valid_create_defaults_and_limits() -> None:
    p = check_create({"prompt": "x" * 32000}, json_body=True)
    assert (p.model, p.size, p.seconds, p.reference) == ("sora-2", "720x1280", "4", None)
    p = check_create(
        {"prompt": "p", "model": "sora-2-pro-2025-10-06", "size": "1080x1920", "seconds": "20"},
        json_body=True,
    )
    assert (p.model, p.size, p.seconds) == ("sora-2-pro-2025-10-06", "1080x1920", "20")
    # multipart sends strings anyway; a number-looking string is fine there too
    assert check_create({"prompt": "p", "seconds": "12"}, json_body=False).seconds == "12"


def test_reference_image_must_match_size() -> None:
    good = png_bytes(720, 1280)
    part = FilePart("r.png", "image/png", good)
    assert check_reference(part, "720x1280") == good
    with pytest.raises(ApiError) as info:
        check_reference(FilePart("r.png", "image/png", png_bytes(100, 100)), "720x1280")
    assert info.value.message == IMAGE_SIZE_MESSAGE
    assert info.value.param == "input_reference"
    with pytest.raises(ApiError) as info:
        check_reference(FilePart("r.png", "image/png", b"not an image"), "720x1280")
    assert info.value.param == "input_reference"


def test_reference_data_url_https_and_file_id() -> None:
    url = "data:image/png;base64," + base64.b64encode(png_bytes(1280, 720)).decode()
    assert check_reference({"image_url": url}, "1280x720") is not None
    with pytest.raises(ApiError):
        check_reference({"image_url": url}, "720x1280")
    assert check_reference({"image_url": "https://example.com/a.png"}, "720x1280") is None
    assert check_reference({"file_id": "file_123"}, "720x1280") is None


def test_video_ref_forms() -> None:
    assert video_ref({"video": {"id": "video_1"}}) == "video_1"
    part = FilePart("v.mp4", "video/mp4", b"x")
    assert video_ref({"video": part}) is part
    with pytest.raises(ApiError) as info:
        video_ref({})
    assert info.value.param == "video"
    with pytest.raises(ApiError):
        video_ref({"video": "video_1"})


def test_padded_asset_is_file_then_free_box(tmp_path: Path) -> None:
    path = tmp_path / "a.mp4"
    path.write_bytes(b"0123456789")
    asset = Asset(path, "video/mp4", pad_bytes=300_000)
    assert asset.length == 10 + 8 + 300_000

    def read(start: int, end: int) -> bytes:
        out = b""
        for piece in asset.iter_range(start, end):
            if isinstance(piece, tuple):
                p, offset, count = piece
                with p.open("rb") as f:
                    f.seek(offset)
                    out += f.read(count)
            else:
                out += piece
        return out

    whole = read(0, asset.length - 1)
    assert len(whole) == asset.length
    assert whole[:10] == b"0123456789"
    assert whole[10:18] == struct.pack(">I4s", 300_008, b"free")
    assert whole[18:] == bytes(300_000)
    # every range is the matching slice of the whole
    for start, end in [(0, 4), (5, 12), (12, 15), (11, 300_017), (200_000, 300_017), (9, 9)]:
        assert read(start, end) == whole[start : end + 1]


def test_unpadded_asset_range(tmp_path: Path) -> None:
    path = tmp_path / "a.webp"
    path.write_bytes(b"abcdef")
    asset = Asset(path, "image/webp")
    assert asset.length == 6
    assert list(asset.iter_range(2, 4)) == [(path, 2, 3)]


class _HungPool:
    """A render pool whose renders never end (a worker that hangs)."""

    directory = Path("unused")

    def render(self, spec: object, on_done: object) -> Future[RenderedAssets]:
        return Future()


def test_a_render_that_never_ends_fails_the_job_with_the_reason() -> None:
    now = [1000.0]
    table = JobTable(clock=lambda: now[0])
    api = SimulatorApi(
        table,
        cast(RenderPool, _HungPool()),
        api_key=None,
        latency=2.0,
        max_concurrent=5,
        asset_ttl=3600.0,
    )
    auth = {"authorization": "Bearer k", "content-type": "application/json"}
    created = api.handle("POST", "/v1/videos", auth, json.dumps({"prompt": "A lantern"}).encode())
    video_id = json.loads(created.body)["id"]

    def poll() -> dict[str, Any]:
        return cast(
            dict[str, Any], json.loads(api.handle("GET", f"/v1/videos/{video_id}", auth, b"").body)
        )

    now[0] += 60.0  # long past its latency: rendering, still
    assert (poll()["status"], poll()["progress"]) == ("in_progress", 99)
    now[0] += RENDER_DEADLINE
    video = poll()
    assert video["status"] == "failed"
    assert video["error"] == {"code": "internal_error", "message": RENDER_HUNG}
