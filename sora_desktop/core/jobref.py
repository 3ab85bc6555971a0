"""Naming a job by a short id, and finding it again from one.

The short id (:func:`short_id`) is what goes into exported file names (``{id}``), so a
creator holding only the file can name its job back: ``sora-desktop export 3f2a9c1b7d``.
:func:`resolve_job` takes the full local id, the full remote id, or an unambiguous piece of
either (see :meth:`~sora_desktop.core.store.JobStore.find_by_id_fragment`), and says plainly
when a piece is too short or fits several jobs (how many characters, which candidates).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sora_desktop.core.errors import InvalidRequestError
from sora_desktop.core.i18n import _
from sora_desktop.core.models import Job

if TYPE_CHECKING:
    from sora_desktop.core.store import JobStore

#: Characters of the local id in exported file names and wherever a job is named briefly.
SHORT_ID_CHARS = 10
#: The fewest characters a piece of an id must have to pick a job.
MIN_REF_CHARS = 4
#: How many candidates an "ambiguous" message names.
_SHOWN = 5


def short_id(job: Job) -> str:
    """The job's id as put in file names: the start of its local id, which it keeps forever
    (the remote id may be missing, and differs in shape from one service to the next)."""
    return job.id[:SHORT_ID_CHARS]


def _describe(job: Job) -> str:
    prompt = " ".join(job.request.prompt.split())
    if len(prompt) > 30:
        prompt = prompt[:29] + "…"
    return f"{short_id(job)} ({prompt!r})"


def _common_prefix_len(ids: list[str]) -> int:
    """How many leading characters every one of ``ids`` shares."""
    if not ids:
        return 0
    n = 0
    for chars in zip(*ids, strict=False):
        if len(set(chars)) > 1:
            break
        n += 1
    return n


def resolve_job(store: JobStore, ref: str, *, hint: str | None = None) -> Job:
    """The one job ``ref`` names, or :class:`InvalidRequestError` (``param="job_id"``)
    saying why not: no such job, too short a piece, or several jobs that fit (named).

    ``hint`` words the way to look ids up for the asking face (the CLI: "See the ids with:
    sora-desktop history").
    """
    text = ref.strip()
    lookup = hint or _("The id is in the file name of an export and in its .json file.")
    job = (store.get(text) or store.find_by_remote_id(text)) if text else None
    if job is not None:
        return job
    if len(text) < MIN_REF_CHARS:
        raise InvalidRequestError(
            _(
                "{ref!r} is too short to name a job: give at least {count} characters of its id."
            ).format(ref=text, count=MIN_REF_CHARS),
            lookup,
            param="job_id",
            code="id_too_short",
        )
    matches = store.find_by_id_fragment(text, limit=_SHOWN + 1)
    if len(matches) == 1:
        return matches[0]
    if not matches:
        raise InvalidRequestError(
            _("There is no job {ref!r} in the library.").format(ref=text),
            lookup,
            param="job_id",
            code="no_such_job",
        )
    shown = ", ".join(_describe(j) for j in matches[:_SHOWN])
    more = len(matches) > _SHOWN
    locals_ = [j.id for j in matches if j.id.startswith(text.lower())]
    need = max(_common_prefix_len(locals_) + 1, len(text) + 1)
    message = (
        _("{ref!r} fits more than {count} jobs, e.g. {jobs}.")
        if more
        else _("{ref!r} fits {count} jobs: {jobs}.")
    )
    raise InvalidRequestError(
        message.format(ref=text, count=_SHOWN if more else len(matches), jobs=shown),
        _("Give at least {count} characters of the id, e.g. one of those shown.").format(
            count=need
        ),
        param="job_id",
        code="ambiguous_id",
    )
