"""The ID barcode reader: a corpus of cards across AAMVA versions, US states and Canadian
provinces, each delivered the ways real scanners type it, plus the reader's helpers."""

from __future__ import annotations

import json
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app import wire
from app.idscan import ScanError, ScanResult, parse_barcode
from app.idscan.dates import parse_card_date
from app.idscan.names import split_full_name, split_given_names, tidy_name, title_case
from app.idscan.postal import normalise_postal
from tests.unit.idscan_corpus import CARDS, DELIVERIES, IIN, TODAY, build, modern

MALE, FEMALE, UNSPECIFIED = wire.GENDERS


def _check(result: ScanResult, card) -> None:
    assert result.fields == card.fields
    assert result.expiry_date == card.expiry
    assert result.issue_date == card.issued
    assert result.issuer == card.issuer
    assert result.version == card.version
    assert len(result.warnings) == len(card.warnings), result.warnings
    for phrase in card.warnings:
        assert any(phrase in warning for warning in result.warnings), (phrase, result.warnings)


@pytest.mark.parametrize("delivery", list(DELIVERIES))
@pytest.mark.parametrize("card", CARDS, ids=[card.name for card in CARDS])
def test_corpus_card_reads_the_same_however_it_is_delivered(card, delivery):
    _check(parse_barcode(DELIVERIES[delivery](card.text), today=TODAY), card)


def test_corpus_covers_every_version_and_both_countries():
    versions = {card.version for card in CARDS}
    assert set(range(1, 11)) <= versions
    issuers = {card.issuer for card in CARDS}
    assert {"CA", "NY", "TX", "FL", "OK", "ON", "BC", "AB", "QC"} <= issuers


def _card(**changes) -> str:
    values = dict(
        daq="D1234562",
        last="DOE",
        first="JANE",
        middle="",
        dob="01151990",
        expiry="01152030",
        issued="01152022",
        sex="2",
        street="1 MAIN ST",
        city="FRESNO",
        state="CA",
        postal="937210000",
    )
    values.update(changes)
    return build(modern(**values), iin=IIN["CA"], version=9)


class TestWarnings:
    def test_a_card_expiring_today_is_still_valid(self):
        result = parse_barcode(_card(expiry="06012025"), today=TODAY)
        assert not any("expired" in w for w in result.warnings)

    def test_a_card_expired_yesterday_is_flagged_first(self):
        result = parse_barcode(_card(expiry="05312025"), today=TODAY)
        assert result.warnings[0].startswith("This ID expired on 2025-05-31")

    @pytest.mark.parametrize(("flag_index", "what"), [(0, "last name"), (1, "first name"), (2, "middle name")])
    def test_truncation_flags_name_the_part(self, flag_index, what):
        flags = ["N", "N", "N"]
        flags[flag_index] = "T"
        text = build(
            modern(
                daq="1", last="DOE", first="JANE", middle="ANN", dob="01151990", expiry="01152030",
                issued="01152022", sex="2", street="1 MAIN ST", city="FRESNO", state="CA", postal="93721",
                truncation=tuple(flags),
            ),
            iin=IIN["CA"], version=9,
        )  # fmt: skip
        (warning,) = parse_barcode(text, today=TODAY).warnings
        assert f"The {what} was shortened" in warning

    def test_birth_date_in_the_future(self):
        result = parse_barcode(_card(dob="01012030"), today=TODAY)
        assert any("in the future" in w for w in result.warnings)

    def test_unusual_postal_code(self):
        result = parse_barcode(_card(postal="ABC"), today=TODAY)
        assert result.fields[wire.ADDRESS][wire.ZIP] == "ABC"
        assert any("postal code" in w for w in result.warnings)

    def test_missing_subfile_type(self):
        text = "@\n\x1e\rANSI 636014090001DAQD1234562\nDCSDOE\nDACJANE\nDBB01151990\nDBA01152030\nDBC2\r"
        result = parse_barcode(text, today=TODAY)
        assert wire.ID_TYPE not in result.fields
        assert any("driver's licence or an ID card" in w for w in result.warnings)

    def test_an_overlong_id_number(self):
        result = parse_barcode(_card(daq="X" * 31), today=TODAY)
        assert any("longer than 30" in w for w in result.warnings)


