"""Marketing consent: the rules the form checks, and an append-only record of each "yes".

A consent record proves who said yes to which channel, when, in front of which clerk, after
hearing which exact disclosure (version and SHA-256), and to which phone number, email or
postal address it applies. That last item is the customer's personal data and is stored
encrypted with the station's data key, bound to its row; everything else is plain, so a
compliance officer can count and filter without the key. Rows are never updated or deleted,
except that the POS customer id is filled in once, when the customer has been created.

Channels are the wire names of the marketing flags (``wire.MARKETING_SMS`` ...).
"""

from __future__ import annotations

import csv
import os
import re
import uuid
from collections.abc import Iterable, Mapping
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from app import wire
from app.audit import CONSENT_RECORDED, AuditLog, open_private_db, open_text_for_writing, utc_now, write_transaction
from app.config import Config
from app.crypto import Cipher, DecryptError
from app.disclosure import Disclosures
from app.i18n import QT_TRANSLATE_NOOP as N
from app.i18n import Message

CONSENT_DB_NAME = "consent.sqlite3"

METHOD_VERBAL = "in_person_verbal"
METHOD_SIGNED = "signed_on_screen"
METHODS: tuple[str, ...] = (METHOD_VERBAL, METHOD_SIGNED)

CLERK = "clerk"
"""Key of ``consent_problems`` for what concerns the clerk rather than a field."""

PHONE_CHANNELS: frozenset[str] = frozenset({wire.MARKETING_SMS, wire.MARKETING_CALLS})

# Where each channel's consent applies, in order of preference. A text message goes to a cell
# phone first; a call to the customer's main phone first.
_APPLIES_TO_FIELDS: Mapping[str, tuple[str, ...]] = {
    wire.MARKETING_SMS: (wire.CELL_PHONE, wire.PHONE),
    wire.MARKETING_CALLS: (wire.PHONE, wire.CELL_PHONE),
    wire.MARKETING_EMAIL: (wire.EMAIL,),
}
_MAIL_REQUIRED = (wire.ADDRESS_LINE1, wire.CITY, wire.STATE, wire.ZIP)
_CUSTOMER_ID_RE = re.compile(r"^[A-Za-z0-9_-]{1,64}$")
_UNREADABLE = "altered"

CSV_COLUMNS: tuple[str, ...] = (
    "consent_id", "given_at", "channel", "applies_to", "method", "clerk", "disclosure_version",
    "disclosure_sha256", "language", "intake_id", "customer_id", "integrity",
)
"""Columns of ``ConsentLog.export_csv``, one row per consent, oldest first:

consent_id (uuid of the record), given_at (UTC, ISO 8601), channel (marketing_mail,
marketing_email, marketing_sms, marketing_calls), applies_to (decrypted phone number, email or
one-line postal address), method (in_person_verbal or signed_on_screen), clerk, disclosure_version
and disclosure_sha256 (the wording read and the SHA-256 of its exact text), language (en, es, fr),
intake_id (uuid of the intake), customer_id (POS id, empty until created), integrity ("ok", or
"altered" when the encrypted value no longer matches its row, in which case applies_to is empty).
"""


class ConsentError(ValueError):
    """A consent cannot be recorded; ``problems`` maps a channel (or ``CLERK``) to messages."""

    def __init__(self, problems: Mapping[str, list[str]]) -> None:
        self.problems = {k: list(v) for k, v in problems.items()}
        super().__init__("; ".join(m for msgs in self.problems.values() for m in msgs))


@dataclass(frozen=True)
class ConsentRecord:
    consent_id: str
    channel: str
    given_at: str
    clerk: str
    method: str
    disclosure_version: str
    disclosure_sha256: str
    language: str
    intake_id: str
    applies_to: str = field(repr=False)  # personal data: kept out of logs and tracebacks
    customer_id: str | None = None


# --- rules the form calls ---------------------------------------------------------------

def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _address_member(record: Mapping[str, Any], member: str) -> Any:
    # The form keeps "address.city" flat; the request body nests it under "address".
    nested = record.get(wire.ADDRESS)
    if isinstance(nested, Mapping) and not _blank(nested.get(member)):
        return nested.get(member)
    return record.get(f"{wire.ADDRESS}.{member}")


