"""What ``sora-desktop batch`` prints: the preview table and its summary line (stdout), one
progress line per row whose status changes (stderr), the rows at the end and what is left
to do with them (held by the cap, failed, not finished), with the exit code.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from sora_desktop.core.batch.store import BatchRow, RowStatus, row_status_text
from sora_desktop.core.errors import ExitCode
from sora_desktop.usecases import batch as usecase

if TYPE_CHECKING:
    from sora_desktop.core.batch.preview import BatchPreview
    from sora_desktop.core.batch.runner import BatchEvent, BatchSummary
    from sora_desktop.core.store import JobStore

PROMPT_WIDTH = 36


def money(value: float | None) -> str:
    return "?" if value is None else f"${value:,.2f}"


def duration(seconds: float) -> str:
    if seconds < 90:
        return f"{max(1, round(seconds))} s"
    minutes = seconds / 60
    if minutes < 90:
        return f"{round(minutes)} min"
    return f"{minutes / 60:.1f} h"


def _clip(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def print_preview(preview: BatchPreview, out: Any = None) -> None:
    out = out or sys.stdout
    labels = max([5, *(len(r.job.label) for r in preview.rows)])
    out.write(
        f"{'#':>4}  {'label':<{labels}}  {'prompt':<{PROMPT_WIDTH}}  {'model':<14}  "
        f"{'size':<9}  {'s':>3}  {'seed':>5}  {'cost':>8}  status\n"
    )
    for row in preview.rows:
        request = row.request
        seed = "-" if row.job.seed is None else str(row.job.seed)
        if not row.valid:
            status = f"invalid: {row.problem}"
        elif row.held:
            status = "held by the cap"
        else:
            status = "to send" if row.note is None else "to send, seed not sent"
        out.write(
            f"{row.job.index:>4}  {row.job.label:<{labels}}  "
            f"{_clip(request.prompt, PROMPT_WIDTH):<{PROMPT_WIDTH}}  {request.model:<14}  "
            f"{request.size:<9}  {request.seconds:>3}  {seed:>5}  "
            f"{money(row.estimated_cost):>8}  {status}\n"
        )
    unseeded = sorted({r.request.model for r in preview.rows if r.note and r.valid})
    if unseeded:
        out.write(
            f"Note: {', '.join(unseeded)} on this connection take no seed: those rows' seeds "
            "are not sent, and their results vary as any new job's do.\n"
        )
    out.write(summary_line(preview) + "\n")
    out.flush()


def free_note(text: str, free: bool) -> str:
    """ "$1.20 (free on the simulator)" when ``free`` (a batch on the simulator: its figures
    are notional, what the Videos API would charge, so a cap can be tried), else ``text``.
    The CLI's one wording of it (the window's is ``gui/cost.free_note()``)."""
    return f"{text} (free on the simulator)" if free else text


def total_cost(preview: BatchPreview) -> str:
    """ "$1.20", or "$1.20 (free on the simulator)": the notional figure its cap counts."""
    return free_note(money(preview.total_cost), preview.free)


def summary_line(preview: BatchPreview) -> str:
    parts = [
        f"Total: {preview.to_send} of {len(preview.rows)} jobs to send, "
        f"estimated {total_cost(preview)}"
    ]
    if preview.unpriced:
        parts.append(f"{preview.unpriced} without a known price")
    parts.append(
        f"about {duration(preview.estimated_seconds)} with {preview.concurrency} at a time"
    )
    if preview.invalid:
        parts.append(f"{preview.invalid} invalid (never sent)")
    if preview.held:
        parts.append(f"{preview.held} held by the {money(preview.cap)} cap")
    return "; ".join(parts) + "."


class BatchProgress:
    """One line on stderr per row whose status changes."""

    def __init__(self, rows: int, stream: Any = None) -> None:
        self.rows = rows
        self.stream = stream or sys.stderr
        self._last: dict[int, RowStatus | None] = {}

    def __call__(self, event: BatchEvent) -> None:
        if event.index is None or self._last.get(event.index) is event.status:
            return
        self._last[event.index] = event.status
        word = row_status_text(event.status) if event.status is not None else ""
        line = f"[row {event.index}/{self.rows}] {word}"
        if event.message and event.status is not RowStatus.READY:
            line += f": {event.message}"
        self.stream.write(line + "\n")
        self.stream.flush()


def print_rows(rows: Sequence[BatchRow], out: Any = None) -> None:
    out = out or sys.stdout
    for row in rows:
        file = row.exported_path or row.file_path
        detail = str(file) if row.status is RowStatus.READY and file else (row.error or "")
        out.write(f"{row.index:>4}  {row.label}  {row.status.value}  {detail}".rstrip() + "\n")
    out.flush()


def finish(store: JobStore, summaries: Sequence[BatchSummary], data_dir: str | None = None) -> int:
    """Print each batch's rows on stdout and what is left on stderr (its command lines on
    the library of ``--data-dir``, ``data_dir``); the exit code."""
    from sora_desktop.cli.runtime import follow_up

    def say(line: str) -> None:
        print(follow_up(line, data_dir), file=sys.stderr)

    code = ExitCode.OK
    for summary in summaries:
        rows = usecase.batch_rows(store, summary.batch_id)
        print_rows(rows)
        short = summary.batch_id[:8]
        held = summary.count(RowStatus.HELD)
        if held:
            say(
                f"Batch {short}: {held} rows held by the cap. Send them with a higher cap: "
                f"sora-desktop batch resume {short} --cap USD"
            )
        failed = summary.count(RowStatus.FAILED, RowStatus.EXPIRED)
        if failed:
            say(
                f"Batch {short}: {failed} rows failed. Try them again with: "
                f"sora-desktop batch retry {short}"
            )
            code = max(code, ExitCode.REMOTE_FAILED)
        if summary.error is not None:
            say(f"error: {summary.error.one_line()}")
            code = max(code, summary.error.exit_code)
        elif not summary.finished:
            say(
                f"Batch {short} is not finished. Continue it with: "
                f"sora-desktop batch resume {short}"
            )
    return int(code)
