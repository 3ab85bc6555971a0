from __future__ import annotations

import struct
import zlib
from pathlib import Path

import pytest
from PIL import Image

from sora_desktop.core import errors
from sora_desktop.core.images import (
    MAX_FILE_BYTES,
    check_reference_image,
    fit_reference_image,
    parse_size,
)


def _save(path: Path, size: tuple[int, int], fmt: str, colour=(255, 0, 0), mode="RGB") -> Path:  # type: ignore[no-untyped-def]
    Image.new(mode, size, colour).save(path, fmt)
    return path


@pytest.mark.parametrize(("fmt", "ext"), [("JPEG", "jpg"), ("PNG", "png"), ("WEBP", "webp")])
def test_supported_formats(tmp_path: Path, fmt: str, ext: str) -> None:
    path = _save(tmp_path / f"a.{ext}", (720, 1280), fmt)
    check = check_reference_image(path, "720x1280")
    assert check.ok and check.matches_size and check.reason is None
    assert (check.width, check.height, check.format) == (720, 1280, fmt)
    assert (
        check.content_type == {"JPEG": "image/jpeg", "PNG": "image/png", "WEBP": "image/webp"}[fmt]
    )


def test_size_mismatch_is_reported_not_refused(tmp_path: Path) -> None:
    check = check_reference_image(_save(tmp_path / "a.png", (1000, 800), "PNG"), "720x1280")
    assert check.ok and not check.matches_size
    assert check.reason is not None and "1000x800" in check.reason and "720x1280" in check.reason
    # the reason is the fact only: what happens next (fit, crop, refuse) is the face's to say
    assert "fitted" not in check.reason and "cropped" not in check.reason


def test_a_face_words_how_to_give_another_image(tmp_path: Path) -> None:
    hint = "Check the file given with --image."
    broken = tmp_path / "broken.png"
    broken.write_bytes(b"\x89PNG\r\n\x1a\n" + b"garbage" * 20)
    for path in (tmp_path / "nope.png", broken, tmp_path):
        with pytest.raises(errors.InvalidRequestError) as info:
            check_reference_image(path, "720x1280", hint=hint)
        assert info.value.next_step == hint, path
    with pytest.raises(errors.InvalidRequestError) as info:
        check_reference_image(tmp_path / "nope.png", "720x1280")
    assert info.value.next_step == "Pick the image again."  # the window's words by default


@pytest.mark.parametrize(("fmt", "ext"), [("GIF", "gif"), ("BMP", "bmp"), ("TIFF", "tiff")])
def test_unsupported_types_refused(tmp_path: Path, fmt: str, ext: str) -> None:
    path = _save(tmp_path / f"a.{ext}", (64, 64), fmt)
    with pytest.raises(errors.InvalidRequestError) as info:
        check_reference_image(path, "720x1280")
    assert info.value.param == "input_reference"
    assert fmt in info.value.message and "JPEG, PNG or WebP" in info.value.message


def test_not_an_image_refused(tmp_path: Path) -> None:
    path = tmp_path / "notes.png"
    path.write_text("this is text, not a picture")
    with pytest.raises(errors.InvalidRequestError) as info:
        check_reference_image(path, "720x1280")
    assert "not an image" in info.value.message


