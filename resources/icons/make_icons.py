#!/usr/bin/env python3
"""Rasterise ``app.svg`` into every icon the app and its installers need.

Run from anywhere with the project's virtualenv::

    .venv/bin/python resources/icons/make_icons.py

Writes (and the results are committed):

- ``resources/icons/png/app_<N>.png`` for N in 16..1024 (installer and store artwork),
- ``resources/icons/app.ico`` (Windows: 16, 24, 32, 48, 64, 128, 256 in one file),
- ``resources/icons/app.icns`` (macOS: 16..1024 incl. Retina variants),
- ``sora_desktop/resources/icons/app.svg`` and ``app_<N>.png`` (runtime copies, loaded by
  the window through ``QIcon``).

The SVG is rendered with Qt's own renderer (QtSvg, offscreen), so what the installer shows
matches what the running app draws. Pillow writes the ICO and ICNS containers.
"""

from __future__ import annotations

import io
import os
import shutil
import sys
from pathlib import Path

from PIL import Image

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
SOURCE = HERE / "app.svg"
PNG_DIR = HERE / "png"
ICO = HERE / "app.ico"
ICNS = HERE / "app.icns"
RUNTIME_DIR = ROOT / "sora_desktop" / "resources" / "icons"

PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512, 1024)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
RUNTIME_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def render(svg: Path, size: int) -> Image.Image:
    """Render ``svg`` to a ``size`` x ``size`` RGBA Pillow image with QtSvg."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"cannot parse {svg}")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    with Image.open(io.BytesIO(bytes(data.data()))) as png:
        return png.convert("RGBA")


def main() -> int:
    PNG_DIR.mkdir(parents=True, exist_ok=True)
    RUNTIME_DIR.mkdir(parents=True, exist_ok=True)
    images = {size: render(SOURCE, size) for size in PNG_SIZES}
    for size, image in images.items():
        image.save(PNG_DIR / f"app_{size}.png", optimize=True)
        if size in RUNTIME_SIZES:
            image.save(RUNTIME_DIR / f"app_{size}.png", optimize=True)
    shutil.copyfile(SOURCE, RUNTIME_DIR / "app.svg")

    largest_ico = images[max(ICO_SIZES)]
    largest_ico.save(
        ICO,
        format="ICO",
        sizes=[(s, s) for s in ICO_SIZES],
        append_images=[images[s] for s in ICO_SIZES if s != max(ICO_SIZES)],
    )
    images[1024].save(
        ICNS,
        format="ICNS",
        append_images=[images[s] for s in (32, 64, 128, 256, 512)],
    )
    for path in sorted([*PNG_DIR.glob("*.png"), ICO, ICNS, *RUNTIME_DIR.iterdir()]):
        print(f"{path.relative_to(ROOT)}  {path.stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
