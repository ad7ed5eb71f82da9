"""The audit trail: append-only, hash-chained, free of personal data."""

from __future__ import annotations

import csv
import hashlib
import hmac
import json
import sqlite3
import stat
import uuid

import pytest

from app import audit as audit_module
from app import wire
from app.audit import (
    CHAIN_KEYED,
    CREATED,
    CSV_COLUMNS,
    DRAFT_STARTED,
    EVENTS,
    PROGRAM_CLERK,
    REJECTED,
    SETTINGS_CHANGED,
    SUBMITTED,
    AuditError,
    AuditLog,
)
from app.clerks import ClerkRoster
from app.cli import main
from app.config import load_config
from app.consent import METHOD_SIGNED, ConsentLog
from app.credentials import AUDIT_KEY_USER, SERVICE, SecretStore
from app.crypto import Cipher, new_key
from app.disclosure import load_disclosures
from tests.unit.test_consent import png


@pytest.fixture
def config(tmp_path):
    return load_config().with_changes(data_dir=tmp_path / "data")


@pytest.fixture
def log(config, memory_keyring):
    return AuditLog.open(config)


def a_day_of_intakes(log: AuditLog, n: int = 4) -> list[str]:
    ids = []
    for i in range(n):
        iid = str(uuid.uuid4())
        ids.append(iid)
        log.append(DRAFT_STARTED, clerk="Ramona", intake_id=iid, details={"source": "scanner"})
        log.append(SUBMITTED, clerk="Ramona", intake_id=iid, details={"documents": 1})
        log.append(CREATED, clerk="Ramona", intake_id=iid, customer_id=1000 + i)
    return ids


def test_append_and_read_back_newest_first(log):
    ids = a_day_of_intakes(log, 2)
    log.append(REJECTED, clerk="Ramona", intake_id=ids[0], details={"fields": ["address.zip", wire.EMAIL],
                                                                    "status": 422})
    newest = log.entries(limit=2)
    assert [e.seq for e in newest] == [7, 6]
    assert newest[0].details == {"fields": ["address.zip", wire.EMAIL], "status": 422}
    assert [e.customer_id for e in log.entries(event=CREATED, newest_first=False)] == ["1000", "1001"]
    assert {e.event for e in log.entries(intake_id=ids[1], limit=None)} == {DRAFT_STARTED, SUBMITTED, CREATED}
    assert log.count() == 7 and log.head()[0] == 7
    assert log.verify() is None


@pytest.mark.parametrize(
    "kwargs",
    [
        {"event": "customer_lookup"},  # not an event type
        {"clerk": "  "},
        {"intake_id": "Marisol Quintanilla"},
        {"customer_id": "Marisol Q"},
        {"details": {wire.FIRST_NAME: "Marisol"}},  # a personal field as a key
        {"details": {wire.EMAIL: "marisol.q@example.org"}},
        {"details": {"reason": "marisol.q@example.org"}},  # a value that cannot be a code
        {"details": {"reason": "Marisol Quintanilla"}},
        {"details": {"error": "p4155550142"}},  # a phone number hidden in a code
        {"details": {"fields": ["Marisol"]}},  # not a field name
        {"details": {"settings": ["sk_live_123"]}},  # a key's value where a setting's name goes
        {"details": {"status": "422"}},
        {"details": {"signed": 1}},
        {"details": {"channel": "pigeon"}},
    ],
)
def test_events_that_could_carry_personal_data_are_refused(log, kwargs):
    args = {"event": REJECTED, "clerk": "Ramona", **kwargs}
    with pytest.raises(AuditError) as err:
        log.append(args.pop("event"), **args)
    # The refusal does not repeat the value it refused.
    for value in (kwargs.get("details") or {}).values():
        if isinstance(value, str):
            assert value not in str(err.value)
    assert log.count() == 0


