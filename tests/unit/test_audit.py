"""The audit trail: append-only, hash-chained, free of personal data."""

from __future__ import annotations

import csv
import hashlib
import json
import sqlite3
import stat
import uuid

import pytest

from app import wire
from app.audit import (
    CREATED,
    CSV_COLUMNS,
    DRAFT_STARTED,
    EVENTS,
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
from app.crypto import Cipher, new_key
from app.disclosure import load_disclosures
from tests.unit.test_consent import png


@pytest.fixture
def config(tmp_path):
    return load_config().with_changes(data_dir=tmp_path / "data")


@pytest.fixture
def log(config):
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
    assert log.verify() == 6


def test_verify_detects_an_edit_of_the_file_bytes(log):
    a_day_of_intakes(log, 3)
    log.append(REJECTED, clerk="Zebulon", intake_id=str(uuid.uuid4()), details={"status": 422})
    raw = log.path.read_bytes()
    assert raw.count(b"Zebulon") == 1
    log.path.write_bytes(raw.replace(b"Zebulon", b"Zachary"))
    assert log.verify() == 10
    assert [e.clerk for e in log.entries(limit=1)] == ["Zachary"]


def test_chain_can_be_recomputed_from_the_export(log, tmp_path):
    a_day_of_intakes(log, 2)
    out = tmp_path / "audit.csv"
    assert log.export_csv(out) == 6
    rows = list(csv.DictReader(out.open(encoding="utf-8", newline="")))
    assert tuple(rows[0]) == CSV_COLUMNS
    prev = "0" * 64
    for r in rows:
        content = json.dumps(
            [int(r["seq"]), r["at"], r["event"], r["clerk"], r["intake_id"] or None, r["customer_id"] or None,
             r["details"]],
            separators=(",", ":"), ensure_ascii=False,
        ).encode("utf-8")
        assert r["prev_hash"] == prev
        prev = hashlib.sha256(prev.encode("ascii") + content).hexdigest()
        assert r["hash"] == prev
    assert prev == log.head()[1]


def test_no_personal_data_reaches_the_data_folder(config):
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

def test_cli_verify_export_and_list(tmp_path, capsys):
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


def test_cli_export_to_an_unwritable_place_exits_2(tmp_path, capsys):
    assert main(["audit", "export", "--csv", str(tmp_path / "missing" / "x.csv")]) == 2
    assert "cannot write" in capsys.readouterr().err
