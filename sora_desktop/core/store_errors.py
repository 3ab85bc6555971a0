"""SQLite's failures in the library's terms: a damaged file, a read-only or locked folder, a
full disk, each with what to do next (``core.store`` raises these).

    translate(path, sqlite3_error) -> StoreError      # StoreCorruptError for a damaged file
    corrupt(path, exc) / unwritable(path, exc)
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sora_desktop.core.errors import StoreError
from sora_desktop.core.i18n import N_, _

__all__ = ["SQLITE_MAGIC", "StoreCorruptError", "corrupt", "translate", "unwritable"]


class StoreCorruptError(StoreError):
    """The library file is not a database or is damaged."""


SQLITE_MAGIC = b"SQLite format 3\x00"

_READ_ONLY_NEXT = N_(
    "Check that the folder exists and that you may write to it, or choose another "
    "library folder with --data-dir."
)


def corrupt(path: Path, exc: BaseException) -> StoreCorruptError:
    return StoreCorruptError(
        _("The library database {path} is damaged and can't be read ({detail}).").format(
            path=path, detail=exc
        ),
        _(
            "Sora Desktop can move it aside and start an empty library; your video files are "
            "not touched."
        ),
    )


def unwritable(path: Path, exc: BaseException) -> StoreError:
    return StoreError(
        _(
            "The library folder {folder} is read-only or locked, so the library "
            "can't be opened ({detail})."
        ).format(folder=path.parent, detail=exc),
        _(_READ_ONLY_NEXT),
    )


#: SQLite's primary result codes for a damaged file: SQLITE_CORRUPT and SQLITE_NOTADB.
_DAMAGED_CODES = frozenset({11, 26})


def _is_damage(exc: sqlite3.Error) -> bool:
    """True when SQLite says the file is damaged, by its result code, whatever the wording.

    The wording changes between SQLite versions: 3.40 reports damaged FTS pages as
    "database disk image is malformed", 3.45+ (Windows' build, newer Linux ones) as
    "vtable constructor failed: jobs_fts". The (extended) code stays SQLITE_CORRUPT.
    """
    code = getattr(exc, "sqlite_errorcode", None)
    if isinstance(code, int) and code & 0xFF in _DAMAGED_CODES:
        return True
    text = str(exc).lower()
    return isinstance(exc, sqlite3.DatabaseError) and (
        "not a database" in text or "malformed" in text or "corrupt" in text
    )


def translate(path: Path, exc: sqlite3.Error) -> StoreError:
    text = str(exc).lower()
    if _is_damage(exc):
        return corrupt(path, exc)
    if "locked" in text or "busy" in text:
        return StoreError(
            _("The library database {path} is locked by another program ({detail}).").format(
                path=path, detail=exc
            ),
            _("Close other copies of Sora Desktop and try again."),
        )
    if "readonly" in text or "read-only" in text or "unable to open" in text or "i/o" in text:
        return unwritable(path, exc)
    if "disk is full" in text or "full" in text:
        return StoreError(
            _("The disk holding the library {path} is full ({detail}).").format(
                path=path, detail=exc
            ),
            _("Free some space and try again."),
        )
    return StoreError(
        _("The library database {path} failed: {detail}.").format(path=path, detail=exc),
        _(_READ_ONLY_NEXT),
    )
