"""``intake validate FILE.json [--jurisdiction XX]`` through the real dispatcher."""

from __future__ import annotations

import io
import json
import os

import pytest

from app import cli, safejson, wire


def valid() -> dict:
    return {
        wire.FIRST_NAME: "Ann",
        wire.LAST_NAME: "Lee",
        wire.DATE_OF_BIRTH: "1990-04-12",
        wire.HAS_MEDICAL_RECOMMENDATION: False,
        wire.GENDER: "female",
        wire.TYPE: "recreational",
        wire.MANUAL_GROUPS: [],
    }


def run(capsys, tmp_path, content, *extra: str) -> tuple[int, str, str]:
    path = tmp_path / "intake.json"
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content if isinstance(content, str) else json.dumps(content), encoding="utf-8")
    code = cli.main(["validate", str(path), *extra])
    out, err = capsys.readouterr()
    return code, out, err


def test_a_valid_intake(capsys, tmp_path):
    code, out, err = run(capsys, tmp_path, valid())
    assert code == 0
    assert json.loads(out) == {"valid": True, "errors": {}}
    assert err == ""


def test_an_invalid_intake_lists_errors_by_wire_name(capsys, tmp_path):
    intake = {
        **valid(),
        wire.PHONE: "12",
        wire.ADDRESS: {wire.ADDRESS_LINE1: "1 Main St", wire.CITY: "Los Angeles", wire.STATE: "CA", wire.ZIP: "9021"},
        wire.DOCUMENTS: [{wire.DOC_FILE_ID: 3, wire.DOC_TYPE: "selfie"}],
    }
    code, out, _ = run(capsys, tmp_path, intake)
    result = json.loads(out)
    assert code == 1 and result["valid"] is False
    assert set(result["errors"]) == {wire.PHONE, "address.zip", "documents.0.type"}
    for messages in result["errors"].values():
        assert messages and all(isinstance(m, str) and m for m in messages)


def test_the_intake_itself_is_not_echoed(capsys, tmp_path):
    code, out, _ = run(capsys, tmp_path, {**valid(), wire.FIRST_NAME: "Zoë", wire.LAST_NAME: "L3e"})
    assert code == 1 and "Zoë" not in out and "L3e" not in out  # personal data stays out of the report
    assert list(json.loads(out)["errors"]) == [wire.LAST_NAME]


@pytest.mark.parametrize(("jurisdiction", "customer_type", "code"), [
    ("OK", "recreational", 1), ("OK", "adult", 1), ("ON", "recreational", 0), ("on", "recreational", 0),
])
def test_the_jurisdiction_option(capsys, tmp_path, jurisdiction, customer_type, code):
    got, out, _ = run(capsys, tmp_path, {**valid(), wire.TYPE: customer_type}, "--jurisdiction", jurisdiction)
    assert got == code
    assert json.loads(out)["valid"] is (code == 0)


def test_the_configured_jurisdiction_is_the_default(capsys, tmp_path, monkeypatch):
    monkeypatch.setenv("INTAKE_JURISDICTION", "OK")
    code, out, _ = run(capsys, tmp_path, valid())
    assert code == 1 and wire.TYPE in json.loads(out)["errors"]


def test_an_unknown_jurisdiction_is_unusable_input(capsys, tmp_path):
    code, out, err = run(capsys, tmp_path, valid(), "--jurisdiction", "XX")
    assert code == 2 and out == ""
    assert "'XX' is not a jurisdiction" in err


def test_deprecated_fields_are_warned_about(capsys, tmp_path):
    code, out, _ = run(capsys, tmp_path, {**valid(), wire.HOME_PHONE: "5551234567"})
    result = json.loads(out)
    assert code == 0 and result["valid"] is True
    assert list(result["warnings"]) == [wire.HOME_PHONE]


def test_an_unreadable_file(capsys, tmp_path):
    code = cli.main(["validate", str(tmp_path / "missing.json")])
    out, err = capsys.readouterr()
    assert code == 2 and out == ""
    assert "cannot read" in err


def test_a_directory_is_unreadable(capsys, tmp_path):
    assert cli.main(["validate", str(tmp_path)]) == 2
    assert "cannot read" in capsys.readouterr().err


@pytest.mark.parametrize("content", ["{not json", "", "{\"a\": 1,}"])
def test_not_json(capsys, tmp_path, content):
    code, out, err = run(capsys, tmp_path, content)
    assert code == 2 and out == ""
    assert "is not JSON" in err


