"""``intake lookup --state-id ID``: the POS's customer holding a state ID, as JSON.

Exit codes: 0 found (the customer's JSON on standard output), 1 not found, 2 bad usage,
configuration or keyring, or the store's POS plan does not allow the lookup (the vendor's PRO
plan only), 3 the POS could not be reached. The lookup is recorded in the audit trail (the
outcome and the customer's POS id, never the state ID).
"""

from __future__ import annotations

import argparse
import json
import sys

from app import rules
from app.api.errors import ApiError, AuthError, NetworkError, PlanNotAllowed, RateLimited, ServerError
from app.audit import LOOKED_UP
from app.commands._common import clerk_of, fail
from app.commands.outbox import open_station
from app.config import ConfigError
from app.credentials import CredentialsError
from app.intake_events import IntakeEvent, record_in_station_log
from app.storage import StorageError

EXIT_FOUND = 0
EXIT_NOT_FOUND = 1
EXIT_UNUSABLE = 2
EXIT_UNREACHABLE = 3
_COMMAND = "lookup"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--state-id", required=True, metavar="ID",
                        help="the state ID (driver's licence or ID card number)")
    parser.add_argument("--clerk", help="who looks up, for the audit trail (default: the login name)")
    parser.epilog = ("Exit status: 0 found (the customer's JSON printed); 1 not found; 2 bad usage or configuration, "
                     "or a POS plan without state-ID lookups; 3 the POS could not be reached.")


def run(args: argparse.Namespace) -> int:
    try:
        state_id = rules.state_id_key(args.state_id)
    except rules.FieldProblem:
        state_id = ""
    if not state_id:
        return fail(_COMMAND, "--state-id needs a state ID")
    try:
        station = open_station()
    except (ConfigError, CredentialsError, StorageError) as exc:
        return fail(_COMMAND, str(exc))
    try:
        code, reason, customer = _lookup(station, state_id)
        problem = record_in_station_log(station, clerk_of(args), [IntakeEvent(
            LOOKED_UP, None, customer_id=customer.get("id") if customer else None,
            details={"reason": reason, "source": "cli"})])
        if problem:
            print(f"intake {_COMMAND}: the audit trail could not be written: {problem}", file=sys.stderr)
        return code
    finally:
        station.close()


def _lookup(station, state_id: str) -> tuple[int, str, dict | None]:
    try:
        with station.client() as client:
            customer = client.find_by_state_id(state_id)
    except CredentialsError as exc:
        return fail(_COMMAND, str(exc)), "no_key", None
    except PlanNotAllowed:
        return fail(_COMMAND, "the store's POS plan does not allow looking customers up by state ID "
                              "(the vendor's PRO plan does); the station still creates customers."), "plan", None
    except AuthError as exc:
        return fail(_COMMAND, str(exc)), "auth", None
    except (NetworkError, ServerError, RateLimited) as exc:
        print(f"intake {_COMMAND}: the POS could not be reached: {exc}", file=sys.stderr)
        return EXIT_UNREACHABLE, "unreachable", None
    except (ApiError, ValueError) as exc:
        return fail(_COMMAND, str(exc)), "error", None
    if customer is None:
        print(f"intake {_COMMAND}: no customer in the POS holds this state ID", file=sys.stderr)
        return EXIT_NOT_FOUND, "not_found", None
    print(json.dumps(customer, indent=2, ensure_ascii=False))
    return EXIT_FOUND, "found", customer
