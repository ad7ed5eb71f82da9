"""Marketing consent: the rules the form checks, and an append-only record of each "yes".

A consent record proves who said yes to which channel, when, in front of which clerk, after
hearing which exact disclosure (version and SHA-256), and to which phone number, email or
postal address it applies. That last item is the customer's personal data and is stored
encrypted with the station's data key, bound to its row; everything else is plain, so a
compliance officer can count and filter without the key. Rows are never updated or deleted,
except that the POS customer id is filled in once, when the customer has been created.

A consent signed on screen keeps the signature itself (the PNG the pad rendered): the TCPA's
prior express *written* consent must be producible. The image is encrypted and bound to its
row like the value; its SHA-256 is plain (a hash of an image reveals nothing of the customer)
so an export can list it, and it is bound into the encrypted value too, so blanking or
swapping a row's signature makes the row read as altered. Databases written before signatures
were kept are upgraded on open; their rows simply have no signature.

Channels are the wire names of the marketing flags (``wire.MARKETING_SMS`` ...).
"""

from __future__ import annotations

import csv
import hashlib
import os
import re
import sqlite3
import uuid
from collections.abc import Iterable, Mapping
from contextlib import closing, suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, NamedTuple

from app import wire
from app.audit import CONSENT_RECORDED, AuditLog, open_private_db, open_text_for_writing, utc_now, write_transaction
from app.config import Config
from app.consent_withdrawals import METHOD_WITHDRAWN, withdrawals
from app.crypto import Cipher, DecryptError
from app.disclosure import Disclosures
from app.i18n import QT_TRANSLATE_NOOP as N
from app.i18n import Message
from app.stores import check_store, note_store

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
_SIGNATURE_UNREADABLE = "signature_altered"
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"

CSV_COLUMNS: tuple[str, ...] = (
    "consent_id", "given_at", "channel", "applies_to", "method", "clerk", "disclosure_version",
    "disclosure_sha256", "language", "intake_id", "customer_id", "integrity", "signature_sha256", "event",
)
"""Columns of ``ConsentLog.export_csv``, one row per consent, oldest first:

consent_id (uuid of the record), given_at (UTC, ISO 8601), channel (marketing_mail,
marketing_email, marketing_sms, marketing_calls), applies_to (decrypted phone number, email or
one-line postal address), method (in_person_verbal or signed_on_screen), clerk, disclosure_version
and disclosure_sha256 (the wording read and the SHA-256 of its exact text), language (en, es, fr),
intake_id (uuid of the intake), customer_id (POS id, empty until created), integrity ("ok";
"altered" when the encrypted value no longer matches its row, in which case applies_to is empty;
"signature_altered" when the value opens but the stored signature does not), signature_sha256
(SHA-256 of the signature PNG of a consent signed on screen, the name ``export_signatures``
gives its file being ``<consent_id>.png``; empty for a spoken consent, a row recorded before
signatures were kept, or a signature that no longer opens), event ("given"; "withdrawn" for a
withdrawal, see ``app.consent_withdrawals``: its id, time, channel, value, clerk and customer
in the same columns, method "withdrawn", the others empty). Withdrawals follow the consents.
"""


class ConsentError(ValueError):
    """A consent cannot be recorded; ``problems`` maps a channel (or ``CLERK``) to messages."""

    def __init__(self, problems: Mapping[str, list[str]]) -> None:
        self.problems = {k: list(v) for k, v in problems.items()}
        super().__init__("; ".join(m for msgs in self.problems.values() for m in msgs))


class SignatureError(DecryptError):
    """A stored signature no longer matches its consent record (altered, moved, or another key)."""


class SignatureExport(NamedTuple):
    written: int
    altered: list[str]  # consent ids whose signature no longer opens: not written


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
    signature_sha256: str | None = None  # of the PNG signed on screen; None when spoken or recorded before


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

