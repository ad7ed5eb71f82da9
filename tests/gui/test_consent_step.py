"""The consent step: disclosures read aloud, boxes unticked, phone and signature required for
texts, consents recorded before the intake is sent and linked to the created customer."""

from __future__ import annotations

import csv
import hashlib
import io
import uuid

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication, QLabel

from app import wire
from app.consent import METHOD_SIGNED, METHOD_VERBAL, ConsentLog
from app.disclosure import load_disclosures
from app.wizard import REVIEW, STEP_KEYS
from ui.selftest import SAMPLE, fill_window
from ui.widgets.signature import SignaturePad

CONSENT = STEP_KEYS.index("consent")
PHONE_LESS = {k: v for k, v in SAMPLE.items() if k not in (wire.CELL_PHONE, wire.PHONE, wire.MARKETING_EMAIL)}


@pytest.fixture
def window(open_window):
    return open_window(demo=True)


def sign(pad: SignaturePad, points=((20, 80), (60, 50), (100, 90), (140, 40), (180, 85))) -> None:
    """A stroke as the mouse draws it: press, moves with the button held, release."""
    canvas = pad.canvas
    left, none = Qt.MouseButton.LeftButton, Qt.MouseButton.NoButton
    first, *rest = [QPointF(x, y) for x, y in points]

    def send(kind, point, button, buttons):
        event = QMouseEvent(kind, point, canvas.mapToGlobal(point), button, buttons, Qt.KeyboardModifier.NoModifier)
        QApplication.sendEvent(canvas, event)

    send(QMouseEvent.Type.MouseButtonPress, first, left, left)
    for point in rest:
        send(QMouseEvent.Type.MouseMove, point, none, left)
    send(QMouseEvent.Type.MouseButtonRelease, rest[-1], left, none)


def walk_to_review(win) -> None:
    for _ in range(REVIEW):
        win.next()


def submit_and_wait(qtbot, win, timeout=15000):
    with qtbot.waitSignal(win.session.submitted, timeout=timeout) as blocker:
        qtbot.mouseClick(win.submit_button, Qt.MouseButton.LeftButton)
    return blocker.args


def test_boxes_start_unticked_under_the_disclosure_to_read(window):
    disclosures = load_disclosures(window.config, window.config.language)
    window.go_to(CONSENT)
    for channel in wire.MARKETING_FIELDS:
        assert window.editor(channel).isChecked() is False
        text = window.findChild(QLabel, f"{channel}.disclosure")
        assert text.text() == disclosures.text(channel)
        assert text.isVisible()
    assert disclosures.version in window.findChild(QLabel, "disclosureVersion").text()
    assert window.consent_step.verbal.isChecked()
    assert not window.consent_step.pad.isVisible()


def test_texts_without_a_phone_show_the_reason_and_block_submit(qtbot, window):
    fill_window(window, {**PHONE_LESS, wire.MARKETING_SMS: True})
    message = window.form_pages[CONSENT].rows[wire.MARKETING_SMS].message
    assert "cell phone" in message.text()
    # Texts need a signature: the method switches to signed and the pad appears.
    step = window.consent_step
    window.go_to(CONSENT)
    assert step.signed.isChecked() and not step.verbal.isEnabled() and step.pad.isVisible()
    sign(step.pad)
    assert "cell phone" in message.text() and "signed" not in message.text()

    window.go_to(REVIEW)
    with qtbot.assertNotEmitted(window.session.submitted, wait=200):
        qtbot.mouseClick(window.submit_button, Qt.MouseButton.LeftButton)
        # the duplicate check runs first, off the UI thread; the consent gate answers after it
        qtbot.waitUntil(lambda: not window.busy.text(), timeout=10000)
    # back where the missing number is typed, the same reason shown at the field
    assert window.wizard.current == 0
    assert "cell phone" in window.findChild(QLabel, f"{wire.CELL_PHONE}.message").text()
    assert window.station.outbox.entries() == []
    assert ConsentLog.open(window.config, window.station.cipher).count() == 0

    # The phone typed on Identity clears the message without touching the consent step.
    fill_window(window, {wire.CELL_PHONE: SAMPLE[wire.CELL_PHONE]})
    assert message.text() == "" or "cell phone" not in message.text()
    assert CONSENT not in window.wizard.steps_with_problems()


def test_signature_is_required_for_texts(qtbot, window):
    fill_window(window, {**SAMPLE, wire.MARKETING_SMS: True})
    message = window.form_pages[CONSENT].rows[wire.MARKETING_SMS].message
    assert "signed on screen" in message.text()
    walk_to_review(window)
    assert window.wizard.current == CONSENT  # Next stops on the unsigned consent
    sign(window.consent_step.pad)
    assert not message.isVisible() or "signed" not in message.text()
    walk_to_review(window)
    assert window.wizard.current == REVIEW


