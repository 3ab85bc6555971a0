"""Reviewing a batch: a contact sheet, and the results as CSV and JSON.

- :func:`contact_sheet` draws one image with the first frame of every row's clip, in row
  order, each labelled with its row label and status (any script: :mod:`~sora_desktop.core
  .fonts`); rows without a clip get a tile saying why. Frames keep their shape inside
  equal tiles, so a sweep reads at a glance.
- :func:`result_records` / :func:`write_results` give each row's label, prompt, settings,
  file, estimated cost and error, as JSON or CSV (UTF-8 with a byte-order mark, so
  spreadsheet programs read it as UTF-8).
"""

from __future__ import annotations

import csv
import io
import json
import math
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PIL import Image, ImageDraw

from sora_desktop.core.atomic import atomic_write_bytes
from sora_desktop.core.batch.store import BatchRow, RowStatus, row_status_text
from sora_desktop.core.fonts import FontChain
from sora_desktop.core.i18n import _

#: Columns of the results, in order (the JSON records have the same keys).
RESULT_FIELDS: tuple[str, ...] = (
    "row",
    "label",
    "status",
    "prompt",
    "model",
    "size",
    "seconds",
    "seed",
    "image",
    "sweep",
    "file",
    "cost",
    "error",
    "job_id",
    "source_row",
    "line",
)

TILE_WIDTH = 320
MIN_TILE_WIDTH = 64
#: The largest contact sheet, in pixels: more rows make smaller tiles.
MAX_SHEET_PIXELS = 60_000_000
_BACKGROUND = (24, 24, 24)
_TILE = (0, 0, 0)
_TEXT = (235, 235, 235)
_MUTED = (160, 160, 160)
_PROBLEM = (240, 120, 100)
_GAP = 8


def _file(row: BatchRow) -> Path | None:
    return row.exported_path or row.file_path


def result_records(rows: Sequence[BatchRow]) -> list[dict[str, Any]]:
    """One record per row (see :data:`RESULT_FIELDS`); ``cost`` is the estimate in US
    dollars (None: unknown), ``file`` the exported clip, else the library's."""
    records = []
    for row in rows:
        file = _file(row) if row.status is RowStatus.READY else None
        request = row.request
        records.append(
            {
                "row": row.index,
                "label": row.label,
                "status": row.status.value,
                "prompt": request.prompt,
                "model": request.model,
                "size": request.size,
                "seconds": request.seconds,
                "seed": row.seed,
                "image": str(request.reference_image) if request.reference_image else None,
                "sweep": dict(row.sweep),
                "file": str(file) if file else None,
                "cost": row.estimated_cost,
                "error": row.error,
                "job_id": row.job_id,
                "source_row": row.source_row,
                "line": row.line,
            }
        )
    return records


def results_json(rows: Sequence[BatchRow]) -> str:
    return json.dumps(result_records(rows), ensure_ascii=False, indent=2) + "\n"


