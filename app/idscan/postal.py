"""ZIP and postal codes as ID barcodes write them: US ZIPs zero-padded to nine (or eleven)
digits, or padded with spaces and zeros ("0210800000", "96826     0"), Canadian codes without
the space."""

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
    if len(digits) > 5 and not digits[5:].strip("0"):
        return digits[:5]  # zero padding of another length: "0210800000", "96826     0"
    if len(digits) == 10 and not digits[9:].strip("0"):
        return f"{digits[:5]}-{digits[5:9]}"
    return None


def _us_zip_guess(text: str) -> str | None:
    """The five-digit ZIP at the start of a code we cannot read whole ("633011"): shown, but flagged."""
    digits = re.sub(r"[^0-9]", "", text)
    return digits[:5] if _US_DIGITS.fullmatch(text) and len(digits) > 5 else None


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
    if country != "CA" and (guess := _us_zip_guess(text)):
        return guess, False
    return text, False