class TestMinimumAge:
    policy = pytest.importorskip("app.policy")

    def _birth_for_age(self, age: int) -> str:
        return f"{TODAY.month:02d}{TODAY.day:02d}{TODAY.year - age}"

    def test_under_the_minimum_for_the_chosen_type(self):
        minimum = self.policy.minimum_age("CA", "recreational")
        text = _card(dob=self._birth_for_age(minimum - 1))
        result = parse_barcode(text, today=TODAY, jurisdiction="CA", customer_type="recreational")
        assert result.warnings[0] == (
            f"The customer is {minimum - 1}, under the minimum age of {minimum} for recreational customers in CA."
        )

    def test_old_enough_on_the_birthday_itself(self):
        minimum = self.policy.minimum_age("CA", "recreational")
        text = _card(dob=self._birth_for_age(minimum))
        assert parse_barcode(text, today=TODAY, jurisdiction="CA", customer_type="recreational").warnings == []

    def test_a_medical_type_uses_its_own_minimum(self):
        medical = self.policy.minimum_age("CA", "medical_with_rec")
        recreational = self.policy.minimum_age("CA", "recreational")
        assert medical < recreational
        text = _card(dob=self._birth_for_age(medical))
        assert parse_barcode(text, today=TODAY, jurisdiction="CA", customer_type="medical_with_rec").warnings == []
        assert parse_barcode(text, today=TODAY, jurisdiction="CA").warnings  # recreational age without a type

    def test_without_a_jurisdiction_there_is_no_age_check(self):
        assert parse_barcode(_card(dob=self._birth_for_age(15)), today=TODAY).warnings == []

    def test_an_unknown_jurisdiction_or_type_is_left_to_the_form(self):
        text = _card(dob=self._birth_for_age(15))
        assert parse_barcode(text, today=TODAY, jurisdiction="XX").warnings == []
        assert parse_barcode(text, today=TODAY, jurisdiction="CA", customer_type="astronaut").warnings == []


class TestSplittingRunTogetherText:
    """Keyboard-mode scanners that drop every separator leave only the element IDs to split on."""

    @staticmethod
    def _run_together(**changes) -> ScanResult:
        text = "".join(ch for ch in _card(**changes) if ch >= " ")
        return parse_barcode(text, today=TODAY)

    @pytest.mark.parametrize("first", ["DAVID", "DAYNA", "DANIEL", "DAWN", "DACEY", "DDAVE", "TODD"])
    def test_first_names_beginning_with_element_letters(self, first):
        assert self._run_together(first=first).fields[wire.FIRST_NAME] == title_case(first)

    @pytest.mark.parametrize("last", ["KIDD", "DAYTON", "DAQUINO", "BUDDA", "MADDOX"])
    def test_last_names_holding_element_letters(self, last):
        result = self._run_together(last=last)
        assert result.fields[wire.LAST_NAME] == title_case(last)
        assert result.fields[wire.FIRST_NAME] == "Jane"

    @pytest.mark.parametrize("middle", ["DAVID", "DAYANA", "DARREN", "DBC", "DAWSON"])
    def test_middle_names_beginning_with_element_letters(self, middle):
        result = self._run_together(middle=middle)
        assert result.fields[wire.MIDDLE_NAME] == title_case(middle)
        assert result.fields[wire.DATE_OF_BIRTH] == "1990-01-15"

    @pytest.mark.parametrize("street", ["12 DAQUINO WAY", "5 DAYTON DAG ST", "9 DCS LN"])
    def test_streets_holding_element_letters_after_a_space(self, street):
        result = self._run_together(street=street)
        assert result.fields[wire.ADDRESS][wire.ADDRESS_LINE1] == street.title()
        assert result.fields[wire.STATE_ID] == "D1234562"

    def test_a_card_without_its_subfile_designator_takes_the_type_from_the_header(self):
        text = "@ANSI 636000010" + "1DL00390150" + "DAQT1670DAADOE,DAVID,DAN" + "DBA20300101DBB19900101DBCM"
        result = parse_barcode(text, today=TODAY)
        assert result.fields[wire.ID_TYPE] == wire.ID_TYPES[0]
        assert result.fields[wire.STATE_ID] == "T1670"
        assert (result.fields[wire.FIRST_NAME], result.fields[wire.MIDDLE_NAME]) == ("David", "Dan")

    def test_a_jurisdiction_subfile_does_not_leak_into_the_last_element(self):
        text = build(
            modern(
                daq="1", last="DOE", first="JANE", middle="", dob="01151990", expiry="01152030", issued="01152022",
                sex="2", street="1 MAIN ST", city="FRESNO", state="CA", postal="93721",
            ),
            iin=IIN["CA"], version=9, z_elements=[("ZCA", "EYES"), ("ZCB", "BLUE")],
        )  # fmt: skip
        result = parse_barcode("".join(ch for ch in text if ch >= " "), today=TODAY)
        assert result.warnings == []


