"""Keeping secrets and personal data out of the log, for the API client's loggers and the log file.

httpx logs every request's URL at INFO; the state-ID lookup carries a customer's ID number in its
path, and a server may echo the API key into a message. ``RedactingFilter`` scrubs both before any
handler sees them. This module loads nothing heavy, so the log file can use it from start-up on.
"""

from __future__ import annotations

import logging
import re

from app import wire

REDACTED = "<redacted>"
_STATE_ID_PREFIX = wire.PATH_CUSTOMER_BY_STATE_ID.split("{", 1)[0]
_STATE_ID_IN_URL = re.compile(re.escape(_STATE_ID_PREFIX) + r"[^\s\"'?#]+")
_known_keys: set[str] = set()


def remember_key(key: str) -> None:
    """An API key this process uses: hidden wherever it appears in a log line from now on."""
    _known_keys.add(key)


def redact(text: str) -> str:
    """``text`` with every API key known to this process and every state ID in a URL hidden."""
    for key in _known_keys:
        if key in text:
            text = text.replace(key, REDACTED)
    return _STATE_ID_IN_URL.sub(_STATE_ID_PREFIX + REDACTED, text)


class RedactingFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a malformed record is the logging module's problem, not a leak
            return True
        cleaned = redact(message)
        if cleaned != message:
            record.msg, record.args = cleaned, None
        return True
