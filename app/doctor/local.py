"""The checks that need no network: configuration, keyring, data folder, data key, outbox."""

from __future__ import annotations

import contextlib
import os
import sqlite3
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from app.config import default_config_path, managed_config_path
from app.credentials import INSTALL_HINT, CredentialsError, NoKeyringError
from app.doctor import OK, PROBLEM, SKIPPED, WARNING, Check, msg
from app.i18n import QT_TRANSLATE_NOOP as N
from app.stores import STORES, store_states

CONTEXT = "Doctor"  # app.doctor.CONTEXT, written here for the translation tools
T_CONFIG = N(CONTEXT, "Configuration")
T_WIRE = N(CONTEXT, "Field-name corrections")
T_KEYRING = N(CONTEXT, "Keyring")
T_FOLDER = N(CONTEXT, "Data folder")
T_DATA_KEY = N(CONTEXT, "Data key")
T_OUTBOX = N(CONTEXT, "Outbox")


def configuration_checks(config: Any) -> Iterator[Check]:
    managed = sorted(getattr(config, "managed", ()) or ())
    user_file = str(default_config_path())
    managed_file = str(managed_config_path())
    data = {"user_file": user_file, "managed_file": managed_file, "managed": managed}
    if managed:
        found = msg(N(CONTEXT, "Settings from {user_file}; set by your organisation in {managed_file}: {names}."),
                    user_file=user_file, managed_file=managed_file, names=", ".join(managed))
    else:
        found = msg(N(CONTEXT, "Settings from {user_file}; no managed configuration at {managed_file}."),
                    user_file=user_file, managed_file=managed_file)
    yield Check("configuration", msg(T_CONFIG), OK, found, data=data)

    mapping = dict(getattr(config, "wire_names", ()) or ())
    if mapping:
        pairs = ", ".join(f"{ours} → {theirs}" for ours, theirs in sorted(mapping.items()))
        yield Check("wire_names", msg(T_WIRE), OK,
                    msg(N(CONTEXT, "Sent under the names the managed configuration gives: {pairs}."), pairs=pairs),
                    data={"mapping": mapping})
    else:
        yield Check("wire_names", msg(T_WIRE), OK,
                    msg(N(CONTEXT, "The names of the vendor's reference are used (no corrections configured).")),
                    data={"mapping": {}})


def station_checks(config: Any, secrets: Any) -> Iterator[Check]:
    yield _keyring(config, secrets)
    folder = Path(config.data_dir)
    yield _folder(folder)
    yield _data_key(secrets, folder)
    yield _outbox(folder)


def _keyring(config: Any, secrets: Any) -> Check:
    title = msg(T_KEYRING)
    try:
        backend = secrets.backend()
        name = secrets.backend_name()
    except NoKeyringError as exc:
        advice = "" if INSTALL_HINT in str(exc) else INSTALL_HINT  # the reason may already say how
        return Check("keyring", title, PROBLEM, msg(N(CONTEXT, "No keyring that keeps secrets safe: {reason}"),
                                                    reason=str(exc)), advice)
    except CredentialsError as exc:
        return Check("keyring", title, PROBLEM, msg(N(CONTEXT, "The keyring cannot be used: {reason}"),
                                                    reason=str(exc)))
    data = {"backend": name}
    if type(backend).__module__ == "app.memkeyring" and not getattr(config, "demo", False):
        return Check("keyring", title, WARNING, msg(N(CONTEXT, "Secrets are kept in: {backend}."), backend=name),
                     msg(N(CONTEXT, "Keys kept in memory are lost when the program exits: use the system's "
                                    "keyring.")), data)
    return Check("keyring", title, OK, msg(N(CONTEXT, "Secrets are kept in: {backend}."), backend=name), data=data)


def _writable(folder: Path) -> bool:
    if folder.is_dir():
        try:
            with tempfile.NamedTemporaryFile(dir=folder, prefix=".doctor-", delete=True):
                return True
        except OSError:
            return False
    parent = folder.parent
    while not parent.exists() and parent != parent.parent:
        parent = parent.parent
    return os.access(parent, os.W_OK | os.X_OK)


