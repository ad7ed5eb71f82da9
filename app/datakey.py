"""The data key over the station's life: made once, never replaced while data depends on it,
checked against the stored data, exported for safekeeping and imported back.

* :func:`station_data_key` is how the station gets its key. A missing key is made anew only
  when the data folder holds nothing encrypted; otherwise DataKeyMissing says what depends on
  it and how to restore it. A key that does not open the stored data is refused (WrongDataKey).
* :func:`export_code` and :func:`write_export` give the key as a code an admin keeps (printed,
  or in an owner-only file); :func:`import_data_key` stores one back once it has checked, against
  the stored data, that it is the key the data was saved with.
* The station manifest (``app.stores``) keeps a check value, a fixed text encrypted with the key,
  so a key can be checked even when no encrypted row is at hand.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import os
import sqlite3
from contextlib import closing
from pathlib import Path

from app.credentials import CredentialsError, DataKeyDamaged, DataKeyMissing, SecretStore
from app.crypto import KEY_BYTES, Cipher, DecryptError
from app.i18n import QT_TRANSLATE_NOOP as N
from app.i18n import Message
from app.storage import ensure_private_dir
from app.stores import STORES, check_stores, read_manifest, update_manifest

MESSAGE_CONTEXT = "Storage"
_CHECK_TEXT = b"intake data key check"
_CHECK_AD = b"intake:key-check"
_CHECK_FIELD = "key_check"
_CHECKSUM_BYTES = 2
_MAX_FILE = 4096
_KEYED_STORES = ("outbox", "drafts", "consent")  # the stores whose records the data key encrypts

KEY_MISSING = N(
    "Storage",
    "The data key is missing from the keyring ({keyring}), and this station holds data encrypted with it "
    "(intakes in the outbox: {outbox}, drafts: {drafts}, consent records: {consent}). No new key was made: "
    "that would make this data unreadable for good. An admin restores the key saved at setup with "
    "'intake credentials import-data-key FILE' (or its printed code).",
)
KEY_WRONG = N(
    "Storage",
    "The data key in the keyring ({keyring}) does not open this station's data (intakes in the outbox: "
    "{outbox}, drafts: {drafts}, consent records: {consent}): it is not the key they were saved with. Nothing "
    "was changed. An admin restores the right key with 'intake credentials import-data-key FILE' "
    "(or its printed code).",
)

EXPORT_HEADER = (
    "# Intake station data key. With it and the station's data folder, anyone can read the customers'\n"
    "# data it holds: keep it offline, in a safe place, never beside the data folder.\n"
    "# Restore it with: intake credentials import-data-key FILE\n"
)


class WrongDataKey(CredentialsError):
    """The data key (stored, or offered for import) does not open the station's stored data."""


# --- what depends on the key ---------------------------------------------------------------------

def _probes():
    """(store file, query, row -> (ciphertext, associated data)): rows to try a key on."""
    from app import consent, drafts, outbox  # their associated-data formats, to stay in step with them

    return (
        (STORES["outbox"], "SELECT id, label FROM entries WHERE label IS NOT NULL LIMIT 5",
         lambda r: (r[1], outbox._ad(r[0], "label"))),
        (STORES["drafts"], "SELECT id, label FROM drafts LIMIT 5", lambda r: (r[1], drafts._ad(r[0], "label"))),
        (STORES["consent"],
         "SELECT applies_to, consent_id, channel, intake_id, signature_sha256 FROM consent LIMIT 5",
         lambda r: (r[0], consent._associated(r[1], r[2], r[3], r[4]))),
    )


# Every row counts, even a sent intake's (its personal data is gone, its details may not be):
# a key is replaced only when nothing at all was stored with it.
_COUNTS = {
    "outbox": "SELECT COUNT(*) FROM entries",
    "drafts": "SELECT COUNT(*) FROM drafts",
    "consent": "SELECT COUNT(*) FROM consent",
}


