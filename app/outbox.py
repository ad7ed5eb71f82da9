"""The outbox: every submitted intake, kept until the POS has created the customer.

One row per intake moves through these states, each move one committed transaction so a
program killed at any instant resumes where it stopped::

    queued -> uploading -> posting -> created
       ^          |           |-----> needs_attention  (the POS refused the record: back to the clerk)
       |          |           '-----> failed           (a definite error no retry will fix)
       '----------+---- a retryable failure (offline, 5xx, 429) goes back to queued with a later
                        next_attempt_at; retry()/resubmit() bring needs_attention/failed back.

``uncertain`` is written *before* a create is sent and cleared only once its outcome is
known: a row that is uncertain may already exist on the server, so the sync worker asks the
server before sending it again, and does not send it again before the server has had ample
time to finish the earlier request (``sent_at``, the latest moment a create may have left;
see ``app.sync``). ``paused`` is one flag for the whole
outbox, set when the API key is refused, so nothing is sent until an admin fixes the key.

Personal data (request body, display label, server field messages, document names and
bytes) is encrypted with the station's data key and removed once the customer is created;
what stays in plain text is the state, timestamps, counters and the customer's POS id.
Every commit survives a killed program. The two that must also survive a power cut are
flushed to disk before they return: accepting an intake, and the write-ahead ``uncertain``
mark. The others need not be: a lost "created" commit leaves the row uncertain, and the
next sender finds the customer on the server.
"""

from __future__ import annotations

import contextlib
import functools
import json
import os
import threading
import time
import uuid
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any

from app.crypto import Cipher
from app.drafts import display_label
from app.storage import open_database, transaction

_COMPONENT = "outbox"
_MIGRATIONS = (
    """
    CREATE TABLE entries (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        id TEXT NOT NULL UNIQUE,
        state TEXT NOT NULL,
        created_at REAL NOT NULL,
        updated_at REAL NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 0,
        next_attempt_at REAL NOT NULL,
        uncertain INTEGER NOT NULL DEFAULT 0,
        last_error TEXT,
        customer_id,
        customer_status TEXT,
        draft_id TEXT,
        label BLOB,
        body BLOB,
        details BLOB
    );
    CREATE INDEX entries_due ON entries (state, next_attempt_at);
    CREATE TABLE entry_documents (
        entry_id TEXT NOT NULL REFERENCES entries (id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        content_type TEXT NOT NULL,
        doc_type TEXT NOT NULL,
        file_id INTEGER,
        filename BLOB NOT NULL,
        data BLOB NOT NULL,
        PRIMARY KEY (entry_id, position)
    );
    CREATE TABLE outbox_flags (
        name TEXT PRIMARY KEY,
        value TEXT NOT NULL
    );
    """,
    # The send mark of app.sync's settle rule (see SendMark), and ``ask_person``: the server
    # could not tell whether the create happened; a person checks the POS, and their Retry
    # sends the intake without asking the server again.
    """
    ALTER TABLE entries ADD COLUMN sent_at REAL;
    ALTER TABLE entries ADD COLUMN sent_boot TEXT;
    ALTER TABLE entries ADD COLUMN handed INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE entries ADD COLUMN ask_person INTEGER NOT NULL DEFAULT 0;
    UPDATE entries SET sent_at = updated_at, handed = 1 WHERE uncertain = 1;
    """,
    # An entry is a create (POST) or an update of a customer the POS holds (PATCH, customer_id
    # set from the start).
    """
    ALTER TABLE entries ADD COLUMN kind TEXT NOT NULL DEFAULT 'create';
    """,
)

_PAUSED = "paused"


class EntryState(StrEnum):
    QUEUED = "queued"
    UPLOADING = "uploading"
    POSTING = "posting"
    CREATED = "created"
    NEEDS_ATTENTION = "needs_attention"
    FAILED = "failed"


class EntryKind(StrEnum):
    CREATE = "create"  # POST /customers
    UPDATE = "update"  # PATCH /customers/{customer_id}: the body holds only the changed fields


PENDING_STATES: frozenset[EntryState] = frozenset({EntryState.QUEUED, EntryState.UPLOADING, EntryState.POSTING})
IN_FLIGHT_STATES: frozenset[EntryState] = frozenset({EntryState.UPLOADING, EntryState.POSTING})
RETRYABLE_STATES: frozenset[EntryState] = frozenset({EntryState.NEEDS_ATTENTION, EntryState.FAILED})