def _folder(folder: Path) -> Check:
    title = msg(T_FOLDER)
    data: dict[str, Any] = {"path": str(folder)}
    if not _writable(folder):
        return Check("data_folder", title, PROBLEM,
                     msg(N(CONTEXT, "The data folder {path} cannot be written."), path=str(folder)),
                     msg(N(CONTEXT, "Give the station's user write access to it, or set data_dir to a folder "
                                    "it may write.")), data)
    try:
        states = store_states(folder) if folder.is_dir() else []
    except (OSError, ValueError) as exc:
        return Check("data_folder", title, PROBLEM,
                     msg(N(CONTEXT, "The stores in {path} cannot be checked ({reason})."), path=str(folder),
                         reason=str(exc)), data=data)
    data["stores"] = {s.keyword: s.state for s in states}
    bad = [s for s in states if s.message]
    if bad:
        return Check("data_folder", title, PROBLEM,
                     msg(N(CONTEXT, "{path}: {stores} missing or damaged."), path=str(folder),
                         stores=", ".join(s.keyword for s in bad)),
                     msg(N(CONTEXT, "Run 'intake data check' for what to do.")), data)
    return Check("data_folder", title, OK, msg(N(CONTEXT, "{path} is writable."), path=str(folder)), data=data)


def _data_key(secrets: Any, folder: Path) -> Check:
    from app.credentials import DataKeyDamaged
    from app.datakey import opens_data, stored_counts

    title = msg(T_DATA_KEY)
    try:
        key = secrets.stored_data_key()
        counts = stored_counts(folder) if folder.is_dir() else {}
    except DataKeyDamaged as exc:
        return Check("data_key", title, PROBLEM, msg(N(CONTEXT, "{reason}"), reason=str(exc)))
    except NoKeyringError:
        return Check("data_key", title, SKIPPED, msg(N(CONTEXT, "Not checked: no keyring to read it from.")))
    except (CredentialsError, OSError, sqlite3.Error) as exc:
        return Check("data_key", title, SKIPPED, msg(N(CONTEXT, "Not checked: {reason}"), reason=str(exc)))
    stored = sum(counts.values())
    if key is None:
        if stored:
            return Check("data_key", title, PROBLEM,
                         msg(N(CONTEXT, "The keyring holds no data key, and {count} stored records need it."),
                             count=stored),
                         msg(N(CONTEXT, "Restore it with 'intake credentials import-data-key FILE'.")),
                         {"records": stored})
        return Check("data_key", title, OK, msg(N(CONTEXT, "None yet: it is made when the station first stores "
                                                           "something.")))
    try:
        opens = opens_data(folder, key)
    except (CredentialsError, OSError, sqlite3.Error) as exc:
        return Check("data_key", title, SKIPPED, msg(N(CONTEXT, "Not checked: {reason}"), reason=str(exc)))
    if opens is False:
        return Check("data_key", title, PROBLEM,
                     msg(N(CONTEXT, "The data key in the keyring does not open the stored data.")),
                     msg(N(CONTEXT, "Restore the right one with 'intake credentials import-data-key FILE'.")))
    return Check("data_key", title, OK, msg(N(CONTEXT, "Present in the keyring.")), data={"records": stored})


def _outbox(folder: Path) -> Check:
    title = msg(T_OUTBOX)
    path = folder / STORES["outbox"]
    if not path.is_file() or path.stat().st_size == 0:
        return Check("outbox", title, OK, msg(N(CONTEXT, "Empty.")), data={"counts": {}})
    try:
        with contextlib.closing(sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True, timeout=5.0)) as conn:
            counts = dict(conn.execute("SELECT state, COUNT(*) FROM entries GROUP BY state").fetchall())
            paused = conn.execute("SELECT value FROM outbox_flags WHERE name = 'paused'").fetchone()
    except sqlite3.Error as exc:
        return Check("outbox", title, WARNING, msg(N(CONTEXT, "The outbox cannot be read ({reason})."),
                                                   reason=str(exc)))
    waiting = sum(counts.get(s, 0) for s in ("queued", "uploading", "posting"))
    stuck = counts.get("needs_attention", 0) + counts.get("failed", 0)
    data = {"counts": counts, "paused": bool(paused)}
    found = msg(N(CONTEXT, "{waiting} waiting to be sent, {stuck} needing attention, {sent} sent."),
                waiting=waiting, stuck=stuck, sent=counts.get("created", 0))
    if paused:
        return Check("outbox", title, PROBLEM, found,
                     msg(N(CONTEXT, "Sending is paused: {reason}"), reason=str(paused[0])), data)
    if stuck:
        return Check("outbox", title, WARNING, found,
                     msg(N(CONTEXT, "Open the outbox ('intake outbox list') and retry or correct those entries.")),
                     data)
    return Check("outbox", title, OK, found, data=data)
