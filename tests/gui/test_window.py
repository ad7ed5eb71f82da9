"""The intake window, offscreen, against the real sandbox over loopback."""

from __future__ import annotations

import itertools
import socket
from datetime import date

import pytest
from PySide6.QtCore import QElapsedTimer, Qt, QTimer
from PySide6.QtWidgets import QLineEdit, QWidget

from app import wire
from app.wizard import REVIEW
from ui.selftest import SAMPLE, fill_window, type_text
from ui.widgets.inputs import ChoiceInput

YEAR = date.today().year


def submit_and_wait(qtbot, window, timeout=15000):
    with qtbot.waitSignal(window.session.submitted, timeout=timeout) as blocker:
        qtbot.mouseClick(window.submit_button, Qt.MouseButton.LeftButton)
    return blocker.args


def walk_to_review(window):
    for _ in range(REVIEW):
        window.next()
    assert window.wizard.current == REVIEW


def test_every_field_has_its_wire_name_label_and_accessible_name(open_window):
    window = open_window()
    offered = set(wire.BODY_FIELDS) - wire.DEPRECATED_FIELDS - {wire.ADDRESS}
    offered |= {f"{wire.ADDRESS}.{m}" for m in wire.ADDRESS_MEMBERS}
    for name in offered:
        editor = window.findChild(QWidget, name)
        assert editor is window.editor(name)
        assert editor.accessibleName()
        label = window.findChild(type(window.title), f"{name}.label")
        assert label is not None and "&" in label.text(), name
    for name in ("back", "next", "submit"):
        assert window.findChild(type(window.back_button), name) is not None


def test_typed_intake_reaches_the_sandbox_exactly(qtbot, open_window, sandbox):
    window = open_window()
    fill_window(window, {**SAMPLE, wire.NICKNAME: "Zo", wire.AMOUNT_LIMIT: "28.5",
                         wire.MIDDLE_NAME: "Ann", wire.PHONE: "415 555 0199"})
    walk_to_review(window)
    outcome, _entry = submit_and_wait(qtbot, window)
    assert outcome == "created"
    [created] = sandbox.created()
    sent = {k: v for k, v in created.items() if k not in ("id", "status", "created_at")}
    assert sent == {
        "first_name": "Zoë", "middle_name": "Ann", "last_name": "O'Brien-Smith", "nickname": "Zo",
        "date_of_birth": "1988-03-14", "gender": "female", "id_type": "drivers_license", "state_id": "D1234567",
        "phone": "4155550199", "cell_phone": "4155550134", "email": "zoe@example.com", "referral_source": "friend",
        "has_medical_recommendation": True, "recommendation_number": "REC-99812",
        "recommendation_expiration_date": f"{YEAR + 1}-01-31", "physician_license": "A123456",
        "type": "medical_with_rec", "amount_limit": 28.5,
        "address": {"address_line1": "1200 Market St", "address_line2": "Apt 4", "city": "San Francisco",
                    "state": "CA", "zip": "94102", "country": "US"},
        "marketing_mail": False, "marketing_email": True, "marketing_sms": False, "marketing_calls": False,
        "manual_groups": [],
    }
    assert created["status"] == "verified"
    assert str(created["id"]) in window.outcome.text()
    # the form is ready for the next customer
    assert window.wizard.current == 0 and window.editor(wire.FIRST_NAME).value() == ""


def test_messages_wait_for_the_first_leave_then_follow_every_keystroke(qtbot, open_window):
    window = open_window()
    email = window.editor(wire.EMAIL)
    message = window.findChild(type(window.title), "email.message")
    email.setFocus()
    type_text(email, "ana@")
    assert not message.isVisible() or not message.text()
    email.editingFinished.emit()
    assert "name@example.com" in message.text() and message.property("status") == "error"
    type_text(email, "example.com")
    assert message.property("status") != "error"


def test_next_on_an_invalid_step_focuses_the_first_invalid_field(qtbot, open_window):
    window = open_window()
    type_text(window.editor(wire.FIRST_NAME), "Ana")
    qtbot.mouseClick(window.next_button, Qt.MouseButton.LeftButton)
    assert window.wizard.current == 0
    assert window.focusWidget() is window.editor(wire.LAST_NAME)
    assert "required" in window.findChild(type(window.title), "last_name.message").text()
    assert "⚠" in window.steps.item(0).text()