def test_allowed_details_are_stored(log):
    entry = log.append(SETTINGS_CHANGED, clerk="Ramona", details={"settings": ["api_url", "api_key"]})
    assert entry.details == {"settings": ["api_key", "api_url"]}
    assert all(event.isidentifier() for event in EVENTS)


def test_program_cannot_update_or_delete(log):
    a_day_of_intakes(log, 1)
    conn = sqlite3.connect(log.path)
    try:
        for sql in ("UPDATE audit SET clerk = 'X'", "DELETE FROM audit WHERE seq = 1"):
            with pytest.raises(sqlite3.IntegrityError, match="append-only"):
                conn.execute(sql)
    finally:
        conn.close()
    assert log.verify() is None


def _without_triggers(log: AuditLog, *statements: str) -> None:
    conn = sqlite3.connect(log.path)
    try:
        conn.execute("DROP TRIGGER audit_no_update")
        conn.execute("DROP TRIGGER audit_no_delete")
        for sql in statements:
            conn.execute(sql)
        conn.commit()
    finally:
        conn.close()


@pytest.mark.parametrize(
    "statements, first_broken",
    [
        (["UPDATE audit SET customer_id = '9999' WHERE seq = 6"], 6),
        (["UPDATE audit SET details = '{}' WHERE seq = 4"], 4),
        (["DELETE FROM audit WHERE seq = 5"], 6),  # a gap: the next row no longer follows
        (["UPDATE audit SET at = '2020-01-01T00:00:00.000+00:00' WHERE seq = 1"], 1),
        (["UPDATE audit SET clerk = 'Mallory', hash = '" + "ab" * 32 + "' WHERE seq = 8"], 8),
    ],
)
def test_verify_names_the_first_altered_row(log, statements, first_broken):
    a_day_of_intakes(log, 4)
    _without_triggers(log, *statements)
    assert log.verify() == first_broken


def test_a_rehashed_forgery_breaks_the_link_of_the_next_row(log):
    a_day_of_intakes(log, 3)
    conn = sqlite3.connect(log.path)
    try:
        seq, at, event, _clerk, intake, customer, details, prev = conn.execute(
            "SELECT seq, at, event, clerk, intake_id, customer_id, details, prev_hash FROM audit WHERE seq = 5"
        ).fetchone()
        forged = hashlib.sha256(prev.encode("ascii") + json.dumps(
            [seq, at, event, "Mallory", intake, customer, details], separators=(",", ":")).encode()).hexdigest()
    finally:
        conn.close()
    _without_triggers(log, f"UPDATE audit SET clerk = 'Mallory', hash = '{forged}' WHERE seq = 5")
    assert log.verify() == 5  # a plain SHA-256 no longer passes for a keyed row


def test_verify_detects_an_edit_of_the_file_bytes(log):
    a_day_of_intakes(log, 3)
    log.append(REJECTED, clerk="Zebulon", intake_id=str(uuid.uuid4()), details={"status": 422})
    raw = log.path.read_bytes()
    assert raw.count(b"Zebulon") == 1
    log.path.write_bytes(raw.replace(b"Zebulon", b"Zachary"))
    assert log.verify() == 10
    assert [e.clerk for e in log.entries(limit=1)] == ["Zachary"]


def test_chain_can_be_recomputed_from_the_export_with_the_key(log, tmp_path):
    a_day_of_intakes(log, 2)
    out = tmp_path / "audit.csv"
    assert log.export_csv(out) == 6
    rows = list(csv.DictReader(out.open(encoding="utf-8", newline="")))
    assert tuple(rows[0]) == CSV_COLUMNS
    key, created = SecretStore().audit_key()
    assert not created
    prev = "0" * 64
    for r in rows:
        content = json.dumps(
            [int(r["seq"]), r["at"], r["event"], r["clerk"], r["intake_id"] or None, r["customer_id"] or None,
             r["details"]],
            separators=(",", ":"), ensure_ascii=False,
        ).encode("utf-8")
        assert r["prev_hash"] == prev
        assert r["hash"] != hashlib.sha256(prev.encode("ascii") + content).hexdigest()
        prev = hmac.new(key, prev.encode("ascii") + content, hashlib.sha256).hexdigest()
        assert r["hash"] == prev
    assert prev == log.head()[1]


