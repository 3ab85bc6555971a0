"""The connections dialog: add, edit, remove and test connection profiles.

Public API::

    ConnectionTester = Callable[[QObject, Profile, str | None], Op[ConnectionReport]]
    connection_tester(operations, connection_for, simulator=None) -> ConnectionTester
        # operations: the window's operation API (the test runs on the I/O loop);
        # connection_for: the app's Profile -> Connection; simulator: the built-in one
    dialog = ConnectionsDialog(profiles: ProfileStore, test_connection: ConnectionTester | None,
                               parent: QWidget | None = None,
                               keyring_available: Callable[[], bool] = keyring_available)
    dialog.profiles_changed: Signal()     # a profile was saved or removed: reload the lists
    dialog.exec()

The tester is called with the profile as edited (maybe not saved yet) and the key typed in
the key field (``None``: use the stored key / environment variable). It runs the
test-a-connection use case (``usecases.connections.check_connection``: lists videos once)
and returns its ``ConnectionReport``; the dialog shows progress while it runs and the
outcome in plain words. Keys go to the OS keyring (``usecases.profiles.save_profile``), never
into ``profiles.json``.

Without a system keychain (``keyring_available()`` False) new profiles default to the
environment-variable option, the form says why, and saving a profile whose key is to be kept
in the keychain is refused with that reason. A failed Save keeps everything typed, the key
too; a message about a field goes away (or changes) as soon as the field is edited. The form
scrolls when the dialog is too small for it, so no field is ever squashed (``form_scroll.py``).
Leaving the form with unsaved changes asks first, the native way, the same question
wherever it is left: closing the dialog (Close, Escape, the window's close box), picking
another connection in the list, or pressing Add. Save (then goes on once saved: closes, shows
the picked connection or the new form; a refused save stays, the field named), Discard (goes
on) or Cancel (the form stays as typed and the list's selection goes back to it); with
nothing changed it just goes on. ``start_new()`` and ``select_profile()`` are the program's
own moves and never ask.
The tester and the words for its outcome are in ``connection_test.py``.
"""

from __future__ import annotations

import dataclasses
import html
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sora_desktop.core.errors import SoraError
from sora_desktop.core.models import Profile
from sora_desktop.core.profiles import SIMULATOR_ID, ProfileStore, validate_profile
from sora_desktop.gui.connection_form import ConnectionForm, FormError
from sora_desktop.gui.connection_test import ConnectionTester, connection_tester, describe_report
from sora_desktop.gui.form_scroll import FormScroll
from sora_desktop.gui.i18n import profile_name
from sora_desktop.usecases.connections import (
    ConnectionReport,
    has_stored_key,
    keyring_available,
)
from sora_desktop.usecases.profiles import ProfileNotSaved, ProfileSaved

if TYPE_CHECKING:
    from sora_desktop.gui.operations import Operations


def _inline_operations() -> Operations:
    from sora_desktop.gui.operations import Operations

    return Operations.inline()


__all__ = ["ConnectionTester", "ConnectionsDialog", "connection_tester"]


