"""Rules for single values: each takes what was typed, scanned or read from a file and returns
the value the API wants, or raises :class:`FieldProblem` with a message for the clerk.

The pydantic contract (``app.contract``) runs these as its field validators, so the form, the
command line, the sandbox and the outbox all share them.

Characters, decided per kind of field, before any other check (so what is checked, looked up,
stored in the outbox and sent is the same normalised value):

* every text: a lone surrogate (half of a character, possible in JSON escapes and pasted text)
  is refused; it cannot be stored or sent.
* identifiers (state ID, medical ID, recommendation number, physician licence, phone numbers,
  email, ZIP or postal code, state code): :func:`identifier` removes every invisible character
  (Unicode format characters such as zero-width spaces and direction marks, and control
  characters such as NUL or ESC), applies NFKC (full-width ``Ｄ１２３`` is ``D123``), and trims.
  Tabs and line breaks count as spaces. One card is then one key, however it was typed.
* free text (names, nickname, address lines, city): :func:`clean_text` refuses control
  characters (NUL, ESC, DEL, ...) and the text-direction controls (bidi embeddings, overrides,
  isolates and marks) with a field message, since they change what the POS shows; other
  invisible format characters (zero-width space, joiner, soft hyphen, BOM, tag characters)
  are removed; the text is NFC and its runs of spaces, tabs and line breaks become one space.
* a value made only of spaces and invisible characters is blank (:func:`is_blank`).
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from email_validator import EmailNotValidError, validate_email

from app import wire
from app.i18n import QT_TRANSLATE_NOOP as N
from app.i18n import Message

_C = "Validation"


class FieldProblem(ValueError):
    def __init__(self, message: Message) -> None:
        super().__init__(str(message))
        self.message = message


def problem(template: str, **params: Any) -> FieldProblem:
    return FieldProblem(Message(template, _C, **params))


_INVISIBLE = frozenset({"Cc", "Cf"})  # control and format characters
# Unicode's Bidi_Control characters: they reorder what a screen or receipt shows.
BIDI_CONTROLS = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
_SURROGATE = re.compile("[\ud800-\udfff]")
# Ids (groups, files) are 64-bit on the wire; a longer number names nothing.
MAX_ID = 2**63 - 1
MAX_AMOUNT = 999_999_999


def _invisible(ch: str) -> bool:
    return unicodedata.category(ch) in _INVISIBLE and not ch.isspace()


def is_blank(value: Any) -> bool:
    """None, or text with nothing visible (spaces and invisible characters only)."""
    if value is None:
        return True
    return isinstance(value, str) and all(ch.isspace() or unicodedata.category(ch) in _INVISIBLE for ch in value)


def _text(value: Any, label: str) -> str:
    """A value that should be text: numbers are written out, a lone surrogate is refused."""
    if not isinstance(value, str):
        if isinstance(value, bool) or not isinstance(value, int | float) or (
            isinstance(value, int) and value.bit_length() > 64
        ):
            raise problem(N(_C, "{label} must be text"), label=label)
        value = str(value)
    if _SURROGATE.search(value):
        raise problem(N(_C, "{label} contains a broken character; type it again"), label=label)
    return value


def clean_text(value: Any, label: str) -> str:
    """Free text: control and text-direction characters refused, other invisible ones removed,
    NFC, runs of whitespace made one space and trimmed."""
    text = _text(value, label)
    if not text.isprintable():  # fast path: printable text has no control or format character
        kept = []
        for ch in text:
            if ch.isspace():
                kept.append(" ")
            elif ch in BIDI_CONTROLS or unicodedata.category(ch) == "Cc":
                raise problem(
                    N(_C, "{label} contains an invisible control character; type it again"), label=label
                )
            elif unicodedata.category(ch) != "Cf":
                kept.append(ch)
        text = "".join(kept)
    return " ".join(unicodedata.normalize("NFC", text).split())


def identifier(value: Any, label: str) -> str:
    """An identifier as one key: invisible characters removed, NFKC, whitespace collapsed, trimmed."""
    text = _text(value, label)
    if not text.isprintable():
        text = "".join(ch for ch in text if not _invisible(ch))
    return " ".join(unicodedata.normalize("NFKC", text).split())


_NAME_PUNCTUATION = frozenset(" -'’.")


def person_name(value: Any, label: str, max_length: int = 100) -> str:
    if not isinstance(value, str):  # a number is never a name (a JSON NaN would pass as "nan")
        raise problem(N(_C, "{label} must be text"), label=label)
    text = clean_text(value, label)
    if not text:
        raise problem(N(_C, "{label} is required"), label=label)
    if len(text) > max_length:
        raise problem(N(_C, "{label} can be at most {max} characters"), label=label, max=max_length)
    if not any(ch.isalpha() for ch in text) or any(not (ch.isalpha() or ch in _NAME_PUNCTUATION) for ch in text):
        raise problem(
            N(_C, "{label} may contain only letters, spaces, hyphens, apostrophes and periods"), label=label
        )
    return text


def free_text(value: Any, label: str, max_length: int = 100) -> str:
    text = clean_text(value, label)
    if len(text) > max_length:
        raise problem(N(_C, "{label} can be at most {max} characters"), label=label, max=max_length)
    return text


def state_id_key(value: Any) -> str:
    """The state ID as one key, for uniqueness and look-ups: what :func:`code_text` sends."""
    return identifier(value, "").upper()


def code_text(value: Any, label: str, max_length: int) -> str:
    """ID-like numbers: an :func:`identifier`, upper-cased, inner spaces kept out."""
    text = identifier(value, label).upper()
    if len(text) > max_length:
        raise problem(N(_C, "{label} can be at most {max} characters"), label=label, max=max_length)
    if any(ch.isspace() for ch in text):
        raise problem(N(_C, "{label} must not contain spaces"), label=label)
    return text


_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)


def iso_date(value: Any, label: str) -> date:
    if isinstance(value, date):
        return value
    text = identifier(value, label) if isinstance(value, str) else None
    if text and _ISO_DATE.fullmatch(text):
        try:
            return date.fromisoformat(text)
        except ValueError:
            pass
    elif text:  # 03/14/1988, 14.03.1988: the order is the problem, and saying so is what helps
        raise problem(N(_C, "{label} must be a real date written year first, YYYY-MM-DD, like 1990-04-12"),
                      label=label)
    raise problem(N(_C, "{label} must be a real date, like 1990-04-12"), label=label)


_NON_DIGITS = re.compile(r"[\s().\-/+]")


def phone_digits(value: Any, label: str) -> str:
    """US/Canada numbers as the 10 digits the API wants: '(555) 123-4567', '+1 555 123 4567'."""
    text = identifier(value, label)
    digits = _NON_DIGITS.sub("", text)
    # str.isdigit() also accepts full-width and superscript digits, which the API cannot take
    if not (digits.isascii() and digits.isdigit()):
        raise problem(N(_C, "{label} must be a phone number, like (555) 123-4567"), label=label)
    if len(digits) == 11 and digits.startswith("1"):
        digits = digits[1:]
    if len(digits) != 10:
        raise problem(N(_C, "{label} must have 10 digits, like (555) 123-4567"), label=label)
    if digits[0] in "01":
        raise problem(N(_C, "{label} has an area code that cannot start with 0 or 1"), label=label)
    return digits


def email(value: Any, label: str) -> str:
    text = identifier(value, label)
    try:
        result = validate_email(text, check_deliverability=False)
    except EmailNotValidError:
        raise problem(N(_C, "{label} must be an address like name@example.com"), label=label) from None
    return result.normalized


def choice(value: Any, label: str, allowed: tuple[str, ...]) -> str:
    text = value.strip() if isinstance(value, str) else value
    if text not in allowed:
        raise problem(N(_C, "Choose a {label} from the list"), label=label.lower())
    return text


def flag(value: Any, label: str) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in {"true", "yes", "1"}:
        return True
    if isinstance(value, str) and value.strip().lower() in {"false", "no", "0"}:
        return False
    if isinstance(value, int) and value in (0, 1):
        return bool(value)
    raise problem(N(_C, "{label} must be yes or no"), label=label)


def amount(value: Any, label: str) -> Decimal:
    if isinstance(value, bool):
        raise problem(N(_C, "{label} must be a number, like 28.5"), label=label)
    if isinstance(value, int) and value.bit_length() > 64:
        raise problem(N(_C, "{label} can be at most {max}"), label=label, max=MAX_AMOUNT)
    if isinstance(value, int | float):
        value = repr(value)
    if not isinstance(value, str):
        raise problem(N(_C, "{label} must be a number, like 28.5"), label=label)
    text = identifier(value, label)
    if any(ch.isspace() for ch in text):
        raise problem(N(_C, "{label} must not contain spaces"), label=label)
    try:
        number = Decimal(text)
    except InvalidOperation:
        raise problem(N(_C, "{label} must be a number, like 28.5"), label=label) from None
    if not number.is_finite() or not re.fullmatch(r"\d+(\.\d*)?|\.\d+", text.lstrip("-+")):
        raise problem(N(_C, "{label} must be a number, like 28.5"), label=label)
    if number < 0:
        raise problem(N(_C, "{label} cannot be negative"), label=label)
    if number > MAX_AMOUNT:  # past this the number sent as a float would lose cents, or be infinite
        raise problem(N(_C, "{label} can be at most {max}"), label=label, max=MAX_AMOUNT)
    if -number.as_tuple().exponent > 2:
        raise problem(N(_C, "{label} may have at most 2 digits after the dot"), label=label)
    return number


_US_ZIP = re.compile(r"(\d{5})(?:-?(\d{4}))?", re.ASCII)
_CA_POSTAL = re.compile(r"([ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z]) ?(\d[ABCEGHJ-NPRSTV-Z]\d)", re.ASCII)


def postal_code(value: Any, label: str, country: str | None) -> str:
    text = identifier(value, label).upper()
    us = _US_ZIP.fullmatch(text)
    ca = _CA_POSTAL.fullmatch(text)
    if country == wire.COUNTRIES[0] or (country is None and us):
        if us:
            return us.group(1) + (f"-{us.group(2)}" if us.group(2) else "")
        raise problem(N(_C, "{label} must be a US ZIP code, like 90210 or 90210-1234"), label=label)
    if country == wire.COUNTRIES[1] or (country is None and ca):
        if ca:
            return f"{ca.group(1)} {ca.group(2)}"
        raise problem(N(_C, "{label} must be a Canadian postal code, like K1A 0B1"), label=label)
    raise problem(N(_C, "{label} must be a US ZIP code or a Canadian postal code"), label=label)


def id_list(value: Any, label: str) -> list[int]:
    if value is None:
        return []
    if not isinstance(value, list | tuple):
        raise problem(N(_C, "{label} must be a list of group numbers"), label=label)
    out: list[int] = []
    seen: set[int] = set()
    for item in value:
        if isinstance(item, bool) or not isinstance(item, int | str):
            raise problem(N(_C, "{label} must be a list of group numbers"), label=label)
        try:
            number = int(item)
        except ValueError:
            raise problem(N(_C, "{label} must be a list of group numbers"), label=label) from None
        if number <= 0 or number > MAX_ID:
            raise problem(N(_C, "{label} must be a list of group numbers"), label=label)
        if number not in seen:  # a set: a long list is checked in linear time
            seen.add(number)
            out.append(number)
    return out
