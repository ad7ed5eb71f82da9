"""What an update of a POS customer sends: only the changed fields, checked by the create's rules
against the customer as it will be, normalised as a create's would be."""

from __future__ import annotations

from app import wire
from app.updates import UPDATABLE_FIELDS, UpdateProblem, build_changes, changed_fields, validate_changes
from app.validation import FORM, ValidationContext
from tests.support.bodies import customer_body

CTX = ValidationContext(jurisdiction="CA")
POS_RECORD = {**customer_body(), wire.RESP_ID: 7, wire.RESP_STATUS: "verified", wire.RESP_CREATED_AT: "2026-01-02"}


def test_only_changed_fields_are_sent_and_blanks_clear():
    after = {**customer_body(), wire.PHONE: "4155550123", wire.NICKNAME: ""}
    before = {**customer_body(), wire.NICKNAME: "Addy"}
    assert changed_fields(before, after) == {wire.PHONE: "4155550123", wire.NICKNAME: None}
    assert changed_fields(before, before) == {}


def test_changes_are_normalised_like_a_create():
    body = build_changes({wire.PHONE: "(415) 555-0123", wire.STATE_ID: "ｄ１２３４５６７"}, CTX, POS_RECORD)
    assert body == {wire.PHONE: "4155550123", wire.STATE_ID: "D1234567"}


def test_a_change_is_checked_against_the_customer_as_it_will_be():
    # A new birth date makes the customer too young for the type the POS holds (21+ in California).
    errors = validate_changes({wire.DATE_OF_BIRTH: "2007-01-01"}, CTX, POS_RECORD)
    assert errors and set(errors) - {wire.DATE_OF_BIRTH} <= {wire.TYPE, FORM}
    assert validate_changes({wire.DATE_OF_BIRTH: "1971-01-01"}, CTX, POS_RECORD) == {}


def test_problems_of_untouched_fields_are_not_the_clerks():
    odd = {**POS_RECORD, wire.EMAIL: "not an email"}
    assert validate_changes({wire.PHONE: "4155550123"}, CTX, odd) == {}
    assert build_changes({wire.PHONE: "4155550123"}, CTX, odd) == {wire.PHONE: "4155550123"}


def test_refused_changes_name_their_field():
    errors = validate_changes({wire.DATE_OF_BIRTH: "2999-01-01", wire.FIRST_NAME: "Ada\u202e"}, CTX, POS_RECORD)
    assert set(errors) >= {wire.DATE_OF_BIRTH, wire.FIRST_NAME}
    try:
        build_changes({wire.DATE_OF_BIRTH: "2999-01-01"}, CTX, POS_RECORD)
    except UpdateProblem as exc:
        assert wire.DATE_OF_BIRTH in exc.errors
    else:
        raise AssertionError("a birth date in the future was accepted")


def test_unknown_empty_and_non_object_updates_are_refused():
    assert set(validate_changes({"favourite_colour": "red", wire.DOCUMENTS: []}, CTX, POS_RECORD)) == {
        "favourite_colour", wire.DOCUMENTS}
    assert FORM in validate_changes({}, CTX, POS_RECORD)
    assert FORM in validate_changes(["phone"], CTX, POS_RECORD)
    assert wire.DOCUMENTS not in UPDATABLE_FIELDS


def test_without_the_pos_record_the_fields_are_checked_on_their_own():
    assert validate_changes({wire.PHONE: "4155550123"}, CTX, None) == {}
    assert wire.PHONE in validate_changes({wire.PHONE: "12"}, CTX, None)
    assert build_changes({wire.EMAIL: " Ada@Example.COM "}, CTX, None)[wire.EMAIL].strip() == \
        build_changes({wire.EMAIL: "Ada@Example.COM"}, CTX, None)[wire.EMAIL]
