"""Reading JSON and JSON Lines batch files (:mod:`.source` has the formats and the rows).

A JSON batch is an array of rows, or an object ``{"template": "...", "sweep": {...},
"rows": [...]}``; JSON Lines holds one row a line. A row is an object (its keys are the
columns) or a string (its ``prompt``). The text is walked value by value, so every error
names the line and column where the offending value starts; a key given twice in one
object is refused (as a CSV header naming a column twice is).
"""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

from sora_desktop.core.batch.columns import PROMPT, normalize
from sora_desktop.core.batch.errors import BatchInputError
from sora_desktop.core.batch.source import BatchSource, Format, SourceRow, SweepSpec, no_rows
from sora_desktop.core.i18n import N_, _


class _DuplicateKey(ValueError):
    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


def _pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    seen: set[str] = set()
    for key, value in pairs:
        norm = normalize(key)
        if norm in seen:
            raise _DuplicateKey(key)
        seen.add(norm)
        out[key] = value
    return out


_DECODER = json.JSONDecoder(object_pairs_hook=_pairs)


class _Text:
    """Positions in a text: offset -> (line, column), both 1-based."""

    def __init__(self, text: str, source: str, line_offset: int = 0) -> None:
        self.text = text
        self.source = source
        self.line_offset = line_offset

    def at(self, offset: int) -> tuple[int, int]:
        line = self.text.count("\n", 0, offset) + 1
        column = offset - (self.text.rfind("\n", 0, offset) + 1) + 1
        return line + self.line_offset, column

    def skip(self, offset: int) -> int:
        while offset < len(self.text) and self.text[offset] in " \t\r\n":
            offset += 1
        return offset

    def error(self, offset: int, problem: str, next_step: str) -> BatchInputError:
        line, column = self.at(offset)
        return BatchInputError(problem, next_step, source=self.source, line=line, column=column)

    def value(self, offset: int) -> tuple[Any, int]:
        """The JSON value starting at ``offset`` and where it ends."""
        try:
            return _DECODER.raw_decode(self.text, offset)
        except _DuplicateKey as dup:
            raise self.error(
                offset,
                _("this object has the key {key!r} twice.").format(key=dup.key),
                _("Give each column its own name."),
            ) from None
        except json.JSONDecodeError as exc:
            raise self.error(
                exc.pos,
                _("this is not valid JSON ({detail}).").format(detail=exc.msg),
                _("Check the JSON near this place (quotes, commas, brackets)."),
            ) from None

    def expect(self, offset: int, char: str, what: str) -> int:
        offset = self.skip(offset)
        if self.text[offset : offset + 1] != char:
            raise self.error(
                offset,
                _("expected {what} here.").format(what=what),
                _("Check the JSON near this place (quotes, commas, brackets)."),
            )
        return offset + 1


_JSON_SHAPE = N_(
    'A JSON batch is an array of rows, or an object with "rows" (and optionally '
    '"template" and "sweep").'
)


def parse_json(text: str, source: str, folder: Path | None) -> BatchSource:
    doc = _Text(text, source)
    start = doc.skip(0)
    head = text[start : start + 1]
    template: str | None = None
    template_line: int | None = None
    sweeps: tuple[SweepSpec, ...] = ()
    if head == "[":
        rows, end = _json_array(doc, start)
    elif head == "{":
        rows, template, template_line, sweeps, end = _json_envelope(doc, start)
    else:
        if not text.strip():
            raise no_rows(source)
        doc.value(start)  # a JSON syntax error is named as such
        raise doc.error(start, _("the file holds no array of rows."), _(_JSON_SHAPE))
    rest = doc.skip(end)
    if rest < len(text):
        raise doc.error(
            rest,
            _("there is more after the end of the JSON."),
            _("Keep one JSON document in the file (or use JSON Lines, .jsonl)."),
        )
    return _json_source(rows, "json", source, folder, template, template_line, sweeps)


def _json_array(doc: _Text, start: int) -> tuple[list[tuple[int, int, Any]], int]:
    """The elements of the array at ``start`` with their (line, column), and its end."""
    rows: list[tuple[int, int, Any]] = []
    offset = doc.skip(start + 1)
    if doc.text[offset : offset + 1] == "]":
        return rows, offset + 1
    while True:
        offset = doc.skip(offset)
        line, column = doc.at(offset)
        value, offset = doc.value(offset)
        rows.append((line, column, value))
        offset = doc.skip(offset)
        char = doc.text[offset : offset + 1]
        if char == "]":
            return rows, offset + 1
        if char != ",":
            raise doc.error(
                offset,
                _("expected , or ] here."),
                _("Check the JSON near this place (quotes, commas, brackets)."),
            )
        offset += 1