class EntryNotFound(KeyError):
    """No outbox entry has this id (it was discarded or forgotten)."""


class EntryBusy(RuntimeError):
    """The entry is being sent right now; try again when the send has finished."""


class WrongState(ValueError):
    """The operation does not apply to the entry's current state."""


@dataclass(frozen=True)
class DocumentFile:
    """A document to upload with the intake. ``doc_type`` is a ``wire.DOCUMENT_TYPES`` value."""

    filename: str
    content_type: str
    doc_type: str
    data: bytes = field(repr=False)


@dataclass(frozen=True)
class PendingDocument:
    position: int
    filename: str
    content_type: str
    doc_type: str
    data: bytes = field(repr=False)
    file_id: int | None = None


@dataclass(frozen=True)
class SendMark:
    """What the outbox knows of an entry's last create, for app.sync's settle rule.

    ``uncertain``: the create may have reached the server. ``sent_at``: the latest moment it may
    have left (None once the server answered it: nothing of it can still be running).
    ``handed``: it was handed to the network, not only marked with its batch as about to be.
    The batch mark is flushed to disk; ``handed`` is not (one flush per batch, not per create),
    so it survives a killed program but perhaps not a power cut: ``boot`` (the machine's boot
    when the mark was written) tells whether a missing ``handed`` can be trusted."""

    uncertain: bool
    sent_at: float | None = None
    boot: str | None = None
    handed: bool = False

    def may_still_run(self) -> bool:
        """Whether a create of this entry may have left at ``sent_at`` and still be running."""
        if not self.uncertain or self.sent_at is None:
            return False
        return self.handed or self.boot != boot_marker()


@functools.cache
def boot_marker() -> str:
    """This machine's current boot: Linux's boot id, elsewhere the boot time to ten seconds (a
    clock change may alter it, which only makes the settle rule wait when it need not)."""
    try:
        return Path("/proc/sys/kernel/random/boot_id").read_text(encoding="ascii").strip()
    except OSError:
        return f"t{round(time.time() - time.monotonic(), -1):.0f}"


@dataclass(frozen=True)
class OutboxEntry:
    id: str
    state: EntryState
    created_at: float
    updated_at: float
    attempts: int
    next_attempt_at: float
    last_error: str | None
    field_errors: dict[str, list[str]] = field(repr=False)
    form_errors: list[str] = field(repr=False)
    customer_id: int | str | None
    customer_status: str | None
    uncertain: bool
    label: str | None = field(repr=False)
    draft_id: str | None
    document_count: int
    kind: EntryKind = EntryKind.CREATE

    @property
    def pending(self) -> bool:
        return self.state in PENDING_STATES


@dataclass(frozen=True)
class WorkItem:
    """What the sync worker needs to send one entry (decrypted)."""

    entry: OutboxEntry
    body: dict[str, Any] = field(repr=False)
    documents: list[PendingDocument] = field(repr=False)


_ENTRY_COLUMNS = (
    "id, state, created_at, updated_at, attempts, next_attempt_at, last_error, customer_id, customer_status, "
    "uncertain, draft_id, label, details, "
    "(SELECT COUNT(*) FROM entry_documents d WHERE d.entry_id = entries.id), kind"
)


