"""Opening the station's SQLite files the one safe way.

Every database the station keeps (drafts, outbox) holds customers' personal data, even if
encrypted, so each is opened through :func:`open_database`, which

* keeps the data directory owner-only (0700) and the database and its ``-wal``/``-shm``
  companions owner-only (0600) on POSIX systems;
* uses WAL journaling, so a reader (the window listing the outbox) never waits for a writer
  (the sync worker) and a killed process never leaves a half-written row;
* keeps temporary tables in memory and overwrites deleted content (``secure_delete``);
* applies the schema migrations of each component exactly once, recorded in a
  ``schema_version`` table, and refuses a file written by a newer version of the program;
* refuses a store the station had that is now missing, emptied or damaged, keeping the
  damaged file aside (see ``app.stores``), so a lost outbox never reads as an empty one.
"""

from __future__ import annotations

import os
import sqlite3
import stat
from collections.abc import Sequence
from pathlib import Path

DRAFTS_FILE = "drafts.db"
OUTBOX_FILE = "outbox.db"

_DIR_MODE = 0o700
_FILE_MODE = 0o600
_COMPANIONS = ("-wal", "-shm", "-journal")
# On Windows the data directory under the user profile is already private to the user.
_POSIX = os.name == "posix"


class StorageError(Exception):
    """A database file cannot be used; the message says which and why."""


def ensure_private_dir(path: Path) -> Path:
    """Create ``path`` (and parents) and make the leaf owner-only. Parents are left alone:
    they may be the user's home or a shared folder the station does not own."""
    path.mkdir(parents=True, exist_ok=True, mode=_DIR_MODE)
    if _POSIX and stat.S_IMODE(path.stat().st_mode) != _DIR_MODE:
        os.chmod(path, _DIR_MODE)
    return path


def _make_private_file(path: Path) -> None:
    # Create the file ourselves with 0600 before SQLite does: SQLite gives the -wal and
    # -shm files the permissions of the main file, so this protects all three.
    fd = os.open(path, os.O_RDWR | os.O_CREAT | getattr(os, "O_BINARY", 0), _FILE_MODE)
    os.close(fd)
    restrict_permissions(path)


def restrict_permissions(db_path: Path) -> None:
    """Make the database and whichever companion files exist owner-only (POSIX)."""
    if not _POSIX:
        return
    for candidate in (db_path, *(db_path.with_name(db_path.name + s) for s in _COMPANIONS)):
        try:
            if stat.S_IMODE(candidate.stat().st_mode) != _FILE_MODE:
                os.chmod(candidate, _FILE_MODE)
        except FileNotFoundError:
            continue


def open_database(
    db_path: Path,
    *,
    component: str,
    migrations: Sequence[str],
    synchronous: str = "NORMAL",
    check_same_thread: bool = False,
) -> sqlite3.Connection:
    """Open (creating if needed) ``db_path`` and bring ``component``'s schema up to date.

    ``migrations[i]`` is the SQL script taking the component from version ``i`` to ``i + 1``.
    ``synchronous`` is ``NORMAL`` (survives a killed program; a power cut may drop the last
    commits) or ``FULL`` (every commit reaches the disk before it returns).
    The connection is in autocommit mode: callers open transactions explicitly with
    :func:`transaction` so each state change is one committed unit.
    """
    if synchronous not in ("NORMAL", "FULL"):
        raise ValueError("synchronous must be NORMAL or FULL")
    from app import stores  # it builds on this module's StorageError

    db_path = Path(db_path)
    ensure_private_dir(db_path.parent)
    stores.check_store(db_path)  # a store the station had, now missing or damaged, is refused
    if not db_path.exists():
        _make_private_file(db_path)
    try:
        conn = sqlite3.connect(
            str(db_path), isolation_level=None, check_same_thread=check_same_thread, timeout=10.0
        )
    except sqlite3.Error as exc:
        raise StorageError(f"{db_path}: cannot open the database ({exc})") from exc
    try:
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute(f"PRAGMA synchronous={synchronous}")
        conn.execute("PRAGMA foreign_keys=ON")
        conn.execute("PRAGMA temp_store=MEMORY")
        conn.execute("PRAGMA secure_delete=ON")
        conn.execute("PRAGMA busy_timeout=10000")
        _migrate(conn, component, migrations, db_path)
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise StorageError(f"{db_path}: the file is not a usable station database ({exc})") from exc
    except StorageError:
        conn.close()
        raise
    restrict_permissions(db_path)
    try:
        stores.note_store(db_path)
    except StorageError:
        conn.close()
        raise
    return conn


class transaction:  # lower case: it reads like a keyword, ``with transaction(conn):``
    """``BEGIN IMMEDIATE`` ... ``COMMIT`` (or ``ROLLBACK`` on error) on an autocommit connection.

    IMMEDIATE takes the write lock up front, so two processes never both read a row's state
    and then both act on it."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn

    def __enter__(self) -> sqlite3.Connection:
        self._conn.execute("BEGIN IMMEDIATE")
        return self._conn

    def __exit__(self, exc_type, exc, tb) -> None:
        if exc_type is None:
            self._conn.execute("COMMIT")
        else:
            self._conn.execute("ROLLBACK")


def schema_version(conn: sqlite3.Connection, component: str) -> int:
    row = conn.execute("SELECT version FROM schema_version WHERE component = ?", (component,)).fetchone()
    return int(row[0]) if row else 0


def _migrate(conn: sqlite3.Connection, component: str, migrations: Sequence[str], db_path: Path) -> None:
    with transaction(conn):
        conn.execute(
            "CREATE TABLE IF NOT EXISTS schema_version (component TEXT PRIMARY KEY, version INTEGER NOT NULL)"
        )
        current = schema_version(conn, component)
        if current > len(migrations):
            raise StorageError(
                f"{db_path}: written by a newer version of the program ({component} schema {current}); "
                "update the program on this station"
            )
        for version in range(current, len(migrations)):
            # executescript would commit the open transaction; run the statements one by one instead.
            for statement in _statements(migrations[version]):
                conn.execute(statement)
        if current != len(migrations):
            conn.execute(
                "INSERT INTO schema_version (component, version) VALUES (?, ?) "
                "ON CONFLICT(component) DO UPDATE SET version = excluded.version",
                (component, len(migrations)),
            )


def _statements(script: str) -> list[str]:
    statements, buffer = [], ""
    for line in script.splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            if buffer.strip():
                statements.append(buffer.strip())
            buffer = ""
    if buffer.strip():
        statements.append(buffer.strip())
    return statements


def drafts_path(data_dir: Path) -> Path:
    return Path(data_dir) / DRAFTS_FILE


def outbox_path(data_dir: Path) -> Path:
    return Path(data_dir) / OUTBOX_FILE


__all__ = [
    "DRAFTS_FILE",
    "OUTBOX_FILE",
    "StorageError",
    "drafts_path",
    "ensure_private_dir",
    "open_database",
    "outbox_path",
    "restrict_permissions",
    "schema_version",
    "transaction",
]
