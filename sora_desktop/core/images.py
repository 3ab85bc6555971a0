"""Reference images: check them before a paid request, and make them exactly the video's size.

The API refuses a reference image whose pixel size differs from the requested ``size``
("Inpaint image must match the requested width and height"), and takes only JPEG, PNG and
WebP. Everything here is Pillow only (no Qt), safe against decompression bombs and huge files.
"""

from __future__ import annotations

import hashlib
import io
import os
import tempfile
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, NoReturn

from PIL import Image, ImageOps, UnidentifiedImageError

from sora_desktop.core.errors import DiskError, InvalidRequestError
from sora_desktop.core.i18n import _

#: Pillow format name -> MIME type, for the formats the API accepts.
SUPPORTED_FORMATS: dict[str, str] = {"JPEG": "image/jpeg", "PNG": "image/png", "WEBP": "image/webp"}
MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_PIXELS = 50_000_000
_PARAM = "input_reference"


@dataclass(frozen=True, slots=True)
class ImageCheck:
    """The outcome of :func:`check_reference_image` for an acceptable image.

    ``ok`` is True (refusals raise); ``matches_size`` says whether it can be sent as is,
    and ``reason`` says why not, as a fact ("The image is 300x200; the video is 720x1280.").
    What to do about it is the face's to say: the window fits or crops it as the creator
    chose, the CLI asks for ``--fit fit|crop``.
    """

    ok: bool
    width: int
    height: int
    format: str  # "JPEG" | "PNG" | "WEBP"
    matches_size: bool
    reason: str | None = None

    @property
    def content_type(self) -> str:
        return SUPPORTED_FORMATS[self.format]


def parse_size(size: str) -> tuple[int, int]:
    """``"720x1280"`` -> ``(720, 1280)``; InvalidRequestError(param="size") otherwise."""
    width_text, sep, height_text = size.strip().lower().partition("x")
    if sep and width_text.isdigit() and height_text.isdigit():
        width, height = int(width_text), int(height_text)
        if 0 < width <= 8192 and 0 < height <= 8192:
            return width, height
    raise InvalidRequestError(
        _("{size!r} is not a video size.").format(size=size),
        _("Pick a size like 720x1280."),
        param="size",
    )


def check_reference_image(
    path: Path, size: str, *, hint: str | None = None, shown: str | None = None
) -> ImageCheck:
    """Refuse what the API (or this computer) can't take, with a reason a creator understands.

    Raises :class:`InvalidRequestError` (``param="input_reference"``) for a missing,
    unreadable, empty, huge, corrupt or unsupported file. ``hint`` words the next step for
    a file that can't be used at all the way the asking face lets the creator give another
    (the CLI: "Check the file given with --image"); by default it is the window's.
    """

    def _refuse(message: str, next_step: str | None = None) -> NoReturn:
        if next_step is None:
            next_step = hint or _("Pick a JPEG, PNG or WebP image.")
        raise InvalidRequestError(message, next_step, param=_PARAM)

    width, height = parse_size(size)
    name = shown if shown is not None else path.name
    try:
        stat = path.stat()
    except FileNotFoundError:
        _refuse(
            _("The image {name!r} can't be found.").format(name=name),
            hint or _("Pick the image again."),
        )
    except OSError as exc:
        _refuse(
            _("The image {name!r} can't be read ({detail}).").format(
                name=name, detail=exc.strerror or exc
            )
        )
    if not path.is_file():
        _refuse(_("{name!r} is not an image file.").format(name=name))
    if stat.st_size == 0:
        _refuse(_("The image {name!r} is empty.").format(name=name))
    if stat.st_size > MAX_FILE_BYTES:
        _refuse(
            _("The image {name!r} is too large ({megabytes:.0f} MB; at most {limit} MB).").format(
                name=name,
                megabytes=stat.st_size / 1e6,
                limit=MAX_FILE_BYTES // (1024 * 1024),
            ),
            _("Pick a smaller image or save it at a lower resolution."),
        )
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(path) as image:
                fmt = image.format or "unknown"
                if fmt not in SUPPORTED_FORMATS:
                    _refuse(
                        _(
                            "{format} images are not supported ({name!r}); use JPEG, PNG or WebP."
                        ).format(format=fmt, name=name)
                    )
                image_width, image_height = image.size
                if image_width * image_height > MAX_PIXELS:
                    raise Image.DecompressionBombError("too many pixels")
                orientation = image.getexif().get(0x0112, 1)
                image.load()  # decode everything: a truncated or corrupt file fails here
    except InvalidRequestError:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        _refuse(
            _("The image {name!r} has too many pixels (at most {limit} megapixels).").format(
                name=name, limit=MAX_PIXELS // 1_000_000
            ),
            _("Pick a smaller image or scale it down first."),
        )
    except UnidentifiedImageError:
        _refuse(
            _("{name!r} is not an image this app can read; use JPEG, PNG or WebP.").format(
                name=name
            )
        )
    except PermissionError:
        _refuse(_("The image {name!r} can't be read (permission denied).").format(name=name))
    except (OSError, SyntaxError, ValueError, EOFError):
        _refuse(
            _("The image {name!r} is damaged or incomplete.").format(name=name),
            hint or _("Pick another image."),
        )
    matches = (image_width, image_height) == (width, height) and orientation in (None, 1)
    reason = None
    if not matches:
        reason = _(
            "The image is {image_width}x{image_height}; the video is {width}x{height}."
        ).format(image_width=image_width, image_height=image_height, width=width, height=height)
    return ImageCheck(
        ok=True,
        width=image_width,
        height=image_height,
        format=fmt,
        matches_size=matches,
        reason=reason,
    )