def _rows(path: Path, sql: str) -> list[tuple]:
    if not path.is_file() or path.stat().st_size == 0:
        return []
    try:
        with closing(sqlite3.connect(str(path), timeout=10.0)) as conn:
            return conn.execute(sql).fetchall()
    except sqlite3.OperationalError as exc:
        if "no such table" in str(exc) or "no such column" in str(exc):
            return []  # a store not yet set up holds nothing
        raise CredentialsError(f"{path}: cannot check the data key against this file ({exc})") from exc
    except sqlite3.DatabaseError as exc:
        raise CredentialsError(f"{path}: cannot check the data key against this file ({exc})") from exc


def stored_counts(folder: Path) -> dict[str, int]:
    """How many records each store encrypted with the data key holds: outbox, drafts, consent."""
    return {
        keyword: int(rows[0][0]) if (rows := _rows(Path(folder) / STORES[keyword], sql)) else 0
        for keyword, sql in _COUNTS.items()
    }


def opens_data(folder: Path, key: bytes) -> bool | None:
    """True when ``key`` opens the stored data, False when it does not, None when there is none to
    try (then the manifest's check value, if any, decides)."""
    folder = Path(folder)
    cipher = Cipher(key)
    tried = False
    for name, sql, unpack in _probes():
        for row in _rows(folder / name, sql):
            tried = True
            blob, associated = unpack(row)
            try:
                cipher.decrypt(blob, associated)
                return True
            except (DecryptError, TypeError):
                continue
    if tried:
        return False
    check = read_manifest(folder).get(_CHECK_FIELD) if folder.is_dir() else None
    if isinstance(check, str):
        return _matches_check(cipher, check)
    return None


def _matches_check(cipher: Cipher, check: str) -> bool:
    try:
        return cipher.decrypt(base64.b64decode(check, validate=True), _CHECK_AD) == _CHECK_TEXT
    except (DecryptError, binascii.Error, ValueError):
        return False


def _record_check(folder: Path, key: bytes) -> None:
    cipher = Cipher(key)

    def change(data: dict) -> None:
        current = data.get(_CHECK_FIELD)
        if not (isinstance(current, str) and _matches_check(cipher, current)):
            data[_CHECK_FIELD] = base64.b64encode(cipher.encrypt(_CHECK_TEXT, _CHECK_AD)).decode("ascii")

    update_manifest(folder, change)


# --- the station's key ---------------------------------------------------------------------------

def station_data_key(secrets: SecretStore, folder: Path) -> bytes:
    """The data key for the station whose data is in ``folder`` (which exists).

    Made and stored when the keyring has none and nothing encrypted is stored; DataKeyMissing
    when data depends on a key the keyring no longer has; WrongDataKey when the stored key
    does not open the stored data."""
    folder = ensure_private_dir(Path(folder))
    check_stores(folder, _KEYED_STORES)  # a damaged store is refused, never taken for an empty one
    key = secrets.stored_data_key()
    if key is None:
        counts = stored_counts(folder)
        if any(counts.values()):
            raise DataKeyMissing(Message(KEY_MISSING, MESSAGE_CONTEXT, keyring=secrets.backend_name(), **counts))
        key = secrets.create_data_key()
    elif opens_data(folder, key) is False:
        raise WrongDataKey(
            Message(KEY_WRONG, MESSAGE_CONTEXT, keyring=secrets.backend_name(), **stored_counts(folder))
        )
    _record_check(folder, key)
    return key