_SCHEMA_VERSION = 2  # 1: the first log; 2: the signature and its hash on each row

_TABLE = """
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
    customer_id TEXT,
    signature BLOB,
    signature_sha256 TEXT
)"""
_ADDED_COLUMNS = (("signature", "BLOB"), ("signature_sha256", "TEXT"))  # by version 2, to older tables
_APPEND_ONLY = (
    "seq, consent_id, channel, given_at, clerk, method, disclosure_version, disclosure_sha256, language, intake_id,"
    " applies_to, signature, signature_sha256"
)
_INDEXES_AND_TRIGGERS = (
    "CREATE INDEX IF NOT EXISTS consent_intake ON consent(intake_id)",
    """CREATE TRIGGER IF NOT EXISTS consent_no_delete BEFORE DELETE ON consent
BEGIN SELECT RAISE(ABORT, 'consent records are append-only'); END""",
    f"""CREATE TRIGGER IF NOT EXISTS consent_no_update BEFORE UPDATE OF {_APPEND_ONLY} ON consent
BEGIN SELECT RAISE(ABORT, 'consent records are append-only'); END""",
    """CREATE TRIGGER IF NOT EXISTS consent_customer_once BEFORE UPDATE OF customer_id ON consent
WHEN OLD.customer_id IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'the customer of a consent record is set once'); END""",
    # What record() checks, held by the file too: signed on screen if and only if a signature is kept.
    f"""CREATE TRIGGER IF NOT EXISTS consent_signed_keeps_signature BEFORE INSERT ON consent
WHEN (NEW.method = '{METHOD_SIGNED}') != (NEW.signature IS NOT NULL)
    OR (NEW.signature IS NULL) != (NEW.signature_sha256 IS NULL)
BEGIN SELECT RAISE(ABORT, 'a consent signed on screen keeps its signature, and only then'); END""",
)

_COLUMNS = (
    "consent_id, channel, given_at, clerk, method, disclosure_version, disclosure_sha256, language, intake_id,"
    " applies_to, customer_id, signature_sha256"
)


def _migrate(conn: sqlite3.Connection) -> None:
    """Bring the file to ``_SCHEMA_VERSION``: create it, or add what later versions keep."""
    if conn.execute("PRAGMA user_version").fetchone()[0] >= _SCHEMA_VERSION:
        return
    with write_transaction(conn):
        if conn.execute("PRAGMA user_version").fetchone()[0] >= _SCHEMA_VERSION:
            return  # another process upgraded it while this one waited for the lock
        conn.execute(_TABLE)
        present = {row[1] for row in conn.execute("PRAGMA table_info(consent)")}
        for name, kind in _ADDED_COLUMNS:
            if name not in present:
                conn.execute(f"ALTER TABLE consent ADD COLUMN {name} {kind}")
        # The append-only trigger of version 1 does not name the new columns: replace it.
        conn.execute("DROP TRIGGER IF EXISTS consent_no_update")
        for statement in _INDEXES_AND_TRIGGERS:
            conn.execute(statement)
        conn.execute(f"PRAGMA user_version = {_SCHEMA_VERSION}")


def _associated(consent_id: str, channel: str, intake_id: str, signature_sha256: str | None = None) -> bytes:
    # Binds the encrypted value to its row: moved to another row or channel, it no longer opens.
    # A signed row binds its signature's hash too, so removing the signature breaks the row.
    base = f"consent|{consent_id}|{channel}|{intake_id}"
    return (base if signature_sha256 is None else f"{base}|signature|{signature_sha256}").encode()


def _signature_associated(consent_id: str, channel: str, intake_id: str, signature_sha256: str) -> bytes:
    return f"consent-signature|{consent_id}|{channel}|{intake_id}|{signature_sha256}".encode()


def _signature_problems(method: str, signature_png: bytes | None) -> list[Message]:
    if method == METHOD_SIGNED and not signature_png:
        return [_msg(_SIGNATURE)]
    if method != METHOD_SIGNED and signature_png:
        return [_msg(_NO_METHOD)]  # a signature on a spoken consent: which one was it?
    return []