def test_truncated_image_refused(tmp_path: Path) -> None:
    whole = _save(tmp_path / "whole.png", (720, 1280), "PNG", colour=(1, 2, 3))
    Image.effect_noise((720, 1280), 60).convert("RGB").save(whole, "PNG")
    data = whole.read_bytes()
    cut = tmp_path / "cut.png"
    cut.write_bytes(data[: len(data) // 2])
    with pytest.raises(errors.InvalidRequestError) as info:
        check_reference_image(cut, "720x1280")
    assert "damaged" in info.value.message


def test_missing_and_empty_and_directory(tmp_path: Path) -> None:
    empty = tmp_path / "empty.png"
    empty.write_bytes(b"")
    for path, words in (
        (tmp_path / "nope.png", "can't be found"),
        (empty, "empty"),
        (tmp_path, "not an image file"),
    ):
        with pytest.raises(errors.InvalidRequestError) as info:
            check_reference_image(path, "720x1280")
        assert words in info.value.message


def test_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # running as root makes chmod useless, so the refusal comes from a patched open
    path = _save(tmp_path / "a.png", (720, 1280), "PNG")

    def denied(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Image, "open", denied)
    with pytest.raises(errors.InvalidRequestError) as info:
        check_reference_image(path, "720x1280")
    assert "permission" in info.value.message


def test_huge_file_refused_without_reading_it(tmp_path: Path) -> None:
    path = tmp_path / "huge.png"
    with path.open("wb") as handle:
        handle.truncate(MAX_FILE_BYTES + 1)  # sparse: costs no disk
    with pytest.raises(errors.InvalidRequestError) as info:
        check_reference_image(path, "720x1280")
    assert "too large" in info.value.message


def _png_header_only(path: Path, width: int, height: int) -> Path:
    """A tiny PNG that claims a huge canvas (a decompression bomb's header)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    idat = zlib.compress(b"\x00" * 16)
    path.write_bytes(
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")
    )
    return path


@pytest.mark.parametrize("side", [8000, 10000, 60000])  # ours, Pillow warning, Pillow error
def test_decompression_bomb_refused(tmp_path: Path, side: int) -> None:
    path = _png_header_only(tmp_path / "bomb.png", side, side)
    assert path.stat().st_size < 1000
    with pytest.raises(errors.InvalidRequestError) as info:
        check_reference_image(path, "720x1280")
    assert "too many pixels" in info.value.message


def test_bad_size_string() -> None:
    with pytest.raises(errors.InvalidRequestError) as info:
        parse_size("big")
    assert info.value.param == "size"
    assert parse_size("1280x720") == (1280, 720)


def test_fit_letterboxes_on_black(tmp_path: Path) -> None:
    src = _save(tmp_path / "wide.jpg", (1600, 900), "JPEG", colour=(250, 250, 250))
    out = fit_reference_image(src, "720x1280", "fit", tmp_path / "refs")
    assert out.parent == tmp_path / "refs" and out.suffix == ".png"
    with Image.open(out) as image:
        assert image.size == (720, 1280)
        assert image.getpixel((360, 10)) == (0, 0, 0)  # bar above
        assert image.getpixel((360, 1270)) == (0, 0, 0)  # bar below
        r, g, b = image.getpixel((360, 640))  # the picture in the middle
        assert min(r, g, b) > 230
    assert check_reference_image(out, "720x1280").matches_size


def test_crop_fills_the_frame_from_the_centre(tmp_path: Path) -> None:
    src = tmp_path / "wide.png"
    image = Image.new("RGB", (1600, 900), (0, 0, 255))
    image.paste((255, 0, 0), (500, 0, 1100, 900))  # a red centre band
    image.save(src)
    out = fit_reference_image(src, "720x1280", "crop", tmp_path / "refs")
    with Image.open(out) as result:
        assert result.size == (720, 1280)
        for x, y in ((5, 5), (715, 1275), (360, 640)):
            r, _g, b = result.getpixel((x, y))
            assert r > 200 and b < 50  # only the red centre survives


def test_transparency_becomes_black_and_names_are_content_hashes(tmp_path: Path) -> None:
    src = _save(tmp_path / "clear.png", (720, 1280), "PNG", colour=(255, 255, 255, 0), mode="RGBA")
    out1 = fit_reference_image(src, "720x1280", "fit", tmp_path / "refs")
    out2 = fit_reference_image(src, "720x1280", "crop", tmp_path / "refs")
    assert out1 == out2  # same pixels -> same name, written once
    with Image.open(out1) as image:
        assert image.getpixel((100, 100)) == (0, 0, 0)
    other = _save(tmp_path / "red.png", (720, 1280), "PNG")
    assert fit_reference_image(other, "720x1280", "fit", tmp_path / "refs") != out1
    assert sorted(p.name for p in (tmp_path / "refs").iterdir()) == sorted(
        {out1.name, fit_reference_image(other, "720x1280", "fit", tmp_path / "refs").name}
    )


def test_exif_rotation_is_applied(tmp_path: Path) -> None:
    src = tmp_path / "rotated.jpg"
    image = Image.new("RGB", (1280, 720), (0, 200, 0))
    exif = image.getexif()
    exif[0x0112] = 6  # rotate 90 degrees on display
    image.save(src, "JPEG", exif=exif.tobytes())
    check = check_reference_image(src, "1280x720")
    assert not check.matches_size  # stored size equals but orientation differs
    out = fit_reference_image(src, "720x1280", "fit", tmp_path / "refs")
    with Image.open(out) as result:
        _r, g, _b = result.getpixel((360, 640))
        assert g > 150 and result.getpixel((360, 5)) != (0, 0, 0)  # rotated fills the frame


def test_fit_refuses_what_check_refuses(tmp_path: Path) -> None:
    gif = _save(tmp_path / "a.gif", (64, 64), "GIF")
    with pytest.raises(errors.InvalidRequestError):
        fit_reference_image(gif, "720x1280", "fit", tmp_path / "refs")
    png = _save(tmp_path / "a.png", (64, 64), "PNG")
    with pytest.raises(errors.InvalidRequestError):
        fit_reference_image(png, "720x1280", "stretch", tmp_path / "refs")  # type: ignore[arg-type]


def test_unwritable_dest_is_a_disk_error(tmp_path: Path) -> None:
    png = _save(tmp_path / "a.png", (64, 64), "PNG")
    blocker = tmp_path / "blocker"
    blocker.write_text("a file where a folder should be")
    with pytest.raises(errors.DiskError):
        fit_reference_image(png, "720x1280", "fit", blocker / "refs")
