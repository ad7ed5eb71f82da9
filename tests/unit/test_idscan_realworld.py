"""The ID barcode reader on real-world barcode texts from public sources
(``tests/unit/idscan_realworld.py``), field by field, and on the ways real scanners and cards
bend the standard that those texts show."""

from __future__ import annotations

import contextlib
import re
from dataclasses import replace
from datetime import date

import pytest

from app import wire
from app.idscan import ScanError, parse_barcode
from tests.unit.idscan_corpus import DELIVERIES, IIN, build, modern
from tests.unit.idscan_realworld import SAMPLES, TODAY, accuracy, fully_right

# What the clerk must never see in a filled field: placeholders, separators, invisible characters.
_PLACEHOLDER = re.compile(r"^(none|unavl|unavailable|n/a|na|unknown)$", re.IGNORECASE)
_BAD_CHARACTERS = re.compile(r"[\x00-\x1f\x7f-\x9f|\u200b-\u200f\ufeff]|[,;]$")


def _values(fields: dict) -> list[str]:
    out: list[str] = []
    for value in fields.values():
        out += _values(value) if isinstance(value, dict) else [str(value)]
    return out


@pytest.mark.parametrize("sample", SAMPLES, ids=[s.source for s in SAMPLES])
def test_real_world_sample_reads_field_by_field(sample):
    result = parse_barcode(sample.text, today=TODAY)
    for name, value in sample.fields.items():
        assert result.fields.get(name) == value, name
    assert result.fields.keys() == sample.fields.keys()
    assert result.expiry_date == sample.expiry
    assert (result.issuer, result.version) == (sample.issuer, sample.version)
    assert len(result.warnings) == len(sample.warnings), result.warnings
    for phrase in sample.warnings:
        assert any(phrase in warning for warning in result.warnings), (phrase, result.warnings)


@pytest.mark.parametrize("sample", SAMPLES, ids=[s.source for s in SAMPLES])
def test_no_filled_field_shows_a_placeholder_separator_or_invisible_character(sample):
    for value in _values(parse_barcode(sample.text, today=TODAY).fields):
        assert not _PLACEHOLDER.match(value), value
        assert not _BAD_CHARACTERS.search(value), repr(value)


# Dropping the separators also loses the only clue between a redacted date ("YYYYMMDD", no
# date shape) and the sex before it; the real cards' dates have the shape.
_REDACTED_DATES = {s.source for s in SAMPLES if "dates redacted" in s.inferred}


@pytest.mark.parametrize("delivery", list(DELIVERIES))
def test_real_world_samples_read_the_same_however_the_scanner_delivers_them(delivery):
    differing = []
    for sample in SAMPLES:
        expected = parse_barcode(sample.text, today=TODAY).fields
        try:
            fields = parse_barcode(DELIVERIES[delivery](sample.text), today=TODAY).fields
        except ScanError:
            fields = None
        if fields != expected:
            differing.append(sample.source)
    allowed = _REDACTED_DATES if delivery == "separators dropped" else set()
    assert set(differing) <= allowed, differing


def test_corpus_size_versions_issuers_and_accuracy():
    assert len(SAMPLES) >= 100
    assert {s.version for s in SAMPLES} >= set(range(1, 11))
    assert len({s.issuer for s in SAMPLES}) >= 45
    assert all(s.source and s.licence for s in SAMPLES)
    assert len({s.text.lstrip("\ufeff") for s in SAMPLES}) == len(SAMPLES)  # each text once
    fully_right, total, _, _ = accuracy()
    assert fully_right / total >= 0.97


def test_every_sample_is_from_a_named_public_source():
    for sample in SAMPLES:
        assert re.match(r"^(https://github\.com/|[\w.-]+/[\w.-]+ )", sample.source), sample.source


# --- the rules the corpus showed, each on a card of its own -------------------------------------


def _v1(elements: list[tuple[str, str]], **options) -> str:
    return build(elements, iin=IIN["CA"], version=1, **options)


def _modern(**changes) -> list[tuple[str, str]]:
    values = dict(
        daq="D1234562", last="DOE", first="JANE", middle="", dob="01151990", expiry="01152030",
        issued="01152022", sex="2", street="1 MAIN ST", city="FRESNO", state="CA", postal="937210000",
    )  # fmt: skip
    values.update(changes)
    return modern(**values)


