"""Validation of an intake record: the one entry point for the form, the command line, the
sandbox and the outbox.

A *record* is shaped like the request body (wire names, ``address`` nested, ``documents`` a
list) but holds whatever was typed. Messages are :class:`app.i18n.Message` objects keyed by
wire name, dotted for members (``address.zip``, ``documents.0.type``); what belongs to no
single field is under ``"_form"``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Annotated, Any

from pydantic import TypeAdapter, ValidationError

from app import policy, rules, wire
from app.contract import DEPRECATED_FIELDS, ERROR_TYPE, Address, CustomerCreate, without_blank_containers
from app.fields import CHOICE_LABELS, ID_EXPIRATION_DATE, label
from app.i18n import QT_TRANSLATE_NOOP as N
from app.i18n import Message

FORM = "_form"
LOCAL_FIELDS = frozenset({ID_EXPIRATION_DATE})
_C = "Validation"
_MAX_AGE_YEARS = 120

Errors = dict[str, list[Message]]


@dataclass(frozen=True)
class ValidationContext:
    """``policy`` False checks only the vendor's contract (what the sandbox enforces); True adds
    the store's policy (ages, medical requirements, expiry) and proposes the default type."""

    jurisdiction: str = "CA"
    today: date | None = None
    policy: bool = True
    type_chosen: bool = field(default=True)

    def day(self) -> date:
        return self.today or date.today()


class RecordInvalid(ValueError):
    def __init__(self, errors: Errors) -> None:
        super().__init__("; ".join(f"{k}: {' '.join(v)}" for k, v in errors.items()))
        self.errors = errors


def _adapter(info) -> TypeAdapter:
    if not info.metadata:
        return TypeAdapter(info.annotation)
    return TypeAdapter(Annotated[(info.annotation, *info.metadata)])


_ADAPTERS: dict[str, TypeAdapter] = {info.alias: _adapter(info) for info in CustomerCreate.model_fields.values()}
_REQUIRED = frozenset(info.alias for info in CustomerCreate.model_fields.values() if info.is_required())


def _msg(template: str, **params: Any) -> Message:
    return Message(template, _C, **params)


def _humanize(err: Mapping[str, Any], name: str) -> Message:
    kind = err.get("type")
    if kind == ERROR_TYPE:
        message = err["ctx"]["message"]
        return message if isinstance(message, Message) else _msg(str(message))
    lab = label(name)
    if kind == "missing":
        return _msg(N(_C, "{label} is required"), label=lab)
    if kind == "extra_forbidden":
        return _msg(N(_C, "'{name}' is not a field of the Create-customer request"), name=name)
    if kind in ("int_parsing", "int_type", "int_from_float", "greater_than", "less_than_equal"):
        return _msg(N(_C, "{label} must be a positive whole number"), label=lab)
    if kind in ("list_type", "tuple_type"):
        return _msg(N(_C, "{label} must be a list"), label=lab)
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        return _msg(N(_C, "{label} must be a group of fields"), label=lab)
    return _msg(N(_C, "{label} is not valid"), label=lab)


def _dotted(prefix: str, loc: tuple[Any, ...]) -> str:
    parts = [prefix, *(str(p) for p in loc)] if prefix else [str(p) for p in loc]
    name = ".".join(p for p in parts if p)
    # a document's type error is reported on the document list row, named by its index
    return name


def _add(errors: Errors, name: str, message: Message) -> None:
    bucket = errors.setdefault(name, [])
    if message not in bucket:
        bucket.append(message)


def _with_defaults(record: Mapping[str, Any], ctx: ValidationContext) -> dict[str, Any]:
    data = without_blank_containers({k: v for k, v in record.items() if k not in LOCAL_FIELDS})
    address = data.get(wire.ADDRESS)
    if isinstance(address, Mapping) and rules.is_blank(address.get(wire.COUNTRY)):
        state = address.get(wire.STATE)
        country = policy.country_of_region(state) if isinstance(state, str) else None
        if country:
            data[wire.ADDRESS] = {**address, wire.COUNTRY: country}
    if ctx.policy and (not ctx.type_chosen or rules.is_blank(data.get(wire.TYPE))):
        proposed = proposed_type(record, ctx)
        if proposed:
            data[wire.TYPE] = proposed
    return data