class TestNotACard:
    @pytest.mark.parametrize(
        "text",
        [
            "",
            "hello",
            "@\n\x1e\r",
            "ANSI",
            "ANSI 636014090102DL00410278",
            "ANSI 6360140901DLDCAC\nDCBNONE\r",
            "x" * 30_000,
        ],
    )
    def test_raises_scan_error_with_a_plain_message(self, text):
        with pytest.raises(ScanError, match="barcode"):
            parse_barcode(text)

    def test_non_text_input(self):
        with pytest.raises(ScanError):
            parse_barcode(b"ANSI 636014")  # type: ignore[arg-type]


ELEMENT_IDS = ["DAQ", "DCS", "DAC", "DAD", "DBB", "DBA", "DBD", "DBC", "DAG", "DAI", "DAJ", "DAK", "DCG", "DCT",
               "DAA", "DAB", "DDE", "DDF", "DDG", "DAU", "DAY", "ZCZ", "DL", "ID"]  # fmt: skip
HEADERS = ["@\n\x1e\rANSI 636014090102DL00410278", "ANSI 6360000102DL", "AAMVA604428", "ansi 636012", "ANSI ",
           "@AMVA 636001080002DL00410278", "AMVAA6360030101DL"]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_arbitrary_text_raises_only_scan_error(text):
    try:
        result = parse_barcode(text, today=TODAY, jurisdiction="CA")
    except ScanError:
        return
    json.dumps(result.to_dict())


@settings(max_examples=400, deadline=None)
@given(
    st.sampled_from(HEADERS),
    st.lists(
        st.tuples(
            st.sampled_from(ELEMENT_IDS),
            st.one_of(st.text(max_size=12), st.from_regex(r"[0-9]{8}", fullmatch=True), st.sampled_from(["T", "NONE"])),
            st.sampled_from(["", "\n", "\r\n", "\r", "\x1e", "|", "\x90", "\x85"]),
        ),
        max_size=20,
    ),
    st.sampled_from([None, "recreational", "medical", "bogus"]),
)
def test_aamva_looking_text_raises_only_scan_error(header, parts, customer_type):
    text = header + "".join(code + value + sep for code, value, sep in parts)
    try:
        result = parse_barcode(text, today=TODAY, jurisdiction="OK", customer_type=customer_type)
    except ScanError:
        return
    json.loads(result.to_json())
    assert result.fields.get(wire.GENDER, MALE) in wire.GENDERS


def test_result_json_shape():
    data = json.loads(parse_barcode(CARDS[0].text, today=TODAY).to_json())
    assert set(data) == {"fields", "expiry_date", "issue_date", "issuer", "version", "suffix", "warnings"}
    assert data["expiry_date"] == CARDS[0].expiry.isoformat()
    assert list(data["fields"][wire.ADDRESS]) == [m for m in wire.ADDRESS_MEMBERS if m in data["fields"][wire.ADDRESS]]


