"""The checks that talk to the POS: addresses, TLS, the stored key, the plan, the clock.

Reachability is tried without the key (any HTTP answer means the server is there and, over
https, that its certificate verified against the configured CA bundle or the system's). The key
then goes, as always, only to the API's server, for one cheap read (the customer groups) and a
state-ID lookup of a made-up ID, which tells the plan without touching any customer. An update
is never tried: it would change a record; the vendor grants it with the same plan.
"""

from __future__ import annotations

import email.utils
import ssl
import time
from datetime import UTC
from pathlib import Path
from typing import Any

import httpx

from app.api.client import ApiClient, _network_error, checked_base_url, is_loopback_host
from app.api.errors import ApiError, AuthError, PlanNotAllowed
from app.credentials import CredentialsError
from app.doctor import OK, PROBLEM, SKIPPED, WARNING, Check, msg
from app.i18n import QT_TRANSLATE_NOOP as N
from app.settings_rules import check_files_host

CONTEXT = "Doctor"  # app.doctor.CONTEXT, written here for the translation tools
T_CA = N(CONTEXT, "Certificates")
T_API = N(CONTEXT, "API address")
T_FILES = N(CONTEXT, "Files address")
T_KEY = N(CONTEXT, "API key")
T_PLAN = N(CONTEXT, "POS plan")
T_CLOCK = N(CONTEXT, "Clock")

# A state ID no card carries: the lookup finds nobody (404) on the PRO plan, or is refused (403).
PROBE_STATE_ID = "INTAKE-DOCTOR-PROBE-0"
# The server's clock may differ by this much before consent and audit times become doubtful.
CLOCK_WARNING_SECONDS = 60.0
CLOCK_PROBLEM_SECONDS = 300.0
_PROBE_READ_TIMEOUT = 10.0


def _verify(ca_bundle: str | None) -> ssl.SSLContext | bool:
    if not ca_bundle:
        return True
    path = Path(ca_bundle).expanduser()
    if path.is_dir():
        return ssl.create_default_context(capath=str(path))
    return ssl.create_default_context(cafile=str(path))


