"""The outbox in the window against the real sandbox: the status bar's connection and queue,
the panel's list, and its actions (Send now, Retry, Open in form, Discard, Resume)."""

from __future__ import annotations

import socket

from PySide6.QtWidgets import QLabel, QMessageBox

from app import wire
from app.credentials import SecretStore
from app.outbox import EntryState
from app.wizard import REVIEW
from ui.outbox_panel import COLUMNS
from ui.selftest import SAMPLE, fill_window
from ui.tasks import wait_for_tasks

NAME = f"{SAMPLE[wire.FIRST_NAME][0]}. {SAMPLE[wire.LAST_NAME]}"


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def submit(qtbot, window, values=SAMPLE) -> tuple[str, object]:
    fill_window(window, values)
    window.go_to(REVIEW)
    with qtbot.waitSignal(window.session.submitted, timeout=10000) as blocker:
        window.submit_button.click()
    return blocker.args[0], blocker.args[1]


def cell(panel, row: int, column: str) -> str:
    return panel.table.item(row, COLUMNS.index(column)).text()


def connection(window) -> str:
    return window.statusBar().findChild(QLabel, "connection").text()


def queue(window) -> str:
    return window.outbox_status.queue.text()


def test_offline_submit_is_counted_and_listed_as_waiting(open_window, qtbot):
    window = open_window(api_url=f"http://127.0.0.1:{closed_port()}/api/v1")
    outcome, entry = submit(qtbot, window)
    assert outcome == "queued"
    qtbot.waitUntil(lambda: queue(window) == "Outbox: 1 waiting")
    assert connection(window) == "Offline — intakes are kept and sent when the POS is reachable"

    window.outbox_action.trigger()
    panel = window.outbox_panel
    qtbot.waitUntil(lambda: panel.table.rowCount() == 1)
    assert cell(panel, 0, "customer") == NAME
    assert cell(panel, 0, "state") == "Waiting to send"
    assert cell(panel, 0, "attempts") == "1"
    assert "No connection" in cell(panel, 0, "last_error")
    assert not panel.retry_button.isEnabled() and not panel.open_button.isEnabled()

    # Still offline: Send now tries at once and says so, nothing is lost.
    panel.send_button.click()
    qtbot.waitUntil(lambda: "not reachable" in panel.message.text())
    qtbot.waitUntil(lambda: cell(panel, 0, "attempts") == "2")
    assert window.station.outbox.get(entry.id).state == EntryState.QUEUED


def test_server_failure_then_send_now_creates_the_customer(open_window, qtbot, sandbox):
    window = open_window()
    sandbox.script_faults([{"status": 503, "path": "/customers", "method": "POST"}])
    outcome, _entry = submit(qtbot, window)
    assert outcome == "queued"
    qtbot.waitUntil(lambda: queue(window) == "Outbox: 1 waiting")
    assert connection(window).startswith("The POS server is having trouble")

    window.outbox_status.queue.click()  # the queue in the status bar opens the panel
    panel = window.outbox_panel
    assert panel.isVisible()
    qtbot.waitUntil(lambda: panel.table.rowCount() == 1)
    assert cell(panel, 0, "state") == "Waiting to send"
    assert "HTTP 503" in cell(panel, 0, "last_error")
    assert sandbox.created() == []

    panel.send_button.click()
    qtbot.waitUntil(lambda: cell(panel, 0, "state").startswith("Created #"), timeout=10000)
    created = sandbox.created()
    assert len(created) == 1
    assert cell(panel, 0, "state") == f"Created #{created[0][wire.RESP_ID]} ({created[0][wire.RESP_STATUS]})"
    assert cell(panel, 0, "customer") == "—"  # the personal data left the station with the create
    qtbot.waitUntil(lambda: queue(window) == "Outbox: nothing waiting")
    assert connection(window) == "Online"


