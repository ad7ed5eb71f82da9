"""The station's record of its own stores, so a lost, emptied or damaged one never reads as empty.

The data folder holds ``station.json``, the station manifest: which database files ("stores")
the station has created and the state of each (and the data key's check value, see
``app.datakey``). Before a store is opened, :func:`check_store` compares the file with it:

* a store the manifest lists whose file is gone: refused (*missing*);
* a listed store whose file is now zero bytes: kept aside and refused (*emptied*);
* a file that is not an SQLite database or fails SQLite's quick check: kept aside and refused.

"Kept aside" is a rename to ``<file>.damaged-<UTC time>`` (with its ``-wal``/``-shm``, so
SQLite can still open the pair); nothing is ever deleted. The refusal stands (the manifest
remembers it) until an admin either puts a good copy back at the store's path, or accepts
starting that store empty (:func:`start_empty`, ``intake data start-empty STORE``).
A store the manifest does not list yet (a fresh station, or one from before the manifest)
is adopted once it opens cleanly (:func:`note_store`).
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import sqlite3
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.i18n import QT_TRANSLATE_NOOP as N
from app.i18n import Message
from app.storage import StorageError

log = logging.getLogger(__name__)

MANIFEST_FILE = "station.json"
MESSAGE_CONTEXT = "Storage"
# The keyword an admin types -> the store's file in the data folder.
STORES: dict[str, str] = {
    "outbox": "outbox.db",
    "drafts": "drafts.db",
    "consent": "consent.sqlite3",
    "audit": "audit.sqlite3",
}

OK, MISSING, EMPTIED, DAMAGED = "ok", "missing", "emptied", "damaged"
_SQLITE_MAGIC = b"SQLite format 3\x00"
_BUSY = "busy"
_COMPANIONS = ("-wal", "-shm", "-journal")
_FORMAT = 1
_MANIFEST_LOCK = threading.Lock()

_MESSAGES = {
    MISSING: N(
        "Storage",
        "{file} is missing from the data folder {folder}, although this station created it: it was deleted "
        "or moved. Nothing is read from or written to it until an admin puts it (or a backup) back, "
        "or runs 'intake data start-empty {store}' to start with an empty one.",
    ),
    EMPTIED: N(
        "Storage",
        "{file} in the data folder {folder} is empty (0 bytes), although this station had stored data in it. "
        "It was kept aside as {kept}. Nothing is read from or written to it until an admin puts a backup "
        "back as {file}, or runs 'intake data start-empty {store}' to start with an empty one.",
    ),
    DAMAGED: N(
        "Storage",
        "{file} in the data folder {folder} is damaged: it is not a readable database. It was kept aside "
        "as {kept}, not deleted. Nothing is read from or written to it until an admin puts a backup "
        "back as {file}, or runs 'intake data start-empty {store}' to start with an empty one.",
    ),
}


class StoreUnusable(StorageError):
    """A store the station had is missing, emptied or damaged; ``args[0]`` is a translatable Message."""

    def __init__(self, message: Message, *, path: Path, problem: str, kept_aside: Path | None) -> None:
        super().__init__(message)
        self.path = path
        self.problem = problem
        self.kept_aside = kept_aside


@dataclass(frozen=True)
class StoreState:
    keyword: str
    path: Path
    state: str  # ok / missing / emptied / damaged, or "new" (never created)
    kept_aside: Path | None
    message: str | None = None  # what the refusal says, for a store that is not usable


# --- the manifest ------------------------------------------------------------------------------

def manifest_path(folder: Path) -> Path:
    return Path(folder) / MANIFEST_FILE


def read_manifest(folder: Path) -> dict[str, Any]:
    """The manifest's content; an empty one when there is none. A damaged manifest is kept aside
    and rebuilt from the stores present (it holds nothing that cannot be rebuilt)."""
    path = manifest_path(folder)
    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return _empty_manifest()
    except OSError as exc:
        raise StorageError(f"{path}: cannot read the station manifest ({exc})") from exc
    try:
        data = json.loads(raw)
        if not isinstance(data, dict) or not isinstance(data.get("stores", {}), dict):
            raise ValueError("not a manifest")
    except ValueError:
        kept = _keep_aside(path)
        log.warning("the station manifest was damaged; kept aside as %s and rebuilt", kept.name if kept else "-")
        return _empty_manifest()
    data.setdefault("stores", {})
    return data


def update_manifest(folder: Path, change) -> dict[str, Any]:
    """Read the manifest, let ``change(data)`` edit it, write it back (atomically, 0600) if it changed."""
    with _MANIFEST_LOCK:  # threads of one process never lose each other's change
        data = read_manifest(folder)
        before = json.dumps(data, sort_keys=True)
        change(data)
        if json.dumps(data, sort_keys=True) != before or not manifest_path(folder).exists():
            _write_manifest(folder, data)
    return data


def _empty_manifest() -> dict[str, Any]:
    return {"format": _FORMAT, "stores": {}}


def _write_manifest(folder: Path, data: dict[str, Any]) -> None:
    path = manifest_path(folder)
    tmp = path.with_name(f"{path.name}.{os.getpid()}-{threading.get_ident()}.tmp")  # one per writer
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0), 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(data, handle, indent=2, sort_keys=True)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise StorageError(f"{path}: cannot write the station manifest ({exc})") from exc


# --- one store -----------------------------------------------------------------------------------

def keyword_of(name: str) -> str:
    """What an admin types for the store in file ``name`` (its file name when it has no keyword)."""
    return next((k for k, f in STORES.items() if f == name), name)


def check_store(db_path: Path) -> None:
    """Refuse (StoreUnusable) a store that is missing, emptied or damaged; adopt a healthy one.

    A file neither present nor listed is a new store: nothing to check."""
    path = Path(db_path)
    folder, name = path.parent, path.name
    if not folder.is_dir():
        return
    entry = read_manifest(folder)["stores"].get(name)
    known = isinstance(entry, dict)
    if not path.exists():
        if not known:
            return
        if entry.get("state", OK) == OK:
            leftovers = _keep_aside_companions(path, "missing")
            update_manifest(folder, lambda d: d["stores"].__setitem__(name, {"state": MISSING}))
            if leftovers:
                log.warning("%s is missing; its journal files were kept aside", name)
            entry = {"state": MISSING}
        raise _unusable(path, entry.get("state", MISSING), entry.get("kept_aside"))
    problem = _problem(path, known)
    if problem is None:
        if (not known or entry.get("state") != OK) and path.stat().st_size > 0:  # new, or a good copy put back
            note_store(path)
        return
    kept = _keep_aside(path)
    record = {"state": problem, "kept_aside": kept.name if kept else None}
    update_manifest(folder, lambda d: d["stores"].__setitem__(name, record))
    log.error("%s is %s; kept aside as %s", name, problem, record["kept_aside"])
    raise _unusable(path, problem, record["kept_aside"])


def note_store(db_path: Path) -> None:
    """Record that the store at ``db_path`` exists and opened cleanly."""
    path = Path(db_path)

    def change(data: dict[str, Any]) -> None:
        if data["stores"].get(path.name) != {"state": OK}:
            data["stores"][path.name] = {"state": OK}

    update_manifest(path.parent, change)


# Files this process found sound, by (path) -> (inode, size, mtime): a file checked a moment ago and
# untouched since is not checked again (the station, its key and each store open the same files).
_SOUND: dict[str, tuple[int, int, int]] = {}


def _problem(path: Path, known: bool) -> str | None:
    """EMPTIED, DAMAGED or None (usable) for an existing file."""
    try:
        info = path.stat()
    except OSError as exc:
        raise StorageError(f"{path}: cannot read the file ({exc})") from exc
    signature = (info.st_ino, info.st_size, info.st_mtime_ns)
    if info.st_size and _SOUND.get(str(path)) == signature:
        return None
    problem = _inspect(path, known, info.st_size)
    if problem is None and info.st_size:
        _SOUND[str(path)] = signature
    else:
        _SOUND.pop(str(path), None)
    return None if problem == _BUSY else problem


def _inspect(path: Path, known: bool, size: int) -> str | None:
    try:
        with path.open("rb") as handle:
            head = handle.read(len(_SQLITE_MAGIC))
    except OSError as exc:
        raise StorageError(f"{path}: cannot read the file ({exc})") from exc
    if size == 0:
        wal = path.with_name(path.name + "-wal")
        has_journal = wal.exists() and wal.stat().st_size > 0
        # A zero-byte file the station never wrote is one being created right now.
        return EMPTIED if known and not has_journal else None
    if head != _SQLITE_MAGIC:
        return DAMAGED
    try:
        conn = sqlite3.connect(str(path), timeout=10.0)
        try:
            verdict = conn.execute("PRAGMA quick_check(1)").fetchone()
        finally:
            conn.close()
    except sqlite3.OperationalError as exc:
        if "locked" in str(exc).lower() or "busy" in str(exc).lower():
            return _BUSY  # in use by another sender: not a sign of damage (nor a check passed)
        return DAMAGED
    except sqlite3.DatabaseError:
        return DAMAGED
    return None if verdict and verdict[0] == "ok" else DAMAGED


def _unusable(path: Path, problem: str, kept: str | None) -> StoreUnusable:
    message = Message(
        _MESSAGES.get(problem, _MESSAGES[DAMAGED]), MESSAGE_CONTEXT,
        file=path.name, folder=str(path.parent), store=keyword_of(path.name), kept=kept or "-",
    )
    return StoreUnusable(
        message, path=path, problem=problem, kept_aside=path.with_name(kept) if kept else None
    )


def _aside_name(path: Path, tag: str) -> Path:
    stamp = time.strftime("%Y%m%dT%H%M%SZ", time.gmtime())
    candidate, n = path.with_name(f"{path.name}.{tag}-{stamp}"), 1
    while candidate.exists():
        n += 1
        candidate = path.with_name(f"{path.name}.{tag}-{stamp}-{n}")
    return candidate


def _keep_aside(path: Path) -> Path | None:
    """Rename ``path`` and its companions aside (never delete); the new path of the main file."""
    target = _aside_name(path, "damaged")
    try:
        os.replace(path, target)
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise StorageError(f"{path}: cannot keep the damaged file aside ({exc})") from exc
    for suffix in _COMPANIONS:
        with contextlib.suppress(FileNotFoundError):
            os.replace(path.with_name(path.name + suffix), target.with_name(target.name + suffix))
    return target


def _keep_aside_companions(path: Path, tag: str) -> bool:
    """Journal files left by a vanished store, renamed aside so a new store never mixes with them."""
    moved = False
    target = _aside_name(path, tag)
    for suffix in _COMPANIONS:
        with contextlib.suppress(FileNotFoundError):
            os.replace(path.with_name(path.name + suffix), target.with_name(target.name + suffix))
            moved = True
    return moved


# --- the whole station ---------------------------------------------------------------------------

def check_stores(folder: Path, keywords=tuple(STORES)) -> None:
    """:func:`check_store` for each of the station's stores; the first refusal is raised once
    every store has been looked at (so each damaged file is kept aside at once)."""
    first: StoreUnusable | None = None
    for keyword in keywords:
        try:
            check_store(Path(folder) / STORES[keyword])
        except StoreUnusable as exc:
            first = first or exc
    if first is not None:
        raise first


def store_states(folder: Path) -> list[StoreState]:
    """Each store's recorded state (after checking it), for ``intake data check``."""
    folder = Path(folder)
    result = []
    for keyword, name in STORES.items():
        path = folder / name
        try:
            check_store(path)
        except StoreUnusable as exc:
            result.append(StoreState(keyword, path, exc.problem, exc.kept_aside, str(exc)))
            continue
        state = OK if path.exists() else "new"
        result.append(StoreState(keyword, path, state, None))
    return result


