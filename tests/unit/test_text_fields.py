"""Invisible and control characters in every text field of an intake, through the one entry point
(``app.validation``) that the window's live checks, the command line and the sandbox share: each is
refused with a message on its field, or removed from the body that is stored and sent."""

from __future__ import annotations

import unicodedata
from datetime import date

import pytest

from app import wire
from app.validation import ValidationContext, build_body, validate_field, validate_record
from app.wizard import IntakeWizard

TODAY = date(2024, 6, 1)
A = wire.ADDRESS + "."
ADDRESS = {wire.ADDRESS_LINE1: "1 Main St", wire.ADDRESS_LINE2: "Apt 2", wire.CITY: "Los Angeles",
           wire.STATE: "CA", wire.ZIP: "90210"}

# Each text field with a valid value; a hostile character goes into the middle of it.
IDENTIFIERS = {
    wire.STATE_ID: "D1234567",
    wire.MEDICAL_ID: "M7654321",
    wire.RECOMMENDATION_NUMBER: "R555",
    wire.PHYSICIAN_LICENSE: "A12345",
    wire.PHONE: "5551234567",
    wire.CELL_PHONE: "5551234568",
    wire.HOME_PHONE: "5551234569",
    wire.WORK_PHONE: "5551234560",
    wire.EMAIL: "ann@example.com",
    A + wire.ZIP: "90210",
    A + wire.STATE: "CA",
}
FREE_TEXT = {
    wire.FIRST_NAME: "Ann",
    wire.LAST_NAME: "Lee",
    wire.MIDDLE_NAME: "Mary",
    wire.NICKNAME: "Annie",
    wire.TYPE: "recreational",
    A + wire.ADDRESS_LINE1: "1 Main St",
    A + wire.ADDRESS_LINE2: "Apt 2",
    A + wire.CITY: "Los Angeles",
}
CHOICES = {
    wire.GENDER: "female",
    wire.ID_TYPE: "passport",
    wire.REFERRAL_SOURCE: "online",
    A + wire.COUNTRY: "US",
    wire.DATE_OF_BIRTH: "1990-04-12",
    wire.AMOUNT_LIMIT: "28.5",
}
TEXT_FIELDS = {**IDENTIFIERS, **FREE_TEXT, **CHOICES}

CONTROLS = {"NUL": "\x00", "ESC": "\x1b", "DEL": "\x7f", "CSI": "\x9b", "RLO": "\u202e", "LRE": "\u202a",
            "RLI": "\u2067", "PDI": "\u2069", "RLM": "\u200f"}
ZERO_WIDTH = {"ZWSP": "\u200b", "ZWJ": "\u200d", "ZWNJ": "\u200c", "WJ": "\u2060", "BOM": "\ufeff",
              "SHY": "\u00ad", "TAG": "\U000e0041"}
HOSTILE = {**CONTROLS, **ZERO_WIDTH}


def record(**changes) -> dict:
    data = {
        wire.FIRST_NAME: "Ann",
        wire.LAST_NAME: "Lee",
        wire.DATE_OF_BIRTH: "1990-04-12",
        wire.HAS_MEDICAL_RECOMMENDATION: False,
        wire.GENDER: "female",
        wire.TYPE: "recreational",
        wire.MANUAL_GROUPS: [],
        wire.ADDRESS: dict(ADDRESS),
    }
    for name, value in changes.items():
        if name.startswith(A):
            data[wire.ADDRESS][name.removeprefix(A)] = value
        else:
            data[name] = value
    return data


def ctx() -> ValidationContext:
    return ValidationContext(jurisdiction="CA", today=TODAY)


def inserted(value: str, ch: str) -> str:
    middle = len(value) // 2
    return value[:middle] + ch + value[middle:]


def sent_value(body: dict, name: str):
    return body[wire.ADDRESS][name.removeprefix(A)] if name.startswith(A) else body[name]


def visible_everywhere(value) -> bool:
    if isinstance(value, dict):
        return all(visible_everywhere(k) and visible_everywhere(v) for k, v in value.items())
    if isinstance(value, list):
        return all(visible_everywhere(v) for v in value)
    if isinstance(value, str):
        return all(unicodedata.category(ch) not in ("Cc", "Cf", "Cs") for ch in value)
    return True


