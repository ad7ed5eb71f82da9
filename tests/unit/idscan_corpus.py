"""Realistic ID-card barcode texts, built in code: the card's elements, the header the
standard asks for, and the ways real cards and keyboard-wedge scanners deviate from it.

Each ``Card`` holds the text and what a correct reading gives. ``deliveries`` re-types a
card's text the way different scanners deliver it. Shared by the tests and the benchmark.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from app import wire

COMPLIANCE = "@\n\x1e\r"
TODAY = date(2025, 6, 1)

IIN = {
    "CA": "636014", "NY": "636001", "TX": "636015", "FL": "636010", "OK": "636058", "VA": "636000",
    "MA": "636002", "NC": "636004", "OR": "636029", "ON": "636012", "BC": "636028", "AB": "604432",
    "QC": "604428", "WA": "636045",
}  # fmt: skip


def build(
    elements: list[tuple[str, str]],
    *,
    iin: str,
    version: int,
    subfile: str = "DL",
    header: str = "ANSI ",
    compliance: str = COMPLIANCE,
    jurisdiction_version: bool = True,
    z_elements: list[tuple[str, str]] | None = None,
    true_offsets: bool = True,
    separator: str = "\n",
    encoding_check: bool = True,
) -> str:
    """A barcode text laid out as the standard says, unless told otherwise."""
    body = subfile + "".join(code + value + separator for code, value in elements) + "\r"
    subfiles = [(subfile, body)]
    if z_elements:
        z_type = z_elements[0][0][:2]
        subfiles.append((z_type, z_type + "".join(c + v + separator for c, v in z_elements) + "\r"))
    head = header + iin + f"{version:02d}"
    if version >= 2 and jurisdiction_version:
        head += "00"
    head += f"{len(subfiles):02d}"
    directory_length = 10 * len(subfiles)
    offset = len(compliance) + len(head) + directory_length
    directory = ""
    for kind, text in subfiles:
        directory += kind + (f"{offset:04d}{len(text):04d}" if true_offsets else "00990999")
        offset += len(text)
    return compliance + head + directory + "".join(text for _, text in subfiles)


def modern(
    *,
    daq: str,
    last: str,
    first: str,
    middle: str,
    dob: str,
    expiry: str,
    issued: str,
    sex: str,
    street: str,
    city: str,
    state: str,
    postal: str,
    country: str | None = "USA",
    street2: str | None = None,
    truncation: tuple[str, str, str] = ("N", "N", "N"),
    extra: list[tuple[str, str]] | None = None,
) -> list[tuple[str, str]]:
    """The elements of a version 04+ card, in the order most jurisdictions write them."""
    items = [
        ("DCA", "C"), ("DCB", "NONE"), ("DCD", "NONE"), ("DBA", expiry), ("DCS", last), ("DAC", first),
        ("DAD", middle), ("DBD", issued), ("DBB", dob), ("DBC", sex), ("DAY", "BRO"), ("DAU", "069 IN"),
        ("DAG", street),
    ]  # fmt: skip
    if street2 is not None:
        items.append(("DAH", street2))
    items += [("DAI", city), ("DAJ", state), ("DAK", postal), ("DAQ", daq), ("DCF", "83D9BN217QO983B1")]
    if country is not None:
        items.append(("DCG", country))
    items += [("DDE", truncation[0]), ("DDF", truncation[1]), ("DDG", truncation[2])]
    items += extra or []
    return items


def address(line1: str, city: str, state: str, zip_code: str, country: str, line2: str | None = None) -> dict:
    out = {wire.ADDRESS_LINE1: line1}
    if line2:
        out[wire.ADDRESS_LINE2] = line2
    out.update({wire.CITY: city, wire.STATE: state, wire.ZIP: zip_code, wire.COUNTRY: country})
    return out


@dataclass(frozen=True)
class Card:
    name: str
    text: str
    fields: dict
    expiry: date | None
    issued: date | None
    issuer: str | None
    version: int | None
    warnings: tuple[str, ...] = ()  # a phrase each expected warning contains, in any order
    tags: frozenset[str] = field(default_factory=frozenset)


MALE, FEMALE, UNSPECIFIED = wire.GENDERS
DL, ID_CARD = wire.ID_TYPES[0], wire.ID_TYPES[1]


def _person(first: str, last: str, dob: str, gender: str, state_id: str, id_type: str, addr: dict, **more) -> dict:
    fields = {wire.FIRST_NAME: first}
    if more.get("middle"):
        fields[wire.MIDDLE_NAME] = more["middle"]
    fields.update({
        wire.LAST_NAME: last, wire.DATE_OF_BIRTH: dob, wire.GENDER: gender, wire.ADDRESS: addr,
        wire.STATE_ID: state_id, wire.ID_TYPE: id_type,
    })  # fmt: skip
    return fields


CARDS: list[Card] = [
    Card(
        "CA v09 licence, apostrophe name, zero-padded ZIP, NONE middle name",
        build(
            modern(
                daq="D1234562", last="O'BRIEN", first="SEAN", middle="NONE", dob="08311977", expiry="08312029",
                issued="08312019", sex="1", street="2570 24TH STREET", city="SACRAMENTO", state="CA",
                postal="958160000  ",
            ),
            iin=IIN["CA"], version=9, z_elements=[("ZCA", "Y"), ("ZCB", "CORR LENS")],
        ),
        _person("Sean", "O'Brien", "1977-08-31", MALE, "D1234562", DL,
                address("2570 24th Street", "Sacramento", "CA", "95816", "US")),
        date(2029, 8, 31), date(2019, 8, 31), "CA", 9,
    ),
    Card(
        "NY v10 ID card, hyphenated name, ZIP+4, truncated first name",
        build(
            modern(
                daq="123 456 789", last="SMITH-JONES", first="ALEXANDRIAN", middle="MARIE", dob="02291996",
                expiry="02282031", issued="03012023", sex="2", street="100 NE 5TH AVE", street2="APT 4B",
                city="BROOKLYN", state="NY", postal="112011234", truncation=("N", "T", "N"),
            ),
            iin=IIN["NY"], version=10, subfile="ID",
        ),
        _person("Alexandrian", "Smith-Jones", "1996-02-29", FEMALE, "123 456 789", ID_CARD,
                address("100 NE 5th Ave", "Brooklyn", "NY", "11201-1234", "US", line2="Apt 4B"), middle="Marie"),
        date(2031, 2, 28), date(2023, 3, 1), "NY", 10, ("first name was shortened",),
    ),
    Card(
        "TX v08 licence, first name holding an element ID (DAVID), city DALLAS",
        build(
            modern(
                daq="12345678", last="GARCIA", first="DAVID", middle="DANIEL", dob="12011988", expiry="12012030",
                issued="11152022", sex="1", street="4500 DAYTON DR", city="DALLAS", state="TX", postal="752010000",
            ),
            iin=IIN["TX"], version=8,
        ),
        _person("David", "Garcia", "1988-12-01", MALE, "12345678", DL,
                address("4500 Dayton Dr", "Dallas", "TX", "75201", "US"), middle="Daniel"),
        date(2030, 12, 1), date(2022, 11, 15), "TX", 8,
    ),
    Card(
        "FL v07 licence, city and middle name beginning with DAY",
        build(
            modern(
                daq="G123-456-78-901-0", last="DAYBROOK", first="MARIA", middle="DAYANA", dob="07041990",
                expiry="07042032", issued="07012024", sex="2", street="77 OCEAN SHORE BLVD", city="DAYTONA BEACH",
                state="FL", postal="321180000",
            ),
            iin=IIN["FL"], version=7,
        ),
        _person("Maria", "Daybrook", "1990-07-04", FEMALE, "G123-456-78-901-0", DL,
                address("77 Ocean Shore Blvd", "Daytona Beach", "FL", "32118", "US"), middle="Dayana"),
        date(2032, 7, 4), date(2024, 7, 1), "FL", 7,
    ),
    Card(
        "OK v06 licence with non-compliant year-first and dashed dates",
        build(
            modern(
                daq="K12345678", last="NGUYEN", first="LINH", middle="", dob="19850412", expiry="04-12-2029",
                issued="2021-04-10", sex="2", street="1200 N WALKER AVE", city="OKLAHOMA CITY", state="OK",
                postal="73103",
            ),
            iin=IIN["OK"], version=6,
        ),
        _person("Linh", "Nguyen", "1985-04-12", FEMALE, "K12345678", DL,
                address("1200 N Walker Ave", "Oklahoma City", "OK", "73103", "US")),
        date(2029, 4, 12), date(2021, 4, 10), "OK", 6,
    ),
    Card(
        "VA v01 licence, comma-separated full name, year-first dates, M/F sex, no jurisdiction version",
        build(
            [("DAQ", "T16700185"), ("DAA", "PUBLIC,JOHN,QUINCY"), ("DAG", "789 E OAK ST"), ("DAI", "RICHMOND"),
             ("DAJ", "VA"), ("DAK", "232190000"), ("DAR", "D"), ("DAS", "B"), ("DAT", "NONE"),
             ("DBA", "20280105"), ("DBB", "19700105"), ("DBC", "M"), ("DBD", "20200103"), ("DAU", "510"),
             ("DAW", "180")],
            iin=IIN["VA"], version=1,
        ),
        _person("John", "Public", "1970-01-05", MALE, "T16700185", DL,
                address("789 E Oak St", "Richmond", "VA", "23219", "US"), middle="Quincy"),
        date(2028, 1, 5), date(2020, 1, 3), "VA", 1,
    ),
    Card(
        "MA v01 licence, full name with spaces only (order guessed)",
        build(
            [("DAQ", "S12345678"), ("DAA", "MURPHY ANNE T"), ("DAG", "12 ELM ST"), ("DAI", "BOSTON"),
             ("DAJ", "MA"), ("DAK", "02116"), ("DBA", "20271010"), ("DBB", "19801010"), ("DBC", "F"),
             ("DBD", "20221001")],
            iin=IIN["MA"], version=1,
        ),
        _person("Anne", "Murphy", "1980-10-10", FEMALE, "S12345678", DL,
                address("12 Elm St", "Boston", "MA", "02116", "US"), middle="T"),
        date(2027, 10, 10), date(2022, 10, 1), "MA", 1, ("full name without separators",),
    ),
    Card(
        "WA v01 licence, separate DAB/DAC/DAD names and a residence address",
        build(
            [("DAQ", "WDLABCD456DG"), ("DAB", "MCDONALD"), ("DAC", "DANA"), ("DAD", "LEE"),
             ("DAL", "400 PINE ST"), ("DAN", "SEATTLE"), ("DAO", "WA"), ("DAP", "981010000"),
             ("DBA", "20300301"), ("DBB", "19920301"), ("DBC", "F"), ("DBD", "20240301")],
            iin=IIN["WA"], version=1,
        ),
        _person("Dana", "Mcdonald", "1992-03-01", FEMALE, "WDLABCD456DG", DL,
                address("400 Pine St", "Seattle", "WA", "98101", "US"), middle="Lee"),
        date(2030, 3, 1), date(2024, 3, 1), "WA", 1,
    ),
    Card(
        "NC v02 licence, given names in DCT separated by a comma",
        build(
            [("DCA", "C"), ("DCB", "NONE"), ("DCD", "NONE"), ("DBA", "06152028"), ("DCS", "WILLIAMS"),
             ("DCT", "JANE,ANN"), ("DCU", ""), ("DBD", "06152020"), ("DBB", "06151975"), ("DBC", "2"),
             ("DAY", "GRN"), ("DAU", "064 IN"), ("DAG", "5 MAIN ST"), ("DAI", "RALEIGH"), ("DAJ", "NC"),
             ("DAK", "276010000"), ("DAQ", "000012345678"), ("DCF", "1234567890"), ("DCG", "USA")],
            iin=IIN["NC"], version=2,
        ),
        _person("Jane", "Williams", "1975-06-15", FEMALE, "000012345678", DL,
                address("5 Main St", "Raleigh", "NC", "27601", "US"), middle="Ann"),
        date(2028, 6, 15), date(2020, 6, 15), "NC", 2,
    ),
    Card(
        "OR v03 ID card, given names in DCT separated by a space, sex not specified",
        build(
            [("DAQ", "1234567"), ("DCS", "LOPEZ"), ("DCT", "JORDAN RIVER"), ("DBB", "11301999"),
             ("DBA", "11302027"), ("DBD", "11012019"), ("DBC", "9"), ("DAG", "88 SW MORRISON ST"),
             ("DAI", "PORTLAND"), ("DAJ", "OR"), ("DAK", "972040000"), ("DCG", "USA"), ("DAY", "HAZ")],
            iin=IIN["OR"], version=3, subfile="ID",
        ),
        _person("Jordan", "Lopez", "1999-11-30", UNSPECIFIED, "1234567", ID_CARD,
                address("88 SW Morrison St", "Portland", "OR", "97204", "US"), middle="River"),
        date(2027, 11, 30), date(2019, 11, 1), "OR", 3,
    ),
    Card(
        "CA v04 licence written with the AAMVA header and wrong subfile offsets",
        build(
            modern(
                daq="Y7654321", last="CHEN", first="WEI", middle="unavl", dob="03151993", expiry="03152028",
                issued="03102023", sex="1", street="1 MARKET ST", city="SAN FRANCISCO", state="CA",
                postal="941050000",
            ),
            iin=IIN["CA"], version=4, header="AAMVA", true_offsets=False,
        ),
        _person("Wei", "Chen", "1993-03-15", MALE, "Y7654321", DL,
                address("1 Market St", "San Francisco", "CA", "94105", "US")),
        date(2028, 3, 15), date(2023, 3, 10), "CA", 4,
    ),
    Card(
        "NY v05 licence without the compliance indicator",
        build(
            modern(
                daq="987654321", last="ROSSI", first="MARCO", middle="NMN", dob="09091966", expiry="09092026",
                issued="09012018", sex="1", street="350 5TH AVE", city="NEW YORK", state="NY", postal="10118",
            ),
            iin=IIN["NY"], version=5, compliance="",
        ),
        _person("Marco", "Rossi", "1966-09-09", MALE, "987654321", DL,
                address("350 5th Ave", "New York", "NY", "10118", "US")),
        date(2026, 9, 9), date(2018, 9, 1), "NY", 5,
    ),
    Card(
        "ON v08 licence, Canadian year-first dates and a postal code without the space",
        build(
            modern(
                daq="T1234-56789-01234", last="TREMBLAY", first="ISABELLE", middle="CLAIRE", dob="19900115",
                expiry="20300115", issued="20250110", sex="2", street="220 YONGE ST", city="TORONTO", state="ON",
                postal="M5B2H1", country="CAN",
            ),
            iin=IIN["ON"], version=8,
        ),
        _person("Isabelle", "Tremblay", "1990-01-15", FEMALE, "T1234-56789-01234", DL,
                address("220 Yonge St", "Toronto", "ON", "M5B 2H1", "CA"), middle="Claire"),
        date(2030, 1, 15), date(2025, 1, 10), "ON", 8,
    ),
    Card(
        "BC v09 ID card, postal code with its space",
        build(
            modern(
                daq="1234567", last="SINGH", first="HARPREET", middle="KAUR", dob="20010520", expiry="20290520",
                issued="20240520", sex="2", street="800 ROBSON ST", city="VANCOUVER", state="BC",
                postal="V6Z 2E7", country="CAN",
            ),
            iin=IIN["BC"], version=9, subfile="ID",
        ),
        _person("Harpreet", "Singh", "2001-05-20", FEMALE, "1234567", ID_CARD,
                address("800 Robson St", "Vancouver", "BC", "V6Z 2E7", "CA"), middle="Kaur"),
        date(2029, 5, 20), date(2024, 5, 20), "BC", 9,
    ),
    Card(
        "AB v10 licence without a country element (country from the issuer)",
        build(
            modern(
                daq="123456-789", last="MACLEOD", first="FIONA", middle="", dob="19871203", expiry="20281203",
                issued="20231203", sex="2", street="10010 102 AVE NW", city="EDMONTON", state="AB",
                postal="T5J0N3", country=None,
            ),
            iin=IIN["AB"], version=10,
        ),
        _person("Fiona", "Macleod", "1987-12-03", FEMALE, "123456-789", DL,
                address("10010 102 Ave NW", "Edmonton", "AB", "T5J 0N3", "CA")),
        date(2028, 12, 3), date(2023, 12, 3), "AB", 10,
    ),
    Card(
        "QC v08 licence with accented names",
        build(
            modern(
                daq="G1234-567890-12", last="GAGNÉ", first="HÉLÈNE", middle="", dob="19820228", expiry="20270228",
                issued="20230228", sex="2", street="1000 RUE SAINT-DENIS", city="MONTRÉAL", state="QC",
                postal="H2X 3J6", country="CAN",
            ),
            iin=IIN["QC"], version=8,
        ),
        _person("Hélène", "Gagné", "1982-02-28", FEMALE, "G1234-567890-12", DL,
                address("1000 Rue Saint-Denis", "Montréal", "QC", "H2X 3J6", "CA")),
        date(2027, 2, 28), date(2023, 2, 28), "QC", 8,
    ),
    Card(
        "CA v10 licence that has expired",
        build(
            modern(
                daq="B7777777", last="KIM", first="MINJI", middle="", dob="05051985", expiry="05052024",
                issued="05052019", sex="2", street="9 PALM DR", city="LOS ANGELES", state="CA", postal="900120000",
            ),
            iin=IIN["CA"], version=10,
        ),
        _person("Minji", "Kim", "1985-05-05", FEMALE, "B7777777", DL,
                address("9 Palm Dr", "Los Angeles", "CA", "90012", "US")),
        date(2024, 5, 5), date(2019, 5, 5), "CA", 10, ("expired on 2024-05-05",),
    ),
    Card(
        "TX v09 licence with no ID number and an unreadable birth date",
        build(
            [(code, value) for code, value in modern(
                daq="unused", last="BROWN", first="ALEX", middle="", dob="13451990", expiry="01012030",
                issued="01012022", sex="1", street="1 CONGRESS AVE", city="AUSTIN", state="TX", postal="78701",
            ) if code != "DAQ"],
            iin=IIN["TX"], version=9,
        ),
        {wire.FIRST_NAME: "Alex", wire.LAST_NAME: "Brown", wire.GENDER: MALE,
         wire.ADDRESS: address("1 Congress Ave", "Austin", "TX", "78701", "US"), wire.ID_TYPE: DL},
        date(2030, 1, 1), date(2022, 1, 1), "TX", 9, ("ID number is missing", "date of birth on the barcode cannot"),
    ),
]  # fmt: skip


def _drop_separators(text: str) -> str:
    return "".join(ch for ch in text if ch >= " ")


# How scanners deliver the same symbol: name -> transform of the standard text.
DELIVERIES: dict[str, Callable[[str], str]] = {
    "as encoded": lambda text: text,
    "CRLF line breaks": lambda text: text.replace("\n", "\r\n"),
    "CR line breaks": lambda text: text.replace("\n", "\r"),
    "separators dropped": _drop_separators,
    "separators replaced by tabs": lambda text: text.replace("\n", "\t").replace("\x1e", "").replace("\r", "\t"),
    "caps lock on": str.swapcase,
}
