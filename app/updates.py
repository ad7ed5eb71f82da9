"""Updating a customer the POS already holds: which fields changed, whether the changes can
be sent, and the body of ``PATCH /customers/{id}`` (only the changed fields, normalised).

The rules are the create's (one source: ``app.validation``). A change is checked in the
context of the whole customer: the POS's record (``base``) with the changes on top, so a rule
that joins fields (a recommendation number needs a recommendation, a type needs its age) sees
the customer as it will be. Reported are the messages about changed fields, and those a change
brings to another field (a new birth date too young for the customer's type); what was wrong
before the change, in a field the clerk did not touch, is not theirs to fix now. Without the
POS's record (offline), a neutral filler stands in for the untouched required fields.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from app import wire
from app.i18n import QT_TRANSLATE_NOOP as N
from app.i18n import Message
from app.validation import FORM, Errors, RecordInvalid, ValidationContext, build_body, validate_record

_C = "Validation"
MSG_NOT_OBJECT = N(_C, "An update must be a JSON object of fields")
MSG_EMPTY = N(_C, "An update needs at least one field to change")
MSG_NOT_UPDATABLE = N(_C, "This field cannot be changed by an update")

# What a PATCH may carry: the create's fields but documents (attached through a new intake).
UPDATABLE_FIELDS: tuple[str, ...] = tuple(f for f in wire.BODY_FIELDS if f != wire.DOCUMENTS)

# Stands in for the POS's record when it cannot be read: valid, and neutral for the joined rules.
_FILLER: dict[str, Any] = {
    wire.FIRST_NAME: "Filler",
    wire.LAST_NAME: "Filler",
    wire.DATE_OF_BIRTH: "1970-01-01",
    wire.HAS_MEDICAL_RECOMMENDATION: False,
    wire.GENDER: "unspecified",
    wire.MANUAL_GROUPS: [],
}


class UpdateProblem(ValueError):
    """The changes cannot be used as they are; ``errors`` says which field and why."""

    def __init__(self, errors: Errors) -> None:
        super().__init__("; ".join(f"{k}: {', '.join(str(m) for m in v)}" for k, v in errors.items()))
        self.errors = errors


def record_of(customer: Mapping[str, Any]) -> dict[str, Any]:
    """The updatable fields of a customer as the POS returned it (server keys dropped)."""
    return {k: customer[k] for k in UPDATABLE_FIELDS if k in customer and customer[k] is not None}


def unknown_fields(changes: Mapping[str, Any]) -> list[str]:
    return sorted(str(k) for k in changes if k not in UPDATABLE_FIELDS)


def _concerns(name: str, changed: set[str]) -> bool:
    return name == FORM or name in changed or name.split(".")[0] in changed


def _merged(changes: Mapping[str, Any], base: Mapping[str, Any] | None, ctx: ValidationContext) -> dict[str, Any]:
    start = dict(_FILLER) if base is None else {}
    if base is None and ctx.policy:
        start.pop(wire.TYPE, None)
    return {**start, **record_of(base or {}), **changes}


def validate_changes(
    changes: Any, ctx: ValidationContext | None = None, base: Mapping[str, Any] | None = None
) -> Errors:
    """Problems of an update, ``{}`` when it can be sent. ``changes``: wire fields to set;
    ``base``: the customer as the POS holds it (None when it could not be read)."""
    ctx = ctx or ValidationContext()
    if not isinstance(changes, Mapping):
        return {FORM: [Message(MSG_NOT_OBJECT, _C)]}
    if not changes:
        return {FORM: [Message(MSG_EMPTY, _C)]}
    unknown = unknown_fields(changes)
    if unknown:
        return {name: [Message(MSG_NOT_UPDATABLE, _C)] for name in unknown}
    changed = set(changes)
    errors = validate_record(_merged(changes, base, ctx), ctx)
    before = validate_record(_merged({}, base, ctx), ctx)  # what was wrong already, change or not
    return {name: messages for name, messages in errors.items()
            if _concerns(name, changed) or any(m not in before.get(name, []) for m in messages)}


def build_changes(
    changes: Mapping[str, Any], ctx: ValidationContext | None = None, base: Mapping[str, Any] | None = None
) -> dict[str, Any]:
    """The PATCH body: the changed fields, normalised as a create's would be. Raises
    UpdateProblem when the changes cannot be sent."""
    ctx = ctx or ValidationContext()
    errors = validate_changes(changes, ctx, base)
    if errors:
        raise UpdateProblem(errors)
    merged = _merged(changes, base, ctx)
    for _ in range(3):  # an untouched field the POS holds in a shape the rules refuse: not the clerk's
        untouched = {n.split(".")[0] for n in validate_record(merged, ctx) if n != FORM} - set(changes)
        if not untouched:
            break
        for name in untouched:
            if name in _FILLER:
                merged[name] = _FILLER[name]
            else:
                merged.pop(name, None)
    try:
        body = build_body(merged, ctx)
    except RecordInvalid as exc:
        raise UpdateProblem(exc.errors) from None
    return {k: body.get(k) for k in changes}


def changed_fields(before: Mapping[str, Any], after: Mapping[str, Any]) -> dict[str, Any]:
    """The fields of ``after`` whose value differs from ``before`` (the POS's record): the body of
    an update made in the form. A field emptied in the form is sent as null."""
    changes: dict[str, Any] = {}
    for name in UPDATABLE_FIELDS:
        old, new = before.get(name), after.get(name)
        if (_blank(old) and _blank(new)) or (old is None and new is False):  # a yes/no the POS never set is a no
            continue
        if old != new:
            changes[name] = None if _blank(new) else new
    return changes


def _blank(value: Any) -> bool:
    return value is None or value == "" or value == [] or value == {}