@pytest.mark.parametrize("ch", HOSTILE.values(), ids=HOSTILE.keys())
@pytest.mark.parametrize("name", TEXT_FIELDS)
def test_a_hostile_character_is_refused_on_its_field_or_never_sent(name, ch):
    rec = record(**{name: inserted(TEXT_FIELDS[name], ch)})
    errors = validate_record(rec, ctx())
    if errors:
        assert list(errors) == [name], errors  # refused on that field only, with a message
        assert all(messages for messages in errors.values())
    else:
        assert visible_everywhere(build_body(rec, ctx()))


@pytest.mark.parametrize("ch", HOSTILE.values(), ids=HOSTILE.keys())
@pytest.mark.parametrize("name", IDENTIFIERS)
def test_identifiers_lose_every_invisible_character(name, ch):
    body = build_body(record(**{name: inserted(TEXT_FIELDS[name], ch)}), ctx())
    plain = build_body(record(**{name: TEXT_FIELDS[name]}), ctx())
    assert sent_value(body, name) == sent_value(plain, name)


@pytest.mark.parametrize("ch", CONTROLS.values(), ids=CONTROLS.keys())
@pytest.mark.parametrize("name", FREE_TEXT)
def test_free_text_refuses_control_and_direction_characters_with_a_field_message(name, ch):
    [message] = validate_field(name, record(**{name: inserted(TEXT_FIELDS[name], ch)}), ctx())
    assert "invisible control character" in message
    assert message.template == "{label} contains an invisible control character; type it again"


@pytest.mark.parametrize("ch", ZERO_WIDTH.values(), ids=ZERO_WIDTH.keys())
@pytest.mark.parametrize("name", FREE_TEXT)
def test_free_text_drops_zero_width_characters(name, ch):
    body = build_body(record(**{name: inserted(TEXT_FIELDS[name], ch)}), ctx())
    assert sent_value(body, name) == TEXT_FIELDS[name]


@pytest.mark.parametrize("name", TEXT_FIELDS)
def test_a_lone_surrogate_is_refused_in_every_field(name):
    errors = validate_record(record(**{name: inserted(TEXT_FIELDS[name], "\ud800")}), ctx())
    assert list(errors) == [name]


@pytest.mark.parametrize("name", [wire.STATE_ID, wire.MEDICAL_ID, wire.NICKNAME, A + wire.ADDRESS_LINE2])
def test_only_invisible_characters_is_an_empty_field(name):
    body = build_body(record(**{name: "\u200b\u202e\x00 \ufeff"}), ctx())
    assert (name.removeprefix(A) not in body[wire.ADDRESS]) if name.startswith(A) else (name not in body)


def test_full_width_and_zero_width_state_ids_are_sent_as_one():
    typed = ["D1234567", "Ｄ１２３４５６７", "d123\u200b4567", "\u202eD1234567\u202c", " D1234567\x00\n",
             "D１２３4567\ufeff"]
    sent = {build_body(record(**{wire.STATE_ID: value}), ctx())[wire.STATE_ID] for value in typed}
    assert sent == {"D1234567"}


def test_the_body_sent_is_already_normal():
    rec = record(**{wire.STATE_ID: "Ｄ１\u200b2", wire.NICKNAME: "An\u200bnie", wire.PHONE: "５５５ 123 4567"})
    body = build_body(rec, ctx())
    assert build_body(body, ctx()) == body
    assert (body[wire.STATE_ID], body[wire.NICKNAME], body[wire.PHONE]) == ("D12", "Annie", "5551234567")


# --- the window's live checks (its model, without Qt) use the same rules ---------------------


def wizard_with(name: str, value: str) -> IntakeWizard:
    w = IntakeWizard("CA", today=TODAY)
    w.fill(record(**{name: value}))
    return w


@pytest.mark.parametrize("name", FREE_TEXT)
def test_the_window_shows_the_control_character_message_as_the_clerk_types(name):
    w = wizard_with(name, inserted(TEXT_FIELDS[name], "\u202e"))
    assert w.messages_for(name) == []  # quiet until the clerk leaves the field
    w.touch(name)
    assert [m.template for m in w.messages_for(name)] == [
        "{label} contains an invisible control character; type it again"]
    assert not w.ready()


@pytest.mark.parametrize("name", IDENTIFIERS)
def test_the_window_sends_identifiers_without_invisible_characters(name):
    w = wizard_with(name, inserted(TEXT_FIELDS[name], "\u200b\u202e"))
    w.touch_all()
    assert w.errors() == {}
    assert visible_everywhere(w.body())
