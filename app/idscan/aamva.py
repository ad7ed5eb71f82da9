"""Read the PDF417 barcode on the back of a US or Canadian driver's licence or ID card
(AAMVA DL/ID card design standard, versions 00 to 10 and later) into wire fields.

``parse_barcode`` either returns a ``ScanResult`` (possibly with warnings for the clerk) or
raises ``ScanError`` with a plain message; it raises nothing else, whatever the text.

Real cards and real scanners bend the standard; this reader copes with:

* the header written ``ANSI `` or ``AAMVA``, with or without the leading ``@`` and the
  LF/RS/CR compliance characters, and text typed with Caps Lock on (case inverted);
* version 01 headers without the jurisdiction-version field;
* subfile offsets and lengths that are wrong: the ``DL``/``ID`` subfile is found by searching
  for its designator followed by an element ID, never by the directory's offsets;
* element separators sent as LF, CR, CRLF or any other control character, or dropped
  altogether by keyboard-mode scanners. With separators, each line is one element. Without
  them the text is split on the known element IDs, refusing splits that would give an element
  a value it cannot have (``DACDAVID`` is first name David, not an empty first name and a
  height "ID"), that would leave a never-empty element empty, or that fall inside a value
  after a space when the same ID also occurs where an element starts;
* dates as ``MMDDCCYY`` (US), ``CCYYMMDD`` (Canada, version 01) and non-compliant year-first
  or dashed dates: the country's order is tried first, the other only as a fallback, and only
  a real calendar date is accepted;
* ZIP codes padded to nine digits (``902100000`` -> ``90210``, ``902101234`` -> ``90210-1234``)
  and Canadian postal codes without the space (``A1A1A1`` -> ``A1A 1A1``);
* version-01 full names (``DAA`` as ``LAST,FIRST,MIDDLE``, ``LAST, FIRST MIDDLE`` or with
  spaces only) and separate ``DAB``/``DAC``/``DAD``; version-02/03 given names ``DCT`` as
  ``FIRST MIDDLE`` or ``FIRST,MIDDLE``; name-truncation flags ``DDE``/``DDF``/``DDG``;
  placeholders such as ``NONE``, ``UNAVL`` or ``NMN`` instead of a middle name;
* names in capitals, title-cased for the form (``O'BRIEN`` -> ``O'Brien``, accents kept);
* the country from ``DCG``, otherwise from the issuer (Canadian provinces -> CA).

Warnings tell the clerk what to check: an expired ID, a customer under the minimum age of
the store's jurisdiction (from ``app.policy``), and any field that is missing or unreadable.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date
from functools import cache

from app import wire
from app.i18n import QT_TRANSLATE_NOOP as N
from app.i18n import Message
from app.idscan import elements, names
from app.idscan.dates import age_on, parse_card_date
from app.idscan.errors import ScanError
from app.idscan.jurisdictions import CA, ISSUERS, US, country_of
from app.idscan.postal import normalise_postal

try:  # the jurisdiction policy; without it the reader still works, minus the age warning
    from app import policy as _policy
except ImportError:  # pragma: no cover - only in a build without the policy module
    _policy = None  # type: ignore[assignment]

MALE, FEMALE, UNSPECIFIED = wire.GENDERS
DRIVERS_LICENSE, STATE_ID_CARD, *_ = wire.ID_TYPES
SUBFILE_ID_TYPES = {"DL": DRIVERS_LICENSE, "ID": STATE_ID_CARD}
COUNTRY_CODES = {"USA": US, "CAN": CA}

# A PDF417 symbol holds under 2 KB of text; anything far longer is not a card.
MAX_TEXT_LENGTH = 20_000
# The state-ID wire field holds at most this many characters (SPEC.md).
MAX_STATE_ID_LENGTH = 30

# Sentences for the clerk, translated by the window (context "IdScan").
_C = "IdScan"
NOT_A_CARD = Message(
    N(_C, "This is not a driver's licence or ID card barcode: scan the barcode on the back of the card."), _C)
NO_DATA = Message(
    N(_C, "The card's barcode was read but holds no usable data: scan it again or type the details."), _C)
# Whole sentences per item, not "The {what} ...": other languages inflect around the noun.
_MISSING = {
    "first name": N(_C, "The first name is missing from the barcode: type it from the card."),
    "last name": N(_C, "The last name is missing from the barcode: type it from the card."),
    "sex": N(_C, "The sex is missing from the barcode: type it from the card."),
    "ID number": N(_C, "The ID number is missing from the barcode: type it from the card."),
    "date of birth": N(_C, "The date of birth is missing from the barcode: type it from the card."),
    "expiry date": N(_C, "The expiry date is missing from the barcode: type it from the card."),
    "issue date": N(_C, "The issue date is missing from the barcode: type it from the card."),
}
_UNREADABLE = {
    "date of birth": N(_C, "The date of birth on the barcode cannot be read: type it from the card."),
    "expiry date": N(_C, "The expiry date on the barcode cannot be read: type it from the card."),
    "issue date": N(_C, "The issue date on the barcode cannot be read: type it from the card."),
}
_SHORTENED = {
    "first name": N(_C, "The first name was shortened to fit on the card: check it against the card."),
    "middle name": N(_C, "The middle name was shortened to fit on the card: check it against the card."),
    "last name": N(_C, "The last name was shortened to fit on the card: check it against the card."),
}
_UNDER_AGE = {
    "recreational": N(_C, "The customer is {age}, under the minimum age of {minimum} for recreational customers "
                          "in {jurisdiction}."),
    "medical": N(_C, "The customer is {age}, under the minimum age of {minimum} for medical customers "
                     "in {jurisdiction}."),
}
_UNDER_AGE_OTHER = N(_C, "The customer is {age}, under the minimum age of {minimum} for {kind} customers "
                         "in {jurisdiction}.")

_HEADER = re.compile(r"(?:ANSI ?|AAMVA)([0-9]{6})?([0-9]{2})?([0-9]*)")
_DIRECTORY_ENTRY = re.compile(r"([A-Z]{2})[0-9]{8}")
_SEPARATORS = re.compile(r"[\x00-\x1f\x7f]+")
# A jurisdiction subfile ("ZC") followed by its first element ("ZCA"): the end of the DL/ID data.
_Z_SUBFILE = re.compile(r"Z([A-Z])Z\1[A-Z]")
_ALPHA_WORD = re.compile(r"[^\W\d_]")
_STATE_CODE = re.compile(r"[A-Z]{2}")
# Fields that may be empty and are followed, on real cards, by more name parts.
_NAME_PARTS = frozenset({"DAA", "DAB", "DAC", "DAD", "DAE", "DAF", "DCS", "DCT", "DCU", "DBN", "DBG", "DBS"})
# With at least this many lines starting with an element ID, the separators survived.
_MIN_ELEMENT_LINES = 3
# How many following IDs a candidate's value may run to when checking its shape.
_LOOKAHEAD = 4


@dataclass
class ScanResult:
    """What a card's barcode says, shaped for the intake form."""

    fields: dict[str, object]
    expiry_date: date | None = None
    issue_date: date | None = None
    issuer: str | None = None
    version: int | None = None
    warnings: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, object]:
        return {
            "fields": self.fields,
            "expiry_date": self.expiry_date.isoformat() if self.expiry_date else None,
            "issue_date": self.issue_date.isoformat() if self.issue_date else None,
            "issuer": self.issuer,
            "version": self.version,
            "warnings": list(self.warnings),
        }

    def to_json(self, **dumps_options: object) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, **dumps_options)  # type: ignore[arg-type]


