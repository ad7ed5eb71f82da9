"""Encryption at rest for everything that holds a customer's personal data.

AES-256-GCM with a random 96-bit nonce per message. The 32-byte data key lives in the OS
keyring (see ``app.credentials``), never beside the data. ``associated`` binds a ciphertext
to its row (for example the draft id), so a blob copied into another row fails to open.
"""

from __future__ import annotations

import json
import os
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

KEY_BYTES = 32
_NONCE_BYTES = 12
_VERSION = b"\x01"


class DecryptError(Exception):
    """The data cannot be opened with this key (wrong key, or the bytes were altered)."""


def new_key() -> bytes:
    return AESGCM.generate_key(bit_length=KEY_BYTES * 8)


class Cipher:
    def __init__(self, key: bytes) -> None:
        if len(key) != KEY_BYTES:
            raise ValueError("the data key must be 32 bytes")
        self._aead = AESGCM(key)

    def __repr__(self) -> str:
        return "Cipher(<key hidden>)"

    def encrypt(self, plaintext: bytes, associated: bytes = b"") -> bytes:
        nonce = os.urandom(_NONCE_BYTES)
        return _VERSION + nonce + self._aead.encrypt(nonce, plaintext, associated or None)

    def decrypt(self, blob: bytes, associated: bytes = b"") -> bytes:
        if len(blob) < 1 + _NONCE_BYTES + 16 or blob[:1] != _VERSION:
            raise DecryptError("not an encrypted intake record")
        nonce, body = blob[1 : 1 + _NONCE_BYTES], blob[1 + _NONCE_BYTES :]
        try:
            return self._aead.decrypt(nonce, body, associated or None)
        except InvalidTag as exc:
            raise DecryptError("the record cannot be opened with this station's data key") from exc

    def encrypt_json(self, value: Any, associated: bytes = b"") -> bytes:
        return self.encrypt(json.dumps(value, separators=(",", ":")).encode("utf-8"), associated)

    def decrypt_json(self, blob: bytes, associated: bytes = b"") -> Any:
        return json.loads(self.decrypt(blob, associated).decode("utf-8"))
