"""Marketing consent: the disclosures, the rules the form calls, the encrypted append-only log."""

from __future__ import annotations

import csv
import hashlib
import io
import sqlite3
import stat
import struct
import uuid
import zlib
from pathlib import Path

import pytest

from app import wire
from app.audit import CONSENT_RECORDED, AuditLog
from app.cli import main
from app.config import load_config
from app.consent import (
    CLERK,
    CSV_COLUMNS,
    METHOD_SIGNED,
    METHOD_VERBAL,
    PNG_MAGIC,
    ConsentError,
    ConsentLog,
    SignatureError,
    applies_to,
    consent_problems,
)
from app.credentials import SecretStore
from app.crypto import Cipher, DecryptError, new_key
from app.disclosure import LANGUAGES, DisclosureError, load_disclosures, normalize_language, text_sha256
from app.i18n import Message

SMS, CALLS, EMAIL, MAIL = wire.MARKETING_SMS, wire.MARKETING_CALLS, wire.MARKETING_EMAIL, wire.MARKETING_MAIL

CUSTOMER = {
    wire.FIRST_NAME: "Marisol",
    wire.LAST_NAME: "Quintanilla",
    wire.CELL_PHONE: "4155550142",
    wire.EMAIL: "marisol.q@example.org",
    wire.ADDRESS: {
        wire.ADDRESS_LINE1: "742 Evergreen Terrace",
        wire.CITY: "Sacramento",
        wire.STATE: "CA",
        wire.ZIP: "95814",
        wire.COUNTRY: "US",
    },
}


@pytest.fixture
def config(tmp_path):
    return load_config().with_changes(data_dir=tmp_path / "data")


@pytest.fixture
def disclosures(config):
    return load_disclosures(config, "en")


@pytest.fixture
def log(config):
    return ConsentLog.open(config, Cipher(new_key()))


def intake_id() -> str:
    return str(uuid.uuid4())


