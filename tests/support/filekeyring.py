"""A keyring backend for tests that start the program in a child process: secrets in a JSON
file named by ``INTAKE_TEST_KEYRING_FILE`` (a temporary folder of the test), so the parent
and child share the API key and the data key.

Test-only: it lives under ``tests/`` and is selected explicitly with
``PYTHON_KEYRING_BACKEND=tests.support.filekeyring.FileKeyring``; the product never ships
or picks it.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from keyring.backend import KeyringBackend
from keyring.errors import PasswordDeleteError

ENV_FILE = "INTAKE_TEST_KEYRING_FILE"
BACKEND_NAME = f"{__name__}.FileKeyring"


class FileKeyring(KeyringBackend):
    priority = -1  # type: ignore[assignment]  # never chosen automatically

    @property
    def _path(self) -> Path:
        return Path(os.environ[ENV_FILE])

    def _load(self) -> dict[str, str]:
        try:
            return json.loads(self._path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}

    def _store(self, secrets: dict[str, str]) -> None:
        tmp = self._path.with_suffix(".tmp")
        tmp.write_text(json.dumps(secrets), encoding="utf-8")
        os.replace(tmp, self._path)

    def get_password(self, service: str, username: str) -> str | None:
        return self._load().get(f"{service}\n{username}")

    def set_password(self, service: str, username: str, password: str) -> None:
        secrets = self._load()
        secrets[f"{service}\n{username}"] = password
        self._store(secrets)

    def delete_password(self, service: str, username: str) -> None:
        secrets = self._load()
        if secrets.pop(f"{service}\n{username}", None) is None:
            raise PasswordDeleteError("no such secret")
        self._store(secrets)
