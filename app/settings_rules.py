"""Rules for the station's settings as an admin types them: Qt-free, so the Settings dialog and
any command line share them."""

from __future__ import annotations

import math
import os
from collections.abc import Mapping
from dataclasses import fields
from pathlib import Path

from app.api.client import checked_base_url, origin
from app.config import (
    ENV_API_URL,
    ENV_DATA_DIR,
    ENV_FILES_URL,
    ENV_JURISDICTION,
    MANAGED_ONLY,
    Config,
    ConfigError,
    load_config,
)
from app.credentials import clean_api_key
from app.i18n import QT_TRANSLATE_NOOP as N
from app.i18n import Message

_C = "Settings"

# Fields an environment variable may set, and the variable (app.config's override table).
ENV_FIELDS: Mapping[str, str] = {
    "api_url": ENV_API_URL,
    "files_url": ENV_FILES_URL,
    "jurisdiction": ENV_JURISDICTION,
    "data_dir": ENV_DATA_DIR,
}

# Bounds a store may choose; outside them the station misbehaves (a 0 s timeout fails every
# call, a 0-day retention deletes drafts being typed) or the POS refuses the upload anyway.
TIMEOUT_RANGE = (1.0, 300.0)
DOCUMENT_MB_RANGE = (1.0, 100.0)
RETENTION_DAYS_RANGE = (1, 365)


# --- the rules (plain functions: no widget involved) -----------------------------------------------
def check_url(text: str, what: str) -> tuple[str | None, str]:
    """(the URL without trailing slash, "") or (None, why it cannot carry the key)."""
    try:
        return checked_base_url(text, what), ""
    except ValueError as exc:
        return None, str(exc)


def check_files_host(api_url: str, files_url: str, allowed: bool) -> str:
    """"" when uploads to ``files_url`` may carry the API key: the same server as ``api_url``
    (scheme, host and port), or another one the admin allowed; else why uploads will be refused."""
    if allowed or origin(api_url) == origin(files_url):
        return ""
    return Message(N(_C, "The files URL is on another server than the API URL: documents would not be sent, "
                         "because the API key goes only to the API's server. Correct the files URL, or allow "
                         "the key to go to the files server."), _C)


def check_scan_folder(text: str) -> str:
    """"" when the document scanner's folder ``text`` can be listed; else why not. A look at the
    folder's own entry, not a listing (cheap enough for every keystroke)."""
    path = Path(text).expanduser()
    try:
        if not path.exists():
            return Message(N(_C, "No folder at {folder}."), _C, folder=text)
        if not path.is_dir():
            return Message(N(_C, "{folder} is a file, not a folder."), _C, folder=text)
    except OSError as exc:
        return Message(N(_C, "The folder {folder} cannot be read ({reason})."), _C, folder=text,
                       reason=exc.strerror or type(exc).__name__)
    if not os.access(path, os.R_OK | os.X_OK):
        return Message(N(_C, "The folder {folder} cannot be read: this user may not open it."), _C, folder=text)
    return ""


def parse_number(text: str, what: str, low: float, high: float, *, whole: bool = False) -> tuple[float | None, str]:
    """(value, "") or (None, message) for a number typed by a person (a decimal comma is accepted)."""
    cleaned = text.strip().replace(",", ".")
    if not cleaned:
        return None, Message(N(_C, "Enter the {what}."), _C, what=what)
    try:
        value = float(cleaned)
    except ValueError:
        return None, Message(N(_C, "The {what} must be a number."), _C, what=what)
    if not math.isfinite(value):
        return None, Message(N(_C, "The {what} must be a number."), _C, what=what)
    if whole and value != int(value):
        return None, Message(N(_C, "The {what} must be a whole number."), _C, what=what)
    if not low <= value <= high:
        return None, Message(N(_C, "The {what} must be between {low} and {high}."), _C, what=what,
                             low=f"{low:g}", high=f"{high:g}")
    return value, ""


def check_key(text: str) -> str:
    """The message for a typed key that cannot be one ("" when fine or empty); never repeats it."""
    if not text:
        return ""
    try:
        clean_api_key(text)
    except ValueError as exc:
        return str(exc)
    return ""


def changed_settings(old: Config, new: Config) -> list[str]:
    """Names of the Config fields whose value differs (names only, fit for the audit log)."""
    return [f.name for f in fields(Config) if getattr(old, f.name) != getattr(new, f.name)]


def config_to_save(new: Config, env: Mapping[str, str], path: Path) -> Config:
    """What the file should hold: ``new``, except that a field set by an environment variable
    or by the managed file keeps the file's own value (neither is the admin's choice here)."""
    overridden = [name for name, var in ENV_FIELDS.items() if env.get(var)]
    overridden += sorted(set(new.managed) - MANAGED_ONLY - set(overridden))
    if not overridden:
        return new
    try:
        in_file = load_config(env={}, path=path, use_managed=False)
    except ConfigError:
        in_file = Config()
    return new.with_changes(**{name: getattr(in_file, name) for name in overridden})
