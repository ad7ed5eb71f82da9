"""The steps of an intake and which fields each shows: light data the window reads before
anything else is loaded (no validation here)."""

from __future__ import annotations

from dataclasses import dataclass

from app import wire
from app.fields import ID_EXPIRATION_DATE
from app.i18n import QT_TRANSLATE_NOOP as N

_C = "Steps"
A = wire.ADDRESS + "."


@dataclass(frozen=True)
class Step:
    key: str
    title: str
    fields: tuple[str, ...]


STEPS: tuple[Step, ...] = (
    Step("identity", N(_C, "Identity"), (
        wire.FIRST_NAME, wire.MIDDLE_NAME, wire.LAST_NAME, wire.NICKNAME, wire.DATE_OF_BIRTH, wire.GENDER,
        wire.ID_TYPE, wire.STATE_ID, ID_EXPIRATION_DATE, wire.PHONE, wire.CELL_PHONE, wire.EMAIL,
        wire.REFERRAL_SOURCE,
    )),
    Step("medical", N(_C, "Medical ID"), (
        wire.HAS_MEDICAL_RECOMMENDATION, wire.RECOMMENDATION_NUMBER, wire.RECOMMENDATION_EXPIRATION_DATE,
        wire.PHYSICIAN_LICENSE, wire.MEDICAL_ID, wire.TYPE, wire.AMOUNT_LIMIT, wire.MANUAL_GROUPS,
    )),
    Step("address", N(_C, "Address"), tuple(A + m for m in wire.ADDRESS_MEMBERS)),
    Step("consent", N(_C, "Marketing consent"), wire.MARKETING_FIELDS),
    Step("documents", N(_C, "Documents"), (wire.DOCUMENTS,)),
    Step("review", N(_C, "Review & submit"), ()),
)
STEP_KEYS = tuple(s.key for s in STEPS)
REVIEW = len(STEPS) - 1
# Deprecated fields are accepted from files but never offered in the form.
FORM_FIELDS: tuple[str, ...] = tuple(f for s in STEPS for f in s.fields)


def step_of(name: str) -> int:
    """The step that shows a field (``documents.0.type`` lives on Documents); Review for the rest."""
    for index, step in enumerate(STEPS):
        for field_name in step.fields:
            if name == field_name or name.startswith(field_name + "."):
                return index
    return REVIEW
