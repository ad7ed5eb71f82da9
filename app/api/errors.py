"""The typed failures of a call to the POS API.

Every failure the client meets becomes exactly one of these, so the window and the outbox
can act on the kind (pause, retry, send back to the clerk) without reading status codes.
Messages are for people and never carry the API key.
"""

from __future__ import annotations


class ApiError(Exception):
    """Base of every API failure. ``message`` is fit to show a clerk or an admin."""

    retryable = False
    # True when the server may have acted on the request even though the call failed: the
    # outbox must then ask the server before sending a create again (see NetworkError).
    may_have_reached = False

    def __init__(self, message: str, *, status: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.status = status

    def __repr__(self) -> str:
        return f"{type(self).__name__}(status={self.status!r}, message={self.message!r})"


class AuthError(ApiError):
    """401: the API key is missing, wrong or revoked. The admin must fix the key."""


class PlanNotAllowed(ApiError):
    """403: the store's plan does not include this call (state-ID lookup is PRO only)."""


class NotFound(ApiError):
    """404."""


class Rejected(ApiError):
    """409/422: the server refused the record. ``field_errors`` is keyed by wire name
    (dotted for members, e.g. ``address.zip``); ``form_errors`` holds what names no field."""

    def __init__(
        self,
        message: str,
        *,
        status: int | None = None,
        field_errors: dict[str, list[str]] | None = None,
        form_errors: list[str] | None = None,
        duplicate: bool = False,
    ) -> None:
        super().__init__(message, status=status)
        self.field_errors = dict(field_errors or {})
        self.form_errors = list(form_errors or [])
        self.duplicate = duplicate


class ConfigurationError(ApiError):
    """The station's configuration forbids the call, which was not sent (e.g. the files URL is
    on another server than the API URL, and the key may not go there). An admin must fix it."""


class RateLimited(ApiError):
    """429. ``retry_after`` is in seconds when the server said."""

    retryable = True

    def __init__(self, message: str, *, status: int | None = 429, retry_after: float | None = None) -> None:
        super().__init__(message, status=status)
        self.retry_after = retry_after


class ServerError(ApiError):
    """5xx, or any other reply the client cannot use."""

    retryable = True
    # A 500 can come after the record was written, and a gateway's 502/504 after it forwarded
    # the request, so a failed create may still have created the customer.
    may_have_reached = True


class BadResponse(ServerError):
    """A success status with a body that is not what the contract says (not JSON, no id...)."""


class NetworkError(ApiError):
    """No usable reply. ``may_have_reached`` is True when the request may have been
    processed by the server (a timeout or reset after sending), False when it surely was
    not (connection refused, name resolution failed, connect timeout)."""

    retryable = True

    def __init__(self, message: str, *, may_have_reached: bool) -> None:
        super().__init__(message, status=None)
        self.may_have_reached = may_have_reached

    def __repr__(self) -> str:
        return f"NetworkError(may_have_reached={self.may_have_reached!r}, message={self.message!r})"


# --- ids in the server's replies ---------------------------------------------------------------
MAX_ID = 2**63 - 1
MAX_ID_CHARS = 64


def usable_id(value: object) -> bool:
    """Whether a customer or file id from the server can be kept and sent back: a whole number
    from 1 to MAX_ID, or a printable text of at most MAX_ID_CHARS characters."""
    if isinstance(value, bool):
        return False
    if isinstance(value, int):
        return 1 <= value <= MAX_ID
    if isinstance(value, str):
        text = value.strip()
        return 0 < len(text) <= MAX_ID_CHARS and text.isprintable()
    return False
