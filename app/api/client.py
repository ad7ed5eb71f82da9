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
    MAX_ID,
    MAX_ID_CHARS,
    ApiError,
    AuthError,
    BadResponse,
    ConfigurationError,
    NetworkError,
    NotFound,
    PlanNotAllowed,
    RateLimited,
    Rejected,
    ServerError,
    usable_id,
)
from app.api.redaction import REDACTED, RedactingFilter, remember_key
from app.api.timeouts import CREATE_TIMEOUT_MIN
from app.credentials import clean_api_key

log = logging.getLogger(__name__)

USER_AGENT = f"intake/{__version__}"
_LOOPBACK_NAMES = frozenset({"localhost"})
# A reply longer than this is not read: the API's answers are a few kilobytes, a listing of a
# busy day's customers a few hundred.
MAX_REPLY_BYTES = 8 * 1024 * 1024
# The slowest upload the default request deadline leaves time for: 1 Mbit/s.
_SLOWEST_UPLOAD = 128 * 1024
# The most time the default request deadline leaves for reading a reply once it has begun.
_REPLY_TIME = 10.0

def _install_log_redaction() -> None:
    for name in ("httpx", __name__):
        target = logging.getLogger(name)
        if not any(isinstance(f, RedactingFilter) for f in target.filters):
            target.addFilter(RedactingFilter())


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


def new_transport(verify: ssl.SSLContext | bool = True) -> httpx.HTTPTransport:
    """httpx's transport with Nagle's algorithm off and each request's deadline enforced
    (app.api.transport; loaded, with httpcore, only once a client is made)."""
    from app.api.transport import new_transport as make

    return make(verify)


def origin(url: str | httpx.URL) -> tuple[str, str, int]:
    """Scheme, host and port of ``url`` (the port filled in): what decides who receives a request."""
    parsed = httpx.URL(url) if isinstance(url, str) else url
    port = parsed.port or (443 if parsed.scheme == "https" else 80)
    return parsed.scheme, parsed.host.lower(), port


def _show_origin(url: str) -> str:
    parsed = httpx.URL(url)
    return f"{parsed.scheme}://{parsed.netloc.decode('ascii', 'replace')}"


def _ssl_context(ca_bundle: str) -> ssl.SSLContext:
    """Certificates verified against the store's own CA bundle (a file or a directory of them)."""
    path = Path(ca_bundle).expanduser()
    try:
        if path.is_dir():
            return ssl.create_default_context(capath=str(path))
        return ssl.create_default_context(cafile=str(path))
    except (OSError, ssl.SSLError) as exc:
        raise ValueError(f"The CA bundle {str(path)!r} cannot be used: {exc}") from None


# --- Retry-After -----------------------------------------------------------------------------------
# The longest wait a server's Retry-After can impose: a server asking for more (a date years
# ahead, 1e300 seconds, "inf") is obeyed for this long, then asked again.
MAX_RETRY_AFTER = 3600.0


def parse_retry_after(value: str | None, now: datetime | None = None) -> float | None:
    """Seconds to wait from a Retry-After header: delay-seconds or an HTTP-date (relative to
    ``now``; a date in the past means 0), never more than MAX_RETRY_AFTER nor less than 0.
    A number in any notation counts ("1e300" and "inf" mean "a long time"). None when absent
    or unreadable (NaN and negative numbers included)."""
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()
    try:
        seconds = float(text)
    except ValueError:
        seconds = _seconds_until_date(text, now)
    if seconds is None or math.isnan(seconds) or (seconds < 0 and text.startswith("-")):
        return None  # a negative number is no Retry-After; a date in the past is "now"
    return min(MAX_RETRY_AFTER, max(0.0, seconds))


def _seconds_until_date(text: str, now: datetime | None) -> float | None:
    try:
        when = email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    if when is None:
        return None
    if when.tzinfo is None:  # HTTP-dates are always GMT
        when = when.replace(tzinfo=UTC)
    try:
        return (when - (now or datetime.now(UTC))).total_seconds()
    except (OverflowError, TypeError):
        return None


# --- ids in replies: usable_id (app.api.errors) ---------------------------------------------------
# A record id is a positive integer that fits the station's database (64-bit signed), or a short
# string without control characters. Anything else is a reply the station cannot store.


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


