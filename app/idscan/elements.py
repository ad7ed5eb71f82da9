"""The data elements of the AAMVA DL/ID card design standard that this station knows.

Element IDs are three capital letters. When a keyboard-mode scanner drops the line breaks
between elements, the IDs are all we have to split on, and the same three letters can occur
inside a value ("DAVID" holds DAV, "DAYTON" holds DAY). The value shapes below let the
splitter reject a split that would give an element a value it can never have.
"""

from __future__ import annotations

import re
from functools import cache


def _codes(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Versions 02 and later (AAMVA 2005 onward). Version 02/03 given names are DCT; 04+ DAC/DAD.
MODERN_IDS = _codes(
    """DCA DCB DCD DBA DCS DCT DAC DAD DBD DBB DBC DAY DAU DAG DAH DAI DAJ DAK DAQ DCF DCG DDE DDF DDG DAZ
    DCI DCJ DCK DBN DBG DBS DCU DCE DCL DDA DDB DDC DDD DAW DAX DDH DDI DDJ DDK DDL DCM DCN DCO DCP DCQ
    DCR DCH DAA DAB DAE DAF"""
)
# Version 01 (AAMVA DL/ID-2000) and the pre-standard version 00.
LEGACY_IDS = _codes(
    """DAA DAB DAC DAD DAE DAF DAG DAH DAI DAJ DAK DAL DAM DAN DAO DAP DAQ DAR DAS DAT DAU DAV DAW DAX DAY
    DAZ DBA DBB DBC DBD DBE DBF DBG DBH DBI DBJ DBK DBL DBM DBN DBO DBP DBQ DBR DBS DCS DCT DCU DCG DCA
    DCB DCD DCF"""
)
ALL_IDS = MODERN_IDS | LEGACY_IDS
# Legacy elements that newer cards still write (Alberta's version 03: class DAR, endorsements
# DAT). Split on when the separators are dropped, so their values do not run into the
# previous element; never read into a field.
KEPT_LEGACY_IDS = _codes("DAR DAS DAT")


def ids_for(version: int | None) -> frozenset[str]:
    if version is None:
        return ALL_IDS
    return LEGACY_IDS if version <= 1 else MODERN_IDS


@cache
def run_together_ids(version: int | None) -> frozenset[str]:
    """The IDs to split a run of elements without separators on."""
    ids = ids_for(version)
    return ids if version is None or version <= 1 else ids | KEPT_LEGACY_IDS


_DATE = r"[0-9]{8}|[0-9]{1,4}[-/.][0-9]{1,2}[-/.][0-9]{1,4}"
_POSTAL = r"[0-9]{5}[0-9 \-]{0,8}|[A-Z][0-9][A-Z] ?[0-9][A-Z][0-9] *"

# The shape a value of these elements always has. Kept loose enough for real cards that bend
# the standard (eye colour "BRN", height "5'-09\""), tight enough to refuse words and names.
_EYES = "BLK|BLU|BRO|BRN|GRY|GRN|HAZ|HZL|MAR|PNK|DIC|UNK|BLUE|BROWN|GREEN|HAZEL|GRAY|GREY|BLACK|BK|BL|BN|BR|GN|GR|HZ"
_HAIR = "BAL|BLK|BLN|BRO|BRN|GRY|RED|SDY|WHI|UNK|BALD|BLACK|BLOND|BROWN|GRAY|GREY|SANDY|WHITE"
SHAPES: dict[str, re.Pattern[str]] = {
    code: re.compile(pattern)
    for codes, pattern in (
        ("DBA DBB DBD DDB DDC DDH DDI DDJ DBL", _DATE),
        ("DBC", r"[0-9MFUX]"),
        ("DAY", _EYES),
        ("DAZ", _HAIR),
        ("DCG", r"USA|CAN|[A-Z]{3}"),
        ("DAJ DAO", r"[A-Z]{2}"),
        ("DAK DAP", _POSTAL),
        ("DAU", r"[0-9][0-9 '\"\-A-Za-z]{0,9}"),
        ("DAV DAW DAX", r"[0-9]{2,3}( ?[A-Z]{2,3})?"),
        ("DDE DDF DDG", r"[TNU]"),
        ("DDA", r"[FMN]"),  # fully, materially or not compliant
        ("DDD DDK DDL", r"[01]"),
        ("DBH DBI", r"[YN]"),
        ("DCE", r"[0-9]"),
    )
    for code in codes.split()
}

# Written instead of a value the card does not have, in any element (the standard's "NONE"
# and "unavl"): a value every element may have.
_PLACEHOLDER = re.compile(r"NONE|UNAVL|UNAVAILABLE|UNK|N/A", re.IGNORECASE)
# Physical descriptions some cards leave empty ("DAYDAUDAG..." on Michigan's).
MAY_BE_EMPTY = frozenset({"DAY", "DAZ", "DAU", "DAW", "DAX", "DCE", "DCG"})
# Elements that are never empty on a card: a split leaving one of them empty is a wrong split.
NEVER_EMPTY = (
    frozenset({"DAQ", "DCS", "DAC", "DCT", "DAB", "DAA", "DAG", "DAI", "DAL", "DAN"}) | SHAPES.keys()
) - MAY_BE_EMPTY


def value_fits(code: str, value: str) -> bool:
    """Whether ``value`` could be the value of element ``code``."""
    text = value.strip()
    shape = SHAPES.get(code)
    if shape is not None:
        if not text:
            return code in MAY_BE_EMPTY
        return shape.fullmatch(text) is not None or _PLACEHOLDER.fullmatch(text) is not None
    return bool(text) or code not in NEVER_EMPTY
