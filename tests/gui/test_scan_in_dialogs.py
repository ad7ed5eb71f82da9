"""A scanner's burst typed while a dialog of the window has the keyboard: the file choosers
(Add documents, Read ID from image, the CA bundle, the audit export), Find customer, a question
asked from a dialog, and Settings itself. The burst is swallowed and dropped: the dialog stays
open, nothing in it is pressed or accepted, none of the card's text is left in its fields, and
the clerk is told the scan was ignored.

The file choosers block in their own event loop, so what happens while one is open is done and
noted from a timer inside that loop; the dialog is then closed and the notes are checked."""

from __future__ import annotations

import pytest
import shiboken6
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QInputDialog, QLineEdit, QMessageBox, QToolTip

from app import wire
from app.config import default_config_path
from app.steps import STEP_KEYS
from app.wizard import REVIEW
from tests.gui.test_idscan_ui import CARD, feature_of, type_burst
from ui.audit_viewer import AuditViewer
from ui.features.settings import show_settings
from ui.widgets.scan_capture import in_dialog

IGNORED = "A scan was read while a dialog was open; it was ignored."
DOCUMENTS = STEP_KEYS.index("documents")


def _texts(dialog: QDialog) -> dict[str, str]:
    return {f"{i}:{edit.objectName()}": edit.text() for i, edit in enumerate(dialog.findChildren(QLineEdit))}


def _burst_and_note(qtbot, window, dialog: QDialog, target, notes: dict) -> None:
    """The burst into ``target`` inside ``dialog``; what it left is noted in ``notes``. Any other
    modal dialog the keys open (a file dialog's "file not found", say) is noted and closed, so a
    burst that gets through fails the test instead of waiting for a person."""
    before = _texts(dialog)
    notes["opened"] = []

    def close_others() -> None:
        other = QApplication.activeModalWidget()
        if isinstance(other, QDialog) and other is not dialog and other.isVisible():
            notes["opened"].append(type(other).__name__)
            other.reject()

    watchdog = QTimer()
    watchdog.setInterval(50)
    watchdog.timeout.connect(close_others)
    watchdog.start()
    try:
        with qtbot.waitSignal(feature_of(window).wedge.ignored, timeout=3000, raising=False) as ignored:
            type_burst(qtbot, target, CARD.text)
        qtbot.wait(100)  # anything the keys could have set off has had its turn
    finally:
        watchdog.stop()
    notes.update(ignored=ignored.signal_triggered, open=dialog.isVisible(), result=dialog.result(),
                 unchanged=_texts(dialog) == before,
                 card_text=any("ANSI" in t or "@" in t for t in _texts(dialog).values()),
                 status=window.statusBar().currentMessage(), tooltip=QToolTip.text())


def _while_modal(qtbot, window, kind: type, notes: dict, target=None) -> None:
    """Once a modal ``kind`` is up (in its own event loop): the burst, then Cancel."""

    def run() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, kind) or not dialog.isVisible():
            QTimer.singleShot(10, run)
            return
        try:
            field = target(dialog) if target else (dialog.focusWidget() or dialog)
            _burst_and_note(qtbot, window, dialog, field, notes)
        finally:
            dialog.reject()

    QTimer.singleShot(0, run)


def _file_name(dialog: QFileDialog) -> QLineEdit:
    return dialog.findChild(QLineEdit, "fileNameEdit")


def _assert_ignored(notes: dict) -> None:
    assert notes["opened"] == [], "the burst opened a dialog"
    assert notes["open"], "the burst closed the dialog"
    assert notes["result"] == QDialog.DialogCode.Rejected  # nothing accepted it
    assert notes["unchanged"] and not notes["card_text"], "the card's text was typed into the dialog"
    assert notes["ignored"] and notes["status"].startswith(IGNORED)
    assert notes["tooltip"].startswith(IGNORED)


def test_a_burst_in_the_add_documents_dialog_adds_nothing(open_window, qtbot):
    window = open_window(active=True)
    window.go_to(DOCUMENTS)
    documents = window.editor(wire.DOCUMENTS)
    notes: dict = {}
    _while_modal(qtbot, window, QFileDialog, notes, _file_name)
    documents.add_button.click()  # blocks until the dialog closes
    _assert_ignored(notes)
    assert documents.documents() == [] and not documents.message.text()
    assert window.wizard.current == DOCUMENTS