def applies_to(record: Mapping[str, Any], channel: str) -> str | None:
    """The phone number, email or one-line postal address a consent on ``channel`` would apply to."""
    if channel == wire.MARKETING_MAIL:
        if any(_blank(_address_member(record, m)) for m in _MAIL_REQUIRED):
            return None
        parts = [_address_member(record, m) for m in wire.ADDRESS_MEMBERS]
        return ", ".join(str(p).strip() for p in parts if not _blank(p))
    for name in _APPLIES_TO_FIELDS.get(channel, ()):
        value = record.get(name)
        if not _blank(value):
            return str(value).strip()
    return None


def consented_channels(record: Mapping[str, Any]) -> list[str]:
    """The marketing channels the intake says yes to, in wire order."""
    return [c for c in wire.MARKETING_FIELDS if record.get(c) is True]


def _channels(record: Mapping[str, Any], consents: Mapping[str, bool] | Iterable[str] | None) -> list[str]:
    if consents is None:
        return consented_channels(record)
    if isinstance(consents, Mapping):
        return [c for c, yes in consents.items() if yes]
    return list(consents)


# Sentences the clerk reads, marked for the window's translations.
_C = "Consent"
_MESSAGES = {
    wire.MARKETING_SMS: N(_C, "Text offers need the customer's cell phone or phone number."),
    wire.MARKETING_CALLS: N(_C, "Call offers need the customer's phone or cell phone number."),
    wire.MARKETING_EMAIL: N(_C, "Email offers need the customer's email address."),
    wire.MARKETING_MAIL: N(_C, "Mailed offers need a complete postal address (street, city, state, ZIP)."),
}
_NO_CLERK = N(_C, "Choose the clerk on shift before recording consent.")
_NOT_A_CHANNEL = N(_C, "This is not a marketing channel.")
_NO_METHOD = N(_C, "Choose how the customer gave consent.")
_SIGNATURE = N(_C, "This consent must be signed on screen by the customer (prior express written consent).")
_OTHER_CUSTOMER = N(_C, "These consents already belong to another customer.")


def _msg(template: str) -> Message:
    return Message(template, _C)


def consent_problems(
    record: Mapping[str, Any],
    consents: Mapping[str, bool] | Iterable[str] | None = None,
    *,
    clerk: str | None,
    method: str = METHOD_VERBAL,
    disclosures: Disclosures | None = None,
) -> dict[str, list[Message]]:
    """What stops these consents from being recorded, by channel wire name (or ``CLERK``).

    ``record`` is the intake as the form holds it (wire names; the address nested or as
    ``address.city``). ``consents`` says which channels the customer agreed to: a mapping of
    channel to yes/no, a list of channels, or None to read the record's marketing flags.
    With ``disclosures``, a channel whose consent must be signed is refused when given aloud.
    An empty result means every consent can be recorded. Messages are ``app.i18n.Message``
    (English ``str`` the window can translate).
    """
    problems: dict[str, list[Message]] = {}
    channels = _channels(record, consents)
    for channel in channels:
        found = _channel_problems(channel, applies_to(record, channel), method, disclosures)
        if found:
            problems[channel] = found
    if channels and _blank(clerk):
        problems[CLERK] = [_msg(_NO_CLERK)]
    return problems


def _channel_problems(
    channel: str, target: str | None, method: str, disclosures: Disclosures | None
) -> list[Message]:
    if channel not in wire.MARKETING_FIELDS:
        return [_msg(_NOT_A_CHANNEL)]
    found = []
    if _blank(target):
        found.append(_msg(_MESSAGES[channel]))
    if method not in METHODS:
        found.append(_msg(_NO_METHOD))
    elif (
        disclosures is not None
        and channel in disclosures.channels
        and disclosures[channel].signature_required
        and method != METHOD_SIGNED
    ):
        found.append(_msg(_SIGNATURE))
    return found


# --- the record ------------------------------------------------------------------------

