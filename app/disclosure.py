"""The marketing-consent disclosures a clerk reads to the customer, per channel and language.

The station ships reviewed wording in English, Spanish and French (``resources/disclosures``)
that covers the TCPA (texts and calls: prior express written consent, not a condition of
purchase, message and data rates, STOP to opt out), CASL (express opt-in, withdrawal at any
time, the store's identity and contact) and CAN-SPAM (email). A store replaces it with its
own file, named by the ``disclosure_file`` setting::

    version = "greenleaf-2025-03"          # required: names this wording
    signature_required = ["sms", "calls"]  # optional: channels that need a signature on screen
    [store]
    name = "Green Leaf Dispensary"
    contact = "12 Main St, Springfield CA 90000, (555) 555-0100"
    [en]                                   # optional, per language: all four channels
    mail = "..."
    email = "..."
    sms = "..."
    calls = "..."

``{store_name}`` and ``{store_contact}`` in a text are replaced by the ``[store]`` values.
A language the store file does not translate falls back to the shipped wording (with the
store's identity filled in) and the shipped version. Either way each channel's ``sha256``
pins the exact text that was read, so a consent record proves what the customer heard.
"""

from __future__ import annotations

import hashlib
import tomllib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any

from app import assets, wire
from app.config import Config

LANGUAGES: tuple[str, ...] = ("en", "es", "fr")
DEFAULT_LANGUAGE = "en"

# The disclosure files name channels briefly; the rest of the program uses the wire names.
CHANNEL_KEYS: Mapping[str, str] = MappingProxyType(
    {
        wire.MARKETING_MAIL: "mail",
        wire.MARKETING_EMAIL: "email",
        wire.MARKETING_SMS: "sms",
        wire.MARKETING_CALLS: "calls",
    }
)
_CHANNEL_BY_KEY = {short: channel for channel, short in CHANNEL_KEYS.items()}

_STORE_NAME = "{store_name}"
_STORE_CONTACT = "{store_contact}"
_SHIPPED = "shipped"


class DisclosureError(ValueError):
    """A disclosure file cannot be used; the message names the file and the reason."""


@dataclass(frozen=True)
class ChannelDisclosure:
    channel: str
    """Wire name of the marketing channel (``wire.MARKETING_SMS`` ...)."""
    text: str
    """The exact text to read or show, store identity filled in."""
    sha256: str
    """Hex SHA-256 of ``text`` encoded as UTF-8."""
    signature_required: bool
    """True when this channel's consent must be signed on screen rather than given aloud."""


@dataclass(frozen=True)
class Disclosures:
    language: str
    version: str
    source: str
    """``"shipped"`` or the path of the store's file the texts came from."""
    store_name: str
    store_contact: str
    channels: Mapping[str, ChannelDisclosure] = field(default_factory=dict)

    def __getitem__(self, channel: str) -> ChannelDisclosure:
        return self.channels[channel]

    def __iter__(self) -> Iterator[ChannelDisclosure]:
        return iter(self.channels.values())

    def text(self, channel: str) -> str:
        return self.channels[channel].text

    def sha256(self, channel: str) -> str:
        return self.channels[channel].sha256

    @property
    def missing_store_identity(self) -> bool:
        """True when no store name or contact is configured (CASL wants both stated)."""
        return not (self.store_name and self.store_contact)


def normalize_language(language: str | None) -> str:
    """``"es-MX"`` -> ``"es"``; anything not shipped -> English."""
    code = (language or "").strip().lower().replace("_", "-").split("-")[0]
    return code if code in LANGUAGES else DEFAULT_LANGUAGE


def text_sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _read_toml(path: Path, label: str) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise DisclosureError(f"{label}: the disclosure file does not exist") from exc
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise DisclosureError(f"{label}: cannot read the disclosure file ({exc})") from exc


def _texts(table: Any, label: str) -> dict[str, str]:
    if not isinstance(table, Mapping):
        raise DisclosureError(f"{label}: expected a table of texts for mail, email, sms and calls")
    texts: dict[str, str] = {}
    for short in CHANNEL_KEYS.values():
        value = table.get(short)
        if not isinstance(value, str) or not value.strip():
            raise DisclosureError(f"{label}: the text for '{short}' is missing or empty")
        texts[short] = value.strip()
    unknown = sorted(set(table) - set(_CHANNEL_BY_KEY))
    if unknown:
        raise DisclosureError(f"{label}: unknown channel(s) {', '.join(unknown)}")
    return texts


def _signature_channels(value: Any, label: str) -> frozenset[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v in _CHANNEL_BY_KEY for v in value):
        raise DisclosureError(f"{label}: signature_required must list channels among {', '.join(_CHANNEL_BY_KEY)}")
    return frozenset(_CHANNEL_BY_KEY[v] for v in value)


def _version(raw: Mapping[str, Any], label: str) -> str:
    version = raw.get("version")
    if not isinstance(version, str | int | float) or not str(version).strip():
        raise DisclosureError(f"{label}: a 'version' naming this wording is required")
    return str(version).strip()


def _fill(text: str, store_name: str, store_contact: str) -> str:
    # Plain replacement rather than str.format: a store's text may contain other braces.
    return text.replace(_STORE_NAME, store_name).replace(_STORE_CONTACT, store_contact)


def load_disclosures(config: Config, language: str | None = None) -> Disclosures:
    """The disclosures to read in ``language`` (default: the station's language)."""
    lang = normalize_language(language or config.language)
    shipped_label = f"resources/disclosures/{lang}.toml"
    shipped = _read_toml(assets.resource_path("disclosures", f"{lang}.toml"), shipped_label)
    texts = _texts(shipped.get("texts"), shipped_label)
    version = _version(shipped, shipped_label)
    signature = _signature_channels(shipped.get("signature_required", []), shipped_label)
    fallback = shipped.get("fallback", {})
    store_name = store_contact = ""
    source = _SHIPPED

    if config.disclosure_file:
        path = Path(config.disclosure_file).expanduser()
        label = str(path)
        store = _read_toml(path, label)
        store_version = _version(store, label)
        identity = store.get("store", {})
        if not isinstance(identity, Mapping):
            raise DisclosureError(f"{label}: [store] must be a table with name and contact")
        store_name = str(identity.get("name", "")).strip()
        store_contact = str(identity.get("contact", "")).strip()
        if "signature_required" in store:
            signature = _signature_channels(store["signature_required"], label)
        if lang in store:
            texts = _texts(store[lang], f"{label} [{lang}]")
            version = store_version
            source = label

    name = store_name or str(fallback.get("store_name", ""))
    contact = store_contact or str(fallback.get("store_contact", ""))
    channels = {}
    for short, text in texts.items():
        channel = _CHANNEL_BY_KEY[short]
        filled = _fill(text, name, contact)
        channels[channel] = ChannelDisclosure(channel, filled, text_sha256(filled), channel in signature)
    return Disclosures(
        language=lang,
        version=version,
        source=source,
        store_name=store_name,
        store_contact=store_contact,
        channels=MappingProxyType(channels),
    )