def test_enter_advances_a_valid_step(qtbot, open_window):
    window = open_window()
    fill_window(window, {k: SAMPLE[k] for k in (wire.FIRST_NAME, wire.LAST_NAME, wire.DATE_OF_BIRTH, wire.GENDER)})
    line = window.editor(wire.LAST_NAME)
    line.setFocus()
    qtbot.keyClick(line, Qt.Key.Key_Return)
    # Nothing else is required of this customer: past the medical step (not for a recreational
    # customer), the optional address, offers and documents, straight to Review.
    assert window.wizard.current == REVIEW
    assert window.submit_button.isDefault() and window.focusWidget() is window.submit_button
    window.back()
    assert window.wizard.current == 0
    # With a partial address the address step needs the clerk: Enter stops there.
    address = window.editor("address.city")
    address.set_value("Tulsa")
    window.wizard.set_value("address.city", "Tulsa")
    line.setFocus()
    qtbot.keyClick(line, Qt.Key.Key_Return)
    assert window.wizard.current == 2
    assert window.steps.item(1).data(Qt.ItemDataRole.UserRole + 1) == "skipped"
    assert window.steps.item(2).text().endswith("⚠") or window.steps.item(2).data(Qt.ItemDataRole.UserRole + 1) in (
        "problems", "needs_input")


def test_alt_number_goes_to_a_step(qtbot, open_window):
    window = open_window(active=True)
    window.focus_first()
    qtbot.keyClick(window.editor(wire.FIRST_NAME), Qt.Key.Key_4, Qt.KeyboardModifier.AltModifier)
    assert window.wizard.current == 3
    assert window.focusWidget() is window.editor(wire.MARKETING_MAIL)
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_1, Qt.KeyboardModifier.AltModifier)
    assert window.wizard.current == 0 and window.focusWidget() is window.editor(wire.FIRST_NAME)


@pytest.mark.parametrize(
    ("jurisdiction", "expected"),
    [
        ("CA", ["medical_with_rec", "medical_with_state_card", "recreational"]),
        ("OK", ["adult", "minor", "temporary_adult", "temporary_minor"]),
        ("OR", ["medical", "recreational", "caregiver"]),
        ("ON", ["medical", "recreational"]),
    ],
)
def test_type_offers_only_the_jurisdictions_values(open_window, jurisdiction, expected):
    window = open_window(jurisdiction=jurisdiction)
    combo: ChoiceInput = window.editor(wire.TYPE)
    values = [combo.itemData(i) for i in range(1, combo.count())]
    assert values == expected
    assert "(proposed)" in combo.itemText(0)


def test_a_server_rejection_lands_on_the_field(qtbot, open_window, sandbox):
    sandbox.add_customer({"first_name": "Old", "last_name": "Customer", "state_id": "D1234567"})
    window = open_window()
    skip_duplicate_question(window)  # the clerk went past the duplicate warning: the POS decides
    fill_window(window, SAMPLE)
    walk_to_review(window)
    outcome, _entry = submit_and_wait(qtbot, window)
    assert outcome == "needs_attention"
    assert window.wizard.current == 0
    message = window.findChild(type(window.title), "state_id.message")
    assert message.property("status") == "error" and message.text()
    assert window.focusWidget() is window.editor(wire.STATE_ID)
    # corrected, the same intake is sent again and created once
    line = window.editor(wire.STATE_ID)
    line.selectAll()
    type_text(line, "D7654321")
    walk_to_review(window)
    outcome, _ = submit_and_wait(qtbot, window)
    assert outcome == "created"
    assert [c["state_id"] for c in sandbox.created()] == ["D1234567", "D7654321"]


def test_a_slow_server_does_not_freeze_the_window(qtbot, open_window, sandbox):
    window = open_window()
    fill_window(window, SAMPLE)
    walk_to_review(window)
    sandbox.script_faults([{"delay": 1.5, "path": "/customers", "method": "POST"}])
    ticks = []
    clock = QElapsedTimer()
    clock.start()
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(clock.elapsed()))
    timer.start(20)
    outcome, _ = submit_and_wait(qtbot, window)
    timer.stop()
    assert outcome == "created"
    gaps = [b - a for a, b in itertools.pairwise(ticks)]
    assert len(ticks) > 20 and max(gaps) < 500  # the event loop kept running during the 1.5 s wait


def test_offline_submit_is_queued_not_lost(qtbot, open_window):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    window = open_window(api_url=f"http://127.0.0.1:{port}/open_api/v2.3",
                         files_url=f"http://127.0.0.1:{port}/open_api/v2.2")
    fill_window(window, SAMPLE)
    walk_to_review(window)
    outcome, _entry = submit_and_wait(qtbot, window)
    assert outcome == "queued"
    assert "outbox" in window.outcome.text().lower()
    assert window.station.outbox.pending_count() == 1