@dataclass(frozen=True)
class _Header:
    issuer_number: str | None
    version: int | None
    subfile_types: tuple[str, ...]
    end: int


# --- header and subfile -------------------------------------------------------------------


def _read_header(text: str) -> _Header | None:
    match = _HEADER.search(text)
    if match is None:
        return None
    iin, version, _rest = match.groups()
    # The directory ("DL00410278ZC03190008") follows the digits: keep only the types it lists.
    types: list[str] = []
    pos = match.end()
    while entry := _DIRECTORY_ENTRY.match(text, pos):
        types.append(entry.group(1))
        pos = entry.end()
    return _Header(iin, int(version) if version else None, tuple(types), pos)


@cache
def _patterns(ids: frozenset[str]) -> tuple[re.Pattern[str], re.Pattern[str]]:
    alternatives = "|".join(sorted(ids))
    subfile = re.compile(f"(DL|ID)(?={alternatives})")
    candidates = re.compile(f"(?=({alternatives}))")
    return subfile, candidates


def _find_subfile(text: str, header: _Header, ids: frozenset[str]) -> tuple[int, str | None]:
    """Where the DL/ID elements start, and the subfile type, found by search, not offsets."""
    subfile_pattern, candidate_pattern = _patterns(ids)
    match = subfile_pattern.search(text, header.end)
    first_element = candidate_pattern.search(text, header.end)
    # A designator found after the first element is letters inside a value ("DAVID" + "DAD"):
    # this card has no designator, and its type comes from the header's directory.
    if match is not None and (first_element is None or match.start() <= first_element.start()):
        return match.end(), match.group(1)
    listed = next((t for t in header.subfile_types if t in SUBFILE_ID_TYPES), None)
    return (first_element.start() if first_element else len(text)), listed


