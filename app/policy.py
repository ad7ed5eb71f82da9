"""Jurisdiction policy, read from ``resources/policy/jurisdictions.toml``.

The table is data a store can review: allowed customer types, the proposed default type,
and minimum ages. This module only reads it and answers questions about it.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from functools import cache

from app.assets import read_text

_CONDITIONS = frozenset({"medical_id", "recommendation", "under_18", "always"})
_REQUIREMENTS = frozenset({"medical_id", "recommendation", "either"})


class UnknownJurisdiction(ValueError):
    """The code names no US state, district, territory or Canadian province or territory."""

    def __init__(self, code: object) -> None:
        super().__init__(
            f"'{code}' is not a jurisdiction this station knows: use a two-letter US state, "
            "territory or Canadian province code such as CA, OK or ON"
        )
        self.code = code


@dataclass(frozen=True)
class CustomerType:
    name: str
    medical: bool
    requires: str | None
    min_age: int | None
    max_age: int | None


@dataclass(frozen=True)
class Jurisdiction:
    code: str
    name: str
    country: str
    types: tuple[str, ...]
    default_rules: tuple[tuple[str, str], ...]
    recreational_min_age: int


@dataclass(frozen=True)
class Policy:
    jurisdictions: Mapping[str, Jurisdiction]
    customer_types: Mapping[str, CustomerType]

    def jurisdiction(self, code: str) -> Jurisdiction:
        key = code.strip().upper() if isinstance(code, str) else code
        try:
            return self.jurisdictions[key]
        except (KeyError, TypeError):
            raise UnknownJurisdiction(code) from None

    def min_age(self, code: str, customer_type: str) -> int:
        jur = self.jurisdiction(code)
        kind = self.customer_types[customer_type]
        return jur.recreational_min_age if kind.min_age is None else kind.min_age


class PolicyError(ValueError):
    """The policy file is inconsistent; raised at load so a bad edit is caught at once."""


def parse_policy(text: str) -> Policy:
    raw = tomllib.loads(text)
    types: dict[str, CustomerType] = {}
    for name, spec in raw.get("types", {}).items():
        requires = spec.get("requires")
        if spec.get("medical") and requires not in _REQUIREMENTS:
            raise PolicyError(f"type {name}: medical types need requires = medical_id, recommendation or either")
        types[name] = CustomerType(name, bool(spec.get("medical")), requires, spec.get("min_age"), spec.get("max_age"))
    sets = raw.get("type_sets", {})
    for set_name, spec in sets.items():
        for t in spec["types"]:
            if t not in types:
                raise PolicyError(f"type set {set_name}: unknown type {t}")
        for condition, t in spec["default"]:
            if condition not in _CONDITIONS or t not in spec["types"]:
                raise PolicyError(f"type set {set_name}: bad default rule {condition} -> {t}")
        if spec["default"][-1][0] != "always":
            raise PolicyError(f"type set {set_name}: the last default rule must be 'always'")
    jurisdictions: dict[str, Jurisdiction] = {}
    for code, spec in raw.get("jurisdictions", {}).items():
        type_set = sets.get(spec["type_set"])
        if type_set is None:
            raise PolicyError(f"jurisdiction {code}: unknown type set {spec['type_set']}")
        if spec["country"] not in ("US", "CA"):
            raise PolicyError(f"jurisdiction {code}: country must be US or CA")
        jurisdictions[code] = Jurisdiction(
            code=code,
            name=spec["name"],
            country=spec["country"],
            types=tuple(type_set["types"]),
            default_rules=tuple((c, t) for c, t in type_set["default"]),
            recreational_min_age=int(spec["recreational_min_age"]),
        )
    return Policy(jurisdictions, types)


@cache
def load_policy() -> Policy:
    return parse_policy(read_text("policy", "jurisdictions.toml"))


def age_on(birth: date, today: date) -> int:
    """Whole years completed on ``today``. A 29 February birthday is reached on 1 March in
    common years (the later reading, so no one is counted of age a day early)."""
    years = today.year - birth.year
    if (today.month, today.day) < (birth.month, birth.day):
        years -= 1
    return years


def allowed_types(code: str) -> tuple[str, ...]:
    return load_policy().jurisdiction(code).types


def minimum_age(code: str, customer_type: str) -> int:
    return load_policy().min_age(code, customer_type)


def default_type(
    code: str, *, has_medical_id: bool, has_recommendation: bool, age: int | None
) -> str:
    """The type the form proposes until the clerk picks one."""
    facts = {
        "medical_id": has_medical_id,
        "recommendation": has_recommendation,
        "under_18": age is not None and age < 18,
        "always": True,
    }
    for condition, customer_type in load_policy().jurisdiction(code).default_rules:
        if facts[condition]:
            return customer_type
    raise AssertionError("the policy guarantees an 'always' rule")  # pragma: no cover


def country_of_region(code: str) -> str | None:
    """US or CA for a state/province code, None when unknown."""
    jur = load_policy().jurisdictions.get(code.strip().upper()) if isinstance(code, str) else None
    return jur.country if jur else None