@pytest.mark.parametrize(
    ("raw", "year_first", "expected"),
    [
        ("08311977", False, date(1977, 8, 31)),
        ("19770831", False, date(1977, 8, 31)),  # year-first on a US card: fallback
        ("19770831", True, date(1977, 8, 31)),
        ("08311977", True, date(1977, 8, 31)),  # month-first on a Canadian card: fallback
        ("08-31-1977", False, date(1977, 8, 31)),
        ("1977-08-31", False, date(1977, 8, 31)),
        ("31/08/1977", True, date(1977, 8, 31)),  # day-first only because 31 is not a month
        ("02291996", False, date(1996, 2, 29)),
        ("02291997", False, None),
        ("13451990", False, None),
        ("00000000", False, None),
        ("99999999", True, None),
        ("0831197", False, None),
        ("٠٨٣١١٩٧٧", False, None),  # digits of another script are not card digits
    ],
)
def test_parse_card_date(raw, year_first, expected):
    assert parse_card_date(raw, year_first=year_first) == expected


@pytest.mark.parametrize(
    ("raw", "country", "expected"),
    [
        ("902100000", "US", ("90210", True)),
        ("902101234", "US", ("90210-1234", True)),
        ("90210-1234", "US", ("90210-1234", True)),
        ("90210123400", "US", ("90210-1234", True)),
        ("90210  ", "US", ("90210", True)),
        ("a1a1a1", "CA", ("A1A 1A1", True)),
        ("K1A 0B1", "CA", ("K1A 0B1", True)),
        ("K1A0B1", None, ("K1A 0B1", True)),
        ("1234", "US", ("1234", False)),
        ("90210", "CA", ("90210", False)),
    ],
)
def test_normalise_postal(raw, country, expected):
    assert normalise_postal(raw, country) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("O'BRIEN", "O'Brien"),
        ("SMITH-JONES", "Smith-Jones"),
        ("MCDONALD", "Mcdonald"),
        ("ST. JOHN", "St. John"),
        ("JOSÉ", "José"),
        ("van der Berg", "van der Berg"),  # already mixed case: kept
    ],
)
def test_title_case(raw, expected):
    assert title_case(raw) == expected


@pytest.mark.parametrize("placeholder", ["NONE", "unavl", "NMN", "N/A", "", "  ", ","])
def test_placeholders_are_no_name(placeholder):
    assert tidy_name(placeholder) is None


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("PUBLIC,JOHN,QUINCY", ("Public", "John", "Quincy", False)),
        ("PUBLIC, JOHN QUINCY", ("Public", "John", "Quincy", False)),
        ("PUBLIC,JOHN", ("Public", "John", None, False)),
        ("PUBLIC$JOHN$Q", ("Public", "John", "Q", False)),
        ("PUBLIC JOHN QUINCY", ("Public", "John", "Quincy", True)),
        ("PUBLIC", ("Public", None, None, False)),
        ("", (None, None, None, False)),
    ],
)
def test_split_full_name(raw, expected):
    assert split_full_name(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("JANE ANN", ("Jane", "Ann")),
        ("JANE,ANN", ("Jane", "Ann")),
        ("JANE", ("Jane", None)),
        ("JANE,NONE", ("Jane", None)),
    ],
)
def test_split_given_names(raw, expected):
    assert split_given_names(raw) == expected


TRACK_PARTS = ["%BC", "%FL", "VICTORIA", "^", "$", ",", "?", ";636028", ";6360100462172082009", "=", "2904",
               "19800410", "_%0A", "V8W3Y8", " ", "M", "X", "DOE", "1 MAIN ST"]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(TRACK_PARTS), st.text(max_size=6)), max_size=25))
def test_magnetic_stripe_looking_text_raises_only_scan_error(parts):
    try:
        result = parse_barcode("%" + "".join(parts), today=TODAY, jurisdiction="CA")
    except ScanError:
        return
    json.loads(result.to_json())
    assert result.fields.get(wire.GENDER, MALE) in wire.GENDERS