def test_a_burst_in_the_read_id_from_image_dialog_reads_nothing(open_window, qtbot):
    window = open_window(active=True)
    feature = feature_of(window)
    notes: dict = {}
    _while_modal(qtbot, window, QFileDialog, notes, _file_name)
    feature.image_button.click()
    _assert_ignored(notes)
    assert not window.busy.text() and not feature.banner.isVisible()
    assert window.wizard.value(wire.LAST_NAME) in ("", None)


@pytest.mark.parametrize("button, field", [("browse", "ca_bundle"), ("choose_scan_folder", "scan_folder")])
def test_a_burst_in_a_settings_file_dialog_leaves_settings_as_they_were(open_window, qtbot, button, field):
    window = open_window(active=True)
    settings = show_settings(window)
    qtbot.waitUntil(settings.isVisible)
    notes: dict = {}
    _while_modal(qtbot, window, QFileDialog, notes, _file_name)
    getattr(settings, button).click()
    _assert_ignored(notes)
    assert settings.isVisible() and getattr(settings, field).text() == ""
    assert settings.result() == QDialog.DialogCode.Rejected and not default_config_path().exists()
    settings.reject()


def test_a_burst_in_the_audit_export_dialog_writes_no_file(open_window, qtbot, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # where the export dialog opens
    window = open_window(active=True)
    viewer = AuditViewer(window.session.audit, clerk=lambda: "", parent=window)
    qtbot.addWidget(viewer)
    viewer.show()
    exported: list[int] = []
    viewer.exported.connect(exported.append)
    notes: dict = {}
    _while_modal(qtbot, window, QFileDialog, notes, _file_name)
    viewer.export_button.click()
    _assert_ignored(notes)
    qtbot.wait(100)
    assert exported == [] and list(tmp_path.glob("*.csv")) == [] and viewer.export_button.isEnabled()


def test_a_burst_in_find_customer_looks_nothing_up(open_window, qtbot):
    from ui.features.returning import ReturningFeature

    window = open_window(active=True)
    returning = window.findChild(ReturningFeature)
    looked_up: list = []
    returning.lookup_done.connect(looked_up.append)
    notes: dict = {}
    _while_modal(qtbot, window, QInputDialog, notes, lambda dialog: dialog.findChild(QLineEdit))
    returning.find_action.trigger()
    _assert_ignored(notes)
    qtbot.wait(100)
    assert looked_up == [] and not window.busy.text()


def test_a_burst_in_the_settings_dialog_saves_nothing(open_window, qtbot):
    window = open_window(active=True)
    settings = show_settings(window)
    qtbot.waitUntil(lambda: settings.isVisible() and settings.keyring_label.text() != "Checking the keyring…")
    assert in_dialog(settings.api_url)
    url = settings.api_url.text()
    accepted: list = []
    settings.accepted.connect(lambda: accepted.append(1))
    assert settings.ok_button.isEnabled() and settings.ok_button.isDefault()  # Enter would mean OK
    notes: dict = {}
    _burst_and_note(qtbot, window, settings, settings.api_url, notes)
    _assert_ignored(notes)
    assert accepted == [] and settings.api_url.text() == url
    assert not default_config_path().exists()
    assert shiboken6.isValid(settings) and settings.isVisible()
    settings.reject()


def test_a_burst_in_a_question_asked_from_a_dialog_answers_nothing(open_window, qtbot):
    window = open_window(active=True)
    drafts = window.station.drafts
    drafts.save("a" * 32, {wire.FIRST_NAME: "Ana", wire.LAST_NAME: "Lee"}, "identity")
    window.drafts_action.trigger()
    panel = window.drafts_panel
    qtbot.waitUntil(lambda: panel.table.rowCount() == 1)
    assert panel.select("a" * 32)
    panel.delete_button.click()
    qtbot.waitUntil(lambda: panel.findChild(QMessageBox, "confirm_delete") is not None)
    box = panel.findChild(QMessageBox, "confirm_delete")
    qtbot.waitUntil(box.isVisible)
    notes: dict = {}
    _burst_and_note(qtbot, window, box, box.focusWidget() or box, notes)
    _assert_ignored(notes)
    assert box.clickedButton() is None
    assert drafts.exists("a" * 32)
    box.button(QMessageBox.StandardButton.Cancel).click()
    qtbot.waitUntil(lambda: panel.findChild(QMessageBox, "confirm_delete") is None)
    assert drafts.exists("a" * 32)


def test_a_burst_in_the_window_s_duplicate_question_sends_nothing_and_asks_about_the_card(open_window, qtbot,
                                                                                       sandbox):
    """The window's own questions about the intake on screen are answered "not now" by a scan
    (the card comes first), and the card is offered: never Continue, never a submit."""
    sandbox.add_customer({wire.FIRST_NAME: "Sean", wire.LAST_NAME: "O'Brien", wire.DATE_OF_BIRTH: "1977-08-31",
                          wire.STATE_ID: CARD.fields[wire.STATE_ID]})
    created = sandbox.created()
    window = open_window(active=True)
    feature = feature_of(window)
    with qtbot.waitSignal(feature.checked, timeout=5000):
        type_burst(qtbot, window.editor(wire.FIRST_NAME), CARD.text)
    window.go_to(REVIEW)
    answers: list[str] = []
    feature.check_before_submit(lambda: answers.append("sent"))
    qtbot.waitUntil(lambda: any(b.isVisible() for b in window.findChildren(QMessageBox, "duplicate_confirm")),
                    timeout=5000)
    box = next(b for b in window.findChildren(QMessageBox, "duplicate_confirm") if b.isVisible())
    type_burst(qtbot, box.focusWidget() or box, CARD.text)
    qtbot.waitUntil(lambda: any(b.isVisible() for b in window.findChildren(QMessageBox, "scan_where")), timeout=5000)
    qtbot.wait(100)
    assert answers == [] and sandbox.created() == created
    assert not shiboken6.isValid(box) or not box.isVisible()
    where = next(b for b in window.findChildren(QMessageBox, "scan_where") if b.isVisible())
    where.reject()


def _type_where_keys_go(qtbot, text: str) -> None:
    """The burst sent where the platform sends each key: to the open popup (a combo box's list),
    else to the widget with the focus; the receiver may change within the burst."""
    for ch in text:
        popup = QApplication.activePopupWidget()
        target = (popup.focusWidget() or popup) if popup is not None else QApplication.focusWidget()
        if ch in "\r\n":
            qtbot.keyClick(target, Qt.Key.Key_Return)
        elif ch >= " ":
            qtbot.keyClicks(target, ch)


def test_a_burst_into_an_open_list_in_settings_chooses_nothing_and_saves_nothing(open_window, qtbot):
    window = open_window(active=True)
    settings = show_settings(window)
    qtbot.waitUntil(lambda: settings.isVisible() and settings.keyring_label.text() != "Checking the keyring…")
    settings.activateWindow()
    qtbot.waitUntil(settings.isActiveWindow)
    settings.jurisdiction.setFocus()
    chosen = settings.jurisdiction.currentData()
    accepted: list = []
    settings.accepted.connect(lambda: accepted.append(1))
    settings.jurisdiction.showPopup()
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is not None)
    with qtbot.waitSignal(feature_of(window).wedge.ignored, timeout=3000):
        _type_where_keys_go(qtbot, CARD.text)
    qtbot.wait(100)
    assert accepted == [] and shiboken6.isValid(settings) and settings.isVisible()
    assert settings.jurisdiction.currentData() == chosen
    assert not default_config_path().exists()
    assert window.statusBar().currentMessage().startswith(IGNORED)
    settings.reject()


def test_a_burst_into_an_open_list_on_a_step_is_read_as_a_scan(open_window, qtbot):
    window = open_window(active=True)
    combo = window.editor(wire.GENDER)
    combo.setFocus()
    combo.showPopup()
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is not None)
    with qtbot.waitSignal(feature_of(window).filled, timeout=3000):
        _type_where_keys_go(qtbot, CARD.text)
    assert window.wizard.value(wire.LAST_NAME) == "O'Brien"
    assert window.wizard.current == 0
