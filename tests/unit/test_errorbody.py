"""Error bodies of every shape become field errors keyed by dotted wire names, or form errors."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app import wire
from app.api.errorbody import MAX_MESSAGE_CHARS, normalize_field, parse_error_body


@pytest.mark.parametrize(
    ("spelling", "expected"),
    [
        ("address[zip]", "address.zip"),
        ("address.zip", "address.zip"),
        (["body", "address", "zip"], "address.zip"),
        ("documents[0][type]", "documents.0.type"),
        (["body", "documents", 0, "type"], "documents.0.type"),
        (" first_name ", "first_name"),
        (["body"], ""),
        ("__all__", ""),
        ("non_field_errors", ""),
    ],
)
def test_field_spellings_become_dotted_wire_names(spelling, expected):
    assert normalize_field(spelling) == expected


def test_errors_mapping_with_lists_strings_and_nested_members():
    body = {
        wire.ERR_ERRORS: {
            wire.FIRST_NAME: ["must not be blank"],
            "address[zip]": "is not a ZIP code",
            wire.ADDRESS: {wire.STATE: ["unknown state"]},
            wire.DOCUMENTS: [{}, {wire.DOC_TYPE: ["unknown type"]}],
            "__all__": ["check the record"],
        }
    }
    fields, form = parse_error_body(json.dumps(body))
    assert fields == {
        "first_name": ["must not be blank"],
        "address.zip": ["is not a ZIP code"],
        "address.state": ["unknown state"],
        "documents.1.type": ["unknown type"],
    }
    assert form == ["check the record"]


def test_errors_list_of_field_and_message_entries():
    body = {
        wire.ERR_ERRORS: [
            {wire.ERR_FIELD: "documents[0][file_id]", wire.ERR_MESSAGE: "unknown file"},
            {wire.ERR_FIELD: wire.STATE_ID, wire.ERR_MESSAGE: "has already been taken"},
            {wire.ERR_MESSAGE: "the record is incomplete"},
            "bare text",
        ]
    }
    fields, form = parse_error_body(json.dumps(body).encode())
    assert fields == {"documents.0.file_id": ["unknown file"], "state_id": ["has already been taken"]}
    assert form == ["the record is incomplete", "bare text"]


def test_fastapi_detail_list_uses_loc_and_msg():
    body = {
        wire.ERR_DETAIL: [
            {"loc": ["body", "address", "zip"], "msg": "bad zip", "type": "value_error"},
            {"loc": ["body"], "msg": "body is not an object", "type": "x"},
        ]
    }
    assert parse_error_body(json.dumps(body)) == ({"address.zip": ["bad zip"]}, ["body is not an object"])


@pytest.mark.parametrize("key", [wire.ERR_MESSAGE, wire.ERR_DETAIL])
def test_single_message_or_detail_is_a_form_error(key):
    assert parse_error_body(json.dumps({key: "Plan does not include this"})) == ({}, ["Plan does not include this"])


def test_summary_message_is_dropped_when_field_errors_say_more():
    body = {wire.ERR_MESSAGE: "The given data was invalid.", wire.ERR_ERRORS: {wire.EMAIL: ["is invalid"]}}
    assert parse_error_body(json.dumps(body)) == ({"email": ["is invalid"]}, [])


def test_html_page_becomes_its_title_without_markup():
    page = (
        "<!DOCTYPE html><html><head><title>502 Bad Gateway</title><style>body{color:red}</style></head>"
        "<body><h1>502 Bad Gateway</h1><script>alert(1)</script><hr>nginx</body></html>"
    )
    fields, form = parse_error_body(page, "text/html; charset=utf-8")
    assert fields == {}
    assert form == ["502 Bad Gateway"]


def test_plain_text_is_trimmed_and_comparison_signs_survive():
    text = "  state_id must be < 30 chars\n and > 0  "
    assert parse_error_body(text) == ({}, ["state_id must be < 30 chars and > 0"])


def test_json_without_a_known_shape_is_shown_as_raw_text():
    assert parse_error_body('{"unexpected": 1}') == ({}, ['{"unexpected": 1}'])


@pytest.mark.parametrize("body", [None, b"", "   ", b"\xff\xfe\x00"])
def test_empty_or_binary_bodies_never_fail(body):
    fields, form = parse_error_body(body)
    assert fields == {}
    assert all(isinstance(m, str) for m in form)


def test_huge_messages_are_capped():
    fields, form = parse_error_body("x" * 2_000_000)
    assert len(form) == 1 and len(form[0]) <= MAX_MESSAGE_CHARS
    fields, _ = parse_error_body(json.dumps({wire.ERR_ERRORS: {wire.NICKNAME: ["y" * 10_000]}}))
    assert len(fields["nickname"][0]) <= MAX_MESSAGE_CHARS


def test_deeply_nested_json_does_not_crash():
    body = "[" * 100_000 + "]" * 100_000
    fields, form = parse_error_body(body)
    assert isinstance(fields, dict) and isinstance(form, list)


_json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30),
    lambda children: st.lists(children, max_size=5) | st.dictionaries(st.text(max_size=12), children, max_size=5),
    max_leaves=30,
)
_error_like = st.fixed_dictionaries(
    {},
    optional={
        wire.ERR_ERRORS: _json_values,
        wire.ERR_DETAIL: _json_values,
        wire.ERR_MESSAGE: _json_values,
        wire.ERR_FIELD: _json_values,
    },
)


def _check_shape(result):
    fields, form = result
    assert isinstance(fields, dict) and isinstance(form, list)
    for name, messages in fields.items():
        assert isinstance(name, str) and name
        assert messages and all(isinstance(m, str) and len(m) <= MAX_MESSAGE_CHARS for m in messages)
    assert all(isinstance(m, str) and len(m) <= MAX_MESSAGE_CHARS for m in form)


@settings(max_examples=300, deadline=None)
@given(st.one_of(_json_values, _error_like))
def test_any_json_body_parses_into_the_documented_shape(value):
    _check_shape(parse_error_body(json.dumps(value)))


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.binary(max_size=300), st.text(max_size=300)), st.sampled_from([None, "text/html", "x/y"]))
def test_any_bytes_or_text_parse_without_raising(body, content_type):
    _check_shape(parse_error_body(body, content_type))
