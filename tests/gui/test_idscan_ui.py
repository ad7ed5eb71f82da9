"""Reading the customer's ID into the window: a keyboard-mode scanner's burst typed on the
Identity step, the Scan ID field, a photo of the card, warnings, and the duplicate check
against the sandbox and this station's own record of created intakes."""

from __future__ import annotations

import io
from datetime import date

import pdf417gen
import pytest
from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox, QPlainTextEdit, QPushButton

from app import wire
from app.fields import ID_EXPIRATION_DATE
from app.wizard import REVIEW
from tests.unit.idscan_corpus import CARDS
from ui.features.idscan import IDENTITY, IdScanFeature
from ui.selftest import fill_window
from ui.widgets.scan_capture import header_state

CARD = CARDS[0]  # CA, Sean O'Brien, valid until 2029
EXPIRED = next(c for c in CARDS if "expired" in c.name)


class FakeClock:
    """Milliseconds that pass only when the test says so."""

    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now




def feature_of(window) -> IdScanFeature:
    return window.findChild(IdScanFeature)


def flat(fields: dict) -> dict:
    out = {}
    for name, value in fields.items():
        if name == wire.ADDRESS:
            out.update({f"{wire.ADDRESS}.{k}": v for k, v in value.items()})
        else:
            out[name] = value
    return out


def type_burst(qtbot, widget, text: str) -> None:
    """The barcode typed as a keyboard-mode scanner does: line breaks as Enter, other control
    characters lost, every key at once (QTest sends events without delay)."""
    for ch in text:
        if ch in "\r\n":
            qtbot.keyClick(widget, Qt.Key.Key_Return)
        elif ch >= " ":
            qtbot.keyClicks(widget, ch)


def banner(window) -> QLabel:
    return window.findChild(QLabel, "scan_warnings")


def test_a_scanner_burst_fills_the_identity_step_without_touching_the_focused_field(open_window, qtbot):
    window = open_window(active=True)
    email = window.editor(wire.EMAIL)
    email.setFocus()
    feature = feature_of(window)
    with qtbot.waitSignal(feature.filled, timeout=3000):
        type_burst(qtbot, email, CARD.text)
    assert window.wizard.current == IDENTITY  # the Enter keys inside the burst did not advance
    assert email.text() == "" and window.wizard.value(wire.EMAIL) == ""
    for name, value in flat(CARD.fields).items():
        assert window.wizard.value(name) == value, name
        assert window.editor(name).value() == value, name
        assert window.editor(name).property("scanned") == "true", name
        assert name in window.wizard.touched
    assert window.wizard.value(ID_EXPIRATION_DATE) == CARD.expiry.isoformat()
    assert window.editor(ID_EXPIRATION_DATE).value() == CARD.expiry.isoformat()
    assert window.form_pages[IDENTITY].rows[wire.FIRST_NAME].message.text() == "Read from the ID"
    assert banner(window).isVisible() and banner(window).property("status") == "ok"
    assert "fields filled" in banner(window).text()


def test_a_person_typing_an_at_sign_types_it(open_window, qtbot):
    window = open_window(active=True)
    feature = feature_of(window)
    clock = FakeClock()
    feature.wedge.clock = clock
    email = window.editor(wire.EMAIL)
    email.setFocus()
    for ch in "ada@example.com":
        clock.now += 180  # a person's pace
        qtbot.keyClicks(email, ch)
    assert email.text() == "ada@example.com"
    assert window.wizard.value(wire.EMAIL) == "ada@example.com"
    # An "@" with nothing after it comes back once the quiet gap has passed.
    qtbot.keyClicks(email, "@")
    assert email.text() == "ada@example.com"
    qtbot.waitUntil(lambda: email.text() == "ada@example.com@", timeout=2000)
    # A quick "@" followed by Enter (a person) still lets Enter do its work: the step is checked.
    clock.now += 500
    qtbot.keyClick(email, Qt.Key.Key_Return)
    assert not feature.wedge.capturing and not banner(window).isVisible()


