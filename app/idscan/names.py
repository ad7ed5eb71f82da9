"""People's names as ID barcodes write them: ALL CAPS, placeholders for missing parts,
and in old cards one full-name field with commas (or only spaces) between the parts.

Name suffixes (``JR``, ``3RD``, ``II`` ...) are never a middle name. The POS has no suffix
field, so the reader keeps the suffix apart and appends it to the last name
(``CORTEZ,PABLO,,JR`` -> last name "Cortez Jr"), the way POS records usually hold it.
"""

from __future__ import annotations

import re

# Written on cards instead of an empty field ("no middle name", "unavailable", ...).
PLACEHOLDERS = frozenset({
    "NONE", "UNAVL", "UNAVAIL", "UNAVAILABLE", "UNKNOWN", "UNK", "N/A", "NA", "NMN", "NFN", "NLN", "NULL",
})  # fmt: skip
# Generational suffixes: the only ones kept with the name (academic titles such as PH.D. are not).
SUFFIXES = frozenset({
    "JR", "SR", "I", "II", "III", "IV", "V", "VI", "1ST", "2ND", "3RD", "4TH", "5TH", "6TH",
})  # fmt: skip
# Also middle initials: a suffix only in the full name's own suffix part (the fourth).
_AMBIGUOUS_SUFFIXES = frozenset({"I", "V"})

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
    # Some cards end street lines with a comma or another separator ("272 RIVER BLVD,").
    text = _SPACES.sub(" ", raw).strip(" ,;:|/")
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


def is_placeholder(raw: str | None) -> bool:
    """Whether a card's value stands for "no value" ("NONE", "unavl", "N/A" ...)."""
    return raw is not None and raw.strip(" .,").upper() in PLACEHOLDERS


def suffix_of(raw: str | None) -> str | None:
    """A generational name suffix as the form shows it ("JR." -> "Jr", "3RD" -> "3rd"), or None."""
    if raw is None:
        return None
    word = raw.strip(" .,").upper().replace(".", "")
    if word not in SUFFIXES:
        return None
    return word if word.strip("IV") == "" else word.capitalize() if word.isalpha() else word.lower()


def with_suffix(last: str | None, suffix: str | None) -> str | None:
    """The last name with the suffix appended, the one place the POS can keep it."""
    if not suffix or not last or last.upper().replace(".", "").split()[-1] == suffix.upper():
        return last  # no suffix, or the card already wrote it in the last name
    return f"{last} {suffix}"


def split_trailing_suffix(middle: str | None) -> tuple[str | None, str | None]:
    """A middle name ending in a generational suffix, as (middle, suffix): "Lee III" ->
    ("Lee", "III"), "Jr" -> (None, "Jr"). A single I or V stays a middle initial."""
    if not middle:
        return middle, None
    head, _, tail = middle.rpartition(" ")
    suffix = suffix_of(tail) if tail.upper() not in _AMBIGUOUS_SUFFIXES else None
    if suffix is None:
        return middle, None
    return head or None, suffix


def tidy_name(raw: str | None) -> str | None:
    """A name part ready for the form, or None when the card holds nothing or a placeholder."""
    if raw is None:
        return None
    text = _SPACES.sub(" ", _PART_SEPARATORS.sub(" ", raw)).strip(" .")
    if not text or text.upper() in PLACEHOLDERS:
        return None
    return title_case(text)


def split_trailing_initial(first: str | None) -> tuple[str | None, str | None]:
    """A first name ending in a single-letter word, with no middle name elsewhere, holds the
    middle initial ("Motorist E" -> ("Motorist", "E"), as Wyoming writes it)."""
    if first is None:
        return None, None
    head, _, tail = first.rpartition(" ")
    if head and len(tail) == 1 and tail.isalpha():
        return head, tail
    return first, None


def split_given_names(raw: str) -> tuple[str | None, str | None]:
    """DCT-style given names, "FIRST MIDDLE" or "FIRST,MIDDLE", as (first, middle)."""
    text = raw.strip()
    if _PART_SEPARATORS.search(text):
        first, rest = _PART_SEPARATORS.split(text, maxsplit=1)
        return tidy_name(first), tidy_name(rest)
    first, _, rest = text.partition(" ")
    return tidy_name(first), tidy_name(rest)


LAST_FIRST, FIRST_LAST = "last-first", "first-last"


def split_full_name(raw: str, order: str = LAST_FIRST) -> tuple[str | None, str | None, str | None, bool]:
    """A version-01 full name (DAA) as (last, first, middle, order_guessed); see ``split_full_name_parts``."""
    last, first, middle, _suffix, guessed = split_full_name_parts(raw, order)
    return last, first, middle, guessed


def split_full_name_parts(
    raw: str, order: str = LAST_FIRST
) -> tuple[str | None, str | None, str | None, str | None, bool]:
    """A version-01 full name (DAA) as (last, first, middle, suffix, order_guessed).

    The standard writes "LAST,FIRST,MIDDLE,SUFFIX"; some cards write "LAST, FIRST MIDDLE" or use
    only spaces. With only spaces the order is the issuer's (``order``, from the jurisdiction
    table: most write last name first, Pennsylvania first name first); the split between
    middle and last names is still a guess, so it is reported for the clerk to check.
    A suffix is recognised in its own part or as the last word, never kept as a middle name.
    """
    text = raw.strip()
    if _PART_SEPARATORS.search(text):
        parts = [p.strip() for p in _PART_SEPARATORS.split(text)]
        last = parts[0]
        given = [p for p in parts[1:] if p and not is_placeholder(p)]
        fourth_part = len(parts) >= 4 and given and given[-1] == parts[-1]
        unambiguous = len(given) >= 2 and given[-1].upper() not in _AMBIGUOUS_SUFFIXES
        suffix = suffix_of(given[-1]) if fourth_part or unambiguous else None
        if suffix:
            given = given[:-1]
        if len(given) == 1 and " " in given[0]:
            first, middle = given[0].split(" ", 1)
            given = [first, middle]
        first = given[0] if given else None
        middle = " ".join(given[1:]) or None
        if suffix is None:
            middle, suffix = split_trailing_suffix(middle)
        return tidy_name(last), tidy_name(first), tidy_name(middle), suffix, False
    words = text.split()
    suffix = suffix_of(words[-1]) if len(words) > 2 and words[-1].upper() not in _AMBIGUOUS_SUFFIXES else None
    if suffix:
        words = words[:-1]
    if not words:
        return None, None, None, None, False
    if len(words) == 1:
        return tidy_name(words[0]), None, None, suffix, False
    if order == FIRST_LAST:
        last, first, middle = words[-1], words[0], " ".join(words[1:-1])
    else:
        last, first, middle = words[0], words[1], " ".join(words[2:])
    return tidy_name(last), tidy_name(first), tidy_name(middle), suffix, True
