from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image

from sora_desktop.core import errors
from sora_desktop.core.models import VideoRequest
from tests.core.test_client_support import (
    VIDEO,
    Recorder,
    client_for,
    json_response,
    parse_multipart,
    run,
)


def _image(path: Path, fmt: str) -> Path:
    Image.new("RGB", (720, 1280), (200, 30, 30)).save(path, fmt)
    return path


@pytest.mark.parametrize(
    ("name", "fmt", "content_type"),
    [
        ("ref.png", "PNG", "image/png"),
        ("ref.jpg", "JPEG", "image/jpeg"),
        ("ref.webp", "WEBP", "image/webp"),
    ],
)
def test_create_with_image_is_multipart(
    tmp_path: Path, name: str, fmt: str, content_type: str
) -> None:
    image = _image(tmp_path / name, fmt)
    rec = Recorder(lambda r: json_response(200, VIDEO))
    request = VideoRequest(prompt="a fox", size="720x1280", seconds=12, reference_image=image)

    async def go() -> None:
        async with client_for(rec) as client:
            await client.create(request)

    run(go())
    assert rec.last.headers["content-type"].startswith("multipart/form-data; boundary=")
    parts = parse_multipart(rec.last)
    assert parts["prompt"][2] == b"a fox"
    assert parts["model"][2] == b"sora-2"
    assert parts["size"][2] == b"720x1280"
    assert parts["seconds"][2] == b"12"
    filename, ctype, payload = parts["input_reference"]
    assert filename == name
    assert ctype == content_type
    assert payload == image.read_bytes()


def test_content_type_follows_the_bytes_not_the_name(tmp_path: Path) -> None:
    image = _image(tmp_path / "mislabelled.png", "JPEG")
    rec = Recorder(lambda r: json_response(200, VIDEO))

    async def go() -> None:
        async with client_for(rec) as client:
            await client.create(VideoRequest(prompt="x", reference_image=image))

    run(go())
    filename, ctype, _ = parse_multipart(rec.last)["input_reference"]
    assert ctype == "image/jpeg"
    assert filename == "mislabelled.jpg"


def test_unsupported_or_missing_image_is_refused_before_sending(tmp_path: Path) -> None:
    gif = tmp_path / "anim.gif"
    Image.new("RGB", (8, 8)).save(gif, "GIF")
    rec = Recorder(lambda r: json_response(200, VIDEO))

    async def go(path: Path) -> None:
        async with client_for(rec) as client:
            await client.create(VideoRequest(prompt="x", reference_image=path))

    for path in (gif, tmp_path / "missing.png"):
        with pytest.raises(errors.InvalidRequestError) as info:
            run(go(path))
        assert info.value.param == "input_reference"
    assert rec.requests == []
