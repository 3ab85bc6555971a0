"""The CLI's dispatch, error lines and progress printer, in-process."""

from __future__ import annotations

import io
import sys
import types
from collections.abc import Iterator
from pathlib import Path

import pytest

from sora_desktop import cli
from sora_desktop.cli import library
from sora_desktop.cli.runtime import ProgressPrinter
from sora_desktop.core.errors import ExitCode
from sora_desktop.core.models import JobEvent, JobStatus
from tests.cli_helpers import command
from tests.fail_on_unexpected import ExpectLog


@pytest.fixture(autouse=True)
def _logging_restored() -> Iterator[None]:
    yield
    from sora_desktop.core.logsetup import teardown_logging

    teardown_logging()


def test_no_command_opens_the_window(monkeypatch: pytest.MonkeyPatch, data_dir: Path) -> None:
    calls: list[tuple[list[str], str | None]] = []
    fake = types.ModuleType("sora_desktop.gui.app")

    def run(argv: list[str], data_dir: str | None = None) -> int:
        calls.append((argv, data_dir))
        return 42

    fake.run = run  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "sora_desktop.gui.app", fake)
    assert cli.main(["--data-dir", str(data_dir)]) == 42
    assert calls == [(["--data-dir", str(data_dir)], str(data_dir))]


@pytest.mark.parametrize(
    "argv",
    [
        [],
        ["--data-dir", "d"],
        ["--data-dir=d"],
        ["--data-dir="],
        ["--data-dir", ""],
        ["--debug"],
        ["--self-test"],
        ["--data-dir", "a", "--debug", "--data-dir=b", "--self-test"],
    ],
)
def test_the_window_s_options_are_read_as_the_full_parser_reads_them(argv: list[str]) -> None:
    """The window's start reads its few options by hand (no argparse parser before the
    first paint): they must come out as the full parser gives them."""
    fast = cli._window_only(argv)
    full = cli.build_parser().parse_args(argv)
    assert fast is not None and full.command is None
    assert vars(fast) == {name: getattr(full, name) for name in vars(fast)}


@pytest.mark.parametrize(
    "argv",
    [
        ["--data", "d"],  # argparse's abbreviation: the full parser's to read
        ["--deb"],
        ["--data-dir"],
        ["--data-dir", "--debug"],
        ["--data-dir", "-x"],
        ["-h"],
        ["--help"],
        ["--version"],
        ["--self-test=1"],
        ["history"],
        ["--data-dir", "d", "history"],
        ["--", "d"],
        ["--no-such-option"],
    ],
)
def test_anything_else_is_left_to_the_full_parser(argv: list[str]) -> None:
    assert cli._window_only(argv) is None


def test_an_abbreviated_option_still_opens_the_window(
    monkeypatch: pytest.MonkeyPatch, data_dir: Path
) -> None:
    opened: list[str | None] = []
    monkeypatch.setattr(cli, "_open_gui", lambda _argv, folder: opened.append(folder) or 0)
    assert cli.main(["--data", str(data_dir)]) == 0
    assert opened == [str(data_dir)]


def test_a_broken_window_module_is_not_hidden(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "sora_desktop.gui.app", types.ModuleType("broken"))
    with pytest.raises(ImportError):
        cli.main([])


def test_self_test_is_dispatched(monkeypatch: pytest.MonkeyPatch) -> None:
    fake = types.ModuleType("sora_desktop.selftest")
    fake.run_self_test = lambda: 7  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "sora_desktop.selftest", fake)
    assert cli.main(["--self-test"]) == 7