@pytest.mark.parametrize(
    ("full", "last", "middle"),
    [("CORTEZ,PABLO,,JR", "Cortez Jr", None), ("CORTEZ,PABLO,LUIS,3RD", "Cortez 3rd", "Luis"),
     ("CORTEZ,PABLO,2ND", "Cortez 2nd", None), ("CORTEZ,PABLO,V", "Cortez", "V"),
     ("CORTEZ, PABLO LUIS III", "Cortez III", "Luis"), ("CORTEZ, PABLO JR", "Cortez Jr", None)],
)  # fmt: skip
def test_a_suffix_is_never_a_middle_name(full, last, middle):
    text = _v1([("DAQ", "123"), ("DAA", full), ("DBB", "19761007"), ("DBA", "20301007"), ("DBC", "1")])
    result = parse_barcode(text, today=TODAY)
    assert result.fields[wire.LAST_NAME] == last
    assert result.fields.get(wire.MIDDLE_NAME) == middle
    assert (result.suffix is not None) == (last != "Cortez")


def test_a_modern_suffix_element_goes_to_the_last_name_and_the_summary():
    result = parse_barcode(build(_modern(extra=[("DCU", "JR")]), iin=IIN["CA"], version=9), today=TODAY)
    assert (result.fields[wire.LAST_NAME], result.suffix) == ("Doe Jr", "Jr")
    assert any('"Jr"' in warning for warning in result.warnings)
    result = parse_barcode(build(_modern(extra=[("DCU", "PH.D.")]), iin=IIN["CA"], version=9), today=TODAY)
    assert (result.fields[wire.LAST_NAME], result.suffix) == ("Doe", None)
    result = parse_barcode(build(_modern(middle="LEE JR"), iin=IIN["CA"], version=9), today=TODAY)
    assert (result.fields[wire.LAST_NAME], result.fields[wire.MIDDLE_NAME]) == ("Doe Jr", "Lee")
    result = parse_barcode(build(_modern(last="DOE JR.", extra=[("DCU", "JR")]), iin=IIN["CA"], version=9), today=TODAY)
    assert result.fields[wire.LAST_NAME] == "Doe Jr"  # already in the last name: not added twice


@pytest.mark.parametrize("placeholder", ["NONE", "UNAVL", "UNAVAILABLE", "N/A", "NA", "unavl"])
def test_placeholders_are_no_value_in_every_element(placeholder):
    text = build(_modern(street2=placeholder, daq=placeholder), iin=IIN["CA"], version=9)
    result = parse_barcode(text, today=TODAY)
    assert wire.ADDRESS_LINE2 not in result.fields[wire.ADDRESS]
    assert wire.STATE_ID not in result.fields
    assert any("ID number is missing" in warning for warning in result.warnings)


@pytest.mark.parametrize("first", ["ADAM", "MADAME", "DAMIEN", "ADAMS"])
def test_a_run_together_old_card_is_not_split_inside_a_first_name(first):
    elements = [("DAQ", "D1234562"), ("DCS", "DOE"), ("DAC", first), ("DBB", "19900115"), ("DBA", "20300115"),
                ("DBC", "F"), ("DAG", "12 ADAMS ST"), ("DAI", "FRESNO"), ("DAJ", "CA"), ("DAK", "93721")]  # fmt: skip
    result = parse_barcode(_v1(elements, separator=""), today=TODAY)
    assert result.fields[wire.FIRST_NAME] == first.title()
    assert result.fields[wire.ADDRESS] == {
        wire.ADDRESS_LINE1: "12 Adams St", wire.CITY: "Fresno", wire.STATE: "CA", wire.ZIP: "93721",
        wire.COUNTRY: "US",
    }  # fmt: skip


@pytest.mark.parametrize("separator", ["\x90", "\x85\n", "|", "\x9c"])
def test_c1_controls_and_pipes_separate_elements(separator):
    text = build(_modern(first="WENDY"), iin=IIN["CA"], version=9, separator=separator)
    result = parse_barcode(text, today=TODAY)
    assert result.fields[wire.FIRST_NAME] == "Wendy"
    assert result.fields[wire.DATE_OF_BIRTH] == "1990-01-15"
    assert result.fields[wire.ADDRESS][wire.ZIP] == "93721"


@pytest.mark.parametrize("header", ["@AMVA ", "AMVA ", "AAMVA", "ANSI "])
def test_header_variants(header):
    text = build(_modern(), iin=IIN["NY"], version=8, header=header)
    assert parse_barcode(text, today=TODAY).issuer == "NY"