# --- keyed chain: a rewrite without the key is seen ----------------------------------------

_SELECT = "SELECT seq, at, event, clerk, intake_id, customer_id, details FROM audit ORDER BY seq"


def _content(seq, at, event, clerk, intake, customer, details) -> bytes:
    return json.dumps([seq, at, event, clerk, intake, customer, details], separators=(",", ":"),
                      ensure_ascii=False).encode("utf-8")


def _rehash(path, key: bytes | None, edit=lambda row: row, *, start: int = 1) -> None:
    """Rewrite the file as an attacker would: drop the triggers, apply ``edit`` to each row from
    ``start`` on and recompute every hash from there (plain SHA-256 without ``key``)."""
    conn = sqlite3.connect(path)
    try:
        conn.execute("DROP TRIGGER IF EXISTS audit_no_update")
        conn.execute("DROP TRIGGER IF EXISTS audit_no_delete")
        rows = conn.execute(_SELECT).fetchall()
        prev = conn.execute("SELECT hash FROM audit WHERE seq = ?", (start - 1,)).fetchone()
        prev = prev[0] if prev else "0" * 64
        for row in rows[start - 1:]:
            row = edit(row)
            message = prev.encode("ascii") + _content(*row)
            digest = (hmac.new(key, message, hashlib.sha256) if key else hashlib.sha256(message)).hexdigest()
            conn.execute("UPDATE audit SET event = ?, clerk = ?, details = ?, prev_hash = ?, hash = ? WHERE seq = ?",
                         (row[2], row[3], row[6], prev, digest, row[0]))
            prev = digest
        conn.commit()
    finally:
        conn.close()


def _mallory(row):
    return (*row[:3], "Mallory", *row[4:]) if row[0] == 5 else row


@pytest.mark.parametrize("start, first_broken", [(5, 5), (1, 1)])
def test_a_chain_recomputed_with_plain_sha256_is_reported(log, start, first_broken):
    a_day_of_intakes(log, 3)
    _rehash(log.path, None, _mallory, start=start)
    assert [e.clerk for e in log.entries(limit=None, newest_first=False)][4] == "Mallory"
    assert log.verify() == first_broken


def test_a_chain_recomputed_with_another_key_is_reported_and_with_the_key_it_holds(log):
    a_day_of_intakes(log, 3)
    _rehash(log.path, b"k" * 32, _mallory)
    assert log.verify() == 1
    _rehash(log.path, SecretStore().audit_key()[0])  # whoever holds the station's key could
    assert log.verify() is None


def test_cli_verify_reports_a_chain_recomputed_without_the_key(memory_keyring, capsys):
    log = AuditLog.open(load_config())
    a_day_of_intakes(log, 3)
    _rehash(log.path, None, _mallory, start=5)
    assert main(["audit", "verify"]) == 1
    assert "event 5" in capsys.readouterr().err
    _rehash(log.path, SecretStore().audit_key()[0], start=5)  # rewritten with the station's key
    assert main(["audit", "verify"]) == 0


def test_the_audit_key_lives_in_the_keyring_once_per_station(config, memory_keyring):
    first = AuditLog.open(config)
    a_day_of_intakes(first, 1)
    assert memory_keyring.get_password(SERVICE, AUDIT_KEY_USER)
    again = AuditLog.open(config)  # another program on the station: same key
    assert again.verify() is None and again.count() == 3
    assert "key" in repr(again) and memory_keyring.get_password(SERVICE, AUDIT_KEY_USER) not in repr(again)
    assert memory_keyring.get_password(SERVICE, AUDIT_KEY_USER).encode() not in first.path.read_bytes()


# --- logs written before the chain was keyed ------------------------------------------------

