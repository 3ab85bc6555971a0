"""Frames out of a clip: saved as a full-resolution PNG, or kept as a new start image.

    save_frame(clip, out, at=None) -> Path    # at: seconds after the first frame; None: the last
    frame_as_start_image(clip, images_dir, at=None) -> Path
        # a PNG in the app's images folder (content-hash name), ready to be a generation's
        # reference image ("use as start image")

The frame is decoded with PyAV at exactly that position (``core/frames.py``: the frame on
screen at ``at``, the last displayed frame for None), never a screen grab. The last frame
comes from :func:`~sora_desktop.core.frames.last_frame_of`, like a continuation's start
image: the clip's stored last frame (kept beside each ready library clip) while it still
matches the clip, a decode otherwise. Blocking (decodes, writes): run it off the GUI
thread. A missing or unreadable clip and a negative time are InvalidRequestError; a PNG
that can't be written is DiskError and leaves no file.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sora_desktop.core.errors import InvalidRequestError
from sora_desktop.core.filenames import check_new_path
from sora_desktop.core.i18n import _

if TYPE_CHECKING:
    from PIL import Image

__all__ = ["frame_as_start_image", "save_frame"]


def _image(clip: Path, at: float | None) -> Image.Image:
    from sora_desktop.core.frames import frame_at, last_frame_of

    return last_frame_of(clip) if at is None else frame_at(clip, at)


def save_frame(clip: Path, out: Path, at: float | None = None) -> Path:
    """The frame shown ``at`` seconds into ``clip`` (None: its last frame) as a PNG at
    ``out``, full resolution. Returns ``out``."""
    from sora_desktop.core.frames import save_png

    out = Path(out)
    if out.suffix.lower() != ".png":
        raise InvalidRequestError(
            _("The picture must be a .png file ({name!r}).").format(name=out.name),
            _("Name the output file with .png at the end."),
            param="out",
        )
    check_new_path(out)  # "con.png" on Windows: said before the decode
    image = _image(Path(clip), at)
    return save_png(image, out)


def frame_as_start_image(clip: Path, images_dir: Path, at: float | None = None) -> Path:
    """The frame shown ``at`` seconds into ``clip`` (None: its last frame), full resolution,
    stored in ``images_dir`` (the app's images folder) like a converted reference image.
    Returns its path, for the settings' reference image."""
    from sora_desktop.core.images import save_reference_png

    image = _image(Path(clip), at)
    return save_reference_png(image, Path(images_dir), prefix="frame")
