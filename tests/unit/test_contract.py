"""The pydantic model of the Create-customer body (``app.contract``)."""

from __future__ import annotations

from datetime import date

import pytest
from pydantic import ValidationError

from app import wire
from app.contract import DEPRECATED_FIELDS, ERROR_TYPE, CustomerCreate, without_blank_containers
from app.i18n import Message

REQUIRED = (
    wire.FIRST_NAME, wire.LAST_NAME, wire.DATE_OF_BIRTH, wire.HAS_MEDICAL_RECOMMENDATION, wire.GENDER, wire.TYPE,
)


def minimal() -> dict:
    return {
        wire.FIRST_NAME: "Ann",
        wire.LAST_NAME: "Lee",
        wire.DATE_OF_BIRTH: "1990-04-12",
        wire.HAS_MEDICAL_RECOMMENDATION: False,
        wire.GENDER: "female",
        wire.TYPE: "recreational",
    }


def errors_of(data: dict) -> list[dict]:
    with pytest.raises(ValidationError) as caught:
        CustomerCreate.model_validate(data)
    return caught.value.errors()


def test_required_fields_are_those_of_the_spec():
    required = {info.alias for info in CustomerCreate.model_fields.values() if info.is_required()}
    assert required == set(REQUIRED)


@pytest.mark.parametrize("name", REQUIRED)
def test_each_required_field_missing_is_reported_at_its_name(name):
    data = minimal()
    del data[name]
    assert [e["loc"] for e in errors_of(data)] == [(name,)]


@pytest.mark.parametrize("name", [wire.FIRST_NAME, wire.LAST_NAME, wire.GENDER, wire.TYPE, wire.DATE_OF_BIRTH])
@pytest.mark.parametrize("blank", ["", "   ", None])
def test_each_required_field_blank_is_required(name, blank):
    [error] = errors_of({**minimal(), name: blank})
    assert error["type"] == ERROR_TYPE and error["loc"] == (name,)
    assert isinstance(error["ctx"]["message"], Message)
    assert error["msg"].endswith("is required")


def test_minimal_body_omits_empty_optional_fields_but_sends_manual_groups():
    body = CustomerCreate.model_validate(minimal()).to_body()
    assert body == {
        **minimal(),
        wire.MARKETING_MAIL: False, wire.MARKETING_EMAIL: False, wire.MARKETING_SMS: False, wire.MARKETING_CALLS: False,
        wire.MANUAL_GROUPS: [],
    }


@pytest.mark.parametrize("name", [
    wire.PHONE, wire.EMAIL, wire.NICKNAME, wire.RECOMMENDATION_EXPIRATION_DATE, wire.MIDDLE_NAME, wire.STATE_ID,
    wire.MEDICAL_ID, wire.RECOMMENDATION_NUMBER, wire.AMOUNT_LIMIT, wire.PHYSICIAN_LICENSE, wire.ID_TYPE,
    wire.REFERRAL_SOURCE, wire.CELL_PHONE, wire.HOME_PHONE, wire.WORK_PHONE, wire.ADDRESS, wire.DOCUMENTS,
])
@pytest.mark.parametrize("empty", ["", "  ", None])
def test_empty_optional_fields_are_not_sent(name, empty):
    body = CustomerCreate.model_validate({**minimal(), name: empty}).to_body()
    assert name not in body
    assert "" not in body.values()


@pytest.mark.parametrize("empty", [None, [], ""])
def test_manual_groups_are_always_sent(empty):
    assert CustomerCreate.model_validate({**minimal(), wire.MANUAL_GROUPS: empty}).to_body()[wire.MANUAL_GROUPS] == []


def test_a_full_body_is_normalised_for_the_wire():
    data = {
        **minimal(),
        wire.FIRST_NAME: "  José   María ",
        wire.PHONE: "(555) 123-4567",
        wire.CELL_PHONE: "+1 555-123-4567",
        wire.EMAIL: " ann@Example.com ",
        wire.STATE_ID: " d1234567 ",
        wire.AMOUNT_LIMIT: "12.50",
        wire.RECOMMENDATION_EXPIRATION_DATE: "2030-01-31",
        wire.ID_TYPE: "passport",
        wire.REFERRAL_SOURCE: "friend",
        wire.ADDRESS: {wire.ADDRESS_LINE1: "1  Main St", wire.CITY: "Ottawa", wire.STATE: "on", wire.ZIP: "k1a0b1"},
        wire.MARKETING_SMS: "yes",
        wire.MANUAL_GROUPS: ["3", 1, 3],
        wire.DOCUMENTS: [{wire.DOC_FILE_ID: 7, wire.DOC_TYPE: "id"}],
    }
    body = CustomerCreate.model_validate(data).to_body()
    assert body[wire.FIRST_NAME] == "José María"
    assert body[wire.PHONE] == body[wire.CELL_PHONE] == "5551234567"
    assert body[wire.EMAIL] == "ann@example.com"
    assert body[wire.STATE_ID] == "D1234567"
    assert body[wire.AMOUNT_LIMIT] == 12.5 and isinstance(body[wire.AMOUNT_LIMIT], float)
    assert body[wire.DATE_OF_BIRTH] == "1990-04-12"
    assert body[wire.RECOMMENDATION_EXPIRATION_DATE] == "2030-01-31"
    assert body[wire.ADDRESS] == {wire.ADDRESS_LINE1: "1 Main St", wire.CITY: "Ottawa", wire.STATE: "ON",
                                  wire.ZIP: "K1A 0B1"}
    assert body[wire.MARKETING_SMS] is True
    assert body[wire.MANUAL_GROUPS] == [3, 1]
    assert body[wire.DOCUMENTS] == [{wire.DOC_FILE_ID: 7, wire.DOC_TYPE: "id"}]
    assert set(body) <= set(wire.BODY_FIELDS)


