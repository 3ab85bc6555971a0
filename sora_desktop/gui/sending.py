"""Sending a paid request from the window: Generate and Retry, under the send guard.

The window's ``generate``, ``retry_job``, ``request_key`` and ``_update_generate`` call these
(this keeps main_window.py about layout and events). Everything sent goes through
:func:`send`, so the :class:`~sora_desktop.gui.send_guard.SendGuard` sees every request:
the same request is never sent twice by accident (a double click, Ctrl+Enter twice, two
quick Retry clicks).
"""

from __future__ import annotations

from collections.abc import Callable, Coroutine, Hashable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication

from sora_desktop.core.errors import SoraError
from sora_desktop.core.models import Job
from sora_desktop.gui.cost import job_cost_text

if TYPE_CHECKING:
    from sora_desktop.gui.main_window import MainWindow


def _t(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)


def request_key(window: MainWindow) -> tuple[object, ...]:
    """Everything that makes the editor's request: the same key is the same paid job."""
    panel = window.settings_panel
    profile = panel.current_profile()
    picker = panel.image_picker
    image = picker.path()
    return (
        profile.id if profile is not None else None,
        window.prompt.text(),
        panel.model(),
        panel.video_size(),
        panel.seconds(),
        str(image) if image is not None else None,
        picker.mode() if picker.needs_conversion() else None,
        # what only some provider models have: another value is another paid job
        panel.audio(),
        panel.negative_prompt(),
        panel.seed(),
        str(panel.end_image() or ""),
        tuple(sorted((k, repr(v)) for k, v in panel.more_values().items())),
        tuple((n, str(p), f) for n, p, f in panel.more_image_values()),
    )


def update_generate(window: MainWindow) -> None:
    problem = window.generate_problem()
    key = window.request_key()
    guard = window.send_guard
    button = window.generate_button
    button.setEnabled(problem is None and not guard.blocked(key))
    if guard.is_sending(key):
        button.setText(_t("Sending…"))
        button.setToolTip(_t("This request is on its way to the service."))
    elif key == guard.last_sent:
        button.setText(_t("Generate again"))
        button.setToolTip(
            problem
            or _t(
                "Start another job with the same prompt and settings (it is made and billed again)"
            )
        )
    else:
        button.setText(_t("Generate"))
        button.setToolTip(problem or _t("Start the generation (Ctrl+Enter)"))


def generate(window: MainWindow) -> None:
    """Send the editor's request, unless the very same one is already on its way (a
    double click, Ctrl+Enter pressed twice): that would be a second paid job."""
    problem = window.generate_problem()
    if problem is not None:
        window._status(problem)
        return
    key = window.request_key()
    if window.send_guard.blocked(key):
        window._status(
            _t(
                "Already sent. Change the prompt or settings, or wait a moment to "
                "generate it again."
            )
        )
        return
    profile = window.settings_panel.current_profile()
    assert profile is not None
    try:
        connection = window._connection_for(profile)
    except Exception as exc:  # a profile that can't be reached yet
        window.errors.show(exc)
        return
    prompt = window.prompt.text()
    panel = window.settings_panel
    model, size, seconds = panel.model(), panel.video_size(), panel.seconds()
    picker = panel.image_picker
    images_dir = window.paths.images_dir
    try:
        params = panel.params()  # "More settings", checked against the model's fields
    except SoraError as err:
        window.errors.show(err)
        return
    # the generate use case loads on the first send, not before the window's first paint
    from sora_desktop.usecases import generate as usecase
    from sora_desktop.usecases.generate import Order

    # Plain values only: nothing that runs on the I/O thread may hold a Qt object.
    order = Order(
        prompt=prompt,
        model=model,
        size=size,
        seconds=seconds,
        image=picker.path(),
        fit=picker.mode() if picker.needs_conversion() else None,
        audio=panel.audio(),
        negative_prompt=panel.negative_prompt(),
        seed=panel.seed(),
        end_image=panel.end_image(),
        end_fit=panel.end_fit(),
        params=params,
        image_params=tuple(
            (name, path, "crop" if fit == "crop" else "fit" if fit else None)
            for name, path, fit in panel.more_image_values()
        ),
    )
    send(window, key, usecase.submit(window.controller.service, order, connection, images_dir))
    if window._remember_prompt is not None:
        window.prompt.set_recent_prompts(window._remember_prompt(prompt))


def send(
    window: MainWindow,
    key: Hashable,
    submit: Coroutine[Any, Any, Job | list[Job]],
    after: Callable[[], None] | None = None,
) -> None:
    """Run ``submit`` (it stores the new job, or jobs, and starts them) under the send
    guard; ``after`` runs once it was accepted or refused."""

    def accepted(result: Job | list[Job]) -> None:
        window._submitting = max(0, window._submitting - 1)
        window.send_guard.accepted(key)
        for job in result if isinstance(result, list) else [result]:
            window.controller.job_submitted.emit(job)
        if after is not None:
            after()

    def refused(error: BaseException) -> None:
        window._submitting = max(0, window._submitting - 1)
        window.send_guard.failed(key)
        window.errors.show(error)
        window._status(_t("Not sent."))
        if after is not None:
            after()

    window.send_guard.begin(key)
    window._submitting += 1
    window.controller.call(submit, accepted, refused)
    window._status(_t("Sending…"))


def retry_job(window: MainWindow, job_id: str) -> None:
    """Make a job that ended without a video again: a NEW job with the same settings,
    after the creator confirmed it with its estimated cost. The old job is untouched
    and its create is never sent again."""
    from sora_desktop.core.retry import retry_request
    from sora_desktop.usecases import generate as usecase
    from sora_desktop.usecases.resend import is_outcome_unknown

    job = window.controller.history.get(job_id)
    if job is None:
        window._status(_t("This job is no longer in the library."))
        return
    if is_outcome_unknown(job):  # it may exist and be billed: "Send again…" asks with care
        from sora_desktop.gui.resend import resend_job

        resend_job(window, job_id)
        return
    try:
        retry_request(job)  # refused now, before the cost question, if it can't be retried
    except SoraError as err:
        window.errors.show(err)
        return
    key = ("retry", job_id)
    profiles = window.settings_panel.profiles()
    if window.send_guard.blocked(key) or not window.ask_retry(
        window, job, job_cost_text(job, profiles)
    ):
        return
    if window.send_guard.blocked(key):  # another retry of it went while we asked
        return
    # the job's connection as it is configured now (the built-in simulator's address
    # changes from one start to the next); as stored when its profile is gone
    profile = next((p for p in profiles if p.id == job.connection.profile_id), None)
    try:
        connection = window._connection_for(profile) if profile else job.connection
    except Exception as exc:  # a profile that can't be reached yet
        window.errors.show(exc)
        return
    send(window, key, usecase.retry(window.controller.service, job, connection))
