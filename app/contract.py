"""The pydantic model of the Create-customer request body (``SPEC.md``).

Wire names come from ``app.wire`` as aliases; each field's rule is a function of ``app.rules``.
Rules that need the store's jurisdiction or today's date live in ``app.validation``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from decimal import Decimal
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, PlainSerializer, model_validator
from pydantic_core import PydanticCustomError

from app import policy, rules, wire
from app.fields import DOCUMENT_TYPE, MAX_LENGTHS, label
from app.i18n import QT_TRANSLATE_NOOP as N

_C = "Validation"
ERROR_TYPE = "intake"


def _wrap(fn: Callable[[Any, str], Any], name: str, *, required: bool = False) -> BeforeValidator:
    field_label = label(name)

    def validate(value: Any) -> Any:
        if rules.is_blank(value):
            if required:
                raise _error(rules.problem(N(_C, "{label} is required"), label=field_label))
            return None
        try:
            return fn(value, field_label)
        except rules.FieldProblem as exc:
            raise _error(exc) from None

    return BeforeValidator(validate)


def _error(exc: rules.FieldProblem) -> PydanticCustomError:
    return PydanticCustomError(ERROR_TYPE, "{message}", {"message": exc.message})


def _capped(fn: Callable[[Any, str, int], Any], name: str) -> BeforeValidator:
    limit = MAX_LENGTHS[name]
    return _wrap(lambda value, lab: fn(value, lab, limit), name)


def _choice(allowed):
    return lambda value, lab: rules.choice(value, lab, allowed)


_config = ConfigDict(extra="forbid", validate_by_name=True, validate_by_alias=True, frozen=True)

Money = Annotated[Decimal | None, PlainSerializer(lambda d: None if d is None else float(d), return_type=float | None)]


def _region(value: Any, lab: str) -> str:
    code = rules.identifier(value, lab).upper()
    if policy.country_of_region(code) is None:
        raise rules.problem(N(_C, "{label} must be a two-letter state or province code, like CA or ON"), label=lab)
    return code


def _not_a_flag(value: Any, lab: str) -> Any:
    # pydantic's lax int reads True as 1, which would attach whichever file has ID 1
    if isinstance(value, bool):
        raise rules.problem(N(_C, "{label} must be a positive whole number"), label=lab)
    return value


class Address(BaseModel):
    model_config = _config

    # Declared before the ZIP so its rule can see the country.
    state: Annotated[str | None, _wrap(_region, f"{wire.ADDRESS}.{wire.STATE}")] = Field(None, alias=wire.STATE)
    country: Annotated[str | None, _wrap(_choice(wire.COUNTRIES), f"{wire.ADDRESS}.{wire.COUNTRY}")] = Field(
        None, alias=wire.COUNTRY
    )
    address_line1: Annotated[str | None, _capped(rules.free_text, f"{wire.ADDRESS}.{wire.ADDRESS_LINE1}")] = Field(
        None, alias=wire.ADDRESS_LINE1
    )
    address_line2: Annotated[str | None, _capped(rules.free_text, f"{wire.ADDRESS}.{wire.ADDRESS_LINE2}")] = Field(
        None, alias=wire.ADDRESS_LINE2
    )
    city: Annotated[str | None, _capped(rules.free_text, f"{wire.ADDRESS}.{wire.CITY}")] = Field(None, alias=wire.CITY)
    zip: Annotated[str | None, _wrap(lambda v, lab: rules.postal_code(v, lab, None), f"{wire.ADDRESS}.{wire.ZIP}")] = (
        Field(None, alias=wire.ZIP)
    )


class Document(BaseModel):
    model_config = _config

    file_id: Annotated[int, _wrap(_not_a_flag, f"{wire.DOCUMENTS}.{wire.DOC_FILE_ID}", required=True)] = Field(
        alias=wire.DOC_FILE_ID, gt=0, le=rules.MAX_ID
    )
    type: Annotated[str, _wrap(_choice(wire.DOCUMENT_TYPES), DOCUMENT_TYPE, required=True)] = Field(alias=wire.DOC_TYPE)


class CustomerCreate(BaseModel):
    """The request body. Python attribute names equal the wire names held in ``app.wire``."""

    model_config = _config

    first_name: Annotated[str, _wrap(rules.person_name, wire.FIRST_NAME, required=True)] = Field(alias=wire.FIRST_NAME)
    last_name: Annotated[str, _wrap(rules.person_name, wire.LAST_NAME, required=True)] = Field(alias=wire.LAST_NAME)
    date_of_birth: Annotated[date, _wrap(rules.iso_date, wire.DATE_OF_BIRTH, required=True)] = Field(
        alias=wire.DATE_OF_BIRTH
    )
    phone: Annotated[str | None, _wrap(rules.phone_digits, wire.PHONE)] = Field(None, alias=wire.PHONE)
    email: Annotated[str | None, _wrap(rules.email, wire.EMAIL)] = Field(None, alias=wire.EMAIL)
    nickname: Annotated[str | None, _capped(rules.free_text, wire.NICKNAME)] = Field(None, alias=wire.NICKNAME)
    has_medical_recommendation: Annotated[bool, _wrap(rules.flag, wire.HAS_MEDICAL_RECOMMENDATION, required=True)] = (
        Field(alias=wire.HAS_MEDICAL_RECOMMENDATION)
    )
    recommendation_expiration_date: Annotated[
        date | None, _wrap(rules.iso_date, wire.RECOMMENDATION_EXPIRATION_DATE)
    ] = Field(None, alias=wire.RECOMMENDATION_EXPIRATION_DATE)
    middle_name: Annotated[str | None, _wrap(rules.person_name, wire.MIDDLE_NAME)] = Field(None, alias=wire.MIDDLE_NAME)
    state_id: Annotated[str | None, _capped(rules.code_text, wire.STATE_ID)] = Field(None, alias=wire.STATE_ID)
    medical_id: Annotated[str | None, _capped(rules.code_text, wire.MEDICAL_ID)] = Field(None, alias=wire.MEDICAL_ID)
    recommendation_number: Annotated[str | None, _capped(rules.code_text, wire.RECOMMENDATION_NUMBER)] = Field(
        None, alias=wire.RECOMMENDATION_NUMBER
    )
    gender: Annotated[str, _wrap(_choice(wire.GENDERS), wire.GENDER, required=True)] = Field(alias=wire.GENDER)
    amount_limit: Annotated[Money, _wrap(rules.amount, wire.AMOUNT_LIMIT)] = Field(None, alias=wire.AMOUNT_LIMIT)
    physician_license: Annotated[str | None, _capped(rules.code_text, wire.PHYSICIAN_LICENSE)] = Field(
        None, alias=wire.PHYSICIAN_LICENSE
    )
    # Which values are allowed depends on the store's jurisdiction: checked in app.validation.
    type: Annotated[str, _wrap(rules.free_text, wire.TYPE, required=True)] = Field(alias=wire.TYPE)
    id_type: Annotated[str | None, _wrap(_choice(wire.ID_TYPES), wire.ID_TYPE)] = Field(None, alias=wire.ID_TYPE)
    referral_source: Annotated[str | None, _wrap(_choice(wire.REFERRAL_SOURCES), wire.REFERRAL_SOURCE)] = Field(
        None, alias=wire.REFERRAL_SOURCE
    )
    cell_phone: Annotated[str | None, _wrap(rules.phone_digits, wire.CELL_PHONE)] = Field(None, alias=wire.CELL_PHONE)
    home_phone: Annotated[str | None, _wrap(rules.phone_digits, wire.HOME_PHONE)] = Field(
        None, alias=wire.HOME_PHONE, deprecated="the vendor marks home_phone deprecated; use cell_phone"
    )
    work_phone: Annotated[str | None, _wrap(rules.phone_digits, wire.WORK_PHONE)] = Field(
        None, alias=wire.WORK_PHONE, deprecated="the vendor marks work_phone deprecated; use cell_phone"
    )
    address: Address | None = Field(None, alias=wire.ADDRESS)
    marketing_mail: Annotated[bool, _wrap(rules.flag, wire.MARKETING_MAIL)] = Field(False, alias=wire.MARKETING_MAIL)
    marketing_email: Annotated[bool, _wrap(rules.flag, wire.MARKETING_EMAIL)] = Field(False, alias=wire.MARKETING_EMAIL)
    marketing_sms: Annotated[bool, _wrap(rules.flag, wire.MARKETING_SMS)] = Field(False, alias=wire.MARKETING_SMS)
    marketing_calls: Annotated[bool, _wrap(rules.flag, wire.MARKETING_CALLS)] = Field(False, alias=wire.MARKETING_CALLS)
    manual_groups: Annotated[list[int], _wrap(rules.id_list, wire.MANUAL_GROUPS)] = Field(
        default_factory=list, alias=wire.MANUAL_GROUPS
    )
    documents: list[Document] | None = Field(None, alias=wire.DOCUMENTS)

    @model_validator(mode="before")
    @classmethod
    def _blank_address_is_none(cls, data: Any) -> Any:
        return without_blank_containers(data) if isinstance(data, dict) else data

    def to_body(self) -> dict[str, Any]:
        """The JSON body: wire names, empty optional fields left out, ``manual_groups`` always sent."""
        body = self.model_dump(mode="json", by_alias=True, exclude_none=True)
        body.setdefault(wire.MANUAL_GROUPS, [])
        return body


def without_blank_containers(data: Mapping[str, Any]) -> dict[str, Any]:
    """A blank or memberless address and a blank or empty document list are left out; blank ``manual_groups`` is ``[]``.

    Shared by the model and ``app.validation`` so a record checks the same field by field as whole.
    """
    data = dict(data)
    address = data.get(wire.ADDRESS)
    if isinstance(address, Mapping) and all(rules.is_blank(v) for v in address.values()):
        address = None
    if wire.ADDRESS in data and rules.is_blank(address):
        data[wire.ADDRESS] = None
    if wire.MANUAL_GROUPS in data and rules.is_blank(data[wire.MANUAL_GROUPS]):
        data[wire.MANUAL_GROUPS] = []
    if wire.DOCUMENTS in data and (data[wire.DOCUMENTS] == [] or rules.is_blank(data[wire.DOCUMENTS])):
        data[wire.DOCUMENTS] = None
    return data


DEPRECATED_FIELDS = frozenset(
    info.alias for info in CustomerCreate.model_fields.values() if info.deprecated and info.alias
)