class NetworkChecks:
    """Run once with ``run()``; afterwards ``client`` is a client whose key the server accepted
    (for the contract check; it reads the server's own names, no corrections applied), or None."""

    def __init__(self, config: Any, secrets: Any, *, transport: httpx.BaseTransport | None = None) -> None:
        self.config = config
        self.secrets = secrets
        self.transport = transport
        self.client: ApiClient | None = None
        self._date: tuple[str, float] | None = None  # the API server's Date header, our time at its receipt

    def close(self) -> None:
        if self.client is not None:
            self.client.close()
            self.client = None

    def run(self) -> list[Check]:
        config = self.config
        checks: list[Check] = []
        ca = self._ca_check()
        checks.append(ca)
        api = self._address("api_address", msg(T_API), config.api_url, usable_ca=ca.verdict != PROBLEM,
                            keep_date=True)
        files = self._address("files_address", msg(T_FILES), config.files_url, usable_ca=ca.verdict != PROBLEM)
        if files.verdict == OK:
            refusal = check_files_host(config.api_url, config.files_url,
                                       bool(getattr(config, "allow_key_to_files_host", False)))
            if refusal:
                files = Check(files.id, files.title, WARNING, files.found, refusal, files.data)
        checks += [api, files]
        key = self._key_check(reachable=api.verdict == OK)
        checks.append(key)
        checks.append(self._plan_check())
        checks.append(self._clock_check())
        return checks

    # --- certificates and addresses ---------------------------------------------------------
    def _ca_check(self) -> Check:
        ca_bundle = self.config.ca_bundle
        if not ca_bundle:
            return Check("ca_bundle", msg(T_CA), OK, msg(N(CONTEXT, "The system's certificate authorities are "
                                                                     "used.")))
        try:
            _verify(ca_bundle)
        except (OSError, ssl.SSLError) as exc:
            reason = getattr(exc, "strerror", None) or getattr(exc, "reason", None) or type(exc).__name__
            return Check("ca_bundle", msg(T_CA), PROBLEM,
                         msg(N(CONTEXT, "The CA bundle {path} cannot be used ({reason})."), path=ca_bundle,
                             reason=str(reason)),
                         msg(N(CONTEXT, "Correct ca_bundle in the configuration, or remove it to use the system's "
                                        "certificates.")))
        return Check("ca_bundle", msg(T_CA), OK, msg(N(CONTEXT, "Verified against the CA bundle {path}."),
                                                     path=ca_bundle), data={"ca_bundle": ca_bundle})

    def _address(self, check_id: str, title: str, url: str, *, usable_ca: bool, keep_date: bool = False) -> Check:
        data: dict[str, Any] = {"url": url}
        try:
            checked = checked_base_url(url)
        except ValueError:
            parsed = _parse(url)
            if parsed is not None and parsed.scheme == "http" and parsed.host and not is_loopback_host(parsed.host):
                return Check(check_id, title, PROBLEM,
                             msg(N(CONTEXT, "{url} uses plain http: the key and customers' data would travel "
                                            "unencrypted."), url=url),
                             msg(N(CONTEXT, "Use the https:// address; plain http is allowed only to this "
                                            "computer.")), data)
            return Check(check_id, title, PROBLEM, msg(N(CONTEXT, "{url} is not a valid https:// address."), url=url),
                         msg(N(CONTEXT, "Correct the address in Settings or the configuration.")), data)
        if not usable_ca:
            return Check(check_id, title, SKIPPED, msg(N(CONTEXT, "Not tried: the CA bundle cannot be used.")),
                         data=data)
        timeout = httpx.Timeout(min(float(self.config.timeout_seconds), _PROBE_READ_TIMEOUT),
                                connect=float(self.config.connect_timeout_seconds))
        try:
            with httpx.Client(verify=_verify(self.config.ca_bundle), timeout=timeout, follow_redirects=False,
                              transport=self.transport, headers={"Accept": "application/json"}) as http:
                sent = time.time()
                with http.stream("GET", checked + "/") as response:
                    received = time.time()
                    status = response.status_code
                    date = response.headers.get("date")
        except (httpx.HTTPError, OSError) as exc:
            error = _network_error(exc)
            tls = "CERTIFICATE_VERIFY_FAILED" in str(exc) or "certificate verify failed" in str(exc).lower()
            data["error"] = type(exc).__name__
            if tls:
                return Check(check_id, title, PROBLEM,
                             msg(N(CONTEXT, "The server's certificate is not valid for this computer: {reason}"),
                                 reason=error.message),
                             msg(N(CONTEXT, "If the store uses its own certificate authority, set its CA bundle in "
                                            "Settings; otherwise the network may be intercepting the connection.")),
                             data)
            return Check(check_id, title, PROBLEM, msg(N(CONTEXT, "Cannot reach {url}: {reason}"), url=checked,
                                                       reason=error.message),
                         msg(N(CONTEXT, "Check the address, the network and any firewall or proxy.")), data)
        if keep_date and date:
            self._date = (date, (sent + received) / 2)
        data["status"] = status
        secure = checked.lower().startswith("https://")
        found = (msg(N(CONTEXT, "Reachable over https, certificate valid (HTTP {status} without a key)."),
                     status=status) if secure else
                 msg(N(CONTEXT, "Reachable over plain http on this computer (HTTP {status} without a key)."),
                     status=status))
        return Check(check_id, title, OK, found, data=data)

    # --- the key and the plan -------------------------------------------------------------------
    def _key_check(self, *, reachable: bool) -> Check:
        title = msg(T_KEY)
        if not reachable:
            return Check("api_key", title, SKIPPED, msg(N(CONTEXT, "Not tried: the API address is not reachable.")))
        try:
            key = self.secrets.get_api_key(self.config.api_url)
        except CredentialsError as exc:
            return Check("api_key", title, PROBLEM, msg(N(CONTEXT, "The key cannot be read from the keyring: "
                                                                   "{reason}"), reason=str(exc)))
        if not key:
            return Check("api_key", title, PROBLEM, msg(N(CONTEXT, "No API key is stored for {url}."),
                                                        url=self.config.api_url),
                         msg(N(CONTEXT, "Enter it in Settings, or with 'intake credentials set'.")))
        try:
            client = ApiClient.from_config(self.config, key, transport=self.transport)
        except ValueError as exc:
            return Check("api_key", title, PROBLEM, msg(N(CONTEXT, "The connection settings cannot be used: "
                                                                   "{reason}"), reason=str(exc)))
        client.wire_names = type(client.wire_names)()  # the doctor reads the server's own names
        try:
            groups = client.list_customer_groups()
        except AuthError:
            client.close()
            return Check("api_key", title, PROBLEM, msg(N(CONTEXT, "The POS refused the stored key.")),
                         msg(N(CONTEXT, "Store the store's current key in Settings, or with 'intake credentials "
                                        "set'.")), {"status": 401})
        except ApiError as exc:
            client.close()
            return Check("api_key", title, PROBLEM, msg(N(CONTEXT, "The key could not be tried: {reason}"),
                                                        reason=exc.message), data={"status": exc.status})
        self.client = client
        return Check("api_key", title, OK, msg(N(CONTEXT, "Accepted (a read of the customer groups: {count})."),
                                               count=len(groups)), data={"groups": len(groups)})

    def _plan_check(self) -> Check:
        title = msg(T_PLAN)
        if self.client is None:
            return Check("plan", title, SKIPPED, msg(N(CONTEXT, "Not tried: the stored key could not be used.")))
        try:
            self.client.find_by_state_id(PROBE_STATE_ID)
        except PlanNotAllowed:
            return Check("plan", title, WARNING,
                         msg(N(CONTEXT, "The store's plan refuses the PRO-only calls: looking customers up by state "
                                        "ID and updating them.")),
                         msg(N(CONTEXT, "Returning customers are not found by their ID and updates are refused; "
                                        "the vendor's PRO plan allows both.")),
                         {"state_id_lookup": False, "update": False})
        except ApiError as exc:
            return Check("plan", title, WARNING, msg(N(CONTEXT, "The plan could not be told: {reason}"),
                                                     reason=exc.message))
        return Check("plan", title, OK,
                     msg(N(CONTEXT, "Lookup by state ID allowed; updates allowed with the same plan (not tried: it "
                                    "would change a record).")),
                     data={"state_id_lookup": True, "update": True})

    # --- the clock --------------------------------------------------------------------------------
    def _clock_check(self) -> Check:
        title = msg(T_CLOCK)
        if self._date is None:
            return Check("clock", title, SKIPPED, msg(N(CONTEXT, "Not checked: the API server gave no Date.")))
        text, ours = self._date
        try:
            theirs = email.utils.parsedate_to_datetime(text)
        except (TypeError, ValueError, IndexError):
            theirs = None
        if theirs is None:
            return Check("clock", title, SKIPPED, msg(N(CONTEXT, "Not checked: the API server's Date cannot be "
                                                                 "read.")))
        if theirs.tzinfo is None:
            theirs = theirs.replace(tzinfo=UTC)
        difference = ours - theirs.timestamp()
        data = {"difference_seconds": round(difference)}
        ahead = abs(round(difference))
        if abs(difference) >= CLOCK_WARNING_SECONDS:
            found = (msg(N(CONTEXT, "This computer's clock is {seconds} s ahead of the server's."), seconds=ahead)
                     if difference > 0 else
                     msg(N(CONTEXT, "This computer's clock is {seconds} s behind the server's."), seconds=ahead))
            verdict = PROBLEM if abs(difference) >= CLOCK_PROBLEM_SECONDS else WARNING
            return Check("clock", title, verdict, found,
                         msg(N(CONTEXT, "Consent and audit times come from this clock: set it to synchronise with "
                                        "network time.")), data)
        return Check("clock", title, OK, msg(N(CONTEXT, "Within {seconds} s of the server's."),
                                             seconds=max(1, ahead)), data=data)


def _parse(url: str) -> httpx.URL | None:
    try:
        return httpx.URL((url or "").strip())
    except (httpx.InvalidURL, TypeError):
        return None
