"""The jurisdiction policy (``resources/policy/jurisdictions.toml`` read by ``app.policy``)."""

from __future__ import annotations

from datetime import date

import pytest

from app import policy
from app.assets import read_text

US_STATES = [
    "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS", "KY",
    "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY", "NC", "ND",
    "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY",
]
US_OTHER = ["DC", "PR", "GU", "VI", "AS", "MP"]
CANADA = ["AB", "BC", "MB", "NB", "NL", "NS", "NT", "NU", "ON", "PE", "QC", "SK", "YT"]
ALL_CODES = US_STATES + US_OTHER + CANADA

CALIFORNIA = ("medical_with_rec", "medical_with_state_card", "recreational")
OKLAHOMA = ("adult", "minor", "temporary_adult", "temporary_minor")
WITH_CAREGIVER = ("medical", "recreational", "caregiver")
STANDARD = ("medical", "recreational")
SPECIAL = {"CA": CALIFORNIA, "OK": OKLAHOMA, "OR": WITH_CAREGIVER, "ME": WITH_CAREGIVER, "MP": WITH_CAREGIVER}


def expected_types(code: str) -> tuple[str, ...]:
    return SPECIAL.get(code, STANDARD)


def test_the_table_holds_exactly_the_69_jurisdictions():
    assert len(US_STATES) == 50 and len(CANADA) == 13 and len(ALL_CODES) == 69
    assert set(policy.load_policy().jurisdictions) == set(ALL_CODES)


@pytest.mark.parametrize("code", ALL_CODES)
def test_allowed_types_per_jurisdiction(code):
    assert set(policy.allowed_types(code)) == set(expected_types(code))
    jur = policy.load_policy().jurisdiction(code)
    assert jur.code == code and jur.name
    assert jur.country == ("CA" if code in CANADA else "US")
    assert policy.country_of_region(code) == jur.country


@pytest.mark.parametrize("code", ["ca", " on ", "Ok"])
def test_codes_are_read_case_and_space_insensitively(code):
    assert policy.allowed_types(code) == policy.allowed_types(code.strip().upper())
    assert policy.country_of_region(code) == policy.load_policy().jurisdiction(code).country


@pytest.mark.parametrize("code", ["XX", "", "USA", "C", "MX", "QB", None, 12, ["CA"]])
def test_unknown_jurisdiction_is_a_clear_error(code):
    with pytest.raises(policy.UnknownJurisdiction) as caught:
        policy.allowed_types(code)
    assert caught.value.code == code
    assert "is not a jurisdiction this station knows" in str(caught.value)
    assert policy.country_of_region(code) is None


# --- minimum ages ------------------------------------------------------------------------------


def recreational_age(code: str) -> int:
    if code in CANADA:
        return {"AB": 18, "QC": 21}.get(code, 19)
    return 21


@pytest.mark.parametrize("code", [c for c in ALL_CODES if c not in ("CA", "OK")])
def test_minimum_ages_standard_sets(code):
    assert policy.minimum_age(code, "recreational") == recreational_age(code)
    assert policy.minimum_age(code, "medical") == 18
    if code in ("OR", "ME", "MP"):
        assert policy.minimum_age(code, "caregiver") == 18


def test_minimum_ages_california_and_oklahoma():
    assert policy.minimum_age("CA", "recreational") == 21
    assert policy.minimum_age("CA", "medical_with_rec") == 18
    assert policy.minimum_age("CA", "medical_with_state_card") == 18
    types = policy.load_policy().customer_types
    assert policy.minimum_age("OK", "adult") == policy.minimum_age("OK", "temporary_adult") == 18
    for minor in ("minor", "temporary_minor"):
        assert types[minor].max_age == 18
        assert policy.minimum_age("OK", minor) < 18


def test_every_medical_type_needs_a_medical_id_or_a_recommendation():
    types = policy.load_policy().customer_types
    assert types["recreational"].medical is False
    assert types["medical_with_state_card"].requires == "medical_id"
    assert types["medical_with_rec"].requires == "recommendation"
    for name in ("medical", "caregiver", *OKLAHOMA):
        assert types[name].medical and types[name].requires == "either"


# --- the proposed type -----------------------------------------------------------------------