def test_refused_intake_is_corrected_in_the_form_and_resubmitted(open_window, qtbot, sandbox):
    sandbox.add_customer({wire.FIRST_NAME: "Ana", wire.LAST_NAME: "Other", wire.STATE_ID: SAMPLE[wire.STATE_ID]})
    window = open_window()
    skip_duplicate_question(window)  # the clerk went past the duplicate warning: the POS decides
    outcome, entry = submit(qtbot, window)
    assert outcome == "needs_attention"
    qtbot.waitUntil(lambda: queue(window) == "Outbox: 1 needs attention")
    window.new_intake_requested.emit()  # the clerk moved on to the next customer
    assert window.wizard.value(wire.FIRST_NAME) == ""

    panel = window.show_outbox()
    qtbot.waitUntil(lambda: panel.table.rowCount() == 1)
    assert cell(panel, 0, "state") == "Needs attention"
    assert panel.select(entry.id)
    assert panel.retry_button.isEnabled() and panel.open_button.isEnabled()
    panel.open_button.click()
    qtbot.waitUntil(lambda: window.session.entry_id == entry.id)
    assert not panel.isVisible()

    assert window.wizard.value(wire.FIRST_NAME) == SAMPLE[wire.FIRST_NAME]
    assert window.editor(wire.LAST_NAME).value() == SAMPLE[wire.LAST_NAME]
    message = window.findChild(QLabel, f"{wire.STATE_ID}.message")
    assert "already exists" in message.text()
    assert message.isVisible()
    assert window.wizard.type_chosen == bool(window.wizard.value(wire.TYPE))

    fill_window(window, {wire.STATE_ID: "D7654321"})
    assert "already exists" not in message.text()
    window.go_to(REVIEW)
    with qtbot.waitSignal(window.session.submitted, timeout=10000) as blocker:
        window.submit_button.click()
    assert blocker.args[0] == "created"
    assert blocker.args[1].id == entry.id  # the same entry, not a second one
    assert [c[wire.STATE_ID] for c in sandbox.created()] == [SAMPLE[wire.STATE_ID], "D7654321"]
    assert len(window.station.outbox.entries()) == 1
    qtbot.waitUntil(lambda: queue(window) == "Outbox: nothing waiting")


def test_retry_sends_a_refused_intake_again_as_it_is(open_window, qtbot, sandbox):
    window = open_window()
    skip_duplicate_question(window)  # the clerk went past the duplicate warning: the POS decides
    sandbox.add_customer({wire.FIRST_NAME: "Ana", wire.LAST_NAME: "Other", wire.STATE_ID: SAMPLE[wire.STATE_ID]})
    outcome, entry = submit(qtbot, window)
    assert outcome == "needs_attention"
    sandbox.reset()  # the other customer was merged away in the POS: the same record is accepted now
    panel = window.show_outbox()
    qtbot.waitUntil(lambda: panel.table.rowCount() == 1)
    panel.select(entry.id)
    panel.retry_button.click()
    qtbot.waitUntil(lambda: cell(panel, 0, "state").startswith("Created #"), timeout=10000)
    assert [c[wire.STATE_ID] for c in sandbox.created()] == [SAMPLE[wire.STATE_ID]]


def _answer(qtbot, panel, name: str, button: QMessageBox.StandardButton) -> None:
    qtbot.waitUntil(lambda: panel.findChild(QMessageBox, name) is not None)
    box = panel.findChild(QMessageBox, name)
    box.button(button).click()