def import_data_key(secrets: SecretStore, folder: Path, key: bytes) -> bool:
    """Store ``key`` as the data key once it is shown to open the stored data. False when the
    keyring already held this very key. WrongDataKey when it does not open the data; CredentialsError
    when the keyring holds another key that opens the data (that one is kept)."""
    folder = Path(folder)
    if len(key) != KEY_BYTES:
        raise ValueError("a data key is 32 bytes")
    verdict = opens_data(folder, key) if folder.is_dir() else None
    counts = stored_counts(folder) if folder.is_dir() else {k: 0 for k in _COUNTS}
    if verdict is False:
        raise WrongDataKey(
            "This key does not open this station's data (intakes in the outbox: {outbox}, drafts: {drafts}, "
            "consent records: {consent}): it is not the key they were saved with. Nothing was changed. "
            "Check that the file or code is the one saved from this station.".format(**counts)
        )
    try:
        current = secrets.stored_data_key()
    except DataKeyDamaged:
        current = None  # an unreadable stored key is what an import repairs
    if current == key:
        if folder.is_dir():
            _record_check(folder, key)
        return False
    if current is not None and verdict is True and opens_data(folder, current):
        raise CredentialsError(
            "The keyring already holds a different data key, and it opens this station's data: it is kept, "
            "nothing was changed."
        )
    secrets.replace_data_key(key)
    if folder.is_dir():
        _record_check(folder, key)
    return True


# --- the code an admin keeps ---------------------------------------------------------------------

def export_code(key: bytes) -> str:
    """The key as groups of letters and digits (base32 with a 2-byte checksum), for paper or a file."""
    if len(key) != KEY_BYTES:
        raise ValueError("a data key is 32 bytes")
    raw = base64.b32encode(key + hashlib.sha256(key).digest()[:_CHECKSUM_BYTES]).decode("ascii").rstrip("=")
    return "-".join(raw[i : i + 5] for i in range(0, len(raw), 5))


def parse_code(text: str) -> bytes:
    """The key in a code from :func:`export_code` (spaces, dashes and case do not matter); also the
    base64 form the keyring holds. ValueError with a plain reason otherwise."""
    cleaned = "".join(ch for ch in (text or "") if not ch.isspace() and ch != "-")
    if not cleaned:
        raise ValueError("no data key was given")
    if len(cleaned) == 44 and cleaned.endswith("="):  # the keyring's own base64 form
        try:
            key = base64.b64decode(cleaned, validate=True)
        except (binascii.Error, ValueError):
            key = b""
        if len(key) == KEY_BYTES:
            return key
    upper = cleaned.upper()
    try:
        raw = base64.b32decode(upper + "=" * (-len(upper) % 8))
    except (binascii.Error, ValueError):
        raise ValueError("this is not a data key code (it holds characters a code never has)") from None
    if len(raw) != KEY_BYTES + _CHECKSUM_BYTES:
        raise ValueError("this is not a whole data key code (some characters are missing or extra)")
    key, checksum = raw[:KEY_BYTES], raw[KEY_BYTES:]
    if hashlib.sha256(key).digest()[:_CHECKSUM_BYTES] != checksum:
        raise ValueError("the data key code has a typo (its check characters do not match)")
    return key


def write_export(path: Path, key: bytes) -> None:
    """Write the key's code to a new file only its owner may read (0600). FileExistsError if the
    file exists: an export never overwrites anything."""
    fd = os.open(os.fspath(path), os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
    try:
        if os.name == "posix":
            os.fchmod(fd, 0o600)
        os.write(fd, (EXPORT_HEADER + export_code(key) + "\n").encode("ascii"))
        os.fsync(fd)
    finally:
        os.close(fd)


def read_export(path: Path) -> bytes:
    """The key in a file written by :func:`write_export` (lines starting with # are ignored)."""
    with open(path, "rb") as handle:
        raw = handle.read(_MAX_FILE + 1)
    if len(raw) > _MAX_FILE:
        raise ValueError("this file is too large to be a data key export")
    try:
        text = raw.decode("ascii")
    except UnicodeDecodeError:
        raise ValueError("this file is not a data key export (it is not plain text)") from None
    return parse_code("".join(line for line in text.splitlines() if not line.lstrip().startswith("#")))


__all__ = [
    "WrongDataKey",
    "export_code",
    "import_data_key",
    "opens_data",
    "parse_code",
    "read_export",
    "station_data_key",
    "stored_counts",
    "write_export",
]