_SCHEMA = """
CREATE TABLE IF NOT EXISTS consent (
    seq INTEGER PRIMARY KEY,
    consent_id TEXT NOT NULL UNIQUE,
    channel TEXT NOT NULL,
    given_at TEXT NOT NULL,
    clerk TEXT NOT NULL,
    method TEXT NOT NULL,
    disclosure_version TEXT NOT NULL,
    disclosure_sha256 TEXT NOT NULL,
    language TEXT NOT NULL,
    intake_id TEXT NOT NULL,
    applies_to BLOB NOT NULL,
    customer_id TEXT
);
CREATE INDEX IF NOT EXISTS consent_intake ON consent(intake_id);
CREATE TRIGGER IF NOT EXISTS consent_no_delete BEFORE DELETE ON consent
BEGIN SELECT RAISE(ABORT, 'consent records are append-only'); END;
CREATE TRIGGER IF NOT EXISTS consent_no_update BEFORE UPDATE OF seq, consent_id, channel, given_at, clerk, method,
    disclosure_version, disclosure_sha256, language, intake_id, applies_to ON consent
BEGIN SELECT RAISE(ABORT, 'consent records are append-only'); END;
CREATE TRIGGER IF NOT EXISTS consent_customer_once BEFORE UPDATE OF customer_id ON consent
WHEN OLD.customer_id IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'the customer of a consent record is set once'); END;
"""

_COLUMNS = (
    "consent_id, channel, given_at, clerk, method, disclosure_version, disclosure_sha256, language, intake_id,"
    " applies_to, customer_id"
)


def _associated(consent_id: str, channel: str, intake_id: str) -> bytes:
    # Binds the encrypted value to its row: moved to another row or channel, it no longer opens.
    return f"consent|{consent_id}|{channel}|{intake_id}".encode()


def _check_intake_id(intake_id: str) -> str:
    try:
        return str(uuid.UUID(str(intake_id)))
    except ValueError as exc:
        raise ValueError("an intake id must be a uuid") from exc


