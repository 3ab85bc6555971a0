"""The prompt's words in simulator clips: any script the system has a font for, wrapped to
the frame. Checked on decoded frames against glyphs drawn directly with the system's font."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import unicodedata
from pathlib import Path

import av
import numpy as np
from PIL import Image, ImageDraw, ImageFont

from sora_desktop.core.fonts import FontChain, FontFile, coverage_of
from sora_desktop.simulator.render import RenderSpec, Segment, _Scene, render_clip
from sora_desktop.simulator.textlayer import break_units, text_width, wrap

W, H = 1280, 720
SIZE = min(W, H) // 16  # the renderer's text size for this frame


def chinese_font() -> tuple[str, int]:
    """The system's Chinese font, found here independently of the renderer: as fontconfig
    names it, or on Windows the first Chinese font of the Fonts folder. The test machine
    needs one: dev.py installs fonts-wqy-microhei (and copies it into the Wine prefix)."""
    if sys.platform == "win32":
        folder = Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts"
        for name in ("msyh.ttc", "simsun.ttc", "wqy-microhei.ttc"):
            if (folder / name).exists():
                return str(folder / name), 0
        raise AssertionError(f"no Chinese font in {folder}")
    fc_match = shutil.which("fc-match")
    assert fc_match is not None, "fontconfig's fc-match is missing (package fontconfig)"
    listed = subprocess.run(
        ["fc-list", ":lang=zh", "file"], capture_output=True, text=True, check=True
    ).stdout
    assert listed.strip(), "no Chinese font installed: apt-get install fonts-wqy-microhei"
    out = subprocess.run(
        [fc_match, "-f", "%{file}|%{index}", "sans-serif:lang=zh-cn"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    path, _, index = out.partition("|")
    return path, int(index or 0)


def first_frame(spec: RenderSpec, tmp_path: Path) -> np.ndarray:
    assets = render_clip(spec, tmp_path)
    with av.open(str(assets.video)) as container:
        frame = next(container.decode(video=0))
        return np.asarray(frame.to_ndarray(format="rgb24"))


def ink_in_band(frame: np.ndarray, text: str) -> np.ndarray:
    """Where the frame is near white inside the text band (the band darkens the scene below
    it to at most ~146, so near white there is the words)."""
    scene = _Scene(text, frame.shape[1], frame.shape[0])
    top, height = scene.text_y, scene.text_rgb.size[1]
    band = frame[top : top + height]
    return np.asarray(band.min(axis=2) > 200)


def crop(mask: np.ndarray) -> np.ndarray:
    rows, cols = np.nonzero(mask)
    assert rows.size, "no ink at all"
    return mask[rows.min() : rows.max() + 1, cols.min() : cols.max() + 1]


def test_chinese_prompt_is_drawn_in_a_chinese_font_not_boxes(tmp_path: Path) -> None:
    text = "中文提示"
    frame = first_frame(RenderSpec(W, H, (Segment(text, 1),)), tmp_path)
    drawn = crop(ink_in_band(frame, text))

    path, index = chinese_font()
    font = ImageFont.truetype(path, SIZE, index=index)
    reference = Image.new("L", (SIZE * 8, SIZE * 3))
    ImageDraw.Draw(reference).text((SIZE, SIZE), text, font=font, fill=255)
    expected = crop(np.asarray(reference) > 128)

    # the same four glyphs: the same extent (to a few pixels of anti-aliasing) ...
    assert abs(drawn.shape[1] - expected.shape[1]) <= 4, (drawn.shape, expected.shape)
    assert abs(drawn.shape[0] - expected.shape[0]) <= 4, (drawn.shape, expected.shape)
    # ... and the same strokes: most ink pixels coincide once the extents are aligned
    scaled = Image.fromarray(drawn.astype(np.uint8) * 255).resize(
        (expected.shape[1], expected.shape[0]), Image.Resampling.NEAREST
    )
    got = np.asarray(scaled) > 128
    overlap = np.logical_and(got, expected).sum() / np.logical_or(got, expected).sum()
    assert overlap > 0.6, f"only {overlap:.0%} of the strokes match the font's glyphs"


def _lines_of_ink(mask: np.ndarray) -> int:
    rows = mask.any(axis=1)
    starts = np.flatnonzero(rows[1:] & ~rows[:-1])
    return int(starts.size + (1 if rows[0] else 0))


def test_long_chinese_prompt_wraps_between_characters_inside_the_frame(tmp_path: Path) -> None:
    text = "一只红狐狸在黎明时分穿过白桦林的雪地，镜头缓慢推进，暖色的光线洒在它的毛发上"
    frame = first_frame(RenderSpec(W, H, (Segment(text, 1),)), tmp_path)
    ink = ink_in_band(frame, text)
    assert _lines_of_ink(ink) == 2  # 38 characters of 45 px: two lines of a 1280 px frame
    cols = np.flatnonzero(ink.any(axis=0))
    assert cols.min() > 0.05 * W and cols.max() < 0.95 * W  # nothing runs off the frame


def test_words_of_spaced_scripts_stay_whole_and_lines_fit() -> None:
    chain = FontChain(SIZE)
    text = "a lighthouse at dusk with a slow dolly in and warm light over the sea"
    lines = wrap(text, chain, 500)
    assert len(lines) > 1
    assert " ".join(lines) == text  # every word whole, in order
    assert all(text_width(chain, line) <= 500 for line in lines)


def test_wide_characters_break_anywhere_but_not_before_closing_punctuation() -> None:
    units = break_units("雪地，镜头《推进》A fox runs")
    assert units == ["雪", "地，", "镜", "头", "《推", "进》", "A ", "fox ", "runs"]
    chain = FontChain(SIZE)
    lines = wrap("镜头缓慢推进，暖色的光线洒在它的毛发上。" * 3, chain, SIZE * 7.5)
    assert all(len(line) >= 7 for line in lines[:-1])  # filled up, character by character
    assert not any(line[0] in "，。" for line in lines)


def test_too_much_text_ends_the_fourth_line_with_an_ellipsis() -> None:
    chain = FontChain(SIZE)
    lines = wrap("雪" * 200, chain, SIZE * 10)
    assert len(lines) == 4 and lines[-1].endswith("…")
    assert all(text_width(chain, line) <= SIZE * 10 for line in lines)


def test_each_character_gets_a_font_that_has_it() -> None:
    chain = FontChain(SIZE)
    runs = chain.runs("A fox 在雪地里 runs")
    assert [text for text, _ in runs] == ["A fox ", "在雪地里 ", "runs"]
    assert runs[0][1] is chain.primary and runs[2][1] is chain.primary
    path, index = chinese_font()
    assert runs[1][1] is not chain.primary
    assert "在" in coverage_of(FontFile(path, index))


def test_coverage_read_from_the_cmap_matches_what_freetype_draws() -> None:
    """A code point is covered exactly when FreeType draws it with something other than the
    font's 'missing' glyph (basic layout: no shaping fallbacks)."""
    path, index = chinese_font()
    coverage = coverage_of(FontFile(path, index))
    font = ImageFont.truetype(path, 20, index=index, layout_engine=ImageFont.Layout.BASIC)

    def drawn(char: str) -> bytes:
        img = Image.new("L", (48, 48))
        ImageDraw.Draw(img).text((8, 8), char, font=font, fill=255)
        return img.tobytes()

    missing = drawn("\U0010fffd")  # a private-use code point no font maps
    sample = [chr(cp) for cp in [*range(0x21, 0x2FFF, 5), *range(0x4E00, 0x9FFF, 97)]]
    sample = [c for c in sample if unicodedata.category(c)[0] not in "MCZ"]
    disagree = [hex(ord(c)) for c in sample if (drawn(c) != missing) != (c in coverage)]
    assert not disagree
    assert "中" in coverage and "\U0010fffd" not in coverage
