"""The wizard's navigation and messages, without Qt."""

from datetime import date

import pytest

from app import wire
from app.validation import RecordInvalid
from app.wizard import COMPLETE, NEEDS_INPUT, OPTIONAL, REVIEW, SKIPPED, STEP_KEYS, STEPS, IntakeWizard, step_of

TODAY = date(2026, 11, 26)


def identity(w: IntakeWizard, **over) -> None:
    values = {
        wire.FIRST_NAME: "Ana", wire.LAST_NAME: "Lee", wire.DATE_OF_BIRTH: "1990-04-12", wire.GENDER: "female",
    }
    values.update(over)
    for k, v in values.items():
        w.set_value(k, v)


def test_steps_cover_every_offered_field_once():
    names = [f for s in STEPS for f in s.fields]
    assert len(names) == len(set(names))
    offered = set(wire.BODY_FIELDS) - set(wire.DEPRECATED_FIELDS) - {wire.ADDRESS}
    assert offered <= set(names) | {wire.ADDRESS}
    assert {f"{wire.ADDRESS}.{m}" for m in wire.ADDRESS_MEMBERS} <= set(names)
    assert not (set(names) & wire.DEPRECATED_FIELDS)
    assert STEP_KEYS == ("identity", "medical", "address", "consent", "documents", "review")


@pytest.mark.parametrize(
    ("name", "step"),
    [("first_name", 0), ("type", 1), ("address.zip", 2), ("marketing_sms", 3), ("documents.1.type", 4),
     ("_form", REVIEW), ("bogus", REVIEW)],
)
def test_step_of(name, step):
    assert step_of(name) == step


def test_messages_quiet_until_touched_then_live():
    w = IntakeWizard("CA", TODAY)
    w.set_value(wire.EMAIL, "nope")
    assert w.messages_for(wire.EMAIL) == []
    w.touch(wire.EMAIL)
    assert "name@example.com" in w.messages_for(wire.EMAIL)[0]
    w.set_value(wire.EMAIL, "ana@example.com")
    assert w.messages_for(wire.EMAIL) == []


def test_next_blocks_on_invalid_step_and_names_first_invalid_field():
    w = IntakeWizard("CA", TODAY)
    assert w.next() == wire.FIRST_NAME
    assert w.current == 0
    assert wire.LAST_NAME in w.touched  # every problem of the step is now shown
    identity(w)
    assert w.next() is None
    assert w.current == 1


def test_back_and_jumps_use_a_history():
    w = IntakeWizard("CA", TODAY)
    identity(w)
    assert not w.can_go_back
    w.next()
    w.next()
    assert w.current == 2
    w.go_to(REVIEW)
    assert w.back() and w.current == 2
    assert w.back() and w.current == 1
    assert w.back() and w.current == 0
    assert not w.back()
    with pytest.raises(IndexError):
        w.go_to(9)


def test_type_follows_policy_until_chosen():
    w = IntakeWizard("CA", TODAY)
    identity(w)
    assert w.effective_type() == "recreational"
    w.set_value(wire.MEDICAL_ID, "MC-1")
    assert w.effective_type() == "medical_with_state_card"
    w.set_value(wire.TYPE, "recreational")
    assert w.type_chosen and w.effective_type() == "recreational"
    w.set_value(wire.TYPE, "")
    assert not w.type_chosen and w.effective_type() == "medical_with_state_card"


def test_oklahoma_minor_by_age():
    w = IntakeWizard("OK", TODAY)
    identity(w, date_of_birth="2012-01-01")
    w.set_value(wire.HAS_MEDICAL_RECOMMENDATION, True)
    assert w.effective_type() == "minor"


def test_body_is_the_contract_body():
    w = IntakeWizard("CA", TODAY)
    identity(w, cell_phone="(415) 555-0134")
    body = w.body()
    assert body[wire.CELL_PHONE] == "4155550134"
    assert body[wire.TYPE] == "recreational"
    assert wire.ADDRESS not in body  # a blank address is left out
    w.set_value("address.state", "CA")  # a partial one is reported on the address step
    with pytest.raises(RecordInvalid):
        w.body()
    assert set(w.step_errors(2)) == {"address.address_line1", "address.city", "address.zip"}


def test_server_errors_land_on_fields_and_clear_when_edited():
    w = IntakeWizard("CA", TODAY)
    identity(w)
    w.add_errors({wire.STATE_ID: ["already exists"], "documents.0.type": ["bad"], "weird": ["odd"]})
    assert "already exists" in w.messages_for(wire.STATE_ID)
    assert {0, 4, REVIEW} <= w.steps_with_problems()
    assert "odd" in w.form_errors()
    w.set_value(wire.STATE_ID, "X2")
    assert w.messages_for(wire.STATE_ID) == []
    w.set_value(wire.DOCUMENTS, [("a.png", "id")])
    assert not [k for k in w.errors() if k.startswith("documents.")]


