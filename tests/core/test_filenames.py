"""core/filenames.py: every name derived from a creator's text or a server's data is valid
on Windows, macOS and Linux (property tests and the cases Windows is strict about)."""

from __future__ import annotations

import sys
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sora_desktop.core.errors import InvalidRequestError
from sora_desktop.core.filenames import (
    PORTABLE_BYTES,
    check_new_path,
    free_path,
    is_reserved,
    name_length,
    name_problem,
    safe_file_stem,
    sanitize_filename,
)

RESERVED = {"CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$"} | {
    f"{p}{c}" for p in ("COM", "LPT") for c in "0123456789¹²³"
}


def _assert_safe(name: str, max_len: int) -> None:
    assert name
    assert name_length(name) <= max_len  # this OS's unit
    assert len(name.encode("utf-8")) <= PORTABLE_BYTES
    assert not any(c in name for c in '<>:"/\\|?*')
    assert not any(ord(c) < 32 or ord(c) == 127 for c in name)
    assert not name.endswith((".", " "))
    assert not name.startswith((".", " "))
    assert ".." not in name
    assert "  " not in name
    assert name.split(".", 1)[0].rstrip(" ").upper() not in RESERVED


@settings(max_examples=400, deadline=None, database=None)
@given(st.text(max_size=400), st.integers(min_value=16, max_value=255))
def test_sanitize_properties(raw: str, max_len: int) -> None:
    name = sanitize_filename(raw, max_len=max_len)
    _assert_safe(name, max_len)
    assert sanitize_filename(name, max_len=max_len) == name  # idempotent


_reserved_like = st.builds(
    lambda base, sep, tail: base + sep + tail,
    st.sampled_from([*sorted(RESERVED), "con", "nul", "Com1", "lpt9"]),
    st.sampled_from(["", ".", " .", "  ", ".txt", ".mp4", ". .", "..", "/"]),
    st.text(alphabet="abc.x ", max_size=5),
)


@settings(max_examples=300, deadline=None, database=None)
@given(_reserved_like)
def test_sanitize_never_reserved(raw: str) -> None:
    _assert_safe(sanitize_filename(raw), 150)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("CON", "_CON"),
        ("nul.txt", "_nul.txt"),
        ("COM1.mp4", "_COM1.mp4"),
        ("../../etc/passwd", "_._etc_passwd"),
        ('a/b\\c:d*e?f"g<h>i|j', "a_b_c_d_e_f_g_h_i_j"),
        ("  .hidden  file.  ", "hidden file"),
        ("line\nbreak\ttab", "line break tab"),
        ("", "video"),
        ("...", "video"),
        ("évian café", "évian café"),
        ("evil\u202egnp.mp4", "evilgnp.mp4"),
    ],
)
def test_sanitize_examples(raw: str, expected: str) -> None:
    assert sanitize_filename(raw) == expected


def test_sanitize_trims_bytes_keeps_extension_and_characters() -> None:
    name = sanitize_filename("日本語のプロンプト" * 30 + ".mp4", max_len=50, windows=False)
    assert name.endswith(".mp4")
    assert len(name.encode("utf-8")) <= 50
    name.encode("utf-8").decode("utf-8")  # whole characters only
    with pytest.raises(ValueError):
        sanitize_filename("x", max_len=3)
    name = sanitize_filename("日本語のプロンプト" * 30 + ".mp4", max_len=50, windows=True)
    assert name.endswith(".mp4") and len(name) == 50


@settings(max_examples=300, deadline=None, database=None)
@given(st.text(max_size=400), st.integers(min_value=16, max_value=255))
def test_sanitize_properties_measured_as_windows_measures(raw: str, max_len: int) -> None:
    name = sanitize_filename(raw, max_len=max_len, windows=True)
    assert name_length(name, windows=True) <= max_len
    assert len(name.encode("utf-8")) <= PORTABLE_BYTES
    _assert_safe(name, 10_000)
    assert sanitize_filename(name, max_len=max_len, windows=True) == name


