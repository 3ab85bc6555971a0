"""Reading a batch file: CSV, TSV, plain text, JSON or JSON Lines, UTF-8 only.

- **CSV / TSV** (``.csv``; ``.tsv``, ``.tab``): the first non-blank line names the columns;
  every other non-blank line is a row with exactly as many values (quoted values may hold
  the delimiter and line breaks, ``""`` is a quote).
- **Plain text** (``.txt`` and anything else): one prompt a line; blank lines are skipped.
  Each line is the row's ``prompt``.
- **JSON** (``.json``): an array of rows, or an object ``{"template": "...", "sweep":
  {"seconds": [4, 8]}, "rows": [...]}``. A row is an object (its keys are the columns; values
  are text, numbers or null) or a string (its ``prompt``).
- **JSON Lines** (``.jsonl``, ``.ndjson``): one row (object or string) a line.

Column names are compared as :func:`.columns.normalize` says; two columns of one name are
refused, as is a file that is not UTF-8 (a UTF-8 byte-order mark is fine). Every error
names the file, the line and, where it has one, the column (:class:`.errors.BatchInputError`);
nothing is read further and nothing is sent.
"""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from sora_desktop.core.batch.columns import PROMPT, normalize
from sora_desktop.core.batch.errors import BatchInputError
from sora_desktop.core.i18n import _

Format = Literal["csv", "tsv", "text", "json", "jsonl"]

#: The largest batch file read (a night's work is a few thousand lines).
MAX_FILE_BYTES = 20 * 1024 * 1024

_EXTENSIONS: dict[str, Format] = {
    ".csv": "csv",
    ".tsv": "tsv",
    ".tab": "tsv",
    ".json": "json",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
}


@dataclass(frozen=True, slots=True)
class SourceRow:
    """One row of a batch file."""

    number: int  # 1-based among the file's rows (the header is not a row)
    line: int  # the line it starts on
    values: Mapping[str, str]  # normalized column -> text ("" for an empty cell)
    #: normalized column -> its 1-based column (CSV/TSV); JSON rows have ``column`` instead
    columns: Mapping[str, int] = field(default_factory=dict)
    column: int | None = None  # where a JSON row starts on its line

    def column_of(self, name: str) -> int | None:
        return self.columns.get(name, self.column)


@dataclass(frozen=True, slots=True)
class SweepSpec:
    """A sweep written in a JSON batch file (``"sweep": {"seed": [1, 2]}``)."""

    name: str
    values: tuple[str, ...]
    line: int
    column: int


@dataclass(frozen=True, slots=True)
class BatchSource:
    """What a batch file holds. ``name`` is how errors and labels name it."""

    name: str
    format: Format
    rows: tuple[SourceRow, ...]
    #: every column (normalized), in the order first seen
    columns: tuple[str, ...] = ()
    #: normalized column -> the name as written in the file
    headers: Mapping[str, str] = field(default_factory=dict)
    folder: Path | None = None  # relative image paths start here
    header_line: int | None = None  # CSV/TSV: the line naming the columns
    template: str | None = None  # a JSON file's own template
    template_line: int | None = None
    sweeps: tuple[SweepSpec, ...] = ()


def format_for(path: Path) -> Format:
    """The format a file's extension says (plain text when it says nothing known)."""
    return _EXTENSIONS.get(path.suffix.lower(), "text")


def _unreadable(exc: OSError, shown: str) -> BatchInputError:
    return BatchInputError(
        _("the file can't be read ({detail}).").format(detail=exc.strerror or exc),
        _("Check that the file exists and that you may read it."),
        source=shown,
    )


