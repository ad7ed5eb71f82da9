"""Opening the window in stages (``ui.startup``): what is typed or scanned while the rest loads
is kept and read, messages follow the same rules from the first keystroke, and the window
works fully once loaded. No timings here: ``benchmarks/startup.py`` measures them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel

from app import wire
from app.credentials import SecretStore
from tests.gui.test_idscan_ui import CARD, flat, type_burst
from tests.gui.test_window import submit_and_wait
from ui.app_setup import load_in_stages, open_frame
from ui.features.idscan import IdScanFeature
from ui.selftest import SAMPLE, fill_window

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def open_in_stages(open_window, qtbot):
    """``open_in_stages(**config_changes) -> (window, startup)``: the frame shown, and the
    first step ready (focused) while the rest has not loaded yet. Shut down by open_window."""

    def opener(**changes):
        config = open_window.config(**changes)
        SecretStore().set_api_key(config.api_url, open_window.sandbox.api_key)
        window = open_frame(config)
        window.resize(1366, 768)
        startup = load_in_stages(window)
        with qtbot.waitSignal(startup.first_step_ready, timeout=10000):
            window.show()
        assert not startup.done and window.wizard is None and not hasattr(window, "session")
        open_window.windows.append(window)
        return window, startup

    return opener


def wait_loaded(qtbot, startup) -> None:
    with qtbot.waitSignal(startup.finished, timeout=30000):
        pass


def message_of(window, name: str) -> QLabel:
    return window.findChild(QLabel, f"{name}.message")


def test_keys_typed_before_the_rest_has_loaded_land_in_the_first_field(qtbot, open_in_stages):
    window, startup = open_in_stages()
    first = window.editor(wire.FIRST_NAME)
    assert QApplication.focusWidget() is first
    qtbot.keyClicks(QApplication.focusWidget(), "Maria")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)  # on to the middle name, as a clerk does
    qtbot.keyClicks(QApplication.focusWidget(), "Q")
    assert first.text() == "Maria" and window.editor(wire.MIDDLE_NAME).text() == "Q"
    wait_loaded(qtbot, startup)
    assert window.wizard.value(wire.FIRST_NAME) == "Maria"
    assert window.wizard.value(wire.MIDDLE_NAME) == "Q"
    assert QApplication.focusWidget() is window.editor(wire.MIDDLE_NAME)  # loading did not move the focus
    # ...and kept as a draft like anything typed later
    drafts = window.station.drafts
    qtbot.waitUntil(lambda: window.session.draft_id is not None and drafts.exists(window.session.draft_id),
                    timeout=10000)
    draft = drafts.load(window.session.draft_id)
    assert draft.record[wire.FIRST_NAME] == "Maria" and draft.record[wire.MIDDLE_NAME] == "Q"
    qtbot.keyClicks(QApplication.focusWidget(), "uinn")
    assert window.wizard.value(wire.MIDDLE_NAME) == "Quinn"


def test_a_field_left_before_the_rules_load_shows_its_message_once_they_do(qtbot, open_in_stages):
    window, startup = open_in_stages()
    email = window.editor(wire.EMAIL)
    email.setFocus()
    qtbot.keyClicks(email, "ana.example.com")
    email.editingFinished.emit()  # left before the rules exist
    first = window.editor(wire.FIRST_NAME)
    qtbot.keyClicks(first, "Ana")  # typed, not left: stays quiet as usual
    wait_loaded(qtbot, startup)
    assert "name@example.com" in message_of(window, wire.EMAIL).text()
    assert message_of(window, wire.EMAIL).property("status") == "error"
    assert message_of(window, wire.FIRST_NAME).property("status") != "error"
    # the same rules follow every keystroke from here, without a second copy of them
    email.setFocus()
    email.clear()
    qtbot.keyClicks(email, "ana")
    assert message_of(window, wire.EMAIL).property("status") == "error"
    qtbot.keyClicks(email, "@example.com")
    assert message_of(window, wire.EMAIL).property("status") != "error"


def test_a_scan_burst_during_start_up_is_recognised_and_read_once_loaded(qtbot, open_in_stages):
    window, startup = open_in_stages()
    feature = window.findChild(IdScanFeature)
    assert feature is not None and not feature.attached  # its key filter is there before the first key
    first = window.editor(wire.FIRST_NAME)
    with qtbot.waitSignal(feature.filled, timeout=30000):
        type_burst(qtbot, first, CARD.text)
    assert feature.attached  # read once the feature had the whole window
    if not startup.done:
        wait_loaded(qtbot, startup)
    for name, value in flat(CARD.fields).items():
        assert window.wizard.value(name) == value, name
        assert window.editor(name).value() == value, name
    assert first.text() == CARD.fields[wire.FIRST_NAME]  # the barcode's text did not land in the field
    assert window.wizard.current == 0  # the Enter keys inside the burst did not advance


def test_enter_pressed_while_loading_is_done_once_loaded(qtbot, open_in_stages):
    window, startup = open_in_stages()
    qtbot.keyClicks(QApplication.focusWidget(), "Ana")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    wait_loaded(qtbot, startup)
    # Next on an incomplete Identity step: it stays, and the first missing field is pointed out
    assert window.wizard.current == 0
    assert QApplication.focusWidget() is window.editor(wire.LAST_NAME)
    assert "required" in message_of(window, wire.LAST_NAME).text()


def test_the_window_loaded_in_stages_sends_an_intake(qtbot, open_in_stages, sandbox):
    window, startup = open_in_stages()
    qtbot.keyClicks(QApplication.focusWidget(), "Zo")
    wait_loaded(qtbot, startup)
    assert window.wizard.value(wire.FIRST_NAME) == "Zo"
    fill_window(window, {k: v for k, v in SAMPLE.items() if k != wire.FIRST_NAME})
    qtbot.keyClicks(window.editor(wire.FIRST_NAME), "e")  # typed on after loading: "Zoe"
    window.go_to(window.pages.index(window.review))
    outcome, entry = submit_and_wait(qtbot, window)
    assert outcome == "created", entry.last_error
    [created] = sandbox.created()
    assert created[wire.FIRST_NAME] == "Zoe" and created[wire.STATE_ID] == SAMPLE[wire.STATE_ID]


def test_a_station_that_cannot_open_stops_the_start_up_with_the_reason(qtbot, open_in_stages, open_window,
                                                                      tmp_path):
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the data folder should be")
    window, startup = open_in_stages(data_dir=blocked)
    with qtbot.waitSignal(startup.failed, timeout=30000) as failure:
        pass
    assert isinstance(failure.args[0], OSError)
    assert not startup.done and not hasattr(window, "session") and not hasattr(window, "station")
    open_window.windows.remove(window)  # nothing to shut down but the window
    window.close()
    window.deleteLater()


_FIRST_STEP_PROBE = """
import json, sys
from app.config import Config
from ui.app_setup import ensure_app, load_in_stages, open_frame
app = ensure_app()
window = open_frame(Config(api_url="http://127.0.0.1:9/open_api/v2.3", files_url="http://127.0.0.1:9/open_api/v2.2",
                           data_dir=sys.argv[1]))
