"""Dates as ID cards write them.

The standard says US cards write ``MMDDCCYY`` and Canadian cards (and version-01 cards)
``CCYYMMDD``; real cards also use year-first on US cards and dashes or slashes. We try the
expected order first and fall back to the other, accepting only a real calendar date in a
plausible range, so a wrong guess can never produce a date.
"""

from __future__ import annotations

import re
from datetime import date

_EIGHT_DIGITS = re.compile(r"[0-9]{8}")
_SEPARATED = re.compile(r"([0-9]{1,4})[-/. ]([0-9]{1,2})[-/. ]([0-9]{1,4})")
_MIN_YEAR = 1900
_MAX_YEAR = 2200


def _make(year: str, month: str, day: str) -> date | None:
    y, m, d = int(year), int(month), int(day)
    if not _MIN_YEAR <= y <= _MAX_YEAR:
        return None
    try:
        return date(y, m, d)
    except ValueError:
        return None


def parse_card_date(value: str, *, year_first: bool) -> date | None:
    """The date written in ``value``, or None when it is not a real date in any layout we know."""
    text = value.strip()
    orders: list[tuple[str, str, str]]
    if _EIGHT_DIGITS.fullmatch(text):
        ymd = (text[0:4], text[4:6], text[6:8])
        mdy = (text[4:8], text[0:2], text[2:4])
        orders = [ymd, mdy] if year_first else [mdy, ymd]
    elif match := _SEPARATED.fullmatch(text):
        a, b, c = match.groups()
        if len(a) == 4:
            orders = [(a, b, c)]
        elif len(c) == 4:
            # Month first on US cards; a day-first Canadian card is the fallback.
            orders = [(c, a, b), (c, b, a)]
        else:
            return None
    else:
        return None
    for year, month, day in orders:
        parsed = _make(year, month, day)
        if parsed is not None:
            return parsed
    return None


def age_on(birth: date, today: date) -> int:
    """Whole years completed on ``today`` (a 29 February birthday counts from 1 March)."""
    years = today.year - birth.year
    if (today.month, today.day) < (birth.month, birth.day):
        years -= 1
    return years