def read_source(
    path: Path, format: Format | None = None, *, name: str | None = None
) -> BatchSource:
    """Read and parse a batch file. Raises :class:`BatchInputError` (or
    :class:`~sora_desktop.core.errors.DiskError`-free: a file that can't be opened is a
    :class:`BatchInputError` too, naming it)."""
    shown = name or str(path)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise BatchInputError(
                _("the file is {mb:.0f} MB; a batch file may have at most {limit} MB.").format(
                    mb=size / 1e6, limit=MAX_FILE_BYTES // 1_000_000
                ),
                _("Split it into several batches."),
                source=shown,
            )
        data = path.read_bytes()
    except (IsADirectoryError, PermissionError) as exc:
        # opening a folder is PermissionError on Windows, IsADirectoryError elsewhere
        if not isinstance(exc, IsADirectoryError) and not path.is_dir():
            raise _unreadable(exc, shown) from None
        raise BatchInputError(
            _("this is a folder, not a file."),
            _("Give a CSV, TSV, text or JSON file."),
            source=shown,
        ) from None
    except FileNotFoundError:
        raise BatchInputError(
            _("there is no such file."), _("Check the file's name and folder."), source=shown
        ) from None
    except OSError as exc:
        raise _unreadable(exc, shown) from None
    return parse_source(data, format or format_for(path), name=shown, folder=path.resolve().parent)


def parse_source(
    data: bytes, format: Format, *, name: str, folder: Path | None = None
) -> BatchSource:
    """Parse the bytes of a batch file (see the module)."""
    # one kind of line break, so every format counts lines as an editor does
    text = decode_utf8(data, name).replace("\r\n", "\n").replace("\r", "\n")
    if format in ("csv", "tsv"):
        return _parse_delimited(text, "," if format == "csv" else "\t", format, name, folder)
    if format in ("json", "jsonl"):
        from sora_desktop.core.batch.jsonsource import (  # it reads this module's rows
            parse_json,
            parse_json_lines,
        )

        return (parse_json if format == "json" else parse_json_lines)(text, name, folder)
    return _parse_text(text, name, folder)


# -- encoding ---------------------------------------------------------------------------


def decode_utf8(data: bytes, source: str) -> str:
    """``data`` as text; :class:`BatchInputError` naming the line, column and byte of the
    first thing that is not UTF-8 (or saying the file is UTF-16)."""
    save_as = _(
        "Save the file as UTF-8 (in Excel: \u201cCSV UTF-8\u201d; in a text editor: "
        "encoding UTF-8) and try again."
    )
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise BatchInputError(
            _("the file is UTF-16 text, not UTF-8."), save_as, source=source, line=1
        )
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = data[: exc.start].replace(b"\r\n", b"\n").replace(b"\r", b"\n")
        line = before.count(b"\n") + 1
        column = len(before[before.rfind(b"\n") + 1 :].decode("utf-8", errors="replace")) + 1
        raise BatchInputError(
            _(
                "the file is not UTF-8 text: byte 0x{byte:02X} (byte {offset} of the file) "
                "is not UTF-8."
            ).format(byte=data[exc.start], offset=exc.start + 1),
            save_as,
            source=source,
            line=line,
            column=column,
        ) from None


# -- CSV and TSV ------------------------------------------------------------------------


def _records(text: str, delimiter: str, source: str) -> Iterator[tuple[int, list[str]]]:
    """(first line, fields) of every record; blank lines are skipped."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    last_line = 0
    while True:
        start = last_line + 1
        try:
            fields = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            raw = _record_text(text, start)
            raise BatchInputError(
                _("this row is not valid {kind} ({detail}).").format(
                    kind="TSV" if delimiter == "\t" else "CSV", detail=exc
                ),
                _(
                    "Check the quotes on this line: a value with a quote, delimiter or line "
                    'break is written in double quotes, with "" for a quote inside it.'
                ),
                source=source,
                line=start,
                column=_field_at_fault(raw, delimiter),
            ) from None
        last_line = reader.line_num
        # skip lines that hold nothing (a CSV's blank line is one empty field)
        if any(f.strip() for f in fields):
            yield start, fields


def _record_text(text: str, line: int) -> str:
    return "\n".join(text.split("\n")[line - 1 :])


def _field_at_fault(raw: str, delimiter: str) -> int:
    """The 1-based field where a CSV record's quoting goes wrong (best effort)."""
    field_no, quoted, at_start, closed = 1, False, True, False
    opened_at = 1
    for char in raw:
        if quoted:
            if char == '"':
                quoted, closed = False, True
            continue
        if char == delimiter:
            field_no, at_start, closed = field_no + 1, True, False
        elif char in "\r\n":
            return field_no
        elif char == '"' and at_start:
            quoted, opened_at = True, field_no
        elif closed or char == '"':
            return field_no
        else:
            at_start = False
    return opened_at if quoted else field_no