def _rgb(image: Image.Image) -> Image.Image:
    """RGB, with any transparency composited on black."""
    if image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info):
        rgba = image.convert("RGBA")
        background = Image.new("RGBA", rgba.size, (0, 0, 0, 255))
        return Image.alpha_composite(background, rgba).convert("RGB")
    return image.convert("RGB")


def render_reference_image(path: Path, size: str, mode: Literal["fit", "crop"]) -> Image.Image:
    """The image at exactly ``size``: "fit" letterboxes on black, "crop" crops the centre."""
    _check_mode(mode)
    check_reference_image(path, size)
    with Image.open(path) as opened:
        upright = ImageOps.exif_transpose(opened)
        image = _rgb(upright)
    return fit_image(image, size, mode)


def _check_mode(mode: str) -> None:
    if mode not in ("fit", "crop"):
        raise InvalidRequestError(
            _("Unknown image mode {mode!r}.").format(mode=mode),
            _("Choose fit or crop."),
            param="image_mode",
        )


def fit_image(image: Image.Image, size: str, mode: Literal["fit", "crop"]) -> Image.Image:
    """``image`` (already decoded, e.g. a video frame) at exactly ``size``, by the same rule
    as a reference image file: "fit" letterboxes on black, "crop" crops the centre."""
    _check_mode(mode)
    width, height = parse_size(size)
    image = _rgb(image)
    if image.size == (width, height):
        return image
    if mode == "fit":
        return ImageOps.pad(
            image, (width, height), method=Image.Resampling.LANCZOS, color=(0, 0, 0)
        )
    return ImageOps.fit(image, (width, height), method=Image.Resampling.LANCZOS)


def fit_reference_image(
    path: Path, size: str, mode: Literal["fit", "crop"], dest_dir: Path
) -> Path:
    """Write the image at exactly ``size`` as PNG into ``dest_dir`` (content-hash name)."""
    return save_reference_png(render_reference_image(path, size, mode), dest_dir)


def save_reference_png(image: Image.Image, dest_dir: Path, *, prefix: str = "ref") -> Path:
    """Write ``image`` as PNG into ``dest_dir`` under a name made of its content's hash
    (the same image is stored once) and size; returns the path. Atomic; DiskError."""
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    data = buffer.getvalue()
    digest = hashlib.sha256(data).hexdigest()[:24]
    dest = dest_dir / f"{prefix}-{digest}-{image.width}x{image.height}.png"
    if dest.is_file() and dest.stat().st_size == len(data):
        return dest
    try:
        dest_dir.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(prefix=".ref-", suffix=".tmp", dir=dest_dir)
        tmp = Path(tmp_name)
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            tmp.replace(dest)
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise
    except OSError as exc:
        raise DiskError(
            _("The converted image could not be saved ({detail}).").format(
                detail=exc.strerror or exc
            ),
            _("Check that the app's data folder is writable and the disk has space."),
        ) from None
    return dest
