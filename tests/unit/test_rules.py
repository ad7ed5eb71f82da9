"""The single-value rules of ``app.rules``: what each accepts, how it normalises, what it refuses."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app import rules, wire
from app.i18n import Message

LABEL = "Field"


def refused(fn, *args) -> Message:
    with pytest.raises(rules.FieldProblem) as caught:
        fn(*args)
    message = caught.value.message
    assert isinstance(message, Message) and str(message)
    return message


# --- blank and text -------------------------------------------------------------------------


@pytest.mark.parametrize(("value", "blank"), [
    (None, True), ("", True), ("   ", True), ("\t\n", True), ("\u200b", True), (" \x00\u202e\ufeff ", True),
    ("a", False), (0, False), (False, False), ([], False), ("\ud800", False), ("\u200ba", False),
])
def test_is_blank(value, blank):
    assert rules.is_blank(value) is blank


@pytest.mark.parametrize(("value", "expected"), [
    ("  Ann  ", "Ann"),
    ("Mary   Ann", "Mary Ann"),
    ("Mary\t\nAnn", "Mary Ann"),
    (12345, "12345"),
    (1.5, "1.5"),
])
def test_clean_text_trims_and_collapses_whitespace(value, expected):
    assert rules.clean_text(value, LABEL) == expected


@pytest.mark.parametrize("value", [True, False, [], {}, object()])
def test_clean_text_refuses_non_text(value):
    assert "must be text" in refused(rules.clean_text, value, LABEL)


# --- characters: identifiers lose invisible ones, free text refuses controls ------------------

INVISIBLE = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad", "\U000e0041",  # zero-width, tag
             "\u202e", "\u202d", "\u2066", "\u200f", "\u061c",  # text direction
             "\x00", "\x1b", "\x7f", "\x9b"]  # NUL, ESC, DEL, CSI
CONTROLS = ["\x00", "\x01", "\x1b", "\x7f", "\x9b", "\u202e", "\u202a", "\u2066", "\u2069", "\u200e", "\u061c"]
ZERO_WIDTH = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad", "\U000e0041"]


@pytest.mark.parametrize("ch", INVISIBLE)
def test_identifier_removes_invisible_characters(ch):
    assert rules.identifier(f"{ch}D12{ch}34{ch}", LABEL) == "D1234"
    assert rules.code_text(f"d12{ch}34", LABEL, 30) == "D1234"


@pytest.mark.parametrize(("value", "expected"), [
    ("Ｄ１２３４", "D1234"),  # full width
    ("\u3000D1234\u00a0", "D1234"),  # ideographic and no-break spaces trimmed
    ("D1234\n", "D1234"),  # a scanner's line end
    ("ｄ\u200b１２３\u202e４", "D1234"),
])
def test_identifier_is_nfkc_and_trimmed(value, expected):
    assert rules.code_text(value, LABEL, 30) == expected


def test_identifier_spaces_stay_spaces():
    assert "spaces" in refused(rules.code_text, "D12\t34", LABEL, 30)
    assert "spaces" in refused(rules.code_text, "D12\u300034", LABEL, 30)


@pytest.mark.parametrize("value", ["Ｄ１２３４", "d1234", " D\u200b1234 ", "\u202eD1234", "D1234\x00"])
def test_one_state_id_key_however_typed(value):
    assert rules.state_id_key(value) == "D1234"


@pytest.mark.parametrize(("fn", "value", "expected"), [
    (rules.phone_digits, "５５５\u200b１２３\u00a04567\x00", "5551234567"),
    (rules.email, "ada\u200b＠example.com\ufeff", "ada@example.com"),
    (lambda v, lab: rules.postal_code(v, lab, None), "９０２\u200d１０", "90210"),
    (rules.iso_date, "１９９０-０４-１２\u200b", date(1990, 4, 12)),
    (rules.amount, "２８.5\u200b", Decimal("28.5")),
])
def test_other_identifiers_are_normalised_the_same_way(fn, value, expected):
    assert fn(value, LABEL) == expected


@pytest.mark.parametrize("ch", CONTROLS)
@pytest.mark.parametrize("fn", [rules.clean_text, rules.person_name, rules.free_text])
def test_free_text_refuses_control_and_direction_characters(fn, ch):
    assert "control character" in refused(fn, f"Ann{ch}Lee", LABEL)


@pytest.mark.parametrize("ch", ZERO_WIDTH)
@pytest.mark.parametrize("fn", [rules.clean_text, rules.person_name, rules.free_text])
def test_free_text_drops_zero_width_characters(fn, ch):
    assert fn(f"{ch}Ann{ch}ie{ch}", LABEL) == "Annie"


def test_free_text_is_nfc_and_keeps_its_letters():
    assert rules.person_name("Jose\u0301 Ｍaría", LABEL) == "José Ｍaría"  # composed; not made half-width


@pytest.mark.parametrize("fn", [
    rules.clean_text, rules.person_name, rules.free_text, rules.identifier, rules.phone_digits, rules.email,
    rules.iso_date, rules.amount, lambda v, lab: rules.code_text(v, lab, 30),
    lambda v, lab: rules.postal_code(v, lab, None),
])
@pytest.mark.parametrize("value", ["\ud800", "Ann\udfff", "5551234567\udc00"])
def test_a_lone_surrogate_is_refused_everywhere(fn, value):
    message = refused(fn, value, LABEL)
    assert "broken character" in message or "real date" in message  # a date's shape is checked first


@pytest.mark.parametrize("value", [10**30, -(10**30), 10**4999], ids=["30 digits", "minus 30 digits", "5000 digits"])
def test_a_huge_number_is_not_text(value):
    assert "must be text" in refused(rules.clean_text, value, LABEL)
    assert "must be text" in refused(rules.identifier, value, LABEL)


@pytest.mark.parametrize("value", [10**20, 10**4999, "1" * 400, "1000000000", 1_000_000_000.5],
                         ids=["21 digits", "5000 digits", "400 digits", "a billion", "a billion and a half"])
def test_amount_has_a_ceiling(value):
    assert "at most 999999999" in refused(rules.amount, value, LABEL)


# --- names ------------------------------------------------------------------------------------


@pytest.mark.parametrize(("value", "expected"), [
    ("Zoë", "Zoë"),
    ("O'Brien", "O'Brien"),
    ("O’Brien", "O’Brien"),
    ("Smith-Jones", "Smith-Jones"),
    ("José María", "José María"),
    ("  José   María ", "José María"),
    ("St. John", "St. John"),
    ("Đặng", "Đặng"),
])
def test_person_name_keeps_accents_hyphens_apostrophes(value, expected):
    assert rules.person_name(value, LABEL) == expected


@pytest.mark.parametrize("value", ["R2D2", "Ann!", "Ann@Lee", "<b>", "Ann_Lee", "'-.", "42", "Ann;DROP"])
def test_person_name_refuses_digits_and_symbols(value):
    assert "only letters" in refused(rules.person_name, value, LABEL)


@pytest.mark.parametrize("value", ["", "   "])
def test_person_name_blank_is_required(value):
    assert "required" in refused(rules.person_name, value, LABEL)


@pytest.mark.parametrize("value", [12, 1.5, float("nan"), True, None, ["Ann"]])
def test_person_name_refuses_non_text(value):
    assert "must be text" in refused(rules.person_name, value, LABEL)


def test_person_name_length_limit():
    assert rules.person_name("A" * 100, LABEL) == "A" * 100
    assert "at most 100" in refused(rules.person_name, "A" * 101, LABEL)


# --- codes: state_id, medical_id, recommendation_number (30), physician_license (20) --------


@pytest.mark.parametrize("limit", [30, 20])
def test_code_text_limit_is_inclusive(limit):
    assert rules.code_text("X" * limit, LABEL, limit) == "X" * limit
    message = refused(rules.code_text, "X" * (limit + 1), LABEL, limit)
    assert f"at most {limit}" in message


@pytest.mark.parametrize(("value", "expected"), [(" d1234567 ", "D1234567"), ("ab-12", "AB-12"), (1234, "1234")])
def test_code_text_trims_and_upper_cases(value, expected):
    assert rules.code_text(value, LABEL, 30) == expected


def test_code_text_refuses_inner_spaces():
    assert "spaces" in refused(rules.code_text, "D12 345", LABEL, 30)


# --- dates ----------------------------------------------------------------------------------


@pytest.mark.parametrize(("value", "expected"), [
    ("1990-04-12", date(1990, 4, 12)),
    (" 1990-04-12 ", date(1990, 4, 12)),
    ("1992-02-29", date(1992, 2, 29)),
    ("2000-02-29", date(2000, 2, 29)),
    (date(1990, 4, 12), date(1990, 4, 12)),
])
def test_iso_date_accepts_real_dates(value, expected):
    assert rules.iso_date(value, LABEL) == expected


@pytest.mark.parametrize("value", [
    "2023-02-30", "2023-13-01", "1990-02-29", "1900-02-29", "2023-00-10", "2023-04-31",
    "1990/04/12", "12/04/1990", "1990-4-12", "19900412", "1990-04-12T00:00", "", "   ", None, 19900412, True, [],
])
def test_iso_date_refuses_unreal_or_badly_written_dates(value):
    assert "real date" in refused(rules.iso_date, value, LABEL)


# --- phones ---------------------------------------------------------------------------------


@pytest.mark.parametrize(("value", "expected"), [
    ("5551234567", "5551234567"),
    ("(555) 123-4567", "5551234567"),
    ("+1 555-123-4567", "5551234567"),
    ("1-555-123-4567", "5551234567"),
    ("555.123.4567", "5551234567"),
    ("555 123 4567", "5551234567"),
    ("555/123-4567", "5551234567"),
    (5551234567, "5551234567"),
])
def test_phone_digits_normalises_to_ten_digits(value, expected):
    assert rules.phone_digits(value, LABEL) == expected


@pytest.mark.parametrize(("value", "words"), [
    ("555123456", "10 digits"),  # 9 digits
    ("555123456789", "10 digits"),  # 12 digits
    ("25551234567", "10 digits"),  # 11 digits not starting with the country code 1
    ("555-CALL-NOW", "phone number"),
    ("555123456x", "phone number"),
    ("555123456\u0663", "phone number"),  # an Arabic-Indic digit is not sent
    ("0551234567", "area code"),
    ("1551234567", "area code"),
    (True, "must be text"),
])
def test_phone_digits_refuses(value, words):
    assert words in refused(rules.phone_digits, value, LABEL)


@given(st.text(alphabet="0123456789 ()-.+/", max_size=20))
def test_phone_digits_is_idempotent(text):
    try:
        once = rules.phone_digits(text, LABEL)
    except rules.FieldProblem:
        return
    assert len(once) == 10 and once.isascii() and once.isdigit()
    assert rules.phone_digits(once, LABEL) == once


# --- email ------------------------------------------------------------------------------------


@pytest.mark.parametrize(("value", "expected"), [
    ("ann@example.com", "ann@example.com"),
    ("  ann@example.com ", "ann@example.com"),
    ("Ann.Lee+intake@Example.COM", "Ann.Lee+intake@example.com"),
])
def test_email_accepts_valid_syntax(value, expected):
    assert rules.email(value, LABEL) == expected


@pytest.mark.parametrize("value", [
    "ann", "ann@", "@example.com", "ann@@example.com", "ann@example", "ann lee@example.com",
    "ann@exa mple.com", "ann@.com",
])
def test_email_refuses_bad_syntax(value):
    assert "name@example.com" in refused(rules.email, value, LABEL)


# --- choices and flags ------------------------------------------------------------------------


@pytest.mark.parametrize(("allowed", "value"), [
    (wire.GENDERS, "male"), (wire.GENDERS, "female"), (wire.GENDERS, " unspecified "),
    (wire.ID_TYPES, "drivers_license"), (wire.ID_TYPES, "state_id_card"), (wire.ID_TYPES, "passport"),
    (wire.ID_TYPES, "military_id"), (wire.ID_TYPES, "other"),
    (wire.REFERRAL_SOURCES, "walk_in"), (wire.REFERRAL_SOURCES, "friend"), (wire.REFERRAL_SOURCES, "online"),
    (wire.REFERRAL_SOURCES, "advertising"), (wire.REFERRAL_SOURCES, "other"),
    (wire.DOCUMENT_TYPES, "id"), (wire.DOCUMENT_TYPES, "medical_document"),
    (wire.COUNTRIES, "US"), (wire.COUNTRIES, "CA"),
])
def test_choice_accepts_listed_values(allowed, value):
    assert rules.choice(value, LABEL, allowed) == value.strip()


@pytest.mark.parametrize(("allowed", "value"), [
    (wire.GENDERS, "Male"), (wire.GENDERS, "m"), (wire.GENDERS, "other"),
    (wire.ID_TYPES, "license"), (wire.REFERRAL_SOURCES, "walk in"), (wire.DOCUMENT_TYPES, "photo"),
    (wire.COUNTRIES, "MX"), (wire.COUNTRIES, "us"), (wire.GENDERS, 1), (wire.GENDERS, ["male"]),
])
def test_choice_refuses_unlisted_values(allowed, value):
    assert "from the list" in refused(rules.choice, value, LABEL, allowed)


@pytest.mark.parametrize(("value", "expected"), [
    (True, True), (False, False), ("true", True), (" Yes ", True), ("1", True), (1, True),
    ("false", False), ("NO", False), ("0", False), (0, False),
])
def test_flag(value, expected):
    assert rules.flag(value, LABEL) is expected


@pytest.mark.parametrize("value", ["maybe", 2, -1, 1.0, None, [], "y"])
def test_flag_refuses_other_values(value):
    assert "yes or no" in refused(rules.flag, value, LABEL)


# --- amount_limit ---------------------------------------------------------------------------


@pytest.mark.parametrize(("value", "expected"), [
    ("12", Decimal("12")), ("12.5", Decimal("12.5")), ("12.50", Decimal("12.50")), (12.5, Decimal("12.5")),
    (12, Decimal("12")), ("0", Decimal("0")), ("0.01", Decimal("0.01")), (" 28.5 ", Decimal("28.5")),
    (".5", Decimal("0.5")),
])
def test_amount_accepts(value, expected):
    assert rules.amount(value, LABEL) == expected


@pytest.mark.parametrize(("value", "words"), [
    ("1 000", "spaces"), ("12. 5", "spaces"),
    ("12.345", "2 digits"), (12.345, "2 digits"), ("0.001", "2 digits"),
    ("-1", "negative"), (-1, "negative"), ("-0.5", "negative"),
    ("abc", "number"), ("NaN", "number"), ("Infinity", "number"), ("-Infinity", "number"), ("inf", "number"),
    (float("nan"), "number"), (float("inf"), "number"), ("1e3", "number"), ("1,000", "number"), ("$12", "number"),
    ("", "number"), (True, "number"), (None, "number"), ([12], "number"),
])
def test_amount_refuses(value, words):
    assert words in refused(rules.amount, value, LABEL)


# --- postal codes -----------------------------------------------------------------------------


@pytest.mark.parametrize(("value", "country", "expected"), [
    ("12345", None, "12345"), ("12345-6789", None, "12345-6789"), ("123456789", None, "12345-6789"),
    ("90210", "US", "90210"), (" 90210 ", "US", "90210"),
    ("k1a0b1", None, "K1A 0B1"), ("K1A 0B1", None, "K1A 0B1"), ("k1a 0b1", "CA", "K1A 0B1"),
    ("９０２１０", None, "90210"), ("\u200b90210\u00a0", "US", "90210"), ("Ｋ１Ａ\u3000０Ｂ１", None, "K1A 0B1"),
])
def test_postal_code_normalises(value, country, expected):
    assert rules.postal_code(value, LABEL, country) == expected


@pytest.mark.parametrize(("value", "country", "words"), [
    ("K1A 0B1", "US", "US ZIP"), ("1234", "US", "US ZIP"), ("12345-678", "US", "US ZIP"),
    ("90210", "CA", "Canadian postal code"), ("D1A 0B1", "CA", "Canadian postal code"),  # D is never a first letter
    ("1234", None, "US ZIP code or a Canadian"), ("ABCDE", None, "US ZIP code or a Canadian"),
    ("\u0669\u0660\u0662\u0661\u0660", None, "US ZIP code or a Canadian"),  # Arabic-Indic digits
])
def test_postal_code_refuses(value, country, words):
    assert words in refused(rules.postal_code, value, LABEL, country)


# --- manual_groups ---------------------------------------------------------------------------


@pytest.mark.parametrize(("value", "expected"), [
    (None, []), ([], []), ([1, 2, 3], [1, 2, 3]), ([3, 1, 3, 1], [3, 1]), (["7", 7, " 8 "], [7, 8]), ((4, 5), [4, 5]),
])
def test_id_list_accepts_positive_integers_and_removes_repeats(value, expected):
    assert rules.id_list(value, LABEL) == expected


@pytest.mark.parametrize("value", [
    [0], [-1], [True], [False], [1.5], ["x"], ["1.0"], [None], [[1]], "1,2", 5, {"a": 1},
])
def test_id_list_refuses(value):
    assert "group numbers" in refused(rules.id_list, value, LABEL)


@pytest.mark.parametrize("value", [[2**63], [10**4000], ["9" * 4000], ["9" * 5000]],
                         ids=["2**63", "4001 digits", "4000 digit text", "5000 digit text"])
def test_id_list_refuses_numbers_too_long_for_an_id(value):
    assert "group numbers" in refused(rules.id_list, value, LABEL)


def test_id_list_of_100000_groups_is_checked_in_one_pass():
    # with a list lookup per item this took over a minute; a set makes it linear
    many = list(range(1, 100_001))
    assert rules.id_list(many + many[::-1], LABEL) == many


# --- messages -------------------------------------------------------------------------------


def test_problem_carries_a_translatable_message():
    exc = rules.problem("{label} is required", label="First name")
    assert str(exc) == "First name is required"
    assert exc.message.template == "{label} is required"
    assert exc.message.params == {"label": "First name"}
    assert exc.message.render(lambda context, text: "{label} est requis") == "First name est requis"