def png(seed: int = 1, width: int = 96, height: int = 24) -> bytes:
    """A real PNG (RGB, no Qt needed), different for each seed, as the signature pad would render one."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    rows = b"".join(
        b"\x00" + bytes((x * seed + y * 7) % 251 for x in range(width) for _ in range(3)) for y in range(height)
    )
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return PNG_MAGIC + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")


SIGNATURE = png()


# --- disclosures -----------------------------------------------------------------------

@pytest.mark.parametrize("language", LANGUAGES)
def test_shipped_disclosures_cover_every_channel_with_the_required_terms(config, language):
    d = load_disclosures(config, language)
    assert d.language == language and d.version
    assert set(d.channels) == set(wire.MARKETING_FIELDS)
    for channel in wire.MARKETING_FIELDS:
        text = d.text(channel)
        assert "{store_name}" not in text and "{store_contact}" not in text
        assert d.sha256(channel) == text_sha256(text)
    # TCPA: texts name the opt-out keyword; every channel can be withdrawn, and is not a purchase condition.
    assert "STOP" in d.text(SMS)
    assert d[SMS].signature_required and d[CALLS].signature_required
    assert not d[EMAIL].signature_required
    assert d.missing_store_identity


def test_language_falls_back_to_english():
    assert normalize_language("es-MX") == "es"
    assert normalize_language("fr_CA") == "fr"
    assert normalize_language("de") == "en"
    assert normalize_language(None) == "en"


def test_store_file_overrides_identity_texts_and_version(config, tmp_path):
    store = tmp_path / "disclosures.toml"
    store.write_text(
        'version = "greenleaf-7"\nsignature_required = ["sms"]\n'
        '[store]\nname = "Green Leaf"\ncontact = "12 Main St, (555) 555-0100"\n'
        '[en]\nmail = "Mail from {store_name}?"\nemail = "Email?"\nsms = "Texts? Reply STOP."\n'
        'calls = "Calls from {store_name}, {store_contact}?"\n',
        encoding="utf-8",
    )
    cfg = config.with_changes(disclosure_file=str(store))
    en = load_disclosures(cfg, "en")
    assert en.version == "greenleaf-7" and en.source == str(store)
    assert en.text(CALLS) == "Calls from Green Leaf, 12 Main St, (555) 555-0100?"
    assert not en[CALLS].signature_required and en[SMS].signature_required
    assert not en.missing_store_identity
    # A language the store does not translate keeps the shipped wording, with the store's identity.
    es = load_disclosures(cfg, "es")
    shipped_es = load_disclosures(config, "es")
    assert es.version == shipped_es.version and es.source == "shipped"
    assert "Green Leaf" in es.text(SMS) and es.sha256(SMS) != shipped_es.sha256(SMS)


@pytest.mark.parametrize(
    "content, complaint",
    [
        ('[store]\nname = "X"\n', "version"),
        ('version = "1"\n[en]\nmail = "m"\nemail = "e"\nsms = "s"\n', "calls"),
        ('version = "1"\n[en]\nmail = "m"\nemail = "e"\nsms = "s"\ncalls = "c"\nfax = "f"\n', "fax"),
        ('version = "1"\nsignature_required = ["pigeon"]\n', "signature_required"),
        ("version = ", "cannot read"),
    ],
)
def test_unusable_store_file_is_refused_with_the_reason(config, tmp_path, content, complaint):
    store = tmp_path / "d.toml"
    store.write_text(content, encoding="utf-8")
    with pytest.raises(DisclosureError, match=complaint):
        load_disclosures(config.with_changes(disclosure_file=str(store)), "en")


def test_missing_store_file_is_refused(config, tmp_path):
    with pytest.raises(DisclosureError, match="does not exist"):
        load_disclosures(config.with_changes(disclosure_file=str(tmp_path / "nope.toml")), "en")


# --- rules -----------------------------------------------------------------------------

FLAT_ADDRESS = {
    "address.address_line1": "1 Elm St", "address.city": "Reno", "address.state": "NV", "address.zip": "89501",
}


@pytest.mark.parametrize(
    "record, consents, clerk, method, expected_keys",
    [
        ({wire.CELL_PHONE: "4155550142"}, {SMS: True}, "Ana", METHOD_SIGNED, set()),
        ({wire.PHONE: "4155550142"}, [SMS, CALLS], "Ana", METHOD_SIGNED, set()),
        ({}, [SMS], "Ana", METHOD_SIGNED, {SMS}),
        ({wire.EMAIL: "  "}, [EMAIL], "Ana", METHOD_VERBAL, {EMAIL}),
        ({wire.EMAIL: "a@b.co"}, [EMAIL], "Ana", METHOD_VERBAL, set()),
        ({wire.EMAIL: "a@b.co"}, [EMAIL], "  ", METHOD_VERBAL, {CLERK}),
        ({wire.EMAIL: "a@b.co"}, [EMAIL], None, METHOD_VERBAL, {CLERK}),
        ({wire.EMAIL: "a@b.co"}, [EMAIL], "Ana", "nodded", {EMAIL}),
        ({wire.ADDRESS: {wire.CITY: "Reno"}}, [MAIL], "Ana", METHOD_VERBAL, {MAIL}),
        (FLAT_ADDRESS, [MAIL], "Ana", METHOD_VERBAL, set()),
        (CUSTOMER, [MAIL, EMAIL], "Ana", METHOD_VERBAL, set()),
        # Texts and calls need a signature (prior express written consent) under the shipped policy.
        ({wire.CELL_PHONE: "4155550142"}, [SMS], "Ana", METHOD_VERBAL, {SMS}),
        ({}, [], None, METHOD_VERBAL, set()),  # no consent, nothing to check, no clerk needed
        ({}, {SMS: False, EMAIL: False}, None, METHOD_VERBAL, set()),
        ({}, ["marketing_fax"], "Ana", METHOD_VERBAL, {"marketing_fax"}),
        ({SMS: True, EMAIL: True, wire.EMAIL: "a@b.co"}, None, "Ana", METHOD_SIGNED, {SMS}),
    ],
)
def test_consent_problems(disclosures, record, consents, clerk, method, expected_keys):
    problems = consent_problems(record, consents, clerk=clerk, method=method, disclosures=disclosures)
    assert set(problems) == expected_keys
    # Messages are translatable sentences for the window.
    assert all(problems[k] and all(isinstance(m, Message) and m for m in problems[k]) for k in problems)


def test_applies_to_prefers_the_right_number_for_each_channel():
    record = {wire.PHONE: "9165550100", wire.CELL_PHONE: "4155550142"}
    assert applies_to(record, SMS) == "4155550142"
    assert applies_to(record, CALLS) == "9165550100"
    assert applies_to(CUSTOMER, MAIL) == "742 Evergreen Terrace, Sacramento, CA, 95814, US"
    assert applies_to({}, EMAIL) is None


# --- the log ---------------------------------------------------------------------------

def test_record_intake_keeps_what_was_read_and_to_whom_it_applies(log, disclosures):
    iid = intake_id()
    record = {**CUSTOMER, SMS: True, EMAIL: True, MAIL: False}
    recs = log.record_intake(record, clerk="Ana", intake_id=iid, disclosures=disclosures, method=METHOD_SIGNED,
                             signature_png=SIGNATURE)
    assert [r.channel for r in recs] == [EMAIL, SMS]
    stored = log.for_intake(iid)
    assert stored == recs
    sms = next(r for r in stored if r.channel == SMS)
    assert sms.applies_to == CUSTOMER[wire.CELL_PHONE]
    assert sms.disclosure_sha256 == disclosures.sha256(SMS) and sms.disclosure_version == disclosures.version
    assert sms.method == METHOD_SIGNED and sms.clerk == "Ana" and sms.customer_id is None
    assert CUSTOMER[wire.CELL_PHONE] not in repr(sms)


def test_record_intake_records_nothing_when_one_consent_fails(log, disclosures):
    iid = intake_id()
    record = {wire.EMAIL: "a@b.co", EMAIL: True, SMS: True}  # no phone for the texts
    with pytest.raises(ConsentError) as err:
        log.record_intake(record, clerk="Ana", intake_id=iid, disclosures=disclosures, method=METHOD_SIGNED,
                          signature_png=SIGNATURE)
    assert set(err.value.problems) == {SMS}
    assert log.for_intake(iid) == []


@pytest.mark.parametrize(
    "channel, clerk, target, method, key",
    [
        (SMS, "", "4155550142", METHOD_SIGNED, CLERK),
        (SMS, "Ana", "4155550142", METHOD_VERBAL, SMS),
        (EMAIL, "Ana", " ", METHOD_VERBAL, EMAIL),
        ("marketing_fax", "Ana", "x", METHOD_VERBAL, "marketing_fax"),
    ],
)
def test_record_refuses_an_unprovable_consent(log, disclosures, channel, clerk, target, method, key):
    with pytest.raises(ConsentError) as err:
        log.record(channel, clerk=clerk, intake_id=intake_id(), applies_to=target, disclosures=disclosures,
                   method=method)
    assert key in err.value.problems
    assert log.count() == 0


def test_attach_customer_once(log, disclosures):
    iid, other = intake_id(), intake_id()
    log.record(EMAIL, clerk="Ana", intake_id=iid, applies_to="a@b.co", disclosures=disclosures)
    log.record(MAIL, clerk="Ana", intake_id=iid, applies_to="1 Elm St", disclosures=disclosures)
    log.record(EMAIL, clerk="Ana", intake_id=other, applies_to="c@d.co", disclosures=disclosures)
    assert log.attach_customer(iid, 5012) == 2
    assert log.attach_customer(iid, "5012") == 0  # idempotent
    assert {r.customer_id for r in log.for_intake(iid)} == {"5012"}
    assert {r.customer_id for r in log.for_intake(other)} == {None}
    with pytest.raises(ConsentError):
        log.attach_customer(iid, 777)
    with pytest.raises(ValueError):
        log.attach_customer(other, "not an id!")


def test_rows_cannot_be_rewritten_or_deleted(log, disclosures):
    iid = intake_id()
    log.record(EMAIL, clerk="Ana", intake_id=iid, applies_to="a@b.co", disclosures=disclosures)
    log.attach_customer(iid, 1)
    conn = sqlite3.connect(log.path)
    try:
        for sql in ("UPDATE consent SET clerk = 'Bob'", "DELETE FROM consent", "UPDATE consent SET customer_id = '2'",
                    "UPDATE consent SET signature = NULL", "UPDATE consent SET signature_sha256 = 'x'"):
            with pytest.raises(sqlite3.IntegrityError, match=r"append-only|set once"):
                conn.execute(sql)
    finally:
        conn.close()
    assert [r.clerk for r in log.for_intake(iid)] == ["Ana"]
    assert not any(name.startswith(("update", "delete")) for name in dir(log) if name != "attach_customer")


def test_export_csv_round_trip_and_marks_a_moved_value(log, disclosures, tmp_path):
    ids = [intake_id(), intake_id()]
    log.record(SMS, clerk="Ana", intake_id=ids[0], applies_to="4155550142", disclosures=disclosures,
               method=METHOD_SIGNED, signature_png=SIGNATURE)
    log.record(EMAIL, clerk="Bo Li", intake_id=ids[1], applies_to="b@example.org", disclosures=disclosures)
    log.attach_customer(ids[0], "c-9")
    out = tmp_path / "consent.csv"
    assert log.export_csv(out) == 2
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    rows = list(csv.DictReader(out.open(encoding="utf-8", newline="")))
    assert tuple(rows[0]) == CSV_COLUMNS
    assert [(r["channel"], r["applies_to"], r["clerk"], r["customer_id"], r["integrity"]) for r in rows] == [
        (SMS, "4155550142", "Ana", "c-9", "ok"),
        (EMAIL, "b@example.org", "Bo Li", "", "ok"),
    ]
    assert rows[0]["disclosure_sha256"] == disclosures.sha256(SMS)

    # Swap the encrypted values between rows by hand: each is bound to its row and no longer opens.
    conn = sqlite3.connect(log.path)
    try:
        conn.execute("DROP TRIGGER consent_no_update")
        _, b = (r[0] for r in conn.execute("SELECT applies_to FROM consent ORDER BY seq"))
        conn.execute("UPDATE consent SET applies_to = ? WHERE seq = 1", (b,))
        conn.commit()
    finally:
        conn.close()
    buf = io.StringIO()
    log.export_csv(buf)
    rows = list(csv.DictReader(io.StringIO(buf.getvalue())))
    assert [(r["applies_to"], r["integrity"]) for r in rows] == [("", "altered"), ("b@example.org", "ok")]
    with pytest.raises(DecryptError):
        log.for_intake(ids[0])


def test_export_with_the_wrong_key_is_an_error(log, disclosures, tmp_path):
    log.record(EMAIL, clerk="Ana", intake_id=intake_id(), applies_to="a@b.co", disclosures=disclosures)
    with pytest.raises(DecryptError):
        ConsentLog(log.path, Cipher(new_key())).export_csv(tmp_path / "x.csv")


def test_recording_writes_an_audit_event_without_the_value(config, disclosures, memory_keyring):
    audit = AuditLog.open(config)
    log = ConsentLog.open(config, Cipher(new_key()), audit=audit)
    iid = intake_id()
    log.record(EMAIL, clerk="Ana", intake_id=iid, applies_to="a@b.co", disclosures=disclosures)
    (entry,) = audit.entries(event=CONSENT_RECORDED)
    assert entry.intake_id == iid and entry.details["channel"] == EMAIL
    assert entry.details["disclosure_version"] == disclosures.version
    assert "a@b.co" not in repr(entry)


def test_database_file_is_owner_only(log):
    assert stat.S_IMODE(Path(log.path).stat().st_mode) == 0o600


# --- signatures ------------------------------------------------------------------------

def signed_and_spoken(log, disclosures, signature=SIGNATURE):
    """An intake signed on screen (texts and email) and another spoken (email)."""
    signed = log.record_intake({**CUSTOMER, SMS: True, EMAIL: True}, clerk="Ana", intake_id=intake_id(),
                               disclosures=disclosures, method=METHOD_SIGNED, signature_png=signature)
    spoken = log.record(EMAIL, clerk="Ana", intake_id=intake_id(), applies_to="b@example.org",
                        disclosures=disclosures)
    return signed, spoken


def test_a_signature_round_trips_and_its_hash_and_png_are_exported(log, disclosures, tmp_path):
    signed, spoken = signed_and_spoken(log, disclosures)
    digest = hashlib.sha256(SIGNATURE).hexdigest()
    assert [r.signature_sha256 for r in signed] == [digest, digest]
    assert log.for_intake(signed[0].intake_id) == signed
    assert all(log.signature(r.consent_id) == SIGNATURE for r in signed)
    assert spoken.signature_sha256 is None and log.signature(spoken.consent_id) is None
    with pytest.raises(LookupError):
        log.signature(str(uuid.uuid4()))

    out = tmp_path / "consent.csv"
    log.export_csv(out)
    rows = {r["consent_id"]: r for r in csv.DictReader(out.open(encoding="utf-8", newline=""))}
    assert {rows[r.consent_id]["signature_sha256"] for r in signed} == {digest}
    assert rows[spoken.consent_id]["signature_sha256"] == ""
    assert {r["integrity"] for r in rows.values()} == {"ok"}

    folder = tmp_path / "signatures"
    result = log.export_signatures(folder)
    assert result.written == 2 and result.altered == []
    assert sorted(p.name for p in folder.iterdir()) == sorted(f"{r.consent_id}.png" for r in signed)
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    for path in folder.iterdir():
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        assert path.read_bytes().startswith(PNG_MAGIC)
        assert hashlib.sha256(path.read_bytes()).hexdigest() == rows[path.stem]["signature_sha256"]


def test_an_export_over_an_earlier_one_leaves_the_files_owner_only(log, disclosures, tmp_path):
    (rec,) = log.record_intake({**CUSTOMER, SMS: True}, clerk="Ana", intake_id=intake_id(), disclosures=disclosures,
                               method=METHOD_SIGNED, signature_png=SIGNATURE)
    folder = tmp_path / "signatures"
    folder.mkdir()
    stale = folder / f"{rec.consent_id}.png"
    stale.write_bytes(b"old")
    stale.chmod(0o644)
    assert log.export_signatures(folder).written == 1
    assert stale.read_bytes() == SIGNATURE and stat.S_IMODE(stale.stat().st_mode) == 0o600


@pytest.mark.parametrize(
    "channel, method, signature, key",
    [
        (SMS, METHOD_SIGNED, None, SMS),  # signed, but the image is missing
        (SMS, METHOD_SIGNED, b"", SMS),  # what an empty pad renders
        (EMAIL, METHOD_SIGNED, None, EMAIL),  # signed even where a signature is optional
        (EMAIL, METHOD_VERBAL, SIGNATURE, EMAIL),  # spoken, yet carrying a signature
    ],
)
def test_the_signature_must_match_the_method(log, disclosures, channel, method, signature, key):
    target = {SMS: "4155550142", EMAIL: "a@b.co"}[channel]
    with pytest.raises(ConsentError) as err:
        log.record(channel, clerk="Ana", intake_id=intake_id(), applies_to=target, disclosures=disclosures,
                   method=method, signature_png=signature)
    assert set(err.value.problems) == {key}
    with pytest.raises(ConsentError) as err:
        log.record_intake({**CUSTOMER, channel: True}, clerk="Ana", intake_id=intake_id(), disclosures=disclosures,
                          method=method, signature_png=signature)
    assert set(err.value.problems) == {key}
    assert log.count() == 0


def test_a_signature_must_be_a_png(log, disclosures):
    with pytest.raises(ValueError, match="PNG"):
        log.record_intake({**CUSTOMER, SMS: True, EMAIL: True}, clerk="Ana", intake_id=intake_id(),
                          disclosures=disclosures, method=METHOD_SIGNED, signature_png=b"GIF89a....")
    assert log.count() == 0


def test_the_file_itself_refuses_a_signed_row_without_its_signature(log):
    conn = sqlite3.connect(log.path)
    try:
        with pytest.raises(sqlite3.IntegrityError, match="signature"):
            conn.execute(
                "INSERT INTO consent (consent_id, channel, given_at, clerk, method, disclosure_version,"
                " disclosure_sha256, language, intake_id, applies_to) VALUES ('x', ?, 't', 'Ana', ?, '1', 's', 'en',"
                " 'i', x'00')", (SMS, METHOD_SIGNED))
    finally:
        conn.close()


def _tamper(log, sql: str, *params) -> None:
    conn = sqlite3.connect(log.path)
    try:
        conn.execute("DROP TRIGGER IF EXISTS consent_no_update")
        conn.execute(sql, params)
        conn.commit()
    finally:
        conn.close()


def _export(log) -> dict[str, dict[str, str]]:
    buf = io.StringIO()
    log.export_csv(buf)
    return {r["consent_id"]: r for r in csv.DictReader(io.StringIO(buf.getvalue()))}


def test_an_altered_signature_is_detected(log, disclosures, tmp_path):
    (sms,) = log.record_intake({**CUSTOMER, SMS: True}, clerk="Ana", intake_id=intake_id(), disclosures=disclosures,
                               method=METHOD_SIGNED, signature_png=SIGNATURE)
    (other,) = log.record_intake({**CUSTOMER, SMS: True}, clerk="Bo", intake_id=intake_id(), disclosures=disclosures,
                                 method=METHOD_SIGNED, signature_png=png(seed=5))
    # One byte of the encrypted image changed.
    with sqlite3.connect(log.path) as conn:
        blob = bytearray(conn.execute("SELECT signature FROM consent WHERE consent_id = ?", (sms.consent_id,))
                         .fetchone()[0])
    conn.close()
    blob[40] ^= 0x01
    _tamper(log, "UPDATE consent SET signature = ? WHERE consent_id = ?", bytes(blob), sms.consent_id)
    with pytest.raises(SignatureError, match="no longer matches"):
        log.signature(sms.consent_id)
    assert isinstance(SignatureError("x"), DecryptError)
    assert log.signature(other.consent_id) == png(seed=5)
    rows = _export(log)
    assert (rows[sms.consent_id]["integrity"], rows[sms.consent_id]["signature_sha256"]) == ("signature_altered", "")
    assert rows[sms.consent_id]["applies_to"] == CUSTOMER[wire.CELL_PHONE]  # the value itself still opens
    assert rows[other.consent_id]["integrity"] == "ok"
    result = log.export_signatures(tmp_path / "sig")
    assert (result.written, result.altered) == (1, [sms.consent_id])
    assert [p.name for p in (tmp_path / "sig").iterdir()] == [f"{other.consent_id}.png"]


def test_a_signature_moved_or_removed_breaks_its_row(log, disclosures):
    (a,) = log.record_intake({**CUSTOMER, SMS: True}, clerk="Ana", intake_id=intake_id(), disclosures=disclosures,
                             method=METHOD_SIGNED, signature_png=SIGNATURE)
    (b,) = log.record_intake({**CUSTOMER, SMS: True}, clerk="Bo", intake_id=intake_id(), disclosures=disclosures,
                             method=METHOD_SIGNED, signature_png=png(seed=9))
    log.record(EMAIL, clerk="Cy", intake_id=intake_id(), applies_to="c@d.co", disclosures=disclosures)  # untouched
    # b's signature and hash copied onto a: it was made for another row.
    _tamper(log, "UPDATE consent SET (signature, signature_sha256) = (SELECT signature, signature_sha256 FROM consent"
                 " WHERE consent_id = ?) WHERE consent_id = ?", b.consent_id, a.consent_id)
    with pytest.raises(SignatureError):
        log.signature(a.consent_id)
    assert _export(log)[a.consent_id]["integrity"] == "altered"  # the value was bound to a's own signature
    # A signature blanked out to pass for a row recorded before signatures were kept.
    _tamper(log, "UPDATE consent SET signature = NULL, signature_sha256 = NULL WHERE consent_id = ?", b.consent_id)
    assert _export(log)[b.consent_id]["integrity"] == "altered"
    with pytest.raises(DecryptError):
        log.for_intake(b.intake_id)


def test_signatures_leave_no_personal_data_in_the_data_folder(config, disclosures):
    log = ConsentLog.open(config, Cipher(new_key()))
    signed_and_spoken(log, disclosures)
    secrets = [SIGNATURE, SIGNATURE[-200:-20], CUSTOMER[wire.CELL_PHONE].encode(), CUSTOMER[wire.EMAIL].encode()]
    files = [p for p in config.data_dir.rglob("*") if p.is_file()]
    assert files
    for path in files:
        data = path.read_bytes()
        assert not any(secret in data for secret in secrets), f"{path.name} holds a customer's data"


V1_SCHEMA = """
CREATE TABLE consent (
    seq INTEGER PRIMARY KEY, consent_id TEXT NOT NULL UNIQUE, channel TEXT NOT NULL, given_at TEXT NOT NULL,
    clerk TEXT NOT NULL, method TEXT NOT NULL, disclosure_version TEXT NOT NULL, disclosure_sha256 TEXT NOT NULL,
    language TEXT NOT NULL, intake_id TEXT NOT NULL, applies_to BLOB NOT NULL, customer_id TEXT
);
CREATE INDEX consent_intake ON consent(intake_id);
CREATE TRIGGER consent_no_delete BEFORE DELETE ON consent
BEGIN SELECT RAISE(ABORT, 'consent records are append-only'); END;
CREATE TRIGGER consent_no_update BEFORE UPDATE OF seq, consent_id, channel, given_at, clerk, method,
    disclosure_version, disclosure_sha256, language, intake_id, applies_to ON consent