def test_snapshot_round_trip():
    w = IntakeWizard("CA", TODAY)
    identity(w, email="x")
    w.touch(wire.EMAIL)
    w.next()
    w.set_value(wire.TYPE, "recreational")
    snap = w.snapshot()
    again = IntakeWizard.restore(snap, "CA", TODAY)
    assert again.values == {**w.values, wire.DOCUMENTS: []}
    assert again.current == w.current and again.type_chosen and again.touched == w.touched
    broken = IntakeWizard.restore({"_wizard": {"history": ["x", 99]}, "bogus": 1}, "CA", TODAY)
    assert broken.current == 0 and "bogus" not in broken.values


def test_fill_from_scan_nested_address():
    w = IntakeWizard("CA", TODAY)
    names = w.fill({wire.FIRST_NAME: "Ana", wire.ADDRESS: {wire.CITY: "Fresno", wire.ZIP: "93650"}, "x": 1})
    assert set(names) == {wire.FIRST_NAME, "address.city", "address.zip"}
    assert w.value("address.city") == "Fresno"


def test_step_status_for_a_recreational_customer():
    w = IntakeWizard("CA", TODAY)
    assert w.status(0) == NEEDS_INPUT
    identity(w)
    assert w.status(0) == COMPLETE
    assert w.status(STEP_KEYS.index("medical")) == SKIPPED
    assert w.status(STEP_KEYS.index("address")) == OPTIONAL
    assert w.status(STEP_KEYS.index("consent")) == OPTIONAL
    assert w.status(STEP_KEYS.index("documents")) == OPTIONAL
    assert w.status(REVIEW) == COMPLETE
    w.set_value(wire.MARKETING_MAIL, True)
    w.set_value(wire.DOCUMENTS, [("id.png", wire.DOC_TYPE_ID)])
    assert w.status(STEP_KEYS.index("consent")) == COMPLETE
    assert w.status(STEP_KEYS.index("documents")) == COMPLETE
    w.set_value("address.state", "CA")  # a partial address is a problem on its step
    assert w.status(STEP_KEYS.index("address")) == NEEDS_INPUT
    assert w.status(REVIEW) == NEEDS_INPUT


def test_the_medical_step_applies_once_the_customer_is_medical():
    w = IntakeWizard("CA", TODAY)
    identity(w)
    medical = STEP_KEYS.index("medical")
    w.set_value(wire.HAS_MEDICAL_RECOMMENDATION, True)
    assert w.effective_type() == "medical_with_rec"
    assert w.status(medical) == NEEDS_INPUT  # the recommendation's number, expiry, physician
    w.set_value(wire.HAS_MEDICAL_RECOMMENDATION, False)
    w.set_value(wire.TYPE, "medical_with_state_card")  # chosen by the clerk: the medical ID is required
    assert w.status(medical) == NEEDS_INPUT


def test_advance_skips_the_steps_that_need_nothing():
    w = IntakeWizard("CA", TODAY)
    assert w.advance() == wire.FIRST_NAME  # the current step's problems stop it, as Next does
    assert w.current == 0
    identity(w)
    assert w.advance() is None
    assert w.current == REVIEW  # medical skipped, address, consent and documents optional
    assert w.back() and w.current == 0  # one key back to where the clerk was


def test_advance_stops_at_the_next_step_that_needs_input_then_wraps():
    w = IntakeWizard("CA", TODAY)
    identity(w)
    w.set_value("address.city", "Fresno")  # a partial address: the address step needs input
    assert w.advance() is None
    assert w.current == STEP_KEYS.index("address")
    w.set_value(wire.FIRST_NAME, "")  # a step left behind now needs input
    w.set_value("address.city", "")
    assert w.advance() is None
    assert w.current == 0
    w.set_value(wire.FIRST_NAME, "Ana")
    w.go_to(REVIEW)
    assert w.advance() is None and w.current == REVIEW  # Review stays: submitting is the window's


def test_offers_are_asked_once_there_is_an_email_or_phone():
    w = IntakeWizard("CA", TODAY)
    identity(w, email="ana@example.com")
    consent = STEP_KEYS.index("consent")
    assert w.status(consent) == NEEDS_INPUT
    assert w.advance() is None and w.current == consent  # Enter: straight to the question
    assert w.status(consent) == OPTIONAL  # asked: saying no (nothing ticked) is an answer
    assert w.advance() is None and w.current == REVIEW
    again = IntakeWizard.restore(w.snapshot(), "CA", TODAY)
    assert consent in again.visited and not again.needs_input(consent)
    w2 = IntakeWizard("CA", TODAY)
    identity(w2, cell_phone="4155550134", marketing_mail=True)  # already answered
    assert not w2.needs_input(consent)