@pytest.mark.parametrize(
    "raw",
    [
        "con",
        "CON",
        "Con",
        "cOn.mp4",
        "nul.txt",
        "NUL.tar.gz",
        "aux.",
        "prn ",
        "com1.MP4",
        "LpT9.mov",
        "com¹.mp4",
        "conin$",
        "CONOUT$.log",
        "con .mp4",
        "Con...mp4",
        " con",
    ],
)
def test_reserved_device_names_in_any_case_and_with_an_extension(raw: str) -> None:
    assert is_reserved(raw.strip(" .")) or raw.strip().upper().startswith("CON ")
    name = sanitize_filename(raw)
    assert not is_reserved(name), name
    assert name.lstrip("_").split(".", 1)[0].rstrip().upper() in RESERVED  # still readable
    assert name.startswith("_")


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("The end.", "The end"),
        ("The end...", "The end"),
        ("trailing spaces   ", "trailing spaces"),
        ("dots and spaces . . .", "dots and spaces"),
        ("clip. .mp4", "clip.mp4"),
        ("clip .mp4", "clip.mp4"),  # the stem's end too: "clip .mp4" reads as a typo
    ],
)
def test_no_trailing_dot_or_space(raw: str, expected: str) -> None:
    assert sanitize_filename(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ('<>:"/\\|?*', "_________"),
        ("\x00\x01\x1f\x7f", "video"),
        ("\u202e\u200b\ufeff", "video"),
        (" . . ", "video"),
        (".mp4", "video.mp4"),
        ("???.mp4", "___.mp4"),
    ],
)
def test_only_invalid_input(raw: str, expected: str) -> None:
    assert sanitize_filename(raw) == expected
    assert sanitize_filename(raw, windows=True) == expected


LONG_CHINESE = "一只橘猫在黎明时分的灯塔上看海浪拍打礁石，电影感，慢镜头。" * 20


def test_a_long_chinese_prompt_stays_chinese_and_fits_each_file_system() -> None:
    raw = LONG_CHINESE + ".mp4"
    posix = sanitize_filename(raw, windows=False)
    windows = sanitize_filename(raw, windows=True)
    for name in (posix, windows):
        assert name.endswith(".mp4")
        assert name.startswith("一只橘猫在黎明时分的灯塔上")
        assert LONG_CHINESE.startswith(name.removesuffix(".mp4"))  # whole characters, in order
    # Linux and macOS count bytes (3 a character), Windows UTF-16 units (1 a character),
    # and a name made on Windows still fits a volume that counts bytes (a Linux share)
    assert len(posix.encode("utf-8")) <= 150 and len(posix) == 4 + (150 - 4) // 3
    assert len(windows) == 4 + (PORTABLE_BYTES - 4) // 3 > len(posix)
    assert len(windows.encode("utf-8")) <= PORTABLE_BYTES


def test_characters_outside_the_bmp_are_never_cut_in_half() -> None:
    raw = "🎬𠀀" * 100
    for windows in (True, False):
        for cap in range(16, 40):
            name = sanitize_filename(raw, max_len=cap, windows=windows)
            assert name_length(name, windows=windows) <= cap
            assert set(name) <= {"🎬", "𠀀"}
            name.encode("utf-8")  # no lone surrogate


def test_name_length_counts_what_each_file_system_counts() -> None:
    assert name_length("abc") == 3
    assert name_length("黎明", windows=False) == 6
    assert name_length("黎明", windows=True) == 2
    assert name_length("🎬", windows=False) == 4
    assert name_length("🎬", windows=True) == 2


def test_safe_file_stem() -> None:
    assert safe_file_stem("video_abc-1.2") == "video_abc-1.2"
    assert safe_file_stem("3f2a9c1b7d0e4f5a8b9c0d1e2f3a4b5c") == "3f2a9c1b7d0e4f5a8b9c0d1e2f3a4b5c"
    odd = safe_file_stem("gw/../../etc?x")
    assert "/" not in odd and "?" not in odd and not odd.startswith(".")
    assert safe_file_stem("a/b") != safe_file_stem("a?b")


def test_safe_file_stems_differ_where_windows_and_macos_ignore_case() -> None:
    stems = {safe_file_stem(s) for s in ("AbC", "abc", "ABC", "aBc")}
    assert len({s.casefold() for s in stems}) == 4