def legacy_log(path, n: int) -> None:
    """An audit file as earlier versions wrote it: every hash plain SHA-256."""
    path.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(path)
    try:
        conn.executescript(audit_module._SCHEMA)
        prev = "0" * 64
        for seq in range(1, n + 1):
            row = (seq, f"2025-01-0{1 + seq % 9}T10:00:00.000+00:00", DRAFT_STARTED, "Ramona", str(uuid.uuid4()),
                   None, '{"source":"scanner"}')
            digest = hashlib.sha256(prev.encode("ascii") + _content(*row)).hexdigest()
            conn.execute("INSERT INTO audit VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", (*row, prev, digest))
            prev = digest
        conn.commit()
    finally:
        conn.close()


def test_a_legacy_log_is_anchored_by_a_keyed_event_when_the_key_is_created(config, memory_keyring):
    path = config.data_dir / "audit.sqlite3"
    legacy_log(path, 4)
    log = AuditLog.open(config)
    (marker,) = log.entries(event=CHAIN_KEYED)
    assert (marker.seq, marker.clerk, marker.details) == (5, PROGRAM_CLERK, {"rows": 4})
    a_day_of_intakes(log, 1)
    assert log.verify() is None and log.legacy_rows() == 4
    assert AuditLog.open(config).count() == 8  # opened again: no second anchor
    # The legacy rows are anchored: rewriting one, even rehashing the legacy part, breaks the keyed event.
    _rehash(path, None, lambda row: (*row[:3], "Mallory", *row[4:]) if row[0] == 2 else row, start=2)
    assert log.verify() == 5


def _rewrite_prefix_as_legacy(path, upto: int) -> None:
    """Rehash rows 1..upto with plain SHA-256 and the keyed event renamed, then cut the rest."""
    conn = sqlite3.connect(path)
    try:
        conn.execute("DROP TRIGGER IF EXISTS audit_no_update")
        conn.execute("DROP TRIGGER IF EXISTS audit_no_delete")
        conn.execute("DELETE FROM audit WHERE seq > ?", (upto,))
        conn.commit()
    finally:
        conn.close()
    _rehash(path, None, lambda row: (*row[:2], DRAFT_STARTED, *row[3:]) if row[2] == CHAIN_KEYED else row)


def test_removing_the_keyed_event_to_pass_keyed_rows_as_legacy_is_reported(config, memory_keyring):
    path = config.data_dir / "audit.sqlite3"
    legacy_log(path, 2)
    log = AuditLog.open(config)
    a_day_of_intakes(log, 2)  # rows 4..9 keyed
    _rewrite_prefix_as_legacy(path, 6)
    assert log.verify() == 1
    assert AuditLog.open(config).entries(event=CHAIN_KEYED) == []  # the key exists: no new anchor is made
    assert log.verify() == 1


def test_a_legacy_log_opened_after_the_key_exists_is_not_taken_as_intact(config, memory_keyring, tmp_path):
    AuditLog.open(config)  # the station's key is created with an empty log
    other = config.with_changes(data_dir=tmp_path / "restored")
    legacy_log(other.data_dir / "audit.sqlite3", 3)
    assert AuditLog.open(other).verify() == 1


def test_cli_verify_names_the_legacy_rows(config, memory_keyring, capsys):
    legacy_log(load_config().data_dir / "audit.sqlite3", 3)
    assert main(["audit", "verify"]) == 0
    assert "4 events (the first 3 from before the chain was keyed)" in capsys.readouterr().out


def test_cli_without_a_keyring_exits_2(capsys):
    import keyring
    from keyring.backends import fail

    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    try:
        assert main(["audit", "verify"]) == 2
    finally:
        keyring.set_keyring(previous)
    assert "audit key" in capsys.readouterr().err