def test_review_jumps_to_a_step_and_lists_problems(qtbot, open_window):
    window = open_window()
    fill_window(window, {**SAMPLE, wire.EMAIL: "bad"})
    window.go_to(REVIEW)
    assert "Identity" in window.review.problems.text()
    edit = window.findChild(type(window.back_button), "edit.address")
    qtbot.mouseClick(edit, Qt.MouseButton.LeftButton)
    assert window.wizard.current == 2
    qtbot.mouseClick(window.back_button, Qt.MouseButton.LeftButton)
    assert window.wizard.current == REVIEW
    qtbot.mouseClick(window.submit_button, Qt.MouseButton.LeftButton)
    assert window.wizard.current == 0 and window.focusWidget() is window.editor(wire.EMAIL)


def test_new_intake_keeps_the_old_one_as_a_draft(qtbot, open_window):
    window = open_window()
    with qtbot.waitSignal(window.session.saved, timeout=5000):
        type_text(window.editor(wire.FIRST_NAME), "Ana")
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert window.editor(wire.FIRST_NAME).value() == ""
    qtbot.waitUntil(lambda: len(window.station.drafts.list()) == 1)
    assert window.station.drafts.list()[0].label == "Ana"


def test_date_fields_shape_keystrokes_only(open_window):
    window = open_window()
    line: QLineEdit = window.editor(wire.DATE_OF_BIRTH).line
    type_text(line, "19x90-04-12")
    assert line.text() == "1990-04-12"


def test_settings_apply_to_the_open_window(open_window):
    window = open_window()
    later = window.apply_config(window.config.with_changes(jurisdiction="OK", language="fr"))
    combo = window.editor(wire.TYPE)
    assert [combo.itemData(i) for i in range(1, combo.count())] == ["adult", "minor", "temporary_adult",
                                                                    "temporary_minor"]
    assert window.wizard.jurisdiction == "OK" and window.station.config.jurisdiction == "OK"
    assert later == ["language"]


def skip_duplicate_question(window) -> None:
    from ui.features.idscan import IdScanFeature

    window.session.remove_submit_gate(window.findChild(IdScanFeature).check_before_submit)


def test_after_a_submit_the_form_waits_in_its_first_field_with_the_result_in_the_status_bar(qtbot, open_window,
                                                                                             sandbox):
    window = open_window(active=True)
    fill_window(window, {k: SAMPLE[k] for k in (wire.FIRST_NAME, wire.LAST_NAME, wire.DATE_OF_BIRTH, wire.GENDER)})
    walk_to_review(window)
    outcome, entry = submit_and_wait(qtbot, window)
    assert outcome == "created"
    assert window.wizard.current == 0
    assert window.focusWidget() is window.editor(wire.FIRST_NAME)
    assert f"#{entry.customer_id}" in window.statusBar().currentMessage()


def test_the_field_left_by_the_reset_after_a_submit_is_not_left_in_the_next_intake(qtbot, open_window, sandbox):
    # The field that had the focus when the form is reset belongs to the intake just sent: the
    # next customer's form starts with no field counted as left, so no message shows early.
    window = open_window(active=True)
    fill_window(window, {k: SAMPLE[k] for k in (wire.FIRST_NAME, wire.LAST_NAME, wire.DATE_OF_BIRTH, wire.GENDER,
                                                wire.EMAIL)})
    window.focus_field(wire.EMAIL)
    assert window.focusWidget() is window.editor(wire.EMAIL)
    with qtbot.waitSignal(window.session.submitted, timeout=15000) as blocker:
        window.session.submit()
    assert blocker.args[0] == "created"
    assert window.focusWidget() is window.editor(wire.FIRST_NAME)
    assert window.wizard.touched == set()


def test_enter_pressed_while_the_form_resets_after_a_submit_does_nothing(qtbot, open_window, sandbox, monkeypatch):
    # The reset after a created intake goes in stages, one per turn of the event loop; keys keep
    # coming meanwhile. An Enter (Submit) then neither sends again nor marks the next form.
    window = open_window(active=True)
    fill_window(window, {k: SAMPLE[k] for k in (wire.FIRST_NAME, wire.LAST_NAME, wire.DATE_OF_BIRTH, wire.GENDER)})
    walk_to_review(window)
    staged_page, seen = window._staged_page, []

    def enter_between_stages(*args):
        seen.append((window.busy.text(), window.wizard.values.get(wire.FIRST_NAME)))
        window._advance_or_submit()  # what Enter does on Review
        staged_page(*args)

    monkeypatch.setattr(window, "_staged_page", enter_between_stages)
    with qtbot.waitSignal(window.session.submitted, timeout=15000) as blocker:
        window.session.submit()
    assert blocker.args[0] == "created"
    assert seen and seen[0][0] and not seen[0][1]  # busy, with the next customer's empty form loaded
    assert window.wizard.touched == set() and window.wizard.current == 0
    assert window.focusWidget() is window.editor(wire.FIRST_NAME)
    assert len(sandbox.created()) == 1
    assert not window.busy.text()