startup = load_in_stages(window)
def ready():
    heavy = ("pydantic", "httpx", "keyring", "cryptography", "app.validation", "app.contract", "app.station",
             "app.credentials", "app.idscan", "sqlite3", "email_validator")
    print(json.dumps({"loaded": sorted(m for m in heavy if m in sys.modules),
                      "focus": app.focusWidget().objectName()}))
    sys.stdout.flush()
    app.exit(0)
startup.first_step_ready.connect(ready)
window.show()
app.exec()
"""


def test_the_first_field_needs_none_of_what_only_sending_or_checking_needs(tmp_path):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    out = subprocess.run([sys.executable, "-c", _FIRST_STEP_PROBE, str(tmp_path / "data")], env=env,
                         capture_output=True, text=True, timeout=120, check=True)
    probe = json.loads(out.stdout.strip().splitlines()[-1])
    assert probe == {"loaded": [], "focus": wire.FIRST_NAME}


def test_the_clerk_question_waits_for_an_intake_typed_during_start_up(qtbot, open_in_stages, monkeypatch, sandbox):
    from ui.features.clerk import ENV_CLERK
    from ui.tasks import wait_for_tasks

    monkeypatch.delenv(ENV_CLERK, raising=False)
    window, startup = open_in_stages()
    qtbot.keyClicks(QApplication.focusWidget(), "Zo")
    wait_loaded(qtbot, startup)
    wait_for_tasks()
    QApplication.processEvents()
    assert window.clerk_shift.dialog is None  # the keyboard stays with the form
    qtbot.keyClicks(QApplication.focusWidget(), "e")
    assert window.wizard.value(wire.FIRST_NAME) == "Zoe"
    # no marketing consent: recording one needs the clerk's name
    fill_window(window, {k: v for k, v in SAMPLE.items() if k not in (wire.FIRST_NAME, wire.MARKETING_EMAIL)})
    window.go_to(window.pages.index(window.review))
    outcome, _entry = submit_and_wait(qtbot, window)
    assert outcome == "created"
    qtbot.waitUntil(lambda: window.clerk_shift.dialog is not None and window.clerk_shift.dialog.isVisible())
    window.clerk_shift.dialog.reject()


def test_with_nothing_typed_the_clerk_is_asked_as_the_window_loads(qtbot, open_in_stages, monkeypatch):
    from ui.features.clerk import ENV_CLERK

    monkeypatch.delenv(ENV_CLERK, raising=False)
    window, startup = open_in_stages()
    wait_loaded(qtbot, startup)
    qtbot.waitUntil(lambda: window.clerk_shift.dialog is not None and window.clerk_shift.dialog.isVisible())
    window.clerk_shift.dialog.reject()


def test_keys_typed_at_the_frame_before_the_first_field_exists_are_typed_into_it(qtbot, open_window):
    config = open_window.config()
    SecretStore().set_api_key(config.api_url, open_window.sandbox.api_key)
    window = open_frame(config)
    window.resize(1366, 768)
    window.show()
    startup = load_in_stages(window)
    open_window.windows.append(window)
    assert window.pages[0] is None  # only the frame so far
    qtbot.keyClicks(window, "Ana")  # the keyboard's keys go to the window: there is no field yet
    with qtbot.waitSignal(startup.first_step_ready, timeout=10000):
        pass
    assert window.editor(wire.FIRST_NAME).text() == "Ana"
    wait_loaded(qtbot, startup)
    assert window.wizard.value(wire.FIRST_NAME) == "Ana"


def test_a_scan_that_starts_at_the_frame_is_still_read_as_a_scan(qtbot, open_window):
    config = open_window.config()
    SecretStore().set_api_key(config.api_url, open_window.sandbox.api_key)
    window = open_frame(config)
    window.resize(1366, 768)
    window.show()
    startup = load_in_stages(window)
    open_window.windows.append(window)
    type_burst(qtbot, window, CARD.text)  # the scanner fires before the first field exists
    wait_loaded(qtbot, startup)
    qtbot.waitUntil(lambda: window.wizard.value(wire.LAST_NAME) == flat(CARD.fields)[wire.LAST_NAME], timeout=10000)
    for name, value in flat(CARD.fields).items():
        assert window.wizard.value(name) == value, name
    assert window.editor(wire.FIRST_NAME).text() == CARD.fields[wire.FIRST_NAME]  # no barcode text in it


def test_the_audit_log_opened_off_the_ui_thread_is_the_one_the_window_uses(qtbot, open_in_stages):
    window, startup = open_in_stages()
    wait_loaded(qtbot, startup)
    assert window.opened_off_ui_thread == {}  # taken by the audit feature
    audit = window.session.audit
    assert audit is not None and audit.path.parent == window.station.data_dir
    qtbot.keyClicks(QApplication.focusWidget(), "Ana")  # a draft started: an audit event, chain intact
    qtbot.waitUntil(lambda: len(audit.entries()) > 0, timeout=10000)
    assert audit.verify() is None