def test_not_utf8(capsys, tmp_path):
    code, _, err = run(capsys, tmp_path, b"\xff\xfe{\x00}")
    assert code == 2 and err


@pytest.mark.parametrize("content", [[valid()], "text", 3, None])
def test_json_that_is_not_an_object(capsys, tmp_path, content):
    code, out, _ = run(capsys, tmp_path, json.dumps(content))
    result = json.loads(out)
    assert code == 1 and result["valid"] is False
    assert list(result["errors"]) == ["_form"]


def test_stdin(capsys, monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO(json.dumps(valid())))
    assert cli.main(["validate", "-"]) == 0
    assert json.loads(capsys.readouterr().out)["valid"] is True


# --- hostile files: a plain message and exit status 2, never a traceback ---------------------


@pytest.mark.parametrize(("content", "words"), [
    ("[" * 100_000, "nested more than 32 levels"),
    ('{"a": ' + "[" * 33 + "]" * 33 + "}", "nested more than 32 levels"),
    ('{"manual_groups": [' + "9" * 5000 + "]}", "whole number of 5000 digits"),
    ('{"amount_limit": -' + "9" * 21 + "}", "whole number of 21 digits"),
    ('{"nickname": "\\ud800"}', "broken character"),
    ('{"address": {"city": "L\\udfffA"}}', "'address.city'"),
    ('{"x\\udc00": 1}', "the field name"),
], ids=["deep", "33 levels", "5000 digits", "21 digits", "lone surrogate", "surrogate in a member", "in a name"])
def test_hostile_json_is_refused_plainly(capsys, tmp_path, content, words):
    code, out, err = run(capsys, tmp_path, content)
    assert code == 2 and out == ""
    assert err.startswith("intake validate: ") and words in err
    assert "Traceback" not in err and len(err.splitlines()) == 1


def test_nesting_and_digits_inside_strings_do_not_count(capsys, tmp_path):
    code, out, _ = run(capsys, tmp_path, {**valid(), wire.NICKNAME: "[" * 200 + "\\\"{" + "9" * 50})
    assert code == 1 and list(json.loads(out)["errors"]) == [wire.NICKNAME]  # too long, not too deep


def test_an_endless_file_is_read_only_up_to_the_limit(capsys):
    dev_zero = "/dev/zero"
    if not os.path.exists(dev_zero):
        pytest.skip("no /dev/zero here")
    assert cli.main(["validate", dev_zero]) == 2
    assert f"is larger than {safejson.MAX_BYTES} bytes" in capsys.readouterr().err


def test_a_huge_file_is_refused(capsys, tmp_path):
    code, out, err = run(capsys, tmp_path, json.dumps(valid()) + " " * safejson.MAX_BYTES)
    assert code == 2 and out == "" and "is larger than" in err


def test_a_file_just_under_the_limit_is_read(capsys, tmp_path):
    text = json.dumps(valid())
    code, _, _ = run(capsys, tmp_path, text + " " * (safejson.MAX_BYTES - len(text)))
    assert code == 0


def test_endless_stdin_is_read_only_up_to_the_limit(capsys, monkeypatch):
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(b"[" + b" " * (safejson.MAX_BYTES + 10))))
    assert cli.main(["validate", "-"]) == 2
    assert "standard input is larger than" in capsys.readouterr().err


def test_a_byte_order_mark_is_accepted(capsys, tmp_path):
    code, _, _ = run(capsys, tmp_path, b"\xef\xbb\xbf" + json.dumps(valid()).encode())
    assert code == 0


def test_100000_manual_groups_are_checked(capsys, tmp_path):
    # the check was quadratic (70 s for this file); it is linear now, so this completes at once
    code, out, _ = run(capsys, tmp_path, {**valid(), wire.MANUAL_GROUPS: list(range(1, 100_001))})
    assert code == 0 and json.loads(out)["valid"] is True


def test_full_width_and_invisible_characters_in_identifiers_are_valid(capsys, tmp_path):
    code, out, _ = run(capsys, tmp_path, {**valid(), wire.STATE_ID: "Ｄ１２３\u200b4", wire.PHONE: "５５５ 123 4567"})
    assert code == 0 and json.loads(out)["valid"] is True


def test_control_characters_in_a_name_are_refused_on_the_field(capsys, tmp_path):
    code, out, _ = run(capsys, tmp_path, {**valid(), wire.FIRST_NAME: "An\u202en"})
    assert code == 1
    assert json.loads(out)["errors"] == {wire.FIRST_NAME: ["First name contains an invisible control character; "
                                                           "type it again"]}
