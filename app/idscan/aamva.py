"""Read the PDF417 barcode on the back of a US or Canadian driver's licence or ID card
(AAMVA DL/ID card design standard, versions 00 to 10 and later) into wire fields.

``parse_barcode`` either returns a ``ScanResult`` (possibly with warnings for the clerk) or
raises ``ScanError`` with a plain message; it raises nothing else, whatever the text. The
header and the elements are found by ``app.idscan.layout``; this module turns them into the
form's fields and the clerk's warnings.

Real cards and real scanners bend the standard; this reader copes with:

* the header written ``ANSI ``, ``AAMVA`` or with a letter dropped (``@AMVA 636...``), with or
  without the leading ``@`` and the LF/RS/CR compliance characters, and text typed with Caps
  Lock on (case inverted);
* British Columbia's cards, whose barcode holds magnetic-stripe track text
  (``%BC...^...^...?;636028...=...?``, read by ``app.idscan.magstripe``);
* version 01 headers without the jurisdiction-version field;
* subfile offsets and lengths that are wrong: the ``DL``/``ID`` subfile is found by searching
  for its designator followed by an element ID, never by the directory's offsets;
* element separators sent as LF, CR, CRLF, any other control character (C1 controls
  U+0080-U+009F included: some cards and scanners use them as separators or padding),
  ``|`` (some scanner software), or dropped altogether by keyboard-mode scanners. With
  separators, each line is one element. Without them the text is split on the known element
  IDs of the card's version, refusing splits that would give an element a value it cannot
  have (``DACDAVID`` is first name David, not an empty first name and a height "ID"), that
  would leave a never-empty element empty, or that fall inside a value after a space when
  the same ID also occurs where an element starts;
* a stray byte inside an element ID (``DÔCSSMITH``): the element is recovered when removing
  the byte gives an ID the card has not used yet, and the clerk is asked to check the field;
* a scan shorter than the header's declared subfile length (a cut-off scan): the clerk is
  asked to scan again and the element cut at the end is left out, never filled as if complete;
* placeholders (``NONE``, ``UNAVL``, ``N/A`` ...) in any element, read as "no value";
* dates as ``MMDDCCYY`` (US), ``CCYYMMDD`` (Canada, version 01) and non-compliant year-first
  or dashed dates: the country's order is tried first, the other only as a fallback, and only
  a real calendar date is accepted;
* ZIP codes padded to nine digits (``902100000`` -> ``90210``, ``902101234`` -> ``90210-1234``)
  or padded otherwise (``0210800000``, ``96826     0`` -> the five-digit ZIP), Canadian postal
  codes without the space (``A1A1A1`` -> ``A1A 1A1``), street lines ending in a comma;
* version-01 full names (``DAA`` as ``LAST,FIRST,MIDDLE,SUFFIX``, ``LAST, FIRST MIDDLE`` or
  with spaces only, in the issuer's order from ``app.idscan.jurisdictions``) and separate
  ``DAB``/``DAC``/``DAD``; name suffixes (``DCU``, or the full name's suffix part) are never
  a middle name: the reader appends them to the last name and says so in its summary;
  a middle initial written at the end of the first name (``MOTORIST E``); version-02/03 given
  names ``DCT`` as
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

from app import wire
from app.i18n import QT_TRANSLATE_NOOP as N
from app.i18n import Message
from app.idscan import magstripe, names
from app.idscan.dates import age_on, parse_card_date
from app.idscan.errors import ScanError
from app.idscan.jurisdictions import CA, FULL_NAME_FIRST_NAME_FIRST, ISSUERS, US, country_of
from app.idscan.layout import Header, Split, cut_off, find_subfile, read_header, split_elements
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
# A field read from an element whose ID held a stray byte.
_DAMAGED = {
    "DCS": N(_C, "The last name was read from a damaged part of the barcode: check it against the card."),
    "DAB": N(_C, "The last name was read from a damaged part of the barcode: check it against the card."),
    "DAC": N(_C, "The first name was read from a damaged part of the barcode: check it against the card."),
    "DCT": N(_C, "The first name was read from a damaged part of the barcode: check it against the card."),
    "DAD": N(_C, "The middle name was read from a damaged part of the barcode: check it against the card."),
    "DAA": N(_C, "The name was read from a damaged part of the barcode: check it against the card."),
    "DAQ": N(_C, "The ID number was read from a damaged part of the barcode: check it against the card."),
    "DBB": N(_C, "The date of birth was read from a damaged part of the barcode: check it against the card."),
    "DBA": N(_C, "The expiry date was read from a damaged part of the barcode: check it against the card."),
    "DBC": N(_C, "The sex was read from a damaged part of the barcode: check it against the card."),
    "DAG": N(_C, "The address was read from a damaged part of the barcode: check it against the card."),
    "DAH": N(_C, "The address was read from a damaged part of the barcode: check it against the card."),
    "DAI": N(_C, "The address was read from a damaged part of the barcode: check it against the card."),
    "DAJ": N(_C, "The address was read from a damaged part of the barcode: check it against the card."),
    "DAK": N(_C, "The ZIP or postal code was read from a damaged part of the barcode: check it against the card."),
}
CUT_OFF = N(_C, "The scan looks cut off: scan the card again, or check every field against the card.")
SUFFIX_ADDED = N(_C, 'The card gives the name suffix "{suffix}": it was added to the last name.')
_UNDER_AGE = {
    "recreational": N(_C, "The customer is {age}, under the minimum age of {minimum} for recreational customers "
                          "in {jurisdiction}."),
    "medical": N(_C, "The customer is {age}, under the minimum age of {minimum} for medical customers "
                     "in {jurisdiction}."),
}
_UNDER_AGE_OTHER = N(_C, "The customer is {age}, under the minimum age of {minimum} for {kind} customers "
                         "in {jurisdiction}.")

# Invisible characters left in a value (byte-order mark, zero-width space ...).
_INVISIBLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufeff]")
_STATE_CODE = re.compile(r"[A-Z]{2}")


@dataclass
class ScanResult:
    """What a card's barcode says, shaped for the intake form."""

    fields: dict[str, object]
    expiry_date: date | None = None
    issue_date: date | None = None
    issuer: str | None = None
    version: int | None = None
    warnings: list[str] = field(default_factory=list)
    # A name suffix ("Jr", "3rd"): the POS has no field for it, so it is also in the last name.
    suffix: str | None = None

    def to_dict(self) -> dict[str, object]:
        return {
            "fields": self.fields,
            "expiry_date": self.expiry_date.isoformat() if self.expiry_date else None,
            "issue_date": self.issue_date.isoformat() if self.issue_date else None,
            "issuer": self.issuer,
            "version": self.version,
            "suffix": self.suffix,
            "warnings": list(self.warnings),
        }

    def to_json(self, **dumps_options: object) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, **dumps_options)  # type: ignore[arg-type]


