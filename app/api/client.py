"""The client of the POS vendor's Open API (SPEC.md), synchronous on purpose: the window
calls it from a worker thread and the outbox from its own loop.

Every failure leaves this module as exactly one error of ``app.api.errors``. The API key
travels only in its header: it is kept out of ``repr``, of every message and of the log.
"""

from __future__ import annotations

import email.utils
import ipaddress
import json
import logging
import math
import re
import socket
import ssl
import time
import urllib.parse
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import httpx

from app import __version__, wire
from app.api import errorbody
from app.api.errors import (
    ApiError,
    AuthError,
    BadResponse,
    NetworkError,
    NotFound,
    PlanNotAllowed,
    RateLimited,
    Rejected,
    ServerError,
)
from app.credentials import clean_api_key

log = logging.getLogger(__name__)

USER_AGENT = f"intake/{__version__}"
_REDACTED = "<redacted>"
_LOOPBACK_NAMES = frozenset({"localhost"})

# --- keeping secrets and personal data out of the log ---------------------------------------------
# httpx logs every request's URL at INFO; the state-ID lookup carries a customer's ID number in
# its path, and a server may echo the API key into a message. Both are scrubbed before any
# handler sees them.
_STATE_ID_PREFIX = wire.PATH_CUSTOMER_BY_STATE_ID.split("{", 1)[0]
_STATE_ID_IN_URL = re.compile(re.escape(_STATE_ID_PREFIX) + r"[^\s\"'?#]+")
_known_keys: set[str] = set()


def redact(text: str) -> str:
    """``text`` with every API key known to this process and every state ID in a URL hidden."""
    for key in _known_keys:
        if key in text:
            text = text.replace(key, _REDACTED)
    return _STATE_ID_IN_URL.sub(_STATE_ID_PREFIX + _REDACTED, text)


class _RedactingFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a malformed record is the logging module's problem, not a leak
            return True
        cleaned = redact(message)
        if cleaned != message:
            record.msg, record.args = cleaned, None
        return True


def _install_log_redaction() -> None:
    for name in ("httpx", __name__):
        target = logging.getLogger(name)
        if not any(isinstance(f, _RedactingFilter) for f in target.filters):
            target.addFilter(_RedactingFilter())


_install_log_redaction()


# --- URLs ------------------------------------------------------------------------------------------
def is_loopback_host(host: str) -> bool:
    """True for ``localhost``, 127.0.0.0/8 and ::1 (also written as an IPv4-mapped address)."""
    host = host.strip().strip("[]").lower()
    if host in _LOOPBACK_NAMES:
        return True
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return False
    mapped = getattr(address, "ipv4_mapped", None)
    return address.is_loopback or bool(mapped and mapped.is_loopback)


def checked_base_url(url: str, what: str = "API URL") -> str:
    """``url`` without its trailing slash, if it may carry the key: https, or http to this computer."""
    text = (url or "").strip()
    try:
        parsed = httpx.URL(text)
    except (httpx.InvalidURL, TypeError) as exc:
        raise ValueError(f"The {what} {text!r} is not a valid URL ({exc}).") from None
    if not parsed.host or parsed.scheme not in ("http", "https"):
        raise ValueError(f"The {what} {text!r} must be an https:// address such as {wire.DEFAULT_API_URL}.")
    if parsed.scheme == "http" and not is_loopback_host(parsed.host):
        raise ValueError(
            f"The {what} {text!r} uses plain http to {parsed.host}: the API key and customers' data travel only "
            "over https. Plain http is allowed only to this computer (localhost, 127.0.0.1, ::1), e.g. the sandbox."
        )
    return text.rstrip("/")


def _ssl_context(ca_bundle: str) -> ssl.SSLContext:
    """Certificates verified against the store's own CA bundle (a file or a directory of them)."""
    path = Path(ca_bundle).expanduser()
    try:
        if path.is_dir():
            return ssl.create_default_context(capath=str(path))
        return ssl.create_default_context(cafile=str(path))
    except (OSError, ssl.SSLError) as exc:
        raise ValueError(f"The CA bundle {str(path)!r} cannot be used: {exc}") from None


def new_transport(verify: ssl.SSLContext | bool = True) -> httpx.HTTPTransport:
    """httpx's transport with Nagle's algorithm off (as urllib3 does by default).

    httpx writes a request's headers and body in separate sends; with Nagle on, the body may
    wait for the server to acknowledge the headers, and a server that delays its ACKs then
    adds tens of milliseconds to a call.
    """
    return httpx.HTTPTransport(verify=verify, socket_options=[(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)])