def proposed_type(record: Mapping[str, Any], ctx: ValidationContext) -> str | None:
    """The policy's default type for what the record says so far (None: unknown jurisdiction)."""
    try:
        dob = rules.iso_date(record.get(wire.DATE_OF_BIRTH), "")
        age = policy.age_on(dob, ctx.day())
    except rules.FieldProblem:
        age = None
    try:  # the same reading of yes/no as the field's own rule ("TRUE", " Yes ", 1)
        has_rec = rules.flag(record.get(wire.HAS_MEDICAL_RECOMMENDATION), "")
    except rules.FieldProblem:
        has_rec = False
    has_rec = has_rec or not rules.is_blank(record.get(wire.RECOMMENDATION_NUMBER))
    try:
        return policy.default_type(
            ctx.jurisdiction,
            has_medical_id=not rules.is_blank(record.get(wire.MEDICAL_ID)),
            has_recommendation=has_rec,
            age=age,
        )
    except policy.UnknownJurisdiction:
        return None


def _check_fields(data: Mapping[str, Any]) -> tuple[Errors, dict[str, Any]]:
    errors: Errors = {}
    values: dict[str, Any] = {}
    for name, value in data.items():
        adapter = _ADAPTERS.get(name)
        if adapter is None:
            _add(errors, name, _humanize({"type": "extra_forbidden"}, name))
            continue
        try:
            values[name] = adapter.validate_python(value)
        except ValidationError as exc:
            for err in exc.errors():
                dotted = _dotted(name, tuple(err["loc"]))
                _add(errors, dotted, _humanize(err, dotted))
    for name in _REQUIRED - data.keys():
        _add(errors, name, _humanize({"type": "missing"}, name))
    return errors, values


def _check_contract_only(data: Mapping[str, Any], errors: Errors) -> None:
    """What the vendor requires that the product fills in itself (the list of groups)."""
    if wire.MANUAL_GROUPS not in data:
        _add(errors, wire.MANUAL_GROUPS, _humanize({"type": "missing"}, wire.MANUAL_GROUPS))


def _check_address(address: Address | None, errors: Errors) -> None:
    if address is None:
        return
    prefix = wire.ADDRESS + "."
    for member in (wire.ADDRESS_LINE1, wire.CITY, wire.STATE, wire.ZIP):
        name = prefix + member
        if getattr(address, member) is None and name not in errors:
            _add(errors, name, _msg(N(_C, "{label} is needed for the address"), label=label(name)))
    country = address.country
    if address.state and country and policy.country_of_region(address.state) != country:
        _add(errors, prefix + wire.STATE, _msg(
            N(_C, "{state} is not a state or province of {country}"),
            state=address.state, country=CHOICE_LABELS.get(country, country),
        ))
    if address.zip and country:
        try:
            rules.postal_code(address.zip, label(prefix + wire.ZIP), country)
        except rules.FieldProblem as exc:
            _add(errors, prefix + wire.ZIP, exc.message)


def _check_type(values: Mapping[str, Any], ctx: ValidationContext, errors: Errors) -> policy.Jurisdiction | None:
    try:
        jur = policy.load_policy().jurisdiction(ctx.jurisdiction)
    except policy.UnknownJurisdiction as exc:
        _add(errors, FORM, _msg(str(exc)))
        return None
    chosen = values.get(wire.TYPE)
    if chosen is not None and chosen not in jur.types:
        _add(errors, wire.TYPE, _msg(
            N(_C, "Choose a customer type allowed in {jurisdiction}: {choices}"),
            jurisdiction=jur.name, choices=", ".join(jur.types),
        ))
    return jur


