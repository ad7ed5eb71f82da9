"""The returning customer's verdicts (ID, recommendation, age for the type, POS status) and the
intakes still waiting in the outbox for the same person."""

from __future__ import annotations

from datetime import date

import pytest

from app import wire
from app.crypto import Cipher, new_key
from app.outbox import Outbox
from app.returning import (
    AGE,
    ID_EXPIRY,
    POS_STATUS,
    RECOMMENDATION_EXPIRY,
    Verdict,
    check_customer,
    waiting_in_outbox,
    worst,
)
from app.storage import outbox_path
from tests.support.bodies import customer_body

TODAY = date(2026, 11, 29)
MEDICAL = {**customer_body(), wire.TYPE: "medical_with_rec", wire.HAS_MEDICAL_RECOMMENDATION: True,
           wire.RECOMMENDATION_NUMBER: "R-1", wire.RECOMMENDATION_EXPIRATION_DATE: "2026-11-01",
           wire.RESP_STATUS: "verified"}


def by_what(checks):
    return {c.what: c for c in checks}


def test_an_expired_recommendation_stands_out_with_its_fix():
    checks = by_what(check_customer(MEDICAL, jurisdiction="CA", today=TODAY, scanned_id_expiry="2030-05-01"))
    rec = checks[RECOMMENDATION_EXPIRY]
    assert rec.verdict is Verdict.PROBLEM and rec.days_left == -28 and rec.field == wire.RECOMMENDATION_EXPIRATION_DATE
    assert "2026-11-01" in rec.message and "new recommendation" in rec.message
    assert checks[ID_EXPIRY].verdict is Verdict.OK and checks[POS_STATUS].verdict is Verdict.OK
    assert worst(list(checks.values())) is Verdict.PROBLEM


@pytest.mark.parametrize(("expires", "soon_days", "verdict"), [
    ("2026-12-15", 30, Verdict.SOON),
    ("2026-12-15", 10, Verdict.OK),
    ("2026-11-29", 30, Verdict.SOON),  # the last valid day
    ("2026-11-28", 30, Verdict.PROBLEM),
])
def test_expiry_windows(expires, soon_days, verdict):
    customer = {**MEDICAL, wire.RECOMMENDATION_EXPIRATION_DATE: expires}
    checks = by_what(check_customer(customer, jurisdiction="CA", today=TODAY, scanned_id_expiry=expires,
                                    soon_days=soon_days))
    assert checks[RECOMMENDATION_EXPIRY].verdict is verdict
    assert checks[ID_EXPIRY].verdict is verdict


def test_without_a_scan_the_id_is_unknown_and_without_a_recommendation_nothing_is_asked():
    checks = by_what(check_customer({**customer_body(), wire.RESP_STATUS: "pending"}, jurisdiction="CA",
                                    today=TODAY))
    assert checks[ID_EXPIRY].verdict is Verdict.UNKNOWN
    assert RECOMMENDATION_EXPIRY not in checks
    assert checks[POS_STATUS].verdict is Verdict.SOON


def test_a_recommendation_without_a_date_is_a_problem():
    customer = {**MEDICAL}
    del customer[wire.RECOMMENDATION_EXPIRATION_DATE]
    assert by_what(check_customer(customer, jurisdiction="CA", today=TODAY))[RECOMMENDATION_EXPIRY].verdict \
        is Verdict.PROBLEM


def test_age_for_the_type_in_this_jurisdiction():
    young = {**customer_body(), wire.DATE_OF_BIRTH: "2006-06-01", wire.TYPE: "recreational"}
    age = by_what(check_customer(young, jurisdiction="CA", today=TODAY))[AGE]
    assert age.verdict is Verdict.PROBLEM and age.field == wire.TYPE and "21" in age.message
    grown = by_what(check_customer({**young, wire.DATE_OF_BIRTH: "1990-01-01"}, jurisdiction="CA", today=TODAY))[AGE]
    assert grown.verdict is Verdict.OK
    odd = by_what(check_customer({**young, wire.TYPE: "spaceman"}, jurisdiction="CA", today=TODAY))[AGE]
    assert odd.verdict is Verdict.PROBLEM and odd.field == wire.TYPE
    missing = by_what(check_customer({wire.TYPE: "recreational"}, jurisdiction="CA", today=TODAY))[AGE]
    assert missing.verdict is Verdict.PROBLEM and missing.field == wire.DATE_OF_BIRTH


def test_a_waiting_intake_for_the_same_person_counts_as_already_here(tmp_path):
    with Outbox(outbox_path(tmp_path / "data"), Cipher(new_key())) as box:
        by_id = box.enqueue(customer_body(**{wire.STATE_ID: "D1234567"}))
        by_name = box.enqueue(customer_body(**{wire.FIRST_NAME: "Grace", wire.LAST_NAME: "Hopper"}))
        box.enqueue_update(5, {wire.NICKNAME: "x"})
        assert waiting_in_outbox(box, {wire.STATE_ID: "d 123-4567"}) == [by_id]
        assert waiting_in_outbox(box, {wire.FIRST_NAME: "GRACE", wire.LAST_NAME: "hopper",
                                       wire.DATE_OF_BIRTH: "1980-12-10"}) == [by_name]
        assert waiting_in_outbox(box, {wire.FIRST_NAME: "Nobody"}) == []
        box.mark_created(by_id, 9, "verified")
        assert waiting_in_outbox(box, {wire.STATE_ID: "D1234567"}) == []
