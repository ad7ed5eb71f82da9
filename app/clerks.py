"""The clerks of a station and the one on shift.

There is no password here: the POS holds roles and permissions. The station only needs a name
to write on consent records and audit events, chosen from a short list when the window opens.
The list lives in ``clerks.json`` in the data folder, most recently used first, so the usual
clerk is the default choice. The clerk on shift is kept in memory only: every start asks.
"""

from __future__ import annotations

import json
import os
import tempfile
import unicodedata
from pathlib import Path

from app.config import Config
from app.i18n import QT_TRANSLATE_NOOP as N
from app.i18n import Message

CLERKS_FILE_NAME = "clerks.json"
MAX_NAME_LENGTH = 60
MAX_CLERKS = 100
_KEY = "clerks"


_C = "Clerks"
_CANNOT_READ = N(_C, "{path}: cannot read the list of clerks ({error})")
_CANNOT_SAVE = N(_C, "{path}: cannot save the list of clerks ({error})")


class ClerkError(ValueError):
    """A clerk name cannot be used, or the list cannot be read or saved.

    ``message`` is the sentence for the window (an ``app.i18n.Message`` it can translate).
    """

    def __init__(self, template: str, **params: object) -> None:
        self.message = Message(template, _C, **params)
        super().__init__(str(self.message))


def clean_name(name: str) -> str:
    """The name as stored: spaces collapsed, no control characters; ClerkError if empty or too long."""
    text = " ".join(str(name or "").split())
    if any(unicodedata.category(ch).startswith("C") for ch in text):
        raise ClerkError(N(_C, "A clerk name cannot contain control characters."))
    if not text:
        raise ClerkError(N(_C, "Enter the clerk's name."))
    if len(text) > MAX_NAME_LENGTH:
        raise ClerkError(N(_C, "A clerk name has at most {max} characters."), max=MAX_NAME_LENGTH)
    return text


def _same(a: str, b: str) -> bool:
    return a.casefold() == b.casefold()


class ClerkRoster:
    """``ClerkRoster(path)``; or ``ClerkRoster.open(config)`` for the station's own list."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)
        self._current: str | None = None

    @classmethod
    def open(cls, config: Config) -> ClerkRoster:
        return cls(Path(config.data_dir) / CLERKS_FILE_NAME)

    def __repr__(self) -> str:
        return f"ClerkRoster({str(self.path)!r})"

    # --- the list ------------------------------------------------------------------------

    def names(self) -> list[str]:
        """Every clerk, most recently on shift first."""
        try:
            raw = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return []
        except (OSError, UnicodeDecodeError, ValueError) as exc:
            raise ClerkError(_CANNOT_READ, path=self.path, error=exc) from exc
        names = raw.get(_KEY, []) if isinstance(raw, dict) else []
        return [n for n in names if isinstance(n, str) and n.strip()]

    def _save(self, names: list[str]) -> None:
        try:
            self.path.parent.mkdir(parents=True, mode=0o700, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=".clerks-", suffix=".tmp", dir=self.path.parent)  # created 0600
        except OSError as exc:
            raise ClerkError(_CANNOT_SAVE, path=self.path, error=exc) from exc
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                json.dump({_KEY: names}, handle, ensure_ascii=False, indent=2)
            os.replace(tmp, self.path)
        except OSError as exc:
            Path(tmp).unlink(missing_ok=True)
            raise ClerkError(_CANNOT_SAVE, path=self.path, error=exc) from exc

    def add(self, name: str) -> str:
        """Add a clerk at the end (a name already there, in any case, is kept as it is); returns the name."""
        name = clean_name(name)
        names = self.names()
        for existing in names:
            if _same(existing, name):
                return existing
        if len(names) >= MAX_CLERKS:
            raise ClerkError(N(_C, "A station keeps at most {max} clerks; remove one first."), max=MAX_CLERKS)
        self._save([*names, name])
        return name

    def remove(self, name: str) -> bool:
        """Remove a clerk; True if it was there. Removing the clerk on shift ends the shift."""
        names = self.names()
        kept = [n for n in names if not _same(n, str(name).strip())]
        if len(kept) == len(names):
            return False
        self._save(kept)
        if self._current is not None and _same(self._current, str(name).strip()):
            self._current = None
        return True

    # --- the shift -----------------------------------------------------------------------

    @property
    def current(self) -> str | None:
        """The clerk on shift, or None until one is chosen."""
        return self._current

    def start_shift(self, name: str) -> str:
        """Make ``name`` the clerk on shift (adding a new name) and move it to the front of the list."""
        name = clean_name(name)
        names = self.names()
        existing = next((n for n in names if _same(n, name)), None)
        chosen = existing or name
        if existing is None and len(names) >= MAX_CLERKS:
            names = names[: MAX_CLERKS - 1]
        self._save([chosen, *(n for n in names if not _same(n, chosen))])
        self._current = chosen
        return chosen

    def end_shift(self) -> None:
        self._current = None

    def default(self) -> str | None:
        """The name to propose when the window opens: the clerk on shift, else the last one."""
        if self._current:
            return self._current
        names = self.names()
        return names[0] if names else None
