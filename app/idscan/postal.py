"""ZIP and postal codes as ID barcodes write them: US ZIPs zero-padded to nine (or eleven)
digits, Canadian codes without the space."""

from __future__ import annotations

import re

_US_DIGITS = re.compile(r"[0-9][0-9 \-]*")
_CA_CODE = re.compile(r"[A-Z][0-9][A-Z][0-9][A-Z][0-9]")


def _us_zip(text: str) -> str | None:
    if not _US_DIGITS.fullmatch(text):
        return None
    digits = re.sub(r"[^0-9]", "", text)
    if len(digits) == 5:
        return digits
    if len(digits) in (9, 11):
        # "902100000" has no ZIP+4; "902101234" does. Eleven digits carry a delivery point we drop.
        zip5, plus4 = digits[:5], digits[5:9]
        return zip5 if plus4 == "0000" else f"{zip5}-{plus4}"
    return None


def _ca_postal(text: str) -> str | None:
    compact = re.sub(r"[\s\-]", "", text)
    if _CA_CODE.fullmatch(compact):
        return f"{compact[:3]} {compact[3:]}"
    return None


def normalise_postal(raw: str, country: str | None) -> tuple[str, bool]:
    """(code as the form wants it, recognised). An unrecognised code comes back trimmed."""
    text = raw.strip().upper()
    readers = {"US": (_us_zip,), "CA": (_ca_postal,)}.get(country or "", (_us_zip, _ca_postal))
    for reader in readers:
        code = reader(text)
        if code is not None:
            return code, True
    return text, False