# --- from elements to fields -----------------------------------------------------------------


def _missing(what: str) -> str:
    return Message(_MISSING[what], _C)


def _unreadable(what: str) -> str:
    return Message(_UNREADABLE[what], _C)


class _Builder:
    """Turns the found elements into a ScanResult, collecting warnings on the way."""

    def __init__(self, found: dict[str, str], header: Header, subfile: str | None) -> None:
        self.found = found
        self.header = header
        self.subfile = subfile
        self.warnings: list[str] = []
        self.fields: dict[str, object] = {}
        self.suffix: str | None = None
        # Invisible characters removed; placeholders ("NONE", "unavl" ...) are no value.
        self.values: dict[str, str] = {}
        for code, raw in found.items():
            text = _INVISIBLE.sub("", raw).strip()
            if text and not names.is_placeholder(text):
                self.values[code] = text

    def value(self, *codes: str) -> str | None:
        """The first of ``codes`` that has a value."""
        for code in codes:
            if text := self.values.get(code):
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
        if middle is None:
            first, middle = names.split_trailing_initial(first)
        given = self.value("DCT")
        if given and first is None:
            first, given_middle = names.split_given_names(given)
            middle = middle or given_middle
        suffix = names.suffix_of(self.value("DCU"))
        full = self.value("DAA")
        if full and (last is None or first is None):
            issuer = self.issuer()
            order = names.FIRST_LAST if issuer in FULL_NAME_FIRST_NAME_FIRST else names.LAST_FIRST
            full_last, full_first, full_middle, full_suffix, guessed = names.split_full_name_parts(full, order)
            suffix = suffix or full_suffix
            if guessed:
                self.warnings.append(Message(N(
                    _C, "The card writes the full name without separators: check the first and last name against "
                    "the card."), _C))
            last, first, middle = last or full_last, first or full_first, middle or full_middle
        if suffix is None:  # a suffix written in the middle name ("LEE III", or only "JR")
            middle, suffix = names.split_trailing_suffix(middle)
        if suffix and last:
            # The POS has no suffix field: appended to the last name, and said in the summary.
            self.suffix = suffix
            last = names.with_suffix(last, suffix)
            self.warnings.append(Message(SUFFIX_ADDED, _C, suffix=suffix))
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
        if line2 and not _repeats_city_line(line2, city, state, postal):
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