# --- splitting into elements ------------------------------------------------------------------


def _split_elements(body: str, ids: frozenset[str]) -> dict[str, str]:
    chunks = [chunk for chunk in _SEPARATORS.split(body) if chunk]
    found: dict[str, str] = {}
    if sum(1 for chunk in chunks if chunk[:3] in ids) >= _MIN_ELEMENT_LINES:
        for chunk in chunks:
            code = chunk[:3]
            if code in ids and code not in found:
                found[code] = chunk[3:].strip()
        return found
    for chunk in chunks:
        z_subfile = _Z_SUBFILE.search(chunk)
        _split_run_together(chunk[: z_subfile.start()] if z_subfile else chunk, ids, found)
    return found


def _split_fits(prev_code: str, prev_value: str, code: str, value: str) -> bool:
    """Whether an element ``code`` may start here, ending the previous element's value."""
    if prev_value.strip():
        return True
    # The previous element's shape is not checked: a bad value on the card must not make every
    # later split fail. Its emptiness is: a name or ID number is never empty.
    if prev_code in elements.NEVER_EMPTY:
        return False
    if prev_code not in _NAME_PARTS:
        return True
    # An empty name part followed by a free-text element whose value is a word ("DAD" + "DARREN")
    # is a name that happens to begin with an element ID.
    if code in _NAME_PARTS or code in elements.SHAPES:
        return True
    head = value.strip()[:1]
    return not (head and _ALPHA_WORD.match(head))


def _next_end(chunk: str, positions: list[int], index: int) -> int:
    after = positions[index] + 3
    return next((q for q in positions[index + 1 :] if q >= after), len(chunk))


def _certain(chunk: str, positions: list[int], index: int) -> bool:
    """An ID with a fixed value shape whose value fits it: surely an element, not letters in a value."""
    pos = positions[index]
    code = chunk[pos : pos + 3]
    shape = elements.SHAPES.get(code)
    if shape is None:
        return False
    return shape.fullmatch(chunk[pos + 3 : _next_end(chunk, positions, index)].strip()) is not None


def _value_can_start(chunk: str, positions: list[int], index: int) -> bool:
    """Whether the element at ``positions[index]`` can have a value running to one of the next
    few IDs, reading past IDs that could be letters of its value but not past a certain one."""
    pos = positions[index]
    code = chunk[pos : pos + 3]
    following = [i for i in range(index + 1, len(positions)) if positions[i] >= pos + 3][:_LOOKAHEAD]
    for i in following:
        if elements.value_fits(code, chunk[pos + 3 : positions[i]]):
            return True
        if _certain(chunk, positions, i):
            return False
    return len(following) < _LOOKAHEAD and elements.value_fits(code, chunk[pos + 3 :])


def _codes_after(chunk: str, positions: list[int], index: int) -> set[str]:
    return {chunk[q : q + 3] for q in positions[index + 1 :]}


def _split_run_together(chunk: str, ids: frozenset[str], found: dict[str, str]) -> None:
    _, candidate_pattern = _patterns(ids)
    positions = [m.start() for m in candidate_pattern.finditer(chunk)]
    if not positions:
        return
    # An ID right after a space is likely a word inside a value when the same ID also occurs
    # where nothing but an element boundary can be.
    strong = {chunk[p : p + 3] for p in positions if p == 0 or not chunk[p - 1].isspace()}
    accepted: list[tuple[int, str]] = []
    taken: set[str] = set()
    for index, pos in enumerate(positions):
        code = chunk[pos : pos + 3]
        if code in found or code in taken:
            continue
        if accepted and pos < accepted[-1][0] + 3:
            continue
        if pos > 0 and chunk[pos - 1].isspace() and code in strong:
            continue
        # Two IDs overlapping ("BUDDA" + "DAC": DAD and DAC) and this one occurring again later:
        # the later occurrence is the element, this one is letters of a value.
        if (
            index + 1 < len(positions)
            and positions[index + 1] < pos + 3
            and code in _codes_after(chunk, positions, index)
        ):
            continue
        if not _value_can_start(chunk, positions, index):
            continue
        if accepted:
            prev_pos, prev_code = accepted[-1]
            value = chunk[pos + 3 : _next_end(chunk, positions, index)]
            if not _split_fits(prev_code, chunk[prev_pos + 3 : pos], code, value):
                continue
        accepted.append((pos, code))
        taken.add(code)
    for number, (pos, code) in enumerate(accepted):
        end = accepted[number + 1][0] if number + 1 < len(accepted) else len(chunk)
        found[code] = chunk[pos + 3 : end].strip()