class Outbox:
    """The persistent queue. Thread-safe: one connection behind a lock; every method is short
    (no network inside), so the window may read while a worker drains."""

    def __init__(self, db_path: Path, cipher: Cipher, *, clock=time.time) -> None:
        self.db_path = Path(db_path)
        self._cipher = cipher
        self._clock = clock
        self._lock = threading.RLock()
        self._conn = open_database(self.db_path, component=_COMPONENT, migrations=_MIGRATIONS)
        self._lock_path = self.db_path.with_name(self.db_path.name + ".lock")  # Windows only, see below
        # Rows left "uploading"/"posting" by a killed program are queued again, unless another
        # process is sending right now (it holds the send lock and owns those rows).
        with contextlib.suppress(EntryBusy), self.send_lock():
            self.requeue_interrupted()

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    def __enter__(self) -> Outbox:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- what the clerk does -----------------------------------------------------------------

    def enqueue(
        self, body: Mapping[str, Any], documents: Sequence[DocumentFile] = (), draft_id: str | None = None
    ) -> str:
        """Accept an intake for sending; returns the entry id. Once this returns the intake is
        on disk: nothing is lost if the program dies the next instant. One entry per intake: while
        an entry of the same ``draft_id`` is pending, that entry's id is returned and nothing is added."""
        entry_id = uuid.uuid4().hex
        now = float(self._clock())
        body = _sendable(body)
        rows = [self._document_row(entry_id, i, d) for i, d in enumerate(documents)]
        with self._lock, self._flushed(), transaction(self._conn):
            if draft_id is not None:
                waiting = self._conn.execute(
                    f"SELECT id FROM entries WHERE draft_id = ? AND kind = ? AND state IN "
                    f"({','.join('?' * len(PENDING_STATES))}) ORDER BY seq LIMIT 1",
                    (draft_id, EntryKind.CREATE, *PENDING_STATES)).fetchone()
                if waiting is not None:
                    return waiting[0]
            self._conn.execute(
                "INSERT INTO entries (id, state, created_at, updated_at, next_attempt_at, draft_id, label, body) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (entry_id, EntryState.QUEUED, now, now, now, draft_id, self._label_blob(entry_id, body),
                 self._cipher.encrypt_json(body, _ad(entry_id, "body"))),
            )
            self._conn.executemany(
                "INSERT INTO entry_documents (entry_id, position, content_type, doc_type, filename, data) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                rows,
            )
        return entry_id

    def enqueue_update(
        self, customer_id: int | str, changes: Mapping[str, Any], *, label_from: Mapping[str, Any] | None = None,
        draft_id: str | None = None,
    ) -> str:
        """Accept an update of the POS's customer ``customer_id`` (``changes``: the PATCH body,
        only the changed fields); ``label_from``: the customer's record, for the list's short
        name. On disk when this returns, like :meth:`enqueue`. Sent in the order accepted: an
        update never overtakes an earlier one of the same customer."""
        entry_id = uuid.uuid4().hex
        now = float(self._clock())
        body = _sendable(changes)
        with self._lock, self._flushed(), transaction(self._conn):
            self._conn.execute(
                "INSERT INTO entries (id, state, kind, customer_id, created_at, updated_at, next_attempt_at, "
                "draft_id, label, body) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (entry_id, EntryState.QUEUED, EntryKind.UPDATE, customer_id, now, now, now, draft_id,
                 self._label_blob(entry_id, {**(label_from or {}), **body}),
                 self._cipher.encrypt_json(body, _ad(entry_id, "body"))),
            )
        return entry_id

    def earlier_pending_update(self, entry: OutboxEntry) -> float | None:
        """When an earlier pending update of the same customer is due (None when there is none)."""
        with self._lock:
            row = self._conn.execute(
                "SELECT MIN(next_attempt_at) FROM entries WHERE kind = ? AND customer_id = ? AND id != ? AND "
                f"seq < (SELECT seq FROM entries WHERE id = ?) AND state IN ({','.join('?' * len(PENDING_STATES))})",
                (EntryKind.UPDATE, entry.customer_id, entry.id, entry.id, *PENDING_STATES),
            ).fetchone()
        return row[0] if row else None

    def entries(self, states: Iterable[EntryState | str] | None = None) -> list[OutboxEntry]:
        """Entries in the order they were accepted, optionally only those in ``states``."""
        sql = f"SELECT {_ENTRY_COLUMNS} FROM entries"
        params: tuple = ()
        if states is not None:
            wanted = tuple(EntryState(s) for s in states)
            sql += f" WHERE state IN ({','.join('?' * len(wanted))})"
            params = wanted
        with self._lock:
            rows = self._conn.execute(sql + " ORDER BY seq", params).fetchall()
        return [self._entry(r) for r in rows]

    def get(self, entry_id: str) -> OutboxEntry:
        with self._lock:
            row = self._conn.execute(f"SELECT {_ENTRY_COLUMNS} FROM entries WHERE id = ?", (entry_id,)).fetchone()
        if row is None:
            raise EntryNotFound(entry_id)
        return self._entry(row)

    def counts(self) -> dict[str, int]:
        """How many entries are in each state (every state present, zero included)."""
        result = {s.value: 0 for s in EntryState}
        with self._lock:
            for state, n in self._conn.execute("SELECT state, COUNT(*) FROM entries GROUP BY state"):
                result[state] = n
        return result

    def pending_count(self) -> int:
        counts = self.counts()
        return sum(counts[s.value] for s in PENDING_STATES)

    def retry(self, entry_id: str) -> None:
        """Send a needs_attention or failed entry again as it is (e.g. after fixing the setup).
        An entry failed with ``ask_person`` is sent without asking the server first: the person
        retrying it was asked to check the POS."""
        self._requeue(entry_id, None)

    def resubmit(self, entry_id: str, body: Mapping[str, Any]) -> None:
        """Send a needs_attention or failed entry again with the clerk's corrected body.
        Documents already uploaded keep their file ids."""
        self._requeue(entry_id, dict(body))

    def _requeue(self, entry_id: str, body: dict[str, Any] | None) -> None:
        now = float(self._clock())
        with self._lock, transaction(self._conn):
            state = self._state(entry_id)
            if state not in RETRYABLE_STATES:
                raise WrongState(f"an entry that is {state.value} cannot be sent again")
            self._conn.execute(
                "UPDATE entries SET state = ?, attempts = 0, next_attempt_at = ?, updated_at = ?, last_error = NULL, "
                "details = NULL, uncertain = CASE WHEN ask_person = 1 THEN 0 ELSE uncertain END, ask_person = 0 "
                "WHERE id = ?",
                (EntryState.QUEUED, now, now, entry_id),
            )
            if body is not None:
                self._conn.execute(
                    "UPDATE entries SET body = ?, label = ? WHERE id = ?",
                    (
                        self._cipher.encrypt_json(body, _ad(entry_id, "body")),
                        self._label_blob(entry_id, body),
                        entry_id,
                    ),
                )

    def body(self, entry_id: str) -> dict[str, Any]:
        """The request body of an entry not yet created (to put back in the form)."""
        with self._lock:
            row = self._conn.execute("SELECT body FROM entries WHERE id = ?", (entry_id,)).fetchone()
        if row is None:
            raise EntryNotFound(entry_id)
        if row[0] is None:
            raise WrongState("the entry's personal data was removed once the customer was created")
        return self._cipher.decrypt_json(row[0], _ad(entry_id, "body"))

    def discard(self, entry_id: str) -> None:
        """Remove an entry and everything it holds. Refused while it is being sent."""
        with self._lock, transaction(self._conn):
            state = self._state(entry_id)
            if state in IN_FLIGHT_STATES:
                raise EntryBusy("the intake is being sent right now")
            self._conn.execute("DELETE FROM entry_documents WHERE entry_id = ?", (entry_id,))
            self._conn.execute("DELETE FROM entries WHERE id = ?", (entry_id,))

    def forget_created(self, older_than_days: float, now: float | None = None) -> int:
        """Delete created entries (already stripped of personal data) older than the given age."""
        cutoff = (float(self._clock()) if now is None else now) - older_than_days * 86400.0
        with self._lock, transaction(self._conn):
            return self._conn.execute(
                "DELETE FROM entries WHERE state = ? AND updated_at < ?", (EntryState.CREATED, cutoff)
            ).rowcount

    # --- the whole-outbox pause (API key refused) --------------------------------------------

    def pause(self, message: str) -> None:
        with self._lock:
            self._conn.execute(
                "INSERT INTO outbox_flags (name, value) VALUES (?, ?) "
                "ON CONFLICT(name) DO UPDATE SET value = excluded.value",
                (_PAUSED, message),
            )

    def resume(self) -> None:
        with self._lock:
            self._conn.execute("DELETE FROM outbox_flags WHERE name = ?", (_PAUSED,))

    def paused(self) -> str | None:
        """The admin-facing reason the outbox is paused, or None when it is running."""
        with self._lock:
            row = self._conn.execute("SELECT value FROM outbox_flags WHERE name = ?", (_PAUSED,)).fetchone()
        return row[0] if row else None

    # --- what the sync worker does -------------------------------------------------------------

    @contextlib.contextmanager
    def send_lock(self) -> Iterator[None]:
        """Hold the right to send from this outbox, across threads and processes, or raise
        EntryBusy. The operating system drops it when the holder dies, so a killed sender
        never blocks the next one; and nothing a person can delete while it is held lets a
        second sender in (see :func:`_try_lock`)."""
        handle = _try_lock(self._lock_path)
        if handle is None:
            raise EntryBusy("another sender is working on this outbox")
        try:
            yield
        finally:
            _unlock(handle)

    def requeue_interrupted(self) -> int:
        """Rows a dead sender left mid-send go back to queued, keeping their ``uncertain`` mark.
        Call only while holding :meth:`send_lock`."""
        with self._lock:
            return self._conn.execute(
                "UPDATE entries SET state = ? WHERE state IN (?, ?)",
                (EntryState.QUEUED, EntryState.UPLOADING, EntryState.POSTING),
            ).rowcount

    def due_ids(self, now: float, only: Iterable[str] | None = None) -> list[str]:
        with self._lock:
            rows = self._conn.execute(
                "SELECT id FROM entries WHERE state IN (?, ?, ?) AND next_attempt_at <= ? ORDER BY seq",
                (*sorted(PENDING_STATES), now),
            ).fetchall()
        ids = [r[0] for r in rows]
        if only is not None:
            wanted = set(only)
            ids = [i for i in ids if i in wanted]
        return ids

    def next_attempt_at(self, only: Iterable[str] | None = None) -> float | None:
        """When the earliest pending entry is due (None when nothing is pending)."""
        with self._lock:
            rows = self._conn.execute(
                "SELECT id, next_attempt_at FROM entries WHERE state IN (?, ?, ?)", tuple(sorted(PENDING_STATES))
            ).fetchall()
        wanted = None if only is None else set(only)
        times = [t for i, t in rows if wanted is None or i in wanted]
        return min(times) if times else None

    def work_item(self, entry_id: str) -> WorkItem | None:
        """The decrypted body and documents of a pending entry (None when it is no longer pending)."""
        with self._lock:
            row = self._conn.execute(f"SELECT {_ENTRY_COLUMNS}, body FROM entries WHERE id = ?", (entry_id,)).fetchone()
            docs = self._conn.execute(
                "SELECT position, content_type, doc_type, file_id, filename, data FROM entry_documents "
                "WHERE entry_id = ? ORDER BY position",
                (entry_id,),
            ).fetchall()
        if row is None:
            return None
        entry = self._entry(row[:-1])
        if not entry.pending:
            return None
        body = self._cipher.decrypt_json(row[-1], _ad(entry_id, "body"))
        documents = [
            PendingDocument(
                position=pos,
                filename=self._cipher.decrypt(name, _ad(entry_id, "doc", str(pos), "name")).decode("utf-8"),
                content_type=content_type,
                doc_type=doc_type,
                data=self._cipher.decrypt(data, _ad(entry_id, "doc", str(pos), "data")),
                file_id=file_id,
            )
            for pos, content_type, doc_type, file_id, name, data in docs
        ]
        return WorkItem(entry=entry, body=body, documents=documents)

    def mark_uploading(self, entry_id: str) -> None:
        self._update(entry_id, "state = ?", (EntryState.UPLOADING,))

    def record_file_id(self, entry_id: str, position: int, file_id: int) -> None:
        """Persist an uploaded document's file id the moment it is known: it is never uploaded again."""
        with self._lock:
            self._conn.execute(
                "UPDATE entry_documents SET file_id = ? WHERE entry_id = ? AND position = ?",
                (file_id, entry_id, position),
            )

    def mark_posting(self, entry_id: str) -> None:
        """The entry is being worked on (looked up on the server, or about to be created): the
        clerk cannot discard it until the worker is done."""
        self._update(entry_id, "state = ?", (EntryState.POSTING,))

    def mark_sending(self, entry_id: str, *, flush: bool = True) -> None:
        """Write-ahead: from this commit on, the create may reach the server. ``flush=False``
        only when :meth:`mark_may_send` already flushed a mark for this entry."""
        now = float(self._clock())
        with self._lock, self._flushed(flush):
            self._update(entry_id, "state = ?, uncertain = 1, sent_at = ?, sent_boot = ?, handed = 1",
                         (EntryState.POSTING, now, boot_marker()))

    def send_marks(self, entry_ids: Iterable[str]) -> dict[str, SendMark]:
        """Each entry's send mark (to decide on settling, and to restore it, see below)."""
        ids = list(entry_ids)
        with self._lock:
            rows = self._conn.execute(
                "SELECT id, uncertain, sent_at, sent_boot, handed FROM entries "
                f"WHERE id IN ({','.join('?' * len(ids))})", ids
            ).fetchall() if ids else []
        return {entry_id: SendMark(bool(flag), sent_at, boot, bool(handed))
                for entry_id, flag, sent_at, boot, handed in rows}

    def mark_may_send(self, entry_ids: Iterable[str]) -> None:
        """The write-ahead mark for several entries about to be sent, in one flushed commit
        (one disk flush instead of one per create). If the sender dies, entries it had not
        reached yet are merely looked up on the server before being sent. An entry that was
        not uncertain gets a new mark (now, this boot, not handed yet); an uncertain one keeps
        the mark of its last send."""
        ids = list(entry_ids)
        if not ids:
            return
        now = float(self._clock())
        with self._lock, self._flushed():
            self._conn.execute(
                "UPDATE entries SET sent_at = CASE WHEN uncertain = 1 THEN sent_at ELSE ? END, "
                "sent_boot = CASE WHEN uncertain = 1 THEN sent_boot ELSE ? END, "
                "handed = CASE WHEN uncertain = 1 THEN handed ELSE 0 END, "
                f"uncertain = 1 WHERE id IN ({','.join('?' * len(ids))})",
                (now, boot_marker(), *ids),
            )

    def restore_uncertain(self, marks: Mapping[str, SendMark]) -> None:
        """Undo :meth:`mark_may_send` for entries that were not sent after all."""
        with self._lock, transaction(self._conn):
            self._conn.executemany(
                "UPDATE entries SET uncertain = ?, sent_at = ?, sent_boot = ?, handed = ? WHERE id = ?",
                [(int(m.uncertain), m.sent_at, m.boot, int(m.handed), k) for k, m in marks.items()],
            )

    def settled(self, entry_id: str) -> None:
        """The server answered the entry's last create: no request of it can still be running."""
        with self._lock:
            self._conn.execute("UPDATE entries SET sent_at = NULL WHERE id = ?", (entry_id,))

    def mark_created(self, entry_id: str, customer_id: int | str, customer_status: str | None) -> None:
        """The customer exists in the POS (for an update: the POS took the changes). The entry's
        personal data is removed in the same commit."""
        now = float(self._clock())
        with self._lock, transaction(self._conn):
            self._conn.execute(
                "UPDATE entries SET state = ?, uncertain = 0, customer_id = ?, customer_status = ?, updated_at = ?, "
                "last_error = NULL, label = NULL, body = NULL, details = NULL WHERE id = ?",
                (EntryState.CREATED, customer_id, customer_status, now, entry_id),
            )
            self._conn.execute("DELETE FROM entry_documents WHERE entry_id = ?", (entry_id,))

    def schedule_retry(
        self, entry_id: str, *, next_attempt_at: float, error: str, uncertain: bool, count_attempt: bool = True
    ) -> None:
        """Back to queued until ``next_attempt_at``; ``error`` is a message without personal data."""
        self._update(
            entry_id,
            "state = ?, next_attempt_at = ?, last_error = ?, uncertain = ?, attempts = attempts + ?",
            (EntryState.QUEUED, next_attempt_at, error, int(uncertain), int(count_attempt)),
        )

    def mark_needs_attention(
        self,
        entry_id: str,
        *,
        error: str,
        field_errors: Mapping[str, list[str]] | None = None,
        form_errors: Sequence[str] = (),
    ) -> None:
        details = {"field_errors": dict(field_errors or {}), "form_errors": list(form_errors)}
        self._update(
            entry_id,
            "state = ?, uncertain = 0, last_error = ?, details = ?, attempts = attempts + 1",
            (EntryState.NEEDS_ATTENTION, error, self._cipher.encrypt_json(details, _ad(entry_id, "details"))),
        )

    def mark_failed(self, entry_id: str, *, error: str, uncertain: bool, ask_person: bool = False) -> None:
        """A definite failure. ``ask_person``: only a person can tell whether an uncertain create
        happened (see :meth:`retry`)."""
        self._update(
            entry_id,
            "state = ?, uncertain = ?, last_error = ?, attempts = attempts + 1, ask_person = ?",
            (EntryState.FAILED, int(uncertain), error, int(ask_person)),
        )

    # --- plumbing ----------------------------------------------------------------------------

    @contextlib.contextmanager
    def _flushed(self, flush: bool = True) -> Iterator[None]:
        """Commits inside reach the disk before they return (and with them every earlier one)."""
        if not flush:
            yield
            return
        self._conn.execute("PRAGMA synchronous=FULL")
        try:
            yield
        finally:
            self._conn.execute("PRAGMA synchronous=NORMAL")

    def _update(self, entry_id: str, assignments: str, params: tuple) -> None:
        now = float(self._clock())
        with self._lock:
            self._conn.execute(
                f"UPDATE entries SET {assignments}, updated_at = ? WHERE id = ?", (*params, now, entry_id)
            )

    def _state(self, entry_id: str) -> EntryState:
        row = self._conn.execute("SELECT state FROM entries WHERE id = ?", (entry_id,)).fetchone()
        if row is None:
            raise EntryNotFound(entry_id)
        return EntryState(row[0])

    def _label_blob(self, entry_id: str, body: Mapping[str, Any]) -> bytes:
        return self._cipher.encrypt(display_label(body).encode("utf-8"), _ad(entry_id, "label"))

    def _document_row(self, entry_id: str, position: int, doc: DocumentFile) -> tuple:
        return (
            entry_id,
            position,
            doc.content_type,
            doc.doc_type,
            self._cipher.encrypt(doc.filename.encode("utf-8"), _ad(entry_id, "doc", str(position), "name")),
            self._cipher.encrypt(bytes(doc.data), _ad(entry_id, "doc", str(position), "data")),
        )

    def _entry(self, row: Sequence[Any]) -> OutboxEntry:
        (entry_id, state, created_at, updated_at, attempts, next_at, last_error, customer_id, customer_status,
         uncertain, draft_id, label, details, doc_count, kind) = row
        opened = self._cipher.decrypt_json(details, _ad(entry_id, "details")) if details else {}
        return OutboxEntry(
            id=entry_id,
            state=EntryState(state),
            created_at=created_at,
            updated_at=updated_at,
            attempts=attempts,
            next_attempt_at=next_at,
            last_error=last_error,
            field_errors=opened.get("field_errors", {}),
            form_errors=opened.get("form_errors", []),
            customer_id=customer_id,
            customer_status=customer_status,
            uncertain=bool(uncertain),
            label=self._cipher.decrypt(label, _ad(entry_id, "label")).decode("utf-8") if label else None,
            draft_id=draft_id,
            document_count=doc_count,
            kind=EntryKind(kind),
        )