def test_a_stray_byte_in_an_element_id_is_recovered_and_flagged():
    text = build(_modern(), iin=IIN["CA"], version=9).replace("\nDCSDOE", "\nD\u00d4CSDOE")
    result = parse_barcode(text, today=TODAY)
    assert result.fields[wire.LAST_NAME] == "Doe"
    assert any("last name was read from a damaged part" in warning for warning in result.warnings)


@pytest.mark.parametrize(
    ("raw", "expected"), [("0210800000", "02108"), ("96826     0", "96826"), ("021081234 ", "02108-1234")]
)
def test_padded_zips(raw, expected):
    result = parse_barcode(build(_modern(postal=raw), iin=IIN["CA"], version=9), today=TODAY)
    assert result.fields[wire.ADDRESS][wire.ZIP] == expected
    assert not result.warnings


def test_street_lines_lose_trailing_commas():
    result = parse_barcode(build(_modern(street="272 RIVER BLVD,   ", city="FRESNO,"), iin=IIN["CA"], version=9),
                           today=TODAY)  # fmt: skip
    assert result.fields[wire.ADDRESS][wire.ADDRESS_LINE1] == "272 River Blvd"
    assert result.fields[wire.ADDRESS][wire.CITY] == "Fresno"


def test_old_pennsylvania_names_are_first_name_first_and_others_last_name_first():
    elements = [("DAQ", "26798765"), ("DAA", "JOHN P SMITH"), ("DBB", "19860202"), ("DBA", "20300203"), ("DBC", "M")]
    pa = parse_barcode(build(elements, iin="636025", version=1), today=TODAY)
    assert (pa.fields[wire.FIRST_NAME], pa.fields[wire.MIDDLE_NAME], pa.fields[wire.LAST_NAME]) == (
        "John", "P", "Smith"
    )  # fmt: skip
    other = parse_barcode(build(elements, iin=IIN["CA"], version=1), today=TODAY)
    assert (other.fields[wire.FIRST_NAME], other.fields[wire.LAST_NAME]) == ("P", "John")
    assert all(any("without separators" in w for w in r.warnings) for r in (pa, other))


def _cut(text: str, at: str) -> str:
    return text[: text.index(at) + len(at)]


@pytest.mark.parametrize("separator", ["\n", ""])
def test_a_scan_cut_in_the_id_number_is_flagged_and_the_number_not_filled(separator):
    text = build(_modern(daq="D12345678901"), iin=IIN["CA"], version=9, separator=separator)
    cut = _cut(text, "DAQD12345")
    result = parse_barcode(cut, today=TODAY)
    assert wire.STATE_ID not in result.fields
    assert "cut off" in result.warnings[0]
    assert any("ID number is missing" in warning for warning in result.warnings)
    whole = parse_barcode(text, today=TODAY)
    assert whole.fields[wire.STATE_ID] == "D12345678901"
    assert not any("cut off" in warning for warning in whole.warnings)


def test_a_scan_cut_in_the_jurisdiction_subfile_keeps_the_licence_data():
    text = build(_modern(), iin=IIN["CA"], version=9, z_elements=[("ZCA", "Y"), ("ZCB", "CORR LENS AND MORE")])
    result = parse_barcode(_cut(text, "ZCB"), today=TODAY)
    assert not any("cut off" in warning for warning in result.warnings)
    assert result.fields[wire.STATE_ID] == "D1234562"


BC = ("%BCVICTORIA^DOE,$JANE ANN^1 MAIN ST$VICTORIA BC  V8W 3Y8^?;6360281234567=290419800410=?"
      "_%0AV8W3Y8                     F165 60BRNBLU                          00S00000000?")  # fmt: skip


def test_british_columbia_magnetic_stripe_text():
    result = parse_barcode(BC, today=date(2025, 6, 1))
    assert result.fields == {
        wire.FIRST_NAME: "Jane", wire.MIDDLE_NAME: "Ann", wire.LAST_NAME: "Doe", wire.DATE_OF_BIRTH: "1980-04-10",
        wire.GENDER: "female",
        wire.ADDRESS: {wire.ADDRESS_LINE1: "1 Main St", wire.CITY: "Victoria", wire.STATE: "BC", wire.ZIP: "V8W 3Y8",
                       wire.COUNTRY: "CA"},
        wire.STATE_ID: "1234567", wire.ID_TYPE: wire.ID_TYPES[0],
    }  # fmt: skip
    assert (result.expiry_date, result.issuer, result.warnings) == (date(2029, 4, 30), "BC", [])