@pytest.mark.parametrize("key", ["con", "NUL", "com1", "Lpt1", "aux.", "..\\..\\x", "工作"])
def test_safe_file_stem_is_never_a_device_or_a_path(key: str) -> None:
    stem = safe_file_stem(key)
    assert stem and not is_reserved(stem) and not is_reserved(stem + ".mp4")
    assert stem.isascii() and all(c.isalnum() or c in "._-" for c in stem)
    assert not stem.startswith(".") and stem == stem.lower()


def test_free_path_never_takes_a_name_that_differs_only_in_case(tmp_path: Path) -> None:
    (tmp_path / "Harbour.MP4").write_bytes(b"the creator's")
    (tmp_path / "harbour (2).mp4").write_bytes(b"another")
    # On Windows and macOS these are one name; on Linux the folder may be synced to one
    assert free_path(tmp_path, "harbour.mp4") == tmp_path / "harbour (3).mp4"
    assert free_path(tmp_path, "other.mp4") == tmp_path / "other.mp4"
    assert (tmp_path / "Harbour.MP4").read_bytes() == b"the creator's"


def test_free_path_counts_unicode_forms_as_one_name(tmp_path: Path) -> None:
    decomposed = unicodedata.normalize("NFD", "café.mp4")  # as older macOS volumes store it
    try:
        (tmp_path / decomposed).write_bytes(b"x")
    except OSError:  # pragma: no cover - a file system that refuses it
        pytest.skip("this file system does not take NFD names")
    assert free_path(tmp_path, "café.mp4") == tmp_path / "café (2).mp4"


def test_free_path_keeps_a_sidecar_free_too(tmp_path: Path) -> None:
    (tmp_path / "clip.JSON").write_text("{}")
    sidecar = lambda p: p.with_suffix(".json")  # noqa: E731
    assert free_path(tmp_path, "clip.mp4", also=sidecar) == tmp_path / "clip (2).mp4"
    assert free_path(tmp_path / "missing", "clip.mp4") == tmp_path / "missing" / "clip.mp4"


@pytest.mark.parametrize(
    ("name", "words"),
    [
        ("con.png", "CON for a device"),
        ("Nul", "NUL for a device"),
        ("frame.", "dot or space at the end"),
        ("frame ", "dot or space at the end"),
        ("a:b.png", "does not allow :"),
        ("what?.png", "does not allow ?"),
        ("tab\there.png", "U+0009"),
        ("黎" * 256, "longer than the 255"),
    ],
)
def test_name_problem_on_windows(name: str, words: str) -> None:
    problem = name_problem(name, windows=True)
    assert problem is not None and words in problem


def test_name_problem_elsewhere_only_length() -> None:
    for fine in ("con.png", "a:b.png", "frame.", "黎" * 85):
        assert name_problem(fine, windows=False) is None
    assert "255 bytes" in (name_problem("黎" * 86, windows=False) or "")  # 258 bytes
    assert name_problem("黎" * 255, windows=True) is None  # 255 UTF-16 units


def test_check_new_path_names_the_part_that_cannot_be_made(tmp_path: Path) -> None:
    target = tmp_path / "films" / "AUX" / "trip.mp4"
    with pytest.raises(InvalidRequestError) as info:
        check_new_path(target, windows=True)
    assert "'AUX'" in str(info.value) and "device" in str(info.value)
    assert info.value.param == "out"
    assert check_new_path(target, windows=False) == target
    # parts already there are the OS's business, not ours
    assert check_new_path(tmp_path / "ok.mp4", windows=True) == tmp_path / "ok.mp4"


@pytest.mark.skipif(sys.platform != "win32", reason="Windows' own rules")
def test_windows_really_refuses_what_name_problem_names(tmp_path: Path) -> None:
    for bad in ("a:b.png", "what?.png"):
        with pytest.raises(OSError):
            (tmp_path / bad).write_bytes(b"x")
    (tmp_path / "frame.").write_bytes(b"x")  # taken, but the dot is dropped
    assert [p.name for p in tmp_path.iterdir()] == ["frame"]
