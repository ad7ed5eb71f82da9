"""The Settings dialog: the key never shown and stored only in the keyring, URL and number
checks that hold OK back, Test connection against the real sandbox, saving to the
configuration file, environment overrides, no keyring, and the keyboard."""

from __future__ import annotations

import socket

import keyring
import pytest
import shiboken6
from keyring.backends import fail
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel, QLineEdit, QWidget

from app import wire
from app.api.client import ApiClient
from app.audit import SETTINGS_CHANGED, AuditLog
from app.config import ENV_API_URL, Config, default_config_path, load_config
from app.credentials import NoKeyringError, SecretStore
from app.sandbox.faults import Fault
from ui.settings_dialog import SettingsDialog

STORED_KEY = "stored-key-7f3a9c"
API_URL = "https://pos.example.com/api/v1"


def _config(**changes) -> Config:
    return load_config().with_changes(**changes)


def _sandbox_config(sandbox) -> Config:
    return _config(api_url=sandbox.api_url, files_url=sandbox.files_url)


def _all_text(dialog: QDialog) -> str:
    """Everything the dialog shows or tells assistive tools, joined (a password field's
    content is what it displays: its bullets)."""
    parts = [dialog.windowTitle()]
    for widget in dialog.findChildren(QWidget):
        parts += [widget.toolTip(), widget.accessibleName(), widget.accessibleDescription()]
        if isinstance(widget, QLabel):
            parts.append(widget.text())
        if isinstance(widget, QLineEdit):
            parts += [widget.displayText(), widget.placeholderText()]
    return "\n".join(parts)


def _message(dialog: SettingsDialog, name: str) -> QLabel:
    return dialog.findChild(QLabel, f"{name}.message")


def _replace_text(qtbot, editor: QLineEdit, text: str) -> None:
    editor.clear()
    qtbot.keyClicks(editor, text)


def _accept(qtbot, dialog: SettingsDialog) -> None:
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted and not dialog.isVisible())


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


# --- the API key -------------------------------------------------------------------------------
def test_key_field_is_empty_on_open_and_placeholder_names_the_keyring(open_dialog, secrets):
    secrets.set_api_key(API_URL, STORED_KEY)
    dialog = open_dialog(_config(api_url=API_URL), secrets)
    field = dialog.findChild(QLineEdit, "settings.api_key")
    assert field.text() == ""
    assert field.echoMode() == QLineEdit.EchoMode.Password
    backend = secrets.backend_name()
    assert field.placeholderText() == f"A key is stored in {backend} — type a new one to replace it"
    assert backend in dialog.findChild(QLabel, "settings.keyring").text()
    assert dialog.findChild(QWidget, "settings.remove_key").isEnabled()
    assert STORED_KEY not in _all_text(dialog)


def test_placeholder_says_when_no_key_is_stored(open_dialog, secrets):
    dialog = open_dialog(_config(api_url=API_URL), secrets)
    assert dialog.api_key.placeholderText() == "No key stored"
    assert not dialog.remove_key.isEnabled()


def test_a_typed_key_goes_to_the_keyring_on_ok_and_is_never_shown(qtbot, open_dialog, secrets):
    secrets.set_api_key(API_URL, STORED_KEY)
    dialog = open_dialog(_config(api_url=API_URL), secrets)
    qtbot.keyClicks(dialog.api_key, "  new-key-42  ")
    assert "new-key-42" not in _all_text(dialog)
    assert secrets.get_api_key(API_URL) == STORED_KEY  # nothing is stored before OK
    _accept(qtbot, dialog)
    assert secrets.get_api_key(API_URL) == "new-key-42"
    assert dialog.api_key.text() == ""
    assert "api_key" in dialog.changed_settings()
    assert "new-key-42" not in default_config_path().read_text(encoding="utf-8")


def test_a_key_for_a_new_api_url_is_stored_under_that_url(qtbot, open_dialog, secrets):
    dialog = open_dialog(_config(api_url=API_URL), secrets)
    _replace_text(qtbot, dialog.api_url, "https://other.example.com/api")
    qtbot.keyClicks(dialog.api_key, "other-key")
    _accept(qtbot, dialog)
    assert secrets.get_api_key("https://other.example.com/api") == "other-key"
    assert secrets.get_api_key(API_URL) is None
    assert dialog.result_config().api_url == "https://other.example.com/api"


