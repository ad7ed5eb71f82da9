"""A keyring backend that keeps secrets in this process only.

Used by ``intake --demo`` (no account, nothing written to the machine's keyring) and by the
tests. Its priority is below keyring's own "no backend" marker so keyring never picks it by
itself: it is only ever installed on purpose with ``keyring.set_keyring(MemoryKeyring())``.
"""

from __future__ import annotations

import threading

from keyring.backend import KeyringBackend
from keyring.errors import PasswordDeleteError


class MemoryKeyring(KeyringBackend):
    priority = -1  # type: ignore[assignment]  # never chosen automatically

    def __init__(self) -> None:
        super().__init__()
        self._secrets: dict[tuple[str, str], str] = {}
        self._lock = threading.Lock()

    def __repr__(self) -> str:
        return f"MemoryKeyring({len(self._secrets)} secrets)"

    def get_password(self, service: str, username: str) -> str | None:
        with self._lock:
            return self._secrets.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        with self._lock:
            self._secrets[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        with self._lock:
            if self._secrets.pop((service, username), None) is None:
                raise PasswordDeleteError("no such secret")