BEGIN SELECT RAISE(ABORT, 'consent records are append-only'); END;
CREATE TRIGGER consent_customer_once BEFORE UPDATE OF customer_id ON consent
WHEN OLD.customer_id IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'the customer of a consent record is set once'); END;
"""


def test_a_database_from_before_signatures_is_upgraded_on_open(tmp_path, disclosures):
    """A station's file from the first version: a signed row without its image still opens, new rows keep theirs."""
    path, cipher = tmp_path / "consent.sqlite3", Cipher(new_key())
    old_id, old_intake = str(uuid.uuid4()), intake_id()
    conn = sqlite3.connect(path)
    try:
        conn.executescript(V1_SCHEMA)
        value = cipher.encrypt(b"4155550142", f"consent|{old_id}|{SMS}|{old_intake}".encode())
        conn.execute("INSERT INTO consent (consent_id, channel, given_at, clerk, method, disclosure_version,"
                     " disclosure_sha256, language, intake_id, applies_to) VALUES (?, ?, '2024-05-01T10:00:00+00:00',"
                     " 'Ana', ?, '2024-05', ?, 'en', ?, ?)",
                     (old_id, SMS, METHOD_SIGNED, disclosures.sha256(SMS), old_intake, value))
        conn.commit()
    finally:
        conn.close()

    log = ConsentLog(path, cipher)
    (old,) = log.for_intake(old_intake)
    assert (old.applies_to, old.method, old.signature_sha256) == ("4155550142", METHOD_SIGNED, None)
    assert log.signature(old_id) is None
    (new,) = log.record_intake({**CUSTOMER, SMS: True}, clerk="Bo", intake_id=intake_id(), disclosures=disclosures,
                               method=METHOD_SIGNED, signature_png=SIGNATURE)
    assert log.signature(new.consent_id) == SIGNATURE
    rows = _export(log)
    assert [(r["integrity"], r["signature_sha256"]) for r in rows.values()] == [
        ("ok", ""), ("ok", hashlib.sha256(SIGNATURE).hexdigest())]
    ConsentLog(path, cipher)  # opening again changes nothing
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 2
        assert conn.execute("SELECT COUNT(*) FROM consent").fetchone()[0] == 2
        # The append-only rule now covers the new columns too.
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            conn.execute("UPDATE consent SET signature_sha256 = 'x'")
    finally:
        conn.close()


