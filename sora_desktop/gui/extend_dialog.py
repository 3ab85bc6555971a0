"""Extend…: the prompt and length of what comes next, the route that will make it, its cost.

Public API::

    dialog = ExtendDialog(job, route, description, caps, parent=None, simulator=False)
    if dialog.exec() == QDialog.DialogCode.Accepted:
        dialog.prompt(), dialog.seconds()
    ask_extension(job, plan, caps, parent, simulator=False) -> tuple[str, int] | None

The route comes from ``usecases.extend.extend_plan`` (the connection's extensions endpoint,
the model's own extend, or a continuation from the last frame joined to the source); the
cost is worded by ``gui.cost`` (an extension is a new paid render of ``seconds``; joining a
continuation to its source happens on this computer, free). Ctrl+Enter extends.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from sora_desktop.core.extend import ExtendRoute
from sora_desktop.core.models import Job
from sora_desktop.gui.cost import cost_text
from sora_desktop.gui.shortcuts import ctrl_enter

if TYPE_CHECKING:
    from sora_desktop.core.capabilities import ModelCapabilities
    from sora_desktop.usecases.extend import ExtendPlan


class ExtendDialog(QDialog):
    def __init__(
        self,
        job: Job,
        route: ExtendRoute,
        description: str,
        caps: ModelCapabilities,
        parent: QWidget | None = None,
        *,
        simulator: bool = False,
    ) -> None:
        super().__init__(parent)
        self._job = job
        self._route = route
        self._caps = caps
        self._simulator = simulator
        self.setWindowTitle(self.tr("Extend video"))
        layout = QVBoxLayout(self)
        hint = QLabel(
            self.tr(
                "Describe what happens next. The new part starts where this clip ends ({0} s, {1})."
            ).format(job.request.seconds, job.request.size.replace("x", "×"))
        )
        hint.setWordWrap(True)
        layout.addWidget(hint)
        self.editor = QPlainTextEdit(job.request.prompt)
        self.editor.setObjectName("extend_prompt")
        self.editor.setMinimumSize(440, 120)
        self.editor.setTabChangesFocus(True)  # Tab goes on to the next control
        self.editor.selectAll()
        layout.addWidget(self.editor)
        form = QFormLayout()
        self.seconds_combo = QComboBox()
        self.seconds_combo.setObjectName("extend_seconds")
        for value in caps.seconds:
            self.seconds_combo.addItem(self.tr("{0} seconds").format(value), value)
        self.seconds_combo.setToolTip(self.tr("How long the new part lasts"))
        form.addRow(self.tr("Add:"), self.seconds_combo)
        self.route_label = QLabel(description)
        self.route_label.setObjectName("extend_route")
        self.route_label.setWordWrap(True)
        self.route_label.setToolTip(self._route_tip())
        form.addRow(self.tr("How:"), self.route_label)
        self.cost_label = QLabel()
        self.cost_label.setObjectName("extend_cost")
        self.cost_label.setWordWrap(True)
        self.cost_label.setToolTip(
            self.tr("An estimate from archived per-second prices; the service bills the truth")
        )
        form.addRow(self.tr("Cost:"), self.cost_label)
        layout.addLayout(form)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Extend"))
        ok.setToolTip(self.tr("Send the extension (Ctrl+Enter)"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.editor.textChanged.connect(self._update)
        self.seconds_combo.currentIndexChanged.connect(self._update)
        ctrl_enter(self, self._submit)
        self._update()

    def prompt(self) -> str:
        return self.editor.toPlainText().strip()

    def seconds(self) -> int:
        return int(self.seconds_combo.currentData())

    def _route_tip(self) -> str:
        if self._route is ExtendRoute.CONTINUATION:
            return self.tr(
                "This connection or clip can't be extended by the service, so the clip's "
                "exact last frame starts a new generation; when it is ready the two are "
                "joined on this computer into a new library item."
            )
        if self._route is ExtendRoute.PROVIDER:
            return self.tr(
                "This clip is sent to the provider, whose model continues it; the whole "
                "longer clip becomes a new library item and this one stays as it is."
            )
        return self.tr("The longer clip becomes a new library item; this one stays as it is.")

    def _update(self) -> None:
        estimate = cost_text(
            self._caps, self._job.request.size, self.seconds(), simulator=self._simulator
        )
        text = self.tr("A new {0}-second render: {1}").format(self.seconds(), estimate)
        if self._route is ExtendRoute.CONTINUATION:
            text += "\n" + self.tr("Joining it to this clip is free (done on this computer).")
        self.cost_label.setText(text)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(self.prompt()))

    def _submit(self) -> None:
        if self.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled():
            self.accept()


def ask_extension(
    job: Job,
    plan: ExtendPlan,
    caps: ModelCapabilities,
    parent: QWidget | None = None,
    *,
    simulator: bool = False,
) -> tuple[str, int] | None:
    """Show the dialog modally: (prompt, seconds), or None when cancelled."""
    dialog = ExtendDialog(job, plan.route, plan.description, caps, parent, simulator=simulator)
    try:
        if dialog.exec() == QDialog.DialogCode.Accepted:
            return dialog.prompt(), dialog.seconds()
        return None
    finally:
        dialog.deleteLater()
