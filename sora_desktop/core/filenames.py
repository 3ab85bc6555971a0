"""File and folder names made from a creator's text or a server's data, valid everywhere.

Every name the app derives (an export named after its prompt, a stitched film, a storyboard
file, a timeline and its clips, a saved frame, a library clip named after its job id, a
partial download named after the server's id) goes through this module, so it is valid on
Windows, macOS and Linux whichever of them made it:

- :func:`sanitize_filename`: any text as a readable name (Chinese stays Chinese): no
  ``<>:"/\\|?*``, control or invisible characters, no leading dot, no trailing dot or space,
  never a device name Windows keeps (``CON``, ``nul.mp4``, ``COM1``...), capped in the
  unit the file system counts: UTF-16 units on Windows (NTFS), UTF-8 bytes elsewhere
  (and within 220 bytes everywhere, so a name made on Windows fits a Linux share).
- :func:`safe_file_stem`: an id of any shape (a server's, a storyboard file's) as a plain
  ASCII stem; ids that differ only in case, or not at all once made safe, get different
  stems (Windows and macOS compare names without case).
- :func:`free_path` (:func:`free_names`): a name in a folder that takes no one's file:
  ``name (2).mp4`` as the OS does; a name another differs from only in case or Unicode
  form counts as taken.
- :func:`name_problem` / :func:`check_new_path`: what is wrong with a name the creator gave
  (``--out con.png`` on Windows), in the creator's terms, before anything is written.
"""

from __future__ import annotations

import hashlib
import os
import re
import unicodedata
from collections.abc import Callable, Iterator
from pathlib import Path

from sora_desktop.core.errors import InvalidRequestError
from sora_desktop.core.i18n import _

__all__ = [
    "DEFAULT_NAME_LEN",
    "IS_WINDOWS",
    "MAX_NAME_LEN",
    "PORTABLE_BYTES",
    "check_new_path",
    "free_names",
    "free_path",
    "is_reserved",
    "name_candidates",
    "name_length",
    "name_problem",
    "safe_file_stem",
    "sanitize_filename",
    "split_ext",
]

IS_WINDOWS = os.name == "nt"
#: The longest name a file system takes: NTFS 255 UTF-16 units, ext4/APFS 255 bytes.
MAX_NAME_LEN = 255
#: A derived name's cap: room for " (2)", ".json" and the like under MAX_NAME_LEN.
DEFAULT_NAME_LEN = 150
#: Whatever the OS, a derived name stays within this many UTF-8 bytes, so one made on
#: Windows (which counts UTF-16 units: 150 Chinese characters are 450 bytes) still fits a
#: volume that counts bytes (a Linux-backed network share, a disk read on Linux or macOS)
#: with room for " (99)", ".json" and an atomic writer's ``.NAME.1a2b3c4d.tmp``.
PORTABLE_BYTES = 220
_FALLBACK = "video"
_FORBIDDEN = frozenset('<>:"/\\|?*')
#: Windows' device names, also with an extension ("con.mp4") and in any case; the
#: superscript digits count too (Windows takes them as COM1..3).
_RESERVED = frozenset(
    {
        "CON",
        "PRN",
        "AUX",
        "NUL",
        "CONIN$",
        "CONOUT$",
        *(f"COM{c}" for c in "0123456789¹²³"),
        *(f"LPT{c}" for c in "0123456789¹²³"),
    }
)
_STEM_CHARS = re.compile(r"[^a-z0-9._-]")


def _on_windows(windows: bool | None) -> bool:
    """``windows``, or whether this is Windows (read at each call: tests play Windows)."""
    return IS_WINDOWS if windows is None else windows


def name_length(name: str, *, windows: bool | None = None) -> int:
    """How long ``name`` is for the file system: UTF-16 units on Windows, else UTF-8 bytes."""
    if _on_windows(windows):
        return len(name.encode("utf-16-le", "surrogatepass")) // 2
    return len(name.encode("utf-8", "surrogatepass"))