def results_csv(rows: Sequence[BatchRow]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(RESULT_FIELDS)
    for record in result_records(rows):
        cells = []
        for name in RESULT_FIELDS:
            value = record[name]
            if name == "sweep":
                value = " ".join(f"{k}={v}" for k, v in value.items())
            cells.append("" if value is None else value)
        writer.writerow(cells)
    return out.getvalue()


def write_results(rows: Sequence[BatchRow], path: Path) -> Path:
    """Write the results to ``path``: CSV for ``.csv``, else JSON. Atomic."""
    if path.suffix.lower() == ".csv":
        data = ("\ufeff" + results_csv(rows)).encode("utf-8")
    else:
        data = results_json(rows).encode("utf-8")
    atomic_write_bytes(path, data)
    return path


# -- the contact sheet ------------------------------------------------------------------


def _shape(rows: Sequence[BatchRow]) -> float:
    """Height over width of the tallest frame among the rows (within 9:16 and 16:9)."""
    ratios = [r.request.height / r.request.width for r in rows if r.request.width > 0]
    return min(16 / 9, max(9 / 16, max(ratios, default=9 / 16)))


def _grid(count: int, requested: int | None) -> int:
    if requested:
        return max(1, min(count, requested))
    return max(1, min(count, math.ceil(math.sqrt(count))))


def _fit_text(chain: FontChain, text: str, width: float) -> str:
    def length(value: str) -> float:
        return sum(font.getlength(run) for run, font in chain.runs(value))

    text = " ".join(text.split())
    if length(text) <= width:
        return text
    while text and length(text + "…") > width:
        text = text[:-1]
    return text + "…"


def _draw(
    draw: ImageDraw.ImageDraw,
    chain: FontChain,
    xy: tuple[float, float],
    text: str,
    fill: tuple[int, int, int],
) -> None:
    x, y = xy
    for run, font in chain.runs(text):
        draw.text((x, y), run, font=font, fill=fill, anchor="ls")
        x += font.getlength(run)


def _frame(row: BatchRow) -> Image.Image | None:
    from sora_desktop.core.thumbnails import first_frame

    file = _file(row)
    if row.status is not RowStatus.READY or file is None:
        return None
    try:
        return first_frame(file)
    except Exception:  # a damaged or missing clip gets a tile saying so
        return None


def contact_sheet(
    rows: Sequence[BatchRow],
    dest: Path,
    *,
    columns: int | None = None,
    tile_width: int = TILE_WIDTH,
) -> Path:
    """Draw the contact sheet of ``rows`` to ``dest`` (PNG; JPEG for ``.jpg``/``.jpeg``)."""
    if not rows:
        raise ValueError("a contact sheet needs at least one row")
    cols = _grid(len(rows), columns)
    lines = math.ceil(len(rows) / cols)
    shape = _shape(rows)
    width = max(MIN_TILE_WIDTH, tile_width)
    while True:
        frame_h = round(width * shape)
        text_size = max(10, width // 20)
        label_h = int(text_size * 2.8) + _GAP
        sheet_w = cols * (width + _GAP) + _GAP
        sheet_h = lines * (frame_h + label_h + _GAP) + _GAP
        if sheet_w * sheet_h <= MAX_SHEET_PIXELS or width <= MIN_TILE_WIDTH:
            break
        width = max(MIN_TILE_WIDTH, int(width * 0.8))
    chain = FontChain(text_size)
    sheet = Image.new("RGB", (sheet_w, sheet_h), _BACKGROUND)
    draw = ImageDraw.Draw(sheet)
    ascent = chain.primary.getmetrics()[0]
    for n, row in enumerate(rows):
        x = _GAP + (n % cols) * (width + _GAP)
        y = _GAP + (n // cols) * (frame_h + label_h + _GAP)
        draw.rectangle((x, y, x + width - 1, y + frame_h - 1), fill=_TILE)
        frame = _frame(row)
        if frame is not None:
            frame = frame.convert("RGB")
            frame.thumbnail((width, frame_h), Image.Resampling.LANCZOS)
            sheet.paste(frame, (x + (width - frame.width) // 2, y + (frame_h - frame.height) // 2))
        else:
            why = row_status_text(row.status)
            if row.status is RowStatus.READY:
                why = _("no frame could be read")
            text = _fit_text(chain, why, width - 8)
            _draw(draw, chain, (x + 4, y + frame_h // 2), text, _PROBLEM)
        label = _fit_text(chain, row.label, width)
        _draw(draw, chain, (x, y + frame_h + _GAP // 2 + ascent), label, _TEXT)
        detail = _fit_text(chain, row.request.prompt, width)
        _draw(draw, chain, (x, y + frame_h + _GAP // 2 + ascent + text_size * 1.3), detail, _MUTED)
    buffer = io.BytesIO()
    if dest.suffix.lower() in (".jpg", ".jpeg"):
        sheet.save(buffer, "JPEG", quality=88)
    else:
        sheet.save(buffer, "PNG")
    atomic_write_bytes(dest, buffer.getvalue())
    return dest
