"""The returning customer through the real window and the sandbox over HTTP: a scan finds the
customer the POS holds, the view flags an expired recommendation, the clerk enters the new one,
and one PATCH with exactly those fields reaches the POS; the customer then shows as current."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGroupBox, QLabel

from app import wire
from app.api.client import ApiClient
from app.audit import CHECKED_IN, LOOKED_UP, UPDATE_SUBMITTED, UPDATED
from app.outbox import EntryKind
from app.returning import RECOMMENDATION_EXPIRY, Verdict
from app.wizard import REVIEW
from tests.gui.test_idscan_ui import CARD, type_burst
from ui.selftest import fill_window
from ui.tasks import wait_for_tasks

MEDICAL = {wire.HAS_MEDICAL_RECOMMENDATION: True, wire.TYPE: "medical_with_rec", wire.MEDICAL_ID: "MED1234",
           wire.RECOMMENDATION_NUMBER: "R-OLD-1", wire.RECOMMENDATION_EXPIRATION_DATE: "2025-01-31",
           wire.PHYSICIAN_LICENSE: "A12345"}


def pos_customer(sandbox, **changes) -> dict:
    return sandbox.add_customer({**CARD.fields, **MEDICAL, **changes})


def scan_to_view(qtbot, window):
    feature = window.returning
    window.editor(wire.FIRST_NAME).setFocus()
    with qtbot.waitSignal(feature.view_opened, timeout=10000) as opened:
        type_burst(qtbot, window.editor(wire.FIRST_NAME), CARD.text)
    return opened.args[0]


def audit_events(window) -> list[str]:
    wait_for_tasks()
    return [e.event for e in window.session.audit.entries()]


def wait_for_events(qtbot, window, *wanted: str) -> list[str]:
    """The audit log's events once ``wanted`` are all there (events are written in order, off the UI thread)."""
    qtbot.waitUntil(lambda: all(w in audit_events(window) for w in wanted), timeout=10000)
    return audit_events(window)


def test_an_expired_recommendation_is_renewed_with_one_patch_of_exactly_those_fields(
        open_window, qtbot, sandbox, monkeypatch):
    existing = pos_customer(sandbox)
    sent: list[tuple] = []
    real = ApiClient.update_customer

    def recording(self, customer_id, changes):
        sent.append((customer_id, dict(changes)))
        return real(self, customer_id, changes)

    monkeypatch.setattr(ApiClient, "update_customer", recording)
    window = open_window(active=True)
    view = scan_to_view(qtbot, window)
    flagged = {c.what: c for c in view.checks}[RECOMMENDATION_EXPIRY]
    assert flagged.verdict is Verdict.PROBLEM and view.update_button.isDefault()

    qtbot.keyClick(view, Qt.Key.Key_Return)  # Update customer
    session = window.session
    assert session.update_of is not None and session.update_of.customer_id == existing[wire.RESP_ID]
    assert window.editor(wire.MEDICAL_ID).value() == "MED1234"  # the POS's record is in the form
    assert session.changed_names() == set()

    fill_window(window, {wire.RECOMMENDATION_NUMBER: "R-NEW-2", wire.RECOMMENDATION_EXPIRATION_DATE: "2027-06-30"})
    assert session.changed_names() == {wire.RECOMMENDATION_NUMBER, wire.RECOMMENDATION_EXPIRATION_DATE}
    label = window.form_pages[1].rows[wire.RECOMMENDATION_NUMBER].label
    assert label.property("changed") is True
    window.go_to(REVIEW)
    with qtbot.waitSignal(session.submitted, timeout=15000) as blocker:
        window.submit_button.click()
    outcome, entry = blocker.args
    assert outcome == "created" and entry.kind == EntryKind.UPDATE
    assert sent == [(existing[wire.RESP_ID], {wire.RECOMMENDATION_NUMBER: "R-NEW-2",
                                               wire.RECOMMENDATION_EXPIRATION_DATE: "2027-06-30"})]
    [after] = sandbox.created()
    assert after[wire.RECOMMENDATION_NUMBER] == "R-NEW-2"
    assert {k: v for k, v in after.items() if k not in (wire.RECOMMENDATION_NUMBER,
                                                       wire.RECOMMENDATION_EXPIRATION_DATE)} == {
        k: v for k, v in existing.items() if k not in (wire.RECOMMENDATION_NUMBER,
                                                       wire.RECOMMENDATION_EXPIRATION_DATE)}
    assert session.update_of is None and "updated" in window.outcome.text()

    # Looked up again, the customer is current.
    with qtbot.waitSignal(window.returning.view_opened, timeout=10000) as opened:
        window.returning.find(customer_id=existing[wire.RESP_ID])
    again = {c.what: c for c in opened.args[0].checks}
    assert again[RECOMMENDATION_EXPIRY].verdict is Verdict.OK
    events = wait_for_events(qtbot, window, LOOKED_UP, UPDATE_SUBMITTED, UPDATED)
    assert events.index(UPDATE_SUBMITTED) > events.index(UPDATED)  # newest first
    assert events.count(UPDATED) == 1