def test_a_fast_at_sign_that_starts_no_barcode_is_typed_at_once(open_window, qtbot):
    window = open_window(active=True)
    email = window.editor(wire.EMAIL)
    email.setFocus()
    for typed in ("zoe@example.com", "x@aamva.org", "x@ansi.org", "x@Ansi 1x"):
        email.clear()
        qtbot.keyClicks(email, typed)  # as fast as a scanner, as a program or a password manager types
        assert email.text() == typed
        assert window.wizard.value(wire.EMAIL) == typed
        assert not feature_of(window).wedge.capturing and not banner(window).isVisible()


def test_an_expired_card_fills_and_warns(open_window, qtbot):
    window = open_window(active=True)
    window.editor(wire.FIRST_NAME).setFocus()
    with qtbot.waitSignal(feature_of(window).filled, timeout=3000):
        type_burst(qtbot, window.editor(wire.FIRST_NAME), EXPIRED.text)
    assert window.wizard.value(wire.LAST_NAME) == "Kim"
    assert banner(window).property("status") == "warning"
    assert f"expired on {EXPIRED.expiry.isoformat()}" in banner(window).text()
    # The policy's own message shows under the ID expiry at once: the field was touched.
    row = window.form_pages[IDENTITY].rows[ID_EXPIRATION_DATE]
    assert row.message.property("status") == "error" and row.message.text()


