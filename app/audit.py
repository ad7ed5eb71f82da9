"""An append-only, tamper-evident local log of what happened to each intake.

Each row holds an event type, the UTC time, the clerk on shift, the intake's random id, the
POS customer id once known, and a small ``details`` object. It never holds a customer's
personal data: ``details`` accepts only the keys of ``DETAIL_KEYS``, each with a checked
shape (numbers, short codes, names of wire fields or settings, never their values).

Every row stores ``hash = HMAC-SHA256(audit key, prev_hash + canonical row content)``, chaining
it to the row before; ``verify()`` names the first row whose content, link or position no
longer matches. The audit key is a secret kept in the OS keyring beside the data key
(``SecretStore.audit_key``, derived from the data key), stored once per station: someone who can edit the file but not
read the keyring cannot recompute a hash, so a rewritten row, or a whole chain recomputed
from the file, is reported. SQLite triggers refuse UPDATE and DELETE, so the program itself
cannot rewrite history either. (Removing rows from the very end cannot be seen from the file
alone: ``head()`` gives the last sequence number and hash, which an export records for
comparison later.)

Logs written before the chain was keyed hold plain ``sha256(prev_hash + content)`` hashes.
When the station's audit key is created (the first time a program with keyed chains opens
the log) and the log already holds rows, a ``chain_keyed`` event is appended at once, keyed,
with ``rows`` = the number of earlier rows. ``verify()`` checks the rows before the first
``chain_keyed`` event as plain SHA-256 (legacy) and that event and every row after it with
the key. The keyed event's hash covers the last legacy hash, so the legacy rows cannot be
rewritten afterwards either. A log with no ``chain_keyed`` event must be keyed from its first
row: removing the event to pass keyed rows off as legacy ones breaks the chain at row 1. A
legacy log first opened on a station whose key already exists (a restored copy) cannot be
anchored and is reported from its first row. The key is derived from the station's data key,
so the data key's export restores it: a keyring that lost the audit key gets the same key
back, and only a log whose first row is plain SHA-256 is ever anchored as legacy.
"""

from __future__ import annotations

import csv
import hashlib
import hmac
import json
import os
import re
import sqlite3
import uuid
from collections.abc import Iterable, Iterator, Mapping
from contextlib import closing, contextmanager, suppress
from dataclasses import dataclass, fields
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any

from app import wire
from app.config import Config
from app.stores import check_store, note_store

AUDIT_DB_NAME = "audit.sqlite3"

# --- event types ----------------------------------------------------------------------
DRAFT_STARTED = "draft_started"
DRAFT_RESUMED = "draft_resumed"
SUBMITTED = "submitted"
CREATED = "created"
REJECTED = "rejected"
DISCARDED = "discarded"
RETRY_SCHEDULED = "retry_scheduled"
DUPLICATE_FOUND = "duplicate_found"
CONSENT_RECORDED = "consent_recorded"
SETTINGS_CHANGED = "settings_changed"
CREDENTIALS_CHANGED = "credentials_changed"
OUTBOX_PAUSED = "outbox_paused"
OUTBOX_RESUMED = "outbox_resumed"
CLERK_CHANGED = "clerk_changed"
EXPORTED = "exported"
CHAIN_KEYED = "chain_keyed"  # the rows before it were written with plain SHA-256; from here on, keyed
LOOKED_UP = "looked_up"  # a returning customer looked up in the POS (details: reason found / not_found)
UPDATE_SUBMITTED = "update_submitted"  # an update of a POS customer accepted (details: fields)
UPDATED = "updated"  # the POS took an update (details: fields)
CHECKED_IN = "checked_in"  # a returning customer seen and found current: nothing to change
CONSENT_WITHDRAWN = "consent_withdrawn"  # a returning customer withdrew a marketing channel (details: channel)

