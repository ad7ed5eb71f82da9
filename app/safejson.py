"""JSON from outside (an intake file, standard input, a request to the sandbox) read within
limits, so that no input can fill the memory, overflow the stack, or carry a value that could
never be stored or sent:

* at most :data:`MAX_BYTES` (an intake is a few KB); a file is read with this limit, never whole,
  so ``/dev/zero`` or a huge file is refused after reading just past the limit;
* nested at most :data:`MAX_DEPTH` levels (an intake needs three: record, documents, document),
  checked by a linear scan before parsing;
* whole numbers of at most :data:`MAX_INT_DIGITS` digits (no field takes a longer one);
* no lone surrogate (a ``"\\ud800"`` escape): half a character cannot be encoded, stored or sent.

A refusal is :class:`JsonRefused`; its text completes a sentence naming the input ("FILE is
larger than ..."). These texts are for the command line and the sandbox's replies (English).
"""

from __future__ import annotations

import json
import re
from typing import Any, BinaryIO

MAX_BYTES = 1024 * 1024
MAX_DEPTH = 32
MAX_INT_DIGITS = 20

_SPECIAL = re.compile(r'[\[\]{}"\\]')
_SURROGATE = re.compile("[\ud800-\udfff]")


class JsonRefused(ValueError):
    """Input that is not JSON, or is JSON past one of the limits; ``str()`` says which."""


class _LongNumber(Exception):
    def __init__(self, digits: int) -> None:
        super().__init__(digits)
        self.digits = digits


def read_limited(stream: BinaryIO, limit: int = MAX_BYTES) -> bytes:
    """At most ``limit`` bytes of ``stream``; refused when there are more."""
    data = stream.read(limit + 1)
    if len(data) > limit:
        raise JsonRefused(f"is larger than {limit} bytes; an intake is a few kilobytes")
    return data


def loads(data: bytes | str) -> Any:
    """The JSON value in ``data`` (UTF-8, with or without a byte-order mark), within the limits."""
    if len(data) > MAX_BYTES:
        raise JsonRefused(f"is larger than {MAX_BYTES} bytes; an intake is a few kilobytes")
    if isinstance(data, bytes):
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise JsonRefused(f"is not JSON: byte {exc.start} is not UTF-8 text") from None
    else:
        text = data.removeprefix("\ufeff")
    if _too_deep(text):
        raise JsonRefused(f"is nested more than {MAX_DEPTH} levels deep; an intake needs three")
    try:
        value = json.loads(text, parse_int=_whole_number)
    except json.JSONDecodeError as exc:
        raise JsonRefused(f"is not JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})") from None
    except _LongNumber as exc:
        raise JsonRefused(
            f"holds a whole number of {exc.digits} digits; no field takes more than {MAX_INT_DIGITS}"
        ) from None
    where = _lone_surrogate(value)
    if where is not None:
        raise JsonRefused(
            f"holds a broken character (half of a UTF-16 surrogate pair, like \\ud800) in {where}; "
            "it can never be stored or sent"
        )
    return value


def _whole_number(text: str) -> int:
    digits = len(text.lstrip("-"))
    if digits > MAX_INT_DIGITS:
        raise _LongNumber(digits)
    return int(text)


def _too_deep(text: str) -> bool:
    """Whether brackets outside strings nest deeper than MAX_DEPTH: one pass over the special characters."""
    depth = 0
    in_string = False
    escaped_until = -1
    for match in _SPECIAL.finditer(text):
        pos = match.start()
        if pos < escaped_until:
            continue
        ch = text[pos]
        if in_string:
            if ch == "\\":
                escaped_until = pos + 2
            elif ch == '"':
                in_string = False
        elif ch == '"':
            in_string = True
        elif ch in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                return True
        elif ch in "]}":
            depth -= 1
    return False


def _lone_surrogate(value: Any) -> str | None:
    """Where the first string holding a lone surrogate is (its dotted path, escaped), or None."""
    stack: list[tuple[str, Any]] = [("", value)]
    while stack:
        path, item = stack.pop()
        if isinstance(item, str):
            if _SURROGATE.search(item):
                return f"'{path}'" if path else "the text"
        elif isinstance(item, dict):
            for key, member in item.items():
                child = f"{path}.{_printable(key)}" if path else _printable(key)
                if _SURROGATE.search(key):
                    return f"the field name '{child}'"
                stack.append((child, member))
        elif isinstance(item, list):
            stack.extend((f"{path}.{index}" if path else str(index), member) for index, member in enumerate(item))
    return None


def _printable(key: str) -> str:
    return json.dumps(key)[1:-1]  # ASCII, a surrogate written as its \\u escape