def test_f2_opens_the_capture_field_and_a_malformed_barcode_changes_nothing(open_window, qtbot):
    window = open_window(active=True)
    window.go_to(2)
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_F2)
    capture = window.findChild(QPlainTextEdit, "scan_capture")
    assert window.wizard.current == IDENTITY and capture.hasFocus()
    before = window.wizard.snapshot()
    capture.setPlainText("@\nANSI 636014090002DL00410278ZC03190008DLDCAC\n")
    qtbot.keyClick(capture, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert banner(window).property("status") == "error"
    assert banner(window).text().startswith("Could not read the ID barcode: ")
    assert window.wizard.snapshot() == before
    assert window.wizard.current == IDENTITY


def test_a_scan_into_the_capture_field_reads_after_the_burst(open_window, qtbot):
    window = open_window(active=True)
    window.findChild(QPushButton, "scan_id").click()
    capture = window.findChild(QPlainTextEdit, "scan_capture")
    assert capture.hasFocus()
    with qtbot.waitSignal(feature_of(window).filled, timeout=3000):
        type_burst(qtbot, capture, CARD.text)  # fast Enters are line breaks; the pause reads it
    assert window.wizard.value(wire.STATE_ID) == CARD.fields[wire.STATE_ID]
    assert window.wizard.current == IDENTITY and capture.toPlainText() == ""


def _png(path, text: str | None) -> None:
    if text is None:
        Image.new("RGB", (300, 120), "white").save(path)
        return
    image = pdf417gen.render_image(pdf417gen.encode(text.encode(), columns=12), scale=3, padding=20)
    out = io.BytesIO()
    image.save(out, format="PNG")
    path.write_bytes(out.getvalue())


def test_read_from_image_fills_the_form(open_window, qtbot, tmp_path, monkeypatch):
    window = open_window(active=True)
    feature = feature_of(window)
    photo = tmp_path / "card.png"
    _png(photo, CARD.text)
    monkeypatch.setattr(feature, "choose_image", lambda: str(photo))
    with qtbot.waitSignal(feature.filled, timeout=5000):
        window.findChild(QPushButton, "scan_image").click()
    assert window.wizard.value(wire.LAST_NAME) == "O'Brien"
    blank = tmp_path / "blank.png"
    _png(blank, None)
    monkeypatch.setattr(feature, "choose_image", lambda: str(blank))
    feature.image_action.trigger()
    qtbot.waitUntil(lambda: banner(window).property("status") == "error", timeout=5000)
    assert "No ID card barcode was found" in banner(window).text()
    assert window.wizard.value(wire.LAST_NAME) == "O'Brien"


def test_a_customer_already_in_the_pos_is_shown_after_the_scan(open_window, qtbot, sandbox):
    existing = sandbox.add_customer({wire.FIRST_NAME: "Sean", wire.LAST_NAME: "O'Brien",
                                     wire.DATE_OF_BIRTH: "1977-08-31", wire.STATE_ID: CARD.fields[wire.STATE_ID]})
    window = open_window(active=True)
    feature = feature_of(window)
    window.editor(wire.FIRST_NAME).setFocus()
    with qtbot.waitSignal(feature.checked, timeout=5000) as checked:
        type_burst(qtbot, window.editor(wire.FIRST_NAME), CARD.text)
    [match] = checked.args[0]
    assert (match.source, match.customer_id) == ("pos", existing[wire.RESP_ID])
    assert f"already exists in the POS (#{existing[wire.RESP_ID]})" in banner(window).text()
    assert banner(window).property("status") == "warning"


def test_an_intake_created_here_is_found_again_by_the_station_alone(open_window, qtbot, sandbox):
    sandbox.plan = "basic"  # no state-ID lookup: only this station's record can tell
    window = open_window(active=True)
    feature = feature_of(window)
    window.editor(wire.PHONE).setFocus()
    with qtbot.waitSignal(feature.checked, timeout=5000) as first:
        type_burst(qtbot, window.editor(wire.PHONE), CARD.text)
    assert list(first.args[0]) == []
    fill_window(window, {wire.CELL_PHONE: "(415) 555-0134", wire.REFERRAL_SOURCE: "friend"})
    for _ in range(REVIEW):
        window.next()
    assert window.wizard.current == REVIEW, window.wizard.errors()
    with qtbot.waitSignal(window.session.submitted, timeout=15000) as blocker:
        window.submit_button.click()
    assert blocker.args[0] == "created"
    customer_id = blocker.args[1].customer_id
    index = feature.created_index()
    qtbot.waitUntil(lambda: bool(index.find(flat(CARD.fields))), timeout=5000)
    assert not banner(window).isVisible()

    window.editor(wire.FIRST_NAME).setFocus()
    with qtbot.waitSignal(feature.checked, timeout=5000) as again:
        type_burst(qtbot, window.editor(wire.FIRST_NAME), CARD.text)
    [match] = again.args[0]
    assert (match.source, match.customer_id, match.created_on) == ("local", customer_id, date.today())
    assert f"created at this station on {date.today().isoformat()} (#{customer_id})" in banner(window).text()

    # Before a submit the same check asks the clerk; Continue goes on, Cancel does not.
    answers = []
    feature.check_before_submit(lambda: answers.append("sent"))
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "duplicate_confirm") is not None, timeout=5000)
    box = window.findChild(QMessageBox, "duplicate_confirm")
    assert "created at this station" in box.informativeText()
    box.button(QMessageBox.StandardButton.Cancel).click()
    assert answers == []
    feature.check_before_submit(lambda: answers.append("sent"))
    qtbot.waitUntil(lambda: any(b.isVisible() for b in window.findChildren(QMessageBox, "duplicate_confirm")),
                    timeout=5000)
    box = next(b for b in window.findChildren(QMessageBox, "duplicate_confirm") if b.isVisible())
    next(b for b in box.buttons() if b.text() == "&Continue").click()
    assert answers == ["sent"]


def test_the_local_index_file_holds_no_plain_personal_data(open_window, qtbot):
    window = open_window(active=True)
    feature = feature_of(window)
    index = feature.created_index()
    index.add(flat(CARD.fields), 42)
    feature.close()
    raw = b"".join(p.read_bytes() for p in index.path.parent.glob(index.path.name + "*"))
    for plain in ("Sean", "SEAN", "O'Brien", "obrien", "1977-08-31", "19770831", CARD.fields[wire.STATE_ID]):
        assert plain.encode() not in raw, plain


@pytest.mark.parametrize(("typed", "state"), [
    ("", None), ("A", None), ("an", None), ("ANSI ", None), ("ANSI 636014", True), ("ansi636014", True),
    ("AAMVA6360", None), ("AAMVA636014", True), ("AB", False), ("ANSI X", False), ("example.com", False),
])
def test_what_may_follow_the_at_sign_of_a_card(typed, state):
    assert header_state(typed) is state