def _json_envelope(
    doc: _Text, start: int
) -> tuple[list[tuple[int, int, Any]], str | None, int | None, tuple[SweepSpec, ...], int]:
    rows: list[tuple[int, int, Any]] | None = None
    template: str | None = None
    template_line: int | None = None
    sweeps: tuple[SweepSpec, ...] = ()
    seen: set[str] = set()
    offset = doc.skip(start + 1)
    if doc.text[offset : offset + 1] == "}":
        offset += 1
    else:
        while True:
            offset = doc.skip(offset)
            key_at = offset
            key, offset = doc.value(offset)
            if not isinstance(key, str):
                raise doc.error(key_at, _("expected a key in double quotes here."), _(_JSON_SHAPE))
            offset = doc.expect(offset, ":", ":")
            offset = doc.skip(offset)
            value_at = offset
            if key in seen:
                raise doc.error(
                    key_at,
                    _("this object has the key {key!r} twice.").format(key=key),
                    _(_JSON_SHAPE),
                )
            seen.add(key)
            if key == "rows":
                if doc.text[offset : offset + 1] != "[":
                    raise doc.error(offset, _('"rows" must be an array.'), _(_JSON_SHAPE))
                rows, offset = _json_array(doc, offset)
            elif key == "template":
                value, offset = doc.value(offset)
                if not isinstance(value, str):
                    raise doc.error(value_at, _('"template" must be text.'), _(_JSON_SHAPE))
                template, template_line = value, doc.at(value_at)[0]
            elif key == "sweep":
                value, offset = doc.value(offset)
                sweeps = _json_sweeps(doc, value_at, value)
            else:
                raise doc.error(
                    key_at,
                    _("{key!r} is not a key of a batch file.").format(key=key),
                    _(_JSON_SHAPE),
                )
            offset = doc.skip(offset)
            char = doc.text[offset : offset + 1]
            if char == "}":
                offset += 1
                break
            if char != ",":
                raise doc.error(
                    offset,
                    _("expected , or }} here.").format(),
                    _("Check the JSON near this place (quotes, commas, brackets)."),
                )
            offset += 1
    if rows is None:
        raise doc.error(start, _('the object has no "rows".'), _(_JSON_SHAPE))
    return rows, template, template_line, sweeps, offset


def _json_sweeps(doc: _Text, at: int, value: Any) -> tuple[SweepSpec, ...]:
    line, column = doc.at(at)
    shape = _('Write a sweep as {{"seconds": [4, 8], "seed": [1, 2, 3]}}.').format()
    if not isinstance(value, dict):
        raise doc.error(at, _('"sweep" must be an object.'), shape)
    sweeps = []
    for name, values in value.items():
        if not isinstance(values, list) or not values:
            raise doc.error(
                at, _("the sweep {name!r} must be a list of values.").format(name=name), shape
            )
        texts = [_cell(v) for v in values]
        if any(t is None for t in texts):
            raise doc.error(
                at,
                _("the sweep {name!r} holds something that is not text or a number.").format(
                    name=name
                ),
                shape,
            )
        sweeps.append(SweepSpec(str(name), tuple(t for t in texts if t is not None), line, column))
    return tuple(sweeps)


def _cell(value: Any) -> str | None:
    """A JSON value as a cell's text; None for what a cell can't hold."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return None
    if isinstance(value, str):
        return value
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            return None
        return str(int(value)) if value.is_integer() else repr(value)
    return None


def _json_row(
    number: int, line: int, column: int, value: Any, source: str
) -> tuple[SourceRow, dict[str, str]]:
    if isinstance(value, str):
        return SourceRow(number, line, {PROMPT: value}, column=column), {PROMPT: PROMPT}
    if not isinstance(value, dict):
        raise BatchInputError(
            _("a row must be an object or a string."),
            _(_JSON_SHAPE),
            source=source,
            line=line,
            column=column,
        )
    values: dict[str, str] = {}
    headers: dict[str, str] = {}
    for key, raw in value.items():
        norm = normalize(key)
        if not norm:
            raise BatchInputError(
                _("a key of this row is empty."),
                _("Name every column."),
                source=source,
                line=line,
                column=column,
            )
        text = _cell(raw)
        if text is None:
            raise BatchInputError(
                _("the value of {key!r} is not text or a number.").format(key=key),
                _("Give each column text or a number (or null for none)."),
                source=source,
                line=line,
                column=column,
            )
        values[norm] = text
        headers[norm] = key.strip()
    return SourceRow(number, line, values, column=column), headers


def _json_source(
    elements: list[tuple[int, int, Any]],
    format: Format,
    source: str,
    folder: Path | None,
    template: str | None = None,
    template_line: int | None = None,
    sweeps: tuple[SweepSpec, ...] = (),
) -> BatchSource:
    rows: list[SourceRow] = []
    headers: dict[str, str] = {}
    for line, column, value in elements:
        row, names = _json_row(len(rows) + 1, line, column, value, source)
        rows.append(row)
        for key, written in names.items():
            headers.setdefault(key, written)
    if not rows:
        raise no_rows(source)
    return BatchSource(
        source,
        format,
        tuple(rows),
        tuple(headers),
        headers,
        folder,
        template=template,
        template_line=template_line,
        sweeps=sweeps,
    )


def parse_json_lines(text: str, source: str, folder: Path | None) -> BatchSource:
    elements: list[tuple[int, int, Any]] = []
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        doc = _Text(line, source, line_offset=number - 1)
        start = doc.skip(0)
        value, end = doc.value(start)
        if doc.skip(end) < len(line):
            raise doc.error(
                doc.skip(end),
                _("there is more after the row on this line."),
                _("Put one JSON row (an object or a string) on each line."),
            )
        elements.append((number, start + 1, value))
    return _json_source(elements, "jsonl", source, folder)
