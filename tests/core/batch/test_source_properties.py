"""Property tests of the batch parsers (hypothesis): what is written is what is read, and
anything at all is either read or refused with a located BatchInputError, never a crash."""

from __future__ import annotations

import csv
import io
import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sora_desktop.core.batch.columns import normalize
from sora_desktop.core.batch.errors import BatchInputError
from sora_desktop.core.batch.plan import plan_batch
from sora_desktop.core.batch.source import parse_source
from sora_desktop.core.batch.sweep import make_sweep
from sora_desktop.core.batch.template import Placeholder, parse_template

FORMATS = ("csv", "tsv", "text", "json", "jsonl")
FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Cell text: anything but NUL and carriage returns (line breaks are read as "\n" whatever
# they were written as, so "\r" does not round-trip by design).
cell = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00\r"))
name = st.text(
    st.characters(whitelist_categories=("L", "N"), max_codepoint=0x2FFF), min_size=1, max_size=12
)


@st.composite
def table(draw: st.DrawFn) -> tuple[list[str], list[list[str]]]:
    headers = draw(st.lists(name, min_size=1, max_size=5, unique_by=normalize))
    rows = draw(
        st.lists(
            st.lists(cell, min_size=len(headers), max_size=len(headers)).filter(
                lambda r: any(v.strip() for v in r)  # an all-blank line is skipped by design
            ),
            min_size=1,
            max_size=8,
        )
    )
    return headers, rows


@FAST
@given(table(), st.sampled_from([",", "\t"]))
def test_a_written_csv_or_tsv_reads_back_the_same(
    data: tuple[list[str], list[list[str]]], delimiter: str
) -> None:
    headers, rows = data
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\n")
    writer.writerow(headers)
    writer.writerows(rows)
    fmt = "csv" if delimiter == "," else "tsv"
    source = parse_source(out.getvalue().encode(), fmt, name="t")
    keys = [normalize(h) for h in headers]
    assert source.columns == tuple(keys)
    assert [dict(r.values) for r in source.rows] == [
        dict(zip(keys, row, strict=True)) for row in rows
    ]
    # each row starts on the line after the lines of the rows before it
    line = 2
    for read, row in zip(source.rows, rows, strict=True):
        assert read.line == line
        line += 1 + sum(v.count("\n") for v in row)


@FAST
@given(st.lists(cell, min_size=1, max_size=12))
def test_text_reads_every_non_blank_line_as_a_prompt(lines: list[str]) -> None:
    lines = [line.replace("\n", " ") for line in lines]
    text = "\n".join(lines)
    expected = [(n, line.strip()) for n, line in enumerate(lines, start=1) if line.strip()]
    if not expected:
        try:
            parse_source(text.encode(), "text", name="t")
        except BatchInputError as err:
            assert "no rows" in err.message
            return
        raise AssertionError("an empty file was read")
    source = parse_source(text.encode(), "text", name="t")
    assert [(r.line, r.values["prompt"]) for r in source.rows] == expected


json_value = st.one_of(cell, st.integers(-(10**12), 10**12), st.none())


@FAST
@given(
    st.lists(
        st.one_of(cell, st.dictionaries(name, json_value, min_size=1, max_size=4)),
        min_size=1,
        max_size=8,
    ).filter(
        lambda rows: all(
            not isinstance(r, dict) or len({normalize(k) for k in r}) == len(r) for r in rows
        )
    ),
    st.booleans(),
)
def test_json_and_json_lines_read_back_each_row_where_it_starts(
    rows: list[object], lines: bool
) -> None:
    if lines:
        text = "\n".join(json.dumps(r) for r in rows)
        starts = [(n, 1) for n in range(1, len(rows) + 1)]
    else:
        text = "[\n" + ",\n".join("  " + json.dumps(r) for r in rows) + "\n]"
        starts = [(n, 3) for n in range(2, len(rows) + 2)]
    source = parse_source(text.encode(), "jsonl" if lines else "json", name="t")
    assert [(r.line, r.column) for r in source.rows] == starts
    for read, row in zip(source.rows, rows, strict=True):
        if isinstance(row, str):
            assert read.values == {"prompt": row}
        else:
            assert isinstance(row, dict)
            assert read.values == {
                normalize(k): "" if v is None else str(v) for k, v in row.items()
            }


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=400), st.sampled_from(FORMATS))
def test_any_bytes_are_read_or_refused_with_a_location(data: bytes, fmt: str) -> None:
    try:
        source = parse_source(data, fmt, name="any")  # type: ignore[arg-type]
    except BatchInputError as err:
        assert err.source == "any" and err.message.startswith("any")
        assert err.line is None or err.line >= 1
        assert err.column is None or err.column >= 1
        return
    assert source.rows and all(r.line >= 1 for r in source.rows)