class ConnectionsDialog(QDialog):
    profiles_changed = Signal()

    def __init__(
        self,
        profiles: ProfileStore,
        test_connection: ConnectionTester | None = None,
        parent: QWidget | None = None,
        keyring_available: Callable[[], bool] = keyring_available,
        operations: Operations | None = None,
    ) -> None:
        super().__init__(parent)
        #: what the dialog runs off the GUI thread (saving and removing profiles with their
        #: keys); inline when built on its own (a test)
        self.operations = operations if operations is not None else _inline_operations()
        self.setWindowTitle(self.tr("Connections"))
        self._profiles = profiles
        self._tester = test_connection
        self._keyring_available = keyring_available
        self._test_token = 0
        # the connection picked in the list while the form had unsaved changes (asked next)
        self._picked: str | None = None
        self.last_report: ConnectionReport | None = None
        self._build()
        self._reload(select=self._profiles.list()[0].id)
        self.resize(820, 560)

    # ----- construction --------------------------------------------------------------------

    def _build(self) -> None:
        outer = QVBoxLayout(self)
        body = QHBoxLayout()
        left = QVBoxLayout()
        self.list = QListWidget()
        self.list.setMinimumWidth(220)
        self.list.setAlternatingRowColors(True)
        self.list.setSpacing(1)
        self.list.currentItemChanged.connect(self._on_current)
        left.addWidget(self.list, 1)
        row = QHBoxLayout()
        self.add_button = QPushButton(self.tr("Add"))
        self.add_button.clicked.connect(self.add_connection)
        self.remove_button = QPushButton(self.tr("Remove…"))
        self.remove_button.clicked.connect(self._remove)
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        left.addLayout(row)
        body.addLayout(left)

        right = QVBoxLayout()
        self.form = ConnectionForm(self)
        self.form.edited.connect(self._revalidate)
        # When a message below needs room the form scrolls; its fields are never squashed.
        self.form_scroll = FormScroll()
        self.form_scroll.setWidget(self.form)
        self.form_scroll.setWidgetResizable(True)
        self.form_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.form_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        right.addWidget(self.form_scroll, 1)
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setTextFormat(Qt.TextFormat.RichText)
        self.error_label.setObjectName("error")
        self.error_label.hide()
        right.addWidget(self.error_label)
        test_row = QHBoxLayout()
        self.test_button = QPushButton(self.tr("Test connection"))
        self.test_button.setToolTip(
            self.tr("Make one cheap call to the service to check the address and the key")
        )
        self.test_button.clicked.connect(self.run_test)
        self.test_button.setEnabled(self._tester is not None)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)  # busy
        self.progress.setMaximumWidth(120)
        self.progress.hide()
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        test_row.addWidget(self.test_button)
        test_row.addWidget(self.progress)
        test_row.addStretch(1)
        test_row.addWidget(self.save_button)
        self.test_result = QLabel()
        self.test_result.setWordWrap(True)
        self.test_result.setTextFormat(Qt.TextFormat.PlainText)
        self.test_result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.test_result.setObjectName("test_result")
        right.addWidget(self.test_result)
        # the buttons last: a result (one line or three) appears above them, so Test and Save
        # stay where the pointer is instead of jumping up under it
        right.addLayout(test_row)
        body.addLayout(right, 1)
        outer.addLayout(body, 1)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        outer.addWidget(buttons)

    # ----- list ----------------------------------------------------------------------------

    def _reload(self, select: str | None = None) -> None:
        self.list.blockSignals(True)
        self.list.clear()
        for profile in self._profiles.list():
            detail = (
                self.tr("Built in, no account needed")
                if profile.id == SIMULATOR_ID
                else self.form.kind_label(profile.kind)
            )
            item = QListWidgetItem(f"{profile_name(profile)}\n{detail}")
            item.setData(Qt.ItemDataRole.UserRole, profile.id)
            self.list.addItem(item)
        self.list.blockSignals(False)
        ids = [self.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.list.count())]
        self.list.blockSignals(True)
        self.list.setCurrentRow(ids.index(select) if select in ids else 0)
        self.list.blockSignals(False)
        self._show_current()

    def current_profile(self) -> Profile | None:
        item = self.list.currentItem()
        if item is None:
            return None
        return self._profiles.get(item.data(Qt.ItemDataRole.UserRole))

    def select_profile(self, profile_id: str) -> None:
        self._reload(select=profile_id)

    def _on_current(self, current: QListWidgetItem | None, _previous: object) -> None:
        """The creator moved the list's selection (a click, the arrow keys)."""
        if current is None:
            return  # nothing picked
        if not self.form.is_modified():
            self._show_current()
            return
        # Unsaved changes: ask once the click or key press that moved the selection is over
        # (a question inside it would leave the view half-pressed, the clicked row selected).
        first = self._picked is None
        self._picked = current.data(Qt.ItemDataRole.UserRole)
        if first:
            QTimer.singleShot(0, self, self._ask_before_showing_picked)

    @Slot()
    def _ask_before_showing_picked(self) -> None:
        picked, self._picked = self._picked, None
        if picked is None:
            return
        # while asking (and saving) the list shows the connection being edited; Cancel or a
        # refused save leaves it there, without a second question
        self._select_quietly(None if self.form.is_new() else self.form.profile_id())
        self._leave_form(lambda: self.select_profile(picked))

    def _select_quietly(self, profile_id: str | None) -> None:
        """Move the list's selection without loading anything (no profile: none selected)."""
        ids = [self.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.list.count())]
        self.list.blockSignals(True)
        self.list.setCurrentRow(ids.index(profile_id) if profile_id in ids else -1)
        if profile_id not in ids:
            self.list.clearSelection()
        self.list.blockSignals(False)

    def _show_current(self) -> None:
        """Load the list's current profile into the form."""
        profile = self.current_profile()
        self._clear_messages()
        if profile is None:
            return
        self.form.load(
            profile,
            has_stored_key=self._has_stored_key(profile),
            keyring=self._keyring_available(),
        )
        self.form_scroll.follow_form()
        self.remove_button.setEnabled(profile.id != SIMULATOR_ID)
        self.save_button.setEnabled(profile.id != SIMULATOR_ID)

    def _has_stored_key(self, profile: Profile) -> bool:
        return has_stored_key(profile)

    @Slot()
    def add_connection(self) -> None:
        """The Add button: a new, empty form, once unsaved changes are saved or dropped."""
        self._leave_form(self.start_new)

    @Slot()
    def start_new(self) -> None:
        """Clear the form for a new profile (saved by :meth:`save`); never asks."""
        self._select_quietly(None)
        self._clear_messages()
        self.form.load_new(keyring=self._keyring_available())
        self.form_scroll.follow_form()
        self.remove_button.setEnabled(False)
        self.save_button.setEnabled(True)
        self.form.name_edit.setFocus()

    # ----- save / remove -------------------------------------------------------------------

    def _checked_profile(self) -> Profile:
        """The profile as edited, checked without saving anything. Raises FormError."""
        editing = None if self.form.is_new() else self.form.profile_id()
        profile = self.form.to_profile(existing=[p for p in self._profiles.ids() if p != editing])
        try:
            validate_profile(profile)
        except SoraError as err:
            raise FormError(self.tr("Profile"), err.one_line(), None) from err
        if self.form.uses_keyring() and not self._keyring_available():
            raise FormError(
                self.tr("API key"),
                self.tr(
                    "This computer has no system keychain, so the key can't be kept there. "
                    "Choose “{option}” and enter the name of the variable that holds your key."
                ).format(option=self.form.env_radio.text()),
                self.form.env_radio,
            )
        return profile

    @Slot()
    def _revalidate(self) -> None:
        """After an edit: a message about the form goes, or says what is still wrong."""
        if not self.error_label.isVisible():
            return
        try:
            self._checked_profile()
        except FormError as err:
            self._show_error(err.field_label, err.message, None)
            return
        self._clear_messages()

    @Slot()
    def save(self, *, then: Callable[[], None] | None = None) -> bool:
        """Validate the form, then store the key and the profile (an operation). False (with
        the field named inline) when something is refused (by the operation: when it
        answered at once); what was typed, the key too, stays in the form. ``then``: what
        to do once the profile is saved (close, show another connection); never after a
        refusal."""
        self._clear_messages()
        editing = None if self.form.is_new() else self.form.profile_id()
        try:
            profile = self._checked_profile()
        except FormError as err:
            self._show_error(err.field_label, err.message, err.widget)
            return False
        key = self.form.typed_key()
        uses_keyring = self.form.uses_keyring()
        outcome: list[bool] = []

        def saved(done: ProfileSaved) -> None:
            outcome.append(True)
            self._reload(select=done.profile.id)
            if uses_keyring and not done.has_key:
                self._say(
                    self.tr(
                        "Saved, but no API key is stored for it yet: paste the key and press "
                        "Save before you generate."
                    )
                )
            else:
                self._say(self.tr("Saved."))
            self.profiles_changed.emit()
            if then is not None:
                then()  # saved: nothing left to ask about

        def refused(error: BaseException) -> None:
            outcome.append(False)
            if not isinstance(error, ProfileNotSaved):
                self.operations.show_error(error)
                return
            if error.part == "key":
                self._show_error(self.tr("API key"), error.message, self.form.key_edit)
            else:
                self._show_error(self.tr("Profile"), error.message, None)

        # the keyring and the file's fsync run off the GUI thread; the form keeps what was
        # typed until the answer comes
        self.operations.save_profile(
            parent=self,
            profiles=self._profiles,
            profile=profile,
            key=key,
            new=editing is None,
            keyring=uses_keyring,
        ).success(saved).failure(refused).run_in_background()
        return outcome[0] if outcome else True

    def _remove(self) -> None:
        profile = self.current_profile()
        if profile is None or profile.id == SIMULATOR_ID:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Remove connection"),
            self.tr("Remove “{name}” and forget its key?").format(name=profile_name(profile)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.remove_profile(profile.id)

    def remove_profile(self, profile_id: str) -> None:
        """Remove without asking (the button asks first), its key too (an operation)."""

        def removed(_done: None) -> None:
            self._reload()
            self.profiles_changed.emit()

        self.operations.remove_profile(
            parent=self, profiles=self._profiles, profile_id=profile_id
        ).success(removed).run_in_background()

    # ----- test ----------------------------------------------------------------------------

    @Slot()
    def run_test(self) -> None:
        if self._tester is None:
            return
        self._clear_messages()
        try:
            profile = self.form.to_profile(existing=[])
        except FormError as err:
            self._show_error(err.field_label, err.message, err.widget)
            return
        if not self.form.is_new():
            profile = dataclasses.replace(profile, id=self.form.profile_id())
        key = None if profile.env_var else (self.form.typed_key() or None)
        self._test_token += 1
        token = self._test_token
        self.progress.show()
        self.test_button.setEnabled(False)
        self._say(self.tr("Testing {name}…").format(name=profile_name(profile)))
        try:
            op = self._tester(self, profile, key)
        except SoraError as err:
            self._on_test_done(token, ConnectionReport(ok=False, error=err))
            return
        # the answer comes back on the GUI thread; a later test, or closing, makes it stale
        op.success(lambda report: self._on_test_done(token, report)).failure(
            lambda error: self._on_test_done(token, error)
        ).run_in_background()

    def is_testing(self) -> bool:
        return self.progress.isVisible()

    def _on_test_done(self, token: int, outcome: ConnectionReport | BaseException) -> None:
        if token != self._test_token:
            return
        self.progress.hide()
        self.test_button.setEnabled(self._tester is not None)
        report: ConnectionReport
        if isinstance(outcome, SoraError):
            report = ConnectionReport(ok=False, error=outcome)
        elif isinstance(outcome, BaseException):
            report = ConnectionReport(ok=False, error=SoraError(str(outcome)))
        else:
            report = outcome
        self.last_report = report
        self._say(describe_report(report))

    # ----- messages ------------------------------------------------------------------------

    def _show_error(self, field: str, message: str, widget: QWidget | None) -> None:
        self.error_label.setText(
            "⚠ "
            + self.tr("{field}: {message}").format(
                field=f"<b>{html.escape(field)}</b>", message=html.escape(message)
            )
        )
        self.error_label.show()
        self._fit_message(self.error_label)
        if widget is not None:
            widget.setFocus()
            self._bring_into_view(widget)
            # again once the message has taken its room (the form's view got shorter)
            QTimer.singleShot(0, self, lambda: self._bring_into_view(widget))

    def _bring_into_view(self, widget: QWidget) -> None:
        if self.error_label.isVisible():
            self.form_scroll.ensureWidgetVisible(widget)

    def _say(self, text: str) -> None:
        self.test_result.setText(text)
        self._fit_message(self.test_result)

    def _fit_message(self, label: QLabel) -> None:
        """A wrapped message claims all the lines it needs at the narrowest the dialog can
        be (Qt leaves wrapped text out of a window's minimum size): the form above scrolls
        rather than the message being cut."""
        narrowest = self.form_scroll.minimumSizeHint().width()
        label.setMinimumHeight(label.heightForWidth(narrowest) if label.text() else 0)

    def _clear_messages(self) -> None:
        self.error_label.hide()
        self.error_label.clear()
        self.error_label.setMinimumHeight(0)
        self.test_result.clear()
        self.test_result.setMinimumHeight(0)

    # ----- closing -------------------------------------------------------------------------

    def reject(self) -> None:
        """Close, Escape and the close box: unsaved changes are asked about first."""
        self._leave_form(lambda: QDialog.reject(self))

    def _leave_form(self, go_on: Callable[[], None]) -> None:
        """Leave the form (close, show another connection, start a new one) by calling
        ``go_on``, asking first when it has unsaved changes: Save (``go_on`` once saved; a
        refusal stays, named inline), Discard (``go_on`` now) or Cancel (nothing)."""
        if not self.form.is_modified():
            go_on()
            return
        answer = self._ask_unsaved()
        if answer == QMessageBox.StandardButton.Save:
            self.save(then=go_on)
        elif answer == QMessageBox.StandardButton.Discard:
            go_on()

    def _ask_unsaved(self) -> QMessageBox.StandardButton:
        """Save, Discard or Cancel, in the platform's own order and words."""
        name = self.form.name_edit.text().strip()
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Connections"),
            self.tr("Save the changes to “{name}”?").format(name=name)
            if name
            else self.tr("Save the new connection?"),
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
            self,
        )
        box.setInformativeText(self.tr("If you don't save, what you typed here is lost."))
        box.setDefaultButton(QMessageBox.StandardButton.Save)
        box.setEscapeButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        clicked = box.clickedButton()
        if clicked is None:
            return QMessageBox.StandardButton.Cancel
        return box.standardButton(clicked)

    def done(self, result: int) -> None:
        self._test_token += 1  # a test still running answers no one
        super().done(result)