@pytest.mark.parametrize(
    ("yymm", "expiry"),
    [("2904", date(2029, 4, 30)), ("2902", date(2029, 2, 28)), ("2888", date(2028, 4, 30)),
     ("2899", date(2028, 4, 10)), ("2877", None)],
)  # fmt: skip
def test_magnetic_stripe_expiry_codes(yymm, expiry):
    result = parse_barcode(BC.replace("=2904", f"={yymm}"), today=date(2025, 6, 1))
    assert result.expiry_date == expiry


def test_magnetic_stripe_with_the_postal_code_in_track_3():
    text = ("%FLDELRAY BEACH^DOE$JOHN$^4818 S FEDERAL BLVD^?;6360100462172082009=2101198207090=?"
            "%!!33435      I               1600                                   ECCECC00000?")  # fmt: skip
    result = parse_barcode(text, today=date(2020, 1, 1))
    assert (result.fields[wire.FIRST_NAME], result.fields[wire.LAST_NAME]) == ("John", "Doe")
    assert result.fields[wire.ADDRESS] == {
        wire.ADDRESS_LINE1: "4818 S Federal Blvd", wire.CITY: "Delray Beach", wire.STATE: "FL", wire.ZIP: "33435",
        wire.COUNTRY: "US",
    }  # fmt: skip
    assert (result.fields[wire.STATE_ID], result.fields[wire.DATE_OF_BIRTH]) == ("0462172082009", "1982-07-09")
    assert (result.issuer, result.expiry_date) == ("FL", date(2021, 1, 31))


def test_magnetic_stripe_with_a_full_length_city_has_no_separator_after_it():
    text = BC.replace("%BCVICTORIA^", "%BCNORTH VANCOUV").replace("VICTORIA BC  V8W 3Y8", "NORTH VANCOUVER BC V7M 1A1")
    result = parse_barcode(text, today=date(2025, 6, 1))
    assert result.fields[wire.LAST_NAME] == "Doe"
    assert result.fields[wire.ADDRESS][wire.CITY] == "North Vancouver"


def test_magnetic_stripe_typed_with_caps_lock_on():
    result = parse_barcode(BC.swapcase(), today=date(2025, 6, 1))
    assert (result.fields[wire.FIRST_NAME], result.fields[wire.ADDRESS][wire.CITY]) == ("Jane", "Victoria")


def test_a_magnetic_stripe_scan_cut_before_track_2_says_so():
    with pytest.raises(ScanError, match="cut off"):
        parse_barcode(BC[: BC.index(";") + 8], today=TODAY)
    with pytest.raises(ScanError, match="not a driver"):
        parse_barcode("%ABC 100% sure", today=TODAY)


@pytest.mark.parametrize("text", ["%BC^^?;636028=?", "%?;6360281234567=9913", "%BCX^Y^Z?;636028123=2904198004"])
def test_broken_magnetic_stripe_text_raises_only_scan_error(text):
    with contextlib.suppress(ScanError):
        parse_barcode(text, today=TODAY)


def test_the_corpus_accuracy_helper_counts_a_wrong_expectation():
    wrong = replace(SAMPLES[0], fields={**SAMPLES[0].fields, wire.FIRST_NAME: "Someone Else"})
    whole, right, total = fully_right(wrong)
    assert not whole
    assert right == total - 1


@pytest.mark.parametrize(
    ("first", "middle", "expected"),
    [("MOTORIST E", "", ("Motorist", "E")), ("MARY ANN", "", ("Mary Ann", None)),
     ("JOHN Q", "QUINCY", ("John Q", "Quincy"))],
)  # fmt: skip
def test_a_middle_initial_at_the_end_of_the_first_name(first, middle, expected):
    result = parse_barcode(build(_modern(first=first, middle=middle), iin=IIN["CA"], version=9), today=TODAY)
    assert (result.fields[wire.FIRST_NAME], result.fields.get(wire.MIDDLE_NAME)) == expected


@pytest.mark.parametrize(
    ("street2", "kept"), [("FRESNO, CA  93721", False), ("FRESNO CA 93721", False), ("APT 4", True)]
)
def test_a_second_street_line_repeating_the_city_line_is_dropped(street2, kept):
    result = parse_barcode(build(_modern(street2=street2), iin=IIN["CA"], version=9), today=TODAY)
    assert (wire.ADDRESS_LINE2 in result.fields[wire.ADDRESS]) == kept
