"""Managed settings read-only in Settings, and the Diagnostics window (Help ▸ Diagnostics and
Settings ▸ Check connection) showing the doctor's report against the sandbox."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QLabel, QLineEdit

from app import wire
from app.api.client import ApiClient
from app.config import ENV_API_URL, Config, default_config_path, load_config, managed_config_path
from tests.support.bodies import customer_body
from ui.diagnostics import DiagnosticsDialog
from ui.settings_dialog import SettingsDialog

MANAGED_URL = "https://pos.chain.example/open_api/v2.3"


def test_a_managed_address_is_read_only_and_wins_over_the_environment(qtbot, secrets, monkeypatch):
    managed_config_path().write_text(f'api_url = "{MANAGED_URL}"\njurisdiction = "OR"\n', encoding="utf-8")
    monkeypatch.setenv(ENV_API_URL, "https://elsewhere.example/api")
    config = load_config()
    assert config.api_url == MANAGED_URL
    dialog = SettingsDialog(config, secrets)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.keyring_label.text() != "Checking the keyring…")
    assert dialog.api_url.isReadOnly() and dialog.api_url.text() == MANAGED_URL
    assert not dialog.jurisdiction.isEnabled()
    assert not dialog.files_url.isReadOnly() and dialog.language.isEnabled()
    hint = dialog.findChild(QLabel, "settings.api_url.message")
    assert hint.text() == "Set by your organisation" and hint.isVisible()
    note = dialog.findChild(QLabel, "settings.managed_note")
    assert str(managed_config_path()) in note.text()
    # typing cannot change it; OK saves the user's other choices, never the managed value
    dialog.api_url.setFocus()
    qtbot.keyClicks(dialog.api_url, "x")
    assert dialog.api_url.text() == MANAGED_URL
    dialog.language.setCurrentIndex(dialog.language.findData("fr"))
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted)
    saved = default_config_path().read_text(encoding="utf-8")
    assert MANAGED_URL not in saved and "OR" not in saved and 'language = "fr"' in saved
    assert load_config().api_url == MANAGED_URL


def test_without_a_managed_file_nothing_is_locked(qtbot, secrets):
    dialog = SettingsDialog(load_config(), secrets)
    qtbot.addWidget(dialog)
    assert not dialog.api_url.isReadOnly() and dialog.jurisdiction.isEnabled()
    assert dialog.findChild(QLabel, "settings.managed_note") is None


def _sandbox_config(sandbox, tmp_path) -> Config:
    return Config(api_url=sandbox.api_url, files_url=sandbox.files_url, data_dir=tmp_path / "station", demo=True)


def test_the_diagnostics_window_shows_the_report_and_copies_it_without_the_key(qtbot, sandbox, secrets, tmp_path):
    secrets.set_api_key(sandbox.api_url, sandbox.api_key)
    with ApiClient(sandbox.api_url, sandbox.files_url, sandbox.api_key) as client:
        client.create_customer(customer_body(**{wire.FIRST_NAME: "Quintessa"}))
    sandbox.plan = "basic"
    dialog = DiagnosticsDialog(_sandbox_config(sandbox, tmp_path), secrets)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=20000)
    assert dialog.status.property("status") == "warning"
    shown = dialog.view.toPlainText()
    assert "POS plan" in shown and "What to do:" in shown and "Field names (contract)" in shown
    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    copied = QGuiApplication.clipboard().text()
    assert "POS plan" in copied and "Result: warning" in copied
    for text in (shown, copied):
        assert sandbox.api_key not in text and "Quintessa" not in text


def test_a_problem_is_shown_as_one(qtbot, sandbox, secrets, tmp_path):
    secrets.set_api_key(sandbox.api_url, "wrong-key")
    dialog = DiagnosticsDialog(_sandbox_config(sandbox, tmp_path), secrets)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=20000)
    assert dialog.status.property("status") == "error"
    assert "refused the stored key" in dialog.view.toPlainText()


def test_settings_check_connection_opens_the_report_for_the_settings_shown(qtbot, sandbox, secrets, tmp_path):
    secrets.set_api_key(sandbox.api_url, sandbox.api_key)
    dialog = SettingsDialog(_sandbox_config(sandbox, tmp_path), secrets)
    qtbot.addWidget(dialog)
    dialog.show()
    report = dialog.check_connection()
    qtbot.waitUntil(lambda: report.report is not None, timeout=20000)
    assert report.report.check("api_key").verdict == "ok"
    assert report.isVisible()
    report.close()


def test_help_diagnostics_in_the_window(open_window, qtbot):
    window = open_window()
    action = window.diagnostics_action
    assert action in window.help_menu.actions()
    action.trigger()
    dialog = window.findChild(DiagnosticsDialog)
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=20000)
    assert dialog.report.check("api_key").verdict == "ok"
    dialog.close()


def test_the_log_file_line_names_the_file(qtbot, secrets, tmp_path):
    dialog = DiagnosticsDialog(Config(data_dir=tmp_path / "d"), secrets, run=False)
    qtbot.addWidget(dialog)
    assert dialog.log_file.name == "intake.log"
    assert str(dialog.log_file) in dialog.log_label.text()
    assert isinstance(dialog.findChild(QLineEdit), type(None))


def test_the_log_is_opened_and_its_end_copied_with_the_report(qtbot, sandbox, secrets, tmp_path, monkeypatch):
    import logging

    from PySide6.QtGui import QDesktopServices

    from app import logfile

    path = logfile.install_log_file()
    assert path is not None and path.parent == tmp_path / "log"
    logging.getLogger("intake").warning("the outbox paused after a refused key")
    secrets.set_api_key(sandbox.api_url, sandbox.api_key)
    dialog = DiagnosticsDialog(_sandbox_config(sandbox, tmp_path), secrets)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=20000)
    assert dialog.log_file == path and dialog.open_log_button.isEnabled()
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()) or True)
    qtbot.mouseClick(dialog.open_log_button, Qt.MouseButton.LeftButton)
    assert opened == [str(path)]
    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    copied = QGuiApplication.clipboard().text()
    assert "the outbox paused after a refused key" in copied and "intake.log (last lines)" in copied
