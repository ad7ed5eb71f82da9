"""``intake doctor``: the station's setup checked end to end, for a store admin on day one and for
support later. Each check says what it found and, unless all is well, what to do.

* ``app.doctor.local``: the configuration (managed settings, wire-name corrections), the keyring,
  the data folder, the data key, the outbox;
* ``app.doctor.network``: the addresses (https, reachable, TLS with the configured CA bundle),
  the stored key (one cheap authenticated read), the store's plan, the server's clock;
* ``app.doctor.contract``: the field names we send compared with the keys of the store's own
  customer records, read back (never created or changed).

What a report holds is fit for a support ticket: never the API key, never a customer's data
(of the records read, only their key names). The sentences are ``app.i18n.Message`` the window
translates; ``Report.as_json()`` is the same report as data.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from app.i18n import QT_TRANSLATE_NOOP as N
from app.i18n import Message

CONTEXT = "Doctor"
OK, WARNING, PROBLEM, SKIPPED = "ok", "warning", "problem", "skipped"
VERDICTS: tuple[str, ...] = (OK, WARNING, PROBLEM, SKIPPED)
EXIT_CODES = {OK: 0, SKIPPED: 0, WARNING: 1, PROBLEM: 2}
DEFAULT_RECORDS = 20


def msg(template: str, **params: Any) -> Message:
    return Message(template, CONTEXT, **params)


@dataclass(frozen=True)
class Check:
    """One line of the report: ``id`` is stable (for scripts), ``title`` names what was checked,
    ``found`` says what was found, ``advice`` what to do ("" when nothing), ``data`` the details."""

    id: str
    title: str
    verdict: str
    found: str
    advice: str = ""
    data: dict[str, Any] = field(default_factory=dict)

    def as_json(self) -> dict[str, Any]:
        return {"id": self.id, "title": str(self.title), "verdict": self.verdict, "found": str(self.found),
                "advice": str(self.advice), "data": self.data}


@dataclass(frozen=True)
class Report:
    checks: tuple[Check, ...]

    @property
    def verdict(self) -> str:
        found = {c.verdict for c in self.checks}
        return next((v for v in (PROBLEM, WARNING) if v in found), OK)

    @property
    def exit_code(self) -> int:
        return EXIT_CODES[self.verdict]

    def check(self, check_id: str) -> Check:
        return next(c for c in self.checks if c.id == check_id)

    def as_json(self) -> dict[str, Any]:
        return {"verdict": self.verdict, "exit_code": self.exit_code, "checks": [c.as_json() for c in self.checks]}


VERDICT_LABELS = {
    OK: N(CONTEXT, "ok"),
    WARNING: N(CONTEXT, "warning"),
    PROBLEM: N(CONTEXT, "problem"),
    SKIPPED: N(CONTEXT, "not checked"),
}


def run_doctor(config: Any, secrets: Any, *, records: int = DEFAULT_RECORDS, transport: Any = None,
               progress: Callable[[Check], None] | None = None) -> Report:
    """Every check, in order; ``progress`` sees each as it is made. Never raises for what it finds."""
    from app.doctor import contract, local, network

    checks: list[Check] = []

    def add(new: Iterable[Check]) -> None:
        for check in new:
            checks.append(check)
            if progress is not None:
                progress(check)

    add(local.configuration_checks(config))
    add(local.station_checks(config, secrets))
    online = network.NetworkChecks(config, secrets, transport=transport)
    add(online.run())
    add(contract.contract_checks(config, online.client, records))
    online.close()
    return Report(tuple(checks))