def test_body_keeps_the_order_of_the_spec():
    body = CustomerCreate.model_validate({**minimal(), wire.PHONE: "5551234567", wire.MANUAL_GROUPS: [1]}).to_body()
    order = [wire.BODY_FIELDS.index(name) for name in body]
    assert order == sorted(order)


@pytest.mark.parametrize(("where", "data"), [
    (("nickname_typo",), {"nickname_typo": "x"}),
    ((wire.ADDRESS, "street"), {wire.ADDRESS: {"street": "1 Main St"}}),
    ((wire.DOCUMENTS, 0, "field_id"), {wire.DOCUMENTS: [{wire.DOC_FILE_ID: 1, wire.DOC_TYPE: "id", "field_id": 1}]}),
])
def test_unknown_keys_are_refused_everywhere(where, data):
    errors = errors_of({**minimal(), **data})
    assert (where, "extra_forbidden") in [(e["loc"], e["type"]) for e in errors]


@pytest.mark.parametrize(("document", "loc"), [
    ({wire.DOC_FILE_ID: 0, wire.DOC_TYPE: "id"}, (wire.DOCUMENTS, 0, wire.DOC_FILE_ID)),
    ({wire.DOC_FILE_ID: True, wire.DOC_TYPE: "id"}, (wire.DOCUMENTS, 0, wire.DOC_FILE_ID)),
    ({wire.DOC_FILE_ID: "x", wire.DOC_TYPE: "id"}, (wire.DOCUMENTS, 0, wire.DOC_FILE_ID)),
    ({wire.DOC_TYPE: "id"}, (wire.DOCUMENTS, 0, wire.DOC_FILE_ID)),
    ({wire.DOC_FILE_ID: 3, wire.DOC_TYPE: "selfie"}, (wire.DOCUMENTS, 0, wire.DOC_TYPE)),
    ({wire.DOC_FILE_ID: 3}, (wire.DOCUMENTS, 0, wire.DOC_TYPE)),
])
def test_document_members(document, loc):
    assert [e["loc"] for e in errors_of({**minimal(), wire.DOCUMENTS: [document]})] == [loc]


@pytest.mark.parametrize("file_id", [1, "12", 12.0])
def test_document_file_id_accepts_whole_numbers(file_id):
    data = {**minimal(), wire.DOCUMENTS: [{wire.DOC_FILE_ID: file_id, wire.DOC_TYPE: "medical_document"}]}
    [document] = CustomerCreate.model_validate(data).to_body()[wire.DOCUMENTS]
    assert document == {wire.DOC_FILE_ID: int(float(file_id)), wire.DOC_TYPE: "medical_document"}


def test_deprecated_fields_are_accepted_and_marked():
    assert DEPRECATED_FIELDS == wire.DEPRECATED_FIELDS == {wire.HOME_PHONE, wire.WORK_PHONE}
    body = CustomerCreate.model_validate(
        {**minimal(), wire.HOME_PHONE: "555-123-4567", wire.WORK_PHONE: "(555) 765-4321"}
    ).to_body()
    assert body[wire.HOME_PHONE] == "5551234567" and body[wire.WORK_PHONE] == "5557654321"


def test_the_model_is_frozen_and_reads_names_or_aliases():
    customer = CustomerCreate.model_validate(minimal())
    assert customer.date_of_birth == date(1990, 4, 12)
    with pytest.raises(ValidationError):
        customer.first_name = "Bob"


@pytest.mark.parametrize(("data", "expected"), [
    ({wire.ADDRESS: {wire.CITY: "", wire.ZIP: "  "}}, {wire.ADDRESS: None}),
    ({wire.ADDRESS: {}}, {wire.ADDRESS: None}),
    ({wire.ADDRESS: {wire.CITY: "Ottawa"}}, {wire.ADDRESS: {wire.CITY: "Ottawa"}}),
    ({wire.MANUAL_GROUPS: None}, {wire.MANUAL_GROUPS: []}),
    ({wire.MANUAL_GROUPS: " "}, {wire.MANUAL_GROUPS: []}),
    ({wire.MANUAL_GROUPS: [1]}, {wire.MANUAL_GROUPS: [1]}),
    ({wire.DOCUMENTS: []}, {wire.DOCUMENTS: None}),
    ({}, {}),
])
def test_without_blank_containers(data, expected):
    original = {k: (dict(v) if isinstance(v, dict) else v) for k, v in data.items()}
    assert without_blank_containers(data) == expected
    assert data == original  # the caller's record is left alone
