"""Withdrawn marketing consents: a returning customer says "stop texting me".

Each withdrawal is one append-only row in the consent log's file (table ``consent_withdrawal``):
when, which channel, the clerk, the POS customer, the update that carries it to the POS, and
(encrypted, bound to its row like a consent's) the phone number, email or address it concerned,
when known. Giving consent again needs the disclosure and evidence of a new consent
(``ConsentLog.record``); withdrawing needs only the customer's word. The consent export lists
withdrawals beside consents (``ConsentLog.export_csv``), and each leaves a
``consent_withdrawn`` audit event (channel only).
"""

from __future__ import annotations

import re
import uuid
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app import wire
from app.audit import CONSENT_WITHDRAWN, AuditLog, open_private_db, utc_now, write_transaction
from app.crypto import Cipher, DecryptError

_TABLE = """
CREATE TABLE IF NOT EXISTS consent_withdrawal (
    seq INTEGER PRIMARY KEY,
    withdrawal_id TEXT NOT NULL UNIQUE,
    channel TEXT NOT NULL,
    withdrawn_at TEXT NOT NULL,
    clerk TEXT NOT NULL,
    customer_id TEXT NOT NULL,
    intake_id TEXT,
    applies_to BLOB NOT NULL
)"""
_TRIGGERS = (
    """CREATE TRIGGER IF NOT EXISTS consent_withdrawal_no_delete BEFORE DELETE ON consent_withdrawal
BEGIN SELECT RAISE(ABORT, 'consent withdrawals are append-only'); END""",
    """CREATE TRIGGER IF NOT EXISTS consent_withdrawal_no_update BEFORE UPDATE ON consent_withdrawal
BEGIN SELECT RAISE(ABORT, 'consent withdrawals are append-only'); END""",
)
_CUSTOMER_ID_RE = re.compile(r"^[A-Za-z0-9_-]{1,64}$")
METHOD_WITHDRAWN = "withdrawn"


@dataclass(frozen=True)
class Withdrawal:
    withdrawal_id: str
    channel: str
    withdrawn_at: str
    clerk: str
    customer_id: str
    intake_id: str | None
    applies_to: str = field(repr=False)  # personal data: kept out of logs and tracebacks
    readable: bool = True


def _associated(withdrawal_id: str, channel: str, customer_id: str) -> bytes:
    return f"withdrawal|{withdrawal_id}|{channel}|{customer_id}".encode()


def ensure_table(conn: Any) -> None:
    conn.execute(_TABLE)
    for statement in _TRIGGERS:
        conn.execute(statement)


def withdraw(
    path: Path, cipher: Cipher, channel: str, *, clerk: str, customer_id: int | str, intake_id: str | None = None,
    applies_to: str = "", audit: AuditLog | None = None,
) -> Withdrawal:
    """Record that the customer withdrew ``channel`` now. ValueError for an unknown channel, a
    missing clerk or a customer id that is not the POS's."""
    if channel not in wire.MARKETING_FIELDS:
        raise ValueError(f"{channel!r} is not a marketing channel")
    clerk = " ".join(str(clerk or "").split())
    if not clerk:
        raise ValueError("a withdrawal names the clerk who took it")
    customer = str(customer_id)
    if not _CUSTOMER_ID_RE.match(customer):
        raise ValueError("a customer id must be the POS's id (letters, digits, '-' or '_')")
    rec = Withdrawal(str(uuid.uuid4()), channel, utc_now(), clerk, customer, intake_id, applies_to.strip())
    blob = cipher.encrypt(rec.applies_to.encode("utf-8"), _associated(rec.withdrawal_id, channel, customer))
    with closing(open_private_db(path)) as conn, write_transaction(conn):
        ensure_table(conn)
        conn.execute(
            "INSERT INTO consent_withdrawal (withdrawal_id, channel, withdrawn_at, clerk, customer_id, intake_id, "
            "applies_to) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (rec.withdrawal_id, channel, rec.withdrawn_at, clerk, customer, intake_id, blob),
        )
    if audit is not None:
        audit.append(CONSENT_WITHDRAWN, clerk=clerk, intake_id=None, customer_id=customer,
                     details={"channel": channel})
    return rec


def withdrawals(path: Path, cipher: Cipher) -> list[Withdrawal]:
    """Every withdrawal, oldest first; a row whose value no longer opens is kept with readable=False."""
    with closing(open_private_db(path)) as conn:
        ensure_table(conn)
        rows = conn.execute(
            "SELECT withdrawal_id, channel, withdrawn_at, clerk, customer_id, intake_id, applies_to "
            "FROM consent_withdrawal ORDER BY seq"
        ).fetchall()
    found = []
    for withdrawal_id, channel, at, clerk, customer, intake, blob in rows:
        try:
            value = cipher.decrypt(blob, _associated(withdrawal_id, channel, customer)).decode("utf-8")
            readable = True
        except (DecryptError, UnicodeDecodeError):
            value, readable = "", False
        found.append(Withdrawal(withdrawal_id, channel, at, clerk, customer, intake, value, readable))
    return found


def withdrawn_channels(before: dict[str, Any], changes: dict[str, Any]) -> list[str]:
    """The marketing channels an update turns off that the customer had on."""
    return [c for c in wire.MARKETING_FIELDS if before.get(c) is True and c in changes and changes[c] is not True]


def given_channels(before: dict[str, Any], changes: dict[str, Any]) -> list[str]:
    """The marketing channels an update turns on (a new consent: disclosure and evidence needed)."""
    return [c for c in wire.MARKETING_FIELDS if changes.get(c) is True and before.get(c) is not True]
