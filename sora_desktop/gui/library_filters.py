"""The library's Filter and Sort buttons (compact: they fit a narrow panel).

Public API::

    FilterButton(facets: Callable[[], LibraryFacets], parent=None)
        .changed: Signal(LibraryFilters)     # after the creator picked or cleared a choice
        .filters() -> LibraryFilters / .set_filters(f) / .clear()
        .connection_name: Callable[[ConnectionFacet], str]   # how a connection is named
        .rebuild_menu() -> QMenu                               # the menu as it would open
    SortButton(parent=None)
        .chosen: Signal(str, bool)           # a store sort key, descending
        .set_current(key, descending)        # follow a click on a column header
        SORT_CHOICES                         # (key, descending) offered, in menu order

The Filter menu lists, per facet (model, size, length, connection), the values present in the
library with their counts (read from the store when the menu opens); several values of one
facet widen the choice, facets narrow each other. The date is one of :class:`Period`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from urllib.parse import urlsplit

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu, QToolButton, QWidget

from sora_desktop.core.library_query import ConnectionFacet, LibraryFacets, LibraryFilters, Period
from sora_desktop.core.models import ConnectionKind, Profile
from sora_desktop.core.profiles import SIMULATOR_ID, SIMULATOR_PROFILE
from sora_desktop.gui.i18n import profile_name, translate_core

translate = QCoreApplication.translate

#: (store sort key, descending), in the order the Sort menu offers them
SORT_CHOICES: tuple[tuple[str, bool], ...] = (
    ("created_at", True),
    ("created_at", False),
    ("seconds", True),
    ("seconds", False),
    ("size", True),
    ("size", False),
    ("model", False),
    ("connection", False),
    ("prompt", False),
)


def sort_label(key: str, descending: bool) -> str:
    labels = {
        ("created_at", True): translate("LibraryFilters", "Newest first"),
        ("created_at", False): translate("LibraryFilters", "Oldest first"),
        ("seconds", True): translate("LibraryFilters", "Longest first"),
        ("seconds", False): translate("LibraryFilters", "Shortest first"),
        ("size", True): translate("LibraryFilters", "Largest size first"),
        ("size", False): translate("LibraryFilters", "Smallest size first"),
        ("model", False): translate("LibraryFilters", "Model (A to Z)"),
        ("model", True): translate("LibraryFilters", "Model (Z to A)"),
        ("connection", False): translate("LibraryFilters", "Connection (A to Z)"),
        ("connection", True): translate("LibraryFilters", "Connection (Z to A)"),
        ("prompt", False): translate("LibraryFilters", "Prompt (A to Z)"),
        ("prompt", True): translate("LibraryFilters", "Prompt (Z to A)"),
    }
    return labels.get((key, descending), translate("LibraryFilters", "Column order"))


def period_label(period: Period) -> str:
    return {
        Period.ANY: translate("LibraryFilters", "Any time"),
        Period.TODAY: translate("LibraryFilters", "Today"),
        Period.PAST_WEEK: translate("LibraryFilters", "Past 7 days"),
        Period.PAST_MONTH: translate("LibraryFilters", "Past 30 days"),
        Period.THIS_MONTH: translate("LibraryFilters", "This month"),
        Period.THIS_YEAR: translate("LibraryFilters", "This year"),
    }[period]


def connection_label(
    key: str,
    kind: ConnectionKind,
    base_url: str,
    profile: Callable[[str], Profile | None] | None = None,
) -> str:
    """How the library names a connection: its profile's name when the profile still
    exists, the built-in simulator by its name, else the host of its address."""
    found = profile(key) if profile is not None else None
    if found is not None:
        return profile_name(found)
    if key == SIMULATOR_ID:
        return translate_core(SIMULATOR_PROFILE.name)
    if kind is ConnectionKind.SIMULATOR:
        return translate("LibraryFilters", "Simulator at {host}").format(
            host=urlsplit(base_url).netloc or key
        )
    return urlsplit(key).netloc or key


def default_connection_name(facet: ConnectionFacet) -> str:
    return connection_label(facet.key, facet.kind, facet.base_url)


class FilterButton(QToolButton):
    changed = Signal(object)

    def __init__(self, facets: Callable[[], LibraryFacets], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._facets = facets
        self._filters = LibraryFilters()
        self.connection_name: Callable[[ConnectionFacet], str] = default_connection_name
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.setToolTip(
            self.tr("Show only videos of some models, sizes, lengths, dates or connections")
        )
        self._menu = QMenu(self)
        self._menu.aboutToShow.connect(self.rebuild_menu)
        self.setMenu(self._menu)
        self._update_text()

    def filters(self) -> LibraryFilters:
        return self._filters

    def set_filters(self, filters: LibraryFilters) -> None:
        if filters != self._filters:
            self._filters = filters
            self._update_text()
            self.changed.emit(filters)

    def clear(self) -> None:
        self.set_filters(LibraryFilters())

    def _update_text(self) -> None:
        active = self._filters.active()
        self.setText(
            self.tr("Filter ({count})").format(count=active) if active else self.tr("Filter")
        )

    def rebuild_menu(self) -> QMenu:
        menu = self._menu
        menu.clear()
        facets = self._facets()
        current = self._filters
        self._facet_menu(menu, self.tr("Model"), "models", [(m, m, n) for m, n in facets.models])
        self._facet_menu(
            menu,
            self.tr("Size"),
            "sizes",
            [(s, s.replace("x", "×"), n) for s, n in facets.sizes],
        )
        self._facet_menu(
            menu,
            self.tr("Length"),
            "seconds",
            [(s, self.tr("{seconds} s").format(seconds=s), n) for s, n in facets.seconds],
        )
        self._facet_menu(
            menu,
            self.tr("Connection"),
            "connections",
            [(c.key, self.connection_name(c), c.count) for c in facets.connections],
        )
        dates = menu.addMenu(self.tr("Date"))
        group = QActionGroup(dates)
        for period in Period:
            action = dates.addAction(period_label(period))
            action.setCheckable(True)
            action.setChecked(current.period is period)
            action.setData(period.value)
            group.addAction(action)
            action.triggered.connect(
                lambda _on=False, p=period: self.set_filters(self._with_period(p))
            )
        dates.menuAction().setData("period")
        menu.addSeparator()
        clear = menu.addAction(self.tr("Clear filters"))
        clear.setEnabled(bool(current.active()))
        clear.triggered.connect(self.clear)
        return menu

    def _with_period(self, period: Period) -> LibraryFilters:
        from dataclasses import replace

        return replace(self._filters, period=period)

    def _facet_menu(
        self, menu: QMenu, title: str, facet: str, values: list[tuple[Any, str, int]]
    ) -> None:
        chosen: tuple[Any, ...] = getattr(self._filters, facet)
        present = {value for value, _label, _n in values}
        # a chosen value that is no longer in the library stays listed, so it can be unticked
        values = values + [(v, str(v), 0) for v in chosen if v not in present]
        sub = menu.addMenu(title)
        sub.menuAction().setData(facet)
        sub.setEnabled(bool(values))
        for value, label, count in values:
            action = sub.addAction(self.tr("{label} ({count})").format(label=label, count=count))
            action.setCheckable(True)
            action.setChecked(value in chosen)
            action.setData(value)
            action.triggered.connect(
                lambda _on=False, f=facet, v=value: self.set_filters(self._filters.toggled(f, v))
            )

    def facet_actions(self, facet: str) -> list[QAction]:
        """The actions of one submenu ("models", "sizes", "seconds", "connections", "period")
        of the menu as last built."""
        for action in self._menu.actions():
            sub = action.menu()
            if isinstance(sub, QMenu) and action.data() == facet:
                return list(sub.actions())
        return []


class SortButton(QToolButton):
    chosen = Signal(str, bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.setToolTip(self.tr("Sort the library"))
        self._menu = QMenu(self)
        group = QActionGroup(self._menu)
        self.actions_by_key: dict[tuple[str, bool], QAction] = {}
        for key, descending in SORT_CHOICES:
            action = self._menu.addAction(sort_label(key, descending))
            action.setCheckable(True)
            group.addAction(action)
            action.triggered.connect(lambda _on=False, k=key, d=descending: self._choose(k, d))
            self.actions_by_key[(key, descending)] = action
        self.setMenu(self._menu)
        self.set_current("created_at", True)

    def _choose(self, key: str, descending: bool) -> None:
        self.set_current(key, descending)
        self.chosen.emit(key, descending)

    def set_current(self, key: str, descending: bool) -> None:
        action = self.actions_by_key.get((key, descending))
        for other in self.actions_by_key.values():
            other.setChecked(other is action)
        self.setText(self.tr("Sort: {order}").format(order=sort_label(key, descending)))
