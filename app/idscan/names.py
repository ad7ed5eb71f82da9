"""People's names as ID barcodes write them: ALL CAPS, placeholders for missing parts,
and in old cards one full-name field with commas (or only spaces) between the parts."""

from __future__ import annotations

import re

# Written on cards instead of an empty field ("no middle name", "unavailable", ...).
PLACEHOLDERS = frozenset({"NONE", "UNAVL", "UNAVAIL", "UNAVAILABLE", "UNKNOWN", "N/A", "NA", "NMN", "NFN", "NLN"})

# A word starts at the beginning, after a space, a hyphen, an apostrophe or a dot:
# "O'BRIEN" -> "O'Brien", "SMITH-JONES" -> "Smith-Jones", "ST. JOHN" -> "St. John".
_WORD_START = re.compile(r"(^|[\s\-'\u2019.(])(\w)")
_SPACES = re.compile(r"\s+")
_PART_SEPARATORS = re.compile(r"[,$]")


# Address words that stay in capitals ("NE 5TH AVE" -> "NE 5th Ave", "PO BOX 12" -> "PO Box 12").
_PLACE_ABBREVIATIONS = frozenset({"N", "S", "E", "W", "NE", "NW", "SE", "SW", "PO", "RR", "HC", "US", "SR", "CR"})
_WORD = re.compile(r"\S+")
_ORDINAL = re.compile(r"[0-9]+(ST|ND|RD|TH)")


def title_case(name: str) -> str:
    """Title-case a name written in capitals; a name already in mixed case is kept as written."""
    if any(ch.islower() for ch in name):
        return name
    return _WORD_START.sub(lambda m: m.group(1) + m.group(2).upper(), name.lower())


def tidy_place(raw: str) -> str:
    """A street or city written in capitals, title-cased except for postal abbreviations."""
    text = _SPACES.sub(" ", raw).strip()
    if any(ch.islower() for ch in text):
        return text
    return _WORD.sub(lambda m: _place_word(m.group(0)), text)


def _place_word(word: str) -> str:
    if word in _PLACE_ABBREVIATIONS:
        return word
    if _ORDINAL.fullmatch(word):
        return word.lower()  # "24TH" -> "24th"
    if any(ch.isdigit() for ch in word):
        return word  # unit and lot numbers: "4B", "N12W"
    return title_case(word)


def tidy_name(raw: str | None) -> str | None:
    """A name part ready for the form, or None when the card holds nothing or a placeholder."""
    if raw is None:
        return None
    text = _SPACES.sub(" ", _PART_SEPARATORS.sub(" ", raw)).strip(" .")
    if not text or text.upper() in PLACEHOLDERS:
        return None
    return title_case(text)


def split_given_names(raw: str) -> tuple[str | None, str | None]:
    """DCT-style given names, "FIRST MIDDLE" or "FIRST,MIDDLE", as (first, middle)."""
    text = raw.strip()
    if _PART_SEPARATORS.search(text):
        first, rest = _PART_SEPARATORS.split(text, maxsplit=1)
        return tidy_name(first), tidy_name(rest)
    first, _, rest = text.partition(" ")
    return tidy_name(first), tidy_name(rest)


def split_full_name(raw: str) -> tuple[str | None, str | None, str | None, bool]:
    """A version-01 full name (DAA) as (last, first, middle, order_guessed).

    The standard writes "LAST,FIRST,MIDDLE"; some cards write "LAST, FIRST MIDDLE" or use
    only spaces. With only spaces the order cannot be known, so we read it in the standard's
    order and say it was a guess so the clerk checks it against the card.
    """
    text = raw.strip()
    if _PART_SEPARATORS.search(text):
        parts = [p.strip() for p in _PART_SEPARATORS.split(text)]
        last = parts[0]
        given = [p for p in parts[1:] if p]
        if len(given) == 1 and " " in given[0]:
            first, middle = given[0].split(" ", 1)
            given = [first, middle]
        first = given[0] if given else None
        middle = " ".join(given[1:]) or None
        return tidy_name(last), tidy_name(first), tidy_name(middle), False
    words = text.split()
    if not words:
        return None, None, None, False
    if len(words) == 1:
        return tidy_name(words[0]), None, None, False
    return tidy_name(words[0]), tidy_name(words[1]), tidy_name(" ".join(words[2:])), True