@pytest.mark.parametrize(("typed", "state"), [
    ("", None), ("B", None), ("BC", None), ("BCVICTORIA", None), ("BCVICTORIA^", True),
    ("bcvictoria^", True), ("BCWEST VANCOUVE", True), ("B1", False), ("BC^", False), ("BCVIC1", False),
    ("20 off", False),
])
def test_what_may_follow_the_percent_sign_of_a_magnetic_stripe_card(typed, state):
    assert header_state(typed, "%") is state


BC_CARD = ("%BCVICTORIA^CPSIJSIT,$STANDALONE CITZ FOUR^910 GOVERNMENT ST$VICTORIA BC V8W 3Y5?;636028004023964="
           "270419850410=?_%0AV8W3Y5                     F            9873904417                00C00015303?\n")


def test_a_british_columbia_card_starting_with_a_percent_sign_is_caught_as_a_scan(open_window, qtbot):
    window = open_window(active=True, jurisdiction="BC")
    window.focus_first()
    first = window.editor(wire.FIRST_NAME)
    with qtbot.waitSignal(feature_of(window).filled, timeout=3000):
        type_burst(qtbot, first, BC_CARD)
    assert window.wizard.current == IDENTITY  # the Enter at its end did not advance
    assert window.wizard.value(wire.LAST_NAME) == "Cpsijsit"
    assert window.wizard.value(wire.STATE_ID) == "004023964"
    assert window.editor(wire.FIRST_NAME).value() == "Standalone"  # not the card's text typed into it


def _focus_on(window, index):
    window.go_to(index)
    widget = window.focusWidget()
    return widget if widget is not None else window


@pytest.mark.parametrize("step", range(1, REVIEW + 1))
def test_a_scan_on_another_step_with_a_blank_intake_fills_identity_and_presses_nothing(open_window, qtbot,
                                                                                        sandbox, step):
    window = open_window(active=True)
    feature = feature_of(window)
    target = _focus_on(window, step)
    with qtbot.waitSignal(feature.filled, timeout=3000):
        type_burst(qtbot, target, CARD.text)
    assert window.wizard.current == IDENTITY
    assert window.wizard.value(wire.LAST_NAME) == flat(CARD.fields)[wire.LAST_NAME]
    assert window.findChild(QMessageBox, "scan_where") is None
    assert not window.findChildren(QMessageBox, "duplicate_confirm")
    qtbot.wait(50)
    assert sandbox.created() == []


@pytest.mark.parametrize("step", range(1, REVIEW + 1))
def test_a_scan_with_a_customer_on_screen_asks_and_never_submits(open_window, qtbot, sandbox, step):
    window = open_window(active=True)
    fill_window(window, {wire.FIRST_NAME: "Ana", wire.LAST_NAME: "Lee", wire.DATE_OF_BIRTH: "1990-04-12",
                         wire.GENDER: "female"})
    feature = feature_of(window)
    target = _focus_on(window, step)
    type_burst(qtbot, target, CARD.text)
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "scan_where") is not None, timeout=3000)
    box = window.findChild(QMessageBox, "scan_where")
    assert window.wizard.value(wire.LAST_NAME) == "Lee"  # nothing changed before the clerk answers
    assert window.wizard.current == step
    qtbot.wait(50)
    assert sandbox.created() == [] and not window.busy.text()
    # A second scan while the question is open replaces it (its keys never press its buttons).
    type_burst(qtbot, box.focusWidget() or box, CARD.text)
    qtbot.waitUntil(lambda: [b for b in window.findChildren(QMessageBox, "scan_where") if b.isVisible()] != []
                    and box not in [b for b in window.findChildren(QMessageBox, "scan_where") if b.isVisible()],
                    timeout=3000)
    box = next(b for b in window.findChildren(QMessageBox, "scan_where") if b.isVisible())
    assert window.wizard.value(wire.LAST_NAME) == "Lee"
    fill = next(b for b in box.buttons() if b.text().replace("&", "") == "Fill this customer")
    with qtbot.waitSignal(feature.filled, timeout=3000):
        fill.click()
    assert window.wizard.current == IDENTITY
    assert window.wizard.value(wire.LAST_NAME) == flat(CARD.fields)[wire.LAST_NAME]
    assert sandbox.created() == []