class Unsendable(ValueError):
    """A body that could never be sent (a lone surrogate, a value JSON cannot carry): refused
    at the door rather than kept as an entry that fails forever."""


def _sendable(body: Mapping[str, Any]) -> dict[str, Any]:
    try:
        json.dumps(body, ensure_ascii=False, allow_nan=False).encode("utf-8")
    except (TypeError, ValueError) as exc:  # UnicodeEncodeError is a ValueError
        raise Unsendable(f"the intake holds a value that cannot be sent ({type(exc).__name__})") from None
    return dict(body)


def _ad(*parts: str) -> bytes:
    return ("outbox:" + ":".join(parts)).encode("utf-8")


# --- an advisory lock that dies with its holder and cannot be deleted from under it -----------
#
# On POSIX the lock is an flock() on the data directory itself: a lock file could be deleted
# while held, and a second sender would then lock a new file of the same name and send the same
# entries. The directory cannot go while it holds the outbox (and if it does, so did the
# outbox). On Windows a file held open cannot be deleted, so a lock file beside the database
# is safe there.

def _try_lock(lock_path: Path):
    if os.name == "nt":  # pragma: no cover - exercised on Windows builds
        import msvcrt

        fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            os.close(fd)
            return None
        return fd
    import fcntl

    fd = os.open(lock_path.parent, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        os.close(fd)
        return None
    return fd


def _unlock(fd: int) -> None:
    try:
        if os.name == "nt":  # pragma: no cover
            import msvcrt

            os.lseek(fd, 0, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
        else:
            import fcntl

            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)
