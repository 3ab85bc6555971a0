"""Testing a connection from the Connections dialog: the tester that runs the
test-a-connection use case as an operation, and its outcome in plain words.

The tester is called with the profile as edited (maybe not saved yet) and the key typed in
the key field (``None``: use the stored key / environment variable); it runs
``usecases.connections.check_connection`` (lists videos once, or asks a provider what it
knows) on the I/O loop and returns its ``ConnectionReport`` (:func:`describe_report` says it).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject

from sora_desktop.core.builtin_simulator import SimulatorLink
from sora_desktop.core.models import Connection, Profile
from sora_desktop.usecases.connections import ConnectionReport

if TYPE_CHECKING:
    from sora_desktop.gui.operations import Op, Operations

translate = QCoreApplication.translate

ConnectionTester = Callable[[QObject, Profile, str | None], "Op[ConnectionReport]"]


def connection_tester(
    operations: Operations,
    connection_for: Callable[[Profile], Connection],
    simulator: SimulatorLink | None = None,
) -> ConnectionTester:
    """A tester that runs the test-a-connection use case as an operation, on the I/O loop
    (``simulator``: the built-in one, started there when a profile on it is tested)."""

    def test(parent: QObject, profile: Profile, key: str | None) -> Op[ConnectionReport]:
        return operations.test_connection(
            parent=parent,
            connection=connection_for(profile),
            key=key,
            simulator=simulator,
            hint=translate("ConnectionsDialog", "Paste the key in the API key field."),
        )

    return test


def describe_report(report: ConnectionReport) -> str:
    """The outcome of a test in plain words (the dialog shows it under the form)."""
    ms = round(report.latency * 1000)
    if report.ok:
        if not report.facts:
            listed = report.videos_listed  # a plain name as the count: lupdate misses a call there
            return translate(
                "ConnectionsDialog",
                "Connected in {ms} ms. The key was accepted and the service lists %n video(s).",
                "",
                listed,
            ).format(ms=ms)
        # a provider answers what it knows (account, credits) instead of a video list
        lines = [
            translate("ConnectionsDialog", "Connected in {ms} ms. The key was accepted.").format(
                ms=ms
            )
        ]
        lines += [
            translate("ConnectionsDialog", "{label}: {value}").format(label=label, value=value)
            for label, value in report.facts
        ]
        return "\n".join(lines)
    err = report.error
    detail = err.message if err is not None else translate("ConnectionsDialog", "No answer.")
    step = err.next_step if err is not None else ""
    text = translate("ConnectionsDialog", "The connection failed: {detail}").format(detail=detail)
    if step:
        text += "\n" + translate("ConnectionsDialog", "Next step: {step}").format(step=step)
    return text
