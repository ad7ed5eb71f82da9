"""Rules for single values: each takes what was typed, scanned or read from a file and returns
the value the API wants, or raises :class:`FieldProblem` with a message for the clerk.

The pydantic contract (``app.contract``) runs these as its field validators, so the form, the
command line, the sandbox and the outbox all share them.
"""

from __future__ import annotations

import re
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


def is_blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def clean_text(value: Any, label: str) -> str:
    if not isinstance(value, str):
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise problem(N(_C, "{label} must be text"), label=label)
        value = str(value)
    return " ".join(value.split())


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


def code_text(value: Any, label: str, max_length: int) -> str:
    """ID-like numbers: trimmed, upper-cased, inner spaces kept out."""
    text = clean_text(value, label).upper()
    if len(text) > max_length:
        raise problem(N(_C, "{label} can be at most {max} characters"), label=label, max=max_length)
    if any(ch.isspace() for ch in text):
        raise problem(N(_C, "{label} must not contain spaces"), label=label)
    return text


_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def iso_date(value: Any, label: str) -> date:
    if isinstance(value, date):
        return value
    text = value.strip() if isinstance(value, str) else None
    if text and _ISO_DATE.fullmatch(text):
        try:
            return date.fromisoformat(text)
        except ValueError:
            pass
    raise problem(N(_C, "{label} must be a real date, like 1990-04-12"), label=label)


_NON_DIGITS = re.compile(r"[\s().\-/+]")


def phone_digits(value: Any, label: str) -> str:
    """US/Canada numbers as the 10 digits the API wants: '(555) 123-4567', '+1 555 123 4567'."""
    text = clean_text(value, label)
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
    text = clean_text(value, label)
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
    if isinstance(value, int | float):
        value = repr(value)
    if not isinstance(value, str):
        raise problem(N(_C, "{label} must be a number, like 28.5"), label=label)
    text = value.strip()
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
    if -number.as_tuple().exponent > 2:
        raise problem(N(_C, "{label} may have at most 2 digits after the dot"), label=label)
    return number


_US_ZIP = re.compile(r"(\d{5})(?:-?(\d{4}))?", re.ASCII)
_CA_POSTAL = re.compile(r"([ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z]) ?(\d[ABCEGHJ-NPRSTV-Z]\d)", re.ASCII)


def postal_code(value: Any, label: str, country: str | None) -> str:
    text = clean_text(value, label).upper()
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
    for item in value:
        if isinstance(item, bool) or not isinstance(item, int | str):
            raise problem(N(_C, "{label} must be a list of group numbers"), label=label)
        try:
            number = int(item)
        except ValueError:
            raise problem(N(_C, "{label} must be a list of group numbers"), label=label) from None
        if number <= 0:
            raise problem(N(_C, "{label} must be a list of group numbers"), label=label)
        if number not in out:
            out.append(number)
    return out
