from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import av
import httpx
import numpy as np
import pytest
from PIL import Image

from sora_desktop.core.thumbnails import THUMB_MAX, fetch_thumbnail
from tests.core.test_client_support import Recorder, client_for, json_response, run
from tests.fail_on_unexpected import ExpectLog


@pytest.fixture
def green_clip(tmp_path: Path) -> Path:
    """A real 640x360 H.264 MP4 whose frames are pure green."""
    path = tmp_path / "clip.mp4"
    with av.open(str(path), "w") as container:
        stream = container.add_stream("libx264", rate=24)
        stream.width, stream.height, stream.pix_fmt = 640, 360, "yuv420p"
        pixels = np.zeros((360, 640, 3), dtype=np.uint8)
        pixels[:, :, 1] = 255
        for _ in range(3):
            frame = av.VideoFrame.from_ndarray(pixels, format="rgb24")
            for packet in stream.encode(frame):
                container.mux(packet)
        for packet in stream.encode():
            container.mux(packet)
    return path


def _webp(size: tuple[int, int], colour: tuple[int, int, int]) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, colour).save(buffer, "WEBP")
    return buffer.getvalue()


def _thumb(handler: Recorder, video: Path, dest: Path) -> Path | None:
    async def go() -> Path | None:
        async with client_for(handler) as client:
            return await fetch_thumbnail(client, "video_1", video, dest)

    return run(go())


def test_uses_the_api_thumbnail_variant(tmp_path: Path, green_clip: Path) -> None:
    rec = Recorder(lambda r: httpx.Response(200, content=_webp((1280, 720), (255, 0, 0))))
    dest = tmp_path / "thumbs" / "a.png"
    assert _thumb(rec, green_clip, dest) == dest
    assert rec.last.url.params["variant"] == "thumbnail"
    with Image.open(dest) as image:
        assert image.format == "PNG"
        assert image.size == (THUMB_MAX, 180)
        r, g, _ = image.getpixel((100, 100))
        assert r > 200 and g < 50  # the server's red thumbnail, not the green clip
    assert sorted(p.name for p in dest.parent.iterdir()) == ["a.png"]


def test_falls_back_to_the_first_frame_on_404(tmp_path: Path, green_clip: Path) -> None:
    rec = Recorder(lambda r: json_response(404, {"error": {"message": "variant unsupported"}}))
    dest = tmp_path / "a.jpg"
    assert _thumb(rec, green_clip, dest) == dest
    with Image.open(dest) as image:
        assert image.format == "JPEG"
        assert image.size == (THUMB_MAX, 180)
        r, g, b = image.getpixel((160, 90))
        assert g > 200 and r < 60 and b < 60


def test_falls_back_when_the_api_image_is_garbage(tmp_path: Path, green_clip: Path) -> None:
    rec = Recorder(lambda r: httpx.Response(200, content=b"definitely not an image"))
    dest = tmp_path / "a.png"
    assert _thumb(rec, green_clip, dest) == dest
    with Image.open(dest) as image:
        assert image.getpixel((10, 10))[1] > 200


def test_falls_back_on_network_failure(tmp_path: Path, green_clip: Path) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("refused")

    assert _thumb(Recorder(handler), green_clip, tmp_path / "a.png") == tmp_path / "a.png"


def test_none_when_nothing_works(tmp_path: Path, expect_log: ExpectLog) -> None:
    rec = Recorder(lambda r: httpx.Response(500, text="boom"))
    broken = tmp_path / "broken.mp4"
    broken.write_bytes(b"\x00\x00\x00\x18ftypmp42 but nothing else")
    with expect_log("sora_desktop.core.thumbnails", "could not make a thumbnail from broken.mp4"):
        assert _thumb(rec, broken, tmp_path / "a.png") is None
    with expect_log("sora_desktop.core.thumbnails", "could not make a thumbnail from missing.mp4"):
        assert _thumb(rec, tmp_path / "missing.mp4", tmp_path / "b.png") is None
    assert not (tmp_path / "a.png").exists()
    assert [p.name for p in tmp_path.iterdir()] == ["broken.mp4"]


def test_jpeg_and_png_thumbnails_from_gateways_are_read(tmp_path: Path, green_clip: Path) -> None:
    for fmt in ("JPEG", "PNG"):
        buffer = io.BytesIO()
        Image.new("RGB", (640, 360), (255, 0, 0)).save(buffer, fmt)
        data = buffer.getvalue()
        rec = Recorder(lambda r, data=data: httpx.Response(200, content=data))  # type: ignore[misc]
        dest = tmp_path / f"{fmt}.jpg"
        assert _thumb(rec, green_clip, dest) == dest
        with Image.open(dest) as image:
            assert image.getpixel((100, 100))[0] > 200  # the server's red, not the green clip


def test_a_server_thumbnail_loads_only_the_pillow_plugins_it_needs(tmp_path: Path) -> None:
    """Pillow's ``Image.init()`` imports every format plugin it has (forty-odd modules),
    most of what a thumbnail cost in a one-shot ``generate``."""
    source = tmp_path / "row.jpg.download"  # as fetch_thumbnail names it: no telling extension
    source.write_bytes(_webp((1280, 720), (255, 0, 0)))
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from sora_desktop.core.thumbnails import thumbnail_from_image\n"
        f"thumbnail_from_image(Path({str(source)!r}), Path({str(tmp_path / 'row.jpg')!r}))\n"
        "print(' '.join(sorted(m for m in sys.modules if m.endswith('ImagePlugin'))))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    plugins = {name.removeprefix("PIL.") for name in done.stdout.split()}
    assert "WebPImagePlugin" in plugins
    assert plugins <= {f"{p}ImagePlugin" for p in ("Bmp", "Gif", "Jpeg", "Png", "Ppm", "WebP")}
    assert (tmp_path / "row.jpg").is_file()


def test_a_thumbnail_from_a_video_converts_only_a_thumbnail_sized_picture(
    tmp_path: Path, green_clip: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """PyAV copies a frame into Pillow holding the GIL: the window's thread waited for a
    full-size copy (and its resize) at each finished clip without a thumbnail. The frame is
    scaled by FFmpeg first; the contact sheet still gets the whole frame."""
    from sora_desktop.core import thumbnails

    converted: list[tuple[int, int]] = []
    real = thumbnails.first_frame

    def recorded(video: Path, **kwargs: int | None) -> Image.Image:
        image = real(video, **kwargs)
        converted.append(image.size)
        return image

    monkeypatch.setattr(thumbnails, "first_frame", recorded)
    dest = thumbnails.thumbnail_from_video(green_clip, tmp_path / "thumb.png")
    assert converted == [(THUMB_MAX, 180)]  # 640x360 fitted into the thumbnail's box
    with Image.open(dest) as thumb:
        assert thumb.size == (THUMB_MAX, 180)
        assert thumb.convert("RGB").getpixel((160, 90))[1] > 200  # still green
    assert real(green_clip).size == (640, 360)
    assert real(green_clip, fit=1000).size == (640, 360)  # never enlarged
