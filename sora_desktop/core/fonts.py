"""Fonts for words drawn on images (simulator clips, batch contact sheets): any script the
system has a font for.

The text starts in Pillow's bundled font (Latin). Characters it has no glyph for are looked
up on the system: through fontconfig (``fc-match``, then ``fc-list``) where it exists, as on
Linux, else among the usual font files of Windows and macOS. Which characters a font covers
is read from its ``cmap`` table (TrueType/OpenType, collections included), so a font is only
used for what it can draw; anything no font covers stays in the first font. Results are
cached per process (the render worker's), so a text costs at most a few look-ups once.
"""

from __future__ import annotations

import bisect
import functools
import io
import logging
import os
import shutil
import struct
import subprocess
import sys
import threading
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from PIL import ImageFont

log = logging.getLogger(__name__)

Font = ImageFont.FreeTypeFont
BUILTIN = "<builtin>"  # FontFile.path of Pillow's bundled font
FC_TIMEOUT = 10.0

#: Fonts tried in this order where there is no fontconfig (file names in the font folders).
#: Chinese first for Han characters (the creators asking are mostly Chinese speakers), then
#: Japanese and Korean, then broad fallbacks.
KNOWN_FONT_FILES = (
    # Windows
    "msyh.ttc",  # Microsoft YaHei (Simplified Chinese)
    "msjh.ttc",  # Microsoft JhengHei (Traditional Chinese)
    "simsun.ttc",
    "YuGothM.ttc",
    "meiryo.ttc",
    "malgun.ttf",  # Malgun Gothic (Korean)
    "Nirmala.ttf",  # Indic scripts
    "seguisym.ttf",
    "segoeui.ttf",
    "arial.ttf",
    # macOS
    "PingFang.ttc",
    "Hiragino Sans GB.ttc",
    "STHeiti Light.ttc",
    "AppleSDGothicNeo.ttc",
    "Arial Unicode.ttf",
    # Linux without fontconfig's tools
    "NotoSansCJK-Regular.ttc",
    "wqy-microhei.ttc",
    "wqy-zenhei.ttc",
    "DroidSansFallbackFull.ttf",
    "DejaVuSans.ttf",
)


@dataclass(frozen=True, slots=True)
class FontFile:
    path: str  # a file, or BUILTIN
    index: int = 0  # face in a collection (.ttc)


# -- which characters a font covers (its cmap) ------------------------------------------


class Coverage:
    """The code points a font maps to a glyph, as sorted inclusive ranges."""

    def __init__(self, ranges: Iterable[tuple[int, int]]) -> None:
        merged: list[tuple[int, int]] = []
        for start, end in sorted(ranges):
            if merged and start <= merged[-1][1] + 1:
                merged[-1] = (merged[-1][0], max(merged[-1][1], end))
            else:
                merged.append((start, end))
        self._starts = [r[0] for r in merged]
        self._ends = [r[1] for r in merged]

    def __contains__(self, char: object) -> bool:
        if not isinstance(char, str) or len(char) != 1:
            return False
        cp = ord(char)
        i = bisect.bisect_right(self._starts, cp) - 1
        return i >= 0 and cp <= self._ends[i]

    def __bool__(self) -> bool:
        return bool(self._starts)


def read_coverage(data: bytes, index: int = 0) -> Coverage:
    """The coverage of face ``index`` of a TrueType/OpenType font or collection. An
    unreadable font covers nothing."""
    try:
        return Coverage(_cmap_ranges(data, index))
    except (struct.error, ValueError, IndexError):
        return Coverage(())


