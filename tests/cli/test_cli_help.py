"""Every command's ``--help`` says what the command does and prints, explains every option
and lists the exit codes: a script author reads it instead of the source."""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from pathlib import Path

import pytest

from sora_desktop.cli import build_parser
from sora_desktop.core.errors import ExitCode
from tests.cli_helpers import one_error_line, run_cli


def _parsers(
    parser: argparse.ArgumentParser, name: str = "sora-desktop"
) -> Iterator[tuple[str, argparse.ArgumentParser]]:
    yield name, parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub_name, sub in action.choices.items():
                yield from _parsers(sub, f"{name} {sub_name}")


def _gaps(name: str, parser: argparse.ArgumentParser) -> list[str]:
    gaps = []
    if name != "sora-desktop" and not parser.description:
        gaps.append(f"{name}: no description")
    for action in parser._actions:
        if action.help == argparse.SUPPRESS or isinstance(action, argparse._SubParsersAction):
            continue
        if not action.help:
            gaps.append(f"{name} {'/'.join(action.option_strings) or action.dest}: no help")
    if "Exit codes:" not in parser.format_help():
        gaps.append(f"{name}: no exit codes")
    return gaps


def test_every_command_describes_itself_and_every_option_and_lists_the_exit_codes() -> None:
    gaps = [gap for name, parser in _parsers(build_parser()) for gap in _gaps(name, parser)]
    assert gaps == []


@pytest.mark.parametrize("command", ["generate", "stitch", "history"])
def test_the_exit_codes_are_the_documented_ones(command: str) -> None:
    [sub] = [a for a in build_parser()._actions if isinstance(a, argparse._SubParsersAction)]
    text = " ".join(sub.choices[command].format_help().split())
    for code in ("0 done", "2 invalid input", "3 ", "6 ", "7 ", "130 stopped"):
        assert code in text


@pytest.mark.parametrize(("typed", "meant"), [("gen", "generate"), ("histroy", "history")])
def test_an_unknown_command_offers_the_real_ones_and_the_one_meant(
    typed: str, meant: str, data_dir: Path
) -> None:
    result = run_cli(typed, "--prompt", "x", data_dir=data_dir)
    assert result.returncode == ExitCode.INVALID_INPUT
    line = one_error_line(result)
    assert f"There is no command {typed!r} (did you mean {meant!r}?)" in line
    assert "generate, resume, batch" in line
    assert "batch-" not in line  # the parser's own names for `batch resume` & co.


def test_data_dir_may_come_after_profile_as_after_storyboard(data_dir: Path) -> None:
    added = run_cli("profile", "--data-dir", str(data_dir), "add", "Studio", "--kind",
                    "compatible", "--base-url", "https://gateway.example.com/v1",
                    data_dir=data_dir)  # fmt: skip
    assert added.returncode == 0, added.stderr
    listed = run_cli("profile", "--data-dir", str(data_dir), "list", data_dir=data_dir)
    assert listed.returncode == 0, listed.stderr
    assert "studio\tStudio" in listed.stdout