def test_nothing_to_change_checks_the_customer_in(open_window, qtbot, sandbox):
    pos_customer(sandbox, **{wire.RECOMMENDATION_EXPIRATION_DATE: "2099-01-31"})
    window = open_window(active=True)
    view = scan_to_view(qtbot, window)
    assert view.check_in_button.isDefault()
    qtbot.keyClick(view, Qt.Key.Key_Return)
    wait_for_events(qtbot, window, CHECKED_IN)
    assert window.wizard.value(wire.FIRST_NAME) == ""  # ready for the next customer
    assert sandbox.created()[0][wire.RECOMMENDATION_EXPIRATION_DATE] == "2099-01-31"


def test_without_the_pro_plan_the_window_says_so_once_and_goes_on(open_window, qtbot, sandbox):
    sandbox.plan = "basic"
    existing = pos_customer(sandbox)
    window = open_window(active=True)
    with qtbot.waitSignal(window.returning.lookup_done, timeout=10000) as done:
        window.returning.find(state_id=existing[wire.STATE_ID])
    assert "PRO plan" in done.args[0] and "PRO plan" in window.outcome.text()
    window.outcome.clear()
    with qtbot.waitSignal(window.returning.lookup_done, timeout=10000):
        window.returning.find(state_id=existing[wire.STATE_ID])
    assert "PRO plan" not in window.outcome.text()  # said once


def test_an_update_made_offline_is_queued_and_sent_once_back_online(open_window, qtbot, sandbox):
    existing = pos_customer(sandbox)
    window = open_window(active=True)
    view = scan_to_view(qtbot, window)
    qtbot.keyClick(view, Qt.Key.Key_Return)
    fill_window(window, {wire.RECOMMENDATION_EXPIRATION_DATE: "2027-06-30"})
    window.go_to(REVIEW)
    sandbox.script_faults([{"drop": True, "path": "/customers/*", "method": "PATCH"}])
    with qtbot.waitSignal(window.session.submitted, timeout=15000) as blocker:
        window.submit_button.click()
    outcome, entry = blocker.args
    assert outcome == "queued" and entry.kind == EntryKind.UPDATE
    assert sandbox.created()[0][wire.RECOMMENDATION_EXPIRATION_DATE] == "2025-01-31"
    outbox = window.station.outbox
    outbox.schedule_retry(entry.id, next_attempt_at=0, error="", uncertain=False, count_attempt=False)
    report = window.station.syncer.drain()
    assert [u.entry_id for u in report.updated] == [entry.id]
    assert sandbox.created()[0][wire.RECOMMENDATION_EXPIRATION_DATE] == "2027-06-30"
    assert existing[wire.RESP_ID] == sandbox.created()[0][wire.RESP_ID] and len(sandbox.created()) == 1