def _check_png(signature_png: bytes | None) -> bytes | None:
    if not signature_png:
        return None
    png = bytes(signature_png)
    if not png.startswith(PNG_MAGIC):
        raise ValueError("a signature must be a PNG image")
    return png


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
        check_store(self.path)  # a log the station had, now missing or damaged, is refused
        with closing(open_private_db(self.path)) as conn:
            _migrate(conn)
        note_store(self.path)

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
        signature_png: bytes | None = None,
    ) -> ConsentRecord:
        """Record one consent, given now after ``disclosures[channel]`` was read or shown.

        ``signature_png`` is the customer's signature as the pad rendered it: required when
        ``method`` is ``METHOD_SIGNED``, refused otherwise (ConsentError either way)."""
        problems: dict[str, list[Message]] = {}
        found = _channel_problems(channel, applies_to, method, disclosures)
        if method in METHODS:  # an unknown method already has its message
            found += [m for m in _signature_problems(method, signature_png) if m not in found]
        if found:
            problems[channel] = found
        if _blank(clerk):
            problems[CLERK] = [_msg(_NO_CLERK)]
        if problems:
            raise ConsentError(problems)
        png = _check_png(signature_png)
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
            signature_sha256=hashlib.sha256(png).hexdigest() if png is not None else None,
        )
        sha = rec.signature_sha256
        blob = self._cipher.encrypt(rec.applies_to.encode("utf-8"), _associated(rec.consent_id, channel, intake, sha))
        signature = None
        if png is not None and sha is not None:
            signature = self._cipher.encrypt(png, _signature_associated(rec.consent_id, channel, intake, sha))
        with closing(open_private_db(self.path)) as conn, write_transaction(conn):
            conn.execute(
                f"INSERT INTO consent ({_COLUMNS}, signature) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?)",
                (rec.consent_id, rec.channel, rec.given_at, rec.clerk, rec.method, rec.disclosure_version,
                 rec.disclosure_sha256, rec.language, rec.intake_id, blob, sha, signature),
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
        signature_png: bytes | None = None,
    ) -> list[ConsentRecord]:
        """Record every consent the intake gives (its marketing flags, or ``consents``), after
        checking them all with ``consent_problems``; ConsentError records none if any fails.
        One signature (``signature_png``) covers every consent signed on screen at once."""
        problems = consent_problems(record, consents, clerk=clerk, method=method, disclosures=disclosures)
        channels = _channels(record, consents)
        if method in METHODS:
            for channel in channels:
                found = problems.setdefault(channel, [])
                found += [m for m in _signature_problems(method, signature_png) if m not in found]
                if not found:
                    del problems[channel]
        if problems:
            raise ConsentError(problems)
        _check_png(signature_png)
        return [
            self.record(c, clerk=clerk, intake_id=intake_id, applies_to=applies_to(record, c) or "",
                        disclosures=disclosures, method=method, signature_png=signature_png)
            for c in channels
        ]

    def _select(self, where: str = "", params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
        with closing(open_private_db(self.path)) as conn:
            return conn.execute(f"SELECT {_COLUMNS} FROM consent {where} ORDER BY seq", params).fetchall()

    def _open(self, row: tuple[Any, ...]) -> ConsentRecord:
        consent_id, channel, given_at, clerk, method, version, sha, language, intake, blob, customer, signed = row
        value = self._cipher.decrypt(blob, _associated(consent_id, channel, intake, signed)).decode("utf-8")
        return ConsentRecord(consent_id, channel, given_at, clerk, method, version, sha, language, intake, value,
                             customer, signed)

    def _open_signature(self, conn: sqlite3.Connection, consent_id: str) -> bytes | None:
        row = conn.execute(
            "SELECT channel, intake_id, signature, signature_sha256 FROM consent WHERE consent_id = ?", (consent_id,)
        ).fetchone()
        if row is None:
            raise LookupError("no consent record has this id")
        channel, intake, blob, sha = row
        if blob is None and sha is None:
            return None
        try:
            if blob is None or sha is None:
                raise DecryptError("half a signature")
            png = self._cipher.decrypt(blob, _signature_associated(consent_id, channel, intake, sha))
        except DecryptError as exc:
            raise SignatureError(f"the signature of consent {consent_id} no longer matches its record") from exc
        if hashlib.sha256(png).hexdigest() != sha:
            raise SignatureError(f"the signature of consent {consent_id} no longer matches its hash")
        return png

    def signature(self, consent_id: str) -> bytes | None:
        """The PNG the customer signed for this consent; None for a spoken consent or one recorded
        before signatures were kept. SignatureError if it was altered; LookupError for an unknown id."""
        with closing(open_private_db(self.path)) as conn:
            return self._open_signature(conn, str(consent_id))

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
        with closing(open_private_db(self.path)) as conn:
            handle, owned = open_text_for_writing(path_or_file)
            try:
                writer = csv.writer(handle)
                writer.writerow(CSV_COLUMNS)
                for row, rec in zip(rows, opened, strict=True):
                    consent_id, channel, given_at, clerk, method, version, sha, language, intake = row[:9]
                    value, integrity, signed = (rec.applies_to, "ok", "") if rec else ("", _UNREADABLE, "")
                    if rec is not None and rec.signature_sha256 is not None:
                        try:
                            self._open_signature(conn, consent_id)  # it opens and matches its hash
                            signed = rec.signature_sha256
                        except SignatureError:
                            integrity = _SIGNATURE_UNREADABLE
                    writer.writerow([consent_id, given_at, channel, value, method, clerk, version, sha, language,
                                     intake, row[10] or "", integrity, signed, "given"])
                gone = withdrawals(self.path, self._cipher)
                for w in gone:
                    writer.writerow([w.withdrawal_id, w.withdrawn_at, w.channel, w.applies_to, METHOD_WITHDRAWN,
                                     w.clerk, "", "", "", w.intake_id or "", w.customer_id,
                                     "ok" if w.readable else _UNREADABLE, "", "withdrawn"])
                return len(rows) + len(gone)
            finally:
                if owned:
                    handle.close()

    def export_signatures(self, directory: str | os.PathLike[str]) -> SignatureExport:
        """Write each stored signature as ``directory/<consent_id>.png`` (owner-only files; the folder is
        created owner-only when missing). A signature that no longer opens is not written: its consent id is
        listed in ``altered`` (and its CSV row says ``signature_altered``). DecryptError if none opens."""
        folder = Path(directory)
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        written, altered = 0, []
        with closing(open_private_db(self.path)) as conn:
            ids = [r[0] for r in conn.execute(
                "SELECT consent_id FROM consent WHERE signature IS NOT NULL OR signature_sha256 IS NOT NULL"
                " ORDER BY seq")]
            for consent_id in ids:
                try:
                    png = self._open_signature(conn, consent_id)
                    name = str(uuid.UUID(consent_id))
                    if name != consent_id:
                        raise SignatureError("a consent id that is not a uuid")  # never a path of its own choosing
                except (SignatureError, ValueError):
                    altered.append(consent_id)
                    continue
                if png is not None:
                    _write_private(folder / f"{name}.png", png)
                    written += 1
        if ids and not written:
            raise DecryptError("the signatures cannot be opened with this station's data key")
        return SignatureExport(written, altered)


def _write_private(path: Path, data: bytes) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as handle:
        # A file left by an earlier export keeps its mode otherwise. No fchmod on Windows; some file systems
        # have no modes.
        with suppress(AttributeError, OSError):
            os.fchmod(handle.fileno(), 0o600)
        handle.write(data)