# --- from elements to fields -----------------------------------------------------------------


def _missing(what: str) -> str:
    return Message(_MISSING[what], _C)


def _unreadable(what: str) -> str:
    return Message(_UNREADABLE[what], _C)


class _Builder:
    """Turns the found elements into a ScanResult, collecting warnings on the way."""

    def __init__(self, found: dict[str, str], header: _Header, subfile: str | None) -> None:
        self.found = found
        self.header = header
        self.subfile = subfile
        self.warnings: list[str] = []
        self.fields: dict[str, object] = {}

    def value(self, *codes: str) -> str | None:
        for code in codes:
            text = self.found.get(code, "").strip()
            if text:
                return text
        return None

    def issuer(self) -> str | None:
        by_number = ISSUERS.get(self.header.issuer_number or "")
        if by_number:
            return by_number
        state = (self.value("DAJ", "DAO") or "").upper()
        return state if _STATE_CODE.fullmatch(state) else None

    def country(self, issuer: str | None) -> str | None:
        stated = COUNTRY_CODES.get((self.value("DCG") or "").upper())
        return stated or country_of(issuer)

    def read_date(self, code: str, what: str, *, year_first: bool, required: bool) -> date | None:
        raw = self.value(code)
        if raw is None:
            if required:
                self.warnings.append(_missing(what))
            return None
        parsed = parse_card_date(raw, year_first=year_first)
        if parsed is None:
            self.warnings.append(_unreadable(what))
        return parsed

    def names(self) -> None:
        last = names.tidy_name(self.value("DCS", "DAB"))
        first = names.tidy_name(self.value("DAC"))
        middle = names.tidy_name(self.value("DAD"))
        given = self.value("DCT")
        if given and first is None:
            first, given_middle = names.split_given_names(given)
            middle = middle or given_middle
        full = self.value("DAA")
        if full and (last is None or first is None):
            full_last, full_first, full_middle, guessed = names.split_full_name(full)
            if guessed:
                self.warnings.append(Message(N(
                    _C, "The card writes the full name without separators: check the first and last name against "
                    "the card."), _C))
            last, first, middle = last or full_last, first or full_first, middle or full_middle
        for value, wire_name, what, flag in (
            (first, wire.FIRST_NAME, "first name", "DDF"),
            (middle, wire.MIDDLE_NAME, "middle name", "DDG"),
            (last, wire.LAST_NAME, "last name", "DDE"),
        ):
            if value:
                self.fields[wire_name] = value
            elif wire_name != wire.MIDDLE_NAME:
                self.warnings.append(_missing(what))
            if (self.value(flag) or "").upper() == "T":
                self.warnings.append(Message(_SHORTENED[what], _C))

    def gender(self) -> None:
        sex = (self.value("DBC") or "").upper()
        if not sex:
            self.warnings.append(_missing("sex"))
            return
        self.fields[wire.GENDER] = {"1": MALE, "M": MALE, "2": FEMALE, "F": FEMALE}.get(sex, UNSPECIFIED)

    def address(self, country: str | None) -> None:
        # DAG..DAK is the mailing address; version 01 may carry a residence address (DAL..DAP).
        address: dict[str, str] = {}
        line1, line2 = self.value("DAG", "DAL"), self.value("DAH", "DAM")
        city, state, postal = self.value("DAI", "DAN"), self.value("DAJ", "DAO"), self.value("DAK", "DAP")
        if line1:
            address[wire.ADDRESS_LINE1] = names.tidy_place(line1)
        if line2:
            address[wire.ADDRESS_LINE2] = names.tidy_place(line2)
        if city:
            address[wire.CITY] = names.tidy_place(city)
        if state:
            address[wire.STATE] = state.upper()
        if postal:
            code, recognised = normalise_postal(postal, country)
            address[wire.ZIP] = code
            if not recognised:
                self.warnings.append(
                    Message(N(_C, "The ZIP or postal code on the barcode is unusual: check it against the card."), _C))
        if country:
            address[wire.COUNTRY] = country
        if address:
            self.fields[wire.ADDRESS] = {name: address[name] for name in wire.ADDRESS_MEMBERS if name in address}

    def state_id(self) -> None:
        number = self.value("DAQ")
        if number is None:
            self.warnings.append(_missing("ID number"))
            return
        self.fields[wire.STATE_ID] = number
        if len(number) > MAX_STATE_ID_LENGTH:
            self.warnings.append(Message(
                N(_C, "The ID number is longer than {max} characters: check it against the card."), _C,
                max=MAX_STATE_ID_LENGTH))


