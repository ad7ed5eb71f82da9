"""Cards whose PDF417 barcode holds the magnetic-stripe track text instead of AAMVA elements
(British Columbia's licences and combined cards, some older US cards):

    %BCVICTORIA^SPECIMEN,$TEST CARD^910 GOVERNMENT ST$VICTORIA BC  V8W 3Y8^?;6360282222222=240919700906=?_%0A...

Track 1 (``%`` .. ``?``): jurisdiction, city (13 characters at most, ``^`` after a shorter one),
name (``LAST,$FIRST MIDDLE`` or ``LAST$FIRST$MIDDLE``) and address lines separated by ``$``,
whose last line may be "CITY PROV  POSTAL". Track 2 (``;`` .. ``?``): issuer number, ID number,
``=``, expiry ``YYMM`` and birth date ``CCYYMMDD``. Track 3 (``%`` .. ``?``, BC writes ``_%``):
version, security, postal code (11), class (2), restrictions (10), endorsements (4), sex.

``read_tracks`` turns the text into the AAMVA element IDs the rest of the reader uses, so
one set of rules (placeholders, title case, postal codes, warnings) applies to both formats.
"""

from __future__ import annotations

import calendar
import re

_TRACK_1_START = re.compile(r"%[A-Z]{2}[^^?;%]{1,50}\^")
_TRACK_2 = re.compile(r";([0-9]{6})([0-9]{1,13})=([0-9]{4})([0-9]{8})[0-9]*=?\??")
_CITY_LINE = re.compile(r"(.*?)\s+([A-Z]{2})\s+([A-Z][0-9][A-Z] ?[0-9][A-Z][0-9]|[0-9]{5}(?:-?[0-9]{4})?)")
_CITY_LENGTH = 13
# Track 3 after its start sentinel: version, security, postal code, class, restrictions, endorsements.
_SEX_OFFSET = 1 + 1 + 11 + 2 + 10 + 4
_POSTAL = slice(2, 13)


def looks_like_tracks(text: str) -> bool:
    stripped = text.lstrip()
    return stripped.startswith("%") and _TRACK_2.search(stripped) is not None


def looks_like_cut_tracks(text: str) -> bool:
    """Track 1 of a card ("%BCVICTORIA^...") without a whole track 2: a scan cut short."""
    return _TRACK_1_START.match(text.lstrip()) is not None and not looks_like_tracks(text)


def _expiry(yymm: str, birth: str) -> str | None:
    """The expiry as CCYY-MM-DD: the month's last day, or the birthday for the 88/99 codes."""
    year, month = 2000 + int(yymm[:2]), int(yymm[2:])
    if month == 77:
        return None
    if month in (88, 99):
        month = int(birth[4:6])
        day = int(birth[6:8]) if yymm[2:] == "99" else calendar.monthrange(year, month)[1]
    elif 1 <= month <= 12:
        day = calendar.monthrange(year, month)[1]
    else:
        return yymm  # unreadable: the reader says so
    return f"{year:04d}-{month:02d}-{min(day, calendar.monthrange(year, month)[1]):02d}"


def _name_parts(name: str) -> tuple[str, str, str]:
    last, _, given = name.partition("$")
    given = given.replace("$", " ").strip()
    first, _, middle = given.partition(" ")
    return last.strip(" ,"), first.strip(), middle.strip()


def read_tracks(text: str) -> tuple[str | None, dict[str, str]]:
    """(issuer number, elements) from magnetic-stripe track text; elements may be empty."""
    stripped = text.strip()
    track2 = _TRACK_2.search(stripped)
    if track2 is None:
        return None, {}
    iin, number, yymm, birth = track2.groups()
    track1 = stripped[1 : stripped.find("?")] if "?" in stripped[: track2.start() + 1] else stripped[1 : track2.start()]
    track3 = stripped[track2.end() :].lstrip("_")[1:]
    found: dict[str, str] = {"DAQ": number, "DBB": f"{birth[:4]}-{birth[4:6]}-{birth[6:]}"}
    if expiry := _expiry(yymm, birth):
        found["DBA"] = expiry
    state, parts = track1[:2], track1[2:].split("^")
    if parts and len(parts[0]) > _CITY_LENGTH:  # a full-length city has no ^ after it
        parts[0:1] = [parts[0][:_CITY_LENGTH], parts[0][_CITY_LENGTH:]]
    city = parts[0].strip() if parts else ""
    if len(parts) > 1:
        found["DCS"], found["DAC"], found["DAD"] = _name_parts(parts[1])
    lines = [line.strip() for line in (parts[2] if len(parts) > 2 else "").split("$") if line.strip()]
    postal = track3[_POSTAL].strip() if len(track3) > _POSTAL.stop else ""
    if lines and (match := _CITY_LINE.fullmatch(lines[-1])):
        city, state, postal = match.group(1), match.group(2), match.group(3)
        lines = lines[:-1]
    for code, line in zip(("DAG", "DAH"), lines, strict=False):
        found[code] = line
    found.update({"DAI": city, "DAJ": state, "DAK": postal})
    if len(track3) > _SEX_OFFSET and track3[_SEX_OFFSET] in "MFX12":
        found["DBC"] = track3[_SEX_OFFSET]
    return iin, {code: value for code, value in found.items() if value}
