"""Is this customer already known? A check before an intake is sent twice.

Two sources are asked:

* the POS, through its state-ID lookup (only stores on the vendor's PRO plan may use it; for
  the others the lookup is skipped without a word);
* this station's own record of the intakes it created, for customers created here whose
  record the POS cannot be asked about (no PRO plan, offline, or still in the outbox).

The station's record must not become a second copy of customers' personal data (the outbox
purges it once a customer is created), so ``CreatedIndex`` keeps only keyed HMAC-SHA256
digests of the normalised name and date of birth and of the state ID. The HMAC key is derived
from the station's data key (which lives in the OS keyring): without it the digests cannot be
tested against guessed names, and the file alone tells nothing about anyone.

A match is a hint for the clerk, never a refusal: the clerk decides.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import re
import threading
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any, Literal

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from app import rules, wire
from app.api.errors import ApiError, PlanNotAllowed
from app.storage import open_database, transaction

log = logging.getLogger(__name__)

INDEX_FILE = "created-index.db"
_COMPONENT = "created_index"
_MIGRATIONS = (
    """
    CREATE TABLE created_intake (
        id INTEGER PRIMARY KEY,
        name_digest BLOB,
        state_id_digest BLOB,
        customer_id TEXT,
        created_on TEXT NOT NULL
    );
    CREATE INDEX created_intake_name ON created_intake (name_digest);
    CREATE INDEX created_intake_state_id ON created_intake (state_id_digest);
    """,
)
# Separates this key from every other use of the data key (the AES key of drafts and outbox).
_HKDF_INFO = b"intake created-intake index v1"
_SEPARATOR = "\x1f"

Source = Literal["pos", "local"]
NAME_AND_BIRTH: tuple[str, ...] = (wire.FIRST_NAME, wire.LAST_NAME, wire.DATE_OF_BIRTH)


@dataclass(frozen=True)
class Match:
    """A customer who may be the one on screen. ``what_matched`` holds wire field names."""

    source: Source
    what_matched: list[str]
    customer_id: int | str | None = None
    created_on: date | None = None


class Matches(list[Match]):
    """The matches found, and ``notes``: why a source could not be asked (for the clerk)."""

    def __init__(self, matches: list[Match] | None = None, notes: list[str] | None = None) -> None:
        super().__init__(matches or [])
        self.notes: list[str] = list(notes or [])


# --- normalisation -----------------------------------------------------------------------------


def _fold(text: str) -> str:
    """Case, accents, spacing and punctuation removed: "O'Brien" and "OBRIEN" are one name."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if ch.isalnum())


def normalise_name_and_birth(record: Mapping[str, Any]) -> str | None:
    """First name, last name and date of birth as one key, or None when any is missing."""
    first = _fold(str(record.get(wire.FIRST_NAME) or ""))
    last = _fold(str(record.get(wire.LAST_NAME) or ""))
    born = _iso_date(record.get(wire.DATE_OF_BIRTH))
    if not (first and last and born):
        return None
    return _SEPARATOR.join((first, last, born))


def normalise_state_id(value: Any) -> str | None:
    """A state ID as cards and clerks write it, without spaces or dashes ("123 456-789"), after
    the shared rule of ``app.rules`` (invisible characters out, full-width ones made plain)."""
    try:
        text = rules.state_id_key(value if isinstance(value, str) else str(value or ""))
    except rules.FieldProblem:  # a broken character: the intake cannot be sent, nothing to match
        return None
    text = re.sub(r"[\s\-.]", "", text)
    return text or None


def _iso_date(value: Any) -> str | None:
    if isinstance(value, date):
        return value.isoformat()
    try:
        return datetime.strptime(str(value or "").strip(), wire.DATE_FORMAT).date().isoformat()
    except ValueError:
        return None


def index_key(data_key: bytes) -> bytes:
    """The HMAC key of the index, derived from the station's data key (HKDF-SHA256)."""
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=_HKDF_INFO).derive(data_key)


# --- the station's record of created intakes -----------------------------------------------------