def is_reserved(name: str) -> bool:
    """Whether Windows takes ``name`` for a device (``CON``, ``nul.txt``, ``Com1 .mp4``)."""
    stem = name.split(".", 1)[0].rstrip(" ").upper()
    return stem in _RESERVED


def _clean_chars(name: str) -> str:
    out = []
    for ch in unicodedata.normalize("NFC", name):
        cat = unicodedata.category(ch)
        if ch in _FORBIDDEN:
            out.append("_")
        elif cat in ("Cc", "Zl", "Zp") or ch.isspace():
            out.append(" ")
        elif cat in ("Cf", "Cs", "Cn", "Co"):
            continue  # invisible format chars (bidi overrides), lone surrogates, unassigned
        else:
            out.append(ch)
    text = re.sub(r"\s+", " ", "".join(out))
    return re.sub(r"\.{2,}", ".", text)


def _strip_ends(text: str) -> str:
    return text.strip(" .").strip()


def _trim(text: str, limit: int, windows: bool) -> str:
    """The longest start of ``text`` that is at most ``limit`` long (whole characters)."""
    if name_length(text, windows=windows) <= limit:
        return text
    if windows:
        data = text.encode("utf-16-le")[: max(0, limit) * 2]
        return data.decode("utf-16-le", errors="ignore")  # drops half a surrogate pair
    return text.encode("utf-8")[: max(0, limit)].decode("utf-8", errors="ignore")


def split_ext(name: str) -> tuple[str, str]:
    """``("clip", ".mp4")``: a short ASCII extension apart, else ``(name, "")``."""
    stem, dot, ext = name.rpartition(".")
    if dot and stem and 0 < len(ext) <= 10 and ext.isascii() and ext.isalnum():
        return stem, "." + ext
    return name, ""


def sanitize_filename(
    name: str, max_len: int = DEFAULT_NAME_LEN, *, windows: bool | None = None
) -> str:
    """A file name valid on Windows, macOS and Linux, at most ``max_len`` long.

    ``max_len`` counts what the file system counts (:func:`name_length`): UTF-16 units on
    Windows, UTF-8 bytes elsewhere; never more than :data:`PORTABLE_BYTES` UTF-8 bytes
    either way. No path separators or ``<>:"/\\|?*``, no control or
    invisible characters, no ``..``, no leading dot, no trailing dot or space, never a
    reserved Windows device name (``CON``, ``NUL.txt``, ``COM1``...: ``_`` is put before
    it), whitespace collapsed, NFC, never empty (``video``). A short extension is kept when
    the name has to be shortened.
    """
    if max_len < 16:
        raise ValueError("max_len must be at least 16")
    windows = _on_windows(windows)
    cleaned = _clean_chars(name)
    text = _strip_ends(cleaned)
    stem, ext = split_ext(text)
    only_ext = split_ext(_FALLBACK + cleaned.strip())
    if only_ext[0] == _FALLBACK:  # nothing but an extension (".mp4"): keep it, name it video
        stem, ext = _FALLBACK, only_ext[1]
    stem = _strip_ends(stem)
    if not stem:
        stem = _FALLBACK
    if is_reserved(stem):
        stem = "_" + stem
    room = max_len - name_length(ext, windows=windows)
    stem = _trim(stem, room, windows)
    stem = _trim(stem, PORTABLE_BYTES - len(ext.encode("utf-8")), windows=False)
    return (_strip_ends(stem) or _FALLBACK) + ext


def safe_file_stem(key: str, max_len: int = 100) -> str:
    """A file name stem for an id of any shape (gateways use URLs, UUIDs, ...): the id
    itself when it is plain lower-case ASCII (``video_68d7...``, a uuid's hex), else what
    is left of it plus a digest of the whole id, so two ids never share a file: not when
    they differ only in what was replaced, nor only in case (``AbC``/``abc`` are one name
    on Windows and macOS). Never a reserved device name."""
    stem = _STEM_CHARS.sub("_", key).strip("._")[:max_len]
    if stem != key or not stem or is_reserved(stem):
        digest = hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()[:10]
        stem = _STEM_CHARS.sub("_", key.lower()).strip("._")[: max_len - 11]
        stem = f"{stem}_{digest}" if stem else digest
    return stem