# --- the command -----------------------------------------------------------------------

def test_cli_export_uses_the_keyring_data_key(memory_keyring, tmp_path, capsys):
    config = load_config()
    disclosures = load_disclosures(config, "fr")
    iid = intake_id()
    ConsentLog.open(config, Cipher(SecretStore().create_data_key())).record(
        EMAIL, clerk="Ana", intake_id=iid, applies_to="a@b.co", disclosures=disclosures
    )
    out = tmp_path / "export.csv"
    assert main(["consent", "export", "--csv", str(out), "--clerk", "Officer"]) == 0
    rows = list(csv.DictReader(out.open(encoding="utf-8", newline="")))
    assert [(r["intake_id"], r["applies_to"], r["language"]) for r in rows] == [(iid, "a@b.co", "fr")]
    assert str(out) in capsys.readouterr().out
    exported = AuditLog.open(config).entries(event="exported")
    assert [(e.clerk, e.details["rows"]) for e in exported] == [("Officer", 1)]


def test_cli_export_over_an_existing_readable_file_leaves_it_owner_only(memory_keyring, tmp_path):
    config = load_config()
    ConsentLog.open(config, Cipher(SecretStore().create_data_key())).record(
        EMAIL, clerk="Ana", intake_id=intake_id(), applies_to="a@b.co", disclosures=load_disclosures(config, "en")
    )
    out = tmp_path / "export.csv"
    out.write_text("x" * 5000, encoding="utf-8")
    out.chmod(0o644)
    assert main(["consent", "export", "--csv", str(out)]) == 0
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert "a@b.co" in out.read_text(encoding="utf-8") and "xxx" not in out.read_text(encoding="utf-8")


