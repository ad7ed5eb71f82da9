"""Validation of whole intake records (``app.validation``): field rules seen through the one entry point,
the store's jurisdiction policy, the proposed type, the body that is sent, and messages a clerk can read."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app import policy, wire
from app.fields import ID_EXPIRATION_DATE
from app.i18n import Message
from app.validation import (
    FORM,
    RecordInvalid,
    ValidationContext,
    as_plain,
    build_body,
    deprecated_fields,
    proposed_type,
    validate_field,
    validate_record,
)

TODAY = date(2024, 6, 1)
PYDANTIC_WORDING = ("Input should", "Value error", "String should", "value_error", "Field required", "pydantic",
                    "type=", "validation error")
A = wire.ADDRESS + "."


def record(**changes) -> dict:
    """A valid Californian recreational customer, aged 34 on TODAY."""
    data = {
        wire.FIRST_NAME: "Ann",
        wire.LAST_NAME: "Lee",
        wire.DATE_OF_BIRTH: "1990-04-12",
        wire.HAS_MEDICAL_RECOMMENDATION: False,
        wire.GENDER: "female",
        wire.TYPE: "recreational",
        wire.MANUAL_GROUPS: [],
    }
    data.update(changes)
    return data


def ctx(jurisdiction: str = "CA", **kw) -> ValidationContext:
    return ValidationContext(jurisdiction=jurisdiction, today=kw.pop("today", TODAY), **kw)


def born(years_ago: int, days: int = 0, today: date = TODAY) -> str:
    """The date of birth of someone who turns ``years_ago`` ``days`` days from today (negative: days ago)."""
    birthday = today.replace(year=today.year - years_ago)
    return date.fromordinal(birthday.toordinal() + days).isoformat()


def assert_human(errors: dict) -> None:
    for name, messages in errors.items():
        assert isinstance(name, str) and messages
        for message in messages:
            assert isinstance(message, Message) and isinstance(message, str) and message.strip()
            for words in PYDANTIC_WORDING:
                assert words not in message, (name, message)


def only_error(rec, name, context=None) -> str:
    errors = validate_record(rec, context or ctx())
    assert_human(errors)
    assert list(errors) == [name], errors
    return " ".join(errors[name])


def test_a_valid_record_has_no_errors_and_builds_a_body():
    assert validate_record(record(), ctx()) == {}
    body = build_body(record(), ctx())
    assert body[wire.FIRST_NAME] == "Ann" and body[wire.TYPE] == "recreational"


# --- required fields --------------------------------------------------------------------------


@pytest.mark.parametrize("name", [wire.FIRST_NAME, wire.LAST_NAME, wire.DATE_OF_BIRTH, wire.HAS_MEDICAL_RECOMMENDATION,
                                  wire.GENDER])
@pytest.mark.parametrize("how", ["missing", "", "   ", None])
def test_required_fields(name, how):
    rec = record()
    if how == "missing":
        del rec[name]
    else:
        rec[name] = how
    assert only_error(rec, name).endswith("is required")


def test_manual_groups_may_be_left_out_and_are_still_sent():
    rec = record()
    del rec[wire.MANUAL_GROUPS]
    assert validate_record(rec, ctx()) == {}
    assert build_body(rec, ctx())[wire.MANUAL_GROUPS] == []


# --- one table for the field rules, seen through validate_record --------------------------------

# (field, value, sent value or None when refused, words of the message when refused)
FIELD_CASES = [
    (wire.FIRST_NAME, "Zoë", "Zoë", None),
    (wire.FIRST_NAME, "José María", "José María", None),
    (wire.LAST_NAME, "O'Brien", "O'Brien", None),
    (wire.LAST_NAME, "Smith-Jones", "Smith-Jones", None),
    (wire.LAST_NAME, "  Smith   Jones ", "Smith Jones", None),
    (wire.MIDDLE_NAME, "Marie-Ève", "Marie-Ève", None),
    (wire.FIRST_NAME, "Ann2", None, "only letters"),
    (wire.LAST_NAME, "Lee$", None, "only letters"),
    (wire.MIDDLE_NAME, "#1", None, "only letters"),
    (wire.NICKNAME, "  Annie  B ", "Annie B", None),
    (wire.DATE_OF_BIRTH, "1992-02-29", "1992-02-29", None),
    (wire.DATE_OF_BIRTH, "1990-02-29", None, "real date"),
    (wire.DATE_OF_BIRTH, "2023-02-30", None, "real date"),
    (wire.DATE_OF_BIRTH, "2023-13-01", None, "real date"),
    (wire.DATE_OF_BIRTH, "1990/04/12", None, "real date"),
    (wire.RECOMMENDATION_EXPIRATION_DATE, "2030-02-30", None, "real date"),
    (wire.STATE_ID, "D" * 30, "D" * 30, None),
    (wire.STATE_ID, "D" * 31, None, "at most 30"),
    (wire.MEDICAL_ID, "m" * 30, "M" * 30, None),
    (wire.MEDICAL_ID, "M" * 31, None, "at most 30"),
    (wire.RECOMMENDATION_NUMBER, "R" * 31, None, "at most 30"),
    (wire.PHYSICIAN_LICENSE, "P" * 20, "P" * 20, None),
    (wire.PHYSICIAN_LICENSE, "P" * 21, None, "at most 20"),
    (wire.PHONE, "(555) 123-4567", "5551234567", None),
    (wire.PHONE, "+1 555-123-4567", "5551234567", None),
    (wire.CELL_PHONE, "555.123.4567", "5551234567", None),
    (wire.CELL_PHONE, "555123456", None, "10 digits"),
    (wire.CELL_PHONE, "555123456789", None, "10 digits"),
    (wire.PHONE, "555-ABC-4567", None, "phone number"),
    (wire.HOME_PHONE, "(555) 123-4567", "5551234567", None),
    (wire.WORK_PHONE, "555 123 456", None, "10 digits"),
    (wire.EMAIL, "ann@example.com", "ann@example.com", None),
    (wire.EMAIL, "ann@", None, "name@example.com"),
    (wire.EMAIL, "ann example.com", None, "name@example.com"),
    (wire.AMOUNT_LIMIT, "12", 12.0, None),
    (wire.AMOUNT_LIMIT, "12.5", 12.5, None),
    (wire.AMOUNT_LIMIT, "12.50", 12.5, None),
    (wire.AMOUNT_LIMIT, 12.5, 12.5, None),
    (wire.AMOUNT_LIMIT, "1 000", None, "spaces"),
    (wire.AMOUNT_LIMIT, "12.345", None, "2 digits"),
    (wire.AMOUNT_LIMIT, "-1", None, "negative"),
    (wire.AMOUNT_LIMIT, "abc", None, "number"),
    (wire.AMOUNT_LIMIT, "NaN", None, "number"),
    (wire.AMOUNT_LIMIT, "Infinity", None, "number"),
    (wire.GENDER, "male", "male", None),
    (wire.GENDER, "unspecified", "unspecified", None),
    (wire.GENDER, "M", None, "from the list"),
    (wire.ID_TYPE, "military_id", "military_id", None),
    (wire.ID_TYPE, "library_card", None, "from the list"),
    (wire.REFERRAL_SOURCE, "walk_in", "walk_in", None),
    (wire.REFERRAL_SOURCE, "billboard", None, "from the list"),
    (wire.MARKETING_EMAIL, "yes", True, None),
    (wire.MARKETING_CALLS, "perhaps", None, "yes or no"),
    (wire.MANUAL_GROUPS, [2, 1, 2], [2, 1], None),
    (wire.MANUAL_GROUPS, ["4", 5], [4, 5], None),
    (wire.MANUAL_GROUPS, [True], None, "group numbers"),
    (wire.MANUAL_GROUPS, [0], None, "group numbers"),
    (wire.MANUAL_GROUPS, "1,2", None, "group numbers"),
    (wire.DOCUMENTS, [{wire.DOC_FILE_ID: 4, wire.DOC_TYPE: "id"}], [{wire.DOC_FILE_ID: 4, wire.DOC_TYPE: "id"}], None),
]


@pytest.mark.parametrize(("name", "value", "sent", "words"), FIELD_CASES)
def test_field_rules(name, value, sent, words):
    rec = record(**{name: value})
    if words is None:
        assert validate_record(rec, ctx(policy=False)) == {}
        assert build_body(rec, ctx(policy=False))[name] == sent
    else:
        assert words in only_error(rec, name, ctx(policy=False))
        assert words in " ".join(validate_field(name, rec, ctx(policy=False)))
        with pytest.raises(RecordInvalid) as caught:
            build_body(rec, ctx(policy=False))
        assert name in caught.value.errors


@pytest.mark.parametrize("name", [
    wire.PHONE, wire.EMAIL, wire.NICKNAME, wire.MIDDLE_NAME, wire.STATE_ID, wire.MEDICAL_ID,
    wire.RECOMMENDATION_NUMBER, wire.AMOUNT_LIMIT, wire.PHYSICIAN_LICENSE, wire.ID_TYPE, wire.REFERRAL_SOURCE,
    wire.CELL_PHONE, wire.HOME_PHONE, wire.WORK_PHONE, wire.RECOMMENDATION_EXPIRATION_DATE, wire.ADDRESS,
    wire.DOCUMENTS,
])
@pytest.mark.parametrize("empty", ["", "  ", None])
def test_empty_optional_fields_are_omitted_from_the_body(name, empty):
    rec = record(**{name: empty})
    assert validate_record(rec, ctx()) == {}
    body = build_body(rec, ctx())
    assert name not in body
    assert all(value != "" for value in body.values())


def test_unknown_top_level_key_is_refused_clearly():
    message = only_error(record(customer_name="Ann"), "customer_name")
    assert message == "'customer_name' is not a field of the Create-customer request"


def test_deprecated_phones_are_accepted_and_reported():
    rec = record(**{wire.HOME_PHONE: "555-123-4567", wire.WORK_PHONE: "", wire.CELL_PHONE: "5551234567"})
    assert validate_record(rec, ctx()) == {}
    assert deprecated_fields(rec) == [wire.HOME_PHONE]
    assert deprecated_fields(record(**{wire.WORK_PHONE: "5551234567", wire.HOME_PHONE: "5551234567"})) == [
        wire.WORK_PHONE, wire.HOME_PHONE]
    assert deprecated_fields(record()) == []
    assert deprecated_fields(["not", "a", "record"]) == []


# --- address --------------------------------------------------------------------------------


def address(**members) -> dict:
    data = {wire.ADDRESS_LINE1: "1 Main St", wire.CITY: "Los Angeles", wire.STATE: "CA", wire.ZIP: "90210"}
    data.update(members)
    return {k: v for k, v in data.items() if v is not ...}


@pytest.mark.parametrize(("members", "sent"), [
    ({}, {wire.ZIP: "90210", wire.COUNTRY: "US"}),
    ({wire.ZIP: "12345-6789"}, {wire.ZIP: "12345-6789"}),
    ({wire.ZIP: "123456789"}, {wire.ZIP: "12345-6789"}),
    ({wire.STATE: "on", wire.ZIP: "k1a0b1", wire.CITY: "Ottawa"}, {wire.STATE: "ON", wire.ZIP: "K1A 0B1",
                                                                  wire.COUNTRY: "CA"}),
    ({wire.STATE: "QC", wire.ZIP: "H2X 1Y4", wire.COUNTRY: "CA"}, {wire.COUNTRY: "CA"}),
    ({wire.ADDRESS_LINE2: "Apt 4"}, {wire.ADDRESS_LINE2: "Apt 4"}),
    ({wire.ADDRESS_LINE2: ""}, {wire.ADDRESS_LINE2: ...}),
])
def test_address_normalised(members, sent):
    rec = record(**{wire.ADDRESS: address(**members)})
    assert validate_record(rec, ctx()) == {}
    body = build_body(rec, ctx())[wire.ADDRESS]
    for member, value in sent.items():
        if value is ...:
            assert member not in body
        else:
            assert body[member] == value


@pytest.mark.parametrize(("members", "name", "words"), [
    ({wire.ADDRESS_LINE1: ""}, A + wire.ADDRESS_LINE1, "needed for the address"),
    ({wire.CITY: ...}, A + wire.CITY, "needed for the address"),
    ({wire.STATE: " "}, A + wire.STATE, "needed for the address"),
    ({wire.ZIP: None}, A + wire.ZIP, "needed for the address"),
    ({wire.STATE: "ZZ"}, A + wire.STATE, "two-letter state or province"),
    ({wire.COUNTRY: "MX"}, A + wire.COUNTRY, "from the list"),
    ({wire.ZIP: "1234"}, A + wire.ZIP, "ZIP"),
    ({wire.COUNTRY: "CA"}, A + wire.STATE, "not a state or province of Canada"),
    ({wire.STATE: "ON", wire.ZIP: "K1A 0B1", wire.COUNTRY: "US"}, A + wire.STATE, "not a state or province of"),
    ({wire.STATE: "ON", wire.ZIP: "90210"}, A + wire.ZIP, "Canadian postal code"),
    ({wire.STATE: "NY", wire.ZIP: "K1A 0B1"}, A + wire.ZIP, "US ZIP"),
    ({"street": "1 Main St"}, A + "street", "not a field"),
])
def test_address_problems(members, name, words):
    errors = validate_record(record(**{wire.ADDRESS: address(**members)}), ctx())
    assert_human(errors)
    assert name in errors and words in " ".join(errors[name]), errors
    assert all(key.startswith(A) for key in errors)


@pytest.mark.parametrize("blank", [{}, {wire.ADDRESS_LINE1: "", wire.CITY: "  ", wire.STATE: None, wire.ZIP: ""}, ""])
def test_a_blank_address_is_left_out(blank):
    rec = record(**{wire.ADDRESS: blank})
    assert validate_record(rec, ctx()) == {}
    assert wire.ADDRESS not in build_body(rec, ctx())


def test_a_partial_address_needs_street_city_state_and_zip():
    errors = validate_record(record(**{wire.ADDRESS: {wire.CITY: "Los Angeles"}}), ctx())
    assert set(errors) == {A + wire.ADDRESS_LINE1, A + wire.STATE, A + wire.ZIP}


def test_an_address_that_is_not_an_object():
    assert "group of fields" in only_error(record(**{wire.ADDRESS: "1 Main St"}), wire.ADDRESS)


# --- documents ------------------------------------------------------------------------------


@pytest.mark.parametrize(("documents", "name", "words"), [
    ([{wire.DOC_FILE_ID: 3, wire.DOC_TYPE: "selfie"}], "documents.0.type", "from the list"),
    ([{wire.DOC_FILE_ID: 3, wire.DOC_TYPE: "id"}, {wire.DOC_FILE_ID: 4}], "documents.1.type", "required"),
    ([{wire.DOC_FILE_ID: "x", wire.DOC_TYPE: "id"}], "documents.0.file_id", "positive whole number"),
    ([{wire.DOC_FILE_ID: -2, wire.DOC_TYPE: "id"}], "documents.0.file_id", "positive whole number"),
    ([{wire.DOC_FILE_ID: True, wire.DOC_TYPE: "id"}], "documents.0.file_id", "positive whole number"),
    ([{wire.DOC_TYPE: "id"}], "documents.0.file_id", "required"),
    ([{wire.DOC_FILE_ID: 3, wire.DOC_TYPE: "id", "field_id": 3}], "documents.0.field_id", "not a field"),
    ("scan.jpg", wire.DOCUMENTS, "must be a list"),
])
def test_document_problems(documents, name, words):
    assert words in only_error(record(**{wire.DOCUMENTS: documents}), name)


# --- the store's jurisdiction ---------------------------------------------------------------

ALL_CODES = sorted(policy.load_policy().jurisdictions)


def medical_facts(customer_type: str) -> dict:
    """What a customer of this type needs besides the type itself."""
    if customer_type == "recreational":
        return {}
    return {wire.MEDICAL_ID: "MED123", wire.HAS_MEDICAL_RECOMMENDATION: True,
            wire.RECOMMENDATION_EXPIRATION_DATE: "2025-01-01"}


def test_all_69_jurisdictions_are_known():
    assert len(ALL_CODES) == 69


@pytest.mark.parametrize("code", ALL_CODES)
def test_every_allowed_type_validates_in_its_jurisdiction(code):
    for customer_type in policy.allowed_types(code):
        age = 12 if customer_type.endswith("minor") else 30
        rec = record(**{wire.TYPE: customer_type, wire.DATE_OF_BIRTH: born(age, -10)}, **medical_facts(customer_type))
        assert validate_record(rec, ctx(code)) == {}, (code, customer_type)
    other = {"CA": "medical", "OK": "recreational"}.get(code, "medical_with_rec")
    assert "Choose a customer type allowed in" in only_error(record(**{wire.TYPE: other}, **medical_facts(other)),
                                                                wire.TYPE, ctx(code))


@pytest.mark.parametrize("code", ["XX", "", "Ontario"])
def test_an_unknown_jurisdiction_is_a_form_error(code):
    errors = validate_record(record(), ctx(code))
    assert list(errors) == [FORM]
    assert "is not a jurisdiction this station knows" in errors[FORM][0]
    with pytest.raises(RecordInvalid):
        build_body(record(), ctx(code))


@pytest.mark.parametrize(("code", "customer_type", "min_age"), [
    ("CA", "recreational", 21), ("NY", "recreational", 21), ("PR", "recreational", 21),
    ("ON", "recreational", 19), ("BC", "recreational", 19), ("AB", "recreational", 18), ("QC", "recreational", 21),
    ("CA", "medical_with_rec", 18), ("CA", "medical_with_state_card", 18), ("CO", "medical", 18),
    ("OR", "caregiver", 18), ("ME", "medical", 18), ("OK", "adult", 18), ("OK", "temporary_adult", 18),
])
def test_minimum_age_edges(code, customer_type, min_age):
    facts = medical_facts(customer_type)
    on_birthday = record(**{wire.TYPE: customer_type, wire.DATE_OF_BIRTH: born(min_age)}, **facts)
    assert validate_record(on_birthday, ctx(code)) == {}  # the birthday today counts as the new age
    day_before = record(**{wire.TYPE: customer_type, wire.DATE_OF_BIRTH: born(min_age, 1)}, **facts)
    errors = validate_record(day_before, ctx(code))
    assert_human(errors)
    message = " ".join(errors.get(wire.TYPE, []) + errors.get(wire.DATE_OF_BIRTH, []))
    assert f"at least {min_age}" in message and f"is {min_age - 1}" in message, errors


@pytest.mark.parametrize("customer_type", ["minor", "temporary_minor"])
def test_oklahoma_minor_types_only_under_18(customer_type):
    facts = medical_facts(customer_type)
    young = record(**{wire.TYPE: customer_type, wire.DATE_OF_BIRTH: born(18, 1)}, **facts)
    assert validate_record(young, ctx("OK")) == {}
    grown = record(**{wire.TYPE: customer_type, wire.DATE_OF_BIRTH: born(18)}, **facts)
    assert "only for customers under 18" in only_error(grown, wire.TYPE, ctx("OK"))


def test_under_the_youngest_age_of_any_type_is_a_date_of_birth_error():
    assert "at least 18" in only_error(record(**{wire.DATE_OF_BIRTH: born(17)}), wire.DATE_OF_BIRTH)
    assert "at least 18" in only_error(record(**{wire.DATE_OF_BIRTH: born(17)}), wire.DATE_OF_BIRTH, ctx("AB"))


@pytest.mark.parametrize(("dob", "today", "of_age"), [
    ("2003-03-01", date(2024, 3, 1), True),
    ("2003-03-02", date(2024, 3, 1), False),
    ("2000-02-29", date(2021, 2, 28), False),  # 29 February births come of age on 1 March in common years
    ("2000-02-29", date(2021, 3, 1), True),
])
def test_age_edges_through_validation(dob, today, of_age):
    errors = validate_record(record(**{wire.DATE_OF_BIRTH: dob}), ctx(today=today))
    assert (errors == {}) is of_age, errors


@pytest.mark.parametrize(("dob", "today", "words"), [
    ("2024-06-02", TODAY, "cannot be in the future"),
    ("1904-05-31", TODAY, "more than 120 years ago"),
    ("1900-01-01", TODAY, "more than 120 years ago"),
    ("1904-02-29", date(2024, 3, 1), "more than 120 years ago"),
])
def test_impossible_dates_of_birth(dob, today, words):
    assert words in only_error(record(**{wire.DATE_OF_BIRTH: dob}), wire.DATE_OF_BIRTH, ctx(today=today))


@pytest.mark.parametrize(("dob", "today"), [("1904-06-01", TODAY), ("1904-02-29", date(2024, 2, 29))])
def test_exactly_120_years_ago_is_accepted(dob, today):
    assert validate_record(record(**{wire.DATE_OF_BIRTH: dob}), ctx(today=today)) == {}


# --- medical requirements, recommendation and ID expiry -----------------------------------------


@pytest.mark.parametrize(("code", "customer_type", "name", "words"), [
    ("CO", "medical", wire.MEDICAL_ID, "needs a medical ID or a recommendation"),
    ("OR", "caregiver", wire.MEDICAL_ID, "needs a medical ID or a recommendation"),
    ("OK", "adult", wire.MEDICAL_ID, "needs a medical ID or a recommendation"),
    ("CA", "medical_with_state_card", wire.MEDICAL_ID, "needs a medical ID"),
    ("CA", "medical_with_rec", wire.HAS_MEDICAL_RECOMMENDATION, "needs a medical recommendation"),
])
def test_a_medical_type_needs_a_medical_id_or_recommendation(code, customer_type, name, words):
    assert words in only_error(record(**{wire.TYPE: customer_type}), name, ctx(code))


@pytest.mark.parametrize("facts", [
    {wire.MEDICAL_ID: "MED1"},
    {wire.RECOMMENDATION_NUMBER: "R1"},
    {wire.HAS_MEDICAL_RECOMMENDATION: True, wire.RECOMMENDATION_EXPIRATION_DATE: "2024-06-01"},
])
def test_either_a_medical_id_or_a_recommendation_is_enough(facts):
    assert validate_record(record(**{wire.TYPE: "medical"}, **facts), ctx("CO")) == {}


def test_medical_with_state_card_does_not_take_a_recommendation_instead():
    rec = record(**{wire.TYPE: "medical_with_state_card", wire.RECOMMENDATION_NUMBER: "R1"})
    assert "needs a medical ID" in only_error(rec, wire.MEDICAL_ID)


def test_an_expired_recommendation_blocks():
    rec = record(**{wire.TYPE: "medical_with_rec", wire.HAS_MEDICAL_RECOMMENDATION: True,
                    wire.RECOMMENDATION_EXPIRATION_DATE: "2024-05-31"})
    message = only_error(rec, wire.RECOMMENDATION_EXPIRATION_DATE)
    assert "expired on 2024-05-31" in message
    with pytest.raises(RecordInvalid):
        build_body(rec, ctx())


def test_a_recommendation_without_its_expiry_date():
    rec = record(**{wire.TYPE: "medical_with_rec", wire.HAS_MEDICAL_RECOMMENDATION: True})
    assert "date the recommendation expires" in only_error(rec, wire.RECOMMENDATION_EXPIRATION_DATE)


@pytest.mark.parametrize(("expiry", "words"), [("2024-05-31", "expired on 2024-05-31"), ("31/05/2024", "real date")])
def test_id_expiration_date_is_checked_and_blocks(expiry, words):
    assert words in only_error(record(**{ID_EXPIRATION_DATE: expiry}), ID_EXPIRATION_DATE)


@pytest.mark.parametrize("expiry", ["2024-06-01", "2030-01-01", "", None])
def test_id_expiration_date_is_local_and_never_sent(expiry):
    rec = record(**{ID_EXPIRATION_DATE: expiry})
    assert validate_record(rec, ctx()) == {}
    assert ID_EXPIRATION_DATE not in build_body(rec, ctx())


def test_without_policy_only_the_contract_and_the_type_set_are_checked():
    young = record(**{wire.DATE_OF_BIRTH: born(10), wire.TYPE: "medical_with_rec", ID_EXPIRATION_DATE: "2000-01-01"})
    assert validate_record(young, ctx(policy=False)) == {}
    assert wire.TYPE in validate_record(record(**{wire.TYPE: "caregiver"}), ctx(policy=False))


# --- the proposed type and the clerk's choice ---------------------------------------------------


@pytest.mark.parametrize(("code", "facts", "expected"), [
    ("CA", {}, "recreational"),
    ("CA", {wire.MEDICAL_ID: "M1"}, "medical_with_state_card"),
    ("CA", {wire.HAS_MEDICAL_RECOMMENDATION: True}, "medical_with_rec"),
    ("CA", {wire.HAS_MEDICAL_RECOMMENDATION: "TRUE"}, "medical_with_rec"),
    ("CA", {wire.RECOMMENDATION_NUMBER: "R1"}, "medical_with_rec"),
    ("CA", {wire.MEDICAL_ID: "M1", wire.HAS_MEDICAL_RECOMMENDATION: True}, "medical_with_state_card"),
    ("CA", {wire.MEDICAL_ID: "  "}, "recreational"),
    ("NY", {wire.MEDICAL_ID: "M1"}, "medical"),
    ("OR", {wire.HAS_MEDICAL_RECOMMENDATION: "yes"}, "medical"),
    ("ON", {}, "recreational"),
    ("OK", {wire.DATE_OF_BIRTH: born(17)}, "minor"),
    ("OK", {wire.DATE_OF_BIRTH: born(18)}, "adult"),
    ("OK", {wire.DATE_OF_BIRTH: "not a date"}, "adult"),
    ("XX", {}, None),
])
def test_proposed_type(code, facts, expected):
    assert proposed_type(record(**facts), ctx(code)) == expected


def test_the_proposed_type_fills_a_blank_type():
    rec = record(**{wire.TYPE: "", wire.MEDICAL_ID: "M1"})
    assert validate_record(rec, ctx()) == {}
    assert build_body(rec, ctx())[wire.TYPE] == "medical_with_state_card"
    missing = record(**{wire.MEDICAL_ID: "M1"})
    del missing[wire.TYPE]
    assert build_body(missing, ctx())[wire.TYPE] == "medical_with_state_card"


def test_the_clerks_choice_is_kept_when_chosen_and_replaced_when_not():
    rec = record(**{wire.TYPE: "recreational", wire.MEDICAL_ID: "M1"})
    assert build_body(rec, ctx(type_chosen=True))[wire.TYPE] == "recreational"
    assert build_body(rec, ctx(type_chosen=False))[wire.TYPE] == "medical_with_state_card"


def test_oklahoma_proposes_minor_or_adult_by_age():
    minor = record(**{wire.TYPE: "", wire.DATE_OF_BIRTH: born(16), wire.MEDICAL_ID: "M1"})
    assert build_body(minor, ctx("OK"))[wire.TYPE] == "minor"
    adult = record(**{wire.TYPE: "", wire.DATE_OF_BIRTH: born(40), wire.MEDICAL_ID: "M1"})
    assert build_body(adult, ctx("OK"))[wire.TYPE] == "adult"


# --- validate_field and what it reports ----------------------------------------------------------


def test_validate_field_reports_only_that_field():
    rec = record(**{wire.PHONE: "12", wire.EMAIL: "nope", wire.ADDRESS: address(**{wire.ZIP: "1"})})
    assert "10 digits" in " ".join(validate_field(wire.PHONE, rec, ctx()))
    assert "name@example.com" in " ".join(validate_field(wire.EMAIL, rec, ctx()))
    assert validate_field(A + wire.ZIP, rec, ctx())
    assert validate_field(wire.FIRST_NAME, rec, ctx()) == []
    assert validate_field(A + wire.CITY, rec, ctx()) == []


def test_as_plain_gives_plain_strings():
    plain = as_plain(validate_record(record(**{wire.PHONE: "12"}), ctx()))
    assert plain == {wire.PHONE: ["Phone must have 10 digits, like (555) 123-4567"]}
    assert type(plain[wire.PHONE][0]) is str


def test_record_invalid_carries_the_errors():
    with pytest.raises(RecordInvalid) as caught:
        build_body(record(**{wire.PHONE: "12"}), ctx())
    assert list(caught.value.errors) == [wire.PHONE]
    assert "Phone must have 10 digits" in str(caught.value)


@pytest.mark.parametrize("value", [None, [], "text", 3, [record()]])
def test_a_record_that_is_not_an_object(value):
    errors = validate_record(value, ctx())
    assert list(errors) == [FORM]
    assert_human(errors)
    with pytest.raises(RecordInvalid):
        build_body(value, ctx())


def test_messages_are_human_across_every_kind_of_mistake():
    bad = {
        wire.FIRST_NAME: 5, wire.LAST_NAME: ["Lee"], wire.DATE_OF_BIRTH: 19900412, wire.PHONE: {"n": 1},
        wire.EMAIL: 3.5, wire.NICKNAME: "x" * 200, wire.HAS_MEDICAL_RECOMMENDATION: "maybe",
        wire.RECOMMENDATION_EXPIRATION_DATE: [], wire.MIDDLE_NAME: True, wire.STATE_ID: {}, wire.MEDICAL_ID: [1],
        wire.RECOMMENDATION_NUMBER: "a b", wire.GENDER: None, wire.AMOUNT_LIMIT: {}, wire.PHYSICIAN_LICENSE: [],
        wire.TYPE: 7, wire.ID_TYPE: 1, wire.REFERRAL_SOURCE: [], wire.CELL_PHONE: True, wire.HOME_PHONE: 1.5,
        wire.WORK_PHONE: [], wire.ADDRESS: [1], wire.MARKETING_MAIL: "sure", wire.MARKETING_EMAIL: None,
        wire.MARKETING_SMS: 2, wire.MARKETING_CALLS: [], wire.MANUAL_GROUPS: {"a": 1},
        wire.DOCUMENTS: [None, 3, {wire.DOC_FILE_ID: 1e300, wire.DOC_TYPE: {}}, {wire.DOC_FILE_ID: [], "x": 1}],
        "extra": 1, ID_EXPIRATION_DATE: 5,
    }
    errors = validate_record(bad, ctx())
    assert_human(errors)
    assert len(errors) >= 25


# --- properties: never raise anything but RecordInvalid, messages always readable -----------------

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=12),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
    max_leaves=6,
)
names = st.sampled_from([*wire.BODY_FIELDS, ID_EXPIRATION_DATE, "unknown", ""])
contexts = st.builds(
    ValidationContext,
    jurisdiction=st.sampled_from(["CA", "OK", "OR", "ON", "AB", "on", "XX", ""]),
    today=st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 1, 1)),
    policy=st.booleans(),
    type_chosen=st.booleans(),
)
quick = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def check_everything(rec, context) -> None:
    errors = validate_record(rec, context)
    assert_human(errors)
    for name in [*errors, wire.FIRST_NAME]:
        assert validate_field(name, rec, context) == errors.get(name, [])
    try:
        body = build_body(rec, context)
    except RecordInvalid as exc:
        assert exc.errors
        assert_human(exc.errors)
    else:
        assert not errors
        # what is sent validates again to itself
        assert build_body(body, ValidationContext(context.jurisdiction, context.today, context.policy)) == body
    deprecated_fields(rec)


@quick
@given(st.dictionaries(names, json_values, max_size=8), contexts)
def test_arbitrary_records_never_crash(rec, context):
    check_everything(rec, context)


@quick
@given(names, json_values, contexts)
def test_one_arbitrary_field_in_a_valid_record_never_crashes(name, value, context):
    check_everything(record(**{name: value}), context)


@quick
@given(st.sampled_from([wire.ADDRESS, wire.DOCUMENTS]), json_values, contexts)
def test_arbitrary_members_never_crash(name, value, context):
    members = {wire.ADDRESS: address(**{wire.ZIP: value}), wire.DOCUMENTS: [{wire.DOC_FILE_ID: value,
                                                                            wire.DOC_TYPE: value}]}
    check_everything(record(**{name: members[name]}), context)


@quick
@given(json_values.filter(lambda v: not isinstance(v, dict)), contexts)
def test_non_objects_never_crash(value, context):
    check_everything(value, context)