EVENTS: tuple[str, ...] = (
    DRAFT_STARTED, DRAFT_RESUMED, SUBMITTED, CREATED, REJECTED, DISCARDED, RETRY_SCHEDULED, DUPLICATE_FOUND,
    CONSENT_RECORDED, SETTINGS_CHANGED, CREDENTIALS_CHANGED, OUTBOX_PAUSED, OUTBOX_RESUMED, CLERK_CHANGED, EXPORTED,
    CHAIN_KEYED, LOOKED_UP, UPDATE_SUBMITTED, UPDATED, CHECKED_IN, CONSENT_WITHDRAWN,
)
DOCUMENTS_DETAIL = "documents"
"""The detail of a ``submitted`` event: how many documents were attached (a count, not the wire field)."""
PROGRAM_CLERK = "intake"
"""The clerk named on events the program writes by itself (the chain_keyed upgrade)."""

# --- details: the only keys allowed, and the shape each value must have ------------------
_INT = "int"
_BOOL = "bool"
_CODE = "code"  # a short machine code such as an error class, a step name, a reason code
_VERSION = "version"  # a wording or program version such as "2025.1"
_CODES = "codes"
_FIELDS = "fields"  # names of intake fields (wire names, "address.city"), never their values
_CHANNEL = "channel"
_SETTINGS = "settings"  # names of settings (Config fields, "api_key"), never their values

DETAIL_KEYS: Mapping[str, str] = {
    "fields": _FIELDS,  # fields a rejection or a correction concerned
    "channel": _CHANNEL,  # marketing channel (wire name) of a consent
    "channels": _CODES,
    "method": _CODE,  # consent method
    "disclosure_version": _VERSION,
    "language": _CODE,
    "settings": _SETTINGS,  # which settings changed
    "reason": _CODE,  # why an intake was rejected, discarded or paused, as a code
    "error": _CODE,  # error class name
    "status": _INT,  # HTTP status
    "attempt": _INT,
    "retry_after_seconds": _INT,
    "documents": _INT,  # how many documents were attached
    "step": _CODE,  # wizard step
    "source": _CODE,  # keyboard, scanner, file, cli
    "count": _INT,
    "rows": _INT,
    "signed": _BOOL,
    "demo": _BOOL,
    "jurisdiction": _CODE,
}

# Codes start with a letter and hold no spaces, "@" or long digit runs, so a name, an
# email address or a phone number cannot pass for one.
_CODE_RE = re.compile(r"^[A-Za-z][A-Za-z0-9_.:-]{0,63}$")
_VERSION_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.:+-]{0,63}$")
_DIGIT_RUN_RE = re.compile(r"\d{5,}")
_CUSTOMER_ID_RE = re.compile(r"^[A-Za-z0-9_-]{1,64}$")
_CLERK_MAX = 80
_GENESIS = "0" * 64

_FIELD_NAMES = frozenset(wire.BODY_FIELDS) | {f"{wire.ADDRESS}.{m}" for m in wire.ADDRESS_MEMBERS}
_SETTING_NAMES = frozenset(f.name for f in fields(Config)) | {"api_key", "data_key", "keyring_backend"}

CSV_COLUMNS: tuple[str, ...] = (
    "seq", "at", "event", "clerk", "intake_id", "customer_id", "details", "prev_hash", "hash",
)
"""Columns of ``export_csv``: sequence number (1, 2, ...), UTC time (ISO 8601), event type,
clerk, intake id (uuid), POS customer id, details (JSON), the previous row's hash and this
row's hash (hex HMAC-SHA256 with the station's audit key; plain SHA-256 before a chain_keyed event)."""


class AuditError(ValueError):
    """An event was refused (unknown type, bad id, or details that could carry personal data)."""


