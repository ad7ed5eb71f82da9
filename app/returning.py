"""A returning customer at the desk: is this person already here, and is their record current?

``waiting_in_outbox`` finds intakes still waiting in the outbox for the same person (a waiting
intake counts as "already here": creating another would make a second customer once both are
sent). The POS's state-ID lookup and the station's index of created intakes are asked by
``app.duplicates.find_duplicates``.

``check_customer`` gives the verdicts the returning-customer view shows, each with the date it
rests on, how many days are left, and the action that fixes it: the ID's expiry (from the
licence just scanned), the medical recommendation's expiry, the age the customer's type needs
in this jurisdiction, and the POS's own status (pending or verified). ``soon_days`` (30 by
default) is how early an expiry stands out.

Qt-free; sentences are ``app.i18n.Message`` the window translates.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any

from app import policy, rules, wire
from app.duplicates import normalise_name_and_birth, normalise_state_id
from app.i18n import QT_TRANSLATE_NOOP as N
from app.i18n import Message
from app.outbox import EntryKind, EntryState, Outbox

_C = "Returning"
DEFAULT_SOON_DAYS = 30

ID_EXPIRY = "id_expiry"
RECOMMENDATION_EXPIRY = "recommendation_expiry"
AGE = "age"
POS_STATUS = "pos_status"

MSG_ID_OK = N(_C, "ID valid until {date}")
MSG_ID_SOON = N(_C, "ID expires on {date}, in {days} days: remind the customer to renew it")
MSG_ID_EXPIRED = N(_C, "ID expired on {date}: ask for a valid ID")
MSG_ID_UNKNOWN = N(_C, "ID expiry unknown: scan the licence to check it")
MSG_REC_OK = N(_C, "Recommendation valid until {date}")
MSG_REC_SOON = N(_C, "Recommendation expires on {date}, in {days} days: ask whether a renewal is on its way")
MSG_REC_EXPIRED = N(_C, "Recommendation expired on {date}: enter the new recommendation number and expiry date")
MSG_REC_MISSING = N(_C, "No recommendation expiry on record: enter the recommendation's expiry date")
MSG_AGE_OK = N(_C, "Age {age}: old enough for this customer type (at least {minimum})")
MSG_AGE_LOW = N(_C, "Age {age}: this customer type needs at least {minimum} here; change the customer type")
MSG_AGE_UNKNOWN = N(_C, "Date of birth missing or unreadable: enter it from the ID")
MSG_TYPE_UNKNOWN = N(_C, "The customer type {type} is not one of this jurisdiction's: choose the right type")
MSG_STATUS_VERIFIED = N(_C, "Verified in the POS")
MSG_STATUS_PENDING = N(_C, "Pending in the POS: the POS has not verified this customer yet")


class Verdict(StrEnum):
    OK = "ok"
    SOON = "soon"  # fine today, expires within soon_days
    PROBLEM = "problem"  # expired, too young, or missing where it is needed
    UNKNOWN = "unknown"  # cannot be told from what the station has


@dataclass(frozen=True)
class Check:
    what: str  # ID_EXPIRY, RECOMMENDATION_EXPIRY, AGE or POS_STATUS
    verdict: Verdict
    message: Message
    on: date | None = None  # the date the verdict rests on
    days_left: int | None = None
    field: str | None = None  # the form field that fixes it, when one does


def _message(template: str, **params: Any) -> Message:
    return Message(template, _C, **{k: (v.isoformat() if isinstance(v, date) else v) for k, v in params.items()})


def _day(value: Any) -> date | None:
    if isinstance(value, date):
        return value
    try:
        return rules.iso_date(value, "") if value not in (None, "") else None
    except rules.FieldProblem:
        return None


def _expiry(what: str, expires: date | None, today: date, soon_days: int, messages: tuple[str, str, str],
            field: str | None) -> Check:
    ok, soon, expired = messages
    days = (expires - today).days  # type: ignore[operator]  # callers pass a date
    if days < 0:
        return Check(what, Verdict.PROBLEM, _message(expired, date=expires), expires, days, field)
    if days <= soon_days:
        return Check(what, Verdict.SOON, _message(soon, date=expires, days=days), expires, days, field)
    return Check(what, Verdict.OK, _message(ok, date=expires), expires, days, field)


def check_customer(
    customer: Mapping[str, Any],
    *,
    jurisdiction: str,
    today: date,
    scanned_id_expiry: date | str | None = None,
    soon_days: int = DEFAULT_SOON_DAYS,
) -> list[Check]:
    """The verdicts for ``customer`` (wire-shaped: the POS's record, or it with the scan's values on
    top), in the order the view shows them."""
    checks: list[Check] = []
    id_expiry = _day(scanned_id_expiry)
    if id_expiry is None:
        checks.append(Check(ID_EXPIRY, Verdict.UNKNOWN, _message(MSG_ID_UNKNOWN)))
    else:
        checks.append(_expiry(ID_EXPIRY, id_expiry, today, soon_days, (MSG_ID_OK, MSG_ID_SOON, MSG_ID_EXPIRED), None))

    if customer.get(wire.HAS_MEDICAL_RECOMMENDATION) is True:
        rec = _day(customer.get(wire.RECOMMENDATION_EXPIRATION_DATE))
        field = wire.RECOMMENDATION_EXPIRATION_DATE
        if rec is None:
            checks.append(Check(RECOMMENDATION_EXPIRY, Verdict.PROBLEM, _message(MSG_REC_MISSING), field=field))
        else:
            checks.append(_expiry(RECOMMENDATION_EXPIRY, rec, today, soon_days,
                                  (MSG_REC_OK, MSG_REC_SOON, MSG_REC_EXPIRED), field))

    checks.append(_age_check(customer, jurisdiction, today))

    status = customer.get(wire.RESP_STATUS)
    if status == "verified":
        checks.append(Check(POS_STATUS, Verdict.OK, _message(MSG_STATUS_VERIFIED)))
    elif status == "pending":
        checks.append(Check(POS_STATUS, Verdict.SOON, _message(MSG_STATUS_PENDING)))
    return checks


def _age_check(customer: Mapping[str, Any], jurisdiction: str, today: date) -> Check:
    birth = _day(customer.get(wire.DATE_OF_BIRTH))
    if birth is None:
        return Check(AGE, Verdict.PROBLEM, _message(MSG_AGE_UNKNOWN), field=wire.DATE_OF_BIRTH)
    customer_type = str(customer.get(wire.TYPE) or "")
    age = policy.age_on(birth, today)
    try:
        if customer_type not in policy.allowed_types(jurisdiction):
            raise KeyError(customer_type)
        minimum = policy.minimum_age(jurisdiction, customer_type)
    except (KeyError, ValueError):
        return Check(AGE, Verdict.PROBLEM, _message(MSG_TYPE_UNKNOWN, type=customer_type or "—"), field=wire.TYPE)
    if age < minimum:
        return Check(AGE, Verdict.PROBLEM, _message(MSG_AGE_LOW, age=age, minimum=minimum), birth, field=wire.TYPE)
    return Check(AGE, Verdict.OK, _message(MSG_AGE_OK, age=age, minimum=minimum), birth)


def worst(checks: list[Check]) -> Verdict:
    """The verdict that stands out most: problem, then soon, then unknown, then ok."""
    order = (Verdict.PROBLEM, Verdict.SOON, Verdict.UNKNOWN, Verdict.OK)
    return next((v for v in order if any(c.verdict == v for c in checks)), Verdict.OK)


def waiting_in_outbox(outbox: Outbox, record: Mapping[str, Any]) -> list[str]:
    """Ids of intakes waiting in the outbox (not yet created) for the person in ``record``: the same
    state ID, or the same name and date of birth. Entries this station cannot open are skipped."""
    state_id = normalise_state_id(record.get(wire.STATE_ID))
    person = normalise_name_and_birth(record)
    if state_id is None and person is None:
        return []
    found = []
    for entry in outbox.entries(states=(EntryState.QUEUED, EntryState.UPLOADING, EntryState.POSTING,
                                        EntryState.NEEDS_ATTENTION, EntryState.FAILED)):
        if entry.kind != EntryKind.CREATE:
            continue
        try:
            body = outbox.body(entry.id)
        except Exception:  # an entry this station cannot open says nothing about this person
            continue
        if (state_id is not None and normalise_state_id(body.get(wire.STATE_ID)) == state_id) or (
                person is not None and normalise_name_and_birth(body) == person):
            found.append(entry.id)
    return found