def test_review_lists_only_the_changes_old_and_new_side_by_side(open_window, qtbot, sandbox):
    pos_customer(sandbox)
    window = open_window(active=True)
    view = scan_to_view(qtbot, window)
    qtbot.keyClick(view, Qt.Key.Key_Return)
    fill_window(window, {wire.RECOMMENDATION_EXPIRATION_DATE: "2027-06-30"})
    window.go_to(REVIEW)
    review = window.review
    assert review.changes.isVisible() and str(sandbox.created()[0][wire.RESP_ID]) in review.changes.title()
    cells = [review.findChild(QLabel, f"review.change.1.{c}").text() for c in range(3)]
    assert cells[1:] == ["2025-01-31", "2027-06-30"] and "expir" in cells[0].lower()
    assert review.findChild(QLabel, "review.change.2.0") is None  # only that change
    assert not review.findChild(QGroupBox, "review.identity").isVisible()
    assert '"recommendation_expiration_date": "2027-06-30"' in review.body_view.toPlainText()
    assert "first_name" not in review.body_view.toPlainText()
    window.session.new_intake()  # back to a new customer: the usual sections
    window.go_to(REVIEW)
    assert not review.changes.isVisible() and review.findChild(QGroupBox, "review.identity").isVisible()


def test_found_by_name_and_birth_date_in_what_the_station_knows(open_window, qtbot, sandbox):
    from ui.features.idscan import IdScanFeature

    existing = pos_customer(sandbox)
    window = open_window(active=True)
    scanner = window.findChild(IdScanFeature)
    scanner.created_index().add({k: CARD.fields[k] for k in (wire.FIRST_NAME, wire.LAST_NAME, wire.DATE_OF_BIRTH)},
                                existing[wire.RESP_ID])  # created here earlier
    fill_window(window, {wire.FIRST_NAME: "SEAN", wire.LAST_NAME: "o'brien", wire.DATE_OF_BIRTH: "1977-08-31"})
    with qtbot.waitSignal(window.returning.view_opened, timeout=10000) as opened:
        window.returning.find_local_action.trigger()
    assert opened.args[0].customer[wire.RESP_ID] == existing[wire.RESP_ID]
    opened.args[0].close()

    window.session.new_intake()
    fill_window(window, {wire.FIRST_NAME: "Nobody", wire.LAST_NAME: "Known", wire.DATE_OF_BIRTH: "1990-01-01"})
    with qtbot.waitSignal(window.returning.lookup_done, timeout=10000) as done:
        window.returning.find_local_action.trigger()
    assert "knows no customer" in done.args[0]


def test_the_expiry_warning_window_is_a_setting(open_window, qtbot, sandbox):
    from datetime import date, timedelta

    soon = (date.today() + timedelta(days=45)).isoformat()
    pos_customer(sandbox, **{wire.RECOMMENDATION_EXPIRATION_DATE: soon})
    for days, verdict in ((30, Verdict.OK), (60, Verdict.SOON)):
        window = open_window(active=True, expiry_warning_days=days)
        with qtbot.waitSignal(window.returning.view_opened, timeout=10000) as opened:
            window.returning.find(customer_id=sandbox.created()[0][wire.RESP_ID])
        assert {c.what: c for c in opened.args[0].checks}[RECOMMENDATION_EXPIRY].verdict is verdict
        opened.args[0].close()
        open_window.shut_down(window)


def test_an_offer_the_pos_already_holds_needs_no_new_consent_in_an_update(open_window, qtbot, sandbox):
    pos_customer(sandbox, **{wire.CELL_PHONE: "4155550123", wire.MARKETING_SMS: True})
    window = open_window(active=True)
    view = scan_to_view(qtbot, window)
    qtbot.keyClick(view, Qt.Key.Key_Return)
    fill_window(window, {wire.RECOMMENDATION_EXPIRATION_DATE: "2027-06-30"})
    assert window.consent_step.problems() == {}  # texts were agreed to before: no signature asked again
    window.go_to(REVIEW)
    with qtbot.waitSignal(window.session.submitted, timeout=15000) as blocker:
        window.submit_button.click()
    assert blocker.args[0] == "created"
    assert sandbox.created()[0][wire.MARKETING_SMS] is True