@pytest.mark.parametrize("debug", [False, True])
def test_unexpected_failure_is_one_line_and_the_traceback_goes_to_the_log(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    data_dir: Path,
    debug: bool,
    expect_log: ExpectLog,
) -> None:
    def boom(*_args: object) -> int:
        raise RuntimeError("something broke")

    monkeypatch.setattr(library, "cmd_history", boom)
    argv = ["history", "--data-dir", str(data_dir)] + (["--debug"] if debug else [])
    with expect_log("sora_desktop.cli", "unexpected failure in history", "ERROR"):
        assert cli.main(argv) == ExitCode.UNEXPECTED
    err = capsys.readouterr().err
    log_path = data_dir / "logs" / "sora-desktop.log"
    first = (
        err.strip().splitlines()[0]
        if not debug
        else next(ln for ln in err.splitlines() if ln.startswith("error:"))
    )
    assert first == f"error: Unexpected problem (RuntimeError). Details are in {log_path}."
    assert ("Traceback" in err) is debug
    assert "RuntimeError: something broke" in log_path.read_text()


def test_history_of_an_empty_library(capsys: pytest.CaptureFixture[str], data_dir: Path) -> None:
    assert cli.main(["--data-dir", str(data_dir), "history", "--json"]) == 0
    assert capsys.readouterr().out.strip() == "[]"


def test_progress_lines_when_not_a_terminal() -> None:
    out = io.StringIO()
    printer = ProgressPrinter(out, tty=False)
    for status, progress in [
        (JobStatus.QUEUED, 0),
        (JobStatus.QUEUED, 0),  # no change: no line
        (JobStatus.IN_PROGRESS, 40),
        (JobStatus.DOWNLOADING, 41),
        (JobStatus.DOWNLOADING, 45),  # same ten: no line
        (JobStatus.DOWNLOADING, 100),
        (JobStatus.READY, 100),
    ]:
        printer(JobEvent("abcdef0123", status, progress))
    printer.close()
    assert out.getvalue().splitlines() == [
        "[abcdef01] queued 0%",
        "[abcdef01] rendering 40%",
        "[abcdef01] downloading 40%",
        "[abcdef01] downloading 100%",
        "[abcdef01] ready 100%",
    ]
    assert "\x1b" not in out.getvalue() and "\r" not in out.getvalue()


def test_a_job_waiting_for_a_slot_says_so() -> None:
    out = io.StringIO()
    printer = ProgressPrinter(out, tty=False)
    printer(JobEvent("abcdef0123", JobStatus.SUBMITTING, 0))
    printer(JobEvent("abcdef0123", JobStatus.SUBMITTING, 0, message="Waiting in line: ..."))
    printer(JobEvent("abcdef0123", JobStatus.SUBMITTING, 0, message=""))  # its turn came
    printer(JobEvent("abcdef0123", JobStatus.QUEUED, 0))
    assert out.getvalue().splitlines() == [
        "[abcdef01] submitting 0%",
        "[abcdef01] waiting in line 0%",
        "[abcdef01] submitting 0%",
        "[abcdef01] queued 0%",
    ]


def test_a_job_sent_again_after_a_refused_create_says_it_tries_again() -> None:
    out = io.StringIO()
    printer = ProgressPrinter(out, tty=False)
    printer(JobEvent("abcdef0123", JobStatus.SUBMITTING, 0))
    why = "Can't reach the service: trying again\nThe server refused the connection."
    printer(JobEvent("abcdef0123", JobStatus.SUBMITTING, 0, message=why, retrying=True))
    printer(JobEvent("abcdef0123", JobStatus.SUBMITTING, 0, message=why, retrying=True))
    printer(JobEvent("abcdef0123", JobStatus.SUBMITTING, 0, message=""))  # it went out
    assert out.getvalue().splitlines() == [
        "[abcdef01] submitting 0%",
        "[abcdef01] trying again 0%",
        "[abcdef01] submitting 0%",
    ]