def _past_deadline(error: NetworkError, limit: float) -> NetworkError:
    """The timeout ``error`` said as what it was: the request's whole time limit ran out."""
    seconds = f"{limit:.1f}".rstrip("0").rstrip(".")
    if error.may_have_reached:
        text = f"The POS server did not finish its answer within the request's time limit ({seconds} s)."
    else:
        text = f"The request could not be sent within its time limit ({seconds} s)."
    return NetworkError(text, may_have_reached=error.may_have_reached)


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
        allow_key_to_files_host: bool = False,
        max_reply_bytes: int = MAX_REPLY_BYTES,
        request_deadline: float | None = None,
        create_timeout: float | None = None,
        wire_names: wire.WireNames | None = None,
    ) -> None:
        """``allow_key_to_files_host``: send the key to a files URL on another server than the
        API URL (otherwise such an upload is refused). ``max_reply_bytes``: a longer reply is
        not read. ``request_deadline``: seconds one request may take in all, connecting,
        sending and the whole reply included (by default from the timeouts, see _deadline_for).
        ``create_timeout``: how long a create may take to answer (default: the timeout, at least
        CREATE_TIMEOUT_MIN seconds): a slow create is better waited for than sent again.
        ``wire_names``: the store's corrections of field names (app.wire.WireNames), applied to
        every body sent and every customer record and field error read back."""
        self.api_url = checked_base_url(api_url, "API URL")
        self.files_url = checked_base_url(files_url, "files URL")
        self.allow_key_to_files_host = bool(allow_key_to_files_host)
        self.max_reply_bytes = max(1, int(max_reply_bytes))
        self.request_deadline = request_deadline
        self.wire_names = wire_names or wire.WireNames()
        self._api_origin = origin(self.api_url)
        self._files_origin = origin(self.files_url)
        key = clean_api_key(api_key)
        remember_key(key)
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
        create_read = max(timeout, CREATE_TIMEOUT_MIN) if create_timeout is None else create_timeout
        self.create_timeout = float(create_read)
        self._create_timeout = httpx.Timeout(create_read, connect=connect_timeout, pool=connect_timeout)
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
            allow_key_to_files_host=getattr(config, "allow_key_to_files_host", False),
            wire_names=wire.WireNames(dict(getattr(config, "wire_names", ()) or ())),
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
            response = self._call("POST", self._customers_url, wire.PATH_CUSTOMERS, json=self.wire_names.outgoing(body),
                                  timeout=self._create_timeout)
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
        if not usable_id(file_id):
            raise BadResponse("The upload was accepted but the reply's file id cannot be one.",
                              status=response.status_code)
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

    def get_customer(self, customer_id: int | str) -> dict[str, Any] | None:
        """The customer with this POS id, or None (deleted or unknown)."""
        try:
            response = self._call("GET", self._customer_url(customer_id), wire.PATH_CUSTOMER)
        except NotFound:
            return None
        return self._customer(self._json(response), response.status_code)

    def update_customer(self, customer_id: int | str, changes: dict[str, Any]) -> dict[str, Any]:
        """PATCH the changed fields; returns the customer as it now is (or, when the reply has no
        customer, the changes with the id). NotFound: no such customer; PlanNotAllowed outside
        the vendor's PRO plan; Rejected with field errors like a create."""
        response = self._call("PATCH", self._customer_url(customer_id), wire.PATH_CUSTOMER,
                              json=self.wire_names.outgoing(changes))
        if not response.content.strip():  # the reply's shape is assumed (SPEC.md): accept an empty 200/204
            return {**changes, wire.RESP_ID: customer_id}
        data = self._json(response)
        if isinstance(data, dict) and wire.RESP_ID not in data:
            return {**changes, **self.wire_names.incoming(data), wire.RESP_ID: customer_id}
        return self._customer(data, response.status_code)

    def _customer_url(self, customer_id: int | str) -> str:
        text = str(customer_id).strip()
        if not text or len(text) > 64:
            raise ValueError("a customer id is needed")
        return self.api_url + wire.PATH_CUSTOMER.format(customer_id=urllib.parse.quote(text, safe=""))

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
        return [self.wire_names.incoming(record) for record in self._listing(response)]

    # --- plumbing -------------------------------------------------------------------------------
    def _call(self, method: str, url: str, label: str, **kwargs: Any) -> httpx.Response:
        """One request; a 2xx response or one typed error. ``label`` is the path template the
        log shows (never the concrete path, which may hold a state ID)."""
        started = time.perf_counter()
        request = self._http.build_request(method, url, **kwargs)
        self._check_key_destination(request, method, label)
        limit = self._deadline_for(request)
        from app.api.transport import deadline  # loaded by now unless a test brought its own transport

        try:
            with deadline(limit) as ends:
                streamed = self._http.send(request, stream=True)
                try:
                    response = self._read_reply(request, streamed, ends)
                finally:
                    streamed.close()
        except BadResponse as error:
            log.warning("%s %s failed: %s (HTTP %s)", method, label, type(error).__name__, error.status)
            raise
        except httpx.DecodingError as exc:
            # The server answered (and so acted) but its body could not be decoded.
            error: ApiError = BadResponse(f"The POS server's reply could not be decoded ({self._scrub(str(exc))}).")
            log.warning("%s %s failed: %s", method, label, type(error).__name__)
            raise error from exc
        except (httpx.HTTPError, OSError) as exc:
            error = _network_error(exc)
            if isinstance(exc, httpx.TimeoutException) and time.monotonic() >= ends - 0.05:
                error = _past_deadline(error, limit)
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

    def _check_key_destination(self, request: httpx.Request, method: str, label: str) -> None:
        """The key goes only to the API's own server (scheme, host and port of the API URL), and
        to the files URL's server only when the configuration allows it: else nothing is sent."""
        target = origin(request.url)
        if target == self._api_origin or (self.allow_key_to_files_host and target == self._files_origin):
            return
        shown = _show_origin(str(request.url))
        if target == self._files_origin:
            message = (
                f"The files URL ({shown}) is on another server than the API URL "
                f"({_show_origin(self.api_url)}), and the API key is sent only to the API's own server: "
                "nothing was sent. If the POS vendor does serve files from there, an admin sets "
                "allow_key_to_files_host = true in the configuration; otherwise correct the files URL."
            )
        else:
            message = f"The API key is sent only to the API's own server, not to {shown}: nothing was sent."
        log.warning("%s %s refused: %s", method, label, message)
        raise ConfigurationError(message)

    def _deadline_for(self, request: httpx.Request) -> float:
        """Seconds the whole request may take: connecting, the server's work (one read timeout),
        its reply (as long again, at most _REPLY_TIME), and the body's time at 1 Mbit/s (an upload)."""
        if self.request_deadline is not None:
            return self.request_deadline
        timeouts = request.extensions.get("timeout") or {}
        wait = max((t for t in (timeouts.get("read"), timeouts.get("write")) if t), default=15.0)
        size = request.headers.get("content-length", "")
        upload = int(size) / _SLOWEST_UPLOAD if size.isdigit() else 0.0
        return (timeouts.get("connect") or 0.0) + wait + min(wait, _REPLY_TIME) + upload

    def _read_reply(self, request: httpx.Request, streamed: httpx.Response, ends: float) -> httpx.Response:
        """The streamed reply read into memory, up to ``max_reply_bytes``: a longer success is a
        BadResponse (not read further); a longer error reply is cut (its start says enough)."""
        cap = self.max_reply_bytes
        status = streamed.status_code
        success = 200 <= status < 300
        too_long = BadResponse(
            f"The POS server's reply is longer than {cap} bytes and was not read.", status=status)
        declared = streamed.headers.get("content-length", "").strip()
        if success and declared.isdigit() and int(declared) > cap:
            raise too_long
        chunks: list[bytes] = []
        size = 0
        for chunk in streamed.iter_bytes():
            if time.monotonic() >= ends:  # the transport enforces it too; this covers any other
                raise httpx.ReadTimeout("the request's time limit has passed", request=request)
            if size + len(chunk) > cap:
                if success:
                    raise too_long
                chunks.append(chunk[: cap - size])
                break
            chunks.append(chunk)
            size += len(chunk)
        dropped = ("content-encoding", "content-length", "transfer-encoding")  # the body kept is decoded
        reply = httpx.Response(
            status,
            headers=[(k, v) for k, v in streamed.headers.multi_items() if k.lower() not in dropped],
            stream=httpx.ByteStream(b"".join(chunks)),
            request=request,
            extensions={k: v for k, v in streamed.extensions.items() if k in ("http_version", "reason_phrase")},
        )
        reply.read()
        return reply

    def _scrub(self, text: str) -> str:
        return text.replace(self.__key, REDACTED) if self.__key in text else text

    def _status_error(self, response: httpx.Response) -> ApiError:
        status = response.status_code
        content = response.content
        content_type = response.headers.get("content-type")
        field_errors, form_errors = errorbody.parse_error_body(content, content_type)
        field_errors = {self.wire_names.incoming_field(name): [self._scrub(m) for m in msgs]
                        for name, msgs in field_errors.items()}
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

    def _customer(self, data: Any, status: int) -> dict[str, Any]:
        customer_id = data.get(wire.RESP_ID) if isinstance(data, dict) else None
        if customer_id is None:
            raise BadResponse(f"The POS server answered HTTP {status} but not with a customer (no id).", status=status)
        if not usable_id(customer_id):
            raise BadResponse(
                f"The POS server answered HTTP {status} with a customer id the station cannot use "
                f"(neither a whole number from 1 to {MAX_ID} nor a text of at most {MAX_ID_CHARS} characters).",
                status=status,
            )
        return self.wire_names.incoming(data)

    @staticmethod
    def _listing(response: httpx.Response) -> list[dict[str, Any]]:
        data = ApiClient._json(response)
        if isinstance(data, dict):
            data = next((data[k] for k in wire.RESP_LIST_WRAPPERS if isinstance(data.get(k), list)), data)
        if not isinstance(data, list) or not all(isinstance(item, dict) for item in data):
            raise BadResponse("The POS server's reply is not a list of records.", status=response.status_code)
        return data