class CreatedIndex:
    """Digests of the intakes created at this station (SQLite, owner-only file).

    Safe to use from the window's worker threads: one connection behind a lock."""

    def __init__(self, path: Path, key: bytes) -> None:
        if len(key) < 16:
            raise ValueError("the index key is too short")
        self.path = Path(path)
        self._key = key
        self._lock = threading.Lock()
        self._conn = open_database(self.path, component=_COMPONENT, migrations=_MIGRATIONS)

    def __repr__(self) -> str:
        return f"CreatedIndex({str(self.path)!r}, <key hidden>)"

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    def _digest(self, kind: str, text: str | None) -> bytes | None:
        if text is None:
            return None
        return hmac.new(self._key, f"{kind}{_SEPARATOR}{text}".encode(), hashlib.sha256).digest()

    def digests(self, record: Mapping[str, Any]) -> tuple[bytes | None, bytes | None]:
        """The (name and birth, state ID) digests of a record; None for what it lacks."""
        return (
            self._digest("nab", normalise_name_and_birth(record)),
            self._digest("sid", normalise_state_id(record.get(wire.STATE_ID))),
        )

    def add(self, record: Mapping[str, Any], customer_id: int | str | None = None, *,
            created_on: date | None = None) -> bool:
        """Remember an intake created here. Returns False when the record has nothing to key on."""
        name, state_id = self.digests(record)
        if name is None and state_id is None:
            return False
        day = (created_on or date.today()).isoformat()
        with self._lock, transaction(self._conn):
            self._conn.execute(
                "INSERT INTO created_intake (name_digest, state_id_digest, customer_id, created_on) "
                "VALUES (?, ?, ?, ?)",
                (name, state_id, None if customer_id is None else str(customer_id), day),
            )
        return True

    def find(self, record: Mapping[str, Any]) -> list[Match]:
        """Intakes created here with the same state ID, or the same name and date of birth."""
        name, state_id = self.digests(record)
        if name is None and state_id is None:
            return []
        with self._lock:
            rows = self._conn.execute(
                "SELECT name_digest, state_id_digest, customer_id, created_on FROM created_intake "
                "WHERE name_digest = ? OR state_id_digest = ? ORDER BY created_on DESC, id DESC",
                (name, state_id),
            ).fetchall()
        matches: list[Match] = []
        seen: set[tuple[str | None, tuple[str, ...]]] = set()
        for row_name, row_state_id, customer_id, created_on in rows:
            what: list[str] = []
            if state_id is not None and row_state_id == state_id:
                what.append(wire.STATE_ID)
            if name is not None and row_name == name:
                what.extend(NAME_AND_BIRTH)
            key = (customer_id, tuple(what))
            if key in seen:
                continue
            seen.add(key)
            matches.append(Match("local", what, _customer_id(customer_id), date.fromisoformat(created_on)))
        return matches


def _customer_id(value: str | None) -> int | str | None:
    if value is None:
        return None
    return int(value) if value.isdigit() else value


def open_created_index(data_dir: Path, data_key: bytes) -> CreatedIndex:
    return CreatedIndex(Path(data_dir) / INDEX_FILE, index_key(data_key))


# --- the check -----------------------------------------------------------------------------------


def _pos_match(record: Mapping[str, Any], customer: Mapping[str, Any]) -> Match:
    what = [wire.STATE_ID]
    if normalise_name_and_birth(record) is not None and (
        normalise_name_and_birth(record) == normalise_name_and_birth(customer)
    ):
        what.extend(NAME_AND_BIRTH)
    return Match("pos", what, customer.get(wire.RESP_ID))


@dataclass
class _Asker:
    record: Mapping[str, Any]
    notes: list[str] = field(default_factory=list)

    def pos(self, client: Any) -> list[Match]:
        try:  # looked up as it would be sent
            state_id = rules.state_id_key(str(self.record.get(wire.STATE_ID) or ""))
        except rules.FieldProblem:
            state_id = ""
        if client is None or not state_id:
            return []
        try:
            customer = client.find_by_state_id(state_id)
        except PlanNotAllowed:
            return []  # the store's plan has no lookup: nothing to tell the clerk
        except ApiError as exc:
            log.info("duplicate check: the POS lookup failed (%s)", type(exc).__name__)
            self.notes.append("The POS could not be asked whether this customer exists: " + exc.message)
            return []
        return [] if customer is None else [_pos_match(self.record, customer)]


def find_duplicates(
    record: Mapping[str, Any],
    *,
    client: Any = None,
    created_index: CreatedIndex | None,
) -> Matches:
    """Customers who may be the one in ``record`` (wire-shaped): the POS's by state ID (when
    ``client``, an ``ApiClient``, is given) first, then intakes created at this station.

    Never raises for an unreachable POS or a plan without the lookup; the first becomes a note.
    """
    asker = _Asker(record)
    matches = asker.pos(client)
    if created_index is not None:
        matches += created_index.find(record)
    return Matches(matches, asker.notes)