def open_private_db(path: Path) -> sqlite3.Connection:
    """A connection to a database file only this user may read (0600, in a 0700 folder).

    SQLite gives its journal files the database file's permissions, so they stay private too.
    """
    path = Path(path)
    if not path.parent.exists():
        path.parent.mkdir(parents=True, mode=0o700, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    os.close(fd)
    with suppress(OSError):  # a file system without modes (FAT, some shares)
        os.chmod(path, 0o600)
    conn = sqlite3.connect(path, timeout=10.0, isolation_level=None)
    conn.execute("PRAGMA foreign_keys = ON")
    return conn


@contextmanager
def write_transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """BEGIN IMMEDIATE so two processes appending at once serialize instead of forking the chain."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def utc_now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds")


def open_text_for_writing(path_or_file: str | os.PathLike[str] | IO[str]) -> tuple[IO[str], bool]:
    """An owner-only text file to write an export to (or the open file given); True if we opened it.

    A file left by an earlier export (or made by someone else) keeps its mode when opened, so its
    mode is set to 0600 before anything is written to it, then it is emptied.
    """
    if hasattr(path_or_file, "write"):
        return path_or_file, False  # type: ignore[return-value]
    fd = os.open(os.fspath(path_or_file), os.O_WRONLY | os.O_CREAT, 0o600)  # type: ignore[arg-type]
    try:
        with suppress(AttributeError, OSError):  # no fchmod on Windows; file systems without modes (FAT)
            os.fchmod(fd, 0o600)
        os.ftruncate(fd, 0)
    except BaseException:
        os.close(fd)
        raise
    return os.fdopen(fd, "w", encoding="utf-8", newline=""), True


@dataclass(frozen=True)
class AuditEntry:
    seq: int
    at: str
    event: str
    clerk: str
    intake_id: str | None
    customer_id: str | None
    details: Mapping[str, Any]
    prev_hash: str
    hash: str


def _is_code(value: Any) -> bool:
    return isinstance(value, str) and bool(_CODE_RE.match(value)) and not _DIGIT_RUN_RE.search(value)


def check_details(details: Mapping[str, Any] | None) -> dict[str, Any]:
    """The details as stored, or AuditError naming the first key or value that is not allowed."""
    if not details:
        return {}
    checked: dict[str, Any] = {}
    for key, value in details.items():
        kind = DETAIL_KEYS.get(key)
        if kind is None:
            raise AuditError(f"audit details may not carry '{key}' (allowed: {', '.join(sorted(DETAIL_KEYS))})")
        ok = False
        if kind == _INT:
            ok = isinstance(value, int) and not isinstance(value, bool)
        elif kind == _BOOL:
            ok = isinstance(value, bool)
        elif kind == _CODE:
            ok = _is_code(value)
        elif kind == _VERSION:
            ok = isinstance(value, str) and bool(_VERSION_RE.match(value))
        elif kind == _CHANNEL:
            ok = value in wire.MARKETING_FIELDS
        elif kind in (_CODES, _FIELDS, _SETTINGS):
            allowed = {_FIELDS: _FIELD_NAMES, _SETTINGS: _SETTING_NAMES}.get(kind)
            if isinstance(value, list | tuple | set | frozenset):
                value = sorted(value)
                ok = all(_is_code(v) and (allowed is None or v in allowed) for v in value)
        if not ok:
            # The value itself is not echoed: it may be the very personal data being refused.
            raise AuditError(f"audit detail '{key}' has a value of the wrong shape for a {kind}")
        checked[key] = value
    return checked


def _canonical(seq: int, at: str, event: str, clerk: str, intake_id: str | None, customer_id: str | None,
               details_json: str) -> bytes:
    return json.dumps([seq, at, event, clerk, intake_id, customer_id, details_json],
                      separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def chain_hash(prev_hash: str, content: bytes, key: bytes | None = None) -> str:
    """The row's hash: HMAC-SHA256 with ``key``; plain SHA-256 (legacy rows) when ``key`` is None."""
    message = prev_hash.encode("ascii") + content
    if key is None:
        return hashlib.sha256(message).hexdigest()
    return hmac.new(key, message, hashlib.sha256).hexdigest()


_SCHEMA = """
CREATE TABLE IF NOT EXISTS audit (
    seq INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    event TEXT NOT NULL,
    clerk TEXT NOT NULL,
    intake_id TEXT,
    customer_id TEXT,
    details TEXT NOT NULL,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS audit_event ON audit(event);
CREATE INDEX IF NOT EXISTS audit_intake ON audit(intake_id);
CREATE TRIGGER IF NOT EXISTS audit_no_update BEFORE UPDATE ON audit
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER IF NOT EXISTS audit_no_delete BEFORE DELETE ON audit
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
"""


def _check_intake_id(intake_id: str | None) -> str | None:
    if intake_id is None:
        return None
    try:
        return str(uuid.UUID(str(intake_id)))
    except ValueError as exc:
        raise AuditError("an intake id must be a uuid") from exc


def _check_customer_id(customer_id: str | int | None) -> str | None:
    if customer_id is None:
        return None
    value = str(customer_id)
    if not _CUSTOMER_ID_RE.match(value):
        raise AuditError("a customer id must be the POS's id (letters, digits, '-' or '_')")
    return value


def _check_clerk(clerk: str) -> str:
    value = " ".join(str(clerk or "").split())
    if not value or len(value) > _CLERK_MAX:
        raise AuditError("every audit event names the clerk on shift")
    return value


_COLUMNS = "seq, at, event, clerk, intake_id, customer_id, details, prev_hash, hash"


class AuditLog:
    """``AuditLog(path, key)``; or ``AuditLog.open(config)`` for the station's own log, keyed
    with the audit key from the keyring (CredentialsError when the keyring cannot give it).

    ``anchor_legacy``: the key was created just now, so rows written before chains were keyed
    are legacy rows to anchor with a ``chain_keyed`` event (see the module's docstring).
    """

    def __init__(self, db_path: str | os.PathLike[str], key: bytes, *, anchor_legacy: bool = False) -> None:
        if not isinstance(key, bytes) or len(key) < 16:
            raise ValueError("the audit key must be at least 16 random bytes")
        self.path = Path(db_path)
        self.__key = key
        check_store(self.path)  # a log the station had, now missing or damaged, is refused
        with closing(open_private_db(self.path)) as conn:
            conn.executescript(_SCHEMA)
        note_store(self.path)
        if anchor_legacy:
            self._anchor_legacy_rows()

    @classmethod
    def open(cls, config: Config, secrets: Any = None) -> AuditLog:
        """The station's log in ``config.data_dir``; ``secrets`` is the ``SecretStore`` (the default one if None)."""
        from app.credentials import SecretStore

        key, created = (secrets or SecretStore()).audit_key()
        return cls(Path(config.data_dir) / AUDIT_DB_NAME, key, anchor_legacy=created)

    def __repr__(self) -> str:
        return f"AuditLog({str(self.path)!r}, <key hidden>)"

    def _anchor_legacy_rows(self) -> None:
        with closing(open_private_db(self.path)) as conn, write_transaction(conn):
            legacy = conn.execute("SELECT COUNT(*) FROM audit").fetchone()[0]
            keyed = conn.execute("SELECT 1 FROM audit WHERE event = ? LIMIT 1", (CHAIN_KEYED,)).fetchone()
            first = conn.execute(f"SELECT {_COLUMNS} FROM audit ORDER BY seq LIMIT 1").fetchone()
            # Rows keyed from the first (the key was stored again from the data key after the
            # keyring lost it) are not legacy: only a first row in plain SHA-256 is anchored.
            if legacy and keyed is None and first is not None and self._is_plain(first):
                self._insert(conn, CHAIN_KEYED, PROGRAM_CLERK, None, None, {"rows": int(legacy)})

    @staticmethod
    def _is_plain(row: tuple) -> bool:
        seq, at, event, clerk, intake, customer, details_json, prev, digest = row
        try:
            content = _canonical(seq, at, event, clerk, intake, customer, details_json)
        except (TypeError, ValueError):
            return False
        plain = chain_hash(str(prev), content).encode("ascii")
        return hmac.compare_digest(plain, str(digest).encode("utf-8", "replace"))

    def _insert(self, conn: sqlite3.Connection, event: str, clerk: str, intake: str | None, customer: str | None,
                checked: dict[str, Any]) -> AuditEntry:
        details_json = json.dumps(checked, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
        at = utc_now()
        last = conn.execute("SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1").fetchone()
        seq, prev = (last[0] + 1, last[1]) if last else (1, _GENESIS)
        digest = chain_hash(prev, _canonical(seq, at, event, clerk, intake, customer, details_json), self.__key)
        conn.execute(
            f"INSERT INTO audit ({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (seq, at, event, clerk, intake, customer, details_json, prev, digest),
        )
        return AuditEntry(seq, at, event, clerk, intake, customer, checked, prev, digest)

    def append(
        self,
        event: str,
        *,
        clerk: str,
        intake_id: str | None = None,
        customer_id: str | int | None = None,
        details: Mapping[str, Any] | None = None,
    ) -> AuditEntry:
        """Add one event; AuditError if the event type, an id or a detail is not allowed."""
        if event not in EVENTS:
            raise AuditError(f"unknown audit event {event!r}")
        clerk = _check_clerk(clerk)
        intake = _check_intake_id(intake_id)
        customer = _check_customer_id(customer_id)
        checked = check_details(details)
        with closing(open_private_db(self.path)) as conn, write_transaction(conn):
            return self._insert(conn, event, clerk, intake, customer, checked)

    def _rows(self, sql: str, params: Iterable[Any] = ()) -> list[tuple[Any, ...]]:
        with closing(open_private_db(self.path)) as conn:
            return conn.execute(sql, tuple(params)).fetchall()

    @staticmethod
    def _entry(row: tuple[Any, ...]) -> AuditEntry:
        seq, at, event, clerk, intake, customer, details_json, prev, digest = row
        try:
            details = json.loads(details_json)
        except (TypeError, ValueError):
            details = {}
        return AuditEntry(seq, at, event, clerk, intake, customer, details, prev, digest)

    def entries(
        self,
        limit: int | None = 200,
        event: str | None = None,
        intake_id: str | None = None,
        newest_first: bool = True,
    ) -> list[AuditEntry]:
        """Rows for a viewer, newest first by default, optionally of one event type or intake."""
        where, params = [], []
        if event is not None:
            where.append("event = ?")
            params.append(event)
        if intake_id is not None:
            where.append("intake_id = ?")
            params.append(str(intake_id))
        sql = f"SELECT {_COLUMNS} FROM audit"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY seq " + ("DESC" if newest_first else "ASC")
        if limit is not None:
            sql += " LIMIT ?"
            params.append(int(limit))
        return [self._entry(r) for r in self._rows(sql, params)]

    def count(self) -> int:
        return int(self._rows("SELECT COUNT(*) FROM audit")[0][0])

    def head(self) -> tuple[int, str]:
        """(last sequence number, its hash); (0, genesis) when empty. Record it to notice a cut tail."""
        rows = self._rows("SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1")
        return (rows[0][0], rows[0][1]) if rows else (0, _GENESIS)

    def verify(self) -> int | None:
        """The sequence number of the first row that breaks the chain, or None if all rows hold."""
        rows = self._rows(f"SELECT {_COLUMNS} FROM audit ORDER BY seq")
        marker = next((r[0] for r in rows if r[2] == CHAIN_KEYED), None)
        # Rows before the first chain_keyed event are legacy; with none, every row is keyed.
        legacy_end = marker if marker is not None else 1
        expected_seq, prev = 1, _GENESIS
        for seq, at, event, clerk, intake, customer, details_json, stored_prev, digest in rows:
            try:
                content = _canonical(seq, at, event, clerk, intake, customer, details_json)
            except (TypeError, ValueError):
                return seq
            expected = chain_hash(prev, content, None if seq < legacy_end else self.__key).encode("ascii")
            if seq != expected_seq or stored_prev != prev or not hmac.compare_digest(
                    expected, str(digest).encode("utf-8", "replace")):
                return seq
            expected_seq, prev = seq + 1, digest
        return None

    def legacy_rows(self) -> int:
        """How many rows, at the start, were written with plain SHA-256 before the chain was keyed."""
        rows = self._rows("SELECT seq FROM audit WHERE event = ? ORDER BY seq LIMIT 1", (CHAIN_KEYED,))
        return int(rows[0][0]) - 1 if rows else 0

    def export_csv(self, path_or_file: str | os.PathLike[str] | IO[str]) -> int:
        """Write every row, oldest first, with the columns of ``CSV_COLUMNS``; returns the row count.

        The details column is the stored JSON text itself, so whoever holds the audit key can recompute the
        hashes from the export.
        """
        rows = self._rows(f"SELECT {_COLUMNS} FROM audit ORDER BY seq")
        handle, owned = open_text_for_writing(path_or_file)
        try:
            writer = csv.writer(handle)
            writer.writerow(CSV_COLUMNS)
            for row in rows:
                writer.writerow(["" if v is None else v for v in row])
            return len(rows)
        finally:
            if owned:
                handle.close()
