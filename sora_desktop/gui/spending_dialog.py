"""Estimated spending: running totals per month and per connection.

``SpendingDialog(totals: SpendingTotals, name: Callable[[SpendingLine], str], parent)`` shows
``core.spending`` totals (from the estimates stored with each job when it was submitted) as
a tree: a month with its total, and under it each connection with its videos and estimate. A
simulator shows as free; videos whose price is unknown are counted and said, never guessed.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from sora_desktop.core.spending import SpendingLine, SpendingTotals


def money(amount: float) -> str:
    return f"${amount:,.2f}"


class SpendingDialog(QDialog):
    def __init__(
        self,
        totals: SpendingTotals,
        name: Callable[[SpendingLine], str],
        parent: QWidget | None = None,
        *,
        this_month: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Estimated spending"))
        self._totals = totals
        month = this_month or _dt.date.today().strftime("%Y-%m")
        layout = QVBoxLayout(self)
        self.summary = QLabel(
            self.tr("This month: ≈ {month} · All time: ≈ {total}").format(
                month=money(totals.month_total(month)), total=money(totals.total)
            )
        )
        bold = QFont(self.summary.font())
        bold.setBold(True)
        self.summary.setFont(bold)
        layout.addWidget(self.summary)
        self.tree = QTreeWidget()
        self.tree.setColumnCount(3)
        self.tree.setHeaderLabels(
            [self.tr("Month / connection"), self.tr("Videos"), self.tr("Estimated")]
        )
        self.tree.setRootIsDecorated(True)
        self.tree.setUniformRowHeights(True)
        header = self.tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        for col in (1, 2):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        for m in totals.months():
            lines = [li for li in totals.lines if li.month == m]
            top = QTreeWidgetItem(
                [m, str(sum(li.videos for li in lines)), money(totals.month_total(m))]
            )
            top.setFont(0, bold)
            top.setFont(2, bold)
            for li in sorted(lines, key=lambda li: -li.estimated):
                top.addChild(QTreeWidgetItem([name(li), str(li.videos), self.cost_text(li)]))
            for col in (1, 2):
                top.setTextAlignment(col, Qt.AlignmentFlag.AlignRight)
            self.tree.addTopLevelItem(top)
            top.setExpanded(m == month or self.tree.topLevelItemCount() == 1)
        layout.addWidget(self.tree, 1)
        if not totals.lines:
            empty = QLabel(self.tr("Nothing has been sent to a service yet."))
            layout.addWidget(empty)
        note = self.tr(
            "Estimates from archived per-second prices for the videos each service accepted; "
            "your service's bill is what counts."
        )
        if totals.unpriced:
            note += " " + self.tr(
                "%n video(s) with a model of unknown price are not included.",
                "",
                totals.unpriced,
            )
        self.note = QLabel(note)
        self.note.setWordWrap(True)
        layout.addWidget(self.note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(560, 420)

    def cost_text(self, line: SpendingLine) -> str:
        if line.free:
            return self.tr("free")
        text = "≈ " + money(line.estimated)
        if line.unpriced:
            text += " " + self.tr("(+%n unpriced)", "", line.unpriced)
        return text
