"""Drafts: the intake being typed, saved on every change so a crash or a closed window loses
nothing.

A draft row keeps in plain text only what holds no personal data (its random id, the wizard
step, the time of the last save). The record, the display label ("J. Smith") and every
attached document (bytes and file name) are encrypted with the station's data key, each
bound to its row by the cipher's associated data so a blob moved to another row fails to open.

Saves are small single-row upserts on a WAL database without a disk flush per commit: a
killed program keeps every completed save; a power cut may lose the last moments of typing.
One connection is shared behind a lock, so the window may save from a worker thread.
"""

from __future__ import annotations

import threading
import time
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app import wire
from app.crypto import Cipher
from app.storage import open_database, transaction

_COMPONENT = "drafts"
_MIGRATIONS = (
    """
    CREATE TABLE drafts (
        id TEXT PRIMARY KEY,
        updated_at REAL NOT NULL,
        step TEXT NOT NULL,
        label BLOB NOT NULL,
        payload BLOB NOT NULL
    );
    CREATE INDEX drafts_updated ON drafts (updated_at);
    CREATE TABLE draft_documents (
        draft_id TEXT NOT NULL REFERENCES drafts (id) ON DELETE CASCADE,
        doc_id TEXT NOT NULL,
        position INTEGER NOT NULL,
        filename BLOB NOT NULL,
        content_type TEXT NOT NULL,
        doc_type TEXT NOT NULL,
        data BLOB NOT NULL,
        PRIMARY KEY (draft_id, doc_id)
    );
    """,
)

NO_NAME_LABEL = "(no name yet)"


def new_draft_id() -> str:
    return uuid.uuid4().hex


def display_label(record: Mapping[str, Any]) -> str:
    """The short name a list shows: first initial and last name ("J. Smith")."""
    first = str(record.get(wire.FIRST_NAME) or "").strip()
    last = str(record.get(wire.LAST_NAME) or "").strip()
    if first and last:
        return f"{first[0].upper()}. {last}"
    return last or first or NO_NAME_LABEL


@dataclass(frozen=True)
class DraftSummary:
    id: str
    updated_at: float
    step: str
    label: str


@dataclass(frozen=True)
class DraftDocument:
    doc_id: str
    filename: str
    content_type: str
    doc_type: str
    data: bytes = field(repr=False)


@dataclass(frozen=True)
class Draft:
    id: str
    record: dict[str, Any] = field(repr=False)
    step: str
    updated_at: float
    documents: list[DraftDocument] = field(default_factory=list, repr=False)


class DraftNotFound(KeyError):
    """No draft has this id (it was submitted, discarded or purged)."""


