"""Reading JSON from outside within limits (``app.safejson``): size, depth, long numbers, lone surrogates."""

from __future__ import annotations

import io
import json

import pytest

from app import safejson
from app.safejson import JsonRefused, loads


def refused(data) -> str:
    with pytest.raises(JsonRefused) as caught:
        loads(data)
    return str(caught.value)


def nested(levels: int) -> str:
    return "[" * levels + "]" * levels


def test_an_intake_reads_as_usual():
    assert loads(b'{"a": [1, -2, 2.5, "x", null, true, {"b": "\\u00e9\\ud83d\\ude00"}]}') == {
        "a": [1, -2, 2.5, "x", None, True, {"b": "é😀"}]}


def test_nesting_up_to_the_limit_is_read_and_one_more_is_refused():
    assert loads(nested(safejson.MAX_DEPTH))
    assert "nested more than 32 levels" in refused(nested(safejson.MAX_DEPTH + 1))


@pytest.mark.parametrize("levels", [1_000, 100_000, safejson.MAX_BYTES // 5])
def test_deep_nesting_never_reaches_the_parser(levels):
    assert "nested" in refused("[" * levels)
    assert "nested" in refused('{"a":' * levels)


@pytest.mark.parametrize("text", [
    '["' + "[" * 100 + '"]',  # brackets inside a string
    '["\\"' + "{" * 100 + '"]',  # after an escaped quote, still inside the string
    '["\\\\", ' + nested(30) + "]",  # an escaped backslash ends before the closing quote
])
def test_brackets_inside_strings_are_not_nesting(text):
    assert loads(text) == json.loads(text)


def test_escapes_cannot_hide_nesting():
    assert "nested" in refused('["\\\\"' + "," + "[" * 40 + "]" * 40 + "]")


@pytest.mark.parametrize("digits", [1, 19, safejson.MAX_INT_DIGITS])
def test_whole_numbers_up_to_the_limit(digits):
    assert loads("9" * digits) == int("9" * digits)
    assert loads("-" + "9" * digits) == -int("9" * digits)


@pytest.mark.parametrize("digits", [safejson.MAX_INT_DIGITS + 1, 4300, 5000, 100_000])
def test_longer_whole_numbers_are_refused_by_their_length(digits):
    assert f"whole number of {digits} digits" in refused('{"manual_groups": [' + "9" * digits + "]}")


def test_a_long_decimal_is_a_float():
    assert loads("0." + "1" * 5000) == pytest.approx(0.1111111)


@pytest.mark.parametrize(("text", "where"), [
    ('"\\ud800"', "the text"),
    ('{"nickname": "a\\udfffb"}', "'nickname'"),
    ('{"documents": [{"type": "\\udc00"}]}', "'documents.0.type'"),
    ('{"\\ud800": 1}', "the field name '\\ud800'"),
    ('["\\ude00\\ud83d"]', "'0'"),  # a pair in the wrong order is two halves
])
def test_a_lone_surrogate_is_refused_and_located(text, where):
    message = refused(text)
    assert "broken character" in message and f"in {where};" in message
    message.encode("utf-8")  # the message itself can be printed


def test_bytes_over_the_limit_are_refused_before_decoding():
    assert "larger than" in refused(b" " * (safejson.MAX_BYTES + 1))
    assert loads(b" " * (safejson.MAX_BYTES - 2) + b"[]") == []


@pytest.mark.parametrize("raw", [b"\xff", b"\xed\xa0\x80", b"{\"a\": \"\xc3\"}"])
def test_bytes_that_are_not_utf8(raw):
    assert "not JSON" in refused(raw) and "UTF-8" in refused(raw)


@pytest.mark.parametrize("raw", [b"", b"{", b"[1,]", b"{'a': 1}"])
def test_not_json(raw):
    assert refused(raw).startswith("is not JSON (line 1")


def test_a_byte_order_mark_is_skipped():
    assert loads(b"\xef\xbb\xbf{}") == {} and loads("\ufeff[]") == []


def test_read_limited_reads_only_just_past_the_limit():
    class Endless(io.RawIOBase):
        asked = 0

        def readinto(self, buffer):
            self.asked += len(buffer)
            buffer[:] = b"\0" * len(buffer)
            return len(buffer)

        def readable(self):
            return True

    endless = Endless()
    with pytest.raises(JsonRefused, match="larger than 100 bytes"):
        safejson.read_limited(io.BufferedReader(endless, buffer_size=64), 100)
    assert endless.asked <= 100 + 64 + 1
    assert safejson.read_limited(io.BytesIO(b"x" * 100), 100) == b"x" * 100
