"""The command line's progress line for a job another process (the window) is working on:
it says so, not "waiting in line" (core/job_locks.py)."""

from __future__ import annotations

import io

from sora_desktop.cli.runtime import ProgressPrinter
from sora_desktop.core.job_locks import HELD_ELSEWHERE
from sora_desktop.core.models import JobEvent, JobStatus


def test_a_job_another_process_works_on_says_so() -> None:
    out = io.StringIO()
    printer = ProgressPrinter(out, tty=False)
    printer(JobEvent("abcdef0123", JobStatus.SUBMITTING, 0, message=HELD_ELSEWHERE))
    printer(JobEvent("abcdef0123", JobStatus.QUEUED, 40, message=HELD_ELSEWHERE))
    printer(JobEvent("abcdef0123", JobStatus.READY, 100))  # the other process finished it
    assert out.getvalue().splitlines() == [
        "[abcdef01] waiting for the other Sora Desktop working on it 0%",
        "[abcdef01] waiting for the other Sora Desktop working on it 40%",
        "[abcdef01] ready 100%",
    ]