def test_cli_export_without_a_keyring_exits_2(monkeypatch, tmp_path, capsys):
    import keyring
    from keyring.backends import fail

    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    try:
        code = main(["consent", "export", "--csv", str(tmp_path / "x.csv")])
    finally:
        keyring.set_keyring(previous)
    assert code == 2
    assert "keyring" in capsys.readouterr().err.lower()
    assert not (tmp_path / "x.csv").exists()


def test_cli_export_to_an_unwritable_place_exits_2(memory_keyring, tmp_path, capsys):
    code = main(["consent", "export", "--csv", str(tmp_path / "no" / "such" / "dir" / "x.csv")])
    assert code == 2
    assert "cannot write" in capsys.readouterr().err


def test_cli_export_writes_the_signatures(memory_keyring, tmp_path, capsys):
    config = load_config()
    (rec,) = ConsentLog.open(config, Cipher(SecretStore().create_data_key())).record_intake(
        {**CUSTOMER, SMS: True}, clerk="Ana", intake_id=intake_id(), disclosures=load_disclosures(config, "en"),
        method=METHOD_SIGNED, signature_png=SIGNATURE,
    )
    out, folder = tmp_path / "export.csv", tmp_path / "signatures"
    assert main(["consent", "export", "--csv", str(out), "--signatures", str(folder)]) == 0
    (row,) = csv.DictReader(out.open(encoding="utf-8", newline=""))
    written = folder / f"{rec.consent_id}.png"
    assert written.read_bytes() == SIGNATURE
    assert stat.S_IMODE(written.stat().st_mode) == 0o600
    assert row["signature_sha256"] == hashlib.sha256(written.read_bytes()).hexdigest()
    assert "wrote 1 signatures" in capsys.readouterr().out