# --- Retry-After -----------------------------------------------------------------------------------
def parse_retry_after(value: str | None, now: datetime | None = None) -> float | None:
    """Seconds to wait from a Retry-After header: delay-seconds or an HTTP-date (relative to
    ``now``; a date in the past means 0). None when absent or unreadable."""
    if not value or not value.strip():
        return None
    text = value.strip()
    if re.fullmatch(r"\d+(\.\d+)?", text):
        seconds = float(text)
        return seconds if math.isfinite(seconds) else None
    try:
        when = email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    if when is None:
        return None
    if when.tzinfo is None:  # HTTP-dates are always GMT
        when = when.replace(tzinfo=UTC)
    now = now or datetime.now(UTC)
    return max(0.0, (when - now).total_seconds())


# --- failures ---------------------------------------------------------------------------------------
def _network_error(exc: Exception) -> NetworkError:
    """Which transport failures leave the server possibly having acted on the request.

    Not reached: the connection never opened (refused, DNS, connect timeout, TLS handshake,
    proxy, no free pooled connection), or our side could not finish writing the request
    (a write error or write timeout leaves the server holding an incomplete request, which no
    server acts on; a complete write would have returned before any failure).
    May have reached: everything after the request was fully written - a read timeout, a reset
    or a disconnect before the reply - and anything not recognised, because wrongly answering
    "not reached" could create a customer twice while wrongly answering "reached" costs one lookup.
    """
    text = str(exc) or type(exc).__name__
    if isinstance(exc, httpx.ConnectTimeout):
        return NetworkError(f"The POS server did not answer the connection in time ({text}).", may_have_reached=False)
    if isinstance(exc, httpx.ConnectError):
        if "CERTIFICATE_VERIFY_FAILED" in text or "certificate verify failed" in text.lower():
            return NetworkError(
                f"The POS server's certificate could not be verified ({text}). If the store uses its own "
                "certificate authority, set ca_bundle in the configuration.",
                may_have_reached=False,
            )
        return NetworkError(f"Cannot connect to the POS server ({text}).", may_have_reached=False)
    if isinstance(exc, httpx.PoolTimeout | httpx.ProxyError | httpx.UnsupportedProtocol | httpx.LocalProtocolError):
        return NetworkError(f"The request could not be sent ({text}).", may_have_reached=False)
    if isinstance(exc, httpx.WriteTimeout | httpx.WriteError):
        return NetworkError(f"The request could not be sent completely ({text}).", may_have_reached=False)
    if isinstance(exc, httpx.ReadTimeout):
        return NetworkError(f"The POS server did not answer in time ({text}).", may_have_reached=True)
    return NetworkError(f"The connection to the POS server broke before its answer ({text}).", may_have_reached=True)


# A 422 on state_id is a duplicate only when it says so: "must not contain spaces" is not one.
_DUPLICATE_WORDS = re.compile(r"exist|taken|unique|duplicate|already|in use|registered", re.IGNORECASE)


def _describe(field_errors: dict[str, list[str]], form_errors: list[str]) -> str:
    parts = [f"{name}: {'; '.join(messages)}" for name, messages in field_errors.items()]
    parts.extend(form_errors)
    return "; ".join(parts)