def _check_policy(values: Mapping[str, Any], local: Mapping[str, Any], ctx: ValidationContext,
                  jur: policy.Jurisdiction, errors: Errors) -> None:
    today = ctx.day()
    known = policy.load_policy()
    dob = values.get(wire.DATE_OF_BIRTH)
    age = None
    if dob is not None:
        if dob > today:
            _add(errors, wire.DATE_OF_BIRTH, _msg(N(_C, "Date of birth cannot be in the future")))
        # over 120 years ago: the 120th birthday was before today (age 120 plus a day is already over)
        elif policy.age_on(dob, today - timedelta(days=1) if today > date.min else today) >= _MAX_AGE_YEARS:
            _add(errors, wire.DATE_OF_BIRTH, _msg(
                N(_C, "Date of birth is more than {years} years ago; check the year"), years=_MAX_AGE_YEARS))
        else:
            age = policy.age_on(dob, today)
    if age is not None:
        youngest = min(known.min_age(jur.code, t) for t in jur.types)
        if age < youngest:
            _add(errors, wire.DATE_OF_BIRTH, _msg(
                N(_C, "This customer is {age}; customers in {jurisdiction} must be at least {min_age}"),
                age=age, jurisdiction=jur.name, min_age=youngest))
    chosen = values.get(wire.TYPE)
    kind = known.customer_types.get(chosen) if chosen in jur.types else None
    if kind is not None and age is not None and wire.DATE_OF_BIRTH not in errors:
        type_label = CHOICE_LABELS.get(kind.name, kind.name)
        min_age = known.min_age(jur.code, kind.name)
        if age < min_age:
            _add(errors, wire.TYPE, _msg(
                N(_C, "{type} customers must be at least {min_age} in {jurisdiction}; this customer is {age}"),
                type=type_label, min_age=min_age, jurisdiction=jur.name, age=age))
        if kind.max_age is not None and age >= kind.max_age:
            _add(errors, wire.TYPE, _msg(
                N(_C, "{type} is only for customers under {max_age}; this customer is {age}"),
                type=type_label, max_age=kind.max_age, age=age))
    has_medical_id = values.get(wire.MEDICAL_ID) is not None
    has_rec = bool(values.get(wire.HAS_MEDICAL_RECOMMENDATION)) or values.get(wire.RECOMMENDATION_NUMBER) is not None
    if kind is not None and kind.medical:
        type_label = CHOICE_LABELS.get(kind.name, kind.name)
        if kind.requires == "medical_id" and not has_medical_id:
            _add(errors, wire.MEDICAL_ID, _msg(N(_C, "A {type} customer needs a medical ID"), type=type_label))
        elif kind.requires == "recommendation" and not has_rec:
            _add(errors, wire.HAS_MEDICAL_RECOMMENDATION, _msg(
                N(_C, "A {type} customer needs a medical recommendation"), type=type_label))
        elif kind.requires == "either" and not (has_medical_id or has_rec):
            _add(errors, wire.MEDICAL_ID, _msg(
                N(_C, "A {type} customer needs a medical ID or a recommendation"), type=type_label))
    expires = values.get(wire.RECOMMENDATION_EXPIRATION_DATE)
    if values.get(wire.HAS_MEDICAL_RECOMMENDATION) and expires is None and (
        wire.RECOMMENDATION_EXPIRATION_DATE not in errors
    ):
        _add(errors, wire.RECOMMENDATION_EXPIRATION_DATE, _msg(N(_C, "Enter the date the recommendation expires")))
    if expires is not None and expires < today:
        _add(errors, wire.RECOMMENDATION_EXPIRATION_DATE, _msg(
            N(_C, "The recommendation expired on {date}; the customer needs a current one"), date=expires.isoformat()))
    id_expires = local.get(ID_EXPIRATION_DATE)
    if not rules.is_blank(id_expires):
        try:
            id_expiry = rules.iso_date(id_expires, label(ID_EXPIRATION_DATE))
        except rules.FieldProblem as exc:
            _add(errors, ID_EXPIRATION_DATE, exc.message)
        else:
            if id_expiry < today:
                _add(errors, ID_EXPIRATION_DATE, _msg(
                    N(_C, "The ID expired on {date}; ask for a valid ID"), date=id_expiry.isoformat()))


def validate_record(record: Any, ctx: ValidationContext | None = None) -> Errors:
    """Every problem of the record, ``{}`` when it can be sent. Never raises on bad input."""
    ctx = ctx or ValidationContext()
    if not isinstance(record, Mapping):
        return {FORM: [_msg(N(_C, "An intake must be a JSON object of fields"))]}
    data = _with_defaults(record, ctx)
    errors, values = _check_fields(data)
    _check_address(values.get(wire.ADDRESS), errors)
    jur = _check_type(values, ctx, errors)
    if ctx.policy and jur is not None:
        _check_policy(values, record, ctx, jur, errors)
    if not ctx.policy:
        _check_contract_only(data, errors)
    return errors


def validate_field(name: str, record: Any, ctx: ValidationContext | None = None) -> list[Message]:
    """Messages for one field (dotted for members) given the rest of the record."""
    return validate_record(record, ctx).get(name, [])


def build_body(record: Mapping[str, Any], ctx: ValidationContext | None = None) -> dict[str, Any]:
    """The request body to send, normalised; raises :class:`RecordInvalid` when it cannot be sent."""
    ctx = ctx or ValidationContext()
    errors = validate_record(record, ctx)
    if errors:
        raise RecordInvalid(errors)
    return CustomerCreate.model_validate(_with_defaults(record, ctx)).to_body()


def deprecated_fields(record: Any) -> list[str]:
    """Deprecated fields the record uses: accepted and sent, but worth a warning."""
    if not isinstance(record, Mapping):
        return []
    return [name for name in record if name in DEPRECATED_FIELDS and not rules.is_blank(record[name])]


def as_plain(errors: Errors) -> dict[str, list[str]]:
    return {name: [str(m) for m in messages] for name, messages in errors.items()}