def test_discard_asks_first_and_refuses_an_intake_being_sent(open_window, qtbot):
    window = open_window(api_url=f"http://127.0.0.1:{closed_port()}/api/v1")
    _outcome, entry = submit(qtbot, window)
    panel = window.show_outbox()
    qtbot.waitUntil(lambda: panel.table.rowCount() == 1)
    panel.select(entry.id)

    panel.discard_button.click()
    _answer(qtbot, panel, "confirm_discard", QMessageBox.StandardButton.Cancel)
    qtbot.waitUntil(lambda: panel.findChild(QMessageBox, "confirm_discard") is None)
    assert window.station.outbox.get(entry.id).state == EntryState.QUEUED

    # A sender picks the entry up between the list being read and the clerk's answer.
    panel.discard_button.click()
    window.station.outbox.mark_posting(entry.id)
    _answer(qtbot, panel, "confirm_discard", QMessageBox.StandardButton.Discard)
    qtbot.waitUntil(lambda: "being sent right now" in panel.message.text())
    assert panel.message.property("status") == "error"
    qtbot.waitUntil(lambda: cell(panel, 0, "state") == "Sending")
    assert not panel.discard_button.isEnabled()

    window.station.outbox.schedule_retry(entry.id, next_attempt_at=0, error="x", uncertain=True)
    panel.refresh()
    qtbot.waitUntil(lambda: panel.discard_button.isEnabled())
    panel.discard_button.click()
    _answer(qtbot, panel, "confirm_discard", QMessageBox.StandardButton.Discard)
    qtbot.waitUntil(lambda: panel.table.rowCount() == 0)
    assert panel.empty_note.isVisible()
    qtbot.waitUntil(lambda: queue(window) == "Outbox: nothing waiting")
    assert window.station.outbox.entries() == []


def test_refused_api_key_pauses_sending_until_resumed(open_window, qtbot, sandbox):
    window = open_window(key="wrong-key")
    outcome, entry = submit(qtbot, window)
    assert outcome == "queued"
    qtbot.waitUntil(lambda: connection(window) == "Paused: the POS refused the API key")
    assert "API key" in window.statusBar().findChild(QLabel, "connection").toolTip()

    panel = window.show_outbox()
    qtbot.waitUntil(lambda: panel.pause_note.isVisible())
    assert "refused the API key" in panel.pause_note.text()
    assert panel.resume_button.isVisible()
    assert not panel.send_button.isEnabled()

    SecretStore().set_api_key(window.station.config.api_url, "test-key")  # an admin fixes the key
    panel.resume_button.click()
    qtbot.waitUntil(lambda: cell(panel, 0, "state").startswith("Created #"), timeout=10000)
    assert not panel.pause_note.isVisible() and not panel.resume_button.isVisible()
    qtbot.waitUntil(lambda: connection(window) == "Online")
    assert len(sandbox.created()) == 1
    assert window.station.outbox.get(entry.id).state == EntryState.CREATED


def test_no_stored_key_is_shown_and_the_intake_kept_on_screen_not_queued(open_window, qtbot, sandbox):
    window = open_window()
    SecretStore().clear_api_key(window.station.config.api_url)
    fill_window(window, SAMPLE)
    window.go_to(REVIEW)
    with qtbot.waitSignal(window.session.failed, timeout=10000):
        window.submit_button.click()
    assert window.outcome.text().startswith("Not queued: no API key is stored for this station")
    window.outbox_status.refresh()
    qtbot.waitUntil(lambda: connection(window) == "Paused: no API key is stored for this station")
    assert queue(window) == "Outbox: nothing waiting"
    assert window.station.outbox.entries() == [] and sandbox.created() == []
    assert window.wizard.current == REVIEW


def test_closing_during_a_submit_keeps_the_intake(open_window, qtbot, sandbox):
    """The window is closed while the create is on its way (the program's exit: stop the
    session, wait for the worker, no event loop after that): the intake is in the outbox and
    created exactly once."""
    window = open_window()
    fill_window(window, SAMPLE)
    sandbox.script_faults([{"delay": 0.3, "path": "/customers", "method": "POST"}])
    window.go_to(REVIEW)
    window.submit_button.click()
    # Consents are recorded before the session takes the intake; from "Sending…" on it has.
    qtbot.waitUntil(lambda: window.busy.text() == "Sending…")
    window.close()
    window.session.stop()
    assert wait_for_tasks()
    entries = window.station.outbox.entries()
    assert [e.state for e in entries] == [EntryState.CREATED]
    assert len(sandbox.created()) == 1
    # The last keystrokes were written at stop, as a draft: the next start must not offer it
    # again (see test_drafts_panel: drafts of intakes already in the outbox are not offered).
    assert [d.id for d in window.station.drafts.list()] == [entries[0].draft_id]


def skip_duplicate_question(window) -> None:
    from ui.features.idscan import IdScanFeature

    window.session.remove_submit_gate(window.findChild(IdScanFeature).check_before_submit)
