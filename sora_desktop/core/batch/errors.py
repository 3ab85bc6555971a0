"""Errors in batch input, located: the file (or the option), the line and the column."""

from __future__ import annotations

from sora_desktop.core.errors import InvalidRequestError
from sora_desktop.core.i18n import _


def where(source: str, line: int | None = None, column: int | None = None) -> str:
    """``"prompts.csv, line 4, column 2"`` (as much of it as is known)."""
    if line is not None and column is not None:
        return _("{source}, line {line}, column {column}").format(
            source=source, line=line, column=column
        )
    if line is not None:
        return _("{source}, line {line}").format(source=source, line=line)
    if column is not None:  # a one-line text, such as the template option
        return _("{source}, character {column}").format(source=source, column=column)
    return source


class BatchInputError(InvalidRequestError):
    """Batch input that can't be used; nothing was sent. The message starts with where the
    problem is (:func:`where`); ``source``, ``line`` and ``column`` keep it as data."""

    def __init__(
        self,
        problem: str,
        next_step: str,
        *,
        source: str,
        line: int | None = None,
        column: int | None = None,
    ) -> None:
        super().__init__(
            _("{where}: {problem}").format(where=where(source, line, column), problem=problem),
            next_step,
            param="batch",
        )
        self.problem = problem
        self.source = source
        self.line = line
        self.column = column


class TooManyJobsError(BatchInputError):
    """The sweep makes more jobs than the face may start without asking (``limit``)."""

    def __init__(self, count: int, limit: int, *, source: str, next_step: str) -> None:
        super().__init__(
            _("this batch would make {count} jobs, more than {limit}.").format(
                count=count, limit=limit
            ),
            next_step,
            source=source,
        )
        self.count = count
        self.limit = limit
