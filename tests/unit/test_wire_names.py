"""Every wire name lives in ``app.wire``: the spec's field table, the model's aliases and the rest of ``app/``
must agree with it."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from app import wire
from app.contract import Address, CustomerCreate, Document

ROOT = Path(__file__).resolve().parents[2]

# SPEC.md, "Body fields (in the order of the seed page)": the reference, copied by hand on purpose.
SPEC_BODY_FIELDS = (
    "first_name", "last_name", "date_of_birth", "phone", "email", "nickname", "has_medical_recommendation",
    "recommendation_expiration_date", "middle_name", "state_id", "medical_id", "recommendation_number", "gender",
    "amount_limit", "physician_license", "type", "id_type", "referral_source", "cell_phone", "home_phone",
    "work_phone", "address", "marketing_mail", "marketing_email", "marketing_sms", "marketing_calls",
    "manual_groups", "documents",
)
SPEC_ADDRESS_MEMBERS = ("address_line1", "address_line2", "city", "state", "zip", "country")

# String literals equal to a body field name that mean something else where they stand.
# Each entry is (module, literal): reason. A new coincidence must be added here with its reason;
# a literal that does mean the wire field must use the constant from app.wire instead.
NOT_WIRE_NAMES: dict[tuple[str, str], str] = {
    ("app/validation.py", "type"): "the key of a pydantic error dict",
    ("app/validation.py", "medical_id"): "a requirement name of the policy file",
    ("app/policy.py", "medical_id"): "a condition and requirement name of the policy file",
    ("app/sandbox/gate.py", "type"): "the key of an ASGI message",
    ("app/sandbox/api.py", "type"): "the key of an ASGI message",
    ("app/sandbox/api.py", "state_id"): "the route parameter of wire.PATH_CUSTOMER_BY_STATE_ID",
    ("app/audit.py", "documents"): "an audit detail: how many documents were attached",
    ("app/commands/outbox.py", "documents"): "a column of the outbox listing: how many documents",
    ("app/disclosure.py", "email"): "a channel key of the disclosure files",
    ("app/steps.py", "address"): "the key of a wizard step",
    ("app/steps.py", "documents"): "the key of a wizard step",
}


def test_spec_table_has_28_fields():
    assert len(SPEC_BODY_FIELDS) == len(set(SPEC_BODY_FIELDS)) == 28


def test_wire_body_fields_equal_the_spec_in_order():
    assert wire.BODY_FIELDS == SPEC_BODY_FIELDS
    assert wire.ADDRESS_MEMBERS == SPEC_ADDRESS_MEMBERS
    assert {"home_phone", "work_phone"} == wire.DEPRECATED_FIELDS
    assert wire.MARKETING_FIELDS == ("marketing_mail", "marketing_email", "marketing_sms", "marketing_calls")


def test_model_fields_follow_the_spec_order():
    assert tuple(info.alias for info in CustomerCreate.model_fields.values()) == SPEC_BODY_FIELDS


def wire_strings() -> set[str]:
    return {value for name, value in vars(wire).items() if name.isupper() and isinstance(value, str)}


@pytest.mark.parametrize("model", [CustomerCreate, Address, Document])
def test_every_alias_is_a_wire_constant(model):
    for name, info in model.model_fields.items():
        assert info.alias in wire_strings(), (model.__name__, name)
        assert name == info.alias  # attribute names equal wire names, so by-name and by-alias agree
    assert {info.alias for info in Address.model_fields.values()} == set(wire.ADDRESS_MEMBERS)
    assert {info.alias for info in Document.model_fields.values()} == {wire.DOC_FILE_ID, wire.DOC_TYPE}


def test_every_alias_in_the_contract_source_is_spelt_with_app_wire():
    tree = ast.parse((ROOT / "app" / "contract.py").read_text(encoding="utf-8"))
    aliases = [kw.value for node in ast.walk(tree) if isinstance(node, ast.Call)
               for kw in node.keywords if kw.arg == "alias"]
    assert len(aliases) >= 28 + len(SPEC_ADDRESS_MEMBERS) + 2
    for value in aliases:
        assert isinstance(value, ast.Attribute) and isinstance(value.value, ast.Name) and value.value.id == "wire", (
            ast.unparse(value))


def docstring_nodes(tree: ast.AST) -> set[int]:
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                found.add(id(first.value))
        # attribute docstrings: a bare string right after an assignment
        for body in (getattr(node, "body", None), getattr(node, "orelse", None)):
            if isinstance(body, list):
                found.update(id(s.value) for s in body if isinstance(s, ast.Expr) and isinstance(s.value, ast.Constant))
    return found


def literal_wire_names(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    docs = docstring_nodes(tree)
    return [
        (node.lineno, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and node.value in SPEC_BODY_FIELDS and id(node) not in docs
    ]


SOURCES = sorted(p for p in (ROOT / "app").rglob("*.py") if p != ROOT / "app" / "wire.py")


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_module_spells_a_body_field_name_itself(path):
    relative = path.relative_to(ROOT).as_posix()
    found = [(line, name) for line, name in literal_wire_names(path) if (relative, name) not in NOT_WIRE_NAMES]
    assert found == [], f"{relative}: use the constant from app.wire for {found}"


def test_the_scan_finds_literals_but_not_docstrings(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text(
        '"""first_name"""\nX = "cell_phone"\n"""gender"""\ndef f():\n    """email"""\n    return {"type": 1}\n'
    )
    assert literal_wire_names(sample) == [(2, "cell_phone"), (6, "type")]