def _cmap_ranges(data: bytes, index: int) -> Iterator[tuple[int, int]]:
    offset = 0
    if data[:4] == b"ttcf":
        (count,) = struct.unpack_from(">I", data, 8)
        if not 0 <= index < count:
            raise ValueError("no such face")
        (offset,) = struct.unpack_from(">I", data, 12 + 4 * index)
    (num_tables,) = struct.unpack_from(">H", data, offset + 4)
    cmap = None
    for i in range(num_tables):
        tag, _, table_offset, _ = struct.unpack_from(">4sIII", data, offset + 12 + 16 * i)
        if tag == b"cmap":
            cmap = table_offset
    if cmap is None:
        raise ValueError("no cmap")
    (subtables,) = struct.unpack_from(">H", data, cmap + 2)
    best: tuple[int, int] | None = None  # (rank, offset)
    for i in range(subtables):
        platform, encoding, sub = struct.unpack_from(">HHI", data, cmap + 4 + 8 * i)
        (fmt,) = struct.unpack_from(">H", data, cmap + sub)
        unicode = platform == 0 or (platform == 3 and encoding in (1, 10))
        if not unicode or fmt not in (4, 12):
            continue
        rank = 2 if fmt == 12 else 1
        if best is None or rank > best[0]:
            best = (rank, cmap + sub)
    if best is None:
        raise ValueError("no Unicode cmap")
    at = best[1]
    if best[0] == 2:  # format 12: groups of (start, end, first glyph)
        (groups,) = struct.unpack_from(">I", data, at + 12)
        for g in range(groups):
            start, end, _ = struct.unpack_from(">III", data, at + 16 + 12 * g)
            yield start, end
        return
    # format 4: segments (end, start, delta, range offset); glyph 0 means "not covered"
    (seg_x2,) = struct.unpack_from(">H", data, at + 6)
    segs = seg_x2 // 2
    ends_at = at + 14
    starts_at = ends_at + seg_x2 + 2
    deltas_at = starts_at + seg_x2
    offsets_at = deltas_at + seg_x2
    for s in range(segs):
        (end,) = struct.unpack_from(">H", data, ends_at + 2 * s)
        (start,) = struct.unpack_from(">H", data, starts_at + 2 * s)
        (delta,) = struct.unpack_from(">h", data, deltas_at + 2 * s)
        (range_offset,) = struct.unpack_from(">H", data, offsets_at + 2 * s)
        if start > end or start == 0xFFFF:
            continue
        if range_offset == 0:
            # glyph = (cp + delta) mod 65536; only the code point mapping to 0 is uncovered
            hole = (-delta) % 0x10000
            if start <= hole <= end:
                if hole > start:
                    yield start, hole - 1
                if hole < end:
                    yield hole + 1, end
            else:
                yield start, end
            continue
        run: int | None = None
        for cp in range(start, end + 1):
            where = offsets_at + 2 * s + range_offset + 2 * (cp - start)
            (glyph,) = struct.unpack_from(">H", data, where)
            if glyph != 0 and run is None:
                run = cp
            elif glyph == 0 and run is not None:
                yield run, cp - 1
                run = None
        if run is not None:
            yield run, end


# -- finding fonts on this system -------------------------------------------------------

_lock = threading.Lock()
_coverage: dict[FontFile, Coverage] = {}
_found: dict[tuple[str, str], FontFile | None] = {}


def coverage_of(font: FontFile) -> Coverage:
    with _lock:
        known = _coverage.get(font)
    if known is not None:
        return known
    try:
        data = _builtin_bytes() if font.path == BUILTIN else Path(font.path).read_bytes()
    except OSError:
        data = b""
    found = read_coverage(data, font.index)
    with _lock:
        _coverage[font] = found
    return found


@functools.cache
def _builtin_bytes() -> bytes:
    font = ImageFont.load_default(size=12)
    source = getattr(font, "path", None)
    if isinstance(source, io.BytesIO):
        return source.getvalue()
    if isinstance(source, (str, os.PathLike)):
        return Path(source).read_bytes()
    return b""


def language_hint(text: str) -> str:
    """The fontconfig language that picks the right CJK glyph style for ``text``."""
    names = " ".join(unicodedata.name(c, "") for c in text if ord(c) > 0x2E7F)
    if "HIRAGANA" in names or "KATAKANA" in names:
        return "ja"
    if "HANGUL" in names:
        return "ko"
    return "zh-cn"


def find_font(char: str, lang: str = "zh-cn") -> FontFile | None:
    """A font on this system with a glyph for ``char``, or None."""
    key = (char, lang)
    with _lock:
        if key in _found:
            return _found[key]
    font: FontFile | None = None
    for candidate in _candidates(char, lang):
        if char in coverage_of(candidate):
            font = candidate
            break
    with _lock:
        _found[key] = font
    if font is None:
        log.info("no font on this system draws U+%04X", ord(char))
    return font


