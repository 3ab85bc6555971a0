"""The confirmation before retrying a job: the same settings, a NEW paid request.

``ask_retry(parent, job, estimate) -> bool`` shows what will be sent again (prompt, model,
size, duration, reference image) and its estimated cost; the buttons say what they do.
``core.retry`` decides what may be retried and builds the request.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from sora_desktop.core.models import Job, JobStatus


def _t(text: str) -> str:
    return QCoreApplication.translate("Retry", text)


def retry_summary(job: Job, estimate: str) -> str:
    """What the new job will be, for the confirmation's details."""
    request = job.request
    flat = " ".join(request.prompt.split())
    prompt = flat if len(flat) <= 200 else flat[:199] + "…"
    lines = [
        f"“{prompt}”",
        _t("{0} · {1} · {2} s").format(request.model, request.size, request.seconds),
    ]
    if request.reference_image is not None:
        lines.append(_t("Reference image: {0}").format(request.reference_image.name))
    if request.remix_of is not None:
        lines.append(_t("A remix of the same video"))
    lines.append(_t("Estimated cost: {0}").format(estimate))
    return "\n".join(lines)


def ask_retry(parent: QWidget | None, job: Job, estimate: str) -> bool:
    """True when the creator chose to make the video again as a new job."""
    from PySide6.QtWidgets import QMessageBox  # imported where a box opens, not at start-up

    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(_t("Retry"))
    ended = {
        JobStatus.FAILED: _t("This job failed."),
        JobStatus.CANCELLED: _t("This job was cancelled."),
        JobStatus.EXPIRED: _t("This job's video expired before it was downloaded."),
    }.get(job.status, "")
    box.setText(_t("Make this video again as a new job?"))
    box.setInformativeText(
        (ended + " " if ended else "")
        + _t(
            "A new request with the same settings is sent to the service, which bills it "
            "separately. The old job stays in the library as it is."
        )
        + "\n\n"
        + retry_summary(job, estimate)
    )
    again = box.addButton(_t("Retry as a new job"), QMessageBox.ButtonRole.AcceptRole)
    keep = box.addButton(_t("Don't retry"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(again)
    box.setEscapeButton(keep)
    box.exec()
    return box.clickedButton() is again
