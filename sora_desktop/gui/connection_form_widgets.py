"""The connection form's widgets (:class:`ConnectionFormWidgets`): the notes and links at the
top, the fields (name, service, base URL, key header, Azure sign-in, the key or its
environment variable, proxy) and the table of models with its buttons. What they do is
:class:`~sora_desktop.gui.connection_form.ConnectionForm`'s (its subclass); the texts keep
its translation context ("ConnectionForm").
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from sora_desktop.core.capabilities import KNOWN_MODELS
from sora_desktop.core.models import PROVIDER_KINDS, VIDEOS_API_KINDS, AuthStyle
from sora_desktop.gui.connection_kinds import kind_label
from sora_desktop.gui.wheel_guard import guard_wheel

_OTHER_BASE = ""  # "works like": unknown model, the gateway decides


def _t(text: str) -> str:
    return QCoreApplication.translate("ConnectionForm", text)


class ConnectionFormWidgets(QWidget):
    """The form's widgets and their layout, and the models table's rows."""

    # ----- the widgets --------------------------------------------------------------------

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.note_label = QLabel()
        self.note_label.setWordWrap(True)
        self.note_label.setFrameShape(QFrame.Shape.StyledPanel)
        self.note_label.setMargin(6)
        layout.addWidget(self.note_label)
        self.links_label = QLabel()
        self.links_label.setObjectName("provider_links")
        self.links_label.setTextFormat(Qt.TextFormat.RichText)
        self.links_label.setOpenExternalLinks(True)
        self.links_label.setWordWrap(True)
        for label in (self.note_label, self.links_label):
            label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        layout.addWidget(self.links_label)

        self.fields = QFormLayout()
        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText(_t("e.g. Studio gateway"))
        self.fields.addRow(_t("Name"), self.name_edit)
        self.kind_combo = QComboBox()
        for kind in (*VIDEOS_API_KINDS, *PROVIDER_KINDS):
            self.kind_combo.addItem(kind_label(kind), kind)
        self.fields.addRow(_t("Service"), self.kind_combo)
        self.url_edit = QLineEdit()
        self.url_label = QLabel(_t("Base URL"))
        self.fields.addRow(self.url_label, self.url_edit)
        self.auth_combo = QComboBox()
        self.auth_combo.addItem(_t("Authorization: Bearer header"), AuthStyle.BEARER)
        self.auth_combo.addItem(_t("api-key header (Azure)"), AuthStyle.API_KEY)
        self.fields.addRow(_t("Send the key as"), self.auth_combo)
        # Azure only: an API key, or Microsoft Entra ID sign-in (no key at all: core/entra.py)
        self.azure_auth_combo = QComboBox()
        self.azure_auth_combo.setObjectName("azure_auth")
        self.azure_auth_combo.addItem(_t("API key"), AuthStyle.API_KEY)
        self.azure_auth_combo.addItem(_t("Microsoft Entra ID sign-in"), AuthStyle.ENTRA)
        self.azure_auth_combo.setToolTip(
            _t(
                "Sign in with your Microsoft account in the browser when the connection is "
                "first used; no key is stored. The account needs the Cognitive Services "
                "OpenAI User role on the resource."
            )
        )
        self.fields.addRow(_t("Sign in with"), self.azure_auth_combo)

        key_box = QWidget()
        key_layout = QVBoxLayout(key_box)
        key_layout.setContentsMargins(0, 0, 0, 0)
        self.keyring_radio = QRadioButton(_t("Key stored in the system keychain"))
        self.key_edit = QLineEdit()
        self.key_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.env_radio = QRadioButton(_t("Key from environment variable"))
        self.env_edit = QLineEdit()
        self.env_edit.setPlaceholderText("OPENAI_API_KEY")
        group = QButtonGroup(self)
        group.addButton(self.keyring_radio)
        group.addButton(self.env_radio)
        self.keyring_note = QLabel(
            _t(
                "This computer has no system keychain, so keys can't be stored here: name "
                "the environment variable that holds your key instead."
            )
        )
        self.keyring_note.setObjectName("keyring_note")
        self.keyring_note.setWordWrap(True)
        self.keyring_note.hide()
        for w in (
            self.keyring_note,
            self.keyring_radio,
            self.key_edit,
            self.env_radio,
            self.env_edit,
        ):
            key_layout.addWidget(w)
        self.key_row = key_box
        self.fields.addRow(_t("API key"), key_box)

        self.proxy_edit = QLineEdit()
        self.proxy_edit.setPlaceholderText(_t("optional, e.g. http://proxy.example:3128"))
        self.fields.addRow(_t("Proxy"), self.proxy_edit)
        layout.addLayout(self.fields)

        self.models_label = QLabel()
        layout.addWidget(self.models_label)
        self.models = QTableWidget(0, 2)
        self.models.setHorizontalHeaderLabels([_t("Name"), _t("Works like")])
        self.models.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.models.horizontalHeader().setSectionResizeMode(
            1, QHeaderView.ResizeMode.ResizeToContents
        )
        self.models.verticalHeader().hide()
        self.models.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.models.setMinimumHeight(110)
        layout.addWidget(self.models, 1)
        row = QHBoxLayout()
        self.add_model_button = QPushButton(_t("Add model"))
        self.remove_model_button = QPushButton(_t("Remove model"))
        row.addWidget(self.add_model_button)
        row.addWidget(self.remove_model_button)
        row.addStretch(1)
        layout.addLayout(row)
        # with the models table hidden (a provider kind) the spare room goes here, not
        # into the notes above
        layout.addStretch(0)

    # ----- models table --------------------------------------------------------------------

    def add_model_row(self, name: str, base: str, *, edit: bool = False) -> None:
        row = self.models.rowCount()
        self.models.insertRow(row)
        self.models.setItem(row, 0, QTableWidgetItem(name))
        combo = QComboBox()
        combo.addItem("sora-2", "sora-2")
        combo.addItem("sora-2-pro", "sora-2-pro")
        combo.addItem(_t("Other (the gateway decides)"), _OTHER_BASE)
        index = combo.findData(KNOWN_MODELS[base].name if base in KNOWN_MODELS else _OTHER_BASE)
        combo.setCurrentIndex(max(0, index))
        self.models.setCellWidget(row, 1, combo)
        guard_wheel(self)  # the wheel over an unfocused "Works like" scrolls, never changes it
        if edit:
            self.models.setCurrentCell(row, 0)
            item = self.models.item(row, 0)
            if item is not None:
                self.models.editItem(item)

    def _remove_model_row(self) -> None:
        row = self.models.currentRow()
        if row >= 0:
            self.models.removeRow(row)

    def model_rows(self) -> list[tuple[str, str]]:
        rows = []
        for row in range(self.models.rowCount()):
            item = self.models.item(row, 0)
            name = item.text().strip() if item is not None else ""
            combo = self.models.cellWidget(row, 1)
            base = combo.currentData() if isinstance(combo, QComboBox) else _OTHER_BASE
            if name:
                rows.append((name, str(base)))
        return rows