def test_remove_stored_key_takes_effect_on_ok(qtbot, open_dialog, secrets):
    secrets.set_api_key(API_URL, STORED_KEY)
    dialog = open_dialog(_config(api_url=API_URL), secrets)
    qtbot.mouseClick(dialog.remove_key, Qt.MouseButton.LeftButton)
    assert "will be removed" in _message(dialog, "settings.api_key").text()
    assert secrets.get_api_key(API_URL) == STORED_KEY
    _accept(qtbot, dialog)
    assert secrets.get_api_key(API_URL) is None
    assert dialog.changed_settings() == ["api_key"]


def test_remove_can_be_taken_back_before_ok(qtbot, open_dialog, secrets):
    secrets.set_api_key(API_URL, STORED_KEY)
    dialog = open_dialog(_config(api_url=API_URL), secrets)
    qtbot.mouseClick(dialog.remove_key, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.remove_key, Qt.MouseButton.LeftButton)
    _accept(qtbot, dialog)
    assert secrets.get_api_key(API_URL) == STORED_KEY
    assert dialog.changed_settings() == []


def test_a_key_with_a_line_break_is_refused_without_repeating_it(qtbot, open_dialog, secrets):
    dialog = open_dialog(_config(api_url=API_URL), secrets)
    dialog.api_key.insert("abc\u200bdef")  # a zero-width space from a careless copy
    qtbot.keyClick(dialog.api_key, Qt.Key.Key_Return)
    message = _message(dialog, "settings.api_key")
    assert message.isVisible() and "control characters" in message.text()
    assert "abc" not in _all_text(dialog)
    assert not dialog.ok_button.isEnabled()


# --- validation ------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("url", "accepted", "says"),
    [
        ("http://example.com", False, "plain http"),
        ("ftp://pos.example.com", False, "https://"),
        ("not a url", False, "https://"),
        ("", False, "https://"),
        ("http://127.0.0.1:8765/api/v1", True, ""),
        ("http://localhost:8765", True, ""),
        ("https://pos.example.com/api/v1/", True, ""),
    ],
)
def test_api_url_is_checked_once_left_and_holds_ok_back(qtbot, open_dialog, secrets, url, accepted, says):
    dialog = open_dialog(_config(api_url=API_URL), secrets)
    dialog.api_url.clear()
    qtbot.keyClicks(dialog.api_url, url)
    message = _message(dialog, "settings.api_url")
    assert not message.isVisible()  # no scolding while typing the first time
    assert dialog.ok_button.isEnabled() is accepted
    assert dialog.test_button.isEnabled() is accepted
    dialog.api_url.editingFinished.emit()
    assert message.isVisible() is not accepted
    assert says in message.text()
    if not accepted:
        assert dialog.api_url.property("status") == "error"


def test_messages_follow_every_keystroke_after_the_first_check(qtbot, open_dialog, secrets):
    dialog = open_dialog(_config(), secrets)
    _replace_text(qtbot, dialog.files_url, "http://api.indicaonline.com/files")
    dialog.files_url.editingFinished.emit()
    message = _message(dialog, "settings.files_url")
    assert message.isVisible()
    dialog.files_url.setCursorPosition(4)
    qtbot.keyClicks(dialog.files_url, "s")
    assert dialog.files_url.text() == "https://api.indicaonline.com/files"
    assert not message.isVisible()
    assert dialog.ok_button.isEnabled()


@pytest.mark.parametrize(
    ("editor", "text", "says"),
    [
        ("timeout", "0", "between 1 and 300"),
        ("timeout", "ten", "must be a number"),
        ("timeout", "", "Enter the timeout"),
        ("max_document", "500", "between 1 and 100"),
        ("retention", "1.5", "whole number"),
        ("retention", "0", "between 1 and 365"),
    ],
)
def test_numbers_out_of_range_are_explained(qtbot, open_dialog, secrets, editor, text, says):
    dialog = open_dialog(_config(), secrets)
    field: QLineEdit = getattr(dialog, editor)
    _replace_text(qtbot, field, text)
    field.editingFinished.emit()
    message = _message(dialog, field.objectName())
    assert message.isVisible() and says in message.text()
    assert not dialog.ok_button.isEnabled()


def test_missing_ca_bundle_file_is_refused(qtbot, open_dialog, secrets, tmp_path):
    dialog = open_dialog(_config(), secrets)
    qtbot.keyClicks(dialog.ca_bundle, str(tmp_path / "missing.pem"))
    dialog.ca_bundle.editingFinished.emit()
    assert "No file or folder" in _message(dialog, "settings.ca_bundle").text()
    assert not dialog.ok_button.isEnabled()
    bundle = tmp_path / "store-ca.pem"
    bundle.write_text("placeholder", encoding="utf-8")
    _replace_text(qtbot, dialog.ca_bundle, str(bundle))
    assert dialog.ok_button.isEnabled()


