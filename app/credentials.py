"""The station's secrets in the OS keyring: the POS API key, the data key that encrypts
drafts and the outbox, and the audit key that keys the audit trail's hash chain.

Secrets never go to a file of ours or to an argument. When the machine has no keyring that
keeps them safe, this says so and refuses, rather than falling back to plain text.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import secrets
import unicodedata

import keyring
import keyring.errors
from keyring.backend import KeyringBackend
from keyring.backends import chainer, fail, null

from app import crypto

SERVICE = "intake"
DATA_KEY_USER = "data-key"
AUDIT_KEY_USER = "audit-key"
AUDIT_KEY_BYTES = 32
AUDIT_KEY_LABEL = b"intake audit chain key v1"

INSTALL_HINT = (
    "Install and unlock a keyring: on Linux GNOME Keyring or KWallet (any Secret Service provider, "
    "in a desktop session with D-Bus); macOS Keychain and Windows Credential Manager are built in. "
    "The station runs in the desk's desktop session, where the keyring is unlocked at login "
    "(on Linux: apt install gnome-keyring, then log in again). "
    "Secrets are never stored in plain text."
)

# Backends that would keep secrets unprotected on disk (or drop them): never acceptable.
_PLAINTEXT = frozenset({("keyrings.alt.file", "PlaintextKeyring")})

_FRIENDLY_NAMES = {
    ("keyring.backends.SecretService", "Keyring"): "Secret Service (GNOME Keyring, KWallet or KeePassXC)",
    ("keyring.backends.libsecret", "Keyring"): "Secret Service via libsecret",
    ("keyring.backends.kwallet", "DBusKeyring"): "KWallet",
    ("keyring.backends.kwallet", "DBusKeyringKWallet4"): "KWallet 4",
    ("keyring.backends.macOS", "Keyring"): "macOS Keychain",
    ("keyring.backends.Windows", "WinVaultKeyring"): "Windows Credential Manager",
    ("keyrings.alt.file", "EncryptedKeyring"): "encrypted file (keyrings.alt)",
    ("app.memkeyring", "MemoryKeyring"): "in-memory keyring (forgotten when the program exits)",
}


class CredentialsError(RuntimeError):
    """The keyring exists but failed (locked, refused, damaged data). The message says what to do."""


class NoKeyringError(CredentialsError):
    """No keyring that keeps secrets safe is available on this machine."""


class DataKeyMissing(CredentialsError):
    """The keyring holds no data key (it was removed, or this is another machine's keyring)."""


class DataKeyDamaged(CredentialsError):
    """The keyring holds a data key that is not one (altered, or truncated)."""


def derived_audit_key(data_key: bytes) -> bytes:
    """The audit chain's key for a station whose data key is ``data_key``."""
    return hmac.new(data_key, AUDIT_KEY_LABEL, hashlib.sha256).digest()


def clean_api_key(key: str) -> str:
    """The key without surrounding whitespace; ValueError if it cannot be a key.

    The messages never repeat the key.
    """
    if not isinstance(key, str):
        raise ValueError("The API key must be text.")
    key = key.strip()
    if not key:
        raise ValueError("The API key is empty.")
    if any(unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp") for ch in key):
        raise ValueError("The API key contains control characters or line breaks; paste the key alone.")
    if not key.isascii():
        raise ValueError("The API key may hold only ASCII characters; check that it was copied exactly.")
    return key


def normalize_api_url(api_url: str) -> str:
    url = (api_url or "").strip().rstrip("/")
    if not url.lower().startswith(("https://", "http://")):
        raise ValueError(f"The API URL {api_url!r} must start with https://.")
    return url


def _classes(backend: KeyringBackend) -> set[tuple[str, str]]:
    return {(cls.__module__, cls.__name__) for cls in type(backend).__mro__}


def _is_plaintext(backend: KeyringBackend) -> bool:
    return bool(_classes(backend) & _PLAINTEXT)


def _is_empty(backend: KeyringBackend) -> bool:
    return isinstance(backend, fail.Keyring | null.Keyring)


def describe_backend(backend: KeyringBackend) -> str:
    """A name a person recognises for where secrets go."""
    cls = type(backend)
    name = _FRIENDLY_NAMES.get((cls.__module__, cls.__name__))
    if name is None:
        name = getattr(backend, "name", None) or cls.__name__
    path = getattr(backend, "file_path", None)
    return f"{name} at {path}" if isinstance(path, str) else name


class SecretStore:
    """The API key (one per API URL) and the data key, in the OS keyring.

    ``backend`` pins a keyring backend; by default the one keyring selects (which honours
    ``PYTHON_KEYRING_BACKEND`` and ``keyring.set_keyring``) is looked up at each call.
    """

    def __init__(self, backend: KeyringBackend | None = None) -> None:
        self._pinned = backend

    def __repr__(self) -> str:
        return "SecretStore(<secrets hidden>)"

    def backend(self) -> KeyringBackend:
        """The backend secrets go to; NoKeyringError when there is none safe to use."""
        chosen = self._pinned if self._pinned is not None else keyring.get_keyring()
        if isinstance(chosen, chainer.ChainerBackend):
            # The chain writes to its first member; use that one alone so a plain-text member
            # lower in the chain can neither receive nor supply a secret.
            members = list(chosen.backends)
            safe = [b for b in members if not _is_plaintext(b) and not _is_empty(b)]
            if not safe:
                if any(_is_plaintext(b) for b in members):
                    raise NoKeyringError(_plaintext_message())
                raise NoKeyringError(f"No keyring is available to hold the API key. {INSTALL_HINT}")
            return safe[0]
        if _is_plaintext(chosen):
            raise NoKeyringError(_plaintext_message())
        if _is_empty(chosen):
            raise NoKeyringError(f"No keyring is available to hold the API key. {INSTALL_HINT}")
        return chosen

    def backend_name(self) -> str:
        return describe_backend(self.backend())

    # --- the API key ----------------------------------------------------------------------------
    def set_api_key(self, api_url: str, key: str) -> None:
        key = clean_api_key(key)
        self._set(normalize_api_url(api_url), key)

    def get_api_key(self, api_url: str) -> str | None:
        return self._get(normalize_api_url(api_url))

    def clear_api_key(self, api_url: str) -> bool:
        """Remove the key; False when there was none."""
        username = normalize_api_url(api_url)
        if self._get(username) is None:
            return False
        backend = self.backend()
        try:
            backend.delete_password(SERVICE, username)
        except keyring.errors.PasswordDeleteError:
            return False
        except Exception as exc:
            raise _failure(exc, backend, "remove the API key from") from exc
        return True

    # --- the data key ---------------------------------------------------------------------------
    def stored_data_key(self) -> bytes | None:
        """The 32-byte key of ``app.crypto.Cipher``, or None when the keyring holds none.

        A stored key that cannot be read is an error (CredentialsError), never replaced."""
        stored = self._get(DATA_KEY_USER)
        if stored is None:
            return None
        try:
            key = base64.b64decode(stored.encode("ascii"), validate=True)
        except (binascii.Error, UnicodeEncodeError, ValueError):
            key = b""
        if len(key) != crypto.KEY_BYTES:
            raise DataKeyDamaged(
                f"The data key in the keyring ({self.backend_name()}, service '{SERVICE}', "
                f"user '{DATA_KEY_USER}') is damaged; saved drafts cannot be opened without the original. "
                "An admin restores it with 'intake credentials import-data-key'."
            )
        return key

    def data_key(self) -> bytes:
        """The stored data key; DataKeyMissing when the keyring holds none.

        It is never made here: only ``app.datakey.station_data_key`` makes one, for a station
        that holds nothing encrypted, since a new key would make every saved draft and queued
        intake unreadable."""
        key = self.stored_data_key()
        if key is None:
            raise DataKeyMissing(
                f"The data key is missing from the keyring ({self.backend_name()}, service '{SERVICE}', "
                f"user '{DATA_KEY_USER}'). An admin restores the copy saved at setup with "
                "'intake credentials import-data-key'."
            )
        return key

    def create_data_key(self) -> bytes:
        """Store a new random data key, unless one is stored already (that one is returned)."""
        if self.stored_data_key() is None:
            self._set(DATA_KEY_USER, base64.b64encode(crypto.new_key()).decode("ascii"))
        # Read back: if another process stored a key at the same moment, both use the one kept.
        key = self.stored_data_key()
        if key is None:
            raise CredentialsError(f"The keyring ({self.backend_name()}) did not keep the data key.")
        return key

    def replace_data_key(self, key: bytes) -> None:
        """Store ``key`` as the data key. Only ``app.datakey.import_data_key`` calls this, once it
        has checked that the key opens the station's data."""
        if len(key) != crypto.KEY_BYTES:
            raise ValueError("the data key must be 32 bytes")
        encoded = base64.b64encode(key).decode("ascii")
        self._set(DATA_KEY_USER, encoded)
        if self._get(DATA_KEY_USER) != encoded:
            raise CredentialsError(f"The keyring ({self.backend_name()}) did not keep the data key.")

    # --- the audit key --------------------------------------------------------------------------
    def audit_key(self) -> tuple[bytes, bool]:
        """The 32-byte HMAC key of the audit chain (``app.audit``), and True when this call stored it.

        Derived from the data key (HMAC-SHA256 with a fixed label), so the data key's export
        (``intake credentials export-data-key``) restores it too: a keyring that loses it gets
        the same key back, and the rows keyed before still verify. Stored in the keyring the
        first time (``created``: the audit log then anchors its legacy rows). A station with no
        data key yet gets a random one. A stored key that cannot be read is an error, never replaced.
        """
        stored = self._get(AUDIT_KEY_USER)
        created = stored is None
        if created:
            data_key = self.stored_data_key()
            key = derived_audit_key(data_key) if data_key is not None else secrets.token_bytes(AUDIT_KEY_BYTES)
            self._set(AUDIT_KEY_USER, base64.b64encode(key).decode("ascii"))
            stored = self._get(AUDIT_KEY_USER)  # read back: one key even if another process stored one too
            if stored is None:
                raise CredentialsError(f"The keyring ({self.backend_name()}) did not keep the audit key.")
        try:
            key = base64.b64decode(stored.encode("ascii"), validate=True)
        except (binascii.Error, UnicodeEncodeError, ValueError):
            key = b""
        if len(key) != AUDIT_KEY_BYTES:
            raise CredentialsError(
                f"The audit key in the keyring ({self.backend_name()}, service '{SERVICE}', "
                f"user '{AUDIT_KEY_USER}') is damaged; the audit trail cannot be checked or extended without it."
            )
        return key, created

    # --- plumbing -------------------------------------------------------------------------------
    def _get(self, username: str) -> str | None:
        backend = self.backend()
        try:
            return backend.get_password(SERVICE, username)
        except Exception as exc:
            raise _failure(exc, backend, "read from") from exc

    def _set(self, username: str, secret: str) -> None:
        backend = self.backend()
        try:
            backend.set_password(SERVICE, username, secret)
        except Exception as exc:
            raise _failure(exc, backend, "store a secret in") from exc


def _plaintext_message() -> str:
    return (
        "The selected keyring (keyrings.alt PlaintextKeyring) would store the API key in a plain-text file, "
        f"which is not acceptable. {INSTALL_HINT}"
    )


def _failure(exc: Exception, backend: KeyringBackend, doing: str) -> CredentialsError:
    if isinstance(exc, keyring.errors.NoKeyringError):
        return NoKeyringError(f"No keyring is available to hold the API key. {INSTALL_HINT}")
    where = describe_backend(backend)
    if isinstance(exc, keyring.errors.KeyringLocked):
        return CredentialsError(f"The keyring ({where}) is locked; unlock it and try again.")
    # Backend messages describe the failure, never the secret being written.
    return CredentialsError(f"Could not {doing} the keyring ({where}): {type(exc).__name__}: {exc}")