def _fold(name: str) -> str:
    """How a case-insensitive file system compares names (NTFS, APFS, HFS+)."""
    return unicodedata.normalize("NFC", name).casefold()


def name_candidates(folder: Path, name: str) -> Iterator[Path]:
    """``name``, then ``name (2)``, ``name (3)``... in ``folder`` (the extension kept)."""
    stem, ext = split_ext(name)
    yield folder / name
    n = 2
    while True:
        yield folder / f"{stem} ({n}){ext}"
        n += 1


def free_names(
    folder: Path, name: str, *, also: Callable[[Path], Path] | None = None
) -> Iterator[Path]:
    """The :func:`name_candidates` that take no one's file in ``folder`` as it was listed
    once: no entry there has the same name up to case and Unicode form (a folder synced to
    Windows or a Mac would merge them). ``also(path)``: a path that must be free with it
    (an export's sidecar). Racing writers still need an exclusive create on each: one that
    fails moves on to the next."""
    try:
        taken = {_fold(entry.name) for entry in os.scandir(folder)}
    except (FileNotFoundError, NotADirectoryError):
        taken = set()
    for path in name_candidates(folder, name):
        if _fold(path.name) in taken or (also is not None and _fold(also(path).name) in taken):
            continue
        yield path


def free_path(folder: Path, name: str, *, also: Callable[[Path], Path] | None = None) -> Path:
    """The first of :func:`free_names`: ``name``, else ``name (2)``, ``name (3)``..."""
    return next(free_names(folder, name, also=also))


def name_problem(name: str, *, windows: bool | None = None) -> str | None:
    """What makes ``name`` (one file or folder name the creator typed) unusable here, in
    words for a sentence "… can't be used: {problem}"; None when it is fine."""
    windows = _on_windows(windows)
    if name_length(name, windows=windows) > MAX_NAME_LEN:
        if windows:
            return _("it is longer than the {limit} characters a file name may have").format(
                limit=MAX_NAME_LEN
            )
        return _(
            "it is longer than the {limit} bytes a file name may have (a Chinese character takes 3)"
        ).format(limit=MAX_NAME_LEN)
    if not windows:
        return None
    bad = sorted({ch for ch in name if ch in _FORBIDDEN or ord(ch) < 32})
    if bad:
        shown = " ".join(ch if ord(ch) >= 32 else f"U+{ord(ch):04X}" for ch in bad)
        return _("Windows does not allow {chars} in a file name").format(chars=shown)
    if name.endswith((".", " ")) and name not in (".", ".."):
        return _("Windows drops a dot or space at the end of a name")
    if is_reserved(name):
        return _("Windows keeps {name} for a device").format(
            name=name.split(".", 1)[0].rstrip(" ").upper()
        )
    return None


def check_new_path(path: Path, *, param: str = "out", windows: bool | None = None) -> Path:
    """``path`` when every part of it that does not exist yet has a usable name; else
    InvalidRequestError naming the part and why (``param``: the option that gave it)."""
    path = Path(path)
    windows = _on_windows(windows)
    part = path
    # a device name "exists" in every folder on Windows (nul.json is NUL): never taken as there
    while part.name and not (os.path.lexists(part) and not (windows and is_reserved(part.name))):
        problem = name_problem(part.name, windows=windows)
        if problem is not None:
            raise InvalidRequestError(
                _("The name {name!r} can't be used: {problem}.").format(
                    name=part.name, problem=problem
                ),
                _("Choose another name."),
                param=param,
            )
        part = part.parent
    return path
