"""Marketing consent: the disclosures, the rules the form calls, the encrypted append-only log."""

from __future__ import annotations

import csv
import io
import sqlite3
import stat
import uuid
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
    ConsentError,
    ConsentLog,
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
    recs = log.record_intake(record, clerk="Ana", intake_id=iid, disclosures=disclosures, method=METHOD_SIGNED)
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
        log.record_intake(record, clerk="Ana", intake_id=iid, disclosures=disclosures, method=METHOD_SIGNED)
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
        for sql in ("UPDATE consent SET clerk = 'Bob'", "DELETE FROM consent", "UPDATE consent SET customer_id = '2'"):
            with pytest.raises(sqlite3.IntegrityError, match=r"append-only|set once"):
                conn.execute(sql)
    finally:
        conn.close()
    assert [r.clerk for r in log.for_intake(iid)] == ["Ana"]
    assert not any(name.startswith(("update", "delete")) for name in dir(log) if name != "attach_customer")


def test_export_csv_round_trip_and_marks_a_moved_value(log, disclosures, tmp_path):
    ids = [intake_id(), intake_id()]
    log.record(SMS, clerk="Ana", intake_id=ids[0], applies_to="4155550142", disclosures=disclosures,
               method=METHOD_SIGNED)
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


def test_recording_writes_an_audit_event_without_the_value(config, disclosures):
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


# --- the command -----------------------------------------------------------------------

def test_cli_export_uses_the_keyring_data_key(memory_keyring, tmp_path, capsys):
    config = load_config()
    disclosures = load_disclosures(config, "fr")
    iid = intake_id()
    ConsentLog.open(config, Cipher(SecretStore().data_key())).record(
        EMAIL, clerk="Ana", intake_id=iid, applies_to="a@b.co", disclosures=disclosures
    )
    out = tmp_path / "export.csv"
    assert main(["consent", "export", "--csv", str(out), "--clerk", "Officer"]) == 0
    rows = list(csv.DictReader(out.open(encoding="utf-8", newline="")))
    assert [(r["intake_id"], r["applies_to"], r["language"]) for r in rows] == [(iid, "a@b.co", "fr")]
    assert str(out) in capsys.readouterr().out
    exported = AuditLog.open(config).entries(event="exported")
    assert [(e.clerk, e.details["rows"]) for e in exported] == [("Officer", 1)]


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