def test_a_resumed_job_checking_whether_its_create_arrived_says_so() -> None:
    from sora_desktop.core.reconcile import CHECKING_MESSAGE

    out = io.StringIO()
    printer = ProgressPrinter(out, tty=False)
    printer(JobEvent("abcdef0123", JobStatus.SUBMITTING, 0, message=CHECKING_MESSAGE))
    printer(JobEvent("abcdef0123", JobStatus.SUBMITTING, 0, message=""))  # it had not: sent
    assert out.getvalue().splitlines() == [
        "[abcdef01] checking whether the earlier send arrived 0%",  # not "waiting in line"
        "[abcdef01] submitting 0%",
    ]


def test_progress_redraws_one_line_on_a_terminal() -> None:
    out = io.StringIO()
    printer = ProgressPrinter(out, tty=True)
    printer(JobEvent("abcdef0123", JobStatus.IN_PROGRESS, 10))
    printer(JobEvent("abcdef0123", JobStatus.IN_PROGRESS, 20))
    printer(JobEvent("abcdef0123", JobStatus.READY, 100))
    printer.close()
    text = out.getvalue()
    assert text.count("\n") == 2  # a new line per status, redraws within one
    assert "\r[abcdef01] rendering 20%" in text


def test_the_engine_is_paced_by_the_user_settings(data_dir: Path) -> None:
    """The CLI reads the pacing the window's settings.json holds (core/pacing.py)."""
    import argparse

    from sora_desktop.cli.runtime import Runtime
    from sora_desktop.core import settings as settings_mod
    from sora_desktop.core.pacing import Pacing

    rt = Runtime.create(argparse.Namespace(data_dir=str(data_dir), debug=False))
    settings_mod.save(rt.paths.settings_path, settings_mod.Settings(max_concurrent_jobs=1))
    store = rt.open_store()
    try:
        assert rt.service(store).pacing == Pacing(max_concurrent_jobs=1)
    finally:
        store.close()


def test_the_null_device_is_no_terminal_to_ask() -> None:
    """On Windows ``isatty()`` is true for NUL too; a paid question asked there would read
    an empty answer instead of refusing with exit 2 (found by the Wine run)."""
    import io
    import os

    from sora_desktop.cli.runtime import is_terminal

    with Path(os.devnull).open(encoding="utf-8") as null:
        assert not is_terminal(null)

    class Closed(io.StringIO):
        def isatty(self) -> bool:
            raise ValueError("I/O operation on closed file")

    assert not is_terminal(Closed())


@pytest.mark.parametrize(
    ("argv", "said"),
    [
        (["history"], "error: Stopped.\n"),  # makes no job: nothing for resume to finish
        (["resume"], "error: Stopped. Unfinished jobs continue with: {resume}\n"),
    ],
)
def test_the_line_after_ctrl_c_fits_the_command(
    argv: list[str],
    said: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    data_dir: Path,
) -> None:
    def interrupted(*_args: object) -> int:
        raise KeyboardInterrupt

    from sora_desktop.cli import resume

    monkeypatch.setattr(library, "cmd_history", interrupted)
    monkeypatch.setattr(resume, "cmd_resume", interrupted)
    assert cli.main([*argv, "--data-dir", str(data_dir)]) == ExitCode.CANCELLED
    # on the same library: the hint repeats --data-dir
    assert capsys.readouterr().err == said.format(resume=command(data_dir, "resume"))


def test_ctrl_c_at_the_batch_question_says_nothing_was_sent(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    data_dir: Path,
    tmp_path: Path,
) -> None:
    from sora_desktop.cli import batch

    def interrupted(_question: str) -> bool:
        raise KeyboardInterrupt

    monkeypatch.setattr(batch, "is_terminal", lambda _stream: True)  # someone to ask
    monkeypatch.setattr(batch, "_ask", interrupted)
    prompts = tmp_path / "ideas.txt"
    prompts.write_text("a fox in the snow\n", encoding="utf-8")
    assert cli.main(["batch", str(prompts), "--data-dir", str(data_dir)]) == ExitCode.CANCELLED
    assert capsys.readouterr().err.splitlines()[-1] == "error: Stopped. Nothing was sent."