def test_a_scan_on_review_can_start_a_new_customer_keeping_the_one_on_screen_as_a_draft(open_window, qtbot):
    window = open_window(active=True)
    fill_window(window, {wire.FIRST_NAME: "Ana", wire.LAST_NAME: "Lee", wire.DATE_OF_BIRTH: "1990-04-12",
                         wire.GENDER: "female"})
    old = window.wizard
    type_burst(qtbot, _focus_on(window, REVIEW), CARD.text)
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "scan_where") is not None, timeout=3000)
    box = window.findChild(QMessageBox, "scan_where")
    assert box.defaultButton().text().replace("&", "") == "New customer"
    with qtbot.waitSignal(feature_of(window).filled, timeout=3000):
        box.defaultButton().click()
    assert window.wizard is not old and window.wizard.current == IDENTITY
    assert window.wizard.value(wire.FIRST_NAME) == flat(CARD.fields)[wire.FIRST_NAME]
    assert old.value(wire.LAST_NAME) == "Lee"
    qtbot.waitUntil(lambda: any(d for d in window.station.drafts.list()), timeout=5000)


def test_continuing_on_a_true_duplicate_says_it_is_a_returning_customer(open_window, qtbot, sandbox):
    sandbox.add_customer({wire.FIRST_NAME: "Sean", wire.LAST_NAME: "O'Brien", wire.DATE_OF_BIRTH: "1977-08-31",
                          wire.STATE_ID: CARD.fields[wire.STATE_ID]})
    window = open_window(active=True)
    feature = feature_of(window)
    with qtbot.waitSignal(feature.checked, timeout=5000):
        type_burst(qtbot, window.editor(wire.FIRST_NAME), CARD.text)
    window.go_to(REVIEW)
    window.submit_requested.emit()
    qtbot.waitUntil(lambda: any(b.isVisible() for b in window.findChildren(QMessageBox, "duplicate_confirm")),
                    timeout=5000)
    box = next(b for b in window.findChildren(QMessageBox, "duplicate_confirm") if b.isVisible())
    assert box.defaultButton().objectName() == "duplicate_open"  # the customer the POS holds, one key away
    with qtbot.waitSignal(window.session.submitted, timeout=15000) as sent:
        qtbot.keyClick(box, Qt.Key.Key_C, Qt.KeyboardModifier.AltModifier)  # Continue in one key
    assert sent.args[0] == "needs_attention"
    assert "returning customer" in window.outcome.text()
    assert "Fix the fields marked below" not in window.outcome.text()


def test_the_duplicate_question_opens_the_customer_the_pos_holds_by_default(open_window, qtbot, sandbox):
    from ui.features.returning import ReturningFeature

    existing = sandbox.add_customer({wire.FIRST_NAME: "Sean", wire.LAST_NAME: "O'Brien",
                                     wire.DATE_OF_BIRTH: "1977-08-31", wire.STATE_ID: CARD.fields[wire.STATE_ID]})
    window = open_window(active=True)
    feature = feature_of(window)
    with qtbot.waitSignal(feature.checked, timeout=5000):
        type_burst(qtbot, window.editor(wire.FIRST_NAME), CARD.text)
    answers = []
    feature.check_before_submit(lambda: answers.append("sent"))
    qtbot.waitUntil(lambda: any(b.isVisible() for b in window.findChildren(QMessageBox, "duplicate_confirm")),
                    timeout=5000)
    box = next(b for b in window.findChildren(QMessageBox, "duplicate_confirm") if b.isVisible())
    assert box.defaultButton().objectName() == "duplicate_open"
    returning = window.findChild(ReturningFeature)
    with qtbot.waitSignal(returning.view_opened, timeout=10000) as opened:
        box.defaultButton().click()
    assert answers == []  # nothing sent
    assert str(existing[wire.RESP_ID]) in str(opened.args[0].customer.get(wire.RESP_ID, "")) or opened.args[0]
