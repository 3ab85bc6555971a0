"""The words of a segment's prompt as drawn on its clip: any script, wrapped to the frame.

Each character is drawn in a font that has it (:class:`~sora_desktop.core.fonts.FontChain`).
Lines are filled up to the width the words really take in those fonts: Latin and other
spaced scripts break between words, Chinese, Japanese and other wide characters between any
two characters (never before closing punctuation such as ``，`` or ``。``, never after an
opening one such as ``《``). A word wider than the frame is cut where it must. At most
:data:`MAX_LINES` lines; more text ends the last one with an ellipsis.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from PIL import Image, ImageDraw

from sora_desktop.core.fonts import Font, FontChain

MAX_LINES = 4
ELLIPSIS = "…"
WIDTH_FRACTION = 0.85  # of the frame: the text's widest line
NO_LINE_START = frozenset("，。、．！？；：）」』】》〉〕｝’”,.!?;:)]}…‥・ー々〜～")
NO_LINE_END = frozenset("（「『【《〈〔｛‘“([{")


@dataclass(frozen=True, slots=True)
class TextLayer:
    rgb: Image.Image  # the band with its words, as RGB
    mask: Image.Image  # its alpha (L): how much of the band covers the frame
    y: int  # where the band's top goes in the frame


def _wide(char: str) -> bool:
    return unicodedata.east_asian_width(char) in ("W", "F")


def break_units(text: str) -> list[str]:
    """``text`` cut where a line may break: after spaces, around wide characters. Each unit
    keeps its trailing spaces; the pieces join back to ``text``."""
    units: list[str] = []
    current = ""
    for char in text:
        if not current or char.isspace() or char in NO_LINE_START:
            current += char
            continue
        last = current[-1]
        if last not in NO_LINE_END and (last.isspace() or _wide(char) or _wide(last)):
            units.append(current)
            current = char
        else:
            current += char
    if current:
        units.append(current)
    return units


def text_width(chain: FontChain, text: str) -> float:
    return sum(font.getlength(run) for run, font in chain.runs(text))


def wrap(text: str, chain: FontChain, max_width: float, max_lines: int = MAX_LINES) -> list[str]:
    """Lines of ``text`` no wider than ``max_width`` in ``chain``'s fonts (see the module)."""
    lines: list[str] = []
    line = ""
    units = break_units(" ".join(text.split()))
    i = 0
    while i < len(units) and len(lines) <= max_lines:
        unit = units[i]
        if text_width(chain, (line + unit).rstrip()) <= max_width:
            line += unit
            i += 1
            continue
        if line:
            lines.append(line.rstrip())
            line = ""
            continue
        # one unit wider than a line on its own: cut it at the last character that fits
        cut = 1
        while cut < len(unit) and text_width(chain, unit[: cut + 1].rstrip()) <= max_width:
            cut += 1
        lines.append(unit[:cut].rstrip())
        units[i] = unit[cut:]
    if line.strip() and len(lines) <= max_lines:
        lines.append(line.rstrip())
    if len(lines) > max_lines:
        last = lines[max_lines - 1]
        while last and text_width(chain, last.rstrip() + ELLIPSIS) > max_width:
            last = last[:-1]
        lines = [*lines[: max_lines - 1], last.rstrip() + ELLIPSIS]
    return lines or [""]


def text_layer(text: str, width: int, height: int) -> TextLayer:
    """The prompt's band for a ``width`` x ``height`` frame: wrapped, centred lines with a
    soft shadow on a translucent dark band near the bottom."""
    size = max(14, min(width, height) // 16)
    chain = FontChain(size)
    lines = wrap(text, chain, width * WIDTH_FRACTION)
    runs = [chain.runs(line) for line in lines]
    fonts: list[Font] = [chain.primary, *(font for line in runs for _, font in line)]
    ascent = max(font.getmetrics()[0] for font in fonts)
    descent = max(font.getmetrics()[1] for font in fonts)
    line_h = max(int(size * 1.3), ascent + descent)
    box_h = line_h * len(lines) + size
    img = Image.new("RGBA", (width, box_h), (0, 0, 0, 0))
    draw = ImageDraw.Draw(img)
    draw.rectangle((0, 0, width, box_h), fill=(0, 0, 0, 110))
    for i, line in enumerate(runs):
        x = max(0.0, (width - sum(font.getlength(run) for run, font in line)) / 2)
        baseline = size // 2 + i * line_h + ascent
        for dx, fill in ((2, (0, 0, 0, 200)), (0, (255, 255, 255, 255))):
            left = x
            for run, font in line:
                draw.text((left + dx, baseline + dx), run, font=font, fill=fill, anchor="ls")
                left += font.getlength(run)
    y = height - box_h - max(4, height // 20)
    return TextLayer(img.convert("RGB"), img.getchannel("A"), y)