def _repeats_city_line(line: str, city: str | None, state: str | None, postal: str | None) -> bool:
    """Whether a second street line only repeats "CITY, ST  ZIP" (some cards write it there too)."""
    words = re.findall(r"[A-Z0-9]+", line.upper())
    expected = re.findall(r"[A-Z0-9]+", f"{city or ''} {state or ''}".upper())
    zip5 = re.sub(r"[^0-9A-Z]", "", (postal or "").upper())[:5]
    return bool(expected) and words[: len(expected)] == expected and "".join(words[len(expected) :])[:5] == zip5


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
    header: Header,
    subfile: str | None,
    today: date,
    jurisdiction: str | None,
    customer_type: str | None,
    split: Split | None = None,
    cut_off: bool = False,
) -> ScanResult:
    if cut_off and split is not None and split.last_code in found:
        # The element at the cut may be incomplete: left for the clerk, never filled as if whole.
        found = {code: value for code, value in found.items() if code != split.last_code}
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
    for code in sorted(split.damaged if split else ()):
        if code in _DAMAGED and code in found:
            message = Message(_DAMAGED[code], _C)
            if message not in builder.warnings:
                builder.warnings.append(message)
    if cut_off:
        builder.warnings.insert(0, Message(CUT_OFF, _C))
    if expiry is not None and expiry < today:
        builder.warnings.insert(0, Message(N(_C, "This ID expired on {date}: ask for a valid ID."), _C,
                                           date=expiry.isoformat()))
    if birth is not None and jurisdiction:
        warning = _age_warning(birth, today, jurisdiction, customer_type)
        if warning:
            builder.warnings.insert(0, warning)
    return ScanResult(builder.fields, expiry, issued, issuer, version, builder.warnings, builder.suffix)


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
    if magstripe.looks_like_tracks(text):
        return _read_tracks(text, today or date.today(), jurisdiction, customer_type)
    if magstripe.looks_like_cut_tracks(text):
        raise ScanError(Message(CUT_OFF, _C))
    header = read_header(text)
    if header is None:
        # A keyboard-wedge scanner typing with Caps Lock on inverts every letter's case.
        swapped = text.swapcase()
        header = read_header(swapped)
        if header is None:
            raise ScanError(NOT_A_CARD)
        text = swapped
    start, subfile = find_subfile(text, header)
    found, split = split_elements(text[start:], header)
    if not found:
        raise ScanError(NO_DATA)
    cut = cut_off(text, header, split, max(header.end, start - 2))
    return _build(found, header, subfile, today or date.today(), jurisdiction, customer_type, split, cut)


def _read_tracks(text: str, today: date, jurisdiction: str | None, customer_type: str | None) -> ScanResult:
    """A card whose barcode holds magnetic-stripe tracks, read through the same rules."""
    if sum(ch.islower() for ch in text) > sum(ch.isupper() for ch in text):
        text = text.swapcase()  # typed with Caps Lock on: track text is in capitals
    iin, found = magstripe.read_tracks(text)
    if not found:
        raise ScanError(NO_DATA)
    header = Header(iin, None, ("DL",), 0)
    return _build(found, header, "DL", today, jurisdiction, customer_type)