def _candidates(char: str, lang: str) -> Iterator[FontFile]:
    fc_match, fc_list = shutil.which("fc-match"), shutil.which("fc-list")
    if fc_match is not None and fc_list is not None:
        # fontconfig knows every font installed: its best match, then any that covers it
        template = r"%{file}\t%{index}\n"
        pattern = f"sans-serif:lang={lang}:charset={ord(char):x}"
        yield from _fontconfig([fc_match, "-f", template, pattern])
        listed = _fontconfig([fc_list, f":charset={ord(char):x}", "-f", template])
        yield from sorted(set(listed), key=lambda f: (f.path, f.index))
        return
    for folder in _font_folders():
        for name in KNOWN_FONT_FILES:
            path = folder / name
            if path.is_file():
                yield FontFile(str(path))


def _fontconfig(command: list[str]) -> list[FontFile]:
    try:
        out = subprocess.run(
            command, capture_output=True, text=True, timeout=FC_TIMEOUT, check=False
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return []
    fonts = []
    for line in out.splitlines():
        path, _, index = line.partition("\t")
        if path:
            fonts.append(FontFile(path, int(index) if index.isdigit() else 0))
    return fonts


def _font_folders() -> list[Path]:
    home = Path.home()
    if sys.platform == "win32":
        windir = Path(os.environ.get("WINDIR", r"C:\Windows"))
        local = Path(os.environ.get("LOCALAPPDATA", home / "AppData" / "Local"))
        return [windir / "Fonts", local / "Microsoft" / "Windows" / "Fonts"]
    if sys.platform == "darwin":
        return [
            Path("/System/Library/Fonts"),
            Path("/System/Library/Fonts/Supplemental"),
            Path("/Library/Fonts"),
            home / "Library" / "Fonts",
        ]
    roots = [Path("/usr/share/fonts"), Path("/usr/local/share/fonts"), home / ".fonts"]
    return [
        Path(dirpath)
        for root in roots
        if root.is_dir()
        for dirpath, _, _ in os.walk(root)  # fonts sit in per-family subfolders here
    ]


# -- a chain of fonts for one text size ------------------------------------------------


class FontChain:
    """Pillow's bundled font, then system fonts for what it can't draw, at one size."""

    def __init__(self, size: int) -> None:
        self.size = size
        builtin = ImageFont.load_default(size=size)
        if not isinstance(builtin, ImageFont.FreeTypeFont):  # Pillow built without FreeType
            raise RuntimeError("Pillow has no FreeType support")
        self.primary: Font = builtin
        self._fonts: list[tuple[FontFile, Font]] = [(FontFile(BUILTIN), builtin)]
        self._choice: dict[str, Font] = {}
        self._unusable: set[FontFile] = set()

    def font_for(self, char: str, lang: str) -> Font:
        """The first font of the chain that draws ``char`` (found on the system if need be)."""
        chosen = self._choice.get(char)
        if chosen is not None:
            return chosen
        chosen = self.primary
        if not (char.isspace() or unicodedata.category(char) in ("Cc", "Cf", "Mn")):
            for file, font in self._fonts:
                if char in coverage_of(file):
                    chosen = font
                    break
            else:
                file_found = find_font(char, lang)
                if file_found is not None:
                    chosen = self._load(file_found) or chosen
        self._choice[char] = chosen
        return chosen

    def _load(self, file: FontFile) -> Font | None:
        if file in self._unusable:
            return None
        for known, font in self._fonts:
            if known == file:
                return font
        try:
            font = ImageFont.truetype(file.path, self.size, index=file.index)
        except OSError as exc:  # e.g. a bitmap-only colour emoji font at this size
            log.info("can't use the font %s at %d px: %s", file.path, self.size, exc)
            self._unusable.add(file)
            return None
        self._fonts.append((file, font))
        return font

    def runs(self, text: str) -> list[tuple[str, Font]]:
        """``text`` cut into runs that one font each draws. Marks and spaces stay with the
        run they follow."""
        lang = language_hint(text)
        out: list[tuple[str, Font]] = []
        for char in text:
            font = self.font_for(char, lang)
            follows = char.isspace() or unicodedata.category(char) in ("Mn", "Me", "Cf")
            if out and (out[-1][1] is font or follows):
                out[-1] = (out[-1][0] + char, out[-1][1])
            else:
                out.append((char, font))
        return out