def test_a_window_closed_while_the_form_resets_still_tells_the_submits_outcome(qtbot, open_window, sandbox,
                                                                              monkeypatch):
    # The outcome is told (status, audit, consent links...) at the end of the staged reset; a
    # window closed before that end tells it as it closes.
    window = open_window(active=True)
    fill_window(window, {k: SAMPLE[k] for k in (wire.FIRST_NAME, wire.LAST_NAME, wire.DATE_OF_BIRTH, wire.GENDER)})
    walk_to_review(window)
    session = window.session
    finish = session._finish_intake

    def finish_then_close(**kwargs):
        finish(**kwargs)
        window.close()

    monkeypatch.setattr(session, "_finish_intake", finish_then_close)
    told = []
    session.submitted.connect(lambda outcome, _entry: told.append(outcome))
    session.submit()
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=15000)
    assert told == ["created"]
    assert len(sandbox.created()) == 1


def test_a_submit_while_another_sender_holds_the_outbox_is_not_called_unreachable(qtbot, open_window, sandbox,
                                                                                   monkeypatch):
    import ui.session

    monkeypatch.setattr(ui.session, "_BUSY_RETRY_MS", 20)
    window = open_window()
    fill_window(window, {k: SAMPLE[k] for k in (wire.FIRST_NAME, wire.LAST_NAME, wire.DATE_OF_BIRTH, wire.GENDER)})
    walk_to_review(window)
    with window.station.outbox.send_lock():
        outcome, _entry = submit_and_wait(qtbot, window)
    assert outcome == "queued"
    assert "another sender" in window.outcome.text()
    assert "not reachable" not in window.outcome.text()
    qtbot.waitUntil(lambda: len(sandbox.created()) == 1, timeout=10000)  # sent once the other sender let go


def test_a_submit_waits_briefly_for_the_windows_own_background_drain(qtbot, open_window, sandbox):
    import threading
    import time

    window = open_window()
    fill_window(window, {k: SAMPLE[k] for k in (wire.FIRST_NAME, wire.LAST_NAME, wire.DATE_OF_BIRTH, wire.GENDER)})
    walk_to_review(window)
    held = threading.Event()

    def background_drain() -> None:  # another drain of this outbox, finishing a moment after the submit starts
        with window.station.outbox.send_lock():
            held.set()
            time.sleep(0.4)

    thread = threading.Thread(target=background_drain)
    thread.start()
    held.wait(5)
    try:
        outcome, _entry = submit_and_wait(qtbot, window)
    finally:
        thread.join()
    assert outcome == "created"  # not "queued" because a drain of its own held the outbox a moment
    assert len(sandbox.created()) == 1


def test_a_list_takes_a_few_letters_typed_at_a_readers_pace(qtbot, open_window):
    window = open_window()
    state: ChoiceInput = window.editor("address.state")
    now = [100.0]
    state.clock = lambda: now[0]
    state.setFocus()
    qtbot.keyClicks(state, "C")
    now[0] += 0.9  # longer than Qt's own 400 ms search
    qtbot.keyClicks(state, "A")
    assert state.value() == "CA"
    now[0] += 5
    qtbot.keyClicks(state, "o")  # a new search after a long pause
    assert state.value().startswith("O")
    qtbot.keyClicks(state, "o")  # the same letter again: the next entry with it
    second = state.value()
    assert second.startswith("O") and second != "OH"
    gender: ChoiceInput = window.editor(wire.GENDER)
    gender.setFocus()
    qtbot.keyClicks(gender, "F")
    assert gender.value() == "female"


def test_a_date_with_slashes_is_kept_and_the_message_says_the_order(qtbot, open_window):
    window = open_window(active=True)
    line: QLineEdit = window.editor(wire.DATE_OF_BIRTH).line
    line.setFocus()
    qtbot.keyClicks(line, "03/14/1988")
    assert line.text() == "03/14/1988"
    qtbot.keyClick(line, Qt.Key.Key_Tab)
    message = window.findChild(QWidget, f"{wire.DATE_OF_BIRTH}.message")
    assert "YYYY-MM-DD" in message.text() and "year first" in message.text()


def test_new_customer_puts_the_focus_in_the_first_field_from_any_step(qtbot, open_window):
    window = open_window(active=True)
    type_text(window.editor(wire.FIRST_NAME), "Ana")
    window.go_to(REVIEW)
    assert window.focusWidget() is window.submit_button
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert window.wizard.current == 0
    assert window.focusWidget() is window.editor(wire.FIRST_NAME)
