"""When the library's Extend… and Stitch… are on, and why not (their tooltips say it).

    update_story_actions(extend_action, stitch_action, selected_jobs)
    extend_tip(), stitch_tip()      # the tooltips when the action is available

Extend needs one finished clip the chosen route can use (``usecases.extend.extend_plan``:
the service's copy for its extensions endpoint, else the file on disk for a continuation).
Stitch needs two or more finished clips; a file gone missing since is refused by the
stitch itself, with its name.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction

from sora_desktop.core.errors import SoraError
from sora_desktop.core.models import Job, JobStatus


def _t(text: str) -> str:
    return QCoreApplication.translate("LibraryPanel", text)


def extend_tip() -> str:
    return _t("Make this clip longer: describe what happens next (a new library item)")


def stitch_tip() -> str:
    return _t("Join the selected clips, in order, into one film in the library")


def extend_refusal(job: Job | None) -> str | None:
    """Why Extend… is off for this selection (None: it is on)."""
    if job is None:
        return _t("Select one finished clip to extend it.")
    from sora_desktop.usecases.extend import extend_plan

    try:
        extend_plan(job)
    except SoraError as err:
        return err.message
    return None


def stitch_refusal(jobs: Sequence[Job]) -> str | None:
    """Why Stitch… is off for this selection (None: it is on)."""
    if len(jobs) < 2:
        return _t("Select two or more finished clips to stitch them into one film.")
    if any(job.status is not JobStatus.READY for job in jobs):
        return _t("Only finished clips can be stitched: leave out the others.")
    return None


def update_story_actions(extend: QAction, stitch: QAction, jobs: Sequence[Job]) -> None:
    one = jobs[0] if len(jobs) == 1 else None
    why = extend_refusal(one)
    extend.setEnabled(why is None)
    extend.setToolTip(why or extend_tip())
    why = stitch_refusal(jobs)
    stitch.setEnabled(why is None)
    stitch.setToolTip(why or stitch_tip())
