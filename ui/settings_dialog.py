"""The store admin's Settings dialog: where the station connects, the API key, and store rules.

The dialog never shows the stored API key: its key field is empty on every opening, and the
stored key is only read off the UI thread, to say whether one exists and to test a connection.
Keyring, disk and network work all go through ``ui.tasks.run_task``.

Environment variables win over the configuration file, so a field an ``INTAKE_*`` variable
sets is shown read-only, and the file keeps its own value for it. The organisation's managed
configuration (app.config) wins over both: its fields are read-only, "set by your organisation".

*Check connection…* opens the Diagnostics window (``intake doctor``'s report) for the settings shown.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path

import shiboken6
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.api.client import ApiClient
from app.api.errors import ApiError, AuthError, NetworkError, NotFound
from app.config import (
    Config,
    default_config_path,
    managed_config_path,
    save_config,
)
from app.credentials import CredentialsError, NoKeyringError, SecretStore
from app.policy import load_policy
from app.settings_rules import (
    DOCUMENT_MB_RANGE,
    ENV_FIELDS,
    RETENTION_DAYS_RANGE,
    TIMEOUT_RANGE,
    changed_settings,
    check_files_host,
    check_key,
    check_scan_folder,
    check_url,
    config_to_save,
    parse_number,
)
from ui import file_dialogs
from ui.i18n import tr_message
from ui.tasks import run_task
from ui.widgets.field_row import set_status

MB = 1024 * 1024
QWIDGETSIZE_MAX = (1 << 24) - 1

LANGUAGES: tuple[tuple[str, str], ...] = (("en", "English"), ("es", "Español"), ("fr", "Français"))

@dataclass(frozen=True)
class KeyringState:
    backend: str
    has_key: bool


# --- the dialog ----------------------------------------------------------------------------------
def _alive(widget: QWidget) -> bool:
    return shiboken6.isValid(widget)


class _Row:
    """One setting in a form grid: label (with mnemonic) | editor (+ extra buttons), message under."""

    def __init__(self, grid: QGridLayout, name: str, label: str, editor: QWidget,
                 extras: tuple[QWidget, ...] = (), hint: str = "") -> None:
        self.name = name
        self.editor = editor
        self.hint = hint
        parent = grid.parentWidget()
        editor.setObjectName(name)
        editor.setAccessibleName(label.replace("&", ""))
        self.label = QLabel(label, parent)
        self.label.setObjectName(f"{name}.label")
        self.label.setBuddy(editor)
        self.message = QLabel(parent)
        self.message.setObjectName(f"{name}.message")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        row = grid.rowCount()
        grid.addWidget(self.label, row, 0)
        short = editor.maximumWidth() < QWIDGETSIZE_MAX
        if extras or short:
            line = QHBoxLayout()
            line.setSpacing(6)
            line.addWidget(editor, 0 if short else 1)
            for extra in extras:
                line.addWidget(extra)
            if short:
                line.addStretch(1)
            grid.addLayout(line, row, 1)
        else:
            grid.addWidget(editor, row, 1)
        grid.addWidget(self.message, row + 1, 1)
        self.show(None)

    def show(self, error: str | None) -> None:
        text = tr_message(error) if error else self.hint
        self.message.setText(text)
        self.message.setVisible(bool(text))
        set_status(self.message, "error" if error else "hint")
        set_status(self.editor, "error" if error else "")
        self.editor.setAccessibleDescription(text)


class SettingsDialog(QDialog):
    """Edit the station's configuration and API key.

    After ``accepted``, ``result_config()`` is the new configuration (with environment
    overrides applied, as the station should use it) and ``changed_settings()`` names what
    changed, ``api_key`` included when a key was stored or removed.
    """

    def __init__(self, config: Config, secrets: SecretStore, parent: QWidget | None = None, *,
                 env: Mapping[str, str] | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settings")
        self.setWindowTitle(self.tr("Settings"))
        self._config = config
        self._secrets = secrets
        self._env = dict(os.environ if env is None else env)
        self._result: Config | None = None
        self._changed: list[str] = []
        self._remove_key = False
        self._keyring_usable = True
        self._has_stored_key = False
        self._probed_url: str | None = None
        self._probe_generation = 0
        self._test_generation = 0
        self._saving = False
        self._touched: set[str] = set()
        self._rows: dict[str, _Row] = {}
        self._build()
        self._load(config)
        self._connect()
        self.revalidate()
        self._probe_keyring()

    # --- construction ---------------------------------------------------------------
    def _build(self) -> None:
        root = QVBoxLayout(self)
        root.setSpacing(10)

        connection = self._group(self.tr("Connection to the POS"))
        self.api_url = QLineEdit()
        self.files_url = QLineEdit()
        self.ca_bundle = QLineEdit()
        self.ca_bundle.setPlaceholderText(self.tr("The system's certificates"))
        self.browse = QPushButton(self.tr("Bro&wse…"))
        self.browse.setObjectName("settings.ca_bundle.browse")
        self.timeout = QLineEdit()
        self.timeout.setMaximumWidth(90)
        self._add(connection, "settings.api_url", self.tr("&API URL"), self.api_url)
        self._add(connection, "settings.files_url", self.tr("&Files URL"), self.files_url)
        self.allow_files_key = QCheckBox(self.tr("Also send the API key to the files URL's server"))
        self.allow_files_key.setObjectName("settings.allow_key_to_files_host")
        self.allow_files_key.setToolTip(
            self.tr("Only if the POS vendor serves files from another server than the API."))
        grid = connection.layout()
        grid.addWidget(self.allow_files_key, grid.rowCount(), 1)
        self._add(connection, "settings.ca_bundle", self.tr("&CA bundle"), self.ca_bundle, (self.browse,),
                  hint=self.tr("Only if the store uses its own certificate authority."))
        self._add(connection, "settings.timeout_seconds", self.tr("&Timeout (seconds)"), self.timeout)

        key_box = self._group(self.tr("API key"))
        self.keyring_label = QLabel(self.tr("Checking the keyring…"))
        self.keyring_label.setObjectName("settings.keyring")
        self.keyring_label.setWordWrap(True)
        self.keyring_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.remove_key = QPushButton(self.tr("Re&move stored key"))
        self.remove_key.setObjectName("settings.remove_key")
        self.remove_key.setEnabled(False)
        keyring_line = QHBoxLayout()
        keyring_line.addWidget(self.keyring_label, 1)
        keyring_line.addWidget(self.remove_key, 0, Qt.AlignmentFlag.AlignTop)
        key_box.layout().addLayout(keyring_line, 0, 0, 1, 2)
        self.api_key = QLineEdit()
        self.api_key.setEchoMode(QLineEdit.EchoMode.Password)
        self.api_key.setClearButtonEnabled(True)
        self._add(key_box, "settings.api_key", self.tr("API &key"), self.api_key)
        self.test_button = QPushButton(self.tr("Te&st connection"))
        self.test_button.setObjectName("settings.test")
        self.test_result = QLabel(self.tr("Checks the URL and the key with the POS."))
        self.test_result.setObjectName("settings.test_result")
        self.test_result.setWordWrap(True)
        self.test_result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        set_status(self.test_result, "hint")
        # One line of result sits level with the button; a longer one wraps below.
        self.test_result.setMinimumHeight(self.test_button.sizeHint().height())
        self.test_result.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        test_line = QHBoxLayout()
        test_line.addWidget(self.test_button, 0, Qt.AlignmentFlag.AlignTop)
        test_line.addWidget(self.test_result, 1)
        key_box.layout().addLayout(test_line, key_box.layout().rowCount(), 1)

        store = self._group(self.tr("This store"))
        self.jurisdiction = QComboBox()
        self.language = QComboBox()
        for combo in (self.jurisdiction, self.language):
            combo.setMinimumWidth(260)
            combo.setMaximumWidth(320)
        for code, name in LANGUAGES:
            self.language.addItem(name, code)
        self.max_document = QLineEdit()
        self.max_document.setMaximumWidth(90)
        self.retention = QLineEdit()
        self.retention.setMaximumWidth(90)
        self._add(store, "settings.jurisdiction", self.tr("&Jurisdiction"), self.jurisdiction)
        self._add(store, "settings.language", self.tr("&Language"), self.language)
        self._add(store, "settings.max_document_mb", self.tr("Largest &document (MB)"), self.max_document)
        self._add(store, "settings.draft_retention_days", self.tr("Keep d&rafts (days)"), self.retention,
                  hint=self.tr("Unsent drafts older than this are deleted."))
        self.scan_folder = QLineEdit()
        self.scan_folder.setPlaceholderText(self.tr("None"))
        self.choose_scan_folder = QPushButton(self.tr("C&hoose…"))
        self.choose_scan_folder.setObjectName("settings.scan_folder.choose")
        self._add(store, "settings.scan_folder", self.tr("Document scanner f&older"), self.scan_folder,
                  (self.choose_scan_folder,),
                  hint=self.tr("Its newest files are offered on the Documents step. Empty: no scanner folder."))

        # The same label width in every group, so the editors line up down the dialog.
        width = max(row.label.sizeHint().width() for row in self._rows.values())
        for box in (connection, key_box, store):
            box.layout().setColumnMinimumWidth(0, width)
            root.addWidget(box)

        if self._config.managed:
            note = QLabel(self.tr("Settings marked “set by your organisation” come from %s and cannot be changed "
                                  "here.") % managed_config_path())
            note.setObjectName("settings.managed_note")
            note.setWordWrap(True)
            note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            set_status(note, "hint")
            root.insertWidget(0, note)

        self.form_error = QLabel()
        self.form_error.setObjectName("settings.error")
        self.form_error.setWordWrap(True)
        self.form_error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.form_error.hide()
        root.addWidget(self.form_error)
        if self._config.demo:
            note = QLabel(self.tr("Demo mode: changes last until the program exits; nothing is written to disk."))
            note.setObjectName("settings.demo_note")
            note.setWordWrap(True)
            set_status(note, "hint")
            root.addWidget(note)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setObjectName("settings.ok")
        self.cancel_button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setObjectName("settings.cancel")
        self.check_button = self.buttons.addButton(self.tr("Check co&nnection…"),
                                                   QDialogButtonBox.ButtonRole.HelpRole)  # on the left
        self.check_button.setObjectName("settings.check")
        self.check_button.setToolTip(self.tr("Every check of the station's setup, with the settings shown and the "
                                             "stored key; nothing is changed on the POS."))
        root.addWidget(self.buttons)
        # Enter means OK, never Browse, Remove or Test.
        for button in (self.browse, self.choose_scan_folder, self.remove_key, self.test_button, self.cancel_button,
                       self.check_button):
            button.setAutoDefault(False)
            button.setAccessibleName(button.text().replace("&", ""))
        self.ok_button.setDefault(True)

        order = [self.api_url, self.files_url, self.allow_files_key, self.ca_bundle, self.browse, self.timeout,
                 self.api_key, self.remove_key, self.test_button, self.jurisdiction, self.language, self.max_document,
                 self.retention, self.scan_folder, self.choose_scan_folder, self.ok_button, self.cancel_button]
        for first, second in pairwise(order):
            QWidget.setTabOrder(first, second)
        self.setMinimumWidth(720)

    def _group(self, title: str) -> QGroupBox:
        box = QGroupBox(title, self)
        grid = QGridLayout(box)
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(4)
        grid.setColumnStretch(1, 1)
        return box

    def _add(self, box: QGroupBox, name: str, label: str, editor: QWidget,
             extras: tuple[QWidget, ...] = (), hint: str = "") -> None:
        self._rows[name] = _Row(box.layout(), name, label, editor, extras, hint)

    def _load(self, config: Config) -> None:
        self.api_url.setText(config.api_url)
        self.files_url.setText(config.files_url)
        self.allow_files_key.setChecked(config.allow_key_to_files_host)
        self.ca_bundle.setText(config.ca_bundle or "")
        self.timeout.setText(f"{config.timeout_seconds:g}")
        self.max_document.setText(f"{config.max_document_bytes / MB:.2f}".rstrip("0").rstrip("."))
        self.retention.setText(str(config.draft_retention_days))
        self.scan_folder.setText(config.scan_folder or "")
        if config.scan_folder and "scan_folder" not in config.managed:
            # A saved folder that is gone (a share not mounted) is said at once, not only once typed in.
            self._touched.add("settings.scan_folder")

        jurisdictions = load_policy().jurisdictions
        by_country: dict[str, list] = {}
        for item in jurisdictions.values():
            by_country.setdefault(item.country, []).append(item)
        for number, country in enumerate(sorted(by_country, key=lambda c: (c != "US", c))):
            if number:
                self.jurisdiction.insertSeparator(self.jurisdiction.count())
            for item in sorted(by_country[country], key=lambda j: j.code):
                self.jurisdiction.addItem(f"{item.code} — {item.name}", item.code)
        current = config.jurisdiction.strip().upper()
        if self.jurisdiction.findData(current) < 0:
            self.jurisdiction.addItem(self.tr("%s — not known to this station") % current, None)
            self.jurisdiction.setCurrentIndex(self.jurisdiction.count() - 1)
        else:
            self.jurisdiction.setCurrentIndex(self.jurisdiction.findData(current))

        index = self.language.findData(config.language)
        if index < 0:
            self.language.addItem(config.language, config.language)
            index = self.language.count() - 1
        self.language.setCurrentIndex(index)

        managed = set(config.managed)
        for name, (row_name, editor) in self._managed_editors().items():
            if name not in managed:
                continue
            if isinstance(editor, QLineEdit):
                editor.setReadOnly(True)
            else:
                editor.setEnabled(False)
            editor.setToolTip(self.tr("Set by your organisation in %s") % managed_config_path())
            if name == "ca_bundle":
                self.browse.setEnabled(False)
            if name == "scan_folder":
                self.choose_scan_folder.setEnabled(False)
            if row_name is not None:
                row = self._rows[row_name]
                row.hint = self.tr("Set by your organisation")
                row.show(None)

        editors = {"api_url": self.api_url, "files_url": self.files_url, "jurisdiction": self.jurisdiction}
        for name, editor in editors.items():
            var = ENV_FIELDS[name]
            if self._env.get(var) and name not in managed:
                if isinstance(editor, QLineEdit):
                    editor.setReadOnly(True)
                else:
                    editor.setEnabled(False)
                row = self._rows[f"settings.{name}"]
                row.hint = self.tr("Set by %s") % var
                row.show(None)

    def _managed_editors(self) -> dict[str, tuple[str | None, QWidget]]:
        """Config field -> (its row's name, its editor), for the fields the managed file may set."""
        return {
            "api_url": ("settings.api_url", self.api_url),
            "files_url": ("settings.files_url", self.files_url),
            "allow_key_to_files_host": (None, self.allow_files_key),
            "ca_bundle": ("settings.ca_bundle", self.ca_bundle),
            "timeout_seconds": ("settings.timeout_seconds", self.timeout),
            "jurisdiction": ("settings.jurisdiction", self.jurisdiction),
            "language": ("settings.language", self.language),
            "max_document_bytes": ("settings.max_document_mb", self.max_document),
            "draft_retention_days": ("settings.draft_retention_days", self.retention),
            "scan_folder": ("settings.scan_folder", self.scan_folder),
        }

    def _connect(self) -> None:
        for name, editor in (("settings.api_url", self.api_url), ("settings.files_url", self.files_url),
                             ("settings.ca_bundle", self.ca_bundle), ("settings.timeout_seconds", self.timeout),
                             ("settings.max_document_mb", self.max_document),
                             ("settings.draft_retention_days", self.retention), ("settings.api_key", self.api_key),
                             ("settings.scan_folder", self.scan_folder)):
            editor.textChanged.connect(self.revalidate)
            # Messages appear once a field is left, then follow every keystroke.
            editor.editingFinished.connect(lambda n=name: self._touch(n))
        self.jurisdiction.currentIndexChanged.connect(self.revalidate)
        self.allow_files_key.toggled.connect(self.revalidate)
        self.browse.clicked.connect(self._browse)
        self.choose_scan_folder.clicked.connect(self._choose_scan_folder)
        self.remove_key.clicked.connect(self._toggle_remove)
        self.test_button.clicked.connect(self.test_connection)
        self.check_button.clicked.connect(self.check_connection)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        # Which key is stored depends on the API URL: look again once typing pauses.
        self._reprobe = QTimer(self)
        self._reprobe.setSingleShot(True)
        self._reprobe.setInterval(300)
        self._reprobe.timeout.connect(self._probe_keyring)
        self.api_url.textChanged.connect(self._reprobe.start)

    def _touch(self, name: str) -> None:
        self._touched.add(name)
        self.revalidate()

    # --- validation -----------------------------------------------------------------
    def _errors(self) -> tuple[dict[str, str], Config | None]:
        """Every field's message, and the configuration the fields describe when all are valid."""
        errors: dict[str, str] = {}
        api_url, errors["settings.api_url"] = check_url(self.api_url.text(), self.tr("API URL"))
        files_url, errors["settings.files_url"] = check_url(self.files_url.text(), self.tr("files URL"))
        allow_files_key = self.allow_files_key.isChecked()
        ca_bundle = self.ca_bundle.text().strip() or None
        if ca_bundle and not Path(ca_bundle).expanduser().exists():
            errors["settings.ca_bundle"] = self.tr("No file or folder at %s.") % ca_bundle
        scan_folder = self.scan_folder.text().strip() or None
        if scan_folder and "scan_folder" not in self._config.managed:
            errors["settings.scan_folder"] = check_scan_folder(scan_folder)
        timeout, errors["settings.timeout_seconds"] = parse_number(self.timeout.text(), self.tr("timeout"),
                                                                   *TIMEOUT_RANGE)
        document_mb, errors["settings.max_document_mb"] = parse_number(
            self.max_document.text(), self.tr("largest document size"), *DOCUMENT_MB_RANGE)
        retention, errors["settings.draft_retention_days"] = parse_number(
            self.retention.text(), self.tr("number of days"), *RETENTION_DAYS_RANGE, whole=True)
        jurisdiction = self.jurisdiction.currentData()
        if not jurisdiction:
            errors["settings.jurisdiction"] = self.tr("Choose the jurisdiction the store is licensed in.")
        errors["settings.api_key"] = check_key(self.api_key.text())
        errors = {name: message for name, message in errors.items() if message}
        if errors:
            return errors, None
        config = self._config.with_changes(
            api_url=api_url,
            files_url=files_url,
            allow_key_to_files_host=allow_files_key,
            ca_bundle=ca_bundle,
            timeout_seconds=timeout,
            max_document_bytes=round(document_mb * MB),
            draft_retention_days=int(retention),
            scan_folder=scan_folder,
            jurisdiction=jurisdiction,
            language=self.language.currentData(),
        )
        return errors, config

    def revalidate(self) -> None:
        if not _alive(self.ok_button):
            return  # a field losing focus while the dialog is being torn down
        errors, config = self._errors()
        for name, row in self._rows.items():
            row.show(errors.get(name) if name in self._touched else None)
        if config is not None:
            self._warn_files_host(config)
        valid = config is not None
        self.ok_button.setEnabled(valid and not self._saving)
        self.test_button.setEnabled(valid)
        if not valid:
            self.ok_button.setToolTip(self.tr("Correct the settings marked in red first."))
        else:
            self.ok_button.setToolTip("")
        self._fit_height()

    def _warn_files_host(self, config: Config) -> None:
        """Under the files URL, not holding OK back: uploads would be refused (the key's server)."""
        warning = check_files_host(config.api_url, config.files_url, config.allow_key_to_files_host)
        if warning:
            message = self._rows["settings.files_url"].message
            message.setText(tr_message(warning))
            message.setVisible(True)
            set_status(message, "warning")

    def _fit_height(self) -> None:
        """Grow to show every wrapped message in full.

        A window's minimum size ignores height-for-width (wrapped labels), so a message that
        wraps onto more lines would be cut off instead of making the dialog taller.
        """
        layout = self.layout()
        if layout is None or not layout.hasHeightForWidth():
            return
        needed = layout.totalHeightForWidth(self.width())
        self.setMinimumHeight(needed)
        if self.height() < needed:
            self.resize(self.width(), needed)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            QTimer.singleShot(0, self._fit_height_if_alive)

    def _fit_height_if_alive(self) -> None:
        if _alive(self):
            self._fit_height()

    def is_valid(self) -> bool:
        return self._errors()[1] is not None

    def current_config(self) -> Config | None:
        """The configuration the fields describe, or None while any is invalid."""
        return self._errors()[1]

    # --- the keyring ----------------------------------------------------------------
    def _probe_keyring(self) -> None:
        """Find out off the UI thread where secrets go and whether a key is stored for the URL."""
        url, _ = check_url(self.api_url.text(), "API URL")
        self._probe_generation += 1
        generation = self._probe_generation
        secrets = self._secrets

        def probe() -> KeyringState:
            name = secrets.backend_name()
            return KeyringState(name, bool(url and secrets.get_api_key(url)))

        run_task(probe, lambda state: self._keyring_known(generation, url, state),
                 lambda exc: self._keyring_failed(generation, exc))

    def _keyring_known(self, generation: int, url: str | None, state: KeyringState) -> None:
        if not _alive(self) or generation != self._probe_generation:
            return
        self._keyring_usable = True
        self._has_stored_key = state.has_key
        self._probed_url = url
        self.keyring_label.setText(self.tr("Secrets are kept in: %s") % state.backend)
        set_status(self.keyring_label, "hint")
        self.api_key.setEnabled(True)
        if state.has_key:
            self.api_key.setPlaceholderText(
                self.tr("A key is stored in %s — type a new one to replace it") % state.backend)
        else:
            self.api_key.setPlaceholderText(self.tr("No key stored"))
        # A long keyring name may not fit the field; the tooltip shows all of it.
        self.api_key.setToolTip(self.api_key.placeholderText())
        self.remove_key.setEnabled(state.has_key and not self._saving)
        # A removal asked for refers to the key of the URL looked up before; never carry it over.
        self._remove_key = False
        self._show_remove_state()

    def _keyring_failed(self, generation: int, exc: BaseException) -> None:
        if not _alive(self) or generation != self._probe_generation:
            return
        message = str(exc) if isinstance(exc, CredentialsError) else (
            self.tr("The keyring could not be read (%s).") % type(exc).__name__)
        self.keyring_label.setText(message)
        set_status(self.keyring_label, "error")
        self._has_stored_key = False
        self._remove_key = False
        self._show_remove_state()
        self.remove_key.setEnabled(False)
        if isinstance(exc, NoKeyringError):
            # Without a safe keyring the key could only go to plain text, which we refuse.
            self._keyring_usable = False
            self.api_key.clear()
            self.api_key.setEnabled(False)
            self.api_key.setPlaceholderText(self.tr("No keyring to keep a key in"))
        else:
            self.api_key.setPlaceholderText(self.tr("The keyring cannot be read"))

    def _toggle_remove(self) -> None:
        self._remove_key = not self._remove_key
        self._show_remove_state()

    def _show_remove_state(self) -> None:
        row = self._rows["settings.api_key"]
        if self._remove_key:
            self.remove_key.setText(self.tr("Keep stored &key"))
            row.hint = self.tr("The stored key will be removed when you press OK.")
        else:
            self.remove_key.setText(self.tr("Re&move stored key"))
            row.hint = ""
        self.remove_key.setAccessibleName(self.remove_key.text().replace("&", ""))
        self.revalidate()

    # --- test connection ------------------------------------------------------------
    def test_connection(self) -> None:
        config = self.current_config()
        if config is None:
            return
        typed = self.api_key.text().strip()
        secrets = self._secrets
        self._test_generation += 1
        generation = self._test_generation
        host = _host(config.api_url)

        def call() -> int:
            key = typed or secrets.get_api_key(config.api_url)
            if not key:
                raise _NoKey()
            with ApiClient.from_config(config, key) as client:
                return len(client.list_customer_groups())

        self.test_result.setText(self.tr("Connecting to %s…") % host)
        set_status(self.test_result, "hint")
        run_task(call, lambda count: self._tested(generation, count),
                 lambda exc: self._test_failed(generation, exc, host))

    def _tested(self, generation: int, count: int) -> None:
        if not _alive(self) or generation != self._test_generation:
            return
        if count == 1:
            text = self.tr("Connected: 1 customer group")
        else:
            text = self.tr("Connected: %d customer groups") % count
        self.test_result.setText(text)
        set_status(self.test_result, "ok")
        self._fit_height()

    def _test_failed(self, generation: int, exc: BaseException, host: str) -> None:
        if not _alive(self) or generation != self._test_generation:
            return
        self.test_result.setText(self.describe_failure(exc, host))
        set_status(self.test_result, "error")
        self._fit_height()

    def describe_failure(self, exc: BaseException, host: str) -> str:
        """One sentence for the admin, never a traceback and never the key."""
        if isinstance(exc, _NoKey):
            return self.tr("No API key is stored for this API URL: type the key above, then test again.")
        if isinstance(exc, AuthError):
            status = f" (HTTP {exc.status})" if exc.status else ""
            return self.tr("The API key was refused%s. Check the key with the POS and type it again.") % status
        if isinstance(exc, NetworkError):
            return self.tr("Cannot reach %s: %s") % (host, exc.message)
        if isinstance(exc, NotFound):
            return self.tr("%s answered “not found”: check the API URL. (%s)") % (host, exc.message)
        if isinstance(exc, ApiError):
            return exc.message
        if isinstance(exc, CredentialsError | ValueError):
            return str(exc)
        return self.tr("The test failed unexpectedly (%s).") % type(exc).__name__

    def check_connection(self):
        """The Diagnostics window for the settings shown (or, while one is invalid, those saved)."""
        from ui.diagnostics import DiagnosticsDialog

        dialog = DiagnosticsDialog(self.current_config() or self._config, self._secrets, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        dialog.open()
        return dialog

    # --- CA bundle and scanner folder --------------------------------------------------
    def _browse(self) -> None:
        start = self.ca_bundle.text().strip() or str(Path.home())
        path = file_dialogs.open_file(self, self.tr("Choose the CA bundle"), start,
                                      self.tr("Certificates (*.pem *.crt *.cer);;All files (*)"))
        if path:
            self.ca_bundle.setText(path)
            self._touch("settings.ca_bundle")

    def _choose_scan_folder(self) -> None:
        typed = self.scan_folder.text().strip()
        start = typed if typed and Path(typed).expanduser().is_dir() else str(Path.home())
        path = file_dialogs.folder(self, self.tr("Choose the document scanner's folder"), start)
        if path:
            self.scan_folder.setText(str(Path(path)))  # the platform's separators, as the admin knows them
            self._touch("settings.scan_folder")

    # --- OK / Cancel ----------------------------------------------------------------
    def accept(self) -> None:
        """Store the key and save the configuration off the UI thread; close when both are done."""
        if self._saving:
            return
        self._touched.update(self._rows)
        self.revalidate()
        new = self.current_config()
        if new is None:
            return
        typed = self.api_key.text().strip() if self._keyring_usable else ""
        remove_from = self._probed_url if self._remove_key else None
        secrets = self._secrets
        env = self._env
        demo = self._config.demo

        def save() -> None:
            if remove_from:
                secrets.clear_api_key(remove_from)
            if typed:
                secrets.set_api_key(new.api_url, typed)
            if not demo:
                path = default_config_path(env)
                save_config(config_to_save(new, env, path), path)

        changed = changed_settings(self._config, new)
        if typed or remove_from:
            changed.append("api_key")
        self._set_saving(True)
        run_task(save, lambda _: self._saved(new, changed), self._save_failed)

    def _set_saving(self, saving: bool) -> None:
        self._saving = saving
        self.form_error.hide()
        self.cancel_button.setEnabled(not saving)
        self.remove_key.setEnabled(not saving and self._has_stored_key)
        self.revalidate()
        if saving:
            self.test_button.setEnabled(False)

    def _saved(self, new: Config, changed: list[str]) -> None:
        if not _alive(self):
            return
        self._saving = False
        self._result = new
        self._changed = changed
        self.api_key.clear()
        super().accept()

    def _save_failed(self, exc: BaseException) -> None:
        if not _alive(self):
            return
        self._set_saving(False)
        if isinstance(exc, CredentialsError):
            text = str(exc)
        elif isinstance(exc, OSError):
            text = self.tr("The settings could not be saved: %s") % (exc.strerror or type(exc).__name__)
        else:
            text = self.tr("The settings could not be saved (%s).") % type(exc).__name__
        self.form_error.setText(text)
        set_status(self.form_error, "error")
        self.form_error.show()
        self._fit_height()

    def reject(self) -> None:
        if self._saving:  # the key or file is being written; let it finish and close as OK
            return
        self.api_key.clear()
        super().reject()

    def result_config(self) -> Config | None:
        """The configuration saved by OK (None if the dialog was cancelled or is still open)."""
        return self._result

    def changed_settings(self) -> list[str]:
        """Names of the settings OK changed (Config field names, and ``api_key``)."""
        return list(self._changed)


class _NoKey(Exception):
    """Test connection found neither a typed nor a stored key."""


def _host(url: str) -> str:
    from urllib.parse import urlsplit

    return urlsplit(url).netloc or url


def open_settings(parent: QWidget, config: Config, secrets: SecretStore,
                  on_saved: Callable[[SettingsDialog], None]) -> SettingsDialog:
    """Show the dialog window-modal without blocking; ``on_saved(dialog)`` runs after OK."""
    dialog = SettingsDialog(config, secrets, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
    dialog.accepted.connect(lambda: on_saved(dialog))
    dialog.finished.connect(dialog.deleteLater)
    dialog.open()
    return dialog