def test_signed_consents_are_recorded_with_the_wording_and_linked_to_the_customer(qtbot, window):
    disclosures = load_disclosures(window.config, window.config.language)
    fill_window(window, {**SAMPLE, wire.MARKETING_SMS: True})
    step = window.consent_step
    window.go_to(CONSENT)
    sign(step.pad)
    walk_to_review(window)
    with qtbot.waitSignal(step.attached, timeout=15000) as attached:
        outcome, entry = submit_and_wait(qtbot, window)
    assert outcome == "created"
    intake_id = str(uuid.UUID(entry.draft_id))
    assert attached.args == [intake_id, 2]

    records = ConsentLog.open(window.config, window.station.cipher).for_intake(intake_id)
    assert sorted(r.channel for r in records) == sorted([wire.MARKETING_EMAIL, wire.MARKETING_SMS])
    for record in records:
        assert record.method == METHOD_SIGNED
        assert record.clerk == window.clerk == "Test clerk"
        assert record.disclosure_version == disclosures.version
        assert record.disclosure_sha256 == disclosures.sha256(record.channel)
        assert record.language == disclosures.language
        assert record.customer_id == str(entry.customer_id)
    by_channel = {r.channel: r.applies_to for r in records}
    assert by_channel[wire.MARKETING_EMAIL] == SAMPLE[wire.EMAIL]
    assert "555" in by_channel[wire.MARKETING_SMS]
    # The signature itself is kept (written consent must be producible), and the export names it by hash.
    consent_log = ConsentLog.open(window.config, window.station.cipher)
    sms = next(r for r in records if r.channel == wire.MARKETING_SMS)
    png = consent_log.signature(sms.consent_id)
    assert png is not None and png.startswith(b"\x89PNG\r\n\x1a\n")
    assert sms.signature_sha256 == hashlib.sha256(png).hexdigest()
    buf = io.StringIO()
    consent_log.export_csv(buf)
    exported = {r["consent_id"]: r["signature_sha256"] for r in csv.DictReader(io.StringIO(buf.getvalue()))}
    assert exported[sms.consent_id] == hashlib.sha256(png).hexdigest()
    # The next customer starts with nothing ticked, no signature and consent spoken.
    window.go_to(CONSENT)
    assert not any(window.editor(c).isChecked() for c in wire.MARKETING_FIELDS)
    assert not step.pad.is_signed() and step.verbal.isChecked()


def test_spoken_consent_for_email_is_recorded_as_spoken(qtbot, window):
    fill_window(window, SAMPLE)  # email offers, said yes to aloud
    walk_to_review(window)
    with qtbot.waitSignal(window.consent_step.recorded, timeout=15000) as recorded:
        outcome, _entry = submit_and_wait(qtbot, window)
    assert outcome == "created"
    assert [(r.channel, r.method) for r in recorded.args[0]] == [(wire.MARKETING_EMAIL, METHOD_VERBAL)]


def test_an_offer_ticked_after_signing_needs_a_new_signature(window):
    fill_window(window, {**SAMPLE, wire.MARKETING_SMS: True})
    pad = window.consent_step.pad
    sign(pad)
    assert pad.is_signed()
    fill_window(window, {wire.MARKETING_CALLS: True})
    assert not pad.is_signed()
    assert window.findChild(QLabel, "signaturePad.message").text()


def test_nothing_is_sent_when_the_consent_cannot_be_recorded(qtbot, window):
    (window.config.data_dir / "consent.sqlite3").mkdir(parents=True)  # a folder where the database should be
    fill_window(window, SAMPLE)
    walk_to_review(window)
    with qtbot.waitSignal(window.consent_step.recording_failed, timeout=15000), \
            qtbot.assertNotEmitted(window.session.submitted):
        qtbot.mouseClick(window.submit_button, Qt.MouseButton.LeftButton)
    assert window.outcome.isVisible() and "not sent" in window.outcome.text()
    assert window.station.outbox.entries() == []
    assert window.submit_button.isEnabled()


def test_signature_pad_needs_ink_and_renders_a_png(qtbot):
    pad = SignaturePad()
    qtbot.addWidget(pad)
    pad.resize(400, 180)
    pad.show()
    assert not pad.is_signed() and pad.image_png() == b""
    sign(pad, points=((30, 30), (32, 31)))  # a tap is not a signature
    assert not pad.is_signed()
    with qtbot.waitSignal(pad.changed):
        sign(pad)
    assert pad.is_signed()
    assert pad.image_png().startswith(b"\x89PNG\r\n\x1a\n")
    qtbot.mouseClick(pad.clear_button, Qt.MouseButton.LeftButton)
    assert not pad.is_signed() and not pad.clear_button.isEnabled()


def test_the_customer_may_hear_another_language_and_must_sign_under_it(window):
    fill_window(window, {**SAMPLE, wire.MARKETING_SMS: True})
    step = window.consent_step
    sign(step.pad)
    step.language_box.setCurrentIndex(step.language_box.findData("es"))
    spanish = load_disclosures(window.config, "es")
    assert step.disclosures.language == "es"
    assert window.findChild(QLabel, f"{wire.MARKETING_SMS}.disclosure").text() == spanish.text(wire.MARKETING_SMS)
    assert not step.pad.is_signed()  # signed under the English wording, not this one
    assert "signed on screen" in window.form_pages[CONSENT].rows[wire.MARKETING_SMS].message.text()


def test_email_offers_without_an_email_are_said_at_the_email_field(window, qtbot):
    fill_window(window, {**PHONE_LESS, wire.EMAIL: "", wire.MARKETING_EMAIL: True})
    message = window.findChild(QLabel, f"{wire.EMAIL}.message")
    assert "Email offers need the customer's email address." in message.text()
    assert 0 in window.wizard.steps_with_problems()  # the step list flags Identity, where it is fixed
    window.go_to(0)
    assert window.wizard.next() == wire.EMAIL  # and Enter stops at the field to fill
    email = window.editor(wire.EMAIL)
    email.setFocus()
    qtbot.keyClicks(email, "zoe@example.com")
    qtbot.waitUntil(lambda: "Email offers" not in message.text(), timeout=2000)
    assert not window.wizard.step_errors(0)
