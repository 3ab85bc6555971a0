""" "Send again…" for a job whose outcome is unknown (its create's reply was lost, and fal or
Runway can't say whether it arrived: it may have been made, and charged).

    ask_resend(parent, offer) -> bool     # shows what it costs and the dashboard; asks
    resend_job(window, job_id)            # quote (off the GUI thread), ask, then send

Nothing is sent without the creator's click: the quote (``usecases.resend.resend_quote``,
which reads the library) runs as an operation, the question names the estimated cost and
links the provider's dashboard to check first, and only "Send again" sends, as a NEW job
under the send guard (``gui/sending.py``). The old job stays as it is.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QWidget

from sora_desktop.gui.cost import provider_cost
from sora_desktop.gui.retry import retry_summary

if TYPE_CHECKING:
    from sora_desktop.gui.main_window import MainWindow
    from sora_desktop.usecases.resend import ResendOffer


def _t(text: str) -> str:
    return QCoreApplication.translate("Resend", text)


def offer_text(offer: ResendOffer) -> str:
    """The question's details as rich text: why, where to look first, what it costs."""
    import html  # here: the window's start-up doesn't load it

    job = offer.job
    request = job.request
    estimate, _tip = provider_cost(
        job.connection.kind, request.model, request.size, request.seconds, request.audio
    )
    parts = []
    if offer.outcome_unknown:
        parts.append(
            html.escape(
                _t(
                    "The reply to this request was lost and the provider can't say whether it "
                    "arrived: the video may have been made, and charged."
                )
            )
        )
    if offer.dashboard_url:
        url = html.escape(offer.dashboard_url, quote=True)
        parts.append(
            _t("Look for it in your dashboard first: {link}").format(
                link=f'<a href="{url}">{html.escape(offer.dashboard_url)}</a>'
            )
        )
    parts.append(
        html.escape(
            _t(
                "Sending again makes a NEW paid job with the same settings; the old one stays "
                "in the library as it is."
            )
        )
    )
    parts.append(html.escape(retry_summary(job, estimate)).replace("\n", "<br>"))
    return "<br><br>".join(parts)


def ask_resend(parent: QWidget | None, offer: ResendOffer) -> bool:
    """True when the creator chose to send the request again as a new job."""
    from PySide6.QtWidgets import QMessageBox  # imported where a box opens, not at start-up

    box = QMessageBox(parent)
    box.setObjectName("resend_question")
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(_t("Send again"))
    box.setText(_t("Send this request again as a new job?"))
    box.setTextFormat(Qt.TextFormat.RichText)
    box.setInformativeText(offer_text(offer))
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
    again = box.addButton(_t("Send again"), QMessageBox.ButtonRole.AcceptRole)
    keep = box.addButton(_t("Don't send"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(keep)  # a paid job that may already exist: not the default
    box.setEscapeButton(keep)
    box.exec()
    return box.clickedButton() is again


def resend_job(window: MainWindow, job_id: str) -> None:
    """Quote ``job_id``'s resend off the GUI thread, ask with its cost, and only then send
    it (a new job) under the send guard."""
    from sora_desktop.gui import sending
    from sora_desktop.usecases import resend as resend_usecase

    key = ("resend", job_id)
    # claimed from the click on: a second click (a double click) before the question, which
    # waits for the quote, would otherwise ask again and could send a second paid job
    if not window.send_guard.begin(key):
        return
    controller = window.controller

    def asked(offer: ResendOffer) -> None:
        if not window.ask_resend(window, offer):
            window.send_guard.failed(key)  # declined: nothing sent, it may be asked again
            return
        sending.send(window, key, resend_usecase.resend(controller.service, job_id))

    def not_quoted(error: BaseException) -> None:
        window.send_guard.failed(key)
        window.errors.show(error)

    controller.run_blocking(
        lambda _report: resend_usecase.resend_quote(controller.service, job_id),
        asked,
        not_quoted,
    )


__all__ = ["ask_resend", "offer_text", "resend_job"]
