"""Reading batch files: every format, and every bad input named by file, line and column."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from sora_desktop.core.batch.errors import BatchInputError
from sora_desktop.core.batch.source import format_for, parse_source, read_source


def fails(data: bytes, fmt: str, name: str = "prompts") -> BatchInputError:
    with pytest.raises(BatchInputError) as caught:
        parse_source(data, fmt, name=name)  # type: ignore[arg-type]
    return caught.value


# -- CSV and TSV ------------------------------------------------------------------------


def test_csv_rows_keep_their_numbers_lines_and_columns() -> None:
    data = (
        b"Animal, Place ,Camera-Move\n"
        b"fox,snow,dolly in\n"
        b"\n"
        b'"owl, grey","night\nforest",""\n'
        b"heron,river,pan\n"
    )
    source = parse_source(data, "csv", name="p.csv")
    assert source.columns == ("animal", "place", "camera_move")
    assert source.headers["camera_move"] == "Camera-Move"
    assert source.header_line == 1
    assert [(r.number, r.line) for r in source.rows] == [(1, 2), (2, 4), (3, 6)]
    assert source.rows[1].values == {
        "animal": "owl, grey",
        "place": "night\nforest",
        "camera_move": "",
    }
    assert source.rows[2].column_of("place") == 2


def test_tsv_and_a_utf8_byte_order_mark() -> None:
    data = codecs.BOM_UTF8 + "prompt\tseed\n一只狐狸在雪中\t3\n".encode()
    source = parse_source(data, "tsv", name="p.tsv")
    assert source.rows[0].values == {"prompt": "一只狐狸在雪中", "seed": "3"}


def test_windows_and_old_mac_line_breaks_count_lines_alike() -> None:
    for brk in (b"\r\n", b"\r"):
        source = parse_source(brk.join([b"prompt", b"a", b"", b"b"]) + brk, "csv", name="p")
        assert [(r.line, r.values["prompt"]) for r in source.rows] == [(2, "a"), (4, "b")]


def test_a_duplicate_header_names_both_columns() -> None:
    err = fails(b"prompt,Model,seed,model\nx,a,1,b\n", "csv", "p.csv")
    assert (err.line, err.column) == (1, 4)
    assert err.message.startswith("p.csv, line 1, column 4:")
    assert "'model' twice (columns 2 and 4)" in err.message
    assert err.param == "batch"


def test_a_header_without_a_name() -> None:
    err = fails(b"prompt,,seed\nx,y,1\n", "csv")
    assert (err.line, err.column) == (1, 2)
    assert "no name" in err.message


def test_a_row_with_too_many_values_points_at_the_first_extra() -> None:
    err = fails(b"prompt,seed\nx,1\ny,2,3\n", "csv", "p.csv")
    assert (err.line, err.column) == (3, 3)
    assert "3 values" in err.message and "2 columns" in err.message


def test_a_row_with_too_few_values_names_what_is_missing() -> None:
    err = fails(b"prompt,Seed,Model\nx\n", "csv")
    assert (err.line, err.column) == (2, 2)
    assert "missing: Seed, Model" in err.message


def test_bad_quoting_names_its_line_and_field() -> None:
    err = fails(b'prompt,seed\nx,1\n"a" b,2\n', "csv")
    assert (err.line, err.column) == (3, 1)
    assert "not valid CSV" in err.message
    err = fails(b'prompt,seed\nx,1\ny,"2\n', "csv")  # a quote never closed
    assert (err.line, err.column) == (3, 2)


def test_a_file_with_only_a_header_or_nothing_has_no_rows() -> None:
    for data in (b"prompt\n", b"", b"\n\n  \n"):
        assert "no rows" in fails(data, "csv").message


# -- encodings ---------------------------------------------------------------------------


def test_latin1_text_is_refused_naming_the_byte_line_and_column() -> None:
    data = "prompt\ncafé au lait\nthé\n".encode("latin-1")
    err = fails(data, "csv", "menu.csv")
    assert (err.line, err.column) == (2, 4)
    assert "not UTF-8" in err.message and "0xE9" in err.message
    assert "UTF-8" in err.next_step


def test_the_column_of_a_bad_byte_counts_characters_not_bytes() -> None:
    data = "prompt\n狐狸".encode() + b"\xff\n"
    err = fails(data, "text")
    assert (err.line, err.column) == (2, 3)


def test_utf16_says_so() -> None:
    data = "prompt\nfox\n".encode("utf-16")
    err = fails(data, "csv", "p.csv")
    assert "UTF-16" in err.message and err.line == 1


# -- plain text --------------------------------------------------------------------------


def test_text_is_one_prompt_a_line() -> None:
    source = parse_source(b"  a fox in snow \n\n# not a comment\nan owl\n", "text", name="t")
    assert [(r.number, r.line, r.values) for r in source.rows] == [
        (1, 1, {"prompt": "a fox in snow"}),
        (2, 3, {"prompt": "# not a comment"}),
        (3, 4, {"prompt": "an owl"}),
    ]


# -- JSON and JSON Lines ----------------------------------------------------------------


def test_json_rows_know_the_line_and_column_they_start_on() -> None:
    data = (
        b'[\n  {"Prompt": "a fox", "seed": 3, "seconds": 8.0},\n  "an owl",\n  {"prompt": null}\n]'
    )
    source = parse_source(data, "json", name="b.json")
    assert [(r.line, r.column) for r in source.rows] == [(2, 3), (3, 3), (4, 3)]
    assert source.rows[0].values == {"prompt": "a fox", "seed": "3", "seconds": "8"}
    assert source.rows[1].values == {"prompt": "an owl"}
    assert source.rows[2].values == {"prompt": ""}


def test_a_json_envelope_brings_its_template_and_sweeps() -> None:
    data = (
        b'{\n "template": "a {animal} at dusk",\n "sweep": {"seconds": [4, 8]},\n'
        b' "rows": [{"animal": "fox"}]\n}'
    )
    source = parse_source(data, "json", name="b.json")
    assert source.template == "a {animal} at dusk" and source.template_line == 2
    assert [(s.name, s.values, s.line) for s in source.sweeps] == [("seconds", ("4", "8"), 3)]


@pytest.mark.parametrize(
    ("data", "line", "column", "words"),
    [
        (b'[{"prompt": "x"},\n {"prompt": "y" "seed": 1}]', 2, 17, "not valid JSON"),
        (b'[{"prompt": "x"},\n {"prompt": "y", "Prompt": "z"}]', 2, 2, "key 'Prompt' twice"),
        (b'[{"prompt": "x"},\n {"prompt": ["y"]}]', 2, 2, "not text or a number"),
        (b'[{"prompt": "x"},\n {"prompt": true}]', 2, 2, "not text or a number"),
        (b'[{"prompt": "x"},\n 42]', 2, 2, "object or a string"),
        (b'{"rows": [], "colour": 1}', 1, 14, "not a key"),
        (b'{"template": "x"}', 1, 1, 'no "rows"'),
        (b'[{"prompt": "x"}] []', 1, 19, "more after"),
        (b'"just a string"', 1, 1, "no array of rows"),
        (b'{"rows": [{"prompt": "x"}], "sweep": {"seed": []}}', 1, 38, "list of values"),
    ],
)
def test_bad_json_is_named_by_line_and_column(
    data: bytes, line: int, column: int, words: str
) -> None:
    err = fails(data, "json", "b.json")
    assert (err.line, err.column) == (line, column), err.message
    assert words in err.message


def test_json_lines_count_their_own_lines() -> None:
    data = b'{"prompt": "a"}\n\n"b"\n{"prompt": "c", "seed": 2}\n'
    source = parse_source(data, "jsonl", name="b.jsonl")
    assert [(r.number, r.line) for r in source.rows] == [(1, 1), (2, 3), (3, 4)]
    err = fails(b'{"prompt": "a"}\n  {"prompt": "b",}\n', "jsonl", "b.jsonl")
    assert (err.line, err.column) == (2, 18)
    err = fails(b'{"prompt": "a"} {"prompt": "b"}\n', "jsonl", "b.jsonl")
    assert (err.line, err.column) == (1, 17)


# -- files --------------------------------------------------------------------------------


def test_the_extension_picks_the_format(tmp_path: Path) -> None:
    assert [
        format_for(Path(n)) for n in ("a.CSV", "a.tsv", "a.tab", "a.json", "a.jsonl", "a.md")
    ] == [
        "csv",
        "tsv",
        "tsv",
        "json",
        "jsonl",
        "text",
    ]
    path = tmp_path / "ideas.tsv"
    path.write_text("prompt\ta\nfox\t1\n", encoding="utf-8")
    source = read_source(path)
    assert source.format == "tsv" and source.folder == tmp_path.resolve()


def test_a_missing_file_or_a_folder_is_named(tmp_path: Path) -> None:
    with pytest.raises(BatchInputError, match="no such file") as caught:
        read_source(tmp_path / "nope.csv")
    assert caught.value.source == str(tmp_path / "nope.csv")
    with pytest.raises(BatchInputError, match="folder"):
        read_source(tmp_path)