# --- Test connection -------------------------------------------------------------------------
def _test(qtbot, dialog: SettingsDialog) -> QLabel:
    result = dialog.findChild(QLabel, "settings.test_result")
    qtbot.mouseClick(dialog.findChild(QWidget, "settings.test"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: result.property("status") in ("ok", "error"))
    return result


def test_connection_with_the_stored_key_counts_the_groups(qtbot, open_dialog, secrets, sandbox):
    config = _sandbox_config(sandbox)
    secrets.set_api_key(config.api_url, "test-key")
    with ApiClient.from_config(config, "test-key") as client:
        expected = len(client.list_customer_groups())
    dialog = open_dialog(config, secrets)
    result = _test(qtbot, dialog)
    assert result.property("status") == "ok"
    assert result.text() == f"Connected: {expected} customer groups"


def test_connection_uses_the_typed_key_and_the_urls_on_screen(qtbot, open_dialog, secrets, sandbox):
    dialog = open_dialog(_config(api_url=API_URL), secrets)
    _replace_text(qtbot, dialog.api_url, sandbox.api_url)
    _replace_text(qtbot, dialog.files_url, sandbox.files_url)
    qtbot.keyClicks(dialog.api_key, "test-key")
    result = _test(qtbot, dialog)
    assert result.property("status") == "ok"
    assert result.text().startswith("Connected: ")
    assert secrets.get_api_key(sandbox.api_url) is None  # testing stores nothing


def test_connection_with_a_wrong_key_says_it_was_refused(qtbot, open_dialog, secrets, sandbox):
    dialog = open_dialog(_sandbox_config(sandbox), secrets)
    qtbot.keyClicks(dialog.api_key, "wrong-key")
    result = _test(qtbot, dialog)
    assert result.property("status") == "error"
    assert "The API key was refused" in result.text()
    assert "401" in result.text()
    assert "wrong-key" not in _all_text(dialog)
    assert "Traceback" not in result.text()


def test_connection_to_a_closed_port_says_the_host_cannot_be_reached(qtbot, open_dialog, secrets):
    port = _closed_port()
    url = f"http://127.0.0.1:{port}"
    dialog = open_dialog(_config(api_url=url, files_url=url), secrets)
    qtbot.keyClicks(dialog.api_key, "test-key")
    result = _test(qtbot, dialog)
    assert result.property("status") == "error"
    assert result.text().startswith(f"Cannot reach 127.0.0.1:{port}: ")


def test_connection_without_any_key_asks_for_one(qtbot, open_dialog, secrets, sandbox):
    dialog = open_dialog(_sandbox_config(sandbox), secrets)
    result = _test(qtbot, dialog)
    assert result.property("status") == "error"
    assert "No API key is stored" in result.text()


def test_dialog_stays_responsive_while_testing(qtbot, open_dialog, secrets, sandbox):
    sandbox.script_faults([Fault(delay=0.5, path=wire.PATH_CUSTOMER_GROUPS)])
    dialog = open_dialog(_sandbox_config(sandbox), secrets)
    qtbot.keyClicks(dialog.api_key, "test-key")
    qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
    # The call runs in the pool: the dialog takes keystrokes while the server is still slow.
    qtbot.keyClicks(dialog.timeout, "0")
    assert dialog.timeout.text() == "150"
    assert dialog.test_result.text() == f"Connecting to {sandbox.host}:{sandbox.port}…"
    qtbot.waitUntil(lambda: dialog.test_result.property("status") == "ok")


# --- saving ----------------------------------------------------------------------------------
def test_ok_saves_the_configuration_file_that_load_config_reads_back(qtbot, open_dialog, secrets, sandbox):
    dialog = open_dialog(_config(), secrets)
    _replace_text(qtbot, dialog.api_url, sandbox.api_url)
    _replace_text(qtbot, dialog.files_url, sandbox.files_url)
    _replace_text(qtbot, dialog.timeout, "30")
    _replace_text(qtbot, dialog.max_document, "5")
    _replace_text(qtbot, dialog.retention, "30")
    dialog.jurisdiction.setCurrentIndex(dialog.jurisdiction.findData("OK"))
    dialog.language.setCurrentIndex(dialog.language.findData("es"))
    _accept(qtbot, dialog)
    saved = dialog.result_config()
    assert default_config_path().is_file()
    assert load_config() == saved
    assert (saved.api_url, saved.jurisdiction, saved.language) == (sandbox.api_url, "OK", "es")
    assert (saved.timeout_seconds, saved.max_document_bytes, saved.draft_retention_days) == (30.0, 5 << 20, 30)
    assert set(dialog.changed_settings()) == {
        "api_url", "files_url", "timeout_seconds", "max_document_bytes", "draft_retention_days",
        "jurisdiction", "language",
    }


def test_a_files_url_on_another_server_is_flagged_until_the_key_is_allowed_there(qtbot, open_dialog, secrets):
    dialog = open_dialog(_config(), secrets)
    message = _message(dialog, "settings.files_url")
    assert not message.isVisible() and not dialog.allow_files_key.isChecked()
    _replace_text(qtbot, dialog.files_url, "https://files.example.com/v2")
    assert message.isVisible() and "another server" in message.text()
    assert dialog.ok_button.isEnabled()  # a warning: the admin may be changing both URLs
    dialog.allow_files_key.setChecked(True)
    assert not message.isVisible()
    _accept(qtbot, dialog)
    assert load_config().allow_key_to_files_host is True
    assert "allow_key_to_files_host" in dialog.changed_settings()


def test_enter_in_a_field_is_ok_when_everything_is_valid(qtbot, open_dialog, secrets):
    dialog = open_dialog(_config(), secrets)
    _replace_text(qtbot, dialog.retention, "7")
    qtbot.keyClick(dialog.retention, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted)
    assert load_config().draft_retention_days == 7


def test_enter_does_nothing_while_a_field_is_invalid(qtbot, open_dialog, secrets):
    dialog = open_dialog(_config(), secrets)
    _replace_text(qtbot, dialog.retention, "0")
    qtbot.keyClick(dialog.retention, Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert dialog.result_config() is None
    assert not default_config_path().exists()


def test_escape_cancels_without_saving_anything(qtbot, open_dialog, secrets):
    secrets.set_api_key(API_URL, STORED_KEY)
    dialog = open_dialog(_config(api_url=API_URL), secrets)
    _replace_text(qtbot, dialog.retention, "3")
    qtbot.keyClicks(dialog.api_key, "typed-then-cancelled")
    qtbot.mouseClick(dialog.remove_key, Qt.MouseButton.LeftButton)
    qtbot.keyClick(dialog.retention, Qt.Key.Key_Escape)
    assert dialog.result() == QDialog.DialogCode.Rejected
    assert not dialog.isVisible()
    assert dialog.result_config() is None
    assert not default_config_path().exists()
    assert secrets.get_api_key(API_URL) == STORED_KEY
    assert dialog.api_key.text() == ""


def test_demo_settings_are_kept_in_memory_only(qtbot, open_dialog, secrets):
    dialog = open_dialog(_config(demo=True), secrets)
    assert dialog.findChild(QLabel, "settings.demo_note").isVisibleTo(dialog)
    _replace_text(qtbot, dialog.retention, "2")
    qtbot.keyClicks(dialog.api_key, "demo-key-2")
    _accept(qtbot, dialog)
    assert dialog.result_config().draft_retention_days == 2
    assert not default_config_path().exists()
    assert secrets.get_api_key(dialog.result_config().api_url) == "demo-key-2"


def test_a_field_set_by_the_environment_is_read_only_and_not_written(qtbot, open_dialog, secrets, monkeypatch,
                                                                      sandbox):
    monkeypatch.setenv(ENV_API_URL, sandbox.api_url)
    dialog = open_dialog(load_config(), secrets)
    assert dialog.api_url.isReadOnly()
    assert dialog.api_url.text() == sandbox.api_url
    assert _message(dialog, "settings.api_url").text() == f"Set by {ENV_API_URL}"
    assert not dialog.files_url.isReadOnly()
    _replace_text(qtbot, dialog.retention, "9")
    _accept(qtbot, dialog)
    assert dialog.result_config().api_url == sandbox.api_url  # what the station uses now
    in_file = load_config(env={}, path=default_config_path())
    assert in_file.api_url == wire.DEFAULT_API_URL
    assert in_file.draft_retention_days == 9


def test_tab_order_follows_the_form(open_dialog, secrets):
    dialog = open_dialog(_config(), secrets)
    expected = ["settings.api_url", "settings.files_url", "settings.allow_key_to_files_host", "settings.ca_bundle",
                "settings.ca_bundle.browse",
                "settings.timeout_seconds", "settings.api_key", "settings.test", "settings.jurisdiction",
                "settings.language", "settings.max_document_mb", "settings.draft_retention_days",
                "settings.scan_folder", "settings.scan_folder.choose", "settings.ok", "settings.cancel"]
    chain, widget = [], dialog.api_url
    while len(chain) < 40:
        if (widget.focusPolicy() & Qt.FocusPolicy.TabFocus) and widget.isEnabled() and widget.isVisible():
            chain.append(widget.objectName())
        widget = widget.nextInFocusChain()
        if widget is dialog.api_url:
            break
    assert [name for name in chain if name in expected] == expected


def test_every_input_has_a_label_with_a_mnemonic_and_an_accessible_name(open_dialog, secrets):
    dialog = open_dialog(_config(), secrets)
    for name in ("api_url", "files_url", "jurisdiction", "language", "timeout_seconds", "ca_bundle",
                 "max_document_mb", "draft_retention_days", "api_key", "scan_folder"):
        editor = dialog.findChild(QWidget, f"settings.{name}")
        label = dialog.findChild(QLabel, f"settings.{name}.label")
        assert label.buddy() is editor
        assert "&" in label.text()
        assert editor.accessibleName() == label.text().replace("&", "")


def test_jurisdictions_are_listed_with_code_and_name(open_dialog, secrets):
    from app.policy import load_policy

    dialog = open_dialog(_config(jurisdiction="CA"), secrets)
    combo = dialog.jurisdiction
    codes = {combo.itemData(i) for i in range(combo.count())} - {None}
    assert codes == set(load_policy().jurisdictions)
    assert combo.currentText() == "CA — California"
    assert [dialog.language.itemData(i) for i in range(dialog.language.count())] == ["en", "es", "fr"]


# --- no keyring --------------------------------------------------------------------------------
@pytest.fixture
def no_keyring():
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    try:
        yield
    finally:
        keyring.set_keyring(previous)


def test_without_a_keyring_the_message_shows_and_the_key_field_is_disabled(qtbot, no_keyring):
    secrets = SecretStore()
    with pytest.raises(NoKeyringError) as raised:
        secrets.backend()
    dialog = SettingsDialog(_config(), secrets)
    qtbot.addWidget(dialog)
    label = dialog.findChild(QLabel, "settings.keyring")
    qtbot.waitUntil(lambda: label.property("status") == "error")
    assert label.text() == str(raised.value)
    assert not dialog.api_key.isEnabled()
    assert not dialog.remove_key.isEnabled()
    # The rest of the settings can still be saved.
    _replace_text(qtbot, dialog.retention, "5")
    dialog.show()
    _accept(qtbot, dialog)
    assert load_config().draft_retention_days == 5
    assert dialog.changed_settings() == ["draft_retention_days"]


# --- the Tools menu ------------------------------------------------------------------------------
@pytest.fixture
def window(qtbot, memory_keyring):
    from ui.app_setup import create_main_window

    window = create_main_window(load_config())
    qtbot.addWidget(window)
    yield window
    window.station.close()


def _open_from_menu(qtbot, window) -> SettingsDialog:
    action = window.settings_action
    assert action in window.tools_menu.actions()
    assert action.shortcut().toString() == "Ctrl+,"
    action.trigger()
    dialog = window.findChild(SettingsDialog)
    qtbot.waitUntil(lambda: dialog.isVisible() and dialog.keyring_label.property("status") is not None)
    return dialog


def _accept_from_menu(qtbot, dialog: SettingsDialog) -> None:
    """OK on a dialog the window opened; it deletes itself once closed."""
    with qtbot.waitSignal(dialog.accepted):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not shiboken6.isValid(dialog))


def test_settings_from_the_tools_menu_note_a_restart_without_apply_config(qtbot, window):
    dialog = _open_from_menu(qtbot, window)
    dialog.language.setCurrentIndex(dialog.language.findData("fr"))
    _accept_from_menu(qtbot, dialog)
    assert "restart" in window.statusBar().currentMessage()
    assert "language" in window.statusBar().currentMessage()
    again = _open_from_menu(qtbot, window)  # shows what was saved, not what the window still runs on
    assert again.language.currentData() == "fr"


def test_settings_from_the_tools_menu_are_applied_and_audited(qtbot, window):
    applied: list[Config] = []
    window.apply_config = lambda config: applied.append(config)
    assert isinstance(window.session.audit, AuditLog)
    dialog = _open_from_menu(qtbot, window)
    dialog.jurisdiction.setCurrentIndex(dialog.jurisdiction.findData("ON"))
    qtbot.keyClicks(dialog.api_key, "fresh-key")
    _accept_from_menu(qtbot, dialog)
    assert [c.jurisdiction for c in applied] == ["ON"]
    assert window.statusBar().currentMessage() == "Settings saved."

    def recorded():
        return [e for e in window.session.audit.entries() if e.event == SETTINGS_CHANGED]

    qtbot.waitUntil(lambda: len(recorded()) == 1)
    assert recorded()[0].details == {"settings": ["api_key", "jurisdiction"]}