@pytest.mark.parametrize("code", [c for c in ALL_CODES if c not in ("CA", "OK")])
@pytest.mark.parametrize(("medical_id", "recommendation", "expected"), [
    (True, False, "medical"), (False, True, "medical"), (True, True, "medical"), (False, False, "recreational"),
])
def test_default_type_medical_when_id_or_recommendation(code, medical_id, recommendation, expected):
    got = policy.default_type(code, has_medical_id=medical_id, has_recommendation=recommendation, age=30)
    assert got == expected


@pytest.mark.parametrize(("medical_id", "recommendation", "expected"), [
    (True, False, "medical_with_state_card"),
    (True, True, "medical_with_state_card"),
    (False, True, "medical_with_rec"),
    (False, False, "recreational"),
])
def test_default_type_california(medical_id, recommendation, expected):
    got = policy.default_type("CA", has_medical_id=medical_id, has_recommendation=recommendation, age=30)
    assert got == expected


@pytest.mark.parametrize(("age", "expected"), [(0, "minor"), (17, "minor"), (18, "adult"), (65, "adult"),
                                               (None, "adult")])
def test_default_type_oklahoma_by_age(age, expected):
    assert policy.default_type("OK", has_medical_id=True, has_recommendation=False, age=age) == expected


@pytest.mark.parametrize("code", ALL_CODES)
def test_default_type_is_always_allowed(code):
    for medical_id in (False, True):
        for rec in (False, True):
            for age in (None, 10, 30):
                proposed = policy.default_type(code, has_medical_id=medical_id, has_recommendation=rec, age=age)
                assert proposed in policy.allowed_types(code)


def test_default_type_unknown_jurisdiction():
    with pytest.raises(policy.UnknownJurisdiction):
        policy.default_type("ZZ", has_medical_id=False, has_recommendation=False, age=30)


# --- age --------------------------------------------------------------------------------------


@pytest.mark.parametrize(("birth", "today", "age"), [
    (date(2003, 6, 1), date(2024, 6, 1), 21),  # birthday today counts as the new age
    (date(2003, 6, 2), date(2024, 6, 1), 20),  # the day before does not
    (date(2003, 5, 31), date(2024, 6, 1), 21),
    (date(2003, 12, 31), date(2024, 1, 1), 20),
    (date(2004, 2, 29), date(2025, 2, 28), 20),  # 29 February: not yet on 28 February of a common year
    (date(2004, 2, 29), date(2025, 3, 1), 21),  # of age on 1 March
    (date(2004, 2, 29), date(2028, 2, 28), 23),
    (date(2004, 2, 29), date(2028, 2, 29), 24),  # and on 29 February in a leap year
    (date(2024, 6, 1), date(2024, 6, 1), 0),
])
def test_age_on(birth, today, age):
    assert policy.age_on(birth, today) == age


# --- the file itself ----------------------------------------------------------------------------


def test_shipped_policy_parses_to_the_loaded_one():
    assert policy.parse_policy(read_text("policy", "jurisdictions.toml")) == policy.load_policy()


@pytest.mark.parametrize(("text", "words"), [
    ('[types.medical]\nmedical = true\n', "requires"),
    ('[types.recreational]\n[type_sets.s]\ntypes = ["nope"]\ndefault = [["always", "nope"]]\n', "unknown type"),
    ('[types.recreational]\n[type_sets.s]\ntypes = ["recreational"]\ndefault = [["sometimes", "recreational"]]\n',
     "bad default rule"),
    ('[types.recreational]\n[types.medical]\nmedical = true\nrequires = "either"\n'
     '[type_sets.s]\ntypes = ["recreational", "medical"]\ndefault = [["medical_id", "medical"]]\n', "last default"),
    ('[types.recreational]\n[type_sets.s]\ntypes = ["recreational"]\ndefault = [["always", "recreational"]]\n'
     '[jurisdictions.XX]\nname = "X"\ncountry = "US"\ntype_set = "other"\nrecreational_min_age = 21\n',
     "unknown type set"),
    ('[types.recreational]\n[type_sets.s]\ntypes = ["recreational"]\ndefault = [["always", "recreational"]]\n'
     '[jurisdictions.XX]\nname = "X"\ncountry = "MX"\ntype_set = "s"\nrecreational_min_age = 21\n', "US or CA"),
])
def test_a_bad_policy_edit_is_caught_at_load(text, words):
    with pytest.raises(policy.PolicyError, match=words):
        policy.parse_policy(text)
