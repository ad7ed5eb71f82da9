"""The document scanner's folder in the Settings dialog: chosen or typed, checked, saved, cleared,
read-only when the organisation sets it, and used by the Documents step as soon as OK is pressed."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QLabel

from app import wire
from app.config import default_config_path, load_config, managed_config_path
from ui.settings_dialog import SettingsDialog


def _message(dialog: SettingsDialog) -> QLabel:
    return dialog.findChild(QLabel, "settings.scan_folder.message")


def _type(qtbot, dialog: SettingsDialog, text: str) -> None:
    dialog.scan_folder.clear()
    qtbot.keyClicks(dialog.scan_folder, text)
    dialog.scan_folder.editingFinished.emit()


def _accept(qtbot, dialog: SettingsDialog) -> None:
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted and not dialog.isVisible())


def _pdf(path: Path) -> Path:
    path.write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
    return path


def test_a_typed_folder_is_saved_and_read_back(qtbot, open_dialog, secrets, tmp_path):
    scans = tmp_path / "scans"
    scans.mkdir()
    dialog = open_dialog(load_config(), secrets)
    assert dialog.scan_folder.text() == ""
    label = dialog.findChild(QLabel, "settings.scan_folder.label")
    assert label.buddy() is dialog.scan_folder and "&" in label.text()
    assert dialog.scan_folder.accessibleName() == "Document scanner folder"
    _type(qtbot, dialog, f"  {scans}  ")
    assert _message(dialog).property("status") == "hint"  # the hint, no error
    _accept(qtbot, dialog)
    assert dialog.changed_settings() == ["scan_folder"]
    assert dialog.result_config().scan_folder == str(scans)
    assert load_config().scan_folder == str(scans)


def test_choose_opens_qt_s_own_folder_dialog_and_fills_the_field(qtbot, open_dialog, secrets, tmp_path):
    scans = tmp_path / "scanner out"
    scans.mkdir()
    dialog = open_dialog(load_config(), secrets)
    seen = {}

    def pick() -> None:
        chooser = QApplication.activeModalWidget()
        try:
            seen["native"] = not chooser.testOption(QFileDialog.Option.DontUseNativeDialog)
            seen["mode"] = chooser.fileMode()
            chooser.setDirectory(str(tmp_path))
            chooser.selectFile(str(scans))
        finally:
            chooser.accept()

    QTimer.singleShot(0, pick)
    qtbot.mouseClick(dialog.choose_scan_folder, Qt.MouseButton.LeftButton)
    assert seen == {"native": False, "mode": QFileDialog.FileMode.Directory}
    assert dialog.scan_folder.text() == str(scans)
    assert dialog.ok_button.isEnabled()
    _accept(qtbot, dialog)
    assert load_config().scan_folder == str(scans)


def test_emptying_the_field_removes_the_scanner_folder(qtbot, open_dialog, secrets, tmp_path):
    scans = tmp_path / "scans"
    scans.mkdir()
    default_config_path().write_text(f"scan_folder = '{scans}'\n", encoding="utf-8")
    dialog = open_dialog(load_config(), secrets)
    assert dialog.scan_folder.text() == str(scans)
    _type(qtbot, dialog, "")
    assert dialog.ok_button.isEnabled()
    _accept(qtbot, dialog)
    assert dialog.changed_settings() == ["scan_folder"]
    assert load_config().scan_folder is None
    assert "scan_folder" not in default_config_path().read_text(encoding="utf-8")


@pytest.mark.parametrize("what, says", [("missing", "No folder at"), ("file", "is a file, not a folder")])
def test_a_folder_that_is_not_there_is_explained_and_never_saved(qtbot, open_dialog, secrets, tmp_path, what, says):
    target = tmp_path / "scans"
    if what == "file":
        _pdf(target)
    dialog = open_dialog(load_config(), secrets)
    _type(qtbot, dialog, str(target))
    message = _message(dialog)
    assert message.isVisible() and says in message.text() and str(target) in message.text()
    assert message.property("status") == "error"
    assert not dialog.ok_button.isEnabled()
    qtbot.keyClick(dialog.scan_folder, Qt.Key.Key_Return)  # Enter does not save it either
    assert dialog.isVisible() and dialog.result_config() is None
    assert not default_config_path().exists()
    target.unlink(missing_ok=True)
    target.mkdir()  # the share came back: the message goes with the next keystroke
    qtbot.keyClick(dialog.scan_folder, Qt.Key.Key_End)
    qtbot.keyClicks(dialog.scan_folder, "/")
    assert dialog.ok_button.isEnabled() and message.property("status") == "hint"


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root reads every folder")
def test_a_folder_this_user_cannot_read_is_explained(qtbot, open_dialog, secrets, tmp_path):
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0)
    try:
        dialog = open_dialog(load_config(), secrets)
        _type(qtbot, dialog, str(locked))
        assert "cannot be read" in _message(dialog).text()
        assert not dialog.ok_button.isEnabled()
    finally:
        locked.chmod(0o700)


def test_a_saved_folder_that_is_gone_is_said_on_opening(open_dialog, secrets, tmp_path):
    gone = tmp_path / "unmounted share"
    default_config_path().write_text(f"scan_folder = '{gone}'\n", encoding="utf-8")
    dialog = open_dialog(load_config(), secrets)
    assert "No folder at" in _message(dialog).text() and _message(dialog).isVisible()
    assert not dialog.ok_button.isEnabled()


def test_a_managed_scanner_folder_is_read_only_and_not_written(qtbot, open_dialog, secrets, tmp_path):
    managed = tmp_path / "store scans"  # need not exist on every station: not checked, not the admin's choice
    managed_config_path().write_text(f"scan_folder = '{managed}'\n", encoding="utf-8")
    dialog = open_dialog(load_config(), secrets)
    assert dialog.scan_folder.isReadOnly() and dialog.scan_folder.text() == str(managed)
    assert not dialog.choose_scan_folder.isEnabled()
    assert _message(dialog).text() == "Set by your organisation"
    assert str(managed_config_path()) in dialog.scan_folder.toolTip()
    dialog.scan_folder.setFocus()
    qtbot.keyClicks(dialog.scan_folder, "x")
    assert dialog.scan_folder.text() == str(managed)
    dialog.retention.clear()
    qtbot.keyClicks(dialog.retention, "9")
    _accept(qtbot, dialog)
    saved = default_config_path().read_text(encoding="utf-8")
    assert "scan_folder" not in saved and "draft_retention_days = 9" in saved
    assert load_config().scan_folder == str(managed)


def test_the_documents_step_lists_the_new_folder_after_ok(open_window, qtbot, tmp_path):
    old, new = tmp_path / "old scans", tmp_path / "new scans"
    old.mkdir()
    new.mkdir()
    _pdf(old / "old_0001.pdf")
    _pdf(new / "id_0007.pdf")
    _pdf(new / "rec_0008.pdf")
    window = open_window(scan_folder=str(old))
    documents = window.editor(wire.DOCUMENTS)

    def listed() -> list[str]:
        return [documents.recent.item(i).data(Qt.ItemDataRole.AccessibleTextRole)
                for i in range(documents.recent.count())]

    qtbot.waitUntil(lambda: listed() == ["old_0001.pdf"], timeout=5000)
    window.settings_action.trigger()
    dialog = window.findChild(SettingsDialog)
    qtbot.waitUntil(lambda: dialog.isVisible() and dialog.keyring_label.text() != "Checking the keyring…")
    assert dialog.scan_folder.text() == str(old)
    _type(qtbot, dialog, str(new))
    with qtbot.waitSignal(dialog.accepted):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not shiboken6.isValid(dialog))
    assert window.statusBar().currentMessage() == "Settings saved."  # no restart needed
    assert window.config.scan_folder == str(new)
    assert documents.scan_folder == str(new)
    qtbot.waitUntil(lambda: sorted(listed()) == ["id_0007.pdf", "rec_0008.pdf"], timeout=5000)
    assert str(new) in documents.recent_label.text()
    # a scan saved there now shows up too: the folder is watched
    _pdf(new / "id_0009.pdf")
    qtbot.waitUntil(lambda: "id_0009.pdf" in listed(), timeout=5000)