class ApiClient:
    """One station's connection to the POS API. Use as a context manager or call ``close()``."""

    def __init__(
        self,
        api_url: str,
        files_url: str,
        api_key: str,
        *,
        timeout: float = 15.0,
        connect_timeout: float = 5.0,
        ca_bundle: str | None = None,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        self.api_url = checked_base_url(api_url, "API URL")
        self.files_url = checked_base_url(files_url, "files URL")
        key = clean_api_key(api_key)
        _known_keys.add(key)
        self.__key = key
        verify: ssl.SSLContext | bool = _ssl_context(ca_bundle) if ca_bundle else True
        if transport is None:
            transport = new_transport(verify)
        self._http = httpx.Client(
            headers={
                wire.HEADER_API_KEY: key,
                "Accept": "application/json",
                "User-Agent": USER_AGENT,
            },
            timeout=httpx.Timeout(timeout, connect=connect_timeout, pool=connect_timeout),
            transport=transport,
            # A redirect could carry the key to another host, or turn a POST into a GET.
            follow_redirects=False,
        )
        self._customers_url = self.api_url + wire.PATH_CUSTOMERS
        self._groups_url = self.api_url + wire.PATH_CUSTOMER_GROUPS
        self._upload_url = self.files_url + wire.PATH_FILE_UPLOAD

    @classmethod
    def from_config(cls, config: Any, api_key: str, transport: httpx.BaseTransport | None = None) -> ApiClient:
        """A client for the URLs, timeouts and CA bundle of an ``app.config.Config``."""
        return cls(
            config.api_url,
            config.files_url,
            api_key,
            timeout=config.timeout_seconds,
            connect_timeout=config.connect_timeout_seconds,
            ca_bundle=config.ca_bundle,
            transport=transport,
        )

    def __repr__(self) -> str:
        return f"ApiClient(api_url={self.api_url!r}, files_url={self.files_url!r}, api_key=<hidden>)"

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> ApiClient:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    # --- endpoints ------------------------------------------------------------------------------
    def create_customer(self, body: dict[str, Any]) -> dict[str, Any]:
        """POST the customer; returns the created customer (it has ``id`` and ``status``)."""
        try:
            response = self._call("POST", self._customers_url, wire.PATH_CUSTOMERS, json=body)
        except Rejected as exc:
            # A 409 without field detail is the state ID being taken: the only unique field.
            if exc.duplicate and not exc.field_errors and body.get(wire.STATE_ID):
                exc.field_errors[wire.STATE_ID] = ["a customer with this state ID already exists"]
            raise
        return self._customer(self._json(response), response.status_code)

    def upload_file(self, filename: str, content: bytes, content_type: str) -> int:
        """Upload one document file; returns the file id to put in ``documents``."""
        files = {wire.UPLOAD_PART: (filename, content, content_type)}
        response = self._call("POST", self._upload_url, wire.PATH_FILE_UPLOAD, files=files)
        data = self._json(response)
        if isinstance(data, dict) and wire.UPLOAD_RESP_ID not in data and isinstance(data.get("data"), dict):
            data = data["data"]
        file_id = data.get(wire.UPLOAD_RESP_ID) if isinstance(data, dict) else None
        if isinstance(file_id, str) and file_id.strip().isdigit():
            file_id = int(file_id.strip())
        if not isinstance(file_id, int) or isinstance(file_id, bool):
            raise BadResponse("The upload was accepted but the reply has no file id.", status=response.status_code)
        return file_id

    def find_by_state_id(self, state_id: str) -> dict[str, Any] | None:
        """The customer holding ``state_id``, or None. PlanNotAllowed outside the vendor's PRO plan."""
        if not state_id or not state_id.strip():
            raise ValueError("a state ID is needed to look a customer up")
        path = wire.PATH_CUSTOMER_BY_STATE_ID.format(state_id=urllib.parse.quote(state_id.strip(), safe=""))
        try:
            response = self._call("GET", self.api_url + path, wire.PATH_CUSTOMER_BY_STATE_ID)
        except NotFound:
            return None
        return self._customer(self._json(response), response.status_code)

    def list_customer_groups(self) -> list[dict[str, Any]]:
        response = self._call("GET", self._groups_url, wire.PATH_CUSTOMER_GROUPS)
        return self._listing(response)

    def list_customers(self, start_date: date, end_date: date, limit: int = 500) -> list[dict[str, Any]]:
        """Customers created between the two dates (inclusive)."""
        if end_date < start_date:
            raise ValueError("the end date is before the start date")
        if limit < 1:
            raise ValueError("the limit must be at least 1")
        params = {
            wire.QUERY_START_DATE: start_date.strftime(wire.DATE_FORMAT),
            wire.QUERY_END_DATE: end_date.strftime(wire.DATE_FORMAT),
            wire.QUERY_LIMIT: str(limit),
        }
        response = self._call("GET", self._customers_url, wire.PATH_CUSTOMERS, params=params)
        return self._listing(response)

    # --- plumbing -------------------------------------------------------------------------------
    def _call(self, method: str, url: str, label: str, **kwargs: Any) -> httpx.Response:
        """One request; a 2xx response or one typed error. ``label`` is the path template the
        log shows (never the concrete path, which may hold a state ID)."""
        started = time.perf_counter()
        try:
            response = self._http.request(method, url, **kwargs)
        except httpx.DecodingError as exc:
            # The server answered (and so acted) but its body could not be decoded.
            error: ApiError = BadResponse(f"The POS server's reply could not be decoded ({self._scrub(str(exc))}).")
            log.warning("%s %s failed: %s", method, label, type(error).__name__)
            raise error from exc
        except (httpx.HTTPError, OSError) as exc:
            error = _network_error(exc)
            error.message = self._scrub(error.message)
            error.args = (error.message,)
            log.warning("%s %s failed: %s (may have reached: %s)", method, label, type(exc).__name__,
                        error.may_have_reached)
            raise error from exc
        status = response.status_code
        if log.isEnabledFor(logging.DEBUG):
            log.debug("%s %s -> %d in %.0f ms", method, label, status, (time.perf_counter() - started) * 1000)
        if 200 <= status < 300:
            return response
        error = self._status_error(response)
        # a 404 is an answer (a lookup that found nothing), not a failure worth a warning
        log.log(logging.DEBUG if status == 404 else logging.WARNING, "%s %s failed: %s (HTTP %d)", method, label,
                type(error).__name__, status)
        raise error

    def _scrub(self, text: str) -> str:
        return text.replace(self.__key, _REDACTED) if self.__key in text else text

    def _status_error(self, response: httpx.Response) -> ApiError:
        status = response.status_code
        content = response.content
        content_type = response.headers.get("content-type")
        field_errors, form_errors = errorbody.parse_error_body(content, content_type)
        field_errors = {name: [self._scrub(m) for m in msgs] for name, msgs in field_errors.items()}
        form_errors = [self._scrub(m) for m in form_errors]
        detail = errorbody.clip(_describe(field_errors, form_errors))
        suffix = f": {detail}" if detail else "."
        reason = f"HTTP {status} {response.reason_phrase}".strip()

        if status == 401:
            return AuthError(
                f"The POS API refused the API key ({reason}). Store the right key with 'intake credentials set'.",
                status=status,
            )
        if status == 403:
            return PlanNotAllowed(f"The store's POS plan does not allow this call ({reason}){suffix}", status=status)
        if status == 404:
            return NotFound(f"Not found ({reason}){suffix}", status=status)
        if status == 429:
            retry_after = parse_retry_after(response.headers.get(wire.HEADER_RETRY_AFTER))
            wait = f" Retry in {math.ceil(retry_after)} s." if retry_after is not None else ""
            return RateLimited(f"The POS API is limiting requests ({reason}).{wait}", retry_after=retry_after)
        if status >= 500:
            # An HTML error page (from a proxy or gateway) says nothing beyond its status.
            is_page = errorbody.looks_like_html(content[:500].decode("utf-8", "replace")) or (
                content_type is not None and "html" in content_type.lower()
            )
            tail = "." if is_page or not detail else f": {detail}"
            return ServerError(f"The POS server failed ({reason}){tail}", status=status)
        if 300 <= status < 400:
            target = response.headers.get("location", "")
            return ServerError(
                f"The POS API answered with a redirect ({reason}) to {errorbody.clip(target, 200)!r}; "
                "check the API URL in the configuration.",
                status=status,
            )
        if 400 <= status < 500 and status != 408:
            duplicate = status == 409 or any(_DUPLICATE_WORDS.search(m) for m in field_errors.get(wire.STATE_ID, []))
            lead = "A customer with this state ID already exists" if duplicate else "The POS refused the record"
            return Rejected(
                errorbody.clip(f"{lead} ({reason}){suffix}"),
                status=status,
                field_errors=field_errors,
                form_errors=form_errors,
                duplicate=duplicate,
            )
        return ServerError(f"The POS server gave an unexpected answer ({reason}){suffix}", status=status)

    @staticmethod
    def _json(response: httpx.Response) -> Any:
        try:
            return json.loads(response.content)
        except (ValueError, RecursionError):
            kind = "an empty body" if not response.content.strip() else "a body that is not JSON"
            raise BadResponse(
                f"The POS server answered HTTP {response.status_code} with {kind}.", status=response.status_code
            ) from None

    @staticmethod
    def _customer(data: Any, status: int) -> dict[str, Any]:
        customer_id = data.get(wire.RESP_ID) if isinstance(data, dict) else None
        if isinstance(customer_id, bool) or not isinstance(customer_id, int | str) or customer_id == "":
            raise BadResponse(f"The POS server answered HTTP {status} but not with a customer (no id).", status=status)
        return data

    @staticmethod
    def _listing(response: httpx.Response) -> list[dict[str, Any]]:
        data = ApiClient._json(response)
        if isinstance(data, dict):
            data = next((data[k] for k in wire.RESP_LIST_WRAPPERS if isinstance(data.get(k), list)), data)
        if not isinstance(data, list) or not all(isinstance(item, dict) for item in data):
            raise BadResponse("The POS server's reply is not a list of records.", status=response.status_code)
        return data