def start_empty(folder: Path, store: str) -> Path | None:
    """Accept that a missing or damaged store starts empty; the file kept aside (returned) stays.

    ValueError when ``store`` is not a store, or it is not refused."""
    folder = Path(folder)
    name = STORES.get(store, store)
    listed = read_manifest(folder)["stores"] if folder.is_dir() else {}
    if name not in STORES.values() and (name not in listed or Path(name).name != name):
        raise ValueError(f"{store!r} is not one of the station's stores ({', '.join(STORES)})")
    path = folder / name
    if path.exists():
        try:
            check_store(path)  # a damaged file is kept aside here
        except StoreUnusable:
            pass
        else:
            raise ValueError(f"{name} opens cleanly: it is not missing or damaged, nothing to do")
    entry = read_manifest(folder)["stores"].get(name) if folder.is_dir() else None
    if not isinstance(entry, dict):
        raise ValueError(f"{name} was never created on this station: it starts empty when first needed")
    _keep_aside_companions(path, "missing")
    update_manifest(folder, lambda d: d["stores"].pop(name, None))
    kept = entry.get("kept_aside")
    return folder / kept if kept else None


__all__ = [
    "MANIFEST_FILE",
    "STORES",
    "StoreState",
    "StoreUnusable",
    "check_store",
    "check_stores",
    "note_store",
    "read_manifest",
    "start_empty",
    "store_states",
    "update_manifest",
]