def _header(fields: list[str], line: int, source: str) -> tuple[list[str], dict[str, str]]:
    names: list[str] = []
    headers: dict[str, str] = {}
    seen: dict[str, int] = {}
    for number, written in enumerate(fields, start=1):
        key = normalize(written)
        if not key:
            raise BatchInputError(
                _("column {column} of the header has no name.").format(column=number),
                _("Name every column in the first line, or remove the empty one."),
                source=source,
                line=line,
                column=number,
            )
        if key in seen:
            raise BatchInputError(
                _("the header names {name!r} twice (columns {first} and {second}).").format(
                    name=written.strip(), first=seen[key], second=number
                ),
                _("Give each column its own name."),
                source=source,
                line=line,
                column=number,
            )
        seen[key] = number
        names.append(key)
        headers[key] = written.strip()
    return names, headers


def _parse_delimited(
    text: str, delimiter: str, format: Format, source: str, folder: Path | None
) -> BatchSource:
    records = _records(text, delimiter, source)
    first = next(records, None)
    if first is None:
        raise no_rows(source)
    header_line, header_fields = first
    names, headers = _header(header_fields, header_line, source)
    positions = {name: i + 1 for i, name in enumerate(names)}
    rows: list[SourceRow] = []
    for line, fields in records:
        if len(fields) != len(names):
            raise _wrong_width(fields, names, headers, line, source)
        values = {name: value for name, value in zip(names, fields, strict=True)}
        rows.append(SourceRow(len(rows) + 1, line, values, positions))
    if not rows:
        raise no_rows(source)
    return BatchSource(
        source, format, tuple(rows), tuple(names), headers, folder, header_line=header_line
    )


def _wrong_width(
    fields: list[str], names: list[str], headers: Mapping[str, str], line: int, source: str
) -> BatchInputError:
    if len(fields) > len(names):
        return BatchInputError(
            _("this row has {count} values, but the header names {columns} columns.").format(
                count=len(fields), columns=len(names)
            ),
            _("Remove the extra values, or put a value holding the delimiter in double quotes."),
            source=source,
            line=line,
            column=len(names) + 1,
        )
    missing = ", ".join(headers[n] for n in names[len(fields) :])
    return BatchInputError(
        _(
            "this row has {count} values, but the header names {columns} columns "
            "(missing: {missing})."
        ).format(count=len(fields), columns=len(names), missing=missing),
        _("Give every row a value for each column (an empty one is fine: two delimiters)."),
        source=source,
        line=line,
        column=len(fields) + 1,
    )


def no_rows(source: str) -> BatchInputError:
    return BatchInputError(
        _("the file has no rows."),
        _("Put one prompt on each line, or a header line and then one row per job."),
        source=source,
    )


# -- plain text -------------------------------------------------------------------------


def _parse_text(text: str, source: str, folder: Path | None) -> BatchSource:
    rows = [
        SourceRow(0, number, {PROMPT: line.strip()})
        for number, line in enumerate(text.split("\n"), start=1)
        if line.strip()
    ]
    if not rows:
        raise no_rows(source)
    numbered = tuple(SourceRow(i, row.line, row.values) for i, row in enumerate(rows, start=1))
    return BatchSource(source, "text", numbered, (PROMPT,), {PROMPT: PROMPT}, folder)