def test_no_personal_data_reaches_the_data_folder(config, memory_keyring):
    """After a full intake's consents and events, no file in the data folder holds the customer's data."""
    customer = {
        wire.FIRST_NAME: "Philomena",
        wire.LAST_NAME: "Vandersloot",
        wire.CELL_PHONE: "4155550199",
        wire.EMAIL: "philomena.v@example.net",
        wire.ADDRESS: {wire.ADDRESS_LINE1: "88 Quarry Lane", wire.CITY: "Fresno", wire.STATE: "CA",
                       wire.ZIP: "93650"},
        wire.MARKETING_SMS: True, wire.MARKETING_EMAIL: True, wire.MARKETING_MAIL: True,
    }
    roster = ClerkRoster.open(config)
    clerk = roster.start_shift("Ramona")
    audit = AuditLog.open(config)
    consents = ConsentLog.open(config, Cipher(new_key()), audit=audit)
    iid = str(uuid.uuid4())
    audit.append(DRAFT_STARTED, clerk=clerk, intake_id=iid, details={"source": "scanner"})
    signature = png(7)
    consents.record_intake(customer, clerk=clerk, intake_id=iid, disclosures=load_disclosures(config, "es"),
                           method=METHOD_SIGNED, signature_png=signature)
    audit.append(REJECTED, clerk=clerk, intake_id=iid, details={"fields": [wire.EMAIL, "address.zip"], "status": 422})
    audit.append(SUBMITTED, clerk=clerk, intake_id=iid)
    audit.append(CREATED, clerk=clerk, intake_id=iid, customer_id=31337)
    consents.attach_customer(iid, 31337)

    assert len(consents.for_intake(iid)) == 3
    secrets = [b"Philomena", b"Vandersloot", b"4155550199", b"philomena.v@example.net", b"88 Quarry Lane",
               b"Quarry", b"example.net", signature[8:40]]
    files = [p for p in config.data_dir.rglob("*") if p.is_file()]
    assert {p.name for p in files} >= {"audit.sqlite3", "consent.sqlite3", "clerks.json"}
    for path in files:
        data = path.read_bytes()
        for secret in secrets:
            for form in (secret, secret.decode("latin-1").encode("utf-16-le")):
                assert form not in data, f"{path.name} holds a customer's data"
        if path.suffix == ".sqlite3":
            assert stat.S_IMODE(path.stat().st_mode) == 0o600


# --- the command -----------------------------------------------------------------------

def test_cli_verify_export_and_list(tmp_path, capsys, memory_keyring):
    log = AuditLog.open(load_config())
    a_day_of_intakes(log, 2)
    assert main(["audit", "verify"]) == 0
    assert "6 events" in capsys.readouterr().out

    out = tmp_path / "trail.csv"
    assert main(["audit", "export", "--csv", str(out), "--clerk", "Officer"]) == 0
    assert len(list(csv.DictReader(out.open(encoding="utf-8", newline="")))) == 6
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    (exported,) = log.entries(event="exported")
    assert exported.clerk == "Officer" and exported.details["rows"] == 6

    capsys.readouterr()
    assert main(["audit", "list", "--limit", "3", "--event", CREATED]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 2 and all(CREATED in line for line in lines)

    _without_triggers(log, "UPDATE audit SET event = 'discarded' WHERE seq = 3")
    assert main(["audit", "verify"]) == 1
    assert "event 3" in capsys.readouterr().err


def test_cli_export_over_an_existing_readable_file_leaves_it_owner_only(tmp_path, capsys, memory_keyring):
    a_day_of_intakes(AuditLog.open(load_config()), 1)
    out = tmp_path / "trail.csv"
    out.write_text("an older, longer export " * 100, encoding="utf-8")
    out.chmod(0o644)
    assert main(["audit", "export", "--csv", str(out)]) == 0
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert len(list(csv.DictReader(out.open(encoding="utf-8", newline="")))) == 3
    assert "older" not in out.read_text(encoding="utf-8")


def test_cli_export_to_an_unwritable_place_exits_2(tmp_path, capsys, memory_keyring):
    assert main(["audit", "export", "--csv", str(tmp_path / "missing" / "x.csv")]) == 2
    assert "cannot write" in capsys.readouterr().err