@FAST
@given(st.text(st.characters(blacklist_categories=("Cs",)), max_size=60), st.integers(0, 60))
def test_a_byte_that_is_not_utf8_is_found_where_it_is(text: str, at: int) -> None:
    at = min(at, len(text))
    data = text[:at].encode() + b"\xff" + text[at:].encode()
    # lines as an editor counts them: \r\n, \r and \n each end one
    head = text[:at].replace("\r\n", "\n").replace("\r", "\n")
    try:
        parse_source(data, "text", name="x")
    except BatchInputError as err:
        assert err.line == head.count("\n") + 1
        assert err.column == len(head) - (head.rfind("\n") + 1) + 1
        assert "0xFF" in err.message
        return
    raise AssertionError("a file with a 0xFF byte was read")


literal = st.text(st.characters(blacklist_characters="{}", blacklist_categories=("Cs",)))


@FAST
@given(st.lists(st.one_of(literal, name.map(lambda n: "{" + n + "}")), max_size=6))
def test_a_template_fills_each_placeholder_with_its_column(pieces: list[str]) -> None:
    template = parse_template("".join(pieces), source="t")
    values = {p.name: f"<{p.name}>" for p in template.placeholders}
    expected = "".join(
        f"<{normalize(p[1:-1])}>" if p.startswith("{") and p.endswith("}") else p for p in pieces
    )
    assert template.fill(values) == expected
    assert all(isinstance(p, Placeholder) for p in template.placeholders)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=40))
def test_any_template_is_parsed_or_refused_at_a_brace(text: str) -> None:
    try:
        template = parse_template(text, source="the template")
    except BatchInputError as err:
        assert err.column is not None and 1 <= err.column <= len(text)
        assert text[err.column - 1] in "{}"
        return
    if "{" not in text and "}" not in text:
        assert template.placeholders == () and template.fill({}) == text


@FAST
@given(
    st.integers(1, 6),
    st.lists(st.sampled_from(["4", "8", "12"]), min_size=1, max_size=3, unique=True),
    st.lists(st.integers(0, 9).map(str), min_size=1, max_size=4, unique=True),
)
def test_a_plan_is_rows_times_sweeps_in_order_with_unique_labels(
    rows: int, seconds: list[str], seeds: list[str]
) -> None:
    text = "".join(f"idea {n}\n" for n in range(1, rows + 1)).encode()
    source = parse_source(text, "text", name="t")
    sweeps = [make_sweep("seconds", seconds, source="s"), make_sweep("seed", seeds, source="s")]
    plan = plan_batch(source, sweeps=sweeps, confirm_above=None)
    assert len(plan.jobs) == rows * len(seconds) * len(seeds)
    assert [j.index for j in plan.jobs] == list(range(1, len(plan.jobs) + 1))
    assert len({j.label for j in plan.jobs}) == len(plan.jobs)
    expected = [(n, int(s), int(d)) for n in range(1, rows + 1) for s in seconds for d in seeds]
    assert [(j.row, j.seconds, j.seed) for j in plan.jobs] == expected
    assert plan_batch(source, sweeps=sweeps, confirm_above=None) == plan  # deterministic