class DraftStore:
    def __init__(self, db_path: Path, cipher: Cipher, *, clock=time.time) -> None:
        self._cipher = cipher
        self._clock = clock
        self._lock = threading.Lock()
        self._conn = open_database(Path(db_path), component=_COMPONENT, migrations=_MIGRATIONS)

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    def __enter__(self) -> DraftStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- the record ------------------------------------------------------------------

    def save(self, draft_id: str, record: Mapping[str, Any], step: str) -> float:
        """Insert or replace the draft; returns the time stored as ``updated_at``.
        ``record`` must be JSON-serialisable (wire names to strings, numbers, lists...)."""
        now = float(self._clock())
        payload = self._cipher.encrypt_json(dict(record), _ad(draft_id, "record"))
        label = self._cipher.encrypt(display_label(record).encode("utf-8"), _ad(draft_id, "label"))
        with self._lock:
            self._conn.execute(
                "INSERT INTO drafts (id, updated_at, step, label, payload) VALUES (?, ?, ?, ?, ?) "
                "ON CONFLICT(id) DO UPDATE SET updated_at = excluded.updated_at, step = excluded.step, "
                "label = excluded.label, payload = excluded.payload",
                (draft_id, now, step, label, payload),
            )
        return now

    def list(self) -> list[DraftSummary]:
        """Every draft, most recently saved first."""
        with self._lock:
            rows = self._conn.execute(
                "SELECT id, updated_at, step, label FROM drafts ORDER BY updated_at DESC"
            ).fetchall()
        return [
            DraftSummary(
                id=r[0], updated_at=r[1], step=r[2], label=self._cipher.decrypt(r[3], _ad(r[0], "label")).decode()
            )
            for r in rows
        ]

    def load(self, draft_id: str) -> Draft:
        with self._lock:
            row = self._conn.execute(
                "SELECT updated_at, step, payload FROM drafts WHERE id = ?", (draft_id,)
            ).fetchone()
            docs = self._document_rows(draft_id)
        if row is None:
            raise DraftNotFound(draft_id)
        record = self._cipher.decrypt_json(row[2], _ad(draft_id, "record"))
        return Draft(
            id=draft_id,
            record=record,
            step=row[1],
            updated_at=row[0],
            documents=[self._open_document(draft_id, d) for d in docs],
        )

    def exists(self, draft_id: str) -> bool:
        with self._lock:
            return self._conn.execute("SELECT 1 FROM drafts WHERE id = ?", (draft_id,)).fetchone() is not None

    def delete(self, draft_id: str) -> bool:
        with self._lock, transaction(self._conn):
            self._conn.execute("DELETE FROM draft_documents WHERE draft_id = ?", (draft_id,))
            return self._conn.execute("DELETE FROM drafts WHERE id = ?", (draft_id,)).rowcount > 0

    def purge_older_than(self, days: float, now: float | None = None) -> int:
        """Delete drafts not saved for ``days`` days (the store's retention); returns how many."""
        cutoff = (float(self._clock()) if now is None else now) - days * 86400.0
        with self._lock, transaction(self._conn):
            self._conn.execute(
                "DELETE FROM draft_documents WHERE draft_id IN (SELECT id FROM drafts WHERE updated_at < ?)", (cutoff,)
            )
            return self._conn.execute("DELETE FROM drafts WHERE updated_at < ?", (cutoff,)).rowcount

    # --- attached documents ------------------------------------------------------------

    def add_document(
        self, draft_id: str, filename: str, content_type: str, doc_type: str, data: bytes, *, doc_id: str | None = None
    ) -> str:
        """Attach a document to an existing draft; returns its id (``doc_id`` replaces one)."""
        doc_id = doc_id or uuid.uuid4().hex
        name_blob = self._cipher.encrypt(filename.encode("utf-8"), _ad(draft_id, "doc", doc_id, "name"))
        data_blob = self._cipher.encrypt(bytes(data), _ad(draft_id, "doc", doc_id, "data"))
        with self._lock, transaction(self._conn):
            if self._conn.execute("SELECT 1 FROM drafts WHERE id = ?", (draft_id,)).fetchone() is None:
                raise DraftNotFound(draft_id)
            position = self._conn.execute(
                "SELECT COALESCE(MAX(position), -1) + 1 FROM draft_documents WHERE draft_id = ?", (draft_id,)
            ).fetchone()[0]
            self._conn.execute(
                "INSERT INTO draft_documents (draft_id, doc_id, position, filename, content_type, doc_type, data) "
                "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(draft_id, doc_id) DO UPDATE SET "
                "filename = excluded.filename, content_type = excluded.content_type, "
                "doc_type = excluded.doc_type, data = excluded.data",
                (draft_id, doc_id, position, name_blob, content_type, doc_type, data_blob),
            )
        return doc_id

    def remove_document(self, draft_id: str, doc_id: str) -> bool:
        with self._lock:
            cur = self._conn.execute(
                "DELETE FROM draft_documents WHERE draft_id = ? AND doc_id = ?", (draft_id, doc_id)
            )
            return cur.rowcount > 0

    def documents(self, draft_id: str) -> list[DraftDocument]:
        with self._lock:
            rows = self._document_rows(draft_id)
        return [self._open_document(draft_id, r) for r in rows]

    def _document_rows(self, draft_id: str) -> list[tuple]:
        return self._conn.execute(
            "SELECT doc_id, filename, content_type, doc_type, data FROM draft_documents "
            "WHERE draft_id = ? ORDER BY position",
            (draft_id,),
        ).fetchall()

    def _open_document(self, draft_id: str, row: tuple) -> DraftDocument:
        doc_id = row[0]
        return DraftDocument(
            doc_id=doc_id,
            filename=self._cipher.decrypt(row[1], _ad(draft_id, "doc", doc_id, "name")).decode("utf-8"),
            content_type=row[2],
            doc_type=row[3],
            data=self._cipher.decrypt(row[4], _ad(draft_id, "doc", doc_id, "data")),
        )


def _ad(*parts: str) -> bytes:
    return ("draft:" + ":".join(parts)).encode("utf-8")