def _minimum_age(jurisdiction: str, customer_type: str | None) -> int | None:
    if _policy is None:
        return None  # pragma: no cover
    try:
        if customer_type:
            return int(_policy.minimum_age(jurisdiction, customer_type))
        return int(_policy.load_policy().jurisdiction(jurisdiction).recreational_min_age)
    except (LookupError, ValueError, TypeError, AttributeError):
        return None  # unknown jurisdiction or type: the form's own checks will say so


def _age_warning(birth: date, today: date, jurisdiction: str, customer_type: str | None) -> str | None:
    minimum = _minimum_age(jurisdiction, customer_type)
    age = age_on(birth, today)
    if minimum is None or age >= minimum:
        return None
    where = jurisdiction.strip().upper()
    template = _UNDER_AGE.get(customer_type or "recreational")
    if template is None:
        return Message(_UNDER_AGE_OTHER, _C, age=age, minimum=minimum, kind=customer_type.replace("_", " "),
                       jurisdiction=where)
    return Message(template, _C, age=age, minimum=minimum, jurisdiction=where)


def _build(
    found: dict[str, str],
    header: _Header,
    subfile: str | None,
    today: date,
    jurisdiction: str | None,
    customer_type: str | None,
) -> ScanResult:
    builder = _Builder(found, header, subfile)
    issuer = builder.issuer()
    country = builder.country(issuer)
    version = header.version
    year_first = country == CA or (version is not None and version <= 1)

    builder.names()
    birth = builder.read_date("DBB", "date of birth", year_first=year_first, required=True)
    if birth is not None:
        builder.fields[wire.DATE_OF_BIRTH] = birth.strftime(wire.DATE_FORMAT)
        if birth > today:
            builder.warnings.append(
                Message(N(_C, "The date of birth is in the future: check it against the card."), _C))
    builder.gender()
    builder.address(country)
    builder.state_id()
    if subfile in SUBFILE_ID_TYPES:
        builder.fields[wire.ID_TYPE] = SUBFILE_ID_TYPES[subfile]
    else:
        builder.warnings.append(
            Message(N(_C, "The barcode does not say whether this is a driver's licence or an ID card."), _C))
    expiry = builder.read_date("DBA", "expiry date", year_first=year_first, required=True)
    issued = builder.read_date("DBD", "issue date", year_first=year_first, required=False)

    if not any(k in builder.fields for k in (wire.STATE_ID, wire.DATE_OF_BIRTH, wire.LAST_NAME, wire.FIRST_NAME)):
        raise ScanError(NO_DATA)
    if expiry is not None and expiry < today:
        builder.warnings.insert(0, Message(N(_C, "This ID expired on {date}: ask for a valid ID."), _C,
                                           date=expiry.isoformat()))
    if birth is not None and jurisdiction:
        warning = _age_warning(birth, today, jurisdiction, customer_type)
        if warning:
            builder.warnings.insert(0, warning)
    return ScanResult(builder.fields, expiry, issued, issuer, version, builder.warnings)


def parse_barcode(
    text: str,
    *,
    today: date | None = None,
    jurisdiction: str | None = None,
    customer_type: str | None = None,
) -> ScanResult:
    """Read an ID card's barcode text, as a scanner or ``decode_image`` delivers it.

    ``jurisdiction`` (the store's, e.g. "CA") and ``customer_type`` enable the minimum-age
    warning; without a type the jurisdiction's recreational age is used. Raises ``ScanError``
    when the text is not an ID card barcode or holds nothing usable.
    """
    if not isinstance(text, str):
        raise ScanError(NOT_A_CARD)
    if len(text) > MAX_TEXT_LENGTH:
        raise ScanError(NOT_A_CARD)
    header = _read_header(text)
    if header is None:
        # A keyboard-wedge scanner typing with Caps Lock on inverts every letter's case.
        swapped = text.swapcase()
        header = _read_header(swapped)
        if header is None:
            raise ScanError(NOT_A_CARD)
        text = swapped
    ids = elements.ids_for(header.version)
    start, subfile = _find_subfile(text, header, ids)
    found = _split_elements(text[start:], ids)
    if not found:
        raise ScanError(NO_DATA)
    return _build(found, header, subfile, today or date.today(), jurisdiction, customer_type)
