"""Withdrawn marketing consents: append-only rows beside the consents, in the export and the audit trail."""

from __future__ import annotations

import csv
import io
import sqlite3

import pytest

from app import wire
from app.audit import CONSENT_WITHDRAWN, AuditLog
from app.config import Config
from app.consent import CSV_COLUMNS, ConsentLog
from app.consent_withdrawals import given_channels, withdraw, withdrawals, withdrawn_channels
from app.credentials import SecretStore
from app.crypto import Cipher, new_key


@pytest.fixture
def cipher():
    return Cipher(new_key())


@pytest.fixture
def log(tmp_path, cipher):
    return ConsentLog(tmp_path / "consent.sqlite3", cipher)


def test_a_withdrawal_is_exported_beside_the_consents(log, cipher):
    withdraw(log.path, cipher, wire.MARKETING_SMS, clerk="Ramona", customer_id=42, applies_to="4155550123")
    buf = io.StringIO()
    assert log.export_csv(buf) == 1
    header, row = list(csv.reader(io.StringIO(buf.getvalue())))
    assert tuple(header) == CSV_COLUMNS
    values = dict(zip(header, row, strict=True))
    assert (values["event"], values["channel"], values["applies_to"], values["customer_id"], values["clerk"]) == (
        "withdrawn", wire.MARKETING_SMS, "4155550123", "42", "Ramona")
    assert values["integrity"] == "ok"


def test_withdrawals_are_append_only_and_bound_to_their_row(log, cipher):
    first = withdraw(log.path, cipher, wire.MARKETING_EMAIL, clerk="Ramona", customer_id=7, applies_to="a@b.co")
    withdraw(log.path, cipher, wire.MARKETING_CALLS, clerk="Ramona", customer_id=8, applies_to="4155550100")
    conn = sqlite3.connect(log.path)
    with pytest.raises(sqlite3.DatabaseError):
        conn.execute("DELETE FROM consent_withdrawal")
    with pytest.raises(sqlite3.DatabaseError):
        conn.execute("UPDATE consent_withdrawal SET clerk = 'X'")
    conn.close()
    # a value copied onto another row no longer opens, and says so
    conn = sqlite3.connect(log.path)
    conn.execute("DROP TRIGGER consent_withdrawal_no_update")
    conn.execute("UPDATE consent_withdrawal SET applies_to = (SELECT applies_to FROM consent_withdrawal WHERE seq = 1)"
                 " WHERE seq = 2")
    conn.commit()
    conn.close()
    found = withdrawals(log.path, cipher)
    assert [w.readable for w in found] == [True, False] and found[0].withdrawal_id == first.withdrawal_id


@pytest.mark.parametrize(("channel", "clerk", "customer"), [
    ("favourite_colour", "Ramona", 1), (wire.MARKETING_SMS, "  ", 1), (wire.MARKETING_SMS, "Ramona", "a b"),
])
def test_bad_withdrawals_are_refused(log, cipher, channel, clerk, customer):
    with pytest.raises(ValueError):
        withdraw(log.path, cipher, channel, clerk=clerk, customer_id=customer)


def test_each_withdrawal_leaves_an_audit_event_without_the_value(tmp_path, cipher, memory_keyring):
    audit = AuditLog.open(Config(data_dir=tmp_path), SecretStore())
    withdraw(tmp_path / "consent.sqlite3", cipher, wire.MARKETING_SMS, clerk="Ramona", customer_id=3,
             applies_to="4155550123", audit=audit)
    [event] = [e for e in audit.entries() if e.event == CONSENT_WITHDRAWN]
    assert event.details == {"channel": wire.MARKETING_SMS} and event.customer_id == "3"
    assert b"4155550123" not in audit.path.read_bytes()


def test_which_channels_an_update_turns_off_or_on():
    before = {wire.MARKETING_SMS: True, wire.MARKETING_EMAIL: True, wire.MARKETING_MAIL: False}
    changes = {wire.MARKETING_SMS: False, wire.MARKETING_MAIL: True, wire.MARKETING_EMAIL: True}
    assert withdrawn_channels(before, changes) == [wire.MARKETING_SMS]
    assert given_channels(before, changes) == [wire.MARKETING_MAIL]