class ConsentLog:
    """``ConsentLog(path, cipher)``; or ``ConsentLog.open(config, cipher, audit)`` for the station's own.

    With an ``audit`` log, each recorded consent also appends a ``consent_recorded`` event
    (channel, method, disclosure version; never the value it applies to).
    """

    def __init__(self, db_path: str | os.PathLike[str], cipher: Cipher, audit: AuditLog | None = None) -> None:
        self.path = Path(db_path)
        self._cipher = cipher
        self._audit = audit
        with closing(open_private_db(self.path)) as conn:
            conn.executescript(_SCHEMA)

    @classmethod
    def open(cls, config: Config, cipher: Cipher, audit: AuditLog | None = None) -> ConsentLog:
        return cls(Path(config.data_dir) / CONSENT_DB_NAME, cipher, audit)

    def __repr__(self) -> str:
        return f"ConsentLog({str(self.path)!r})"

    def record(
        self,
        channel: str,
        *,
        clerk: str,
        intake_id: str,
        applies_to: str,
        disclosures: Disclosures,
        method: str = METHOD_VERBAL,
    ) -> ConsentRecord:
        """Record one consent, given now after ``disclosures[channel]`` was read or shown."""
        problems: dict[str, list[Message]] = {}
        found = _channel_problems(channel, applies_to, method, disclosures)
        if found:
            problems[channel] = found
        if _blank(clerk):
            problems[CLERK] = [_msg(_NO_CLERK)]
        if problems:
            raise ConsentError(problems)
        intake = _check_intake_id(intake_id)
        disclosure = disclosures[channel]
        rec = ConsentRecord(
            consent_id=str(uuid.uuid4()),
            channel=channel,
            given_at=utc_now(),
            clerk=" ".join(clerk.split()),
            method=method,
            disclosure_version=disclosures.version,
            disclosure_sha256=disclosure.sha256,
            language=disclosures.language,
            intake_id=intake,
            applies_to=applies_to.strip(),
        )
        blob = self._cipher.encrypt(rec.applies_to.encode("utf-8"), _associated(rec.consent_id, channel, intake))
        with closing(open_private_db(self.path)) as conn, write_transaction(conn):
            conn.execute(
                f"INSERT INTO consent ({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL)",
                (rec.consent_id, rec.channel, rec.given_at, rec.clerk, rec.method, rec.disclosure_version,
                 rec.disclosure_sha256, rec.language, rec.intake_id, blob),
            )
        if self._audit is not None:
            self._audit.append(
                CONSENT_RECORDED,
                clerk=rec.clerk,
                intake_id=intake,
                details={"channel": channel, "method": method, "disclosure_version": rec.disclosure_version,
                         "language": rec.language},
            )
        return rec

    def record_intake(
        self,
        record: Mapping[str, Any],
        *,
        clerk: str,
        intake_id: str,
        disclosures: Disclosures,
        method: str = METHOD_VERBAL,
        consents: Mapping[str, bool] | Iterable[str] | None = None,
    ) -> list[ConsentRecord]:
        """Record every consent the intake gives (its marketing flags, or ``consents``), after
        checking them all with ``consent_problems``; ConsentError records none if any fails."""
        problems = consent_problems(record, consents, clerk=clerk, method=method, disclosures=disclosures)
        if problems:
            raise ConsentError(problems)
        return [
            self.record(c, clerk=clerk, intake_id=intake_id, applies_to=applies_to(record, c) or "",
                        disclosures=disclosures, method=method)
            for c in _channels(record, consents)
        ]

    def _select(self, where: str = "", params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
        with closing(open_private_db(self.path)) as conn:
            return conn.execute(f"SELECT {_COLUMNS} FROM consent {where} ORDER BY seq", params).fetchall()

    def _open(self, row: tuple[Any, ...]) -> ConsentRecord:
        consent_id, channel, given_at, clerk, method, version, sha, language, intake, blob, customer = row
        value = self._cipher.decrypt(blob, _associated(consent_id, channel, intake)).decode("utf-8")
        return ConsentRecord(consent_id, channel, given_at, clerk, method, version, sha, language, intake, value,
                             customer)

    def _try_open(self, row: tuple[Any, ...]) -> ConsentRecord | None:
        try:
            return self._open(row)
        except (DecryptError, UnicodeDecodeError):
            return None

    def for_intake(self, intake_id: str) -> list[ConsentRecord]:
        """The consents recorded for one intake, oldest first (DecryptError if one was altered)."""
        return [self._open(r) for r in self._select("WHERE intake_id = ?", (str(intake_id),))]

    def attach_customer(self, intake_id: str, customer_id: str | int) -> int:
        """Note the POS customer id on the intake's consents once it is created; returns how many rows
        gained it. Calling it again with the same id changes nothing; another id is refused."""
        customer = str(customer_id)
        if not _CUSTOMER_ID_RE.match(customer):
            raise ValueError("a customer id must be the POS's id (letters, digits, '-' or '_')")
        with closing(open_private_db(self.path)) as conn, write_transaction(conn):
            other = conn.execute(
                "SELECT 1 FROM consent WHERE intake_id = ? AND customer_id IS NOT NULL AND customer_id != ? LIMIT 1",
                (str(intake_id), customer),
            ).fetchone()
            if other:
                raise ConsentError({CLERK: [_msg(_OTHER_CUSTOMER)]})
            cur = conn.execute(
                "UPDATE consent SET customer_id = ? WHERE intake_id = ? AND customer_id IS NULL",
                (customer, str(intake_id)),
            )
            return cur.rowcount

    def count(self) -> int:
        with closing(open_private_db(self.path)) as conn:
            return int(conn.execute("SELECT COUNT(*) FROM consent").fetchone()[0])

    def export_csv(self, path_or_file: str | os.PathLike[str] | IO[str]) -> int:
        """Write every consent with ``applies_to`` decrypted (columns: ``CSV_COLUMNS``); returns the row count.

        For the store's compliance officer only: the file holds personal data and is created owner-only.
        """
        rows = self._select()
        opened = [self._try_open(r) for r in rows]
        if rows and not any(opened):
            # Not one row opens: this is the wrong key, not a set of altered rows.
            raise DecryptError("the consent records cannot be opened with this station's data key")
        handle, owned = open_text_for_writing(path_or_file)
        try:
            writer = csv.writer(handle)
            writer.writerow(CSV_COLUMNS)
            for row, rec in zip(rows, opened, strict=True):
                consent_id, channel, given_at, clerk, method, version, sha, language, intake, _blob, customer = row
                value, integrity = (rec.applies_to, "ok") if rec else ("", _UNREADABLE)
                writer.writerow([consent_id, given_at, channel, value, method, clerk, version, sha, language, intake,
                                 customer or "", integrity])
            return len(rows)
        finally:
            if owned:
                handle.close()
